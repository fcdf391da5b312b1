package rules

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// CrossLocaleSource compares the source text of the same page across locales.
var CrossLocaleSource = Register(&Rule{
	ID:       "cross-locale-source",
	Aliases:  []string{"source-drift"},
	Tags:     []string{"corpus", "segment", "source"},
	Severity: Error,
	Short:    "The same page translated into several locales carries different source text for a segment",
	Doc: `Every translation of a page should have been made from the same source text. This rule aligns
the segments of a side-by-side page with those of the same page in the other locales (by their
source text: the id prefixes differ per locale and the numbering can shift) and reports the
segments whose source differs, on the locale that is the outlier:

  - the locales whose source text is in the current source page (the en-US tree) are right;
  - otherwise the text most locales share is right;
  - between two locales that disagree, the page handed off more recently (ms.lasthandoff) is right.

The message quotes the source text the other locales agree on and names them (long texts from
shortly before their first difference). Case, white space, typographic quotes, emphasis asterisks,
backslashes, final punctuation and the alternative texts of images (an icon inside one locale's
source span and outside another's) do not count as differences.

A French FAQ whose source still says "ISO 22301" while the zh-CN page's source, made from a newer
English revision, says "ISO 20000-1:2011" is reported on the French page: its translator
translated the wrong text.

A translator may also have translated the newer text and left the page's source span as it was:
when the translation keeps what only the other locales' text has (numbers, acronyms, identifiers,
product names: "Exchange Online PowerShell") and none of what only this page's has ("Windows
PowerShell", "EAC"), the message says that the translation already follows their text and only
the source span is out of date.`,
	RunCorpus: runCrossLocaleSource,
})

// sourceTexts returns the folded source texts of a page's segments that
// have one, and the index of each in p.Segments. They are computed once per
// page: every sibling's check reads them too. The slices are shared.
func sourceTexts(p *PageFacts) (texts []string, index []int) {
	p.srcOnce.Do(func() {
		n := 0
		for _, s := range p.Segments {
			if s.HasSource {
				n++
			}
		}
		p.srcTexts, p.srcIndex = make([]string, 0, n), make([]int, 0, n)
		for i, s := range p.Segments {
			if s.HasSource {
				f := s.SourceFold
				if f == "" && s.Source != "" {
					f = fold(s.Source)
				}
				p.srcTexts = append(p.srcTexts, f)
				p.srcIndex = append(p.srcIndex, i)
			}
		}
	})
	return p.srcTexts, p.srcIndex
}

// wordingTexts are sourceTexts without the alternative texts of images
// (SourceWording), for comparing locales: an icon inside one locale's
// source span and outside another's is no difference of wording. Same
// index as sourceTexts.
func wordingTexts(p *PageFacts) []string {
	texts, index := sourceTexts(p)
	p.wordOnce.Do(func() {
		p.wordTexts = texts // shared until a text differs
		cloned := false
		for k, i := range index {
			if w := p.Segments[i].SourceWording; w != "" {
				if !cloned {
					p.wordTexts, cloned = slices.Clone(texts), true
				}
				p.wordTexts[k] = w
			}
		}
	})
	return p.wordTexts
}

