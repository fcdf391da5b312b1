package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gmtext "github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/l10nlint/l10nlint/internal/htmlattr"
	"github.com/l10nlint/l10nlint/internal/inline"
	"github.com/l10nlint/l10nlint/rules"
)

var (
	parsers = sync.Pool{New: func() any { return newParser() }}
	tagBufs = sync.Pool{New: func() any { return new([]tag) }}
)

// tag is one raw HTML tag found by goldmark in the document.
type tag struct {
	r       rules.Range
	name    string
	closing bool
	ttu     string // data-ttu-id
	stu     string // data-stu-id
	class   string
	hasTTU  bool
	hasSTU  bool
	block   int
}

type blockInfo struct {
	kind       string
	start, end int // the block's text
	// joinNext: no blank line separates this block from the next one, so a
	// segment may run on into it (a list item's "<span ...>" line followed
	// by a less indented continuation line splits into two blocks).
	joinNext bool
}

// Extract parses the Markdown body text[bodyStart:] and fills
// page.Segments and page.Problems.
func Extract(page *rules.Page, bodyStart int) {
	text := page.Text
	bodyStart = min(max(bodyStart, 0), len(text))
	// goldmark reads the body in place (it does not write to its source);
	// its offsets are relative to the body's start.
	src := stringBytes(text[bodyStart:])
	at := func(s gmtext.Segment) (int, int) { return bodyStart + s.Start, bodyStart + s.Stop }
	p := parsers.Get().(parser.Parser)
	doc := p.Parse(textReader(src))
	parsers.Put(p)

	// One tag per '<' at most: sized once rather than grown (up to a
	// bound: a huge file of '<' holds few tags), and reused from page to
	// page (nothing of the page keeps a tag).
	buf := tagBufs.Get().(*[]tag)
	defer tagBufs.Put(buf)
	if n := min(strings.Count(text[bodyStart:], "<"), 1<<16); cap(*buf) < n {
		*buf = make([]tag, 0, n)
	}
	tags := (*buf)[:0]
	defer func() { clear(tags); *buf = tags[:0] }()
	var blocks []blockInfo
	var code []rules.Range
	var scanner inline.TagScanner
	htmlLinks := false // page.Links holds an <a href> or <img src>, out of document order
	addBlock := func(kind string, start, end int) int {
		// goldmark may count the blank line that closes an HTML block as
		// part of it; the block's text ends at its last visible character.
		end = start + len(strings.TrimRight(text[start:end], " \t\r\n"))
		blocks = append(blocks, blockInfo{kind: kind, start: start, end: end})
		if kind != "code" {
			page.Blocks = append(page.Blocks, rules.Block{Kind: kind, Range: rules.Range{Start: start, End: end}})
		}
		return len(blocks) - 1
	}
	// scanBlock finds the tags of a block's text.
	scanBlock := func(kind string, start, end int) {
		b := addBlock(kind, start, end)
		tt, cc, ll := scanner.Scan(text, start, end)
		rawText := "" // inside <script>, <style>...: text, not tags, up to its end tag
		for _, tg := range tt {
			if rawText != "" {
				if tg.Closing && tg.Name == rawText {
					rawText = ""
				}
				continue
			}
			if kind == "html" && !tg.Closing && rawTextElements[tg.Name] {
				rawText = tg.Name
			}
			tags = append(tags, tag{r: tg.Range, block: b})
			if strings.HasPrefix(text[tg.Range.Start:tg.Range.End], "<!--") {
				page.Comments = append(page.Comments, tg.Range)
			}
			if raw := text[tg.Range.Start:tg.Range.End]; hasAnchorAttr(raw) {
				page.Anchors = append(page.Anchors, anchorAttrs(raw)...)
			}
			if l, ok := htmlLink(text, tg); ok {
				page.Links = append(page.Links, l)
				htmlLinks = true
			}
		}
		code = append(code, cc...)
		page.Links = append(page.Links, ll...)
	}
	// The link reference definitions goldmark read, by their lines (in a
	// block quote or a list item, without the container's markers).
	var defs [][]rules.Range
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if d, ok := n.(*ast.LinkReferenceDefinition); ok {
			if l := d.Lines(); l != nil && l.Len() > 0 {
				lines := make([]rules.Range, l.Len())
				for k := range lines {
					s, e := at(l.At(k))
					lines[k] = rules.Range{Start: s, End: e}
				}
				defs = append(defs, lines)
			}
			return ast.WalkSkipChildren, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if l := n.Lines(); l.Len() > 0 {
				s, _ := at(l.At(0))
				_, e := at(l.At(l.Len() - 1))
				r := rules.Range{Start: s, End: e}
				blk := rules.Block{Kind: "code", Range: r}
				if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
					blk.Info = strings.TrimSpace(string(f.Info.Segment.Value(src)))
				}
				page.Blocks = append(page.Blocks, blk)
				if strings.Contains(text[r.Start:r.End], "<span data-ttu-id=") {
					// The translation tool segmented it as prose (an over-indented
					// paragraph): check its segments like any other.
					scanBlock("code", r.Start, r.End)
				} else {
					code = append(code, r)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			l := n.Lines()
			if l.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			start, _ := at(l.At(0))
			_, end := at(l.At(l.Len() - 1))
			if n.HasClosure() {
				_, end = at(n.ClosureLine)
			}
			scanBlock("html", start, end)
			return ast.WalkSkipChildren, nil
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock, *rawParagraph:
			l := n.Lines()
			if l.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			start, _ := at(l.At(0))
			_, end := at(l.At(l.Len() - 1))
			if h, ok := n.(*ast.Heading); ok {
				page.Headings = append(page.Headings, rules.Heading{Level: h.Level, Range: rules.Range{Start: start, End: end}})
			}
			scanBlock(blockKind(n, text, start), start, end)
			if b := &page.Blocks[len(page.Blocks)-1]; b.Kind == "heading" {
				b.Level = n.(*ast.Heading).Level
			} else if b.Kind == "list-item" {
				for p := n.Parent(); p != nil; p = p.Parent() {
					if _, ok := p.(*ast.ListItem); ok {
						b.Level++
					}
				}
				_, inItem := n.Parent().(*ast.ListItem)
				b.ItemStart = inItem && n.PreviousSibling() == nil
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(defs) > 0 {
		page.Links = append(page.Links, definitions(text, defs)...)
	}
	if len(defs) > 0 || htmlLinks {
		sort.SliceStable(page.Links, func(i, j int) bool { return page.Links[i].Range.Start < page.Links[j].Range.Start })
	}
	for i := 0; i+1 < len(blocks); i++ {
		if gap := text[min(blocks[i].end, blocks[i+1].start):blocks[i+1].start]; !blankLine(gap) {
			blocks[i].joinNext = true
		}
	}
	readAttributes(text, tags)
	page.Segments, page.Problems = pair(text, tags, blocks)
	page.Problems = append(page.Problems, strayMarkup(text, bodyStart, tags, code)...)
}

// rawTextElements hold text, not markup: what looks like a tag in a
// <script> or <style> block ('<a href="x">' in a string) is none.
var rawTextElements = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// htmlLink reads the link of an <a href> or <img src> tag, which leads
// where a Markdown link or image would.
func htmlLink(text string, tg rules.Tag) (rules.Link, bool) {
	attr, kind := "href", rules.InlineLink
	switch {
	case tg.Closing:
		return rules.Link{}, false
	case tg.Name == "img":
		attr, kind = "src", rules.ImageLink
	case tg.Name != "a":
		return rules.Link{}, false
	}
	s, e, ok := htmlattr.Find(text, tg.Range.Start, tg.Range.End, attr)
	if !ok {
		return rules.Link{}, false
	}
	return rules.Link{Kind: kind, Dest: html.UnescapeString(text[s:e]), Range: tg.Range,
		DestRange: rules.Range{Start: s, End: e}, HTML: true}, true
}

// blankLine reports whether gap holds an empty line (two line ends with only
// white space between).
func blankLine(gap string) bool {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
			if n == 2 {
				return true
			}
		case ' ', '\t', '\r':
		default:
			n = 0
		}
	}
	return false
}

func textReader(src []byte) gmtext.Reader { return gmtext.NewReader(src) }

func blockKind(n ast.Node, text string, start int) string {
	if _, ok := n.(*ast.Heading); ok {
		return "heading"
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem:
			return "list-item"
		case *ast.Blockquote:
			return "blockquote"
		}
	}
	if start < len(text) && text[start] == '|' {
		return "table"
	}
	return "paragraph"
}

