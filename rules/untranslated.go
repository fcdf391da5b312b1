package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// Untranslated reports targets left in the source language.
var Untranslated = Register(&Rule{
	ID:       "untranslated",
	Aliases:  []string{"same-as-source"},
	Tags:     []string{"segment", "language"},
	Severity: Warning,
	Short:    "The target is identical to the source, or still in the source language, where the segment holds prose",
	Doc: `Reports segments whose target is still in the source language:

  - the target equals the source (ignoring white space, markup and typographic quotes), or
  - for a locale written in another script (zh-CN, ja-JP, ko-KR, ru-RU ...), the target has
    no character of that script, or
  - for a Latin-script locale, the target reads as English: it is made mostly of English
    function words (the, and, of, to, with, you ...) and none of the target language's (known
    for French, German, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Norwegian, Polish,
    Czech, Turkish, Finnish, Indonesian, Romanian, Hungarian and Vietnamese; words these share
    with English, such as "in", prove nothing). Other Latin-script locales get the first check only.

Only segments that hold translatable prose are checked: the source must have at least
min-words words outside code spans, URLs, numbers and do-not-translate terms, including at least
one lower-case function word. Product names ("Intune", "Power BI"), UI labels, identifiers, code,
URLs, numbers and dates are legitimately identical and are not reported, nor are lists of codes
or keywords, and the entries of a classifier's keyword list (list items all in lower case, without
a sentence's end, under a heading such as Keyword_australia_passport_number: "department of
immigration and citizenship").

In a translated target, the text of a link to a page of the documentation set (a relative link)
left as the source writes it is reported too, when it reads as a title or a sentence (min-words
words, one an English function word): "consultez la rubrique [Limits for Content Search](...)";
the page it links has a translated title. A link to a heading of the page (to #more-information)
whose text is the heading's source while the heading is translated is reported whatever its
length (the text "More information" of a link to #more-information, under the heading "Plus
d’informations"). Links to other
sites may keep their pages' English titles and are not read. Terms of the
do-not-translate list (configuration key do-not-translate, plus the rule option terms) are removed
before comparing.

Options:
  min-words  words of prose a source must have to be checked (default 4)
  terms      extra do-not-translate terms for this rule (default none)`,
	Options: []Option{
		{Name: "min-words", Default: 4, Doc: "words of prose a source must have to be checked"},
		{Name: "terms", Default: []string{}, Doc: "extra do-not-translate terms"},
	},
	Run:         runUntranslated,
	Monolingual: true,
})

// englishFunctionWords are frequent English words that are not names.
var englishFunctionWords = wordSet(`a an the and or but if of to in on at by for from with without into onto
	about as is are was were be been being do does did have has had can could will would should may might must
	this that these those it its you your we our they their he she his her which who whom what when where
	how why not no all any each some more most other such than then there here also only very just so
	after before between through during while because until use using used select click choose open see`)

// targetFunctionWords are frequent words of the Latin-script target
// languages l10nlint knows; finding one means the text is (partly) translated.
var targetFunctionWords = map[string]map[string]bool{
	"fr": wordSet(`le la les un une des du de et ou à au aux en dans sur pour par avec sans est sont être
		vous votre vos nous notre ce cette ces qui que quand dont il elle ils elles pas ne se sa son ses leur
		leurs plus comme si mais aussi peut sélectionnez cliquez choisissez`),
	"de": wordSet(`der die das den dem des ein eine einen einem einer und oder zu im in auf für von mit
		ohne ist sind sein werden wird wurde sie ihr ihre ihren wir unser dieser diese dieses nicht kein
		keine wenn dann auch nur noch bei aus nach vor über unter wählen klicken können kann müssen`),
	"es": wordSet(`el la los las un una y o de del en con sin para por es son ser que se su sus no más como
		pero también puede seleccione haga`),
	"it": wordSet(`il lo la gli le un una e o di del della in con senza per da è sono essere che si suo
		non più come ma anche può selezionare fare`),
	"pt": wordSet(`o a os as um uma e ou de do da dos das em no na com sem para por é são ser que se seu
		sua não mais como mas também pode selecione clique`),
	"nl": wordSet(`de het een en of van in op voor met zonder is zijn worden wordt u uw we ons deze dit
		niet geen als dan ook kan selecteer klik`),
	"sv": wordSet(`och att det som en ett är för med på av till inte den har de om kan du ni ska eller
		från när vid alla också bara välj klicka`),
	"da": wordSet(`og at det som en et er for med på af til ikke den har de om kan du skal eller fra når
		ved alle også kun vælg klik`),
	"nb": wordSet(`og at det som en et er for med på av til ikke den har de om kan du skal eller fra når
		ved alle også bare velg klikk`),
	"pl": wordSet(`i w na z do nie się że jest są to jak lub dla przez po od za aby może można który
		która które wybierz kliknij`),
	"cs": wordSet(`a v na se z do je jsou to jak nebo pro při od za aby může lze který která které
		není vyberte klikněte`),
	"tr": wordSet(`ve bir bu için ile olarak da de değil daha gibi veya ancak sonra seçin tıklayın`),
	"fi": wordSet(`ja on ei se että tai kun myös voi voit ovat sekä jos valitse napsauta`),
	"id": wordSet(`dan yang di ke dari untuk dengan ini itu tidak ada atau dalam pada akan dapat pilih klik`),
	"ro": wordSet(`și în pe la cu de din pentru că este sunt nu sau mai ca dacă această selectați faceți`),
	"hu": wordSet(`és a az egy hogy nem is van vagy meg ki be el csak ez azt kattintson válassza`),
	"vi": wordSet(`và của là có không các những cho với được trong này để khi chọn nhấp`),
}

