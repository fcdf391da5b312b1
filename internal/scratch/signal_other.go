//go:build !unix

package scratch

import (
	"os"
	"syscall"
)

var interrupts = []os.Signal{os.Interrupt, syscall.SIGTERM}

// raise cannot send a signal again here: the caller exits with a status.
func raise(os.Signal) {}
