package rules

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// Typography checks the punctuation and spacing conventions of the target
// language in each segment's target.
var Typography = Register(&Rule{
	ID:       "typography",
	Aliases:  []string{"punctuation", "typographic"},
	Tags:     []string{"segment", "typography"},
	Severity: Note,
	Short:    "Target punctuation and spacing: French spaces, full-width CJK punctuation, German quotes, double spaces, repeated words, unpaired brackets and quotes",
	Doc: `Checks the typography of each segment's target text against the conventions of the page's
locale (its language subtag: fr-*, zh-*, ja-*, de-*). Only prose is read: code spans and the
content of <code>, <kbd>, <samp> and <pre> elements, link and
image destinations, images, autolinks and bare URLs, inline HTML tags, placeholders and
backslash escapes are never flagged; emphasis markers and link brackets are looked through
("**Remarque**:" is "Remarque:"), and entities count as the character they stand for (&nbsp; is
a no-break space). Each problem is reported at the characters at fault.

French (fr-*), check-french-spacing:
  - a space is expected before ":", ";", "!" and "?" and inside guillemets « »; a missing one
    is reported ("Étape 3: Importer" → "Étape 3 : Importer", «ingestion» → « ingestion »). Any
    space counts: ordinary, no-break (U+00A0) or narrow no-break (U+202F). A mark that is not
    followed by a space, the end of the text or a closing bracket or quote is not punctuation and
    is left alone: times (14:00), ratios (16:9), URLs and schemes ("http:"), parameters
    (-Identity:x), query strings (?view=), lists such as ".htm;.html"; nor is a colon glued to
    the quote that opens a value (SensitiveType:"Numéro de passeport"). Emoticons (":)"), names
    kept from the source ("Yahoo!"), message header names and acronyms kept from the source
    with their colon ("X-CustomSpam:", "l’adresse From:", "PTR:") and targets identical to
    their source (left untranslated) are not reported either.
  - require-nbsp: also report an ordinary space where a no-break space is expected (several
    spaces there are one finding, whose fix writes one no-break space). Off by default: most
    documentation uses ordinary spaces there.
  - nbsp-style: the no-break space the messages ask for, "nbsp" (U+00A0) or "narrow" (U+202F,
    the espace fine); any other value reads as "nbsp".
  - fr-ca-exempt: in Canadian French (fr-CA) no space is expected before ";", "!" and "?", only
    before ":" and inside guillemets.

Chinese and Japanese (zh-*, ja-*), check-cjk-punctuation: an ASCII comma, period, colon,
semicolon, question or exclamation mark directly after a Chinese or Japanese character (or a
closing quote ” ’) where the full-width form is expected: "单击“浏览”, 然后" → "单击“浏览”，然后"
(Japanese: "、" and "。"). Microsoft's Chinese style guides require full-width punctuation in
Chinese text; machine translation often writes ", ". The range covers the mark and the ASCII
spaces right after it, which the full-width form replaces (check --fix does), but for the space
before a bare URL or e-mail address, which GFM autolinks only after white space. A run of marks
("表示:, 其中") is reported whole. A mark followed by a Latin letter or
digit, a slash or another of the same mark ("文件.txt", "版本:1", "...") is left alone.

German (de-*), de-quotes: English-style quotes "…" or “…” where „…“ is expected. Off by
default: Microsoft's German documentation mostly writes "…" (about five times as often as „…“
in the reference corpus).

A page whose ms.contentlocale disagrees with its locale folder (front-matter's finding) is
checked for the declared locale, but these language checks offer no fix there: the page's
language is in doubt.

All locales:
  - check-double-spaces: two or more spaces in a row inside the target prose, including a
    space on each side of markup that renders nothing (" [ API](…)", "[](…)"); not at the start
    or end of the target or of a line, never inside code. Not reported when the source has as
    many such runs, or when the source is empty.
  - check-repeated-words: the same word twice in a row ("le le", "für für", "the the"),
    case-insensitive, letters only (no numbers, identifiers, elisions or Chinese text), with
    nothing but white space between them: "**Date** Date et heure" is a label and its
    description. A run of the same word ("le le le") is one finding. Not reported when the
    source repeats the word. Grammatical repetitions are
    allowed: French "vous vous", "nous nous"; German articles and relative pronouns ("für die
    die Regel gilt"), "Sie sie", and prepositions before an attribute ("die Verwendung von von
    Microsoft verwalteten Schlüsseln").
  - check-pairs: brackets ( ) [ ] （ ） 【 】, guillemets « », corner brackets 「 」 『 』 and
    quotes "…" “…” „…“ ‘…’ that are unpaired in the target while the source's are paired. An
    apostrophe ’ within or after a Latin word (l’utilisateur, users’) is not a quote; a pair
    split over two neighboring segments of one paragraph is not reported; broken link and
    image syntax ("](media/x.png)" left in the text, "![" without its image) is left to
    link-mismatch.
  - check-spaced-dashes: a dash the source sets between spaces as a separator ("**2** - Indicates",
    "Part 2 - Protection") that the target glues to a word on one side ("**2** -indique",
    "Teil 2- Schutz"), as many as the target has fewer such separators than the source; the fix
    sets it between spaces. A "-Name" the source has too (a parameter, -Identity) and a hyphen
    before a conjunction ("POST- und GET-Vorgänge") are no separators; code is not read, nor are
    Chinese, Japanese and Korean pages, whose dashes follow their own conventions.
  - check-edge-spaces: where a segment touches visible text with no white space in between (the
    next segment's target, or text after its spans), the white space at the edge of the target
    must match the source's: a target without the source's trailing space glues two sentences
    together when rendered ("distribuées.Vérifiez"). Differences that do not show (at a line
    start or end, next to a table border, inside link text) are not reported. Chinese and
    Japanese are skipped: they put no space between sentences.

Options:
  check-french-spacing   French: a space before : ; ! ? and inside « » (default true)
  require-nbsp           French: report an ordinary space where a no-break space is expected (default false)
  nbsp-style             French: the no-break space to ask for, "nbsp" or "narrow" (default "nbsp")
  fr-ca-exempt           French: no space expected before ; ! ? in fr-CA (default true)
  check-cjk-punctuation  Chinese and Japanese: full-width punctuation after CJK text (default true)
  de-quotes              German: report English-style quotes where „…“ is expected (default false)
  check-double-spaces    double spaces in the target prose (default true)
  check-repeated-words   the same word twice in a row (default true)
  check-pairs            unpaired brackets and quotes where the source's are paired (default true)
  check-edge-spaces      leading and trailing white space that changes how segments join (default true)`,
	Options: []Option{
		{Name: "check-french-spacing", Default: true, Doc: "French: a space before : ; ! ? and inside « »"},
		{Name: "require-nbsp", Default: false, Doc: "French: report an ordinary space where a no-break space is expected"},
		{Name: "nbsp-style", Default: "nbsp", Doc: `French: the no-break space to suggest, "nbsp" (U+00A0) or "narrow" (U+202F)`,
			Values: []string{"nbsp", "narrow"}},
		{Name: "fr-ca-exempt", Default: true, Doc: "French: no space expected before ; ! ? in fr-CA"},
		{Name: "check-cjk-punctuation", Default: true, Doc: "Chinese and Japanese: full-width punctuation after CJK text"},
		{Name: "de-quotes", Default: false, Doc: `German: report English-style quotes "…" where „…“ is expected`},
		{Name: "check-double-spaces", Default: true, Doc: "double spaces inside the target prose"},
		{Name: "check-repeated-words", Default: true, Doc: "the same word twice in a row"},
		{Name: "check-pairs", Default: true, Doc: "unpaired brackets and quotes where the source's are paired"},
		{Name: "check-edge-spaces", Default: true, Doc: "leading and trailing white space that changes how segments join when rendered"},
		{Name: "check-spaced-dashes", Default: true, Doc: "a dash the source sets between spaces that the target glues to one side"},
	},
	Run:         runTypography,
	Monolingual: true,
})

// typoChar is one rendered character of a segment side: a prose character
// (an entity counts as the character it stands for) or an opaque atom (code
// span, tag, URL, image, escape, placeholder) that stands for something
// other than prose. Markup that renders nothing (emphasis markers, link
// brackets and destinations) is left out.
type typoChar struct {
	r          rune
	start, end int // byte range in Page.Text
	atom       bool
}

