// Package frontmatter finds and parses the YAML front matter of a Markdown page.
package frontmatter

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/l10nlint/l10nlint/rules"
)

// Split locates front matter at the start of text. It returns nil when the
// text does not start with a '---' line. bodyEnd is where the Markdown body
// starts (0 without front matter).
func Split(text string) (fm *rules.FrontMatter, bodyEnd int) {
	first, next := lineAt(text, 0)
	if strings.TrimRight(first, " \t") != "---" {
		return nil, 0
	}
	fm = &rules.FrontMatter{}
	start := next
	for pos := next; pos < len(text); {
		line, n := lineAt(text, pos)
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			fm.Range = rules.Range{Start: start, End: pos}
			return fm, n
		}
		pos = n
	}
	// No closing fence: everything is front matter, as docs platforms see it.
	fm.Range = rules.Range{Start: start, End: len(text)}
	fm.Unclosed = true
	return fm, len(text)
}

// lineAt returns the line starting at pos without its terminator, and the
// offset of the next line.
func lineAt(text string, pos int) (string, int) {
	end := strings.IndexAny(text[pos:], "\r\n")
	if end < 0 {
		return text[pos:], len(text)
	}
	next := pos + end + 1
	if text[pos+end] == '\r' && next < len(text) && text[next] == '\n' {
		next++
	}
	return text[pos : pos+end], next
}

var (
	yamlLine    = regexp.MustCompile(`line (\d+)`)
	parserError = regexp.MustCompile(`did not find expected (key|node content|'-' indicator|<document start>)|found undefined tag handle`)
)

// Parse fills fm.Entries (or fm.Err) from the YAML in text[fm.Range].
func Parse(text string, fm *rules.FrontMatter) {
	if parseSimple(text, fm) {
		return
	}
	parseYAML(text, fm)
}

// parseYAML is Parse with the YAML parser.
func parseYAML(text string, fm *rules.FrontMatter) {
	body := text[fm.Range.Start:fm.Range.End]
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(body), &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		r := fm.Range
		if !yamlLine.MatchString(msg) && parserError.MatchString(msg) {
			msg = "line 0: " + msg // yaml.v3 leaves out "line 0"
		}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			if parserError.MatchString(msg) {
				// yaml.v3 numbers its parser's errors (not its scanner's) from 0.
				n++
				msg = yamlLine.ReplaceAllString(msg, fmt.Sprintf("line %d", n))
			}
			if n > 0 {
				if strings.Contains(msg, "did not find expected ',' or") {
					// An unclosed flow collection is detected on a later line;
					// point at the line that opened it.
					n = openerLine(body, n, strings.HasSuffix(msg, "'}'"))
					msg = yamlLine.ReplaceAllString(msg, fmt.Sprintf("line %d", n))
				}
				r = lineRange(text, fm.Range.Start, n)
			}
		}
		// The YAML parser counts lines from the start of the front matter body;
		// say the page's line numbers.
		base := strings.Count(text[:fm.Range.Start], "\n")
		msg = yamlLine.ReplaceAllStringFunc(msg, func(s string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
			return fmt.Sprintf("line %d", n+base)
		})
		fm.Err = &rules.FrontMatterError{Message: msg, Range: r}
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		fm.Err = &rules.FrontMatterError{Message: "front matter is not a mapping of keys to values", Range: fm.Range}
		return
	}
	seen := map[string]int{}
	idx := newLineIndex(text, fm.Range.Start, fm.Range.End)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			// Parsers disagree on which value wins: report it as an error.
			ks := idx.offset(k.Line, k.Column)
			fm.Err = &rules.FrontMatterError{Message: fmt.Sprintf("mapping key %q already defined at line %d", k.Value, line+strings.Count(text[:fm.Range.Start], "\n")),
				Range: rules.Range{Start: ks, End: min(ks+len(k.Value), fm.Range.End)}}
			fm.Entries = nil
			return
		}
		seen[k.Value] = k.Line
		e := rules.FrontMatterEntry{Key: k.Value, Scalar: v.Kind == yaml.ScalarNode}
		switch v.Kind {
		case yaml.ScalarNode:
			e.Value = v.Value
		case yaml.SequenceNode: // a list of scalars: its items, one per line
			var items []string
			for _, it := range v.Content {
				items = append(items, it.Value)
			}
			e.Value = strings.Join(items, "\n")
		}
		ks := idx.offset(k.Line, k.Column)
		e.KeyRange = rules.Range{Start: ks, End: min(ks+len(k.Value), fm.Range.End)}
		if k.Style != 0 { // quoted key: cover the quotes too
			e.KeyRange.End = min(e.KeyRange.End+2, fm.Range.End)
		}
		vs := skipProperties(text, idx.offset(v.Line, v.Column), fm.Range.End)
		var ve int
		if i+2 < len(root.Content) {
			ve = idx.offset(root.Content[i+2].Line, 1)
		} else {
			ve = fm.Range.End
		}
		if ve < vs { // the next key on the value's line: a flow mapping {a: x, b: y}
			ve = lineEnd(text, vs)
		}
		// Trim the trailing newline(s) and spaces of the value's text.
		for ve > vs && strings.ContainsRune(" \t\r\n", rune(text[ve-1])) {
			ve--
		}
		if e.Scalar && v.Line == k.Line && vs < len(text) && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			ve = vs + scalarLen(text[vs:min(ve, lineEnd(text, vs))], v.Style)
			if root.Style&yaml.FlowStyle != 0 && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 &&
				strings.HasPrefix(text[vs:], v.Value) {
				ve = vs + len(v.Value) // a plain value ends at the flow's ',' or '}'
			}
		}
		if vs > ve { // empty value: point at the end of the key
			vs, ve = e.KeyRange.End, e.KeyRange.End
		}
		e.ValueRange = rules.Range{Start: vs, End: ve}
		fm.Entries = append(fm.Entries, e)
	}
}

