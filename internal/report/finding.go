// Package report writes findings as text, JSON or SARIF.
package report

import (
	"sort"
	"strconv"

	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// Finding is a rules.Finding placed in its file: start and end positions of
// its range, the page locale and a stable fingerprint.
type Finding struct {
	rules.Finding
	// Start and End bound the exact text the finding is about (End is
	// exclusive: the position just after the last character).
	Start, End textfile.Position
	// Locale is the page's target locale ("" when unknown).
	Locale string
	// Fingerprint identifies the finding across unrelated edits and line
	// shifts: a hash of rule, project path and the segment (or flagged)
	// text.
	Fingerprint string
	// ProjectPath is the file's path relative to the configuration file's
	// directory (the project), the same wherever the check runs from; Path
	// as displayed when there is no configuration file. Fingerprints and
	// baselines use it.
	ProjectPath string
	// Snippet is the flagged text itself (Page.Text[Range]).
	Snippet string
	// Justification is, for a finding an l10nlint-disable directive
	// silenced, the reason the directive gives.
	Justification string
	// FixPlaces are the positions of the Fixes' ranges, one per edit; JSON
	// and SARIF write the fixes that have them.
	FixPlaces []Span
	// TargetOffset is, when InTarget, the byte offset of the flagged text
	// in Target: the text format highlights that very place, where the
	// same text may occur earlier in the segment.
	TargetOffset int
	InTarget     bool
	// NotRewritten is set on a finding with Fixes in a file check --fix
	// does not rewrite (not UTF-8): the fixes are shown, not counted as
	// --fix's.
	NotRewritten bool
}

// Span is a range of a file by positions: End is exclusive.
type Span struct {
	Start, End textfile.Position
}

// Run is everything a report shows.
type Run struct {
	Findings []Finding
	// Suppressed are findings silenced by l10nlint-disable directives: JSON
	// and SARIF keep them (SARIF as suppressed results), text counts them.
	Suppressed []Finding
	// Rules are the rules that were enabled, with their effective severity.
	Rules []RuleInfo
	// Files is the number of files checked, Segments the number of segments.
	Files, Segments int
	// Version is l10nlint's version.
	Version string
	// Root is SARIF's %SRCROOT%, the folder its paths are given from (a
	// repository's top); Dir the folder the findings' relative paths are
	// relative to (the working directory), when it is not Root.
	Root, Dir string
}

// RuleDocsURL is where the generated rule documentation (docs/rules.md) is
// published; a rule's ID is its anchor. SARIF help and LSP diagnostics link
// to it.
const RuleDocsURL = "https://github.com/l10nlint/l10nlint/blob/main/docs/rules.md#"

// RuleInfo describes a rule for reports.
type RuleInfo struct {
	ID, Short, Doc string
	Severity       rules.Severity
	Tags           []string
	HelpURI        string
	// Aliases are other names the rule is accepted under.
	Aliases []string
	// Options are the rule's options with their defaults, in declaration
	// order (NewRuleInfo fills them from a rules.Rule).
	Options []OptionInfo
}

// OptionInfo describes one rule option for documentation. Default is the
// default value written as in the configuration file ("true", "20",
// "[title, description]", "[]").
type OptionInfo struct {
	Name, Default, Doc string
}

// Options control the text format.
type Options struct {
	Color bool
	// Quiet prints one line per finding and nothing else (text format).
	Quiet bool
	// Fixed is set when check --fix ran: the findings left have no fix it
	// could apply, so the text summary does not offer one.
	Fixed bool
	// MaxResults caps the results of a SARIF log (0: no cap): GitHub code
	// scanning rejects a run of more than 25,000 (GitHubMaxResults). The
	// most severe are kept, and the log says how many were left out.
	MaxResults int
	// FixCommand is the command that applies the findings' fixes, shown
	// by the text summary ("l10nlint check --fix fr-FR"); empty: the bare
	// "l10nlint check --fix".
	FixCommand string
}

// GitHubMaxResults is the most results GitHub code scanning accepts in one
// SARIF run; it stores the 5,000 most severe of them.
const GitHubMaxResults = 25000

// SARIFDropped returns how many results a SARIF log of run leaves out
// under the cap max (0: no cap).
func SARIFDropped(run *Run, max int) int {
	if n := len(run.Findings) + len(run.Suppressed); max > 0 && n > max {
		return n - max
	}
	return 0
}

// numberedFingerprints returns the fingerprints of run's findings and of
// its suppressed ones, a repeat (the same text repeated on a page, with the
// same problem) numbered -2, -3... in document order — reported and
// suppressed together, so that silencing one repeat with a directive leaves
// the others' numbers (one a configured ignore drops is gone, and renumbers
// those after it) — so that each names one result: GitHub code scanning takes
// results that share a fingerprint for one. An empty fingerprint stays
// empty.
func numberedFingerprints(run *Run) (found, suppressed []string) {
	type ref struct {
		f   *Finding
		out *string
	}
	found, suppressed = make([]string, len(run.Findings)), make([]string, len(run.Suppressed))
	byFP := map[string][]ref{}
	var order []string
	add := func(f *Finding, out *string) {
		if f.Fingerprint == "" {
			return
		}
		if _, ok := byFP[f.Fingerprint]; !ok {
			order = append(order, f.Fingerprint)
		}
		byFP[f.Fingerprint] = append(byFP[f.Fingerprint], ref{f, out})
	}
	for i := range run.Findings {
		add(&run.Findings[i], &found[i])
	}
	for i := range run.Suppressed {
		add(&run.Suppressed[i], &suppressed[i])
	}
	for _, fp := range order {
		refs := byFP[fp]
		sort.SliceStable(refs, func(a, b int) bool {
			fa, fb := refs[a].f, refs[b].f
			if fa.Path != fb.Path {
				return fa.Path < fb.Path
			}
			return fa.Range.Start < fb.Range.Start
		})
		for n, r := range refs {
			*r.out = fp
			if n > 0 {
				*r.out = fp + "-" + strconv.Itoa(n+1)
			}
		}
	}
	return found, suppressed
}

// onSegment reports whether f is about a segment: a side-by-side one (its
// id), or a pair of aligned blocks of a monolingual page (no id, but
// texts).
func (f *Finding) onSegment() bool {
	return f.SegmentID != "" || f.Source != "" || f.Target != ""
}

// contextLines are the source and target of a finding on a segment, for
// formats whose viewers show a message and not the page (GitHub
// annotations and code scanning): "source: ...", "target: ...", each
// folded and cut to contextWidth characters. "" when f is on no segment.
func contextLines(f *Finding) string {
	if !f.onSegment() {
		return ""
	}
	cut := func(s string) string {
		s = fold(s)
		if r := []rune(s); len(r) > contextWidth {
			return string(r[:contextWidth-1]) + "…"
		}
		return s
	}
	return "source: " + cut(f.Source) + "\ntarget: " + cut(f.Target)
}

// contextWidth is the most characters contextLines shows of a text.
const contextWidth = 200
