package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// sxs writes one side-by-side segment.
func sxs(id, target, source string) string {
	return `<span data-ttu-id="` + id + `">` + target + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` +
		source + `</span></span>`
}

type wantSeg struct {
	id, sourceID   string
	target, source string
	block          string
	hasSource      bool
}

// ok is a complete segment.
func ok(id, target, source, block string) wantSeg {
	return wantSeg{id: id, sourceID: id, target: target, source: source, block: block, hasSource: true}
}

type wantProblem struct {
	message string // a substring of the message
	raw     string // the text of the problem's range
}

type segCase struct {
	name     string
	text     string
	segs     []wantSeg
	problems []wantProblem
}

func extract(text string, bodyStart int) *rules.Page {
	p := &rules.Page{Text: text}
	Extract(p, bodyStart)
	return p
}

// checkPage checks the invariants every page's segments hold: ranges inside
// the text, Raw the text of Range, the target inside the segment range and
// the source after it, segments in document order without overlap.
func checkPage(tb testing.TB, p *rules.Page) {
	tb.Helper()
	text := p.Text
	in := func(what string, r rules.Range) {
		tb.Helper()
		if r.Start < 0 || r.Start > r.End || r.End > len(text) {
			tb.Fatalf("%s range %v outside the text (%d bytes)", what, r, len(text))
		}
	}
	prevEnd := 0
	for _, s := range p.Segments {
		in("segment", s.Range)
		in("target", s.Target.Range)
		if s.Target.Raw != text[s.Target.Range.Start:s.Target.Range.End] {
			tb.Fatalf("segment %q: Target.Raw %q is not the text of %v", s.ID, s.Target.Raw, s.Target.Range)
		}
		if s.Target.Range.Start < s.Range.Start || s.Target.Range.End > s.Range.End {
			tb.Fatalf("segment %q: target %v outside the segment %v", s.ID, s.Target.Range, s.Range)
		}
		if s.HasSource {
			in("source", s.Source.Range)
			if s.Source.Raw != text[s.Source.Range.Start:s.Source.Range.End] {
				tb.Fatalf("segment %q: Source.Raw %q is not the text of %v", s.ID, s.Source.Raw, s.Source.Range)
			}
			if s.Source.Range.Start < s.Target.Range.End || s.Source.Range.End > s.Range.End {
				tb.Fatalf("segment %q: source %v not after the target %v inside %v", s.ID, s.Source.Range, s.Target.Range, s.Range)
			}
		} else if s.Source.Range != (rules.Range{}) || s.Source.Raw != "" || s.SourceID != "" {
			tb.Fatalf("segment %q without source has source %+v / %q", s.ID, s.Source, s.SourceID)
		}
		if s.Range.Start < prevEnd {
			tb.Fatalf("segment %q at %v overlaps or precedes the previous one (ends at %d)", s.ID, s.Range, prevEnd)
		}
		prevEnd = s.Range.End
	}
	for _, pr := range p.Problems {
		in("problem "+pr.Message, pr.Range)
	}
	for _, h := range p.Headings {
		in("heading", h.Range)
	}
}

func runSegCases(t *testing.T, tests []segCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := extract(tc.text, 0)
			checkPage(t, p)
			if len(p.Segments) != len(tc.segs) {
				for _, s := range p.Segments {
					t.Logf("segment %q %s: %q", s.ID, s.Block, s.Target.Raw)
				}
				t.Fatalf("%d segments, want %d", len(p.Segments), len(tc.segs))
			}
			for i, w := range tc.segs {
				s := p.Segments[i]
				got := wantSeg{id: s.ID, sourceID: s.SourceID, target: s.Target.Raw, source: s.Source.Raw, block: s.Block, hasSource: s.HasSource}
				if got != w {
					t.Errorf("segment %d = %+v\n                 want %+v", i, got, w)
				}
				// The segment markup starts with the target span and, when
				// complete, ends with the two closing spans.
				r := tc.text[s.Range.Start:s.Range.End]
				if !strings.HasPrefix(r, "<span data-ttu-id=") && !strings.HasPrefix(r, "<span data-ttu-id =") {
					t.Errorf("segment %q range %q does not start at its target span", s.ID, r)
				}
			}
			if len(p.Problems) != len(tc.problems) {
				for _, pr := range p.Problems {
					t.Logf("problem %q at %q", pr.Message, tc.text[pr.Range.Start:pr.Range.End])
				}
				t.Fatalf("%d problems, want %d", len(p.Problems), len(tc.problems))
			}
			for i, w := range tc.problems {
				pr := p.Problems[i]
				if !strings.Contains(pr.Message, w.message) {
					t.Errorf("problem %d message %q, want it to contain %q", i, pr.Message, w.message)
				}
				if got := tc.text[pr.Range.Start:pr.Range.End]; got != w.raw {
					t.Errorf("problem %d (%s) at %q, want %q", i, pr.Message, got, w.raw)
				}
			}
		})
	}
}

func TestSegments(t *testing.T) {
	runSegCases(t, []segCase{
		{name: "heading with anchor",
			text: `# <a name="compliance-offering"></a>` + sxs("47632-104", "Offre de conformité : ISO/IEC 20000-1:2011", "Compliance offering: ISO/IEC 20000-1:2011") + "\n",
			segs: []wantSeg{ok("47632-104", "Offre de conformité : ISO/IEC 20000-1:2011", "Compliance offering: ISO/IEC 20000-1:2011", "heading")}},
		{name: "setext heading",
			text: "Titre\n=====\n\n" + sxs("st-1", "Sous-titre", "Subtitle") + "\n-----\n",
			segs: []wantSeg{ok("st-1", "Sous-titre", "Subtitle", "heading")}},
		{name: "several segments on a line",
			text: sxs("p-1", "Un.", "One.") + " " + sxs("p-2", "Deux **gras**.", "Two **bold**.") + "  \n  \n" + sxs("p-3", "Trois.", "Three.") + "\n",
			segs: []wantSeg{ok("p-1", "Un.", "One.", "paragraph"), ok("p-2", "Deux **gras**.", "Two **bold**.", "paragraph"), ok("p-3", "Trois.", "Three.", "paragraph")}},
		{name: "multi-line segment",
			text: sxs("m-1", "Première ligne\nseconde ligne", "First line\nsecond line") + "\n",
			segs: []wantSeg{ok("m-1", "Première ligne\nseconde ligne", "First line\nsecond line", "paragraph")}},
		{name: "CRLF",
			text: "# " + sxs("c-1", "Titre", "Title") + "\r\n\r\n" + sxs("c-2", "Ligne\r\nsuite", "Line\r\nnext") + "\r\n",
			segs: []wantSeg{ok("c-1", "Titre", "Title", "heading"), ok("c-2", "Ligne\r\nsuite", "Line\r\nnext", "paragraph")}},
		{name: "list items",
			text: "- " + sxs("l-1", "Élément [lien](a.md)", "Item [link](a.md)") + "\n- " + sxs("l-2", "Deux", "Two") +
				"\n\n1. " + sxs("l-3", "Étape", "Step") + "\n\n   " + sxs("l-4", "Suite de l’étape", "Step continued") + "\n",
			segs: []wantSeg{ok("l-1", "Élément [lien](a.md)", "Item [link](a.md)", "list-item"), ok("l-2", "Deux", "Two", "list-item"),
				ok("l-3", "Étape", "Step", "list-item"), ok("l-4", "Suite de l’étape", "Step continued", "list-item")}},
		{name: "link around a segment",
			text: "- [" + sxs("k-1", "Présentation", "Overview") + "](overview.md)\n",
			segs: []wantSeg{ok("k-1", "Présentation", "Overview", "list-item")}},
		{name: "table",
			text: "| " + sxs("t-1", "Paramètre", "Setting") + " | " + sxs("t-2", "Valeur", "Value") + " |\n|---|---|\n| `-Identity` | " +
				sxs("t-3", "Le nom", "The name") + " |\n",
			segs: []wantSeg{ok("t-1", "Paramètre", "Setting", "table"), ok("t-2", "Valeur", "Value", "table"), ok("t-3", "Le nom", "The name", "table")}},
		{name: "blockquote callout",
			text: "> [!NOTE]\n> " + sxs("n-1", "Cette fonctionnalité est en préversion.", "This feature is in preview.") + "\n",
			segs: []wantSeg{ok("n-1", "Cette fonctionnalité est en préversion.", "This feature is in preview.", "blockquote")}},
		{name: "callout in a list item",
			text: "1. " + sxs("n-2", "Étape", "Step") + "\n\n    > [!IMPORTANT]\n    > " + sxs("n-3", "Attention", "Caution") + "\n",
			// The innermost container names the block.
			segs: []wantSeg{ok("n-2", "Étape", "Step", "list-item"), ok("n-3", "Attention", "Caution", "blockquote")}},
		{name: "nested span in the target",
			text: "Texte " + sxs("x-1", "A <span>imbriqué</span> fin", "A <span>nested</span> end") + " après\n",
			segs: []wantSeg{ok("x-1", "A <span>imbriqué</span> fin", "A <span>nested</span> end", "paragraph")}},
		{name: "single-quoted attributes and white space in tags",
			text: `<span data-ttu-id='q-1' >A</span><span class='other sxs-lookup'><span  data-stu-id='q-1'>B</span ></span>` + "\n",
			segs: []wantSeg{ok("q-1", "A", "B", "paragraph")}},
		{name: "white space between the spans",
			text: `<span data-ttu-id="w-1">A</span> <span class="sxs-lookup"> <span data-stu-id="w-1">B</span> </span>` + "\n",
			segs: []wantSeg{ok("w-1", "A", "B", "paragraph")}},
		{name: "empty target and source",
			text: sxs("e-1", "", "") + "\n",
			segs: []wantSeg{ok("e-1", "", "", "paragraph")}},
		{name: "html block",
			text: "<table>\n<tr><td>" + sxs("h-1", "Cellule", "Cell") + "</td></tr>\n</table>\n",
			segs: []wantSeg{ok("h-1", "Cellule", "Cell", "html")}},
		{name: "front-matter-like text in the body is prose",
			text: "Texte\n\n" + sxs("f-1", "A", "B") + "\n",
			segs: []wantSeg{ok("f-1", "A", "B", "paragraph")}},
	})
}

