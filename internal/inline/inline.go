// Package inline extracts the inline Markdown facts of a segment's text: code
// spans, links, images, autolinks, raw HTML tags, emphasis delimiter runs,
// backslash escapes, entities and placeholders, each with its exact byte
// range, plus the plain prose with the markup removed.
//
// It follows the CommonMark inline rules for what it recognizes (code spans
// take precedence, backslash escapes, the raw HTML grammar, autolinks, link
// destinations with balanced parentheses), on one segment side at a time: a
// segment is a self-contained unit of inline text.
package inline

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/rules"
)

// Parse extracts the facts of text[start:end].
func Parse(text string, start, end int) rules.Text {
	if plainOnly(text[start:end]) {
		// Nothing to extract and no white space to fold: the plain text
		// is the raw text (most segments of plain prose).
		return rules.Text{Range: rules.Range{Start: start, End: end}, Raw: text[start:end],
			Plain: strings.TrimSpace(text[start:end])}
	}
	return parseFull(text, start, end)
}

func parseFull(text string, start, end int) rules.Text {
	p := parser{src: text, end: end}
	p.plain.Grow(end - start)
	t := rules.Text{Range: rules.Range{Start: start, End: end}, Raw: text[start:end]}
	p.t = &t
	p.scan(start, end)
	t.Plain = strings.TrimSpace(p.plain.String())
	return t
}

type parser struct {
	src   string
	end   int
	t     *rules.Text
	plain strings.Builder
	space bool // last byte written to plain was a folded space
	// tagsOnly skips building Plain: TagScanner wants the HTML tags alone.
	tagsOnly bool
	// memo keeps the bracket matches and failed backtick searches already
	// made, so that text full of unclosed '[' or '`' takes linear time.
	memo *scanMemo
}

// TagScanner finds the raw HTML tags of a block as CommonMark sees them
// (not inside code spans, autolinks or link destinations), the ranges of
// its code spans, and its links, images and autolinks: the segment spans
// and the links of a block, without a full inline parse. Its buffers are
// reused from one call to the next (a page scans thousands of blocks): the
// slices Scan returns are valid until its next call.
type TagScanner struct {
	t    rules.Text
	code []rules.Range
}

// Scan scans text[start:end].
func (sc *TagScanner) Scan(text string, start, end int) (tags []rules.Tag, code []rules.Range, links []rules.Link) {
	sc.t = rules.Text{Range: rules.Range{Start: start, End: end},
		Tags: sc.t.Tags[:0], Code: sc.t.Code[:0], Links: sc.t.Links[:0]}
	p := parser{src: text, end: end, tagsOnly: true, t: &sc.t}
	p.scan(start, end)
	sc.code = sc.code[:0]
	for _, c := range sc.t.Code {
		sc.code = append(sc.code, c.Range)
	}
	return sc.t.Tags, sc.code, sc.t.Links
}

func (p *parser) writeSpace() {
	if p.tagsOnly {
		return
	}
	if !p.space && p.plain.Len() > 0 {
		p.plain.WriteByte(' ')
	}
	p.space = true
}

