//go:build unix

package scratch

import (
	"os"
	"os/exec"
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

// exitCode is the status a shell gives a process ended by s.
func exitCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

// killChild kills cmd. It stays in l10nlint's process group (its own
// would stop git reading a terminal prompt, an ssh passphrase, and escape
// a supervisor killing the group): its children get a terminal's signal
// as l10nlint does.
func killChild(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
