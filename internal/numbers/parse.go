package numbers

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// sp matches the spaces found between a number and its unit or scale,
// including the no-break spaces French typography requires.
const sp = `[ \t\x{00A0}\x{202F}\x{2009}]`

var (
	zhYMDRe = regexp.MustCompile(`^(\d{4})` + sp + `*年` + sp + `*(\d{1,2})` + sp + `*月(?:` + sp + `*(\d{1,2})` + sp + `*[日号])?`)
	zhMDRe  = regexp.MustCompile(`^(\d{1,2})` + sp + `*月` + sp + `*(\d{1,2})` + sp + `*[日号]`)
	zhMRe   = regexp.MustCompile(`^(\d{1,2})` + sp + `*月`)
	isoDate = regexp.MustCompile(`^(\d{4})([-/])(\d{1,2})([-/])(\d{1,2})`)
	numDate = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})`)
	dayMon  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th|er|re|\.)?` + sp + `*(\pL+)\.?(?:,?` + sp + `+(\d{4}))?`)
	stdRe   = regexp.MustCompile(`^(?:\d+(?:-\d+)+|\d{4,}):\d{4}`)
	centRe  = regexp.MustCompile(`^` + sp + `+cent\b`)
	timeRe  = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2}))?`)
	ampmRe  = regexp.MustCompile(`^` + sp + `?([AaPp])\.?` + sp + `?[Mm]\.?`)
	frTime  = regexp.MustCompile(`^(\d{1,2})` + sp + `?h` + sp + `?(\d{2})`)
	deTime  = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))?` + sp + `?Uhr`)
	// 2 時 30 分, 14时, 下午 2 点半: the hour (时 also counts hours in 小时,
	// 時間; 点 also counts points: see clock).
	cjkTime = regexp.MustCompile(`^(\d{1,2})` + sp + `?(時|时|点|點)(?:` + sp + `?(?:(\d{1,2})` + sp + `?分|(半)))?`)
	dotted  = regexp.MustCompile(`^\d+(?:\.\d+){2,}`)
	// After a month name: "16, 2019", "16th 2019", "2019", "16".
	monDay  = regexp.MustCompile(`^\.?` + sp + `+(\d{1,2})(?:st|nd|rd|th)?(?:,?` + sp + `+(\d{4}))?`)
	monYear = regexp.MustCompile(`^\.?,?` + sp + `+(\d{4})`)
	// After a standard's name: "27001", "20000-1:2011", "800-53", "140-2".
	stdNum = regexp.MustCompile(`^(?:` + sp + `*/` + sp + `*IEC)?[-` + sp[1:len(sp)-1] + `]+(\d+(?:[-‐–.]\d+)*(?::\d{4})?)`)
	// After a product's name: "365", "10", "8.1", "2012".
	prodNum = regexp.MustCompile(`^` + sp + `+(\d+(?:[.,]\d+)?)`)
	// A name and a number glued: SessionID2, Win10, M3.
	nameNumRe = regexp.MustCompile(`^[a-z]+(\d+)$`)
	expRe     = regexp.MustCompile(`^` + sp + `?[eE](?:` + sp + `?([+-])` + sp + `?(\d{1,3})|([+-]?\d{1,3}))`)
	// "Always" idioms are translated as words ("rund um die Uhr") or other
	// numbers ("24h/24, 7j/7"): not quantities to compare.
	idiomRe     = regexp.MustCompile(`^(?:24` + sp + `?[x×/]` + sp + `?(?:7|365)|24` + sp + `?h` + sp + `?/` + sp + `?24|7` + sp + `?j` + sp + `?/` + sp + `?7|24 heures sur 24|7 jours sur 7|24 hours a day|24 Stunden am Tag|7 days a week|7 Tage die Woche|365 days a year|365 jours par an|365 Tage(?:n)? im Jahr)`)
	halfDozenRe = regexp.MustCompile(`^(?i:half(?: a)? dozen|une demi-douzaine|ein halbes Dutzend)`)
	pctEscape   = regexp.MustCompile(`(?i)% ?[0-9][A-F](?:[^0-9A-Za-z]|$)`)
	partyRe     = regexp.MustCompile(`^[- ]part(?:y|ies)\b`)
)

// boundaryAfter reports whether a number token may end at i: not followed
// by a digit, nor by a separator and a digit that would extend it.
func (e *extractor) boundaryAfter(i int) bool {
	if i >= len(e.s) {
		return true
	}
	c := e.s[i]
	if isDigit(c) {
		return false
	}
	if (c == '.' || c == '/' || c == '-' || c == ':' || c == ',') && i+1 < len(e.s) && isDigit(e.s[i+1]) {
		return false
	}
	return true
}

// letterAfter reports whether a letter follows at i.
func (e *extractor) letterAfter(i int) bool { return isLetter(e.runeAt(i)) }

