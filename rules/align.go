package rules

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Fold is fold, for the engine: it folds each segment's source once.
func Fold(s string) string { return fold(s) }

// fold reduces a text to its wording: letters and digits only, in lower
// case. White space, punctuation (a comma dropped, a hyphen become a dash),
// quotes, emphasis markers, backslashes and table pipes do not count.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			// Copy a run of kept bytes at once (most of a text).
			j := i + 1
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b.WriteByte(c + 'a' - 'A')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
		i += size
	}
	return b.String()
}

// foldOffsets returns, for each byte of fold(s), the offset in s of the
// character it comes from.
func foldOffsets(s string) []int32 {
	at := make([]int32, 0, len(s))
	var buf [utf8.UTFMax]byte
	for i, r := range s {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				at = append(at, int32(i))
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for range utf8.EncodeRune(buf[:], unicode.ToLower(r)) {
				at = append(at, int32(i))
			}
		}
	}
	return at
}

// alignPairs aligns two sequences of texts: pairs of equal texts (a longest
// common subsequence) and, in the gaps between them, texts at the same
// offset when both gaps have the same length (a sentence rewritten in place).
// It returns, for each index of a, the index of b it pairs with (or -1) and
// whether the pair is equal.
func alignPairs(a, b []string) (pair []int, equal []bool) {
	pair = make([]int, len(a))
	equal = make([]bool, len(a))
	for i := range pair {
		pair[i] = -1
	}
	// Translations of one page mostly share their sources: pair the common
	// head and tail directly, and align only what lies between.
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		pair[head], equal[head] = head, true
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		i := len(a) - 1 - tail
		pair[i], equal[i] = len(b)-1-tail, true
		tail++
	}
	if head == len(a) && head == len(b) {
		return pair, equal
	}
	mid, midEq := alignMiddle(a[head:len(a)-tail], b[head:len(b)-tail])
	for i, j := range mid {
		if j >= 0 {
			pair[head+i], equal[head+i] = head+j, midEq[i]
		}
	}
	return pair, equal
}

// alignMiddle is alignPairs without the shortcut for a common head and tail.
func alignMiddle(a, b []string) (pair []int, equal []bool) {
	pair = make([]int, len(a))
	equal = make([]bool, len(a))
	for i := range pair {
		pair[i] = -1
	}
	n, m := len(a), len(b)
	var matches [][2]int
	if t, ok := bestAlignment(n, m, 1, func(i, j int) int32 {
		if a[i] == b[j] {
			return 1
		}
		return 0
	}, 4_000_000); ok {
		for i, j := 0, 0; i < n && j < m; {
			switch {
			case a[i] == b[j]:
				matches = append(matches, [2]int{i, j})
				i++
				j++
			case t.get(i+1, j) >= t.get(i, j+1):
				i++
			default:
				j++
			}
		}
	} else {
		// Very long pages: a greedy forward match keeps the cost linear.
		pos := map[string][]int{}
		for j, s := range b {
			pos[s] = append(pos[s], j)
		}
		last := -1
		for i, s := range a {
			for _, j := range pos[s] {
				if j > last {
					matches = append(matches, [2]int{i, j})
					last = j
					break
				}
			}
		}
	}
	pi, pj := -1, -1
	for _, mt := range append(matches, [2]int{n, m}) {
		if gi, gj := mt[0]-pi-1, mt[1]-pj-1; gi == gj {
			for k := 1; k <= gi; k++ {
				pair[pi+k] = pj + k
			}
		}
		if mt[0] < n {
			pair[mt[0]], equal[mt[0]] = mt[1], true
		}
		pi, pj = mt[0], mt[1]
	}
	return pair, equal
}

// handoff reads a page's ms.lasthandoff date (MM/DD/YYYY), zero if absent.
func handoff(p *PageFacts) time.Time {
	e := p.Get("ms.lasthandoff")
	if e == nil {
		return time.Time{}
	}
	t, err := time.Parse("01/02/2006", strings.TrimSpace(e.Value))
	if err != nil {
		return time.Time{}
	}
	return t
}
