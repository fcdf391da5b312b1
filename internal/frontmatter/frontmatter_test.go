package frontmatter

import (
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// at returns the range of raw in text where it follows the unique context
// before: at(text, "\n", "title") is the "title" that starts a line.
func at(t *testing.T, text, before, raw string) rules.Range {
	t.Helper()
	i := strings.Index(text, before+raw)
	if i < 0 || strings.Count(text, before+raw) != 1 {
		t.Fatalf("%q does not occur exactly once in %q", before+raw, text)
	}
	s := i + len(before)
	return rules.Range{Start: s, End: s + len(raw)}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		ok       bool
		body     string // text[fm.Range]
		bodyEnd  int
		unclosed bool
	}{
		{"none", "# Title\n---\nx: y\n---\n", false, "", 0, false},
		{"empty text", "", false, "", 0, false},
		{"leading space", " ---\nx: y\n---\n", false, "", 0, false},
		{"four dashes", "----\nx: y\n----\n", false, "", 0, false},
		{"dashes with text", "--- x\ny: z\n---\n", false, "", 0, false},
		{"closed with ---", "---\ntitle: x\n---\n# T\n", true, "title: x\n", 17, false},
		{"closed with ...", "---\ntitle: x\n...\n# T\n", true, "title: x\n", 17, false},
		{"trailing blanks on fences", "---  \ntitle: x\n--- \t\nbody", true, "title: x\n", 21, false},
		{"CRLF", "---\r\ntitle: x\r\nk: v\r\n---\r\nbody", true, "title: x\r\nk: v\r\n", 26, false},
		{"lone CR", "---\rtitle: x\r---\rbody", true, "title: x\r", 17, false},
		{"empty front matter", "---\n---\nbody", true, "", 8, false},
		{"closing fence at end without newline", "---\ntitle: x\n---", true, "title: x\n", 16, false},
		{"first closing fence wins", "---\na: 1\n---\nb: 2\n---\n", true, "a: 1\n", 13, false},
		{"indented fence does not close", "---\na: |\n  ---\n---\n", true, "a: |\n  ---\n", 19, false},
		{"unclosed", "---\ntitle: x\n# T\n", true, "title: x\n# T\n", 17, true},
		{"opening fence only", "---", true, "", 3, true},
		{"opening fence and newline", "---\n", true, "", 4, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fm, bodyEnd := Split(tc.text)
			if !tc.ok {
				if fm != nil || bodyEnd != 0 {
					t.Fatalf("Split = %+v, %d; want nil, 0", fm, bodyEnd)
				}
				return
			}
			if fm == nil {
				t.Fatal("Split found no front matter")
			}
			if got := tc.text[fm.Range.Start:fm.Range.End]; got != tc.body {
				t.Errorf("front matter body = %q, want %q", got, tc.body)
			}
			start := len(tc.text) // just after the opening fence's line
			if i := strings.IndexAny(tc.text, "\r\n"); i >= 0 {
				start = i + 1
				if strings.HasPrefix(tc.text[i:], "\r\n") {
					start++
				}
			}
			if fm.Range.Start != start {
				t.Errorf("front matter starts at %d, want %d (after the opening fence)", fm.Range.Start, start)
			}
			if bodyEnd != tc.bodyEnd {
				t.Errorf("bodyEnd = %d (%q follows), want %d", bodyEnd, tc.text[bodyEnd:], tc.bodyEnd)
			}
			if fm.Unclosed != tc.unclosed {
				t.Errorf("Unclosed = %v, want %v", fm.Unclosed, tc.unclosed)
			}
		})
	}
}

