package process

import (
	"testing"

	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/rules"
)

func f(path string, start int, rule, msg string) report.Finding {
	return report.Finding{Finding: rules.Finding{Path: path, Range: rules.Range{Start: start, End: start + 1}, Rule: rule, Message: msg, Severity: rules.Error}}
}

func TestPipeline(t *testing.T) {
	in := []report.Finding{
		f("b.md", 5, "x", "m"), f("a.md", 9, "y", "m"), f("a.md", 9, "x", "m"), f("a.md", 1, "off", "m"), f("a.md", 9, "x", "m"),
	}
	sev := Severity{Of: func(id string) rules.Severity {
		switch id {
		case "off":
			return rules.Off
		case "y":
			return rules.Note
		}
		return rules.Warning
	}}
	out := Apply(in, sev, Sort{}, Dedup{})
	var got []string
	for _, x := range out {
		got = append(got, x.Path+":"+x.Rule+":"+x.Severity.String())
	}
	want := []string{"a.md:x:warning", "a.md:y:note", "b.md:x:warning"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if n := len(Apply(out, AtLeast{Min: rules.Warning})); n != 2 {
		t.Errorf("AtLeast(warning) kept %d, want 2", n)
	}
}

// TestSeverityBelowDefault: a finding reported below its rule's default
// severity stays that many levels below the configured one, at least a
// note; the others take the configured severity, and a rule turned off
// drops them all.
func TestSeverityBelowDefault(t *testing.T) {
	tests := []struct {
		name                  string
		reported, def, config rules.Severity
		want                  rules.Severity
	}{
		{"the rule's own severity, configured as is", rules.Error, rules.Error, rules.Error, rules.Error},
		{"the rule's own severity, lowered by the configuration", rules.Error, rules.Error, rules.Warning, rules.Warning},
		{"one level below, configuration unchanged", rules.Warning, rules.Error, rules.Error, rules.Warning},
		{"one level below a rule lowered to warning", rules.Warning, rules.Error, rules.Warning, rules.Note},
		{"one level below a rule lowered to note: still a note", rules.Warning, rules.Error, rules.Note, rules.Note},
		{"one level below a rule raised to error", rules.Note, rules.Warning, rules.Error, rules.Warning},
		{"above the default: the configured severity", rules.Error, rules.Warning, rules.Warning, rules.Warning},
		{"rule turned off", rules.Warning, rules.Error, rules.Off, rules.Off},
		{"a rule the registry does not know", rules.Note, rules.Off, rules.Error, rules.Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := f("a.md", 1, "r", "m")
			in.Severity = tt.reported
			sev := Severity{
				Of:      func(string) rules.Severity { return tt.config },
				Default: func(string) rules.Severity { return tt.def },
			}
			out := sev.Process([]report.Finding{in})
			got := rules.Off
			if len(out) == 1 {
				got = out[0].Severity
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
