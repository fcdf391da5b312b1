package rules

import (
	"cmp"
	"fmt"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
	"github.com/l10nlint/l10nlint/internal/numbers"
)

// NumberMismatch compares the numbers of each segment's source and target.
var NumberMismatch = Register(&Rule{
	ID:       "number-mismatch",
	Tags:     []string{"numbers", "segment"},
	Severity: Error,
	Short:    "Numbers in the target are those of the source, as the target locale writes them",
	Doc: `Compares the numbers of each bilingual segment's source and target, read in
their own locales, and reports the ones missing from the target and the ones
the target has that the source does not. A wrong number in a translated page
is wrong information: a port, a limit, a date, a standard's number. The finding
points at the target's first extra number when its text occurs there once,
else at the whole target.

Numbers are normalized before comparing, so these are equal:
  50,000 (en) = 50 000 (fr, with a space, no-break space or narrow
  no-break space) = 50.000 (de) = 50000;  3.5 (en) = 3,5 (fr, de)
  4/16/2019 (en) = 16/04/2019 (fr) = 16.04.2019 (de) = 2019年4月16日 (zh)
  = April 16, 2019 = 16 avril 2019 = 16. April 2019
  2:00 PM = 14:00 = 14 h 00 = 14 Uhr = 下午 2:00 = 下午2点 = 午後 2 時
  10 million = 10 millions = 10 Millionen = 10 Mio. = 1000 万 = 10 млн
  = 10 millones = 10 milhões = 10 milioni = 10 miljoen (and the Nordic,
  Polish, Czech, Ukrainian and Turkish words)
  50% = 50 % = 50 percent = 50 Prozent = 百分之五十
  443 = ٤٤٣ (Arabic-Indic digits, ٫ and ٬ as separators) = ۴۴۳ (Persian)
  1st = 1er = 1. = first = premier = erste
Numbers spelled out ("ten", "dix", "zehn", "三") stand for the digit form on
the other side, but are not required to appear there ("one of the" is not a
number to translate). A form that is ambiguous in the target locale (1,500 in
French text: 1.5, or 1500 left in English style; 03/04/2019) matches either
reading.

A version number after a protocol, a product or the word version (TLS 1.2, .NET Framework 4.7,
version 5.0) keeps its dot in every language: the target's "TLS 1,2" is reported, though as a
decimal 1,2 equals 1.2. A Chinese or Japanese date written with its month before its year ("4 月
2019", "11 月24日, 2015": the English order) is reported with the form the language writes
("2019年4月", "2015年11月24日"), though its numbers are the source's.

Numbers that belong to a name are compared as whole identifiers: Office 365,
Windows 10, 21Vianet (世纪互联 in Chinese), E5, x64, SHA-256, KB4462, version
numbers such as 1.2.3, GUIDs and hex numbers. Standards compare by their
number: ISO/IEC 27001 and ISO 27001 are both 27001, ISO 20000-1:2011 is
20000-1:2011.

Not compared: code spans (code-mismatch checks them), placeholders, link
destinations, URLs, e-mail addresses, host and file names.

A number the translation moved into the neighbouring segment of the same
line (missing from one, extra in the other, as when a sentence was split
across the spans differently) is not reported: the page reads right. A
number dropped from one segment is still reported when its neighbour has
the number of its own source.

A segment with so many numbers that pairing them one by one would take
seconds (over a million source-target pairs: thousands a side, as in a
generated table written as one paragraph) is compared as two sets of values
(count is not applied, and a date is not matched with its pieces); a message
lists the first 20 numbers and how many more.

Options: may-add lists names the target may add without a counterpart
(default Office 365 and Microsoft 365: translations name the product for
context; a name the target drops is still reported); ignore-years skips years (1900-2099, and the year of dates);
ignore lists numbers or names never compared, as written or normalized
("365", "Office 365"); count also reports a number written more times on one
side ("30 days ... after 30 days" against "30 jours ... après ce délai"),
which by default is not reported; identifiers set to false compares
quantities only.

Example: source "Where can I get the ISO 22301 audit reports?", target
"Où puis-je obtenir les rapports d'audit ISO 20000-1:2011 ?" reports
  source has 22301, target lacks it; target has
  20000-1:2011 not in the source`,
	Options: []Option{
		{Name: "ignore-years", Default: false,
			Doc: "Do not compare years: 4-digit numbers from 1900 to 2099 and the year of dates."},
		{Name: "ignore", Default: []string{},
			Doc: "Numbers or identifiers never compared, as written or normalized (\"365\", \"office365\")."},
		{Name: "may-add", Default: []string{"Office 365", "Microsoft 365"},
			Doc: "Product names the target may add or leave out without a counterpart: translations name the product for context, and localized titles often drop it (do-not-translate checks names kept in the text)."},
		{Name: "count", Default: false,
			Doc: "Also report a number written more times on one side than on the other (\"30 days... after 30 days\" against \"30 jours... après ce délai\"); off, each side is compared as a set."},
		{Name: "identifiers", Default: true,
			Doc: "Compare identifiers (21Vianet, E5, SHA-256, Office 365, versions); false compares quantities only."},
	},
	Run:         runNumberMismatch,
	Monolingual: true,
})