// TestSegmentContinuationLine: the translation tool puts a long segment's
// opening span alone on a list item's line and the text on a less indented
// line. Markdown reads an HTML block (the lone tag) and a separate
// paragraph; the segment still runs on from one to the other.
func TestSegmentContinuationLine(t *testing.T) {
	runSegCases(t, []segCase{
		{name: "bullet",
			text: "- <span data-ttu-id=\"e2f39-259\">\n  [Appliquer des étiquettes](https://support.office.com/fr-FR/a)</span><span class=\"sxs-lookup\"><span data-stu-id=\"e2f39-259\">[Apply labels](https://support.office.com/en-us/a)</span></span>\n",
			segs: []wantSeg{ok("e2f39-259", "\n  [Appliquer des étiquettes](https://support.office.com/fr-FR/a)", "[Apply labels](https://support.office.com/en-us/a)", "html")}},
		{name: "nested bullet then a normal item",
			text: "- Liste :\n    - <span data-ttu-id=\"e-289\">\n  [Créer une stratégie](a.md)</span><span class=\"sxs-lookup\"><span data-stu-id=\"e-289\">[Create a policy](a.md)</span></span>\n    - " +
				sxs("e-290", "Suite", "Next") + "\n",
			segs: []wantSeg{ok("e-289", "\n  [Créer une stratégie](a.md)", "[Create a policy](a.md)", "html"), ok("e-290", "Suite", "Next", "list-item")}},
		{name: "numbered item with bold over three lines",
			text: "1.  <span data-ttu-id=\"6dad0-114\">\n  **\n  [Installez le scanneur](x)**</span><span class=\"sxs-lookup\"><span data-stu-id=\"6dad0-114\">**[Install the scanner](y)**</span></span>\n",
			segs: []wantSeg{ok("6dad0-114", "\n  **\n  [Installez le scanneur](x)**", "**[Install the scanner](y)**", "html")}},
		{name: "a blank line ends the segment",
			text: "- <span data-ttu-id=\"b-1\">\n\n  Texte</span><span class=\"sxs-lookup\"><span data-stu-id=\"b-1\">Text</span></span>\n",
			problems: []wantProblem{
				{"target span data-ttu-id=\"b-1\" is not closed in its html", `<span data-ttu-id="b-1">`},
				{`<span class="sxs-lookup"> does not follow a target span`, `<span class="sxs-lookup">`},
				{`source span data-stu-id="b-1" has no target span before it`, `<span data-stu-id="b-1">`},
			}},
	})
}

