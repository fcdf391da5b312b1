package rules

import (
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode"
)

// CodeMismatch compares inline code spans.
var CodeMismatch = Register(&Rule{
	ID:       "code-mismatch",
	Aliases:  []string{"code"},
	Tags:     []string{"segment", "code"},
	Severity: Error,
	Short:    "Inline code spans are identical in source and target",
	Doc: "Inline code (`Get-Mailbox`, `-Identity`, file names, values to type) is never translated: a\n" +
		"reader copies it. This rule compares the code spans of each segment's source and target as\n" +
		"multisets and reports a code span of the source that the target lacks, one the target adds,\n" +
		"and, when exactly one changed, the source and target forms together (a translated parameter,\n" +
		"a typographic quote or apostrophe replacing an ASCII one, a dropped character).\n\n" +
		"Code spans are compared after CommonMark normalization (one leading and trailing space\n" +
		"removed, line endings as spaces). The content of an inline <code>...</code> element counts as\n" +
		"a code span (entities decoded): it renders alike.\n\n" +
		"Literals written in prose without backticks are code too: a name=value assignment of the\n" +
		"source (p=reject in a DMARC record, CN=Computers in a distinguished name, unique=\"true\" in\n" +
		"XML, version=5.0 in a MIME type) must be in the target as written. One spaced (p = reject),\n" +
		"re-cased (p=Reject) or translated (p=aucune, CN=计算机) is reported a level below the rule, a\n" +
		"warning, at the target's form when it can be found, and fixed when only its spaces and case\n" +
		"changed. Literals in URLs and query strings, code and link destinations are the links'; a\n" +
		"syntax's template (property=value) is translated, an equation (x=2) spaced as the language\n" +
		"writes it, bold moved around a literal (**d=contoso.com**) changes nothing typed; the first 64\n" +
		"literals of a segment are read.",
	Run:         runCodeMismatch,
	Monolingual: true,
})

func runCodeMismatch(p *Pass) {
	for _, s := range p.Page.Segments {
		if s.HasSource && strings.IndexByte(s.Source.Raw, '=') >= 0 {
			checkAssignments(p, s)
		}
		if !s.HasSource || len(s.Source.Code) == 0 && len(s.Target.Code) == 0 && !hasCodeTag(s.Source) && !hasCodeTag(s.Target) {
			continue
		}
		var src, tgt []string
		where := map[string]Range{}
		for _, c := range codeOf(s.Source) {
			src = append(src, c.Content)
		}
		for _, c := range codeOf(s.Target) {
			tgt = append(tgt, c.Content)
			if _, ok := where[c.Content]; !ok {
				where[c.Content] = c.Range
			}
		}
		missing, extra := multisetDiff(src, tgt)
		if len(missing) == 1 && len(extra) == 1 {
			p.ReportSegmentAt(s, where[extra[0]], "code span changed: source has `%s`, target has `%s`%s", missing[0], extra[0], lookAlike(missing[0], extra[0]))
			continue
		}
		switch {
		case len(missing) > 0 && len(extra) > 0:
			p.ReportSegmentAt(s, where[extra[0]], "code spans differ: the target lacks %s and adds %s", codeList(missing), codeList(extra))
		case len(missing) > 0:
			p.ReportSegment(s, "%s of the source missing from the target: %s", plural(len(missing), "code span", "code spans"), codeList(missing))
		case len(extra) > 0:
			p.ReportSegmentAt(s, where[extra[0]], "%s not in the source: the target adds %s", plural(len(extra), "code span", "code spans"), codeList(extra))
		}
	}
}

// codeList lists code spans, the first ten of them and how many more.
func codeList(items []string) string {
	quoted := make([]string, 0, min(len(items), 10))
	for _, s := range items[:min(len(items), 10)] {
		quoted = append(quoted, "`"+s+"`")
	}
	return listFirst(append(quoted, items[len(quoted):]...), 10)
}

func hasCodeTag(t Text) bool {
	for _, g := range t.Tags {
		if g.Name == "code" {
			return true
		}
	}
	return false
}

// codeOf returns a text's code: its code spans, and the content of its
// <code>...</code> elements (entities decoded), which render alike.
func codeOf(t Text) []Code {
	if !hasCodeTag(t) {
		return t.Code
	}
	out := append([]Code(nil), t.Code...)
	open := -1
	for i, g := range t.Tags {
		if g.Name != "code" {
			continue
		}
		switch {
		case !g.Closing && !g.SelfClosing:
			open = i
		case g.Closing && open >= 0:
			o := t.Tags[open]
			if r := (Range{Start: o.Range.End, End: g.Range.Start}); r.Start >= t.Range.Start && r.End <= t.Range.End && r.Start <= r.End {
				raw := t.Raw[r.Start-t.Range.Start : r.End-t.Range.Start]
				out = append(out, Code{Content: html.UnescapeString(raw), Range: Range{Start: o.Range.Start, End: g.Range.End}})
			}
			open = -1
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Range.Start < out[j].Range.Start })
	return out
}

// lookAlike names the first characters two texts differ by when either is
// one a reader cannot tell from the other at a glance (Get‑Mailbox with a
// no-break hyphen, a typographic quote): "" otherwise.
func lookAlike(src, tgt string) string {
	sr, tr := []rune(src), []rune(tgt)
	for i := 0; i < len(sr) && i < len(tr); i++ {
		if sr[i] == tr[i] {
			continue
		}
		if unicode.IsLetter(sr[i]) && unicode.IsLetter(tr[i]) || sr[i] < 0x80 && tr[i] < 0x80 {
			return ""
		}
		return fmt.Sprintf(" (U+%04X %s where the source has U+%04X %s)", tr[i], runeName(tr[i]), sr[i], runeName(sr[i]))
	}
	return ""
}

func runeName(r rune) string {
	switch r {
	case '-':
		return "hyphen-minus"
	case '\u2010':
		return "hyphen"
	case '\u2011':
		return "non-breaking hyphen"
	case '\u2013':
		return "en dash"
	case '\u2014':
		return "em dash"
	case '\u2212':
		return "minus sign"
	case '\'':
		return "apostrophe"
	case '\u2018', '\u2019':
		return "typographic single quote"
	case '"':
		return "quotation mark"
	case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB':
		return "typographic double quote"
	case '\u00A0':
		return "no-break space"
	case ' ':
		return "space"
	}
	return fmt.Sprintf("%q", r)
}