const typoAtom = '\uFFFC'

func runTypography(p *Pass) {
	loc := p.Page.Locale
	// fr-CA declared in fr-FR/: front-matter's fix writes fr-FR, so its
	// conventions (fr-CA's exemptions) are the ones to check and fix by, in
	// the same run.
	if folder := p.Page.FolderLocale; p.Page.LocaleOrigin == "front matter" && folder != "" &&
		locale.Language(loc) == locale.Language(folder) {
		loc = folder
	}
	lang := locale.Language(loc)
	french := lang == "fr" && p.Bool("check-french-spacing")
	cjk := (lang == "zh" || lang == "ja") && p.Bool("check-cjk-punctuation")
	deQuotes := lang == "de" && p.Bool("de-quotes")
	doubles, repeats, pairs, edges := p.Bool("check-double-spaces"), p.Bool("check-repeated-words"), p.Bool("check-pairs"), p.Bool("check-edge-spaces")
	dashes := p.Bool("check-spaced-dashes")
	if !french && !cjk && !deQuotes && !doubles && !repeats && !pairs && !edges && !dashes {
		return
	}
	fr := frenchOptions{
		requireNBSP: p.Bool("require-nbsp"),
		narrow:      p.String("nbsp-style") == "narrow",
		exemptCA:    strings.EqualFold(loc, "fr-CA") && p.Bool("fr-ca-exempt"),
	}
	// A page whose ms.contentlocale disagrees with its locale folder has its
	// locale in doubt: front-matter reports it, and its fix writes the
	// folder's locale. The locale's checks still go by the declared locale,
	// as the other rules do, but offer no fix: French spaces written into a
	// page of the de-DE folder would be a second mistake if the folder is
	// right. Fixes that do not depend on the language (double spaces) stay.
	doubt := ""
	// Only another language is in doubt: fr-CA in fr-FR/ is French either
	// way.
	if folder := p.Page.FolderLocale; p.Page.LocaleOrigin == "front matter" && folder != "" && locale.Language(loc) != locale.Language(folder) {
		doubt = fmt.Sprintf(" (no fix: ms.contentlocale says %s, the locale folder %s)", loc, folder)
	}
	// Scratch buffers, reused from page to page.
	scratch := typoScratchPool.Get().(*typoScratch)
	defer typoScratchPool.Put(scratch)
	kindBuf, tgtBuf, srcBuf := scratch.kinds[:0], scratch.tgt[:0], scratch.src[:0]
	defer func() { scratch.kinds, scratch.tgt, scratch.src = kindBuf[:0], tgtBuf[:0], srcBuf[:0] }()
	for i, s := range p.Page.Segments {
		if strings.TrimSpace(s.Target.Raw) == "" {
			continue
		}
		// An empty source is a segmentation artifact (a table cell of
		// symbols, an anchor): there is nothing to compare with.
		hasSource := s.HasSource && strings.TrimSpace(s.Source.Raw) != ""
		tgtBuf = typoChars(s.Target, &kindBuf, tgtBuf[:0])
		tgt := tgtBuf
		var srcDone bool
		src := func() []typoChar {
			if !srcDone && hasSource {
				srcBuf, srcDone = typoChars(s.Source, &kindBuf, srcBuf[:0]), true
			}
			if !hasSource {
				return nil
			}
			return srcBuf
		}
		// A check passes an Edit (or []Edit) as the last argument when the
		// problem has a mechanical fix (check --fix, the editor's quick fix).
		report := func(r Range, format string, args ...any) {
			var fixes []Edit
			if n := len(args); n > 0 {
				switch e := args[n-1].(type) {
				case Edit:
					fixes, args = []Edit{e}, args[:n-1]
				case []Edit:
					fixes, args = e, args[:n-1]
				}
			}
			p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: r,
				Message: fmt.Sprintf(format, args...), SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw, Fixes: fixes})
		}
		// localReport reports a finding of a check of the page's language.
		localReport := report
		if doubt != "" {
			localReport = func(r Range, format string, args ...any) {
				if n := len(args); n > 0 {
					switch args[n-1].(type) {
					case Edit, []Edit:
						args = args[:n-1]
					}
				}
				report(r, format+"%s", append(args, doubt)...)
			}
		}
		sum := typoSummarize(tgt)
		// A target left in the source language is untranslated's finding,
		// not a typography one.
		copied := hasSource && typoSameText(s.Target.Plain, s.Source.Plain)
		var nbspRuns []int // runs of spaces the French check replaces with one no-break space
		if french && !copied {
			nbspRuns = checkFrenchSpacing(tgt, src, fr, &typoDelims{ds: s.Target.Emphasis}, localReport)
			if doubt != "" {
				nbspRuns = nil // no no-break space replaces them: the double-space fix may
			}
		}
		if cjk && !copied {
			checkCJKPunctuation(tgt, lang, typoBareStarts(s.Target), localReport)
		}
		if deQuotes {
			checkGermanQuotes(tgt, localReport)
		}
		if doubles && hasSource && sum.doubleSpace {
			checkDoubleSpaces(p.Page.Text, tgt, src, nbspRuns, report)
		}
		if repeats {
			checkRepeatedWords(p.Page.Text, tgt, src, lang, report)
		}
		if pairs && hasSource && sum.pairs {
			checkPairs(tgt, src, lang, func() [][]typoChar { return typoNeighbors(p.Page, i) }, report)
		}
		if edges && hasSource {
			checkEdgeSpaces(p.Page, i, lang, report)
		}
		if dashes && hasSource && !copied {
			checkSpacedDashes(s, lang, report)
		}
	}
}

// typoSummary tells which checks have something to look at in a target:
// most segments have neither two spaces in a row nor a bracket or quote.
type typoSummary struct {
	doubleSpace bool // two typoSpace characters in a row
	pairs       bool // a character of typoPairRole or typoQuoteProblem
}

func typoSummarize(cs []typoChar) (s typoSummary) {
	prevSpace := false
	for _, c := range cs {
		r := c.r
		space := r == ' ' || r == '\t' || r >= 0xa0 && typoSpace(r)
		s.doubleSpace = s.doubleSpace || space && prevSpace
		prevSpace = space
		if r >= '"' && r <= ']' {
			s.pairs = s.pairs || r == '"' || r == '(' || r == ')' || r == '[' || r == ']'
		} else if r >= 0xab && !s.pairs {
			s.pairs = typoPairOrQuote(r)
		}
	}
	return s
}

// typoPairOrQuote reports whether a non-ASCII r is a bracket of typoPairRole
// or a quote of typoQuoteProblem.
func typoPairOrQuote(r rune) bool {
	switch r {
	case '«', '»', '„', '“', '”', '‘', '’', '‚':
		return true
	}
	k, _ := typoPairRole(r)
	return k >= 0
}

type typoScratch struct {
	kinds    []uint8
	tgt, src []typoChar
}

var typoScratchPool = sync.Pool{New: func() any { return new(typoScratch) }}