// readAttributes fills the names and the attributes the segment format uses.
// Closing tags and tags other than <span> need no attributes and are named
// from their bytes; the opening <span> tags of the page are tokenized with
// one golang.org/x/net/html tokenizer over their concatenated bytes.
func readAttributes(text string, tags []tag) {
	var buf []byte
	var spans []int
	for i := range tags {
		t := &tags[i]
		raw := text[t.r.Start:t.r.End]
		switch {
		case strings.HasPrefix(raw, "</"):
			t.closing = true
			t.name = strings.ToLower(strings.TrimRight(raw[2:len(raw)-1], " \t\r\n"))
		case canonicalSpan(t, raw):
			// The exact forms the side-by-side tool writes, read without the
			// tokenizer (a third of the parse time otherwise); any other
			// spelling goes through x/net/html below.
		case len(raw) > 5 && strings.EqualFold(raw[1:5], "span") && (raw[5] == ' ' || raw[5] == '>' || raw[5] == '\t' || raw[5] == '\n' || raw[5] == '\r' || raw[5] == '/'):
			spans = append(spans, i)
			buf = append(buf, raw...)
		default:
			t.name = tagName(raw)
		}
	}
	if len(spans) == 0 {
		return
	}
	z := html.NewTokenizer(bytes.NewReader(buf))
	for k := 0; k < len(spans); k++ {
		t := &tags[spans[k]]
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if len(z.Raw()) != t.r.Len() {
			// The HTML tokenizer split differently from CommonMark's tag
			// grammar: resynchronize on the next span.
			var rest []byte
			for _, j := range spans[k+1:] {
				rest = append(rest, text[tags[j].r.Start:tags[j].r.End]...)
			}
			z = html.NewTokenizer(bytes.NewReader(rest))
			t.name = "span"
			continue
		}
		name, more := z.TagName()
		t.name = string(name)
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			switch string(k) {
			case "data-ttu-id":
				t.ttu, t.hasTTU = string(v), true
			case "data-stu-id":
				t.stu, t.hasSTU = string(v), true
			case "class":
				t.class = string(v)
			}
		}
	}
}

