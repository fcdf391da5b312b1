package rules_test

import "testing"

// TestKeywordList: the entries of a classifier's keyword list the
// translation changed, from the corpus, and the lists that are not one.
func TestKeywordList(t *testing.T) {
	heading := func(h string) string { return "#### " + sxs("h-1", h, h) + "\n\n" }
	runCases(t, "keyword-list", []ruleCase{
		{name: "translated, re-cased and a sign dropped",
			// fr-FR/what-the-sensitive-information-types-look-for.md lines 2501, 2486
			text: heading("Keyword_card_terms_dict") +
				"- " + sxs("a-1", "numéros de carte", "card numbers") + "\n" +
				"- " + sxs("a-2", "Kaart", "kaart") + "\n" +
				"- " + sxs("a-3", "aba", "aba#") + "\n" +
				"- " + sxs("a-4", "amex", "amex") + "\n",
			want: []string{`the source has "card numbers", the target "numéros de carte" (the keywords of Keyword_card_terms_dict are matched as written)`,
				`the source has "kaart", the target "Kaart"`, `the source has "aba#", the target "aba"`},
			at:    []string{"numéros de carte", "Kaart", "aba"},
			fixed: heading("Keyword_card_terms_dict") + "- " + sxs("a-1", "card numbers", "card numbers") + "\n" + "- " + sxs("a-2", "kaart", "kaart") + "\n" + "- " + sxs("a-3", "aba#", "aba#") + "\n" + "- " + sxs("a-4", "amex", "amex") + "\n"},
		{name: "an apostrophe made typographic",
			text: heading("Keyword_belgium_national_number") + "- " + sxs("a-1", "numéro d’immatriculation", "numéro d'immatriculation") + "\n",
			want: []string{`the target "numéro d’immatriculation"`}},
		{name: "a target that starts with a no-break or ideographic space",
			path:  "zh-CN/page.md",
			text:  heading("Keyword_card") + "- " + sxs("a-1", "\u00a0卡号", "card number") + "\n" + "- " + sxs("a-2", "\u3000卡", "card") + "\n",
			want:  []string{`the source has "card number", the target "卡号"`, `the source has "card", the target "卡"`},
			fixed: heading("Keyword_card") + "- " + sxs("a-1", "\u00a0card number", "card number") + "\n" + "- " + sxs("a-2", "\u3000card", "card") + "\n"},
		{name: "a heading of the page's own ends the keyword list",
			text: heading("Keyword_card") + "- " + sxs("a-1", "card", "card") + "\n\n## Exemples\n\n- " + sxs("a-2", "Numéro de carte valide", "Valid card number") + "\n"},
		{name: "a keyword with a note on it: the note is prose",
			// line 3695 of what-the-sensitive-information-types-look-for.md
			text: heading("Keyword_ipaddress") + "- " + sxs("a-1", "IP (ce mot clé respecte la casse)", "IP (this keyword is case sensitive)") + "\n" +
				"- " + sxs("a-2", "ip (ce mot clé respecte la casse)", "IP (this keyword is case sensitive)") + "\n",
			want: []string{`the source has "IP (this keyword is case sensitive)", the target "ip (ce mot clé respecte la casse)"`}},
		{name: "a list under another identifier is translated rightly",
			// de-DE/what-the-dlp-functions-look-for.md line 52: the languages of Func_us_date
			path: "de-DE/page.md",
			text: heading("Func_us_date") + "- " + sxs("a-1", "Englisch", "English") + "\n"},
		{name: "a list under a heading in words",
			text: heading("Keywords") + "- " + sxs("a-1", "numéro de carte", "card number") + "\n"},
		{name: "sentences under a keyword heading are prose",
			text: heading("Keyword_passport") + "- " + sxs("a-1", "Le mot clé doit être proche.", "The keyword must be nearby.") + "\n"},
		{name: "entries written as paragraphs, an abbreviation's dot",
			// fr-FR/eu-tax-identification-number.md line 77; de-DE/... line 2596
			text: heading("Keywords_austria_eu_tax_file_number") + sxs("a-1", "Numéro de taxe", "tax number") + "\n\n" +
				sxs("a-2", "Nein.", "no.") + "\n\n" + sxs("a-3", "Cette liste sert aux exemples du document.", "This list serves the examples of the document.") + "\n",
			want: []string{`the source has "tax number", the target "Numéro de taxe" (the keywords of Keywords_austria_eu_tax_file_number`, `the source has "no.", the target "Nein."`}},
		{name: "the cells of a table headed by a keyword list's name",
			// fr-FR/eu-driver-s-license-number.md line 62
			text: "|" + sxs("h-2", "**Keywords_austria_eu_driver's_license_number**", "**Keywords_austria_eu_driver's_license_number**") + "|\n|:-----|\n|" +
				sxs("a-1", "LD", "dl#") + "  <br/> " + sxs("a-2", "driver license", "driver license") + "  <br/> |\n\nApres " + sxs("a-3", "Permis", "driver license") + "\n",
			want: []string{`the source has "dl#", the target "LD" (the keywords of Keywords_austria_eu_driver's_license_number are matched as written)`}},
		{name: "a page in the source language",
			path: "en-GB/page.md",
			text: heading("Keyword_passport") + "- " + sxs("a-1", "Passport", "passport") + "\n"},
	})
}