type wantEntry struct {
	key, value string
	scalar     bool
	// The key and the value as written, each after a context that makes
	// them unique in the text.
	keyBefore, keyRaw     string
	valueBefore, valueRaw string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		entries []wantEntry
	}{
		{"scalars", "---\ntitle: Présentation 😀\nms.contentlocale: fr-FR\n---\n# T\n", []wantEntry{
			{"title", "Présentation 😀", true, "\n", "title", ": ", "Présentation 😀"},
			{"ms.contentlocale", "fr-FR", true, "\n", "ms.contentlocale", ": ", "fr-FR"},
		}},
		{"quoted keys and values", "---\n\"ms.locfileid\": \"39625203\"\n'quoted key': 'x y'\nplain: \"v\"\n---\n", []wantEntry{
			{"ms.locfileid", "39625203", true, "\n", `"ms.locfileid"`, ": ", `"39625203"`},
			{"quoted key", "x y", true, "\n", "'quoted key'", ": ", "'x y'"},
			{"plain", "v", true, "\n", "plain", ": ", `"v"`},
		}},
		{"non-ASCII quoted key", "---\n'clé': valeur\nк: з\n---\n", []wantEntry{
			{"clé", "valeur", true, "\n", "'clé'", ": ", "valeur"},
			{"к", "з", true, "\n", "к", ": ", "з"},
		}},
		{"sequences and mappings", "---\nkeywords:\n  - a\n  - b\nflow: [a, b]\nmap:\n  k: v\nlast: z\n---\n", []wantEntry{
			{"keywords", "a\nb", false, "\n", "keywords", "  ", "- a\n  - b"},
			{"flow", "a\nb", false, "\n", "flow", ": ", "[a, b]"},
			{"map", "", false, "\n", "map", "\n  ", "k: v"},
			{"last", "z", true, "\n", "last", ": ", "z"},
		}},
		{"block scalar", "---\ndescription: >\n  line one\n  line two\nnext: y\n---\n", []wantEntry{
			{"description", "line one line two\n", true, "\n", "description", ": ", ">\n  line one\n  line two"},
			{"next", "y", true, "\n", "next", ": ", "y"},
		}},
		{"empty value is an empty range after the colon", "---\nempty:\nnext: y\n---\n", []wantEntry{
			{"empty", "", true, "\n", "empty", "empty:", ""},
			{"next", "y", true, "\n", "next", ": ", "y"},
		}},
		{"CRLF", "---\r\ntitle: x\r\nms.topic: article\r\n---\r\n", []wantEntry{
			{"title", "x", true, "\n", "title", ": ", "x"},
			{"ms.topic", "article", true, "\n", "ms.topic", ": ", "article"},
		}},
		{"unclosed", "---\ntitle: x\nauthor: y\n", []wantEntry{
			{"title", "x", true, "\n", "title", ": ", "x"},
			{"author", "y", true, "\n", "author", ": ", "y"},
		}},
		{"empty document", "---\n---\n", nil},
		{"comment only", "---\n# nothing\n---\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fm, _ := Split(tc.text)
			Parse(tc.text, fm)
			if fm.Err != nil {
				t.Fatalf("Err = %+v", fm.Err)
			}
			if len(fm.Entries) != len(tc.entries) {
				t.Fatalf("got %d entries %+v, want %d", len(fm.Entries), fm.Entries, len(tc.entries))
			}
			for i, w := range tc.entries {
				e := fm.Entries[i]
				if e.Key != w.key || e.Value != w.value || e.Scalar != w.scalar {
					t.Errorf("entry %d = %q: %q (scalar %v), want %q: %q (scalar %v)", i, e.Key, e.Value, e.Scalar, w.key, w.value, w.scalar)
				}
				if kr := at(t, tc.text, w.keyBefore, w.keyRaw); e.KeyRange != kr {
					t.Errorf("%s: KeyRange = %v (%q), want %v (%q)", w.key, e.KeyRange, slice(tc.text, e.KeyRange), kr, w.keyRaw)
				}
				if vr := at(t, tc.text, w.valueBefore, w.valueRaw); e.ValueRange != vr {
					t.Errorf("%s: ValueRange = %v (%q), want %v (%q)", w.key, e.ValueRange, slice(tc.text, e.ValueRange), vr, w.valueRaw)
				}
				if g := fm.Get(w.key); g == nil || g.Key != w.key {
					t.Errorf("Get(%q) = %+v", w.key, g)
				}
			}
			if fm.Get("absent") != nil {
				t.Error(`Get("absent") != nil`)
			}
		})
	}
}

