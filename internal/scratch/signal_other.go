//go:build !unix

package scratch

import (
	"os"
	"os/exec"
)

var interrupts = []os.Signal{os.Interrupt}

// raise cannot send a signal again here: the caller exits with a status.
func raise(os.Signal) {}

func exitCode(os.Signal) int { return 130 }

func ownGroup(*exec.Cmd) {}

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
