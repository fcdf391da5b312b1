package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/l10nlint/l10nlint/internal/scratch"
)

// TestBaselineRevLeavesNothingTracked: after check --baseline-rev, with the
// temporary folder reached through a link (as /var/folders is on macOS),
// no temporary path is left for an interruption to remove, and none is
// left on disk.
func TestBaselineRevLeavesNothingTracked(t *testing.T) {
	hermeticGit(t)
	dir := filepath.Join(t.TempDir(), "repo")
	realTmp := t.TempDir()
	tmpLink := filepath.Join(t.TempDir(), "tmp")
	if err := os.Symlink(realTmp, tmpLink); err != nil {
		t.Skip("no symbolic links here")
	}
	t.Setenv("TMPDIR", tmpLink)
	write(t, filepath.Join(dir, "docs", "fr-FR", "p.md"), "# Titre\n\nBonjour.\n")
	write(t, filepath.Join(dir, "docs", "en-US", "p.md"), "# Title\n\nHello.\n")
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "base"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	t.Chdir(dir)
	if code, _, errs := run(t, "check", "docs", "--baseline-rev", "HEAD", "-q"); code == 2 || code == 3 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if left := scratch.Tracked(); len(left) != 0 {
		t.Errorf("still tracked after the run: %v", left)
	}
	if entries, _ := os.ReadDir(realTmp); len(entries) != 0 {
		t.Errorf("left in the temporary folder: %v", entries)
	}
}
