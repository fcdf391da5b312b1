package rules_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/fix"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/rules"
)

// sxs renders one side-by-side segment.
func sxs(id, target, source string) string {
	return fmt.Sprintf(`<span data-ttu-id="%s">%s</span><span class="sxs-lookup"><span data-stu-id="%s">%s</span></span>`, id, target, id, source)
}

// checkRule parses text as the page at path and runs one rule on it.
func checkRule(t *testing.T, ruleID, path, text string, opts map[string]any) []rules.Finding {
	t.Helper()
	r := rules.Default.Lookup(ruleID)
	if r == nil {
		t.Fatalf("rule %s not registered", ruleID)
	}
	pg := page.Parse(path, []byte(text), page.Options{SourceLocale: "en-US"})
	var out []rules.Finding
	r.Run(&rules.Pass{Page: pg, Rule: r, Options: opts, Report: func(f rules.Finding) {
		if f.Range.Start < 0 || f.Range.End > len(pg.Text) || f.Range.Start > f.Range.End {
			t.Errorf("%s: finding range %v outside the page (%d bytes)", ruleID, f.Range, len(pg.Text))
		}
		out = append(out, f)
	}})
	return out
}

type ruleCase struct {
	name string
	path string // default fr-FR/page.md
	text string
	opts map[string]any
	// want are substrings of the messages expected, one per finding, in order;
	// empty means the rule must stay quiet.
	want []string
	// at, when set, is the text each finding must point at; before, when
	// set, what the page has just before it (which of two equal texts).
	at, before []string
	// fixed, when set, is the text once every finding's fixes are applied.
	fixed string
}

func runCases(t *testing.T, ruleID string, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path
			if path == "" {
				path = "fr-FR/page.md"
			}
			fs := checkRule(t, ruleID, path, c.text, c.opts)
			if len(fs) != len(c.want) {
				var got []string
				for _, f := range fs {
					got = append(got, f.Message)
				}
				t.Fatalf("got %d findings %q, want %d %q", len(fs), got, len(c.want), c.want)
			}
			pg := page.Parse(path, []byte(c.text), page.Options{})
			for i, f := range fs {
				if f.Rule != ruleID {
					t.Errorf("finding %d has rule %q, want %q", i, f.Rule, ruleID)
				}
				if !strings.Contains(f.Message, c.want[i]) {
					t.Errorf("finding %d message %q does not contain %q", i, f.Message, c.want[i])
				}
				if i < len(c.at) {
					if got := pg.Text[f.Range.Start:f.Range.End]; got != c.at[i] {
						t.Errorf("finding %d points at %q, want %q", i, got, c.at[i])
					}
				}
				if i < len(c.before) && !strings.HasSuffix(pg.Text[:f.Range.Start], c.before[i]) {
					t.Errorf("finding %d starts after %q, want after %q", i, pg.Text[max(0, f.Range.Start-20):f.Range.Start], c.before[i])
				}
			}
			if c.fixed != "" {
				var edits []rules.Edit
				for _, f := range fs {
					edits = append(edits, f.Fixes...)
				}
				got, _ := fix.Apply(pg.Text, edits)
				if got != c.fixed {
					t.Errorf("fixed text\n%q\nwant\n%q", got, c.fixed)
				}
				checkFixedPoint(t, ruleID, path, c.text, got, c.opts)
			}
		})
	}
}

// checkFixedPoint checks that one --fix is enough and harmless: the fixed
// text has nothing left for ruleID to fix nor any finding of it but those
// without a fix before, and no page rule finds more in it than in the text
// before the fix (a fix that broke bold or a code span shows as a new
// markup-mismatch or code-mismatch finding).
func checkFixedPoint(t *testing.T, ruleID, path, before, after string, opts map[string]any) {
	t.Helper()
	unfixed := 0
	for _, f := range checkRule(t, ruleID, path, before, opts) {
		if len(f.Fixes) == 0 {
			unfixed++
		}
	}
	fs := checkRule(t, ruleID, path, after, opts)
	for _, f := range fs {
		if len(f.Fixes) > 0 {
			t.Errorf("the fixed text still has a fix: %s", f.Message)
		}
	}
	if len(fs) > unfixed {
		t.Errorf("the fixed text has %d %s findings, %d before the fix had no fix", len(fs), ruleID, unfixed)
	}
	for _, r := range rules.Default.All() {
		if r.Run == nil || r.ID == ruleID {
			continue
		}
		if n, m := len(checkRule(t, r.ID, path, before, nil)), len(checkRule(t, r.ID, path, after, nil)); m > n {
			t.Errorf("the fix adds %d %s findings", m-n, r.ID)
		}
	}
}

func TestRegistry(t *testing.T) {
	all := rules.Default.All()
	if len(all) < 9 {
		t.Fatalf("only %d rules registered", len(all))
	}
	names := map[string]string{}
	for _, r := range all {
		if r.ID != strings.ToLower(r.ID) || strings.ContainsAny(r.ID, " _") {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		for _, n := range append([]string{r.ID}, r.Aliases...) {
			if other, dup := names[n]; dup {
				t.Errorf("name %q used by %s and %s", n, other, r.ID)
			}
			names[n] = r.ID
			if rules.Default.Lookup(n) != r {
				t.Errorf("Lookup(%q) does not find %s", n, r.ID)
			}
		}
		if r.Short == "" || strings.Contains(r.Short, "\n") || strings.HasSuffix(r.Short, ".") {
			t.Errorf("%s: Short must be one line without a final period: %q", r.ID, r.Short)
		}
		if len(r.Doc) < 100 {
			t.Errorf("%s: Doc is too short to explain the rule", r.ID)
		}
		if r.Severity < rules.Off || r.Severity > rules.Error {
			t.Errorf("%s: bad severity %d", r.ID, r.Severity)
		}
		if len(r.Tags) == 0 {
			t.Errorf("%s: no tags", r.ID)
		}
		for _, o := range r.Options {
			if o.Doc == "" || !strings.Contains(r.Doc, o.Name) {
				t.Errorf("%s: option %s is not documented in Doc", r.ID, o.Name)
			}
			switch o.Default.(type) {
			case bool, int, float64, string, []string:
			default:
				t.Errorf("%s: option %s has unsupported type %T", r.ID, o.Name, o.Default)
			}
			if d, ok := o.Default.(string); len(o.Values) > 0 && (!ok || !slices.Contains(o.Values, d)) {
				t.Errorf("%s: option %s: default %v is not one of its values %v", r.ID, o.Name, o.Default, o.Values)
			}
		}
	}
	// A second registration of an existing name is refused.
	reg := rules.NewRegistry()
	r := &rules.Rule{ID: "x", Run: func(*rules.Pass) {}}
	if err := reg.Register(r); err != nil {
		t.Fatal(err)
	}
	if err := reg.Register(&rules.Rule{ID: "y", Aliases: []string{"x"}, Run: func(*rules.Pass) {}}); err == nil {
		t.Error("duplicate alias accepted")
	}
}
