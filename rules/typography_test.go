package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// The fragments marked with a file name are from the shared corpus (Office
// 365 Security & Compliance docs, machine-translated, May 2019), sometimes
// shortened; the others are made up to pin down one behavior.

func TestTypographyFrench(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "missing space before a colon",
			// fr-FR/create-a-custom-sensitive-information-type-in-scc-powershell.md line 514
			text: sxs("086d8-363", "Étape 3: Importer de nouveau le fichier XML mis à jour vers le package de règles existant.",
				"Step 3: Import the updated XML file back into the existing rule package") + "\n",
			want: []string{`missing no-break space (U+00A0) before ':'`}, at: []string{":"}},
		{name: "missing space before a question mark, after bold markers are looked through",
			// fr-FR/atp-safe-links.md
			text: sxs("a-1", "**La protection des pièces jointes fiables ATP s’applique dans ce cas?**", "**Does ATP Safe Attachments apply in this case?**") + "\n",
			want: []string{`before '?'`}, at: []string{"?"}},
		{name: "colon after a bold label",
			// fr-FR/track-relevance-analysis-in-advanced-ediscovery.md
			text: sxs("a-1", "**Formation**: cet indicateur de progression codé en couleur", "**Training**: this color-coded progress indicator") + "\n",
			want: []string{`before ':'`}, at: []string{":"}},
		{name: "missing space before a semicolon",
			// fr-FR/alert-policies.md line 218
			text: sxs("c27b6-396", "Utilisateur qui a déclenché l’alerte; Cette option est incluse uniquement pour les stratégies d’alerte.",
				"The user who triggered the alert; this is included only for alert policies.") + "\n",
			want: []string{`before ';'`}, at: []string{";"}},
		{name: "guillemets without spaces are one finding",
			// fr-FR/set-up-a-custom-do-not-rewrite-urls-list-with-atp.md line 30
			text: sxs("ba0fa-108", "Une liste «ne pas réécrire» permet à certaines personnes de visiter des URL.",
				`A "do not rewrite" list enables some people to visit URLs.`) + "\n",
			want: []string{"missing no-break space (U+00A0) after '«' and before '»'"}, at: []string{"«ne pas réécrire»"},
			fixed: sxs("ba0fa-108", "Une liste «\u00a0ne pas réécrire\u00a0» permet à certaines personnes de visiter des URL.",
				`A "do not rewrite" list enables some people to visit URLs.`) + "\n"},
		{name: "a closing guillemet at the start of a line needs no space before it",
			text: sxs("a-1", "Le mot «ordinateur\n» suit.", `The word "computer" follows.`) + "\n",
			want: []string{"missing no-break space (U+00A0) after '«'"}, at: []string{"«"},
			fixed: sxs("a-1", "Le mot «\u00a0ordinateur\n» suit.", `The word "computer" follows.`) + "\n"},
		{name: "only the opening guillemet lacks its space",
			text: sxs("a-1", "Le mot «ordinateur ».", `The word "computer".`) + "\n",
			want: []string{"missing no-break space (U+00A0) after '«'"}, at: []string{"«"}},
		{name: "spaces present, ordinary or no-break",
			// fr-FR/GDPR-discovery-protection-reporting-in-Office365-dev-test-environment.md
			text: sxs("a-1", "**Résumé\u00a0:** Faire la démonstration de la recherche de contenu.", "**Summary:** Demonstrate content search.") + "\n\n" +
				sxs("a-2", "**Exemple :** Pourquoi ce changement ? Voilà ! « Rainier » ; fin", "**Example:** Why this change? That's it! Rainier; end") + "\n\n" +
				sxs("a-3", "Étape 3&nbsp;: Importer", "Step 3: Import") + "\n"},
		{name: "times, ratios, URLs, schemes, parameters and query strings are not punctuation",
			text: sxs("a-1", "La tâche s’exécute à 14:00 au format 16:9 sur https://protection.office.com/?view=x et www.contoso.com/a;b.", "The job runs at 14:00 in 16:9 on https://protection.office.com/?view=x and www.contoso.com/a;b.") + "\n\n" +
				sxs("a-2", "Les protocoles http: et https: sont pris en charge, avec -Identity:john.", "The http: and https: protocols are supported, with -Identity:john.") + "\n\n" +
				sxs("a-3", "Les extensions . htm;. html;. shtml", ".htm; .html; .shtml") + "\n"},
		{name: "code spans, link destinations, autolinks and entities are not read",
			text: sxs("a-1", "Exécutez `Set-Mailbox -Identity:john; Get-Mailbox?` dans [Office 365](https://go.microsoft.com/fwlink/?linkid=2084737) ou <https://aka.ms/x?y=1>.",
				"Run `Set-Mailbox -Identity:john; Get-Mailbox?` in [Office 365](https://go.microsoft.com/fwlink/?linkid=2084737) or <https://aka.ms/x?y=1>.") + "\n\n" +
				sxs("a-2", "Centre de sécurité &amp; conformité", "Security &amp; Compliance Center") + "\n"},
		{name: "emoticon, a name kept from the source, a header name kept from the source",
			// Yahoo!: fr-FR/email-encryption.md; X-CustomSpam: fr-FR/advanced-spam-filtering-asf-options.md
			text: sxs("a-1", "Merci :)", "Thanks :)") + "\n\n" +
				sxs("a-2", "Permet d’envoyer des messages à Outlook.com, Yahoo! Mail et Gmail.", "Allows sending messages to Outlook.com, Yahoo! Mail, and Gmail.") + "\n\n" +
				sxs("a-3", "X-CustomSpam: Liens d'image vers des sites distants", "X-CustomSpam: Image links to remote sites") + "\n\n" +
				// fr-FR/use-dkim-to-validate-outbound-email.md line 276
				sxs("a-4", "le domaine indiqué dans l'adresse From: (5322.From) du message", "the domain in the From: address (5322.From) of the message") + "\n"},
		{name: "a drive letter kept from the source is no colon of a sentence",
			text: sxs("a-1", "Le lecteur D: est plein. Copiez-le sur le lecteur E: ensuite.", "The D: drive is full. Copy it to drive E: then.") + "\n" +
				sxs("a-2", "Les lecteurs D: et E: sont pleins.", "Drive D: and the E: volume are full.") + "\n"},
		{name: "a Roman numeral before a colon is no drive",
			// fr-FR/ciso-workshop.md line 37
			text: sxs("a-1", "Module 4a : stratégie, partie I: explorer.", "Module 4a: Threat Protection Strategy, Part I: Explore.") + "\n",
			want: []string{"missing no-break space (U+00A0) before ':'"}},
		{name: "a source that speaks of drives elsewhere",
			text: sxs("a-1", "Option B: une stratégie axée sur les données.", "Option B: a data-driven policy.") + "\n",
			want: []string{"missing no-break space (U+00A0) before ':'"}},
		{name: "an option letter is no drive",
			text: sxs("a-1", "Choisissez l’option A: le portail.", "Choose Option A: the portal.") + "\n",
			want: []string{"missing no-break space (U+00A0) before ':'"}},
		{name: "a one-letter word before a colon the source does not have is",
			text: sxs("a-1", "Étape A: importer.", "Step A. Import.") + "\n",
			want: []string{"missing no-break space (U+00A0) before ':'"}},
		{name: "require-nbsp reports the ordinary space",
			// fr-FR/add-your-organization-brand-to-encrypted-messages.md
			opts: map[string]any{"require-nbsp": true},
			text: sxs("a-1", "**Exemple :** voir ci-dessous, « Rainier ».", "**Example:** see below, Rainier.") + "\n",
			want: []string{"ordinary space before ':' where a no-break space (U+00A0) is expected",
				"ordinary space after '«'", "ordinary space before '»'"},
			at: []string{" :", "« ", " »"}},
		{name: "require-nbsp: a run of spaces is one finding, fixed in one pass",
			opts: map[string]any{"require-nbsp": true},
			text: sxs("a-1", "Remarque  : voir «  Rainier \u00a0».", "Note: see Rainier.") + "\n",
			want: []string{"2 spaces before ':' where one no-break space (U+00A0) is expected",
				"2 spaces after '«' where one no-break space",
				"space + no-break space before '»' where one no-break space"},
			at:    []string{"  :", "«  ", " \u00a0»"},
			fixed: sxs("a-1", "Remarque\u00a0: voir «\u00a0Rainier\u00a0».", "Note: see Rainier.") + "\n"},
		{name: "require-nbsp: a run of spaces between « and » is one finding",
			opts: map[string]any{"require-nbsp": true},
			text: sxs("a-1", "Le champ «  » est vide.", `The "" field is empty.`) + "\n",
			want: []string{"2 spaces after '«' where one no-break space"}},
		{name: "without require-nbsp a run of spaces is the double-space check's",
			text:  sxs("a-1", "Remarque  : voir.", "Note: see.") + "\n",
			want:  []string{"2 spaces in a row in the target; expected one space"},
			fixed: sxs("a-1", "Remarque : voir.", "Note: see.") + "\n"},
		{name: "nbsp-style narrow changes the message",
			opts: map[string]any{"nbsp-style": "narrow"},
			text: sxs("a-1", "Comment fonctionne le thème?", "How does Themes work?") + "\n",
			want: []string{"missing narrow no-break space (U+202F) before '?'"}, at: []string{"?"}},
		{name: "fr-CA: no space expected before ; ! ?, still before :",
			path: "fr-CA/page.md",
			text: sxs("a-1", "Comment fonctionne le thème? Voilà! Fin; Étape 3: Importer", "How does Themes work? That's it! End; Step 3: Import") + "\n",
			want: []string{"before ':'"}, at: []string{":"}},
		{name: "fr-CA with the exemption off",
			path: "fr-CA/page.md", opts: map[string]any{"fr-ca-exempt": false},
			text: sxs("a-1", "Comment fonctionne le thème?", "How does Themes work?") + "\n",
			want: []string{"before '?'"}},
		{name: "check switched off",
			opts: map[string]any{"check-french-spacing": false},
			text: sxs("a-1", "Étape 3: Importer «ceci»", "Step 3: Import this") + "\n"},
		{name: "French rules do not apply to German",
			path: "de-DE/page.md",
			text: sxs("a-1", "Schritt 3: Importieren", "Step 3: Import") + "\n"},
	})
}

