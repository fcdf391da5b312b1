package suppress_test

import (
	"github.com/l10nlint/l10nlint/internal/config"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/internal/suppress"
	"github.com/l10nlint/l10nlint/rules"
)

func resolve(name string) (string, bool) {
	if r := rules.Default.Lookup(name); r != nil {
		return r.ID, true
	}
	return "", false
}

// TestParsedPage reads the directives of a real page through the Markdown
// parser: comments in code blocks and code spans are not directives, and
// the engine's findings on the page are suppressed line by line.
func TestParsedPage(t *testing.T) {
	const fixture = "../../testdata/suppress/directives.md"
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	pg := page.Parse("directives.md", data, page.Options{SourceLocale: "en-US"})
	dirs, probs := suppress.Parse(pg.Text, pg.Comments, resolve)

	var got []string
	for _, d := range dirs {
		got = append(got, d.String()+" | "+d.Reason)
	}
	want := []string{
		"l10nlint-disable-file inconsistent-translation | mise en page imposée par le fournisseur",
		"l10nlint-disable-next-line number-mismatch | la norme s'appelle ainsi en France",
		"l10nlint-disable untranslated,code-mismatch | noms de commandes conservés",
		"l10nlint-enable | ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("directives:\n got %q\nwant %q", got, want)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Message, `unknown rule "no-such-rule"`) {
		t.Errorf("problems: %+v", probs)
	}
	if s := dirs[1].Spans; len(s) != 1 || s[0].From != 9 || s[0].To != 9 {
		t.Errorf("next-line spans %+v, want line 9", s)
	}
	if s := dirs[2].Spans; len(s) != 1 || s[0].From != 17 || s[0].To != 20 {
		t.Errorf("region spans %+v, want lines 17..20", s)
	}

	// The engine's findings on the same page (it has a planted number
	// mismatch on line 9 and an untranslated segment on line 19).
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "fr-FR"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fr-FR", "directives.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	// inconsistent-translation turned off: a directive for a rule that did
	// not run is not called stale.
	cfg := config.Default()
	off := rules.Off
	cfg.Rules["inconsistent-translation"] = config.RuleConfig{Severity: &off}
	res, err := engine.Run([]string{"fr-FR"}, engine.Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	// The engine applies the page's directives itself.
	var suppressed []string
	for _, sp := range res.Suppressed {
		suppressed = append(suppressed, sp.Finding.Rule+" -- "+sp.Reason)
	}
	var idle []string
	for _, f := range res.Findings {
		if f.Rule == "number-mismatch" && f.Start.Line == 9 || f.Rule == "untranslated" && f.Start.Line == 19 {
			t.Errorf("not suppressed: %s:%d %s", f.Path, f.Start.Line, f.Message)
		}
		if f.Rule == rules.UnusedSuppression.ID {
			idle = append(idle, f.Message)
		}
	}
	if !contains(suppressed, "number-mismatch -- la norme s'appelle ainsi en France") ||
		!contains(suppressed, "untranslated -- noms de commandes conservés") {
		t.Errorf("suppressed %q", suppressed)
	}
	// No code span differs: that directive is reported unused.
	// inconsistent-translation did not run, so its directive is not called
	// stale.
	if !reflect.DeepEqual(idle, []string{"l10nlint-disable suppresses no finding of code-mismatch"}) {
		t.Errorf("unused %q", idle)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
