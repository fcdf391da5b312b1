package rules

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// NavigationPath reports a navigation path of the source (**Reports** \>
// **Dashboard**) that the target breaks apart.
var NavigationPath = Register(&Rule{
	ID:       "navigation-path",
	Aliases:  []string{"menu-path", "ui-path"},
	Tags:     []string{"segment", "markup"},
	Severity: Warning,
	Short:    `A navigation path of the source (**Reports** \> **Dashboard**) is broken in the target: a ">" that joins no two bold labels`,
	Doc: `Documentation writes the way to a page of a user interface as bold labels joined by ">": "go to
**Data governance** \> **Import**". Machine translation reorders the words of such a path and
moves the labels away from the separator: "cliquez sur **importation**de la **gouvernance** \> de
données", "**Schutz** \> - **Spam Filter**", "rétention de **gouvernance** \> \*\*\*\* des données".
The reader no longer sees which label comes after which.

The rule counts, on each side, the separators (\>, &gt;, > or ＞ outside code and HTML tags) that
stand between two bold labels, with only spaces and quotation marks between ("**设置**" \> "**选项**"
counts). When the target has as many separators as the source but fewer of them join two bold
labels, each separator of the target that joins none is reported (as many as it lacks), with the
source's path in the message. A target that writes the path in words (no separator) is not
reported: the translator chose to.`,
	Run:         runNavigationPath,
	Monolingual: true,
})

func runNavigationPath(p *Pass) {
	for _, s := range p.Page.Segments {
		if !s.HasSource || !strings.Contains(s.Source.Raw, "**") || blank(s.Target) {
			continue // most segments: no bold label, no path
		}
		checkNavigationPath(p, s)
	}
}

// pathSeparator is a separator of a navigation path in a text: its range
// in the raw text, and whether bold labels stand on both sides.
type pathSeparator struct {
	start, end int
	joined     bool
	// inBold: joined as part of a path bolded whole (**Settings > Privacy**).
	inBold bool
}

// pathSeparators finds the separators of t outside code and HTML tags. A
// separator inside a bold span counts as joined: the path bolded whole.
func pathSeparators(t Text) []pathSeparator {
	raw := t.Raw
	var out []pathSeparator
	skips := sortMerge(proseSkips(t))
	var runs []int // the bold runs, once needed
	runsRead := false
	inside := func(i int) bool { return overlaps(skips, i, i+1) }
	angles := 0 // placeholders open: \<site name> closes with its > (or \>)
	for i := 0; i < len(raw); i++ {
		n := 0
		switch {
		case raw[i] == '\\' && i+1 < len(raw) && raw[i+1] == '<', strings.HasPrefix(raw[i:], "&lt;"), raw[i] == '<' && !inside(i):
			angles++
			continue
		case raw[i] == '\\' && i+1 < len(raw) && raw[i+1] == '>':
			n = 2
		case strings.HasPrefix(raw[i:], "&gt;"):
			n = 4
		case strings.HasPrefix(raw[i:], "＞"):
			n = len("＞")
		case raw[i] == '>' && (i == 0 || raw[i-1] != '\\'):
			n = 1
		default:
			continue
		}
		if inside(i) {
			i += n - 1
			continue
		}
		if angles > 0 || i > 0 && (raw[i-1] == '-' || raw[i-1] == '=') {
			// A placeholder's closing bracket, an arrow (add->, =>).
			angles = max(angles-1, 0)
			i += n - 1
			continue
		}
		joined := boldBefore(raw, i) && boldAfter(raw, i+n) || quotedBefore(raw, i) && quotedAfter(raw, i+n)
		whole := false
		if !joined {
			if !runsRead {
				runs, runsRead = boldRuns(raw), true
			}
			joined = insideBold(runs, i) // the path bolded whole: **Settings > Privacy**
			whole = joined
		}
		out = append(out, pathSeparator{i, i + n, joined, whole})
		i += n - 1
	}
	return out
}

