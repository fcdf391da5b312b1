package rules_test

import "testing"

func TestCorruptCharacters(t *testing.T) {
	runCases(t, "corrupt-characters", []ruleCase{
		{name: "a Windows-1252 character read as Latin-1 is a control character, put back from the source",
			// fr-FR/anti-spam-protection-faq.md line 156
			text: sxs("a-1", "Suppression immédiate avec **SafeUnsubscribe**\u0099 | Politique de confidentialité",
				"Instant removal with **SafeUnsubscribe**™ | Privacy Policy") + "\n",
			want:  []string{`control character U+0099 where the source has "™": "™" saved in Windows-1252 and read as Latin-1`},
			at:    []string{"\u0099"},
			fixed: sxs("a-1", "Suppression immédiate avec **SafeUnsubscribe**™ | Politique de confidentialité", "Instant removal with **SafeUnsubscribe**™ | Privacy Policy") + "\n"},
		{name: "without the character in the source, no fix",
			text: sxs("a-1", "Cliquez sur \u0093Enregistrer\u0094.", "Click Save.") + "\n",
			want: []string{`control character U+0093: probably "“" saved in Windows-1252`, `control character U+0094: probably "”"`}},
		{name: "a byte order mark inside the text",
			// de-DE/archive-facebook-data-with-sample-connector.md line 45
			path:  "de-DE/page.md",
			text:  sxs("a-1", "Das [\ufeffKostenlose Azure Active Directory-Abonnement](x.md) ist enthalten.", "The [free Azure Active Directory subscription](x.md) is included.") + "\n",
			want:  []string{"invisible character U+FEFF (byte order mark) the source does not have"},
			at:    []string{"\ufeff"},
			fixed: sxs("a-1", "Das [Kostenlose Azure Active Directory-Abonnement](x.md) ist enthalten.", "The [free Azure Active Directory subscription](x.md) is included.") + "\n"},
		{name: "a run of zero-width spaces is one finding",
			// zh-CN/labels.md line 210
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "这在 Outlook\u200b\u200b 2010 及更高版本中都一样。", "This works the same in Outlook 2010 and later.") + "\n",
			want:  []string{"invisible character U+200B (zero-width space) ×2 the source does not have"},
			at:    []string{"\u200b\u200b"},
			fixed: sxs("a-1", "这在 Outlook 2010 及更高版本中都一样。", "This works the same in Outlook 2010 and later.") + "\n"},
		{name: "mojibake is decoded",
			text: sxs("a-1", "Le rÃ©sultat de lâ€™analyse et ï»¿Â«Â\u00a0Exporter Â».", "The result of the scan and \"Export\".") + "\n",
			want: []string{`"Ã©" is "é" garbled: UTF-8 read as Windows-1252`, `"â€™" is "’" garbled`, `"ï»¿" is a byte order mark garbled`,
				`"Â«" is "«" garbled`, `"Â\u00a0" is "\u00a0" garbled`, `"Â»" is "»" garbled`},
			fixed: sxs("a-1", "Le résultat de l’analyse et «\u00a0Exporter ».", "The result of the scan and \"Export\".") + "\n"},
		{name: "replacement, control and private-use characters",
			text: sxs("a-1", "Le caract\ufffdre \u0007sonne et l'ic\ue700ne.", "The character rings and the icon.") + "\n",
			want: []string{"replacement character U+FFFD", "control character U+0007 the source does not have", "private-use character U+E700"}},
		{name: "characters the source has, entities, and letters that only look like mojibake",
			text: sxs("a-1", "Le château de l’âge naïf de Ã‰lise\u200d : Office\u200d 365 &#8203; NÃO.", "The castle of the naive age of Ã‰lise: Office\u200d 365 &#8203; NÃO.") + "\n"},
		{name: "joiners in the scripts that need them, direction marks in right-to-left text, emoji",
			path: "fa-IR/page.md",
			text: sxs("a-1", "می\u200cخواهم \u200fOffice 365\u200f را نصب کنم 👩\u200d💻", "I want to install Office 365 👩💻") + "\n"},
		{name: "direction marks in a left-to-right language with no right-to-left text",
			text: sxs("a-1", "Données \u200e(PII)\u200e sensibles", "Sensitive (PII) data") + "\n",
			want: []string{"invisible character U+200E (left-to-right mark) the source does not have", "U+200E"}},
		{name: "zero-width spaces in Thai",
			path: "th-TH/page.md",
			text: sxs("a-1", "คลิก\u200bบันทึก", "Click Save") + "\n"},
	})
}
