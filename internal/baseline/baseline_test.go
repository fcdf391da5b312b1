package baseline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/baseline"
	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

func finding(rule, path, fp string, line int, msg string) report.Finding {
	return report.Finding{Finding: rules.Finding{Rule: rule, Path: path, Message: msg},
		Start: textfile.Position{Line: line, Col: 1}, Fingerprint: fp}
}

func TestWriteIsStable(t *testing.T) {
	fs := []report.Finding{
		finding("b-rule", "docs/fr-FR/b.md", "ff01", 3, "x"),
		finding("a-rule", "docs/fr-FR/a.md", "ee02", 7, `link <a href="x">`),
		finding("a-rule", "docs/fr-FR/a.md", "dd03", 2, "y"),
		finding("a-rule", "docs/fr-FR/a.md", "dd03", 2, "y"),
	}
	var one, two bytes.Buffer
	if err := baseline.Write(&one, fs); err != nil {
		t.Fatal(err)
	}
	rev := []report.Finding{fs[3], fs[1], fs[0], fs[2]}
	if err := baseline.Write(&two, rev); err != nil {
		t.Fatal(err)
	}
	if one.String() != two.String() {
		t.Errorf("order of the input changes the file:\n%s\n%s", one.String(), two.String())
	}
	want := `{
  "version": "1",
  "tool": "l10nlint",
  "findings": [
    {
      "rule": "a-rule",
      "path": "docs/fr-FR/a.md",
      "fingerprint": "dd03",
      "line": 2,
      "message": "y"
    },
    {
      "rule": "a-rule",
      "path": "docs/fr-FR/a.md",
      "fingerprint": "dd03",
      "line": 2,
      "message": "y"
    },
    {
      "rule": "a-rule",
      "path": "docs/fr-FR/a.md",
      "fingerprint": "ee02",
      "line": 7,
      "message": "link <a href=\"x\">"
    },
    {
      "rule": "b-rule",
      "path": "docs/fr-FR/b.md",
      "fingerprint": "ff01",
      "line": 3,
      "message": "x"
    }
  ]
}
`
	if one.String() != want {
		t.Errorf("got\n%s\nwant\n%s", one.String(), want)
	}
	var empty bytes.Buffer
	if err := baseline.Write(&empty, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(empty.String(), `"findings": []`) {
		t.Errorf("no findings must write an empty array: %s", empty.String())
	}
	b, err := baseline.Load(&one)
	if err != nil || b.Len() != 4 || b.Findings[2].Message != `link <a href="x">` {
		t.Fatalf("Load = %+v, %v", b, err)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "EOF"},
		{"not JSON", "findings: []", "invalid character"},
		{"other tool", `{"version": "1", "tool": "golangci-lint", "findings": []}`, `tool is "golangci-lint"`},
		{"no tool", `{"version": "1", "findings": []}`, `tool is ""`},
		{"newer version", `{"version": "2", "tool": "l10nlint", "findings": []}`, `unsupported version "2"`},
		{"missing fingerprint", `{"version": "1", "tool": "l10nlint", "findings": [{"rule": "r", "path": "p"}]}`, "finding 1 lacks"},
		{"wrong type", `{"version": "1", "tool": "l10nlint", "findings": {}}`, "cannot unmarshal"},
		{"trailing text", `{"version": "1", "tool": "l10nlint", "findings": []} {}`, "more after the JSON document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := baseline.Load(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "baseline: ") {
				t.Errorf("Load error %v, want one containing %q", err, tc.want)
			}
		})
	}
	// A byte order mark, as some editors write one, is not an error.
	if _, err := baseline.Load(strings.NewReader("\ufeff" + `{"version": "1", "tool": "l10nlint", "findings": []}`)); err != nil {
		t.Errorf("with a byte order mark: %v", err)
	}
	// Unknown keys are fine: a newer writer may add some.
	if _, err := baseline.Load(strings.NewReader(`{"version": "1", "tool": "l10nlint", "generated": "x", "findings": [{"rule": "r", "path": "p", "fingerprint": "f", "extra": 1}]}`)); err != nil {
		t.Errorf("unknown keys: %v", err)
	}
}

