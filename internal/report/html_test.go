package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// writeHTML renders run and parses it, failing on any tokenizer error.
func writeHTML(t *testing.T, run *Run) (string, *html.Node) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "html", run, Options{}); err != nil {
		t.Fatal(err)
	}
	z := html.NewTokenizer(bytes.NewReader(buf.Bytes()))
	for z.Next() != html.ErrorToken {
	}
	if err := z.Err(); err.Error() != "EOF" {
		t.Fatalf("tokenizer: %v", err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return buf.String(), doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, c string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), c)
}

// find returns the elements under n (n included) that match.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// child returns n's first child element with the tag, or nil.
func child(n *html.Node, tag string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			return c
		}
	}
	return nil
}

func rows(doc *html.Node) []*html.Node {
	return find(doc, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "f") })
}

// htmlRow is what a finding row shows.
type htmlRow struct {
	sev, rule, href, locale, where, message string
	source, target, mark, flagged           string
}

func readRow(n *html.Node) htmlRow {
	var r htmlRow
	get := func(tag string) string {
		if c := child(n, tag); c != nil {
			return textOf(c)
		}
		return ""
	}
	r.sev, r.rule, r.locale, r.where, r.message = get("b"), get("a"), get("i"), get("code"), get("p")
	if a := child(n, "a"); a != nil {
		r.href, _ = attr(a, "href")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case hasClass(c, "st"):
			src := child(c, "div")
			tgt := src.NextSibling
			r.source, r.target = textOf(src), textOf(tgt)
			if m := child(tgt, "mark"); m != nil {
				r.mark = textOf(m)
			} else if hasClass(tgt, "all") {
				r.mark = "(all)"
			}
		case hasClass(c, "x"):
			r.flagged = textOf(c)
		}
	}
	return r
}

func TestHTMLGolden(t *testing.T) {
	var buf, again bytes.Buffer
	if err := Write(&buf, "html", testRun(t), Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.html", buf.Bytes())
	// Deterministic (maps are iterated in a different order each time) and
	// independent of the options.
	for range 5 {
		again.Reset()
		if err := Write(&again, "html", testRun(t), Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Fatal("two writes of the same run differ")
		}
	}
}

func TestHTMLRows(t *testing.T) {
	run := testRun(t)
	out, doc := writeHTML(t, run)
	tgt101, src101 := segmentTexts(t, frPath, "a1b2c-101")
	tgt102, src102 := segmentTexts(t, frPath, "a1b2c-102")
	want := []htmlRow{
		{sev: "warning", rule: "front-matter-locale", href: "#rule-front-matter-locale", locale: "fr-FR",
			where: "docs/fr-FR/index.md:3:12", message: `ms.locale "fr_FR" is not a BCP 47 tag; use "fr-FR"`, flagged: "fr_FR"},
		{sev: "error", rule: "number-mismatch", href: "#rule-number-mismatch", locale: "fr-FR",
			where: "docs/fr-FR/index.md:6:46", message: `number "12" is not in the source (source has "10")`,
			source: src101, target: tgt101, mark: "12"},
		{sev: "warning", rule: "link-mismatch", href: "#rule-link-mismatch", locale: "fr-FR",
			where: "docs/fr-FR/index.md:8:148", message: run.Findings[2].Message,
			source: src102, target: tgt102, mark: "https://example.com/fr/trust"},
		{sev: "note", rule: "decimal-separator", href: "#rule-decimal-separator", locale: "zh-CN",
			where: "docs/zh-CN/guide intro.md:3:12", message: `"1,5" uses a decimal comma; zh-CN writes "1.5"`, flagged: "1,5 GB"},
	}
	rs := rows(doc)
	if len(rs) != len(want) {
		t.Fatalf("%d rows, want %d", len(rs), len(want))
	}
	for i, n := range rs {
		if got := readRow(n); got != want[i] {
			t.Errorf("row %d:\ngot  %+v\nwant %+v", i, got, want[i])
		}
	}

	// Every in-page link has its target; every rule of the run is described.
	ids := map[string]bool{}
	for _, n := range find(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		id, _ := attr(n, "id")
		ids[id] = true
	}
	for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "a" }) {
		if href, _ := attr(a, "href"); strings.HasPrefix(href, "#") && !ids[href[1:]] {
			t.Errorf("link %q has no target", href)
		}
	}
	for _, ri := range run.Rules {
		if !ids["rule-"+ri.ID] {
			t.Errorf("rule %s is not described", ri.ID)
		}
	}
	for _, s := range []string{
		"Every number of the source must appear in the target.", // a Doc
		"Target equals source", // the Short of a rule without findings
		`href="https://github.com/l10nlint/l10nlint/blob/main/docs/rules.md#front-matter-locale"`,
		"<title>l10nlint report: 4 findings</title>",
		"2 files · 154 segments · 4 findings",
		`Showing <b id="shown">4</b> of 4 findings`,
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}

	// The filters: one checkbox per severity, locale and rule with
	// findings, in the order of the rows' data-l and data-r indexes.
	boxes := map[string][]string{}
	for _, n := range find(doc, func(n *html.Node) bool { return n.Data == "input" }) {
		if typ, _ := attr(n, "type"); typ == "checkbox" {
			name, _ := attr(n, "name")
			v, _ := attr(n, "value")
			boxes[name] = append(boxes[name], v)
		}
	}
	wantBoxes := map[string][]string{
		"s": {"error", "warning", "note"},
		"l": {"fr-FR", "zh-CN"},
		// By count, then ID.
		"r": {"decimal-separator", "front-matter-locale", "link-mismatch", "number-mismatch"},
	}
	for k, v := range wantBoxes {
		if !slices.Equal(boxes[k], v) {
			t.Errorf("checkboxes %s = %q, want %q", k, boxes[k], v)
		}
	}
	for i, n := range rs {
		f := run.Findings[i]
		l, _ := attr(n, "data-l")
		r, _ := attr(n, "data-r")
		if wantBoxes["l"][int(l[0]-'0')] != f.Locale || wantBoxes["r"][int(r[0]-'0')] != f.Rule {
			t.Errorf("row %d: data-l=%s data-r=%s do not index %s, %s", i, l, r, f.Locale, f.Rule)
		}
		if !hasClass(n, severityClass(f.Severity)) {
			t.Errorf("row %d lacks severity class %s", i, severityClass(f.Severity))
		}
	}
}

