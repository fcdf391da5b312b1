package rules

import (
	"fmt"
	"html"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// DoNotTranslate reports product names and other fixed terms that the
// translation changed or dropped.
var DoNotTranslate = Register(&Rule{
	ID:       "do-not-translate",
	Aliases:  []string{"dnt", "product-names"},
	Tags:     []string{"segment", "terminology"},
	Severity: Warning,
	Short:    "A product name or other do-not-translate term of the source is translated, re-cased or missing in the target",
	Doc: `Reports a do-not-translate term, such as the product name "Exchange Online", that the source
of a segment has and its target does not keep as written.

A term is found in the source case-sensitively and as whole words; the space inside it may be any
run of spaces or no-break spaces, markup around it does not matter. The target must have it as
many times as the source, written the same way (a trailing "s", the German genitive "des Sways",
is accepted) or in one of its allowed forms. Otherwise the rule reports:

  - each occurrence written with another case or without its space, at that occurrence:
      "Office 365" must stay as written: the target has "office 365"
  - a target without the term at all, on the whole target:
      "Microsoft Teams" must stay as written: the source has it, the target does not
  - a target with fewer occurrences than the source, only when pieces of the term are left
    elsewhere in the target ("service 365 Office"), from the first piece to the last; fewer
    occurrences alone are a pronoun or a shorter wording ("Office 365 ... il"), not reported.

Longer terms are matched first: "Microsoft Teams" translated "Microsoft 团队" is one finding
about "Microsoft Teams", and the "OneDrive" of "OneDrive for Business" does not count for
"OneDrive". Code spans, link and image destinations, HTML tags, and URLs written as text are
not searched; a lower-case "outlook" in a domain name or an e-mail address is not a variant.
Pages in the source language and segments with an empty target are skipped.

The terms are the configuration key do-not-translate, the option terms and, unless the option
defaults is false, these Microsoft product names, kept in English by the human-translated
French, German and Chinese Microsoft documentation:

  ` + wrapList(defaultDoNotTranslate, 94, "  ") + `

Names that Microsoft's own translations translate ("Office 365 Message Encryption", "Outlook on
the web", "Advanced eDiscovery") are not among them, nor are "Microsoft", "Windows" and
"Exchange" alone: "Microsoft recommends" is rightly translated "nous recommandons", "Key
Exchange" and "your Exchange server" are not names.

Options:
  terms          extra do-not-translate terms (default none)
  defaults       check the built-in product names above (default true)
  ignore-case    accept a term written with another case or without its space: report only
                 terms that are missing (default false)
  allowed-forms  accepted localized forms, as "TERM=FORM" or "LOCALE:TERM=FORM", where LOCALE is
                 a locale (fr-CA) or a language (fr) the form is limited to. Setting the option
                 replaces the default, the official forms of the human-translated pages:
                 ` + strings.Join(defaultAllowedForms, "\n                 ") + `
                 German MT writes "OneDrive für Unternehmen" where the human translation keeps
                 "OneDrive for Business"; add "de:OneDrive for Business=OneDrive für Unternehmen"
                 if your terminology accepts it.`,
	Options: []Option{
		{Name: "terms", Default: []string{}, Doc: "extra do-not-translate terms"},
		{Name: "defaults", Default: true, Doc: "check the built-in Microsoft product names"},
		{Name: "ignore-case", Default: false, Doc: "accept a term written with another case"},
		{Name: "allowed-forms", Default: defaultAllowedForms, Doc: `accepted localized forms: "TERM=FORM" or "LOCALE:TERM=FORM"`},
	},
	Run:         runDoNotTranslate,
	Monolingual: true,
})

// defaultDoNotTranslate are product names Microsoft keeps in English in its
// fr-FR, de-DE and zh-CN documentation (measured on the human-translated
// pages of the shared corpus).
var defaultDoNotTranslate = []string{
	"Microsoft 365", "Office 365", "Azure", "Azure Active Directory", "Azure AD",
	"Azure Information Protection", "Cloud App Security", "Exchange Online", "Exchange Online Protection",
	"SharePoint", "SharePoint Online", "OneDrive", "OneDrive for Business",
	"Skype for Business", "Microsoft Teams", "Intune", "Power BI", "PowerShell", "Outlook", "Yammer",
	"Delve", "Sway", "Excel", "PowerPoint", "OneNote", "Visio", "Dynamics 365", "Microsoft Flow",
}

// ProductNames returns the built-in do-not-translate product names: words a
// translation keeps (the engine pairs the blocks of monolingual pages by
// them, among others).
func ProductNames() []string { return slices.Clone(defaultDoNotTranslate) }

// wrapList joins items with ", " in lines of at most width characters,
// each line after the first starting with indent.
func wrapList(items []string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, it := range items {
		piece := it
		if i < len(items)-1 {
			piece += ","
		}
		if line > 0 && line+1+len(piece) > width {
			b.WriteString("\n" + indent)
			line = 0
		} else if line > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(piece)
		line += len(piece)
	}
	return b.String()
}

// defaultAllowedForms are the official localized forms of default terms.
var defaultAllowedForms = []string{
	"fr:OneDrive for Business=OneDrive Entreprise",
	"fr:Skype for Business=Skype Entreprise",
	"zh:Azure Information Protection=Azure 信息保护",
}

// dntTerm is a do-not-translate term with its forms for the page's locale.
type dntTerm struct {
	term  string
	forms []string // the term, then its allowed forms
	match []*termMatcher
}

func runDoNotTranslate(p *Pass) {
	loc := p.Page.Locale
	if loc == "" || locale.Language(loc) == locale.Language(p.Page.SourceLocale) || len(p.Page.Segments) == 0 {
		return
	}
	e := cachedDNTTerms(p, loc)
	if len(e.terms) == 0 {
		return
	}
	ignoreCase := p.Bool("ignore-case")
	var idx []int
	var some []*dntTerm
	for _, s := range p.Page.Segments {
		if !s.HasSource || blank(s.Target) {
			continue
		}
		// Only the terms whose first word the source has can be there.
		idx = e.candidates(s.Source.Raw, idx[:0])
		if len(idx) == 0 {
			continue
		}
		some = some[:0]
		for _, i := range idx {
			some = append(some, e.terms[i])
		}
		checkDoNotTranslate(p, s, some, e.terms, ignoreCase)
	}
}

// dntCache holds the terms and their index by first word (to look at a
// segment's own terms only) by configuration and locale: building the
// matchers of a hundred terms for every page was a third of the rule's
// time (pprof). The matchers are read-only.
var dntCache sync.Map

type dntEntry struct {
	terms []*dntTerm
	// byWord indexes the terms by their first run of ASCII letters and
	// digits ("C" for "C#", "Microsoft" for "Microsoft 365"); always are
	// the terms without one, looked for in every segment.
	byWord map[string][]int
	always []int
}

func newDNTEntry(terms []*dntTerm) *dntEntry {
	e := &dntEntry{terms: terms, byWord: map[string][]int{}}
	for i, t := range terms {
		w := firstASCIIWord(t.term)
		if w == "" {
			e.always = append(e.always, i)
			continue
		}
		e.byWord[w] = append(e.byWord[w], i)
	}
	return e
}

// candidates appends to out, in the terms' order, the indexes of the terms
// whose first word is a word of s (runs of ASCII letters and digits), and
// the terms that have none. A list of thousands of terms is so looked up
// word by word, not tried term by term on every segment.
func (e *dntEntry) candidates(s string, out []int) []int {
	out = append(out, e.always...)
	for i := 0; i < len(s); {
		if !isASCIIWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWordByte(s[j]) {
			j++
		}
		out = append(out, e.byWord[s[i:j]]...)
		i = j
	}
	if len(out) > 1 {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// firstASCIIWord is the first run of ASCII letters and digits of term.
func firstASCIIWord(term string) string {
	i := 0
	for i < len(term) && !isASCIIWordByte(term[i]) {
		i++
	}
	j := i
	for j < len(term) && isASCIIWordByte(term[j]) {
		j++
	}
	return term[i:j]
}

func cachedDNTTerms(p *Pass, loc string) *dntEntry {
	var key strings.Builder
	key.WriteString(loc)
	fmt.Fprintf(&key, "\x00%v", p.Bool("defaults"))
	for _, list := range [][]string{p.DoNotTranslate, p.Strings("terms"), p.Strings("allowed-forms")} {
		key.WriteByte(0)
		for _, t := range list {
			key.WriteString(t)
			key.WriteByte(1)
		}
	}
	if e, ok := dntCache.Load(key.String()); ok {
		return e.(*dntEntry)
	}
	v, _ := dntCache.LoadOrStore(key.String(), newDNTEntry(dntTerms(p, loc)))
	return v.(*dntEntry)
}

// dntTerms collects the configured, optional and built-in terms, longest
// first, with the allowed forms that apply to loc.
func dntTerms(p *Pass, loc string) []*dntTerm {
	var list []string
	list = append(list, p.DoNotTranslate...)
	list = append(list, p.Strings("terms")...)
	if p.Bool("defaults") {
		list = append(list, defaultDoNotTranslate...)
	}
	byTerm := map[string]*dntTerm{}
	var out []*dntTerm
	for _, t := range list {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || byTerm[t] != nil {
			continue
		}
		d := &dntTerm{term: t, forms: []string{t}}
		byTerm[t] = d
		out = append(out, d)
	}
	for _, f := range p.Strings("allowed-forms") {
		term, form, ok := parseAllowedForm(f, loc)
		if ok && byTerm[term] != nil {
			byTerm[term].forms = append(byTerm[term].forms, form)
		}
	}
	for _, d := range out {
		for _, f := range d.forms {
			d.match = append(d.match, newTermMatcher(f, false, nil, []string{"s"}))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i].term) > utf8.RuneCountInString(out[j].term)
	})
	return out
}

// parseAllowedForm reads "TERM=FORM" or "LOCALE:TERM=FORM"; ok is false when
// the entry is malformed or limited to another locale than loc.
func parseAllowedForm(s, loc string) (term, form string, ok bool) {
	if before, after, found := strings.Cut(s, ":"); found && !strings.ContainsAny(before, " =") {
		if l, valid := locale.Normalize(before); valid {
			if l != loc && l != locale.Language(loc) {
				return "", "", false
			}
			s = after
		}
	}
	term, form, ok = strings.Cut(s, "=")
	term, form = strings.Join(strings.Fields(term), " "), strings.Join(strings.Fields(form), " ")
	return term, form, ok && term != "" && form != ""
}

// checkDoNotTranslate checks the terms that may be in the source of s (all
// is every term of the list, in the same order).
func checkDoNotTranslate(p *Pass, s *Segment, terms, all []*dntTerm, ignoreCase bool) {
	if keptAsIs(s, terms) {
		return
	}
	src := newTermView(s.Source)
	srcMask := make([]bool, len(src.s))
	// counts are the source's occurrences of each term.
	counts := make([]int, len(terms))
	found := false
	for i, t := range terms {
		if strings.Contains(src.s, firstWord(t.term)) {
			counts[i] = len(t.match[0].find(src.s, srcMask, true))
			found = found || counts[i] > 0
		}
	}
	if !found {
		return
	}
	// The source's terms are marked in the target, longest first, so that
	// "Microsoft Teams" is not also counted as "Microsoft", and so are the
	// variants of a term the target lacks before shorter terms are looked for.
	tgt := newTermView(s.Target)
	tgtMask := make([]bool, len(tgt.s))
	var fewer [][3]int // term, source and target counts
	for i, t := range terms {
		if counts[i] == 0 {
			continue
		}
		nt := 0
		for _, m := range t.match {
			nt += len(m.find(tgt.s, tgtMask, true))
		}
		ns := counts[i]
		if nt >= ns {
			continue
		}
		// Occurrences written with another case or without their spaces
		// ("office 365", "Office365"), outside URLs and addresses.
		var variants [][2]int
		for _, f := range t.forms {
			m := newTermMatcher(f, true, nil, []string{"s"})
			m.loose = true
			for _, r := range m.find(tgt.s, tgtMask, false) {
				if nt+len(variants) < ns && !inAddress(tgt.s, r[0], r[1]) {
					variants = append(variants, r)
					markMask(tgtMask, r)
				}
			}
		}
		if ignoreCase {
			nt, variants = nt+len(variants), nil
			if nt >= ns {
				continue
			}
		}
		sort.Slice(variants, func(i, j int) bool { return variants[i][0] < variants[j][0] })
		for _, r := range variants {
			p.ReportSegmentAt(s, tgt.rangeOf(r[0], r[1]), "%s must stay as written: the target has %q", dntQuote(t), tgt.text(r[0], r[1]))
		}
		switch {
		case len(variants) > 0:
		case nt == 0:
			p.ReportSegment(s, "%s must stay as written: the source has it, the target does not", dntQuote(t))
		default:
			fewer = append(fewer, [3]int{i, ns, nt})
		}
	}
	// Fewer occurrences: a pronoun or a shorter wording is fine, pieces of
	// the name left in the target ("service 365 Office") are not. Every
	// term of the list is masked first, those the source lacks too
	// ("Microsoft 365" is not a piece of "Office 365").
	if len(fewer) > 0 {
		for _, t := range all {
			for _, m := range t.match {
				m.find(tgt.s, tgtMask, true)
			}
		}
	}
	for _, f := range fewer {
		t := terms[f[0]]
		if pieces, at := dntPieces(t.term, &src, srcMask, &tgt, tgtMask); len(pieces) > 0 {
			p.ReportSegmentAt(s, at, "%s must stay as written: the source has it %s, the target %s and pieces of it elsewhere (%s)",
				dntQuote(t), dntTimes(f[1]), dntTimes(f[2]), strings.Join(pieces, ", "))
		}
	}
}

// keptAsIs is a quick check that every term of the raw source text occurs
// in the raw target at least as many times, written the same way, so that
// the segment needs no closer look.
func keptAsIs(s *Segment, terms []*dntTerm) bool {
	for _, t := range terms {
		ns := countWord(s.Source.Raw, t.term)
		if ns == 0 {
			continue
		}
		nt := 0
		for _, f := range t.forms {
			nt += countWord(s.Target.Raw, f)
		}
		if nt < ns {
			return false
		}
	}
	return true
}

// countWord counts the occurrences of w in s that are not part of a longer
// word.
func countWord(s, w string) int {
	n := 0
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return n
		}
		start, end := i+k, i+k+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isTermWordRune(before)) && (end == len(s) || !isTermWordRune(after)) {
			n++
		}
		i = end
	}
}