func TestFilter(t *testing.T) {
	base := []report.Finding{
		finding("r", "a.md", "f1", 1, "m"),
		finding("r", "a.md", "f1", 1, "m"),
		finding("r", "a.md", "f2", 5, "m"),
	}
	for _, tc := range []struct {
		name        string
		in          []report.Finding
		wantFresh   []string // fingerprints
		wantMatched int
	}{
		{"all baselined", base, nil, 3},
		{"line and message are not matched", []report.Finding{finding("r", "a.md", "f2", 99, "other words")}, nil, 1},
		{"multiplicity: two entries absorb two findings", []report.Finding{base[0], base[0], base[0]}, []string{"f1"}, 2},
		{"fixed findings leave entries unmatched", []report.Finding{base[2]}, nil, 1},
		{"rule, path and fingerprint all count", []report.Finding{
			finding("other", "a.md", "f1", 1, "m"),
			finding("r", "b.md", "f1", 1, "m"),
			finding("r", "a.md", "f3", 1, "m"),
			finding("r", "a.md", "f1", 1, "m"),
		}, []string{"f1", "f1", "f3"}, 1},
		{"no findings", nil, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := baseline.Write(&buf, base); err != nil {
				t.Fatal(err)
			}
			b, err := baseline.Load(&buf)
			if err != nil {
				t.Fatal(err)
			}
			// Filter twice: it must not consume the baseline.
			for range 2 {
				fresh, matched := b.Filter(tc.in)
				var got []string
				for _, f := range fresh {
					got = append(got, f.Fingerprint)
				}
				if strings.Join(got, ",") != strings.Join(tc.wantFresh, ",") || matched != tc.wantMatched {
					t.Errorf("Filter = %v, %d; want %v, %d", got, matched, tc.wantFresh, tc.wantMatched)
				}
			}
		})
	}
}