func slice(text string, r rules.Range) string {
	if r.Start < 0 || r.Start > r.End || r.End > len(text) {
		return "<out of range>"
	}
	return text[r.Start:r.End]
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		message string // a substring of Err.Message
		line    string // text[Err.Range]: the line the error names
	}{
		// The message names the page's line (yaml.v3 numbers the lines of
		// its scanner errors from 1 in the front matter body).
		{"tab indentation", "---\ntitle: x\n\tindent: y\nz: w\n---\n", "line 3: found a tab character", "\tindent: y"},
		{"character that cannot start a token", "---\ntitle: x\nk: @v\n---\n", "line 3: found character that cannot start any token", "k: @v"},
		// A scanner error with a context names the context's line: where
		// the quote opens.
		{"unterminated quote", "---\ntitle: x\nk: \"open\nz: w\n---\n", "line 3: found unexpected end of stream", "k: \"open"},
		{"CRLF", "---\r\ntitle: x\r\n\tindent: y\r\n---\r\n", "line 3: found a tab character", "\tindent: y"},
		{"lines after a blank line", "---\n\ntitle: x\n\nk:\n\tindent: y\n---\n", "line 6: found character that cannot start any token", "\tindent: y"},
		// A plain scalar may continue on the next lines: the error names
		// the line where the scalar starts.
		{"inside a multi-line scalar", "---\ntitle: x\n\tindent: y\n---\n", "line 3: found a tab character", "\tindent: y"},
		{"inside a multi-line scalar after a blank line", "---\n\ntitle: x\n\n\tindent: y\n---\n", "line 3: found a tab character", "title: x"},
		// Without a line number (yaml.v3 names none on the first line), the
		// whole front matter.
		{"first line", "---\ntitle: a: b\nk: v\n---\n", "mapping values are not allowed in this context", "title: a: b\nk: v\n"},
		{"not a mapping", "---\n- a\n- b\n---\n", "not a mapping", "- a\n- b\n"},
		{"scalar document", "---\njust text\n---\n", "not a mapping", "just text\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fm, _ := Split(tc.text)
			Parse(tc.text, fm)
			if fm.Err == nil {
				t.Fatalf("no error; entries %+v", fm.Entries)
			}
			if !strings.Contains(fm.Err.Message, tc.message) {
				t.Errorf("Message = %q, want it to contain %q", fm.Err.Message, tc.message)
			}
			if strings.HasPrefix(fm.Err.Message, "yaml:") {
				t.Errorf("Message %q keeps the yaml: prefix", fm.Err.Message)
			}
			if got := slice(tc.text, fm.Err.Range); got != tc.line {
				t.Errorf("error range = %v %q, want %q", fm.Err.Range, got, tc.line)
			}
			if len(fm.Entries) != 0 {
				t.Errorf("entries %+v with an error", fm.Entries)
			}
		})
	}
}

// TestParseErrorLineOfParserErrors: yaml.v3 numbers the lines of its parser
// errors (as opposed to its scanner errors) from 0, so its "line 1" is the
// second line of the front matter. The error must name and point at the
// line that holds the defect, not the one before it.
func TestParseErrorLineOfParserErrors(t *testing.T) {
	tests := []struct {
		name, text, line, message string
	}{
		{"unclosed flow sequence", "---\ntitle: x\nkeywords: [a, b\nnext: y\n---\n", "keywords: [a, b", "line 3: "},
		{"unclosed flow mapping", "---\ntitle: x\nauthor: x\nmap: {a: b\nnext: y\n---\n", "map: {a: b", "line 4: "},
		// Text after a quoted value, as machine translation writes it.
		{"text after a quoted value", "---\ntitle: x\ndescription: \"Configurer\" les stratégies\nms.topic: article\n---\n",
			"description: \"Configurer\" les stratégies", "line 3: did not find expected key"},
		{"extra closing bracket", "---\ntitle: x\nkeywords: [a, b]]\n---\n", "keywords: [a, b]]", "line 3: did not find expected key"},
		{"sequence entry after a mapping", "---\ntitle: x\nk: v\n- item\n---\n", "- item", "line 4: did not find expected key"},
		{"less indented key", "---\ntitle: x\nk:\n  a: 1\n b: 2\n---\n", " b: 2", "line 5: did not find expected key"},
		{"on the first line", "---\ntitle: \"Gestion\" des services\nms.topic: article\n---\n",
			"title: \"Gestion\" des services", "line 2: did not find expected key"},
		{"undefined tag handle", "---\ntitle: x\nk: !foo!bar v\n---\n", "k: !foo!bar v", "line 3: found undefined tag handle"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fm, _ := Split(tc.text)
			Parse(tc.text, fm)
			if fm.Err == nil {
				t.Fatal("no error")
			}
			if got := slice(tc.text, fm.Err.Range); got != tc.line {
				t.Errorf("%q: error range = %q, want %q", fm.Err.Message, got, tc.line)
			}
			if !strings.HasPrefix(fm.Err.Message, tc.message) {
				t.Errorf("message %q, want it to start with %q (the page line of %q)", fm.Err.Message, tc.message, tc.line)
			}
		})
	}
}