// number handles a digit at i and returns where scanning resumes.
func (e *extractor) number(i int) int {
	lim := e.limit(i)
	s := e.s[i:lim]
	if isLetter(e.runeBefore(i)) {
		// The tail of a token the word scanner did not take (after a mask).
		return e.alnumEnd(i)
	}
	if w := e.s[max(0, i-2):min(len(e.s), i+3)]; strings.IndexByte(w, '%') >= 0 && pctEscape.MatchString(w) &&
		(e.runeBefore(i) == '%' || strings.HasSuffix(e.s[:i], "% ")) {
		return e.alnumEnd(i) // "%3D" of a URL broken by a space
	}
	// The patterns below are anchored on the digit run: each is tried only
	// when the run's length and what follows it allow a match (most numbers
	// are none of these, and the regexps were most of the time here).
	k := 0
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	var after byte // the byte after the digit run
	if k < len(s) {
		after = s[k]
	}
	cjkAfter := func(r string) bool { return strings.HasPrefix(strings.TrimLeft(s[k:], " \t\u00a0\u202f\u2009"), r) }
	if m := submatch(e.may(k == 4 && cjkAfter("年")), zhYMDRe, s); m != nil {
		y, mo, d := s[m[2]:m[3]], atoiSmall(s[m[4]:m[5]]), 0
		if m[6] >= 0 {
			d = atoiSmall(s[m[6]:m[7]])
		}
		if mo >= 1 && mo <= 12 && d >= 0 && d <= 31 && (m[6] < 0 || d > 0) {
			n := Number{Kind: Date, Value: y + "-" + pad2(mo), Parts: []string{y}, Start: i, End: i + m[1]}
			if d > 0 {
				n.Value, n.Parts = ymd(y, mo, d), []string{y, itoa(d)}
			}
			e.add(n)
			return n.End
		}
	}
	month := k <= 2 && cjkAfter("月")
	if m := submatch(e.may(month), zhMDRe, s); m != nil {
		mo, d := atoiSmall(s[m[2]:m[3]]), atoiSmall(s[m[4]:m[5]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			e.add(Number{Kind: Date, Value: "--" + pad2(mo) + "-" + pad2(d), Parts: []string{itoa(d)}, Start: i, End: i + m[1]})
			return i + m[1]
		}
	}
	if m := submatch(e.may(month), zhMRe, s); m != nil {
		// "4 月" is a month name: it stands for "April", not a quantity.
		if mo := atoiSmall(s[m[2]:m[3]]); mo >= 1 && mo <= 12 {
			e.add(Number{Kind: Cardinal, Value: itoa(mo), Word: true, Start: i, End: i + m[1]})
			return i + m[1]
		}
	}
	if m := submatch(e.may(k == 4 && (after == '-' || after == '/')), isoDate, s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] && e.boundaryAfter(i+m[1]) {
		mo, d := atoiSmall(s[m[6]:m[7]]), atoiSmall(s[m[10]:m[11]])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			y := s[m[2]:m[3]]
			e.add(Number{Kind: Date, Value: ymd(y, mo, d), Parts: []string{trimZeros(y), itoa(d)}, Start: i, End: i + m[1]})
			return i + m[1]
		}
	}
	if m := submatch(e.may(k <= 2 && (after == '/' || after == '.' || after == '-')), numDate, s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] && e.boundaryAfter(i+m[1]) && !e.letterAfter(i+m[1]) {
		sep := s[m[4]:m[5]]
		y := s[m[10]:m[11]]
		if len(y) == 4 || sep == "/" {
			if n, ok := e.numericDate(atoiSmall(s[m[2]:m[3]]), atoiSmall(s[m[6]:m[7]]), y, sep); ok {
				n.Start, n.End = i, i+m[1]
				e.add(n)
				return n.End
			}
		}
	}
	// A letter, a space, a dot or a multi-byte character (a letter or a
	// no-break space) follows the day.
	dayNext := after == ' ' || after == '\t' || after == '.' || after >= 0x80 || after|0x20 >= 'a' && after|0x20 <= 'z'
	if m := submatch(e.may(k <= 2 && dayNext), dayMon, s); m != nil && !e.letterAfter(i+m[5]) {
		if mo := e.c.month(s[m[4]:m[5]]); mo > 0 {
			if d := atoiSmall(s[m[2]:m[3]]); d >= 1 && d <= 31 {
				n := Number{Kind: Date, Start: i, End: i + m[1]}
				if m[6] >= 0 && e.boundaryAfter(i+m[7]) {
					y := s[m[6]:m[7]]
					n.Value, n.Parts = ymd(y, mo, d), []string{y, itoa(d)}
				} else {
					n.End = i + m[5]
					if n.End < lim && e.s[n.End] == '.' {
						n.End++
					}
					n.Value, n.Parts = "--"+pad2(mo)+"-"+pad2(d), []string{itoa(d)}
				}
				e.add(n)
				return n.End
			}
		}
	}
	if m := index(e.may(after == '-' || k >= 4 && after == ':'), stdRe, s); m != nil && e.boundaryAfter(i+m[1]) {
		e.add(Number{Kind: Standard, Value: s[:m[1]], Parts: standardParts(s[:m[1]]), Start: i, End: i + m[1]})
		return i + m[1]
	}
	if e.may(k <= 2) {
		if n, ok := e.clock(i, s); ok {
			e.add(n)
			return n.End
		}
	}
	if m := index(e.may(after == '.'), dotted, s); m != nil && !groupedBy(s[:m[1]], '.') {
		end := e.alnumEnd(i + m[1])
		e.add(Number{Kind: Version, Value: strings.ToLower(e.s[i:end]), Start: i, End: end})
		return end
	}
	return e.plainNumber(i, lim)
}

