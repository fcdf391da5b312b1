package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/rules"
)

// loadGlossary reads testdata/glossary/NAME with the configuration's parser.
func loadGlossary(t *testing.T, name string) *rules.Glossary {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "glossary", name))
	if err != nil {
		t.Fatal(err)
	}
	g, err := config.ParseGlossary(b, "testdata/glossary/"+name)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func glossaryCase(name, path string, gs map[string]*rules.Glossary, target, source string, want ...string) termCase {
	c := dntCase(name, path, target, source, want...)
	c.glossaries = gs
	return c
}

func TestGlossaryFrench(t *testing.T) {
	fr := map[string]*rules.Glossary{"fr-FR": loadGlossary(t, "fr-FR.yaml")}
	g := func(name, target, source string, want ...string) termCase {
		return glossaryCase(name, "", fr, target, source, want...)
	}
	runTermCases(t, "glossary", []termCase{
		// fr-FR/sensitivity-labels.md line 49 (a human translation)
		g("forbidden translation, inflected",
			"**Les étiquettes Azure Information Protection et les étiquettes de sensibilité Office 365 sont entièrement compatibles entre elles.**",
			"**Azure Information Protection labels and Office 365 sensitivity labels are fully compatible with each other.**",
			`"étiquettes de sensibilité" ("étiquette de sensibilité") is a forbidden translation of "sensitivity label"; use "étiquette de niveau de confidentialité" (glossary testdata/glossary/fr-FR.yaml:9)`).
			pointing("étiquettes de sensibilité"),
		// fr-FR/atp-safe-links.md line 45
		g("allowed translation missing",
			"Fonctionnement des liaisons approuvées ATP avec les URL dans les messages électroniques",
			"How ATP Safe Links works with URLs in email",
			`the source has "Safe Links" but the target lacks its translation "liens fiables" (glossary testdata/glossary/fr-FR.yaml:38)`).
			pointing("Fonctionnement des liaisons approuvées ATP avec les URL dans les messages électroniques"),
		// fr-FR/automated-investigation-response-office.md line 42: one finding,
		// not a second one for the missing allowed translation.
		g("name left half in English",
			"Pour afficher les alertes, dans le centre de sécurité & Compliance Center, sélectionnez **Alerts** > **View Alerts**.",
			"To view alerts, in the Security & Compliance Center, choose **Alerts** > **View alerts**.",
			`"Compliance Center" is a forbidden translation of "Security & Compliance Center"; use "centre de sécurité et de conformité" (glossary testdata/glossary/fr-FR.yaml:27)`).
			pointing("Compliance Center"),
		// fr-FR/grant-access-to-the-security-and-compliance-center.md line 46
		g("name torn apart by machine translation",
			"Dans le centre &amp; de sécurité conformité, accédez à **autorisations**.",
			"In the Security &amp; Compliance Center, go to **Permissions**.",
			`the source has "Security & Compliance Center" but the target lacks its translation "centre de sécurité et de conformité" or one of its 4 other allowed forms (glossary testdata/glossary/fr-FR.yaml:27)`).
			pointing("Dans le centre &amp; de sécurité conformité, accédez à **autorisations**."),
		// fr-FR/inactive-mailboxes-in-office-365.md line 50
		g("plurals on both sides",
			"Pour en savoir plus sur la configuration des stratégies de rétention Office 365, consultez la rubrique [Vue d'ensemble des stratégies de rétention](retention-policies.md).",
			"For more information about configuring Office 365 retention policies, see [Overview of retention policies in Office 365](retention-policies.md)."),
		g("forbidden plural",
			"Pour en savoir plus sur la configuration des politiques de rétention Office 365, consultez la rubrique [Vue d'ensemble](retention-policies.md).",
			"For more information about configuring Office 365 retention policies, see [Overview](retention-policies.md).",
			`"politiques de rétention" ("politique de rétention") is a forbidden translation of "retention policy"; use "stratégie de rétention" (glossary testdata/glossary/fr-FR.yaml:5)`).
			pointing("politiques de rétention"),
		// fr-FR/create-and-manage-inactive-mailboxes.md line 26
		g("longer term first",
			"Créer et gérer des boîtes aux lettres inactives dans Office 365",
			"Create and manage inactive mailboxes in Office 365"),
		g("longer term first, reported alone",
			"Créer et gérer des boîtes aux lettres désactivées dans Office 365",
			"Create and manage inactive mailboxes in Office 365",
			`the source has "inactive mailbox" but the target lacks its translation "boîte aux lettres inactive"`),
		// fr-FR/create-and-manage-inactive-mailboxes.md line 78, shortened
		g("markup between the words",
			"Sur la page **rétention**, cliquez sur **boîtes aux lettres**inactives.",
			"On the **Retention** page, click **Inactive mailboxes**."),
		g("typographic apostrophe",
			"Effectuer des recherches dans le journal d’audit dans le Centre de sécurité et de conformité",
			"Search the audit log in the Security & Compliance Center"),
		// fr-FR/manage-office-365-message-encryption.md line 27
		g("source term kept as a product name",
			"Une fois que vous avez terminé la configuration d’Office 365 message Encryption (OME), vous pouvez personnaliser la configuration de votre déploiement de plusieurs façons.",
			"Once you've finished setting up Office 365 Message Encryption (OME), you can customize the configuration of your deployment in several ways."),
		g("term only in a link destination",
			"Consultez [le guide](https://docs.contoso.com/fr-fr/guide).",
			"See [the guide](https://docs.contoso.com/en-us/mailbox)."),
		g("target identical to the source is left to untranslated",
			"Create and manage inactive mailboxes", "Create and manage inactive mailboxes"),
	})
}

