package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// GlossaryTerms reports glossary terms translated otherwise than the
// locale's glossary prescribes.
var GlossaryTerms = Register(&Rule{
	ID:       "glossary",
	Aliases:  []string{"terminology", "term-mismatch"},
	Tags:     []string{"segment", "terminology"},
	Severity: Warning,
	Short:    "A glossary term of the source is not translated as the locale's glossary prescribes, or the target uses a forbidden translation",
	Doc: `Checks segments against the glossary of the page's locale. The configuration key glossary
maps locales to glossary files (relative to the configuration file):

  glossary:
    fr-FR: glossary/fr-FR.yaml

  # glossary/fr-FR.yaml: source terms and their translations
  retention policy: stratégie de rétention          # the allowed translation
  audit log: [journal d'audit, journaux d'audit]    # several allowed translations
  sensitivity label:
    allowed: [étiquette de niveau de confidentialité]
    forbidden: [étiquette de sensibilité]           # translations that must not be used

The glossary of the page's locale is used, else the one configured for its language ("fr"
serves fr-CA and fr-FR); without one the rule does nothing. It reports, naming the entry's
file and line:

  - a segment whose source has a glossary term and whose target has none of its allowed
    translations, on the whole target:
      the source has "Safe Links" but the target lacks its translation "liens fiables"
      (glossary glossary/fr-FR.yaml:38)
    A target that keeps the source term itself (a product name such as "Office 365 Message
    Encryption", a cmdlet, an English UI label) is left to do-not-translate and untranslated.
  - a forbidden translation in the target, on its words, whether or not the source has the
    term (see forbidden-anywhere), unless it lies inside an allowed translation of another
    entry ("politique" forbidden for "policy" is fine inside an allowed "politique de
    confidentialité"):
      "étiquettes de sensibilité" ("étiquette de sensibilité") is a forbidden translation of
      "sensitivity label"; use "étiquette de niveau de confidentialité" (glossary
      glossary/fr-FR.yaml:9)
    A segment with a forbidden translation of a term is not also reported for lacking its
    allowed one.

Matching ignores case and is on whole words, except in CJK text, which needs no spaces around a
term. White space may be any run of spaces or no-break spaces, markup between words does not
matter, typographic and straight apostrophes are the same. A source term also matches its
English plural ("labels", "mailboxes", "policies"). A translation also matches when any of its
words takes an ending of the target language, which covers plurals and agreement, not irregular
forms (list those as further allowed translations: "journal", "journaux"):

  French                        s x e es           ("stratégies de rétention", "boîtes aux lettres")
  German                        e n en s es er ern ns   ("Aufbewahrungsrichtlinien", "des Postfachs")
  other Latin-script languages  s es
  Chinese, Japanese, Korean     none

In German, Dutch and the Scandinavian languages, which write compounds as one word, an allowed
translation may also be part of a longer word: "Postfach" in "Archivpostfach".

Longer source terms are matched first, and their words do not count again for shorter ones:
with "mailbox" and "inactive mailbox" in the glossary, "inactive mailboxes" is checked against
the translations of "inactive mailbox" only. Code spans, link and image destinations, HTML tags
and URLs are not searched. Segments whose target is empty or identical to the source are left
to empty-target and untranslated.

Options:
  forbidden-anywhere  report a forbidden translation even where the source lacks its term
                      (default true; false reports it only where the source has the term)`,
	Options: []Option{
		{Name: "forbidden-anywhere", Default: true, Doc: "report a forbidden translation even where the source lacks its term"},
	},
	Run:         runGlossary,
	Monolingual: true,
})

// glossaryEndings are the inflection endings a word of a translation may
// take, by target language.
var glossaryEndings = map[string][]string{
	"fr": {"s", "x", "e", "es"},
	"de": {"e", "n", "en", "s", "es", "er", "ern", "ns"},
	"zh": nil, "ja": nil, "ko": nil,
}

