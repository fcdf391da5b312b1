package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/l10nlint/l10nlint/rules"
)

func testRegistry() *rules.Registry {
	reg := rules.NewRegistry()
	_ = reg.Register(&rules.Rule{ID: "untranslated", Aliases: []string{"same-as-source"}, Severity: rules.Warning,
		Options: []rules.Option{{Name: "min-words", Default: 4}, {Name: "terms", Default: []string{}}},
		Run:     func(*rules.Pass) {}})
	_ = reg.Register(&rules.Rule{ID: "length-ratio", Severity: rules.Warning,
		Options: []rules.Option{{Name: "min-ratio", Default: 0.0}, {Name: "strict", Default: false}, {Name: "mode", Default: ""},
			{Name: "style", Default: "nbsp", Values: []string{"nbsp", "narrow"}}},
		Run: func(*rules.Pass) {}})
	return reg
}

func TestParse(t *testing.T) {
	reg := testRegistry()
	c, err := Parse([]byte(`
source-locale: en-us
locale: fr_fr
include: ["docs/**/*.md"]
exclude: ["**/TOC.md"]
do-not-translate: [Intune, Power BI]
rules:
  same-as-source: off
  length-ratio:
    severity: error
    options: {min-ratio: 0.3, strict: true, mode: fast}
`), "cfg.yaml", reg)
	if err != nil {
		t.Fatal(err)
	}
	if c.SourceLocale != "en-US" || c.Locale != "fr-FR" {
		t.Errorf("locales %q %q", c.SourceLocale, c.Locale)
	}
	if got := strings.Join(c.DoNotTranslate, "|"); got != "Intune|Power BI" {
		t.Errorf("do-not-translate %q", got)
	}
	if sev := c.Severity(reg.Lookup("untranslated")); sev != rules.Off {
		t.Errorf("untranslated severity %v, want off (set through its alias)", sev)
	}
	lr := reg.Lookup("length-ratio")
	if sev := c.Severity(lr); sev != rules.Error {
		t.Errorf("length-ratio severity %v", sev)
	}
	o := c.Rules["length-ratio"].Options
	if o["min-ratio"] != 0.3 || o["strict"] != true || o["mode"] != "fast" {
		t.Errorf("options %v", o)
	}
	for path, want := range map[string]bool{"docs/a/b.md": true, "docs/TOC.md": false, "other/x.md": false, "docs/x.txt": false} {
		if got := c.Match(path); got != want {
			t.Errorf("Match(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	reg := testRegistry()
	for _, c := range []struct{ yaml, want string }{
		{"sourcelocale: en-US\n", `cfg.yaml:1: unknown key "sourcelocale"`},
		{"rules:\n  no-such-rule: off\n", `cfg.yaml:2: unknown rule "no-such-rule"`},
		{"rules:\n  untranslated:\n    severity: loud\n", `cfg.yaml:3: untranslated: unknown severity "loud"`},
		{"rules:\n  untranslated:\n    options:\n      min-word: 3\n", `cfg.yaml:4: untranslated: unknown option "min-word" (known: min-words, terms)`},
		{"rules:\n  untranslated:\n    options:\n      min-words: many\n", `cfg.yaml:4: untranslated: option min-words: expected a whole number`},
		{"rules:\n  untranslated:\n    options:\n      min-words: 5.9\n", `cfg.yaml:4: untranslated: option min-words: expected a whole number`},
		{"rules:\n  untranslated:\n    options:\n      min-words:\n", `cfg.yaml:4: untranslated: option min-words: no value`},
		{"rules:\n  untranslated:\n    options:\n      terms: [a, ~]\n", `cfg.yaml:4: untranslated: option terms: expected a list of strings`},
		{"rules:\n  untranslated:\n    level: error\n", `cfg.yaml:3: untranslated: unknown key "level"`},
		{"rules:\n  length-ratio:\n    options:\n      style: wide\n", `cfg.yaml:4: length-ratio: option style: "wide" is not one of nbsp, narrow`},
		{"locale: klingon\n", `cfg.yaml:1: locale: "klingon" is not a locale code`},
		{"include: docs\n", `cfg.yaml:1: include: expected a list`},
		{"ignore:\n  - rules: untranslated\n", `cfg.yaml:2: ignore: rules: expected a list`},
		{"ignore:\n  - path: [fr-FR/a.md]\n", `cfg.yaml:2: ignore: path: expected a single value`},
		{"custom-rules:\n  - id: fr-click\n    message: m\n    if-source: [\"(?i)click\"]\n    target-must-not-match: click\n", `cfg.yaml:4: custom-rules: if-source: expected a single value`},
		{"custom-rules:\n  - id: x\n    message: m\n    target-must-not-match:\n", `cfg.yaml:4: custom-rules: target-must-not-match: an empty pattern matches every text`},
		{"custom-rules:\n  - id: fr-click\n    message: m\n    locale: [fr-FR]\n", `cfg.yaml:4: custom-rules: unknown key "locale" (known: id, message, severity, locales, if-source, target-must-match, target-must-not-match)`},
		{"- a\n", `cfg.yaml:1: the configuration must be a mapping`},
		{"rules: [\n", `cfg.yaml:1: did not find expected node content`},
		{"layout:\n  - source: docs/{path}\n    target: content/{path}.{locale}.md\n", `cfg.yaml:2: layout: target "content/{path}.{locale}.md": write {locale} once`},
		{"layout:\n  - source: \"{path}\"\n    target: l10n/{locale}/{path}\n", `cfg.yaml:2: layout: source "{path}": write a folder`},
		{"layout:\n  - source: docs/{path}\n    target: l10n/docs-{locale}/{path}\n", `cfg.yaml:2: layout: target "l10n/docs-{locale}/{path}": {locale} must be a whole folder`},
		{"layout:\n  - source: docs/{path}\n    target: l10n/{locale}-docs/{path}\n", `cfg.yaml:2: layout: target "l10n/{locale}-docs/{path}": {locale} must be a whole folder`},
		{"locale: fr-FR\nlocale: de-DE\n", `cfg.yaml:2: key "locale" given twice (first on line 1)`},
		{"custom-rules:\n  - id: My Rule\n    target-must-match: x\n", `cfg.yaml:2: custom-rules: id "My Rule": use lower-case letters`},
		{"locale: fr-FR\n---\nlocale: de-DE\n", `cfg.yaml:2: a second YAML document`},
		{"ignore:\n  - {}\n", `cfg.yaml:2: ignore: an entry needs a path, rules or segments`},
		{"rules:\n  untranslated:\n    severity: note\n    severity: error\n", `cfg.yaml:4: key "severity" given twice (first on line 3)`},
		{"rules:\n  untranslated: &b {severity: note}\n  length-ratio:\n    <<: *b\n", `cfg.yaml:4: merge keys (<<) are not supported`},
		{"ignore:\n  - path: [fr-FR/**]\n    rules: [untranslated]\n", `cfg.yaml:2: ignore: path: expected a single value`},
		{"ignore:\n  - path: \"fr-FR/[\"\n", `cfg.yaml:2: ignore: bad glob "fr-FR/["`},
		{"max-file-size: 16 megs\n", `cfg.yaml:1: max-file-size: "16 megs" is not a size`},
		{"max-file-size: -1\n", `cfg.yaml:1: max-file-size: "-1" is not a size`},
	} {
		_, err := Parse([]byte(c.yaml), "cfg.yaml", reg)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: got %v, want a config error", c.yaml, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.yaml, err, c.want)
		}
	}
}

// TestAliasesAndDotSlash: aliases read as the values their anchors mark,
// and globs starting with ./ are relative to the configuration's folder
// like the others (they matched nothing).
func TestAliasesAndDotSlash(t *testing.T) {
	c, err := Parse([]byte("rules:\n  untranslated: &w note\n  length-ratio: *w\ninclude: &i [\"./fr-FR/**\"]\nexclude: [\"./fr-FR/TOC.md\"]\nignore:\n  - path: ./fr-FR/legal/**\n"), "cfg.yaml", testRegistry())
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Rules["length-ratio"].Severity; s == nil || *s != rules.Note {
		t.Errorf("length-ratio: *w gave severity %v, want note", s)
	}
	if !c.Match("fr-FR/a.md") || c.Match("de-DE/a.md") {
		t.Errorf("include ./fr-FR/**: %v", c.Include)
	}
	if c.Exclude[0] != "fr-FR/TOC.md" || c.Ignores[0].Path != "fr-FR/legal/**" {
		t.Errorf("exclude %v, ignore %+v", c.Exclude, c.Ignores)
	}
}

func TestFindAndLoad(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != "" && strings.HasPrefix(got, dir) {
		t.Fatalf("found %q before writing one", got)
	}
	file := filepath.Join(dir, FileName)
	if err := os.WriteFile(file, []byte("locale: de-DE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != file {
		t.Fatalf("Find = %q, want %q", got, file)
	}
	c, err := Load(file, testRegistry())
	if err != nil || c.Locale != "de-DE" || c.Dir != dir {
		t.Fatalf("Load = %+v, %v", c, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml"), testRegistry()); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing file: %v", err)
	}
}

func TestGlob(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"**/*.md", "a.md", true},
		{"**/*.md", "x/y/a.md", true},
		{"docs/**", "docs/a/b", true},
		{"docs/*.md", "docs/a/b.md", false},
		{"**/includes/**", "fr-FR/includes/x.md", true},
		{"*.md", "x/a.md", false},
	} {
		if got := Glob(c.pattern, c.name); got != c.want {
			t.Errorf("Glob(%q, %q) = %v", c.pattern, c.name, got)
		}
	}
}

func TestGlossary(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "l10n"), 0o755); err != nil {
		t.Fatal(err)
	}
	gl := "sensitivity label: étiquette de confidentialité\nretention policy:\n  allowed: [stratégie de rétention]\n  forbidden: [politique de rétention]\nsign in: [se connecter, connectez-vous]\n"
	if err := os.WriteFile(filepath.Join(dir, "l10n", "fr.yaml"), []byte(gl), 0o644); err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(dir, FileName)
	if err := os.WriteFile(cfgFile, []byte("glossary:\n  fr-fr: l10n/fr.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(cfgFile, testRegistry())
	if err != nil {
		t.Fatal(err)
	}
	g := c.Glossaries["fr-FR"]
	if g == nil || len(g.Entries) != 3 {
		t.Fatalf("glossary: %+v", g)
	}
	e := g.Entries[1]
	if e.Source != "retention policy" || e.Allowed[0] != "stratégie de rétention" || e.Forbidden[0] != "politique de rétention" || e.Line != 2 {
		t.Errorf("entry: %+v", e)
	}
	if len(g.Entries[2].Allowed) != 2 || g.Entries[0].Allowed[0] != "étiquette de confidentialité" {
		t.Errorf("entries: %+v", g.Entries)
	}
	// Errors name the glossary file and line.
	if err := os.WriteFile(filepath.Join(dir, "l10n", "fr.yaml"), []byte("a: b\nc:\n  allow: [d]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(cfgFile, testRegistry()); err == nil || !strings.Contains(err.Error(), "fr.yaml:3: \"c\": unknown key \"allow\"") {
		t.Errorf("bad glossary: %v", err)
	}
	if err := os.WriteFile(cfgFile, []byte("glossary:\n  fr-FR: missing.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(cfgFile, testRegistry()); err == nil || !strings.Contains(err.Error(), ".l10nlint.yaml:2: glossary for fr-FR") {
		t.Errorf("missing glossary: %v", err)
	}
}

func TestMaxFileSize(t *testing.T) {
	if c := Default(); c.MaxFileSize != DefaultMaxFileSize {
		t.Errorf("default max-file-size %d, want %d", c.MaxFileSize, DefaultMaxFileSize)
	}
	for in, want := range map[string]int64{
		"0": 0, "1000": 1000, "500KB": 500_000, "500 kb": 500_000, "2MB": 2_000_000, "16MiB": 16 << 20,
		"1 GiB": 1 << 30, "3gb": 3_000_000_000, "12B": 12, "1000000000000": 1_000_000_000_000,
	} {
		c, err := Parse([]byte("max-file-size: "+in+"\n"), "cfg.yaml", testRegistry())
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if c.MaxFileSize != want {
			t.Errorf("max-file-size: %s = %d, want %d", in, c.MaxFileSize, want)
		}
	}
	for _, bad := range []string{"", "MB", "1.5MB", "10 TB", "9999999999999MB", "999999999999GiB", "0x10"} {
		if n, ok := ParseSize(bad); ok {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, n)
		}
	}
}

// TestAliasBomb: aliases of aliases that expand to billions of values are
// refused at once (settling them walked every expansion).
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x]\n")
	for i := 1; i <= 24; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Parse([]byte(b.String()), "cfg.yaml", testRegistry())
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "expands to more than") {
			t.Errorf("error %v, want the expansion refused", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("parsing an alias bomb did not end")
	}
}

// TestAliasCycleAndBigDocuments: an alias inside its own anchor is an error
// at its line; a big document without aliases (a glossary of many terms)
// is no alias bomb.
func TestAliasCycleAndBigDocuments(t *testing.T) {
	_, err := Parse([]byte("do-not-translate: &a [x, *a]\n"), "cfg.yaml", testRegistry())
	if err == nil || !strings.Contains(err.Error(), "cfg.yaml:1: an alias refers to the value it is in") {
		t.Errorf("self-referencing alias: %v", err)
	}
	var b strings.Builder
	b.WriteString("do-not-translate:\n")
	for i := 0; i < maxNodes+10; i++ {
		fmt.Fprintf(&b, "  - t%d\n", i)
	}
	if _, err := Parse([]byte(b.String()), "cfg.yaml", testRegistry()); err != nil {
		t.Errorf("a long list without aliases: %v", err)
	}
}