func TestTypographyCJK(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "ASCII comma and space after a closing quote",
			text: sxs("a-1", "单击“浏览”, 然后选择文件。", "Click **Browse**, and then select the file.") + "\n",
			path: "zh-CN/page.md",
			want: []string{"ASCII ',' after Chinese text where the full-width '，' is expected"}, at: []string{", "}},
		{name: "machine-translated commas, one finding each",
			// zh-CN/create-test-tune-dlp-policy.md
			text: sxs("a-1", "例如, 我为本文创建的 DLP 策略将检测美国社会保险号码, 并阻止访问。", "For example, the DLP policy I created for this article detects U.S. Social Security Numbers, and blocks access.") + "\n",
			path: "zh-CN/page.md",
			want: []string{"'，'", "'，'"}, at: []string{", ", ", "},
			fixed: sxs("a-1", "例如，我为本文创建的 DLP 策略将检测美国社会保险号码，并阻止访问。", "For example, the DLP policy I created for this article detects U.S. Social Security Numbers, and blocks access.") + "\n"},
		{name: "colon at the end, after bold",
			// zh-CN/compliance20/add-custodians-to-case.md
			text: sxs("a-1", "若要查看此策略:", "To view this policy:") + "\n\n" + sxs("a-2", "**标记**: 高级电子数据展示", "**Tag**: Advanced eDiscovery") + "\n",
			path: "zh-CN/page.md",
			want: []string{"'：'", "'：'"}, at: []string{":", ": "},
			fixed: sxs("a-1", "若要查看此策略：", "To view this policy:") + "\n\n" + sxs("a-2", "**标记**：高级电子数据展示", "**Tag**: Advanced eDiscovery") + "\n"},
		{name: "Japanese uses 、",
			text: sxs("a-1", "ファイルを選択します, 次に保存します.", "Select the file, and then save it.") + "\n",
			path: "ja-JP/page.md",
			want: []string{"after Japanese text where the full-width '、' is expected", "'。'"}, at: []string{", ", "."},
			fixed: sxs("a-1", "ファイルを選択します、次に保存します。", "Select the file, and then save it.") + "\n"},
		{name: "file names, versions, ellipses, Latin text, code and URLs are left alone",
			text: sxs("a-1", "打开文件.txt, 版本:1.0, 请稍候...", "Open the file.txt, version:1.0, wait...") + "\n\n" +
				sxs("a-2", "在 Office 365, Exchange Online 中运行 `Get-Mailbox`, 然后访问 https://protection.office.com, 完成。", "Run `Get-Mailbox` in Office 365, Exchange Online, then go to https://protection.office.com, done.") + "\n\n" +
				sxs("a-3", "使用文件名后缀. ps1; 将以下文本保存", "Use the filename suffix .ps1; save the following text") + "\n",
			path: "zh-CN/page.md"},
		{name: "full-width punctuation is fine",
			text: sxs("a-1", "单击“浏览”，然后选择文件：完成。", "Click **Browse**, and then select the file: done.") + "\n",
			path: "zh-CN/page.md"},
		{name: "check switched off",
			opts: map[string]any{"check-cjk-punctuation": false},
			text: sxs("a-1", "例如, 我为本文创建的策略。", "For example, the policy.") + "\n",
			path: "zh-CN/page.md"},
	})
}

