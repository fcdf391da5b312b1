package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// Which translations of one source a reviewer must make agree. Rewordings
// of a sentence ("Consultez" or "Voir", "了解更多信息" or "了解详细信息") are
// the translator's freedom: half of what a plain comparison reports on a
// machine-translated corpus. Two differences are not: a UI label (the bold
// text of a step: **More options**) rendered differently, which sends the
// reader looking for a button that is not there, and source words kept in
// English in one translation and translated in another.

// wordingDifference returns why the variants of g, the translations of one
// source text in locale, must agree, or "" when they differ only in wording.
func wordingDifference(g *group, dnt []string, loc string) string {
	if why := labelDifference(g); why != "" {
		return why
	}
	return keptWordsDifference(g, dnt, loc)
}

// quoteText quotes a text as %q does, but writes no-break spaces as they
// are: "Utilisateur :" rather than "Utilisateur\u00a0:", in a message about
// words, not spacing.
func quoteText(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '\u00a0' || r == '\u202f' {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // 'x', '\u200b', '\''
		q = q[1 : len(q)-1]
		switch q {
		case `\'`:
			q = "'"
		case `"`:
			q = `\"`
		}
		b.WriteString(q)
	}
	b.WriteByte('"')
	return b.String()
}

// firstPlace returns the segment of a variant's first place.
func firstPlace(v *variant) *SegmentFacts {
	pl := v.places[0]
	return &pl.page.Segments[pl.seg]
}

// boldLabel is a bold span of a text: as written, and its consistency key.
type boldLabel struct {
	text, key string
	// glossed: a translation in parentheses follows the label
	// ("**Customize policy tips** (Anpassen der Richtlinientipps)"), a
	// convention for labels the UI shows in English.
	glossed bool
}

// boldLabels returns the bold spans (**...**) of a raw Markdown text, in
// order: the UI labels of docs. Spans whose key is empty (punctuation only)
// are left out.
func boldLabels(raw string) []boldLabel {
	var out []boldLabel
	for i := 0; i+1 < len(raw); {
		if raw[i] != '*' || raw[i+1] != '*' || i > 0 && raw[i-1] == '\\' {
			i++
			continue
		}
		open := i + 2
		for open < len(raw) && raw[open] == '*' {
			open++ // a longer run: bold and italic
		}
		j := strings.Index(raw[open:], "**")
		if j < 0 {
			break
		}
		end := open + j
		text := strings.TrimRight(raw[open:end], "*")
		next := end + 2
		for next < len(raw) && raw[next] == '*' {
			next++
		}
		i = next
		if text == "" || text[0] == ' ' || text[len(text)-1] == ' ' {
			continue // not a pair CommonMark renders bold
		}
		if key := labelKey(labelText(text)); key != "" {
			rest := strings.TrimLeft(raw[next:], " \u00a0")
			glossed := (strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "（")) && glossAt(rest)
			out = append(out, boldLabel{text: labelText(text), key: key, glossed: glossed})
		}
	}
	return out
}

// labelKey is what makes two renderings of a label different: its words
// in lower case, in any order, without articles and prepositions, each
// without an inflection ending ("Modifier les résultats de test" and
// "Modifier les résultats des tests", "Bearbeiten der Testergebnisse" and
// "Bearbeiten von Testergebnissen" are one label); the characters, in
// scripts written without spaces.
func labelKey(s string) string {
	var words []string
	s = strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width forms
			return r - 0xFEE0
		}
		return r
	}, s)
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}) {
		if labelStopWords[w] {
			continue
		}
		if utf8.RuneCountInString(w) > 4 {
			for _, suf := range []string{"en", "es", "s", "n", "e"} {
				if b, ok := strings.CutSuffix(w, suf); ok {
					w = b
					break
				}
			}
		}
		words = append(words, w)
	}
	slices.Sort(words)
	return strings.Join(slices.Compact(words), " ")
}