// typoChars renders t as a sequence of characters and atoms, appended to
// out; kinds is a scratch buffer.
func typoChars(t Text, kinds *[]uint8, out []typoChar) []typoChar {
	const (
		prose = iota
		skip
		atom
	)
	base, raw := t.Range.Start, t.Raw
	if cap(*kinds) < len(raw) {
		*kinds = make([]uint8, len(raw))
	}
	kind := (*kinds)[:len(raw)]
	clear(kind)
	out = slices.Grow(out, len(raw)) // a character per byte at most
	mark := func(start, end int, k uint8) {
		start, end = max(start-base, 0), min(end-base, len(raw))
		for j := start; j < end; j++ {
			if kind[j] < k {
				kind[j] = k
			}
		}
	}
	for _, d := range t.Emphasis {
		mark(d.Range.Start, d.Range.End, skip)
	}
	for _, l := range t.Links {
		switch l.Kind {
		case AutoLink, ImageLink:
			mark(l.Range.Start, l.Range.End, atom)
		default:
			mark(l.Range.Start, l.Range.Start+1, skip)
			mark(l.Range.Start+1+len(l.Label), l.Range.End, skip)
		}
	}
	for _, c := range t.Code {
		mark(c.Range.Start, c.Range.End, atom)
	}
	for _, g := range t.Tags {
		mark(g.Range.Start, g.Range.End, atom)
	}
	for _, r := range typoCodeElements(t) {
		mark(r.Start, r.End, atom)
	}
	for _, e := range t.Escapes {
		mark(e.Range.Start, e.Range.End, atom)
	}
	for _, x := range t.Placeholders {
		mark(x.Range.Start, x.Range.End, atom)
	}
	// Bare URLs and "www." host names.
	for i := 0; i < len(raw); {
		j := strings.Index(raw[i:], "://")
		w := strings.Index(raw[i:], "www.")
		if j < 0 && w < 0 {
			break
		}
		var start, next int
		if j >= 0 && (w < 0 || j < w) {
			start, next = i+j, i+j+3
			for start > i && kind[start-1] == prose && typoSchemeByte(raw[start-1]) {
				start--
			}
		} else {
			start, next = i+w, i+w+4
		}
		if kind[start] != prose {
			i = next // in a link destination, a code span...
			continue
		}
		end := start
		for end < len(raw) && kind[end] == prose && !typoURLStop(raw[end]) {
			end++
		}
		// A URL does not end with sentence punctuation.
		for end > start && strings.IndexByte(".,;:!?)", raw[end-1]) >= 0 {
			end--
		}
		if end <= start {
			end = start + 1
		}
		mark(base+start, base+end, atom)
		i = max(end, next)
	}
	// Line continuations: indentation and block quote markers after a line
	// break: \n, \r\n or a lone \r (CommonMark's three line endings).
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\n' || raw[i] == '\r' && (i+1 == len(raw) || raw[i+1] != '\n') {
			for j := i + 1; j < len(raw) && (raw[j] == ' ' || raw[j] == '\t' || raw[j] == '>'); j++ {
				mark(base+j, base+j+1, skip)
			}
		}
	}
	for i := 0; i < len(raw); {
		switch kind[i] {
		case skip:
			i++
			continue
		case atom:
			j := i
			for j < len(raw) && kind[j] == atom {
				j++
			}
			out = append(out, typoChar{r: typoAtom, start: base + i, end: base + j, atom: true})
			i = j
			continue
		}
		if raw[i] == '&' {
			if n, r := typoEntity(raw, i); n > i {
				out = append(out, typoChar{r: r, start: base + i, end: base + n})
				i = n
				continue
			}
		}
		if raw[i] == '\r' {
			// \r\n is the \n that follows; a lone \r is a line break too.
			if i+1 == len(raw) || raw[i+1] != '\n' {
				out = append(out, typoChar{r: '\n', start: base + i, end: base + i + 1})
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		out = append(out, typoChar{r: r, start: base + i, end: base + i + size})
		i += size
	}
	return out
}

// typoCodeTags are the HTML elements whose content is code, rendered as
// written: typography neither reads nor fixes it (code-mismatch compares
// <code>'s).
var typoCodeTags = map[string]bool{"code": true, "kbd": true, "samp": true, "pre": true}

// typoCodeElements returns the ranges of t's <code>...</code> (<kbd>,
// <samp>, <pre>) elements, tags included.
func typoCodeElements(t Text) []Range {
	var out []Range
	type element struct {
		start Range
		depth int // <code><code>x</code> b</code>: the outer one ends last
	}
	var open map[string]*element
	for _, g := range t.Tags {
		if !typoCodeTags[g.Name] || g.SelfClosing {
			continue
		}
		e := open[g.Name]
		if !g.Closing {
			if open == nil {
				open = map[string]*element{}
			}
			if e == nil {
				open[g.Name] = &element{start: g.Range, depth: 1}
			} else {
				e.depth++
			}
			continue
		}
		if e != nil {
			if e.depth--; e.depth == 0 {
				out = append(out, Range{Start: e.start.Start, End: g.Range.End})
				delete(open, g.Name)
			}
		}
	}
	return out
}

func typoSchemeByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

func typoURLStop(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '"' || c >= utf8.RuneSelf
}

// typoEntity decodes a character reference at raw[i] ('&'), returning the
// offset after it and its first character, or i when there is none.
func typoEntity(raw string, i int) (int, rune) {
	j := i + 1
	for j < len(raw) && j-i <= 32 && (typoAlnum(raw[j]) || raw[j] == '#') {
		j++
	}
	if j >= len(raw) || raw[j] != ';' || j == i+1 {
		return i, 0
	}
	dec := html.UnescapeString(raw[i : j+1])
	if dec == raw[i:j+1] || utf8.RuneCountInString(dec) > 2 {
		return i, 0
	}
	r, _ := utf8.DecodeRuneInString(dec)
	return j + 1, r
}

func typoSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t'
	}
	return r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u3000'
}

func typoNBSP(r rune) bool { return r == '\u00a0' || r == '\u202f' }

// typoQuote renders a character for a message.
func typoQuote(r rune) string {
	switch r {
	case '\u00a0':
		return "no-break space"
	case '\u202f':
		return "narrow no-break space"
	case ' ':
		return "space"
	case '\t':
		return "tab"
	case '\u3000':
		return "ideographic space"
	}
	return fmt.Sprintf("'%c'", r)
}

type frenchOptions struct {
	requireNBSP, narrow, exemptCA bool
}

// char is the space character the style asks for.
func (o frenchOptions) char() string {
	if o.narrow {
		return "\u202f"
	}
	return "\u00a0"
}

func (o frenchOptions) space() string {
	if o.narrow {
		return "narrow no-break space (U+202F)"
	}
	return "no-break space (U+00A0)"
}

// checkFrenchSpacing reports missing spaces before : ; ! ? and inside « ».
// With require-nbsp, a run of spaces there ("Remarque  :") is one finding
// whose fix writes one no-break space; it returns the runs' first indexes,
// which the double-space check leaves alone (its fix, one ordinary space,
// would need a second --fix).
func checkFrenchSpacing(t []typoChar, src func() []typoChar, o frenchOptions, delims *typoDelims, report func(Range, string, ...any)) (nbspRuns []int) {
	done := -1 // a '»' already reported with its '«'
	// spaceRun reports the run of two or more spaces t[a:b] at the mark
	// t[mark], when nothing (markup) lies between its characters.
	spaceRun := func(a, b, mark int, where string) bool {
		if b-a < 2 {
			return false
		}
		for k := a + 1; k < b; k++ {
			if t[k].start != t[k-1].end {
				return false
			}
		}
		r := Range{Start: min(t[a].start, t[mark].start), End: max(t[b-1].end, t[mark].end)}
		report(r, "%s %s where one %s is expected", typoRunName(t[a:b]), where, o.space(),
			Edit{Range: Range{Start: t[a].start, End: t[b-1].end}, New: o.char()})
		nbspRuns = append(nbspRuns, a)
		return true
	}
	dq := 0 // the '"' of t[:i+1], for typoFrenchPunct (counted once, not per mark)
	for i, c := range t {
		if c.r == '"' {
			dq++
		}
		switch c.r {
		case ':', ';', '!', '?':
			if o.exemptCA && c.r != ':' {
				continue
			}
			if i == 0 || !typoFrenchPunct(t, i, dq, src) {
				continue
			}
			prev := t[i-1]
			switch {
			case typoSpace(prev.r):
				if o.requireNBSP && i >= 2 && typoSpace(t[i-2].r) {
					a := i - 2
					for a > 0 && typoSpace(t[a-1].r) {
						a--
					}
					if a > 0 && t[a-1].r != '\n' {
						spaceRun(a, i, i, fmt.Sprintf("before '%c'", c.r))
					}
					continue
				}
				if o.requireNBSP && prev.r != '\u00a0' && prev.r != '\u202f' {
					report(Range{prev.start, c.end}, "ordinary space before '%c' where a %s is expected", c.r, o.space(),
						Edit{Range: Range{prev.start, prev.end}, New: o.char()})
				}
			case typoBeforeMark(prev):
				report(Range{c.start, c.end}, "missing %s before '%c' (French typography: \"mot %c\")", o.space(), c.r, c.r,
					delims.insert(prev.end, c.start, o.char(), false))
			}
		case '«':
			if i+1 >= len(t) {
				continue
			}
			next := t[i+1]
			switch {
			case typoSpace(next.r):
				if b := i + 2; o.requireNBSP && b < len(t) && typoSpace(t[b].r) {
					for b < len(t) && typoSpace(t[b].r) {
						b++
					}
					if b < len(t) && t[b].r != '\n' {
						spaceRun(i+1, b, i, "after '«'")
					}
					continue
				}
				if o.requireNBSP && !typoNBSP(next.r) {
					report(Range{c.start, next.end}, "ordinary space after '«' where a %s is expected", o.space(),
						Edit{Range: Range{next.start, next.end}, New: o.char()})
				}
			case next.r != '\n' && next.r != '»':
				// «mot»: one finding for both sides when the closing one lacks its space too.
				if j := typoClosingGuillemet(t, i); j > 0 && !typoSpace(t[j-1].r) && t[j-1].r != '\n' {
					done = j
					report(Range{c.start, t[j].end}, "missing %s after '«' and before '»' (French typography: « mot »)", o.space(),
						append(delims.insert(c.end, next.start, o.char(), true), delims.insert(t[j-1].end, t[j].start, o.char(), false)...))
					continue
				}
				report(Range{c.start, c.end}, "missing %s after '«' (French typography: « mot »)", o.space(),
					delims.insert(c.end, next.start, o.char(), true))
			}
		case '»':
			if i == 0 || i == done {
				continue
			}
			prev := t[i-1]
			switch {
			case typoSpace(prev.r):
				if o.requireNBSP && i >= 2 && typoSpace(t[i-2].r) {
					a := i - 2
					for a > 0 && typoSpace(t[a-1].r) {
						a--
					}
					// «  »: the run after « was that finding already.
					if a > 0 && t[a-1].r != '\n' && (len(nbspRuns) == 0 || nbspRuns[len(nbspRuns)-1] != a) {
						spaceRun(a, i, i, "before '»'")
					}
					continue
				}
				if o.requireNBSP && !typoNBSP(prev.r) {
					report(Range{prev.start, c.end}, "ordinary space before '»' where a %s is expected", o.space(),
						Edit{Range: Range{prev.start, prev.end}, New: o.char()})
				}
			case prev.r != '\n' && prev.r != '«':
				report(Range{c.start, c.end}, "missing %s before '»' (French typography: « mot »)", o.space(),
					delims.insert(prev.end, c.start, o.char(), false))
			}
		}
	}
	return nbspRuns
}