func TestTypographyGermanQuotes(t *testing.T) {
	// de-DE/office-365-malware-and-ransomware-protection.md
	seg := sxs("a-1", `ATP erweitert diesen Schutz durch ein Feature namens "sichere Anlagen", das vor unbekannter Schadsoftware schützt.`,
		`ATP extends this protection through a feature called ATP Safe Attachments, which protects against unknown malware.`) + "\n"
	runCases(t, "typography", []ruleCase{
		{name: "off by default", path: "de-DE/page.md", text: seg},
		{name: "English quotes with de-quotes", path: "de-DE/page.md", opts: map[string]any{"de-quotes": true}, text: seg,
			want: []string{`English-style quotes "…" where German uses „…“`}, at: []string{`"sichere Anlagen"`}},
		{name: "English curly quotes", path: "de-DE/page.md", opts: map[string]any{"de-quotes": true},
			text: sxs("a-1", "ein Feature namens “sichere Anlagen”.", "a feature called Safe Attachments.") + "\n",
			want: []string{`English-style quotes “…”`}, at: []string{"“sichere Anlagen”"}},
		{name: "German quotes are fine", path: "de-DE/page.md", opts: map[string]any{"de-quotes": true},
			text: sxs("a-1", "ein Feature namens „sichere Anlagen“ und `\"code\"`.", `a feature called "Safe Attachments" and "code".`) + "\n"},
		{name: "only German pages", path: "fr-FR/page.md", opts: map[string]any{"de-quotes": true}, text: seg},
	})
}