func TestSegmentsNotInCode(t *testing.T) {
	runSegCases(t, []segCase{
		{name: "fenced code with span-like text",
			text: "```html\n<span class=\"sxs-lookup\"><span data-stu-id=\"c-1\">Source</span></span>\n<span data-ttu-id>\n```\n\n" + sxs("c-2", "Après", "After") + "\n",
			segs: []wantSeg{ok("c-2", "Après", "After", "paragraph")}},
		{name: "indented code with span-like text",
			text: "Texte :\n\n    <span data-stu-id=\"c-3\">x</span></span>\n\nFin\n"},
		{name: "tilde fence in a list item",
			text: "- " + sxs("c-4", "Exécutez :", "Run:") + "\n\n  ~~~xml\n  <span class=\"sxs-lookup\">data-stu-id=\"c-5\"</span>\n  ~~~\n",
			segs: []wantSeg{ok("c-4", "Exécutez :", "Run:", "list-item")}},
		{name: "inline code in a segment",
			text: sxs("c-6", "Le code `<span class=\"sxs-lookup\">` reste", "The code `<span class=\"sxs-lookup\">` stays") + "\n",
			segs: []wantSeg{ok("c-6", "Le code `<span class=\"sxs-lookup\">` reste", "The code `<span class=\"sxs-lookup\">` stays", "paragraph")}},
	})
	// Deliberate exception: a code block holding a complete target span was
	// an over-indented paragraph the translation tool segmented as prose.
	runSegCases(t, []segCase{
		{name: "over-indented segmented paragraph",
			text: "1. " + sxs("o-1", "Étape", "Step") + "\n\n        " + sxs("o-2", "Ou", "Or") + "\n",
			segs: []wantSeg{ok("o-1", "Étape", "Step", "list-item"), ok("o-2", "Ou", "Or", "code")}},
	})
}