// labelStopWords are the articles, prepositions and conjunctions of the
// languages docs are most translated into, which a label's rendering may
// take or drop ("Les utilisateurs", "Utilisateurs").
var labelStopWords = wordSet(`the a an of to and or for in on with by
	le la les l un une des de du d au aux à et ou en pour par sur
	der die das den dem des ein eine einer eines einem einen von vom zum zur und oder für mit im am
	el los las unos unas del al y o para por con
	il lo i gli di della dei degli delle e per
	os as um uma do da dos das em com
	het een van voor met`)

// labelText is a label as the reader sees it: images (icons) dropped, links
// as their text, character references decoded, backslash escapes dropped,
// outer quotes and white space trimmed.
func labelText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if j := linkEndIn(s, i); j > i {
				i = j
				continue
			}
		case c == '[':
			if j := linkEndIn(s, i); j > i {
				if k := strings.Index(s[i:j], "]"); k > 0 {
					b.WriteString(s[i+1 : i+k])
				}
				i = j
				continue
			}
		case c == '&':
			if n, d := entityAt(s[i:]); n > 0 {
				b.WriteString(d)
				i += n
				continue
			}
		case c == '\\':
			i++
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return strings.TrimFunc(b.String(), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'“”„«»‘’「」『』`, r)
	})
}

