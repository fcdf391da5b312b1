package engine

import (
	"strings"

	"github.com/l10nlint/l10nlint/internal/inline"
	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// facts keeps what the corpus rules need of a parsed page: texts of the
// segments and front matter with their positions, and the prose of
// monolingual pages. The page itself is dropped after phase one.
func facts(pg *rules.Page, pl layout.Place, placed, reported bool, lines *textfile.Lines) *rules.PageFacts {
	loc := func(r rules.Range) rules.Loc {
		return rules.Loc{Range: r, Start: pos(lines.Position(r.Start)), End: pos(lines.Position(r.End))}
	}
	f := &rules.PageFacts{Path: pg.Path, Locale: pg.Locale, Reported: reported, Bilingual: pg.Bilingual(),
		Top: loc(rules.Range{Start: 0, End: min(lineEnd(pg.Text, 0), len(pg.Text))})}
	if placed {
		f.Key, f.Rel, f.Root, f.Source = pl.Key, pl.Rel, pl.Root, pl.Source
		if f.Locale == "" {
			f.Locale = pl.Locale
		}
	}
	if fm := pg.FrontMatter; fm != nil {
		f.FrontMatterLoc = loc(rules.Range{Start: 0, End: min(3, len(pg.Text))})
		for _, e := range fm.Entries {
			f.FrontMatter = append(f.FrontMatter, rules.FrontMatterFact{Key: e.Key, Value: e.Value, Scalar: e.Scalar,
				KeyLoc: loc(e.KeyRange), ValueLoc: loc(e.ValueRange)})
		}
	}
	f.Segments = make([]rules.SegmentFacts, len(pg.Segments))
	for i, s := range pg.Segments {
		f.Segments[i] = rules.SegmentFacts{ID: s.ID, Source: s.Source.Plain, Target: s.Target.Plain,
			SourceRaw: s.Source.Raw, TargetRaw: s.Target.Raw, HasSource: s.HasSource,
			TargetLoc: loc(s.Target.Range), SegmentLoc: loc(s.Range)}
	}
	if !f.Bilingual {
		var b strings.Builder
		for _, bl := range pg.Blocks {
			if bl.Kind == "code" {
				continue
			}
			t := inline.Parse(pg.Text, bl.Range.Start, bl.Range.End)
			plain := t.Plain
			if bl.Kind == "table" { // one cell per line, as segments are
				plain = strings.ReplaceAll(plain, "|", "\n")
			}
			b.WriteString(plain)
			b.WriteByte('\n')
		}
		f.Prose = b.String()
	}
	return f
}

func pos(p textfile.Position) rules.Position {
	return rules.Position{Line: p.Line, Col: p.Col, ColUTF16: p.ColUTF16}
}

func lineEnd(s string, i int) int {
	if j := strings.IndexAny(s[i:], "\r\n"); j >= 0 {
		return i + j
	}
	return len(s)
}
