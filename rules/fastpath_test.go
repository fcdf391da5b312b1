package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The character classes with fast paths agree with the unicode tables on
// every code point.
func TestFastPathsMatchUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := typoLetter(r), unicode.IsLetter(r); got != want {
			t.Fatalf("typoLetter(%U) = %v, want %v", r, got, want)
		}
		if got, want := isTermWordRune(r), (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r); got != want {
			t.Fatalf("isTermWordRune(%U) = %v, want %v", r, got, want)
		}
		want := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
			r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
		if got := typoCJK(r); got != want {
			t.Fatalf("typoCJK(%U) = %v, want %v", r, got, want)
		}
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, want := hasDigit(s), unicode.IsDigit(r); got != want {
			t.Fatalf("hasDigit(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasDigit("中"+s+"x"), unicode.IsDigit(r); got != want {
			t.Fatalf("hasDigit(%q) = %v, want %v", "中"+s+"x", got, want)
		}
	}
}

// hasDigit does not skip a digit after a broken multi-byte sequence.
func TestHasDigitInvalidUTF8(t *testing.T) {
	for _, s := range []string{"\xe45", "\xe4\x805", "a\xe9", "\xe2\x80", "\xe9\xbf\xbf\xef\xbc\x91"} {
		want := false
		for _, r := range s {
			want = want || unicode.IsDigit(r)
		}
		if got := hasDigit(s); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
	}
}

// typoSummarize never hides a problem from the checks it gates: without
// its flag, typoPairProblems, typoQuoteProblem and typoSpaceRuns find
// nothing, for every character alone or doubled.
func TestTypoSummarizeGates(t *testing.T) {
	chars := func(rs ...rune) []typoChar {
		var cs []typoChar
		for i, r := range rs {
			cs = append(cs, typoChar{r: r, start: i, end: i + 1})
		}
		return cs
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, cs := range [][]typoChar{chars('a', r, 'b'), chars('a', r, r, 'b'), chars(r), chars(r, 'a', r)} {
			sum := typoSummarize(cs)
			if !sum.pairs {
				if tp := typoPairProblems(cs); tp != [4]int{-1, -1, -1, -1} {
					t.Fatalf("%U: no pairs flag, but typoPairProblems = %v", r, tp)
				}
				for _, lang := range []string{"en", "de", "fr"} {
					if i, _ := typoQuoteProblem(cs, lang); i >= 0 {
						t.Fatalf("%U: no pairs flag, but typoQuoteProblem = %d", r, i)
					}
				}
			}
			if !sum.doubleSpace && len(typoSpaceRuns(cs)) > 0 {
				t.Fatalf("%U: no double-space flag, but typoSpaceRuns = %v", r, typoSpaceRuns(cs))
			}
		}
	}
}

// foldKey gives two strings the same key exactly when strings.EqualFold
// says they are equal: every code point against its fold orbit, and words.
func TestFoldKeyIsEqualFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if foldKey(s) != foldKey(string(f)) {
				t.Fatalf("foldKey(%q) = %q, foldKey(%q) = %q: EqualFold says equal", s, foldKey(s), string(f), foldKey(string(f)))
			}
		}
		if r < 0x3000 && r != 'x' && !strings.EqualFold(s, "x") && foldKey(s) == foldKey("x") {
			t.Fatalf("foldKey(%q) = foldKey(%q)", s, "x")
		}
	}
	for _, c := range []struct {
		a, b  string
		equal bool
	}{
		{"vue-densemble", "Vue-DensemblE", true},
		{"étape-un", "ÉTAPE-UN", true},
		{"kelvin", "\u212aelvin", true},
		{"ſtep", "STEP", true},
		{"step-1", "step-2", false},
		{"straße", "STRASSE", false}, // EqualFold does not expand ß
	} {
		if got := foldKey(c.a) == foldKey(c.b); got != c.equal || got != strings.EqualFold(c.a, c.b) {
			t.Errorf("foldKey(%q) == foldKey(%q): %v, want %v (EqualFold %v)", c.a, c.b, got, c.equal, strings.EqualFold(c.a, c.b))
		}
	}
}
