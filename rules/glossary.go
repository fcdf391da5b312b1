package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
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
	Doc: `Checks segments against the glossary of the page's locale: the configuration key glossary
maps a locale to a file of source terms and their translations, for instance

  glossary:
    fr-FR: glossary/fr-FR.yaml

  # glossary/fr-FR.yaml
  retention policy: stratégie de rétention          # the one allowed translation
  audit log: [journal d'audit, journaux d'audit]    # several allowed translations
  sensitivity label:
    allowed: [étiquette de niveau de confidentialité]
    forbidden: [étiquette de sensibilité]           # translations that must not be used

The glossary of the page's exact locale is used, else the one configured for its language ("fr"
serves fr-CA and fr-FR); without one the rule does nothing.

  - When the source of a segment has a glossary term, the target must have one of its allowed
    translations; otherwise the whole target is reported:
      the source has "retention policy" but the target none of its translations "stratégie de
      rétention" (glossary glossary/fr-FR.yaml:1)
  - A forbidden translation is reported where it stands in the target, whatever the source says
    (see forbidden-anywhere), unless it is part of an allowed translation of another term
    ("politique" forbidden for "policy" is fine inside an allowed "politique de confidentialité"):
      "étiquette de sensibilité" is a forbidden translation of "sensitivity label"; use
      "étiquette de niveau de confidentialité" (glossary glossary/fr-FR.yaml:4)

Matching is case-insensitive and on whole words (CJK text needs no spaces around a term); white
space may be any run of spaces, typographic and straight apostrophes are the same. A source term
also matches its English plural ("labels", "policies", "mailboxes"). A translation also matches
when any of its words takes one of the endings of the target language, which covers plurals and
agreement but not irregular forms or compounds (list those as further allowed translations):

  French   s x e es                          ("stratégies de rétention", "boîtes aux lettres")
  German   e n en s es er ern ns             ("Aufbewahrungsrichtlinien", "des Postfachs")
  other Latin-script languages  s es
  Chinese, Japanese, Korean     none

Longer source terms are matched first, and their words do not count again for shorter ones:
with both "label" and "sensitivity label" in the glossary, "sensitivity labels" is checked
against the translations of "sensitivity label" only. Code spans, link and image destinations
and HTML tags are not searched. Segments whose target is empty or identical to the source are
left to empty-target and untranslated.

Options:
  forbidden-anywhere  report a forbidden translation even where the source lacks its term
                      (default true; false reports it only where the source has the term)`,
	Options: []Option{
		{Name: "forbidden-anywhere", Default: true, Doc: "report a forbidden translation even where the source lacks its term"},
	},
	Run: runGlossary,
})

// glossaryEndings are the inflection endings a word of a translation may
// take, by target language.
var glossaryEndings = map[string][]string{
	"fr": {"s", "x", "e", "es"},
	"de": {"e", "n", "en", "s", "es", "er", "ern", "ns"},
	"zh": nil, "ja": nil, "ko": nil,
}

// glossaryEntry is a compiled GlossaryEntry.
type glossaryEntry struct {
	*GlossaryEntry
	source    []*termMatcher // the term, and its -ies plural
	first     string         // lower-cased start of the term, for a quick filter
	allowed   []*termMatcher
	forbidden []*termMatcher
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
	entries := c.([]*glossaryEntry)
	if len(entries) == 0 {
		return
	}
	anywhere := p.Bool("forbidden-anywhere")
	where := glossaryWhere(g)
	for _, s := range p.Page.Segments {
		if !s.HasSource || blank(s.Target) || sameText(s.Target.Plain, s.Source.Plain) {
			continue
		}
		checkGlossary(p, s, entries, anywhere, where)
	}
}

// compiledGlossaries caches the compiled entries of the glossaries by
// glossary and languages: a run has a few glossaries and many pages.
var compiledGlossaries sync.Map

