package inline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

var seedPages = []string{
	"../../../shared/seeds/fr-FR/offering-iso-20000-1-2011.md",
	"../../../shared/seeds/zh-CN/offering-iso-20000-1-2011.md",
	"../../../shared/corpus/o365seccomp/fr-FR/overview-security-center.md",
	"../../../shared/corpus/o365seccomp/de-DE/overview-security-center.md",
}

// checkText checks that every fact of t lies inside t.Range and that Raw
// is the text of Range.
func checkText(tb testing.TB, text string, t rules.Text) {
	tb.Helper()
	in := func(what string, r rules.Range) {
		tb.Helper()
		if r.Start < t.Range.Start || r.Start > r.End || r.End > t.Range.End {
			tb.Fatalf("%s range %v outside %v", what, r, t.Range)
		}
	}
	if t.Raw != text[t.Range.Start:t.Range.End] {
		tb.Fatalf("Raw %q is not the text of %v", t.Raw, t.Range)
	}
	if t.Plain != strings.TrimSpace(t.Plain) {
		tb.Fatalf("Plain %q is not trimmed", t.Plain)
	}
	for _, l := range t.Links {
		in("link", l.Range)
		in("link destination", l.DestRange)
		if l.DestRange.Start < l.Range.Start || l.DestRange.End > l.Range.End {
			tb.Fatalf("destination %v outside link %v", l.DestRange, l.Range)
		}
	}
	for _, c := range t.Code {
		in("code", c.Range)
		if r := text[c.Range.Start:c.Range.End]; r[0] != '`' || r[len(r)-1] != '`' {
			tb.Fatalf("code span %q", r)
		}
	}
	for _, g := range t.Tags {
		in("tag", g.Range)
		if r := text[g.Range.Start:g.Range.End]; r[0] != '<' || r[len(r)-1] != '>' {
			tb.Fatalf("tag %q", r)
		}
	}
	for _, d := range t.Emphasis {
		in("delimiter", d.Range)
		if d.Range.Len() != d.Len || strings.Trim(text[d.Range.Start:d.Range.End], string(d.Marker)) != "" {
			tb.Fatalf("delimiter %+v", d)
		}
	}
	for _, e := range t.Escapes {
		in("escape", e.Range)
		if e.Range.Len() != 2 || text[e.Range.Start] != '\\' || text[e.Range.Start+1] != e.Char {
			tb.Fatalf("escape %+v", e)
		}
	}
	for _, p := range t.Placeholders {
		in("placeholder", p.Range)
		if text[p.Range.Start:p.Range.End] != p.Text {
			tb.Fatalf("placeholder %+v", p)
		}
	}
}

func FuzzInline(f *testing.F) {
	for _, p := range seedPages {
		if b, err := os.ReadFile(filepath.FromSlash(p)); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"", "`", "``a` b``", "[a [b] c](d (e) \"t\")", "![x](<a b> 'c')", "[a][b] [c][]", "<https://x.y> <a@b.c>",
		`<a href="x" b='y' c=z d>t</a><br/><!-- c --><!DOCTYPE x><![CDATA[y]]><?p?>`, `\*\\\<`, "&amp;&nbsp;&#x4E2D;&bogus;",
		"**a** _b_ snake_case ~~c~~ a*b*c", "{0} {{n}} %s %1$d %(x)s 50%", "[`]`](x) `[`](y)", "a\\", "&", "<", "[", "![",
		"%(", "{{", "[a](<b", "[a](b \"", "<a b='", "<!--", "<?", "<![CDATA[", "*\u00a0*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		full := Parse(text, 0, len(text))
		checkText(t, text, full)
		checkBrackets(t, text)
		if slow := parseFull(text, 0, len(text)); !reflect.DeepEqual(full, slow) {
			t.Fatalf("Parse = %+v, the full parse %+v", full, slow)
		}
		// TagScanner, which finds the segment spans, agrees with the
		// full parse.
		var sc TagScanner
		tags, code, links := sc.Scan(text, 0, len(text))
		if len(tags) != len(full.Tags) || len(code) != len(full.Code) || len(links) != len(full.Links) {
			t.Fatalf("TagScanner finds %d tags, %d code spans and %d links, Parse %d, %d and %d",
				len(tags), len(code), len(links), len(full.Tags), len(full.Code), len(full.Links))
		}
		for i := range links {
			if links[i].Range != full.Links[i].Range || links[i].Kind != full.Links[i].Kind || links[i].Dest != full.Links[i].Dest {
				t.Fatalf("link %d: Tags %+v, Parse %+v", i, links[i], full.Links[i])
			}
		}
		for i := range tags {
			if tags[i].Range != full.Tags[i].Range {
				t.Fatalf("tag %d: Tags %v, Parse %v", i, tags[i].Range, full.Tags[i].Range)
			}
		}
		for i := range code {
			if code[i] != full.Code[i].Range {
				t.Fatalf("code span %d: Tags %v, Parse %v", i, code[i], full.Code[i].Range)
			}
		}
		// A middle part: nothing before start or after end may be read.
		start, end := len(text)/4, len(text)-len(text)/4
		checkText(t, text, Parse(text, start, end))
	})
}

// matchBracketSimple is the plain scan the memoized matchBracket must
// agree with: from open, skipping escapes and code spans, the first ']' at
// depth 0.
func matchBracketSimple(s string, open, end int) int {
	depth := 0
	for j := open; j < end; j++ {
		switch s[j] {
		case '\\':
			j++
		case '`':
			n := runLen(s, j, end, '`')
			k, found := j+n, false
			for k < end {
				m := strings.IndexByte(s[k:end], '`')
				if m < 0 {
					break
				}
				k += m
				r := runLen(s, k, end, '`')
				if r == n {
					found = true
					break
				}
				k += r
			}
			if found {
				j = k + n - 1
			} else {
				j += n - 1
			}
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// checkBrackets: with one memo shared by the queries of a parse (in text
// order, and again for nested ranges), matchBracket answers as the plain
// scan does.
func checkBrackets(t *testing.T, s string) {
	t.Helper()
	var m scanMemo
	for i := 0; i < len(s); i++ {
		if s[i] != '[' {
			continue
		}
		want := matchBracketSimple(s, i+1, len(s))
		if got := m.matchBracket(s, i+1, len(s)); got != want {
			t.Fatalf("%q: the '[' at %d closes at %d, the plain scan says %d", s, i, got, want)
		}
		if want > 0 { // a nested range ends at the match
			for j := i + 1; j < want; j++ {
				if s[j] == '[' {
					if got, w := m.matchBracket(s, j+1, want), matchBracketSimple(s, j+1, want); got != w {
						t.Fatalf("%q: inside [%d:%d], the '[' at %d closes at %d, the plain scan says %d", s, i, want, j, got, w)
					}
				}
			}
		}
	}
}

func TestMatchBracketMemo(t *testing.T) {
	for _, s := range []string{"[a [b] c", "[a `b] c` d]", "[[[]", "[`]`]", "\\[a]", "[a\\]b]", "[a [b [c] d] e] f]",
		"`[`[`[", "[` `` `]", "[a]``[b]``]", "[[a]]]",
		"[`[[`[`]]`"} { // a shorter end leaves out a code span's closing backtick: the ']' it hid counts
		checkBrackets(t, s)
	}
}