// skipProperties moves past a node's anchor (&a) and tag (!!str) before
// its value: a fix replaces the value, not them.
func skipProperties(text string, pos, end int) int {
	for pos < end && (text[pos] == '&' || text[pos] == '!') {
		j := pos
		for j < end && !strings.ContainsRune(" \t\r\n", rune(text[j])) {
			j++
		}
		for j < end && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j >= end || text[j] == '\r' || text[j] == '\n' {
			return pos // nothing after it on the line: leave the position
		}
		pos = j
	}
	return pos
}

func lineEnd(text string, pos int) int {
	if i := strings.IndexAny(text[pos:], "\r\n"); i >= 0 {
		return pos + i
	}
	return len(text)
}

// scalarLen is the length of a one-line scalar written at the start of line:
// the quoted string with its quotes, or a plain value without a trailing
// comment.
func scalarLen(line string, style yaml.Style) int {
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case style&yaml.SingleQuotedStyle != 0:
		for i := 1; i < len(line); i++ {
			if line[i] == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	default:
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if i := strings.Index(line, "\t#"); i >= 0 {
			line = line[:i]
		}
	}
	return len(strings.TrimRight(line, " \t"))
}

// offsetOf converts a 1-based YAML line and rune column inside the front
// matter body starting at base into a byte offset in text.
func offsetOf(text string, base, line, col int) int {
	pos := base
	for l := 1; l < line && pos < len(text); l++ {
		_, pos = lineAt(text, pos)
	}
	for c := 1; c < col && pos < len(text) && text[pos] != '\n' && text[pos] != '\r'; c++ {
		_, size := utf8.DecodeRuneInString(text[pos:])
		pos += size
	}
	return pos
}

// lineIndex finds the start of the body's lines without walking the lines
// before each time (a front matter has dozens of keys).
type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string, base, end int) lineIndex {
	starts := []int{base}
	for pos := base; pos < end && pos < len(text); {
		_, pos = lineAt(text, pos)
		starts = append(starts, pos)
	}
	return lineIndex{text: text, starts: starts}
}

// offset is offsetOf(text, base, line, col).
func (x lineIndex) offset(line, col int) int {
	if line < 1 {
		line = 1
	}
	if line > len(x.starts) {
		return offsetOf(x.text, x.starts[len(x.starts)-1], line-len(x.starts)+1, col)
	}
	return offsetOf(x.text, x.starts[line-1], 1, col)
}

// openerLine finds the line that opened an unclosed flow collection: the
// first line from 1-based line n on (the YAML parser names the start of the
// enclosing mapping) with more '[' than ']' (or '{' than '}').
func openerLine(body string, n int, brace bool) int {
	open, close := "[", "]"
	if brace {
		open, close = "{", "}"
	}
	lines := strings.Split(body, "\n")
	for l := max(n, 1); l <= len(lines); l++ {
		if strings.Count(lines[l-1], open) > strings.Count(lines[l-1], close) {
			return l
		}
	}
	return n
}

func lineRange(text string, base, line int) rules.Range {
	s := offsetOf(text, base, line, 1)
	l, _ := lineAt(text, min(s, len(text)))
	return rules.Range{Start: s, End: s + len(l)}
}
