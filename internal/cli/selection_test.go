package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/rules"
)

func TestRuleSelection(t *testing.T) {
	// No built-in rule is opt-in: a registry with one, for the cases that
	// need it.
	optIn := rules.NewRegistry()
	for _, r := range rules.Default.All() {
		if err := optIn.Register(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := optIn.Register(&rules.Rule{ID: "opt-in-check", Tags: []string{"corpus"}, Severity: rules.Off,
		Short: "an opt-in rule", Doc: "An opt-in rule for the tests.", RunCorpus: func(*rules.CorpusPass) {}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name                  string
		enable, disable, only []string
		config                string
		optIn                 bool                      // the registry with opt-in-check
		want                  map[string]rules.Severity // rules to check; others untouched unless only
		err                   string
	}{
		{name: "only a tag", only: []string{"numbers"},
			want: map[string]rules.Severity{"number-mismatch": rules.Error, "typography": rules.Off, "stale-source": rules.Off}},
		{name: "a rule named outweighs a tag", disable: []string{"corpus"}, enable: []string{"stale-source"},
			want: map[string]rules.Severity{"stale-source": rules.Warning, "cross-locale-source": rules.Off, "typography": rules.Note}},
		{name: "an opt-in rule runs as a warning", enable: []string{"opt-in-check"}, optIn: true,
			want: map[string]rules.Severity{"opt-in-check": rules.Warning}},
		{name: "aliases and commas", disable: []string{"consistency,encoding"}, enable: []string{"typography"},
			want: map[string]rules.Severity{"inconsistent-translation": rules.Off, "file-format": rules.Off, "typography": rules.Note}},
		{name: "an enabled rule keeps its configured severity", config: "rules:\n  typography: error\n", enable: []string{"typography"},
			want: map[string]rules.Severity{"typography": rules.Error}},
		{name: "a rule turned off in the configuration comes back", config: "rules:\n  typography: off\n", enable: []string{"typography"},
			want: map[string]rules.Severity{"typography": rules.Note}},
		{name: "only with a disable", only: []string{"links"}, disable: []string{"broken-link"},
			want: map[string]rules.Severity{"link-mismatch": rules.Error, "broken-link": rules.Off, "untranslated": rules.Off}},
		{name: "a rule both ways", enable: []string{"typography"}, disable: []string{"typography"}, err: "rule typography is both enabled and disabled"},
		{name: "tags both ways: the first rule in registry order is named", enable: []string{"corpus"}, disable: []string{"pages"},
			err: "rule missing-page is both enabled and disabled"},
		{name: "a tag leaves opt-in rules off", only: []string{"corpus"}, optIn: true,
			want: map[string]rules.Severity{"stale-source": rules.Warning, "inconsistent-translation": rules.Warning, "opt-in-check": rules.Off, "typography": rules.Off}},
		{name: "a tag brings back a rule the configuration turned off", config: "rules:\n  broken-link: off\n", enable: []string{"tag:links"},
			want: map[string]rules.Severity{"broken-link": rules.Error, "link-mismatch": rules.Error}},
		{name: "tag: reaches a tag that is also an alias", disable: []string{"tag:terminology"},
			want: map[string]rules.Severity{"glossary": rules.Off, "do-not-translate": rules.Off, "typography": rules.Note}},
		{name: "an alias without tag: means the rule", disable: []string{"terminology"},
			want: map[string]rules.Severity{"glossary": rules.Off, "do-not-translate": rules.Warning}},
		{name: "unknown tag", enable: []string{"tag:nope"}, err: `--enable: unknown rule or tag "tag:nope"`},
		{name: "a rule's alias before a tag of that name", disable: []string{"links"},
			want: map[string]rules.Severity{"link-mismatch": rules.Off, "broken-link": rules.Error}},
		{name: "unknown", only: []string{"nope"}, err: `--only: unknown rule or tag "nope"`},
		{name: "a list of nothing", only: []string{" , "}, err: "--only names no rule or tag"},
		{name: "rule names in any case, as in the configuration", only: []string{"NUMBER-MISMATCH"},
			want: map[string]rules.Severity{"number-mismatch": rules.Error, "typography": rules.Off}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := config.Default()
			if c.config != "" {
				var err error
				if cfg, err = config.Parse([]byte(c.config), "cfg.yaml", rules.Default); err != nil {
					t.Fatal(err)
				}
			}
			reg := rules.Default
			if c.optIn {
				reg = optIn
				cfg.Registry = optIn
			}
			sel := ruleSelection{enable: c.enable, disable: c.disable, only: c.only}
			err := sel.apply(cfg)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want %q", err, c.err)
				}
				var ee *exitError
				if !errors.As(err, &ee) || ee.code != ExitUsage {
					t.Errorf("error %v is not a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for id, want := range c.want {
				if got := cfg.Severity(reg.Lookup(id)); got != want {
					t.Errorf("%s: severity %v, want %v", id, got, want)
				}
			}
		})
	}
}

// check --only runs just those rules.
func TestCheckOnly(t *testing.T) {
	code, out, stderr := run(t, "check", "--no-color", "-q", "--only", "number-mismatch", example)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		t.Fatalf("want the planted number mismatches, got %q", out)
	}
	for _, l := range lines {
		if !strings.Contains(l, " number-mismatch: ") {
			t.Errorf("a finding of another rule: %q", l)
		}
	}
	if code, _, stderr := run(t, "check", "--disable", "no-such-rule", example); code != ExitUsage || !strings.Contains(stderr, "unknown rule or tag") {
		t.Errorf("unknown rule: exit %d, stderr %q", code, stderr)
	}
}

// TestAliasThatIsATag: "links" is link-mismatch's alias and a tag; the rule
// wins, and the run says how to select the tag. An unknown name's error
// lists the tags spelled as selectable.
func TestAliasThatIsATag(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "fr-FR", "a.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("# T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := run(t, "check", "--only", "links", page)
	if !strings.Contains(stderr, "note: --only links names the rule link-mismatch (its alias); tag:links selects the rules tagged links") {
		t.Errorf("stderr %q", stderr)
	}
	if _, _, stderr := run(t, "check", "--only", "link-mismatch", page); strings.Contains(stderr, "note:") {
		t.Errorf("a rule named by its ID: %q", stderr)
	}
	code, _, stderr := run(t, "check", "--only", "nolinks", page)
	if code != ExitUsage || !strings.Contains(stderr, "tag:links") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