// TestInlineCodeIsNotMarkup: a segment attribute inside an inline code span
// is code, not a malformed tag (the way code blocks are skipped).
func TestInlineCodeIsNotMarkup(t *testing.T) {
	runSegCases(t, []segCase{
		{name: "paragraph",
			text: "Le format `<span data-ttu-id=\"x\">` est interne.\n"},
		{name: "inside a segment",
			text: sxs("ic-1", "Utilisez `<span data-stu-id=\"1\">`.", "Use `<span data-stu-id=\"1\">`.") + "\n",
			segs: []wantSeg{ok("ic-1", "Utilisez `<span data-stu-id=\"1\">`.", "Use `<span data-stu-id=\"1\">`.", "paragraph")}},
	})
}

func TestSegmentProblems(t *testing.T) {
	runSegCases(t, []segCase{
		{name: "unclosed target",
			text:     "<span data-ttu-id=\"u-1\">Non fermé\n\nsuite</span>\n",
			problems: []wantProblem{{`target span data-ttu-id="u-1" is not closed in its paragraph`, `<span data-ttu-id="u-1">`}}},
		{name: "unclosed target in a heading",
			text:     "## <span data-ttu-id=\"u-2\">Titre\n\n" + sxs("u-3", "A", "B") + "\n",
			segs:     []wantSeg{ok("u-3", "A", "B", "paragraph")},
			problems: []wantProblem{{`target span data-ttu-id="u-2" is not closed in its heading`, `<span data-ttu-id="u-2">`}}},
		{name: "missing sxs-lookup",
			text:     "<span data-ttu-id=\"m-1\">Cible</span> texte\n",
			segs:     []wantSeg{{id: "m-1", target: "Cible", block: "paragraph"}},
			problems: []wantProblem{{`segment "m-1" has no source part`, `<span data-ttu-id="m-1">Cible</span>`}}},
		{name: "sxs-lookup without the source span",
			text:     "<span data-ttu-id=\"w-2\">A</span><span class=\"sxs-lookup\">B</span>\n",
			segs:     []wantSeg{{id: "w-2", target: "A", block: "paragraph"}},
			problems: []wantProblem{{`segment "w-2": <span class="sxs-lookup"> holds no <span data-stu-id> source span`, `<span class="sxs-lookup">`}}},
		{name: "sxs-lookup not closed",
			text:     "<span data-ttu-id=\"w-3\">A</span><span class=\"sxs-lookup\"><span data-stu-id=\"w-3\">B</span>\n",
			segs:     []wantSeg{ok("w-3", "A", "B", "paragraph")},
			problems: []wantProblem{{`segment "w-3": <span class="sxs-lookup"> is not closed right after its source span`, `<span class="sxs-lookup">`}}},
		{name: "source span not closed",
			text:     "<span data-ttu-id=\"w-4\">A</span><span class=\"sxs-lookup\"><span data-stu-id=\"w-4\">B\n\nC</span></span>\n",
			segs:     []wantSeg{{id: "w-4", target: "A", block: "paragraph"}},
			problems: []wantProblem{{`source span data-stu-id="w-4" is not closed in its paragraph`, `<span data-stu-id="w-4">`}}},
		{name: "stu without ttu",
			text:     "<span data-stu-id=\"s-1\">Source seule</span>\n",
			problems: []wantProblem{{`source span data-stu-id="s-1" has no target span before it`, `<span data-stu-id="s-1">`}}},
		{name: "id mismatch is not a problem",
			text: `<span data-ttu-id="i-1">A</span><span class="sxs-lookup"><span data-stu-id="i-2">B</span></span>` + "\n",
			segs: []wantSeg{{id: "i-1", sourceID: "i-2", target: "A", source: "B", block: "paragraph", hasSource: true}}},
		{name: "malformed attribute",
			text:     "<span data-ttu-id=\"x>oops</span>\n\n" + sxs("ok-1", "A", "B") + "\n",
			segs:     []wantSeg{ok("ok-1", "A", "B", "paragraph")},
			problems: []wantProblem{{`malformed tag: "data-ttu-id" is not inside a well-formed HTML tag`, `<span data-ttu-id="x`}}},
		{name: "malformed source attribute",
			// '"' may not occur in an unquoted attribute value: no tag.
			text: `<span data-ttu-id="y-1">A</span><span class="sxs-lookup"><span data-stu-id=y-1">B</span></span>` + "\n",
			segs: []wantSeg{{id: "y-1", target: "A", block: "paragraph"}},
			problems: []wantProblem{
				{`segment "y-1": <span class="sxs-lookup"> holds no <span data-stu-id> source span`, `<span class="sxs-lookup">`},
				{`malformed tag: "data-stu-id" is not inside a well-formed HTML tag`, `<span data-stu-id=y-1"`},
			}},
		{name: "missing closing bracket",
			text:     `<span data-ttu-id="z-1"A</span>` + "\n",
			problems: []wantProblem{{`malformed tag: "data-ttu-id" is not inside a well-formed HTML tag`, `<span data-ttu-id="z-1"A</span`}}},
		{name: "ttu text in prose",
			text:     "Le data-ttu-id reste.\n",
			problems: []wantProblem{{`malformed tag: "data-ttu-id"`, `data-ttu-id reste.`}}},
	})
}

