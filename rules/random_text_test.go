package rules_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRulesAnyText runs the segment rules on pages of random pieces of
// the texts they read (acronyms, camel-case words, extensions, keyword
// headings, links, Chinese dates, escapes, entities, CJK and accented
// letters, odd white space): no rule may panic, and every finding must lie
// inside the page. FuzzRules explores further; this runs in every test.
func TestRulesAnyText(t *testing.T) {
	pieces := []string{"PST", "pst", "Pst", "URLs", "urls", "AND", "and", "EoP", "geHeimen", "iPhone", "eDiscovery를",
		". csv", ".csv", "Report.csv", "z. B.", "**", "\\>", "&gt;", "&amp;", "\\<", "[Limits for Content Search](l.md)", "[a][r]",
		"4 月 2019", "月", "年", "é", "中", " ", "\u00a0", "\u3000", "\r\n", "`x`", "<b>", "</b>", "IP (note here)", "#", "-", "'", "’"}
	rng := rand.New(rand.NewPCG(5, 6))
	text := func() string {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	ids := []string{"acronym-case", "inner-capital", "navigation-path", "keyword-list", "file-name-mismatch", "untranslated", "number-mismatch"}
	for n := range 6000 {
		page := "#### " + sxs("h-1", "Keyword_x", "Keyword_x") + "\n\n- " + sxs("a-1", text(), text()) + "\n- " + sxs("a-2", text(), text()) + "\n\n[r]: " + text() + "\n"
		path := []string{"fr-FR/page.md", "zh-CN/page.md", "de-DE/page.md", "ko-KR/page.md"}[n%4]
		for _, id := range ids {
			for _, f := range checkRule(t, id, path, page, nil) {
				if f.Range.Start < 0 || f.Range.End > len(page) || f.Range.Start > f.Range.End {
					t.Fatalf("%s: range %v outside the page of %d bytes:\n%q", id, f.Range, len(page), page)
				}
				for _, e := range f.Fixes {
					if e.Range.Start < 0 || e.Range.End > len(page) || e.Range.Start > e.Range.End {
						t.Fatalf("%s: fix range %v outside the page:\n%q", id, e.Range, page)
					}
				}
			}
		}
	}
}