func TestTypographyDoubleSpaces(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "two spaces",
			// fr-FR/use-network-upload-to-import-pst-files.md line 323
			text: sxs("a-1", "Notez qu’un fichier PST peut être  importé dans la boîte aux lettres principale.", "Note that a PST file can be imported to the primary mailbox.") + "\n",
			want: []string{"2 spaces in a row in the target; expected one space"}, at: []string{"  "}},
		{name: "no-break space and space",
			// fr-FR/increase-the-recoverable-quota-for-mailboxes-on-hold.md
			text: sxs("7ee72-144", "Étape\u00a0 3\u00a0: Application de la nouvelle stratégie", "Step 3: Apply the new retention policy") + "\n",
			want: []string{"no-break space + space in a row"}, at: []string{"\u00a0 "}},
		{name: "a space on each side of a link bracket",
			// fr-FR/automated-investigation-response-office.md line 44
			text: sxs("a-1", "via le [ API d'activité de gestion d'Office 365](https://docs.microsoft.com/office/office-365-management-api)", "through the [Office 365 Management Activity API](https://docs.microsoft.com/office/office-365-management-api)") + "\n",
			want: []string{`2 spaces in a row once the markup in " [ " is removed`}, at: []string{" [ "}},
		{name: "code, line starts and the target's edges are not prose runs",
			text: sxs("a-1", "Exécutez `Get-Mailbox  -Identity x`  ", "Run `Get-Mailbox  -Identity x`") + "\n\n" +
				"- " + sxs("a-2", "Première ligne\n    seconde ligne", "First line\n    second line") + "\n"},
		{name: "the source has the same double space",
			// de-DE/architect-a-classification-schema-for-personal-data.md, source with a double space
			text: sxs("a-1", "Dokumente mit dem Ausdruck Approved for Public Release  ##/####", "Documents containing the phrase Approved for Public Release  ##/####") + "\n",
			path: "de-DE/page.md"},
		{name: "empty source: a table cell of symbols",
			text: sxs("b7d42-431", `"  "`, "") + "\n"},
		{name: "check switched off", opts: map[string]any{"check-double-spaces": false},
			text: sxs("a-1", "peut être  importé", "can be imported") + "\n"},
	})
}

func TestTypographyRepeatedWords(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "French",
			// fr-FR/use-network-upload-to-import-pst-files.md line 299
			text: sxs("f5826-380", "Pour obtenir des instructions détaillées détaillées sur le filtrage des données", "For step-by-step instructions about filtering the data") + "\n",
			want: []string{`repeated word "détaillées détaillées"`}, at: []string{"détaillées détaillées"}},
		{name: "German, case-insensitive",
			// de-DE/quarantine-faq.md line 70
			text: sxs("a-1", "Nachdem eine Nachricht freigegeben wurde, kann Nicht nicht nochmals freigegeben werden.", "After a message has been released, it can't be released again.") + "\n",
			path: "de-DE/page.md",
			want: []string{`repeated word "Nicht nicht"`}, at: []string{"Nicht nicht"}},
		{name: "English words in a Chinese target",
			// zh-CN/configure-your-spam-filter-policies.md line 61
			text: sxs("7a043-150", `例如，如果指定 "my my custom-header"，则 X 标头文本将显示为 "我自定义标头"。`, `For example, if you specify "This-is-my-custom-header," the X-header text will appear as "This-is-my-custom-header".`) + "\n",
			path: "zh-CN/page.md",
			want: []string{`repeated word "my my"`}, at: []string{"my my"}},
		{name: "a run of the same word is one finding",
			text: sxs("a-1", "Pour obtenir des instructions détaillées détaillées détaillées sur le filtrage", "For step-by-step instructions about filtering") + "\n",
			want: []string{`word "détaillées" repeated 3 times in a row`}, at: []string{"détaillées détaillées détaillées"}},
		{name: "grammatical repetitions",
			// de-DE/ome-advanced-expiration.md, de-DE/service-encryption-with-customer-key-faq.md,
			// de-DE/archive-facebook-data-with-sample-connector.md
			text: sxs("a-1", "Regel, auf die die Vorlage angewendet wird, die Verwendung von von Microsoft verwalteten Schlüsseln, damit Sie sie importieren können.",
				"rule the template is applied to, using Microsoft-managed keys, so that you can import it.") + "\n",
			path: "de-DE/page.md"},
		{name: "French reflexive pronoun",
			text: sxs("a-1", "Lorsque vous vous connectez à Office 365, nous nous chargeons du reste.", "When you sign in to Office 365, we take care of the rest.") + "\n"},
		{name: "a bold label and its description; numbers; the source repeats",
			// fr-FR/use-spam-notifications-to-release-and-report-quarantined-messages.md line 39
			text: sxs("e5c20-111", "**Date** Date et heure (UTC) auxquelles le message a été mis en quarantaine.", "**Date** The date and time (in UTC) that the message was quarantined.") + "\n\n" +
				sxs("a-2", "Version 1 1 de Walla Walla", "Version 1 1 of Walla Walla") + "\n"},
		{name: "words glued to an apostrophe, a hyphen or code are not words",
			text: sxs("a-1", "l’utilisateur utilisateur-test `a` a", "the user user-test `a` a") + "\n"},
		{name: "check switched off", opts: map[string]any{"check-repeated-words": false},
			text: sxs("a-1", "des instructions détaillées détaillées", "step-by-step instructions") + "\n"},
	})
}