// TestEngineFingerprintsSurviveLineShifts runs the real engine: a baseline
// of a page still matches after lines are inserted above the finding and an
// unrelated segment is edited, and stops matching once the flagged segment
// itself changes.
func TestEngineFingerprintsSurviveLineShifts(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	page := filepath.Join("fr-FR", "cert.md")
	if err := os.MkdirAll("fr-FR", 0o755); err != nil {
		t.Fatal(err)
	}
	seg := func(id, target, source string) string {
		return `<span data-ttu-id="` + id + `">` + target + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + source + `</span></span>`
	}
	const head = "---\ntitle: Certification\nms.contentlocale: fr-FR\n---\n# " // title line shared by every version
	bad := seg("c-2", "Microsoft a obtenu la certification ISO 20000-1 en 2018.", "Microsoft obtained the ISO 22301 certification in 2018.")
	run := func(content string) []report.Finding {
		t.Helper()
		if err := os.WriteFile(page, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := engine.Run([]string{"fr-FR"}, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Findings
	}

	v1 := head + seg("c-1", "Certification", "Certification") + "\n\n" + bad + "\n"
	first := run(v1)
	if !hasRule(first, "number-mismatch") {
		t.Fatalf("the planted number mismatch is not found: %+v", first)
	}
	b := roundTrip(t, first)

	for _, tc := range []struct {
		name    string
		content string
		// newRule is the rule of the one finding expected to be new, "" for none.
		newRule string
	}{
		{"unchanged", v1, ""},
		{"lines inserted above", head + seg("c-1", "Certification", "Certification") + "\n\n" +
			seg("c-9", "Un nouveau paragraphe sur la conformité des services.", "A new paragraph about service compliance.") + "\n\n\n\n" + bad + "\n", ""},
		{"segment moved into a longer line", head + seg("c-1", "Certification", "Certification") + "\n\n> " +
			seg("c-9", "Remarque.", "Note.") + " " + bad + "\n", ""},
		{"flagged target changed", head + seg("c-1", "Certification", "Certification") + "\n\n" +
			seg("c-2", "Microsoft a obtenu la certification ISO 20000-1 en 2019.", "Microsoft obtained the ISO 22301 certification in 2018.") + "\n", "number-mismatch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(tc.content)
			fresh, matched := b.Filter(got)
			var rulesOf []string
			for _, f := range fresh {
				rulesOf = append(rulesOf, f.Rule+"@"+f.Path+":"+f.Message)
			}
			if tc.newRule == "" {
				if tc.content != v1 && posOf(got, "number-mismatch") == posOf(first, "number-mismatch") {
					t.Fatalf("the edit did not move the finding (%+v): the case proves nothing", posOf(got, "number-mismatch"))
				}
				if len(fresh) != 0 {
					t.Errorf("findings resurrected: %q", rulesOf)
				}
				if matched != len(first) {
					t.Errorf("matched %d, want %d", matched, len(first))
				}
				return
			}
			if len(fresh) != 1 || fresh[0].Rule != tc.newRule {
				t.Errorf("new findings %q, want one %s", rulesOf, tc.newRule)
			}
			if !strings.Contains(fresh[0].Message, "2019") {
				t.Errorf("new finding is not about the changed segment: %s", fresh[0].Message)
			}
		})
	}
}

func posOf(fs []report.Finding, rule string) textfile.Position {
	for _, f := range fs {
		if f.Rule == rule {
			return f.Start
		}
	}
	return textfile.Position{}
}

func hasRule(fs []report.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// TestCorpusFingerprintsSurviveOtherPages: a corpus finding whose message
// names other places (inconsistent-translation's path:line of each
// variant) or the state of another page (broken-link's note that the
// source page has the same broken link) keeps its fingerprint when those
// change: lines inserted in the other page, the source page deleted.
func TestCorpusFingerprintsSurviveOtherPages(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := func(id, target, source string) string {
		return `<span data-ttu-id="` + id + `">` + target + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + source + `</span></span>` + "\n\n"
	}
	head := "---\ntitle: T\nms.contentlocale: fr-FR\n---\n\n"
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	label := seg("a-1", "Cliquez sur **Plus d'options**.", "Click **More options**.")
	link := seg("a-2", "Voir [la page](gone.md).", "See [the page](gone.md).")
	write("fr-FR/a.md", head+label+link)
	write("fr-FR/b.md", head+seg("b-1", "Cliquez sur **Autres options**.", "Click **More options**."))
	write("en-US/a.md", "---\ntitle: T\n---\n\nClick **More options**.\n\nSee [the page](gone.md).\n")
	run := func() []report.Finding {
		t.Helper()
		res, err := engine.Run([]string{"fr-FR"}, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Findings
	}
	first := run()
	if !hasRule(first, "inconsistent-translation") || !hasRule(first, "broken-link") {
		t.Fatalf("the planted findings are not found: %+v", first)
	}
	b := roundTrip(t, first)
	// The other page's lines move, the source page goes: both messages
	// change.
	write("fr-FR/b.md", head+"<!-- relu -->\n\n\n"+seg("b-1", "Cliquez sur **Autres options**.", "Click **More options**."))
	if err := os.Remove("en-US/a.md"); err != nil {
		t.Fatal(err)
	}
	got := run()
	changed := 0
	for _, f := range got {
		for _, g := range first {
			if f.Rule == g.Rule && f.Rule != "orphan-page" && f.Message != g.Message {
				changed++
			}
		}
	}
	if changed < 2 {
		t.Fatalf("the edits changed %d messages: the case proves nothing", changed)
	}
	fresh, _ := b.Filter(got)
	for _, f := range fresh {
		if f.Rule == "inconsistent-translation" || f.Rule == "broken-link" {
			t.Errorf("resurrected: %s %s", f.Rule, f.Message)
		}
	}
}

// TestGroupFindingsMatchWhereverReported: an inconsistency of three pages
// is reported on the first page a run names; a baseline written by a run
// of all three still matches it when a run names only the other two (a
// pre-commit run), or when the page it was on is gone.
func TestGroupFindingsMatchWhereverReported(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := func(id, target string) string {
		src := "Don't click **More options**."
		if strings.HasPrefix(id, "b") {
			src = "Don’t click **More options**."
		}
		return `<span data-ttu-id="` + id + `">` + target + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + `</span></span>` + "\n"
	}
	head := "---\ntitle: T\nms.contentlocale: fr-FR\n---\n\n"
	// b.md writes the source with a typographic apostrophe: the group's
	// text depends on which page is first, its key does not.
	for name, target := range map[string]string{"a": "Cliquez sur **Plus d'options**.", "b": "Cliquez sur **Autres options**.", "c": "Cliquez sur **Plus d'options**."} {
		if err := os.MkdirAll("fr-FR", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("fr-FR/"+name+".md", []byte(head+seg(name+"-1", target)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(paths ...string) []report.Finding {
		t.Helper()
		res, err := engine.Run(paths, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out []report.Finding
		for _, f := range res.Findings {
			if f.Rule == "inconsistent-translation" {
				out = append(out, f)
			}
		}
		return out
	}
	all := run("fr-FR")
	if len(all) != 1 || !strings.HasSuffix(all[0].Path, "a.md") {
		t.Fatalf("full run: %+v", all)
	}
	b := roundTrip(t, all)
	some := run("fr-FR/b.md", "fr-FR/c.md")
	if len(some) != 1 || !strings.HasSuffix(some[0].Path, "b.md") {
		t.Fatalf("the case proves nothing: %+v", some)
	}
	if fresh, matched := b.Filter(some); len(fresh) != 0 || matched != 1 {
		t.Errorf("a run of b.md and c.md: fresh %+v, matched %d", fresh, matched)
	}
	// The entry of a.md, matched on b.md, is no fixed finding of b.md.
	if n := b.Stale([]string{"fr-FR/b.md", "fr-FR/c.md"}, 1, nil); n != 0 {
		t.Errorf("stale %d after the group match, want 0", n)
	}
	if err := os.Remove("fr-FR/a.md"); err != nil {
		t.Fatal(err)
	}
	if fresh, _ := b.Filter(run("fr-FR")); len(fresh) != 0 {
		t.Errorf("a.md gone: fresh %+v", fresh)
	}
}

// TestStaleAfterGroupMatch: a group entry of a file not checked, matched
// on a checked one, does not hide a fixed entry of the checked file.
func TestStaleAfterGroupMatch(t *testing.T) {
	group := func(path string) report.Finding {
		return report.Finding{Finding: rules.Finding{Rule: "inconsistent-translation", Path: path, Key: "translated\x00fr-FR\x00k", Anywhere: true},
			ProjectPath: path, Fingerprint: "fp-" + path}
	}
	fixed := report.Finding{Finding: rules.Finding{Rule: "number-mismatch", Path: "fr-FR/b.md"}, ProjectPath: "fr-FR/b.md", Fingerprint: "n1"}
	b := baseline.From([]report.Finding{group("fr-FR/a.md"), fixed})
	fresh, matched := b.Filter([]report.Finding{group("fr-FR/b.md")})
	if len(fresh) != 0 || matched != 1 {
		t.Fatalf("fresh %+v, matched %d", fresh, matched)
	}
	if n := b.Stale([]string{"fr-FR/b.md"}, matched, nil); n != 1 {
		t.Errorf("stale %d, want 1 (b.md's fixed number)", n)
	}
	// A rule the run did not run: its entries are not judged.
	if n := b.Stale([]string{"fr-FR/b.md"}, matched, func(r string) bool { return r != "number-mismatch" }); n != 0 {
		t.Errorf("stale %d with number-mismatch off, want 0", n)
	}
	// A group entry of a checked file, unmatched (its other pages not
	// read): not judged either.
	b = baseline.From([]report.Finding{group("fr-FR/a.md")})
	b.Filter(nil)
	if n := b.Stale([]string{"fr-FR/a.md"}, 0, nil); n != 0 {
		t.Errorf("stale %d for a group entry, want 0", n)
	}
}

// roundTrip writes findings as a baseline file and reads it back, as a
// baseline command and a later check do.
func roundTrip(t *testing.T, findings []report.Finding) *baseline.Baseline {
	t.Helper()
	var buf bytes.Buffer
	if err := baseline.Write(&buf, findings); err != nil {
		t.Fatal(err)
	}
	b, err := baseline.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