// may is cond, or true when the shortcuts are off (the tests compare).
func (e *extractor) may(cond bool) bool { return cond || e.noShortcut }

// submatch is re.FindStringSubmatchIndex(s) when ok, nil otherwise: ok is a
// condition any match meets, cheaper to test than running re.
func submatch(ok bool, re *regexp.Regexp, s string) []int {
	if !ok {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

// index is re.FindStringIndex(s) when ok, as submatch.
func index(ok bool, re *regexp.Regexp, s string) []int {
	if !ok {
		return nil
	}
	return re.FindStringIndex(s)
}

// numericDate reads a/b/y in the locale's order, keeping the other order as
// Alt when both are valid dates.
func (e *extractor) numericDate(a, b int, y, sep string) (Number, bool) {
	if len(y) == 2 {
		if atoiSmall(y) < 70 {
			y = "20" + y
		} else {
			y = "19" + y
		}
	}
	valid := func(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= 31 }
	dayFirst := e.c.dayFirst || sep == "."
	m, d := a, b
	if dayFirst {
		m, d = b, a
	}
	if !valid(m, d) {
		m, d = d, m
		if !valid(m, d) {
			return Number{}, false
		}
	}
	n := Number{Kind: Date, Value: ymd(y, m, d), Parts: []string{trimZeros(y), itoa(d)}}
	if m != d && valid(d, m) {
		n.Alt = ymd(y, d, m)
	}
	return n, true
}

func ymd(y string, m, d int) string { return y + "-" + pad2(m) + "-" + pad2(d) }

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// clock recognizes times: 14:00, 2:00 PM, 2 PM, 14 h 00, 14 Uhr, 下午 2:00.
func (e *extractor) clock(i int, s string) (Number, bool) {
	if i >= 2 && (e.s[i-1] == '-' || e.s[i-1] == '/') && isDigit(e.s[i-2]) {
		return Number{}, false // "1-2:19" is a range, then a label
	}
	var h int
	min, sec, end := 0, "", 0
	if m := timeRe.FindStringSubmatchIndex(s); m != nil && e.boundaryAfter(i+m[1]) {
		h, min, end = atoiSmall(s[m[2]:m[3]]), atoiSmall(s[m[4]:m[5]]), m[1]
		if m[6] >= 0 {
			sec = s[m[6]:m[7]]
		}
	} else if m := frTime.FindStringSubmatchIndex(s); m != nil && e.boundaryAfter(i+m[1]) && !e.letterAfter(i+m[1]) {
		h, min, end = atoiSmall(s[m[2]:m[3]]), atoiSmall(s[m[4]:m[5]]), m[1]
	} else if m := deTime.FindStringSubmatchIndex(s); m != nil && !e.letterAfter(i+m[1]) {
		h, end = atoiSmall(s[m[2]:m[3]]), m[1]
		if m[4] >= 0 {
			min = atoiSmall(s[m[4]:m[5]])
		}
	} else if m := e.cjkClock(i, s); m != nil {
		h, end = atoiSmall(s[m[2]:m[3]]), m[1]
		switch {
		case m[6] >= 0:
			min = atoiSmall(s[m[6]:m[7]])
		case m[8] >= 0:
			min = 30
		}
	} else {
		j := 0
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j > 2 {
			return Number{}, false
		}
		if m := ampmRe.FindStringSubmatchIndex(s[j:]); m != nil && !e.letterAfter(i+j+m[1]) {
			h, end = atoiSmall(s[:j]), j
		} else {
			return Number{}, false
		}
	}
	if h < 0 || h > 24 || min > 59 {
		return Number{}, false
	}
	pm, am := false, false
	if m := ampmRe.FindStringSubmatchIndex(s[end:]); m != nil && !e.letterAfter(i+end+m[1]) && h <= 12 {
		c := s[end+m[2]]
		pm, am = c == 'p' || c == 'P', c == 'a' || c == 'A'
		end += m[1]
	} else if e.c.lang == "zh" || e.c.lang == "ja" {
		before := strings.TrimRight(e.s[max(0, i-12):i], " \u00a0")
		switch {
		case strings.HasSuffix(before, "下午"), strings.HasSuffix(before, "晚上"), strings.HasSuffix(before, "午後"):
			pm = h < 12
		case strings.HasSuffix(before, "上午"), strings.HasSuffix(before, "凌晨"), strings.HasSuffix(before, "午前"):
			am = true
		}
	}
	if pm && h < 12 {
		h += 12
	}
	if am && h == 12 {
		h = 0
	}
	v := pad2(h) + ":" + pad2(min)
	if sec != "" {
		v += ":" + sec
	}
	return Number{Kind: Time, Value: v, Parts: []string{itoa(h)}, Start: i, End: i + end}, true
}

// cjkClock matches a Chinese or Japanese clock time at s (e.s[i:]): 2 時
// 30 分, 下午 2 点. Not 2 時間 or 2 时间 (a duration); 点 only with its
// minutes, 半 or a time of day before it (以下 3 点 are three points).
func (e *extractor) cjkClock(i int, s string) []int {
	if e.c.lang != "zh" && e.c.lang != "ja" {
		return nil
	}
	m := cjkTime.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	after := s[m[1]:]
	if m[6] < 0 && m[8] < 0 && (strings.HasPrefix(after, "間") || strings.HasPrefix(after, "间")) {
		return nil
	}
	if unit := s[m[4]:m[5]]; (unit == "点" || unit == "點") && m[6] < 0 && m[8] < 0 {
		before := strings.TrimRight(e.s[max(0, i-12):i], " \u00a0")
		ok := false
		for _, w := range []string{"上午", "下午", "晚上", "凌晨", "中午", "早上"} {
			ok = ok || strings.HasSuffix(before, w)
		}
		if !ok {
			return nil
		}
	}
	return m
}

// groupedBy reports whether s is digit groups of 3 joined by sep after a
// first group of 1-3 digits, as in 1.000.000.
func groupedBy(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func isGroupSpace(r rune) bool {
	// ' and ’ group thousands in Swiss German and Italian: 1'234, 1’234.
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\'' || r == '’'
}

// plainNumber parses an integer or decimal with locale grouping, then a
// scale word, a percent sign, or a glued suffix (1st, 10MB, 21Vianet).
func (e *extractor) plainNumber(i, lim int) int {
	s := e.s
	if m := idiomRe.FindStringIndex(s[i:lim]); m != nil && !e.letterAfter(i+m[1]) {
		// "24x7" means always and is translated so: its numbers are words.
		for k := i; k < i+m[1]; {
			if !isDigit(s[k]) {
				k++
				continue
			}
			d := k
			for d < i+m[1] && isDigit(s[d]) {
				d++
			}
			e.add(Number{Kind: Cardinal, Value: trimZeros(s[k:d]), Word: true, Start: k, End: d})
			k = d
		}
		return i + m[1]
	}
	j := i
	for j < lim && isDigit(s[j]) {
		j++
	}
	groups := []string{s[i:j]}
	var seps []rune
	for j < lim {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r != ',' && r != '.' && !isGroupSpace(r) || j+w >= lim || !isDigit(s[j+w]) {
			break
		}
		k := j + w
		for k < lim && isDigit(s[k]) {
			k++
		}
		if isGroupSpace(r) {
			// "50 000": only a 3-digit group continuing 1-3 digit groups.
			if k-(j+w) != 3 || len(groups[0]) > 3 || (len(seps) > 0 && seps[0] != r) {
				break
			}
		}
		groups = append(groups, s[j+w:k])
		seps = append(seps, r)
		j = k
	}
	intPart, frac, alt, list := e.interpret(groups, seps)
	if list {
		// "1,2,3" or en "1,5": separate numbers; scan them one at a time.
		e.add(Number{Kind: Cardinal, Value: trimZeros(groups[0]), Start: i, End: i + len(groups[0])})
		return i + len(groups[0])
	}
	n := Number{Kind: Cardinal, Value: canonical(intPart, frac, 0), Alt: alt, Start: i, End: j}
	if len(seps) == 1 && (seps[0] == ',' && frac != "" || seps[0] == ' ' && !e.c.decimalComma) {
		// "3,4" may be the list "3, 4" written tight; where an ordinary
		// space groups no digits (en, zh, ja...), "100 150" may be two
		// numbers whose dash was lost ("100-150K" as "100 150K").
		n.Parts = []string{trimZeros(groups[0]), trimZeros(groups[1])}
	}
	// Scientific notation: 4.81037E+11.
	if m := expRe.FindStringSubmatchIndex(s[j:lim]); m != nil && !e.letterAfter(j+m[1]) {
		exp := s[j+m[6] : j+m[7]]
		if m[2] >= 0 {
			exp = s[j+m[2]:j+m[3]] + s[j+m[4]:j+m[5]]
		}
		exp = strings.TrimLeft(exp, "+")
		if exp != "" && exp[0] == '-' {
			exp = "-" + trimZeros(exp[1:])
		} else {
			exp = trimZeros(exp)
		}
		n.Value, n.Alt, n.Parts, n.End = n.Value+"e"+exp, "", nil, j+m[1]
		e.add(n)
		return n.End
	}

	// Glued letters: ordinal, unit or identifier.
	if isLetter(e.runeAt(j)) {
		k := e.alnumEnd(j)
		suf := s[j:k]
		switch {
		case (suf[0] == 'x' || suf[0] == 'X') && len(suf) > 1 && len(seps) == 0 && strings.Trim(suf[1:], "0123456789") == "":
			// Dimensions: 170x70 is 170 x 70.
			e.add(n)
			e.add(Number{Kind: Cardinal, Value: trimZeros(suf[1:]), Start: j + 1, End: k})
			return k
		case strings.IndexFunc(suf, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0:
			// 1a2b
		case ordinalSuffix[strings.ToLower(suf)] && len(seps) == 0:
			n.Kind, n.End = Ordinal, k
			// "3rd party" is an idiom (tiers, Drittanbieter), not a count.
			n.Word = partyRe.MatchString(s[k:lim])
			e.add(n)
			return k
		case unitSuffix[suf]:
			n.End = k
			if suf == "K" || suf == "k" {
				n.Alt = n.Value
				n.Value = canonical(intPart, frac, 3)
				if len(n.Parts) == 2 {
					n.Parts[1] = canonical(groups[1], "", 3) // "100 150K": 100 and 150,000
				}
			} else if len(suf) == 1 && n.Alt == "" {
				n.Alt = strings.ToLower(s[i:k]) // "4B" may be a name, like "4b"
			}
			e.add(n)
			return k
		case gluedWord(suf, 2):
			// "Plan 2erhalten": a space lost next to markup, not a name.
			e.add(n)
			return j
		}
		for k+1 < lim && s[k] == '-' && isDigit(s[k+1]) { // 17a-4
			k = e.alnumEnd(k + 1)
		}
		n.Kind, n.Value, n.Alt, n.End = Identifier, identifierValue(s[i:k]), "", k
		// "1This" (a footnote mark before a word), "17a-4" against "17 a-4".
		n.Parts = digitRuns(s[i:k])
		e.add(n)
		return k
	}

	// Scale words: 10 million, 10 Mio., 1000 万, 1,5 Milliarden.
	k := j
	for k < lim {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !isGroupSpace(r) || r == '\'' || r == '’' {
			break
		}
		k += w
	}
	if isLetter(e.runeAt(k)) {
		we := e.alnumEnd(k)
		if exp := e.c.scaleWord(s[k:we]); exp > 0 {
			if we < lim && s[we] == '.' && (strings.EqualFold(s[k:we], "mio") || strings.EqualFold(s[k:we], "mrd")) {
				we++
			}
			// "2 mil millones" (Spanish), "2 mil milhões" (European
			// Portuguese): a thousand millions.
			if exp == 3 && we+1 < lim && s[we] == ' ' && isLetter(e.runeAt(we+1)) {
				we2 := e.alnumEnd(we + 1)
				if exp2 := e.c.scaleWord(s[we+1 : we2]); exp2 >= 6 {
					exp, we = exp+exp2, we2
				}
			}
			n.Value = canonical(intPart, frac, exp)
			n.Alt = ""
			n.End = we
			k = we
			for k < lim {
				r, w := utf8.DecodeRuneInString(s[k:])
				if !isGroupSpace(r) || r == '\'' || r == '’' {
					break
				}
				k += w
			}
		}
	} else if exp, w, scaleAlt := cjkScale(s[k:lim]); exp > 0 {
		if scaleAlt {
			n.Alt = n.Value
		} else {
			n.Alt = ""
		}
		n.Value = canonical(intPart, frac, exp)
		n.End = k + w
		k += w
	}

	// Percent: 50%, 50 %, 50 percent, 50 pour cent, 50 Prozent.
	if k < lim && (s[k] == '%' || strings.HasPrefix(s[k:], "％")) {
		_, w := utf8.DecodeRuneInString(s[k:])
		n.Kind, n.End = Percent, k+w
	} else if isLetter(e.runeAt(k)) {
		we := e.alnumEnd(k)
		switch strings.ToLower(s[k:we]) {
		case "percent", "prozent", "pourcent":
			n.Kind, n.End = Percent, we
		case "pour", "per":
			if m := centRe.FindStringIndex(s[we:lim]); m != nil {
				n.Kind, n.End = Percent, we+m[1]
			}
		}
	}
	e.add(n)
	return n.End
}

var ordinalSuffix = map[string]bool{
	"st": true, "nd": true, "rd": true, "th": true, // en
	"er": true, "re": true, "e": true, "ème": true, "eme": true, "ère": true, "ers": true, "res": true,
	"es": true, "nde": true, "ndes": true, "d": true, "ᵉ": true, "ᵉʳ": true, "ʳᵉ": true, "è": true, // fr
}

// unitSuffix are units written glued to a number; the number keeps its value.
var unitSuffix = map[string]bool{}

func init() {
	for _, u := range strings.Fields(`B KB kB Kb kb MB Mb mb GB Gb gb TB Tb PB KiB MiB GiB TiB Ko ko Mo Go To Kio Mio Gio
		bit bits Bit Bits bps kbps Kbps Mbps Gbps ms s sec secs min mins h hr hrs H d D j J px pt x X Hz kHz MHz GHz
		k K m cm mm km kg g W kW V mAh Std T`) {
		unitSuffix[u] = true
	}
}

// cjkScale reads 万, 亿, 千, 百万, 千万, 十亿 after a number. alt reports
// that the unscaled value stays possible (千 also starts 千字节, kilobyte).
func cjkScale(s string) (exp, width int, alt bool) {
	for _, p := range []struct {
		s   string
		exp int
	}{{"十亿", 9}, {"百万", 6}, {"千万", 7}, {"万亿", 12}, {"万", 4}, {"萬", 4}, {"亿", 8}, {"億", 8}, {"千", 3}} {
		if strings.HasPrefix(s, p.s) {
			return p.exp, len(p.s), p.s == "千"
		}
	}
	return 0, 0, false
}

// interpret reads digit groups and separators in the locale's convention.
// list means the separators are list commas: the first group stands alone.
func (e *extractor) interpret(g []string, seps []rune) (intPart, frac, alt string, list bool) {
	n := len(seps)
	if n == 0 {
		return g[0], "", "", false
	}
	grouped := func(k int) bool { // g[0..k] form 3-digit grouping
		if len(g[0]) > 3 {
			return false
		}
		for _, x := range g[1 : k+1] {
			if len(x) != 3 {
				return false
			}
		}
		return true
	}
	same := true
	for _, r := range seps[1:] {
		if r != seps[0] {
			same = false
		}
	}
	join := func(k int) string { return strings.Join(g[:k+1], "") }
	if same && n >= 2 {
		if grouped(n) {
			return join(n), "", "", false
		}
		return "", "", "", true
	}
	if !same {
		head := true
		for _, r := range seps[:n-1] {
			if r != seps[0] {
				head = false
			}
		}
		if head && grouped(n-1) && (seps[n-1] == '.' || seps[n-1] == ',') {
			return join(n - 1), g[n], "", false
		}
		return "", "", "", true
	}
	// One separator.
	a, b := g[0], g[1]
	three := len(b) == 3 && len(a) <= 3
	switch sep := seps[0]; {
	case isGroupSpace(sep):
		return a + b, "", "", false
	case sep == ',' && e.c.decimalComma:
		if three {
			return a, b, canonical(a+b, "", 0), false
		}
		return a, b, "", false
	case sep == ',':
		if three {
			return a + b, "", "", false
		}
		return "", "", "", true
	case e.c.decimalComma && three: // 50.000 in de; English-style 1.500 in fr
		return a + b, "", canonical(a, b, 0), false
	default:
		return a, b, "", false
	}
}

// canonical renders int.frac × 10^exp without leading or trailing zeros.
func canonical(intPart, frac string, exp int) string {
	for exp > 0 {
		if frac != "" {
			intPart += frac[:1]
			frac = frac[1:]
		} else {
			intPart += "0"
		}
		exp--
	}
	intPart = trimZeros(intPart)
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// digitRuns returns the numbers written in a token: 17a-4 has 17 and 4.
func digitRuns(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		out = append(out, trimZeros(s[i:j]))
		i = j
	}
	return out
}

// pointCanonical renders a number written with a decimal point canonically.
func pointCanonical(v string) string {
	k := strings.IndexByte(v, '.')
	if k < 0 {
		return trimZeros(v)
	}
	return canonical(v[:k], v[k+1:], 0)
}

// trimZeros removes leading zeros, keeping one digit.
func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" && s != "" {
		return "0"
	}
	return t
}

// word handles a letter at i: identifiers with digits, product and
// standard names followed by a number, month-name dates and number words.
func (e *extractor) word(i int) int {
	lim := e.limit(i)
	j := e.alnumEnd(i)
	if j > lim {
		j = lim
	}
	tok := e.s[i:j]
	if d := lastDigit(tok); d >= 0 {
		// E5, x64, FY17, KB4462, IPv6, Win10, Office365, TLS1.2.
		if gluedWord(tok[d+1:], 4) { // "E1angezeigt"
			j = i + d + 1
		}
		for j+1 < lim && e.s[j] == '.' && isDigit(e.s[j+1]) && isDigit(e.s[j-1]) {
			j++
			for j < lim && isDigit(e.s[j]) {
				j++
			}
		}
		n := Number{Kind: Identifier, Value: identifierValue(e.s[i:j]), Start: i, End: j}
		// P2P, B2B, B2C abbreviate peer-to-peer, business-to-business.
		n.Word = len(tok) == 3 && tok[1] == '2' && isLetter(rune(tok[0])) && isLetter(rune(tok[2]))
		if (tok[0] == 'v' || tok[0] == 'V') && isDigit(e.s[i+1]) && strings.Trim(e.s[i+1:j], "0123456789.") == "" {
			// v5 is version 5, v8.0.2 is 8.0.2.
			n.Kind, n.Value = Version, e.s[i+1:j]
			if strings.Count(n.Value, ".") <= 1 { // v11.0 is "v 11.0" is 11
				n.Value = pointCanonical(n.Value)
			}
		}
		// SessionID2 may be written SessionID 2 on the other side, and
		// "M <sup>3</sup>AAWG" may lose its markup.
		if m := nameNumRe.FindStringSubmatch(n.Value); m != nil {
			n.Parts = []string{trimZeros(m[1])}
		}
		e.add(n)
		return j
	}
	if !e.noShortcut && (j >= lim || e.s[j] != '-') && !e.c.mayMatter(tok) {
		return j // a plain word: none of the look-ups below can find it
	}
	rest := e.s[j:lim]
	lt := strings.ToLower(tok) // once for the look-ups below
	if mo := e.c.monthLower(tok, lt); mo > 0 {
		if m := monDay.FindStringSubmatchIndex(rest); m != nil && e.boundaryAfter(j+m[1]) && !e.letterAfter(j+m[1]) {
			d := atoiSmall(rest[m[2]:m[3]])
			if d >= 1 && d <= 31 {
				n := Number{Kind: Date, Value: "--" + pad2(mo) + "-" + pad2(d), Parts: []string{itoa(d)}, Start: i, End: j + m[1]}
				if m[4] >= 0 {
					y := rest[m[4]:m[5]]
					n.Value, n.Parts = ymd(y, mo, d), []string{y, itoa(d)}
				}
				e.add(n)
				return n.End
			}
		}
		if m := monYear.FindStringSubmatchIndex(rest); m != nil && e.boundaryAfter(j+m[1]) && !e.letterAfter(j+m[1]) {
			y := rest[m[2]:m[3]]
			e.add(Number{Kind: Date, Value: y + "-" + pad2(mo), Parts: []string{y}, Start: i, End: j + m[1]})
			return j + m[1]
		}
	}
	if standardNames[tok] {
		if m := stdNum.FindStringSubmatchIndex(rest); m != nil && e.boundaryAfter(j+m[1]) && !e.letterAfter(j+m[1]) {
			v := dashes.Replace(rest[m[2]:m[3]])
			e.add(Number{Kind: Standard, Value: v, Parts: standardParts(v), Start: j + m[2], End: j + m[3]})
			return j + m[1]
		}
	}
	if productNames[tok] || productNamesAnyCase[lt] {
		if m := prodNum.FindStringSubmatchIndex(rest); m != nil && e.boundaryAfter(j+m[1]) &&
			(!e.letterAfter(j+m[1]) || gluedWord(e.s[j+m[1]:e.alnumEnd(j+m[1])], 2)) {
			num := strings.ReplaceAll(rest[m[2]:m[3]], ",", ".")
			e.add(Number{Kind: Identifier, Value: identifierValue(tok + num), Parts: []string{pointCanonical(num)}, Start: i, End: j + m[1]})
			return j + m[1]
		}
	}
	// SHA-256, UTF-8, AES-256: an upper-case name, a hyphen and digits.
	if j+1 < lim && e.s[j] == '-' && isDigit(e.s[j+1]) && strings.ToUpper(tok) == tok {
		k := j + 1
		for k < lim && isDigit(e.s[k]) {
			k++
		}
		k = e.alnumEnd(k)
		d := j + 1
		for d < k && isDigit(e.s[d]) {
			d++
		}
		e.add(Number{Kind: Identifier, Value: identifierValue(tok + e.s[j+1:k]), Parts: []string{trimZeros(e.s[j+1 : d])}, Start: i, End: k})
		return k
	}
	return e.numberWord(i, j, lim, lt)
}

// gluedWord reports a run of at least min lower-case letters that is not a
// unit or an ordinal suffix: a word glued to a number by a lost space.
func gluedWord(s string, min int) bool {
	if len(s) < min || unitSuffix[s] || ordinalSuffix[s] {
		return false
	}
	for _, r := range s {
		if !isLetter(r) || !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// identifierAliases are short forms of names with numbers.
var identifierAliases = map[string]string{"o365": "office365", "m365": "microsoft365"}

var (
	dashes         = strings.NewReplacer("‐", "-", "–", "-")
	identifierGaps = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "-", "")
)

// identifierValue normalizes an identifier: lower case, no spaces or hyphens.
func identifierValue(s string) string {
	v := s
	if strings.ContainsAny(s, " -\u00a0\u202f") {
		v = identifierGaps.Replace(s)
	}
	v = strings.ToLower(v)
	if len(v) > 2 && v[len(v)-1] == 's' && isDigit(v[len(v)-2]) {
		v = v[:len(v)-1] // plural: "non-O365s", "E5s"
	}
	if a, ok := identifierAliases[v]; ok {
		return a
	}
	return v
}

// standardParts are the numbers of "140-2" or "20000-1:2011", to match the
// other side when its punctuation hides the standard ("FIPS). 140-2").
func standardParts(v string) []string {
	if !strings.ContainsAny(v, "-:") {
		return nil
	}
	var parts []string
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == '-' || r == ':' }) {
		parts = append(parts, trimZeros(p))
	}
	return parts
}

// wordsThatMatter are, lower-cased, the words word looks up: months, standard
// and product names and number words of every language. Built on first use:
// the word lists are filled by init functions.
var wordsThatMatter = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, m := range []map[string]int{enMonths, frMonths, deMonths} {
		for w := range m {
			set[w] = true
		}
	}
	for _, m := range []map[string]wordNum{enWords, frWords, deWords} {
		for w := range m {
			set[w] = true
		}
	}
	for _, m := range []map[string]bool{standardNames, productNames, productNamesAnyCase} {
		for w := range m {
			set[strings.ToLower(w)] = true
		}
	}
	return set
})

