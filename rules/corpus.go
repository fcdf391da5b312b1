package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Position is a 1-based line and column: Col counts characters, ColUTF16
// counts UTF-16 code units.
type Position struct {
	Line, Col, ColUTF16 int
}

// Loc is a range with its positions. The corpus index keeps ranges; a Loc's
// positions are computed when a rule needs them (PageFacts.Resolve), as most
// places are never reported.
type Loc struct {
	Range      Range
	Start, End Position
}

// Corpus is the index of a documentation set: compact facts about every page
// of the source tree and of each target tree, built in one parallel pass
// before the corpus rules run. Pages are matched across locales by Key.
type Corpus struct {
	// SourceLocale is the locale of the source tree (en-US by default).
	SourceLocale string
	// Trees lists, for each layout root, the locale trees found under it
	// (whether or not their pages were indexed).
	Trees map[string][]string
	// Load returns the facts of a file that is not in the index (a page a
	// link points to), parsing it on first use; nil when it cannot be read.
	// Find looks a file or directory up: the path found ("" for none), and
	// whether it matched with the same case (a case-insensitive match is
	// returned otherwise). The engine sets both; they are safe for
	// concurrent use.
	Load func(abs string) *PageFacts
	Find func(abs string) (found string, exactCase bool)
	// Expected returns the path, as displayed, where the translation of pg
	// into loc belongs in the documentation set's layout; the engine sets
	// it (nil: the locale folder beside pg's).
	Expected func(pg *PageFacts, loc string) string
	// External holds, when external links were checked (--external), what is
	// wrong with each checked http(s) URL: "" when it works.
	External map[string]string
	// WholeTrees lists, for each layout root, the locale trees named whole
	// on the command line (check fr-FR): their missing pages are reported
	// on the source pages, named or not.
	WholeTrees map[string][]string
	pages      []*PageFacts
	byKey      map[string][]*PageFacts
	byAbs      map[string]*PageFacts
}

// NewCorpus indexes pages (in any order).
func NewCorpus(sourceLocale string, pages []*PageFacts) *Corpus {
	c := &Corpus{SourceLocale: sourceLocale, pages: pages, byKey: map[string][]*PageFacts{}, byAbs: map[string]*PageFacts{}}
	sort.Slice(c.pages, func(i, j int) bool { return c.pages[i].Path < c.pages[j].Path })
	for _, p := range c.pages {
		if p.Abs != "" {
			c.byAbs[p.Abs] = p
		}
		if p.Key != "" {
			c.byKey[p.Key] = append(c.byKey[p.Key], p)
		}
	}
	return c
}

// Pages returns every indexed page, sorted by path.
func (c *Corpus) Pages() []*PageFacts { return c.pages }

// Group returns the page in every locale that shares key, sorted by path.
func (c *Corpus) Group(key string) []*PageFacts { return c.byKey[key] }

// Comparable returns p when its content is known, else nil: the page to
// compare with, if any.
func Comparable(p *PageFacts) *PageFacts {
	if p == nil || p.Unread {
		return nil
	}
	return p
}

// SourceOf returns the source-tree page p was translated from, or nil.
func (c *Corpus) SourceOf(p *PageFacts) *PageFacts {
	for _, q := range c.byKey[p.Key] {
		if q.Source {
			return q
		}
	}
	return nil
}

// ByAbs returns the indexed page at an absolute path, or loads it.
func (c *Corpus) ByAbs(abs string) *PageFacts {
	if p, ok := c.byAbs[abs]; ok {
		return p
	}
	if c.Load != nil {
		return c.Load(abs)
	}
	return nil
}

// Siblings returns the translations of p's page in the other target locales.
func (c *Corpus) Siblings(p *PageFacts) []*PageFacts {
	var out []*PageFacts
	for _, q := range c.byKey[p.Key] {
		if q != p && !q.Source && q.Locale != p.Locale {
			out = append(out, q)
		}
	}
	return out
}

// Locales returns the target locales of the corpus, sorted.
func (c *Corpus) Locales() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range c.pages {
		if !p.Source && p.Locale != "" && !seen[p.Locale] {
			seen[p.Locale] = true
			out = append(out, p.Locale)
		}
	}
	sort.Strings(out)
	return out
}

