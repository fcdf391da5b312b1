package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// AcronymCase reports an acronym of the source that the target writes in
// other case.
var AcronymCase = Register(&Rule{
	ID:       "acronym-case",
	Aliases:  []string{"acronyms"},
	Tags:     []string{"segment", "terminology"},
	Severity: Warning,
	Short:    "An acronym or capitalized operator of the source (PST, URL, AND) is written in other case in the target (pst, Url, and)",
	Doc: `Reports an acronym of a segment's source that its target writes in other case: "PST" as
"pst" or "Pst", "URLs" as "Urls", "EOP" as "EoP", a search operator "**AND**" as "**and**" (which
the search engine then reads as a word). Acronyms are kept in capitals by translations into every
language; machine translation lower-cases them, above all next to Chinese or Japanese text.

An acronym is a word of two or more capital letters A-Z in the source's prose, with an optional
plural "s" (IDs, URLs). The target's words that are the same letters in other case are reported,
at the word, with a fix that restores the capitals (keeping the plural "s"). Only as many as the
source has acronyms the target does not keep are reported: a source with "ET" once whose target
keeps "ET" has no miscased acronym in a French "et". Not reported either:

  - lower-case words the target's language has as short function words ("ou", "et", "es", "im"):
    a French "ou" (or) is no miscased "OU" (organizational unit);
  - acronyms in a run of capitalized words ("DO NOT DELETE", "DAVE BOB ALICE"): shouted text or
    example data, translated as words;
  - code spans, link destinations, HTML tags, URLs and e-mail addresses, file extensions (.pst),
    and parts of domain names and paths;
  - acronyms of the do-not-translate terms ("Azure AD", "Power BI"), which do-not-translate checks
    with their names;
  - labels written in capitals (NOTE, TIP, IMPORTANT, WARNING, CAUTION, UPDATE, NEW), the standard
    mixed-case forms (IaaS, PaaS, SaaS; the mail fields Cc and Bcc; Re:, Fw:; Ltd, Inc), and the
    segments whose source says its text is not case-sensitive.

Pages in the source language are skipped.

Options:
  ignore  acronyms whose case may change (default none)`,
	Options: []Option{
		{Name: "ignore", Default: []string{}, Doc: "acronyms whose case may change"},
	},
	Run:         runAcronymCase,
	Monolingual: true,
})

// acronymStopWords are short function words of languages written in Latin
// letters that read as an acronym in capitals (OU, ET, ES, IM): a target in
// that language may have them for their own sake.
var acronymStopWords = map[string][]string{
	"fr": {"a", "au", "aux", "ce", "ces", "de", "des", "du", "en", "et", "il", "la", "le", "les", "ne", "ni", "on", "ou", "sa", "se", "ses", "si", "son", "un", "une", "va"},
	"de": {"ab", "am", "an", "da", "der", "die", "das", "du", "er", "es", "im", "in", "ob", "so", "um", "zu"},
	"es": {"a", "al", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "no", "o", "se", "si", "su", "un", "una", "y"},
	"it": {"a", "ad", "al", "di", "da", "e", "ed", "il", "in", "la", "le", "lo", "ne", "o", "se", "si", "su", "un", "una"},
	"pt": {"a", "ao", "as", "da", "de", "do", "e", "em", "na", "no", "o", "os", "se", "um", "uma"},
	"nl": {"al", "als", "de", "en", "er", "het", "in", "is", "of", "op", "te", "un"},
}

// acronymLabels are English words a source writes in capitals as a label
// (a callout's NOTE, an IMPORTANT), not acronyms: translated as words.
var acronymLabels = map[string]bool{"NOTE": true, "TIP": true, "IMPORTANT": true, "WARNING": true,
	"CAUTION": true, "UPDATE": true, "NEW": true}

// acronymForms are the standard mixed-case forms of acronyms a source may
// write in capitals: IaaS, the mail fields Cc and Bcc, the subject prefix
// Re:, a company's Ltd.
var acronymForms = map[string]bool{"IaaS": true, "PaaS": true, "SaaS": true, "Cc": true, "Bcc": true,
	"Re": true, "Fw": true, "Fwd": true, "Ltd": true, "Inc": true}

// acronymCache holds, per configuration, the acronyms the do-not-translate
// terms have and the option's.
var acronymCache sync.Map

