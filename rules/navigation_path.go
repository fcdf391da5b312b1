package rules

import (
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
}

// pathSeparators finds the separators of t outside code and HTML tags.
func pathSeparators(t Text) []pathSeparator {
	raw := t.Raw
	var out []pathSeparator
	// Code spans and tags are in text order, and so are the separators:
	// each list is walked once.
	code, tags := 0, 0
	inside := func(i int) bool {
		at := t.Range.Start + i
		for code < len(t.Code) && t.Code[code].Range.End <= at {
			code++
		}
		for tags < len(t.Tags) && t.Tags[tags].Range.End <= at {
			tags++
		}
		return code < len(t.Code) && at >= t.Code[code].Range.Start || tags < len(t.Tags) && at >= t.Tags[tags].Range.Start
	}
	for i := 0; i < len(raw); i++ {
		n := 0
		switch {
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
		out = append(out, pathSeparator{i, i + n, boldBefore(raw, i) && boldAfter(raw, i+n)})
		i += n - 1
	}
	return out
}

// pathGap reports whether r may stand between a bold label and a path's
// separator: white space and quotation marks.
func pathGap(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' || strings.ContainsRune("\"'“”«»「」『』‘’", r)
}

// boldBefore reports whether raw[:i] ends with a bold label's closing **
// (not an escaped \*), then only gap characters.
func boldBefore(raw string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(raw[:i])
		if !pathGap(r) {
			break
		}
		i -= n
	}
	return i >= 3 && raw[i-2:i] == "**" && raw[i-3] != '\\' && raw[i-3] != '*'
}

// boldAfter reports whether raw[j:] starts, after gap characters, with a
// bold label's opening **.
func boldAfter(raw string, j int) bool {
	for j < len(raw) {
		r, n := utf8.DecodeRuneInString(raw[j:])
		if !pathGap(r) {
			break
		}
		j += n
	}
	return strings.HasPrefix(raw[j:], "**") && !strings.HasPrefix(raw[j:], "***")
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
	report := func(x pathSeparator, path string) {
		r := Range{Start: s.Target.Range.Start + x.start, End: s.Target.Range.Start + x.end}
		p.ReportSegmentAt(s, r, "navigation path broken: this %q stands between no two bold labels; in the source it joins %s", separatorText(s.Target.Raw[x.start:x.end]), path)
	}
	if len(tgt) == len(src) {
		// As many separators: the k-th of the target stands for the k-th
		// of the source (a separator the source has outside a path,
		// "Center > **Data**", is not one of a path in the target either).
		for k, x := range tgt {
			if src[k].joined && !x.joined {
				report(x, paths[k])
			}
		}
		return
	}
	// More separators than the source: the first that join nothing.
	first := ""
	for _, q := range paths {
		if q != "" {
			first = q
			break
		}
	}
	for _, x := range tgt {
		if x.joined {
			continue
		}
		report(x, first)
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
	for k := 0; k < len(seps); k++ {
		if !seps[k].joined {
			continue
		}
		from := k
		start := labelStart(raw, seps[k].start)
		end := labelEnd(raw, seps[k].end)
		var b strings.Builder
		b.WriteString(raw[start:seps[k].start])
		b.WriteString(separatorText(raw[seps[k].start:seps[k].end]))
		b.WriteString(raw[seps[k].end:end])
		// The next separator continues the path when it follows this
		// label directly.
		for k+1 < len(seps) && seps[k+1].joined && strings.TrimFunc(raw[end:seps[k+1].start], pathGap) == "" {
			k++
			next := labelEnd(raw, seps[k].end)
			b.WriteString(raw[end:seps[k].start])
			b.WriteString(separatorText(raw[seps[k].start:seps[k].end]))
			b.WriteString(raw[seps[k].end:next])
			end = next
		}
		q := quoteText(truncateRunes(b.String(), 120))
		for m := from; m <= k; m++ {
			out[m] = q
		}
	}
	return out
}

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