func runNumberMismatch(pass *Pass) {
	srcLoc := pass.Page.SourceLocale
	if srcLoc == "" {
		srcLoc = "en-US"
	}
	opts := mismatchOptions{
		ignoreYears: pass.Bool("ignore-years"),
		identifiers: pass.Bool("identifiers"),
		count:       pass.Bool("count"),
		ignore:      map[string]bool{},
	}
	for _, s := range pass.Strings("ignore") {
		opts.ignore[strings.ToLower(s)] = true
		for _, n := range numbers.Extract(s, "en-US") {
			opts.ignore[n.Value] = true
		}
	}
	opts.mayAdd = map[string]bool{}
	for _, s := range pass.Strings("may-add") {
		for _, n := range numbers.Extract(s, "en-US") {
			opts.mayAdd[n.Value] = true
		}
	}
	type compared struct {
		seg            *Segment
		i              int // the segment's index on the page
		missing, extra []numbers.Number
	}
	var found []compared
	for i, seg := range pass.Page.Segments {
		if !seg.HasSource || strings.TrimSpace(seg.Target.Plain) == "" || seg.Target.Raw == seg.Source.Raw {
			continue
		}
		// Without a digit on either side there are only spelled-out numbers,
		// which are never reported: skip the extraction (most segments).
		if !hasDigit(seg.Source.Raw) && !hasDigit(seg.Target.Raw) {
			continue
		}
		srcProse, tgtProse := numberProse(seg.Source), numberProse(seg.Target)
		if !mayHaveNumbers(srcProse) && !mayHaveNumbers(tgtProse) {
			continue // digits only in markup, code or URLs: nothing to report
		}
		missing, extra := compareProse(srcProse, seg.Source, srcLoc, tgtProse, seg.Target, pass.Page.Locale, opts)
		versionComma(pass, seg) // a finding of its own, whatever else differs
		cjkDateOrder(pass, seg)
		if len(missing) > 0 || len(extra) > 0 {
			found = append(found, compared{seg, i, missing, extra})
		}
	}
	// A number the translation moved into the neighbouring span of the same
	// sentence is missing from one segment and extra in the other: the page
	// reads right, so neither is reported. Only such mirrored pairs are
	// excused, each number once (a number dropped from one segment and
	// still, rightly, in its neighbour is reported), and only when the
	// numbers move one way between the two: two segments that swapped
	// their numbers say the wrong thing.
	usedMissing := make([][]bool, len(found))
	usedExtra := make([][]bool, len(found))
	for k := range found {
		usedMissing[k] = make([]bool, len(found[k].missing))
		usedExtra[k] = make([]bool, len(found[k].extra))
	}
	// pair marks, one for one, the numbers of from (missing, or extra) that
	// to has the other way, and reports whether there was one.
	pair := func(from []numbers.Number, fromUsed []bool, to []numbers.Number, toUsed []bool, mark bool) bool {
		hit := false
		for x, n := range from {
			if fromUsed[x] {
				continue
			}
			for y, m := range to {
				if !toUsed[y] && m.Value == n.Value {
					hit = true
					if mark {
						fromUsed[x], toUsed[y] = true, true
					}
					break
				}
			}
		}
		return hit
	}
	for k := 0; k+1 < len(found); k++ {
		a, b := found[k], found[k+1]
		if b.i != a.i+1 || !sameLine(pass.Page, a.seg, b.seg) {
			continue // not adjacent, or a line apart
		}
		forward := pair(a.extra, usedExtra[k], b.missing, usedMissing[k+1], false)
		backward := pair(a.missing, usedMissing[k], b.extra, usedExtra[k+1], false)
		if forward && backward {
			continue // swapped
		}
		pair(a.extra, usedExtra[k], b.missing, usedMissing[k+1], true)
		pair(a.missing, usedMissing[k], b.extra, usedExtra[k+1], true)
	}
	for k, c := range found {
		var missing, extra []numbers.Number
		for x, n := range c.missing {
			if !usedMissing[k][x] {
				missing = append(missing, n)
			}
		}
		for x, n := range c.extra {
			if !usedExtra[k][x] {
				extra = append(extra, n)
			}
		}
		if len(missing) == 0 && len(extra) == 0 {
			continue
		}
		seg := c.seg
		missing, extra = fullStopNumbers(pass, seg, missing, extra)
		if scaleLanguages[locale.Language(pass.Page.Locale)] {
			missing, extra = lostScaleWords(pass, seg, missing, extra)
		} else {
			missing, extra = unknownScaleWords(seg, missing, extra)
		}
		if len(missing) == 0 && len(extra) == 0 {
			continue
		}
		var parts []string
		if len(missing) > 0 {
			pron := "it"
			if len(missing) > 1 {
				pron = "them"
			}
			parts = append(parts, fmt.Sprintf("source has %s, target lacks %s", listNumbers(missing), pron))
		}
		if len(extra) > 0 {
			parts = append(parts, fmt.Sprintf("target has %s not in the source", listNumbers(extra)))
		}
		// The finding points at the target's first extra number when its
		// text is there once, as written; else at the whole target.
		if len(extra) > 0 && extra[0].Text != "" {
			if i := strings.Index(seg.Target.Raw, extra[0].Text); i >= 0 && strings.Count(seg.Target.Raw, extra[0].Text) == 1 {
				at := Range{Start: seg.Target.Range.Start + i, End: seg.Target.Range.Start + i + len(extra[0].Text)}
				pass.ReportSegmentAt(seg, at, "%s", strings.Join(parts, "; "))
				continue
			}
		}
		pass.ReportSegment(seg, "%s", strings.Join(parts, "; "))
	}
}