// hasAnchorAttr reports whether an opening tag may carry a name or id
// attribute: one of those names before an '=' where an attribute name can
// start (after white space, '/' or a quoted value, as the HTML tokenizer
// reads it); data-ttu-id is not one. A false positive costs only a
// tokenizer run.
func hasAnchorAttr(raw string) bool {
	if len(raw) < 2 || raw[1] == '/' || raw[1] == '!' {
		return false
	}
	for i := strings.IndexByte(raw, '='); i > 0; {
		j := i
		for j > 0 && (raw[j-1] == ' ' || raw[j-1] == '\t' || raw[j-1] == '\n' || raw[j-1] == '\r') {
			j--
		}
		for _, a := range [...]string{"id", "name"} {
			if k := j - len(a); k > 0 && strings.EqualFold(raw[k:j], a) && strings.IndexByte(" \t\n\r\f/\"'", raw[k-1]) >= 0 {
				return true
			}
		}
		next := strings.IndexByte(raw[i+1:], '=')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// anchorAttrs reads the name and id attributes of one tag with
// golang.org/x/net/html.
func anchorAttrs(raw string) []string {
	// The form docs tools write, <a name="x"> or <a id="x">, by pattern:
	// the tokenizer took a tenth of the corpus run for it (pprof).
	for _, pre := range []string{`<a name="`, `<a id="`} {
		if v, ok := strings.CutPrefix(raw, pre); ok && strings.HasSuffix(v, `">`) {
			if v = v[:len(v)-2]; v != "" && !strings.ContainsAny(v, "\"&<>'") {
				return []string{v}
			}
		}
	}
	z := html.NewTokenizer(strings.NewReader(raw))
	if tt := z.Next(); tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return nil
	}
	var out []string
	_, more := z.TagName()
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if (string(k) == "name" || string(k) == "id") && len(v) > 0 {
			out = append(out, string(v))
		}
	}
	return out
}

