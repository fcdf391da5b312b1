// Package process holds the steps that run after the rules, in order:
// severity mapping, de-duplication and sorting. Each step is a processor
// with one job, as in golangci-lint's split of finding from filtering.
package process

import (
	"sort"

	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/rules"
)

// Processor transforms the findings of a run.
type Processor interface {
	Name() string
	Process([]report.Finding) []report.Finding
}

// Apply runs the processors in order.
func Apply(fs []report.Finding, ps ...Processor) []report.Finding {
	for _, p := range ps {
		fs = p.Process(fs)
	}
	return fs
}

// Severity sets each finding's severity from a rule-to-severity function
// (the configuration) and drops findings of rules turned off. A finding a
// rule reported below its default severity (one that matters less than
// the rule's others: a broken link the source page has too) stays as many
// levels below the configured severity, and at least a note.
type Severity struct {
	Of func(ruleID string) rules.Severity
	// Default gives a rule's own severity; nil, or Off for a rule it does
	// not know, sets every finding to Of's.
	Default func(ruleID string) rules.Severity
}

// Name implements Processor.
func (Severity) Name() string { return "severity" }

// Process implements Processor.
func (s Severity) Process(fs []report.Finding) []report.Finding {
	out := fs[:0]
	for _, f := range fs {
		sev := s.Of(f.Rule)
		if sev == rules.Off {
			continue
		}
		if s.Default != nil && f.Severity != rules.Off {
			if d := s.Default(f.Rule); d != rules.Off && f.Severity < d {
				sev = max(rules.Note, sev-(d-f.Severity))
			}
		}
		f.Severity = sev
		out = append(out, f)
	}
	return out
}

// Sort orders findings by file, position, rule and message, so output is
// byte-for-byte the same whatever the parallelism.
type Sort struct{}

// Name implements Processor.
func (Sort) Name() string { return "sort" }

// Process implements Processor.
func (Sort) Process(fs []report.Finding) []report.Finding {
	sort.SliceStable(fs, func(i, j int) bool { return Less(&fs[i], &fs[j]) })
	return fs
}

// Less is the report order.
func Less(a, b *report.Finding) bool {
	switch {
	case a.Path != b.Path:
		return a.Path < b.Path
	case a.Range.Start != b.Range.Start:
		return a.Range.Start < b.Range.Start
	case a.Range.End != b.Range.End:
		return a.Range.End < b.Range.End
	case a.Rule != b.Rule:
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// Dedup drops exact repeats (same rule, file, range and message), which
// sorted input places next to each other.
type Dedup struct{}

// Name implements Processor.
func (Dedup) Name() string { return "dedup" }

// Process implements Processor.
func (Dedup) Process(fs []report.Finding) []report.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := fs[i-1]
			if p.Rule == f.Rule && p.Path == f.Path && p.Range == f.Range && p.Message == f.Message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// AtLeast keeps findings at or above a severity (for --quiet style filters).
type AtLeast struct{ Min rules.Severity }

// Name implements Processor.
func (AtLeast) Name() string { return "min-severity" }

// Process implements Processor.
func (a AtLeast) Process(fs []report.Finding) []report.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.Severity >= a.Min {
			out = append(out, f)
		}
	}
	return out
}