// fullStopNumbers reports the numbers whose dots the target wrote as
// ideographic full stops (TLS 1。2, 127.0.0。1: a machine translation's
// sentence end inside a number), each at its place, when the source has the
// number with its dots; and returns the numbers left to report: without
// the source's number and the pieces the mangled form was read as (1。0
// reads as 1, which even matches the source's 1.0 by value, and a 0).
func fullStopNumbers(pass *Pass, seg *Segment, missing, extra []numbers.Number) ([]numbers.Number, []numbers.Number) {
	raw := seg.Target.Raw
	if !strings.Contains(raw, "。") {
		return missing, extra
	}
	src := seg.Source.Plain
	for _, m := range fullStopRe.FindAllStringIndex(raw, -1) {
		got := raw[m[0]:m[1]]
		want := strings.ReplaceAll(got, "。", ".")
		if !containsNumber(src, want) {
			continue
		}
		pass.ReportSegmentAt(seg, Range{Start: seg.Target.Range.Start + m[0], End: seg.Target.Range.Start + m[1]},
			"number written with an ideographic full stop: %q for %q (a dot inside a number stays a dot)", got, want)
		missing = slices.DeleteFunc(missing, func(n numbers.Number) bool {
			return n.Text != "" && strings.HasSuffix(n.Text, want)
		})
		extra = slices.DeleteFunc(extra, func(n numbers.Number) bool {
			return n.Text != "" && strings.Contains(got, n.Text)
		})
	}
	return missing, extra
}

// scaleLanguages are the languages whose scale words the number reader
// knows (internal/numbers): in another, "2 triệu" reads as a 2 and the
// scale word is not lost, only unknown.
var scaleLanguages = map[string]bool{"en": true, "fr": true, "de": true, "es": true, "pt": true, "it": true,
	"nl": true, "sv": true, "da": true, "nb": true, "pl": true, "cs": true, "ru": true, "uk": true, "tr": true,
	"zh": true, "ja": true}

// unknownScaleWords drops, in a language whose scale words the reader does
// not know, a scaled source number ("2 million", "1.5 million") that the
// target writes with the same digits before a word ("2 triệu", "1,5
// triệu"), or as digits and a Chinese or Korean myriad whose value is the
// same ("200만"), with the target number read there: the same number,
// which the reader cannot tell from another. Other digits before a word
// (20 triệu) stay a difference.
func unknownScaleWords(seg *Segment, missing, extra []numbers.Number) ([]numbers.Number, []numbers.Number) {
	var left []numbers.Number
	raw := seg.Target.Raw
	extra = slices.Clone(extra)
	// spare[d]: how many times the target writes d more than the source
	// writes it alone (not before a word): those may stand for a scaled
	// source number, even when repeats were matched away ("2 triệu … 2
	// khu vực" for "2 million … 2 regions"); "2 giờ" for "2 million … 2
	// hours" has none to spare.
	spare := map[string]int{}
	for _, loc := range targetNumberRe.FindAllStringIndex(raw, -1) {
		spare[raw[loc[0]:loc[1]]]++
	}
	src := seg.Source.Plain
	for _, loc := range targetNumberRe.FindAllStringIndex(src, -1) {
		if !englishScaleAfter(src[loc[1]:]) {
			spare[src[loc[0]:loc[1]]]--
		}
	}
	for _, m := range missing {
		lead := leadingNumber(m.Text)
		// A scaled number: its digits, then a word ("2 million"), not a
		// date, time, version or number with more separators (4/16/2019,
		// 2:30, 1.2.3, 1,000,000), which only a myriad's value matches.
		rest := strings.TrimLeft(strings.TrimPrefix(m.Text, lead), " \u00a0")
		scaled := lead != "" && rest != "" && strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
		k, found := -1, false
		// Only a target number no source number took (still extra).
		for _, loc := range targetNumberRe.FindAllStringIndex(raw, -1) {
			d := raw[loc[0]:loc[1]]
			x := slices.IndexFunc(extra, func(x numbers.Number) bool { return x.Text == d && !x.Word })
			if x < 0 && spare[d] <= 0 {
				continue
			}
			after := strings.TrimLeft(raw[loc[1]:], " \u00a0")
			if myriadValue(d, after) == m.Value ||
				scaled && strings.ReplaceAll(d, ",", ".") == strings.ReplaceAll(lead, ",", ".") && scaleWordAfter(after) {
				k = x
				spare[d]--
				found = true
				break
			}
		}
		if !found {
			left = append(left, m)
			continue
		}
		if k >= 0 {
			// The target's number read there is no extra one.
			extra = slices.Delete(extra, k, k+1)
		}
	}
	return left, extra
}

// englishScaleAfter reports whether s starts (after spaces) with an English
// scale word: the source's "2 million", not its "2 regions".
func englishScaleAfter(s string) bool {
	s = strings.TrimLeft(s, " \u00a0")
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	switch strings.ToLower(s[:i]) {
	case "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "trillions":
		return true
	}
	return false
}

// scaleWordAfter reports whether s starts with a word that may be a scale
// word of a language the reader does not know: a letter, not a unit.
func scaleWordAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !unitWord(s)
}

// unitWord reports whether s starts with a unit symbol (GB, MB, ms,
// km...), a whole word: not a scale word in capitals (Tỷ, MILIAR).
func unitWord(s string) bool {
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsLetter(r) {
		return false // Tỷ: the word goes on
	}
	return unitSymbols[s[:i]]
}

// unitSymbols are units written after a number.
var unitSymbols = wordSet(`B KB MB GB TB PB KiB MiB GiB TiB bps Kbps Mbps Gbps Hz kHz MHz GHz ms px pt km kg min h s`)

// targetNumberRe finds digits with inner separators (2, 1,5, 1.5).
var targetNumberRe = regexp.MustCompile(`\d+(?:[.,]\d+)?`)

// leadingNumber returns the digits a number's text starts with ("2" of "2
// million").
func leadingNumber(text string) string {
	return targetNumberRe.FindString(text)
}