func TestHTMLEmpty(t *testing.T) {
	out, doc := writeHTML(t, emptyRun())
	if len(rows(doc)) != 0 || !strings.Contains(out, "No findings.") {
		t.Errorf("empty run: %d rows\n%s", len(rows(doc)), out)
	}
}

func TestHTMLEscapes(t *testing.T) {
	hostile := `<script>alert(1)</script>`
	text := "# <span data-ttu-id=\"x-1\">A " + hostile + " B</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">\"><img src=x onerror=alert(2)></span></span>\n"
	f := placed(text, "docs/<b>x</b>.md", hostile, 0, rules.Finding{
		Rule: "markup-mismatch", Severity: rules.Error,
		Message:   "tag </div><script>alert(3)</script> added",
		SegmentID: "x-1", Target: "A " + hostile + " B", Source: `"><img src=x onerror=alert(2)>`,
	})
	f.Locale = `fr"><script>alert(4)</script>`
	g := placed(text, "docs/a.md", "A", 0, rules.Finding{Rule: `r"><svg onload=alert(5)>`, Severity: rules.Warning,
		Message: "ctl \x1b[31m bidi \u202e end"})
	run := &Run{
		Findings: []Finding{f, g},
		Rules: []RuleInfo{{ID: "markup-mismatch", Short: "<i>short</i>", Doc: "</style><script>alert(6)</script>",
			Severity: rules.Error, HelpURI: "javascript:alert(7)",
			Options: []OptionInfo{{Name: "<o>", Default: "<d>", Doc: "<script>alert(8)</script>"}}}},
		Files: 1, Segments: 1, Version: `0.3.0"><script>alert(9)</script>`,
	}
	out, doc := writeHTML(t, run)
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "script" })); n != 1 {
		t.Errorf("%d script elements, want the page's own", n)
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "img", "svg", "o", "d":
			t.Errorf("injected <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || strings.Contains(strings.ToLower(a.Val), "javascript:") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	if strings.Contains(out, "alert(1)</script>") {
		t.Error("the hostile target is not escaped")
	}
	rs := rows(doc)
	if len(rs) != 2 {
		t.Fatalf("%d rows", len(rs))
	}
	got := readRow(rs[0])
	if got.target != "A "+hostile+" B" || got.mark != hostile || got.source != `"><img src=x onerror=alert(2)>` ||
		got.locale != f.Locale || got.where != "docs/<b>x</b>.md:1:29" || got.message != f.Message {
		t.Errorf("hostile row shows %+v", got)
	}
	if got := readRow(rs[1]); got.message != `ctl \x1b[31m bidi \u202e end` || got.rule != g.Rule {
		t.Errorf("control characters: %+v", got)
	}
}

// placed builds a finding on the n-th occurrence of needle in text, with
// positions computed the way the engine does.
func placed(text, path, needle string, n int, f rules.Finding) Finding {
	off := -1
	for i := 0; i <= n; i++ {
		off += 1 + strings.Index(text[off+1:], needle)
	}
	lines := textfile.NewLines(text)
	f.Path = path
	f.Range = rules.Range{Start: off, End: off + len(needle)}
	return Finding{Finding: f, Start: lines.Position(off), End: lines.Position(off + len(needle)), Snippet: needle}
}

