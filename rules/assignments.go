package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// assignment is a name=value literal written in prose (p=reject,
// CN=Computers, unique="true"): text[start:end], its sign's last byte at
// eq (the value starts after it; a target may write a full-width ＝).
type assignment struct{ start, eq, end int }

func (a assignment) text(s string) string { return s[a.start:a.end] }

// assignments finds the name=value literals of raw outside hidden (sorted
// ranges of code, link destinations, tags): a name of ASCII letters,
// digits, '_', '.' and '-' that starts with a letter, '=' with no space
// around it, and a value, quoted or a run of characters up to a space or
// a closing mark, a sentence's full stop not included. A literal within a
// URL or a query string (a word with "://", '?' or '&') is the URL's.
func assignments(raw string, hidden []Range) []assignment {
	var out []assignment
	// Word by word (runs between spaces), so that each byte is read a
	// bounded number of times: a word of a URL or a query is skipped whole.
	for w0 := 0; w0 < len(raw); {
		if isSpaceByte(raw[w0]) {
			w0++
			continue
		}
		w1 := w0
		for w1 < len(raw) && !isSpaceByte(raw[w1]) {
			w1++
		}
		// A sentence's mark at the word's end is not a query's ("p=reject?").
		word := strings.TrimRight(raw[w0:w1], ".,:;!?)")
		if strings.IndexByte(word, '=') < 0 || strings.Contains(word, "://") || strings.ContainsAny(word, "?&") || strings.Contains(word, "www.") {
			w0 = w1
			continue
		}
		for k := 0; k < len(word); {
			i := strings.IndexByte(word[k:], '=')
			if i < 0 {
				break
			}
			eq := w0 + k + i
			k += i + 1
			start := eq
			for start > w0 && assignmentNameByte(raw[start-1]) {
				start--
			}
			for start < eq && !isASCIILetter(raw[start]) {
				start++ // a name starts with a letter
			}
			if start == eq || start > 0 && !assignmentEdge(raw[start-1]) {
				continue
			}
			end := assignmentValueEnd(raw[:w1], eq+1)
			if end <= eq+1 || overlaps(hidden, start, end) {
				continue
			}
			out = append(out, assignment{start, eq, end})
			k = end - w0 // the value is not searched for another literal
		}
		w0 = w1
	}
	return out
}

func assignmentNameByte(c byte) bool {
	return isASCIIWordByte(c) || c == '.' || c == '-'
}

// assignmentEdge is what may come before a literal's name: a space, an
// opening mark, emphasis, another script's character (为p=无).
func assignmentEdge(c byte) bool {
	return isSpaceByte(c) || strings.IndexByte("([{\"'*_,;:>", c) >= 0 || c >= 0x80
}

// isSpaceByte reports an ASCII space, tab, line end or form feed.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// assignmentValueEnd returns where the value starting at raw[i] ends, or
// i when there is none: a quoted string with its quotes, or a run that
// starts with a letter, digit or '$' and stops at a space, a closing mark,
// a comma or semicolon, markup; a full stop or colon at its end is the
// sentence's.
func assignmentValueEnd(raw string, i int) int {
	if i >= len(raw) {
		return i
	}
	if q := raw[i]; q == '"' || q == '\'' {
		k := strings.IndexByte(raw[i+1:], q)
		if k < 0 || strings.ContainsAny(raw[i+1:i+1+k], "\n") {
			return i
		}
		return i + 2 + k
	}
	if strings.HasPrefix(raw[i:], "**") {
		// A value in bold (d=**contoso.com**): up to its closing marks,
		// within the word.
		if k := strings.Index(raw[i+2:], "**"); k > 0 && !strings.ContainsAny(raw[i+2:i+2+k], " \t\n") {
			return i + 4 + k
		}
		return i
	}
	c := raw[i]
	if !isASCIILetter(c) && (c < '0' || c > '9') && c != '$' {
		return i
	}
	j := i
	for j < len(raw) && !isSpaceByte(raw[j]) && strings.IndexByte(",;)]}<`*|\"'", raw[j]) < 0 && raw[j] < 0x80 {
		j++
	}
	for j > i && strings.IndexByte(".:!?_", raw[j-1]) >= 0 {
		j-- // the sentence's, emphasis's
	}
	return j
}

