package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FileNameMismatch reports file names of the source that the target does
// not keep as written.
var FileNameMismatch = Register(&Rule{
	ID:       "file-name-mismatch",
	Aliases:  []string{"file-names", "filenames"},
	Tags:     []string{"segment", "code"},
	Severity: Error,
	Short:    "A file name of the source (Results.csv, AzCopy.exe) is broken, translated or cut in the target",
	Doc: `File names written in prose, bold or link text (Results.csv, O365ImportTool.exe,
Get-AzureADPSPermissions.ps1) name files on disk: a reader types or looks for them, so the
translation keeps them as written. Machine translation breaks them the way it breaks sentences:

  - a space after the dot ("O365ImportTool. exe", "results. csv") or before it ("items .csv").
    The fix removes the space;
  - the name translated, its extension kept ("结果 .csv" for "Results.csv");
  - the name missing altogether.

A name written without its extension ("运行 CaseHoldsReport 脚本", run the CaseHoldsReport
script, for "run the CaseHoldsReport.ps1 script") still names the file, and is reported only
with extension-dropped: true.

A file name is a name of letters, digits, hyphens, underscores and dots followed by one of the
extensions documentation names files with (exe, msi, ps1, psm1, psd1, dll, csv, xml, json, pst,
ost, txt, log, config, cer, pfx, zip, cab, cmd, bat, reg, htm, html, aspx, docx, xlsx, pptx, doc,
xls, ppt, pdf, vbs, yml, yaml, ini, eml, msg, vsdx, inf, iso, sh, py and a few more): "Node.js"
and host names are none. Names are compared ignoring case (Windows file names are), outside
inline code (code-mismatch's), link destinations and URLs (link-mismatch's). A name the segment
beside it on the same line has is not missing: the sentence was split differently.

Options:
  extension-dropped  also report a file name written without its extension (default false)`,
	Options: []Option{
		{Name: "extension-dropped", Default: false, Doc: "also report a file name written without its extension"},
	},
	Run:         runFileNameMismatch,
	Monolingual: true,
})

// fileExtensions are the extensions a file name of the prose ends with.
var fileExtensions = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`exe msi msp ps1 psm1 psd1 ps1xml dll csv tsv xml xsd json pst ost txt log config
		cer crt pfx p7b zip cab cmd bat reg htm html aspx docx docm xlsx xlsm pptx doc xls ppt pdf vbs yml yaml ini
		eml msg vsdx inf wim iso sh py`) {
		m[e] = true
	}
	return m
}()

// fileName is a file name found in a term view: s[start:end], its dot at
// dot.
type fileName struct{ start, dot, end int }

func (f fileName) text(s string) string { return s[f.start:f.end] }

func nameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func alnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// extensionAt returns the end of a known extension that starts at s[i]
// (after a dot) and ends at a word's end, or -1.
func extensionAt(s string, i int) int {
	j := i
	for j < len(s) && alnumByte(s[j]) {
		j++
	}
	if j == i || j-i > 6 || !fileExtensions[strings.ToLower(s[i:j])] {
		return -1
	}
	if j < len(s) && (s[j] == '_' || s[j] == '-' || s[j] == '.' && j+1 < len(s) && alnumByte(s[j+1])) {
		return -1 // setup.exe.config, Results.csv-2 are other names
	}
	return j
}

// fileNames finds the file names of a term view.
func fileNames(s string) []fileName {
	var out []fileName
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '.')
		if k < 0 {
			break
		}
		dot := i + k
		i = dot + 1
		end := extensionAt(s, dot+1)
		if end < 0 {
			continue
		}
		start := dot
		for start > 0 && nameByte(s[start-1]) {
			start--
		}
		for start < dot && (s[start] == '.' || s[start] == '-') {
			start++
		}
		if start == dot || start > 0 && (s[start-1] == '@' || s[start-1] == '*' || s[start-1] == '%') {
			continue // ".pst files", an address, a wildcard, a variable
		}
		start = titleWordsBefore(s, start)
		out = append(out, fileName{start: start, dot: dot, end: end})
		i = end
	}
	return out
}