func TestGlossaryForbiddenAnywhere(t *testing.T) {
	fr := map[string]*rules.Glossary{"fr-FR": loadGlossary(t, "fr-FR.yaml")}
	const (
		target = "Vérifiez les paramètres de la politique de rétention."
		source = "Review the policy settings."
	)
	runTermCases(t, "glossary", []termCase{
		glossaryCase("default: reported without the source term", "", fr, target, source,
			`"politique de rétention" is a forbidden translation of "retention policy"`).pointing("politique de rétention"),
		glossaryCase("off: only with the source term", "", fr, target, source).options(map[string]any{"forbidden-anywhere": false}),
		glossaryCase("off, with the source term", "", fr,
			"Vérifiez les paramètres de la politique de rétention.", "Review the retention policy settings.",
			`"politique de rétention" is a forbidden translation of "retention policy"`).options(map[string]any{"forbidden-anywhere": false}),
	})
}

func TestGlossaryOverlap(t *testing.T) {
	gs := map[string]*rules.Glossary{"fr-FR": loadGlossary(t, "overlap.yaml")}
	runTermCases(t, "glossary", []termCase{
		// fr-FR/meet-data-protection-and-regulatory-reqs-using-microsoft-cloud.md (46a01-p136)
		glossaryCase("forbidden word", "", gs,
			"Par exemple, une politique qui exige des utilisateurs de verrouiller leur ordinateur quand ils le laissent sans surveillance est un contrôle discrétionnaire car il s’appuie sur l’utilisateur.",
			"For example, a policy requiring users to lock their computer when they leave it is a discretionary control because it relies on the user.",
			`"politique" is a forbidden translation of "policy"; use "stratégie" (glossary testdata/glossary/overlap.yaml:3)`).
			pointing("politique"),
		// fr-FR/enable-the-report-message-add-in.md (40502-128): "politique" inside an
		// allowed translation of the longer term, which the source has.
		glossaryCase("forbidden word inside an allowed translation", "", gs,
			"Passez en revue les conditions d'utilisation et la politique de confidentialité.",
			"Review the terms of use and privacy policy."),
		// fr-FR/exchange-admin-center-in-exchange-online-protection-eop.md (761d7-179)
		glossaryCase("forbidden word inside an allowed translation, with markup", "", gs,
			"**Confidentialité** Cliquez pour lire la politique de confidentialité pour Exchange Online Protection.",
			"**Privacy** Click to read the privacy policy for Exchange Online Protection."),
	})
}

