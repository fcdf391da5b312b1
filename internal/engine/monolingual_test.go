package engine

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
)

// checkPair checks a translated page and its source page, monolingual,
// written as <locale>/a.md and en-US/a.md, naming the locale's tree.
func checkPair(t *testing.T, loc, src, tgt string) *Result {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "en-US", "a.md"), src)
	write(t, filepath.Join(dir, loc, "a.md"), tgt)
	res, err := Run([]string{filepath.Join(dir, loc)}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestMonolingualPagesAligned: a monolingual translation (no side-by-side
// spans) gets the segment rules that declare Monolingual on its blocks
// paired with its source page's: numbers, code spans, cmdlets, text left
// in English; each finding on the exact text of the translation. A section
// whose blocks do not pair (a paragraph split in two) and a list whose
// entries link elsewhere (another revision's table of contents) give none.
func TestMonolingualPagesAligned(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "en-US", "a.md"), `# Retention policies

Items are kept for 30 days, then deleted after 24 hours.

Run the `+"`Get-RetentionPolicy`"+` cmdlet, or **Set-RetentionPolicy**.

## Limits

- Up to 1,000 policies.
- Each policy holds 10 locations.

## Split

One paragraph with 5 items and 7 places.

## Entries

- [First](first.md) holds 3 items.
- [Second](second.md) holds 4 items.
`)
	write(t, filepath.Join(dir, "fr-FR", "a.md"), `# Stratégies de rétention

Les éléments sont conservés pendant 300 jours, puis supprimés après 24 heures.

Exécutez la cmdlet `+"`Obtenir-RetentionPolicy`"+` ou **Définir-RetentionPolicy**.

## Limites

- Jusqu’à 1 000 stratégies.
- Each policy holds 10 locations.

## Coupé

Un paragraphe avec 6 éléments.

Et 7 endroits.

## Entrées

- [Autre](other.md) contient 9 éléments.
- [Second](second.md) contient 4 éléments.
`)
	cfg := config.Default()
	res, err := Run([]string{filepath.Join(dir, "fr-FR")}, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "structure-mismatch" || f.Rule == "broken-link" {
			continue
		}
		got = append(got, f.Rule+" "+strings.TrimSpace(f.Snippet)+": "+f.Message)
	}
	want := []string{
		"number-mismatch 300: source has 30, target lacks it; target has 300 not in the source",
		"code-mismatch `Obtenir-RetentionPolicy`: code span changed: source has `Get-RetentionPolicy`, target has `Obtenir-RetentionPolicy`",
		"cmdlet-mismatch Définir-RetentionPolicy: cmdlet Set-RetentionPolicy changed: the target has Définir-RetentionPolicy",
		`untranslated Each policy holds 10 locations.: the target is identical to the source "Each policy holds 10 locations."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMonolingualNoShiftedPairs: pairings a review found off by some give
// no number findings: a section dropped, a translation a revision behind
// (its headings shifted by a week), list items reordered, a paragraph split
// here and two merged there.
func TestMonolingualNoShiftedPairs(t *testing.T) {
	for _, c := range []struct{ name, src, tgt string }{
		{"a section dropped",
			"## Step 1\n\nDo this.\n\n## Step 2\n\nDo that.\n\n## Step 3\n\nFinish.\n",
			"## Étape 1\n\nFaites ceci.\n\n## Étape 3\n\nTerminez.\n"},
		{"headings a week behind",
			"## Week of April 15, 2019\n\n- Item.\n\n## Week of April 22, 2019\n\n- Item.\n",
			"## Semaine du 8 avril 2019\n\n- Élément.\n\n## Semaine du 15 avril 2019\n\n- Élément.\n"},
		{"list items reordered",
			"# Limits\n\n- Storage: 5 GB\n- Users: 10\n- Archive: 100 GB\n",
			"# Limites\n\n- Archive : 100 Go\n- Stockage : 5 Go\n- Utilisateurs : 10\n"},
		{"split here, merged there",
			"Keep 5 items.\n\nAdd 6 users and 7 groups.\n\nWait 8 days.\n",
			"Gardez 5 éléments. Ajoutez 6 utilisateurs.\n\nEt 7 groupes.\n\nAttendez 8 jours.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := checkPair(t, "fr-FR", c.src, c.tgt)
			for _, f := range res.Findings {
				if f.Rule == "number-mismatch" {
					t.Errorf("%d:%d %s", f.Start.Line, f.Start.Col, f.Message)
				}
			}
		})
	}
}

// TestMonolingualSourceFolderEn: a Hugo tree whose source folder is en
// (content/en, content/fr) finds the source page without configuration.
func TestMonolingualSourceFolderEn(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content", "en", "a.md"), "# Title\n\nKeep items for 30 days.\n")
	write(t, filepath.Join(dir, "content", "en", "b.md"), "# B\n")
	write(t, filepath.Join(dir, "content", "fr", "a.md"), "# Titre\n\nConservez les éléments 40 jours.\n")
	res, err := Run([]string{filepath.Join(dir, "content", "fr")}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule)
	}
	if strings.Join(got, " ") != "missing-page number-mismatch" {
		t.Errorf("findings %q, want a missing page (b.md) and a number mismatch", got)
	}
}

// TestMonolingualFindingInTarget: a finding on a monolingual page is
// placed in its target text (the reports highlight that place, not the
// first look-alike: the comma after 工具, not the one after 365).
func TestMonolingualFindingInTarget(t *testing.T) {
	res := checkPair(t, "zh-CN", "# T\n\nUse Office 365, run the tool, then wait.\n", "# T\n\n使用 Office 365, 运行工具, 然后等待。\n")
	n := 0
	for _, f := range res.Findings {
		if f.Rule != "typography" {
			continue
		}
		n++
		if !f.InTarget || !strings.HasPrefix(f.Target[f.TargetOffset:], ", 然后") {
			t.Errorf("finding at %d:%d: in target %v, offset %d of %q", f.Start.Line, f.Start.Col, f.InTarget, f.TargetOffset, f.Target)
		}
	}
	if n != 1 {
		t.Errorf("%d typography findings, want 1", n)
	}
}

// TestMonolingualKeepsWhatAMoveDoesNotTouch: a heading that dropped a
// token still anchors its section (its finding is reported, the sections
// pair), and a token moved between two pairs drops those pairs only, not
// a true finding elsewhere in the section (cases a review found).
func TestMonolingualKeepsWhatAMoveDoesNotTouch(t *testing.T) {
	for _, c := range []struct{ name, src, tgt, want string }{
		{"a heading that dropped a name",
			"# Mailboxes\n\n## Use Office 365 search\n\nSearch all mailboxes.\n\n## Run Set-Mailbox\n\nChange the mailbox.\n\n## Notes\n\nA note.\n\nAnother note.\n",
			"# Boîtes aux lettres\n\n## Utiliser la recherche\n\nRecherchez toutes les boîtes aux lettres.\n\n## Exécuter Set-Mailbox\n\nModifiez la boîte aux lettres.\n\n## Notes\n\nUne note.\n\nEt une autre.\n",
			`do-not-translate: "Office 365" must stay as written: the source has it, the target does not`},
		{"numbers written as words, both ways, beside a changed number",
			"# Copies\n\nKeep 2 copies.\n\nWait two days.\n\nItems are kept for 30 days.\n",
			"# Copies\n\nGardez deux copies.\n\nAttendez 2 jours.\n\nLes éléments sont conservés 40 jours.\n",
			"number-mismatch: source has 30, target lacks it; target has 40 not in the source"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := checkPair(t, "fr-FR", c.src, c.tgt)
			var got []string
			for _, f := range res.Findings {
				if f.Rule != "structure-mismatch" && f.Rule != "typography" {
					got = append(got, f.Rule+": "+f.Message)
				}
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("findings %q, want %q", got, c.want)
			}
		})
	}
}

// TestMonolingualHeadingsReadAsNumbers: a step dropped keeps the later
// sections paired (their true findings reported); month names count as
// numbers, so a page a revision behind pairs no month with the one before
// (cases a review found).
func TestMonolingualHeadingsReadAsNumbers(t *testing.T) {
	var src, tgt strings.Builder
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&src, "## Step %d\n\nRun it after %d minutes.\n\n", i, i*10)
		if i == 2 {
			continue
		}
		n := i * 10
		if i == 5 {
			n = 99
		}
		fmt.Fprintf(&tgt, "## Étape %d\n\nExécutez-le après %d minutes.\n\n", i, n)
	}
	for _, c := range []struct{ name, src, tgt string }{
		{"a step dropped", src.String(), tgt.String()},
		{"months a revision behind",
			"## March 2019\n\nFixed 3 issues.\n\n## February 2019\n\nFixed 5 issues.\n\n## January 2019\n\nFixed 7 issues.\n",
			"## Février 2019\n\n5 problèmes corrigés.\n\n## Janvier 2019\n\n7 problèmes corrigés.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := checkPair(t, "fr-FR", c.src, c.tgt)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "number-mismatch" {
					got = append(got, fmt.Sprintf("%d: %s", f.Start.Line, f.Message))
				}
			}
			want := ""
			if c.name == "a step dropped" {
				want = "15: source has 50, target lacks it; target has 99 not in the source"
			}
			if strings.Join(got, "|") != want {
				t.Errorf("number findings %q, want %q", got, want)
			}
		})
	}
}

// TestMonolingualNoFalsePairs: realistic edits a review found pairing
// wrong blocks (a finding of each error and warning rule on them would be
// false): they give none.
func TestMonolingualNoFalsePairs(t *testing.T) {
	for _, c := range []struct{ name, src, tgt string }{
		{"a question dropped from a list of alike ones",
			"# FAQ\n\n### How long are deleted items kept?\n\nDeleted items are kept for 30 days.\n\n### Can I recover a deleted mailbox?\n\nYes, with `Undo-SoftDeletedMailbox` within 30 days.\n\n### How many policies can I create?\n\nYou can create up to 1,000 policies.\n\n### Who can change the settings?\n\nOnly a Global administrator.\n",
			"# FAQ\n\n### Combien de temps les éléments supprimés sont-ils conservés ?\n\nLes éléments supprimés sont conservés pendant 30 jours.\n\n### Combien de stratégies puis-je créer ?\n\nVous pouvez créer jusqu’à 1 000 stratégies.\n\n### Qui peut modifier les paramètres ?\n\nSeul un administrateur général.\n"},
		{"a section dropped",
			"# Set up mail flow\n\n## Overview\n\nMail flow rules inspect messages as they pass through Exchange Online.\n\n## Prerequisites\n\nYou need the Exchange administrator role and an Azure AD Premium license.\n\n## Configure the rule\n\nRun `New-TransportRule` in PowerShell, then wait 30 minutes.\n\n## Troubleshoot\n\nIf messages are delayed for more than 24 hours, open a support ticket in Intune.\n",
			"# Configurer le flux de messagerie\n\n## Vue d’ensemble\n\nLes règles de flux de messagerie inspectent les messages lorsqu’ils transitent par Exchange Online.\n\n## Configurer la règle\n\nExécutez `New-TransportRule` dans PowerShell, puis attendez 30 minutes.\n\n## Résolution des problèmes\n\nSi les messages sont retardés de plus de 24 heures, ouvrez un ticket de support dans Intune.\n"},
		{"steps merged and renumbered",
			"# Create a retention policy\n\n## Step 1: Open the portal\n\nSign in to the compliance portal as a Global administrator.\n\n## Step 2: Choose the locations\n\nSelect Exchange Online and SharePoint sites.\n\n## Step 3: Set the period\n\nKeep items for 7 years, then delete them.\n\n## Step 4: Review\n\nReview the settings and run `Get-RetentionCompliancePolicy` to check them.\n\n## Step 5: Wait\n\nThe policy applies within 24 hours.\n",
			"# Créer une stratégie de rétention\n\n## Étape 1 : ouvrir le portail\n\nConnectez-vous au portail de conformité en tant qu’administrateur général.\n\n## Étape 2 : choisir les emplacements et la période\n\nSélectionnez Exchange Online et les sites SharePoint, puis conservez les éléments pendant 7 ans avant de les supprimer.\n\n## Étape 3 : vérifier\n\nVérifiez les paramètres et exécutez `Get-RetentionCompliancePolicy` pour les contrôler.\n\n## Étape 4 : patienter\n\nLa stratégie s’applique dans les 24 heures.\n"},
		{"a list of another revision",
			"# Supported apps\n\nSign in with your work account to use these apps:\n\n- Outlook for Windows and Mac\n- Excel for the web\n- Visio for the web\n\nContact your administrator if an app is missing.\n",
			"# Applications prises en charge\n\nConnectez-vous avec votre compte professionnel pour utiliser ces applications :\n\n- Outlook pour Windows et Mac\n- Yammer pour le web\n- Excel pour le web\n\nContactez votre administrateur si une application est manquante.\n"},
		{"a glossary sorted in French",
			"# Glossary\n\n- **Archive mailbox**: extra storage for old mail in Outlook.\n- **Compliance center**: the portal where you manage policies.\n- **Device enrollment**: registering a device with Intune.\n- **Retention label**: a tag that keeps or deletes content.\n",
			"# Glossaire\n\n- **Boîte aux lettres d’archivage** : stockage supplémentaire pour l’ancien courrier dans Outlook.\n- **Centre de conformité** : le portail où vous gérez les stratégies.\n- **Étiquette de rétention** : une balise qui conserve ou supprime le contenu.\n- **Inscription d’appareils** : inscription d’un appareil auprès d’Intune.\n"},
		{"merged here, split there",
			"# Manage mailboxes\n\nRun Get-Mailbox to list the mailboxes.\n\nThen run Set-Mailbox to change them.\n\nCheck the result. Then sign out.\n",
			"# Gérer les boîtes aux lettres\n\nExécutez Get-Mailbox pour répertorier les boîtes aux lettres, puis Set-Mailbox pour les modifier.\n\nVérifiez le résultat.\n\nDéconnectez-vous ensuite avec Remove-PSSession.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := checkPair(t, "fr-FR", c.src, c.tgt)
			for _, f := range res.Findings {
				switch f.Rule {
				case "structure-mismatch", "broken-link", "typography":
				default:
					t.Errorf("%d:%d %s: %s", f.Start.Line, f.Start.Col, f.Rule, f.Message)
				}
			}
		})
	}
}

// TestMonolingualAcronymCase: acronym-case reads a monolingual
// translation's blocks against its source page's, and points at the word.
func TestMonolingualAcronymCase(t *testing.T) {
	res := checkPair(t, "zh-CN", "# Import\n\nImport the PST files with AzCopy.\n", "# 导入\n\n使用 AzCopy 导入 pst 文件。\n")
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "acronym-case" {
			got = append(got, strings.TrimSpace(f.Snippet)+": "+f.Message)
		}
	}
	want := `pst: acronym "PST" is written "pst" in the target: keep its capitals`
	if len(got) != 1 || got[0] != want {
		t.Errorf("findings %q, want %q", got, want)
	}
}
