package rules

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
)

// StaleSource compares a bilingual page's source segments with the current
// source page.
var StaleSource = Register(&Rule{
	ID:       "stale-source",
	Aliases:  []string{"outdated-source"},
	Tags:     []string{"corpus", "segment", "source"},
	Severity: Warning,
	Short:    "A bilingual page's source segments no longer match the current source page",
	Doc: `A side-by-side page carries the source text it was translated from. When the page of the
source tree (en-US) has changed since, the translation is out of date: this rule looks for each
segment's source text in the current source page (its prose, markup removed; case, white space,
typographic quotes, asterisks, backslashes and final punctuation do not count) and reports each
segment that is no longer
there, with the current text of the source page at that place, and one finding on the first line
of the page that sums up how many segments changed and which source commit the translation was
made from (ms.sourcegitcommit).

The current text is the sentence of the source page, between the segments around it that still
match in order, that shares the most words with the old text (words rare on the page weigh more),
else the closest one elsewhere on the page that no segment of the translation still has. A
rewritten sentence that shares too little with the old one is not quoted ("is no longer in the
source page"), and a segment is said to be removed only when nothing is left between its
neighbours. Short texts the page repeats (a change log's "modified") place nothing.

Pages whose source page is missing are left to orphan-page.

Options:
  min-chars  shortest source text checked, in characters (default 3)`,
	Options:   []Option{{Name: "min-chars", Default: 3, Doc: "shortest source text checked, in characters"}},
	RunCorpus: runStaleSource,
})

func runStaleSource(p *CorpusPass) {
	pg := p.Page
	if pg.Source || !pg.Bilingual {
		return
	}
	src := Comparable(p.Corpus.SourceOf(pg))
	if src == nil || src.Bilingual {
		return
	}
	prose := src.FoldedProse()
	texts, idx := sourceTexts(pg)
	minChars := p.Int("min-chars")
	// Locate each segment in the source page: found[i] is the offset of
	// texts[i] in prose when it is an anchor, else notFound, tooShort or
	// elsewhere (present, no anchor). Anchors place the current text of a
	// stale segment, between the anchors around it. A short text the page
	// repeats ("modified" in each row of a change log) is none: it could
	// stand for any row. Of the others, each found first after the previous
	// one (else anywhere), the anchors are the longest run in page order (a
	// paragraph moved to the end of the page must not carry the place of
	// the segments after it there), as patience diff chooses its anchors.
	const notFound, tooShort, elsewhere = -1, -2, -3
	const shortText = 40 // bytes: longer texts are taken to be unique
	found := make([]int, len(texts))
	ends := make([]int, len(texts))
	cursor, stale := 0, 0
	for i, t := range texts {
		found[i] = notFound
		if len(t) < minChars {
			found[i] = tooShort // too short to tell: neither stale nor an anchor
			continue
		}
		if j := strings.Index(prose[cursor:], t); j >= 0 {
			found[i], ends[i] = cursor+j, cursor+j+len(t)
			cursor = ends[i]
		} else if k := strings.Index(prose, t); k >= 0 {
			found[i], ends[i] = k, k+len(t)
		} else {
			stale++
		}
	}
	if stale == 0 {
		return // most pages: no anchor needed
	}
	var candidates []int // indexes of the texts that may be anchors, in text order
	repeated := map[string]bool{}
	for i, t := range texts {
		if found[i] < 0 {
			continue
		}
		if len(t) < shortText {
			r, ok := repeated[t]
			if !ok {
				first := strings.Index(prose, t)
				r = strings.Contains(prose[first+1:], t)
				repeated[t] = r
			}
			if r {
				found[i] = elsewhere
				continue
			}
		}
		candidates = append(candidates, i)
	}
	inOrder := map[int]bool{}
	for _, i := range increasingRun(candidates, func(i int) int { return found[i] }) {
		inOrder[i] = true
	}
	for _, i := range candidates {
		if !inOrder[i] {
			found[i] = elsewhere
		}
	}
	var at []int32       // offsets in the prose of the folded prose's bytes
	var whole *sentences // the source page's, once it is needed
	var weigh *weights
	var present map[string]bool // the folded texts the translation has that the page has
	for i := range texts {
		if found[i] != notFound {
			continue
		}
		// The current text: what the source page has between the nearest
		// anchors before and after.
		from, to := 0, len(prose)
		for k := i - 1; k >= 0; k-- {
			if found[k] >= 0 {
				from = ends[k]
				break
			}
		}
		for k := i + 1; k < len(texts); k++ {
			if found[k] >= 0 && found[k] >= from {
				to = found[k]
				break
			}
		}
		seg := &pg.Segments[idx[i]]
		window, lo, hi := "", 0, 0
		if to > from {
			if at == nil {
				at = foldOffsets(src.Prose) // once per page, for its first stale segment
			}
			lo, hi = int(at[from]), len(src.Prose)
			if to < len(at) {
				hi = int(at[to])
			}
			window = strings.Trim(src.Prose[lo:hi], " \n\t.:;,|")
		}
		// The current text is the sentence of that stretch closest to the
		// old one (or two in a row, for a sentence split or merged), else
		// of the whole page (the anchors can be off where paragraphs
		// moved); one that shares too few words with it is rewritten text,
		// not quoted.
		if present == nil {
			present = map[string]bool{}
			for k, t := range texts {
				if found[k] >= 0 || found[k] == elsewhere {
					present[t] = true
				}
			}
		}
		// A sentence another segment of the translation still has is no
		// new version of this one (in a change log, every row's title is
		// like the others).
		kept := func(sentence string) bool { return present[fold(sentence)] }
		if whole == nil {
			whole = newSentences(src.Prose)
			weigh = newWeights(whole)
			whole.weigh(weigh, true)
		}
		now := ""
		if window != "" {
			now = whole.within(src.Prose, lo, hi, weigh).closest(seg.Source, weigh, 0.5, kept)
		}
		if now == "" {
			// Anywhere on the page: closer, and sharing words, not only
			// numbers (a date is like any other date).
			now = whole.closest(seg.Source, weigh, 0.6, func(sentence string) bool {
				return kept(sentence) || !hasLetter(sentence)
			})
		}
		// Removed: nothing is left between the anchors.
		removed := window == ""
		switch {
		case now != "":
			p.ReportSegment(seg, "source text changed in %s: the current source reads %q", src.Path, shorten(now, 160))
		case removed:
			p.ReportSegment(seg, "source text is no longer in the source page %s: %q was removed", src.Path, shorten(seg.Source, 100))
		default:
			p.ReportSegment(seg, "source text %q is no longer in the source page %s", shorten(seg.Source, 100), src.Path)
		}
	}
	if stale > 0 {
		commit := ""
		if e := pg.Get("ms.sourcegitcommit"); e != nil && e.Value != "" {
			commit = fmt.Sprintf(" (translated from source commit %s)", e.Value)
		}
		p.ReportAt(pg.Top, "%d of %d source segments differ from the current source page %s%s: the translation is out of date",
			stale, len(texts), src.Path, commit)
	}
}