// titleWordsBefore extends a file name that starts at s[start] over the
// capitalized words before it that follow a lower-case word: "the
// Unindexed Items.csv file" names "Unindexed Items.csv" (but "Open
// Results.csv" names "Results.csv").
func titleWordsBefore(s string, start int) int {
	for n := 0; n < 3 && start > 1 && s[start-1] == ' ' && s[start] >= 'A' && s[start] <= 'Z'; n++ {
		w := start - 1 // the word before: s[a:w]
		a := w
		for a > 0 && alnumByte(s[a-1]) {
			a--
		}
		if a == w || s[a] < 'A' || s[a] > 'Z' || a < 2 || s[a-1] != ' ' {
			break
		}
		// The word before that must be lower case (an article, a verb).
		b := a - 1
		c := b
		for c > 0 && alnumByte(s[c-1]) {
			c--
		}
		if c == b || s[c] < 'a' || s[c] > 'z' {
			break
		}
		start = a
	}
	return start
}

// nameStart reports whether a name may start at s[i]: no name byte
// before it (CJK text may touch it).
func nameStart(s string, i int) bool {
	return i == 0 || !nameByte(s[i-1])
}

// nameEnd reports whether a name may end at s[j]: no letter, digit or
// underscore after it, nor a dot and more of a name; a hyphen before a
// word is a compound ("CaseHoldsReport.ps1-Skript").
func nameEnd(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	switch c := s[j]; {
	case alnumByte(c) || c == '_':
		return false
	case c == '.':
		return j+1 >= len(s) || !alnumByte(s[j+1])
	}
	return true
}

func runFileNameMismatch(p *Pass) {
	for i, s := range p.Page.Segments {
		if !s.HasSource || !mayHaveFileName(s.Source.Raw) {
			continue
		}
		checkFileNames(p, i, s)
	}
}

// mayHaveFileName reports whether raw has a dot followed by a known
// extension: most texts have none, and get no term view.
func mayHaveFileName(raw string) bool {
	for i := 0; ; {
		k := strings.IndexByte(raw[i:], '.')
		if k < 0 {
			return false
		}
		i += k + 1
		if extensionAt(raw, i) >= 0 {
			return true
		}
	}
}

// nameSearch looks for the forms of a source's file names in a target's
// term view (lower-cased byte for byte), each target byte claimed once.
type nameSearch struct {
	s    string
	used []bool
	// next is, by search, where it goes on: an occurrence it passed was
	// claimed or is no match, and stays so (thousands of names a segment
	// are each looked for once).
	next map[string]int
}

func (n *nameSearch) free(i, j int) bool {
	for k := i; k < j; k++ {
		if n.used[k] {
			return false
		}
	}
	return true
}

func (n *nameSearch) take(i, j int) {
	for k := i; k < j; k++ {
		n.used[k] = true
	}
}

// each calls f with each unclaimed occurrence of sub that starts a name,
// until f returns true. kind names f: the search goes on where the last
// one of that kind and sub stopped.
func (n *nameSearch) each(kind, sub string, f func(a, b int) bool) (int, int, bool) {
	key := kind + "\x00" + sub
	for from := n.next[key]; from < len(n.s); {
		k := strings.Index(n.s[from:], sub)
		if k < 0 {
			n.next[key] = len(n.s)
			break
		}
		a, b := from+k, from+k+len(sub)
		from = a + 1
		if nameStart(n.s, a) && n.free(a, b) && f(a, b) {
			n.next[key] = from
			return a, b, true
		}
	}
	n.next[key] = len(n.s)
	return 0, 0, false
}