// TestSourceSpanNotWrapped: a source span that follows the target without
// its <span class="sxs-lookup"> wrapper is one defect and gets one problem;
// "has no target span before it" would be wrong, the target is right there.
func TestSourceSpanNotWrapped(t *testing.T) {
	runSegCases(t, []segCase{
		{name: "not wrapped",
			text: `<span data-ttu-id="w-1">A</span><span data-stu-id="w-1">B</span>` + "\n\n" + sxs("w-2", "C", "D") + "\n",
			segs: []wantSeg{{id: "w-1", target: "A", block: "paragraph"}, ok("w-2", "C", "D", "paragraph")},
			problems: []wantProblem{
				{`segment "w-1": the source span is not wrapped in <span class="sxs-lookup">`, `<span data-stu-id="w-1">`},
			}},
	})
}

// TestRawTextTags: an inline <title>, <textarea>, <iframe>... tag (the HTML
// tokenizer's raw text elements) must not hide the attributes of the tags
// after it.
func TestRawTextTags(t *testing.T) {
	for _, name := range []string{"title", "textarea", "iframe", "style", "script", "xmp", "noscript"} {
		runSegCases(t, []segCase{
			{name: name,
				text: "Ajoutez <" + name + "> " + sxs("r-1", "ici", "here") + " " + sxs("r-2", "et là", "and there") + "\n",
				segs: []wantSeg{ok("r-1", "ici", "here", "paragraph"), ok("r-2", "et là", "and there", "paragraph")}},
		})
	}
}

