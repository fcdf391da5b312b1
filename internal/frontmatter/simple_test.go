package frontmatter

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/textfile"
)

// sameAsYAML checks that when parseSimple reads text's front matter, it
// reads what the YAML parser reads.
func sameAsYAML(t *testing.T, name, text string) (simple bool) {
	t.Helper()
	fm, _ := Split(text)
	if fm == nil {
		return false
	}
	fast, slow := *fm, *fm
	if !parseSimple(text, &fast) {
		if !reflect.DeepEqual(fast, *fm) {
			t.Errorf("%s: parseSimple gave up but changed the front matter", name)
		}
		return false
	}
	parseYAML(text, &slow)
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: parseSimple read\n%+v\nthe YAML parser\n%+v", name, fast, slow)
	}
	return true
}

func TestParseSimple(t *testing.T) {
	for _, c := range []struct {
		text   string
		simple bool
	}{
		{"---\ntitle: Bonjour\nms.author: x\n---\n", true},
		{"---\ntitle:   spaced   \n---\n", true},
		{"---\nms.collection:\n- a\n- b c\nsearch.appverid:\n  - MET150\nnext: 'quoted'\nid: \"34152506\"\n---\n", true},
		{"---\nurl: https://example.com/a:b\nlist:\n\n- a\n\nk: v\n---\n", true},
		{"---\nk: v # comment\n---\n", false},
		{"---\n# comment\nk: v\n---\n", false},
		{"---\nk: C# and F#\nq: 'it is'\nd: \"it's\"\nb: Priority\\\n---\n", true},
		{"---\nk: \n- a\n---\n", true},
		{"---\nq: 'it''s'\n---\n", false},
		{"---\nk: \"a\" # c\n---\n", false},
		{"---\nk:\n---\n", true},
		{"---\nk: \nl: v\nm:   \n\n---\n", true},
		{"---\nk: v\nk: w\n---\n", false},
		{"---\nk: a: b\n---\n", false},
		{"---\nk: [a, b]\n---\n", false},
		{"---\nk: >\n  folded\n---\n", false},
		{"---\nk: v\n  continued\n---\n", false},
		{"---\nk: \"a\\\"b\"\n---\n", false},
		{"---\r\nk: v\r\n---\r\n", false},
		{"---\nk:\n- a\n  - b\n---\n", false},
		{"---\nk:\n-  a\n---\n", false},
		{"---\n- a\n---\n", false},
		{"---\nk: v\n", true},
	} {
		if got := sameAsYAML(t, c.text, c.text); got != c.simple {
			t.Errorf("%q: read without YAML = %v, want %v", c.text, got, c.simple)
		}
	}
}

// TestParseSimpleCorpus: on every page of the corpus, what parseSimple
// reads is what the YAML parser reads, and it reads most front matters.
func TestParseSimpleCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "o365seccomp")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus absent (%s)", dir)
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var n, simple int
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _, err := textfile.Decode(b)
		if err != nil {
			continue
		}
		n++
		if sameAsYAML(t, p, text) {
			simple++
		}
	}
	t.Logf("%d of %d front matters read without the YAML parser", simple, n)
	if simple < n*9/10 {
		t.Errorf("only %d of %d front matters read without the YAML parser", simple, n)
	}
}