func TestSpanOffsets(t *testing.T) {
	seg := func(id, target, source string) string {
		return `<span data-ttu-id="` + id + `">` + target + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + source + `</span></span>`
	}
	// Line 1: one segment at the line start; line 3: a second segment on
	// the line; line 5: a target over two lines.
	t1, t2, t3 := "a 12 b 12 c", "x (y) z (w)", "un ) deux\ntrois ) quatre )"
	text := seg("s-1", t1, "a 10 b 10 c") + "\n\n" +
		"- " + seg("s-2", "p", "p") + " " + seg("s-3", t2, "x (y) z (w") + "\n\n" +
		seg("s-4", t3, "one two three four") + "\n"
	type spec struct {
		id, target, needle string
		n                  int // occurrence in the file
	}
	// Occurrences in the file count from the page start: "12" occurs
	// only in t1, ")" in t2 then t3.
	tests := []struct {
		name  string
		specs []spec
		want  []int // byte offsets in the target, -1 for none
	}{
		{"one finding, first occurrence", []spec{{"s-1", t1, "12", 0}}, []int{2}},
		{"both occurrences", []spec{{"s-1", t1, "12", 0}, {"s-1", t1, "12", 1}}, []int{2, 7}},
		// A lone finding on the second "12" is ambiguous: the second
		// occurrence implies a target start right after the opening tag,
		// the first one 5 columns later. A finding on "c", which occurs
		// once, settles where the target starts.
		{"a unique snippet settles the start", []spec{{"s-1", t1, "12", 1}, {"s-1", t1, "c", 0}}, []int{7, 10}},
		// On "x (y) z (w)" after another segment, ")" at the second
		// occurrence: "y" pins the start.
		{"second segment of a line", []spec{{"s-3", t2, ")", 1}, {"s-3", t2, "y", 0}}, []int{10, 3}},
		// After a line break in the target only the occurrence in the
		// finding's column fits: the third ")" of t3 (the sixth in the
		// file, after t2's two and the one of its source).
		{"after a line break", []spec{{"s-4", t3, ")", 5}}, []int{t3Index(t3, ")", 2)}},
		{"on the first line of a multi-line target", []spec{{"s-4", t3, ")", 3}}, []int{3}},
		{"not in the target", []spec{{"s-1", t1, "10", 0}}, []int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []Finding
			for _, s := range tt.specs {
				fs = append(fs, placed(text, "a.md", s.needle, s.n, rules.Finding{Rule: "r", SegmentID: s.id, Target: s.target}))
			}
			if got := spanOffsets(fs); !slices.Equal(got, tt.want) {
				t.Errorf("spanOffsets = %v, want %v", got, tt.want)
			}
		})
	}
}

// t3Index is the byte offset of the n-th occurrence of sub in s.
func t3Index(s, sub string, n int) int {
	off := -1
	for i := 0; i <= n; i++ {
		off += 1 + strings.Index(s[off+1:], sub)
	}
	return off
}

func TestHTMLTargetShapes(t *testing.T) {
	text := `<span data-ttu-id="s-1">Tout</span><span class="sxs-lookup"><span data-stu-id="s-1">All</span></span>` + "\n" +
		`<span data-ttu-id="s-2"> </span><span class="sxs-lookup"><span data-stu-id="s-2">Blank</span></span>` + "\n"
	whole := placed(text, "a.md", "Tout", 0, rules.Finding{Rule: "untranslated", SegmentID: "s-1", Target: "Tout", Source: "All"})
	blank := placed(text, "a.md", " ", 1, rules.Finding{Rule: "empty-target", SegmentID: "s-2", Target: " ", Source: "Blank"})
	elsewhere := placed(text, "a.md", "All", 0, rules.Finding{Rule: "stale-source", SegmentID: "s-1", Target: "Tout", Source: "All"})
	_, doc := writeHTML(t, &Run{Findings: []Finding{whole, blank, elsewhere}})
	rs := rows(doc)
	if len(rs) != 3 {
		t.Fatalf("%d rows", len(rs))
	}
	if got := readRow(rs[0]); got.mark != "(all)" || got.target != "Tout" {
		t.Errorf("whole target: %+v", got)
	}
	if got := readRow(rs[1]); got.mark != "" || got.target != "" || got.flagged != "" {
		t.Errorf("blank target: %+v", got)
	}
	if got := readRow(rs[2]); got.mark != "" || got.target != "Tout" || got.flagged != "All" {
		t.Errorf("flagged text not in the target: %+v", got)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 31989: "31,989", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
