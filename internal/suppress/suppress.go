// Package suppress reads inline suppression directives from a page's HTML
// comments and applies them, and config-level ignores, to findings.
//
// Directives live in HTML comments because those are invisible in rendered
// docs and survive translation tools; code blocks and code spans are never
// read (the caller passes only the comments the Markdown parser found).
//
//	<!-- l10nlint-disable RULE[,RULE...] -- reason -->     from this line...
//	<!-- l10nlint-enable [RULE,...] -->                    ...to this line (inclusive)
//	<!-- l10nlint-disable-next-line RULE[,RULE] -- reason -->
//	<!-- l10nlint-disable-line RULE -- reason -->          the comment's own line(s)
//	<!-- l10nlint-disable-file RULE -- reason -->          the whole file, front matter included
//
// Without RULE a directive covers every rule. Rules are named by ID or
// alias, separated by commas or spaces; the reason follows " -- ".
// Suppression is by line, the finding's start line: Markdown paragraphs are
// often one long line, so a disable and its enable on the same line cover
// that whole line.
package suppress

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// Kind is the directive's keyword.
type Kind int

// Directive kinds.
const (
	Disable Kind = iota + 1
	Enable
	DisableNextLine
	DisableLine
	DisableFile
)

var keywords = map[string]Kind{
	"l10nlint-disable":           Disable,
	"l10nlint-enable":            Enable,
	"l10nlint-disable-next-line": DisableNextLine,
	"l10nlint-disable-line":      DisableLine,
	"l10nlint-disable-file":      DisableFile,
}

func (k Kind) String() string {
	for w, kk := range keywords {
		if kk == k {
			return w
		}
	}
	return "l10nlint-?"
}

// UnusedRule is the rule ID under which the caller reports directives that
// suppress nothing (see UnusedFinding).
const UnusedRule = "unused-suppression"

// Directive is one parsed suppression comment.
type Directive struct {
	Kind Kind
	// Rules are the resolved rule IDs; nil means every rule.
	Rules []string
	// Reason is the justification after " -- " ("" when none was given).
	Reason string
	// Range is the comment's byte range in the page text; Start and End its
	// positions (End exclusive), for reporting the directive itself.
	Range      rules.Range
	Start, End textfile.Position
	// Spans are the lines the directive disables (empty for Enable).
	Spans []Span
	// Path is the file, set by Apply on the directives it returns.
	Path string
}

// Span is a run of lines From..To (inclusive) where rules are disabled:
// Rules (nil: all) minus Except. Line 0 stands for findings that have no
// position (some corpus findings); only l10nlint-disable-file covers it.
type Span struct {
	From, To int
	Rules    []string
	Except   []string
}

func (s Span) covers(line int, rule string) bool {
	if line < s.From || line > s.To {
		return false
	}
	if s.Rules != nil && !contains(s.Rules, rule) {
		return false
	}
	return !contains(s.Except, rule)
}

// String is the directive as written canonically, for messages.
func (d Directive) String() string {
	s := d.Kind.String()
	if len(d.Rules) > 0 {
		s += " " + strings.Join(d.Rules, ",")
	}
	return s
}

// Resolver maps a rule name (ID or alias) to its ID.
type Resolver func(name string) (id string, ok bool)

// Parse reads the directives in comments, the byte ranges of text's whole
// "<!-- ... -->" HTML comments outside code (rules.Page.Comments).
// Comments whose first word does not start with "l10nlint-" are ignored. Unknown keywords, unknown rule
// names and enables that close nothing come back as problems for the
// caller to report; a directive whose rules are all unknown is dropped
// rather than widened to every rule. A nil resolve accepts every name.
func Parse(text string, comments []rules.Range, resolve Resolver) ([]Directive, []rules.Problem) {
	var dirs []Directive
	var problems []rules.Problem
	var directiveComments []rules.Range
	// Regions pair disables with enables in document order.
	comments = append([]rules.Range(nil), comments...)
	sort.Slice(comments, func(i, j int) bool { return comments[i].Start < comments[j].Start })
	for _, r := range comments {
		if r.Start < 0 || r.End > len(text) || r.Start > r.End {
			continue
		}
		d, probs, ok := parseComment(text, r, resolve)
		problems = append(problems, probs...)
		if ok {
			directiveComments = append(directiveComments, r)
			if d != nil {
				dirs = append(dirs, *d)
			}
		}
	}
	if len(dirs) == 0 {
		return nil, problems
	}
	lines := textfile.NewLines(text)
	for i := range dirs {
		d := &dirs[i]
		d.Start = lines.Position(d.Range.Start)
		d.End = lines.Position(d.Range.End)
	}
	problems = append(problems, spans(text, lines, dirs, directiveComments)...)
	return dirs, problems
}