// labelWords counts the words of a label (a character in scripts written
// without spaces counts as half a word).
func labelWords(s string) float64 {
	n, in := 0.0, false
	for _, r := range s {
		switch {
		case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			n += 0.5
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

// labelDifference reports a bold label of the source rendered differently
// by two variants: variants whose sources bold the same labels, each a
// short part of the text, and whose targets bold as many, none the whole
// text. A variant that lost or added bold is markup-mismatch's.
func labelDifference(g *group) string {
	type rendering struct {
		src, tgt []boldLabel
		tgtKeys  string
		plain    string // the target's plain text, in lower case
	}
	bySource := map[string][]rendering{}
	var order []string
	for _, v := range g.vars {
		s := firstPlace(v)
		src, tgt := boldLabels(s.SourceRaw), boldLabels(s.TargetRaw)
		if len(src) == 0 || len(src) != len(tgt) {
			continue
		}
		// A label is a part of the text: bold around the whole sentence
		// is emphasis, not a UI label.
		srcWhole, tgtWhole := labelKey(s.Source), labelKey(s.Target)
		ok := true
		for _, l := range src {
			ok = ok && l.key != srcWhole && labelWords(l.text) <= 6
		}
		for _, l := range tgt {
			ok = ok && l.key != tgtWhole
		}
		if !ok {
			continue
		}
		// Sources are compared only if they bold the same labels, as
		// written but for case: "Message ID" and "message_id" are two
		// field names, whatever their keys.
		var written []string
		for _, l := range src {
			written = append(written, strings.ToLower(strings.TrimFunc(l.text, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})))
		}
		slices.Sort(written)
		sk := strings.Join(written, "\x00")
		if _, seen := bySource[sk]; !seen {
			order = append(order, sk)
		}
		bySource[sk] = append(bySource[sk], rendering{src: src, tgt: tgt, tgtKeys: sortedKeys(tgt), plain: strings.ToLower(s.Target)})
	}
	for _, sk := range order {
		rs := bySource[sk]
		for i := 1; i < len(rs); i++ {
			if rs[i].tgtKeys == rs[0].tgtKeys {
				continue
			}
			a, b := labelsOnlyIn(rs[0].tgt, rs[i].tgt), labelsOnlyIn(rs[i].tgt, rs[0].tgt)
			if len(a) == 0 || len(b) == 0 || a[0].glossed || b[0].glossed {
				continue
			}
			// Bold moved, not a label changed: each text has the other's
			// label (**详细**信息 and **详细信息**).
			if strings.Contains(rs[i].plain, strings.ToLower(a[0].text)) && strings.Contains(rs[0].plain, strings.ToLower(b[0].text)) {
				continue
			}
			if len(rs[0].src) == 1 {
				return fmt.Sprintf("the bold label %s as %s and as %s", quoteText(rs[0].src[0].text), quoteText(a[0].text), quoteText(b[0].text))
			}
			return fmt.Sprintf("a bold label as %s and as %s", quoteText(a[0].text), quoteText(b[0].text))
		}
	}
	return ""
}

func sortedKeys(ls []boldLabel) string {
	keys := make([]string, len(ls))
	for i, l := range ls {
		keys[i] = l.key
	}
	slices.Sort(keys)
	return strings.Join(keys, "\x00")
}

// labelsOnlyIn returns the labels of a whose keys b lacks (as multisets).
func labelsOnlyIn(a, b []boldLabel) []boldLabel {
	left := map[string]int{}
	for _, l := range b {
		left[l.key]++
	}
	var out []boldLabel
	for _, l := range a {
		if left[l.key] > 0 {
			left[l.key]--
			continue
		}
		out = append(out, l)
	}
	return out
}

// keptWordsDifference reports source words one variant keeps in English
// and another translates: common words of the source (not names, not
// do-not-translate terms), outside code, links, URLs and glosses. In a
// locale written in another script one such word is enough; in a
// Latin-script locale, whose words English often shares (options, Name,
// Portal, Details), it takes two kept side by side, a phrase ("privacy
// statement"), that the other variant has neither of, nor as one word
// (Support-Team and Supportteam are both German). Only variants whose
// sources have the same words are compared ("Month YYYY" and "MonthYYYY"
// share a key, not a meaning). Linear in the variants: each word is
// looked up in a count of the variants that keep it and of those that
// lack it.
func keptWordsDifference(g *group, dnt []string, loc string) string {
	latin := locale.Script(loc) == unicode.Latin
	type reading struct {
		src   string          // the source's prose words, joined
		prose []string        // the target's prose words, lower case, in order
		joint string          // the target's prose, lower case
		all   map[string]bool // every word of the target's plain text
	}
	vars := g.vars
	if len(vars) > 64 {
		vars = vars[:64] // the most frequent come first (g.list); enough to tell
	}
	var src []string
	var names map[string]bool
	srcSet0 := map[string]bool{} // the first source's words
	bySource := map[string][]reading{}
	var order []string
	for _, v := range vars {
		s := firstPlace(v)
		words := asciiWords(proseOnly(s.SourceRaw))
		if src == nil {
			src = words
			names = sourceNames(s.Source, dnt)
			for _, w := range asciiWords(s.Source) {
				srcSet0[w] = true
			}
		}
		all := map[string]bool{}
		for _, w := range asciiWords(s.Target) {
			all[w] = true
		}
		srcSet := map[string]bool{}
		for _, w := range words {
			srcSet[w] = true
		}
		prose := withoutGlossed(proseOnly(s.TargetRaw), srcSet)
		key := strings.Join(words, " ")
		if _, ok := bySource[key]; !ok {
			order = append(order, key)
		}
		bySource[key] = append(bySource[key], reading{src: key, prose: asciiWords(prose), joint: strings.ToLower(prose), all: all})
	}
	common := map[string]bool{}
	for _, w := range src {
		if len(w) >= 3 {
			common[w] = true
		}
	}
	for n := range names {
		delete(common, strings.ToLower(n))
	}
	// A capitalized word anywhere (a title in title case, a label at the
	// start of a step) may be a name, kept or not by choice.
	src0 := firstPlace(g.vars[0]).Source
	for i := 0; i < len(src0); i++ {
		if src0[i] >= 'A' && src0[i] <= 'Z' && (i == 0 || !isASCIILetter(src0[i-1])) {
			j := i
			for j < len(src0) && isASCIILetter(src0[j]) {
				j++
			}
			delete(common, strings.ToLower(src0[i:j]))
		}
	}
	for _, key := range order {
		reads := bySource[key]
		if len(reads) < 2 {
			continue
		}
		words := strings.Fields(key)
		// lacking[w]: a variant lacks the word (the phrase's words and the
		// phrase written as one word, in a Latin-script locale).
		lacks := func(r reading, phrase ...string) bool {
			for _, w := range phrase {
				if r.all[w] {
					return false
				}
			}
			return len(phrase) < 2 || !strings.Contains(r.joint, strings.Join(phrase, ""))
		}
		// someLack reports whether a variant lacks the phrase, and how it
		// renders it: translated, or garbled when a piece of the last word
		// is left (海洋…rched. for "searched").
		someLack := func(phrase ...string) (bool, string) {
			found, how := false, "translated"
			for _, r := range reads {
				if !lacks(r, phrase...) {
					continue
				}
				found = true
				// Only in a script without English words of its own, and
				// not a word the source has (Report in "Report viewer").
				last := phrase[len(phrase)-1]
				for w := range r.all {
					if !latin && len(w) >= 4 && len(w) < len(last) && !srcSet0[w] &&
						(strings.HasSuffix(last, w) || strings.HasPrefix(last, w)) {
						return true, "garbled"
					}
				}
			}
			return found, how
		}
		for _, r := range reads {
			for k, w := range r.prose {
				if !common[w] {
					continue
				}
				if !latin {
					if lack, how := someLack(w); lack {
						return fmt.Sprintf("%q kept in English in one and %s in another", w, how)
					}
					continue
				}
				// A phrase: this word and the next both kept, next to each
				// other in the source too, written apart (not Support-Team).
				if k+1 >= len(r.prose) {
					continue
				}
				n := r.prose[k+1]
				if !common[n] || !adjacentIn(words, w, n) || !strings.Contains(r.joint, w+" "+n) {
					continue
				}
				if lack, how := someLack(w, n); lack {
					return fmt.Sprintf("%q kept in English in one and %s in another", w+" "+n, how)
				}
			}
		}
	}
	return ""
}

// withoutGlossed blanks the English of s that a translation in parentheses
// follows ("ABA Routing Number (US-Bankleitzahl)", "privacy statement（隐私
// 声明）") or that stands in parentheses after its translation ("隐私声明
// (privacy statement)"): the convention for names the product shows in
// English, not words left untranslated.
func withoutGlossed(s string, srcWords map[string]bool) string {
	b := []byte(s)
	for i := 0; i < len(s); i++ {
		open := 0
		switch {
		case s[i] == '(':
			open = 1
		case strings.HasPrefix(s[i:], "（"):
			open = len("（")
		default:
			continue
		}
		inner, end := parenText(s[i+open:])
		if end > 0 && sourceProse(inner, srcWords) {
			// (English) after its translation.
			for m := i + open; m < i+open+len(inner); m++ {
				b[m] = ' '
			}
			continue
		}
		if !glossAt(s[i:]) {
			continue
		}
		// Back over spaces and quotes, then over the English before.
		j := i
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if r != ' ' && r != '\u00a0' && !strings.ContainsRune(`"'«»“”„‘’*_`, r) {
				break
			}
			j -= n
		}
		k := j
		for k > 0 && (isASCIILetter(s[k-1]) || strings.IndexByte(" -?'*_", s[k-1]) >= 0) {
			k--
		}
		for m := k; m < j; m++ {
			b[m] = ' '
		}
	}
	return string(b)
}

// parenText returns the text of s up to its closing parenthesis (ASCII or
// full-width), within a short distance, and where that closer ends (0 when
// there is none).
func parenText(s string) (string, int) {
	for i := 0; i < len(s) && i < 200; i++ {
		if s[i] == ')' {
			return s[:i], i + 1
		}
		if strings.HasPrefix(s[i:], "）") {
			return s[:i], i + len("）")
		}
	}
	return "", 0
}

// sourceProse reports whether s is words of the source (ASCII letters,
// spaces and hyphens between), with a lower-case letter: English, not an
// acronym alone, nor a word of the translation (US-Bankleitzahl).
func sourceProse(s string, srcWords map[string]bool) bool {
	s = strings.TrimSpace(s)
	if len(s) < 2 || strings.IndexFunc(s, unicode.IsLower) < 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) && s[i] != ' ' && s[i] != '-' {
			return false
		}
	}
	for _, w := range asciiWords(s) {
		if !srcWords[w] {
			return false
		}
	}
	return true
}

