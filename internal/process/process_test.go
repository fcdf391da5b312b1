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