// myriadValue returns the value of digits followed by a Chinese, Japanese
// or Korean scale (万 만 萬: 10^4; 亿 억 億: 10^8; 千 천 before them: 10^3
// more, 2천만 = 20,000,000), as a canonical integer string, or "".
func myriadValue(digits, after string) string {
	if strings.Contains(digits, ".") {
		return ""
	}
	digits = strings.ReplaceAll(digits, ",", "") // 1,500만
	exp := 0
	r, size := utf8.DecodeRuneInString(after)
	switch r {
	case '千', '천':
		exp = 3
		r, _ = utf8.DecodeRuneInString(after[size:])
	}
	switch r {
	case '万', '萬', '만':
		exp += 4
	case '亿', '億', '억':
		exp += 8
	default:
		return ""
	}
	return strings.TrimLeft(digits, "0") + strings.Repeat("0", exp)
}

// lostScaleWords reports a number whose scale word the target dropped
// ("2 million" read "2"): said as such rather than as a missing number and
// an extra one, at the target's number; it returns the numbers left.
func lostScaleWords(pass *Pass, seg *Segment, missing, extra []numbers.Number) ([]numbers.Number, []numbers.Number) {
	srcLoc := cmp.Or(pass.Page.SourceLocale, "en-US")
	var left []numbers.Number
	// The extra numbers by their text: a missing "2 million" takes the
	// first unused "2" (thousands of numbers a side were each compared with
	// each).
	var byText map[string][]int
	used := make([]bool, len(extra))
	for _, m := range missing {
		// m is a number, spaces and a word: the number alone is its text
		// without them.
		word := strings.TrimRightFunc(m.Text, unicode.IsLetter)
		head := strings.TrimRight(word, " \u00a0")
		if word == m.Text || head == word || head == "" {
			left = append(left, m)
			continue
		}
		if byText == nil {
			byText = map[string][]int{}
			for i, x := range extra {
				if x.Text != "" && !x.Word {
					byText[x.Text] = append(byText[x.Text], i)
					// By value too: "1.5 billion" read "1,5" in French.
					byText["\x00"+x.Value] = append(byText["\x00"+x.Value], i)
				}
			}
		}
		keys := []string{head}
		if ns := numbers.Extract(head, srcLoc); len(ns) == 1 && !ns[0].Word && ns[0].Text == head {
			keys = append(keys, "\x00"+ns[0].Value)
		}
		k := -1
		for _, key := range keys {
			for len(byText[key]) > 0 && k < 0 {
				if i := byText[key][0]; !used[i] {
					k = i
				}
				byText[key] = byText[key][1:]
			}
		}
		if k < 0 {
			left = append(left, m)
			continue
		}
		used[k] = true
		x := extra[k]
		at := Range{Start: seg.Target.Range.Start, End: seg.Target.Range.End}
		if i := strings.Index(seg.Target.Raw, x.Text); i >= 0 && strings.Count(seg.Target.Raw, x.Text) == 1 {
			at = Range{Start: seg.Target.Range.Start + i, End: seg.Target.Range.Start + i + len(x.Text)}
		}
		pass.ReportSegmentAt(seg, at, "scale word lost: source has %s, target %s", m.Text, x.Text)
	}
	var rest []numbers.Number
	for i, x := range extra {
		if !used[i] {
			rest = append(rest, x)
		}
	}
	return left, rest
}

// fullStopRe finds digits joined by ideographic full stops (and dots):
// 1。2, 127.0.0。1.
var fullStopRe = regexp.MustCompile(`\d+(?:[.。]\d+)*。\d+(?:[.。]\d+)*`)

// containsNumber reports whether s has n as a whole number: no digit or
// dot-and-digit glued to either end.
func containsNumber(s, n string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], n)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(n)
		before := i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.' && i > 1 && s[i-2] >= '0' && s[i-2] <= '9')
		after := j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9')
		if !before && !after {
			return true
		}
		from = i + 1
	}
}

// versionRe finds a version number after a protocol, product or the word
// version: TLS 1.2, .NET Framework 4.7, version 5.0; versionCommaRe the
// same written with a comma, the word version in the target's language.
var (
	versionRe      = regexp.MustCompile(`\b(TLS|SSL|OAuth|HTTP|HTTPS|SMB|SMTP|IMAP|POP|SNMP|PowerShell|Framework|Exchange|[Vv]ersion)[ \x{00a0}](\d{1,3})\.(\d{1,3})\b`)
	versionCommaRe = regexp.MustCompile(`\b(TLS|SSL|OAuth|HTTP|HTTPS|SMB|SMTP|IMAP|POP|SNMP|PowerShell|Framework|Exchange|[Vv]ersi(?:on|ón|one|ão|e))[ \x{00a0}](\d{1,3}),(\d{1,3})\b`)
)

// digitSepDigit reports whether s has a digit, sep and a digit in a row.
func digitSepDigit(s string, sep byte) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == sep && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
	}
	return false
}

// versionKey is a version's name and number: "tls 1.2", "version 5.0"
// (the word version in any of its languages).
func versionKey(word, major, minor string) string {
	w := strings.ToLower(word)
	if strings.HasPrefix(w, "versi") {
		w = "version"
	}
	return w + " " + major + "." + minor
}

// versionComma reports a version number the target writes with a decimal
// comma (TLS 1,2 for TLS 1.2): as a decimal 1,2 equals 1.2, so the
// comparison accepts it, but a version is no decimal and keeps its dot in
// every language. One pass over each side.
// cjkMonthYearRe finds a month written before a four-digit year with no
// 年 after it ("4 月 2019", "1月 2013", "10月 2018 31 日"): Chinese and
// Japanese write the year first ("2019年4月").
var cjkMonthYearRe = regexp.MustCompile(`(?:^|\D)(\d{1,2}) ?月 ?((?:\d{1,2} ?日? ?,? ?)?)((?:19|20)\d\d)(?: ?(\d{1,2}) ?日)?`)

