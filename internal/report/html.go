package report

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

//go:embed html_template.html
var htmlTemplateText string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	// group is the data of a summary group: a title, the filter key of
	// its checkboxes and its rows.
	"group": func(title, key string, rows []htmlCount) any {
		return struct {
			Title, Key string
			Rows       []htmlCount
		}{title, key, rows}
	},
}).Parse(htmlTemplateText))

// WriteHTML writes run as one self-contained HTML page (inline CSS and
// JavaScript, no external resources) for reviewers and translation vendors:
//
//   - a sidebar that summarizes the findings per severity, locale and rule
//     with bar charts, whose rows are also the filters (checkboxes), and a
//     search box;
//   - every finding, in run order: severity, rule (linking to the rule's
//     description at the end of the page), locale, path:line:col, message,
//     and the segment's raw Markdown source and target side by side with
//     the flagged text (Snippet) highlighted in the target; when the
//     snippet occurs several times there, the occurrence is worked out
//     from the finding's position (see spanOffsets). Findings off a
//     segment, and snippets not found in the target, show the flagged text
//     on its own;
//   - the description of every enabled rule (Short, Doc, options, help URI).
//
// Filtering hides rows with the hidden attribute and updates the count of
// shown findings. The page reads and writes its filters in the URL
// fragment, so a filtered view can be bookmarked or sent:
// report.html#rule=number-mismatch,link-mismatch&locale=fr-FR&severity=error&q=ISO
// (each key is optional and takes comma-separated values; q is a
// case-insensitive substring of the finding's text).
//
// The page is written with html/template, so finding text cannot inject
// markup or script, and control and bidi-override characters are shown as
// \xNN or \uNNNN escapes. The output depends only on run (no timestamps).
// The Options are unused.
func WriteHTML(w io.Writer, run *Run, _ Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := htmlTemplate.Execute(bw, newHTMLReport(run)); err != nil {
		return err
	}
	return bw.Flush()
}

// htmlReport is the data of the HTML template.
type htmlReport struct {
	Tool, Version          string
	Files, Segments, Total string
	TotalLabel             string
	Suppressed             int
	Severities             []htmlCount
	Locales                []htmlCount
	Rules                  []htmlCount
	RuleDocs               []htmlRule
	Findings               []htmlFinding
	HasFindings            bool
}

// htmlCount is one row of a summary chart and filter.
type htmlCount struct {
	Name, Label string
	N           string
	Bars        []htmlBar
}

// htmlBar is one severity's part of a stacked bar, Width in percent of the
// chart's longest bar.
type htmlBar struct {
	Class, Title string
	Width        string
}

// htmlRule is a rule's description.
type htmlRule struct {
	ID, Short, Doc, Severity, Class, HelpURI string
	Tags, Aliases                            string
	Options                                  []OptionInfo
	N                                        string
}

// htmlFinding is one finding row. Rule and Locale are indexes into the
// rule and locale filters.
type htmlFinding struct {
	Class, Severity   string
	Rule, Locale      int
	RuleID, LocaleTag string
	Where, Message    string
	// Segment findings show Source and the target split around the flagged
	// text (Before, Mark, After); Flagged is the flagged text shown on its
	// own, when it is not found in the target or the finding is off a
	// segment.
	Segment             bool
	Source              string
	Before, Mark, After string
	Flagged             string
	// All is set when the flagged text is the whole target: the target
	// is highlighted as a whole instead of marked.
	All bool
}

// severityOrder lists the severities as the report shows them.
var severityOrder = []rules.Severity{rules.Error, rules.Warning, rules.Note}

// htmlSeverity is the severity a finding is shown and filtered under:
// error, warning, or note for anything else.
func htmlSeverity(s rules.Severity) rules.Severity {
	if s == rules.Error || s == rules.Warning {
		return s
	}
	return rules.Note
}

func severityClass(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "e"
	case rules.Warning:
		return "w"
	}
	return "n"
}