// parseComment reads one comment. ok reports whether it is an l10nlint
// comment at all; d is nil when it is one but unusable.
func parseComment(text string, r rules.Range, resolve Resolver) (d *Directive, problems []rules.Problem, ok bool) {
	raw := text[r.Start:r.End]
	if !strings.HasPrefix(raw, "<!--") || !strings.HasSuffix(raw, "-->") || len(raw) < len("<!---->") {
		return nil, nil, false
	}
	bodyStart := r.Start + len("<!--")
	body := text[bodyStart : r.End-len("-->")]
	// Tokenize with byte offsets so problems point at the offending name.
	type token struct {
		s   string
		off int
	}
	var toks []token
	reason := ""
	for i := 0; i < len(body); {
		if isSpace(body[i]) || body[i] == ',' {
			i++
			continue
		}
		if strings.HasPrefix(body[i:], "--") && len(toks) > 0 {
			reason = strings.Join(strings.Fields(body[i+2:]), " ")
			break
		}
		j := i
		for j < len(body) && body[j] != ',' && !isSpace(body[j]) {
			j++
		}
		toks = append(toks, token{body[i:j], bodyStart + i})
		i = j
	}
	if len(toks) == 0 || !strings.HasPrefix(toks[0].s, "l10nlint-") {
		return nil, nil, false
	}
	kind, known := keywords[toks[0].s]
	if !known {
		return nil, []rules.Problem{{Range: rules.Range{Start: toks[0].off, End: toks[0].off + len(toks[0].s)},
			Message: fmt.Sprintf("unknown directive %q (want l10nlint-disable, -enable, -disable-next-line, -disable-line or -disable-file)", toks[0].s)}}, true
	}
	d = &Directive{Kind: kind, Reason: reason, Range: r}
	for _, t := range toks[1:] {
		id, found := t.s, true
		if resolve != nil {
			id, found = resolve(t.s)
		}
		if !found {
			problems = append(problems, rules.Problem{Range: rules.Range{Start: t.off, End: t.off + len(t.s)},
				Message: fmt.Sprintf("%s: unknown rule %q", kind, t.s)})
			continue
		}
		if !contains(d.Rules, id) {
			d.Rules = append(d.Rules, id)
		}
	}
	if len(toks) > 1 && len(d.Rules) == 0 {
		return nil, problems, true
	}
	return d, problems, true
}

// open is a disable region waiting for its enable.
type open struct {
	dir  int
	span Span
}

// spans fills each directive's Spans, walking the directives in order and
// pairing disables with enables.
func spans(text string, lines *textfile.Lines, dirs []Directive, directiveComments []rules.Range) []rules.Problem {
	var problems []rules.Problem
	var regions []open
	for i := range dirs {
		d := &dirs[i]
		first, last := d.Start.Line, lines.Position(max(d.Range.Start, d.Range.End-1)).Line
		switch d.Kind {
		case DisableFile:
			d.Spans = []Span{{From: 0, To: math.MaxInt, Rules: d.Rules}}
		case DisableLine:
			d.Spans = []Span{{From: first, To: last, Rules: d.Rules}}
		case DisableNextLine:
			n := nextLine(text, lines, last, directiveComments)
			d.Spans = []Span{{From: n, To: n, Rules: d.Rules}}
		case Disable:
			regions = append(regions, open{dir: i, span: Span{From: first, Rules: d.Rules}})
		case Enable:
			closed := false
			var still []open
			for _, o := range regions {
				keep, done := enable(dirs, o, d.Rules, first)
				closed = closed || done
				if keep != nil {
					still = append(still, *keep)
				}
			}
			regions = still
			if !closed {
				problems = append(problems, rules.Problem{Range: d.Range,
					Message: fmt.Sprintf("%s matches no open l10nlint-disable", d)})
			}
		}
	}
	// A disable without enable runs to the end of the file.
	for _, o := range regions {
		o.span.To = math.MaxInt
		dirs[o.dir].Spans = append(dirs[o.dir].Spans, o.span)
	}
	return problems
}

// enable applies an enable of ids (nil: all) on line to the open region o:
// the part it closes goes to the disable's Spans; keep is what stays open.
func enable(dirs []Directive, o open, ids []string, line int) (keep *open, closed bool) {
	sp := o.span
	switch {
	case ids == nil:
		sp.To = line
		dirs[o.dir].Spans = append(dirs[o.dir].Spans, sp)
		return nil, true
	case sp.Rules == nil:
		// Re-enabling some rules inside a disable of all: the region goes
		// on after this line without them.
		add := minus(ids, sp.Except)
		if len(add) == 0 {
			return &o, false
		}
		sp.To = line
		dirs[o.dir].Spans = append(dirs[o.dir].Spans, sp)
		o.span = Span{From: line + 1, Except: append(append([]string(nil), sp.Except...), add...)}
		return &o, true
	}
	both := intersect(sp.Rules, ids)
	if len(both) == 0 {
		return &o, false
	}
	dirs[o.dir].Spans = append(dirs[o.dir].Spans, Span{From: sp.From, To: line, Rules: both})
	if rest := minus(sp.Rules, ids); len(rest) > 0 {
		o.span.Rules = rest
		return &o, true
	}
	return nil, true
}

