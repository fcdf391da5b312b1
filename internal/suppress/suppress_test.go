package suppress

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// comments finds the "<!-- ... -->" ranges of text, as the Markdown parser
// would outside code.
func comments(text string) []rules.Range {
	var out []rules.Range
	for i := 0; ; {
		s := strings.Index(text[i:], "<!--")
		if s < 0 {
			return out
		}
		s += i
		e := strings.Index(text[s+4:], "-->")
		if e < 0 {
			return out
		}
		e += s + 4 + 3
		out = append(out, rules.Range{Start: s, End: e})
		i = e
	}
}

// resolve knows rules a, b and c, and "alias-a" for a.
func resolve(name string) (string, bool) {
	switch name {
	case "a", "b", "c":
		return name, true
	case "alias-a":
		return "a", true
	}
	return "", false
}

// at is a finding of rule on line of p.md; "rule@line" in the tables.
func at(s string) report.Finding {
	var rule string
	var line int
	if _, err := fmt.Sscanf(strings.Replace(s, "@", " ", 1), "%s %d", &rule, &line); err != nil {
		panic(s)
	}
	return report.Finding{Finding: rules.Finding{Rule: rule, Path: "p.md", Message: "m"},
		Start: textfile.Position{Line: line, Col: 1}, End: textfile.Position{Line: line, Col: 2}}
}

func names(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%d", f.Rule, f.Start.Line))
	}
	return out
}

