package locale

import (
	"testing"
	"unicode"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"fr-fr": "fr-FR", "FR-FR": "fr-FR", "zh-hans": "zh-Hans", "pt_BR": "pt-BR", "es-419": "es-419",
		"de": "de", "zh-Hant-TW": "zh-Hant-TW", "how-to": "", "docs": "", "en-": "", "xx-YY": "", "no-sql": "",
	} {
		got, ok := Normalize(in)
		if got != want || ok != (want != "") {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"corpus/o365seccomp/fr-FR/alert-policies.md": "fr-FR",
		"docs/fr-fr/a/b.md":                          "fr-FR",
		"i18n/de/docusaurus-plugin/x.md":             "de",
		"content/zh-cn/how-to/page.md":               "zh-CN",
		"docs/how-to/page.md":                        "",
		"fr-FR.md":                                   "", // a file name is not a locale folder
		"docs/js/app.md":                             "",
	} {
		if got := FromPath(in); got != want {
			t.Errorf("FromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScriptAndCJK(t *testing.T) {
	if Script("zh-CN") != unicode.Han || Script("ru-RU") != unicode.Cyrillic || Script("sr-Latn-RS") != unicode.Latin || Script("fr-FR") != unicode.Latin {
		t.Error("wrong script")
	}
	if !CJK("ja-JP") || CJK("de-DE") {
		t.Error("wrong CJK")
	}
	if Language("pt-BR") != "pt" {
		t.Error("wrong language")
	}
}