// PageFacts is what the corpus index keeps of one page.
type PageFacts struct {
	// Path is the display path, Key the page's identity across locales (its
	// layout root and its path inside a locale tree), Rel that inner path and
	// Root the directory the locale trees hang from.
	Path, Key, Rel, Root string
	Locale               string
	// Source is set for pages of the source tree.
	Source bool
	// Reported is set for the pages findings are reported on (the files
	// named on the command line); the others are context.
	Reported  bool
	Bilingual bool
	// Unread is set for a file that could not be read (its file-format
	// finding says why): its content is unknown, so no rule compares a page
	// with it, though it counts as present.
	Unread bool
	// FrontMatter is nil without front matter; FrontMatterLoc covers the
	// opening fence.
	FrontMatter    []FrontMatterFact
	FrontMatterLoc Loc
	Segments       []SegmentFacts
	// Prose is, for monolingual pages, the text of the body with the markup
	// removed and white space folded, one block per line, headings
	// starting with HeadingMark and lone links with LinkMark.
	Prose string
	// The folded prose, computed once on first use (FoldedProse): every
	// translation of the page compares with it.
	foldOnce sync.Once
	fold     string
	// The folded source texts of the segments and their indexes
	// (sourceTexts), computed once on first use.
	srcOnce   sync.Once
	srcTexts  []string
	srcIndex  []int
	wordOnce  sync.Once
	wordTexts []string
	// Position returns the position of a byte offset of the page's text.
	// The engine computes it on demand, safely for concurrent use; nil
	// leaves Locs without positions.
	Position func(off int) Position
	// TextOf returns the page's text in a range (clamped to it); the
	// engine sets it, for the snippets of findings. Nil: "".
	TextOf func(r Range) string
	// Abs is the absolute, slash-separated path of the file.
	Abs string
	// Anchors are fragment names the page defines (<a name>/id attributes);
	// LazyAnchors, when set, computes the others (heading slugs) on first
	// use: few pages are the target of a fragment link. Read them with
	// AnchorNames or HasAnchor.
	Anchors     []string
	LazyAnchors func() []string
	anchorsOnce sync.Once
	anchors     []string
	anchorSet   map[string]struct{} // by foldKey
	// Links are the page's links, images and autolinks, in document order.
	Links []LinkFact
	// Blocks are, for monolingual pages, the leaf blocks in document order,
	// for structure comparisons.
	Blocks []BlockFact
	// Top is the location of the page's first line, for page-level findings.
	Top Loc
}

// BlockFact is a leaf block of a monolingual page.
type BlockFact struct {
	// Kind is "heading", "paragraph", "list-item", "table", "blockquote",
	// "html" or "code".
	Kind string
	// Level is a heading's level or a list item's depth.
	Level int
	// Info is a code block's info string ("powershell"), or a block
	// quote's callout type ("NOTE" for > [!NOTE]).
	Info string
	// Code is a code block's content; Rows and Cols a table's shape (the
	// header counts as a row, the delimiter row does not).
	Code       string
	Rows, Cols int
	// ItemStart marks the first block of a list item.
	ItemStart bool
	Loc       Loc
	// Fence is, for a fenced code block, the offset of its opening fence
	// plus one (0: none): where a finding placed on the block points.
	Fence int
}

// LinkFact is a link of a page with its place.
type LinkFact struct {
	Kind LinkKind
	Dest string
	// Loc covers the destination.
	Loc Loc
}

// HasAnchor reports whether the page defines the fragment name (compared
// case-insensitively, as browsers resolve docs anchors in practice).
func (p *PageFacts) HasAnchor(name string) bool {
	p.AnchorNames()
	_, ok := p.anchorSet[foldKey(name)]
	return ok
}

// AnchorNames returns the fragment names the page defines: Anchors, then
// those of LazyAnchors. Safe for concurrent use.
func (p *PageFacts) AnchorNames() []string {
	p.anchorsOnce.Do(func() {
		p.anchors = p.Anchors
		if p.LazyAnchors != nil {
			p.anchors = append(slices.Clip(p.anchors), p.LazyAnchors()...)
			p.LazyAnchors = nil
		}
		// A set for HasAnchor: a page of thousands of headings and links
		// to them made the lookups quadratic.
		p.anchorSet = make(map[string]struct{}, len(p.anchors))
		for _, a := range p.anchors {
			p.anchorSet[foldKey(a)] = struct{}{}
		}
	})
	return p.anchors
}