// nextLine is the first line after line that is neither blank nor made only
// of l10nlint comments, so stacked directives all reach the text below
// them; it is past the end of the file when there is none.
func nextLine(text string, lines *textfile.Lines, line int, directiveComments []rules.Range) int {
	for n := line + 1; n <= lines.Count(); n++ {
		start, end := lines.LineStart(n), len(text)
		if n < lines.Count() {
			end = lines.LineStart(n + 1)
		}
		for i := start; i < end; i++ {
			if isSpace(text[i]) {
				continue
			}
			in := false
			for _, c := range directiveComments {
				if c.Start <= i && i < c.End {
					in = true
					i = c.End - 1
					break
				}
			}
			if !in {
				return n
			}
		}
	}
	return lines.Count() + 1
}

// Suppressed is a finding a directive silenced, kept so JSON and SARIF can
// still show it with its justification (SARIF: suppressions[{kind:
// "inSource", justification: Reason}]).
type Suppressed struct {
	Finding report.Finding
	// Directive is the most specific directive that covers the finding.
	Directive Directive
	Reason    string
}

// Apply suppresses the findings of path covered by dirs (the directives
// Parse found in that file); findings of other files are kept untouched.
// A directive that suppresses nothing is returned in unused; one naming
// several rules of which only some suppressed something is returned with
// Rules narrowed to the unused ones. kept keeps the input order.
func Apply(findings []report.Finding, dirs []Directive, path string) (kept []report.Finding, suppressed []Suppressed, unused []Directive) {
	return ApplyAll(findings, map[string][]Directive{path: dirs})
}

// ApplyAll is Apply for many files at once: byPath maps a finding path to
// the directives of that file. Unused directives come file by file in
// byPath's sorted key order.
func ApplyAll(findings []report.Finding, byPath map[string][]Directive) (kept []report.Finding, suppressed []Suppressed, unused []Directive) {
	if len(byPath) == 0 {
		return findings, nil, nil // no directive anywhere: nothing to do
	}
	kept = make([]report.Finding, 0, len(findings))
	type use struct {
		any   bool
		rules map[string]bool
	}
	used := map[string][]use{}
	for p, ds := range byPath {
		used[p] = make([]use, len(ds))
	}
	for _, f := range findings {
		ds := byPath[f.Path]
		best, bestWidth := -1, 0
		for i, d := range ds {
			for _, s := range d.Spans {
				if !s.covers(f.Start.Line, f.Rule) {
					continue
				}
				// Every covering directive counts as used, so overlapping
				// ones are not reported as unused; the narrowest gives the
				// reason.
				u := &used[f.Path][i]
				u.any = true
				if u.rules == nil {
					u.rules = map[string]bool{}
				}
				u.rules[f.Rule] = true
				if w := s.To - s.From; best < 0 || w < bestWidth {
					best, bestWidth = i, w
				}
			}
		}
		if best < 0 {
			kept = append(kept, f)
			continue
		}
		d := ds[best]
		d.Path = f.Path
		suppressed = append(suppressed, Suppressed{Finding: f, Directive: d, Reason: d.Reason})
	}
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for i, d := range byPath[p] {
			if d.Kind == Enable {
				continue
			}
			d.Path = p
			u := used[p][i]
			switch {
			case !u.any:
				unused = append(unused, d)
			case d.Rules != nil:
				var idle []string
				for _, r := range d.Rules {
					if !u.rules[r] {
						idle = append(idle, r)
					}
				}
				if len(idle) > 0 {
					d.Rules = idle
					unused = append(unused, d)
				}
			}
		}
	}
	return kept, suppressed, unused
}

// UnusedFinding is the finding the caller reports for an unused directive,
// at the comment: rule UnusedRule, default severity warning. The caller
// places it (Start/End are d.Start and d.End) and fingerprints it like any
// other finding.
func UnusedFinding(d Directive) rules.Finding {
	what := "no finding"
	if d.Rules != nil {
		what = "no finding of " + strings.Join(d.Rules, ", ")
	}
	return rules.Finding{Rule: UnusedRule, Severity: rules.Warning, Path: d.Path, Range: d.Range,
		Message: fmt.Sprintf("%s suppresses %s", d.Kind, what)}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// isSpace is ASCII white space: testing bytes with unicode.IsSpace would
// split UTF-8 sequences at continuation bytes 0x85 and 0xA0.
func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}