// cjkDateOrder reports a date of a Chinese or Japanese target written with
// its month before its year, which the numbers alone do not show (they
// are the source's).
func cjkDateOrder(pass *Pass, seg *Segment) {
	var lang string
	switch locale.Language(pass.Page.Locale) {
	case "zh":
		lang = "Chinese"
	case "ja":
		lang = "Japanese"
	default:
		return
	}
	raw := seg.Target.Raw
	if !strings.Contains(raw, "月") {
		return
	}
	for _, m := range cjkMonthYearRe.FindAllStringSubmatchIndex(raw, -1) {
		start, end := m[2], m[1]
		if rest := raw[end:]; strings.HasPrefix(strings.TrimLeft(rest, " "), "年") {
			continue // "4月 2019 年"... the year's own mark follows
		}
		text := raw[start:end]
		year, month := raw[m[6]:m[7]], raw[m[2]:m[3]]
		day := strings.Trim(raw[m[4]:m[5]], " ,日")
		if m[8] >= 0 {
			day = raw[m[8]:m[9]]
		}
		want := year + "年" + month + "月"
		if day != "" {
			want += day + "日"
		}
		pass.ReportSegmentAt(seg, Range{Start: seg.Target.Range.Start + start, End: seg.Target.Range.Start + end},
			"date written with its month before its year: %q; %s writes %q", text, lang, want)
	}
}

func versionComma(pass *Pass, seg *Segment) {
	// Most segments have no digit, separator, digit on one side or the
	// other: two byte scans spare them the regular expressions.
	if !digitSepDigit(seg.Target.Raw, ',') || !digitSepDigit(seg.Source.Plain, '.') {
		return
	}
	// A version of more parts (5.0.1, 5,0,1) is the comparison's: only a
	// two-part one is read here.
	more := func(s string, end int) bool {
		return end+1 < len(s) && (s[end] == '.' || s[end] == ',') && s[end+1] >= '0' && s[end+1] <= '9'
	}
	src := map[string]string{}
	plain := seg.Source.Plain
	for _, m := range versionRe.FindAllStringSubmatchIndex(plain, -1) {
		if more(plain, m[1]) {
			continue
		}
		if k := versionKey(plain[m[2]:m[3]], plain[m[4]:m[5]], plain[m[6]:m[7]]); src[k] == "" {
			src[k] = plain[m[0]:m[1]]
		}
	}
	if len(src) == 0 {
		return
	}
	// One finding, at the first, names every such version of the segment
	// ("TLS 1,0-und TLS 1,1-Unterstützung").
	var at Range
	var wrong, fixed []string
	var times []int
	raw := seg.Target.Raw
	for _, m := range versionCommaRe.FindAllStringSubmatchIndex(raw, -1) {
		if more(raw, m[1]) {
			continue
		}
		was, ok := src[versionKey(raw[m[2]:m[3]], raw[m[4]:m[5]], raw[m[6]:m[7]])]
		if !ok {
			continue
		}
		if len(wrong) == 0 {
			at = Range{Start: seg.Target.Range.Start + m[0], End: seg.Target.Range.Start + m[1]}
		}
		w := fmt.Sprintf("%q for %q", raw[m[0]:m[1]], was)
		if k := slices.Index(wrong, w); k >= 0 {
			times[k]++
			continue
		}
		wrong, times = append(wrong, w), append(times, 1)
		fixed = append(fixed, raw[m[0]:m[5]]+"."+raw[m[6]:m[1]])
	}
	for k, n := range times {
		if n > 1 {
			wrong[k] += fmt.Sprintf(" ×%d", n)
		}
	}
	switch {
	case len(wrong) == 0:
	case len(wrong) == 1 && times[0] == 1:
		pass.ReportSegmentAt(seg, at, "version number written with a decimal comma: %s (a version keeps its dot: %s)", wrong[0], fixed[0])
	default:
		pass.ReportSegmentAt(seg, at, "version numbers written with a decimal comma: %s (a version keeps its dot: %s)",
			strings.Join(wrong, ", "), strings.Join(fixed, ", "))
	}
}

type mismatchOptions struct {
	mayAdd      map[string]bool
	count       bool
	ignoreYears bool
	identifiers bool
	ignore      map[string]bool
}

