// Package scratch makes the temporary files and folders of a run and keeps
// track of them, so that a run interrupted by Ctrl-C or SIGTERM removes
// them before it exits: a fix or report is written beside its file and
// renamed over it, and an interrupted run must not leave
// ".page.md.l10nlint-123" in the documentation set for the next
// "git add -A" to pick up.
package scratch

import (
	"errors"
	"os"
	"os/signal"
	"sort"
	"sync"
	"syscall"
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

// cleanUp removes every tracked path and refuses new ones; it holds the
// lock until the process exits, so that no rename or new file races it.
func cleanUp() {
	mu.Lock()
	closed = true
	for p := range tracked {
		_ = os.RemoveAll(p)
	}
	clear(tracked)
}

// RemoveOnInterrupt makes SIGINT and SIGTERM remove the tracked paths and
// exit with 128 plus the signal's number (130, 143), as shells report a
// process the signal ended.
func RemoveOnInterrupt() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-c
		cleanUp()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}
