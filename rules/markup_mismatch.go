package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkupMismatch compares emphasis, inline HTML, escapes and placeholders.
var MarkupMismatch = Register(&Rule{
	ID:       "markup-mismatch",
	Aliases:  []string{"markup", "tags"},
	Tags:     []string{"segment", "markup"},
	Severity: Warning,
	Short:    "Emphasis, inline HTML tags, backslash escapes and placeholders are preserved",
	Doc: `Compares the inline markup of each segment's source and target:

  - emphasis: the number of bold (** or __), italic (* or _) and strikethrough (~~) delimiter
    runs that pair into emphasis as CommonMark pairs them, and of runs that pair with nothing
    and show as text: "单击**“导出”**" or "cliquez**+** sur" renders its asterisks, because a
    run between a letter and punctuation cannot open; in Chinese, Japanese or Korean text a _
    inside a word ("适用于_所有组织_") is shown as text too, and counts with them (an English
    snake_case name does not); and bold that crosses a parenthesis ("**Name (nom**)": the
    translation moved the bold's end into it) where the source's bold holds whole ones;
  - inline HTML tags (<br/>, <b>, <a name="...">, comments) by name;
  - backslash escapes of characters Markdown would otherwise read as markup (\<, \*, \_, \[ ...):
    a dropped "\<" turns "\<domain\>" into an HTML tag that swallows the text (a \> renders the same
    escaped or not inside a line, and a navigation path may be written in words: not compared);
  - placeholders ({0}, {name}, {{name}}, %s, %1$d, %(name)s, and environment variables such as
    %USERNAME%).

Each kind is reported once per segment with what the source has and what the target has.

Options:
  check-emphasis      compare emphasis runs (default true)
  check-tags          compare inline HTML tags (default true)
  check-escapes       compare backslash escapes (default true)
  check-placeholders  compare placeholders (default true)`,
	Options: []Option{
		{Name: "check-emphasis", Default: true, Doc: "compare emphasis runs"},
		{Name: "check-tags", Default: true, Doc: "compare inline HTML tags"},
		{Name: "check-escapes", Default: true, Doc: "compare backslash escapes"},
		{Name: "check-placeholders", Default: true, Doc: "compare placeholders"},
	},
	Run: runMarkupMismatch,
})

