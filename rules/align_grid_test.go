package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// fullLCSMatches is the whole-table longest common subsequence that
// alignMiddle read its matches from before the banded grid: the reference
// the grid must reproduce exactly, ties included.
func fullLCSMatches(a, b []string) [][2]int {
	n, m := len(a), len(b)
	w := m + 1
	t := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			case t[(i+1)*w+j] >= t[i*w+j+1]:
				t[i*w+j] = t[(i+1)*w+j]
			default:
				t[i*w+j] = t[i*w+j+1]
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// fullWeighted is alignWeighted's whole-table alignment, the reference for
// the banded one.
func fullWeighted(sf, sc, tf, tc []int32) []structOp {
	n, m := len(sf), len(tf)
	w := int32(min(n, m) + 1)
	score := func(a, b int) int32 {
		switch {
		case sf[a] == tf[b]:
			return w
		case sc[a] == tc[b]:
			return 1
		}
		return 0
	}
	cols := m + 1
	tbl := make([]int32, (n+1)*cols)
	for a := n - 1; a >= 0; a-- {
		for b := m - 1; b >= 0; b-- {
			v := max(tbl[(a+1)*cols+b], tbl[a*cols+b+1])
			if sc := score(a, b); sc > 0 {
				v = max(v, tbl[(a+1)*cols+b+1]+sc)
			}
			tbl[a*cols+b] = v
		}
	}
	var ops []structOp
	a, b := 0, 0
	for a < n || b < m {
		switch {
		case a < n && b < m && score(a, b) > 0 && tbl[a*cols+b] == tbl[(a+1)*cols+b+1]+score(a, b):
			ops = append(ops, structOp{s: a, t: b, changed: score(a, b) < w})
			a++
			b++
		case a < n && (b == m || tbl[a*cols+b] == tbl[(a+1)*cols+b]):
			ops = append(ops, structOp{s: a, t: -1})
			a++
		default:
			ops = append(ops, structOp{s: -1, t: b})
			b++
		}
	}
	return ops
}

// gridMatches reads the matches off a banded grid as alignMiddle does, and
// tells whether the grid was a band.
func gridMatches(a, b []string) ([][2]int, bool) {
	g, ok := bestAlignment(len(a), len(b), 1, func(i, j int) int32 {
		if a[i] == b[j] {
			return 1
		}
		return 0
	}, 1<<30)
	if !ok {
		return nil, false
	}
	var out [][2]int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case g.get(i+1, j) >= g.get(i, j+1):
			i++
		default:
			j++
		}
	}
	return out, g.shift == 1
}

// edited returns a copy of a with k random edits (deleted, inserted or
// replaced elements drawn from an alphabet of size alpha).
func edited(r *rand.Rand, a []string, k, alpha int) []string {
	b := slices.Clone(a)
	for range k {
		x := strconv.Itoa(r.IntN(alpha))
		switch p := r.IntN(len(b) + 1); r.IntN(3) {
		case 0:
			if p < len(b) {
				b = slices.Delete(b, p, p+1)
			}
		case 1:
			b = slices.Insert(b, p, x)
		default:
			if p < len(b) {
				b[p] = x
			}
		}
	}
	return b
}

func randomSeq(r *rand.Rand, n, alpha int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(r.IntN(alpha))
	}
	return out
}

// TestBandedLCSIsTheFullTables checks, on random sequence pairs (near and
// far apart, small and large alphabets, so that ties abound), that the
// banded grid gives the very alignment of the whole table.
func TestBandedLCSIsTheFullTables(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	bands := 0
	for it := range 3000 {
		n, alpha := r.IntN(200), 2+r.IntN(40)
		a := randomSeq(r, n, alpha)
		var b []string
		if it%4 == 0 {
			b = randomSeq(r, r.IntN(200), alpha)
		} else {
			b = edited(r, a, r.IntN(40), alpha)
		}
		got, banded := gridMatches(a, b)
		if want := fullLCSMatches(a, b); !slices.Equal(got, want) {
			t.Fatalf("LCS of %v and %v:\n got %v\nwant %v", a, b, got, want)
		}
		if banded {
			bands++
		}
	}
	if bands == 0 {
		t.Fatal("no case used a band: the test compares the whole table with itself")
	}
}

