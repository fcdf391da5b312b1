package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// assignment is a name=value literal written in prose (p=reject,
// CN=Computers, unique="true"): text[start:end], its '=' at eq.
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

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

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
	for j > i && strings.IndexByte(".:!?", raw[j-1]) >= 0 {
		j-- // the sentence's
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
	// Each literal of the source once for each time it is written, kept
	// when the target writes it as many times.
	want := map[string]int{}
	var order []string
	for _, a := range src {
		t := a.text(s.Source.Raw)
		if want[t] == 0 {
			order = append(order, t)
		}
		want[t]++
	}
	if len(order) > maxAssignments {
		order = order[:maxAssignments] // a bound on the work of a segment of thousands
	}
	low := asciiLower(tgt) // the same length as tgt: names are ASCII
	// The target's places that hold a literal of the source as written
	// are kept: no changed form is looked for there.
	used := map[int]bool{}
	for _, lit := range order {
		for from := 0; ; {
			k := strings.Index(tgt[from:], lit)
			if k < 0 {
				break
			}
			used[from+k] = true
			from += k + len(lit)
		}
	}
	next := map[string]int{} // by lower-case name: where the search for its changed forms goes on
	for _, lit := range order {
		name, value, _ := strings.Cut(lit, "=")
		if assignmentPlaceholders[strings.ToLower(name)] && assignmentPlaceholders[strings.ToLower(value)] {
			continue // a syntax's template (property=value): its words are translated
		}
		kept := strings.Count(tgt, lit)
		missing := want[lit] - kept
		if missing <= 0 {
			continue
		}
		reported := false
		for range missing {
			r, got, ok := findAssignment(tgt, low, name, value, used, next)
			if !ok {
				break
			}
			reported = true
			at := Range{Start: s.Target.Range.Start + r.Start, End: s.Target.Range.Start + r.End}
			f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity.Below(), Path: p.Page.Path, Range: at,
				Message:   fmt.Sprintf("literal %s changed: the target has %s (a reader types it as written)", quoteText(lit), quoteText(got)),
				SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
			gotName, gotValue, _ := strings.Cut(got, "=")
			if got != lit && strings.EqualFold(strings.TrimSpace(gotName), name) && strings.EqualFold(strings.ReplaceAll(gotValue, " ", ""), value) {
				f.Fixes = []Edit{{Range: at, New: lit}}
			}
			p.Report(f)
		}
		// Written as often as the source writes it, or not at all: a
		// literal the target writes fewer times (the second mention a
		// pronoun) is not missing.
		if !reported && kept == 0 {
			p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity.Below(), Path: p.Page.Path, Range: s.Target.Range,
				Message:   fmt.Sprintf("literal %s of the source missing from the target: a reader types it as written", quoteText(lit)),
				SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw})
		}
	}
}

// maxAssignments is how many literals of a segment are compared.
const maxAssignments = 64

// assignmentPlaceholders are the words of a syntax's template written as
// a literal (property=value, name=value), which a translation translates.
var assignmentPlaceholders = wordSet("property value name key parameter attribute field setting option variable text string number")

// findAssignment finds in tgt (low: tgt with ASCII letters lower-cased),
// from next[name] on and at no place of used, the name (in any case,
// alone) followed by '=' with spaces around it or not and a value, and
// returns its range and text; next[name] moves past it, so that each
// place is read once however many literals share the name.
func findAssignment(tgt, low, name, value string, used map[int]bool, next map[string]int) (Range, string, bool) {
	lname := asciiLower(name)
	for from := next[lname]; from < len(low); {
		k := strings.Index(low[from:], lname)
		if k < 0 {
			break
		}
		start := from + k
		from = start + 1
		next[lname] = from
		if used[start] || start > 0 && (assignmentNameByte(tgt[start-1]) || !assignmentEdge(tgt[start-1])) {
			continue
		}
		j := start + len(name)
		for j < len(tgt) && tgt[j] == ' ' {
			j++
		}
		if j >= len(tgt) || tgt[j] != '=' {
			continue
		}
		j++
		for j < len(tgt) && tgt[j] == ' ' {
			j++
		}
		end := j
		if j < len(tgt) && (tgt[j] == '"' || tgt[j] == '\'' || strings.HasPrefix(tgt[j:], "**")) {
			end = assignmentValueEnd(tgt, j)
		} else {
			// The value as the target writes it, in any script, up to a
			// space or a closing mark; a decimal comma is the value's.
			for end < len(tgt) && !isSpaceByte(tgt[end]) {
				if c := tgt[end]; strings.IndexByte(",;)]}<`*|", c) >= 0 {
					if c != ',' || end == j || !isDigit(tgt[end-1]) || end+1 >= len(tgt) || !isDigit(tgt[end+1]) {
						break
					}
				}
				r, n := utf8.DecodeRuneInString(tgt[end:])
				if r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff20 {
					break // CJK punctuation: 、。，）
				}
				end += n
			}
			// A value broken after its dot ("6. x" for "6.x") goes on.
			if dot := strings.IndexByte(value, '.'); dot >= 0 && dot+1 < len(value) && end > j && tgt[end-1] == '.' &&
				strings.HasPrefix(asciiLower(tgt[end:]), " "+asciiLower(value[dot+1:])) {
				end += 1 + len(value) - dot - 1
			}
			for end > j && strings.IndexByte(".:!?", tgt[end-1]) >= 0 {
				end--
			}
		}
		if end == j {
			continue
		}
		next[lname] = end
		return Range{Start: start, End: end}, tgt[start:end], true
	}
	next[lname] = len(low)
	return Range{}, "", false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
