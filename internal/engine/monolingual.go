package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/inline"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// A monolingual translated page (Hugo, Docusaurus, a docs tree translated
// file by file) has no side-by-side segments: the segment rules that
// declare Monolingual see it as a page of segments made of its blocks
// aligned with its source page's. Alignment is by structure only, and
// only where it is certain: a section (the blocks after a heading, up to
// the next) pairs its blocks one to one when both pages have the same
// kinds of blocks in the same order there; a section that differs (a
// paragraph split in two, a list item added) pairs none.

// maxAlignedHeadings bounds the heading alignment (a table of quadratic
// size): past it, only pages whose blocks agree throughout are paired.
const maxAlignedHeadings = 3000

// alignedPage returns pg, a monolingual translation, as a page of
// segments: pairs of its blocks and src's (its source page). Its text is
// pg's followed by src's, so every range of its segments lies in it; the
// target ranges are pg's own. sourceStart is where src's text begins. It
// returns nil when no block pairs.
func alignedPage(pg, src *rules.Page) (aligned *rules.Page, sourceStart int) {
	tb, sb := pairable(pg.Blocks), pairable(src.Blocks)
	pairs := alignBlocks(src.Text, pg.Text, sb, tb)
	if len(pairs) == 0 {
		return nil, 0
	}
	const sep = "\n\n"
	sourceStart = len(pg.Text) + len(sep)
	aligned = &rules.Page{Path: pg.Path, Text: pg.Text + sep + src.Text, Locale: pg.Locale, FolderLocale: pg.FolderLocale,
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
	return aligned, sourceStart
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
// them when they agree throughout, else section by section between the
// headings a longest common subsequence of the headings pairs. Blocks
// agree when their keys do and they link to the same places: a list of
// links of the same length but other entries (a table of contents from
// another revision) pairs nothing.
func alignBlocks(srcText, tgtText string, src, tgt []rules.Block) [][2]int {
	if sameKeys(src, tgt) && sameLinks(srcText, tgtText, src, tgt) {
		out := make([][2]int, len(src))
		for i := range src {
			out[i] = [2]int{i, i}
		}
		return out
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
	// The longest common subsequence of heading levels, as anchors; the
	// sections between consecutive anchors (and before the first, after
	// the last) pair when they agree.
	// Headings match by level and by the destinations of their links (a
	// table of contents is headings that are links).
	key := func(text string, b rules.Block) string {
		return strconv.Itoa(b.Level) + "\x00" + strings.Join(blockLinks(text, b), "\x00")
	}
	sk, tk := make([]string, len(sh)), make([]string, len(th))
	for i, k := range sh {
		sk[i] = key(srcText, src[k])
	}
	for j, k := range th {
		tk[j] = key(tgtText, tgt[k])
	}
	n, m := len(sh), len(th)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case sk[i] == tk[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	anchors := [][2]int{{-1, -1}}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case sk[i] == tk[j] && lcs[i][j] == lcs[i+1][j+1]+1:
			anchors = append(anchors, [2]int{sh[i], th[j]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	anchors = append(anchors, [2]int{len(src), len(tgt)})
	var out [][2]int
	for k := 1; k < len(anchors); k++ {
		a, b := anchors[k-1], anchors[k]
		// The anchor heading itself, then the section up to the next.
		if a[0] >= 0 {
			out = append(out, a)
		}
		ss, ts := src[a[0]+1:b[0]], tgt[a[1]+1:b[1]]
		if sameKeys(ss, ts) && sameLinks(srcText, tgtText, ss, ts) {
			for i := range ss {
				out = append(out, [2]int{a[0] + 1 + i, a[1] + 1 + i})
			}
		}
	}
	return out
}

func sameKeys(a, b []rules.Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if blockKey(a[i]) != blockKey(b[i]) {
			return false
		}
	}
	return true
}

// checkAligned runs the Monolingual rules on aligned, the page of segments
// alignedPage made of pg, and places their findings in pg. A finding on a
// source text (past pg's text) moves to its segment's target.
func checkAligned(aligned, pg *rules.Page, sourceStart int, active []enabled, cfg *config.Config, lines *textfile.Lines, projectPath string, tm *Timings) (out []report.Finding, internal []string) {
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
				raw = append(raw, f)
			}}
		if msg := runRule(func() { e.rule.Run(pass) }); msg != "" {
			internal = append(internal, fmt.Sprintf("%s: rule %s (aligned blocks): %s", pg.Path, e.rule.ID, msg))
		}
		tm.rule(e.rule.ID, t0)
	}
	_ = sourceStart
	return placeAll(pg, lines, projectPath, raw, make([]report.Finding, 0, len(raw)), internal)
}

// sameLinks reports whether each pair of blocks links to the same
// destinations, in order (locale segments of URLs aside).
func sameLinks(srcText, tgtText string, src, tgt []rules.Block) bool {
	for i := range src {
		if !slices.Equal(blockLinks(srcText, src[i]), blockLinks(tgtText, tgt[i])) {
			return false
		}
	}
	return true
}

// blockLinks returns the normalized destinations of the links of a block.
func blockLinks(text string, b rules.Block) []string {
	t := inline.Parse(text, b.Range.Start, b.Range.End)
	var out []string
	for _, l := range t.Links {
		out = append(out, rules.NormalizeURL(l.Dest, false))
	}
	return out
}