// checkAssignments reports the name=value literals of the source (p=reject,
// CN=Computers, matchStyle="word") that the target does not keep as
// written: spaced (p = reject), re-cased (p=Reject) or translated (p=无,
// CN=计算机). A reader types them into a record, a query, a file: one
// written otherwise does not work. The target's changed form is pointed
// at when it can be found (the name, then '=' between spaces or not); the
// fix writes the source's literal there when the target's only differs by
// its spaces and case.
func checkAssignments(p *Pass, s *Segment) {
	src := assignments(s.Source.Raw, sortMerge(proseSkips(s.Source)))
	if len(src) == 0 {
		return
	}
	tgt := s.Target.Raw
	hidden := sortMerge(proseSkips(s.Target)) // the target's code and link destinations are not its prose
	// Each literal of the source once for each time it is written, kept
	// when the target writes it as many times.
	want := map[string]int{}
	var order []string
	for _, a := range src {
		t := a.text(s.Source.Raw)
		name, value, _ := strings.Cut(t, "=")
		if assignmentPlaceholders[strings.ToLower(name)] && assignmentPlaceholders[strings.ToLower(value)] {
			continue // a syntax's template (property=value): its words are translated
		}
		if len(name) == 1 && (len(value) == 1 || strings.Trim(value, "0123456789") == "") {
			continue // an equation (x=2, a=b): its spaces are typography
		}
		if want[t] == 0 {
			order = append(order, t)
		}
		want[t]++
	}
	if len(order) > maxAssignments {
		order = order[:maxAssignments] // a bound on the work of a segment of thousands
	}
	// The target's places that hold a literal of the source as written,
	// alone (not the end of sp=none, not the start of x=10), are kept: no
	// changed form is looked for there.
	used := map[int]bool{}
	kept := map[string]int{}
	for _, lit := range order {
		for from := 0; ; {
			k := strings.Index(tgt[from:], lit)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(lit)
			if overlaps(hidden, at, from) || at > 0 && assignmentNameByte(tgt[at-1]) || from < len(tgt) && isASCIIWordByte(tgt[from]) {
				continue
			}
			used[at] = true
			kept[lit]++
		}
	}
	low := asciiLower(tgt) // the same length as tgt: names are ASCII
	places := map[string][]assignment{}
	var unstarred string
	for _, lit := range order {
		missing := want[lit] - kept[lit]
		if missing <= 0 {
			continue
		}
		// Bold moved around the literal (**d=contoso.com** for
		// d=**contoso.com**): what a reader types is the same.
		if strings.Contains(lit, "*") || strings.Contains(tgt, "*") {
			if unstarred == "" {
				unstarred = strings.ReplaceAll(tgt, "*", "")
			}
			if strings.Count(unstarred, strings.ReplaceAll(lit, "*", "")) >= want[lit] {
				continue
			}
		}
		name, value, _ := strings.Cut(lit, "=")
		lname := asciiLower(name)
		if _, ok := places[lname]; !ok {
			places[lname] = targetAssignments(tgt, low, lname, hidden)
		}
		reported := false
		for range missing {
			a, ok := pickAssignment(tgt, places[lname], value, used)
			if !ok {
				break
			}
			reported = true
			used[a.start] = true
			got := a.text(tgt)
			at := Range{Start: s.Target.Range.Start + a.start, End: s.Target.Range.Start + a.end}
			f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity.Below(), Path: p.Page.Path, Range: at,
				Message:   fmt.Sprintf("literal %s changed: the target has %s (a reader types it as written)", quoteText(lit), quoteText(got)),
				SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
			if got != lit && sameValue(got[a.eq-a.start+1:], value) {
				f.Fixes = []Edit{{Range: at, New: lit}}
			}
			p.Report(f)
		}
		// Written as often as the source writes it, or not at all: a
		// literal the target writes fewer times (the second mention a
		// pronoun) is not missing.
		if !reported && kept[lit] == 0 {
			p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity.Below(), Path: p.Page.Path, Range: s.Target.Range,
				Message:   fmt.Sprintf("literal %s of the source missing from the target: a reader types it as written", quoteText(lit)),
				SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw})
		}
	}
}

// sameValue reports whether a value the target writes is the source's
// but for spaces and case.
func sameValue(got, value string) bool {
	return strings.EqualFold(strings.ReplaceAll(got, " ", ""), value)
}

