//go:build unix

package engine

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/l10nlint/l10nlint/internal/config"
)

// runWithin runs a check and fails the test if it does not end in time: a
// pipe opened for reading waits for a writer forever.
func runWithin(t *testing.T, d time.Duration, paths []string) *Result {
	t.Helper()
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := Run(paths, Options{Config: config.Default()})
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			t.Fatal(o.err)
		}
		return o.res
	case <-time.After(d):
		t.Fatalf("check of %v still running after %v", paths, d)
	}
	return nil
}

// TestSpecialFiles: pipes and devices are never read. Named on the command
// line, each is a file-format finding; met in a walked tree, directly or
// through a symbolic link, or as the sibling of a named page, they are
// skipped. Before, a pipe named a.md hung the run and a link to /dev/zero
// was read up to max-file-size.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Bonjour</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello</span></span>` + "\n"
	write(t, filepath.Join(dir, "fr-FR", "ok.md"), seg)
	write(t, filepath.Join(dir, "fr-FR", "a.md"), seg)
	for _, p := range []string{"fr-FR/pipe.md", "en-US/a.md"} {
		if err := syscall.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
			if os.IsNotExist(err) {
				_ = os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
				err = syscall.Mkfifo(filepath.Join(dir, p), 0o644)
			}
			if err != nil {
				t.Skipf("cannot make a named pipe here: %v", err)
			}
		}
	}
	if err := os.Symlink(filepath.Join(dir, "fr-FR", "pipe.md"), filepath.Join(dir, "fr-FR", "link.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "fr-FR", "zero.md")); err != nil {
			t.Fatal(err)
		}
	}

	res := runWithin(t, 10*time.Second, []string{filepath.Join(dir, "fr-FR")})
	if res.Files != 2 {
		t.Errorf("walked tree: %d files checked, want the 2 regular ones", res.Files)
	}
	for _, f := range res.Findings {
		if f.Rule == "file-format" {
			t.Errorf("walked tree: unexpected %s: %s", f.Path, f.Message)
		}
	}

	res = runWithin(t, 10*time.Second, []string{filepath.Join(dir, "fr-FR", "pipe.md"), filepath.Join(dir, "fr-FR", "link.md")})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "file-format" { // not orphan-page: en-US has no pipe.md indeed
			got = append(got, filepath.Base(f.Path)+" "+f.Rule+": "+f.Message)
		}
	}
	// The link names the pipe: one file, checked (here: refused) once.
	want := "pipe.md file-format: not a regular file (a named pipe): not read"
	if strings.Join(got, "\n") != want {
		t.Errorf("named pipes: findings\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

func TestTooLargeMessage(t *testing.T) {
	for _, c := range []struct {
		err  tooLarge
		want string
	}{
		{tooLarge{20 << 20, 16 << 20}, "20 MiB is over the max-file-size of 16 MiB"},
		{tooLarge{0, 16 << 20}, "is over the max-file-size of 16 MiB"},
	} {
		if got := c.err.Error(); !strings.HasPrefix(got, c.want+": not checked") {
			t.Errorf("%+v: %q, want %q...", c.err, got, c.want)
		}
	}
}

// TestNamedSymlinkToDirectory: a directory named through a symbolic link
// (docs -> ../shared/docs) is walked, its files shown under the name given.
// Before, WalkDir did not follow the named link and nothing was checked.
func TestNamedSymlinkToDirectory(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Bonjour 5</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello 6</span></span>` + "\n"
	write(t, filepath.Join(dir, "real", "fr-FR", "a.md"), seg)
	if err := os.Symlink(filepath.Join(dir, "real", "fr-FR"), filepath.Join(dir, "fr-FR")); err != nil {
		t.Fatal(err)
	}
	res := runWithin(t, 10*time.Second, []string{filepath.Join(dir, "fr-FR")})
	if res.Files != 1 {
		t.Fatalf("%d files checked through the link, want 1", res.Files)
	}
	found := false
	for _, f := range res.Findings {
		if f.Rule == "number-mismatch" {
			found = true
			if strings.Contains(f.Path, "real") || !strings.HasSuffix(f.Path, "/fr-FR/a.md") {
				t.Errorf("finding on %s, want the path through the link (.../fr-FR/a.md)", f.Path)
			}
		}
	}
	if !found {
		t.Error("no number-mismatch finding on the linked page")
	}
}

// TestLinkedLocaleTrees: a locale tree that is a symbolic link (en-US ->
// ../source/en-US) is read as context like the others (walks do not follow
// links to folders: they could loop). An alias link (fr-fr -> fr-FR) is the
// folder it names, not a second tree. Before, a linked tree was invisible:
// no stale-source.
func TestLinkedLocaleTrees(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Bonjour</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello there</span></span>` + "\n"
	write(t, filepath.Join(dir, "source", "en-US", "a.md"), "Hello, world.\n")
	write(t, filepath.Join(dir, "source", "en-US", "b.md"), "Another page.\n")
	write(t, filepath.Join(dir, "docs", "fr-FR", "a.md"), seg)
	for link, target := range map[string]string{"en-US": filepath.Join(dir, "source", "en-US"), "fr-fr": filepath.Join(dir, "docs", "fr-FR"), "de-DE": filepath.Join(dir, "docs")} {
		if err := os.Symlink(target, filepath.Join(dir, "docs", link)); err != nil {
			t.Fatal(err)
		}
	}
	count := func(res *Result, rule string) int {
		n := 0
		for _, f := range res.Findings {
			if f.Rule == rule {
				n++
			}
		}
		return n
	}
	for _, paths := range [][]string{{"docs"}, {"docs/fr-FR/a.md"}} {
		var abs []string
		for _, p := range paths {
			abs = append(abs, filepath.Join(dir, p))
		}
		res := runWithin(t, 10*time.Second, abs)
		if res.Files != 1 {
			t.Errorf("%v: %d files checked, want 1 (fr-FR/a.md; links to folders are not walked)", paths, res.Files)
		}
		if count(res, "stale-source") == 0 {
			t.Errorf("%v: no stale-source finding: the linked source tree was not read", paths)
		}
		if len(res.Notices) != 0 {
			t.Errorf("%v: notices %q: an alias link is not a second folder", paths, res.Notices)
		}
	}
}

// TestOverlappingPaths: paths that overlap give each file once.
func TestOverlappingPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "source", "en-US", "a.md"), "Hello.\n")
	write(t, filepath.Join(dir, "docs", "fr-FR", "a.md"), "Bonjour.\n")
	write(t, filepath.Join(dir, "docs", "de-DE", "a.md"), "Hallo.\n")
	for _, c := range []struct {
		paths []string
		want  int
	}{
		{[]string{"docs/fr-FR", "docs"}, 2},
		{[]string{"docs", "docs/fr-FR"}, 2},
		{[]string{"docs", "source/en-US"}, 3},
		{[]string{"source", "docs", "."}, 3},
	} {
		var paths []string
		for _, p := range c.paths {
			paths = append(paths, filepath.Join(dir, p))
		}
		res := runWithin(t, 10*time.Second, paths)
		if res.Files != c.want {
			t.Errorf("%v: %d files, want %d", c.paths, res.Files, c.want)
		}
	}
}

