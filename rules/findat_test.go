package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestFindAtIsFind: for every matcher findIn anchors, findAt at the word
// starts of wordStarts finds exactly what find finds, masks included, on
// random texts mixing cases, accents, CJK next to words, apostrophes,
// markup boundaries (\x00), the Kelvin sign and the dotted capital I, with
// every kind of endings.
func TestFindAtIsFind(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	words := []string{"policy", "Policies", "label", "labels", "Office", "365", "e-mail", "étiquette", "Étiquettes",
		"\u212aey", "key", "İd", "id", "中文", "l'audit", "audit", "x", "stratégie", "Stratégies"}
	seps := []string{" ", " ", " ", "\x00", ", ", ".", "中", "-", "'", ""}
	endingSets := [][]string{nil, {"s"}, {"s", "es"}, {"s", "es", "ies"}, {"e", "en", "s"}}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	for it := range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(25) {
			b.WriteString(pick(words))
			b.WriteString(pick(seps))
		}
		text := b.String()
		var term []string
		for range 1 + r.IntN(3) {
			term = append(term, pick(words))
		}
		endings, last := endingSets[r.IntN(len(endingSets))], endingSets[r.IntN(len(endingSets))]
		m := newTermMatcher(strings.Join(term, " "), true, endings, last)
		if _, ok := m.anchorKey(); !ok {
			continue
		}
		stems := slices.Concat(endings, last)
		var maskA, maskB []bool
		if it%2 == 0 {
			maskA, maskB = make([]bool, len(text)), make([]bool, len(text))
			for k := range maskA {
				if r.IntN(10) == 0 {
					maskA[k], maskB[k] = true, true
				}
			}
		}
		want := m.find(text, maskA, true)
		got := findIn(m, text, wordStarts(text, stems), maskB, true)
		if !slices.Equal(got, want) || !slices.Equal(maskA, maskB) {
			t.Fatalf("term %q (endings %v, last %v) in %q: findAt %v, find %v", term, endings, last, text, got, want)
		}
	}
}