// increasingRun returns the longest subsequence of items whose keys
// strictly increase (patience sorting, n log n); ties go to the earliest.
func increasingRun(items []int, key func(int) int) []int {
	var tails []int // tails[l]: index in items of the smallest tail of a run of length l+1
	prev := make([]int, len(items))
	for n, it := range items {
		k := key(it)
		l := sort.Search(len(tails), func(j int) bool { return key(items[tails[j]]) >= k })
		if l > 0 {
			prev[n] = tails[l-1]
		} else {
			prev[n] = -1
		}
		if l == len(tails) {
			tails = append(tails, n)
		} else {
			tails[l] = n
		}
	}
	out := make([]int, len(tails))
	for l, n := len(tails)-1, -1; l >= 0; l-- {
		if l == len(tails)-1 {
			n = tails[l]
		}
		out[l] = items[n]
		n = prev[n]
	}
	return out
}

// sentences are a text's sentences and their words.
type sentences struct {
	text  []string
	spans [][2]int // where each is in the text split
	words []map[string]bool
	// size is the weight of each sentence's words; index, for a whole
	// page, the sentences each word is in.
	size  []float64
	index map[string][]int
}

func newSentences(text string) *sentences {
	s := &sentences{}
	s.text, s.spans = splitSentences(text)
	s.words = make([]map[string]bool, len(s.text))
	for i, t := range s.text {
		s.words[i] = lowerWords(t)
	}
	return s
}

// within returns the sentences of the stretch [lo, hi) of the text s was
// split from: its sentences inside it as they are, and the pieces of those
// it cuts split again, weighed with w.
func (s *sentences) within(text string, lo, hi int, w *weights) *sentences {
	out := &sentences{}
	edge := func(a, b int) {
		if a < b {
			e := newSentences(text[a:b])
			e.weigh(w, false)
			out.text = append(out.text, e.text...)
			out.words = append(out.words, e.words...)
			out.size = append(out.size, e.size...)
		}
	}
	first := sort.Search(len(s.spans), func(i int) bool { return s.spans[i][1] > lo })
	i := first
	for ; i < len(s.spans) && s.spans[i][0] < hi; i++ {
		a, b := s.spans[i][0], s.spans[i][1]
		if a >= lo && b <= hi {
			out.text = append(out.text, s.text[i])
			out.words = append(out.words, s.words[i])
			out.size = append(out.size, s.size[i])
			continue
		}
		edge(max(a, lo), min(b, hi))
	}
	return out
}

