package rules

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"weak"
)

// InconsistentTranslation reports, within one target locale, a source text
// translated in different ways and a translation given to different sources.
var InconsistentTranslation = Register(&Rule{
	ID:       "inconsistent-translation",
	Aliases:  []string{"consistency", "translation-consistency"},
	Tags:     []string{"corpus", "consistency"},
	Severity: Warning,
	Short:    "The same source segment is translated differently, or one translation serves different sources, within a locale",
	Doc:      `TODO`,
	Options: []Option{
		{Name: "min-words", Default: 3, Doc: "words a source text must have to be checked"},
		{Name: "ignore-case", Default: true, Doc: "letter case does not make texts different"},
		{Name: "same-target", Default: true, Doc: "also report one translation used for different source texts"},
		{Name: "max-places", Default: 3, Doc: "places listed per variant before \"and N more\""},
	},
	RunCorpus: runInconsistentTranslation,
})

// consistencyOptions are the options the locale-wide index depends on.
type consistencyOptions struct {
	minWords   int
	ignoreCase bool
	sameTarget bool
	maxPlaces  int
}

// consistencyKey identifies one index: a corpus (held weakly, so that the
// cache does not keep finished runs alive) and the options it was built with.
type consistencyKey struct {
	corpus weak.Pointer[Corpus]
	opts   consistencyOptions
}

// consistencyEntry is built once, by the first page of a run that asks.
type consistencyEntry struct {
	once  sync.Once
	index map[*PageFacts][]consistencyFinding
}

// consistencyCache maps a consistencyKey to its *consistencyEntry.
var consistencyCache sync.Map

// consistencyFinding is one problem, to be reported on one segment of the
// page it belongs to.
type consistencyFinding struct {
	seg     int
	message string
}

func runInconsistentTranslation(p *CorpusPass) {
	if p.Page.Source || !p.Page.Bilingual {
		return
	}
	opts := consistencyOptions{minWords: p.Int("min-words"), ignoreCase: p.Bool("ignore-case"),
		sameTarget: p.Bool("same-target"), maxPlaces: p.Int("max-places")}
	key := consistencyKey{corpus: weak.Make(p.Corpus), opts: opts}
	v, loaded := consistencyCache.LoadOrStore(key, &consistencyEntry{})
	if !loaded {
		runtime.AddCleanup(p.Corpus, func(k consistencyKey) { consistencyCache.Delete(k) }, key)
	}
	e := v.(*consistencyEntry)
	e.once.Do(func() { e.index = buildConsistency(p.Corpus, opts) })
	for _, f := range e.index[p.Page] {
		p.ReportSegment(&p.Page.Segments[f.seg], "%s", f.message)
	}
}

// place is one occurrence of a segment.
type place struct {
	page  *PageFacts
	order int // the page's rank in path order
	seg   int
}

func (a place) before(b place) bool {
	if a.order != b.order {
		return a.order < b.order
	}
	return a.seg < b.seg
}

// variant is one way a text is rendered, with where it occurs.
type variant struct {
	text   string // as first seen
	places []place
}

// group collects the variants of one text: the targets of one source, or
// the sources of one target.
type group struct {
	text     string
	variants map[string]*variant
	order    []string
}

func (g *group) add(key, text string, pl place) {
	v := g.variants[key]
	if v == nil {
		v = &variant{text: text}
		g.variants[key] = v
		g.order = append(g.order, key)
	}
	v.places = append(v.places, pl)
}