// compounding are the languages that write compounds as one word, where an
// allowed translation may be part of a longer word: "Postfach" in
// "Archivpostfach".
var compounding = map[string]bool{"de": true, "nl": true, "sv": true, "da": true, "nb": true, "no": true, "fi": true}

// glossaryEntry is a compiled GlossaryEntry.
type glossaryEntry struct {
	*GlossaryEntry
	source []*termMatcher // the term, and its -ies plural
	// first are the keys the entry is indexed under: the firstKey of the
	// term, and for an English word in -y its stem ("polic", which
	// "policies" is looked up as once its ending is cut).
	first []string
	// forbiddenKeys are the firstKeys of the forbidden translations.
	forbiddenKeys []string
	// allowed and forbidden match the non-empty translations of the entry,
	// allowedText and forbiddenText.
	allowed, forbidden         []*termMatcher
	allowedText, forbiddenText []string
}

func runGlossary(p *Pass) {
	loc := p.Page.Locale
	g := glossaryFor(p.Glossaries, loc)
	if g == nil || len(p.Page.Segments) == 0 {
		return
	}
	key := compiledGlossaryKey{g, locale.Language(p.Page.SourceLocale), locale.Language(loc)}
	c, ok := compiledGlossaries.Load(key)
	if !ok {
		c, _ = compiledGlossaries.LoadOrStore(key, compileGlossary(g, key.src, key.tgt))
	}
	cg := c.(*compiledGlossary)
	if len(cg.entries) == 0 {
		return
	}
	anywhere := p.Bool("forbidden-anywhere")
	where := glossaryWhere(g)
	for _, s := range p.Page.Segments {
		if !s.HasSource || blank(s.Target) || sameText(s.Target.Plain, s.Source.Plain) {
			continue
		}
		checkGlossary(p, s, cg, anywhere, where)
	}
}

// compiledGlossaries caches the compiled glossaries by glossary and
// languages: a run has a few glossaries and many pages.
var compiledGlossaries sync.Map

type compiledGlossaryKey struct {
	g        *Glossary
	src, tgt string
}

// compiledGlossary indexes a glossary's entries by the first word of their
// source term and of their forbidden translations, so that a segment is
// compared only with the entries it may concern.
type compiledGlossary struct {
	entries     []*glossaryEntry // longest source term first
	bySource    map[string][]int // lower-cased first word → entries
	byForbidden map[string][]int
	// srcEndings and tgtEndings are stripped from the words of a segment
	// before looking them up; scan is set for CJK text, which has no words
	// to look up: every entry is tried.
	srcEndings, tgtEndings []string
	scanSource, scanTarget bool
	// all are the indexes of every entry, withForbidden those of the
	// entries with forbidden translations (for CJK text).
	all, withForbidden []int
	// anchorEndings are the endings a word of the target may take in any
	// of the entries' matchers (wordStarts).
	anchorEndings []string
}

// glossaryFor returns the glossary of loc, else of its language.
func glossaryFor(gs map[string]*Glossary, loc string) *Glossary {
	if len(gs) == 0 || loc == "" {
		return nil
	}
	if g := gs[loc]; g != nil {
		return g
	}
	return gs[locale.Language(loc)]
}