func TestHeadingsAndFrontMatter(t *testing.T) {
	fm := "---\ntitle: <span data-ttu-id=\"fm\">x\nms.topic: article\n---\n"
	text := fm + "# <a name=\"a\"></a>" + sxs("h-1", "Titre", "Title") + "\n\nTexte\n\n## Deux\n\nSous\n---\n"
	p := extract(text, len(fm))
	checkPage(t, p)
	if len(p.Problems) != 0 {
		t.Errorf("problems %+v: the front matter is not Markdown", p.Problems)
	}
	if len(p.Segments) != 1 || p.Segments[0].ID != "h-1" || p.Segments[0].Block != "heading" {
		t.Fatalf("segments %+v", p.Segments)
	}
	want := []struct {
		level int
		raw   string
	}{{1, "<a name=\"a\"></a>" + sxs("h-1", "Titre", "Title")}, {2, "Deux"}, {2, "Sous"}}
	if len(p.Headings) != len(want) {
		t.Fatalf("headings %+v, want %d", p.Headings, len(want))
	}
	for i, w := range want {
		h := p.Headings[i]
		if h.Level != w.level || text[h.Range.Start:h.Range.End] != w.raw {
			t.Errorf("heading %d = %d %q, want %d %q", i, h.Level, text[h.Range.Start:h.Range.End], w.level, w.raw)
		}
	}
	if p.Text != text {
		t.Error("Extract changed page.Text")
	}
}

func TestBlankLine(t *testing.T) {
	tests := []struct {
		gap  string
		want bool
	}{
		{"", false}, {"\n", false}, {"\n\n", true}, {"\n  \t\n", true}, {"\r\n\r\n", true}, {"\n> \n", false}, {"  \n", false},
	}
	for _, tc := range tests {
		if got := blankLine(tc.gap); got != tc.want {
			t.Errorf("blankLine(%q) = %v, want %v", tc.gap, got, tc.want)
		}
	}
}

func TestAnchorAttrs(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want []string
	}{
		{`<a name="intro">`, []string{"intro"}},
		{`<a id="intro">`, []string{"intro"}},
		{`<A NAME='x'>`, []string{"x"}},
		{`<div class="c" id="top">`, []string{"top"}},
		{`<a href="#x"id="y">`, []string{"y"}},
		{`<a/id="y">`, []string{"y"}},
		{`<span data-ttu-id="12">`, nil},
		{`<span data-stu-id="12" class="x">`, nil},
		{`</a>`, nil},
		{`<img src="hidden.png" alt="grid">`, nil},
	} {
		var got []string
		if hasAnchorAttr(tc.raw) {
			got = anchorAttrs(tc.raw)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: anchors %q, want %q", tc.raw, got, tc.want)
		}
	}
}

// TestHTMLLinks: the <a href> and <img src> tags of the body are links of
// the page like Markdown ones (broken-link and structure-mismatch check
// them), in document order, their destinations unescaped and DestRange the
// attribute's value as written; those in code, scripts and styles are not.
func TestHTMLLinks(t *testing.T) {
	text := "See [md](a.md).\n\n<p><a class=\"x\" href=\"b.md?x=1&amp;y=2\">b</a> <IMG SRC=c.png></p>\n\n" +
		"Text <a href='d.md#part'>d</a> and `<a href=\"code.md\">`.\n\n```\n<a href=\"block.md\">\n```\n\n<a name=\"anchor\"></a> [e](e.md)\n\n" +
		"<script>\nvar s = '<a href=\"script.md\">';\n</script>\n\n<style>\na { content: \"<img src=style.png>\" }\n</style>\n"
	p := extract(text, 0)
	type link struct {
		kind     rules.LinkKind
		dest, at string
		html     bool
	}
	var got []link
	for _, l := range p.Links {
		got = append(got, link{l.Kind, l.Dest, text[l.DestRange.Start:l.DestRange.End], l.HTML})
	}
	want := []link{
		{rules.InlineLink, "a.md", "a.md", false},
		{rules.InlineLink, "b.md?x=1&y=2", "b.md?x=1&amp;y=2", true},
		{rules.ImageLink, "c.png", "c.png", true},
		{rules.InlineLink, "d.md#part", "d.md#part", true},
		{rules.InlineLink, "e.md", "e.md", false},
	}
	if !slices.Equal(got, want) {
		t.Errorf("links:\n got %+v\nwant %+v", got, want)
	}
}
