package engine

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/inline"
	"github.com/l10nlint/l10nlint/internal/numbers"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// A monolingual translated page (Hugo, Docusaurus, a docs tree translated
// file by file) has no side-by-side segments: the segment rules that
// declare Monolingual see it as a page of segments made of its blocks
// aligned with its source page's. Alignment is by structure, and only
// where it is certain: a section (the blocks after an anchor heading, up
// to the next) pairs its blocks one to one when both pages have the same
// kinds of blocks linking to the same places there; a section that differs
// (a paragraph split in two, a list item added) pairs none; and the text a
// translation keeps (numbers, code, product names) refuses pairs it shows
// shifted.

// maxAlignedHeadings bounds the heading alignment (a table of quadratic
// size): past it, only pages whose blocks agree throughout are paired.
const maxAlignedHeadings = 3000

// alignedPage returns pg, a monolingual translation, as a page of
// segments: pairs of its blocks and src's (its source page). Its text is
// pg's followed by src's, so every range of its segments lies in it; the
// target ranges are pg's own. It returns nil when no block pairs.
func alignedPage(pg, src *rules.Page, terms []string) *rules.Page {
	tb, sb := pairable(pg.Blocks), pairable(src.Blocks)
	pairs := alignBlocks(src.Text, pg.Text, src.Locale, pg.Locale, terms, sb, tb)
	if len(pairs) == 0 {
		return nil
	}
	const sep = "\n\n"
	sourceStart := len(pg.Text) + len(sep)
	aligned := &rules.Page{Path: pg.Path, Text: pg.Text + sep + src.Text, Locale: pg.Locale, FolderLocale: pg.FolderLocale,
		SourceLocale: pg.SourceLocale, FrontMatter: pg.FrontMatter}
	segs := make([]rules.Segment, len(pairs))
	aligned.Segments = make([]*rules.Segment, len(pairs))
	for i, p := range pairs {
		s, t := sb[p[0]], tb[p[1]]
		segs[i] = rules.Segment{
			ID:        "", // none: the text format shows the texts all the same
			Block:     t.Kind,
			Target:    inline.Parse(aligned.Text, t.Range.Start, t.Range.End),
			Source:    inline.Parse(aligned.Text, sourceStart+s.Range.Start, sourceStart+s.Range.End),
			HasSource: true,
			Range:     t.Range,
		}
		aligned.Segments[i] = &segs[i]
	}
	return aligned
}

// pairable are the blocks paired: prose, not code or HTML.
func pairable(bs []rules.Block) []rules.Block {
	var out []rules.Block
	for _, b := range bs {
		if b.Kind != "code" && b.Kind != "html" && b.Range.End > b.Range.Start {
			out = append(out, b)
		}
	}
	return out
}

// blockKey is what two blocks must share to be paired: their kind, a
// heading's level, a list item's depth and whether it starts the item.
func blockKey(b rules.Block) string {
	k := b.Kind + ":" + strconv.Itoa(b.Level)
	if b.ItemStart {
		k += "+"
	}
	return k
}

