package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// InnerCapital reports a word of the target with a capital letter inside
// it that the source does not have: a word the translation garbled.
var InnerCapital = Register(&Rule{
	ID:       "inner-capital",
	Aliases:  []string{"mid-word-capital"},
	Tags:     []string{"segment", "spelling"},
	Severity: Warning,
	Short:    "A word of the target starts in lower case and has a capital inside it (geHeimen, réSilience) that the source does not have",
	Doc: `Reports a word of a segment's target that starts with a lower-case letter and has a capital
letter inside it, after a lower-case one: "geHeimen", "vorFällen", "zuSendung", "réSilience",
"conTribuables", "inStar" (for "instar"), "mitOffice" (two words glued). Machine translation
garbles words so; no language writes them so, and a reader takes them for a typing accident.

Words the source has are not reported, whatever their case (camel-case names such as
"eDiscovery", "iPhone" and identifiers such as "folderPath" are kept from the source; the plural
"iPhones" of the source allows "iPhone"), nor a cmdlet name the source writes with its hyphen
("setComplianceSearch" for Set-ComplianceSearch, which cmdlet-mismatch reports), nor the
do-not-translate terms and a few names written so (iPhone, iPad, iCloud, eDiscovery, eBay,
jQuery...). A word that starts with a capital ("BedrohungsAnalyse") is not reported:
names are written so. Code spans, link destinations, HTML tags and URLs are not read, nor words
glued to digits, hyphens, underscores, dots, slashes or at signs (file names, paths, addresses,
parameters). Pages in the source language are skipped.`,
	Run:         runInnerCapital,
	Monolingual: true,
})

// innerCapitalNames are names written with a capital inside after a
// lower-case letter that a translation may have where its source does not
// (the source saying "the app", "devices").
var innerCapitalNames = []string{"iPhone", "iPad", "iPod", "iCloud", "iTunes", "iMessage", "iMac",
	"eDiscovery", "eBay", "eBook", "ePub", "jQuery"}

func runInnerCapital(p *Pass) {
	loc := p.Page.Locale
	if loc == "" || locale.Language(loc) == locale.Language(p.Page.SourceLocale) {
		return
	}
	var known map[string]bool
	for _, s := range p.Page.Segments {
		if !s.HasSource || !innerCapitalCandidate(s.Target.Raw, s.Source.Raw) || blank(s.Target) || s.Target.Raw == s.Source.Raw {
			continue // most segments: no such word, or only the source's
		}
		if known == nil {
			known = map[string]bool{}
			for _, terms := range [][]string{defaultDoNotTranslate, p.DoNotTranslate, innerCapitalNames} {
				for _, t := range terms {
					for _, w := range strings.Fields(t) {
						known[strings.ToLower(w)] = true
					}
				}
			}
		}
		checkInnerCapital(p, s, known)
	}
}

// innerCapital reports whether w starts with a lower-case letter and has
// a capital between two lower-case letters.
func innerCapital(w string) bool {
	var a, b rune // the two letters before r
	for i, r := range w {
		if i == 0 && !unicode.IsLower(r) {
			return false
		}
		if unicode.IsLower(a) && unicode.IsUpper(b) && unicode.IsLower(r) {
			return true
		}
		a, b = b, r
	}
	return false
}

// caseLetter reports whether r is a letter of a script with letter case
// (Latin, Greek, Cyrillic, Armenian): a word of those scripts ends where
// Chinese, Japanese or Korean text glued to it begins ("eDiscovery를",
// "eDiscoveryケース").
func caseLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return r < 0x0590 && unicode.IsLetter(r) || r >= 0x1E00 && r <= 0x1FFF && unicode.IsLetter(r)
}

// letterRuns calls fn with each run of letters of s (of scripts with
// letter case) and its byte offsets.
func letterRuns(s string, fn func(w string, i, j int)) {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !caseLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, m := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, m = utf8.DecodeRuneInString(s[j:])
			}
			if !caseLetter(r) {
				break
			}
			j += m
		}
		fn(s[i:j], i, j)
		i = j
	}
}

