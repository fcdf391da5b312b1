package gitdiff

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// hermeticGit keeps the user's and the system's git configuration out of
// the test, and skips it without git.
func hermeticGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on PATH: skipping the tests that need a repository")
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(t.TempDir()))
}

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func lines(prefix string, n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(prefix + string(rune('0'+i)) + "\n")
	}
	return b.String()
}

func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

const quoted = `café "q".md` // git C-quotes names with a double quote

// repo builds a repository with one commit, then changes its working tree
// and index in every way ChangedLines must understand.
func repo(t *testing.T) string {
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	for name, content := range map[string]string{
		"a.md":          lines("a", 9),
		"b.md":          lines("b", 5),
		"f.md":          lines("f", 3),
		"c.md":          lines("c", 8),
		"d.md":          lines("d", 2),
		"sub/e.md":      lines("e", 3),
		"space name.md": lines("s", 3),
		quoted:          lines("q", 2),
		"utf16.md":      utf16le("# Titre\nligne\n"),
		"cr.md":         "x1\ry1\nx2\ry2\n",
		"plus.md":       "p1\n",
		"x[1].md":       "x\n",
		"x1.md":         "x\n",
		".gitignore":    "ignored.md\n",
	} {
		write(t, dir, name, content)
	}
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "base")

	// a.md: line 3 changed, two lines added after line 7.
	write(t, dir, "a.md", "a1\na2\nA3\na4\na5\na6\na7\nnew\nnew\na8\na9\n")
	// b.md renamed (staged) and its line 2 changed; f.md only renamed.
	run(t, dir, "mv", "b.md", "b2.md")
	write(t, dir, "b2.md", "b1\nB2\nb3\nb4\nb5\n")
	run(t, dir, "mv", "f.md", "f2.md")
	// c.md: lines 4 and 5 deleted, a hunk "+3,0": a deletion point before line 4.
	write(t, dir, "c.md", "c1\nc2\nc3\nc6\nc7\nc8\n")
	// d.md deleted.
	if err := os.Remove(filepath.Join(dir, "d.md")); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "sub/e.md", "E1\ne2\ne3\n")
	write(t, dir, "space name.md", "s1\nS2\ns3\n")
	write(t, dir, quoted, "Q1\nq2\n")
	write(t, dir, "utf16.md", utf16le("# Titre\nligne modifiée\n"))
	// cr.md: git's line 2 is "x2\ry2"; for l10nlint that is lines 3 and 4.
	write(t, dir, "cr.md", "x1\ry1\nx2\rZZ\n")
	// An added line starting with "++" shows as "+++" in the hunk body.
	write(t, dir, "plus.md", "p1\n++ not a header\n--- nor this\n")
	write(t, dir, "x[1].md", "y\n")
	write(t, dir, "x1.md", "y\n")
	write(t, dir, "new.md", "# new\n")
	write(t, dir, "sub/new.md", "# new\n")
	write(t, dir, "empty.md", "")
	run(t, dir, "add", "empty.md")
	write(t, dir, "ignored.md", "# ignored\n")
	return dir
}

func TestChangedLines(t *testing.T) {
	hermeticGit(t)
	dir := repo(t)
	all := map[string][]LineRange{
		"a.md":          {{3, 4}, {8, 10}},
		"b2.md":         {{2, 3}},
		"c.md":          {{4, 4}},
		"sub/e.md":      {{1, 2}},
		"space name.md": {{2, 3}},
		quoted:          {{1, 2}},
		"utf16.md":      {Whole},
		"cr.md":         {{3, 5}},
		"plus.md":       {{2, 4}},
		"x[1].md":       {{1, 2}},
		"x1.md":         {{1, 2}},
		"new.md":        {Whole},
		"sub/new.md":    {Whole},
		"empty.md":      {Whole},
	}
	pick := func(names ...string) map[string][]LineRange {
		m := map[string][]LineRange{}
		for _, n := range names {
			m[n] = all[n]
		}
		return m
	}
	for _, tc := range []struct {
		name  string
		dir   string
		paths []string
		want  map[string][]LineRange
	}{
		{"whole repository", ".", nil, all},
		{"pathspecs", ".", []string{"sub", "a.md", "c.md"}, pick("sub/e.md", "sub/new.md", "a.md", "c.md")},
		{"paths are literal, not patterns", ".", []string{"x[1].md"}, pick("x[1].md")},
		{"from a subdirectory, whole repository", "sub", nil, all},
		{"from a subdirectory, pathspec relative to it", "sub", []string{"."}, pick("sub/e.md", "sub/new.md")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ChangedLines(context.Background(), filepath.Join(dir, tc.dir), "HEAD", tc.paths)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][]LineRange{}
			for name, rs := range tc.want {
				want[filepath.Join(dir, filepath.FromSlash(name))] = rs
			}
			if !reflect.DeepEqual(got, want) {
				for k, v := range got {
					if !reflect.DeepEqual(want[k], v) {
						t.Errorf("%s: got %v, want %v", k, v, want[k])
					}
				}
				for k, v := range want {
					if _, ok := got[k]; !ok {
						t.Errorf("%s: missing, want %v", k, v)
					}
				}
			}
		})
	}

	// Nothing changed since the working tree was committed.
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "second")
	got, err := ChangedLines(context.Background(), dir, "HEAD", nil)
	if err != nil || len(got) != 0 {
		t.Errorf("clean tree: %v, %v", got, err)
	}
	// The previous commit by another name gives the same changes, ignored
	// and deleted files aside.
	got, err = ChangedLines(context.Background(), dir, "HEAD~1", nil)
	if err != nil || !reflect.DeepEqual(got[filepath.Join(dir, "a.md")], all["a.md"]) || got[filepath.Join(dir, "ignored.md")] != nil {
		t.Errorf("HEAD~1: %v, %v", got, err)
	}
}

