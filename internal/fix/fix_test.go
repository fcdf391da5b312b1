package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

func TestApply(t *testing.T) {
	text := "a: b\nms.contentlocale: de-DE\nc\n"
	got, skipped := Apply(text, []rules.Edit{
		{Range: rules.Range{Start: 23, End: 28}, New: "fr-FR"},
		{Range: rules.Range{Start: 24, End: 26}, New: "xx"}, // overlaps: skipped
		{Range: rules.Range{Start: 0, End: 1}, New: "A"},
	})
	if got != "A: b\nms.contentlocale: fr-FR\nc\n" || skipped != 1 {
		t.Errorf("Apply = %q, %d skipped", got, skipped)
	}
}

func TestDiff(t *testing.T) {
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	new := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\neleven\n12\n"
	var b bytes.Buffer
	if err := Diff(&b, "p.md", old, new); err != nil {
		t.Fatal(err)
	}
	// Seven unchanged lines apart: two hunks with three lines of context.
	want := "diff --git a/p.md b/p.md\n--- a/p.md\n+++ b/p.md\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+eleven\n 12\n"
	if b.String() != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	old2 := "x\n" + old + "a\nb\nc\nd\ne\nf\ng\nh\n"
	new2 := "y\n" + old + "a\nb\nc\nd\ne\nf\ng\nH"
	_ = Diff(&b, "q.md", old2, new2)
	want2 := "diff --git a/q.md b/q.md\n--- a/q.md\n+++ b/q.md\n@@ -1,4 +1,4 @@\n-x\n+y\n 1\n 2\n 3\n@@ -18,4 +18,4 @@\n e\n f\n g\n-h\n+H\n\\ No newline at end of file\n"
	if b.String() != want2 {
		t.Errorf("Diff:\n%s\nwant:\n%s", b.String(), want2)
	}
}

func TestWriteFileKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.md")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	b, _ := os.ReadFile(p)
	if string(b) != "new" || st.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v", b, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestWriteFileThroughLink: a fixed file named through a symbolic link is
// written where the link points; the link stays a link.
func TestWriteFileThroughLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("real file holds %q, want the fix", b)
	}
	if li, err := os.Lstat(link); err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v %v", li.Mode(), err)
	}
}

func TestApplyEach(t *testing.T) {
	cases := []struct {
		name  string
		edits []rules.Edit
		want  string
		outs  []Outcome
	}{
		{name: "an edit inside an applied one is covered",
			// "中文,  英文": the comma's fix takes the spaces the double-space fix shortens
			edits: []rules.Edit{{Range: rules.Range{Start: 6, End: 9}, New: "，"}, {Range: rules.Range{Start: 7, End: 9}, New: " "}},
			want:  "中文，英文", outs: []Outcome{Applied, Covered}},
		{name: "a partial overlap is skipped",
			edits: []rules.Edit{{Range: rules.Range{Start: 7, End: 10}, New: "x"}, {Range: rules.Range{Start: 6, End: 8}, New: "，"}},
			want:  "中文， 英文", outs: []Outcome{Skipped, Applied}},
		{name: "two replacements of the same text: the first wins, the other is left",
			edits: []rules.Edit{{Range: rules.Range{Start: 6, End: 9}, New: "，"}, {Range: rules.Range{Start: 6, End: 9}, New: ", "}},
			want:  "中文，英文", outs: []Outcome{Applied, Skipped}},
		{name: "an insertion before a replacement at the same place",
			edits: []rules.Edit{{Range: rules.Range{Start: 6, End: 7}, New: ":"}, {Range: rules.Range{Start: 6, End: 6}, New: "\u00a0"}},
			want:  "中文\u00a0:  英文", outs: []Outcome{Applied, Applied}},
		{name: "the same insertion twice is made once",
			edits: []rules.Edit{{Range: rules.Range{Start: 6, End: 6}, New: "\u00a0"}, {Range: rules.Range{Start: 6, End: 6}, New: "\u00a0"}},
			want:  "中文\u00a0,  英文", outs: []Outcome{Applied, Covered}},
		{name: "outside the text",
			edits: []rules.Edit{{Range: rules.Range{Start: 6, End: 99}, New: "x"}},
			want:  "中文,  英文", outs: []Outcome{Skipped}},
	}
	for _, c := range cases {
		got, outs := ApplyEach("中文,  英文", c.edits)
		if got != c.want || !slices.Equal(outs, c.outs) {
			t.Errorf("%s: ApplyEach = %q %v, want %q %v", c.name, got, outs, c.want, c.outs)
		}
	}
}
