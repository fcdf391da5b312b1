package rules_test

import "testing"

// TestInnerCapital: words the translation garbled with a capital inside,
// from the corpus, and the camel-case words that are written so.
func TestInnerCapital(t *testing.T) {
	runCases(t, "inner-capital", []ruleCase{
		{name: "a German adjective",
			// de-DE/office-365-encryption-risks-and-protections.md line 50
			path: "de-DE/page.md",
			text: sxs("a-1", "Bei dem geHeimen Tresor handelt es sich um ein sicheres Repository.", "The Secret Safe is a secured repository.") + "\n",
			want: []string{`"geHeimen" has a capital letter inside it ("H"): a word garbled by the translation`}, at: []string{"geHeimen"}},
		{name: "a French word with an accent before the capital",
			// fr-FR/office-365-data-retention-deletion-and-destruction-overview.md
			text: sxs("a-1", "La réSilience des données.", "Data resiliency.") + "\n",
			want: []string{`"réSilience" has a capital letter inside it ("S")`}, at: []string{"réSilience"}},
		{name: "a capital with an accent",
			text: sxs("a-1", "Les fichiers multiMédias.", "Multimedia files.") + "\n",
			want: []string{`"multiMédias" has a capital letter inside it ("M")`}},
		{name: "two words glued",
			path: "de-DE/page.md",
			text: sxs("a-1", "Arbeiten Sie mitOffice 365.", "Work with Office 365.") + "\n",
			want: []string{`"mitOffice"`}},
		{name: "in link text and bold",
			path: "de-DE/page.md",
			text: sxs("a-1", "Mit dem **anGriffs** [vorFällen](a.md) arbeiten.", "Work with the **attack** [incidents](a.md).") + "\n",
			want: []string{`"anGriffs"`, `"vorFällen"`}, at: []string{"anGriffs", "vorFällen"}},
		{name: "camel-case words the source has, in any case, or as a plural",
			text: sxs("a-1", "Utilisez eDiscovery et la propriété folderPath sur les iPhone.", "Use eDiscovery and the FolderPath property on iPhones.") + "\n"},
		{name: "a camel-case name the source has in the plural",
			// beside a word to report, so the segment is read word by word
			text: sxs("a-1", "Déployez le mToken de réSilience.", "Deploy the mTokens of resiliency.") + "\n",
			want: []string{`"réSilience"`}},
		{name: "a cmdlet the source writes with its hyphen",
			path: "de-DE/page.md",
			text: sxs("a-1", "Verwenden Sie setComplianceSearch.", "Use Set-ComplianceSearch.") + "\n"},
		{name: "a word that starts with a capital is a name",
			path: "de-DE/page.md",
			text: sxs("a-1", "Die BedrohungsAnalyse und QuickInfo.", "The threat analysis and tooltip.") + "\n"},
		{name: "code, URLs, file names, parameters and addresses",
			text: sxs("a-1", "Exécutez `getItem`, ouvrez https://contoso.com/siteUrl, le fichier monFichier.txt, -resultSize et alias@nomDomaine.", "Run `getItem`, open https://contoso.com/siteUrl, the file myFile.txt, -ResultSize and alias@domainName.") + "\n"},
		{name: "a do-not-translate term",
			opts: nil,
			text: sxs("a-1", "Les appareils iOS et l'application eDiscovery.", "Devices and the app.") + "\n"},
		{name: "Korean, Japanese and Chinese text glued to a camel-case name is no part of it",
			path: "ko-KR/page.md",
			text: sxs("a-1", "iPhone에서 eDiscovery를 엽니다.", "Open eDiscovery on the iPhone.") + "\n" +
				sxs("a-2", "eDiscoveryケースを開きます。 打开 eDiscovery中的案例。", "Open the eDiscovery case.") + "\n"},
		{name: "a page in the source language",
			path: "en-GB/page.md",
			text: sxs("a-1", "The geHeimen vault.", "The secret vault.") + "\n"},
	})
}