func compileGlossary(g *Glossary, srcLang, tgtLang string) *compiledGlossary {
	endings, ok := glossaryEndings[tgtLang]
	if !ok {
		endings = []string{"s", "es"}
	}
	cg := &compiledGlossary{bySource: map[string][]int{}, byForbidden: map[string][]int{}, tgtEndings: endings,
		scanSource: isCJKLanguage(srcLang), scanTarget: isCJKLanguage(tgtLang)}
	if srcLang == "en" {
		cg.srcEndings = []string{"s", "es", "ies"}
	} else {
		cg.srcEndings = glossaryEndings[srcLang]
	}
	for i := range g.Entries {
		e := &g.Entries[i]
		term := strings.Join(strings.Fields(e.Source), " ")
		if term == "" || len(e.Allowed) == 0 && len(e.Forbidden) == 0 {
			continue
		}
		ce := &glossaryEntry{GlossaryEntry: e, first: []string{firstKey(term)}}
		if srcLang == "en" {
			ce.source = append(ce.source, newTermMatcher(term, true, nil, []string{"s", "es"}))
			if base, ok := strings.CutSuffix(term, "y"); ok && !strings.HasSuffix(base, " ") {
				ce.source = append(ce.source, newTermMatcher(base+"ies", true, nil, nil))
				if !strings.Contains(term, " ") {
					// Indexed under "policy" too: the stem alone missed
					// the singular.
					ce.first = append(ce.first, strings.TrimSuffix(ce.first[0], "y"))
				}
			}
		} else {
			ce.source = append(ce.source, newTermMatcher(term, true, nil, cg.srcEndings))
		}
		for _, a := range e.Allowed {
			if a = strings.TrimSpace(a); a != "" {
				m := newTermMatcher(a, true, endings, nil)
				m.inWord = compounding[tgtLang]
				ce.allowed, ce.allowedText = append(ce.allowed, m), append(ce.allowedText, a)
			}
		}
		for _, f := range e.Forbidden {
			if f = strings.TrimSpace(f); f != "" {
				ce.forbidden, ce.forbiddenText = append(ce.forbidden, newTermMatcher(f, true, endings, nil)), append(ce.forbiddenText, f)
				ce.forbiddenKeys = append(ce.forbiddenKeys, firstKey(f))
			}
		}
		cg.entries = append(cg.entries, ce)
	}
	sort.SliceStable(cg.entries, func(i, j int) bool {
		return utf8.RuneCountInString(cg.entries[i].Source) > utf8.RuneCountInString(cg.entries[j].Source)
	})
	for _, e := range append(append(append([]string{}, cg.tgtEndings...), cg.srcEndings...), "s", "es") {
		if !slices.Contains(cg.anchorEndings, e) {
			cg.anchorEndings = append(cg.anchorEndings, e)
		}
	}
	for i, e := range cg.entries {
		cg.all = append(cg.all, i)
		if len(e.forbidden) > 0 {
			cg.withForbidden = append(cg.withForbidden, i)
		}
		for _, k := range e.first {
			cg.bySource[k] = append(cg.bySource[k], i)
		}
		for _, k := range e.forbiddenKeys {
			cg.byForbidden[k] = append(cg.byForbidden[k], i)
		}
	}
	return cg
}

func isCJKLanguage(lang string) bool { return lang == "zh" || lang == "ja" || lang == "ko" }

