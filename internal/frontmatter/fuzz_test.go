package frontmatter

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

var seedPages = []string{
	"../../../shared/seeds/fr-FR/offering-iso-20000-1-2011.md",
	"../../../shared/seeds/zh-CN/offering-iso-20000-1-2011.md",
	"../../../shared/corpus/o365seccomp/de-DE/overview-security-center.md",
	"../../../shared/corpus/o365seccomp/en-US/overview-security-center.md",
}

func FuzzFrontMatter(f *testing.F) {
	for _, p := range seedPages {
		if b, err := os.ReadFile(filepath.FromSlash(p)); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\ntitle: x\n...\nbody",
		"---\r\ntitle: x\r\n---\r\n", "---\rtitle: x\r---\r",
		"---\n'k': \"v\"\nlist:\n  - a\n  - b\nmap: {a: b}\n---\n",
		"---\ndescription: >\n  a\n  b\nempty:\n---\n",
		"---\ntitle: x\n\tbad: y\n---\n", "---\nk: [a\n---\n", "---\n- a\n---\n",
		"---\na: &x 1\nb: *x\n? complex\n: v\n---\n", "---\nk: v # c\n---\n",
		"---\ntitle: x\ntitle: y\n---\n", "---\n\"é😀\": 'ü'\n---\n",
		"---\nk: \n- a\n- b c\nl:\nm: 'q'\nn: \"r\"\no: C#\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sameAsYAML(t, "input", text)
		fm, bodyEnd := Split(text)
		if fm == nil {
			if bodyEnd != 0 {
				t.Fatalf("no front matter but bodyEnd = %d", bodyEnd)
			}
			return
		}
		inside := func(what string, r rules.Range) {
			if r.Start < 0 || r.Start > r.End || r.End > len(text) {
				t.Fatalf("%s range %v outside text of %d bytes", what, r, len(text))
			}
		}
		inside("front matter", fm.Range)
		if bodyEnd < fm.Range.End || bodyEnd > len(text) {
			t.Fatalf("bodyEnd %d before the front matter end %d or past the text", bodyEnd, fm.Range.End)
		}
		Parse(text, fm)
		if fm.Err != nil {
			inside("error", fm.Err.Range)
			if len(fm.Entries) != 0 {
				t.Fatalf("entries with an error")
			}
		}
		for _, e := range fm.Entries {
			inside("key "+e.Key, e.KeyRange)
			inside("value of "+e.Key, e.ValueRange)
			if e.KeyRange.Start < fm.Range.Start || e.ValueRange.End > fm.Range.End {
				t.Fatalf("entry %q (%v, %v) outside the front matter %v", e.Key, e.KeyRange, e.ValueRange, fm.Range)
			}
		}
	})
}