// typoDelims places a space inserted between two characters with markup
// between them (emphasis delimiters, link brackets) so that the markup
// renders as before. White space after a delimiter run keeps it from
// opening emphasis, white space before it from closing (CommonMark's
// flanking rules): "`abc`**: 1**" gets the no-break space before the "**"
// that opens, "**Formation**: x" after the one that closes.
type typoDelims struct {
	ds    []Delim
	roles []delimRole // computed on first use
}

// insert returns the edit inserting space between the characters ending at
// from and starting at to, next to to (before a mark) or, with after, next
// to from (after '«'): moved past the delimiter runs there that would stop
// opening or closing. It returns no edit (the finding is reported without
// a fix) when no place between keeps every run's role.
func (d *typoDelims) insert(from, to int, space string, after bool) []Edit {
	if len(d.ds) > 0 && d.roles == nil {
		_, _, d.roles = pairDelimRoles(d.ds)
	}
	// role returns the role of the run ending (or starting) at pos. The
	// runs are in document order and do not overlap: a binary search (a
	// scan of them all for every insertion was quadratic).
	role := func(pos int, ending bool) (delimRole, int) {
		k := sort.Search(len(d.ds), func(k int) bool {
			if ending {
				return d.ds[k].Range.End >= pos
			}
			return d.ds[k].Range.Start >= pos
		})
		if k < len(d.ds) && (ending && d.ds[k].Range.End == pos || !ending && d.ds[k].Range.Start == pos) {
			return d.roles[k], k
		}
		return 0, -1
	}
	at := to
	if after {
		at = from
		for r, k := role(at, false); at < to && r&closed != 0; r, k = role(at, false) {
			at = d.ds[k].Range.End
		}
	} else {
		for r, k := role(at, true); at > from && r&opened != 0; r, k = role(at, true) {
			at = d.ds[k].Range.Start
		}
	}
	if r, _ := role(at, true); r&opened != 0 {
		return nil
	}
	if r, _ := role(at, false); r&closed != 0 {
		return nil
	}
	return []Edit{{Range: Range{Start: at, End: at}, New: space}}
}

// typoClosingGuillemet returns the index of the '»' closing the '«' at
// t[i], or -1.
func typoClosingGuillemet(t []typoChar, i int) int {
	for j := i + 1; j < len(t); j++ {
		switch t[j].r {
		case '«':
			return -1
		case '»':
			return j
		}
	}
	return -1
}

// typoBeforeMark reports whether c can end the word a French double mark
// follows: a letter, a digit, a closing bracket or quote, a code span.
func typoBeforeMark(c typoChar) bool {
	if c.atom {
		return true
	}
	return unicode.IsLetter(c.r) || unicode.IsDigit(c.r) || strings.ContainsRune(")]»”’\"'", c.r)
}

// typoFrenchPunct reports whether the mark t[i] is sentence punctuation:
// followed by a space, the end of the text or closing punctuation, not part
// of a time, URL, scheme, parameter, emoticon or a name such as "Yahoo!".
func typoFrenchPunct(t []typoChar, i, quotes int, src func() []typoChar) bool {
	c := t[i]
	if i+1 < len(t) {
		next := t[i+1]
		switch {
		case typoSpace(next.r) || next.r == '\n':
		case (c.r == ':' || c.r == ';') && strings.ContainsRune(")(-", next.r):
			return false // emoticon
		case c.r == ':' && typoOpeningQuote(t[i+1].r, quotes):
			return false // SensitiveType:"Numéro de passeport": a key and its quoted value
		case strings.ContainsRune(")]»”’\"'", next.r):
		case (c.r == '?' || c.r == '!') && strings.ContainsRune(".,…", next.r):
		case (c.r == '?' || c.r == '!') && (next.r == '?' || next.r == '!'):
		default:
			return false
		}
	}
	if i > 0 && t[i-1].r == c.r {
		return false
	}
	// The word before the mark.
	j := i
	for j > 0 && (unicode.IsLetter(t[j-1].r) || unicode.IsDigit(t[j-1].r)) {
		j--
	}
	word := typoString(t[j:i])
	if c.r == ':' {
		switch strings.ToLower(word) {
		case "http", "https", "ftp", "mailto", "file", "urn", "tel", "ms":
			return false
		}
		// A message header name kept from the source: X-CustomSpam:, From:;
		// a drive letter: D:.
		k := j
		for k > 0 && (unicode.IsLetter(t[k-1].r) || unicode.IsDigit(t[k-1].r) || t[k-1].r == '-') {
			k--
		}
		if name := typoString(t[k:i]); (strings.Contains(name, "-") || typoHeaderNames[name] || typoAcronym(name)) && typoHasSeq(src(), name+":", true) {
			return false
		}
		// A drive letter: D: in a source that speaks of drives ("the D:
		// drive", "Drive D:", "the D: and E: drives", "the D: volume"),
		// not "Option A:" or "plan B:".
		if name := typoString(t[j:i]); typoDrive(name) && typoDriveIn(src(), name) {
			return false
		}
	}
	if (c.r == '!' || c.r == '?') && word != "" && typoHasSeq(src(), word+string(c.r), true) {
		return false // a name such as Yahoo! kept from the source
	}
	return true
}

// typoOpeningQuote reports whether r is a double quote that opens a
// quotation: “, or a " that before (the " before it) leaves even.
func typoOpeningQuote(r rune, before int) bool {
	switch r {
	case '“':
		return true
	case '"':
		return before%2 == 0
	}
	return false
}

// typoHeaderNames are message header names written with their colon.
var typoHeaderNames = typoWordSet("From To Cc Bcc Subject Sender Date Received")

// typoSameText reports whether a and b are the same text but for white
// space and case.
func typoSameText(a, b string) bool {
	if d := len(a) - len(b); d > 8 || d < -8 {
		return false
	}
	return foldedEqual(a, b, false, func(x, y rune) bool { return strings.EqualFold(string(x), string(y)) })
}