// canonicalSpan recognizes <span data-ttu-id="ID">, <span data-stu-id="ID">
// and <span class="sxs-lookup"> written exactly so, with a value free of
// character references and quotes, and fills t.
func canonicalSpan(t *tag, raw string) bool {
	if !strings.HasPrefix(raw, `<span `) || !strings.HasSuffix(raw, `">`) {
		return false
	}
	attr := raw[len(`<span `) : len(raw)-2]
	name, value, ok := strings.Cut(attr, `="`)
	if !ok || strings.ContainsAny(value, "\"&<>'") {
		return false
	}
	switch name {
	case "data-ttu-id":
		t.ttu, t.hasTTU = value, true
	case "data-stu-id":
		t.stu, t.hasSTU = value, true
	case "class":
		t.class = value
	default:
		return false
	}
	t.name = "span"
	return true
}

// tagName is the lower-cased name of an opening tag, "!--" for a comment,
// "" for other markup declarations.
func tagName(raw string) string {
	if strings.HasPrefix(raw, "<!--") {
		return "!--"
	}
	i := 1
	for i < len(raw) && (raw[i] >= 'a' && raw[i] <= 'z' || raw[i] >= 'A' && raw[i] <= 'Z' || raw[i] >= '0' && raw[i] <= '9' || raw[i] == '-') {
		i++
	}
	return strings.ToLower(raw[1:i])
}

// noSpanMemo makes closeOf scan every time (the tests compare).
var noSpanMemo bool