func TestApply(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lines    []string
		findings []string
		// kept and suppressed ("rule@line:reason") findings, unused
		// directives and problem messages.
		kept, suppressed, unused, problems []string
	}{{
		name: "region with enable is inclusive of both comment lines",
		lines: []string{
			"line 1",
			"<!-- l10nlint-disable a -- vendor term -->", // 2
			"line 3",
			"<!-- l10nlint-enable a -->", // 4
			"line 5",
		},
		findings:   []string{"a@1", "a@2", "a@3", "a@4", "a@5", "b@3"},
		kept:       []string{"a@1", "a@5", "b@3"},
		suppressed: []string{"a@2:vendor term", "a@3:vendor term", "a@4:vendor term"},
	}, {
		name:       "disable without enable runs to the end of the file",
		lines:      []string{"x", "<!-- l10nlint-disable -->", "x", "x"},
		findings:   []string{"a@1", "b@3", "c@4", "c@99"},
		kept:       []string{"a@1"},
		suppressed: []string{"b@3:", "c@4:", "c@99:"},
	}, {
		name: "enable one rule inside a disable of all",
		lines: []string{
			"<!-- l10nlint-disable -- generated -->", // 1
			"x",
			"<!-- l10nlint-enable b -->", // 3
			"x",
			"<!-- l10nlint-enable -->", // 5
			"x",
		},
		findings:   []string{"a@2", "b@2", "b@3", "a@4", "b@4", "a@6"},
		kept:       []string{"b@4", "a@6"},
		suppressed: []string{"a@2:generated", "b@2:generated", "b@3:generated", "a@4:generated"},
	}, {
		name: "enable part of a disable list",
		lines: []string{
			"<!-- l10nlint-disable a, b -->", // 1
			"x",
			"<!-- l10nlint-enable a -->", // 3
			"x",
		},
		findings:   []string{"a@2", "b@2", "a@4", "b@4"},
		kept:       []string{"a@4"},
		suppressed: []string{"a@2:", "b@2:", "b@4:"},
	}, {
		name: "next line skips blank lines and stacked directives",
		lines: []string{
			"<!-- l10nlint-disable-next-line a -- number is a product name -->", // 1
			"",
			"<!-- l10nlint-disable-next-line b --> <!-- l10nlint-disable-next-line c -->", // 3
			"   ",
			"text", // 5
			"text",
		},
		findings:   []string{"a@5", "b@5", "c@5", "a@6", "a@3"},
		kept:       []string{"a@6", "a@3"},
		suppressed: []string{"a@5:number is a product name", "b@5:", "c@5:"},
	}, {
		name: "next line after a multi-line comment",
		lines: []string{
			"<!-- l10nlint-disable-next-line a", // 1
			"     -- the reason",
			"     spans lines -->", // 3
			"text",                 // 4
		},
		findings:   []string{"a@3", "a@4"},
		kept:       []string{"a@3"},
		suppressed: []string{"a@4:the reason spans lines"},
	}, {
		name:       "next line with no line after it is unused",
		lines:      []string{"x", "<!-- l10nlint-disable-next-line a -->", "", ""},
		findings:   []string{"a@1"},
		kept:       []string{"a@1"},
		unused:     []string{"l10nlint-disable-next-line a"},
		suppressed: nil,
	}, {
		name: "disable-line covers its own line only",
		lines: []string{
			"x",
			"Texte long <!-- l10nlint-disable-line a -- été validé à Paris --> suite.", // 2
			"x",
		},
		findings:   []string{"a@1", "a@2", "a@3"},
		kept:       []string{"a@1", "a@3"},
		suppressed: []string{"a@2:été validé à Paris"},
	}, {
		name:       "disable-file covers positionless findings and the front matter",
		lines:      []string{"---", "title: x", "---", "x", "<!-- l10nlint-disable-file b -- vendor page -->"},
		findings:   []string{"b@0", "b@2", "b@9", "a@2"},
		kept:       []string{"a@2"},
		suppressed: []string{"b@0:vendor page", "b@2:vendor page", "b@9:vendor page"},
	}, {
		name:       "a region does not cover positionless findings",
		lines:      []string{"<!-- l10nlint-disable -->"},
		findings:   []string{"a@0"},
		kept:       []string{"a@0"},
		unused:     []string{"l10nlint-disable"},
		suppressed: nil,
	}, {
		name:       "aliases resolve; the narrowest directive gives the reason",
		lines:      []string{"<!-- l10nlint-disable-file alias-a -- file -->", "<!-- l10nlint-disable-next-line a -- line -->", "x", "x"},
		findings:   []string{"a@3", "a@4"},
		suppressed: []string{"a@3:line", "a@4:file"},
	}, {
		name:       "unused directives, whole and in part",
		lines:      []string{"<!-- l10nlint-disable-next-line a,b,c -->", "x", "<!-- l10nlint-disable-line -->", "<!-- l10nlint-enable -->"},
		findings:   []string{"b@2"},
		suppressed: []string{"b@2:"},
		unused:     []string{"l10nlint-disable-next-line a,c", "l10nlint-disable-line"},
		problems:   []string{"l10nlint-enable matches no open l10nlint-disable"},
	}, {
		name:     "unknown rules are problems; all unknown drops the directive",
		lines:    []string{"<!-- l10nlint-disable-next-line a, nope -->", "x", "<!-- l10nlint-disable-next-line zzz -->", "x"},
		findings: []string{"a@2", "b@2", "b@4"},
		kept:     []string{"b@2", "b@4"},
		// The all-unknown directive must not widen to every rule.
		suppressed: []string{"a@2:"},
		problems:   []string{`l10nlint-disable-next-line: unknown rule "nope"`, `l10nlint-disable-next-line: unknown rule "zzz"`},
	}, {
		name:     "unknown keyword; other comments ignored",
		lines:    []string{"<!-- l10nlint-disabel a -->", "<!-- translator note: l10nlint-disable a -->", "<!---->", "x"},
		findings: []string{"a@4"},
		kept:     []string{"a@4"},
		problems: []string{`unknown directive "l10nlint-disabel"`},
	}, {
		name:       "reason separator needs a leading space; names keep dashes",
		lines:      []string{"<!-- l10nlint-disable-next-line a--b -->", "x", "<!-- l10nlint-disable-next-line a --no space after -->", "x"},
		findings:   []string{"a@2", "a@4"},
		kept:       []string{"a@2"},
		suppressed: []string{"a@4:no space after"},
		problems:   []string{`unknown rule "a--b"`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Join(tc.lines, "\n") + "\n"
			dirs, probs := Parse(text, comments(text), resolve)
			var in []report.Finding
			for _, s := range tc.findings {
				in = append(in, at(s))
			}
			other := at("a@3")
			other.Path = "other.md"
			in = append(in, other)
			kept, supp, unused := Apply(in, dirs, "p.md")
			if len(kept) == 0 || kept[len(kept)-1].Path != "other.md" {
				t.Fatalf("the other file's finding must be kept last: %+v", kept)
			}
			kept = kept[:len(kept)-1]
			var gotSupp, gotUnused, gotProbs []string
			for _, s := range supp {
				gotSupp = append(gotSupp, fmt.Sprintf("%s@%d:%s", s.Finding.Rule, s.Finding.Start.Line, s.Reason))
				if s.Directive.Path != "p.md" {
					t.Errorf("suppressing directive has path %q", s.Directive.Path)
				}
			}
			for _, d := range unused {
				gotUnused = append(gotUnused, d.String())
				if d.Path != "p.md" {
					t.Errorf("unused directive has path %q", d.Path)
				}
			}
			for _, p := range probs {
				gotProbs = append(gotProbs, p.Message)
				if p.Range.Start < 0 || p.Range.End > len(text) || !strings.Contains(text[p.Range.Start:p.Range.End], "l10nlint") &&
					!strings.Contains(p.Message, text[p.Range.Start:p.Range.End]) {
					t.Errorf("problem %q points at %q", p.Message, text[p.Range.Start:p.Range.End])
				}
			}
			check := func(what string, got, want []string) {
				t.Helper()
				if len(got) == 0 && len(want) == 0 {
					return
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n got %q\nwant %q", what, got, want)
				}
			}
			check("kept", names(kept), tc.kept)
			check("suppressed", gotSupp, tc.suppressed)
			check("unused", gotUnused, tc.unused)
			if len(gotProbs) != len(tc.problems) {
				t.Fatalf("problems %q, want %q", gotProbs, tc.problems)
			}
			for i := range gotProbs {
				if !strings.Contains(gotProbs[i], tc.problems[i]) {
					t.Errorf("problem %q, want it to contain %q", gotProbs[i], tc.problems[i])
				}
			}
		})
	}
}

