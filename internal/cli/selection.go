package cli

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/rules"
)

// ruleSelection is the command line's say over which rules run, applied
// over the configuration: --enable, --disable and --only take rule names,
// aliases or tags ("corpus", "numbers"), comma-separated or repeated. A
// rule named outweighs a tag ("-D corpus -E stale-source" runs stale-source
// alone of the corpus rules); a rule named on both sides, or reached by
// tags on both, is an error. A name that is a rule's alias and a tag
// ("links") means the rule.
type ruleSelection struct {
	enable, disable, only []string
}

func (s *ruleSelection) addFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSliceVarP(&s.enable, "enable", "E", nil, "run these rules or tags too (an opt-in rule runs as a warning)")
	fl.StringSliceVarP(&s.disable, "disable", "D", nil, "do not run these rules or tags")
	fl.StringSliceVar(&s.only, "only", nil, "run only these rules or tags")
}

// apply changes cfg's rule severities; an unknown name is a usage error.
func (s *ruleSelection) apply(cfg *config.Config) error {
	reg := cfg.Registry
	if reg == nil {
		reg = rules.Default
	}
	// resolve maps each rule the names reach to whether it was named (not
	// reached through a tag).
	resolve := func(flag string, names []string) (map[*rules.Rule]bool, error) {
		out := map[*rules.Rule]bool{}
		var split []string
		for _, n := range names {
			split = append(split, strings.Split(n, ",")...)
		}
		for _, n := range split {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if r := reg.Lookup(n); r != nil {
				out[r] = true
				continue
			}
			found := false
			for _, r := range reg.All() {
				for _, t := range r.Tags {
					if strings.EqualFold(t, n) {
						out[r] = out[r] || false
						found = true
					}
				}
			}
			if !found {
				return nil, usageErr("--%s: unknown rule or tag %q (l10nlint rules lists them; tags: %s)", flag, n, strings.Join(ruleTags(reg), ", "))
			}
		}
		return out, nil
	}
	enable, err := resolve("enable", s.enable)
	if err != nil {
		return err
	}
	disable, err := resolve("disable", s.disable)
	if err != nil {
		return err
	}
	only, err := resolve("only", s.only)
	if err != nil {
		return err
	}
	for r, named := range enable {
		namedOff, off := disable[r]
		switch {
		case !off:
		case named && !namedOff:
			delete(disable, r)
		case namedOff && !named:
			delete(enable, r)
		default:
			return usageErr("rule %s is both enabled and disabled", r.ID)
		}
	}
	set := func(r *rules.Rule, sev rules.Severity) {
		rc := cfg.Rules[r.ID]
		rc.Severity = &sev
		if cfg.Rules == nil {
			cfg.Rules = map[string]config.RuleConfig{}
		}
		cfg.Rules[r.ID] = rc
	}
	on := func(r *rules.Rule) {
		if cfg.Severity(r) != rules.Off {
			return // keeps its configured severity
		}
		sev := r.Severity
		if sev == rules.Off {
			sev = rules.Warning // an opt-in rule
		}
		set(r, sev)
	}
	if len(s.only) > 0 {
		for _, r := range reg.All() {
			if _, ok := only[r]; ok {
				on(r)
			} else {
				set(r, rules.Off)
			}
		}
	}
	for r := range enable {
		on(r)
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