// pair runs the side-by-side state machine over each block's tags.
func pair(text string, tags []tag, blocks []blockInfo) ([]*rules.Segment, []rules.Problem) {
	var segs []*rules.Segment
	var probs []rules.Problem
	problem := func(r rules.Range, format string, args ...any) {
		probs = append(probs, rules.Problem{Range: r, Message: fmt.Sprintf(format, args...)})
	}
	isSpan := func(t tag) bool { return t.name == "span" }
	// same reports whether tag j may belong to a segment that started in block b.
	same := func(b, j int) bool {
		for x := b; x < tags[j].block; x++ {
			if !blocks[x].joinNext {
				return false
			}
		}
		return true
	}
	// adjacent reports whether only white space separates offset a from b.
	adjacent := func(a, b int) bool { return strings.TrimSpace(text[a:b]) == "" }
	// closeOf finds the </span> matching the open span at i within block b.
	// The spans opened inside are matched on the way and remembered
	// (closed[k]: 0 unknown, -1 none, else the close's index + 1), so that a
	// page of unclosed spans takes linear time, not a scan per span.
	closed := make([]int, len(tags))
	closeOf := func(i int) int {
		if c := closed[i]; c != 0 && !noSpanMemo {
			return max(c-1, -1)
		}
		var inner []int
		reach := tags[i].block // blocks up to reach are joined to i's
		j := i + 1
	scan:
		for ; j < len(tags); j++ {
			for reach < tags[j].block { // same(tags[i].block, j), incrementally
				if !blocks[reach].joinNext {
					break scan
				}
				reach++
			}
			if !isSpan(tags[j]) {
				continue
			}
			switch {
			case !tags[j].closing:
				inner = append(inner, j)
			case len(inner) == 0:
				closed[i] = j + 1
				return j
			default:
				closed[inner[len(inner)-1]] = j + 1
				inner = inner[:len(inner)-1]
			}
		}
		// Spans left open inside are unclosed too: a scan from one of them
		// meets the same tags and stops at the same place (its block is at
		// most reach, so the boundary after reach stops it as well).
		for _, k := range inner {
			closed[k] = -1
		}
		closed[i] = -1
		return -1
	}
	// The segments are allocated together: one target span each at most.
	n := 0
	for i := range tags {
		if tags[i].hasTTU {
			n++
		}
	}
	slab := make([]rules.Segment, 0, n)
	newSegment := func() *rules.Segment {
		if len(slab) == cap(slab) {
			return new(rules.Segment)
		}
		slab = slab[:len(slab)+1]
		return &slab[len(slab)-1]
	}
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if !isSpan(t) || t.closing {
			continue
		}
		switch {
		case t.hasTTU:
		case t.hasSTU:
			problem(t.r, "source span data-stu-id=%q has no target span before it", t.stu)
			if c := closeOf(i); c > 0 {
				i = c
			}
			continue
		case hasClass(t.class, "sxs-lookup"):
			problem(t.r, `<span class="sxs-lookup"> does not follow a target span`)
			continue
		default:
			continue
		}
		c := closeOf(i)
		if c < 0 {
			problem(t.r, "target span data-ttu-id=%q is not closed in its %s", t.ttu, blocks[t.block].kind)
			continue
		}
		seg := newSegment()
		*seg = rules.Segment{ID: t.ttu, Block: blocks[t.block].kind, Target: inline.Parse(text, t.r.End, tags[c].r.Start)}
		seg.Range = rules.Range{Start: t.r.Start, End: tags[c].r.End}
		segs = append(segs, seg)
		i = c
		// The source part: <span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>
		k := c + 1
		if k >= len(tags) || !same(t.block, k) || !isSpan(tags[k]) || tags[k].closing ||
			!hasClass(tags[k].class, "sxs-lookup") || !adjacent(tags[c].r.End, tags[k].r.Start) {
			if k < len(tags) && tags[k].hasSTU && same(t.block, k) && adjacent(tags[c].r.End, tags[k].r.Start) {
				problem(tags[k].r, "segment %q: the source span is not wrapped in <span class=\"sxs-lookup\">", t.ttu)
				if sc := closeOf(k); sc > 0 {
					i = sc // one defect, one problem: the span is this segment's
				}
			} else if strings.Contains(seg.Target.Raw, `<span class="sxs-lookup">`) && strings.Contains(seg.Target.Raw, "`") {
				// The source span is there, but a backtick the target leaves
				// open pairs with one further on: what lies between is code,
				// and the reader sees the raw spans.
				problem(seg.Range, "segment %q: the target's unclosed ` turns the source span after it into code (the page shows the raw markup): close or remove the backtick", t.ttu)
			} else {
				problem(seg.Range, "segment %q has no source part (<span class=\"sxs-lookup\"> must follow the target span)", t.ttu)
			}
			continue
		}
		s := k + 1
		if s >= len(tags) || !same(t.block, s) || !isSpan(tags[s]) || tags[s].closing || !tags[s].hasSTU ||
			!adjacent(tags[k].r.End, tags[s].r.Start) {
			problem(tags[k].r, "segment %q: <span class=\"sxs-lookup\"> holds no <span data-stu-id> source span", t.ttu)
			i = k
			continue
		}
		sc := closeOf(s)
		if sc < 0 {
			problem(tags[s].r, "source span data-stu-id=%q is not closed in its %s", tags[s].stu, blocks[t.block].kind)
			i = s
			continue
		}
		seg.SourceID, seg.HasSource = tags[s].stu, true
		seg.Source = inline.Parse(text, tags[s].r.End, tags[sc].r.Start)
		seg.Range.End = tags[sc].r.End
		i = sc
		o := sc + 1
		if o >= len(tags) || !same(t.block, o) || !isSpan(tags[o]) || !tags[o].closing || !adjacent(tags[sc].r.End, tags[o].r.Start) {
			problem(tags[k].r, "segment %q: <span class=\"sxs-lookup\"> is not closed right after its source span", t.ttu)
			continue
		}
		seg.Range.End = tags[o].r.End
		i = o
	}
	return segs, probs
}

func hasClass(class, want string) bool {
	for _, c := range strings.Fields(class) {
		if c == want {
			return true
		}
	}
	return false
}