func checkFileNames(p *Pass, idx int, s *Segment) {
	src := newTermView(s.Source)
	names := fileNames(src.s)
	if len(names) == 0 {
		return
	}
	tgt := newTermView(s.Target)
	ns := &nameSearch{s: asciiLower(tgt.s), next: map[string]int{}} // byte for byte: offsets stay the view's
	ns.used = make([]bool, len(ns.s))
	type want struct{ name, base, ext string }
	var missing []want
	for _, n := range names {
		name := asciiLower(n.text(src.s))
		if a, b, ok := ns.each("name", name, func(_, b int) bool { return nameEnd(ns.s, b) }); ok {
			ns.take(a, b)
			continue
		}
		missing = append(missing, want{name: n.text(src.s), base: asciiLower(src.s[n.start:n.dot]), ext: asciiLower(src.s[n.dot+1 : n.end])})
	}
	if len(missing) == 0 {
		return
	}
	// An extension the source names alone ("a .csv file", "a suffix of
	// .reg") is the target's ".csv" too, not a file name's.
	srcLower := asciiLower(src.s)
	alone := map[string]bool{}
	for _, w := range missing {
		if alone[w.ext] {
			continue
		}
		alone[w.ext] = true
		for from := 0; ; {
			k := strings.Index(srcLower[from:], "."+w.ext)
			if k < 0 {
				break
			}
			dot := from + k
			from = dot + 1
			if (dot == 0 || !nameByte(srcLower[dot-1])) && nameEnd(srcLower, dot+1+len(w.ext)) {
				if a, b, ok := ns.each("alone", "."+w.ext, func(_, b int) bool { return nameEnd(ns.s, b) }); ok {
					ns.take(a, b)
				}
			}
		}
	}
	report := func(r Range, fixes []Edit, format string, args ...any) {
		f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: r,
			Message: fmt.Sprintf(format, args...), SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw, Fixes: fixes}
		p.Report(f)
	}
	var rest []want
	var neighbours []string // the lower-cased targets beside it on its line, once needed
	for _, w := range missing {
		// Broken by a space around the dot: "o365importtool. exe".
		if a, b, ok := ns.each("spaced."+w.ext, w.base, func(_, b int) bool { return spacedEnd(ns.s, b, w.ext) > 0 }); ok {
			e := spacedEnd(ns.s, b, w.ext)
			ns.take(a, e)
			report(tgt.rangeOf(a, e), spaceFixes(p.Page.Text, tgt, b, e), "file name %s broken by a space: the target has %s", quoteText(w.name), quoteText(tgt.text(a, e)))
			continue
		}
		// Glued to the next word: "patientrecords.csvet".
		if a, b, ok := ns.each("glued", w.base+"."+w.ext, func(_, b int) bool { return b < len(ns.s) && alnumByte(ns.s[b]) }); ok {
			ns.take(a, b)
			e := b
			for e < len(ns.s) && alnumByte(ns.s[e]) {
				e++
			}
			at := tgt.rangeOf(b-1, b)
			report(tgt.rangeOf(a, e), []Edit{{Range: Range{Start: at.End, End: at.End}, New: " "}},
				"file name %s glued to the next word: the target has %s", quoteText(w.name), quoteText(tgt.text(a, e)))
			continue
		}
		rest = append(rest, w)
	}
	// Then what the target has of the name itself, which explains it before
	// an extension of another name can: another extension, or none.
	var unexplained []want
	for _, w := range rest {
		// Another extension: "o365importtool.zip" for O365ImportTool.exe.
		if a, b, ok := ns.each("other", w.base+".", func(_, b int) bool { return b < len(ns.s) && alnumByte(ns.s[b]) }); ok {
			e := b
			for e < len(ns.s) && alnumByte(ns.s[e]) {
				e++
			}
			ns.take(a, e)
			report(tgt.rangeOf(a, e), nil, "file name %s changed: the target has %s", quoteText(w.name), quoteText(tgt.text(a, e)))
			continue
		}
		// The extension dropped: the name alone ("运行 CaseHoldsReport 脚本",
		// run the CaseHoldsReport script), which a reader finds the file by.
		if a, b, ok := ns.each("bare", w.base, func(_, b int) bool { return b >= len(ns.s) || !nameByte(ns.s[b]) }); ok {
			ns.take(a, b)
			if p.Bool("extension-dropped") {
				report(tgt.rangeOf(a, b), nil, "file name %s written without its extension: the target has %s", quoteText(w.name), quoteText(tgt.text(a, b)))
			}
			continue
		}
		unexplained = append(unexplained, w)
	}
	for _, w := range unexplained {
		// The name translated or renamed, its extension kept: "结果 .csv".
		if a, b, ok := changedName(ns, w.ext); ok {
			ns.take(a, b)
			report(tgt.rangeOf(a, b), nil, "file name %s changed: the target has %s", quoteText(w.name), quoteText(tgt.text(a, b)))
			continue
		}
		if neighbours == nil {
			neighbours = neighbourTargets(p.Page, idx)
		}
		if containsAny(neighbours, asciiLower(w.name)) {
			continue // the sentence is split differently across the spans of the line
		}
		report(s.Target.Range, nil, "file name %s of the source missing from the target", quoteText(w.name))
	}
}

