package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// PatternSpec describes a rule written as regular expressions, so that teams
// can add checks from configuration without Go: "if the source matches
// IfSource, the target must (not) match Target".
type PatternSpec struct {
	ID      string
	Message string
	// Severity is the rule's default severity; Off (the zero value) makes
	// it opt-in: it runs only when enabled by name or in configuration.
	Severity Severity
	// Locales limits the rule to these target locales ("fr-FR", or a bare
	// language "fr"); empty means all.
	Locales []string
	// IfSource, when set, is what a segment's source must match for the
	// rule to apply.
	IfSource *regexp.Regexp
	// MustMatch, when set, must match the target; MustNotMatch must not.
	MustMatch, MustNotMatch *regexp.Regexp
	// Origin says where the rule was defined (config file and line), for
	// its documentation.
	Origin string
}

// Pattern builds a rule from a spec. The regular expressions run on the
// plain text of each side (markup removed, code spans kept).
func Pattern(s PatternSpec) (*Rule, error) {
	if s.ID == "" || s.MustMatch == nil && s.MustNotMatch == nil {
		return nil, fmt.Errorf("a pattern rule needs an id and a target pattern (target-must-match or target-must-not-match)")
	}
	if s.Message == "" {
		s.Message = "the target does not follow the team's rule " + s.ID
	}
	var doc []string
	doc = append(doc, "A pattern rule defined in "+s.Origin+".", "")
	if len(s.Locales) > 0 {
		doc = append(doc, "Locales: "+strings.Join(s.Locales, ", "))
	}
	if s.IfSource != nil {
		doc = append(doc, "When the source matches: "+s.IfSource.String())
	}
	if s.MustMatch != nil {
		doc = append(doc, "The target must match: "+s.MustMatch.String())
	}
	if s.MustNotMatch != nil {
		doc = append(doc, "The target must not match: "+s.MustNotMatch.String())
	}
	doc = append(doc, "", "Message: "+s.Message)
	spec := s
	return &Rule{
		ID:       s.ID,
		Tags:     []string{"custom", "segment"},
		Severity: s.Severity,
		Short:    strings.TrimSuffix(s.Message, "."),
		Doc:      strings.Join(doc, "\n"),
		Run:      func(p *Pass) { runPattern(p, &spec) },
	}, nil
}

func runPattern(p *Pass, s *PatternSpec) {
	if len(s.Locales) > 0 {
		ok := false
		for _, l := range s.Locales {
			if strings.EqualFold(l, p.Page.Locale) || !strings.Contains(l, "-") && strings.EqualFold(l, locale.Language(p.Page.Locale)) {
				ok = true
			}
		}
		if !ok {
			return
		}
	}
	for _, seg := range p.Page.Segments {
		if !seg.HasSource {
			continue
		}
		if s.IfSource != nil && !s.IfSource.MatchString(seg.Source.Plain) {
			continue
		}
		if s.MustMatch != nil && !s.MustMatch.MatchString(seg.Target.Plain) {
			p.ReportSegment(seg, "%s (the target should match %s)", s.Message, s.MustMatch)
		}
		if s.MustNotMatch != nil {
			// Point at the match in the raw target when it is found there as
			// written; else at the whole target.
			if loc := s.MustNotMatch.FindStringIndex(seg.Target.Raw); loc != nil {
				at := Range{Start: seg.Target.Range.Start + loc[0], End: seg.Target.Range.Start + loc[1]}
				p.ReportSegmentAt(seg, at, "%s (the target matches %s)", s.Message, s.MustNotMatch)
			} else if s.MustNotMatch.MatchString(seg.Target.Plain) {
				p.ReportSegment(seg, "%s (the target matches %s)", s.Message, s.MustNotMatch)
			}
		}
	}
}

// Clone returns a registry with the same rules, to add run-specific ones
// (pattern rules from a configuration file) without touching the original.
func (g *Registry) Clone() *Registry {
	g.mu.RLock()
	defer g.mu.RUnlock()
	c := NewRegistry()
	for k, v := range g.byID {
		c.byID[k] = v
	}
	for k, v := range g.names {
		c.names[k] = v
	}
	return c
}