// numberProse is the prose of t with the numbers that are not prose left
// out: code spans and placeholders (other rules compare them), link
// destinations and autolinks. It is built from Raw rather than Plain so
// that markup keeps words apart: "value2.<sup>1</sup>" is "value2. 1", and
// "[Microsoft 365](url)et" is "Microsoft 365 et".
func numberProse(t Text) string {
	type cut struct {
		start, end int
		repl       string
	}
	var cuts []cut
	for _, c := range t.Code {
		cuts = append(cuts, cut{c.Range.Start, c.Range.End, " | "})
	}
	for _, p := range t.Placeholders {
		cuts = append(cuts, cut{p.Range.Start, p.Range.End, " | "})
	}
	for i := 0; i < len(t.Tags); i++ {
		tg := t.Tags[i]
		// 3<sup>rd</sup> is 3rd, but value2.<sup>1</sup> is a footnote mark.
		if tg.Name == "sup" && !tg.Closing && i+1 < len(t.Tags) && t.Tags[i+1].Name == "sup" && t.Tags[i+1].Closing &&
			ordinalSup[strings.ToLower(rawBetween(t, tg.Range.End, t.Tags[i+1].Range.Start))] {
			cuts = append(cuts, cut{tg.Range.Start, tg.Range.End, ""}, cut{t.Tags[i+1].Range.Start, t.Tags[i+1].Range.End, ""})
			i++
			continue
		}
		cuts = append(cuts, cut{tg.Range.Start, tg.Range.End, " "})
	}
	for _, d := range t.Emphasis {
		// A zero-width space: "Exchange 2013**Raccourcis" is two words.
		cuts = append(cuts, cut{d.Range.Start, d.Range.End, "\u200b"})
	}
	for _, e := range t.Escapes {
		cuts = append(cuts, cut{e.Range.Start, e.Range.End, string(e.Char)})
	}
	for _, l := range t.Links {
		if l.Kind == AutoLink {
			cuts = append(cuts, cut{l.Range.Start, l.Range.End, " "})
			continue
		}
		if label, ok := l.LabelRange(); ok {
			cuts = append(cuts, cut{l.Range.Start, label.Start, ""}, cut{label.End, l.Range.End, " "})
		}
	}
	base, raw := t.Range.Start, t.Raw
	if len(cuts) == 0 {
		return html.UnescapeString(raw) // no copy without an entity
	}
	sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	var b strings.Builder
	b.Grow(len(raw) + 8)
	pos := 0
	for _, c := range cuts {
		s, e := c.start-base, c.end-base
		if s < pos || e > len(raw) || s > e {
			continue // nested in an earlier cut
		}
		b.WriteString(raw[pos:s])
		b.WriteString(c.repl)
		pos = e
	}
	b.WriteString(raw[pos:])
	return html.UnescapeString(b.String())
}

// rawBetween is t's raw text between two page offsets, or "".
func rawBetween(t Text, start, end int) string {
	s, e := start-t.Range.Start, end-t.Range.Start
	if s < 0 || e > len(t.Raw) || s > e {
		return ""
	}
	return t.Raw[s:e]
}

var ordinalSup = map[string]bool{"st": true, "nd": true, "rd": true, "th": true, "er": true, "re": true,
	"e": true, "ème": true, "eme": true}

// sourceNumbers is numbers.Extract for a source text, remembered: the
// translations of a page into several locales share their source texts
// (and the engine checks them one after the other). The cache is small
// and emptied when full; its slices are read-only.
func sourceNumbers(prose, locale string) []numbers.Number {
	key := locale + "\x00" + prose
	if v, ok := srcNumbers.Load(key); ok {
		return v.([]numbers.Number)
	}
	ns := numbers.Extract(prose, locale)
	if srcNumbersLen.Add(1) > srcNumbersMax {
		srcNumbers.Clear()
		srcNumbersLen.Store(0)
	}
	srcNumbers.Store(key, ns)
	return ns
}

var (
	srcNumbers    sync.Map
	srcNumbersLen atomic.Int64
)

const srcNumbersMax = 4096

// mayHaveNumbers reports whether numbers.Extract can find a number in prose
// that is not a spelled-out one (those are never reported): only digits or
// a localized name such as 世纪互联 (21Vianet) give one.
func mayHaveNumbers(prose string) bool {
	return numbers.HasDigits(prose) || strings.Contains(prose, "世")
}

// compareProse returns the numbers of src missing from tgt and those of tgt
// not in src, each side read from its number prose (numberProse) in its
// locale.
func compareProse(srcProse string, src Text, srcLocale string, tgtProse string, tgt Text, tgtLocale string, opts mismatchOptions) (missing, extra []numbers.Number) {
	a := filterNumbers(slices.Clone(sourceNumbers(srcProse, srcLocale)), opts)
	b := filterNumbers(numbers.Extract(tgtProse, tgtLocale), opts)
	if len(a)*len(b) > maxPairings {
		return compareSets(a, b, opts)
	}
	ua, ub := make([]bool, len(a)), make([]bool, len(b))
	match := func(eq func(x, y numbers.Number) bool, wordsA, wordsB bool) {
		for i, x := range a {
			if ua[i] || x.Word != wordsA {
				continue
			}
			for j, y := range b {
				if !ub[j] && y.Word == wordsB && eq(x, y) {
					ua[i], ub[j] = true, true
					break
				}
			}
		}
	}
	same := func(x, y numbers.Number) bool { return x.Value == y.Value }
	// Exact values first, so an ambiguous form does not take the partner of
	// an unambiguous one.
	match(same, false, false)
	match(equivalent, false, false)
	// Spelled-out numbers stand in for digits on the other side.
	match(equivalent, false, true)
	match(equivalent, true, false)
	// A date, time or "Office 365" whose parts the other side writes apart.
	matchParts(a, b, ua, ub)
	matchParts(b, a, ub, ua)
	matchYears(a, b, ub)
	matchYears(b, a, ua)
	// Names are not counted: "Office 365" said once in the target for twice
	// in the source is style. And a name found verbatim on the other side
	// (in code, a file name, a mangled link) is there.
	matchNames(a, b, ua, tgt.Plain)
	matchNames(b, a, ub, src.Plain)
	if !opts.count {
		matchRepeats(a, b, ua)
		matchRepeats(b, a, ub)
	}
	for i, x := range a {
		if !ua[i] && !x.Word && !opts.mayAdd[x.Value] {
			missing = append(missing, x)
		}
	}
	for j, y := range b {
		if !ub[j] && !y.Word && !opts.mayAdd[y.Value] {
			extra = append(extra, y)
		}
	}
	return missing, extra
}

