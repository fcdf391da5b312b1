// Package rules holds l10nlint's rule API and its built-in rules.
//
// A rule is a plain value, like go/analysis's Analyzer: an ID, documentation,
// a default severity, declared options and a Run function that reads one
// parsed page and reports findings. Rules register themselves in the default
// registry from init functions, so a team can build its own binary with extra
// rules by importing a package that calls Register.
package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Severity orders findings; higher is more severe.
type Severity int

// Severities. Off disables a rule.
const (
	Off Severity = iota
	Note
	Warning
	Error
)

// Below is the severity a level below s, at least Note: that of a finding
// that matters less than its rule's others.
func (s Severity) Below() Severity {
	if s <= Note {
		return s
	}
	return s - 1
}

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "error", "warning", "note" or "off".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "note", "info":
		return Note, nil
	case "off", "none", "disable", "disabled":
		return Off, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, note or off)", s)
}

// Option declares one rule option with its default value. The default's Go
// type (bool, int, float64, string, []string) is the option's type.
type Option struct {
	Name    string
	Default any
	Doc     string
	// Values, when set, are the values a string option takes: another
	// is a configuration error.
	Values []string
}

// Rule is one check.
type Rule struct {
	// ID is the stable kebab-case name used in config, output and suppressions.
	ID string
	// Aliases are other accepted names.
	Aliases []string
	// Tags group rules ("segment", "numbers", "links", "markup", "front-matter").
	Tags []string
	// Short is a one-line description; Doc the long one (plain text, may have
	// paragraphs and examples).
	Short string
	Doc   string
	// Severity is the default severity; Off means the rule is opt-in.
	Severity Severity
	Options  []Option
	// Run checks one page. It must not keep references to the page.
	Run func(*Pass)
	// Monolingual: Run is also given monolingual translated pages (no
	// side-by-side segments) as pages of segments: their blocks paired with
	// their source page's where the two pages' structure agrees (see the
	// README). Segment IDs are empty there, and the source texts' ranges
	// lie past the page's own text: report on the target.
	Monolingual bool
	// RunCorpus checks one page against the rest of the documentation set
	// (its source page, its sibling translations). A rule has Run, RunCorpus
	// or both.
	RunCorpus func(*CorpusPass)
}

// Finding is one reported problem.
type Finding struct {
	Rule string
	// Severity is the rule's, or lower for a finding that matters less
	// than its others (see Severity.Below): the configuration sets the
	// rule's severity, and such a finding stays as many levels below it.
	Severity Severity
	Path     string
	Range    Range
	Message  string
	// Key, when set, stands for Message in the finding's fingerprint: the
	// message without figures that change with the rest of the set (a
	// locale's completion), so that baselines keep matching.
	Key string
	// Anywhere marks a finding about a group of places (inconsistent-
	// translation): the same problem whichever of its pages it is reported
	// on, which depends on the files a run names. Baselines match it by its
	// rule and Key, wherever it lands.
	Anywhere bool
	// Locale, when set, is the locale the finding is about when it is not
	// the page's: the missing translation's, for a finding on a source page.
	Locale string
	// SegmentID is the data-ttu-id of the segment, if the finding is on one.
	SegmentID string
	// Source and Target are the segment's raw texts, for display.
	Source, Target string
	// Loc, when set, gives the positions of Range: corpus rules report after
	// the page text is gone.
	Loc *Loc
	// Fixes are byte-range edits of Page.Text that repair the problem
	// mechanically (check --fix applies them); empty when no safe fix exists.
	Fixes []Edit
}

// Edit replaces Page.Text[Range] with New.
type Edit struct {
	Range Range
	New   string
}

// Pass is what a rule's Run receives: the page, the rule's options and a way
// to report.
type Pass struct {
	Page    *Page
	Rule    *Rule
	Options map[string]any
	// DoNotTranslate are terms that are kept verbatim in every locale.
	DoNotTranslate []string
	// Glossaries are the configured glossaries by locale ("fr-FR").
	Glossaries map[string]*Glossary
	Report     func(Finding)
}

// Reportf reports a finding at r.
func (p *Pass) Reportf(r Range, format string, args ...any) {
	p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: r,
		Message: fmt.Sprintf(format, args...)})
}

// ReportSegment reports a finding on the target text of seg (on its whole
// markup when the target is empty).
func (p *Pass) ReportSegment(seg *Segment, format string, args ...any) {
	p.ReportSegmentAt(seg, seg.Target.Range, format, args...)
}

// ReportSegmentAt reports a finding about seg at r.
func (p *Pass) ReportSegmentAt(seg *Segment, r Range, format string, args ...any) {
	if r.Len() == 0 && r == seg.Target.Range {
		r = seg.Range
	}
	p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: r,
		Message: fmt.Sprintf(format, args...), SegmentID: seg.ID, Source: seg.Source.Raw, Target: seg.Target.Raw})
}

func (p *Pass) option(name string) any {
	if v, ok := p.Options[name]; ok {
		return v
	}
	for _, o := range p.Rule.Options {
		if o.Name == name {
			return o.Default
		}
	}
	panic(fmt.Sprintf("rule %s has no option %q", p.Rule.ID, name))
}

// Int returns an integer option.
func (p *Pass) Int(name string) int { return p.option(name).(int) }

// Float returns a float option.
func (p *Pass) Float(name string) float64 { return p.option(name).(float64) }

// Bool returns a boolean option.
func (p *Pass) Bool(name string) bool { return p.option(name).(bool) }

// String returns a string option.
func (p *Pass) String(name string) string { return p.option(name).(string) }

// Strings returns a string-list option.
func (p *Pass) Strings(name string) []string { return p.option(name).([]string) }

// Registry is a set of rules by ID and alias.
type Registry struct {
	mu    sync.RWMutex
	byID  map[string]*Rule
	names map[string]*Rule
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byID: map[string]*Rule{}, names: map[string]*Rule{}}
}

// Register adds r; it fails on a missing or duplicate ID or alias.
func (g *Registry) Register(r *Rule) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if r.ID == "" || r.Run == nil && r.RunCorpus == nil {
		return fmt.Errorf("rule %q: ID and Run or RunCorpus are required", r.ID)
	}
	for _, n := range append([]string{r.ID}, r.Aliases...) {
		if _, dup := g.names[n]; dup {
			return fmt.Errorf("rule name %q registered twice", n)
		}
	}
	g.byID[r.ID] = r
	for _, n := range append([]string{r.ID}, r.Aliases...) {
		g.names[n] = r
	}
	return nil
}

// Lookup finds a rule by ID or alias.
func (g *Registry) Lookup(name string) *Rule {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.names[name]
}

// All returns the rules sorted by ID.
func (g *Registry) All() []*Rule {
	g.mu.RLock()
	defer g.mu.RUnlock()
	out := make([]*Rule, 0, len(g.byID))
	for _, r := range g.byID {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Default is the registry the built-in rules register in.
var Default = NewRegistry()

// Register adds a rule to the default registry and panics on a conflict,
// since that is a programming error found at start-up.
func Register(r *Rule) *Rule {
	if err := Default.Register(r); err != nil {
		panic(err)
	}
	return r
}