// strayMarkup finds data-ttu-id / data-stu-id attributes that are not inside
// a tag Markdown recognized: a malformed span such as a missing quote or '>'.
// Only the text between the recognized tags is searched (every segment's
// tags hold such attributes), for "data-", which prose rarely has.
func strayMarkup(text string, bodyStart int, tags []tag, code []rules.Range) []rules.Problem {
	var probs []rules.Problem
	ci := 0
	gapStart := bodyStart
	for ti := 0; ti <= len(tags); ti++ {
		gapEnd := len(text)
		if ti < len(tags) {
			gapEnd = tags[ti].r.Start
		}
		for pos := gapStart; pos < gapEnd; {
			k := strings.Index(text[pos:gapEnd], "data-")
			if k < 0 {
				break
			}
			at := pos + k
			pos = at + len("data-")
			var attr string
			switch {
			case strings.HasPrefix(text[at:], "data-ttu-id"):
				attr = "data-ttu-id"
			case strings.HasPrefix(text[at:], "data-stu-id"):
				attr = "data-stu-id"
			default:
				continue
			}
			for ci < len(code) && code[ci].End <= at {
				ci++
			}
			if ci < len(code) && code[ci].Start <= at {
				continue
			}
			start := strings.LastIndexByte(text[max(0, at-40):at], '<')
			if start < 0 {
				start = at
			} else {
				start += max(0, at-40)
			}
			// To the tag's end or the line's, within a tag's length.
			end := strings.IndexAny(text[at:min(len(text), at+200)], ">\n")
			if end < 0 {
				end = len(attr)
			}
			probs = append(probs, rules.Problem{Range: rules.Range{Start: start, End: at + end},
				Message: fmt.Sprintf("malformed tag: %q is not inside a well-formed HTML tag", attr)})
		}
		if ti < len(tags) {
			gapStart = max(gapStart, tags[ti].r.End)
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Range.Start < probs[j].Range.Start })
	return probs
}

// definitions returns the link reference definitions goldmark read ([p]:
// page.md, each by its lines of text) as links to their destinations:
// where a reference link ([text][p]) leads.
func definitions(text string, defs [][]rules.Range) []rules.Link {
	var out []rules.Link
	for _, lines := range defs {
		// The label runs from the first line's [ to the first "]:".
		first := text[lines[0].Start:lines[0].End]
		open := strings.IndexByte(first, '[')
		if open < 0 {
			continue
		}
		var label []string
		li, colon := 0, -1
		from := lines[0].Start + open + 1
		for ; li < len(lines); li++ {
			line := text[max(from, lines[li].Start):lines[li].End]
			if k := labelEnd(line); k >= 0 {
				label = append(label, line[:k])
				colon = max(from, lines[li].Start) + k + 2
				break
			}
			label = append(label, line)
		}
		if colon < 0 {
			continue
		}
		// The destination: the next token, on this line or the next.
		ds, de := -1, -1
		for at := colon; li < len(lines) && ds < 0; li++ {
			if li > 0 && at < lines[li].Start {
				at = lines[li].Start
			}
			for at < lines[li].End && (text[at] == ' ' || text[at] == '\t') {
				at++
			}
			if at >= lines[li].End || text[at] == '\n' || text[at] == '\r' {
				at = -1
				continue
			}
			ds, de = at, at
			if text[at] == '<' {
				if k := strings.IndexByte(text[at:lines[li].End], '>'); k > 0 {
					ds, de = at+1, at+k
				}
			} else {
				for de < lines[li].End && text[de] != ' ' && text[de] != '\t' && text[de] != '\n' && text[de] != '\r' {
					de++
				}
			}
		}
		if ds < 0 || de <= ds {
			continue
		}
		out = append(out, rules.Link{Kind: rules.InlineLink, Definition: true, Dest: text[ds:de], Label: strings.Join(label, " "),
			DestRange: rules.Range{Start: ds, End: de}, Range: rules.Range{Start: lines[0].Start + open, End: de}})
	}
	return out
}

// labelEnd returns the offset of the "]:" that ends a definition's label
// in line, skipping backslash escapes ([a\]: b]: page.md), or -1.
func labelEnd(line string) int {
	for i := 0; i+1 < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case ']':
			if line[i+1] == ':' {
				return i
			}
		}
	}
	return -1
}