func TestBandedWeightedIsTheFullTables(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ids := func(s []string, coarse int) []int32 {
		out := make([]int32, len(s))
		for i, x := range s {
			v, _ := strconv.Atoi(x)
			if coarse > 0 {
				v = 1000 + v%coarse
			}
			out[i] = int32(v)
		}
		return out
	}
	for it := range 3000 {
		n, alpha := r.IntN(150), 2+r.IntN(30)
		a := randomSeq(r, n, alpha)
		var b []string
		if it%4 == 0 {
			b = randomSeq(r, r.IntN(150), alpha)
		} else {
			b = edited(r, a, r.IntN(30), alpha)
		}
		coarse := 1 + r.IntN(4)
		sf, sc, tf, tc := ids(a, 0), ids(a, coarse), ids(b, 0), ids(b, coarse)
		si, ti := make([]int, len(a)), make([]int, len(b))
		for i := range si {
			si[i] = i
		}
		for j := range ti {
			ti[j] = j
		}
		got := alignWeightedIDs(si, ti, sf, sc, tf, tc, structKey{}, structKey{})
		if want := fullWeighted(sf, sc, tf, tc); !slices.Equal(got, want) {
			t.Fatalf("weighted alignment of %v and %v (coarse mod %d):\n got %v\nwant %v", a, b, coarse, got, want)
		}
	}
}

// TestBandedGridIsSmall shows what the band is for: two long sequences a few
// edits apart fit in a grid linear in their length, where the whole table
// would be over alignMiddle's limit of cells.
func TestBandedGridIsSmall(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	a := randomSeq(r, 5000, 1000)
	b := edited(r, a, 20, 1000)
	g, ok := bestAlignment(len(a), len(b), 1, func(i, j int) int32 {
		if a[i] == b[j] {
			return 1
		}
		return 0
	}, 4_000_000)
	if !ok {
		t.Fatal("a 5000-element alignment 20 edits apart did not fit in 4M cells")
	}
	if len(g.cells) > 100*len(a) {
		t.Errorf("grid of %d cells for %d elements: not a band", len(g.cells), len(a))
	}
	if got, _ := gridMatches(a, b); !slices.Equal(got, fullLCSMatches(a, b)) {
		t.Errorf("banded LCS differs from the whole table's")
	}
}

// TestWeightedLongPages: two pages of 50,000 elements a few edits apart fit
// a band, but an equal pair's weight times their count would overflow the
// grid's int32 cells: the alignment must still pair every equal element.
// (alignWeightedIDs falls back before the overflow; without that guard the
// band's verification also rejects the wrapped scores, so this asserts the
// result, not which of the two saves it.)
func TestWeightedLongPages(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	a := randomSeq(r, 50000, 100000)
	b := edited(r, a, 10, 100000)
	key := func(s []string) structKey {
		k := structKey{fine: s, coarse: make([]string, len(s))}
		for i := range k.coarse {
			k.coarse[i] = "p"
		}
		return k
	}
	idx := func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	ops := alignWeighted(idx(len(a)), idx(len(b)), key(a), key(b))
	want, _ := gridMatches(a, b)
	equal := 0
	for _, op := range ops {
		if op.s >= 0 && op.t >= 0 && a[op.s] == b[op.t] {
			equal++
		}
	}
	if equal != len(want) {
		t.Errorf("%d equal pairs, want %d (a longest common subsequence)", equal, len(want))
	}
}

// TestAlignmentAtTheTableLimit: two sequences of 2,000 whose band fails
// (their best alignment leaves the diagonal) still get the whole table,
// n*m being within the limit, as before the band: not the greedy match.
func TestAlignmentAtTheTableLimit(t *testing.T) {
	var a, b []string
	a = append(a, "X")
	for i := 1; i < 2000; i++ {
		a = append(a, fmt.Sprint("s", i))
	}
	for i := 1; i < 1700; i++ {
		b = append(b, fmt.Sprint("s", i))
	}
	for len(b) < 1999 {
		b = append(b, fmt.Sprint("y", len(b)))
	}
	b = append(b, "X")
	pair, equal := alignMiddle(a, b)
	n := 0
	for i := range pair {
		if equal[i] {
			n++
		}
	}
	if want := len(fullLCSMatches(a, b)); n != want {
		t.Errorf("%d equal pairs, want %d (a longest common subsequence)", n, want)
	}
}
