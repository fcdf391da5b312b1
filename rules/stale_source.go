package rules

import (
	"fmt"
	"index/suffixarray"
	"math"
	"regexp"
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
else the closest one elsewhere on the page that no segment of the translation still has; a heading
only for a heading, a link title (a list item that is one link) only for a link title. A
rewritten sentence that shares too little with the old one is not quoted ("is no longer in the
source page"), and a segment is said to be removed only when nothing is left between its
neighbours. Short texts the page repeats (a change log's "modified") place nothing.

A translation can be newer than its source span: a translator translated the current English and
left the span as it was. When a translation keeps what only the current text has (numbers,
acronyms, identifiers, product names) and none of what only the old one has, its finding says
that the translation already follows the current text and only the source span is out of date,
and the page summary counts those segments apart.

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
	cursor, stale, followed := 0, 0, 0 // followed: stale segments whose translation follows the current text
	// A text that is not there costs a scan of the whole page: on a long
	// page with many of them (a translation of a rewritten page), a suffix
	// array tells them apart at once.
	var sa *suffixarray.Index
	for i, t := range texts {
		found[i] = notFound
		if len(t) < minChars {
			found[i] = tooShort // too short to tell: neither stale nor an anchor
			continue
		}
		if sa == nil && stale >= 32 && len(prose) >= 32<<10 {
			sa = suffixarray.New([]byte(prose))
		}
		if sa != nil && len(sa.Lookup([]byte(t), 1)) == 0 {
			stale++
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
				if sa == nil && len(prose) >= 32<<10 {
					sa = suffixarray.New([]byte(prose)) // a scan per text would be long
				}
				if sa != nil {
					r = len(sa.Lookup([]byte(t), 2)) == 2
				} else {
					first := strings.Index(prose, t)
					r = strings.Contains(prose[first+1:], t)
				}
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
	var at []int32              // offsets in the prose of the folded prose's bytes
	var q *quoter               // the source page's sentences, once they are needed
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
		// like the others); nor is a heading a new version of a body
		// sentence, or the reverse (HeadingMark starts the page's headings
		// in its prose), nor a link title (LinkMark).
		kept := func(sentence string) bool {
			return present[fold(sentence)] || strings.HasPrefix(sentence, HeadingMark) != seg.Heading ||
				strings.HasPrefix(sentence, LinkMark) != seg.LoneLink
		}
		if q == nil {
			q = newQuoter(src.Prose)
		}
		want := lowerWords(seg.Source)
		now := ""
		if window != "" {
			now = q.between(src.Prose, want, lo, hi, 0.5, kept)
		}
		if now == "" {
			// Anywhere on the page: closer, and sharing words, not only
			// numbers (a date is like any other date).
			now = q.closest(want, 0, len(q.page.text), 0.6, func(sentence string) bool {
				return kept(sentence) || !hasLetter(sentence)
			}).text
		}
		// Removed: nothing is left between the anchors.
		removed := window == ""
		switch {
		case now != "":
			now = calloutMark.ReplaceAllString(lineMarks.Replace(now), "")
			if followedText(seg.Target, seg.Source, now) == followsNew {
				followed++
				p.ReportSegment(seg, "source text changed in %s: the current source reads %q; the translation already follows it, only the source span is out of date",
					src.Path, shorten(now, 160))
				break
			}
			p.ReportSegment(seg, "source text changed in %s: the current source reads %q", src.Path, shorten(now, 160))
		case removed:
			p.ReportSegment(seg, "source text is no longer in the source page %s: %q was removed", src.Path, shorten(seg.Source, 100))
		default:
			p.ReportSegment(seg, "source text %q is no longer in the source page %s", shorten(seg.Source, 100), src.Path)
		}
	}
	commit := ""
	if e := pg.Get("ms.sourcegitcommit"); e != nil && e.Value != "" {
		commit = fmt.Sprintf(" (translated from source commit %s)", e.Value)
	}
	switch {
	case followed == stale:
		p.ReportAt(pg.Top, "%d of %d source segments differ from the current source page %s%s, but each translation already follows the current text: only the source spans are out of date",
			stale, len(texts), src.Path, commit)
	case followed > 0:
		p.ReportAt(pg.Top, "%d of %d source segments differ from the current source page %s%s: the translation is out of date (%d of them already translate the current text; only their source spans are behind)",
			stale, len(texts), src.Path, commit, followed)
	default:
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
		switch {
		case l == len(tails):
			tails = append(tails, n)
		case key(items[tails[l]]) == k:
			// An equal key: the earlier item stays (a text found twice
			// at one place is anchored by its first segment).
		default:
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
	size  []int64
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

// weigh sets the sentences' sizes, and an index of their words when there
// are many (a whole page, searched for every stale segment).
func (s *sentences) weigh(w *weights, indexed bool) {
	s.size = make([]int64, len(s.text))
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
	of1 map[string]int64
	new int64 // the weight of a word the page does not have
}

func newWeights(page *sentences) *weights {
	df := map[string]int{}
	for _, ws := range page.words {
		for x := range ws {
			df[x]++
		}
	}
	n := float64(len(page.words) + 1)
	w := &weights{of1: make(map[string]int64, len(df)), new: fixed(math.Log(1 + n))}
	for x, k := range df {
		w.of1[x] = fixed(math.Log(1 + n/float64(k+1)))
	}
	return w
}

// fixed is a weight in fixed point: sums of weights are then exact, the
// same whatever order a map gives the words in.
func fixed(f float64) int64 { return int64(f * (1 << 20)) }

func (w *weights) of(word string) int64 {
	if v, ok := w.of1[word]; ok {
		return v
	}
	return w.new
}

// quoter finds, for the stale segments of a page, the sentence of the
// source page that replaced each. Its work is bounded: a page of thousands
// of sentences all rewritten would otherwise cost the product of the two
// (each stale text scored against every sentence sharing a word with it).
type quoter struct {
	page   *sentences
	w      *weights
	shared []int64 // per sentence of the page, reset after each search
	spent  int     // postings and words visited
	// pieces are the pieces of sentences the stretches between anchors
	// cut, split once (the stale segments between two anchors share them).
	pieces map[[2]int]*sentences
}

// quoteBudget bounds the postings a page's quotes visit: past it, stale
// segments are reported without the current text.
const quoteBudget = 4 << 20

func newQuoter(prose string) *quoter {
	page := newSentences(prose)
	w := newWeights(page)
	page.weigh(w, true)
	return &quoter{page: page, w: w, shared: make([]int64, len(page.text))}
}

// candidate is a sentence (or two in a row) and its score.
type candidate struct {
	text  string
	score float64
}

// between returns the sentence of the stretch [lo, hi) of the page's text
// closest to old (see closest): the page's sentences wholly inside it,
// through the index, and the pieces of those it cuts at its ends, split
// again.
func (q *quoter) between(text string, old map[string]bool, lo, hi int, least float64, skip func(string) bool) string {
	s := q.page
	var pieces [][2]int
	// A sentence the stretch cuts only in marks (the "# " of a heading,
	// punctuation: the stretch starts at a letter) counts as inside it.
	marks := func(a, b int) bool { return a >= b || strings.IndexFunc(text[a:b], isWordRune) < 0 }
	from := sort.Search(len(s.spans), func(i int) bool { return s.spans[i][1] > lo })
	if from < len(s.spans) && s.spans[from][0] < lo && !marks(s.spans[from][0], lo) {
		pieces = append(pieces, [2]int{lo, min(s.spans[from][1], hi)})
		from++
	}
	to := from
	for to < len(s.spans) && (s.spans[to][1] <= hi || s.spans[to][0] < hi && marks(hi, s.spans[to][1])) {
		to++
	}
	if to < len(s.spans) && s.spans[to][0] < hi {
		pieces = append(pieces, [2]int{max(s.spans[to][0], lo), hi})
	}
	best := q.closest(old, from, to, least, skip)
	for _, pc := range pieces {
		piece, ok := q.pieces[pc]
		if !ok {
			// A piece of a heading (or of a lone link) is one too.
			line := strings.LastIndexByte(text[:pc[0]], '\n') + 1
			t := lineMark(text[line:]) + lineMarks.Replace(text[pc[0]:pc[1]])
			piece = newSentences(t)
			piece.weigh(q.w, false)
			if q.pieces == nil {
				q.pieces = map[[2]int]*sentences{}
			}
			q.pieces[pc] = piece
		}
		// Scoring a piece reads all its words: it counts in the budget
		// (one sentence of thousands of words cut by the anchors).
		cost := 0
		for _, ws := range piece.words {
			cost += len(ws)
		}
		if q.spent+cost > quoteBudget {
			q.spent = quoteBudget + 1
			continue
		}
		q.spent += cost
		if c := piece.closest(old, q.w, least, skip); c.score > best.score {
			best = c
		}
	}
	return best.text
}

// closest scores the page's sentences [from, to) through the index of
// their words; nothing once the budget is spent.
func (q *quoter) closest(old map[string]bool, from, to int, least float64, skip func(string) bool) candidate {
	s := q.page
	if len(old) == 0 || from >= to {
		return candidate{}
	}
	cost := 0
	for x := range old {
		post := s.index[x]
		cost += sort.SearchInts(post, to) - sort.SearchInts(post, from)
	}
	if q.spent+cost > quoteBudget {
		q.spent = quoteBudget + 1 // spent: no more quotes on this page
		return candidate{}
	}
	q.spent += cost
	var oldWeight int64
	for x := range old {
		oldWeight += q.w.of(x)
	}
	var touched []int
	for x := range old {
		wt := q.w.of(x)
		post := s.index[x]
		a, b := sort.SearchInts(post, from), sort.SearchInts(post, to)
		for _, i := range post[a:b] {
			if q.shared[i] == 0 {
				touched = append(touched, i)
			}
			q.shared[i] += wt
		}
	}
	defer func() {
		for _, i := range touched {
			q.shared[i] = 0
		}
	}()
	sort.Ints(touched) // ties go to the first sentence, as in page order
	dice := func(c, n int64) float64 { return 2 * float64(c) / float64(oldWeight+n) }
	best := candidate{score: least}
	for _, i := range touched {
		if sc := dice(q.shared[i], s.size[i]); sc > best.score && (skip == nil || !skip(s.text[i])) {
			best = candidate{s.text[i], sc}
		}
	}
	// Two sentences in a row only when clearly closer than one: a heading
	// and its paragraph share words without being one sentence.
	// Two sentences in a row only when clearly closer than the best one:
	// a heading and its paragraph share words without being one sentence.
	// A pair's score is at most 2(shared[i]+shared[i+1])/oldWeight: pairs
	// that cannot pass are not weighed (most, on a long page).
	bar := best.score + 0.1
	pair := candidate{score: bar}
	for _, i := range touched {
		if i+1 >= to || q.shared[i+1] == 0 || float64(2*(q.shared[i]+q.shared[i+1])) <= pair.score*float64(oldWeight) {
			continue
		}
		c, n := q.shared[i], s.size[i]
		for x := range s.words[i+1] {
			if !s.words[i][x] {
				wt := q.w.of(x)
				n += wt
				if old[x] {
					c += wt
				}
			}
		}
		if sc := dice(c, n); sc > pair.score && (skip == nil || !skip(s.text[i]) && !skip(s.text[i+1])) {
			pair = candidate{s.text[i] + " " + s.text[i+1], sc}
		}
	}
	if pair.text != "" {
		best = pair
	}
	if best.text == "" {
		best.score = 0
	}
	return best
}

// closest returns the sentence that shares the most with old's words,
// white space collapsed, when the words they share weigh more than least
// of their words (Dice's coefficient, each word weighed by its rarity on
// the page), and skip (when given) does not refuse it. For the few
// sentences of a piece; the page's go through quoter.closest, which also
// tries two sentences in a row.
func (s *sentences) closest(old map[string]bool, w *weights, least float64, skip func(string) bool) candidate {
	if len(old) == 0 || len(s.text) == 0 {
		return candidate{}
	}
	var oldWeight int64
	for x := range old {
		oldWeight += w.of(x)
	}
	shared := make([]int64, len(s.text))
	for i, have := range s.words {
		for x := range have {
			if old[x] {
				shared[i] += w.of(x)
			}
		}
	}
	dice := func(c, n int64) float64 { return 2 * float64(c) / float64(oldWeight+n) }
	best := candidate{score: least}
	for i := range s.text {
		if sc := dice(shared[i], s.size[i]); sc > best.score && (skip == nil || !skip(s.text[i])) {
			best = candidate{s.text[i], sc}
		}
	}
	if best.text == "" {
		best.score = 0
	}
	return best
}

// splitSentences cuts text at sentence ends (. ? ! 。 followed by a space
// or the end), line breaks and table cell bars, white space collapsed;
// spans are where each sentence's piece of text starts and ends.
func splitSentences(text string) (out []string, spans [][2]int) {
	mark := lineMark(text) // the line's
	add := func(start, end int) {
		s := strings.Join(strings.Fields(strings.Trim(lineMarks.Replace(text[start:end]), " \t|")), " ")
		if s == "" {
			return
		}
		s = mark + s // every sentence of a heading is one
		out = append(out, s)
		spans = append(spans, [2]int{start, end})
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n' || c == '|':
			add(start, i)
			start = i + 1
			if c == '\n' {
				mark = lineMark(text[i+1:])
			}
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

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// calloutMark is the marker a docs callout starts with ("[!NOTE] >"), as
// the prose of a page keeps it.
var calloutMark = regexp.MustCompile(`^(?:\[![A-Za-z]+\]\s*)?>\s*|^\[![A-Za-z]+\]\s*`)

// lineMarks removes the marks of the prose's lines.
var lineMarks = strings.NewReplacer(HeadingMark, "", LinkMark, "")

// lineMark is the mark the line text starts with ("" for none).
func lineMark(text string) string {
	switch {
	case strings.HasPrefix(text, HeadingMark):
		return HeadingMark
	case strings.HasPrefix(text, LinkMark):
		return LinkMark
	}
	return ""
}