func TestChangedLinesErrors(t *testing.T) {
	hermeticGit(t)
	dir := repo(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name, dir, rev, want string
	}{
		{"unknown revision", dir, "no-such-rev", "no-such-rev"},
		{"option as revision", dir, "--output=/tmp/x", "invalid revision"},
		{"empty revision", dir, "", "invalid revision"},
		{"not a repository", t.TempDir(), "HEAD", "not a git repository"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ChangedLines(ctx, tc.dir, tc.rev, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	t.Run("no git", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := ChangedLines(ctx, dir, "HEAD", nil)
		if !errors.Is(err, ErrNoGit) {
			t.Errorf("error %v, want ErrNoGit", err)
		}
	})
}

func TestParsePatch(t *testing.T) {
	patch := "diff --git a/x.md b/x.md\n" +
		"index 1..2 100644\n" +
		"--- a/x.md\n" +
		"+++ b/x.md\n" +
		"@@ -1 +1 @@\n" +
		"-old\n" +
		"+new\n" +
		"@@ -5,0 +6,3 @@ ## Heading context\n" +
		"++++ b/not-a-file.md\n" +
		"+diff --git looks like a header\n" +
		"+x\n" +
		"\\ No newline at end of file\n" +
		"diff --git a/gone.md b/gone.md\n" +
		"deleted file mode 100644\n" +
		"--- a/gone.md\n" +
		"+++ /dev/null\n" +
		"@@ -1,2 +0,0 @@\n" +
		"-a\n" +
		"-b\n" +
		"diff --git \"a/t\\tab.md\" \"b/t\\tab.md\"\n" +
		"--- \"a/t\\tab.md\"\n" +
		"+++ \"b/t\\tab.md\"\n" +
		"@@ -2,2 +2,0 @@\n" +
		"diff --git a/s p.md b/s p.md\n" +
		"--- a/s p.md\t\n" +
		"+++ b/s p.md\t\n" +
		"@@ -0,0 +1,2 @@\n" +
		"diff --cc m.md\n" +
		"--- a/m.md\n" +
		"+++ b/m.md\n" +
		"@@@ -1,1 -1,1 +1,2 @@@\n"
	got, err := parsePatch([]byte(patch))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]LineRange{
		"x.md":     {{1, 2}, {6, 9}},
		"t\tab.md": {{3, 3}},
		"s p.md":   {{1, 3}},
		"m.md":     {{1, 3}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	for _, bad := range []string{
		"diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +z @@\n",
		"diff --git a/x b/x\n--- a/x\n+++ c/x\n",
		"diff --git a/x b/x\n--- a/x\n+++ \"b/x\n",
	} {
		if _, err := parsePatch([]byte(bad)); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

func TestBinaries(t *testing.T) {
	numstat := "1\t1\ta.md\x00-\t-\tu.md\x00-\t-\t\x00old.md\x00new.md\x002\t0\t\x00r.md\x00r2.md\x00"
	if got := binaries([]byte(numstat)); !reflect.DeepEqual(got, []string{"u.md", "new.md"}) {
		t.Errorf("binaries = %q", got)
	}
}

func TestRelineLoneCR(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, content string
		in, want      []LineRange
	}{
		{"no lone CR: unchanged", "a\r\nb\r\nc\n", []LineRange{{2, 3}}, []LineRange{{2, 3}}},
		{"lone CRs split git lines", "a\rb\nc\rd\ne\n", []LineRange{{2, 3}, {3, 4}, {1, 2}}, []LineRange{{3, 5}, {5, 6}, {1, 3}}},
		{"deletion point", "a\rb\nc\n", []LineRange{{2, 2}}, []LineRange{{3, 3}}},
		{"last line without newline", "a\nb\rc", []LineRange{{2, 3}}, []LineRange{{2, 4}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, "f.md")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			got := relineLoneCR(p, tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			// The mapped lines are those textfile gives the same text.
			if len(tc.want) > 0 && tc.want[0].End-1 > textfile.NewLines(tc.content).Count() {
				t.Errorf("range %v past the %d lines", tc.want[0], textfile.NewLines(tc.content).Count())
			}
		})
	}
}

func TestFilter(t *testing.T) {
	f := func(path string, sl, sc, el, ec int) report.Finding {
		return report.Finding{Finding: rules.Finding{Path: path, Rule: "r"},
			Start: textfile.Position{Line: sl, Col: sc}, End: textfile.Position{Line: el, Col: ec}}
	}
	changed := map[string][]LineRange{
		"/w/a.md": {{3, 4}, {8, 10}},
		"/w/c.md": {{4, 4}}, // lines deleted between 3 and 4
		"/w/n.md": {Whole},
	}
	abs := func(p string) string { return "/w/" + p }
	for _, tc := range []struct {
		name string
		f    report.Finding
		want bool
	}{
		{"on a changed line", f("a.md", 3, 5, 3, 9), true},
		{"before", f("a.md", 2, 1, 2, 9), false},
		{"between ranges", f("a.md", 4, 1, 7, 3), false},
		{"spans into a range", f("a.md", 6, 1, 8, 2), true},
		{"last line of a range", f("a.md", 9, 1, 9, 2), true},
		{"just after", f("a.md", 10, 1, 10, 2), false},
		{"ends at the line break before a range", f("a.md", 2, 1, 3, 1), false},
		{"ends inside a range", f("a.md", 2, 1, 3, 2), true},
		{"zero end", f("a.md", 3, 1, 0, 0), true},
		{"no position in a changed file", f("a.md", 0, 0, 0, 0), true},
		{"spans a deletion point", f("c.md", 3, 1, 4, 2), true},
		{"just before a deletion point", f("c.md", 3, 1, 3, 9), false},
		{"just after a deletion point", f("c.md", 4, 1, 4, 9), false},
		{"new file", f("n.md", 120, 1, 120, 2), true},
		{"unchanged file", f("u.md", 3, 1, 3, 2), false},
		{"no position in an unchanged file", f("u.md", 0, 0, 0, 0), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Filter([]report.Finding{tc.f}, changed, abs)
			if (len(got) == 1) != tc.want {
				t.Errorf("kept = %v, want %v", len(got) == 1, tc.want)
			}
		})
	}
}

// TestFilterDefaultAbs matches relative finding paths against the absolute
// keys of ChangedLines with filepath.Abs.
func TestFilterDefaultAbs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	changed := map[string][]LineRange{filepath.Join(dir, "docs", "a.md"): {{1, 2}}}
	in := []report.Finding{
		{Finding: rules.Finding{Path: "docs/a.md"}, Start: textfile.Position{Line: 1, Col: 1}, End: textfile.Position{Line: 1, Col: 2}},
		{Finding: rules.Finding{Path: "docs/b.md"}, Start: textfile.Position{Line: 1, Col: 1}, End: textfile.Position{Line: 1, Col: 2}},
	}
	if got := Filter(in, changed, nil); len(got) != 1 || got[0].Path != "docs/a.md" {
		t.Errorf("Filter = %+v", got)
	}
}

// TestChangedLinesOfNestedRepository: files of a repository inside another
// (a nested clone, or a submodule's working tree) are compared in their
// own repository; the outer one sees them as one untracked folder.
func TestChangedLinesOfNestedRepository(t *testing.T) {
	hermeticGit(t)
	outer := t.TempDir()
	run(t, outer, "init", "-q")
	write(t, outer, "README.md", "outer\n")
	run(t, outer, "add", ".")
	run(t, outer, "commit", "-q", "-m", "outer")
	inner := filepath.Join(outer, "docs")
	if err := os.MkdirAll(inner, 0o755); err != nil {
		t.Fatal(err)
	}
	run(t, inner, "init", "-q")
	write(t, inner, "fr-FR/a.md", lines("a", 5))
	run(t, inner, "add", ".")
	run(t, inner, "commit", "-q", "-m", "inner")
	write(t, inner, "fr-FR/a.md", strings.Replace(lines("a", 5), "a3", "changed", 1))
	page := filepath.Join(inner, "fr-FR", "a.md")
	changed, err := ChangedLinesOf(context.Background(), []string{page}, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := changed[page]; len(got) != 1 || got[0] != (LineRange{3, 4}) {
		t.Errorf("changed lines of the nested repository's page: %v (all: %v)", got, changed)
	}
}

// TestChangedLinesOfOutsideRepository: a file in no repository has no
// changed lines, beside files in one; with no file in any, it is an error.
func TestChangedLinesOfOutsideRepository(t *testing.T) {
	hermeticGit(t)
	repoDir := repo(t)
	outside := filepath.Join(t.TempDir(), "loose.md")
	write(t, filepath.Dir(outside), "loose.md", "x\n")
	changed, err := ChangedLinesOf(context.Background(), []string{filepath.Join(repoDir, "a.md"), outside}, "HEAD")
	if err != nil {
		t.Fatalf("a file outside any repository beside one inside: %v", err)
	}
	if _, ok := changed[outside]; ok {
		t.Errorf("changed lines for a file in no repository: %v", changed[outside])
	}
	if _, err := ChangedLinesOf(context.Background(), []string{outside}, "HEAD"); err == nil || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("only files outside: %v", err)
	}
}