func runMarkupMismatch(p *Pass) {
	for _, s := range p.Page.Segments {
		// An empty source is a segmentation artifact (an anchor moved into the
		// target span): there is nothing to preserve.
		if !s.HasSource || strings.TrimSpace(s.Source.Raw) == "" {
			continue
		}
		var diffs []string
		at := Range{Start: -1}
		weak := false // at is the whole target: a later note may say where
		note := func(msg string, r Range) {
			diffs = append(diffs, msg)
			if at.Start < 0 || weak && r != s.Target.Range {
				at, weak = r, r == s.Target.Range
			}
		}
		// Markers shown as text, whether left over by the pairing, paired
		// with nothing or escaped, render alike: \*.contoso.com is
		// *.contoso.com.
		// (Most segments have neither: nothing is computed for them.)
		src, tgt := withStrayUnderscores(s.Source), withStrayUnderscores(s.Target)
		var sl, tl map[byte]int
		textual := true // the target shows as many markers as text as the source
		if len(src.Emphasis)+len(tgt.Emphasis) > 0 {
			sl, tl = literalMarkers(src), literalMarkers(tgt)
			for _, m := range []byte{'*', '_', '~'} {
				textual = textual && sl[m]+escapeCount(src, m) == tl[m]+escapeCount(tgt, m)
			}
		}
		if p.Bool("check-emphasis") && (len(src.Emphasis) > 0 || len(tgt.Emphasis) > 0) {
			se, te := emphasisCounts(src), emphasisCounts(tgt)
			for _, kind := range []string{"bold", "italic", "strikethrough", "unrendered"} {
				if kind == "unrendered" && textual {
					continue
				}
				if se[kind] != te[kind] {
					// Where the target has more, its first such run; where it
					// has fewer, the runs it kept are right: its first run that
					// shows as text, else the whole target, unless another
					// note says where (escaped markers, \*\*\*\*).
					r := s.Target.Range
					if te[kind] > se[kind] {
						if d := firstDelim(tgt, kind); d != nil {
							r = d.Range
						}
					} else if d := firstUnpaired(tgt); d != nil {
						r = d.Range // where the lost emphasis shows as text
					}
					what := kind + " markers"
					if kind == "unrendered" {
						what = "emphasis markers that pair with nothing and show as text"
					}
					why := ""
					if kind == "italic" && te[kind] > se[kind] {
						// Machine translation's placeholder for & comes back
						// as _AMP_, and two of them make italics.
						if i := strings.Index(s.Target.Raw, "_AMP_"); i >= 0 && strings.Contains(s.Source.Plain, "&") {
							why = ` (the target writes "&" as "_AMP_")`
							r = Range{Start: s.Target.Range.Start + i, End: s.Target.Range.Start + i + len("_AMP_")}
						}
					}
					note(fmt.Sprintf("%s: the source has %d, the target %d%s", what, se[kind], te[kind], why), r)
				}
			}
		}
		if p.Bool("check-emphasis") {
			if r, ok := boldCrossesParens(s.Source, s.Target); ok {
				note(fmt.Sprintf("bold crosses a parenthesis: %s (the source's bold holds whole parentheses)", quoteText(s.Target.Raw[r.Start-s.Target.Range.Start:r.End-s.Target.Range.Start])), r)
			}
		}
		if p.Bool("check-tags") {
			multisetNote(note, s, "inline HTML", tagNames(s.Source), tagNames(s.Target), tagRanges(s.Target))
		}
		if p.Bool("check-escapes") {
			se, te := escapes(s.Source), escapes(s.Target)
			// A marker the source shows as text is what the target's
			// escaped marker shows, and the reverse.
			for _, m := range []byte{'*', '_', '~'} {
				if d := sl[m] - tl[m]; d > 0 {
					te = dropEscapes(te, m, d)
				} else if d < 0 {
					se = dropEscapes(se, m, -d)
				}
			}
			multisetNote(note, s, "escapes", se, te, escapeRanges(s.Target))
		}
		if p.Bool("check-placeholders") {
			multisetNote(note, s, "placeholders", placeholders(s.Source), placeholders(s.Target), placeholderRanges(s.Target))
		}
		if len(diffs) > 0 {
			p.ReportSegmentAt(s, at, "markup differs from the source: %s", strings.Join(diffs, "; "))
		}
	}
}

