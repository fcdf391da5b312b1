package engine

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/inline"
	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/markdown"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// facts keeps what the corpus rules need of a parsed page: texts of the
// segments and front matter with their byte ranges (lines gives positions
// on demand), and the prose of monolingual pages. The page's structures
// are dropped after phase one; its text is kept, once.
func facts(pg *rules.Page, abs string, pl layout.Place, placed, reported bool, lines *textfile.Lines) *rules.PageFacts {
	// Positions are computed when a rule reports or reads one: most places
	// never are (and the page's text stays in memory anyway, as the
	// segments' texts are substrings of it).
	loc := func(r rules.Range) rules.Loc { return rules.Loc{Range: r} }
	// The closures hold the text, never pg: the parsed page (goldmark's
	// blocks, segments, inline facts) must be garbage once phase one is
	// done; capturing pg kept every page of the set alive (283 -> 580 MB).
	text := pg.Text
	f := &rules.PageFacts{Path: pg.Path, Abs: abs, Locale: pg.Locale, Reported: reported, Bilingual: pg.Bilingual(),
		Top:      loc(rules.Range{Start: 0, End: min(lineEnd(pg.Text, 0), len(pg.Text))}),
		Position: func(off int) rules.Position { return pos(lines.PositionOf(off)) },
		TextOf: func(r rules.Range) string {
			r = clamp(r, len(text))
			return text[r.Start:r.End]
		}}
	if placed {
		f.Key, f.Rel, f.Root, f.Source = pl.Key, pl.Rel, pl.Root, pl.Source
		// The tree the page is in is its locale for the set: a page of
		// fr-FR/ declaring fr-CA (front-matter's finding) is still fr-FR's
		// translation, not a missing one.
		if pl.Locale != "" {
			f.Locale = pl.Locale
		}
	}
	if fm := pg.FrontMatter; fm != nil {
		f.FrontMatterLoc = loc(rules.Range{Start: 0, End: min(3, len(pg.Text))})
		f.FrontMatter = make([]rules.FrontMatterFact, 0, len(fm.Entries))
		for _, e := range fm.Entries {
			f.FrontMatter = append(f.FrontMatter, rules.FrontMatterFact{Key: e.Key, Value: e.Value, Scalar: e.Scalar,
				KeyLoc: loc(e.KeyRange), ValueLoc: loc(e.ValueRange)})
		}
	}
	f.Segments = make([]rules.SegmentFacts, len(pg.Segments))
	for i, s := range pg.Segments {
		// The texts are substrings of the page's: the index keeps each page's
		// text once (a clone per segment cost more, in time and in memory).
		f.Segments[i] = rules.SegmentFacts{ID: s.ID, Source: s.Source.Plain, Target: s.Target.Plain,
			SourceRaw: s.Source.Raw, TargetRaw: s.Target.Raw, HasSource: s.HasSource,
			SourceFold: rules.Fold(s.Source.Plain), TargetRange: s.Target.Range, SegmentRange: s.Range,
			Heading: s.Block == "heading", LoneLink: loneLink(s.Source)}
		for _, l := range s.Source.Links {
			if l.Kind == rules.ImageLink {
				f.Segments[i].SourceWording = rules.Fold(withoutImageText(s.Source.Plain, s.Source.Links))
				break
			}
		}
	}
	pageLinks(f, pg, loc)
	if !f.Bilingual {
		f.Blocks = blockFacts(pg, loc)
		var b strings.Builder
		// Code blocks count too: an over-indented paragraph (four spaces after
		// a fence) is a code block to CommonMark but prose to its readers and
		// to the tools that segmented its translations.
		for _, bl := range pg.Blocks {
			t := inline.Parse(pg.Text, bl.Range.Start, bl.Range.End)
			switch {
			case bl.Kind == "heading":
				// Marked for stale-source's quotes (a heading is no new
				// version of a body sentence); folding drops the mark.
				b.WriteString(rules.HeadingMark)
			case loneLink(t):
				b.WriteString(rules.LinkMark) // a list of links, a link title
			}
			b.WriteString(t.Plain) // table pipes are dropped when texts are folded
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

// pageLinks adds the page's links (those that wrap segment spans too, not
// those of the hidden source text) and anchors (heading slugs, <a name>, id).
func pageLinks(f *rules.PageFacts, pg *rules.Page, loc func(rules.Range) rules.Loc) {
	for _, l := range pg.Links {
		if l.Kind == rules.ReferenceLink || inSource(pg, l.Range) {
			continue
		}
		f.Links = append(f.Links, rules.LinkFact{Kind: l.Kind, Dest: l.Dest, Loc: loc(l.DestRange)})
	}
	f.Anchors = append(f.Anchors, pg.Anchors...)
	if len(pg.Headings) == 0 {
		return
	}
	// The heading slugs are made when a link asks for one of the page's
	// anchors: from the visible parts of the headings, kept as ranges of
	// the page's text (which the facts keep anyway).
	text := pg.Text
	headings := make([][]rules.Range, len(pg.Headings))
	for i, h := range pg.Headings {
		headings[i] = visibleParts(pg, h.Range)
	}
	f.LazyAnchors = func() []string {
		var out []string
		seen := map[string]int{}
		for _, parts := range headings {
			h := headingText(text, parts)
			// An explicit id, "## Title {#custom-id}" (Docusaurus, Hugo,
			// Pandoc), is the heading's anchor as written.
			if id, ok := explicitID(h); ok {
				out = append(out, id)
				continue
			}
			s := markdown.Slug(h)
			if s == "" {
				continue
			}
			// A repeated heading gets -1, -2... as on GitHub and DocFX.
			if n := seen[s]; n > 0 {
				out = append(out, s+"-"+strconv.Itoa(n))
			} else {
				out = append(out, s)
			}
			seen[s]++
		}
		return out
	}
}

// inSource reports whether r lies in the source part of a segment: the
// hidden lookup text, whose links the reader never follows.
func inSource(pg *rules.Page, r rules.Range) bool {
	i := sort.Search(len(pg.Segments), func(i int) bool { return pg.Segments[i].Range.End > r.Start })
	if i < len(pg.Segments) {
		s := pg.Segments[i].Source.Range
		return pg.Segments[i].HasSource && r.Start >= s.Start && r.End <= s.End
	}
	return false
}

// visibleParts splits a heading's range into the parts a reader sees: on
// side-by-side pages the source parts (hidden lookup spans) are left out.
func visibleParts(pg *rules.Page, r rules.Range) []rules.Range {
	var out []rules.Range
	at := r.Start
	first := sort.Search(len(pg.Segments), func(i int) bool { return pg.Segments[i].Range.End > r.Start })
	for _, s := range pg.Segments[first:] {
		if s.Range.Start >= r.End {
			break
		}
		if !s.HasSource || s.Source.Range.Start < r.Start || s.Source.Range.End > r.End {
			continue
		}
		out = append(out, rules.Range{Start: at, End: s.Source.Range.Start})
		at = s.Source.Range.End
	}
	return append(out, rules.Range{Start: at, End: r.End})
}

// explicitID returns the id of a heading that ends with one: {#id}, or
// {#id .class key=value} as Pandoc and Hugo allow.
func explicitID(h string) (string, bool) {
	h = strings.TrimSpace(h)
	if !strings.HasSuffix(h, "}") {
		return "", false
	}
	open := strings.LastIndex(h, "{#")
	if open < 0 {
		return "", false
	}
	attrs := strings.Fields(h[open+2 : len(h)-1])
	if len(attrs) == 0 || strings.ContainsAny(attrs[0], "{}") {
		return "", false
	}
	return attrs[0], true
}

// headingText is the text a reader sees in a heading: the plain text of its
// visible parts, joined by spaces.
func headingText(text string, parts []rules.Range) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(inline.Parse(text, p.Start, p.End).Plain)
	}
	return b.String()
}

// blockFacts describes the leaf blocks of a monolingual page.
func blockFacts(pg *rules.Page, loc func(rules.Range) rules.Loc) []rules.BlockFact {
	out := make([]rules.BlockFact, 0, len(pg.Blocks))
	for _, b := range pg.Blocks {
		bf := rules.BlockFact{Kind: b.Kind, Level: b.Level, Info: b.Info, ItemStart: b.ItemStart, Loc: loc(b.Range)}
		text := pg.Text[b.Range.Start:b.Range.End]
		switch b.Kind {
		case "code":
			bf.Code = strings.Clone(text)
			if fs := fenceStart(pg.Text, b.Range.Start); fs >= 0 {
				bf.Fence = fs + 1
			}
		case "table":
			for _, line := range strings.Split(text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.Trim(line, "|:- \t") == "" {
					continue // the delimiter row
				}
				if bf.Rows == 0 {
					bf.Cols = len(strings.Split(strings.Trim(line, "|"), "|"))
				}
				bf.Rows++
			}
		case "blockquote":
			if m := strings.TrimSpace(text); strings.HasPrefix(m, "[!") {
				if end := strings.IndexByte(m, ']'); end > 2 {
					bf.Info = strings.ToUpper(m[2:end])
				}
			}
		}
		out = append(out, bf)
	}
	return out
}

// fenceStart returns the offset of the ``` or ~~~ fence on the line before
// the code starting at start, or -1 (an indented block, or no fence).
func fenceStart(text string, start int) int {
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	if lineStart == 0 {
		return -1
	}
	prev := strings.LastIndexByte(text[:lineStart-1], '\n') + 1
	line := text[prev : lineStart-1]
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ', '\t', '>', '-', '*', '+', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			continue // indentation and container markers
		case '`', '~':
			if strings.HasPrefix(line[i:], "```") || strings.HasPrefix(line[i:], "~~~") {
				return prev + i
			}
		}
		return -1
	}
	return -1
}