func newHTMLReport(run *Run) *htmlReport {
	fs := run.Findings
	r := &htmlReport{
		Tool:        toolName,
		Version:     run.Version,
		Files:       countOf(run.Files, "file"),
		Segments:    countOf(run.Segments, "segment"),
		Total:       thousands(len(fs)),
		TotalLabel:  countOf(len(fs), "finding"),
		Suppressed:  len(run.Suppressed),
		HasFindings: len(fs) > 0,
	}

	// Per-severity counts of each rule and locale, for the stacked bars,
	// indexed by severity.
	type tally struct {
		n     int
		bySev [rules.Error + 1]int
	}
	byRule, byLocale := map[string]*tally{}, map[string]*tally{}
	var bySev [rules.Error + 1]int
	add := func(m map[string]*tally, k string, s rules.Severity) {
		t := m[k]
		if t == nil {
			t = &tally{}
			m[k] = t
		}
		t.n++
		t.bySev[s]++
	}
	for _, f := range fs {
		s := htmlSeverity(f.Severity)
		add(byRule, f.Rule, s)
		add(byLocale, f.Locale, s)
		bySev[s]++
	}

	// Rules by count, most first; locales by name, unknown last.
	ruleIDs := make([]string, 0, len(byRule))
	for id := range byRule {
		ruleIDs = append(ruleIDs, id)
	}
	sort.Slice(ruleIDs, func(i, j int) bool {
		a, b := byRule[ruleIDs[i]].n, byRule[ruleIDs[j]].n
		if a != b {
			return a > b
		}
		return ruleIDs[i] < ruleIDs[j]
	})
	locales := make([]string, 0, len(byLocale))
	for l := range byLocale {
		locales = append(locales, l)
	}
	sort.Slice(locales, func(i, j int) bool {
		a, b := locales[i], locales[j]
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})

	maxOf := func(m map[string]*tally) int {
		n := 0
		for _, t := range m {
			n = max(n, t.n)
		}
		return n
	}
	stacked := func(t *tally, most int) []htmlBar {
		var bars []htmlBar
		for _, s := range severityOrder {
			if n := t.bySev[s]; n > 0 {
				bars = append(bars, htmlBar{Class: severityClass(s), Title: Plural(n, s.String()), Width: barWidth(n, most)})
			}
		}
		return bars
	}
	most := max(bySev[rules.Error], bySev[rules.Warning], bySev[rules.Note])
	for _, s := range severityOrder {
		n := bySev[s]
		c := htmlCount{Name: s.String(), Label: s.String(), N: thousands(n)}
		if n > 0 {
			c.Bars = []htmlBar{{Class: severityClass(s), Title: Plural(n, s.String()), Width: barWidth(n, most)}}
		}
		r.Severities = append(r.Severities, c)
	}
	most = maxOf(byLocale)
	localeIndex := map[string]int{}
	for i, l := range locales {
		localeIndex[l] = i
		name, label := l, l
		if l == "" {
			name, label = "?", "(unknown)"
		}
		r.Locales = append(r.Locales, htmlCount{Name: name, Label: label, N: thousands(byLocale[l].n), Bars: stacked(byLocale[l], most)})
	}
	most = maxOf(byRule)
	ruleIndex := map[string]int{}
	for i, id := range ruleIDs {
		ruleIndex[id] = i
		r.Rules = append(r.Rules, htmlCount{Name: id, Label: id, N: thousands(byRule[id].n), Bars: stacked(byRule[id], most)})
	}

	// Rule descriptions: the enabled rules, then rules that have findings
	// but are not listed (custom or crashed rules), by ID.
	listed := map[string]bool{}
	for _, ri := range run.Rules {
		listed[ri.ID] = true
		n := 0
		if t := byRule[ri.ID]; t != nil {
			n = t.n
		}
		r.RuleDocs = append(r.RuleDocs, htmlRule{
			ID: ri.ID, Short: ri.Short, Doc: visible(strings.TrimSpace(ri.Doc)), Severity: ri.Severity.String(), Class: severityClass(ri.Severity),
			HelpURI: ri.HelpURI, Tags: strings.Join(ri.Tags, ", "), Aliases: strings.Join(ri.Aliases, ", "),
			Options: ri.Options, N: countOf(n, "finding"),
		})
	}
	var unlisted []string
	for id := range byRule {
		if !listed[id] {
			unlisted = append(unlisted, id)
		}
	}
	sort.Strings(unlisted)
	for _, id := range unlisted {
		r.RuleDocs = append(r.RuleDocs, htmlRule{ID: id, Short: "(not among the enabled rules)", N: countOf(byRule[id].n, "finding")})
	}

	spans := spanOffsets(fs)
	r.Findings = make([]htmlFinding, len(fs))
	for i := range fs {
		f := &fs[i]
		sev := htmlSeverity(f.Severity)
		h := htmlFinding{
			Class: severityClass(sev), Severity: sev.String(),
			Rule: ruleIndex[f.Rule], Locale: localeIndex[f.Locale],
			RuleID: f.Rule, LocaleTag: f.Locale,
			Where: visible(f.Path), Message: visible(f.Message),
		}
		if f.Start.Line > 0 {
			h.Where += ":" + strconv.Itoa(f.Start.Line) + ":" + strconv.Itoa(f.Start.Col)
		}
		if f.onSegment() {
			h.Segment = true
			h.Source = visible(f.Source)
			switch at := spans[i]; {
			case strings.TrimSpace(f.Target) == "":
				// Shown as "(empty)"; a blank target flagged as a whole
				// needs no mark.
				if f.Snippet != f.Target {
					h.Flagged = visible(f.Snippet)
				}
			case at == 0 && len(f.Snippet) == len(f.Target):
				h.All, h.Before = true, visible(f.Target)
			case at >= 0:
				end := at + len(f.Snippet)
				h.Before, h.Mark, h.After = visible(f.Target[:at]), visible(f.Target[at:end]), visible(f.Target[end:])
			default:
				h.Before = visible(f.Target)
				h.Flagged = visible(f.Snippet)
			}
		} else {
			h.Flagged = visible(f.Snippet)
		}
		r.Findings[i] = h
	}
	return r
}

