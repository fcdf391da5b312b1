//go:build unix

package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputToPipe: --output naming a pipe (or a device, such as
// /dev/stdout) writes into it; it used to be replaced by a regular file.
func TestOutputToPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	code, _, errs := run(t, "check", example, "-f", "json", "-o", fifo)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if report := <-got; !strings.Contains(report, `"findings"`) {
		t.Errorf("the pipe's reader got %q", report)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", st.Mode(), err)
	}
}