func acronymSkips(p *Pass) map[string]bool {
	key := struct{ dnt, ignore string }{strings.Join(p.DoNotTranslate, "\x00"), strings.Join(p.Strings("ignore"), "\x00")}
	if v, ok := acronymCache.Load(key); ok {
		return v.(map[string]bool)
	}
	skip := map[string]bool{}
	for _, terms := range [][]string{defaultDoNotTranslate, p.DoNotTranslate} {
		for _, t := range terms {
			for _, w := range strings.Fields(t) {
				if acronymStem(w) != "" {
					skip[acronymStem(w)] = true
				}
			}
		}
	}
	for _, a := range p.Strings("ignore") {
		skip[strings.ToUpper(a)] = true
	}
	acronymCache.Store(key, skip)
	return skip
}

func runAcronymCase(p *Pass) {
	loc := p.Page.Locale
	if loc == "" || locale.Language(loc) == locale.Language(p.Page.SourceLocale) {
		return
	}
	var stop map[string]bool
	if ws := acronymStopWords[locale.Language(loc)]; ws != nil {
		stop = make(map[string]bool, len(ws))
		for _, w := range ws {
			stop[w] = true
		}
	}
	var skip map[string]bool
	for _, s := range p.Page.Segments {
		if !s.HasSource || !maybeMiscased(s.Source.Raw, s.Target.Raw) || blank(s.Target) || s.Target.Raw == s.Source.Raw {
			continue // most segments: no acronym, or none in other case
		}
		if skip == nil {
			skip = acronymSkips(p)
		}
		checkAcronymCase(p, s, stop, skip)
	}
}