// alignBlocks pairs the blocks of src and tgt (indexes into each): all of
// them when their structure agrees throughout (kinds, heading levels, list
// depths, link destinations), else section by section between anchor
// headings, a section pairing when its structure agrees. Of those pairs,
// the ones between two a token moved between (see unshifted) are dropped:
// the pairing is off there.
func alignBlocks(srcText, tgtText, srcLoc, tgtLoc string, terms []string, src, tgt []rules.Block) [][2]int {
	sl, tl := make([]string, len(src)), make([]string, len(tgt)) // links
	si, ti := make([]string, len(src)), make([]string, len(tgt)) // invariants
	for i, b := range src {
		sl[i], si[i] = pairFacts(srcText, srcLoc, terms, b)
	}
	for i, b := range tgt {
		tl[i], ti[i] = pairFacts(tgtText, tgtLoc, terms, b)
	}
	// unmoved keeps the pairs no token moved across.
	unmoved := func(out [][2]int) [][2]int {
		psi, pti := make([]string, len(out)), make([]string, len(out))
		for k, p := range out {
			psi[k], pti[k] = si[p[0]], ti[p[1]]
		}
		keep := unshifted(psi, pti)
		kept := out[:0]
		for k, p := range out {
			if keep[k] {
				kept = append(kept, p)
			}
		}
		return kept
	}
	// agree reports whether src[s0:s0+n] and tgt[t0:t0+n] have the same
	// structure, block by block.
	agree := func(s0, t0, n int) bool {
		for k := 0; k < n; k++ {
			if blockKey(src[s0+k]) != blockKey(tgt[t0+k]) || sl[s0+k] != tl[t0+k] {
				return false
			}
		}
		return true
	}
	if len(src) == len(tgt) && agree(0, 0, len(src)) {
		out := make([][2]int, len(src))
		for i := range src {
			out[i] = [2]int{i, i}
		}
		return unmoved(out)
	}
	var sh, th []int
	for i, b := range src {
		if b.Kind == "heading" {
			sh = append(sh, i)
		}
	}
	for i, b := range tgt {
		if b.Kind == "heading" {
			th = append(th, i)
		}
	}
	if len(sh) == 0 || len(th) == 0 || len(sh) > maxAlignedHeadings || len(th) > maxAlignedHeadings {
		return nil
	}
	// The longest common subsequence of the headings, as anchors; the
	// sections between consecutive anchors (and before the first, after
	// the last) pair when they agree.
	sk, tk := make([]string, len(sh)), make([]string, len(th))
	for i, k := range sh {
		sk[i] = strconv.Itoa(src[k].Level) + "\x00" + sl[k]
	}
	for j, k := range th {
		tk[j] = strconv.Itoa(tgt[k].Level) + "\x00" + tl[k]
	}
	// A heading alike in its numbers, code and names too weighs more, so
	// that a dropped "Step 2" leaves "Step 3" to "Étape 3", not to the
	// "Étape 2" the shift would give it.
	n, m := len(sh), len(th)
	score := func(i, j int) int32 {
		switch {
		case sk[i] != tk[j]:
			return 0
		case si[sh[i]] == ti[th[j]]:
			return 3
		}
		return 2
	}
	// Anchors are the heading pairs every best alignment has: those of
	// the alignment that matches as early as it can and of the one that
	// matches as late as it can. Headings that could pair either way (a
	// question dropped from a list of alike ones) anchor nothing.
	early := bestPairs(n, m, score)
	late := bestPairs(n, m, func(i, j int) int32 { return score(n-1-i, m-1-j) })
	inLate := map[[2]int]bool{}
	for _, p := range late {
		inLate[[2]int{n - 1 - p[0], m - 1 - p[1]}] = true
	}
	anchors := [][2]int{{-1, -1}}
	for _, p := range early {
		if inLate[p] {
			anchors = append(anchors, [2]int{sh[p[0]], th[p[1]]})
		}
	}
	anchors = dropMovedAnchors(anchors, sh, th, si, ti)
	anchors = append(anchors, [2]int{len(src), len(tgt)})
	var out [][2]int
	for k := 1; k < len(anchors); k++ {
		a, b := anchors[k-1], anchors[k]
		// The anchor heading itself, then the section up to the next.
		if a[0] >= 0 {
			out = append(out, a)
		}
		if ns, nt := b[0]-a[0]-1, b[1]-a[1]-1; ns == nt && agree(a[0]+1, a[1]+1, ns) {
			for i := 0; i < ns; i++ {
				out = append(out, [2]int{a[0] + 1 + i, a[1] + 1 + i})
			}
		}
	}
	// Over the whole page: a token moved from one section to another
	// shifts those too.
	return unmoved(out)
}