// firstKey is the first run of letters and digits of a term, lower-cased.
func firstKey(term string) string {
	start := strings.IndexFunc(term, isLetterOrDigit)
	if start < 0 {
		return ""
	}
	end := strings.IndexFunc(term[start:], func(r rune) bool { return !isLetterOrDigit(r) })
	if end < 0 {
		return strings.ToLower(term[start:])
	}
	return strings.ToLower(term[start : start+end])
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lookUpWords appends to hits the entries that index has for the words of
// s, each also looked up without one of endings ("labels" → "label",
// "policies" → "polic"), and returns them sorted, each once.
func lookUpWords(s string, index map[string][]int, endings []string, hits []int) []int {
	var buf [64]byte
	wordAt := func(i int) (bool, int) {
		if c := s[i]; c < utf8.RuneSelf {
			return isASCIIWordByte(c), 1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		return isLetterOrDigit(r), n
	}
	for i := 0; i < len(s); {
		ok, n := wordAt(i)
		if !ok {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			ok, n := wordAt(j)
			if !ok {
				break
			}
			j += n
		}
		w := s[i:j]
		i = j
		var lw []byte
		if isASCII(w) && len(w) <= len(buf) {
			lw = buf[:len(w)]
			for k := 0; k < len(w); k++ {
				lw[k] = w[k] | 0x20 // ASCII letters and digits only: digits have the bit
			}
		} else {
			lw = []byte(strings.ToLower(w))
		}
		hits = append(hits, index[string(lw)]...)
		for _, end := range endings {
			if n := len(lw) - len(end); n > 0 && string(lw[n:]) == end {
				hits = append(hits, index[string(lw[:n])]...)
			}
		}
	}
	slices.Sort(hits)
	return slices.Compact(hits)
}

func checkGlossary(p *Pass, s *Segment, cg *compiledGlossary, anywhere bool, where func(*glossaryEntry) string) {
	entries := cg.entries
	// The entries the segment may hold, in order (a glossary of thousands
	// of terms is looked up by the segment's words, not gone through).
	inSource := cg.all
	if !cg.scanSource {
		inSource = lookUpWords(s.Source.Raw, cg.bySource, cg.srcEndings, nil)
	}
	hits := inSource
	if anywhere {
		more := cg.withForbidden
		if !cg.scanTarget {
			more = lookUpWords(s.Target.Raw, cg.byForbidden, cg.tgtEndings, nil)
		}
		if len(more) > 0 {
			hits = append(slices.Clone(inSource), more...)
			slices.Sort(hits)
			hits = slices.Compact(hits)
		}
	}
	var src, tgt *termView
	var anchors map[string][]int // where the source's words start, by key (wordStarts)
	var srcMask, covered []bool
	var tgtAnchors map[string][]int // the target's word starts, once every entry is looked for
	target := func() *termView {
		if tgt == nil {
			v := newTermView(s.Target)
			tgt = &v
		}
		return tgt
	}
	// The forbidden translations found, by place in the target.
	type forbiddenUse struct {
		e       *glossaryEntry
		i       int    // which of e's forbidden translations
		r       [2]int // where, in the target view
		inSrc   bool   // e's source term is in the segment's source
		entries map[*glossaryEntry]bool
	}
	var forbidden []forbiddenUse
	forbiddenAt := map[[2]int]int{}
	defer func() {
		for _, f := range forbidden {
			got := tgt.text(f.r[0], f.r[1])
			msg := fmt.Sprintf("%q is a forbidden translation of %q", got, f.e.Source)
			if !strings.EqualFold(got, f.e.forbiddenText[f.i]) {
				msg = fmt.Sprintf("%q (%q) is a forbidden translation of %q", got, f.e.forbiddenText[f.i], f.e.Source)
			}
			if others := len(f.entries) - 1; others > 0 {
				msg += fmt.Sprintf(" and of %d other %s", others, plural(others, "term", "terms"))
			}
			if len(f.e.allowedText) > 0 {
				msg += fmt.Sprintf("; use %q", f.e.allowedText[0])
			}
			p.ReportSegmentAt(s, tgt.rangeOf(f.r[0], f.r[1]), "%s (%s)", msg, where(f.e))
		}
	}()
	k := 0 // the next of inSource
	for _, ei := range hits {
		e := entries[ei]
		for k < len(inSource) && inSource[k] < ei {
			k++
		}
		found := false
		if k < len(inSource) && inSource[k] == ei {
			if src == nil {
				v := newTermView(s.Source)
				src, srcMask = &v, make([]bool, len(v.s))
				if len(inSource) >= anchorFrom {
					anchors = wordStarts(src.s, cg.srcEndings)
				}
			}
			for _, m := range e.source {
				if len(findIn(m, src.s, anchors, srcMask, true)) > 0 {
					found = true
				}
			}
		}
		if !found && (!anywhere || len(e.forbidden) == 0) {
			continue
		}
		reported := false
		for i, m := range e.forbidden {
			for _, r := range findIn(m, target().s, tgtAnchors, nil, false) {
				if covered == nil {
					// The target's allowed translations of all entries: a
					// forbidden term inside one of them is fine.
					covered = make([]bool, len(tgt.s))
					if len(entries) >= anchorFrom {
						// Every entry is looked for: index the target's
						// words, with its own endings and the source's.
						tgtAnchors = wordStarts(tgt.s, cg.anchorEndings)
					}
					for _, e := range entries {
						for _, m := range e.allowed {
							for _, r := range findIn(m, tgt.s, tgtAnchors, nil, false) {
								markMask(covered, r)
							}
						}
					}
				}
				if allCovered(covered, r) {
					continue
				}
				reported = true
				// One finding per place: a word that many entries forbid
				// (a glossary of thousands) is one problem.
				// The entry named is one whose source term the segment
				// has, when there is one; the others are counted.
				if j, ok := forbiddenAt[r]; ok {
					f := &forbidden[j]
					f.entries[e] = true
					if found && !f.inSrc {
						f.e, f.i, f.inSrc = e, i, true
					}
					continue
				}
				forbiddenAt[r] = len(forbidden)
				forbidden = append(forbidden, forbiddenUse{e: e, i: i, r: r, inSrc: found, entries: map[*glossaryEntry]bool{e: true}})
			}
		}
		if !found || reported || len(e.allowed) == 0 {
			continue
		}
		// A target that keeps the source term (a product name such as
		// "Office 365 Message Encryption", a cmdlet, an English UI label) is
		// left to the rules about names and untranslated text.
		translated := false
		for _, m := range append(e.allowed[:len(e.allowed):len(e.allowed)], e.source...) {
			if len(findIn(m, target().s, tgtAnchors, nil, false)) > 0 {
				translated = true
				break
			}
		}
		if !translated {
			expected := fmt.Sprintf("%q", e.allowedText[0])
			switch n := len(e.allowedText) - 1; n {
			case 0:
			case 1:
				expected += fmt.Sprintf(" or %q", e.allowedText[1])
			default:
				expected += fmt.Sprintf(" or one of its %d other allowed forms", n)
			}
			p.ReportSegment(s, "the source has %q but the target lacks its translation %s (%s)", e.Source, expected, where(e))
		}
	}
}

// findIn is m.find on s, or m.findAt at s's word starts when they are
// indexed (anchors not nil) and m matches from word starts only.
func findIn(m *termMatcher, s string, anchors map[string][]int, mask []bool, mark bool) [][2]int {
	if key, ok := m.anchorKey(); ok && anchors != nil {
		return m.findAt(s, anchors[key], mask, mark)
	}
	return m.find(s, mask, mark)
}

// anchorFrom is how many candidate entries make it worth indexing the
// words of a segment's source (wordStarts) rather than scanning it for each.
const anchorFrom = 8

// wordStarts indexes the words of s (runs of isTermWordRune characters)
// by their lower case, and by their lower case without each of endings:
// the offsets where each starts, in order. A term whose first word is one
// such word can only match where it starts (findAt).
func wordStarts(s string, endings []string) map[string][]int {
	out := map[string][]int{}
	var buf []rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isTermWordRune(r) {
			i += n
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isTermWordRune(r) {
				break
			}
			buf = append(buf, unicode.ToLower(r))
			i += n
		}
		w := string(buf)
		out[w] = append(out[w], start)
		for _, e := range endings {
			if stem, ok := strings.CutSuffix(w, e); ok && stem != "" {
				out[stem] = append(out[stem], start)
			}
		}
	}
	return out
}

// allCovered reports whether every byte of r is marked.
func allCovered(mask []bool, r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		if !mask[k] {
			return false
		}
	}
	return true
}

// glossaryWhere returns a function naming an entry's place: "glossary
// PATH:LINE", with PATH relative to the working directory when it is
// below it.
func glossaryWhere(g *Glossary) func(*glossaryEntry) string {
	path := displayGlossaryPath(g.Path)
	return func(e *glossaryEntry) string {
		if e.Line > 0 {
			return fmt.Sprintf("glossary %s:%d", path, e.Line)
		}
		return "glossary " + path
	}
}

var workDir = sync.OnceValue(func() string {
	wd, _ := os.Getwd()
	return wd
})

func displayGlossaryPath(path string) string {
	if path == "" {
		return "(unnamed)"
	}
	if filepath.IsAbs(path) {
		if wd := workDir(); wd != "" {
			if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
				path = rel
			}
		}
	}
	return filepath.ToSlash(path)
}
