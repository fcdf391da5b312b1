//go:build unix

package scratch

import (
	"os"
	"syscall"
	"time"
)

var interrupts = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// raise sends s to the process again, its handler reset: the process ends
// by it.
func raise(s os.Signal) {
	if n, ok := s.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), n)
		time.Sleep(time.Second) // the signal ends the process meanwhile
	}
}