// barWidth is n's share of most in percent, at least 0.5 so that a count
// of one still shows.
func barWidth(n, most int) string {
	if most <= 0 {
		return "0"
	}
	w := max(float64(n)*100/float64(most), 0.5)
	return strconv.FormatFloat(w, 'f', 1, 64)
}

// countOf is n and word, plural unless n is 1: "1 finding", "1,234 findings".
func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return thousands(n) + " " + word + "s"
}

// thousands writes n with comma thousands separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// visible escapes control characters (but tabs and line breaks, which the
// page shows as such) and bidi controls, so a finding cannot reorder or hide
// text; CRLF and lone CR become LF.
func visible(s string) string {
	clean := true
	for _, r := range s {
		if isHidden(r) || r == '\r' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case isHidden(r):
			writeVisible(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isHidden(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// maxOccurrences bounds the occurrences of a snippet considered in one
// target.
const maxOccurrences = 256

// spanOffsets returns, for each finding on a segment, the byte offset in
// its Target of the text it flags, or -1 (off a segment, or the snippet is
// not in the target).
//
// A finding knows its position in the file but not where the target starts,
// and a snippet such as ")" or "12" may occur several times in a target. The
// findings of one segment share the target's start (line and column, on the
// line of the segment's opening tag): each occurrence of a snippet implies a
// start, and the start implied by the most findings wins. An occurrence is
// impossible when its implied start leaves no room for the opening tag, or,
// after a line break in the target, when its column is not the finding's.
// When no start wins (a lone finding with several possible occurrences),
// the k-th distinct position flagged with the same snippet takes the k-th
// possible occurrence, else the first.
func spanOffsets(fs []Finding) []int {
	out := make([]int, len(fs))
	type segKey struct{ path, id, target string }
	groups := map[segKey][]int{}
	var keys []segKey
	for i := range fs {
		out[i] = -1
		f := &fs[i]
		if !f.onSegment() || f.Snippet == "" || !strings.Contains(f.Target, f.Snippet) {
			continue
		}
		k := segKey{f.Path, f.SegmentID, f.Target}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range keys {
		locateSpans(fs, groups[k], out)
	}
	return out
}

// targetStart is where a target starts in its file; col is 0 when unknown
// (implied by an occurrence after a line break in the target).
type targetStart struct{ line, col int }

func locateSpans(fs []Finding, idx []int, out []int) {
	target := fs[idx[0]].Target
	lines := textfile.NewLines(target)
	// The target follows <span data-ttu-id=ID> on its line.
	minCol := 1 + len("<span data-ttu-id=>") + utf8.RuneCountInString(fs[idx[0]].SegmentID)

	type candidate struct {
		off   int
		start targetStart
	}
	cands := make([][]candidate, len(idx))
	all := make([][]int, len(idx))
	for j, i := range idx {
		f := &fs[i]
		for from := 0; len(all[j]) < maxOccurrences; {
			o := strings.Index(target[from:], f.Snippet)
			if o < 0 {
				break
			}
			o += from
			from = o + 1
			all[j] = append(all[j], o)
			if f.Start.Line < 1 {
				continue
			}
			p := lines.Position(o)
			var s targetStart
			if p.Line == 1 {
				s = targetStart{f.Start.Line, f.Start.Col - (p.Col - 1)}
				if s.col < minCol {
					continue
				}
			} else {
				s = targetStart{f.Start.Line - (p.Line - 1), 0}
				if p.Col != f.Start.Col || s.line < 1 {
					continue
				}
			}
			cands[j] = append(cands[j], candidate{o, s})
		}
	}

	// Score each full start by the findings that have an occurrence there:
	// one implying that start, or one after a line break on its line.
	full := map[targetStart]int{}
	lineOnly := map[int]int{}
	both := map[targetStart]int{}
	for j := range idx {
		starts, lines := map[targetStart]bool{}, map[int]bool{}
		for _, c := range cands[j] {
			if c.start.col == 0 {
				lines[c.start.line] = true
			} else {
				starts[c.start] = true
			}
		}
		for s := range starts {
			full[s]++
			if lines[s.line] {
				both[s]++
			}
		}
		for l := range lines {
			lineOnly[l]++
		}
	}
	best, bestN, tie := targetStart{}, 0, false
	for s, n := range full {
		n += lineOnly[s.line] - both[s]
		switch {
		case n > bestN:
			best, bestN, tie = s, n, false
		case n == bestN:
			tie = true
		}
	}
	found := bestN > 0 && !tie

	// Distinct flagged positions per snippet, for the fallback.
	positions := map[string][]int{}
	for _, i := range idx {
		positions[fs[i].Snippet] = append(positions[fs[i].Snippet], fs[i].Range.Start)
	}
	for sn, ps := range positions {
		sort.Ints(ps)
		u := ps[:0]
		for k, p := range ps {
			if k == 0 || p != ps[k-1] {
				u = append(u, p)
			}
		}
		positions[sn] = u
	}

	for j, i := range idx {
		f := &fs[i]
		out[i] = -1
		if found {
			for _, c := range cands[j] {
				if c.start == best || (c.start.col == 0 && c.start.line == best.line) {
					out[i] = c.off
					break
				}
			}
			if out[i] >= 0 {
				continue
			}
		}
		options := all[j]
		if len(cands[j]) > 0 {
			options = make([]int, len(cands[j]))
			for k, c := range cands[j] {
				options[k] = c.off
			}
		}
		k := sort.SearchInts(positions[f.Snippet], f.Range.Start)
		if k < len(options) {
			out[i] = options[k]
		} else {
			out[i] = options[0]
		}
	}
}