// pathGap reports whether r may stand between a bold label and a path's
// separator: white space and quotation marks.
func pathGap(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || strings.ContainsRune("\"'“”«»「」『』‘’", r)
}

// boldBefore reports whether raw[:i] ends with a bold label's closing
// delimiter (** or __, *** for bold italics; not an escaped \*), then only
// gap characters.
func boldBefore(raw string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(raw[:i])
		if !pathGap(r) {
			break
		}
		i -= n
	}
	if i < 2 || raw[i-1] != '*' && raw[i-1] != '_' {
		return false
	}
	c, k := raw[i-1], i
	for k > 0 && raw[k-1] == c {
		k--
	}
	return i-k >= 2 && i-k <= 3 && (k == 0 || raw[k-1] != '\\')
}

// boldAfter reports whether raw[j:] starts, after gap characters, with a
// bold label's opening delimiter.
func boldAfter(raw string, j int) bool {
	for j < len(raw) {
		r, n := utf8.DecodeRuneInString(raw[j:])
		if !pathGap(r) {
			break
		}
		j += n
	}
	if j >= len(raw) || raw[j] != '*' && raw[j] != '_' {
		return false
	}
	c, k := raw[j], j
	for k < len(raw) && raw[k] == c {
		k++
	}
	return k-j >= 2 && k-j <= 3
}

// quotedBefore reports whether raw[:i] ends with a closing quotation mark,
// then white space: a label quoted rather than bolded (“分类”>“类型”).
func quotedBefore(raw string, i int) bool {
	// Bold lost as escaped asterisks between the label and the separator
	// (“分类”\*\*\*\*\>): markup-mismatch's, the path still reads.
	i = len(strings.TrimRight(strings.TrimRight(raw[:i], " \t\r\n\u00a0"), `\*`))
	r, _ := utf8.DecodeLastRuneInString(raw[:i])
	return i > 0 && strings.ContainsRune("”」』»\"", r)
}

// quotedAfter reports whether raw[j:] starts, after white space, with an
// opening quotation mark.
func quotedAfter(raw string, j int) bool {
	rest := strings.TrimLeft(strings.TrimLeft(raw[j:], " \t\r\n\u00a0"), `\*`)
	r, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && strings.ContainsRune("“「『«\"", r)
}

// boldRuns returns the offsets of the unescaped runs of two or more * (or
// _) of raw: the places bold spans open and close.
func boldRuns(raw string) []int {
	var out []int
	for k := 0; k+1 < len(raw); k++ {
		if (raw[k] == '*' || raw[k] == '_') && raw[k+1] == raw[k] && (k == 0 || raw[k-1] != '\\') {
			out = append(out, k)
			for k+1 < len(raw) && raw[k+1] == raw[k] {
				k++
			}
		}
	}
	return out
}

// insideBold reports whether offset i lies inside a bold span: an odd
// number of the runs before it, one after ("**Paramètres \>
// Confidentialité**", the path bolded whole).
func insideBold(runs []int, i int) bool {
	before := sort.SearchInts(runs, i)
	return before%2 == 1 && before < len(runs)
}

