package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/rules"
)

// ruleSelection is the command line's say over which rules run, applied
// over the configuration: --enable, --disable and --only take rule names,
// aliases or tags ("corpus", "numbers"), comma-separated or repeated.
//
//   - A name that is a rule's ID or alias means the rule; "tag:NAME" always
//     means the tag (some tags, such as links, are also aliases).
//   - A rule named outweighs a tag: "-D corpus -E stale-source" runs
//     stale-source alone of the corpus rules. A rule named on both sides, or
//     reached through tags on both, is an error.
//   - A tag turns on only the rules that run by default; an opt-in rule
//     (off by default) runs when it is named, as a warning.
type ruleSelection struct {
	enable, disable, only []string
	// notes are what apply tells the user: a name that is both a rule's
	// alias and a tag, taken as the rule.
	notes []string
}

func (s *ruleSelection) addFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSliceVarP(&s.enable, "enable", "E", nil, "run these rules or tags too (tag:NAME for a tag; an opt-in rule named here runs as a warning)")
	fl.StringSliceVarP(&s.disable, "disable", "D", nil, "do not run these rules or tags")
	fl.StringSliceVar(&s.only, "only", nil, "run only these rules or tags")
}

// reached is how a flag's names reach a rule: named, or through a tag.
type reached map[*rules.Rule]bool // true: named

// resolve maps the names of one flag to the rules they reach.
func resolve(reg *rules.Registry, flag string, names []string, notes *[]string) (reached, error) {
	out := reached{}
	for _, list := range names {
		for _, n := range strings.Split(list, ",") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			// Case as the configuration takes it: NUMBER-MISMATCH is the rule.
			if r := reg.Lookup(strings.ToLower(n)); r != nil && reg.Lookup(n) == nil {
				n = strings.ToLower(n)
			}
			tag, isTag := strings.CutPrefix(n, "tag:")
			if !isTag {
				if r := reg.Lookup(n); r != nil {
					out[r] = true
					if n != r.ID && hasTag(reg, n) {
						*notes = append(*notes, fmt.Sprintf("--%s %s names the rule %s (its alias); tag:%s selects the rules tagged %s", flag, n, r.ID, n, n))
					}
					continue
				}
			}
			found := false
			for _, r := range reg.All() {
				for _, t := range r.Tags {
					if strings.EqualFold(t, tag) {
						if _, named := out[r]; !named {
							out[r] = false
						}
						found = true
					}
				}
			}
			if !found {
				return nil, usageErr("--%s: unknown rule or tag %q (l10nlint rules lists them; tags: tag:%s)", flag, n, strings.Join(ruleTags(reg), ", tag:"))
			}
		}
	}
	if len(names) > 0 && len(out) == 0 {
		// "--only ," names nothing: it would silently run no rule at all.
		return nil, usageErr("--%s names no rule or tag", flag)
	}
	return out, nil
}

// apply changes cfg's rule severities; an unknown name is a usage error.
func (s *ruleSelection) apply(cfg *config.Config) error {
	reg := cfg.Registry
	if reg == nil {
		reg = rules.Default
	}
	enable, err := resolve(reg, "enable", s.enable, &s.notes)
	if err != nil {
		return err
	}
	disable, err := resolve(reg, "disable", s.disable, &s.notes)
	if err != nil {
		return err
	}
	only, err := resolve(reg, "only", s.only, &s.notes)
	if err != nil {
		return err
	}
	for _, r := range reg.All() { // in registry order: the same error every run
		named, on := enable[r]
		namedOff, off := disable[r]
		switch {
		case !on || !off:
		case named && !namedOff:
			delete(disable, r)
		case namedOff && !named:
			delete(enable, r)
		default:
			return usageErr("rule %s is both enabled and disabled", r.ID)
		}
	}
	set := func(r *rules.Rule, sev rules.Severity) {
		if cfg.Rules == nil {
			cfg.Rules = map[string]config.RuleConfig{}
		}
		rc := cfg.Rules[r.ID]
		rc.Severity = &sev
		cfg.Rules[r.ID] = rc
	}
	// turnOn runs r: at its configured severity, else its default; an
	// opt-in rule only when named, as a warning.
	turnOn := func(r *rules.Rule, named bool) {
		switch {
		case cfg.Severity(r) != rules.Off:
		case r.Severity != rules.Off:
			set(r, r.Severity)
		case named:
			set(r, rules.Warning)
		}
	}
	if len(s.only) > 0 {
		for _, r := range reg.All() {
			if named, ok := only[r]; ok && (named || r.Severity != rules.Off) {
				turnOn(r, named)
			} else {
				set(r, rules.Off)
			}
		}
	}
	for r, named := range enable {
		turnOn(r, named)
	}
	for r := range disable {
		set(r, rules.Off)
	}
	return nil
}

// ruleTags lists the tags of the registry's rules.
func ruleTags(reg *rules.Registry) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range reg.All() {
		for _, t := range r.Tags {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Strings(out)
	return out
}

// hasTag reports whether a rule of reg has the tag t.
func hasTag(reg *rules.Registry, t string) bool {
	for _, r := range reg.All() {
		for _, rt := range r.Tags {
			if strings.EqualFold(rt, t) {
				return true
			}
		}
	}
	return false
}
