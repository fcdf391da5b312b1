package locale

import (
	"testing"
	"unicode"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"fr-fr": "fr-FR", "FR-FR": "fr-FR", "zh-hans": "zh-Hans", "pt_BR": "pt-BR", "es-419": "es-419",
		"de": "de", "zh-Hant-TW": "zh-Hant-TW", "how-to": "", "docs": "", "en-": "", "xx-YY": "", "no-sql": "",
		// Topic folders that look like a language and a script or variant.
		"hr-team": "", "ms-docs": "", "en-blog": "", "de-test": "", "it-labs": "", "en-US-docs": "",
		"sr-latn-rs": "sr-Latn-RS", "ca-ES-valencia": "ca-ES-valencia", "de-CH-1901": "de-CH-1901",
		"my-MM": "my-MM", "dv-MV": "dv-MV", "ckb-IQ": "ckb-IQ", "prs-AF": "prs-AF", "ku-Arab-IQ": "ku-Arab-IQ",
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
		"docs/my/app.md":                             "", // "my" names Burmese only with its region
		"docs/my-mm/app.md":                          "my-MM",
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

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		loc, folder string
		want        bool
	}{
		{"fr-FR", "fr-fr", true}, {"fr-FR", "fr", true}, {"fr-CA", "fr-FR", false}, {"de-DE", "fr", false},
		{"zh-CN", "zh-Hans", true}, {"zh-TW", "zh-Hans", false}, {"zh-TW", "zh-hant", true}, {"zh-Hans-CN", "zh-Hans", true},
		{"fr", "fr-FR", false}, // a folder more specific than the page's locale is a real difference
	} {
		if got := Within(c.loc, c.folder); got != c.want {
			t.Errorf("Within(%q, %q) = %v, want %v", c.loc, c.folder, got, c.want)
		}
	}
}
