package page

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/l10nlint/l10nlint/rules"
)

func sxs(id, target, source string) string {
	return `<span data-ttu-id="` + id + `">` + target + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` +
		source + `</span></span>`
}

func TestLocale(t *testing.T) {
	fm := func(lines ...string) string { return "---\n" + strings.Join(lines, "\n") + "\n---\n# T\n" }
	tests := []struct {
		name, path, text string
		opts             Options
		locale, origin   string
	}{
		{"front matter first", "docs/de-de/x.md", fm("ms.contentlocale: fr-fr"), Options{DefaultLocale: "ja-JP"}, "fr-FR", "front matter"},
		{"quoted front matter value", "x.md", fm(`ms.contentlocale: " zh-cn "`), Options{}, "zh-CN", "front matter"},
		{"script subtag", "x.md", fm("ms.contentlocale: zh-hans"), Options{}, "zh-Hans", "front matter"},
		{"path when front matter has none", "docs/fr-fr/x.md", fm("title: x"), Options{DefaultLocale: "ja-JP"}, "fr-FR", "path"},
		{"path when the front matter value is no locale", "docs/fr-fr/x.md", fm("ms.contentlocale: french"), Options{}, "fr-FR", "path"},
		{"path when the front matter value is no scalar", "docs/fr-fr/x.md", fm("ms.contentlocale:\n  - de-de"), Options{}, "fr-FR", "path"},
		{"path when the front matter does not parse", "docs/fr-fr/x.md", fm("ms.contentlocale: de-de", "\tbad: x"), Options{}, "fr-FR", "path"},
		{"path without front matter", "docs/pt_br/sub/x.md", "# T\n", Options{}, "pt-BR", "path"},
		{"nearest path segment", "de-de/docs/fr-fr/x.md", "# T\n", Options{}, "fr-FR", "path"},
		{"bare language directory", "fr/x.md", "# T\n", Options{}, "fr", "path"},
		{"file name is not a locale", "docs/fr-fr.md", "# T\n", Options{DefaultLocale: "ja-JP"}, "ja-JP", "config"},
		{"config default", "docs/x.md", fm("title: x"), Options{DefaultLocale: "ja-JP"}, "ja-JP", "config"},
		{"unknown", "docs/x.md", "# T\n", Options{}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse(tc.path, []byte(tc.text), tc.opts)
			if p.Locale != tc.locale || p.LocaleOrigin != tc.origin {
				t.Errorf("locale %q from %q, want %q from %q", p.Locale, p.LocaleOrigin, tc.locale, tc.origin)
			}
			if p.Path != tc.path || p.Text != tc.text {
				t.Errorf("Path %q / Text %q changed", p.Path, p.Text)
			}
		})
	}
}

func TestSourceLocale(t *testing.T) {
	if p := Parse("x.md", []byte("x"), Options{}); p.SourceLocale != "en-US" {
		t.Errorf("default SourceLocale %q", p.SourceLocale)
	}
	if p := Parse("x.md", []byte("x"), Options{SourceLocale: "en-GB"}); p.SourceLocale != "en-GB" {
		t.Errorf("SourceLocale %q", p.SourceLocale)
	}
}

func TestBinary(t *testing.T) {
	for _, data := range [][]byte{
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
		[]byte("---\ntitle: x\n---\n" + sxs("1", "a\x00", "b")),
		{0xFF, 0xFE, 'a', 0, 'b'}, // UTF-16 with an odd byte count
		{0xFF, 0xFE, 0, 0},        // UTF-16 NUL
	} {
		p := Parse("docs/fr-fr/image.md", data, Options{})
		if len(p.FileProblems) != 1 || !strings.Contains(p.FileProblems[0].Message, "cannot read as text") {
			t.Errorf("%q: FileProblems %+v", data, p.FileProblems)
		}
		if p.Text != "" || p.Bilingual() || p.FrontMatter != nil || len(p.Problems) != 0 || len(p.Headings) != 0 {
			t.Errorf("%q: binary page has content: %+v", data, p)
		}
		if p.FileProblems[0].Range != (rules.Range{}) {
			t.Errorf("%q: FileProblem range %v", data, p.FileProblems[0].Range)
		}
	}
}

const frPage = "---\ntitle: Présentation\nms.contentlocale: fr-FR\n---\n" +
	"# <a name=\"overview\"></a>" + "<span data-ttu-id=\"a-101\">Présentation 😀</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-101\">Overview 😀</span></span>" + "\r\n\r\n" +
	"- <span data-ttu-id=\"a-102\">Élément</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-102\">Item</span></span>\r\n"

func checkFrPage(t *testing.T, p *rules.Page, encoding string) {
	t.Helper()
	if p.Encoding != encoding || len(p.FileProblems) != 0 {
		t.Fatalf("Encoding %q, FileProblems %+v", p.Encoding, p.FileProblems)
	}
	if p.Text != frPage {
		t.Fatalf("Text = %q", p.Text)
	}
	if p.Locale != "fr-FR" || p.LocaleOrigin != "front matter" {
		t.Errorf("locale %q from %q", p.Locale, p.LocaleOrigin)
	}
	if p.FrontMatter == nil || p.FrontMatter.Get("title") == nil || p.FrontMatter.Get("title").Value != "Présentation" {
		t.Errorf("front matter %+v", p.FrontMatter)
	}
	if len(p.Segments) != 2 || len(p.Problems) != 0 {
		t.Fatalf("segments %+v problems %+v", p.Segments, p.Problems)
	}
	for i, want := range [][2]string{{"Présentation 😀", "Overview 😀"}, {"Élément", "Item"}} {
		s := p.Segments[i]
		if s.Target.Raw != want[0] || s.Source.Raw != want[1] || p.Text[s.Target.Range.Start:s.Target.Range.End] != want[0] {
			t.Errorf("segment %d: %q / %q", i, s.Target.Raw, s.Source.Raw)
		}
	}
	if p.Segments[0].Block != "heading" || p.Segments[1].Block != "list-item" {
		t.Errorf("blocks %q %q", p.Segments[0].Block, p.Segments[1].Block)
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

func TestEncodings(t *testing.T) {
	t.Run("utf-8", func(t *testing.T) { checkFrPage(t, Parse("x.md", []byte(frPage), Options{}), "utf-8") })
	t.Run("utf-8 BOM", func(t *testing.T) {
		checkFrPage(t, Parse("x.md", append([]byte("\xEF\xBB\xBF"), frPage...), Options{}), "utf-8-bom")
	})
	t.Run("utf-16le", func(t *testing.T) {
		checkFrPage(t, Parse("x.md", append([]byte{0xFF, 0xFE}, utf16Bytes(frPage, false)...), Options{}), "utf-16le")
	})
	t.Run("utf-16be", func(t *testing.T) {
		checkFrPage(t, Parse("x.md", append([]byte{0xFE, 0xFF}, utf16Bytes(frPage, true)...), Options{}), "utf-16be")
	})
	t.Run("utf-16le without BOM", func(t *testing.T) {
		// Mostly ASCII: the NUL pattern gives it away.
		text := "---\nms.contentlocale: fr-FR\n---\n" + sxs("b-1", "Bonjour", "Hello") + "\n"
		p := Parse("x.md", utf16Bytes(text, false), Options{})
		if p.Encoding != "utf-16le" || p.Text != text || len(p.Segments) != 1 || p.Locale != "fr-FR" {
			t.Errorf("Encoding %q Text %q segments %d locale %q", p.Encoding, p.Text, len(p.Segments), p.Locale)
		}
	})
}

func TestInvalidUTF8(t *testing.T) {
	text := "---\nms.contentlocale: fr-FR\n---\n" + sxs("i-1", "caf\xe9", "coffee") + "\n"
	p := Parse("x.md", []byte(text), Options{})
	at := strings.IndexByte(text, 0xe9)
	if len(p.FileProblems) != 1 || p.FileProblems[0].Range != (rules.Range{Start: at, End: at + 1}) ||
		!strings.Contains(p.FileProblems[0].Message, "0xE9") {
		t.Fatalf("FileProblems %+v", p.FileProblems)
	}
	// The page is still read.
	if p.Text != text || len(p.Segments) != 1 || p.Segments[0].Target.Raw != "caf\xe9" || p.Locale != "fr-FR" {
		t.Errorf("page %+v", p)
	}
}

func TestFrontMatterProblemsKeepTheBody(t *testing.T) {
	text := "---\ntitle: x\ntitle: y\n---\n" + sxs("d-1", "A", "B") + "\n"
	p := Parse("docs/fr-fr/x.md", []byte(text), Options{})
	if p.FrontMatter == nil || p.FrontMatter.Err == nil {
		t.Errorf("front matter %+v: want a duplicate key error", p.FrontMatter)
	}
	if len(p.Segments) != 1 || p.Segments[0].Target.Raw != "A" {
		t.Errorf("segments %+v", p.Segments)
	}
	// An unclosed front matter swallows the page, as docs platforms read it.
	text = "---\ntitle: x\n" + sxs("d-2", "A", "B") + "\n"
	p = Parse("x.md", []byte(text), Options{})
	if p.FrontMatter == nil || !p.FrontMatter.Unclosed || len(p.Segments) != 0 || len(p.Problems) != 0 {
		t.Errorf("unclosed front matter: %+v, segments %+v, problems %+v", p.FrontMatter, p.Segments, p.Problems)
	}
}