// dntPieces returns the words of term (those with a capital letter or a
// digit) that the target has outside the terms more often than the source,
// quoted, and the range from the first to the last of them.
func dntPieces(term string, src *termView, srcMask []bool, tgt *termView, tgtMask []bool) ([]string, Range) {
	var pieces []string
	first, last := -1, -1
	for _, w := range strings.Fields(term) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		m := newTermMatcher(w, false, nil, nil)
		found := m.find(tgt.s, tgtMask, false)
		if len(found) <= len(m.find(src.s, srcMask, false)) {
			continue
		}
		pieces = append(pieces, fmt.Sprintf("%q", w))
		for _, r := range found {
			if first < 0 || r[0] < first {
				first = r[0]
			}
			if r[1] > last {
				last = r[1]
			}
		}
	}
	if len(pieces) == 0 {
		return nil, Range{}
	}
	return pieces, tgt.rangeOf(first, last)
}

func dntTimes(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// dntQuote names a term and its allowed forms for a message.
func dntQuote(t *dntTerm) string {
	q := fmt.Sprintf("%q", t.term)
	if len(t.forms) > 1 {
		var alt []string
		for _, f := range t.forms[1:] {
			alt = append(alt, fmt.Sprintf("%q", f))
		}
		q += " (or " + strings.Join(alt, " or ") + ")"
	}
	return q
}

// inAddress reports whether s[i:j] is part of a domain name, URL, e-mail
// address or file name ("docs.microsoft.com", "admin@microsoft.com").
func inAddress(s string, i, j int) bool {
	if i > 0 && (s[i-1] == '.' || s[i-1] == '@' || s[i-1] == '/') {
		return true
	}
	if j < len(s) && (s[j] == '@' || s[j] == '/' || s[j] == '.' && j+1 < len(s) && isASCIILetter(s[j+1])) {
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func firstWord(term string) string {
	if i := strings.IndexByte(term, ' '); i >= 0 {
		return term[:i]
	}
	return term
}

func isASCIIWordByte(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// termView is one side of a segment as prose for term matching: code spans,
// HTML tags, link destinations and autolinks blanked out, emphasis markers
// and link brackets turned into word boundaries, escapes and entities
// decoded, URLs written as text blanked out, white space folded to single
// spaces, typographic apostrophes to '. For each byte of s, start and end
// are the page offsets it came from, so that a match reports its exact
// range in the page; they are computed on the first rangeOf.
type termView struct {
	s          string
	t          Text
	start, end []int
}

// termBoundary marks a word boundary that is not white space, such as an
// emphasis marker: "Exchange 2013**Raccourcis".
const termBoundary = '\x00'

func newTermView(t Text) termView { return buildTermView(t, false) }

func (v *termView) rangeOf(i, j int) Range {
	if v.start == nil {
		*v = buildTermView(v.t, true)
	}
	return Range{v.start[i], v.end[j-1]}
}

// text is s[i:j] without boundary markers.
func (v *termView) text(i, j int) string {
	return strings.ReplaceAll(v.s[i:j], string(termBoundary), "")
}

type termCut struct {
	start, end int
	repl       string
}

func buildTermView(t Text, withMap bool) termView {
	var buf [8]termCut
	cuts := buf[:0]
	for _, c := range t.Code {
		cuts = append(cuts, termCut{c.Range.Start, c.Range.End, " "})
	}
	for _, g := range t.Tags {
		cuts = append(cuts, termCut{g.Range.Start, g.Range.End, " "})
	}
	for _, d := range t.Emphasis {
		cuts = append(cuts, termCut{d.Range.Start, d.Range.End, string(termBoundary)})
	}
	for _, e := range t.Escapes {
		cuts = append(cuts, termCut{e.Range.Start, e.Range.End, string(e.Char)})
	}
	for _, l := range t.Links {
		label, ok := l.LabelRange()
		if !ok {
			cuts = append(cuts, termCut{l.Range.Start, l.Range.End, " "})
			continue
		}
		cuts = append(cuts, termCut{l.Range.Start, label.Start, string(termBoundary)}, termCut{label.End, l.Range.End, string(termBoundary)})
	}
	if len(cuts) > 1 {
		sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	}
	b := termViewBuilder{withMap: withMap, sepStart: -1}
	b.out = make([]byte, 0, len(t.Raw))
	if withMap {
		b.start, b.end = make([]int, 0, len(t.Raw)), make([]int, 0, len(t.Raw))
	}
	base, raw := t.Range.Start, t.Raw
	pos := 0
	for _, c := range cuts {
		s, e := c.start-base, c.end-base
		if s < pos || e > len(raw) || s > e {
			continue // nested in an earlier cut
		}
		b.raw(raw[pos:s], base+pos)
		b.add(c.repl, c.start, c.end)
		pos = e
	}
	b.raw(raw[pos:], base+pos)
	b.flush()
	return termView{s: string(b.out), t: t, start: b.start, end: b.end}
}

// termViewBuilder writes a term view, folding runs of white space and
// boundaries as it goes.
type termViewBuilder struct {
	out        []byte
	withMap    bool
	start, end []int
	// A pending run of separators: from sepStart to sepEnd in the page,
	// with white space or not.
	sepStart, sepEnd int
	sepSpace         bool
}

// add appends s, which stands for the page range [from, to).
func (b *termViewBuilder) add(s string, from, to int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		b.rune(r, s[i:i+n], from, to)
		i += n
	}
}

func (b *termViewBuilder) rune(r rune, enc string, from, to int) {
	space := unicode.IsSpace(r)
	if space || r == termBoundary || r == '\u200b' {
		if b.sepStart < 0 {
			b.sepStart = from
		}
		b.sepEnd, b.sepSpace = to, b.sepSpace || space
		return
	}
	b.flush()
	if r == '’' || r == '‘' {
		enc = "'"
	}
	b.out = append(b.out, enc...)
	if b.withMap {
		for range len(enc) {
			b.start, b.end = append(b.start, from), append(b.end, to)
		}
	}
}

func (b *termViewBuilder) flush() {
	if b.sepStart < 0 {
		return
	}
	c := byte(termBoundary)
	if b.sepSpace {
		c = ' '
	}
	b.out = append(b.out, c)
	if b.withMap {
		b.start, b.end = append(b.start, b.sepStart), append(b.end, b.sepEnd)
	}
	b.sepStart, b.sepSpace = -1, false
}

// raw appends text found at page offset off, decoding entities and blanking
// URLs written as text.
func (b *termViewBuilder) raw(s string, off int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '&' {
			if j := strings.IndexByte(s[i:min(len(s), i+12)], ';'); j > 1 {
				if d := html.UnescapeString(s[i : i+j+1]); d != s[i:i+j+1] {
					b.add(d, off+i, off+i+j+1)
					i += j + 1
					continue
				}
			}
		}
		// A URL starts after anything that is no part of a word or of a URL
		// (a space, a parenthesis, a quote: « https://x/setup.exe »).
		if (c == 'h' || c == 'w') && (i == 0 || !isASCIIWordByte(s[i-1]) && !strings.ContainsRune("./@-_", rune(s[i-1]))) &&
			(strings.HasPrefix(s[i:], "http://") || strings.HasPrefix(s[i:], "https://") || strings.HasPrefix(s[i:], "www.")) {
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n)\"<", rune(s[j])) {
				j++
			}
			b.rune(' ', " ", off+i, off+j)
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			b.rune(rune(c), s[i:i+1], off+i, off+i+1)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.rune(r, s[i:i+n], off+i, off+i+n)
		i += n
	}
}

// termMatcher finds a term in a term view: its words in order, as whole
// words, separated by a space (or nothing next to CJK text), each word
// optionally followed by one of the inflection endings.
type termMatcher struct {
	words   []string
	fold    bool     // case-insensitive
	loose   bool     // words may also be separated by nothing ("Office365")
	inWord  bool     // the term may start and end inside words (compounds)
	endings []string // endings any word may take
	last    []string // endings the last word may take
	// key is the lower case of the first word when it is one word of
	// wordStarts ("" otherwise): see anchorKey.
	key string
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'")

func newTermMatcher(term string, fold bool, endings, last []string) *termMatcher {
	term = apostrophes.Replace(term)
	m := &termMatcher{words: strings.Fields(term), fold: fold, endings: endings, last: last}
	if len(m.words) > 0 {
		var b strings.Builder
		for _, r := range m.words[0] {
			if !isTermWordRune(r) {
				b.Reset()
				break
			}
			b.WriteRune(unicode.ToLower(r))
		}
		m.key = b.String()
	}
	return m
}

// find returns the non-overlapping occurrences [i, j) in s that touch no
// masked byte (mask may be nil); with mark, it masks them.
func (m *termMatcher) find(s string, mask []bool, mark bool) [][2]int {
	if len(m.words) == 0 {
		return nil
	}
	var out [][2]int
	first, _ := utf8.DecodeRuneInString(m.words[0])
	lowerFirst := unicode.ToLower(first)
	// Case-insensitively, an ASCII first letter is found by its two bytes
	// (memchr) rather than by lower-casing every character: a glossary of
	// thousands of terms runs this for each term a segment may hold. Not
	// for k and i, which a non-ASCII letter also lower-cases to (the
	// Kelvin sign, the dotted capital I).
	jump := m.fold && lowerFirst < utf8.RuneSelf && lowerFirst != 'k' && lowerFirst != 'i' && unicode.IsLetter(lowerFirst)
	upperFirst := byte(unicode.ToUpper(lowerFirst))
	nextLo, nextUp := -1, -1 // the next lower- and upper-case first byte at or after i (-1: not looked up)
	for i := 0; i < len(s); {
		if !m.fold {
			k := strings.Index(s[i:], m.words[0])
			if k < 0 {
				break
			}
			i += k
		} else if jump {
			if nextLo < i && nextLo != len(s) {
				if k := strings.IndexByte(s[i:], byte(lowerFirst)); k >= 0 {
					nextLo = i + k
				} else {
					nextLo = len(s)
				}
			}
			if nextUp < i && nextUp != len(s) {
				if k := strings.IndexByte(s[i:], upperFirst); k >= 0 {
					nextUp = i + k
				} else {
					nextUp = len(s)
				}
			}
			if i = min(nextLo, nextUp); i >= len(s) {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if m.fold && r != first && unicode.ToLower(r) != lowerFirst {
			i += size
			continue
		}
		if isTermWordRune(first) && i > 0 && !m.inWord {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); isTermWordRune(r) {
				i += size
				continue
			}
		}
		if j, ok := m.matchAt(s, i, mask, mark); ok {
			out = append(out, [2]int{i, j})
			i = j
			continue
		}
		i += size
	}
	return out
}

// matchAt matches the term at i, where the matching of find and findAt
// meet: an occurrence [i, j) that touches no masked byte, masked with mark.
func (m *termMatcher) matchAt(s string, i int, mask []bool, mark bool) (int, bool) {
	j, ok := m.matchWord(s, i, 0)
	if !ok || masked(mask, i, j) {
		return 0, false
	}
	if mark && mask != nil {
		markMask(mask, [2]int{i, j})
	}
	return j, true
}

// anchorKey returns the key findAt's offsets are indexed under
// (wordStarts): the lower case of the first word, when that word is one
// word of wordStarts and the matcher matches only from a word start
// (case-insensitive, not inside words, not loose).
func (m *termMatcher) anchorKey() (string, bool) {
	if m.key == "" || !m.fold || m.inWord || m.loose {
		return "", false
	}
	return m.key, true
}

// findAt is find trying only the offsets at, in order: where a word whose
// key is the matcher's anchorKey starts. find matches only there (a match
// starts a word, and its first word, with an ending, is the whole word),
// so both find the same occurrences.
func (m *termMatcher) findAt(s string, at []int, mask []bool, mark bool) [][2]int {
	var out [][2]int
	end := 0
	for _, i := range at {
		if i < end {
			continue
		}
		if j, ok := m.matchAt(s, i, mask, mark); ok {
			out = append(out, [2]int{i, j})
			end = j
		}
	}
	return out
}

func (m *termMatcher) matchWord(s string, i, k int) (int, bool) {
	w := m.words[k]
	n, ok := hasPrefixFold(s[i:], w, m.fold)
	if !ok {
		return 0, false
	}
	j := i + n
	last := k == len(m.words)-1
	endings := m.endings
	if last {
		endings = append(endings[:len(endings):len(endings)], m.last...)
	}
	for e := -1; e < len(endings); e++ {
		jj := j
		if e >= 0 {
			n, ok := hasPrefixFold(s[jj:], endings[e], m.fold)
			if !ok {
				continue
			}
			jj += n
		}
		if last {
			wr, _ := utf8.DecodeLastRuneInString(w)
			if !isTermWordRune(wr) || jj == len(s) || m.inWord {
				return jj, true
			}
			if r, _ := utf8.DecodeRuneInString(s[jj:]); !isTermWordRune(r) {
				return jj, true
			}
			continue
		}
		next := jj
		switch {
		case next < len(s) && (s[next] == ' ' || s[next] == termBoundary):
			next++ // a space, or markup only: "**boîtes aux lettres**inactives"
		case m.loose || m.touches(k):
			// Words may touch: "Office365" in a variant, "Azure信息保护".
		default:
			continue
		}
		if end, ok := m.matchWord(s, next, k+1); ok {
			return end, true
		}
	}
	return 0, false
}

// touches reports whether word k and k+1 of the term may touch: next to
// CJK text.
func (m *termMatcher) touches(k int) bool {
	a, _ := utf8.DecodeLastRuneInString(m.words[k])
	b, _ := utf8.DecodeRuneInString(m.words[k+1])
	return isCJK(a) || isCJK(b)
}

// hasPrefixFold reports whether s starts with p (case-insensitively with
// fold) and the length of the prefix in s.
func hasPrefixFold(s, p string, fold bool) (int, bool) {
	if !fold {
		return len(p), strings.HasPrefix(s, p)
	}
	i := 0
	for _, pr := range p {
		if i >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != pr && unicode.ToLower(r) != unicode.ToLower(pr) {
			return 0, false
		}
		i += n
	}
	return i, true
}

// isTermWordRune reports whether r continues a word: a letter or digit of a
// script that separates words with spaces.
func isTermWordRune(r rune) bool {
	// The common cases first, without the Unicode tables (a long glossary
	// asks this of every character around every candidate).
	switch {
	case r < utf8.RuneSelf:
		return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'
	case r >= 0xc0 && r <= 0x24f:
		return r != 0xd7 && r != 0xf7 // × and ÷
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func masked(mask []bool, i, j int) bool {
	if mask == nil {
		return false
	}
	for k := i; k < j; k++ {
		if mask[k] {
			return true
		}
	}
	return false
}

func markMask(mask []bool, r [2]int) {
	for k := r[0]; k < r[1]; k++ {
		mask[k] = true
	}
}