// TestOneFileManyNames: a file reached by several names (a locale alias
// folder named beside the folder, a file link beside its file) is checked
// once: its findings were reported twice and --fix applied its edits twice.
func TestOneFileManyNames(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "fr-FR", "p.md"), "# P\n\nTexte  double.\n")
	if err := os.Symlink("fr-FR", filepath.Join(dir, "fr-fr")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("p.md", filepath.Join(dir, "fr-FR", "q.md")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{filepath.Join(dir, "fr-FR"), filepath.Join(dir, "fr-fr")},
		{filepath.Join(dir, "fr-FR", "p.md"), filepath.Join(dir, "fr-fr", "p.md")},
	} {
		res, err := Run(args, Options{Config: config.Default()})
		if err != nil {
			t.Fatal(err)
		}
		if res.Files != 1 {
			t.Errorf("%v: %d files checked, want 1", args, res.Files)
		}
	}
}

// TestNamedLinkPlaced: a page named through a symbolic link outside the
// locale trees is placed where it points, so it is compared with its
// source like the page itself.
func TestNamedLinkPlaced(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "docs", "en-US", "a.md"), "# A\n\n## Part\n")
	write(t, filepath.Join(dir, "docs", "fr-FR", "a.md"), "# A\n\n### Partie\n")
	link := filepath.Join(dir, "fr-a.md")
	if err := os.Symlink(filepath.Join("docs", "fr-FR", "a.md"), link); err != nil {
		t.Fatal(err)
	}
	res, err := Run([]string{link}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		found = found || f.Rule == "structure-mismatch" && filepath.Base(f.Path) == "fr-a.md"
	}
	if !found {
		t.Errorf("no structure-mismatch on the linked page: %+v", res.Findings)
	}
}