func TestTypographyPairs(t *testing.T) {
	noCJK := map[string]any{"check-cjk-punctuation": false}
	runCases(t, "typography", []ruleCase{
		{name: "German and Danish guillemets point inward: »Speichern«",
			path: "de-DE/page.md",
			text: sxs("a-1", "Klicken Sie auf »Speichern«.", `Click "Save".`) + "\n"},
		{name: "German nested quotes „…‚…‘…“",
			path: "de-DE/page.md",
			text: sxs("a-1", "„Klicken Sie auf ‚Speichern‘.“", `"Click 'Save'."`) + "\n"},
		{name: "Swedish quotes open and close with the same mark",
			path: "sv-SE/page.md",
			text: sxs("a-1", "Klicka på ”Spara” och ’Stäng’.", `Click "Save" and 'Close'.`) + "\n"},
		{name: "a Swiss thousands separator is no quote",
			path: "de-CH/page.md",
			text: sxs("a-1", "Es sind 1’234.5 Franken.", "It is 1,234.5 francs.") + "\n"},
		{name: "guillemets pointing every which way",
			path: "de-DE/page.md",
			text: sxs("a-1", "Wählen Sie »Speichern» und «Öffnen«.", `Choose "Save" and "Open".`) + "\n",
			want: []string{"unpaired '»' in the target (guillemets)"}},
		{name: "a Swedish single quote left open names its mark",
			path: "sv-SE/page.md",
			text: sxs("a-1", "Välj ’Spara och stäng.", `Choose 'Save and close.`) + "\n",
			want: []string{"unpaired '’' quote"}},
		{name: "a guillemet left open either way is still reported",
			path: "de-DE/page.md",
			text: sxs("a-1", "Klicken Sie auf »Speichern.", `Click "Save".`) + "\n",
			want: []string{"unpaired '»' in the target (guillemets)"}},
		{name: "unclosed parenthesis",
			// zh-CN/what-the-sensitive-information-types-look-for.md line 730
			text: sxs("7fff6-557", "(请注意, 从技术上讲, 此敏感信息类型通过使用正则表达式 (而不是关键字列表) 来标识这些关键字。",
				"(Note that technically, this sensitive information type identifies these keywords by using a regular expression, not a keyword list.)") + "\n",
			path: "zh-CN/page.md", opts: noCJK,
			want: []string{"unpaired '(' in the target (parentheses); the source's are paired"}, at: []string{"("}},
		{name: "stray closing parenthesis",
			// de-DE/meet-data-protection-and-regulatory-reqs-using-microsoft-cloud.md line 143
			text: sxs("a-1", "basierend auf dem Kriterium Bestanden/Nicht bestanden) *vollständig* angewendet", "applied *in their entirety* on a pass/fail basis") + "\n",
			path: "de-DE/page.md",
			want: []string{"unpaired ')'"}, at: []string{")"}},
		{name: "unpaired straight quote",
			// de-DE/use-network-upload-to-import-rms-encrypted-pst-files.md
			text: sxs("a-1", `Diese optionale Option gibt den rekursiven Modus an, sodass das Tool "o365importtool. exe PST-Dateien kopiert.`,
				"This optional switch specifies the recursive mode so that the O365ImportTool.exe tool will copy PST files.") + "\n",
			path: "de-DE/page.md",
			want: []string{`unpaired '"' quote in the target; the source's quotes are paired`}, at: []string{`"`}},
		{name: "guillemet opened twice",
			// fr-FR/automate-event-driven-retention.md line 241
			text: sxs("416a0-253", "Entrez «\u00a0ComplianceAssetId\u00a0: «\u00a0+ Id d’employé", "Enter “ComplianceAssetId:” + employee Id") + "\n",
			want: []string{"unpaired '«' in the target (guillemets)"}, at: []string{"«"}},
		{name: "quote moved into an image's alt text",
			// zh-CN/find-and-release-quarantined-messages-as-an-administrator.md line 193
			text: sxs("1665a-238", `如果单击 "**刷新**![刷新" 图标](media/ITPro-EAC-RefreshIcon.gif)图标刷新数据。`,
				"If you click the **Refresh**![Refresh Icon](media/ITPro-EAC-RefreshIcon.gif) icon to refresh your data.") + "\n",
			path: "zh-CN/page.md",
			want: []string{`unpaired '"' quote`}, at: []string{`"`}},
		{name: "unclosed single quote",
			text: sxs("a-1", "操作为‘New-TransportRule，以下是示例。", "The operation is 'New-TransportRule' and a sample is below.") + "\n",
			path: "zh-CN/page.md",
			want: []string{"unpaired '‘' quote"}, at: []string{"‘"}},
		{name: "paired in many styles",
			text: sxs("a-1", "Le mot « ordinateur » (voir [la page](https://aka.ms/x)) et “citation” et ‘un’ de l’utilisateur, les utilisateurs’ droits.", `The word "computer" (see [the page](https://aka.ms/x)) and "quote".`) + "\n\n" +
				sxs("a-2", "als „Keine Junk-E-Mail\" an Microsoft, „a“ und “b”", `as "not junk" to Microsoft, "a" and "b"`) + "\n",
			path: "de-DE/page.md"},
		{name: "the source is unpaired too",
			text: sxs("a-1", "a) premier b) second", "a) first b) second") + "\n"},
		{name: "a quote split over two segments of one paragraph",
			text: sxs("a-1", `单击"`, "Click") + " " + sxs("a-2", `**保存**"。`, "**Save**.") + "\n",
			path: "zh-CN/page.md"},
		{name: "code spans and broken image syntax are not counted",
			// fr-FR/set-up-an-archive-and-deletion-policy-for-mailboxes.md: broken image syntax is link-mismatch's
			text: sxs("a-1", "Exécutez `foo(` puis cliquez](media/457cd93f.gif)sur **balise**![, puis sélectionnez.", "Run `foo(` then click **New tag**![New icon](media/457cd93f.gif), and then select.") + "\n"},
		{name: "check switched off", opts: map[string]any{"check-pairs": false, "check-cjk-punctuation": false},
			text: sxs("a-1", "(请注意, 从技术上讲", "(Note that technically.)") + "\n", path: "zh-CN/page.md"},
	})
}