// bestPairs returns the pairs (i, j) of an alignment of two sequences of
// lengths n and m that maximizes the total score (0: no pair), matching as
// early as it can.
func bestPairs(n, m int, score func(i, j int) int32) [][2]int {
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(lcs[i+1][j], lcs[i][j+1])
			if w := score(i, j); w > 0 {
				v = max(v, w+lcs[i+1][j+1])
			}
			lcs[i][j] = v
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch w := score(i, j); {
		case w > 0 && lcs[i][j] == w+lcs[i+1][j+1]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case lcs[i][j] == lcs[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}

// pairFacts returns what pairs a block with its partner beyond its kind:
// the normalized destinations of its links, and its invariants — its
// numbers written with digits, read in the page's locale (4/16/2019 and
// 16 avril 2019 alike), code spans and names in camel case (SharePoint) a
// translation keeps — sorted, each joined in a string.
func pairFacts(text, loc string, terms []string, b rules.Block) (links, invariants string) {
	t := inline.Parse(text, b.Range.Start, b.Range.End)
	var ls, inv []string
	for _, l := range t.Links {
		ls = append(ls, rules.NormalizeURL(l.Dest, false))
	}
	for _, c := range t.Code {
		inv = append(inv, "`"+c.Content)
	}
	p := t.Plain
	for _, n := range numbers.Extract(p, loc) {
		// "un" is a number and an article, and "Office 365" one name or two
		// with the space a translation writes: words and identifiers are
		// no anchors.
		if !n.Word && n.Kind != numbers.Identifier {
			inv = append(inv, "#"+n.Value)
		}
	}
	for i := 0; i < len(p); {
		c := p[i]
		j := i + 1
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			caps, lower := 0, 0
			for j = i; j < len(p) && (p[j] >= 'A' && p[j] <= 'Z' || p[j] >= 'a' && p[j] <= 'z'); j++ {
				if p[j] <= 'Z' {
					caps++
				} else {
					lower++
				}
			}
			// A name in camel case (SharePoint, OneDrive); acronyms are
			// translated (GDPR, RGPD; EU, UE).
			plural := lower == 1 && p[j-1] == 's' // URLs, IDs: acronyms
			if caps >= 2 && lower > 0 && !plural && (j >= len(p) || p[j] < '0' || p[j] > '9') {
				inv = append(inv, p[i:j])
			}
		}
		i = j
	}
	inv = append(inv, keptTerms(p, terms)...)
	sort.Strings(inv)
	return strings.Join(ls, "\x00"), strings.Join(inv, "\x00")
}

// keptTerms returns the product names and do-not-translate terms of
// terms, and the cmdlet-like names (Set-Mailbox, case aside), that the
// text has, once per place: words a translation keeps.
func keptTerms(p string, terms []string) []string {
	var out []string
	for _, t := range terms {
		if t == "" {
			continue
		}
		for from := 0; ; {
			k := strings.Index(p[from:], t)
			if k < 0 {
				break
			}
			i, e := from+k, from+k+len(t)
			if (i == 0 || !asciiWordByte(p[i-1])) && (e == len(p) || !asciiWordByte(p[e])) {
				out = append(out, "@"+t)
			}
			from = e
		}
	}
	// Verb-Noun: a capitalized word, a hyphen, a capitalized word.
	for i := 0; i < len(p); i++ {
		if p[i] != '-' || i == 0 || i+1 >= len(p) || p[i+1] < 'A' || p[i+1] > 'Z' {
			continue
		}
		s := i
		for s > 0 && (p[s-1] >= 'a' && p[s-1] <= 'z' || p[s-1] >= 'A' && p[s-1] <= 'Z') {
			s--
		}
		e := i + 1
		for e < len(p) && asciiWordByte(p[e]) {
			e++
		}
		if i-s >= 3 && p[s] >= 'A' && p[s] <= 'Z' && e-i > 3 && (s == 0 || !asciiWordByte(p[s-1]) && p[s-1] != '-') {
			out = append(out, "!"+strings.ToLower(p[s:e]))
		}
	}
	return out
}

func asciiWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// checkAligned runs the Monolingual rules on aligned, the page of segments
// alignedPage made of pg, and places their findings in pg. A finding on a
// source text (past pg's text) moves to its segment's target.
func checkAligned(aligned, pg *rules.Page, active []enabled, cfg *config.Config, lines *textfile.Lines, projectPath string, tm *Timings) (out []report.Finding, internal []string) {
	var raw []rules.Finding
	for _, e := range active {
		t0 := tm.now()
		pass := &rules.Pass{Page: aligned, Rule: e.rule, Options: e.options, DoNotTranslate: cfg.DoNotTranslate, Glossaries: cfg.Glossaries,
			Report: func(f rules.Finding) {
				if f.Range.End > len(pg.Text) {
					for _, s := range aligned.Segments {
						if f.Range.Start >= s.Source.Range.Start && f.Range.Start <= s.Source.Range.End {
							f.Range = s.Target.Range
							break
						}
					}
					f.Fixes = nil // edits of the source page
				}
				// The target text as a slice of pg's own text: the reports
				// find the flagged place in it by address.
				if f.Target != "" {
					for _, s := range aligned.Segments {
						if r := s.Target.Range; f.Range.Start >= r.Start && f.Range.Start <= r.End && f.Target == s.Target.Raw {
							f.Target = pg.Text[r.Start:r.End]
							break
						}
					}
				}
				raw = append(raw, f)
			}}
		if msg := runRule(func() { e.rule.Run(pass) }); msg != "" {
			internal = append(internal, fmt.Sprintf("%s: rule %s (aligned blocks): %s", pg.Path, e.rule.ID, msg))
		}
		tm.rule(e.rule.ID, t0)
	}
	return placeAll(pg, lines, projectPath, raw, make([]report.Finding, 0, len(raw)), internal)
}

// tokenDiff returns the tokens of a not in b and of b not in a, as
// multisets (both sorted, joined by NUL).
func tokenDiff(a, b string) (onlyA, onlyB []string) {
	count := map[string]int{}
	if a != "" {
		for _, t := range strings.Split(a, "\x00") {
			count[t]++
		}
	}
	if b != "" {
		for _, t := range strings.Split(b, "\x00") {
			count[t]--
		}
	}
	for t, n := range count {
		for ; n > 0; n-- {
			onlyA = append(onlyA, t)
		}
		for ; n < 0; n++ {
			onlyB = append(onlyB, t)
		}
	}
	return onlyA, onlyB
}

// unshifted tells which of the pairs (si[k], ti[k]) — the invariants of
// paired blocks — to keep: a token (a number, code, a name) one pair lacks
// and another pair has one too many of moved between them, so the pairing
// is off from the one to the other (items reordered, a paragraph split here
// and two merged there), and the pairs between them, both included, are
// dropped. A token merely dropped or changed is what the rules report.
func unshifted(si, ti []string) []bool {
	keep := make([]bool, len(si))
	for k := range keep {
		keep[k] = true
	}
	missingIn := map[string][]int{}
	extraIn := map[string][]int{}
	for k := range si {
		if si[k] == ti[k] {
			continue
		}
		extra, missing := tokenDiff(ti[k], si[k])
		for _, tok := range extra {
			extraIn[tok] = append(extraIn[tok], k)
		}
		for _, tok := range missing {
			missingIn[tok] = append(missingIn[tok], k)
		}
	}
	// The pairs between all the places of a token that is extra in some
	// and missing in others: the union of the spans from each of the ones
	// to each of the others, which is the span from the first to the last.
	drop := make([]int, len(si)+1) // a difference array of dropped spans
	for tok, ks := range extraIn {
		ms := missingIn[tok]
		if len(ms) == 0 {
			continue
		}
		lo, hi := min(ks[0], ms[0]), max(ks[len(ks)-1], ms[len(ms)-1])
		drop[lo]++
		drop[hi+1]--
	}
	for k, d := 0, 0; k < len(si); k++ {
		d += drop[k]
		if d > 0 {
			keep[k] = false
		}
	}
	return keep
}

// dropMovedAnchors drops the heading pairs whose invariants moved: a token
// the target heading has one too many of that another source heading has
// and its partner (if any) lacks, or the other way round. "Step 3" under
// "Step 2" (a step dropped) and a week's heading under the week before (a
// revision behind) anchor nothing. anchors[0] is the start sentinel; sh
// and th are the headings' block indexes, si and ti the blocks'
// invariants.
func dropMovedAnchors(anchors [][2]int, sh, th []int, si, ti []string) [][2]int {
	partnerOfS, partnerOfT := map[int]int{}, map[int]int{}
	for _, a := range anchors[1:] {
		partnerOfS[a[0]], partnerOfT[a[1]] = a[1], a[0]
	}
	// The token sets of the invariants asked about, made once each (a page
	// of thousands of headings asks about each many times).
	sets := map[string]map[string]bool{}
	has := func(inv, tok string) bool {
		set, ok := sets[inv]
		if !ok {
			set = map[string]bool{}
			for _, t := range strings.Split(inv, "\x00") {
				set[t] = true
			}
			sets[inv] = set
		}
		return set[tok]
	}
	// moved reports whether tok, extra on one side of the pair (b0, on the
	// side whose invariants are mine), sits in another heading of the
	// other side whose partner lacks it.
	moved := func(tok string, self int, others []int, otherInv, mine []string, partner map[int]int) bool {
		for _, o := range others {
			if o == self || !has(otherInv[o], tok) {
				continue
			}
			if p, ok := partner[o]; !ok || !has(mine[p], tok) {
				return true
			}
		}
		return false
	}
	out := anchors[:1]
	for _, a := range anchors[1:] {
		s, t := a[0], a[1]
		bad := false
		if si[s] != ti[t] {
			extra, missing := tokenDiff(ti[t], si[s])
			for _, tok := range extra {
				bad = bad || moved(tok, s, sh, si, ti, partnerOfS)
			}
			for _, tok := range missing {
				bad = bad || moved(tok, t, th, ti, si, partnerOfT)
			}
		}
		if !bad {
			out = append(out, a)
		}
	}
	return out
}