// foldKey is s with each character replaced by the smallest of those that
// fold to it: two strings have the same key exactly when strings.EqualFold
// says they are equal.
func foldKey(s string) string {
	ascii, lower := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		ascii = ascii && c < utf8.RuneSelf
		lower = lower || c >= 'a' && c <= 'z'
	}
	if ascii {
		// An ASCII letter's smallest fellow is its upper case (the Kelvin
		// sign and the long s that fold with k and s come after).
		if !lower {
			return s
		}
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// FrontMatterFact is one front matter entry.
type FrontMatterFact struct {
	Key, Value string
	Scalar     bool
	KeyLoc     Loc
	ValueLoc   Loc
}

// HeadingMark starts the lines of PageFacts.Prose that are headings, and
// LinkMark those that are one link and nothing else: control characters
// no text has, which folding drops.
const (
	HeadingMark = "\x1e"
	LinkMark    = "\x1f"
)

// FoldedProse returns Fold(Prose). Safe for concurrent use.
func (p *PageFacts) FoldedProse() string {
	p.foldOnce.Do(func() { p.fold = fold(p.Prose) })
	return p.fold
}

// Resolve fills l's positions from its range when they are not set.
func (p *PageFacts) Resolve(l Loc) Loc {
	if l.Start.Line == 0 && p.Position != nil {
		l.Start, l.End = p.Position(l.Range.Start), p.Position(l.Range.End)
	}
	return l
}

// Loc is the range r of the page's text with its positions.
func (p *PageFacts) Loc(r Range) Loc { return p.Resolve(Loc{Range: r}) }

// Get returns the front matter entry for key, or nil.
func (p *PageFacts) Get(key string) *FrontMatterFact {
	for i := range p.FrontMatter {
		if p.FrontMatter[i].Key == key {
			return &p.FrontMatter[i]
		}
	}
	return nil
}

// SegmentFacts is what the index keeps of a segment.
type SegmentFacts struct {
	ID string
	// Source and Target are the plain texts, SourceRaw and TargetRaw the
	// Markdown as written.
	Source, Target       string
	SourceRaw, TargetRaw string
	HasSource            bool
	// SourceFold is Fold(Source), computed once for the corpus rules;
	// SourceWording, for a source with images, the same without their
	// alternative texts ("" otherwise: SourceFold).
	SourceFold, SourceWording string
	// TargetRange is where the target text is; SegmentRange the whole
	// markup. PageFacts.Loc gives their positions.
	TargetRange, SegmentRange Range
	// Heading: the segment is (in) a heading; LoneLink: its source is one
	// link and nothing else.
	Heading, LoneLink bool
}

// CorpusPass is what a corpus rule's RunCorpus receives: the index and the
// page to check.
type CorpusPass struct {
	Corpus         *Corpus
	Page           *PageFacts
	Rule           *Rule
	Options        map[string]any
	DoNotTranslate []string
	Glossaries     map[string]*Glossary
	Report         func(Finding)
}

func (p *CorpusPass) opts() *Pass { return &Pass{Rule: p.Rule, Options: p.Options} }

// Int returns an integer option.
func (p *CorpusPass) Int(name string) int { return p.opts().Int(name) }

// Float returns a float option.
func (p *CorpusPass) Float(name string) float64 { return p.opts().Float(name) }

// Bool returns a boolean option.
func (p *CorpusPass) Bool(name string) bool { return p.opts().Bool(name) }

// String returns a string option.
func (p *CorpusPass) String(name string) string { return p.opts().String(name) }

// Strings returns a string-list option.
func (p *CorpusPass) Strings(name string) []string { return p.opts().Strings(name) }

// ReportAt reports a finding at loc on the page.
func (p *CorpusPass) ReportAt(loc Loc, format string, args ...any) {
	l := p.Page.Resolve(loc)
	p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: loc.Range, Loc: &l,
		Message: fmt.Sprintf(format, args...)})
}

// ReportSegment reports a finding on a segment's target text.
func (p *CorpusPass) ReportSegment(s *SegmentFacts, format string, args ...any) {
	p.ReportSegmentKey(s, "", format, args...)
}

// ReportAtKey is ReportAt with a key, which the finding's fingerprint is
// made of instead of its message: for a message that says things that
// change while the problem does not (the lines of other places, the state
// of another page), so that baselines keep matching it.
func (p *CorpusPass) ReportAtKey(loc Loc, key, format string, args ...any) {
	p.reportAtKey(p.Rule.Severity, loc, key, format, args...)
}

// ReportAtKeyBelow is ReportAtKey for a finding that matters less than the
// rule's others (a defect the translation inherited from its source): a
// severity level below the rule's, whatever the configuration makes it.
func (p *CorpusPass) ReportAtKeyBelow(loc Loc, key, format string, args ...any) {
	p.reportAtKey(p.Rule.Severity.Below(), loc, key, format, args...)
}

func (p *CorpusPass) reportAtKey(sev Severity, loc Loc, key, format string, args ...any) {
	l := p.Page.Resolve(loc)
	p.Report(Finding{Rule: p.Rule.ID, Severity: sev, Path: p.Page.Path, Range: loc.Range, Loc: &l,
		Message: fmt.Sprintf(format, args...), Key: key})
}

// ReportSegmentAnywhere is ReportSegmentKey for a problem of a group of
// places, reported on one of them (see Finding.Anywhere).
func (p *CorpusPass) ReportSegmentAnywhere(s *SegmentFacts, key, format string, args ...any) {
	p.reportSegment(s, key, true, format, args...)
}

// ReportSegmentKey is ReportSegment with a key (see ReportAtKey).
func (p *CorpusPass) ReportSegmentKey(s *SegmentFacts, key, format string, args ...any) {
	p.reportSegment(s, key, false, format, args...)
}

func (p *CorpusPass) reportSegment(s *SegmentFacts, key string, anywhere bool, format string, args ...any) {
	r := s.TargetRange
	if r.Len() == 0 {
		r = s.SegmentRange
	}
	l := p.Page.Loc(r)
	p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: l.Range, Loc: &l,
		Message: fmt.Sprintf(format, args...), SegmentID: s.ID, Source: s.SourceRaw, Target: s.TargetRaw,
		Key: key, Anywhere: anywhere})
}