// mayMatter reports whether a token without digits, not followed by a
// hyphen, may be a month, a standard or product name or a number word:
// most words are none, and word then has nothing to do.
func (c *conventions) mayMatter(tok string) bool {
	matter := wordsThatMatter()
	var buf [24]byte
	var lt string
	if len(tok) <= len(buf) && isASCIIString(tok) {
		for i := 0; i < len(tok); i++ {
			ch := tok[i]
			if ch >= 'A' && ch <= 'Z' {
				ch += 'a' - 'A'
			}
			buf[i] = ch
		}
		if matter[string(buf[:len(tok)])] {
			return true
		}
		lt = string(buf[:len(tok)]) // only for German compounds below
		if c.lang != "de" {
			return false
		}
	} else {
		lt = strings.ToLower(tok)
		if matter[lt] {
			return true
		}
	}
	if c.lang == "de" && deNumberPrefix(lt) {
		for _, suf := range deCompoundSuffixes {
			if strings.Contains(lt, suf) {
				return true
			}
		}
	}
	return false
}

// deNumberPrefix reports whether w may start with a German number word
// (the first three bytes of one, or a shorter one whole): a compound such
// as "neunstellige" does.
func deNumberPrefix(w string) bool {
	p := dePrefixes()
	for n := 1; n <= 3 && n <= len(w); n++ {
		if p[w[:n]] {
			return true
		}
	}
	return false
}

