package rules

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"weak"
)

// InconsistentTranslation reports, within one target locale, a source text
// translated in different ways and a translation given to source texts that
// say different things.
var InconsistentTranslation = Register(&Rule{
	ID:      "inconsistent-translation",
	Aliases: []string{"consistency", "translation-consistency"},
	Tags:    []string{"corpus", "consistency"},
	// Rewordings are not reported by default (any-wording): of all the
	// differences, only half were defects on the machine-translated corpus.
	Severity: Warning,
	Short:    "The same source segment is translated differently, or one translation serves different sources, within a locale",
	Doc: `Xbench's two consistency checks, across all the pages of one target locale (and within a
page):

  - the same source text translated in different ways: "More options" is "Plus d'options" on
    two pages and "Autres options" on two others;
  - the same translation used for source texts that say different things: "Un utilisateur
    télécharge un fichier." for both "User uploads a file." and "User downloads a file.".

By default, only the differences a reviewer must make agree are reported. A rewording of a
sentence is the translator's freedom ("Consultez" or "Voir", "了解更多信息" or "了解详细信息"):
on a machine-translated corpus, half of all the differences were. So the translations of one
source are reported when

  - a bold UI label of the source is rendered differently (**More options** as **Plus
    d'options** and **Autres options**), which sends the reader looking for a button that is
    not there; the bold of the source must be a part of the text, and each translation must
    bold as many labels; labels that differ only by an article, a preposition or an
    inflection ending ("Utilisateurs", "Les utilisateurs") are one label, and bold moved within
    the text (**详细**信息, **详细信息**) changes none;
  - source words are kept in English in one translation and translated in another (or
    garbled, when a piece of the word is left, in a locale of another script): common words,
    outside code, links, URLs and glosses (English with its translation in parentheses, or
    the reverse, the convention for names the UI shows in English), not names (capitalized
    words, product and do-not-translate terms, which are kept or translated by choice); one
    word in a locale written in another script ("网站 name", "网站名称"), a phrase of two side
    by side in a Latin-script locale, whose words English often shares (options, Portal,
    Details), and not when the other writes it as one word (Support-Team, Supportteam).

Sources are compared this way only when written alike: the same bold labels, the same words
("Message ID" and "message_id", "Month YYYY" and "MonthYYYY" share a key, not a meaning).

One translation of different sources is reported when they differ in their numbers (both
stating some: "two options" and "a couple of options" are one), in a
negation ("not", "none"), by a pair of opposites (enable/disable, upload/download,
before/after, inbound/outbound ...), by an identifier (Set-IRMConfiguration and
Test-IRMConfiguration, NEAR and ONEAR), or share less than a quarter of their content words, one
of them six or more (a translation that belongs to another segment); not when they differ by a
capitalized name only (Send and Submit as "Envoyer", Finish and Done as "Terminer": one word
may rightly translate two labels) or by a product name ("Overview of labels in Office 365").

With any-wording, every difference is reported (a review pass over a locale, not a gate): then a
name the other source lacks makes sources different too, unless the other source has it as an
acronym or its expansion (EAC, Exchange admin center), an abbreviation (ID, Acct), misspelled or
written in one word; rewordings ("How do you know this worked?", "How do you know if this
worked?") and inflections are not differences, nor are capitals in titles and labels written in
title case.

One problem is one finding, on the first of its places (in path order, then document order) in a
file being checked; the message names each variant, how many times it occurs and where
(path:line, the path inside the locale tree; the first max-places of them, then "and N more").
Run l10nlint on the whole locale tree for the full picture: the pages of a locale are only
compared with the pages of that locale the run reads, so a run on one file finds the
inconsistencies within that file.

What does not make texts different: white space, punctuation and symbols, markup (emphasis,
links, inline HTML: the plain text is compared), full-width and typographic forms, letter case
(ignore-case), and in a translation, the inflection of a name kept from the source ("des
Compliance Centers" and "des Compliance Center"). What is left out: sources shorter than
min-words words, sources of numbers, symbols or one code span only, and segments whose target
equals their source (untranslated reports those).

A source is only compared with the same source ending alike (same-ending): a sentence (. ! ?), a
lead-in (:) and a label (no final punctuation: a heading, a table cell, a list entry) may be
translated differently, such as "Connect to Exchange Online PowerShell" as a heading
("Connexion à ...") and as a step ("Connectez-vous à ...").

Options:
  min-words    words a source must have to be compared (default 2; in scripts written without
               spaces, a character counts as a word)
  ignore-case  letter case does not make two texts different (default true)
  same-ending  compare a source only with sources that end alike: sentence, lead-in or label
               (default true)
  same-target  also report one translation used for source texts that differ in meaning
               (default true)
  max-places   places listed for each variant before "and N more" (default 3; 0 lists all)
  any-wording  report every difference, rewordings too, as Xbench does (default false)`,
	Options: []Option{
		{Name: "min-words", Default: 2, Doc: "words a source must have to be compared"},
		{Name: "ignore-case", Default: true, Doc: "letter case does not make two texts different"},
		{Name: "same-ending", Default: true, Doc: "compare a source only with sources that end alike: sentence, lead-in or label"},
		{Name: "same-target", Default: true, Doc: "also report one translation used for source texts that differ in meaning"},
		{Name: "max-places", Default: 3, Doc: "places listed for each variant before \"and N more\" (0 lists all)"},
		{Name: "any-wording", Default: false, Doc: "report a source translated differently whatever the difference, rewordings too (Xbench's check)"},
	},
	RunCorpus: runInconsistentTranslation,
})