type compiledGlossaryKey struct {
	g        *Glossary
	src, tgt string
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

func compileGlossary(g *Glossary, srcLang, tgtLang string) []*glossaryEntry {
	endings, ok := glossaryEndings[tgtLang]
	if !ok {
		endings = []string{"s", "es"}
	}
	var out []*glossaryEntry
	for i := range g.Entries {
		e := &g.Entries[i]
		term := strings.Join(strings.Fields(e.Source), " ")
		if term == "" || len(e.Allowed) == 0 && len(e.Forbidden) == 0 {
			continue
		}
		ce := &glossaryEntry{GlossaryEntry: e, first: strings.ToLower(firstWord(term))}
		if srcLang == "en" {
			ce.source = append(ce.source, newTermMatcher(term, true, nil, []string{"s", "es"}))
			if base, ok := strings.CutSuffix(term, "y"); ok && !strings.HasSuffix(base, " ") {
				ce.source = append(ce.source, newTermMatcher(base+"ies", true, nil, nil))
				if !strings.Contains(term, " ") {
					ce.first = strings.ToLower(base)
				}
			}
		} else {
			ce.source = append(ce.source, newTermMatcher(term, true, nil, glossaryEndings[srcLang]))
		}
		for _, a := range e.Allowed {
			if a = strings.TrimSpace(a); a != "" {
				ce.allowed = append(ce.allowed, newTermMatcher(a, true, endings, nil))
			}
		}
		for _, f := range e.Forbidden {
			if f = strings.TrimSpace(f); f != "" {
				ce.forbidden = append(ce.forbidden, newTermMatcher(f, true, endings, nil))
			}
		}
		out = append(out, ce)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i].Source) > utf8.RuneCountInString(out[j].Source)
	})
	return out
}

func checkGlossary(p *Pass, s *Segment, entries []*glossaryEntry, anywhere bool, where func(*glossaryEntry) string) {
	var src, tgt *termView
	var srcMask, covered []bool
	target := func() *termView {
		if tgt == nil {
			v := newTermView(s.Target)
			tgt = &v
		}
		return tgt
	}
	// in finds the occurrences of m in the target, after a quick look at
	// the lower-cased raw text.
	in := func(m *termMatcher) [][2]int {
		if !containsFold(s.Target.Raw, m.key) {
			return nil
		}
		return m.find(target().s, nil, false)
	}
	for _, e := range entries {
		inSource := false
		if containsFold(s.Source.Raw, e.first) {
			if src == nil {
				v := newTermView(s.Source)
				src, srcMask = &v, make([]bool, len(v.s))
			}
			for _, m := range e.source {
				if len(m.find(src.s, srcMask, true)) > 0 {
					inSource = true
				}
			}
		}
		if !inSource && (!anywhere || len(e.forbidden) == 0) {
			continue
		}
		reported := false
		for i, m := range e.forbidden {
			for _, r := range in(m) {
				if covered == nil {
					// The target's allowed translations of all entries: a
					// forbidden term inside one of them is fine.
					covered = make([]bool, len(tgt.s))
					for _, e := range entries {
						for _, m := range e.allowed {
							for _, r := range in(m) {
								markMask(covered, r)
							}
						}
					}
				}
				if allCovered(covered, r) {
					continue
				}
				reported = true
				got := tgt.text(r[0], r[1])
				msg := fmt.Sprintf("%q is a forbidden translation of %q", got, e.Source)
				if !strings.EqualFold(got, e.Forbidden[i]) {
					msg = fmt.Sprintf("%q (%q) is a forbidden translation of %q", got, e.Forbidden[i], e.Source)
				}
				if len(e.Allowed) > 0 {
					msg += fmt.Sprintf("; use %q", e.Allowed[0])
				}
				p.ReportSegmentAt(s, tgt.rangeOf(r[0], r[1]), "%s (%s)", msg, where(e))
			}
		}
		if !inSource || reported || len(e.allowed) == 0 {
			continue
		}
		// A target that keeps the source term (a product name such as
		// "Office 365 Message Encryption", a cmdlet, an English UI label) is
		// left to the rules about names and untranslated text.
		found := false
		for _, m := range append(e.allowed[:len(e.allowed):len(e.allowed)], e.source...) {
			if len(in(m)) > 0 {
				found = true
				break
			}
		}
		if !found {
			expected := fmt.Sprintf("%q", e.Allowed[0])
			switch n := len(e.Allowed) - 1; n {
			case 0:
			case 1:
				expected += fmt.Sprintf(" or %q", e.Allowed[1])
			default:
				expected += fmt.Sprintf(" or one of its %d other allowed forms", n)
			}
			p.ReportSegment(s, "the source has %q but the target lacks its translation %s (%s)", e.Source, expected, where(e))
		}
	}
}

// containsFold reports whether s may contain key, a lower-cased word,
// ignoring case (a quick filter before term views are built).
func containsFold(s, key string) bool {
	if key == "" {
		return true
	}
	c := key[0]
	if c >= 'a' && c <= 'z' {
		for i := 0; i+len(key) <= len(s); i++ {
			if s[i]|0x20 == c && strings.EqualFold(s[i:i+len(key)], key) {
				return true
			}
		}
		return false
	}
	return strings.Contains(strings.ToLower(s), key)
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