func TestParsePositions(t *testing.T) {
	text := "# Titre\n\nA <!-- l10nlint-disable-line b,alias-a -- Raison -->\n"
	dirs, probs := Parse(text, comments(text), resolve)
	if len(probs) != 0 || len(dirs) != 1 {
		t.Fatalf("dirs %+v, problems %+v", dirs, probs)
	}
	d := dirs[0]
	want := Directive{Kind: DisableLine, Rules: []string{"b", "a"}, Reason: "Raison",
		Range: rules.Range{Start: 11, End: 61}, Start: textfile.Position{Line: 3, Col: 3, ColUTF16: 3}, End: textfile.Position{Line: 3, Col: 53, ColUTF16: 53},
		Spans: []Span{{From: 3, To: 3, Rules: []string{"b", "a"}}}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got  %#v\nwant %#v", d, want)
	}
	if got := text[d.Range.Start:d.Range.End]; !strings.HasPrefix(got, "<!--") || !strings.HasSuffix(got, "-->") {
		t.Errorf("range covers %q", got)
	}
	f := UnusedFinding(Directive{Kind: Disable, Rules: []string{"a"}, Path: "p.md", Range: d.Range})
	if f.Rule != UnusedRule || f.Path != "p.md" || f.Range != d.Range || f.Message != "l10nlint-disable suppresses no finding of a" {
		t.Errorf("UnusedFinding = %+v", f)
	}
	if f := UnusedFinding(Directive{Kind: DisableFile}); f.Message != "l10nlint-disable-file suppresses no finding" {
		t.Errorf("UnusedFinding(all) = %q", f.Message)
	}
	// A nil resolver takes names as they are.
	if dirs, _ := Parse(text, comments(text), nil); len(dirs) != 1 || !reflect.DeepEqual(dirs[0].Rules, []string{"b", "alias-a"}) {
		t.Errorf("nil resolver: %+v", dirs)
	}
}

func TestApplyAll(t *testing.T) {
	text := "<!-- l10nlint-disable-file a -->\n"
	dirs, _ := Parse(text, comments(text), resolve)
	x, y := at("a@1"), at("a@1")
	x.Path, y.Path = "x.md", "y.md"
	kept, supp, unused := ApplyAll([]report.Finding{x, y, at("a@1")}, map[string][]Directive{"x.md": dirs, "z.md": dirs, "w.md": dirs})
	if names(kept) == nil || len(kept) != 2 || kept[0].Path != "y.md" || kept[1].Path != "p.md" {
		t.Errorf("kept %+v", kept)
	}
	if len(supp) != 1 || supp[0].Finding.Path != "x.md" {
		t.Errorf("suppressed %+v", supp)
	}
	if len(unused) != 2 || unused[0].Path != "w.md" || unused[1].Path != "z.md" {
		t.Errorf("unused %+v", unused)
	}
}

func TestApplyIgnores(t *testing.T) {
	mk := func(path, rule, seg string) report.Finding {
		return report.Finding{Finding: rules.Finding{Path: path, Rule: rule, SegmentID: seg}}
	}
	in := []report.Finding{
		mk("docs/fr-FR/a.md", "a", "s-1"),
		mk("docs/fr-FR/vendor/b.md", "b", "s-2"),
		mk("docs/de-DE/a.md", "a", "s-1"),
		mk("docs/de-DE/a.md", "b", "s-3"),
		mk("README.md", "c", ""),
	}
	for _, tc := range []struct {
		name    string
		ignores []config.Ignore
		rel     func(string) string
		want    []int // indexes of in kept
	}{
		{"none", nil, nil, []int{0, 1, 2, 3, 4}},
		{"path with **", []config.Ignore{{Path: "docs/**/vendor/**"}}, nil, []int{0, 2, 3, 4}},
		{"rule everywhere", []config.Ignore{{Rules: []string{"a"}}}, nil, []int{1, 3, 4}},
		{"rule in a path", []config.Ignore{{Path: "**/de-DE/*.md", Rules: []string{"a", "c"}}}, nil, []int{0, 1, 3, 4}},
		{"segment", []config.Ignore{{Segments: []string{"s-1", "s-3"}}}, nil, []int{1, 4}},
		{"segment of a rule", []config.Ignore{{Rules: []string{"b"}, Segments: []string{"s-1", "s-3"}}}, nil, []int{0, 1, 2, 4}},
		{"several ignores", []config.Ignore{{Path: "README.md"}, {Segments: []string{"s-2"}}}, nil, []int{0, 2, 3}},
		{"a folder, with or without its slash", []config.Ignore{{Path: "docs/fr-FR"}, {Path: "docs/de-DE/"}}, nil, []int{4}},
		{"a folder's name is no prefix of a file's", []config.Ignore{{Path: "docs/fr"}}, nil, []int{0, 1, 2, 3, 4}},
		{"rel maps to the config directory", []config.Ignore{{Path: "fr-FR/**"}},
			func(p string) string { return strings.TrimPrefix(p, "docs/") }, []int{2, 3, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ApplyIgnores(append([]report.Finding(nil), in...), tc.ignores, tc.rel)
			var want []report.Finding
			for _, i := range tc.want {
				want = append(want, in[i])
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}
