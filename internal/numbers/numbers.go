// Package numbers finds the numbers in a piece of localized prose and
// normalizes them, so that the same quantity written the way two locales
// write it compares equal: "50,000" (en) = "50 000" (fr) = "50.000" (de),
// "4/16/2019" = "16/04/2019" = "16.04.2019" = "2019年4月16日", "10 million"
// = "1000 万", "2:00 PM" = "14:00" = "14 h 00".
//
// Numbers that belong to a name ("Office 365", "21Vianet", "SHA-256",
// "x64", GUIDs, version numbers) come out as identifiers, compared as whole
// tokens; numbers inside URLs, e-mail addresses, host and file names are
// skipped.
package numbers

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a number.
type Kind int

// Kinds. Cardinal, Ordinal and Percent values compare with each other on
// their numeric value; the others have their own value spaces.
const (
	Cardinal   Kind = iota // 10, 3.5, 50 000, 10 million
	Ordinal                // 1st, 2e, 1er, 3.
	Percent                // 50 %, 50 percent
	Date                   // 2019-04-16, --04-16 (no year), 2019-04 (no day)
	Time                   // 14:00
	Identifier             // office365, 21vianet, sha256, e5, a GUID
	Version                // 1.2.3
	Standard               // 27001, 20000-1:2011 (from "ISO 20000-1:2011")
)

var kindNames = [...]string{"number", "ordinal", "percent", "date", "time", "identifier", "version", "standard"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Number is one number found in the text.
type Number struct {
	Kind Kind
	// Value is the canonical form: "50000", "3.5", "2019-04-16", "14:00",
	// "office365", "20000-1:2011".
	Value string
	// Alt is a second reading of an ambiguous form, or "": "1,500" in French
	// text is 1.5 but also English-style 1500; "03/04/2019" may be either
	// order.
	Alt string
	// Text is the original text, input[Start:End].
	Text       string
	Start, End int
	// Word is set for numbers spelled out ("ten", "dix", "三", "first"):
	// they may stand for a digit form on the other side but are not
	// expected to have a counterpart themselves ("one of the", "一个").
	Word bool
	// Parts are the plain values a date or time is made of (year and day;
	// hour), to match one written differently on the other side.
	Parts []string
}

// Extract returns the numbers in plain, prose in the given locale
// ("en-US", "fr-FR", "zh-CN"...), in text order.
//
// Arabic-Indic digits (٤٤٣, Persian ۴۴۳) read as the digits they are, with
// ٫ as the decimal and ٬ as the group separator and ٪ as percent; Start,
// End and Text stay those of plain.
func Extract(plain string, locale string) []Number { return extract(plain, locale, false) }

// HasDigits reports whether s has a digit Extract reads: ASCII, or
// Arabic-Indic. Without one, Extract finds only spelled-out numbers.
func HasDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		} else if (c == 0xD9 || c == 0xDB) && i+1 < len(s) {
			if d, ok := arabicDigit(c, s[i+1]); ok && d >= '0' && d <= '9' {
				return true
			}
		}
	}
	return false
}