// typoAcronym reports whether s is a run of two or more capital letters
// and digits starting with a letter, such as PTR or SCL.
func typoAcronym(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// typoDriveRe finds a drive letter with the word drive (volume, disk,
// partition) next to it: "the D: drive", "Drive D:", "the D: and E: drives".
var typoDriveRe = regexp.MustCompile(`(?i)\b(?:drives?|volumes?|disks?|partitions?)\s+([A-Z]):|\b([A-Z]):(?:\s*(?:,|and|or)\s*[A-Z]:)*\s+(?:drives?|volumes?|disks?|partitions?)\b`)

// typoDriveIn reports whether the source names the drive letter as a drive.
func typoDriveIn(cs []typoChar, letter string) bool {
	s := typoString(cs)
	if !strings.Contains(s, letter+":") {
		return false
	}
	for _, m := range typoDriveRe.FindAllStringSubmatchIndex(s, -1) {
		// The letter itself, or one of a list before the word ("D: and E:
		// drives" names both).
		if strings.Contains(s[m[0]:m[1]], letter+":") {
			return true
		}
	}
	return false
}

// typoDrive reports whether s is a drive letter: one capital letter, but
// for the Roman numerals I, V and X ("Partie I :" is a title's colon).
func typoDrive(s string) bool {
	return len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I' && s[0] != 'V' && s[0] != 'X'
}

func typoString(cs []typoChar) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteRune(c.r)
	}
	return b.String()
}

