package report

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// foldedText is a segment text folded for display (fold), with what the
// findings of that segment need again and again: its characters, where a
// text occurs in it, and where a byte offset of the raw text lands in it.
// A long segment with many findings (thousands of typography notes in one
// generated paragraph) is so folded and indexed once, not once per finding.
type foldedText struct {
	raw, folded string
	runes       []rune
	found       map[string][3]int // findSpan's answers: a, b, ok (1)
	lastSpan    *string           // the last span asked, and its answer
	last        [3]int
	// The walk of index: it goes on from the last offset asked, or from
	// the nearest checkpoint before (a segment's findings come in the order
	// of their places, but each asks for its start and its end).
	walked
	marks []walked // every markEvery raw bytes, in order
}

// walked is the state of the walk at a raw offset.
type walked struct {
	at    int  // raw bytes walked
	n     int  // folded characters they gave
	space bool // white space pending at at
}

// markEvery is the spacing of the walk's checkpoints, in raw bytes.
const markEvery = 1024

func newFoldedText(raw string) *foldedText {
	f := fold(raw)
	return &foldedText{raw: raw, folded: f, runes: []rune(f)}
}

// searchLimit is the length past which a text is not searched for the
// flagged text: each finding would scan it (thousands of findings on one
// generated segment). A finding the engine placed in its target is shown
// at its place anyway; another one (a corpus rule's) then shows the text
// from its start, or the source at the target's place.
const searchLimit = 1 << 14

// find is findSpan(t.folded, span), remembered; ok is false on a text over
// searchLimit.
func (t *foldedText) find(span string) (a, b int, ok bool) {
	if len(t.folded) > searchLimit {
		return 0, 0, false
	}
	if t.lastSpan != nil && *t.lastSpan == span {
		// The same span again (a string compares equal to itself without
		// reading it: the long span of many findings on one segment).
		return t.last[0], t.last[1], t.last[2] == 1
	}
	if r, seen := t.found[span]; seen {
		t.lastSpan, t.last = &span, r
		return r[0], r[1], r[2] == 1
	}
	a, b, ok = findSpan(t.folded, span)
	if t.found == nil {
		t.found = map[string][3]int{}
	}
	r := [3]int{a, b, 0}
	if ok {
		r[2] = 1
	}
	t.found[span] = r
	t.lastSpan, t.last = &span, r
	return a, b, ok
}

// index returns where raw byte offset x lands in the folded text, in
// characters: for a start, the place of the character at x (after the
// space that white space before it folds to); for an end, the place just
// after the characters before x.
func (t *foldedText) index(x int, start bool) int {
	x = min(max(x, 0), len(t.raw))
	// Walk from the nearest known place at or before x.
	if k := sort.Search(len(t.marks), func(k int) bool { return t.marks[k].at > x }) - 1; x < t.at || k >= 0 && t.marks[k].at > t.at {
		t.walked = walked{}
		if k >= 0 {
			t.walked = t.marks[k]
		}
	}
	for t.at < x {
		if last := len(t.marks) - 1; last < 0 && t.at >= markEvery || last >= 0 && t.at >= t.marks[last].at+markEvery {
			t.marks = append(t.marks, t.walked)
		}
		r, size := utf8.DecodeRuneInString(t.raw[t.at:])
		if unicode.IsSpace(r) {
			t.space = true
		} else {
			if t.space && t.n > 0 {
				t.n++
			}
			t.space = false
			t.n += visibleLen(r)
		}
		t.at += size
	}
	n := t.n
	if start && t.space && n > 0 && x < len(t.raw) {
		if r, _ := utf8.DecodeRuneInString(t.raw[x:]); !unicode.IsSpace(r) {
			n++
		}
	}
	return min(n, len(t.runes))
}

// visibleLen is how many characters writeVisible writes for r.
func visibleLen(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return 4 // \x01
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return 6 // \u202e
	}
	return 1
}

// foldCache keeps the folded texts of the last segment, and of the last
// snippet: the findings of a segment follow one another in a report, and
// many flag the whole target.
type foldCache struct {
	src, tgt *foldedText
	snip     string
	snipFold string
}

// fold is fold(snippet), remembered for the last snippet.
func (c *foldCache) fold(snippet string) string {
	if c == nil {
		return fold(snippet)
	}
	if snippet != c.snip || c.snip == "" {
		c.snip, c.snipFold = snippet, fold(snippet)
	}
	return c.snipFold
}

func (c *foldCache) get(slot **foldedText, raw string) *foldedText {
	if c == nil {
		return newFoldedText(raw)
	}
	if *slot == nil || (*slot).raw != raw {
		*slot = newFoldedText(raw)
	}
	return *slot
}