// maybeMiscased reports whether the raw source has a run of two ASCII
// capitals or more that the raw target has with other letter case: the
// bytes alone, before the texts are read as prose (most segments have
// none, and a term view of both sides costs a hundred times more).
func maybeMiscased(src, tgt string) bool {
	first := capitalPair(src)
	if first < 0 {
		return false
	}
	var buf [8]string
	stems := buf[:0]
	for i := first; i < len(src); {
		if src[i] < 'A' || src[i] > 'Z' {
			i++
			continue
		}
		j := i
		for j < len(src) && src[j] >= 'A' && src[j] <= 'Z' {
			j++
		}
		if j-i >= 2 && (i == 0 || !isASCIILetter(src[i-1])) && (len(stems) > 32 || !slices.Contains(stems, src[i:j])) {
			stems = append(stems, src[i:j])
		}
		i = j
	}
	if len(stems) == 0 {
		return false
	}
	// Many stems (a glossary's worth of acronyms) are looked up by their
	// upper-case text instead of each against each word.
	var byUpper map[string]bool
	if len(stems) > 8 {
		byUpper = make(map[string]bool, len(stems))
		for _, st := range stems {
			byUpper[st] = true
		}
	}
	for i := 0; i < len(tgt); {
		if !isASCIILetter(tgt[i]) {
			i++
			continue
		}
		j := i
		for j < len(tgt) && isASCIILetter(tgt[j]) {
			j++
		}
		w := tgt[i:j]
		if byUpper != nil {
			for _, n := range []int{len(w), len(w) - 1} {
				if n >= 2 && w[:n] != strings.ToUpper(w[:n]) && byUpper[strings.ToUpper(w[:n])] {
					return true
				}
			}
		} else {
			for _, st := range stems {
				if len(w) >= len(st) && len(w) <= len(st)+1 && strings.EqualFold(w[:len(st)], st) && w[:len(st)] != st {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// capitalPair returns the offset of the first of two ASCII capitals in a
// row in s, or -1. Eight bytes at a time: every segment's source is
// scanned, and most have no such pair.
func capitalPair(s string) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	i := 0
	var carry uint64 // the last byte of the previous word was a capital
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		y := x &^ highs // no carry between bytes: each byte below 0x80
		// A byte's high bit: at least 'A' (y+0x3F), above 'Z' (y+0x25);
		// bytes of non-ASCII characters are none.
		caps := (y + (0x80-'A')*ones) &^ (y + (0x7F-'Z')*ones) &^ x & highs
		if pairs := caps & (caps<<8 | carry); pairs != 0 {
			break // the pair is in this word: found below, byte by byte
		}
		carry = caps >> 56
	}
	if i > 0 && carry != 0 {
		i-- // a pair across the words
	}
	for i++; i < len(s); i++ {
		if s[i]-'A' < 26 && s[i-1]-'A' < 26 {
			return i - 1
		}
	}
	return -1
}

// acronymStem is w's letters when w is an acronym, two capitals or more
// with an optional plural s (IDs), else "".
func acronymStem(w string) string {
	stem := strings.TrimSuffix(w, "s")
	if len(stem) < 2 {
		return ""
	}
	for i := 0; i < len(stem); i++ {
		if stem[i] < 'A' || stem[i] > 'Z' {
			return ""
		}
	}
	return stem
}

// acronymWord is a run of ASCII letters of a term view that stands as a
// word of prose: not part of a longer name, an extension, a domain, a
// path or an address.
type acronymWord struct{ start, end int }

// acronymWords returns the words of s, a term view, that may be acronyms
// or their miscased forms.
func acronymWords(s string) []acronymWord {
	var out []acronymWord
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if acronymAlone(s, i, j) {
			out = append(out, acronymWord{i, j})
		}
		i = j
	}
	return out
}

// acronymAlone reports whether s[i:j], a run of letters, stands alone:
// no digit, underscore, dot, at sign, slash or backslash glued to it
// (Office365, Error_files, .pst, contoso.com, user@EXAMPLE, C:\PST), save
// a sentence's full stop.
func acronymAlone(s string, i, j int) bool {
	// Part of a word of other letters: "Pr" of "Prüfen", "ID" of "IDée".
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && r >= utf8.RuneSelf && unicode.IsLetter(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && r >= utf8.RuneSelf && unicode.IsLetter(r) {
		return false
	}
	if i > 0 {
		switch c := s[i-1]; {
		case c >= '0' && c <= '9', c == '_', c == '.', c == '@', c == '/', c == '\\', c == '$', c == '%', c == '&', c == '#':
			return false
		}
	}
	if j < len(s) {
		switch c := s[j]; {
		case c >= '0' && c <= '9', c == '_', c == '@', c == '/', c == '\\':
			return false
		case c == '.' && j+1 < len(s) && isASCIIWordByte(s[j+1]):
			return false // a domain or a file name: EXAMPLE.COM
		}
	}
	return true
}

func checkAcronymCase(p *Pass, s *Segment, stop, skip map[string]bool) {
	if caseInsensitive(s.Source.Raw) {
		return // "the letters ET (not case-sensitive)": any case is right
	}
	src := newTermView(s.Source)
	words := acronymWords(src.s)
	count := map[string]int{}
	for k, w := range words {
		stem := acronymStem(src.s[w.start:w.end])
		if stem == "" || skip[stem] || acronymLabels[stem] {
			continue
		}
		// A run of capitalized words is shouted text or example data
		// ("DO NOT", "DAVE BOB ALICE"), translated as words.
		if k > 0 && capsNeighbour(src.s, words[k-1], w) || k+1 < len(words) && capsNeighbour(src.s, w, words[k+1]) {
			continue
		}
		count[stem]++
	}
	if len(count) == 0 {
		return
	}
	tgt := newTermView(s.Target)
	type variant struct {
		w     acronymWord
		stem  string
		plain string
	}
	var variants []variant
	kept := map[string]int{}
	for _, w := range acronymWords(tgt.s) {
		word := tgt.s[w.start:w.end]
		plain := word
		upper := strings.ToUpper(word)
		stem := upper
		if count[stem] == 0 && len(word) > 2 && (word[len(word)-1] == 's' || word[len(word)-1] == 'S') {
			stem, plain = upper[:len(upper)-1], word[:len(word)-1]
		}
		if count[stem] == 0 {
			continue
		}
		if plain == stem {
			kept[stem]++
			continue
		}
		if stop[strings.ToLower(word)] || acronymForms[plain] {
			continue
		}
		variants = append(variants, variant{w, stem, plain})
	}
	for _, v := range variants {
		// Only the source's acronyms the target does not keep: the others
		// are words of the target's own.
		if kept[v.stem] >= count[v.stem] {
			continue
		}
		kept[v.stem]++
		word := tgt.s[v.w.start:v.w.end]
		fixed := v.stem + word[len(v.plain):]
		r := tgt.rangeOf(v.w.start, v.w.end)
		f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: r,
			Message:   fmt.Sprintf("acronym %q is written %q in the target: keep its capitals", v.stem, word),
			SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
		if p.Page.Text[r.Start:r.End] == word {
			f.Fixes = []Edit{{Range: r, New: fixed}}
		}
		p.Report(f)
	}
}

// caseInsensitive reports whether a source says that the case of what it
// shows does not matter.
func caseInsensitive(src string) bool {
	l := strings.ToLower(src)
	return strings.Contains(l, "case-insensitive") || strings.Contains(l, "case insensitive") ||
		strings.Contains(l, "not case-sensitive") || strings.Contains(l, "not case sensitive")
}

// capsNeighbour reports whether a and b, consecutive words of s, are both
// written in capitals with only spaces between them.
func capsNeighbour(s string, a, b acronymWord) bool {
	if strings.TrimSpace(s[a.end:b.start]) != "" {
		return false
	}
	return isCaps(s[a.start:a.end]) && isCaps(s[b.start:b.end])
}

// isCaps reports whether w is two capitals or more.
func isCaps(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
