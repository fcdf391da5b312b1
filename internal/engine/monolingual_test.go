package engine

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
)

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
