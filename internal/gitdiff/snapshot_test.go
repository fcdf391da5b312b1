package gitdiff

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/l10nlint/l10nlint/internal/scratch"
)

// TestSnapshotWholeTree: a snapshot holds every file of the commit as a
// checkout leaves it — the paths export-ignore marks too, export-subst
// files unexpanded, links as links — whatever the working tree and index
// hold since, and writes nothing to the repository.
func TestSnapshotWholeTree(t *testing.T) {
	hermeticGit(t)
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	write(t, dir, ".gitattributes", "docs/ export-ignore\ndocs/* export-ignore\nv.md export-subst\n")
	write(t, dir, "docs/fr-FR/p.md", "# Titre\n")
	write(t, dir, "v.md", "$Format:%H$\n")
	if err := os.Symlink("docs/fr-FR/p.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "base")
	// Changed in the working tree and staged since: the snapshot has the commit's text.
	write(t, dir, "docs/fr-FR/p.md", "# Changé\n")
	run(t, dir, "add", "docs/fr-FR/p.md")
	index := filepath.Join(dir, ".git", "index")
	before, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}

	dest := filepath.Join(t.TempDir(), "snap")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Snapshot(context.Background(), dir, "HEAD", dest); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"docs/fr-FR/p.md": "# Titre\n", "v.md": "$Format:%H$\n"} {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	if target, err := os.Readlink(filepath.Join(dest, "link.md")); err != nil || target != "docs/fr-FR/p.md" {
		t.Errorf("link.md: %q, %v; want a link to docs/fr-FR/p.md", target, err)
	}
	after, err := os.ReadFile(index)
	if err != nil || string(after) != string(before) {
		t.Errorf("the repository's index changed (%v)", err)
	}
	if err := Snapshot(context.Background(), dir, "-x", dest); err == nil {
		t.Error("a revision starting with '-' was accepted")
	}
	if err := Snapshot(context.Background(), dir, "nosuchrev", t.TempDir()); err == nil {
		t.Error("a revision that names nothing was accepted")
	}
}

// TestSnapshotIgnoresTheWorkingTree: the snapshot takes its attributes
// from the revision, not from the working tree (an uncommitted
// .gitattributes asking for CRLF line endings does not apply to it), and
// runs none of the repository's hooks.
func TestSnapshotIgnoresTheWorkingTree(t *testing.T) {
	hermeticGit(t)
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	write(t, dir, "docs/p.md", "# Titre\nligne\n")
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "base")
	write(t, dir, ".gitattributes", "*.md text eol=crlf\n")
	marker := filepath.Join(t.TempDir(), "hook-ran")
	write(t, dir, ".git/hooks/post-index-change", "#!/bin/sh\ntouch '"+marker+"'\n")
	if err := os.Chmod(filepath.Join(dir, ".git", "hooks", "post-index-change"), 0o755); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	if err := Snapshot(context.Background(), dir, "HEAD", dest); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dest, "docs", "p.md")); err != nil || string(got) != "# Titre\nligne\n" {
		t.Errorf("docs/p.md: %q, %v; want the commit's LF line endings", got, err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the repository's post-index-change hook ran")
	}
}

// TestSnapshotRelativeTMPDIR: with a relative TMPDIR the temporary index is
// still made there (not in the repository), and nothing stays tracked.
func TestSnapshotRelativeTMPDIR(t *testing.T) {
	hermeticGit(t)
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	write(t, dir, "docs/p.md", "# Titre\n")
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "base")
	work := t.TempDir()
	t.Chdir(work)
	if err := os.Mkdir("tmp", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", "tmp")
	dest := t.TempDir()
	if err := Snapshot(context.Background(), dir, "HEAD", dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "docs", "p.md")); err != nil {
		t.Error(err)
	}
	if left := scratch.Tracked(); len(left) != 0 {
		t.Errorf("still tracked: %v", left)
	}
	if entries, _ := os.ReadDir(filepath.Join(work, "tmp")); len(entries) != 0 {
		t.Errorf("left in TMPDIR: %v", entries)
	}
}