// glossAt reports whether s starts with a parenthesized text that may
// translate what comes before it: one with a lower-case letter or a letter
// of a script without case (隐私声明), not an acronym ("(EAC)").
func glossAt(s string) bool {
	_, n := utf8.DecodeRuneInString(s) // the opening parenthesis
	inner, _ := parenText(s[n:])
	if inner == "" {
		return false
	}
	return strings.IndexFunc(inner, func(r rune) bool {
		return unicode.IsLower(r) || r >= 0x2E80 && unicode.IsLetter(r)
	}) >= 0
}

// adjacentIn reports whether words holds a followed by b.
func adjacentIn(words []string, a, b string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == a && words[i+1] == b {
			return true
		}
	}
	return false
}

// proseOnly returns a raw Markdown text without its code spans, links
// (their text too: a linked page's English title is often kept on
// purpose), autolinks, HTML tags and URLs, each replaced by a space.
func proseOnly(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			b.WriteByte(raw[i+1])
			i += 2
			continue
		case c == '`':
			n := 1
			for i+n < len(raw) && raw[i+n] == '`' {
				n++
			}
			if j := strings.Index(raw[i+n:], raw[i:i+n]); j >= 0 {
				b.WriteByte(' ')
				i += n + j + n
				continue
			}
		case c == '[' || c == '!' && i+1 < len(raw) && raw[i+1] == '[':
			if j := linkEndIn(raw, i); j > i {
				b.WriteByte(' ')
				i = j
				continue
			}
		case c == '&':
			if n, d := entityAt(raw[i:]); n > 0 {
				b.WriteString(d)
				i += n
				continue
			}
		case c == '<':
			// A tag is short: a < without its > nearby is text (and the
			// scan stays linear on a text of many).
			if j := strings.IndexByte(raw[i:min(len(raw), i+maxTagLen)], '>'); j > 0 {
				b.WriteByte(' ')
				i += j + 1
				continue
			}
		case (c == 'h' || c == 'w' || c == 'H' || c == 'W') && (i == 0 || !urlNameByte(raw[i-1])):
			if s, _ := bareStart(raw[i:min(len(raw), i+8)], 0); s == 0 {
				b.WriteByte(' ')
				i = urlEnd(raw, i, len(raw))
				if i < len(raw) && raw[i] != ' ' {
					i++
				}
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// linkEndIn returns the end of the link or image starting at raw[i] ([text](dest)
// or [text][ref]), or i when there is none.
func linkEndIn(raw string, i int) int {
	j := i
	if raw[j] == '!' {
		j++
	}
	depth := 0
	// A link's text and destination are short: an unclosed [ far from its
	// ] is text (and the scan stays linear on a text of many).
	limit := min(len(raw), i+maxLinkLen)
	for ; j < limit; j++ {
		if raw[j] == '\\' {
			j++
			continue
		}
		if raw[j] == '[' {
			depth++
		} else if raw[j] == ']' {
			if depth--; depth == 0 {
				break
			}
		}
	}
	if j+1 >= limit {
		return i
	}
	closer := byte(')')
	switch raw[j+1] {
	case '(':
	case '[':
		closer = ']'
	default:
		return i
	}
	k := strings.IndexByte(raw[j+2:min(len(raw), j+2+maxLinkLen)], closer)
	if k < 0 {
		return i
	}
	return j + 2 + k + 1
}

// maxTagLen and maxLinkLen bound the scans for a tag's > and for a link's
// ] and ).
const (
	maxTagLen  = 500
	maxLinkLen = 2000
)

// asciiWords returns the runs of ASCII letters of s, in lower case: the
// words a translation may keep from an English source.
func asciiWords(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		// A word glued to other letters (café, naïve, Größe) is not an
		// English word.
		glued := i > 0 && s[i-1] >= utf8.RuneSelf && startsLetter(s[:i], true) ||
			j < len(s) && s[j] >= utf8.RuneSelf && startsLetter(s[j:], false)
		if !glued {
			out = append(out, strings.ToLower(s[i:j]))
		}
		i = j
	}
	return out
}

// startsLetter reports whether the rune ending s (last) or starting s is a
// letter of a script written with spaces (a CJK character before an
// English word does not make it part of a longer word).
func startsLetter(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