// englishToo are words that are also English (or common in English
// text): finding one proves nothing about the language. They are taken out
// of each language's function words ("in", "is" and "of" in Dutch, "a", "as"
// and "no" in Portuguese, "in" in German).
var englishToo = wordSet(`a an as at be by do for from had has he her his i if in is it me no of on or
	so the to up us was we were will with come dan men sin son`)

func init() {
	for _, words := range targetFunctionWords {
		for w := range words {
			if englishFunctionWords[w] || englishToo[w] {
				delete(words, w)
			}
		}
	}
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func runUntranslated(p *Pass) {
	loc := p.Page.Locale
	if loc == "" || locale.Language(loc) == locale.Language(p.Page.SourceLocale) {
		return
	}
	terms := termStripper(append(append([]string{}, p.DoNotTranslate...), p.Strings("terms")...))
	minWords := p.Int("min-words")
	script := locale.Script(loc)
	lang := locale.Language(loc)
	heading := "" // the source of the last heading segment
	var defsMap map[string]string
	defs := func() map[string]string { // the page's reference definitions, once needed
		if defsMap == nil {
			defsMap = referenceDefinitions(p.Page)
		}
		return defsMap
	}
	var headingMap map[string]string
	headings := func() map[string]string { // the page's headings: source (lower case) to target
		if headingMap == nil {
			headingMap = map[string]string{}
			for _, h := range p.Page.Segments {
				if h.Block == "heading" && h.HasSource {
					headingMap[strings.ToLower(strings.TrimSpace(h.Source.Plain))] = strings.TrimSpace(h.Target.Plain)
				}
			}
		}
		return headingMap
	}
	var lists []string
	keywordEntryAt := func(i int) bool { // an entry of a keyword list: keyword-list's, kept as written
		if lists == nil {
			lists = keywordListNames(p.Page)
		}
		return lists[i] != "" && keywordItem(p.Page.Segments[i].Source.Plain)
	}
	for i, s := range p.Page.Segments {
		if s.Block == "heading" {
			heading = s.Source.Plain
		}
		if !s.HasSource || blank(s.Target) {
			continue
		}
		// The cheap target-side tests come first; the source is read as
		// prose only for the few segments that could be reported.
		tgtText := stripTerms(withoutCode(s.Target), terms)
		srcText := stripTerms(withoutCode(s.Source), terms)
		var msg string
		var args []any
		switch {
		case sameText(tgtText, srcText):
			msg, args = "the target is identical to the source %q", []any{shorten(s.Source.Plain, 80)}
		case script != unicode.Latin:
			// A target of punctuation only ("）") is a segment whose text went
			// to its neighbour: a segmentation artifact, not untranslated text.
			if hasLetter(tgtText) && !hasScript(tgtText, script) {
				msg, args = "the target has no %s text; it reads %q", []any{scriptName(loc), shorten(s.Target.Plain, 80)}
			}
		case targetFunctionWords[lang] != nil:
			words, en, own := englishCounts(tgtText, targetFunctionWords[lang])
			if words >= minWords && own == 0 && en >= 3 && en*6 >= words {
				msg = "the target is still in English (%d of its %d words are English function words, none %s)"
				args = []any{en, words, languageName(lang)}
			}
		}
		if msg == "" {
			untranslatedLinkLabels(p, s, terms, minWords, defs, headings)
			continue
		}
		src := proseWords(srcText)
		if len(src) < minWords || countIn(src, englishFunctionWords) == 0 || !hasLowerContentWord(src) || !mostlyWords(src) ||
			codeLike(s.Source.Plain) || keywordList(s.Source.Plain) || s.Block == "list-item" && keywordEntry(heading, s.Source.Plain) ||
			keywordEntryAt(i) {
			continue // not prose: names, labels, identifiers, lists of codes or keywords, script lines
		}
		p.ReportSegment(s, msg, args...)
	}
}

// untranslatedLinkLabels reports the link texts of a target not left in
// English as a whole (runUntranslated found nothing to say of it) that
// are left as the source writes them, in English ("consultez la rubrique
// [Limits for Content Search](limits-for-content-search.md)"), where they
// link a page of the documentation set (a relative link: the page has a
// translated title) and read as a title or a sentence: min-words words
// with an English function word, outside do-not-translate terms.
func untranslatedLinkLabels(p *Pass, s *Segment, terms *strings.Replacer, minWords int, defs func() map[string]string, headings func() map[string]string) {
	if len(s.Target.Links) == 0 || len(s.Source.Links) == 0 {
		return
	}
	var labels map[string]bool // the source's link texts
	for _, l := range s.Target.Links {
		if l.Kind != InlineLink && l.Kind != ReferenceLink || l.HTML || l.Definition {
			continue // images, autolinks
		}
		label := strings.TrimSpace(l.Label)
		if label == "" {
			continue
		}
		dest := l.Dest
		if l.Kind == ReferenceLink {
			dest = defs()[refLabel(l.Dest)]
		}
		if strings.Contains(dest, ":") || strings.HasPrefix(dest, "/") {
			continue // another site (http:, //host, /path): its page may keep its English title
		}
		if labels == nil {
			labels = map[string]bool{}
			for _, m := range s.Source.Links {
				labels[strings.TrimSpace(m.Label)] = true
			}
		}
		if !labels[label] {
			continue
		}
		r, ok := l.LabelRange()
		if !ok {
			r = l.Range
		}
		// A link to a heading of the page whose source is the link's text
		// and whose target is translated: the link should read as it.
		if strings.HasPrefix(dest, "#") {
			if h, ok := headings()[strings.ToLower(label)]; ok && h != "" && !strings.EqualFold(h, label) && hasLetter(label) {
				p.ReportSegmentAt(s, r, "link text left in English: %q, where the heading it links reads %q", shorten(label, 80), shorten(h, 80))
				continue
			}
		}
		if !strings.Contains(label, " ") {
			continue
		}
		words := proseWords(stripTerms(stripTerms(label, terms), defaultTermStripper()))
		if len(words) < minWords || countIn(words, englishFunctionWords) == 0 || !mostlyWords(words) {
			continue
		}
		p.ReportSegmentAt(s, r, "link text left in English: %q, where the rest of the target is translated", shorten(label, 80))
	}
}

// referenceDefinitions maps the page's reference labels (refLabel) to
// their destinations, the first definition of a label winning.
func referenceDefinitions(pg *Page) map[string]string {
	defs := map[string]string{}
	for _, l := range pg.Links {
		if k := refLabel(l.Label); l.Definition && defs[k] == "" {
			defs[k] = l.Dest
		}
	}
	return defs
}

// defaultTermStripper removes the built-in do-not-translate names (Skype
// for Business, Microsoft Defender for Endpoint): a link text that is one
// is kept in English rightly.
var defaultTermStripper = sync.OnceValue(func() *strings.Replacer { return termStripper(defaultDoNotTranslate) })

// englishCounts counts, without allocating, the prose words of s, those that
// are English function words of three letters or more, and those that are
// function words of the target language. It stops at the first word of the
// target language: the text is then not English, whatever the counts.
func englishCounts(s string, own map[string]bool) (words, en, ownCount int) {
	var buf [32]byte
	eachWord(s, func(w string) bool {
		words++
		if len(w) <= len(buf) && isASCII(w) {
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			if len(w) >= 3 && englishFunctionWords[string(buf[:len(w)])] {
				en++
			}
			if own[string(buf[:len(w)])] {
				ownCount++
			}
			return ownCount == 0
		}
		if own[lowerKey(w)] {
			ownCount++
		}
		return ownCount == 0
	})
	return words, en, ownCount
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// withoutCode is the plain text minus the contents of code spans.
func withoutCode(t Text) string {
	s := t.Plain
	if len(t.Code) == 0 {
		return s
	}
	// The code spans' contents are in Plain in order: each is cut from
	// where the last one was found (each replaced from the start took
	// seconds for thousands of spans).
	var b strings.Builder
	from := 0
	for _, c := range t.Code {
		if c.Content == "" {
			continue
		}
		k := strings.Index(s[from:], c.Content)
		if k < 0 {
			continue
		}
		b.WriteString(s[from : from+k])
		b.WriteByte(' ')
		from += k + len(c.Content)
	}
	b.WriteString(s[from:])
	return b.String()
}

// stripTerms blanks out the terms in s, in one pass whatever their
// number (a do-not-translate list of thousands of terms, replaced one after
// the other, made this rule a hundred times slower).
func stripTerms(s string, terms *strings.Replacer) string {
	if terms == nil {
		return s
	}
	return terms.Replace(s)
}

// termStripper returns the replacer blanking out terms (nil for none),
// made once per list: every page of a run asks for the same.
func termStripper(terms []string) *strings.Replacer {
	// The longest first: a Replacer tries its strings in order, and
	// "OneDrive" would cut "OneDrive for Business" short.
	terms = slices.Clone(terms)
	slices.SortStableFunc(terms, func(a, b string) int { return len(b) - len(a) })
	var key strings.Builder
	var pairs []string
	for _, t := range terms {
		if t != "" {
			key.WriteString(strconv.Itoa(len(t)))
			key.WriteByte(':')
			key.WriteString(t)
			pairs = append(pairs, t, " ")
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	if r, ok := stripperCache.Load(key.String()); ok {
		return r.(*strings.Replacer)
	}
	// A long-running editor server meets a list per configuration it
	// loads: the cache is emptied now and then rather than grown.
	if stripperCount.Add(1) > 64 {
		stripperCache.Clear()
		stripperCount.Store(0)
	}
	r, _ := stripperCache.LoadOrStore(key.String(), strings.NewReplacer(pairs...))
	return r.(*strings.Replacer)
}

var (
	stripperCache sync.Map
	stripperCount atomic.Int64
)

// cmdletRe matches PowerShell cmdlets and variables: script lines are code
// even when the page does not mark them as such.
var cmdletRe = regexp.MustCompile(`\b(?:Get|Set|New|Remove|Add|Enable|Disable|Start|Stop|Import|Export|Connect|Test|Search|Invoke|Write)-[A-Z][A-Za-z]+\b|\$[A-Za-z_]\w*\s*=|-[A-Z][A-Za-z]+ \$`)

func codeLike(s string) bool {
	// Every branch of the pattern needs a hyphen or a dollar sign.
	return (strings.IndexByte(s, '-') >= 0 || strings.IndexByte(s, '$') >= 0) && cmdletRe.MatchString(s)
}

// keywordList reports a comma-separated list of short phrases ("customer
// number, customer no, customer #"): keywords that are matched as written.
func keywordList(s string) bool {
	items := strings.Split(s, ",")
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if len(strings.Fields(it)) > 3 {
			return false
		}
	}
	return true
}

// keywordEntry reports whether an item of a list under heading is an
// entry of a classifier's keyword list: the heading is an identifier
// (Keyword_australia_passport_number) and the item a phrase all in lower
// case without a sentence's end ("department of immigration and
// citizenship") — data that stays as written, not prose left in English.
func keywordEntry(heading, item string) bool {
	if !identifierRe.MatchString(strings.TrimSpace(heading)) {
		return false
	}
	item = strings.TrimSpace(item)
	last, _ := utf8.DecodeLastRuneInString(item)
	if item == "" || strings.ContainsRune(".!?:;…”’\")", last) {
		return false
	}
	return strings.IndexFunc(item, unicode.IsUpper) < 0
}

// identifierRe matches a name made of words joined by underscores.
var identifierRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$`)

// mostlyWords reports whether at least half the words have three letters or
// more: "ad, ae, al, at, az, ba, be" is a list of codes, not prose.
func mostlyWords(words []string) bool {
	n := 0
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 3 {
			n++
		}
	}
	return 2*n >= len(words)
}

// hasLowerContentWord reports whether words hold a lower-case word that is
// not a function word: "Compliance Guide for Business" is a title or a name,
// "Find a third-party data partner" is prose.
func hasLowerContentWord(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !englishFunctionWords[lowerKey(w)] {
			return true
		}
	}
	return false
}

// proseWords splits text into words of letters, keeping their case, and
// drops URLs, numbers, identifiers (tokens with digits, underscores, inner
// dots, colons, @ or backslashes) and all-capitals tokens such as acronyms
// and query operators (AND, OR). The words are substrings of s.
func proseWords(s string) []string {
	out := make([]string, 0, 32)
	eachWord(s, func(w string) bool { out = append(out, w); return true })
	return out
}

// eachWord calls f with each prose word of s, as proseWords splits them,
// until f returns false.
func eachWord(s string, f func(string) bool) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSep[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); wordSep(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiSep[c] {
					break
				}
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if wordSep(r) {
				break
			}
			j += size
		}
		tok := s[i:j]
		i = j
		if strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			continue
		}
		w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" || strings.IndexFunc(w, func(r rune) bool {
			return unicode.IsDigit(r) || r == '_' || r == '.' || r == ':' || r == '@' || r == '\\'
		}) >= 0 {
			continue
		}
		if len(w) > 1 && strings.IndexFunc(w, unicode.IsLower) < 0 {
			continue // ALL CAPS
		}
		if !f(w) {
			return
		}
	}
}

func wordSep(r rune) bool {
	return unicode.IsSpace(r) || r == '/' || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' || r == '«' || r == '»'
}

// asciiSep is wordSep for ASCII bytes.
var asciiSep = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = wordSep(rune(c))
	}
	return t
}()

// lowerKey lower-cases w for a map look-up, allocating only when w has an
// upper-case letter.
func lowerKey(w string) string {
	if strings.IndexFunc(w, unicode.IsUpper) < 0 {
		return w
	}
	return strings.ToLower(w)
}

func countIn(words []string, set map[string]bool) int {
	n := 0
	for _, w := range words {
		if set[lowerKey(w)] {
			n++
		}
	}
	return n
}

// sameText compares two texts folded by comparable, skipping the folding
// when their lengths rule equality out.
func sameText(a, b string) bool {
	if a == b {
		return true
	}
	if d := len(a) - len(b); d > len(b)/8+4 || -d > len(b)/8+4 {
		return false
	}
	return foldedEqual(a, b, true, lowerEqual)
}

// foldedEqual compares a and b rune by rune as strings.Fields-joined texts
// (white space runs are one space, none at the ends), with typographic
// quotes and apostrophes as ASCII ones when quotes is set, and runes
// compared with eq. It allocates nothing; the tests compare it with the
// folding it stands for (comparable).
func foldedEqual(a, b string, quotes bool, eq func(x, y rune) bool) bool {
	var x, y foldedReader
	x.s, y.s, x.quotes, y.quotes = a, b, quotes, quotes
	for {
		r1, ok1 := x.next()
		r2, ok2 := y.next()
		if ok1 != ok2 {
			return false
		}
		if !ok1 {
			return true
		}
		if r1 != r2 && !eq(r1, r2) {
			return false
		}
	}
}

func lowerEqual(x, y rune) bool { return unicode.ToLower(x) == unicode.ToLower(y) }

// foldedReader reads a text's runes with white space folded as
// strings.Fields and strings.Join would.
type foldedReader struct {
	s       string
	i       int
	quotes  bool
	started bool // a rune was returned: a later white space run is a space
	space   bool // a white space run is pending
}

func (f *foldedReader) next() (rune, bool) {
	for f.i < len(f.s) {
		r, size := rune(f.s[f.i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(f.s[f.i:])
		}
		if f.quotes {
			switch r {
			case '’', '‘':
				r = '\''
			case '“', '”':
				r = '"'
			}
		}
		if unicode.IsSpace(r) {
			f.i += size
			f.space = f.started
			continue
		}
		if f.space {
			f.space = false
			return ' ', true // the rune itself is read next time
		}
		f.i += size
		f.started = true
		return r, true
	}
	return 0, false
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func hasScript(s string, t *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.Is(t, r) {
			return true
		}
	}
	return false
}

func scriptName(loc string) string {
	switch locale.Language(loc) {
	case "zh":
		return "Chinese"
	case "ja":
		return "Japanese"
	case "ko":
		return "Korean"
	}
	// The script's name, as the unicode package knows its tables.
	for name, t := range unicode.Scripts {
		if t == locale.Script(loc) {
			return name
		}
	}
	return locale.Language(loc) + "-script"
}

func languageName(lang string) string {
	switch lang {
	case "fr":
		return "French"
	case "de":
		return "German"
	case "es":
		return "Spanish"
	case "it":
		return "Italian"
	case "pt":
		return "Portuguese"
	case "nl":
		return "Dutch"
	}
	return lang
}