var dePrefixes = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for w := range deWords {
		set[w[:min(3, len(w))]] = true
	}
	return set
})

// lastDigit is the offset of the last ASCII digit of s, or -1.
func lastDigit(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return -1
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// standardNames precede a standard's number: ISO 27001, NIST SP 800-53.
var standardNames = map[string]bool{"ISO": true, "IEC": true, "NIST": true, "SP": true, "FIPS": true,
	"RFC": true, "BS": true, "EN": true, "ETSI": true, "IEEE": true, "ANSI": true, "DIN": true, "NF": true}

// productNames precede a number that is part of the product's name.
var productNames = map[string]bool{"Office": true, "Microsoft": true, "Windows": true, "Exchange": true,
	"SharePoint": true, "Outlook": true, "Lync": true, "Dynamics": true, "Server": true, "Skype": true,
	"Word": true, "Excel": true, "PowerPoint": true, "OneNote": true, "Visio": true, "Project": true,
	"Explorer": true, "Studio": true, "Android": true, "iOS": true, "macOS": true, "TLS": true, "SSL": true,
	"SHA": true, "AES": true, "RSA": true, "IE": true, "Edge": true, "Chrome": true, "Firefox": true,
	"Safari": true, "PowerShell": true, "NET": true, "Framework": true, "Access": true, "Publisher": true,
	"Intune": true, "Azure": true, "Teams": true, "Vista": true, "XP": true, "MD": true, "HTTP": true}

// productNamesAnyCase are also recognized lower-cased, as MT sometimes
// writes them ("office 365").
var productNamesAnyCase = map[string]bool{"office": true, "microsoft": true, "windows": true, "exchange": true,
	"sharepoint": true, "outlook": true, "skype": true, "lync": true, "dynamics": true, "powershell": true,
	"intune": true}

// numberWord handles a spelled-out number, with a following scale word or
// "percent": "ten", "twenty-five", "dix millions", "fünfzig Prozent".
func (e *extractor) numberWord(i, j, lim int, lower string) int {
	end := j
	v, ok := wordNum{}, false
	// Hyphenated compound first: twenty-five, dix-sept.
	k := j
	for k+1 < lim && e.s[k] == '-' && isLetter(e.runeAt(k+1)) {
		k = e.alnumEnd(k + 1)
	}
	if k > j {
		if v, ok = e.c.lookupWord(e.s[i:k]); ok {
			end = k
		}
	}
	if !ok {
		if v, ok = e.c.lookupLower(lower); !ok {
			return j
		}
	}
	n := Number{Kind: Cardinal, Value: v.value, Word: true, Start: i, End: end}
	if v.ordinal {
		n.Kind = Ordinal
	}
	if m := halfDozenRe.FindStringIndex(e.s[i:lim]); m != nil {
		n.Value, n.End = "6", i+m[1]
		e.add(n)
		return n.End
	}
	// Scale or percent after it.
	k = end
	for k < lim && (e.s[k] == ' ') {
		k++
	}
	if k > end && isLetter(e.runeAt(k)) {
		we := e.alnumEnd(k)
		w := strings.ToLower(e.s[k:we])
		exp := e.c.scaleWord(w)
		if exp == 0 && (w == "hundred" || w == "cent" || w == "cents" || w == "hundert") {
			exp = 2
		}
		if exp > 0 && !v.ordinal {
			n.Value, n.End = canonical(v.value, "", exp), we
		} else if w == "percent" || w == "prozent" || w == "pourcent" {
			n.Kind, n.End = Percent, we
		}
	}
	e.add(n)
	return n.End
}

// cjkNumber reads a run of Chinese/Japanese numerals as a spelled-out number.
func (e *extractor) cjkNumber(i int) int {
	j := i
	var total, section, num int64
	digits := ""
	hasScale := false
	for j < len(e.s) && j-i < 36 {
		r, w := utf8.DecodeRuneInString(e.s[j:])
		v, sc, ok := cjkDigit(r)
		if !ok {
			break
		}
		switch {
		case sc == 0:
			num = int64(v)
			digits += itoa(v)
		case sc < 4:
			hasScale = true
			if num == 0 {
				num = 1
			}
			section += num * pow10(sc)
			num = 0
		default:
			hasScale = true
			section += num
			if section == 0 {
				section = 1
			}
			total += section * pow10(sc)
			section, num = 0, 0
		}
		j += w
	}
	value := strconv.FormatInt(total+section+num, 10)
	if !hasScale {
		value = trimZeros(digits) // 二〇一九 is 2019
	}
	e.add(Number{Kind: Cardinal, Value: value, Word: true, Start: i, End: j})
	return j
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// cjkPercent reads 百分之五十 or 百分之 50.
func (e *extractor) cjkPercent(i int) int {
	j := i + len("百分之")
	k := j
	for k < len(e.s) && e.s[k] == ' ' {
		k++
	}
	if k < len(e.s) && isDigit(e.s[k]) {
		before := len(e.out)
		end := e.plainNumber(k, e.limit(k))
		if len(e.out) > before {
			n := &e.out[len(e.out)-1]
			n.Kind, n.Start, n.Text = Percent, i, e.s[i:n.End]
		}
		return end
	}
	if _, _, ok := cjkDigit(e.runeAt(j)); ok {
		before := len(e.out)
		end := e.cjkNumber(j)
		if len(e.out) > before {
			n := &e.out[len(e.out)-1]
			n.Kind, n.Start, n.Text = Percent, i, e.s[i:n.End]
		}
		return end
	}
	return j
}