func runCrossLocaleSource(p *CorpusPass) {
	pg := p.Page
	if pg.Source || !pg.Bilingual || pg.Key == "" {
		return
	}
	byLocale := map[string]*PageFacts{}
	var sibs []*PageFacts
	for _, q := range p.Corpus.Siblings(pg) {
		if q.Bilingual {
			sibs = append(sibs, q)
			byLocale[q.Locale] = q
		}
	}
	if len(sibs) == 0 {
		return
	}
	var srcProse string
	if e := Comparable(p.Corpus.SourceOf(pg)); e != nil && !e.Bilingual {
		srcProse = e.FoldedProse()
	}
	_, mineIdx := sourceTexts(pg)
	mine := wordingTexts(pg)
	// folded: a wording as the source texts have it (with the images'
	// alternative texts), for finding it in the source page's prose.
	folded := map[string]string{}
	pairs := make([][]int, len(sibs))
	// differs[i]: a sibling pairs segment i with a different text. Only
	// those segments are voted on (most agree everywhere).
	differs := make([]bool, len(mine))
	for k, q := range sibs {
		theirs := wordingTexts(q)
		pairs[k], _ = alignPairs(mine, theirs)
		for i, j := range pairs[k] {
			if j >= 0 && theirs[j] != mine[i] {
				differs[i] = true
			}
		}
	}
	votes := make([]map[string][]string, len(mine)) // text → locales that have it
	readable := map[string]string{}                 // folded text → as written
	for k, q := range sibs {
		theirs := wordingTexts(q)
		folds, theirIdx := sourceTexts(q)
		for i, j := range pairs[k] {
			if j < 0 || !differs[i] {
				continue
			}
			if votes[i] == nil {
				votes[i] = map[string][]string{}
			}
			votes[i][theirs[j]] = append(votes[i][theirs[j]], q.Locale)
			if _, ok := readable[theirs[j]]; !ok {
				readable[theirs[j]] = q.Segments[theirIdx[j]].Source
				folded[theirs[j]] = folds[j]
			}
		}
	}
	mineFolds, _ := sourceTexts(pg)
	for i, t := range mine {
		if differs[i] {
			if _, ok := folded[t]; !ok {
				folded[t] = mineFolds[i]
			}
		}
	}
	inSource := func(t string) bool {
		return srcProse != "" && (strings.Contains(srcProse, t) || folded[t] != "" && strings.Contains(srcProse, folded[t]))
	}
	for i, v := range votes {
		if len(v) == 0 || mine[i] == "" {
			continue
		}
		alt, locs, why := outlier(pg, mine[i], v, srcProse != "", inSource, byLocale)
		if alt == "" {
			continue
		}
		seg := &pg.Segments[mineIdx[i]]
		sort.Strings(locs)
		verb := "has"
		if len(locs) > 1 {
			verb = "agree on"
		}
		theirsText, mineText := differingParts(readable[alt], seg.Source, 120)
		if followedText(seg.Target, seg.Source, readable[alt]) == followsNew {
			// The translation was made from their text: only this page's
			// source span is behind.
			why += "; the translation already follows their text, only this page's source span is out of date"
		}
		p.ReportSegment(seg, "source text differs from the %s %s %s %q; this page's source reads %q%s",
			strings.Join(locs, ", "), plural(len(locs), "page, which", "pages, which"), verb,
			theirsText, mineText, why)
	}
}

// outlier decides whether this page's source text mine is the odd one out
// among the sibling texts in votes. It returns the text the others are right
// to have, the locales that have it, and a note on how it was decided.
func outlier(pg *PageFacts, mine string, votes map[string][]string, haveSource bool, inSource func(string) bool, byLocale map[string]*PageFacts) (string, []string, string) {
	var alts []string
	for t := range votes {
		if t != mine {
			alts = append(alts, t)
		}
	}
	if len(alts) == 0 {
		return "", nil, ""
	}
	sort.Strings(alts)
	if haveSource {
		if inSource(mine) {
			return "", nil, ""
		}
		for _, a := range alts {
			if inSource(a) {
				return a, votes[a], " (theirs is the current source page's text)"
			}
		}
	}
	best := alts[0]
	for _, a := range alts[1:] {
		if len(votes[a]) > len(votes[best]) {
			best = a
		}
	}
	support := 1 + len(votes[mine])
	switch {
	case len(votes[best]) > support:
		return best, votes[best], ""
	case len(votes[best]) < support:
		return "", nil, ""
	}
	// A tie: the page handed off last was made from the newer source.
	own := handoff(pg)
	if own.IsZero() {
		return "", nil, ""
	}
	var newest time.Time
	for _, l := range votes[best] {
		if q := byLocale[l]; q != nil {
			if h := handoff(q); h.After(newest) {
				newest = h
			}
		}
	}
	if newest.After(own) {
		return best, votes[best], " (this page was handed off " + own.Format("01/02/2006") + ", theirs later)"
	}
	return "", nil, ""
}

// differingParts shortens a and b to n characters each so that the place
// where their wording first differs shows: when it lies past the first
// n-40 characters, both start shortly before it, after "…". Case, white
// space and punctuation do not count as differences (' and ’ alike).
func differingParts(a, b string, n int) (string, string) {
	fa, fb := fold(a), fold(b)
	k := 0
	for k < len(fa) && k < len(fb) && fa[k] == fb[k] {
		k++
	}
	oa, ob := foldOffsets(a), foldOffsets(b)
	cut := func(s string, at []int32) string {
		diff := len(s) // one is the other plus more: the difference is at its end
		if k < len(at) {
			diff = int(at[k])
		}
		if utf8.RuneCountInString(s[:diff]) <= n-40 {
			return shorten(s, n)
		}
		// Start at a word a little before the difference.
		from := diff
		for back := 0; from > 0 && back < 40; back++ {
			_, size := utf8.DecodeLastRuneInString(s[:from])
			from -= size
		}
		if i := strings.IndexByte(s[from:diff], ' '); i >= 0 {
			from += i + 1
		}
		return "…" + shorten(s[from:], n-1)
	}
	return cut(a, oa), cut(b, ob)
}