func TestTypographyEdgeSpaces(t *testing.T) {
	src1 := "Any configured notifications are also distributed. "
	runCases(t, "typography", []ruleCase{
		{name: "sentences glued together",
			// The corpus always puts a space between segments; this is what a missing
			// one would render (sentences from fr-FR/configure-anti-malware-policies.md).
			text: sxs("a-1", "Les notifications configurées sont également distribuées.", src1) +
				sxs("a-2", "Vérifiez la boîte aux lettres du destinataire.", "Check the recipient mailbox.") + "\n",
			want: []string{`no space between this target and the text after it, where the source has one: renders "…distribuées.Vérifiez la …"`},
			at:   []string{"."}},
		{name: "a space the source does not have before text outside the spans",
			text: "**" + sxs("a-1", "Remarque ", "Note") + "**: text\n",
			want: []string{"white space between this target and the text after it where the source has none"}, at: []string{" "}},
		{name: "text before the target",
			text: "Voir:" + sxs("a-1", "la page.", " the page.") + "\n",
			want: []string{"no space between the text before this target and the target"}, at: []string{"l"}},
		{name: "a space between the segments, a line end, link text, a table border",
			text: sxs("a-1", "Les notifications sont distribuées.", src1) + " " + sxs("a-2", "Vérifiez.", "Check.") + "\n\n" +
				"[" + sxs("a-3", "Exportation des résultats", "Exporting results ") + "](export.md)\n\n" +
				"|" + sxs("a-4", "\tBrésil", "Brazil") + "|\n"},
		{name: "Chinese puts no space between sentences",
			path: "zh-CN/page.md",
			text: sxs("a-1", "此外还将分发任何已配置的通知。", src1) + sxs("a-2", "检查收件人邮箱。", "Check the recipient mailbox.") + "\n"},
		{name: "check switched off", opts: map[string]any{"check-edge-spaces": false},
			text: sxs("a-1", "distribuées.", src1) + sxs("a-2", "Vérifiez.", "Check.") + "\n"},
	})
}

func TestTypographyRegistered(t *testing.T) {
	for _, name := range []string{"typography", "punctuation", "typographic"} {
		r := rules.Default.Lookup(name)
		if r == nil || r.ID != "typography" || r.Severity != rules.Note {
			t.Fatalf("Lookup(%q) = %+v, want the typography rule at note severity", name, r)
		}
	}
}

// TestTypographyFixesKeepMarkup: a typography fix changes spacing and
// punctuation only, never how the page renders otherwise (review of
// check --fix on the shared corpus).
func TestTypographyFixesKeepMarkup(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "the no-break space goes before an opening emphasis run, not inside it",
			text: sxs("a-1", "La valeur `abc`**: 1** suffit.", "The value `abc`**: 1** is enough.") + "\n",
			want: []string{"missing no-break space (U+00A0) before ':'"}, at: []string{":"},
			fixed: sxs("a-1", "La valeur `abc`\u00a0**: 1** suffit.", "The value `abc`**: 1** is enough.") + "\n"},
		{name: "and after a closing emphasis run",
			text: sxs("a-1", "**Formation**: cet indicateur", "**Training**: this indicator") + "\n",
			want: []string{"before ':'"}, at: []string{":"},
			fixed: sxs("a-1", "**Formation**\u00a0: cet indicateur", "**Training**: this indicator") + "\n"},
		{name: "guillemets around bold",
			text: sxs("a-1", "Le mot «**ordinateur**» suit.", `The word "**computer**" follows.`) + "\n",
			want: []string{"after '«' and before '»'"}, at: []string{"«**ordinateur**»"},
			fixed: sxs("a-1", "Le mot «\u00a0**ordinateur**\u00a0» suit.", `The word "**computer**" follows.`) + "\n"},
		{name: "nested emphasis closing before the mark",
			text: sxs("a-1", "***Remarque** importante*: suite", "***Important** note*: next") + "\n",
			want: []string{"before ':'"}, at: []string{":"},
			fixed: sxs("a-1", "***Remarque** importante*\u00a0: suite", "***Important** note*: next") + "\n"},
		{name: "a run that closes and opens leaves no place for the space: no fix",
			// *`x`***: b** renders <em>`x`</em><strong>: b</strong>
			text: sxs("a-1", "La *`x`***: b** suite.", "The *`x`***: b** next.") + "\n",
			want: []string{"before ':'"}, at: []string{":"},
			fixed: sxs("a-1", "La *`x`***: b** suite.", "The *`x`***: b** next.") + "\n"},
	})
}