// typoHasSeq reports whether the characters of cs spell s somewhere, at a
// word start when wordStart is set.
func typoHasSeq(cs []typoChar, s string, wordStart bool) bool {
	rs := []rune(s)
	for i := 0; i+len(rs) <= len(cs); i++ {
		if wordStart && i > 0 && unicode.IsLetter(cs[i-1].r) {
			continue
		}
		ok := true
		for k, r := range rs {
			if cs[i+k].r != r {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// typoCJK reports whether r is a Chinese or Japanese character, CJK
// punctuation or a full-width form.
func typoCJK(r rune) bool {
	if r >= 0x4e00 && r <= 0x9fff {
		return true // the CJK Unified Ideographs block: most of a Chinese text
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// typoNextLower reports whether the first character from t[i] on that is
// not a space is a lower-case ASCII letter.
func typoNextLower(t []typoChar, i int) bool {
	for i < len(t) && t[i].r == ' ' {
		i++
	}
	return i < len(t) && t[i].r >= 'a' && t[i].r <= 'z'
}

var typoFullWidth = map[string]map[rune]string{
	"zh": {',': "，", '.': "。", ':': "：", ';': "；", '?': "？", '!': "！"},
	"ja": {',': "、", '.': "。", ':': "：", ';': "；", '?': "？", '!': "！"},
}

// typoBareStarts returns a function telling whether a bare URL or e-mail
// address (GFM's extended autolinks) starts at a page offset of t.
func typoBareStarts(t Text) func(int) bool {
	var starts map[int]bool
	return func(at int) bool {
		if starts == nil {
			starts = map[int]bool{}
			for _, r := range bareRefs(t, false) {
				starts[r.at.Start] = true
			}
		}
		return starts[at]
	}
}

// checkCJKPunctuation reports ASCII punctuation after CJK text. bareAt
// tells where a bare URL or e-mail address starts: the space before one
// stays, as GFM autolinks it only after white space.
func checkCJKPunctuation(t []typoChar, lang string, bareAt func(int) bool, report func(Range, string, ...any)) {
	forms := typoFullWidth[lang]
	last := -1 // the last character a reported mark's fix covers (the mark, or the spaces it takes)
	for i, c := range t {
		if i == 0 || c.r > '?' || c.r != ',' && c.r != '.' && c.r != ':' && c.r != ';' && c.r != '?' && c.r != '!' {
			continue
		}
		full := forms[c.r]
		prev := t[i-1]
		// A mark after a reported one ("表示:, 其中") is reported too: its
		// fix makes it follow a full-width mark, which the next run would
		// report. One run fixes the whole run of marks.
		if prev.atom || !typoCJK(prev.r) && prev.r != '”' && prev.r != '’' && last != i-1 {
			continue
		}
		end := c.end
		if i+1 < len(t) {
			next := t[i+1]
			switch {
			case next.atom:
				continue
			case next.r == c.r || next.r < utf8.RuneSelf && (typoAlnum(byte(next.r)) || strings.ContainsRune(`/\_-@#&=+<[`, next.r)):
				continue // 文件.txt, 版本:1, ![image, ...
			case c.r == '.' && typoNextLower(t, i+1):
				continue // 后缀. ps1: a file name extension torn apart, not a sentence end
			}
			k := i + 1
			for ; k < len(t) && t[k].r == ' ' && t[k].start == end; k++ {
				end = t[k].end
			}
			switch {
			case end > c.end && bareAt(end):
				end, k = c.end, i+1 // "删除, https://x.com/": the URL keeps its space
			case end > c.end && (k == len(t) || t[k].r == '\n' || t[k].r == '\r'):
				end, k = c.end, i+1 // spaces before a line break: a hard break, kept
			}
			last = k - 1
		} else {
			last = i
		}
		name := "Chinese"
		if lang == "ja" {
			name = "Japanese"
		}
		at := Range{c.start, end}
		report(at, "ASCII '%c' after %s text where the full-width '%s' is expected", c.r, name, full, Edit{Range: at, New: full})
	}
}

// checkGermanQuotes reports English-style quotes in German prose.
func checkGermanQuotes(t []typoChar, report func(Range, string, ...any)) {
	open := -1
	for i, c := range t {
		switch c.r {
		case '"':
			if open < 0 {
				open = i
				continue
			}
			report(Range{t[open].start, c.end}, "English-style quotes \"…\" where German uses „…“")
			open = -1
		case '”':
			start := c.start
			for k := i - 1; k >= 0; k-- {
				if t[k].r == '“' || t[k].r == '„' || t[k].r == '”' {
					if t[k].r == '“' {
						start = t[k].start
					}
					break
				}
			}
			report(Range{start, c.end}, "English-style quotes “…” where German uses „…“")
		}
	}
}

// typoSpaceRuns returns the runs of two or more spaces between two visible
// characters on one line.
func typoSpaceRuns(t []typoChar) [][2]int {
	var runs [][2]int
	for i := 0; i < len(t); {
		if !typoSpace(t[i].r) {
			i++
			continue
		}
		j := i
		for j < len(t) && typoSpace(t[j].r) {
			j++
		}
		if j-i >= 2 && i > 0 && j < len(t) && t[i-1].r != '\n' && t[j].r != '\n' {
			runs = append(runs, [2]int{i, j})
		}
		i = j
	}
	return runs
}

// typoRunName describes a run of spaces: "2 spaces", "no-break space +
// space".
func typoRunName(run []typoChar) string {
	var names []string
	for _, c := range run {
		names = append(names, typoQuote(c.r))
	}
	if allSame(names) && names[0] == "space" {
		return fmt.Sprintf("%d spaces", len(run))
	}
	return strings.Join(names, " + ")
}

// checkDoubleSpaces reports runs of spaces inside the prose, but for those
// starting at skip's indexes (reported by the French check).
func checkDoubleSpaces(text string, t []typoChar, src func() []typoChar, skip []int, report func(Range, string, ...any)) {
	runs := typoSpaceRuns(t)
	if len(runs) == 0 || len(runs) <= len(typoSpaceRuns(src())) {
		return
	}
	skipped := make(map[int]bool, len(skip))
	for _, k := range skip {
		skipped[k] = true
	}
	for _, r := range runs {
		if skipped[r[0]] {
			continue
		}
		desc := typoRunName(t[r[0]:r[1]])
		at := Range{t[r[0]].start, t[r[1]-1].end}
		if raw := text[at.Start:at.End]; strings.TrimSpace(raw) != "" {
			report(at, "%s in a row once the markup in %q is removed; expected one space", desc, raw)
			continue
		}
		report(at, "%s in a row in the target; expected one space", desc, Edit{Range: at, New: " "})
	}
}

func allSame(s []string) bool {
	for _, x := range s {
		if x != s[0] {
			return false
		}
	}
	return true
}

// typoWord is a word: the characters cs[start:end].
type typoWord struct{ start, end int }

// typoWords splits cs into words of letters; words touching digits, atoms,
// apostrophes, hyphens or dots are left out (identifiers, elisions,
// compounds), and so are words with Chinese or Japanese characters.
func typoWords(cs []typoChar, out []typoWord) []typoWord {
	glued := func(k int) bool {
		if k < 0 || k >= len(cs) {
			return false
		}
		c := cs[k]
		switch c.r {
		case '\'', '’', '-', '_', '.', '@', '\\', '/':
			return true
		}
		return c.atom || unicode.IsDigit(c.r)
	}
	for i := 0; i < len(cs); {
		if !typoLetter(cs[i].r) {
			i++
			continue
		}
		j := i
		cjk := false
		for j < len(cs) && typoLetter(cs[j].r) {
			cjk = cjk || cs[j].r >= 0x2e80 && typoCJK(cs[j].r)
			j++
		}
		if !cjk && !glued(i-1) && !glued(j) {
			out = append(out, typoWord{i, j})
		}
		i = j
	}
	return out
}

// typoLetter is unicode.IsLetter with the common cases first: ASCII, the
// accented Latin letters and the CJK Unified Ideographs (a table look-up
// per character was a tenth of the rule's time).
func typoLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	case r >= 0xc0 && r <= 0x24f:
		return r != 0xd7 && r != 0xf7 // × and ÷
	case r >= 0x4e00 && r <= 0x9fff:
		return true
	}
	return unicode.IsLetter(r)
}

// typoSameWord compares two words case-insensitively.
func typoSameWord(cs []typoChar, a, b typoWord) bool {
	if a.end-a.start != b.end-b.start {
		return false
	}
	for k := 0; k < a.end-a.start; k++ {
		x, y := cs[a.start+k].r, cs[b.start+k].r
		if x != y && unicode.ToLower(x) != unicode.ToLower(y) {
			return false
		}
	}
	return true
}

// typoAllowedRepeats are grammatical repetitions: French reflexive
// pronouns ("vous vous connectez"); German relative pronouns before an
// article of the same form ("für die die Regel gilt"), "Sie sie" ("bevor Sie
// sie löschen") and a preposition before an attribute that starts with the
// same one ("die Verwendung von von Microsoft verwalteten Schlüsseln").
var typoAllowedRepeats = map[string]map[string]bool{
	"fr": typoWordSet("vous nous"),
	"de": typoWordSet(`der die das den dem des sie von vom in im für mit an am auf aus bei durch nach über unter zu zum zur
		als gegen ohne um vor hinter neben zwischen`),
}

// typoMarkupBetween reports whether text[start:end] holds more than white
// space: "**Date** Date et heure" is a label followed by its description.
func typoMarkupBetween(text string, start, end int) bool {
	return strings.TrimSpace(text[start:end]) != ""
}

// checkRepeatedWords reports the same word twice in a row.
func checkRepeatedWords(text string, t []typoChar, src func() []typoChar, lang string, report func(Range, string, ...any)) {
	var buf [64]typoWord
	words := typoWords(t, buf[:0])
	repeats := func(a, b typoWord) bool {
		return typoSameWord(t, a, b) && typoOnlySpaces(t[a.end:b.start]) && !typoMarkupBetween(text, t[a.end-1].end, t[b.start].start)
	}
	for k := 1; k < len(words); k++ {
		a, b := words[k-1], words[k]
		if !repeats(a, b) {
			continue
		}
		w := strings.ToLower(typoString(t[a.start:a.end]))
		if typoAllowedRepeats[lang][w] || typoRepeats(src(), w) {
			continue
		}
		// A run of the same word is one problem: "le le le" (or ten
		// thousand of them in a generated page) is one finding.
		n := 2
		for k+1 < len(words) && repeats(words[k], words[k+1]) {
			k++
			n++
		}
		r := Range{t[a.start].start, t[words[k].end-1].end}
		if n == 2 {
			report(r, "repeated word %q", typoString(t[a.start:b.end]))
		} else {
			report(r, "word %q repeated %d times in a row", typoString(t[a.start:a.end]), n)
		}
	}
}

// typoRepeats reports whether cs has the word w (lower case) twice in a row.
func typoRepeats(cs []typoChar, w string) bool {
	words := typoWords(cs, nil)
	for m := 1; m < len(words); m++ {
		a, b := words[m-1], words[m]
		if typoSameWord(cs, a, b) && typoOnlySpaces(cs[a.end:b.start]) && strings.ToLower(typoString(cs[a.start:a.end])) == w {
			return true
		}
	}
	return false
}

func typoOnlySpaces(cs []typoChar) bool {
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if !typoSpace(c.r) && c.r != '\n' {
			return false
		}
	}
	return true
}

// typoPairKind is one kind of bracket or quote.
type typoPairKind struct {
	name  string
	quote bool // a quote: the source's quotes are compared
}

var typoPairKinds = []typoPairKind{
	{name: "parentheses"},
	{name: "square brackets"},
	{name: "guillemets", quote: true},
	{name: "corner brackets", quote: true},
}

// typoPairRole tells which kind of pair r belongs to (an index in
// typoPairKinds) and whether it opens; kind is -1 for other characters.
func typoPairRole(r rune) (kind int, open bool) {
	switch r {
	case '(', '（':
		return 0, true
	case ')', '）':
		return 0, false
	case '[', '【':
		return 1, true
	case ']', '】':
		return 1, false
	case '«':
		return 2, true
	case '»':
		return 2, false
	case '「', '『':
		return 3, true
	case '」', '』':
		return 3, false
	}
	return -1, false
}

// typoPairProblems finds, for each kind of typoPairKinds, the first
// unpaired character in cs, or -1. Guillemets pair either way: «…» in
// French, »…« in German, Danish, Czech and other languages.
func typoPairProblems(cs []typoChar) (out [4]int) {
	out = typoPairProblemsAs(cs, false)
	if out[2] >= 0 {
		if rev := typoPairProblemsAs(cs, true); rev[2] < 0 {
			out[2] = -1
		}
	}
	return out
}

func typoPairProblemsAs(cs []typoChar, reversedGuillemets bool) (out [4]int) {
	var depth [4]int
	var last [4][]int // open characters not yet closed
	out = [4]int{-1, -1, -1, -1}
	for i, c := range cs {
		if c.atom || c.r < '(' || c.r > ']' && c.r < 0xab {
			continue
		}
		k, open := typoPairRole(c.r)
		if k == 2 && reversedGuillemets {
			open = !open
			// »…« do not nest: »Speichern» und «Öffnen« is no pair.
			if open && depth[k] > 0 && out[k] < 0 {
				out[k] = i
			}
		}
		switch {
		case k < 0 || out[k] >= 0:
		case open:
			if c.r == '[' && i > 0 && cs[i-1].r == '!' {
				continue // broken image syntax
			}
			last[k] = append(last[k], i)
			depth[k]++
		case c.r == ']' && i+1 < len(cs) && cs[i+1].r == '(':
			// broken link or image syntax: link-mismatch reports it
		case depth[k] == 0:
			out[k] = i
		default:
			depth[k]--
			last[k] = last[k][:depth[k]]
		}
	}
	for k := range out {
		if out[k] < 0 && depth[k] > 0 {
			out[k] = last[k][depth[k]-1]
		}
	}
	return out
}

// typoApostrophe reports whether cs[i] (’) sits between two Latin
// letters, as in "l’utilisateur": an apostrophe, not a quote; or between
// digits, as in the Swiss 1’234.
func typoApostrophe(cs []typoChar, i int) bool {
	if i <= 0 || i+1 >= len(cs) {
		return false
	}
	a, b := cs[i-1].r, cs[i+1].r
	return unicode.Is(unicode.Latin, a) && unicode.Is(unicode.Latin, b) || a >= '0' && a <= '9' && b >= '0' && b <= '9'
}

// typoSameMarkQuotes are the languages that open and close with the same
// mark: ”Spara” in Swedish and Finnish.
var typoSameMarkQuotes = map[string]bool{"sv": true, "fi": true}

// typoQuoteProblem finds an unpaired double or single quote in cs: the
// index of an unpaired quote and its description, or -1. Double quotes do
// not nest: "…", “…”, „…“ (German), „…" and “…" pair up; « » are a pair
// kind of their own.
func typoQuoteProblem(cs []typoChar, lang string) (int, string) {
	open := -1
	for i, c := range cs {
		switch c.r {
		case '"':
			if open < 0 {
				open = i
			} else {
				open = -1
			}
		case '„':
			if open >= 0 {
				return open, fmt.Sprintf("'%c'", cs[open].r)
			}
			open = i
		case '“':
			switch {
			case open >= 0 && (lang == "de" || cs[open].r == '„'):
				open = -1 // „…“
			case open >= 0:
				return open, fmt.Sprintf("'%c'", cs[open].r)
			default:
				open = i
			}
		case '”':
			switch {
			case open >= 0:
				open = -1
			case typoSameMarkQuotes[lang]:
				open = i
			default:
				return i, "'”'"
			}
		}
	}
	if open >= 0 {
		return open, fmt.Sprintf("'%c'", cs[open].r)
	}
	// Single quotes: ’ is also the apostrophe, within a word (l’utilisateur)
	// or after one (users’), so it counts only as the closing quote of a ‘
	// (or, in Swedish and Finnish, of a ’). German nests ‚…‘.
	var opens []int
	for i, c := range cs {
		switch {
		case c.r == '‘' && len(opens) > 0 && cs[opens[len(opens)-1]].r == '‚':
			opens = opens[:len(opens)-1]
		case c.r == '‘' || c.r == '‚':
			opens = append(opens, i)
		case c.r == '’' && typoSameMarkQuotes[lang] && !typoApostrophe(cs, i) && len(opens) == 0 && i+1 < len(cs) && unicode.IsLetter(cs[i+1].r):
			opens = append(opens, i)
		case c.r != '’' || typoApostrophe(cs, i):
		case len(opens) > 0:
			opens = opens[:len(opens)-1]
		case i == 0 || !unicode.Is(unicode.Latin, cs[i-1].r):
			return i, "'’'" // not the possessive of "users’"
		}
	}
	if len(opens) > 0 {
		return opens[len(opens)-1], fmt.Sprintf("'%c'", cs[opens[len(opens)-1]].r)
	}
	return -1, ""
}

// checkPairs reports unpaired brackets and quotes in the target when the
// source's are paired. A pair split across two neighboring segments of one
// paragraph (单击" + "**保存**"。) is not reported: neighbors returns the
// targets of the segments before and after this one in its paragraph.
func checkPairs(t []typoChar, src func() []typoChar, lang string, neighbors func() [][]typoChar, report func(Range, string, ...any)) {
	split := func(unpaired func([]typoChar) bool) bool {
		for _, n := range neighbors() {
			if unpaired(n) {
				return true
			}
		}
		return false
	}
	tp := typoPairProblems(t)
	tq, what := typoQuoteProblem(t, lang)
	if tp == [4]int{-1, -1, -1, -1} && tq < 0 {
		return
	}
	sc := src()
	srcQuotes, _ := typoQuoteProblem(sc, "en")
	sp := typoPairProblems(sc)
	for k, kind := range typoPairKinds {
		i := tp[k]
		if i < 0 {
			continue
		}
		if kind.quote {
			if srcQuotes >= 0 {
				continue
			}
		} else if sp[k] >= 0 {
			continue
		}
		if split(func(n []typoChar) bool { return typoPairProblems(n)[k] >= 0 }) {
			continue
		}
		report(Range{t[i].start, t[i].end}, "unpaired '%c' in the target (%s); the source's are paired", t[i].r, kind.name)
	}
	if srcQuotes >= 0 {
		return
	}
	if i := tq; i >= 0 {
		if split(func(n []typoChar) bool { j, _ := typoQuoteProblem(n, lang); return j >= 0 }) {
			return
		}
		report(Range{t[i].start, t[i].end}, "unpaired %s quote in the target; the source's quotes are paired", what)
	}
}

// typoNeighbors returns the targets of the segments next to segment i in
// the same paragraph or cell (nothing but white space and markup between).
func typoNeighbors(pg *Page, i int) [][]typoChar {
	var out [][]typoChar
	near := func(a, b *Segment) bool {
		gap := pg.Text[a.Range.End:b.Range.Start]
		return len(gap) < 200 && !strings.Contains(gap, "\n\n") && !strings.Contains(gap, "\n\r\n") && !strings.Contains(gap, "|")
	}
	if i > 0 && near(pg.Segments[i-1], pg.Segments[i]) {
		out = append(out, typoChars(pg.Segments[i-1].Target, new([]uint8), nil))
	}
	if i+1 < len(pg.Segments) && near(pg.Segments[i], pg.Segments[i+1]) {
		out = append(out, typoChars(pg.Segments[i+1].Target, new([]uint8), nil))
	}
	return out
}

// checkEdgeSpaces compares, where segment i touches visible text (the next
// segment, or text outside the spans with no white space in between), the
// white space at the edge of its target with the source's: a target
// without the source's trailing space glues two sentences together when
// rendered ("distribuées.Vérifiez").
func checkEdgeSpaces(pg *Page, i int, lang string, report func(Range, string, ...any)) {
	if lang == "zh" || lang == "ja" {
		return // no spaces between sentences
	}
	s := pg.Segments[i]
	text := pg.Text
	lead := func(x string) bool { return x != strings.TrimLeft(x, " \t\u00a0") }
	trail := func(x string) bool { return x != strings.TrimRight(x, " \t\u00a0") }
	if s.Range.End < len(text) {
		var next *Segment
		if i+1 < len(pg.Segments) && pg.Segments[i+1].Range.Start == s.Range.End {
			next = pg.Segments[i+1]
		}
		tSpace, sSpace := trail(s.Target.Raw), trail(s.Source.Raw)
		var after string
		switch {
		case next != nil && next.HasSource && strings.TrimSpace(next.Source.Raw) != "":
			tSpace = tSpace || lead(next.Target.Raw)
			sSpace = sSpace || lead(next.Source.Raw)
			after = next.Target.Raw
		case next == nil && typoVisible(text[s.Range.End:]):
			after = text[s.Range.End:]
		}
		if after != "" && tSpace != sSpace {
			at := typoLastRune(s.Target)
			if tSpace {
				report(at, "white space between this target and the text after it where the source has none (renders %q)", typoJoin(s.Target.Raw, after))
			} else {
				report(at, "no space between this target and the text after it, where the source has one: renders %q", typoJoin(s.Target.Raw, after))
			}
		}
	}
	if before := text[:s.Range.Start]; typoVisibleBefore(before) && (i == 0 || pg.Segments[i-1].Range.End != s.Range.Start) {
		if t, src := lead(s.Target.Raw), lead(s.Source.Raw); t != src {
			at := Range{s.Target.Range.Start, s.Target.Range.Start}
			if r, size := utf8.DecodeRuneInString(s.Target.Raw); r != utf8.RuneError {
				at.End += size
			}
			if t {
				report(at, "white space between the text before this target and the target where the source has none (renders %q)", typoJoin(before, s.Target.Raw))
			} else {
				report(at, "no space between the text before this target and the target, where the source has one: renders %q", typoJoin(before, s.Target.Raw))
			}
		}
	}
}

// typoVisible reports whether s starts with visible text: not white space,
// a line end, a table cell border, an HTML tag or the end of a link text
// (a space at the end of a link text only extends the underline).
func typoVisible(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && !unicode.IsSpace(r) && r != '|' && r != '<' && r != ']'
}

// typoVisibleBefore reports whether s ends with visible text.
func typoVisibleBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && !unicode.IsSpace(r) && r != '|' && r != '>' && r != '['
}

// typoLastRune is the range of the last character of t.
func typoLastRune(t Text) Range {
	_, size := utf8.DecodeLastRuneInString(t.Raw)
	return Range{t.Range.End - size, t.Range.End}
}

// typoJoin renders the few characters on either side of a join.
func typoJoin(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 12 {
		ra = ra[len(ra)-12:]
	}
	if len(rb) > 12 {
		rb = rb[:12]
	}
	return "…" + string(ra) + string(rb) + "…"
}

func typoWordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func typoAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// hasDash reports whether s holds a hyphen or an en dash, byte by byte
// (strings.ContainsAny decodes every character of a set that is not
// ASCII).
func hasDash(s string) bool {
	return strings.IndexByte(s, '-') >= 0 || strings.Contains(s, "–")
}

// spacedDashes counts the dashes set between spaces (a space or NBSP on
// each side, then something other than a space: "Part 2 - Protection",
// "**2** - Indicates"), separators, outside hidden (sorted ranges of code,
// tags, link destinations).
func spacedDashes(s string, hidden []Range) int {
	n := 0
	for i := 0; i < len(s); {
		d, w := nextDash(s, i)
		if d < 0 {
			break
		}
		i = d + w
		before, sp1 := spaceBefore(s, d)
		after, sp2 := spaceAfter(s, d+w)
		if !sp1 || !sp2 {
			continue
		}
		// A character other than an ASCII space, tab or line end on each
		// side of the spaces.
		r1, w1 := utf8.DecodeLastRuneInString(s[:before])
		r2, w2 := utf8.DecodeRuneInString(s[after:])
		if w1 == 0 || w2 == 0 || asciiSpace(r1) || asciiSpace(r2) || overlaps(hidden, d, d+w) {
			continue
		}
		n++
	}
	return n
}

// nextDash finds the first hyphen, en dash or em dash of s at or after
// byte i, and its width; -1 when there is none. The dashes' lead byte is
// looked for byte by byte (strings.IndexAny decodes every character when
// its set is not ASCII).
func nextDash(s string, i int) (int, int) {
	for i < len(s) {
		k := indexByte2(s[i:], '-', 0xe2)
		if k < 0 {
			return -1, 0
		}
		d := i + k
		if s[d] == '-' {
			return d, 1
		}
		if strings.HasPrefix(s[d:], "–") || strings.HasPrefix(s[d:], "—") {
			return d, len("–")
		}
		i = d + 1
	}
	return -1, 0
}

// indexByte2 is the first index of a or b in s, or -1.
func indexByte2(s string, a, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == a || s[i] == b {
			return i
		}
	}
	return -1
}

// spaceBefore and spaceAfter find a space or NBSP just before byte i, or
// at i, and return the byte where it starts, or ends.
func spaceBefore(s string, i int) (int, bool) {
	switch {
	case i >= 1 && s[i-1] == ' ':
		return i - 1, true
	case i >= 2 && s[i-2:i] == "\u00a0":
		return i - 2, true
	}
	return i, false
}

func spaceAfter(s string, i int) (int, bool) {
	switch {
	case i < len(s) && s[i] == ' ':
		return i + 1, true
	case strings.HasPrefix(s[i:], "\u00a0"):
		return i + 2, true
	}
	return i, false
}

// asciiSpace is what \s means to Go's regular expressions.
func asciiSpace(r rune) bool { return r < utf8.RuneSelf && isSpaceByte(byte(r)) }

// lopsidedDashRe finds a dash with a space on one side only, a word on the
// other: "**2** -indique", "Teil 2- Schutz".
var lopsidedDashRe = regexp.MustCompile(`[^\s\-–—][ \x{00a0}][-–][^\s\-–—]|[^\s\-–—][-–][ \x{00a0}][^\s\-–—]`)

// typoSuspendedHyphen are the words after which a hyphen glued to the word
// before and followed by a space is a suspended one ("POST- und GET-
// Vorgänge", "pré- et post-traitement"), not a separator.
var typoSuspendedHyphen = map[string]bool{"und": true, "oder": true, "bzw": true, "sowie": true, "bis": true,
	"and": true, "or": true, "to": true, "et": true, "ou": true, "à": true, "y": true, "o": true, "e": true, "en": true, "of": true}

// checkSpacedDashes reports, in a target that has fewer dashes between
// spaces than its source, each dash with a space on one side only: the
// translation glued the separator to a word ("**2** -indique le",
// "Partie 2- Protection"). The fix sets it between spaces. A "-Name" the
// source has too is a parameter (-Identity), and a hyphen before "und",
// "et"... a suspended one. Chinese and Japanese write their dashes their
// own way and are left alone.
func checkSpacedDashes(s *Segment, lang string, report func(Range, string, ...any)) {
	if lang == "zh" || lang == "ja" || lang == "ko" {
		return
	}
	src, tgt := s.Source.Raw, s.Target.Raw
	// Most segments have no dash between spaces at all: no ranges to
	// build, no regular expression to run (this check ran on every
	// segment of the corpus and cost a tenth of all rules' time).
	if !hasDash(tgt) || spacedDashes(src, nil) == 0 {
		return
	}
	// Code, tags and link destinations, sorted once: each dash is looked
	// up (a page of thousands of links).
	srcHidden, tgtHidden := sortMerge(proseSkips(s.Source)), sortMerge(proseSkips(s.Target))
	lacking := spacedDashes(src, srcHidden) - spacedDashes(tgt, tgtHidden)
	if lacking <= 0 {
		return
	}
	// The source's "-Word" tokens (parameters), once: each dash of the
	// target looks its word up.
	var params map[string]bool
	hasParam := func(word string) bool {
		if params == nil {
			params = map[string]bool{}
			for i := 0; i < len(src); i++ {
				if src[i] != '-' {
					continue
				}
				w := src[i:]
				if e := strings.IndexAny(w, " \t\n,.;:)"); e >= 0 {
					w = w[:e]
				}
				params[w] = true
			}
		}
		return params[word]
	}
	for _, m := range lopsidedDashRe.FindAllStringIndex(tgt, -1) {
		// The dash and its one space, within the match.
		k := m[0] + 1
		for k < m[1] && tgt[k] != '-' && !strings.HasPrefix(tgt[k:], "–") {
			k++
		}
		dashLen := 1
		if tgt[k] != '-' {
			dashLen = len("–")
		}
		if overlaps(tgtHidden, k, k+1) {
			continue
		}
		spaceBefore := k > 0 && (tgt[k-1] == ' ' || strings.HasSuffix(tgt[:k], "\u00a0"))
		// The word on the dash's other side: a dash before punctuation
		// ("&amp-; SR", a URL torn apart) separates nothing.
		other := tgt[k+dashLen:]
		if !spaceBefore {
			other = strings.TrimLeft(other, " \u00a0")
		}
		if r, _ := utf8.DecodeRuneInString(other); other == "" || strings.ContainsRune(";:,.?)]}", r) || r == '!' && !strings.HasPrefix(other, "![") {
			continue
		}
		if spaceBefore {
			// " -indique": a parameter if the source has the same "-Word";
			// a suspended hyphen after a conjunction ("und -kennwörter").
			word := tgt[k:]
			if e := strings.IndexAny(word, " \t\n,.;:)"); e >= 0 {
				word = word[:e]
			}
			before := strings.TrimRight(tgt[:k], " \u00a0")
			prev := before[strings.LastIndexAny(before, " \t\n(")+1:]
			if hasParam(word) || typoSuspendedHyphen[strings.ToLower(prev)] {
				continue
			}
		} else {
			// "POST- und": a suspended hyphen before a conjunction.
			next := strings.TrimLeft(tgt[k+dashLen:], " \u00a0")
			if e := strings.IndexAny(next, " \t\n,.;:"); e >= 0 {
				next = next[:e]
			}
			if typoSuspendedHyphen[strings.ToLower(strings.TrimSuffix(next, "."))] {
				continue
			}
		}
		r := Range{Start: s.Target.Range.Start + k, End: s.Target.Range.Start + k + dashLen}
		var fix Edit
		if spaceBefore {
			fix = Edit{Range: Range{Start: r.End, End: r.End}, New: " "}
		} else {
			fix = Edit{Range: Range{Start: r.Start, End: r.Start}, New: " "}
		}
		// The words on each side of the dash, as the message's excerpt.
		a := strings.LastIndexAny(tgt[:m[0]+1], " \t\n") + 1
		b := m[1] - 1
		if e := strings.IndexAny(tgt[b:], " \t\n"); e >= 0 {
			b += e
		} else {
			b = len(tgt)
		}
		report(r, "dash glued to a word where the source sets it between spaces: %q", strings.TrimSpace(tgt[a:b]), fix)
		if lacking--; lacking == 0 {
			return
		}
	}
}
