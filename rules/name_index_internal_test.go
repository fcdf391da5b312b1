package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestNameIndexLikeContainsName: the token index answers as containsName's
// search does, for names of one token and of several, on texts of mixed
// scripts, digits glued to words and CJK text touching names.
func TestNameIndexLikeContainsName(t *testing.T) {
	words := []string{"office365", "e5", "g5", "21vianet", "permissiongrant2", "ausführen", "高级", "世纪互联", " ", " ", "-", "/", ".", "x", "2", "365", "é", "١٢"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(words[rng.Intn(len(words))])
		}
		text := b.String()
		x := newNameIndex(text)
		for _, name := range []string{"office365", "e5", "e5/g5", "21vianet", "permissiongrant2ausführen", "permissiongrant2x", "x2", "365", "ausführen2"} {
			if got, want := x.contains(name), containsName(text, name); got != want {
				t.Fatalf("contains(%q) in %q = %v, containsName %v", name, text, got, want)
			}
		}
	}
}

// TestTokenCountsLikeCountToken: the token counts of a text, made at once,
// are countToken's for every cmdlet-like form, and the word ends found by
// their last letters are the noun's places indexFrom finds.
func TestTokenCountsLikeCountToken(t *testing.T) {
	parts := []string{"get", "-", "item", "x", "set-item", " ", ".", "删除", "-item", "itemé", "2", "mailbox", "_"}
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		text := b.String()
		counts := tokenCounts(text)
		ends := wordEnds(text)
		for _, tok := range []string{"get-item", "item", "set-item", "get", "get-item-x", "mailbox", "item2", "x"} {
			if got, want := counts[tok], countToken(text, tok); got != want {
				t.Fatalf("tokenCounts(%q)[%q] = %d, countToken %d", text, tok, got, want)
			}
			if len(tok) < 3 {
				continue
			}
			var got, want []int
			for _, e := range ends[tok[len(tok)-3:]] {
				if e >= len(tok) && text[e-len(tok):e] == tok {
					got = append(got, e-len(tok))
				}
			}
			for i := indexFrom(text, tok, 0); i >= 0; i = indexFrom(text, tok, i+1) {
				if e := i + len(tok); e == len(text) || !isASCIIWordByte(text[e]) {
					want = append(want, i)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("ends of %q in %q: %v, want %v", tok, text, got, want)
			}
		}
	}
}