// spacedEnd returns the end of ext after s[:j], with white space before or
// after the dot and no other text ("o365importtool. exe", "items .csv"),
// or 0.
func spacedEnd(s string, j int, ext string) int {
	spaced := false
	if j < len(s) && s[j] == ' ' {
		j, spaced = j+1, true
	}
	if j >= len(s) || s[j] != '.' {
		return 0
	}
	j++
	if j < len(s) && s[j] == ' ' {
		j, spaced = j+1, true
	}
	if !spaced || !strings.HasPrefix(s[j:], ext) || !nameEnd(s, j+len(ext)) {
		return 0
	}
	return j + len(ext)
}

// changedName finds an unclaimed ".ext" (or ". ext") with the word before
// it, of any script: "结果 .csv", "indexés. csv", "iban.docx". In CJK text,
// where words run together, at most eight characters before it, after a
// particle.
func changedName(ns *nameSearch, ext string) (int, int, bool) {
	s := ns.s
	key := "changed\x00" + ext
	for from := ns.next[key]; from < len(s); {
		k := strings.IndexByte(s[from:], '.')
		if k < 0 {
			break
		}
		dot := from + k
		from = dot + 1
		e := dot + 1
		if e < len(s) && s[e] == ' ' {
			e++
		}
		end := e + len(ext)
		if !strings.HasPrefix(s[e:], ext) || !nameEnd(s, end) || !ns.free(dot, end) {
			continue
		}
		a := dot
		if a > 0 && s[a-1] == ' ' {
			a--
		}
		n := 0
		for a > 0 && n < 8 {
			r, w := utf8.DecodeLastRuneInString(s[:a])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' || strings.ContainsRune(cjkParticles, r) {
				break
			}
			if r >= utf8.RuneSelf && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				n++
			}
			a -= w
		}
		if a == dot || strings.TrimSpace(s[a:dot]) == "" || !ns.free(a, end) {
			continue // ".csv" alone: the extension named, not a file
		}
		ns.next[key] = from
		return a, end, true
	}
	ns.next[key] = len(s)
	return 0, 0, false
}

// cjkParticles end the words before a translated file name in Chinese and
// Japanese, which run together: "这些报告是结果 .csv" has "结果 .csv".
const cjkParticles = "是的在和或及与将从到为中了把被对让给由向以于而也都就这那个の은는이가을를에でとがはをにへや"

// spaceFixes removes the white space of a spaced file name's view s[i:j],
// where the page has only white space there (not markup the view folded).
func spaceFixes(text string, v termView, i, j int) []Edit {
	var out []Edit
	for k := i; k < j; k++ {
		if v.s[k] != ' ' {
			continue
		}
		r := v.rangeOf(k, k+1)
		if r.Start < 0 || r.End > len(text) || strings.TrimSpace(text[r.Start:r.End]) != "" {
			return nil
		}
		out = append(out, Edit{Range: r, New: ""})
	}
	return out
}

// neighbourTargets returns the targets, lower-cased, of the segments beside
// segment i on its line (a sentence split differently moves a name there).
func neighbourTargets(pg *Page, i int) []string {
	out := []string{}
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(pg.Segments) && sameLine(pg, pg.Segments[min(i, j)], pg.Segments[max(i, j)]) {
			out = append(out, asciiLower(pg.Segments[j].Target.Plain))
		}
	}
	return out
}

func containsAny(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}