// withoutImageText is plain without the alternative texts of the images
// among links: an icon's "Refresh icon" inside one locale's source span
// and outside another's is no difference of wording.
func withoutImageText(plain string, links []rules.Link) string {
	from := 0
	for _, l := range links {
		if l.Kind != rules.ImageLink || l.Label == "" {
			continue
		}
		// The label as a whole: "Add" is not the start of "Address".
		for i := from; i <= len(plain); {
			k := strings.Index(plain[i:], l.Label)
			if k < 0 {
				break
			}
			at, end := i+k, i+k+len(l.Label)
			before, _ := utf8.DecodeLastRuneInString(plain[:at])
			after, _ := utf8.DecodeRuneInString(plain[end:])
			if (at == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) &&
				(end == len(plain) || !unicode.IsLetter(after) && !unicode.IsDigit(after)) {
				plain = plain[:at] + plain[end:]
				from = at
				break
			}
			i = at + 1
		}
	}
	return plain
}

// loneLink reports whether t is one link and nothing else (a list item of
// a list of links): its text is a title, no sentence.
func loneLink(t rules.Text) bool {
	return len(t.Links) == 1 && t.Links[0].Kind != rules.ImageLink && t.Links[0].Label != "" &&
		t.Links[0].Label == strings.TrimSpace(t.Plain)
}
