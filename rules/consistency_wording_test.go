package rules

import (
	"reflect"
	"testing"
)

func TestBoldLabels(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want []string
	}{
		{"Click **More options**, then **OK**.", []string{"More options", "OK"}},
		{`Click \*\*not bold\*\* here.`, nil},
		{"Empty **** bold and ** spaced ** bold.", nil},
		{"***Bold italic*** label", []string{"Bold italic"}},
		{"**[Linked label](page.md)** and **“引号”**", []string{"Linked label", "引号"}},
		{"**unclosed", nil},
	} {
		var got []string
		for _, l := range boldLabels(tc.raw) {
			got = append(got, l.text)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("boldLabels(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}

func TestLabelKey(t *testing.T) {
	same := [][2]string{
		{"Utilisateurs", "Les utilisateurs"},
		{"Modifier les résultats de test", "Modifier les résultats des tests:"},
		{"Bearbeiten der Testergebnisse", "Bearbeiten von Testergebnissen"},
		{"Filterung von Website-und Websiteinhalten", "Website-und Websiteinhalts Filterung"},
		{"Appliquer l’étiquette", "Appliquer une étiquette"},
	}
	for _, p := range same {
		if labelKey(p[0]) != labelKey(p[1]) {
			t.Errorf("labelKey(%q) = %q, labelKey(%q) = %q: want equal", p[0], labelKey(p[0]), p[1], labelKey(p[1]))
		}
	}
	differ := [][2]string{
		{"Plus d'options", "Autres options"},
		{"Schützen", "Schutz"},
		{"文件、文件夹或站点", "文件、文件夹或网站"},
		{"Date", "Datum"},
	}
	for _, p := range differ {
		if labelKey(p[0]) == labelKey(p[1]) {
			t.Errorf("labelKey(%q) = labelKey(%q) = %q: want different", p[0], p[1], labelKey(p[0]))
		}
	}
}

func TestProseOnly(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"See [Where to sign in](sign-in.md) now.", "See   now."},
		{"Run `Get-Mailbox` in <b>bold</b>.", "Run   in  bold ."},
		{"Go to https://contoso.com/a?b=c then.", "Go to   then."},
		{"Save &amp; close", "Save & close"},
		{`An \*escaped\* star`, "An *escaped* star"},
		{"![icon](media/x.png) Refresh", "  Refresh"},
	} {
		if got := proseOnly(tc.raw); got != tc.want {
			t.Errorf("proseOnly(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}

func TestQuoteText(t *testing.T) {
	for in, want := range map[string]string{
		"Utilisateur\u00a0:": "\"Utilisateur\u00a0:\"",
		"a\u202fb":           "\"a\u202fb\"",
		"zero\u200bwidth":    `"zero\u200bwidth"`, // invisible: still escaped
		`say "hi"`:           `"say \"hi\""`,
		`a\u00a0b`:           `"a\\u00a0b"`, // the six characters, not a no-break space
	} {
		if got := quoteText(in); got != want {
			t.Errorf("quoteText(%q) = %s, want %s", in, got, want)
		}
	}
}
