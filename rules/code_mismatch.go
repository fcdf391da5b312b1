package rules

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
		"removed, line endings as spaces).",
	Run: runCodeMismatch,
})

func runCodeMismatch(p *Pass) {
	for _, s := range p.Page.Segments {
		if !s.HasSource || len(s.Source.Code) == 0 && len(s.Target.Code) == 0 {
			continue
		}
		src := make([]string, len(s.Source.Code))
		for i, c := range s.Source.Code {
			src[i] = c.Content
		}
		tgt := make([]string, len(s.Target.Code))
		where := map[string]Range{}
		for i, c := range s.Target.Code {
			tgt[i] = c.Content
			if _, ok := where[c.Content]; !ok {
				where[c.Content] = c.Range
			}
		}
		missing, extra := multisetDiff(src, tgt)
		if len(missing) == 1 && len(extra) == 1 {
			p.ReportSegmentAt(s, where[extra[0]], "code span changed: source has `%s`, target has `%s`", missing[0], extra[0])
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

func codeList(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += "`" + s + "`"
	}
	return out
}