// consistencyOptions are the options the locale-wide index depends on.
type consistencyOptions struct {
	minWords   int
	ignoreCase bool
	sameEnding bool
	sameTarget bool
	maxPlaces  int
	anyWording bool
	terms      string // do-not-translate terms, joined
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

// consistencyCache maps a consistencyKey to its *consistencyEntry. An entry
// is removed when its corpus is garbage collected.
var consistencyCache sync.Map

// consistencyFinding is one problem, to be reported on one segment of the
// page it belongs to.
type consistencyFinding struct {
	seg     int
	message string
	key     string // the message without counts and places (see consistencyKeyText)
}

func runInconsistentTranslation(p *CorpusPass) {
	if p.Page.Source || !p.Page.Bilingual {
		return
	}
	opts := consistencyOptions{minWords: p.Int("min-words"), ignoreCase: p.Bool("ignore-case"),
		sameEnding: p.Bool("same-ending"), sameTarget: p.Bool("same-target"), maxPlaces: p.Int("max-places"),
		anyWording: p.Bool("any-wording"), terms: strings.Join(p.DoNotTranslate, "\x00")}
	key := consistencyKey{corpus: weak.Make(p.Corpus), opts: opts}
	v, loaded := consistencyCache.LoadOrStore(key, &consistencyEntry{})
	if !loaded {
		runtime.AddCleanup(p.Corpus, func(k consistencyKey) { consistencyCache.Delete(k) }, key)
	}
	e := v.(*consistencyEntry)
	e.once.Do(func() { e.index = buildConsistency(p.Corpus, opts, p.DoNotTranslate) })
	for _, f := range e.index[p.Page] {
		p.ReportSegmentAnywhere(&p.Page.Segments[f.seg], f.key, "%s", f.message)
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

// variant is one way a text is rendered, with where it occurs (in path and
// document order).
type variant struct {
	text   string // as first seen
	places []place
}

// group collects the variants of one text: the translations of one source
// text, or the source texts of one translation.
type group struct {
	text  string
	keys  []keyHash  // variant keys, in order of first occurrence
	vars  []*variant // the variants, in the same order
	index map[keyHash]int
}

// keyHash stands for a consistency key: 128 bits of it, so that a locale's
// keys need not be kept as strings (the rule took 500 MB on the corpus's
// four trees); two different keys share a hash with a chance of 2^-128.
type keyHash [2]uint64

var keySeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func hashKey(key []byte) keyHash {
	return keyHash{maphash.Bytes(keySeeds[0], key), maphash.Bytes(keySeeds[1], key)}
}

func (g *group) add(key keyHash, text string, pl place) {
	i := -1
	if g.index != nil {
		if k, ok := g.index[key]; ok {
			i = k
		}
	} else {
		for k, s := range g.keys {
			if s == key {
				i = k
				break
			}
		}
	}
	if i < 0 {
		i = len(g.keys)
		g.keys = append(g.keys, key)
		g.vars = append(g.vars, &variant{text: text})
		if g.index != nil {
			g.index[g.keys[i]] = i
		} else if len(g.keys) > 8 { // a text with many variants: look up by map
			g.index = make(map[keyHash]int, 2*len(g.keys))
			for k, s := range g.keys {
				g.index[s] = k
			}
		}
	}
	g.vars[i].places = append(g.vars[i].places, pl)
}

// list returns the variants, the most frequent first.
func (g *group) list() []*variant {
	vs := slices.Clone(g.vars)
	sort.SliceStable(vs, func(i, j int) bool { return len(vs[i].places) > len(vs[j].places) })
	return vs
}

// buildConsistency indexes the target segments of the corpus, one locale
// at a time (in parallel), and returns the findings by the page each is
// reported on.
func buildConsistency(c *Corpus, o consistencyOptions, dnt []string) map[*PageFacts][]consistencyFinding {
	pages := c.Pages()
	byLocale := map[string][]int{} // locale → page ranks
	var locales []string
	for order, pg := range pages {
		if pg.Source || !pg.Bilingual {
			continue
		}
		if _, ok := byLocale[pg.Locale]; !ok {
			locales = append(locales, pg.Locale)
		}
		byLocale[pg.Locale] = append(byLocale[pg.Locale], order)
	}
	found := make([][]located, len(locales))
	var wg sync.WaitGroup
	for i, loc := range locales {
		wg.Go(func() { found[i] = checkLocale(pages, byLocale[loc], loc, o, dnt) })
	}
	wg.Wait()
	out := map[*PageFacts][]consistencyFinding{}
	for _, fs := range found {
		for _, f := range fs {
			out[f.page] = append(out[f.page], f.consistencyFinding)
		}
	}
	return out
}

// located is a finding with the page it is reported on.
type located struct {
	page *PageFacts
	consistencyFinding
}

// checkLocale indexes the segments of one locale's pages (given by rank,
// in path order) by source text and by target text, in one pass, and makes
// a finding of each inconsistent group that has a place on a reported page.
func checkLocale(pages []*PageFacts, ranks []int, locale string, o consistencyOptions, dnt []string) []located {
	// First the keys of every segment, in one array sized once; then, sorted
	// by key, groups only for the keys whose segments have two variants or
	// more (a group for each segment took 130 MB on the corpus, and maps
	// grown step by step half the rule's time, the collector's).
	type keyed struct {
		src, tgt, plainSrc keyHash
		order, seg         int32
	}
	n := 0
	for _, order := range ranks {
		n += len(pages[order].Segments)
	}
	all := make([]keyed, 0, n)
	roots := map[string]bool{}
	var sk, tk []byte
	for _, order := range ranks {
		pg := pages[order]
		roots[pg.Root] = true
		for i := range pg.Segments {
			s := &pg.Segments[i]
			if !s.HasSource || !checkableSource(s, o.minWords) {
				continue
			}
			sk = appendConsistencyKey(sk[:0], s.Source, o.ignoreCase)
			tk = appendConsistencyKey(tk[:0], s.Target, o.ignoreCase)
			if len(tk) == 0 || string(sk) == string(tk) {
				continue // empty or untranslated: other rules' business
			}
			k := keyed{plainSrc: hashKey(sk), tgt: hashKey(tk), order: int32(order), seg: int32(i)}
			k.src = k.plainSrc
			if o.sameEnding {
				k.src = hashKey(append(sk, ending(s.Source)...))
			}
			all = append(all, k)
		}
	}
	idx := make([]int32, len(all))
	// groups returns the groups of the segments that share key and have
	// two values of variant or more, in order of their first place.
	groups := func(key, variant func(*keyed) keyHash, text, variantText func(*SegmentFacts) string) []group {
		for i := range idx {
			idx[i] = int32(i)
		}
		slices.SortFunc(idx, func(a, b int32) int {
			if c := compareKeys(key(&all[a]), key(&all[b])); c != 0 {
				return c
			}
			return int(a - b) // document order within a key
		})
		var gs []group
		for i := 0; i < len(idx); {
			k0, v0 := key(&all[idx[i]]), variant(&all[idx[i]])
			j, differ := i+1, false
			for ; j < len(idx) && key(&all[idx[j]]) == k0; j++ {
				differ = differ || variant(&all[idx[j]]) != v0
			}
			if differ {
				var g group
				for _, x := range idx[i:j] {
					k := &all[x]
					pg := pages[k.order]
					s := &pg.Segments[k.seg]
					if g.text == "" {
						g.text = text(s)
					}
					g.add(variant(k), variantText(s), place{page: pg, order: int(k.order), seg: int(k.seg)})
				}
				gs = append(gs, g)
			}
			i = j
		}
		sort.Slice(gs, func(a, b int) bool { return gs[a].vars[0].places[0].before(gs[b].vars[0].places[0]) })
		return gs
	}
	source := func(s *SegmentFacts) string { return s.Source }
	target := func(s *SegmentFacts) string { return s.Target }
	sources := groups(func(k *keyed) keyHash { return k.src }, func(k *keyed) keyHash { return k.tgt }, source, target)
	var targets []group
	if o.sameTarget {
		targets = groups(func(k *keyed) keyHash { return k.tgt }, func(k *keyed) keyHash { return k.plainSrc }, target, source)
	}
	short := len(roots) == 1
	var out []located
	emit := func(gs []group, sameTarget bool) {
		for i := range gs {
			g := &gs[i]
			if len(g.keys) < 2 {
				continue
			}
			if sameTarget && !sourcesDiffer(g, !o.anyWording, dnt) || !sameTarget && !mergeInflections(g, dnt, o.ignoreCase) {
				continue
			}
			why := ""
			if !sameTarget && !o.anyWording {
				if why = wordingDifference(g, dnt, locale); why == "" {
					continue
				}
			}
			if first, ok := firstReported(g); ok {
				out = append(out, located{first.page, consistencyFinding{seg: first.seg,
					message: consistencyMessage(g, locale, sameTarget, short, o.maxPlaces, why),
					key:     consistencyKeyText(g, sameTarget, locale, o)}})
			}
		}
	}
	emit(sources, false)
	emit(targets, true)
	return out
}

// compareKeys orders key hashes.
func compareKeys(a, b keyHash) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	return cmp.Compare(a[1], b[1])
}

// mergeInflections merges the variants of g, the translations of one
// source, that differ only in the inflection of a name kept from the source
// (des Compliance Center, des Compliance Centers), and reports whether
// variants are left to report.
func mergeInflections(g *group, dnt []string, ignoreCase bool) bool {
	names := sourceNames(g.text, dnt)
	merged := group{text: g.text}
	var key []byte
	for _, v := range g.vars {
		key = appendConsistencyKey(key[:0], uninflectNames(v.text, names), ignoreCase)
		h := hashKey(key)
		if i := slices.Index(merged.keys, h); i >= 0 {
			m := merged.vars[i]
			m.places = append(m.places, v.places...)
			sort.Slice(m.places, func(i, j int) bool { return m.places[i].before(m.places[j]) })
			continue
		}
		merged.keys = append(merged.keys, h)
		merged.vars = append(merged.vars, &variant{text: v.text, places: slices.Clone(v.places)})
	}
	*g = merged
	return len(g.keys) > 1
}

// firstReported returns the first place of g, in path and document order,
// on a page findings are reported on.
func firstReported(g *group) (place, bool) {
	var best place
	ok := false
	for _, v := range g.vars {
		for _, pl := range v.places {
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

func consistencyMessage(g *group, locale string, targets, short bool, maxPlaces int, why string) string {
	vs := g.list()
	texts := make([]string, len(vs))
	for i, v := range vs {
		texts[i] = v.text
	}
	texts = differingWindows(texts, 90)
	if locale == "" {
		locale = "the pages of no known locale"
	}
	var b strings.Builder
	if targets {
		fmt.Fprintf(&b, "%s is the translation of %d different source texts in %s: ", quoteText(shorten(g.text, 100)), len(vs), locale)
	} else {
		fmt.Fprintf(&b, "%s is translated %d ways in %s", quoteText(shorten(g.text, 100)), len(vs), locale)
		if why != "" {
			fmt.Fprintf(&b, " (%s)", why)
		}
		b.WriteString(": ")
	}
	for i, v := range vs {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s (%s)", quoteText(texts[i]), times(len(v.places)), placeList(v.places, short, maxPlaces))
	}
	return b.String()
}

// consistencyKeyText is what a finding's fingerprint is made of: the kind
// of problem, the locale and the consistency key the group's places share
// (their source's, or their target's: letters and digits, case folded —
// the same whichever place is first, Don't or Don’t; spelled out, as the
// in-memory hashes are seeded per run) — not the variants, their order,
// counts or places, which depend on the pages a run reads: a baseline
// keeps matching the problem whichever page of the group it is reported on.
func consistencyKeyText(g *group, targets bool, locale string, o consistencyOptions) string {
	kind := "translated"
	key := appendConsistencyKey(nil, g.text, o.ignoreCase)
	if targets {
		kind = "sources"
	} else if o.sameEnding {
		key = append(key, ending(g.text)...)
	}
	return kind + "\x00" + locale + "\x00" + string(key)
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
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
		n := fmt.Sprintf("%s:%d", path, pl.page.Loc(pl.page.Segments[pl.seg].TargetRange).Start.Line)
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

// differingWindows shortens long texts to about width characters around
// where they start to differ, so that the quoted variants show their
// difference.
func differingWindows(texts []string, width int) []string {
	rs := make([][]rune, len(texts))
	prefix := -1
	for i, t := range texts {
		rs[i] = []rune(t)
		if i == 0 {
			prefix = len(rs[0])
			continue
		}
		n := 0
		for n < prefix && n < len(rs[i]) && unicode.ToLower(rs[i][n]) == unicode.ToLower(rs[0][n]) {
			n++
		}
		prefix = n
	}
	out := make([]string, len(texts))
	for i, r := range rs {
		if len(r) <= width {
			out[i] = texts[i]
			continue
		}
		start := 0
		if prefix > width/3 {
			start = prefix - width/3
			for start > 0 && !unicode.IsSpace(r[start-1]) && prefix-start < width/2 {
				start--
			}
		}
		end := min(len(r), start+width)
		s := string(r[start:end])
		if start > 0 {
			s = "…" + s
		}
		if end < len(r) {
			s += "…"
		}
		out[i] = s
	}
	return out
}

// checkableSource reports whether a segment's source is worth comparing:
// enough words (in scripts written without spaces, characters), not only
// numbers or one code span.
func checkableSource(s *SegmentFacts, minWords int) bool {
	raw := strings.TrimSpace(s.SourceRaw)
	if len(raw) >= 2 && raw[0] == '`' && raw[len(raw)-1] == '`' && !strings.Contains(strings.Trim(raw, "`"), "`") {
		return false // one code span
	}
	words, letter := 0, false // letter: the current word has one
	for _, r := range s.Source {
		if r < utf8.RuneSelf { // ASCII, without the Unicode tables
			switch c := byte(r); {
			case c == ' ' || c >= '\t' && c <= '\r':
				letter = false
			case !letter && isASCIILetter(c):
				letter = true
				words++
			}
			continue
		}
		switch {
		case unicode.IsSpace(r):
			letter = false
		case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			words++ // scripts written without spaces: a character is a word
			letter = false
		case !letter && unicode.IsLetter(r):
			letter = true
			words++
		}
	}
	return words > 0 && words >= minWords
}

// ending classes a source text by how it ends: a sentence, a lead-in to
// what follows, or a label (a heading, a table cell, a list entry).
func ending(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`*_"'”’)]»`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '。', '！', '？':
		return "\x00."
	case ':', '：':
		return "\x00:"
	}
	return "\x00"
}

// appendConsistencyKey appends to dst what a translator's choice of words
// would change in s: letters and digits, without white space, punctuation
// and symbols, with full-width forms made narrow and (with ignoreCase)
// letters in lower case.
func appendConsistencyKey(dst []byte, s string, ignoreCase bool) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				if ignoreCase {
					c += 'a' - 'A'
				}
				dst = append(dst, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r >= 0xFF01 && r <= 0xFF5E { // full-width forms
			r -= 0xFEE0
		}
		if r >= 0x4E00 && r <= 0x9FFF { // CJK ideographs: letters without case
			dst = utf8.AppendRune(dst, r)
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			continue
		}
		if ignoreCase {
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// nameSuffixes are the endings a name takes in an inflected language: the
// German genitive (des Compliance Centers), plurals, the English possessive.
var nameSuffixes = []string{"'s", "’s", "es", "s", "en", "n"}

// sourceNames returns the words of a source text that may be names kept in
// the translation: capitalized words past the first, words with an inner
// capital (SharePoint, eDiscovery), and the words of do-not-translate terms.
func sourceNames(source string, dnt []string) map[string]bool {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	names := map[string]bool{}
	for i, w := range strings.FieldsFunc(source, notWord) {
		r, size := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && i > 0 || strings.IndexFunc(w[size:], unicode.IsUpper) >= 0 {
			names[w] = true
		}
	}
	for _, t := range dnt {
		for _, w := range strings.FieldsFunc(t, notWord) {
			names[w] = true
		}
	}
	return names
}

// uninflectNames removes, from the words of target that are one of names
// plus an inflection ending (des Compliance Centers), that ending.
func uninflectNames(target string, names map[string]bool) string {
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if len(names) == 0 {
		return target
	}
	var b strings.Builder
	changed := false
	i := 0
	for i < len(target) {
		r, n := utf8.DecodeRuneInString(target[i:])
		if !isWordRune(r) {
			b.WriteString(target[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(target) {
			r, n := utf8.DecodeRuneInString(target[j:])
			if !isWordRune(r) && r != '\'' && r != '’' {
				break
			}
			j += n
		}
		w := target[i:j]
		if !names[w] {
			for _, suf := range nameSuffixes {
				if base, ok := strings.CutSuffix(w, suf); ok && names[base] {
					w, changed = base, true
					break
				}
			}
		}
		b.WriteString(w)
		i = j
	}
	if !changed {
		return target
	}
	return b.String()
}

// negations are the words that turn a statement around ("no" only before
// another word: "Account No." and "no d'identité" are numbers).
var negations = wordSet(`not no never none nothing nobody nowhere without cannot neither nor unable`)

// negativePrefixes make a word's opposite (insensitive, unsupported).
var negativePrefixes = []string{"non", "un", "in", "im", "dis"}

// numberWords are spelled-out numbers; "one" is left out, it is as often
// an article ("one digit or letter", "a digit or letter").
var numberWords = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}

// antonyms are word pairs (as stems) whose confusion inverts a statement or
// an action.
var antonyms = map[string]string{}

func init() {
	for _, pair := range strings.Fields(`on/off enable/disable allow/block add/remove include/exclude
		before/after minimum/maximum first/last increase/decrease upload/download import/export show/hide
		inbound/outbound internal/external lock/unlock true/false yes/no start/stop sender/recipient
		send/receive sent/received read/write public/private input/output source/target create/delete
		accept/reject allowlist/blocklist safe/unsafe less/more lower/higher above/below inside/outside
		encrypt/decrypt install/uninstall valid/invalid required/optional success/failure succeeded/failed
		any/none all/none always/never`) {
		a, b, _ := strings.Cut(pair, "/")
		antonyms[stem(a)], antonyms[stem(b)] = stem(b), stem(a)
	}
}

// sourceWords are what sourcesDiffer compares of a source text.
type sourceWords struct {
	words    []string        // lower-case words, in order
	stems    map[string]bool // their stems
	names    []string        // lower-case words written as names (see readSourceWords)
	idents   []string        // those of names written as identifiers: an inner capital past a lower-case letter
	caps     []string        // and those of four capitals or more (NEAR, ONEAR, WARNING)
	numbers  map[string]bool // digit runs and spelled-out numbers
	negative bool            // an odd number of negations
}

// readSourceWords reads the words of a source text. A name is a word with
// an upper-case letter past its first (EAC, eDiscovery, OneDrive) or a
// capitalized word that does not start a sentence, a clause after a colon
// or a parenthesis, in a text that is not in title case (where capitals
// say nothing).
func readSourceWords(s string) sourceWords {
	sw := sourceWords{stems: map[string]bool{}, numbers: map[string]bool{}}
	type word struct {
		text    string
		initial bool // starts a sentence or clause
		next    rune // the character after it
	}
	var words []word
	initial := true
	prev := ' '
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			switch {
			case strings.ContainsRune(".:!?(\"“–—•|", r), r == '-' && unicode.IsSpace(prev):
				initial = true
			}
			if r == '.' && i+1 < len(rs) && unicode.IsUpper(rs[i+1]) && len(words) > 0 &&
				utf8.RuneCountInString(words[len(words)-1].text) == 1 {
				initial = false // U.S., not a sentence end
			}
			prev = r
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || (rs[j] == '\'' || rs[j] == '’') &&
			j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
			j++
		}
		var next rune
		if j < len(rs) {
			next = rs[j]
		}
		w := strings.ReplaceAll(string(rs[i:j]), "’", "'")
		// Dotted abbreviations (U.S.) read as one word.
		if n := len(words); n > 0 && prev == '.' && utf8.RuneCountInString(w) == 1 && unicode.IsUpper(rs[i]) &&
			utf8.RuneCountInString(words[n-1].text) <= 3 && isUpperWord(words[n-1].text) {
			words[n-1].text += w
			words[n-1].next = next
		} else {
			words = append(words, word{text: w, initial: initial, next: next})
		}
		initial = false
		prev = rs[j-1]
		i = j
	}
	capitals, content := 0, 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w.text); !w.initial && unicode.IsLetter(r) && !titleSmallWords[strings.ToLower(w.text)] {
			content++
			if unicode.IsUpper(r) {
				capitals++
			}
		}
	}
	// A title, or a label (no final punctuation) with only capitalized words.
	titleCase := content >= 2 && 2*capitals > content || content > 0 && capitals == content && ending(s) == "\x00"
	for i, w := range words {
		lw := strings.ToLower(w.text)
		sw.words = append(sw.words, lw)
		sw.stems[stem(lw)] = true
		if n, ok := numberWords[lw]; ok {
			sw.numbers[n] = true
		}
		for _, d := range strings.FieldsFunc(lw, func(r rune) bool { return !unicode.IsDigit(r) }) {
			sw.numbers[strings.TrimLeft(d, "0")] = true
		}
		if negations[lw] && (lw != "no" || i+1 < len(words) && w.next != '.' && !elided(words[i+1].text)) ||
			strings.HasSuffix(lw, "n't") {
			sw.negative = !sw.negative
		}
		r, size := utf8.DecodeRuneInString(w.text)
		switch {
		case strings.IndexFunc(w.text[size:], unicode.IsUpper) >= 0:
			sw.names = append(sw.names, lw)
			if strings.IndexFunc(w.text, unicode.IsLower) >= 0 {
				sw.idents = append(sw.idents, lw)
			} else if utf8.RuneCountInString(w.text) >= 4 {
				sw.caps = append(sw.caps, lw)
			}
		case unicode.IsUpper(r) && !w.initial && !titleCase && w.text != "I" && size < len(w.text):
			sw.names = append(sw.names, lw)
		}
	}
	return sw
}

// elided reports whether w starts with an elided article or preposition
// (French d', l'): "no d'identité" is a number, not a negation.
func elided(w string) bool {
	return len(w) > 2 && w[1] == '\'' && unicode.IsLetter(rune(w[0]))
}

// titleSmallWords stay lower case in a title.
var titleSmallWords = wordSet(`a an the of in on to for and or nor but with by at from as via per vs is are`)

func isUpperWord(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) < 0
}

// stem strips the commonest English inflections.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			w = b
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// sourcesDiffer reports whether two of the source texts of g say different
// things, beyond a rewording that one translation may cover: see
// wordsDiffer.
func sourcesDiffer(g *group, strict bool, dnt []string) bool {
	vs := g.list()
	if len(vs) > 20 {
		vs = vs[:20]
	}
	var names *strings.Replacer
	if strict {
		var pairs []string
		for _, t := range slices.Concat(defaultDoNotTranslate, dnt) {
			if t != "" {
				pairs = append(pairs, t, " ")
			}
		}
		names = strings.NewReplacer(pairs...)
	}
	ws := make([]sourceWords, len(vs))
	for i, v := range vs {
		text := v.text
		if strict {
			text = names.Replace(text) // "Office 365": a name, not a number
		}
		ws[i] = readSourceWords(text)
	}
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			if wordsDiffer(ws[i], ws[j], strict) {
				return true
			}
		}
	}
	return false
}

// wordsDiffer reports whether two source texts differ in meaning: they have
// different numbers, one is negative and the other is not, one names
// something (a UI label, a product, a cmdlet) the other does not (an
// acronym and its expansion, or a misspelling, are the same name), or they
// differ by a pair of opposites (enable/disable, upload/download ...).
// Strict, numbers count only when both texts have some, a name only if
// written as an identifier (IRMConfiguration, eDiscovery, ONEAR): one word
// may rightly translate two UI labels (Send and Submit, Finish and Done as
// "Terminer"); and texts that share little differ (see contentOverlap: a
// translation that belongs to another segment).
func wordsDiffer(a, b sourceWords, strict bool) bool {
	// Strict, numbers differ only when both texts state some: "There are
	// two options" and "There's a couple of options" say one thing.
	if !strict || len(a.numbers) > 0 && len(b.numbers) > 0 {
		if len(a.numbers) != len(b.numbers) {
			return true
		}
		for n := range a.numbers {
			if !b.numbers[n] {
				return true
			}
		}
	}
	if a.negative != b.negative && !negatedWord(a, b) && !negatedWord(b, a) {
		return true
	}
	if strict && !contentOverlap(a, b) {
		return true
	}
	for _, x := range [2][2]sourceWords{{a, b}, {b, a}} {
		for _, n := range x[0].names {
			// Capitals alone are an operator's name only against another
			// (NEAR and ONEAR), not against a word (WARNING and Caution).
			operator := slices.Contains(x[0].caps, n) && otherCaps(x[1], x[0])
			if strict && !slices.Contains(x[0].idents, n) && !operator {
				continue
			}
			if !x[1].stems[stem(n)] && !sameName(n, x[0].words, x[1]) {
				return true
			}
		}
		for w := range x[0].stems {
			if o, ok := antonyms[w]; ok && !x[0].stems[o] && x[1].stems[o] && !x[1].stems[w] {
				return true
			}
		}
	}
	return false
}

// otherCaps reports whether a has a word of four capitals or more that b
// lacks.
func otherCaps(a, b sourceWords) bool {
	for _, c := range a.caps {
		if !b.stems[stem(c)] {
			return true
		}
	}
	return false
}

// contentOverlap reports whether a and b share a quarter of the content
// words (not the, of, in ...) of the one with fewer, or are both short
// (under six content words: "Related information" and "Where to go to
// learn more" may well be one heading).
func contentOverlap(a, b sourceWords) bool {
	content := func(x sourceWords) map[string]bool {
		m := map[string]bool{}
		for _, w := range x.words {
			if !titleSmallWords[w] {
				m[stem(w)] = true
			}
		}
		return m
	}
	ca, cb := content(a), content(b)
	if max(len(ca), len(cb)) < 6 {
		return true
	}
	shared := 0
	for w := range ca {
		if cb[w] {
			shared++
		}
	}
	return 4*shared >= min(len(ca), len(cb))
}

// negatedWord reports whether a has a word that b has with a negative
// prefix, or the other way round (case sensitive, case insensitive).
func negatedWord(a, b sourceWords) bool {
	for _, w := range b.words {
		for _, p := range negativePrefixes {
			if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 && a.stems[stem(rest)] {
				return true
			}
		}
	}
	return false
}

// sameName reports whether the name n, one of words, is in other under
// another form: as an acronym of its words or their expansion (EAC, Exchange
// admin center), as an abbreviation of up to four letters (ID, Acct), misspelled, or written in one
// word (Refresh Refresh, RefreshRefresh).
func sameName(n string, words []string, other sourceWords) bool {
	if acronymOf(n, other.words) || expands(n, words, other.names) || misspelling(n, other.words) {
		return true
	}
	for i, w := range other.words {
		if abbreviation(n, w) {
			return true
		}
		if abbreviation(w, n) {
			return true
		}
		if i > 0 && other.words[i-1]+w == n {
			return true
		}
		if len(w) > len(n) && (strings.HasPrefix(w, n) && slices.Contains(words, w[len(n):]) ||
			strings.HasSuffix(w, n) && slices.Contains(words, w[:len(w)-len(n)])) {
			return true
		}
	}
	return false
}

// abbreviation reports whether a can abbreviate w: two to four letters
// (not a common word) that start w and appear in it in order (ID for
// identification, Acct for account).
func abbreviation(a, w string) bool {
	n := utf8.RuneCountInString(a)
	if n < 2 || n > 4 || len(a) >= len(w) || englishFunctionWords[a] || titleSmallWords[a] {
		return false
	}
	r, size := utf8.DecodeRuneInString(a)
	return strings.HasPrefix(w, a[:size]) && unicode.IsLetter(r) && subsequence(a, w)
}

// subsequence reports whether the letters of a appear, in order, in b.
func subsequence(a, b string) bool {
	for _, r := range a {
		i := strings.IndexRune(b, r)
		if i < 0 {
			return false
		}
		b = b[i+utf8.RuneLen(r):]
	}
	return true
}

// acronymOf reports whether n is an acronym (EAC, US) of consecutive words.
func acronymOf(n string, words []string) bool {
	k := utf8.RuneCountInString(n)
	if k < 2 || k > 6 {
		return false
	}
	rs := []rune(n)
	for i := 0; i+k <= len(words); i++ {
		ok := true
		for j := 0; j < k && ok; j++ {
			r, _ := utf8.DecodeRuneInString(words[i+j])
			ok = r == rs[j]
		}
		if ok {
			return true
		}
	}
	return false
}

// expands reports whether n is one of the words an acronym among names
// stands for, in words (Exchange admin center for EAC).
func expands(n string, words []string, names []string) bool {
	for _, a := range names {
		k := utf8.RuneCountInString(a)
		if k < 2 || k > 6 {
			continue
		}
		rs := []rune(a)
		for i := 0; i+k <= len(words); i++ {
			ok := true
			for j := 0; j < k && ok; j++ {
				r, _ := utf8.DecodeRuneInString(words[i+j])
				ok = r == rs[j]
			}
			if ok && slices.Contains(words[i:i+k], n) {
				return true
			}
		}
	}
	return false
}

// misspelling reports whether words has n with a typo: at most one edit
// in a word of five letters or more.
func misspelling(n string, words []string) bool {
	if utf8.RuneCountInString(n) < 5 {
		return false
	}
	for _, w := range words {
		if w != n && editDistance(n, w, 1) <= 1 {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// exceeds limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