// innerCapitalCandidate reports, from the raw texts, whether the target
// may have a word to report: one with an inner capital that is no word of
// the source in any case. Most segments have none; a term view of both
// sides costs far more.
func innerCapitalCandidate(tgt, src string) bool {
	// A lower-case ASCII letter or the end of a multi-byte letter before
	// an ASCII capital, or a lower-case ASCII letter before a Latin-1
	// capital (0xC3 0x80-0x9E): then the word around it is read.
	var srcWords map[string]bool
	for i := 1; i < len(tgt); i++ {
		c, b := tgt[i], tgt[i-1]
		switch {
		case c >= 'A' && c <= 'Z':
			if (b < 'a' || b > 'z') && (b < 0x80 || b >= 0xC0) {
				continue
			}
		case c == 0xC3 && i+1 < len(tgt) && tgt[i+1] >= 0x80 && tgt[i+1] <= 0x9E:
			if b < 'a' || b > 'z' {
				continue
			}
		default:
			continue
		}
		start, end := wordAround(tgt, i)
		if w := tgt[start:end]; innerCapital(w) {
			if srcWords == nil {
				srcWords = sourceWordForms(src)
			}
			if !knownWordForm(srcWords, strings.ToLower(w)) {
				return true
			}
		}
		i = end
	}
	return false
}

// sourceWordForms returns the words of a source text in lower case, and
// its hyphenated names without their hyphens (Set-ComplianceSearch).
func sourceWordForms(src string) map[string]bool {
	words := map[string]bool{}
	letterRuns(src, func(w string, _, _ int) { words[strings.ToLower(w)] = true })
	for _, f := range strings.FieldsFunc(src, func(r rune) bool { return !caseLetter(r) && r != '-' }) {
		if strings.Contains(f, "-") {
			words[strings.ToLower(strings.ReplaceAll(f, "-", ""))] = true
		}
	}
	return words
}

// knownWordForm reports whether l, a word in lower case, is one of words
// or its singular (the source's "iPhones" for the target's "iPhone").
func knownWordForm(words map[string]bool, l string) bool {
	return words[l] || words[l+"s"] || words[l+"es"]
}

// wordAround returns the run of letters of s (of scripts with letter
// case) around offset i.
func wordAround(s string, i int) (start, end int) {
	start = i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !caseLetter(r) {
			break
		}
		start -= n
	}
	end = i
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !caseLetter(r) {
			break
		}
		end += n
	}
	return start, end
}

func checkInnerCapital(p *Pass, s *Segment, known map[string]bool) {
	srcWords := sourceWordForms(newTermView(s.Source).s)
	tgt := newTermView(s.Target)
	letterRuns(tgt.s, func(w string, i, j int) {
		if !innerCapital(w) || !innerCapitalAlone(tgt.s, i, j) {
			return
		}
		l := strings.ToLower(w)
		if known[l] || knownWordForm(srcWords, l) {
			return
		}
		at := firstInnerCapital(w)
		p.ReportSegmentAt(s, tgt.rangeOf(i, j), "%q has a capital letter inside it (%q): a word garbled by the translation (words are capitalized at their start only; restore the source's word or the right spelling)", w, at)
	})
}

// innerCapitalAlone reports whether s[i:j] stands as a word of prose: no
// digit, hyphen, underscore, dot, slash, backslash, at sign or angle
// bracket glued to it.
func innerCapitalAlone(s string, i, j int) bool {
	glued := func(c byte) bool {
		return c >= '0' && c <= '9' || strings.IndexByte("-_./\\@<>$%#{}", c) >= 0
	}
	if i > 0 && glued(s[i-1]) {
		return false
	}
	return j >= len(s) || !glued(s[j]) || s[j] == '.' && (j+1 == len(s) || !isASCIIWordByte(s[j+1]))
}

// firstInnerCapital is the first capital of w after a lower-case letter.
func firstInnerCapital(w string) string {
	var prev rune
	for _, r := range w {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return string(r)
		}
		prev = r
	}
	return ""
}
