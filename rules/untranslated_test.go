package rules

import (
	"strings"
	"testing"
)

// TestFoldedEqual: the allocation-free comparison agrees with the folding
// it stands for.
func TestFoldedEqual(t *testing.T) {
	texts := []string{"", " ", "Hello world", "hello  World ", "\thello\nworld", "Hello, world", "it’s", "it's",
		"“quoted”", `"quoted"`, "a\u00a0b", "a b", "ÉTÉ", "été", "Straße", "STRASSE", "İ", "i", "x y z", "xy z", "ǅ", "ǆ"}
	for _, a := range texts {
		for _, b := range texts {
			if got, want := foldedEqual(a, b, true, lowerEqual), comparable(a) == comparable(b); got != want {
				t.Errorf("foldedEqual(%q, %q) = %v, comparable says %v", a, b, got, want)
			}
			eqFold := func(x, y rune) bool { return strings.EqualFold(string(x), string(y)) }
			want := strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
			if got := foldedEqual(a, b, false, eqFold); got != want {
				t.Errorf("foldedEqual(%q, %q) without quotes = %v, want %v", a, b, got, want)
			}
		}
	}
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "\u00a0", " ", "\u202f", " ")

// comparable folds what differs without translation — white space,
// typographic quotes and apostrophes, case — as sameText compares.
func comparable(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(quoteFolder.Replace(s)), " "))
}
