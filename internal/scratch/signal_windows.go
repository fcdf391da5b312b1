//go:build windows

package scratch

import (
	"os"
	"os/exec"
	"syscall"
)

// SIGTERM: the console closed, a logoff or a shutdown.
var interrupts = []os.Signal{os.Interrupt, syscall.SIGTERM}

// raise cannot send a signal again here: the caller exits with a status.
func raise(os.Signal) {}

func exitCode(os.Signal) int { return 130 }

func killChild(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