// TestTypographyBareRefs: the CJK fix keeps the space before a bare URL or
// e-mail address, which GFM autolinks only after white space.
func TestTypographyBareRefs(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "the space before a bare URL stays, GFM autolinks it only after white space",
			path: "zh-CN/page.md",
			text: sxs("a-1", "若要删除, https://sender.office.com/ 上的条目, 请联系 admin@contoso.com 或发送至, admin@contoso.com 。",
				"To delete, https://sender.office.com/ entries, contact admin@contoso.com or send to, admin@contoso.com .") + "\n",
			want: []string{"'，'", "'，'", "'，'"}, at: []string{",", ", ", ","},
			fixed: sxs("a-1", "若要删除， https://sender.office.com/ 上的条目，请联系 admin@contoso.com 或发送至， admin@contoso.com 。",
				"To delete, https://sender.office.com/ entries, contact admin@contoso.com or send to, admin@contoso.com .") + "\n"},
		{name: "ftp:// too",
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "删除, ftp://a.example/ 然后", "Delete, then") + "\n",
			want:  []string{"'，'"},
			fixed: sxs("a-1", "删除， ftp://a.example/ 然后", "Delete, then") + "\n"},
	})
}

// TestTypographyCodeElements: the content of inline <code> (<kbd>, <samp>,
// <pre>) elements is code, as code spans are: never read, never fixed (a
// fix there is a code-mismatch error).
func TestTypographyCodeElements(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "the content of <code>, <kbd>, <samp> and <pre> is code",
			text: sxs("a-1", "Exécutez <code>Get-Mailbox | fl Name; Get-User</code>, puis <kbd>Ctrl+Maj: X</kbd> et <samp>Erreur: 1</samp> <pre>a;  b</pre>.",
				"Run <code>Get-Mailbox | fl Name; Get-User</code>, then <kbd>Ctrl+Maj: X</kbd> and <samp>Erreur: 1</samp> <pre>a;  b</pre>.") + "\n"},
		{name: "nested <code>: the outer one ends last",
			path: "zh-CN/page.md",
			text: sxs("a-1", "在 <code><code>x</code>中文, b</code> 中", "In <code><code>x</code>text, b</code> it") + "\n"},
		{name: "a <code> element in Chinese text",
			path: "zh-CN/page.md",
			text: sxs("a-1", "运行 <code>Get-User, Set-User</code> 命令。", "Run the <code>Get-User, Set-User</code> command.") + "\n"},
	})
}

// TestTypographyFixedPoint: one --fix reaches a fixed point: the fixed text
// has nothing left to fix (runCases checks every case with fixed).
func TestTypographyFixedPoint(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "a run of ASCII marks after Chinese text is fixed whole",
			// zh-CN: "以 ISO 8601 格式表示:, 其中"
			path: "zh-CN/page.md",
			text: sxs("a-1", "以 ISO 8601 格式表示:, 其中 T 为分隔符。", "In ISO 8601 format:, where T is the separator.") + "\n",
			want: []string{"'：'", "'，'"}, at: []string{":", ", "},
			fixed: sxs("a-1", "以 ISO 8601 格式表示：，其中 T 为分隔符。", "In ISO 8601 format:, where T is the separator.") + "\n"},
		{name: "marks apart: the first fix takes the space, the second mark follows it",
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "表示, , 其中", "Means, where") + "\n",
			want:  []string{"'，'", "'，'"},
			fixed: sxs("a-1", "表示，，其中", "Means, where") + "\n"},
		{name: "spaces before a line break are a hard break: kept",
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "第一行,  \n第二行。", "First line,  \nsecond line.") + "\n",
			want:  []string{"'，'"},
			fixed: sxs("a-1", "第一行，  \n第二行。", "First line,  \nsecond line.") + "\n"},
		{name: "?! after Chinese text",
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "真的吗?! 是的。", "Really?! Yes.") + "\n",
			want:  []string{"'？'", "'！'"},
			fixed: sxs("a-1", "真的吗？！是的。", "Really?! Yes.") + "\n"},
	})
}

// TestTypographyLocaleInDoubt: when ms.contentlocale disagrees with the
// locale folder (front-matter reports it, and its fix writes the folder's
// locale), the locale-specific findings are reported without a fix.
func TestTypographyLocaleInDoubt(t *testing.T) {
	fm := "---\ntitle: T\nms.contentlocale: fr-FR\n---\n"
	seg := sxs("a-1", "Schritt 3: Importieren Sie die Datei  erneut.", "Step 3: Import the file again.") + "\n"
	fixedSeg := sxs("a-1", "Schritt 3: Importieren Sie die Datei erneut.", "Step 3: Import the file again.") + "\n"
	runCases(t, "typography", []ruleCase{
		{name: "a de-DE page that says fr-FR gets no French fix; the double space is fixed",
			path: "de-DE/page.md", text: fm + seg,
			want:  []string{"missing no-break space (U+00A0) before ':'", "2 spaces in a row"},
			fixed: fm + fixedSeg},
		{name: "fr-CA in fr-FR/ is French either way: fixed as the folder's, in one run",
			path: "fr-FR/page.md", text: strings.Replace(fm, "fr-FR", "fr-CA", 1) + sxs("a-1", "Remarque; texte", "Note; text") + "\n",
			want:  []string{"missing no-break space (U+00A0) before ';'"},
			fixed: strings.Replace(fm, "fr-FR", "fr-CA", 1) + sxs("a-1", "Remarque\u00a0; texte", "Note; text") + "\n"},
		{name: "a fr-FR page that says fr-FR gets it",
			path: "fr-FR/page.md", text: fm + seg,
			want:  []string{"missing no-break space (U+00A0) before ':'", "2 spaces in a row"},
			fixed: fm + sxs("a-1", "Schritt 3\u00a0: Importieren Sie die Datei erneut.", "Step 3: Import the file again.") + "\n"},
	})
}