// maxPairings bounds the source-target pairs the matching passes of
// compareProse try (each pass tries them all): a segment with thousands of
// numbers on each side (a generated table in one paragraph) took seconds,
// and fifty thousand minutes.
const maxPairings = 1 << 20

// compareSets is compareProse for segments over maxPairings: each side as a
// set of values, a number missing when no number of the other side has its
// value in any of its readings (value, alternative reading or part). The
// finer passes (dates without their year, names found in the text) are
// left out.
func compareSets(a, b []numbers.Number, opts mismatchOptions) (missing, extra []numbers.Number) {
	readings := func(ns []numbers.Number) map[string]bool {
		m := map[string]bool{}
		for _, n := range ns {
			m[n.Value] = true
			if n.Alt != "" {
				m[n.Alt] = true
			}
			for _, p := range n.Parts {
				m[p] = true
			}
		}
		return m
	}
	unmatched := func(ns []numbers.Number, other map[string]bool) []numbers.Number {
		var out []numbers.Number
		for _, n := range ns {
			if !n.Word && !opts.mayAdd[n.Value] && !other[n.Value] && (n.Alt == "" || !other[n.Alt]) {
				out = append(out, n)
			}
		}
		return out
	}
	return unmatched(a, readings(b)), unmatched(b, readings(a))
}

// sameMonth reports whether two date values (2019-06-16, 2019-06, --06-16)
// name the same month, or either names none.
func sameMonth(x, y string) bool {
	month := func(v string) string {
		switch {
		case strings.HasPrefix(v, "--") && len(v) >= 4:
			return v[2:4]
		case len(v) >= 7 && v[4] == '-':
			return v[5:7]
		}
		return ""
	}
	mx, my := month(x), month(y)
	return mx == "" || my == "" || mx == my
}

// equivalent compares values allowing for a second reading of either side,
// and dates that omit the year on one side.
func equivalent(x, y numbers.Number) bool {
	if x.Value == y.Value || x.Alt != "" && (x.Alt == y.Value || x.Alt == y.Alt) || y.Alt != "" && y.Alt == x.Value {
		return true
	}
	if x.Kind == numbers.Date && y.Kind == numbers.Date {
		xv, yv := x.Value, y.Value
		if strings.HasPrefix(xv, "--") && len(yv) == 10 {
			return yv[4:] == xv[1:]
		}
		if strings.HasPrefix(yv, "--") && len(xv) == 10 {
			return xv[4:] == yv[1:]
		}
	}
	return false
}

// matchParts pairs an unmatched item of a that has Parts with unmatched
// items of b holding all those parts ("April 16, 2019" against "16" and
// "2019" when the other side's date did not parse as one).
func matchParts(a, b []numbers.Number, ua, ub []bool) {
	for i, x := range a {
		if ua[i] || len(x.Parts) == 0 {
			continue
		}
		var take []int
		ok := true
		for k, p := range x.Parts {
			found := -1
			for j, y := range b {
				if ub[j] || contains(take, j) || found >= 0 && y.Word {
					continue
				}
				// Two dates read whole, of different months (May 2019 for
				// June 2019), do not match by their year.
				if x.Kind == numbers.Date && y.Kind == numbers.Date && !sameMonth(x.Value, y.Value) {
					continue
				}
				if y.Value == p || y.Alt == p || containsString(y.Parts, p) {
					found = j
					if !y.Word { // prefer "1 日" to the month in "1月"
						break
					}
				}
			}
			if found < 0 {
				// "between the 13 and the 14 April 2016": one year for two dates.
				if x.Kind == numbers.Date && k == 0 && len(x.Parts) == 2 && mentions(b, p) {
					continue
				}
				ok = false
				break
			}
			take = append(take, found)
		}
		if !ok || len(take) == 0 {
			continue
		}
		ua[i] = true
		for _, j := range take {
			ub[j] = true
		}
	}
}

func matchNames(a, b []numbers.Number, ua []bool, other string) {
	var values map[string]bool // b's values, once needed
	var names *nameIndex       // the tokens of other, squashed, once needed
	for i, x := range a {
		if ua[i] || x.Kind != numbers.Identifier && x.Kind != numbers.Version && x.Kind != numbers.Standard {
			continue
		}
		if values == nil {
			values = make(map[string]bool, len(b))
			for _, y := range b {
				values[y.Value] = true
			}
		}
		if ua[i] = values[x.Value]; ua[i] || x.Kind == numbers.Standard {
			continue
		}
		if names == nil {
			names = newNameIndex(squashDigits(other))
		}
		ua[i] = names.contains(x.Value)
	}
}

// nameIndex answers containsName for many names of one text: the names
// that are one token are looked up (thousands of identifiers a segment
// each scanned the whole text), the others searched for.
type nameIndex struct {
	s string
	// whole are the text's tokens; heads their beginnings up to a digit a
	// letter follows ("permissiongrant2" of "permissiongrant2ausführen").
	whole, heads map[string]bool
}

func newNameIndex(s string) *nameIndex {
	x := &nameIndex{s: s, whole: map[string]bool{}, heads: map[string]bool{}}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !nameAlnum(r) {
			i += w
			continue
		}
		j, prevDigit := i, false
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !nameAlnum(r) {
				break
			}
			if prevDigit && !unicode.IsDigit(r) {
				x.heads[s[i:j]] = true
			}
			prevDigit = unicode.IsDigit(r)
			j += w
		}
		x.whole[s[i:j]] = true
		i = j
	}
	return x
}

// nameAlnum is a letter or digit of a name: CJK characters are neither
// ("office365高级" holds office365).
func nameAlnum(r rune) bool { return r < 0x2E80 && unicode.IsLetter(r) || unicode.IsDigit(r) }

