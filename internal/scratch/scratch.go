// Package scratch makes the temporary files and folders of a run and keeps
// track of them, so that a run interrupted by Ctrl-C or SIGTERM removes
// them before it exits: a fix or report is written beside its file and
// renamed over it, and an interrupted run must not leave
// ".page.md.l10nlint-123" in the documentation set for the next
// "git add -A" to pick up.
package scratch

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

var (
	mu      sync.Mutex
	tracked = map[string]bool{}
	closed  bool // interrupted: nothing more is made
)

// errInterrupted is the error of a temporary file asked for after an
// interruption.
var errInterrupted = errors.New("interrupted")

// CreateTemp is os.CreateTemp, tracked until Done or Remove.
func CreateTemp(dir, pattern string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	if closed {
		return nil, errInterrupted
	}
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		tracked[f.Name()] = true
	}
	return f, err
}

// MkdirTemp is os.MkdirTemp, tracked (with all it will hold) until Done or
// Remove.
func MkdirTemp(dir, pattern string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if closed {
		return "", errInterrupted
	}
	p, err := os.MkdirTemp(dir, pattern)
	if err == nil {
		tracked[p] = true
	}
	return p, err
}

// Track adds a path made otherwise (a report file created empty for a
// run) to what an interruption removes.
func Track(path string) {
	mu.Lock()
	defer mu.Unlock()
	tracked[path] = true
}

// Done stops tracking path: it was renamed into place or is kept.
func Done(path string) {
	mu.Lock()
	defer mu.Unlock()
	delete(tracked, path)
}

// Remove removes path and all it holds, and stops tracking it.
func Remove(path string) error {
	mu.Lock()
	defer mu.Unlock()
	delete(tracked, path)
	return os.RemoveAll(path)
}

// Tracked returns the tracked paths, sorted.
func Tracked() []string {
	mu.Lock()
	defer mu.Unlock()
	out := make([]string, 0, len(tracked))
	for p := range tracked {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Rename renames a tracked temporary file into place and stops tracking
// both names, at once: an interruption removes the temporary file or
// leaves the renamed one, never a finished file under its final name.
func Rename(from, to string) error {
	mu.Lock()
	defer mu.Unlock()
	if closed {
		return errInterrupted
	}
	if err := os.Rename(from, to); err != nil {
		return err
	}
	delete(tracked, from)
	delete(tracked, to)
	return nil
}

var (
	procMu     sync.Mutex
	procs      = map[*exec.Cmd]chan struct{}{}
	procClosed bool
)

// Start starts cmd, a child whose output lands in tracked paths (git
// writing a snapshot): an interruption kills it, and waits for it, before
// removing them. End it with Wait.
func Start(cmd *exec.Cmd) error {
	procMu.Lock()
	defer procMu.Unlock()
	if procClosed {
		return errInterrupted
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	procs[cmd] = make(chan struct{})
	return nil
}

// Wait waits for a command Start started.
func Wait(cmd *exec.Cmd) error {
	err := cmd.Wait()
	procMu.Lock()
	if done, ok := procs[cmd]; ok {
		close(done)
		delete(procs, cmd)
	}
	procMu.Unlock()
	return err
}

// interrupting is set once a signal is being handled: the run's own end
// (a child killed, its error) must then neither be reported nor exit.
var interrupting atomic.Bool

// Exit ends the process with code, unless an interruption is being
// handled: its handler ends the process, by the signal.
func Exit(code int) {
	if interrupting.Load() {
		select {}
	}
	os.Exit(code)
}

// Stderr is w, silent once an interruption is being handled (the errors
// of a run cut short are no news).
func Stderr(w io.Writer) io.Writer { return quiet{w} }

type quiet struct{ w io.Writer }

func (q quiet) Write(p []byte) (int, error) {
	if interrupting.Load() {
		return len(p), nil
	}
	return q.w.Write(p)
}

// cleanUp kills the children still running and waits for them (a second
// at most), then removes every tracked path and refuses new ones; it holds
// the lock until the process exits, so that no rename or new file races
// it.
func cleanUp() {
	procMu.Lock()
	procClosed = true
	var running []chan struct{}
	for cmd, done := range procs {
		killChild(cmd)
		running = append(running, done)
	}
	procMu.Unlock()
	deadline := time.After(time.Second)
	for _, done := range running {
		select {
		case <-done:
		case <-deadline:
		}
	}
	mu.Lock()
	closed = true
	for p := range tracked {
		_ = os.RemoveAll(p)
	}
	clear(tracked)
}

// RemoveOnInterrupt makes SIGINT, SIGTERM and SIGHUP (those the process
// does not ignore: under nohup, or a background job, it carries on)
// remove the tracked paths, then end the process by the same signal (a
// shell running it in a script stops there too, as it would without the
// handler). A second signal during the cleanup ends the process at once.
func RemoveOnInterrupt() {
	var sigs []os.Signal
	for _, s := range interrupts {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	if len(sigs) == 0 {
		return
	}
	c := make(chan os.Signal, 2)
	signal.Notify(c, sigs...)
	go func() {
		s := <-c
		interrupting.Store(true)
		go func() {
			again := <-c
			signal.Reset(sigs...)
			raise(again)
			os.Exit(exitCode(again))
		}()
		cleanUp()
		signal.Reset(sigs...)
		raise(s)
		os.Exit(exitCode(s))
	}()
}
