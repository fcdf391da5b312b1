package rules

import (
	"math/rand"
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
