package rules

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// LengthRatio reports targets far shorter or longer than their source.
var LengthRatio = Register(&Rule{
	ID:       "length-ratio",
	Aliases:  []string{"length"},
	Tags:     []string{"segment", "length"},
	Severity: Warning,
	Short:    "The target is far shorter or longer than the source for its locale",
	Doc: `Compares the length in characters of each segment's prose (markup removed) in target and
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
sources of at least min-chars characters are checked: short labels vary too much. For the same
reason a table's header row is not checked: a column header is a label, rendered freely
("For information about..." as "Inhalt").

A sentence split differently across two segments on the same line is not reported: when a
neighbouring segment deviates the other way and the two together have a normal ratio (a clause
moved into the next span, words in another order around an icon), the page has all its text.

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
	minChars, slack := p.Int("min-chars"), float64(p.Int("slack"))
	typical := math.Sqrt(lo * hi) // between the bounds, on a log scale
	for i, s := range p.Page.Segments {
		// A target without letters ("）") is a segment whose text went to its
		// neighbour: a segmentation artifact, not a truncation.
		if !s.HasSource || blank(s.Target) || strings.IndexFunc(s.Target.Plain, unicode.IsLetter) < 0 {
			continue
		}
		if inTableHeader(p.Page, s) {
			// A column header is a label translators render freely
			// ("For information about..." → "Inhalt"), not a sentence cut.
			continue
		}
		n, m := proseLengths(s)
		if n < minChars {
			continue
		}
		r := float64(m) / float64(n)
		short, long := r < lo, float64(m) > hi*float64(n)+slack
		if !short && !long || shifted(p.Page, i, n, m, typical, lo, hi) {
			continue
		}
		if short {
			p.ReportSegment(s, "target is %.2f times as long as the source (%d vs %d characters; expected at least %.2f): truncated or incomplete?", r, m, n, lo)
		} else {
			p.ReportSegment(s, "target is %.2f times as long as the source (%d vs %d characters; expected at most %.2f): extra or repeated text?", r, m, n, hi)
		}
	}
}

// inTableHeader reports whether the segment sits in the header row of a
// table: the table block's first line.
func inTableHeader(pg *Page, s *Segment) bool {
	if s.Block != "table" {
		return false
	}
	at := s.Range.Start
	i := sort.Search(len(pg.Blocks), func(i int) bool { return pg.Blocks[i].Range.End > at })
	if i == len(pg.Blocks) {
		return false
	}
	b := pg.Blocks[i]
	if b.Kind != "table" || at < b.Range.Start {
		return false
	}
	nl := strings.IndexByte(pg.Text[b.Range.Start:b.Range.End], '\n')
	return nl < 0 || at < b.Range.Start+nl
}

// proseLengths are the lengths in characters of a segment's source and
// target prose, without the link text both keep word for word (a Chinese
// page's English link title followed by a gloss is not part of the
// translation).
func proseLengths(s *Segment) (source, target int) {
	same := sameLinkLabels(s)
	return utf8.RuneCountInString(s.Source.Plain) - same - brokenMarkup(s.Source.Plain),
		utf8.RuneCountInString(s.Target.Plain) - same - brokenMarkup(s.Target.Plain)
}

// brokenMarkup is the length in characters of the link markup left in
// plain text, where a translation tore a link or image apart ("单击](media/
// 457cd93f-….gif)" and a stray "![" are no prose): the "](destination)"
// runs and "![" pairs. A parsed link's destination is never in the plain
// text.
func brokenMarkup(plain string) int {
	if !strings.Contains(plain, "](") {
		return 2 * strings.Count(plain, "![") // nearly every text: nothing to copy
	}
	n := 0
	var rest strings.Builder // plain without the "](destination)" runs
	for s := plain; ; {
		i := strings.Index(s, "](")
		if i < 0 {
			rest.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i+2:], ')')
		if j <= 0 || strings.ContainsAny(s[i+2:i+2+j], " \t\n") {
			rest.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		rest.WriteString(s[:i])
		n += 3 + utf8.RuneCountInString(s[i+2:i+2+j])
		s = s[i+2+j+1:]
	}
	// A "![" inside a destination is counted there already.
	return n + 2*strings.Count(rest.String(), "![")
}

// shifted reports whether segment i, of lengths n (source) and m (target),
// is one of two neighbours that split a sentence differently from the
// source (the target's words in another order, a clause moved across an
// icon): a neighbour on the same line deviates the other way from the
// typical ratio, and the two together have a normal ratio. The page then
// has all its text, in a different segmentation; a truncated or replaced
// target has no such partner.
func shifted(pg *Page, i, n, m int, typical, lo, hi float64) bool {
	r := float64(m) / float64(n)
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(pg.Segments) {
			continue
		}
		o := pg.Segments[j]
		if !o.HasSource || !sameLine(pg, pg.Segments[min(i, j)], pg.Segments[max(i, j)]) {
			continue
		}
		on, om := proseLengths(o)
		if on <= 0 {
			continue
		}
		if or := float64(om) / float64(on); (r < typical) == (or < typical) {
			continue // both short or both long: not a shift
		}
		if both := float64(m+om) / float64(n+on); both >= lo && both <= hi {
			return true
		}
	}
	return false
}

// sameLine reports whether only spaces, markup or an image (no line break,
// no table cell boundary) separate segment a from the later segment b: the
// two are parts of one sentence or paragraph on the page.
func sameLine(pg *Page, a, b *Segment) bool {
	if a.Range.End > b.Range.Start || b.Range.Start > len(pg.Text) {
		return false
	}
	gap := pg.Text[a.Range.End:b.Range.Start]
	return len(gap) < 300 && !strings.ContainsAny(gap, "\n\r|")
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
