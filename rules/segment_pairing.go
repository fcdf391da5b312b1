package rules

import "strings"

// SegmentPairing checks the side-by-side markup itself.
var SegmentPairing = Register(&Rule{
	ID:       "segment-pairing",
	Aliases:  []string{"sxs-structure"},
	Tags:     []string{"segment", "structure"},
	Severity: Error,
	Short:    "Target and source spans of a segment are well-formed and carry matching, unique ids",
	Doc: `A side-by-side page wraps each translation unit as

    <span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>

This rule reports what breaks that structure: a target span whose data-ttu-id differs from the
data-stu-id of its source span, the same id used by two segments of a page, a target span without
its source part (or the reverse), spans that are not closed, and data-ttu-id / data-stu-id
attributes inside tags Markdown does not recognize as HTML (a missing quote or '>').

Such defects make tools that round-trip the page lose or misalign segments, and the published page
shows raw markup. The finding points at the tag or segment concerned.`,
	Run: runSegmentPairing,
})

func runSegmentPairing(p *Pass) {
	for _, pr := range p.Page.Problems {
		p.Reportf(pr.Range, "%s", pr.Message)
	}
	first := map[string]*Segment{}
	firstLine := map[string]int{}
	for _, s := range p.Page.Segments {
		if strings.TrimSpace(s.ID) == "" {
			// No id: the translation tools cannot match it with its source.
			p.ReportSegmentAt(s, s.Range, "segment with an empty data-ttu-id: the tools that pair translations with their source need an id")
			continue
		}
		if s.HasSource && s.SourceID != s.ID {
			p.ReportSegmentAt(s, s.Range, "segment ids differ: target span has data-ttu-id=%q but its source span has data-stu-id=%q", s.ID, s.SourceID)
		}
		if f, dup := first[s.ID]; dup {
			line, ok := firstLine[s.ID]
			if !ok {
				line = 1 + countLines(p.Page.Text[:f.Range.Start])
				firstLine[s.ID] = line
			}
			p.ReportSegmentAt(s, s.Range, "duplicate segment id %q: already used on line %d", s.ID, line)
			continue
		}
		first[s.ID] = s
	}
}

func countLines(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			n++
		}
	}
	return n
}
