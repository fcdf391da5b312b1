package layout

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPlace(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "site", "i18n", "fr", "docusaurus-plugin-content-docs", "current"), 0o755); err != nil {
		t.Fatal(err)
	}
	abs := filepath.ToSlash(dir)
	l := Layout{SourceLocale: "en-US", Patterns: []Pattern{{Source: "src/{path}", Target: "translations/{locale}/{path}"}}}
	for _, c := range []struct {
		path, key, locale string
		source, ok        bool
	}{
		{"/r/corpus/o365seccomp/fr-FR/eop/a.md", "/r/corpus/o365seccomp|eop/a.md", "fr-FR", false, true},
		{"/r/corpus/o365seccomp/en-US/eop/a.md", "/r/corpus/o365seccomp|eop/a.md", "en-US", true, true},
		{"/r/content/en/posts/a.md", "/r/content|posts/a.md", "en", true, true},
		{"/r/content/fr/posts/a.md", "/r/content|posts/a.md", "fr", false, true},
		{abs + "/site/i18n/fr/docusaurus-plugin-content-docs/current/intro.md", abs + "/site|docs/intro.md", "fr", false, true},
		{abs + "/site/docs/intro.md", abs + "/site|docs/intro.md", "en-US", true, true},
		{"/r/translations/de-de/guide.md", "/r|src/guide.md", "de-DE", false, true},
		{"/r/docs/guide.md", "", "", false, false}, // docs/ without an i18n tree beside it
		{"/r/notes/a.md", "", "", false, false},
	} {
		p, ok := l.Place(c.path)
		if ok != c.ok || p.Key != c.key || p.Locale != c.locale || p.Source != c.source {
			t.Errorf("Place(%q) = %+v, %v; want key %q locale %q source %v ok %v", c.path, p, ok, c.key, c.locale, c.source, c.ok)
		}
	}
}

// TestExpected: where a missing translation belongs, in each layout, with
// the locale folder spelled as on disk. Before, every layout got
// "{locale}/{path}", wrong for Docusaurus and configured patterns.
func TestExpected(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"site/i18n/fr/docusaurus-plugin-content-docs/current", "site/docs", "docs/en-US", "docs/fr-fr", "r/src", "r/translations/de-de",
		"content/en/docs", "content/fr/docs", "p/en-US/docs", "h/en/x", "h/fr/x", "h/fr-CA/x", "h/zh/x", "h/zh-Hant/x"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	abs := filepath.ToSlash(dir)
	l := Layout{SourceLocale: "en-US", Patterns: []Pattern{{Source: "src/{path}", Target: "translations/{locale}/{path}"}}}
	for _, c := range []struct{ page, loc, want string }{
		{abs + "/site/docs/guide/intro.md", "fr", abs + "/site/i18n/fr/docusaurus-plugin-content-docs/current/guide/intro.md"},
		{abs + "/site/docs/guide/intro.md", "ja", abs + "/site/i18n/ja/docusaurus-plugin-content-docs/current/guide/intro.md"},
		{abs + "/docs/en-US/a/b.md", "fr-FR", abs + "/docs/fr-fr/a/b.md"},
		{abs + "/docs/en-US/a/b.md", "zh-CN", abs + "/docs/zh-CN/a/b.md"},
		{abs + "/r/src/guide.md", "de-DE", abs + "/r/translations/de-de/guide.md"},
		{abs + "/site/i18n/fr/docusaurus-plugin-content-docs/current/x.md", "en-US", abs + "/site/docs/x.md"},
		// Locale folders whose pages sit in a docs/ folder: not Docusaurus.
		{abs + "/content/en/docs/a.md", "fr", abs + "/content/fr/docs/a.md"},
		{abs + "/p/en-US/docs/a.md", "fr-FR", abs + "/p/fr-FR/docs/a.md"},
		// A folder of the locale's language stands for it, the most
		// specific one: the source en/ for en-US, fr/ (not fr-CA/) for
		// fr-FR, zh-Hant/ (not zh/) for zh-TW.
		{abs + "/h/fr/x/a.md", "en-US", abs + "/h/en/x/a.md"},
		{abs + "/h/en/x/a.md", "fr-FR", abs + "/h/fr/x/a.md"},
		{abs + "/h/en/x/a.md", "zh-TW", abs + "/h/zh-Hant/x/a.md"},
	} {
		pl, ok := l.Place(c.page)
		if !ok {
			t.Fatalf("%s not placed", c.page)
		}
		if got := l.Expected(pl, c.loc); got != c.want {
			t.Errorf("Expected(%s, %s) = %s, want %s", c.page, c.loc, got, c.want)
		}
	}
}