// weigh sets the sentences' sizes, and an index of their words when there
// are many (a whole page, searched for every stale segment).
func (s *sentences) weigh(w *weights, indexed bool) {
	s.size = make([]float64, len(s.text))
	if indexed {
		s.index = map[string][]int{}
	}
	for i, ws := range s.words {
		for x := range ws {
			s.size[i] += w.of(x)
			if indexed {
				s.index[x] = append(s.index[x], i)
			}
		}
	}
}

// weights are the words of a page weighed by how rare they are in its
// sentences (inverse document frequency): on a page about custom
// sensitive information types those four words tell its sentences apart
// less than "fundamental parts".
type weights struct {
	of1 map[string]float64
	new float64 // the weight of a word the page does not have
}

func newWeights(page *sentences) *weights {
	df := map[string]int{}
	for _, ws := range page.words {
		for x := range ws {
			df[x]++
		}
	}
	n := float64(len(page.words) + 1)
	w := &weights{of1: make(map[string]float64, len(df)), new: math.Log(1 + n)}
	for x, k := range df {
		w.of1[x] = math.Log(1 + n/float64(k+1))
	}
	return w
}

func (w *weights) of(word string) float64 {
	if v, ok := w.of1[word]; ok {
		return v
	}
	return w.new
}

// closest returns the sentence (or two sentences in a row, for a sentence
// split in two) that shares the most with old, white space collapsed, when
// the words they share weigh more than min of their words (Dice's
// coefficient, each word weighed by its rarity on the page), and skip
// (when given) does not refuse it; else "". The sentences are weighed
// with w.
func (s *sentences) closest(old string, w *weights, min float64, skip func(string) bool) string {
	want := lowerWords(old)
	if len(want) == 0 || len(s.text) == 0 {
		return ""
	}
	wantWeight := 0.0
	for x := range want {
		wantWeight += w.of(x)
	}
	// shared: the weight of each sentence's words that old has.
	shared := make([]float64, len(s.text))
	if s.index != nil {
		for x := range want {
			wt := w.of(x)
			for _, i := range s.index[x] {
				shared[i] += wt
			}
		}
	} else {
		for i, have := range s.words {
			for x := range have {
				if want[x] {
					shared[i] += w.of(x)
				}
			}
		}
	}
	dice := func(c, n float64) float64 { return 2 * c / (wantWeight + n) }
	best, bestScore := "", min
	for i := range s.text {
		if sc := dice(shared[i], s.size[i]); sc > bestScore && (skip == nil || !skip(s.text[i])) {
			best, bestScore = s.text[i], sc
		}
	}
	// Two sentences in a row only when clearly closer than one: a heading
	// and its paragraph share words without being one sentence. (A pair
	// can only be closer when both of its sentences share words.)
	for i := 0; i+1 < len(s.text); i++ {
		if shared[i] == 0 || shared[i+1] == 0 {
			continue
		}
		c, n := shared[i], s.size[i]
		for x := range s.words[i+1] {
			if !s.words[i][x] {
				wt := w.of(x)
				n += wt
				if want[x] {
					c += wt
				}
			}
		}
		if sc := dice(c, n); sc > bestScore+0.1 {
			if skip == nil || !skip(s.text[i]) && !skip(s.text[i+1]) {
				best, bestScore = s.text[i]+" "+s.text[i+1], sc
			}
		}
	}
	return best
}

// splitSentences cuts text at sentence ends (. ? ! 。 followed by a space
// or the end), line breaks and table cell bars, white space collapsed;
// spans are where each sentence's piece of text starts and ends.
func splitSentences(text string) (out []string, spans [][2]int) {
	add := func(start, end int) {
		if s := strings.Join(strings.Fields(strings.Trim(text[start:end], " \t|")), " "); s != "" {
			out = append(out, s)
			spans = append(spans, [2]int{start, end})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n' || c == '|':
			add(start, i)
			start = i + 1
		case (c == '.' || c == '?' || c == '!') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'):
			add(start, i+1)
			start = i + 1
		case strings.HasPrefix(text[i:], "。"):
			add(start, i+len("。"))
			start = i + len("。")
		}
	}
	add(start, len(text))
	return out, spans
}

// lowerWords is the set of lower-cased words (letters and digits) of s.
func lowerWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}
