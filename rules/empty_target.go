package rules

import "strings"

// EmptyTarget reports segments whose translation is empty.
var EmptyTarget = Register(&Rule{
	ID:       "empty-target",
	Aliases:  []string{"missing-translation"},
	Tags:     []string{"segment"},
	Severity: Error,
	Short:    "A segment with source text has an empty or whitespace-only target",
	Doc: `Reports a segment whose target span is empty or holds only white space (including
non-breaking spaces and markup without text) while its source span has text. The reader of the
translated page sees nothing where the source has a sentence.

Segments whose source is empty too are left alone.`,
	Run: func(p *Pass) {
		for _, s := range p.Page.Segments {
			if !s.HasSource || blank(s.Source) {
				continue
			}
			if blank(s.Target) {
				p.ReportSegment(s, "empty translation: the target is empty but the source reads %q", shorten(s.Source.Plain, 80))
			}
		}
	},
})

// blank reports whether a text has no visible content: no prose, no code,
// no link or image.
func blank(t Text) bool {
	// TrimSpace takes NBSP for a space too (unicode.IsSpace), with no copy.
	return strings.TrimSpace(t.Plain) == "" && len(t.Code) == 0 && len(t.Links) == 0
}

// shorten cuts s to about n characters, on a character boundary.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