func (x *nameIndex) contains(name string) bool {
	for _, r := range name {
		if !nameAlnum(r) {
			return containsName(x.s, name) // not one token: searched
		}
	}
	if x.whole[name] {
		return true
	}
	d := strings.LastIndexAny(name, "0123456789")
	return d >= 4 && d < len(name)-1 && (x.whole[name[:d+1]] || x.heads[name[:d+1]])
}

// squashDigits lower-cases s and drops the spaces and hyphens next to a
// digit, so "SessionID 2" and "M 3AAWG" read as the names they are.
func squashDigits(s string) string {
	rs := []rune(strings.ToLower(s))
	out := make([]rune, 0, len(rs))
	digit := func(k int) bool { return k >= 0 && k < len(rs) && rs[k] >= '0' && rs[k] <= '9' }
	for k, r := range rs {
		if (r == ' ' || r == '\u00a0' || r == '\u202f' || r == '-') && (digit(k-1) || digit(k+1)) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// containsName finds name in s as a whole token; a name with a word glued
// after its last digit ("PermissionGrantausführen") is also found by its
// head up to that digit.
func containsName(s, name string) bool {
	if findToken(s, name, false) {
		return true
	}
	d := strings.LastIndexAny(name, "0123456789")
	return d >= 4 && d < len(name)-1 && findToken(s, name[:d+1], true)
}

func findToken(s, name string, letterAfter bool) bool {
	// CJK characters are not letters here: "office365高级" holds office365.
	letter := func(r rune) bool { return r < 0x2E80 && unicode.IsLetter(r) }
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], name)
		if k < 0 {
			return false
		}
		k += from
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(name):])
		if (k == 0 || !nameAlnum(before)) && (k+len(name) == len(s) || !unicode.IsDigit(after) && (letterAfter || !letter(after))) {
			return true
		}
		from = k + 1
	}
	return false
}

// matchRepeats drops a number of a that b has too, only fewer times.
func matchRepeats(a, b []numbers.Number, ua []bool) {
	for i, x := range a {
		if ua[i] || x.Word {
			continue
		}
		for _, y := range b {
			if equivalent(x, y) {
				ua[i] = true
				break
			}
		}
	}
}

// mentions reports whether some number of b, matched or not, is or holds v.
func mentions(b []numbers.Number, v string) bool {
	for _, y := range b {
		if y.Value == v || y.Alt == v || containsString(y.Parts, v) {
			return true
		}
	}
	return false
}

// matchYears drops a year of b left over because b's date was written
// without it and the year apart ("5月1日、2016", "31 octobre 2010:10")
// while a has the full date.
func matchYears(a, b []numbers.Number, ub []bool) {
	yearless := false
	for _, y := range b {
		if y.Kind == numbers.Date && strings.HasPrefix(y.Value, "--") {
			yearless = true
		}
	}
	if !yearless {
		return
	}
	for j, y := range b {
		if ub[j] || !isYear(y.Value) {
			continue
		}
		for _, x := range a {
			if x.Kind == numbers.Date && strings.HasPrefix(x.Value, y.Value+"-") {
				ub[j] = true
				break
			}
		}
	}
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func filterNumbers(ns []numbers.Number, opts mismatchOptions) []numbers.Number {
	out := ns[:0]
	for _, n := range ns {
		if opts.ignore[strings.ToLower(n.Value)] || opts.ignore[strings.ToLower(n.Text)] {
			continue
		}
		if !opts.identifiers && (n.Kind == numbers.Identifier || n.Kind == numbers.Version) {
			continue
		}
		if opts.ignoreYears {
			if isYear(n.Value) && (n.Kind == numbers.Cardinal || n.Kind == numbers.Date) {
				continue
			}
			if n.Kind == numbers.Date && len(n.Value) >= 7 && isYear(n.Value[:4]) {
				// Compare the month and day only; a month alone is nothing.
				if len(n.Value) == 7 {
					continue
				}
				n.Value, n.Alt = "--"+n.Value[5:], ""
				n.Parts = n.Parts[1:]
			}
		}
		out = append(out, n)
	}
	return out
}

func isYear(v string) bool {
	return len(v) == 4 && (strings.HasPrefix(v, "19") || strings.HasPrefix(v, "20")) && strings.Trim(v, "0123456789") == ""
}

// maxListed is how many distinct numbers a message lists before "and N
// more".
const maxListed = 20

// listNumbers renders numbers as written, once each with a count.
func listNumbers(ns []numbers.Number) string {
	var order []string
	count := map[string]int{}
	text := map[string]string{}
	for _, n := range ns {
		if count[n.Value] == 0 {
			order = append(order, n.Value)
			text[n.Value] = strings.Join(strings.Fields(strings.ReplaceAll(strings.ReplaceAll(n.Text, "\u00a0", " "), "\u202f", " ")), " ")
		}
		count[n.Value]++
	}
	shown := min(len(order), maxListed)
	out := make([]string, shown, shown+1)
	for i, v := range order[:shown] {
		out[i] = text[v]
		if c := count[v]; c > 1 {
			out[i] += fmt.Sprintf(" (×%d)", c)
		}
	}
	if more := len(order) - shown; more > 0 {
		out = append(out, fmt.Sprintf("and %d more", more))
	}
	return strings.Join(out, ", ")
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// hasDigit reports whether s has a decimal digit, ASCII or not (fullwidth).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		if c >= 0xe2 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			// U+2000 to U+9FFF (punctuation, symbols, CJK): no digits
			// there, and most of a Chinese text.
			i += 2
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsDigit(r) {
				return true
			}
			i += size - 1
		}
	}
	return false
}