func TestTypographyQuotedValues(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "a colon glued to the quote that opens a value is no sentence colon",
			// fr-FR/data-loss-prevention: SensitiveType:"France Passport Number"
			text: sxs("a-1", `Recherchez SensitiveType:"Numéro de passeport français" et Name:“Contoso”.`,
				`Search for SensitiveType:"France Passport Number" and Name:“Contoso”.`) + "\n"},
		{name: "a colon before the quote that closes is one",
			text: sxs("a-1", `Cliquez sur "Étape 3:" puis sur OK.`, `Click "Step 3:" and then OK.`) + "\n",
			want: []string{"before ':'"}, at: []string{":"}},
	})
}

func TestTypographyLineEndings(t *testing.T) {
	item := func(nl string) string {
		return "- " + sxs("a-1", "Première ligne"+nl+"    seconde  ligne", "First line"+nl+"    second line") + nl
	}
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		runCases(t, "typography", []ruleCase{
			{name: fmt.Sprintf("indentation after %q is no double space", nl),
				text: item(nl), want: []string{"2 spaces in a row"}, at: []string{"  "},
				fixed: "- " + sxs("a-1", "Première ligne"+nl+"    seconde ligne", "First line"+nl+"    second line") + nl},
		})
	}
}

// TestTypographySpacedDashes: a separator dash the translation glued to a
// word, from the corpus, and the hyphens that are none.
func TestTypographySpacedDashes(t *testing.T) {
	runCases(t, "typography", []ruleCase{
		{name: "glued to the word after it",
			// fr-FR/detailed-properties-in-the-office-365-audit-log.md line 60
			text: sxs("a-1", "**2** -indique un utilisateur", "**2** - Indicates a user") + "\n",
			want: []string{`dash glued to a word where the source sets it between spaces: "**2** -indique"`}, at: []string{"-"},
			fixed: sxs("a-1", "**2** - indique un utilisateur", "**2** - Indicates a user") + "\n"},
		{name: "glued to the word before it",
			path:  "de-DE/page.md",
			text:  sxs("a-1", "Teil 2- Schutz der Daten", "Part 2 - Protecting data") + "\n",
			want:  []string{`dash glued to a word`},
			fixed: sxs("a-1", "Teil 2 - Schutz der Daten", "Part 2 - Protecting data") + "\n"},
		{name: "glued before a tag, a quote, an image, an inverted question mark",
			path: "de-DE/page.md",
			text: sxs("a-1", "Teil 2- <b>Schutz</b> der Daten", "Part 2 - <b>Protection</b> of data") + "\n" +
				sxs("a-2", "Teil 2- »Schutz« der Daten", "Part 2 - \"Protection\" of data") + "\n" +
				sxs("a-3", "Teil 2- ![Symbol](i.png) Schutz", "Part 2 - ![Icon](i.png) Protection") + "\n" +
				sxs("a-4", "Parte 2- ¿Qué es?", "Part 2 - What is it?") + "\n",
			want: []string{"dash glued to a word", "dash glued to a word", "dash glued to a word", "dash glued to a word"}},
		{name: "a dash before punctuation separates nothing",
			// fr-FR/import-non-office-365-data-into-advanced-ediscovery.md line 70, a URL
			// torn apart, after the French no-break space went before its semicolon
			text: sxs("a-1", "URL du conteneur https://x.blob.core.windows.net/c?sv=2015-04-05&amp-\u00a0; SR =&amp;c",
				"container url - https://x.blob.core.windows.net/c?sv=2015-04-05&amp;sr=c") + "\n"},
		{name: "as many separators as the source, a parameter, a suspended hyphen",
			path: "de-DE/page.md",
			text: sxs("a-1", "Teil 2 - Schutz: führen Sie Get-Mailbox -Identity aus, für POST- und GET-Vorgänge.",
				"Part 2 - Protection: run Get-Mailbox -Identity, for POST and GET operations.") + "\n"},
		{name: "a separator lost, a parameter kept",
			path: "de-DE/page.md",
			text: sxs("a-1", "Teil 2-Schutz: führen Sie Get-Mailbox -Identity aus.", "Part 2 - Protection: run Get-Mailbox -Identity.") + "\n"},
		{name: "a separator lost, a suspended hyphen",
			path: "de-DE/page.md",
			text: sxs("a-1", "Teil 2-Schutz für POST- und GET-Vorgänge.", "Part 2 - Protection for POST and GET operations.") + "\n"},
		{name: "a suspended hyphen after a conjunction, before the word",
			path: "de-DE/page.md",
			text: sxs("a-1", "**Schritt 2**: Konfigurieren Sie Benutzernamen und -kennwörter.", "**Step 2** - Configure user names and passwords.") + "\n"},
		{name: "code is not read",
			text: sxs("a-1", "Exécutez `a -b` puis l’étape.", "Run `a - b` - then the step.") + "\n"},
		{name: "Chinese writes its dashes its own way",
			path: "zh-CN/page.md",
			text: sxs("a-1", "**32** -指示 Microsoft", "**32** - Indicates Microsoft") + "\n"},
	})
}