// pickAssignment returns the first place of places not used whose value
// is the source's but for spaces and case (p = Reject for p=reject, not
// the p = none next to it), else the first not used.
func pickAssignment(tgt string, places []assignment, value string, used map[int]bool) (assignment, bool) {
	first := -1
	for i, a := range places {
		if used[a.start] {
			continue
		}
		a = brokenAfterDot(tgt, a, value)
		if sameValue(tgt[a.eq+1:a.end], value) {
			return a, true
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return assignment{}, false
	}
	return brokenAfterDot(tgt, places[first], value), true
}

// brokenAfterDot extends a place whose value the target broke after its
// dot ("version = 6. x" for version=6.x) over the rest of the value, when
// the rest ends there.
func brokenAfterDot(tgt string, a assignment, value string) assignment {
	dot := strings.IndexByte(value, '.')
	if dot < 0 || dot+1 >= len(value) {
		return a
	}
	rest := " " + value[dot+1:]
	e := a.end
	if e >= len(tgt) || tgt[e] != '.' || len(tgt)-(e+1) < len(rest) || !strings.EqualFold(tgt[e+1:e+1+len(rest)], rest) {
		return a
	}
	if end := e + 1 + len(rest); end == len(tgt) || !isASCIIWordByte(tgt[end]) {
		a.end = end
	}
	return a
}

// maxAssignments is how many literals of a segment are compared, and
// maxPlaces how many places of one name in a target.
const (
	maxAssignments = 64
	maxPlaces      = 256
)

// assignmentPlaceholders are the words of a syntax's template written as
// a literal (property=value, name=value), which a translation translates.
var assignmentPlaceholders = wordSet("property value name key parameter attribute field setting option variable text string number")

// targetAssignments finds the places of tgt (low: tgt with ASCII letters
// lower-cased) where the name lname (lower case) stands alone, outside
// hidden, followed by '=' with spaces around it or not and a value, up to
// maxPlaces of them.
func targetAssignments(tgt, low, lname string, hidden []Range) []assignment {
	var out []assignment
	for from := 0; from < len(low) && len(out) < maxPlaces; {
		k := strings.Index(low[from:], lname)
		if k < 0 {
			break
		}
		start := from + k
		from = start + 1
		if start > 0 && (assignmentNameByte(tgt[start-1]) || !assignmentEdge(tgt[start-1])) {
			continue
		}
		j := start + len(lname)
		for j < len(tgt) && tgt[j] == ' ' {
			j++
		}
		eq := j // the sign's last byte: the value starts after it
		switch {
		case strings.HasPrefix(tgt[j:], "＝"): // a full-width sign (p＝reject)
			eq = j + len("＝") - 1
		case j >= len(tgt) || tgt[j] != '=' || j+1 < len(tgt) && tgt[j+1] == '=':
			continue
		}
		j = eq + 1
		for j < len(tgt) && tgt[j] == ' ' {
			j++
		}
		end := targetValueEnd(tgt, j)
		if end == j || overlaps(hidden, start, end) {
			continue
		}
		out = append(out, assignment{start, eq, end})
		from = end
	}
	return out
}

// closingQuote is the quote that closes a value opened by another.
var closingQuote = map[rune]rune{'«': '»', '“': '”', '„': '“', '‚': '‘', '「': '」'}

// targetValueEnd returns where a value the target writes at tgt[j] ends:
// a quoted one with its quotes (typographic ones too), else up to a space
// of any kind, a closing mark, a comma that is no decimal comma, CJK
// punctuation, or, for a value that starts in Latin letters, the start of
// CJK text (rejectに設定); a sentence's mark or emphasis at its end is
// not the value's.
func targetValueEnd(tgt string, j int) int {
	if j >= len(tgt) {
		return j
	}
	if c := tgt[j]; c == '"' || c == '\'' || strings.HasPrefix(tgt[j:], "**") {
		return assignmentValueEnd(tgt, j)
	}
	first, n := utf8.DecodeRuneInString(tgt[j:])
	if closer, ok := closingQuote[first]; ok {
		if k := strings.IndexRune(tgt[j+n:], closer); k >= 0 && k < 200 && !strings.Contains(tgt[j+n:j+n+k], "\n") {
			return j + n + k + utf8.RuneLen(closer)
		}
		return j
	}
	end := j
	for end < len(tgt) {
		c := tgt[end]
		if c < utf8.RuneSelf {
			if isSpaceByte(c) || strings.IndexByte(";)]}<`*|\"", c) >= 0 ||
				c == ',' && (end == j || !isDigit(tgt[end-1]) || end+1 >= len(tgt) || !isDigit(tgt[end+1])) {
				break
			}
			end++
			continue
		}
		r, n := utf8.DecodeRuneInString(tgt[end:])
		if unicode.IsSpace(r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff20 || strings.ContainsRune("”»“’‘」", r) ||
			first < utf8.RuneSelf && r >= 0x2e80 {
			break // CJK punctuation (、。，）), closing quotes, CJK text after a Latin value
		}
		end += n
	}
	for end > j && strings.IndexByte(".:!?_", tgt[end-1]) >= 0 {
		end--
	}
	return end
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
