package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestListFirst(t *testing.T) {
	items := strings.Fields("a b c d e f g")
	for _, tt := range []struct {
		n    int
		want string
	}{{7, "a, b, c, d, e, f, g"}, {9, "a, b, c, d, e, f, g"}, {5, "a, b, c, d, e and 2 more"}} {
		if got := listFirst(items, tt.n); got != tt.want {
			t.Errorf("listFirst(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got, want := codeList(strings.Fields("a b c d e f g h i j k l")), "`a`, `b`, `c`, `d`, `e`, `f`, `g`, `h`, `i`, `j` and 2 more"; got != want {
		t.Errorf("codeList = %q, want %q", got, want)
	}
}

// TestLabelRange: the label of a link and of an image, none for an
// autolink or a label that does not fit.
func TestLabelRange(t *testing.T) {
	for _, tt := range []struct {
		name string
		l    Link
		want Range
		ok   bool
	}{
		{"link", Link{Kind: InlineLink, Label: "text", Range: Range{Start: 10, End: 25}}, Range{Start: 11, End: 15}, true},
		{"image", Link{Kind: ImageLink, Label: "alt", Range: Range{Start: 0, End: 12}}, Range{Start: 2, End: 5}, true},
		{"autolink", Link{Kind: AutoLink, Label: "x", Range: Range{Start: 0, End: 20}}, Range{}, false},
		{"torn", Link{Kind: InlineLink, Label: "a long label", Range: Range{Start: 0, End: 5}}, Range{}, false},
	} {
		if got, ok := tt.l.LabelRange(); got != tt.want || ok != tt.ok {
			t.Errorf("%s: LabelRange() = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCapitalPair: the word-at-a-time search finds the first two ASCII
// capitals in a row where a byte-by-byte search does, on random texts of
// capitals, lower-case letters, spaces and non-ASCII bytes.
func TestCapitalPair(t *testing.T) {
	naive := func(s string) int {
		for i := 1; i < len(s); i++ {
			if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'A' && s[i-1] <= 'Z' {
				return i - 1
			}
		}
		return -1
	}
	alphabet := []byte{'A', 'Z', 'M', 'a', 'z', ' ', '@', '[', 0x80, 0xC3, 0xC1, 0xDA, 0xFF, 0x7F}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if got, want := capitalPair(s), naive(s); got != want {
			t.Fatalf("capitalPair(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestSpacedDashes: separators between spaces or NBSPs counted, hyphens
// glued to a word, dashes at a line's edge and hidden dashes not.
func TestSpacedDashes(t *testing.T) {
	for _, tt := range []struct {
		s      string
		hidden []Range
		want   int
	}{
		{"Part 2 - Protection", nil, 1},
		{"Teil 2 – Schutz — Ende", nil, 2},
		{"a\u00a0-\u00a0b", nil, 1},
		{"a - b - c", nil, 2},
		{"well-known -Identity 2- x", nil, 0},
		{"- item", nil, 0},
		{"a -\tb", nil, 0},
		{"a\t- b", nil, 0},
		{"end -", nil, 0},
		{"… … a … b", nil, 0}, // an ellipsis shares the dashes' lead byte
		{"`a - b` and c - d", []Range{{Start: 0, End: 7}}, 1},
		{"é - ü", nil, 1},
	} {
		if got := spacedDashes(tt.s, tt.hidden); got != tt.want {
			t.Errorf("spacedDashes(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	if hasDash("a — b") || !hasDash("a–b") || !hasDash("a-b") || hasDash("…") {
		t.Error("hasDash: wrong about em dashes, en dashes, hyphens or an ellipsis")
	}
}

// TestMIMEPrefilter: the prefilter lets through every text the MIME
// pattern matches, and keeps out text with no type before a slash.
func TestMIMEPrefilter(t *testing.T) {
	for _, s := range []string{"image/tiff", "Type: application/vnd.visio, text/html; charset=utf-8", "and/or a video/mp4",
		"a/b", "no slash", "https://x/y", "images/photo"} {
		if got, want := mayHaveMIMEType(s), mimeTypeRe.MatchString(s); want && !got {
			t.Errorf("mayHaveMIMEType(%q) = false, but the pattern matches", s)
		}
	}
	for _, s := range []string{"a/b", "no slash", "and/or", "https://x/y"} {
		if mayHaveMIMEType(s) {
			t.Errorf("mayHaveMIMEType(%q) = true, want false", s)
		}
	}
	if !containsFoldASCII("Keywords_EU", "keyword") || !containsFoldASCII("xKEYWORD", "keyword") || containsFoldASCII("keywor", "keyword") {
		t.Error("containsFoldASCII: wrong")
	}
}