// asciiDigits returns s with Arabic-Indic digits and separators written in
// ASCII, and for each byte offset of the result (and its end) the offset
// in s; offs is nil when s has none.
func asciiDigits(s string) (string, []int) {
	has := false
	for i := 0; i+1 < len(s) && !has; i++ {
		_, ok := arabicDigit(s[i], s[i+1])
		has = ok
	}
	if !has {
		return s, nil
	}
	var b strings.Builder
	offs := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		if i+1 < len(s) {
			if c, ok := arabicDigit(s[i], s[i+1]); ok {
				b.WriteByte(c)
				offs = append(offs, i)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
		offs = append(offs, i)
		i++
	}
	return b.String(), append(offs, len(s))
}

// arabicDigit maps the UTF-8 bytes of U+0660-U+066C (digits, ٪ ٫ ٬) and
// U+06F0-U+06F9 (Persian digits) to ASCII.
func arabicDigit(b0, b1 byte) (byte, bool) {
	switch {
	case b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9:
		return '0' + b1 - 0xA0, true
	case b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9:
		return '0' + b1 - 0xB0, true
	case b0 == 0xD9 && b1 == 0xAA:
		return '%', true
	case b0 == 0xD9 && b1 == 0xAB:
		return '.', true
	case b0 == 0xD9 && b1 == 0xAC:
		return ',', true
	}
	return 0, false
}

// extract is Extract; noShortcut reads every word and number the long way
// (the shortcuts of mayMatter and may off), for the tests.
func extract(plain string, locale string, noShortcut bool) []Number {
	ascii, offs := asciiDigits(plain)
	e := &extractor{s: ascii, c: localeConventions(locale), noShortcut: noShortcut}
	e.premask()
	e.scan()
	if offs != nil {
		for i := range e.out {
			n := &e.out[i]
			n.Start, n.End = offs[n.Start], offs[n.End]
			n.Text = plain[n.Start:n.End]
		}
	}
	return e.out
}

type span struct{ start, end int }

type extractor struct {
	s    string
	c    conventions
	out  []Number
	mask []span // sorted, non-overlapping ranges to skip
	// noShortcut: look every word up (see mayMatter).
	noShortcut bool
}

var (
	urlRe   = regexp.MustCompile(`(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>"]*`)
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// Host and file names: contoso.onmicrosoft.com, IBANs.docx, file1.txt.
	hostRe  = regexp.MustCompile(`(?i)\b[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.` + alternatives(topDomains) + `\b`)
	fileExt = alternatives(fileExts) + `\b`
	fileRe  = regexp.MustCompile(`(?i)\b[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.` + fileExt)
	// MT sometimes inserts a space after the dot: "Get-Rules. ps1".
	fileSpaceRe = regexp.MustCompile(`\b[A-Za-z0-9_-]*[A-Za-z][A-Za-z0-9_-]*\. ` + fileExt)
	pathRe      = regexp.MustCompile(`(?:\b[A-Za-z]:\\|\\\\|\bHKEY_|\bHK(?:LM|CU)\\)[^\s]*`)
	guidRe      = regexp.MustCompile(`\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b`)
	hexRe       = regexp.MustCompile(`\b0[xX][0-9A-Fa-f]+\b`)
)

// premask records URLs, addresses, host/file names and paths as skipped
// ranges, and emits GUIDs and hex numbers as identifiers.
func (e *extractor) premask() {
	var m []span
	// Each pattern runs only when the text has the character it cannot
	// match without: the regexps were most of the rule's time (pprof).
	s := e.s
	// Host and file names end in a dot and a known suffix.
	host, file, fileSpace := dotSuffixes(s)
	for _, p := range []struct {
		re   *regexp.Regexp
		need bool
	}{
		{urlRe, strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.") || strings.Contains(s, "mailto:")},
		{emailRe, strings.IndexByte(s, '@') >= 0},
		{hostRe, host},
		{fileRe, file},
		{fileSpaceRe, fileSpace},
		{pathRe, strings.IndexByte(s, '\\') >= 0 || strings.Contains(s, "HKEY_")},
	} {
		if !p.need {
			continue
		}
		for _, loc := range p.re.FindAllStringIndex(s, -1) {
			m = append(m, span{loc[0], loc[1]})
		}
	}
	m = merge(m)
	for _, p := range []struct {
		re   *regexp.Regexp
		need bool
	}{
		{guidRe, strings.Count(s, "-") >= 4},
		{hexRe, strings.Contains(s, "0x") || strings.Contains(s, "0X")},
	} {
		if !p.need {
			continue
		}
		re := p.re
		for _, loc := range re.FindAllStringIndex(e.s, -1) {
			if inSpans(m, loc[0]) {
				continue
			}
			t := e.s[loc[0]:loc[1]]
			e.out = append(e.out, Number{Kind: Identifier, Value: strings.ToLower(t), Text: t, Start: loc[0], End: loc[1]})
			m = append(m, span{loc[0], loc[1]})
		}
	}
	e.mask = merge(m)
}

// dotSuffixes reports whether s has a dot followed by a top-level domain
// hostRe knows, by a file extension fileRe knows, and a dot and a space
// followed by such an extension (fileSpaceRe): the patterns cannot match
// otherwise, and most texts have none.
func dotSuffixes(s string) (host, file, fileSpace bool) {
	var buf [8]byte
	for i := strings.IndexByte(s, '.'); i >= 0; {
		j := i + 1
		spaced := j < len(s) && s[j] == ' '
		if spaced {
			j++
		}
		k := j
		for k < len(s) && k-j < len(buf) && isAlnumASCII(s[k]) {
			buf[k-j] = s[k] | 0x20 // lower case; digits are unchanged
			k++
		}
		if w := buf[:k-j]; k > j && (k == len(s) || !isAlnumASCII(s[k])) {
			if spaced {
				fileSpace = fileSpace || fileExts[string(w)]
			} else {
				host = host || topDomains[string(w)]
				file = file || fileExts[string(w)]
			}
		}
		n := strings.IndexByte(s[i+1:], '.')
		if n < 0 {
			break
		}
		i += 1 + n
	}
	return host, file, fileSpace
}

func isAlnumASCII(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' }

// topDomains and fileExts are the suffixes hostRe and fileRe know.
var (
	topDomains = setOf("com net org ms io gov edu cn de fr info biz local")
	fileExts   = setOf(`doc docx xls xlsx ppt pptx txt csv xml json ps1 psm1 psd1 exe dll msi zip pst ost msg eml
		pdf htm html aspx js png jpg jpeg gif cab vhd vhdx cer pfx config log bat cmd reg vbs csproj mp4`)
)

// alternatives is a regexp group matching any word of set, longest first.
func alternatives(set map[string]bool) string {
	var ws []string
	for w := range set {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) || len(ws[i]) == len(ws[j]) && ws[i] < ws[j] })
	return "(?:" + strings.Join(ws, "|") + ")"
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// merge sorts spans and joins the overlapping ones.
func merge(m []span) []span {
	sort.Slice(m, func(i, j int) bool { return m[i].start < m[j].start })
	var out []span
	for _, sp := range m {
		if n := len(out); n > 0 && sp.start <= out[n-1].end {
			if sp.end > out[n-1].end {
				out[n-1].end = sp.end
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// inSpans reports whether i is in one of the merged spans m.
func inSpans(m []span, i int) bool {
	k := sort.Search(len(m), func(k int) bool { return m[k].end > i })
	return k < len(m) && m[k].start <= i
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isLetter is a letter of an alphabetic script; CJK characters are not
// letters here, so "由21Vianet" and "第3步" split at the script change.
func isLetter(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return r < 0x2E80 && unicode.IsLetter(r)
}

func (e *extractor) runeAt(i int) rune {
	if i < 0 || i >= len(e.s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(e.s[i:])
	return r
}

func (e *extractor) runeBefore(i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(e.s[:i])
	return r
}

// wordChar continues an alphanumeric token.
func wordChar(r rune) bool { return r >= '0' && r <= '9' || isLetter(r) }

// alnumEnd returns the end of the run of letters and digits at i.
func (e *extractor) alnumEnd(i int) int {
	for i < len(e.s) {
		if c := e.s[i]; c < utf8.RuneSelf {
			if !isAlnumASCII(c) {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(e.s[i:])
		if !wordChar(r) {
			break
		}
		i += w
	}
	return i
}

func (e *extractor) add(n Number) {
	n.Text = e.s[n.Start:n.End]
	e.out = append(e.out, n)
}

func (e *extractor) scan() {
	mi := 0
	for i := 0; i < len(e.s); {
		for mi < len(e.mask) && e.mask[mi].end <= i {
			mi++
		}
		if mi < len(e.mask) && i >= e.mask[mi].start {
			i = e.mask[mi].end
			continue
		}
		r, w := utf8.DecodeRuneInString(e.s[i:])
		switch {
		case r >= '0' && r <= '9':
			i = e.number(i)
		case r == '.' && i+1 < len(e.s) && isDigit(e.s[i+1]) && !wordChar(e.runeBefore(i)) && e.runeBefore(i) != '.':
			i = e.leadingDecimal(i)
		case isLetter(r):
			i = e.word(i)
		case r == '百' && strings.HasPrefix(e.s[i:], "百分之"):
			i = e.cjkPercent(i)
		case r >= 0x2E80 && e.localizedName(i):
			i = e.out[len(e.out)-1].End
		default:
			if _, _, ok := cjkDigit(r); ok {
				i = e.cjkNumber(i)
			} else {
				i += w
			}
		}
		if i <= 0 { // defensive: never loop forever
			break
		}
	}
	// premask emitted identifiers first: restore text order.
	sort.SliceStable(e.out, func(i, j int) bool { return e.out[i].Start < e.out[j].Start })
}

// limit returns the end of the text or of the next masked range after i,
// so patterns do not reach into a URL.
func (e *extractor) limit(i int) int {
	k := sort.Search(len(e.mask), func(k int) bool { return e.mask[k].start >= i })
	if k < len(e.mask) {
		return e.mask[k].start
	}
	return len(e.s)
}

// localizedNames are translations of names that contain digits, so the name
// and its translation compare equal: 21Vianet is 世纪互联 in Chinese.
var localizedNames = map[string]string{"世纪互联": "21vianet", "世紀互聯": "21vianet"}

func (e *extractor) localizedName(i int) bool {
	if !strings.HasPrefix(e.s[i:], "世") {
		return false // the first character of every name above
	}
	for name, id := range localizedNames {
		if strings.HasPrefix(e.s[i:], name) {
			e.add(Number{Kind: Identifier, Value: id, Start: i, End: i + len(name)})
			return true
		}
	}
	return false
}

// leadingDecimal reads ".25", which other locales write 0,25.
func (e *extractor) leadingDecimal(i int) int {
	j := i + 1
	for j < len(e.s) && isDigit(e.s[j]) {
		j++
	}
	if j < len(e.s) && (e.s[j] == '.' || isLetter(e.runeAt(j))) {
		return i + 1 // ".NET4", ",.7.4.8": read on after the dot
	}
	e.add(Number{Kind: Cardinal, Value: canonical("0", e.s[i+1:j], 0), Start: i, End: j})
	return j
}