func checkNavigationPath(p *Pass, s *Segment) {
	src := pathSeparators(s.Source)
	joined := 0
	for _, x := range src {
		if x.joined {
			joined++
		}
	}
	if joined == 0 {
		return
	}
	tgt := pathSeparators(s.Target)
	if len(tgt) < len(src) {
		return // the path written in words, or dropped: not this rule's to say
	}
	lacking := joined
	for _, x := range tgt {
		if x.joined {
			lacking--
		}
	}
	if lacking <= 0 {
		return
	}
	paths := sourcePaths(s.Source.Raw, src)
	// The source's paths, named all when there are several: the target's
	// may come in another order, and which one broke cannot be told.
	var distinct []string
	for _, q := range paths {
		if q != "" && !slices.Contains(distinct, q) {
			distinct = append(distinct, q)
		}
	}
	what := "in the source it joins " + distinct[0]
	if len(distinct) > 1 {
		what = "the source's paths are " + listFirst(distinct, 5)
	}
	report := func(x pathSeparator) {
		r := Range{Start: s.Target.Range.Start + x.start, End: s.Target.Range.Start + x.end}
		p.ReportSegmentAt(s, r, "navigation path broken: this %q stands between no two bold labels; %s", separatorText(s.Target.Raw[x.start:x.end]), what)
	}
	if len(tgt) == len(src) {
		// As many separators: the k-th of the target stands for the k-th
		// of the source (a separator the source has outside a path,
		// "Center > **Data**", is not one of a path in the target either).
		for k, x := range tgt {
			if src[k].joined && !x.joined {
				report(x)
			}
		}
		return
	}
	// More separators than the source: the first that join nothing.
	for _, x := range tgt {
		if x.joined {
			continue
		}
		report(x)
		if lacking--; lacking == 0 {
			break
		}
	}
}

// separatorText is a separator as the reader sees it.
func separatorText(sep string) string {
	if sep == `\>` || sep == "&gt;" {
		return ">"
	}
	return sep
}

// sourcePaths quotes, for each separator of the source that joins two bold
// labels, the path it belongs to as the reader sees it: the run of bold
// labels joined by separators ("" for the others).
func sourcePaths(raw string, seps []pathSeparator) []string {
	out := make([]string, len(seps))
	var runs []int // the bold runs, once needed
	// span is the text of the path around separator k: its two labels, or
	// the bold span that holds it.
	span := func(k int) (int, int) {
		start, end := labelStart(raw, seps[k].start), labelEnd(raw, seps[k].end)
		if seps[k].inBold {
			if runs == nil {
				runs = boldRuns(raw)
			}
			if at := sort.SearchInts(runs, seps[k].start); at > 0 && at < len(runs) {
				start, end = runs[at-1], runs[at]
				for end < len(raw) && raw[end] == raw[runs[at]] {
					end++
				}
			}
		}
		return min(start, seps[k].start), max(end, seps[k].end)
	}
	for k := 0; k < len(seps); k++ {
		if !seps[k].joined {
			continue
		}
		from := k
		start, end := span(k)
		for {
			// The separators inside the span are the path's ("**Manage >
			// Analyze > Options**"); the next continues it when it follows
			// the span directly.
			for k+1 < len(seps) && seps[k+1].start < end {
				k++
			}
			if k+1 >= len(seps) || !seps[k+1].joined || strings.TrimFunc(raw[end:seps[k+1].start], pathGap) != "" {
				break
			}
			k++
			_, end = span(k)
		}
		q := quoteText(truncateRunes(separatorsShown.Replace(raw[start:end]), 120))
		for m := from; m <= k; m++ {
			out[m] = q
		}
	}
	return out
}

// separatorsShown writes a path's separators as the reader sees them.
var separatorsShown = strings.NewReplacer(`\>`, ">", "&gt;", ">")

// labelStart returns where the bold label that ends before the separator
// at i starts (its opening **).
func labelStart(raw string, i int) int {
	closing := strings.LastIndex(raw[:i], "**")
	if closing < 0 {
		return i
	}
	if opening := strings.LastIndex(raw[:closing], "**"); opening >= 0 {
		return opening
	}
	return closing
}

// labelEnd returns where the bold label that starts after the separator
// ending at j ends (after its closing **).
func labelEnd(raw string, j int) int {
	opening := strings.Index(raw[j:], "**")
	if opening < 0 {
		return j
	}
	opening += j
	if closing := strings.Index(raw[opening+2:], "**"); closing >= 0 {
		return opening + 2 + closing + 2
	}
	return opening + 2
}

// truncateRunes cuts s to at most n characters, with an ellipsis.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n {
			return s[:i] + "…"
		}
		k++
	}
	return s
}