func buildConsistency(c *Corpus, o consistencyOptions) map[*PageFacts][]consistencyFinding {
	type locKey struct{ locale, key string }
	bySource := map[locKey]*group{}
	byTarget := map[locKey]*group{}
	var srcOrder, tgtOrder []locKey
	roots := map[string]map[string]bool{} // locale → roots
	for order, pg := range c.Pages() {
		if pg.Source || !pg.Bilingual {
			continue
		}
		if roots[pg.Locale] == nil {
			roots[pg.Locale] = map[string]bool{}
		}
		roots[pg.Locale][pg.Root] = true
		for i := range pg.Segments {
			s := &pg.Segments[i]
			if !s.HasSource || !checkableSource(s, o.minWords) {
				continue
			}
			sk, tk := consistencyText(s.Source, o.ignoreCase), consistencyText(s.Target, o.ignoreCase)
			if tk == "" || sk == tk {
				continue
			}
			pl := place{page: pg, order: order, seg: i}
			k := locKey{pg.Locale, sk}
			g := bySource[k]
			if g == nil {
				g = &group{text: s.Source, variants: map[string]*variant{}}
				bySource[k] = g
				srcOrder = append(srcOrder, k)
			}
			g.add(tk, s.Target, pl)
			if !o.sameTarget {
				continue
			}
			k = locKey{pg.Locale, tk}
			g = byTarget[k]
			if g == nil {
				g = &group{text: s.Target, variants: map[string]*variant{}}
				byTarget[k] = g
				tgtOrder = append(tgtOrder, k)
			}
			g.add(sk, s.Source, pl)
		}
	}
	out := map[*PageFacts][]consistencyFinding{}
	emit := func(keys []locKey, m map[locKey]*group, targets bool) {
		for _, k := range keys {
			g := m[k]
			if len(g.order) < 2 {
				continue
			}
			first, ok := firstReported(g)
			if !ok {
				continue
			}
			short := len(roots[k.locale]) == 1
			out[first.page] = append(out[first.page], consistencyFinding{seg: first.seg,
				message: consistencyMessage(g, k.locale, targets, short, o.maxPlaces)})
		}
	}
	emit(srcOrder, bySource, false)
	emit(tgtOrder, byTarget, true)
	return out
}

// firstReported returns the first place of g, in path and document order,
// on a page findings are reported on.
func firstReported(g *group) (place, bool) {
	var best place
	ok := false
	for _, k := range g.order {
		for _, pl := range g.variants[k].places {
			if pl.page.Reported {
				if !ok || pl.before(best) {
					best, ok = pl, true
				}
				break
			}
		}
	}
	return best, ok
}

func consistencyMessage(g *group, locale string, targets, short bool, maxPlaces int) string {
	vs := make([]*variant, 0, len(g.order))
	for _, k := range g.order {
		vs = append(vs, g.variants[k])
	}
	sort.SliceStable(vs, func(i, j int) bool {
		if len(vs[i].places) != len(vs[j].places) {
			return len(vs[i].places) > len(vs[j].places)
		}
		return vs[i].places[0].before(vs[j].places[0])
	})
	var b strings.Builder
	if targets {
		fmt.Fprintf(&b, "%q is the %s translation of %d different source texts: ", shorten(g.text, 80), locale, len(vs))
	} else {
		fmt.Fprintf(&b, "%q is translated %d ways in %s: ", shorten(g.text, 80), len(vs), locale)
	}
	for i, v := range vs {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%q %s (%s)", shorten(v.text, 80), plural(len(v.places), "once", fmt.Sprintf("%d times", len(v.places))),
			placeList(v.places, short, maxPlaces))
	}
	return b.String()
}

// placeList names places as path:line, the first max of them.
func placeList(pls []place, short bool, max int) string {
	var names []string
	seen := map[string]bool{}
	for _, pl := range pls {
		path := pl.page.Path
		if short && pl.page.Rel != "" {
			path = pl.page.Rel
		}
		n := fmt.Sprintf("%s:%d", path, pl.page.Segments[pl.seg].TargetLoc.Start.Line)
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	if max > 0 && len(names) > max {
		return strings.Join(names[:max], ", ") + fmt.Sprintf(" and %d more", len(names)-max)
	}
	return strings.Join(names, ", ")
}

// checkableSource reports whether a segment's source is worth comparing:
// enough words, not only numbers or code.
func checkableSource(s *SegmentFacts, minWords int) bool {
	raw := strings.TrimSpace(s.SourceRaw)
	if len(raw) >= 2 && raw[0] == '`' && raw[len(raw)-1] == '`' && !strings.Contains(strings.Trim(raw, "`"), "`") {
		return false // one code span
	}
	words, letters := 0, false
	for _, w := range strings.Fields(s.Source) {
		hasLetter := false
		for _, r := range w {
			if unicode.IsLetter(r) {
				hasLetter = true
				break
			}
		}
		if hasLetter {
			words++
			letters = true
		}
	}
	return letters && words >= minWords
}

// consistencyText reduces a text to what a translator's choice of words
// would change: white space, punctuation and symbols, typographic variants
// and (with ignoreCase) letter case do not count.
func consistencyText(s string, ignoreCase bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width forms
			r -= 0xFEE0
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			continue
		}
		if ignoreCase {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
