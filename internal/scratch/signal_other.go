//go:build !unix && !windows

package scratch

import (
	"os"
	"os/exec"
)

var interrupts = []os.Signal{os.Interrupt}

// raise cannot send a signal again here: the caller exits with a status.
func raise(os.Signal) {}

func exitCode(os.Signal) int { return 130 }

func killChild(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
