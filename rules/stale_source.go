package rules

import (
	"fmt"
	"strings"
)

// StaleSource compares a bilingual page's source segments with the current
// source page.
var StaleSource = Register(&Rule{
	ID:       "stale-source",
	Aliases:  []string{"outdated-source"},
	Tags:     []string{"corpus", "segment", "source"},
	Severity: Warning,
	Short:    "A bilingual page's source segments no longer match the current source page",
	Doc: `A side-by-side page carries the source text it was translated from. When the page of the
source tree (en-US) has changed since, the translation is out of date: this rule looks for each
segment's source text in the current source page (its prose, markup removed; case, white space,
typographic quotes, asterisks, backslashes and final punctuation do not count) and reports each
segment that is no longer
there, with the current text of the source page at that place (between the nearest segments that
still match), and one finding on the first line of the page that sums up how many segments
changed and which source commit the translation was made from (ms.sourcegitcommit).

Pages whose source page is missing are left to orphan-page.

Options:
  min-chars  shortest source text checked, in characters (default 3)`,
	Options:   []Option{{Name: "min-chars", Default: 3, Doc: "shortest source text checked, in characters"}},
	RunCorpus: runStaleSource,
})

func runStaleSource(p *CorpusPass) {
	pg := p.Page
	if pg.Source || !pg.Bilingual {
		return
	}
	src := Comparable(p.Corpus.SourceOf(pg))
	if src == nil || src.Bilingual {
		return
	}
	prose := src.FoldedProse()
	texts, idx := sourceTexts(pg)
	minChars := p.Int("min-chars")
	// Locate each segment in the source page, moving forward: found[i] is
	// the offset of texts[i] in prose, or -1.
	found := make([]int, len(texts))
	ends := make([]int, len(texts))
	cursor := 0
	for i, t := range texts {
		found[i] = -1
		if len(t) < minChars {
			found[i] = -2 // too short to tell: neither stale nor an anchor
			continue
		}
		if k := strings.Index(prose[cursor:], t); k >= 0 {
			found[i], ends[i] = cursor+k, cursor+k+len(t)
			cursor = ends[i]
		} else if k := strings.Index(prose, t); k >= 0 {
			found[i], ends[i] = k, k+len(t) // moved: still current, but no anchor
		}
	}
	stale := 0
	var at []int32 // offsets in the prose of the folded prose's bytes
	for i := range texts {
		if found[i] != -1 {
			continue
		}
		stale++
		// The current text: what the source page has between the nearest
		// matching segments before and after.
		from, to := 0, len(prose)
		for k := i - 1; k >= 0; k-- {
			if found[k] >= 0 {
				from = ends[k]
				break
			}
		}
		for k := i + 1; k < len(texts); k++ {
			if found[k] >= 0 && found[k] >= from {
				to = found[k]
				break
			}
		}
		seg := &pg.Segments[idx[i]]
		now := ""
		if to > from {
			if at == nil {
				at = foldOffsets(src.Prose) // once per page, for its first stale segment
			}
			end := len(src.Prose)
			if to < len(at) {
				end = int(at[to])
			}
			now = strings.Trim(src.Prose[at[from]:end], " \n\t.:;,|")
			now = strings.Join(strings.Fields(now), " ")
		}
		switch {
		case now == "":
			p.ReportSegment(seg, "source text is no longer in the source page %s: %q was removed", src.Path, shorten(seg.Source, 100))
		case len(now) > 600:
			p.ReportSegment(seg, "source text %q is no longer in the source page %s", shorten(seg.Source, 100), src.Path)
		default:
			p.ReportSegment(seg, "source text changed in %s: the current source reads %q", src.Path, shorten(now, 160))
		}
	}
	if stale > 0 {
		commit := ""
		if e := pg.Get("ms.sourcegitcommit"); e != nil && e.Value != "" {
			commit = fmt.Sprintf(" (translated from source commit %s)", e.Value)
		}
		p.ReportAt(pg.Top, "%d of %d source segments differ from the current source page %s%s: the translation is out of date",
			stale, len(texts), src.Path, commit)
	}
}
