package rules

// alignGrid holds the part of an alignment table that a best alignment of
// two sequences (n and m elements) can pass through. Cell (i, j) holds the
// best score of aligning the suffixes from i and j. When the sequences
// mostly agree, a best alignment keeps near the diagonal, and only a band
// of diagonals is computed: linear in the length rather than quadratic
// (a table of contents of a thousand links, the segments of a long page).
type alignGrid struct {
	n, m int
	// Row i stores the columns from shift*i+lo to shift*i+lo+w-1: a band
	// of diagonals (shift 1) or whole rows (shift 0, lo 0, w m+1).
	shift, lo, w int
	cells        []int32
}

// offGrid is the score of a cell outside the grid: low enough that no
// alignment through it can be best.
const offGrid = -1 << 30

func (g *alignGrid) get(i, j int) int32 {
	k := j - g.shift*i - g.lo
	if j > g.m || k < 0 || k >= g.w {
		return offGrid
	}
	return g.cells[i*g.w+k]
}

// fill computes the cells, bottom row first: score(i, j) is what pairing
// element i with element j adds (0: they cannot pair).
func (g *alignGrid) fill(score func(i, j int) int32) {
	for i := g.n; i >= 0; i-- {
		from := max(g.shift*i+g.lo, 0)
		to := min(g.shift*i+g.lo+g.w-1, g.m)
		row := g.cells[i*g.w : (i+1)*g.w]
		for j := to; j >= from; j-- {
			var v int32
			if i < g.n && j < g.m {
				v = max(g.get(i+1, j), g.get(i, j+1))
				if sc := score(i, j); sc > 0 {
					v = max(v, g.get(i+1, j+1)+sc)
				}
			}
			row[j-g.shift*i-g.lo] = v
		}
	}
}

// bestAlignment fills the grid of a best alignment of n elements with m:
// score(i, j) is what pairing i with j adds, unit the score of an equal pair,
// which outweighs any number of lesser pairs (for a plain longest common
// subsequence, the only score is 1). It tries bands of growing width until
// the band's best alignment has so many equal pairs that every best
// alignment lies inside it (the diagonal of a cell is the insertions minus
// the deletions before it, and an alignment with e equal pairs makes at most
// n-e deletions and m-e insertions); a narrower band's values are exact on
// every best alignment, and lower elsewhere, so reading the best alignment
// off it gives the one the whole table gives. It returns false when the grid
// would exceed maxCells.
func bestAlignment(n, m int, unit int32, score func(i, j int) int32, maxCells int) (*alignGrid, bool) {
	full := (n + 1) * (m + 1)
	for d := max(n-m, m-n) + 16; ; d *= 2 {
		e := (n + m - d) / 2 // the fewest equal pairs the band is sure for
		var g *alignGrid
		if e <= 0 || (n+1)*(n+m-2*e+1) >= full/2 {
			if n*m > maxCells { // the bound the whole tables always had
				return nil, false
			}
			g = &alignGrid{n: n, m: m, w: m + 1}
			e = 0
		} else {
			w := n + m - 2*e + 1
			if (n+1)*w > maxCells {
				return nil, false
			}
			g = &alignGrid{n: n, m: m, shift: 1, lo: -(n - e), w: w}
		}
		g.cells = make([]int32, (n+1)*g.w)
		g.fill(score)
		if e == 0 || int(g.get(0, 0)/unit) >= e {
			return g, true
		}
	}
}
