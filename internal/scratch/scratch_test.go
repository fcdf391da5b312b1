package scratch

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the interrupted child of TestInterrupt.
func TestMain(m *testing.M) {
	if dir := os.Getenv("SCRATCH_WRITER_DIR"); dir != "" {
		// The child of the interrupted process: writes into its folder
		// until killed.
		for {
			_ = os.MkdirAll(filepath.Join(dir, "child"), 0o755)
			_ = os.WriteFile(filepath.Join(dir, "child", "f"), nil, 0o644)
			time.Sleep(5 * time.Millisecond)
		}
	}
	if dir := os.Getenv("SCRATCH_CHILD_DIR"); dir != "" {
		RemoveOnInterrupt()
		f, err := CreateTemp(dir, ".page.md.l10nlint-*")
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		d, err := MkdirTemp(dir, "rev-")
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(d, "p.md"), []byte("x"), 0o644); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		kept, err := CreateTemp(dir, "kept-*")
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		Done(kept.Name())
		report := filepath.Join(dir, "report.json")
		if err := os.WriteFile(report, nil, 0o644); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		Track(report)
		// A child writing into the tracked folder: killed before the
		// folder goes, so that it cannot make it again.
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), "SCRATCH_CHILD_DIR=", "SCRATCH_WRITER_DIR="+d)
		if err := Start(child); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		go func() { _ = Wait(child) }()
		fmt.Println("ready", f.Name())
		select {} // until the signal
	}
	os.Exit(m.Run())
}

// TestInterrupt: SIGINT, SIGTERM and SIGHUP remove what the run made and
// is still tracked (a temporary file, a folder with its content, a report
// created for the run) and nothing else, after killing the child writing
// into it; the process then ends by the signal.
func TestInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	for _, c := range []struct {
		sig syscall.Signal
	}{{syscall.SIGINT}, {syscall.SIGTERM}, {syscall.SIGHUP}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "SCRATCH_CHILD_DIR="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(out).ReadString('\n')
			if !strings.HasPrefix(line, "ready ") {
				_ = cmd.Process.Kill()
				t.Fatalf("child: %q", line)
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			// Ended by the same signal, as a shell expects of a child it
			// interrupted (it then stops a script too).
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("exit: %v, want the signal", err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != c.sig {
				t.Errorf("exit: %v, want ended by %v", err, c.sig)
			}
			time.Sleep(100 * time.Millisecond) // a child left running would write meanwhile
			entries, _ := os.ReadDir(dir)
			var left []string
			for _, e := range entries {
				left = append(left, e.Name())
			}
			if len(left) != 1 || !strings.HasPrefix(left[0], "kept-") {
				t.Errorf("left after the interruption: %v, want only the kept-* file", left)
			}
		})
	}
}

// TestTracking: made paths are tracked until Done or Remove.
func TestTracking(t *testing.T) {
	dir := t.TempDir()
	f, err := CreateTemp(dir, "a-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	d, err := MkdirTemp(dir, "b-")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Tracked(), []string{f.Name(), d}; !reflect.DeepEqual(got, want) {
		t.Errorf("tracked %v, want %v", got, want)
	}
	Done(f.Name())
	if err := Remove(d); err != nil {
		t.Fatal(err)
	}
	if got := Tracked(); len(got) != 0 {
		t.Errorf("tracked %v after Done and Remove", got)
	}
	if _, err := os.Stat(f.Name()); err != nil {
		t.Errorf("a file marked done was removed: %v", err)
	}
	if _, err := os.Stat(d); !os.IsNotExist(err) {
		t.Errorf("Remove left %s: %v", d, err)
	}
}
