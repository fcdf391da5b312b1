// Package markdown parses a page's Markdown structure with goldmark and
// extracts the bilingual side-by-side segments from it.
package markdown

import (
	"strings"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/l10nlint/l10nlint/internal/inline"
)

// newParser builds goldmark's CommonMark parser with two hand-written
// replacements for its regexp-based HTML recognizers: on side-by-side pages,
// where every sentence is wrapped in <span> tags, goldmark's regexps took
// three quarters of the parse time (pprof). Both replacements implement the
// same CommonMark grammar and defer to goldmark's own parsers for the rare
// multi-line constructs.
func newParser() parser.Parser {
	var blocks []util.PrioritizedValue
	for _, v := range parser.DefaultBlockParsers() {
		if bp, ok := v.Value.(parser.BlockParser); ok && v.Priority == 900 {
			v.Value = &htmlBlockFilter{BlockParser: bp}
		}
		blocks = append(blocks, v)
	}
	// Only code spans and raw HTML: segment boundaries are the raw HTML tags
	// outside code, and the text between them is analysed per segment by
	// package inline. Links and emphasis cannot hide a tag from CommonMark
	// (code spans and raw HTML bind tighter), so skipping their parsers
	// changes no boundary and halves the parse time.
	var inlines []util.PrioritizedValue
	for _, v := range parser.DefaultInlineParsers() {
		switch ip, _ := v.Value.(parser.InlineParser); v.Priority {
		case 100: // code spans
			inlines = append(inlines, v)
		case 400:
			v.Value = &rawHTML{fallback: ip}
			inlines = append(inlines, v)
		}
	}
	return parser.NewParser(parser.WithBlockParsers(blocks...), parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
}

// bytesString views b as a string without copying; the parser never
// modifies its source while parsing.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// rawHTML is goldmark's inline raw HTML parser without regular expressions.
type rawHTML struct{ fallback parser.InlineParser }

func (p *rawHTML) Trigger() []byte { return []byte{'<'} }

func (p *rawHTML) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 {
		return nil
	}
	s := bytesString(line)
	if n, _, _, _ := inline.TagEnd(s, 0, len(s)); n > 0 && s[1] != '!' && s[1] != '?' {
		node := ast.NewRawHTML()
		node.Segments.Append(text.NewSegment(seg.Start, seg.Start+n))
		block.Advance(n)
		return node
	}
	// A tag may continue on the next line, and comments, declarations and
	// processing instructions have their own closing rules: let goldmark
	// decide those.
	if s[1] == '!' || s[1] == '?' || strings.IndexByte(s, '>') < 0 {
		return p.fallback.Parse(parent, block, pc)
	}
	return nil
}

// htmlBlockFilter answers "not an HTML block" quickly for the common line
// that starts with an inline tag followed by text, and asks goldmark's
// HTML block parser otherwise.
type htmlBlockFilter struct{ parser.BlockParser }

func (f *htmlBlockFilter) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	s := bytesString(line)
	i := 0
	for i < 3 && i < len(s) && s[i] == ' ' {
		i++
	}
	if i+1 < len(s) && s[i] == '<' && s[i+1] != '!' && s[i+1] != '?' {
		j := i + 1
		if s[j] == '/' {
			j++
		}
		k := j
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9' || s[k] == '-') {
			k++
		}
		name := strings.ToLower(s[j:k])
		if _, blockTag := blockTags[name]; !blockTag && name != "script" && name != "pre" && name != "style" && name != "textarea" {
			// Only type 7 remains: a complete tag alone on its line.
			n, _, _, _ := inline.TagEnd(s, i, len(s))
			if n > 0 && strings.TrimSpace(s[n:]) != "" {
				return nil, parser.NoChildren
			}
		}
	}
	return f.BlockParser.Open(parent, reader, pc)
}

// blockTags are the CommonMark type 6 HTML block tag names.
var blockTags = map[string]struct{}{}

func init() {
	for _, t := range strings.Fields(`address article aside base basefont blockquote body caption center col
		colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3
		h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p
		param search section summary table tbody td tfoot th thead title tr track ul`) {
		blockTags[t] = struct{}{}
	}
}
