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

// ownGroup starts cmd in a process group of its own: the children it
// starts (git's filters, a shell's commands) are killed with it, and a
// Ctrl-C in the terminal reaches l10nlint alone, which stops them.
func ownGroup(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
}

// killGroup kills cmd's process group.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Process.Kill()
	}
}
