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

// newParser builds goldmark's CommonMark block parser. Its HTML block
// parser gets a hand-written front: on side-by-side pages, where nearly every
// line starts with a <span> tag, goldmark's regexps took most of the parse
// time (pprof), though such a line is almost never an HTML block.
func newParser() parser.Parser {
	var blocks []util.PrioritizedValue
	for _, v := range parser.DefaultBlockParsers() {
		if bp, ok := v.Value.(parser.BlockParser); ok && v.Priority == 900 {
			v.Value = &htmlBlockFilter{BlockParser: bp}
		}
		if bp, ok := v.Value.(parser.BlockParser); ok && v.Priority == 1000 {
			v.Value = rawParagraphs{BlockParser: bp}
		}
		blocks = append(blocks, v)
	}
	// No inline parsers: goldmark gives the block structure, and package
	// inline, which follows CommonMark's inline rules (code spans, raw HTML,
	// autolinks and link destinations, left to right), finds the tags of each
	// block and the facts of each segment. Goldmark's own inline pass cost
	// half the parse time and produced nothing the segments needed; the
	// markdown tests compare the two tag scanners on the corpus.
	var inlines []util.PrioritizedValue
	transformers := append(parser.DefaultParagraphTransformers(), util.Prioritized(markTransformed{}, 1<<20))
	return parser.NewParser(parser.WithBlockParsers(blocks...), parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(transformers...))
}

// bytesString views b as a string without copying; the parser never
// modifies its source while parsing.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// stringBytes views s as bytes without copying, for goldmark, which only
// reads its source.
func stringBytes(s string) []byte {
	if s == "" {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
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

// rawParagraphs is goldmark's paragraph parser, but a closed paragraph is
// replaced by a rawParagraph: goldmark's inline pass, which has nothing to
// find (no inline parsers) but still walks every byte of every paragraph,
// skips raw blocks (a sixth of the parse time, pprof).
//
// Only a paragraph closed for good is replaced: one the paragraph
// transformers have just seen (goldmark transforms, then closes). A setext
// heading underline closes the open paragraph before transforming it, to
// take its lines: that paragraph stays goldmark's. A tight list's paragraphs stay paragraphs instead of
// becoming text blocks; Extract treats both alike.
type rawParagraphs struct{ parser.BlockParser }

var lastTransformed = parser.NewContextKey()

// markTransformed, the last paragraph transformer, notes the paragraph.
type markTransformed struct{}

func (markTransformed) Transform(node *ast.Paragraph, _ text.Reader, pc parser.Context) {
	pc.Set(lastTransformed, node)
}

func (p rawParagraphs) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
	parent := node.Parent()
	if parent == nil || pc.Get(lastTransformed) != node {
		return
	}
	pc.Set(lastTransformed, nil)
	r := &rawParagraph{}
	r.SetLines(node.Lines())
	r.SetBlankPreviousLines(node.HasBlankPreviousLines())
	parent.ReplaceChild(parent, node, r)
}

// rawParagraph is a paragraph that goldmark's inline pass leaves alone.
type rawParagraph struct{ ast.BaseBlock }

var kindRawParagraph = ast.NewNodeKind("RawParagraph")

func (*rawParagraph) Kind() ast.NodeKind { return kindRawParagraph }
func (*rawParagraph) IsRaw() bool        { return true }
func (n *rawParagraph) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, nil, nil)
}