func (p *parser) writeString(s string) {
	if s == "" || p.tagsOnly {
		return
	}
	p.plain.WriteString(s)
	p.space = false
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// scan processes src[i:end].
func (p *parser) scan(i, end int) {
	s := p.src
	for i < end {
		if p.tagsOnly && !tagBytes[s[i]] {
			i++
			continue
		}
		c := s[i]
		switch {
		case c == '\\' && i+1 < end && isASCIIPunct(s[i+1]):
			p.t.Escapes = append(p.t.Escapes, rules.Escape{Char: s[i+1], Range: rules.Range{Start: i, End: i + 2}})
			p.writeString(s[i+1 : i+2])
			i += 2
		case c == '`':
			i = p.codeSpan(i, end)
		case c == '<':
			i = p.angle(i, end)
		case c == '&':
			i = p.entity(i, end)
		case c == '!' && i+1 < end && s[i+1] == '[':
			if n := p.link(i, end, true); n > i {
				i = n
			} else {
				p.writeString("!")
				i++
			}
		case c == '[':
			if n := p.link(i, end, false); n > i {
				i = n
			} else {
				p.writeString("[")
				i++
			}
		case c == '*' || c == '_' || c == '~':
			i = p.delim(i, end)
		case c == '{' || c == '%':
			if n := placeholderEnd(s, i, end); n > i {
				p.t.Placeholders = append(p.t.Placeholders, rules.Placeholder{Text: s[i:n], Range: rules.Range{Start: i, End: n}})
				p.writeString(s[i:n])
				i = n
			} else {
				p.writeString(s[i : i+1])
				i++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.writeSpace()
			i++
		default:
			// Copy a run of ordinary bytes at once, single spaces between
			// words included (writeSpace would write them as they are).
			j := i + 1
			for j < end && (!special(s[j]) || s[j] == ' ' && j+1 < end && !special(s[j+1])) {
				j++
			}
			p.writeString(s[i:j])
			i = j
		}
	}
}

var specialBytes, tagBytes [256]bool

func init() {
	for _, c := range []byte("\\`<&![*_~{% \t\n\r") {
		specialBytes[c] = true
	}
	// What can start or hide a tag: escapes, code spans, links and images
	// (their destinations).
	for _, c := range []byte("\\`<[!") {
		tagBytes[c] = true
	}
}

func special(c byte) bool { return specialBytes[c] }

// plainOnly reports whether s holds no markup and no white space other than
// single spaces between words, so that its plain text is s, trimmed.
func plainOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; specialBytes[c] && (c != ' ' || i > 0 && s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// codeSpan handles a backtick run at i: a code span when a closing run of
// the same length follows, else literal backticks.
func (p *parser) codeSpan(i, end int) int {
	s := p.src
	n := runLen(s, i, end, '`')
	if j := p.memoOf().closingRun(s, i+n, end, n); j >= 0 {
		if p.tagsOnly {
			p.t.Code = append(p.t.Code, rules.Code{Range: rules.Range{Start: i, End: j + n}})
			return j + n
		}
		content := normalizeCode(s[i+n : j])
		p.t.Code = append(p.t.Code, rules.Code{Content: content, Range: rules.Range{Start: i, End: j + n}})
		p.writeString(content)
		return j + n
	}
	p.writeString(s[i : i+n])
	return i + n
}

// scanMemo remembers, for one parse, where brackets close and where
// backtick runs of a length have no closer: without it, every '[' or '`'
// of a text full of unclosed ones would scan to the end again.
type scanMemo struct {
	brackets map[int]bracketEnd // open offset -> its ']' (or -1)
	noRun    map[int]memoEnd    // run length -> from where no run of it follows, within end
	noTerm   map[string]memoEnd // terminator -> from where it does not follow, within end
}

// index is strings.Index(s[from:end], term), remembering a failure: a
// later search from further on, within no further end, fails too. A nil
// memo just searches.
func (m *scanMemo) index(s string, from, end int, term string) int {
	if m != nil {
		if f, ok := m.noTerm[term]; ok && from >= f.at && end <= f.end {
			return -1
		}
	}
	k := strings.Index(s[from:end], term)
	if k < 0 && m != nil {
		if m.noTerm == nil {
			m.noTerm = map[string]memoEnd{}
		}
		m.noTerm[term] = memoEnd{at: from, end: end}
	}
	return k
}

type memoEnd struct{ at, end int }

func (p *parser) memoOf() *scanMemo {
	if p.memo == nil {
		p.memo = &scanMemo{}
	}
	return p.memo
}

// closingRun returns the offset of the first run of exactly n backticks in
// s[from:end], or -1.
func (m *scanMemo) closingRun(s string, from, end, n int) int {
	if f, ok := m.noRun[n]; ok && from >= f.at && end <= f.end {
		return -1 // an earlier search from before here found none
	}
	for j := from; j < end; {
		k := strings.IndexByte(s[j:end], '`')
		if k < 0 {
			break
		}
		j += k
		r := runLen(s, j, end, '`')
		if r == n {
			return j
		}
		j += r
	}
	if m.noRun == nil {
		m.noRun = map[int]memoEnd{}
	}
	m.noRun[n] = memoEnd{at: from, end: end}
	return -1
}

func runLen(s string, i, end int, c byte) int {
	n := 0
	for i+n < end && s[i+n] == c {
		n++
	}
	return n
}

// normalizeCode applies CommonMark's code span normalization.
func normalizeCode(c string) string {
	c = strings.ReplaceAll(c, "\r\n", " ")
	c = strings.ReplaceAll(c, "\n", " ")
	if len(c) >= 2 && c[0] == ' ' && c[len(c)-1] == ' ' && strings.Trim(c, " ") != "" {
		c = c[1 : len(c)-1]
	}
	return c
}

// angle handles '<': autolink, raw HTML, or a literal.
func (p *parser) angle(i, end int) int {
	s := p.src
	if n := AutolinkEnd(s, i, end); n > 0 {
		dest := s[i+1 : n-1]
		p.t.Links = append(p.t.Links, rules.Link{Kind: rules.AutoLink, Dest: dest,
			Range: rules.Range{Start: i, End: n}, DestRange: rules.Range{Start: i + 1, End: n - 1}})
		p.writeString(dest)
		return n
	}
	if n, name, closing, self := tagEnd(s, i, end, p.memoOf()); n > 0 {
		p.t.Tags = append(p.t.Tags, rules.Tag{Name: name, Closing: closing, SelfClosing: self, Range: rules.Range{Start: i, End: n}})
		if name == "br" {
			p.writeSpace()
		}
		return n
	}
	p.writeString("<")
	return i + 1
}

// entity decodes a character reference at i.
func (p *parser) entity(i, end int) int {
	s := p.src
	j := i + 1
	for j < end && j-i <= 32 && (isAlnum(s[j]) || s[j] == '#') {
		j++
	}
	if j < end && s[j] == ';' && j > i+1 {
		dec := html.UnescapeString(s[i : j+1])
		// html.UnescapeString also decodes legacy prefixes ("&copyright;" →
		// "©right;"); CommonMark knows only whole references.
		if dec != s[i:j+1] && utf8.RuneCountInString(dec) <= 2 && (dec == ";" || !strings.HasSuffix(dec, ";")) {
			p.writeString(dec)
			return j + 1
		}
	}
	p.writeString("&")
	return i + 1
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// link handles '[' (or '![' when image) at i. It returns the offset after
// the whole construct, or i when this is not a link.
func (p *parser) link(i, end int, image bool) int {
	s := p.src
	open := i + 1
	if image {
		open = i + 2
	}
	close := p.memoOf().matchBracket(s, open, end)
	if close < 0 {
		return i
	}
	kind := rules.InlineLink
	if image {
		kind = rules.ImageLink
	}
	var l rules.Link
	after := close + 1
	switch {
	case after < end && s[after] == '(':
		dEnd, dest, dr, title, ok := parseDestination(s, after+1, end)
		if !ok {
			return i
		}
		l = rules.Link{Kind: kind, Dest: dest, DestRange: dr, Title: title, Range: rules.Range{Start: i, End: dEnd}}
	case after < end && s[after] == '[':
		lc := strings.IndexByte(s[after+1:end], ']')
		if lc < 0 {
			return i
		}
		label := s[after+1 : after+1+lc]
		if label == "" {
			label = s[open:close]
		}
		l = rules.Link{Kind: rules.ReferenceLink, Dest: label, DestRange: rules.Range{Start: after + 1, End: after + 1 + lc},
			Range: rules.Range{Start: i, End: after + lc + 2}}
	default:
		return i // a shortcut reference needs the document's definitions; treat as text
	}
	l.Label = s[open:close]
	p.t.Links = append(p.t.Links, l)
	p.scan(open, close) // the link text is prose
	if l.Title != "" {
		p.writeSpace()
		p.writeString(l.Title)
	}
	return l.Range.End
}

// bracketEnd is a remembered bracket match: at (-1 for none) holds for
// every end in [lo, hi]. A match at j holds from j+1 up to the end of the
// scan that found it. No match holds down to the end of the last code span
// that scan skipped: a shorter end can leave that span's closing backticks
// out, and a ']' it hid then counts.
type bracketEnd struct{ at, lo, hi int }

// matchBracket finds the ']' closing the '[' before open, skipping escapes
// and code spans, within s[:end]; -1 when there is none. Brackets nested
// inside are matched on the way and remembered, so that the scans of a
// text stay linear however many brackets it leaves open.
func (m *scanMemo) matchBracket(s string, open, end int) int {
	if r, ok := m.brackets[open]; ok && r.lo <= end && end <= r.hi {
		return r.at
	}
	if m.brackets == nil {
		m.brackets = map[int]bracketEnd{}
	}
	var inner []int // the '[' opened since open, not yet closed
	reach := 0      // the end of the last code span skipped
	for j := open; j < end; j++ {
		switch s[j] {
		case '\\':
			j++
		case '`':
			n := runLen(s, j, end, '`')
			if k := m.closingRun(s, j+n, end, n); k >= 0 {
				j = k + n - 1
				reach = k + n
			} else {
				j += n - 1
			}
		case '[':
			inner = append(inner, j+1)
		case ']':
			if len(inner) == 0 {
				m.brackets[open] = bracketEnd{at: j, lo: j + 1, hi: end}
				return j
			}
			m.brackets[inner[len(inner)-1]] = bracketEnd{at: j, lo: j + 1, hi: end}
			inner = inner[:len(inner)-1]
		}
	}
	for _, o := range inner {
		m.brackets[o] = bracketEnd{at: -1, lo: max(reach, o), hi: end}
	}
	m.brackets[open] = bracketEnd{at: -1, lo: max(reach, open), hi: end}
	return -1
}

// maxParenDepth bounds the nesting of parentheses in a link destination,
// as cmark does: each unclosed one would otherwise scan to the end of the
// text (quadratic on text full of "](").
const maxParenDepth = 32

// parseDestination parses `dest "title")` starting after '('.
func parseDestination(s string, i, end int) (after int, dest string, dr rules.Range, title string, ok bool) {
	i = skipSpace(s, i, end)
	ds := i
	if i < end && s[i] == '<' {
		j := i + 1
		for j < end && s[j] != '>' && s[j] != '\n' && s[j] != '<' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= end || s[j] != '>' {
			return 0, "", dr, "", false
		}
		dest, dr = s[i+1:j], rules.Range{Start: i + 1, End: j}
		i = j + 1
	} else {
		depth := 0
		j := i
		for j < end {
			c := s[j]
			if c == '\\' && j+1 < end && isASCIIPunct(s[j+1]) {
				j += 2
				continue
			}
			if c == '(' {
				if depth++; depth > maxParenDepth {
					return 0, "", dr, "", false
				}
			} else if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			} else if c <= ' ' {
				break
			}
			j++
		}
		dest, dr = s[ds:j], rules.Range{Start: ds, End: j}
		i = j
	}
	i = skipSpace(s, i, end)
	if i < end && (s[i] == '"' || s[i] == '\'' || s[i] == '(') {
		q := s[i]
		if q == '(' {
			q = ')'
		}
		j := i + 1
		for j < end && s[j] != q {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= end {
			return 0, "", dr, "", false
		}
		title = s[i+1 : j]
		i = skipSpace(s, j+1, end)
	}
	if i >= end || s[i] != ')' {
		return 0, "", dr, "", false
	}
	return i + 1, dest, dr, title, true
}

func skipSpace(s string, i, end int) int {
	for i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// delim records an emphasis delimiter run at i, computing whether it can
// open or close with CommonMark's flanking rules. A run that can do neither
// is literal text.
func (p *parser) delim(i, end int) int {
	s := p.src
	c := s[i]
	n := runLen(s, i, end, c)
	if c == '~' && n != 2 {
		p.writeString(s[i : i+n])
		return i + n
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	if i == p.t.Range.Start {
		before = ' '
	}
	after := ' '
	if i+n < end {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	left := !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before))
	right := !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after))
	canOpen, canClose := left, right
	if c == '_' {
		canOpen = left && (!right || isPunct(before))
		canClose = right && (!left || isPunct(after))
	}
	if !canOpen && !canClose {
		p.writeString(s[i : i+n])
		return i + n
	}
	p.t.Emphasis = append(p.t.Emphasis, rules.Delim{Marker: c, Len: n, CanOpen: canOpen, CanClose: canClose,
		Range: rules.Range{Start: i, End: i + n}})
	return i + n
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isPunct(r rune) bool {
	if r < 0x80 {
		return isASCIIPunct(byte(r))
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// placeholderEnd recognizes a format placeholder at i: {0}, {12}, {{name}},
// %s, %d, %1$s, %(name)s. It returns the end offset, or i.
func placeholderEnd(s string, i, end int) int {
	if s[i] == '{' {
		if i+1 < end && s[i+1] == '{' { // {{name}}
			k := strings.Index(s[i+2:end], "}}")
			if k > 0 && k <= 40 && !strings.ContainsAny(s[i+2:i+2+k], "{}\n<`") {
				return i + 2 + k + 2
			}
			return i
		}
		j := i + 1
		for j < end && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i+1 && j < end && s[j] == '}' {
			return j + 1
		}
		// A named one: {name}, ${name} (the $ stays text); not {a}, a
		// letter in braces (a set, a variable in a formula).
		if j == i+1 && j < end && isLetterASCII(s[j]) {
			for j < end && j-i <= 40 && (isAlnum(s[j]) || s[j] == '_') {
				j++
			}
			if j < end && s[j] == '}' && j-i > 2 {
				return j + 1
			}
		}
		return i
	}
	// An environment variable: %USERNAME%, %ProgramFiles% (capital first),
	// or a template token in doubled signs, %%ContentURL%%.
	pct := 1
	if i+1 < end && s[i+1] == '%' {
		pct = 2
	}
	if j := i + pct; j < end && s[j] >= 'A' && s[j] <= 'Z' {
		for j < end && j-i <= 40 && (isAlnum(s[j]) || s[j] == '_') {
			j++
		}
		if j+pct <= end && strings.Repeat("%", pct) == s[j:j+pct] && j-i >= 2+pct {
			return j + pct
		}
	}
	// printf style
	j := i + 1
	if j < end && s[j] == '(' {
		k := strings.IndexByte(s[j:end], ')')
		if k < 1 || k > 30 {
			return i
		}
		for _, c := range []byte(s[j+1 : j+k]) {
			if !isAlnum(c) && c != '_' {
				return i // %(<b>)s is not a placeholder: keep the markup
			}
		}
		j += k + 1
	} else {
		for j < end && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i+1 {
			if j < end && s[j] == '$' {
				j++
			} else {
				return i // "50%" style numbers are not placeholders
			}
		}
	}
	if j < end && strings.IndexByte("sdifuxXc", s[j]) >= 0 {
		// Must not continue a word: "%status" is not a placeholder.
		if j+1 < end && isAlnum(s[j+1]) {
			return i
		}
		if i > 0 && isAlnum(s[i-1]) {
			return i
		}
		return j + 1
	}
	return i
}

func isLetterASCII(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