func TestGlossaryLocales(t *testing.T) {
	fr, de, zh := loadGlossary(t, "fr-FR.yaml"), loadGlossary(t, "de-DE.yaml"), loadGlossary(t, "zh-CN.yaml")
	all := map[string]*rules.Glossary{"fr-FR": fr, "de-DE": de, "zh-CN": zh}
	const (
		safeLinksFR = "Fonctionnement des liaisons approuvées ATP avec les URL dans les messages électroniques"
		safeLinksEN = "How ATP Safe Links works with URLs in email"
	)
	runTermCases(t, "glossary", []termCase{
		glossaryCase("glossary of the bare language", "fr-CA/page.md", map[string]*rules.Glossary{"fr": fr},
			safeLinksFR, safeLinksEN, `the source has "Safe Links"`),
		glossaryCase("the exact locale comes first", "fr-CA/page.md", map[string]*rules.Glossary{"fr": fr, "fr-CA": de},
			safeLinksFR, safeLinksEN),
		glossaryCase("no glossary for the locale", "es-ES/page.md", all, safeLinksFR, safeLinksEN),
		// A one-word term in -y, singular and plural: the singular was
		// missed (the entry was indexed under its stem "polic" only).
		glossaryCase("term in -y, singular", "fr-FR/page.md", map[string]*rules.Glossary{"fr-FR": {Entries: []rules.GlossaryEntry{{Source: "policy", Allowed: []string{"stratégie"}}}}},
			"Créez une règle pour le site.", "Create a policy for the site.", `the source has "policy" but the target lacks its translation "stratégie"`),
		glossaryCase("term in -y, plural", "fr-FR/page.md", map[string]*rules.Glossary{"fr-FR": {Entries: []rules.GlossaryEntry{{Source: "policy", Allowed: []string{"stratégie"}}}}},
			"Créez des règles pour le site.", "Create policies for the site.", `the source has "policy" but the target lacks its translation "stratégie"`),
		// Two entries forbidding the same word there: one finding.
		glossaryCase("a word forbidden by two entries", "fr-FR/page.md", map[string]*rules.Glossary{"fr-FR": {Entries: []rules.GlossaryEntry{
			{Source: "retention policy", Allowed: []string{"stratégie de rétention"}, Forbidden: []string{"règle"}},
			{Source: "policy", Allowed: []string{"stratégie"}, Forbidden: []string{"règle"}}}}},
			"Créez une règle de rétention.", "Create a retention policy.",
			`"règle" is a forbidden translation of "retention policy" and of 1 other term; use "stratégie de rétention"`),
		// Named: the entry whose source term the segment has.
		glossaryCase("a word forbidden by an entry of the source and another", "fr-FR/page.md", map[string]*rules.Glossary{"fr-FR": {Entries: []rules.GlossaryEntry{
			{Source: "retention policy", Allowed: []string{"stratégie de rétention"}, Forbidden: []string{"règle"}},
			{Source: "policy", Allowed: []string{"stratégie"}, Forbidden: []string{"règle"}}}}},
			"Créez une règle.", "Create a policy.",
			`"règle" is a forbidden translation of "policy" and of 1 other term; use "stratégie"`),
		// Two forbidden forms of one entry at one place: one entry.
		glossaryCase("two forms of one entry's forbidden word", "fr-FR/page.md", map[string]*rules.Glossary{"fr-FR": {Entries: []rules.GlossaryEntry{
			{Source: "policy", Allowed: []string{"stratégie"}, Forbidden: []string{"règle", "règles"}}}}},
			"Créez des règles.", "Create policies.",
			`is a forbidden translation of "policy"; use "stratégie"`),
		glossaryCase("term in -y, translated", "fr-FR/page.md", map[string]*rules.Glossary{"fr-FR": {Entries: []rules.GlossaryEntry{{Source: "policy", Allowed: []string{"stratégie"}}}}},
			"Créez une stratégie pour le site.", "Create a policy for the site."),
		// de-DE/office-365-exchange-online-data-deletion.md line 78
		glossaryCase("German compound torn apart", "de-DE/page.md", all,
			"Die folgenden Post Fach Datentypen enthalten keine Bestimmungen für das unwiderrufliche Löschen von Seiten:",
			"The following mailbox data types have no provisions for page zeroing:",
			`the source has "mailbox" but the target lacks its translation "Postfach" or "Postfächer" (glossary testdata/glossary/de-DE.yaml:3)`),
		// de-DE/enable-archive-mailboxes.md line 29
		glossaryCase("German compounds and plurals", "de-DE/page.md", all,
			"Nach Aktivierung der Archivpostfächer können Benutzer über Microsoft Outlook auf Nachrichten in ihren Archivpostfächern zugreifen.",
			"After you turn on archive mailboxes, users can access messages in their archive mailboxes by using Microsoft Outlook."),
		glossaryCase("German inflection", "de-DE/page.md", all,
			"Weitere Informationen finden Sie unter Übersicht über Aufbewahrungsrichtlinien.",
			"For more information, see Overview of retention policies."),
		// zh-CN/protect-information.md
		glossaryCase("Chinese forbidden term without spaces", "zh-CN/page.md", all,
			"使用灵敏度标签, 你可以对敏感内容进行分类和帮助保护。",
			"With sensitivity labels you can classify and help protect your sensitive content.",
			`"灵敏度标签" is a forbidden translation of "sensitivity label"; use "敏感度标签" (glossary testdata/glossary/zh-CN.yaml:4)`).
			pointing("灵敏度标签"),
		glossaryCase("Chinese allowed term without spaces", "zh-CN/page.md", all,
			"使用敏感度标签，你可以对敏感内容进行分类和帮助保护。",
			"With sensitivity labels you can classify and help protect your sensitive content."),
	})
}

func TestGlossaryTestdataParses(t *testing.T) {
	// The example glossaries keep the format of the glossary key, with lines.
	for _, name := range []string{"fr-FR.yaml", "de-DE.yaml", "zh-CN.yaml", "overlap.yaml"} {
		g := loadGlossary(t, name)
		if len(g.Entries) == 0 {
			t.Errorf("%s: no entries", name)
		}
		for _, e := range g.Entries {
			if e.Line == 0 || e.Source == "" || len(e.Allowed) == 0 {
				t.Errorf("%s: entry %+v lacks a line, a source or an allowed translation", name, e)
			}
		}
	}
}