// TestParseDuplicateKeys: a duplicate key is invalid YAML (docs build tools
// reject it) and the front-matter rule promises to report it, so Parse must
// set Err, pointing into the line of the second occurrence.
func TestParseDuplicateKeys(t *testing.T) {
	text := "---\ntitle: first\nms.topic: article\ntitle: second\n---\n# T\n"
	fm, _ := Split(text)
	Parse(text, fm)
	if fm.Err == nil {
		t.Fatalf("duplicate key \"title\" gives no error; entries %+v", fm.Entries)
	}
	line := at(t, text, "\n", "title: second")
	if fm.Err.Range.Start < line.Start || fm.Err.Range.End > line.End || fm.Err.Range.Start >= fm.Err.Range.End {
		t.Errorf("error range %v (%q) is not inside the duplicate's line %q", fm.Err.Range, slice(text, fm.Err.Range), "title: second")
	}
	if !strings.Contains(fm.Err.Message, `"title"`) || !strings.Contains(fm.Err.Message, "line 2") {
		t.Errorf("message %q does not name the key and the page line of its first definition", fm.Err.Message)
	}
}

// TestParseValueRangeExcludesComment: ValueRange covers the value text; a
// trailing comment is not part of it (a finding on ms.contentlocale must not
// underline the comment).
func TestParseValueRangeExcludesComment(t *testing.T) {
	text := "---\nms.contentlocale: fr-FR # set by the tool\n# own-line comment\nms.topic: article\n---\n"
	fm, _ := Split(text)
	Parse(text, fm)
	e := fm.Get("ms.contentlocale")
	if e == nil || e.Value != "fr-FR" {
		t.Fatalf("ms.contentlocale = %+v", e)
	}
	if got := slice(text, e.ValueRange); got != "fr-FR" {
		t.Errorf("ValueRange = %q, want %q", got, "fr-FR")
	}
}

// TestParseValueRanges: a value's range is its text alone, in a one-line
// flow mapping (which once panicked: the next key's line started before the
// value) and after an anchor or a tag (a fix replaces the value, not them).
func TestParseValueRanges(t *testing.T) {
	for _, c := range []struct{ text, key, want string }{
		{"---\n{a: x, ms.contentlocale: de-DE}\n---\n", "a", "x"},
		{"---\n{a: x, ms.contentlocale: de-DE}\n---\n", "ms.contentlocale", "de-DE"},
		{"---\n{a: 'x y', b: \"z\"}\n---\n", "a", "'x y'"},
		{"---\nms.contentlocale: &a de-DE\nx: *a\n---\n", "ms.contentlocale", "de-DE"},
		{"---\ntitle: !!str Titre\n---\n", "title", "Titre"},
		{"---\ntitle: &t !!str Titre\n---\n", "title", "Titre"},
	} {
		fm, _ := Split(c.text)
		Parse(c.text, fm)
		e := fm.Get(c.key)
		if e == nil {
			t.Errorf("%q: no %s (err %v)", c.text, c.key, fm.Err)
			continue
		}
		if got := slice(c.text, e.ValueRange); got != c.want {
			t.Errorf("%q: %s ValueRange = %q, want %q", c.text, c.key, got, c.want)
		}
	}
}
