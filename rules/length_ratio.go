package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// LengthRatio reports targets far shorter or longer than their source.
var LengthRatio = Register(&Rule{
	ID:      "length-ratio",
	Aliases: []string{"length"},
	Tags:    []string{"segment", "length"},
	// Opt-in: 26 of 30 sampled findings on the machine-translated corpus
	// were defects; the others were sentences split differently across
	// segments, which is not a defect of the page.
	Severity: Off,
	Short:    "The target is far shorter or longer than the source for its locale",
	Doc: `Opt-in (set a severity in the configuration): about one finding in seven on a machine-translated
corpus is a sentence split differently across two segments rather than a defect of the page.

Compares the length in characters of each segment's prose (markup removed) in target and
source. A target much shorter than expected is often truncated or half-translated ("Woche vom
2019" for "Week of April 29, 2019"); a much longer one often holds text that belongs elsewhere or
was repeated.

Expected ratios depend on the target's script. The defaults were tuned on three machine-translated
locales of the Office 365 docs (fr-FR, de-DE, zh-CN; 154,000 segments), where they flag about one
segment in a thousand:

  Latin, Cyrillic, Greek and other alphabetic scripts: 0.37 to 3.0 times the source
  Chinese, Japanese, Korean: 0.12 to 1.3 times the source

plus a slack of slack characters on the upper bound, since short headings legitimately expand
("Manage groups in EOP" becomes "Gestion des groupes dans Exchange Online Protection (EOP)"). Only
sources of at least min-chars characters are checked: short labels vary too much.

Options:
  min-chars  shortest source checked, in characters (default 20)
  min-ratio  lowest accepted target/source ratio; 0 uses the script's default
  max-ratio  highest accepted target/source ratio; 0 uses the script's default
  slack      characters a target may exceed the upper bound by (default 10)`,
	Options: []Option{
		{Name: "min-chars", Default: 20, Doc: "shortest source checked, in characters"},
		{Name: "min-ratio", Default: 0.0, Doc: "lowest accepted target/source ratio (0: the script's default)"},
		{Name: "max-ratio", Default: 0.0, Doc: "highest accepted target/source ratio (0: the script's default)"},
		{Name: "slack", Default: 10, Doc: "characters a target may exceed the upper bound by"},
	},
	Run: runLengthRatio,
})

func runLengthRatio(p *Pass) {
	lo, hi := 0.37, 3.0
	if locale.CJK(p.Page.Locale) {
		lo, hi = 0.12, 1.3
	}
	if v := p.Float("min-ratio"); v > 0 {
		lo = v
	}
	if v := p.Float("max-ratio"); v > 0 {
		hi = v
	}
	minChars := p.Int("min-chars")
	for _, s := range p.Page.Segments {
		// A target without letters ("）") is a segment whose text went to its
		// neighbour: a segmentation artifact, not a truncation.
		if !s.HasSource || blank(s.Target) || strings.IndexFunc(s.Target.Plain, unicode.IsLetter) < 0 {
			continue
		}
		// Link text kept in the source language (a Chinese page's English
		// link title followed by a gloss) is not part of the translation.
		same := sameLinkLabels(s)
		n := utf8.RuneCountInString(s.Source.Plain) - same
		if n < minChars {
			continue
		}
		m := utf8.RuneCountInString(s.Target.Plain) - same
		r := float64(m) / float64(n)
		switch {
		case r < lo:
			p.ReportSegment(s, "target is %.2f times as long as the source (%d vs %d characters; expected at least %.2f): truncated or incomplete?", r, m, n, lo)
		case float64(m) > hi*float64(n)+float64(p.Int("slack")):
			p.ReportSegment(s, "target is %.2f times as long as the source (%d vs %d characters; expected at most %.2f): extra or repeated text?", r, m, n, hi)
		}
	}
}

// sameLinkLabels is the length in characters of the link labels that source
// and target share word for word.
func sameLinkLabels(s *Segment) int {
	labels := map[string]int{}
	for _, l := range s.Source.Links {
		labels[l.Label]++
	}
	n := 0
	for _, l := range s.Target.Links {
		if labels[l.Label] > 0 && l.Label != "" {
			labels[l.Label]--
			n += utf8.RuneCountInString(l.Label)
		}
	}
	return n
}