// withStrayUnderscores returns t with, among its delimiter runs, the runs
// of _ that CommonMark leaves as text inside a word of Chinese, Japanese or
// Korean text (以下策略适用于_所有组织_。): a translation's lost emphasis,
// shown as text, where an English snake_case name is not markup. They can
// neither open nor close.
func withStrayUnderscores(t Text) Text {
	raw := t.Raw
	if strings.IndexByte(raw, '_') < 0 {
		return t
	}
	var strays []Delim
	for i := 0; i < len(raw); {
		k := strings.IndexByte(raw[i:], '_')
		if k < 0 {
			break
		}
		a := i + k
		b := a
		for b < len(raw) && raw[b] == '_' {
			b++
		}
		i = b
		before, _ := utf8.DecodeLastRuneInString(raw[:a])
		after, _ := utf8.DecodeRuneInString(raw[b:])
		if !wordRune(before) || !wordRune(after) || !isCJK(before) && !isCJK(after) {
			continue
		}
		r := Range{Start: t.Range.Start + a, End: t.Range.Start + b}
		if insideAny(r, t.Code) || insideTag(r, t.Tags) || insideDelim(r, t.Emphasis) || insideLinkDest(r, t.Links) {
			continue
		}
		strays = append(strays, Delim{Marker: '_', Len: b - a, Range: r})
	}
	if len(strays) == 0 {
		return t
	}
	t.Emphasis = append(slices.Clone(t.Emphasis), strays...)
	slices.SortStableFunc(t.Emphasis, func(x, y Delim) int { return x.Range.Start - y.Range.Start })
	return t
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func insideAny(r Range, cs []Code) bool {
	for _, c := range cs {
		if r.Start >= c.Range.Start && r.End <= c.Range.End {
			return true
		}
	}
	return false
}

func insideTag(r Range, ts []Tag) bool {
	for _, g := range ts {
		if r.Start >= g.Range.Start && r.End <= g.Range.End {
			return true
		}
	}
	return false
}

func insideDelim(r Range, ds []Delim) bool {
	for _, d := range ds {
		if r.Start < d.Range.End && d.Range.Start < r.End {
			return true
		}
	}
	return false
}

// insideLinkDest reports whether r lies in a link past its label: its
// destination or title, or anywhere in an autolink.
func insideLinkDest(r Range, ls []Link) bool {
	for _, l := range ls {
		if r.Start < l.Range.Start || r.End > l.Range.End {
			continue
		}
		if l.Kind == AutoLink {
			return true
		}
		if label, ok := l.LabelRange(); ok && r.Start >= label.End {
			return true
		}
	}
	return false
}

// firstUnpaired returns t's first delimiter run that does not pair whole
// (its characters show as text), or nil.
func firstUnpaired(t Text) *Delim {
	paired, left, _ := pairDelims(t.Emphasis)
	for i := range t.Emphasis {
		if !paired[i] || left[i] > 0 {
			return &t.Emphasis[i]
		}
	}
	return nil
}

// dropEscapes removes up to n escapes of marker m from es.
func dropEscapes(es []string, m byte, n int) []string {
	out := es[:0:0]
	for _, e := range es {
		if n > 0 && e == `\`+string(m) {
			n--
			continue
		}
		out = append(out, e)
	}
	return out
}

// multisetNote describes what the target lacks and adds of one kind of markup.
func multisetNote(note func(string, Range), s *Segment, what string, src, tgt []string, at map[string]Range) {
	missing, extra := multisetDiff(src, tgt)
	if len(missing) == 0 && len(extra) == 0 {
		return
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "the target lacks "+countedList(missing))
	}
	if len(extra) > 0 {
		parts = append(parts, "the target adds "+countedList(extra))
	}
	r := s.Target.Range
	if len(extra) > 0 {
		if x, ok := at[extra[0]]; ok {
			r = x
		}
	}
	note(what+": "+strings.Join(parts, " and "), r)
}

// countedList renders ["\*", "\*", "<br>"] as "\* ×2, <br>".
func countedList(items []string) string {
	var order []string
	n := map[string]int{}
	for _, it := range items {
		if n[it] == 0 {
			order = append(order, it)
		}
		n[it]++
	}
	out := make([]string, len(order))
	for i, it := range order {
		out[i] = it
		if n[it] > 1 {
			out[i] += fmt.Sprintf(" ×%d", n[it])
		}
	}
	return strings.Join(out, ", ")
}

// emphasisCounts counts the delimiter runs of t by kind, those that pair
// into rendered emphasis, by how they pair (a ** closing a * opener is
// italic, with one * left as text); runs that pair with nothing render as
// text and count as "unrendered" (单击**“导出”**: CommonMark's flanking
// rules leave both runs unpaired, and the reader sees the asterisks).
func emphasisCounts(t Text) map[string]int {
	m := map[string]int{}
	paired, _, two := pairDelims(t.Emphasis)
	for i, d := range t.Emphasis {
		if paired[i] {
			m[pairedKind(d, two[i])]++
		} else {
			m["unrendered"]++
		}
	}
	return m
}

// pairedKind is the kind of emphasis a run that pairs renders: bold when
// it pairs two characters at once.
func pairedKind(d Delim, two bool) string {
	switch {
	case d.Marker == '~':
		return "strikethrough"
	case two:
		return "bold"
	}
	return "italic"
}

// literalMarkers counts, by marker, the characters of delimiter runs shown
// as text: the runs that pair with nothing, and what is left of runs that
// pair but not whole (the second * of a ** that closes a * opener,
// *\*Mail flow rules**).
func literalMarkers(t Text) map[byte]int {
	var m map[byte]int
	_, left, _ := pairDelims(t.Emphasis)
	for i, d := range t.Emphasis {
		if left[i] > 0 {
			if m == nil {
				m = map[byte]int{}
			}
			m[d.Marker] += left[i]
		}
	}
	return m
}

// escapeCount counts t's escapes of marker m.
func escapeCount(t Text, m byte) int {
	n := 0
	for _, e := range t.Escapes {
		if e.Char == m {
			n++
		}
	}
	return n
}

// pairDelims reports, for each delimiter run, whether some of it pairs
// with another run into emphasis, as CommonMark's delimiter algorithm pairs
// them (each closer with the nearest opener of its marker; openers between
// are given up; the rule of three included), the characters of each run
// left unpaired (shown as text), and whether a run paired two characters
// at once (bold).
func pairDelims(ds []Delim) (paired []bool, left []int, two []bool) {
	paired, left, two, _ = pairDelimsRoles(ds)
	return paired, left, two
}

// A delimRole says how a delimiter run took part in emphasis: as an opener,
// a closer or both (***a** b*).
type delimRole uint8

const (
	opened delimRole = 1 << iota
	closed
)

// pairDelimRoles is pairDelims with the role each run played.
func pairDelimRoles(ds []Delim) (paired []bool, left []int, roles []delimRole) {
	paired, left, _, roles = pairDelimsRoles(ds)
	return paired, left, roles
}

// pairDelimsRoles is pairDelims and pairDelimRoles in one.
func pairDelimsRoles(ds []Delim) (paired []bool, left []int, two []bool, roles []delimRole) {
	paired, left, two, roles = make([]bool, len(ds)), make([]int, len(ds)), make([]bool, len(ds)), make([]delimRole, len(ds))
	type open struct{ i, left int }
	var stack []open
	for i, d := range ds {
		n := d.Len
		for n > 0 && d.CanClose {
			j := len(stack) - 1
			for ; j >= 0; j-- {
				o := ds[stack[j].i]
				// The rule of three: a run that can both open and close pairs
				// with one whose length sums to a multiple of 3 only if both are.
				if o.Marker == d.Marker && (!o.CanClose && !d.CanOpen || (o.Len+d.Len)%3 != 0 || o.Len%3 == 0 && d.Len%3 == 0) {
					break
				}
			}
			if j < 0 {
				break
			}
			use := 1
			if n >= 2 && stack[j].left >= 2 {
				use = 2
				two[i], two[stack[j].i] = true, true
			}
			paired[i], paired[stack[j].i] = true, true
			roles[i] |= closed
			roles[stack[j].i] |= opened
			stack[j].left -= use
			left[stack[j].i] = stack[j].left
			n -= use
			// Openers between the pair are given up: they stay text.
			if stack[j].left == 0 {
				stack = stack[:j]
			} else {
				stack = stack[:j+1]
			}
		}
		left[i] = n
		if n > 0 && d.CanOpen {
			stack = append(stack, open{i, n})
		}
	}
	return paired, left, two, roles
}

func delimKind(d Delim) string {
	switch {
	case d.Marker == '~':
		return "strikethrough"
	case d.Len >= 2:
		return "bold"
	}
	return "italic"
}

func firstDelim(t Text, kind string) *Delim {
	paired, _, two := pairDelims(t.Emphasis)
	for i, d := range t.Emphasis {
		if kind == "unrendered" && !paired[i] || kind != "unrendered" && paired[i] && pairedKind(d, two[i]) == kind {
			return &t.Emphasis[i]
		}
	}
	// A kind the target lacks: point at a run of its kind, if any.
	for i := range t.Emphasis {
		if delimKind(t.Emphasis[i]) == kind {
			return &t.Emphasis[i]
		}
	}
	return nil
}

func tagNames(t Text) []string {
	var out []string
	for _, g := range t.Tags {
		out = append(out, tagKey(g))
	}
	sort.Strings(out)
	return out
}

func tagKey(g Tag) string {
	switch {
	case g.Name == "!--":
		return "<!--comment-->"
	case g.Closing:
		return "</" + g.Name + ">"
	case g.SelfClosing:
		return "<" + g.Name + "/>"
	}
	return "<" + g.Name + ">"
}

func tagRanges(t Text) map[string]Range {
	m := map[string]Range{}
	for _, g := range t.Tags {
		if _, ok := m[tagKey(g)]; !ok {
			m[tagKey(g)] = g.Range
		}
	}
	return m
}

func escapes(t Text) []string {
	var out []string
	for _, e := range t.Escapes {
		if e.Char == '>' {
			// Inside a line, > renders as > escaped or not: a navigation
			// path's \> written in words (依次单击 A 和 B) or unescaped is no
			// markup lost (and a segment never starts a line's block quote).
			continue
		}
		out = append(out, `\`+string(e.Char))
	}
	return out
}

func escapeRanges(t Text) map[string]Range {
	m := map[string]Range{}
	for _, e := range t.Escapes {
		k := `\` + string(e.Char)
		if _, ok := m[k]; !ok {
			m[k] = e.Range
		}
	}
	return m
}

func placeholders(t Text) []string {
	var out []string
	for _, x := range t.Placeholders {
		out = append(out, x.Text)
	}
	return out
}

func placeholderRanges(t Text) map[string]Range {
	m := map[string]Range{}
	for _, x := range t.Placeholders {
		if _, ok := m[x.Text]; !ok {
			m[x.Text] = x.Range
		}
	}
	return m
}

// boldSpans returns the spans of raw between pairs of bold delimiter runs
// (boldRuns: the first with the second, the third with the fourth...),
// the runs included.
func boldSpans(raw string) [][2]int {
	runs := boldRuns(raw)
	var out [][2]int
	for k := 0; k+1 < len(runs); k += 2 {
		end := runs[k+1]
		for end < len(raw) && raw[end] == raw[runs[k+1]] {
			end++
		}
		out = append(out, [2]int{runs[k], end})
	}
	return out
}

// unbalancedParens reports whether s opens more parentheses than it
// closes, or closes more (half-width or full-width).
func unbalancedParens(s string) bool {
	return strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, "（") != strings.Count(s, "）")
}

// boldCrossesParens returns the target's first bold span that opens or
// closes a parenthesis it does not close or open ("**Name (nom**)",
// "**在测试模式下启动 (不带策略提示**)"), where no bold span of the source
// does: the translation moved the bold's end into the parenthesis.
func boldCrossesParens(src, tgt Text) (Range, bool) {
	if !strings.Contains(tgt.Raw, "**") || strings.IndexByte(tgt.Raw, '(') < 0 && strings.IndexByte(tgt.Raw, ')') < 0 &&
		!strings.Contains(tgt.Raw, "（") && !strings.Contains(tgt.Raw, "）") {
		return Range{}, false
	}
	srcRaw, tgtRaw := withoutCodeSpans(src), withoutCodeSpans(tgt)
	for _, b := range boldSpans(srcRaw) {
		if unbalancedParens(srcRaw[b[0]:b[1]]) {
			return Range{}, false
		}
	}
	for _, b := range boldSpans(tgtRaw) {
		if unbalancedParens(tgtRaw[b[0]:b[1]]) {
			return Range{Start: tgt.Range.Start + b[0], End: tgt.Range.Start + b[1]}, true
		}
	}
	return Range{}, false
}

// withoutCodeSpans returns t's raw text with its code spans blanked out,
// byte for byte: their asterisks are no bold.
func withoutCodeSpans(t Text) string {
	if len(t.Code) == 0 {
		return t.Raw
	}
	b := []byte(t.Raw)
	for _, c := range t.Code {
		for i := max(c.Range.Start-t.Range.Start, 0); i < min(c.Range.End-t.Range.Start, len(b)); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}
