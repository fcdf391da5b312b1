package rules

import (
	"fmt"
	"regexp"
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

  - a space after the dot ("O365ImportTool. exe", "results. csv") or before it ("items .csv"),
    or a full-width or ideographic dot ("AzCopy。exe"). The fix removes the space or puts the
    dot back;
  - glued to the next word ("PatientRecords.csvet"). The fix inserts a space;
  - another extension ("O365importtool.zip" for "O365ImportTool.exe", "Budget.xlsx" for
    "Budget.xls");
  - the name translated or renamed, its extension kept ("结果 .csv" for "Results.csv",
    "Utilisateurs.csv" for "Users.csv"); several such names of one extension in a segment are
    reported together, since which is which cannot be told;
  - the name missing altogether (a segment's missing names are one finding).

A MIME type (application/vnd.visio, image/tiff: the types of files a table lists) is a name too:
one the target changes ("application/vnd. Visio", "Bild/TIFF") is reported; a segment that is the
type alone is put back by the fix.

An extension the source writes alone (".csv" in "a .csv file", "a suffix of .reg", the *.pst
wildcard, ".xls; .dat" in a table) is a name too: one the target breaks with a space after the
dot (". csv", "un fichier. reg", the dot taken for a sentence's end) is reported, as many times
as the source has it alone and the target does not keep it. The fix closes the gap and, after a
word, puts the space before the dot ("un fichier .reg"). A segment that is a list of extensions
and nothing else (a table's cell: ".con; .css; .csv", ".gzip", whatever the extensions) must keep
each of them as a dot and its letters: one written without its dot ("gzip", "EML", "DOCM-"),
broken ("。 xlsb", ". rar") or replaced is reported, once for the cell, and the fix puts the
source's list back. Other separators ("、") and another case (".PPTX") are left alone.

A name written without its extension ("运行 CaseHoldsReport 脚本", run the CaseHoldsReport
script, for "run the CaseHoldsReport.ps1 script"; "CaseHoldsReport-Skript") still names the
file, and is reported only with extension-dropped: true.

A file name is a name of letters, digits, hyphens, underscores and dots followed by one of the
extensions documentation names files with (exe, msi, ps1, psm1, psd1, dll, csv, xml, json, pst,
ost, txt, log, config, cer, pfx, zip, cab, cmd, bat, reg, htm, html, aspx, docx, xlsx, pptx, doc,
xls, ppt, pdf, vbs, yml, yaml, ini, eml, msg, vsdx, inf, iso, sh, py and a few more), and the
capitalized words before it after a lower-case one ("the Unindexed Items.csv file"): "Node.js"
and host names are none. Names are compared ignoring case (Windows file names are), outside
link destinations and URLs (link-mismatch's). Inline code is code-mismatch's: a name the source
writes as code is not looked for, and one the target writes as code is kept. A name may follow a prefix and a hyphen ("ה-AzCopy.exe"). A name
the segment beside it on the same line has is not missing: the sentence was split differently.

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

// nameByte reports whether c may be part of an ASCII file name.
func nameByte(c byte) bool { return isASCIIWordByte(c) || c == '_' || c == '-' || c == '.' }

// nameRune reports whether r may be part of a file name's base: a letter
// (not of the scripts written without spaces, which touch names), a digit,
// _, - or a dot.
func nameRune(r rune) bool {
	if r < utf8.RuneSelf {
		return nameByte(byte(r))
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// extensionAt returns the end of a known extension that starts at s[i]
// (after a dot) and ends at a word's end, or -1.
func extensionAt(s string, i int) int {
	j := i
	for j < len(s) && isASCIIWordByte(s[j]) {
		j++
	}
	if j == i || j-i > 6 || !fileExtensions[strings.ToLower(s[i:j])] {
		return -1
	}
	if j < len(s) && (s[j] == '_' || s[j] == '-' || s[j] == '.' && j+1 < len(s) && isASCIIWordByte(s[j+1])) {
		return -1 // setup.exe.config, Results.csv-2 are other names
	}
	return j
}

// fileNames finds the file names of a term view (which has no URLs).
func fileNames(s string) []fileName {
	var out []fileName
	last := 0 // a name starts after the one before
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
		for start > last {
			r, w := utf8.DecodeLastRuneInString(s[:start])
			if !nameRune(r) || r == '.' && start-w > last && s[start-w-1] == '.' {
				break // not past "..": "Results.csv...Items.csv" is two names
			}
			start -= w
		}
		for start < dot && (s[start] == '.' || s[start] == '-') {
			start++
		}
		if start == dot || start > 0 && strings.IndexByte("@*%", s[start-1]) >= 0 {
			continue // ".pst files", an address, a wildcard, a variable (URLs are blanked in the view)
		}
		start = titleWordsBefore(s, start, last)
		out = append(out, fileName{start: start, dot: dot, end: end})
		i, last = end, end
	}
	return out
}

// titleWordsBefore extends a file name that starts at s[start] over the
// capitalized words before it, up to three, when a lower-case word comes
// before them: "the Unindexed Items.csv file" and "named Contoso Customer
// Form.docx" name the whole (but "Open Results.csv" names "Results.csv").
// It does not go back past last.
func titleWordsBefore(s string, start, last int) int {
	if s[start] < 'A' || s[start] > 'Z' {
		return start
	}
	from := start
	for n := 0; n < 4; n++ {
		// The word before s[from]: s[a:from-1].
		if from < last+2 || s[from-1] != ' ' {
			return start
		}
		w := from - 1
		a := w
		for a > last && isASCIIWordByte(s[a-1]) {
			a--
		}
		switch {
		case a == w:
			return start
		case s[a] >= 'a' && s[a] <= 'z':
			return from // a lower-case word: the capitalized ones after it are the name's
		case s[a] < 'A' || s[a] > 'Z' || n == 3:
			return start
		}
		from = a
	}
	return start
}

// nameEnd reports whether a name may end at s[j]: no letter, digit or
// underscore after it, nor a dot and more of a name; a hyphen before a
// word is a compound ("CaseHoldsReport.ps1-Skript"), and a dot before a
// capital a sentence's end that lost its space ("Results.csv.Ensuite").
func nameEnd(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	switch c := s[j]; {
	case isASCIIWordByte(c) || c == '_':
		return false
	case c == '.':
		return j+1 >= len(s) || !isASCIIWordByte(s[j+1]) || s[j+1] >= 'A' && s[j+1] <= 'Z'
	}
	return true
}

func runFileNameMismatch(p *Pass) {
	for i, s := range p.Page.Segments {
		if !s.HasSource || blank(s.Target) {
			continue // an empty target is empty-target's
		}
		if strings.IndexByte(s.Source.Raw, '/') >= 0 {
			checkMIMETypes(p, s)
		}
		// A cell of extensions is read as a list, whole: its finding and
		// fix take in every extension, the broken ones the name checks
		// would report one by one too.
		if strings.HasPrefix(strings.TrimSpace(s.Source.Raw), ".") && checkExtensionList(p, s) {
			continue
		}
		if mayHaveFileName(s.Source.Raw) {
			checkFileNames(p, i, s)
		}
	}
}

// extensionListRe matches a segment that is a list of file extensions and
// nothing else: a table's cell of the extensions a format has (".con;
// .css; .csv", ".gzip"), whatever they are.
var extensionListRe = regexp.MustCompile(`^\.[A-Za-z0-9]{1,8}(?:\s*[;,]\s*\.[A-Za-z0-9]{1,8})*\s*[;,]?$`)

// extensionSeparatorRe is a separator of a list of extensions.
var extensionSeparatorRe = regexp.MustCompile(`\s*[;,]\s*`)

// checkExtensionList reports a segment whose source is a list of file
// extensions alone (extensionListRe) and whose target does not keep each
// of them as ".ext" (". gzip", "gzip", "DOCM-", "。con"), with a fix that
// puts the source's list back: a cell of data, with nothing to
// translate. Case and separators may change (".PPTX", "、").
// It reports whether it found something.
func checkExtensionList(p *Pass, s *Segment) bool {
	src := strings.TrimSpace(s.Source.Plain)
	if !extensionListRe.MatchString(src) {
		return false
	}
	want := map[string]int{} // by lower-case extension
	var order []string       // as the source writes them
	numbers, total := 0, 0
	for _, e := range dottedWords(src) {
		total++
		if strings.Trim(e, "0123456789") == "" {
			numbers++
		}
		if want[asciiLower(e)] == 0 {
			order = append(order, e)
		}
		want[asciiLower(e)]++
	}
	if numbers == total {
		return false // ".5": numbers, not extensions (.001 among .7z is one)
	}
	for _, e := range dottedWords(s.Target.Plain) {
		want[asciiLower(e)]--
	}
	var lost []string
	for _, e := range order {
		if want[asciiLower(e)] > 0 {
			lost = append(lost, quoteText("."+e))
		}
	}
	if len(lost) == 0 {
		return false
	}
	tgt := strings.TrimSpace(s.Target.Raw)
	f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: s.Target.Range,
		Message: fmt.Sprintf("file extensions changed: the source lists %s, the target has %s (%s not kept)",
			quoteText(strings.TrimSpace(s.Source.Raw)), quoteText(tgt), listFirst(lost, 5)),
		SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
	// The fix writes the source's list over the target's, when the
	// target is plain text (no markup to keep).
	if tgt == strings.TrimSpace(s.Target.Plain) && s.Target.Range.End <= len(p.Page.Text) {
		lead := len(s.Target.Raw) - len(strings.TrimLeftFunc(s.Target.Raw, unicode.IsSpace))
		r := Range{Start: s.Target.Range.Start + lead, End: s.Target.Range.Start + lead + len(tgt)}
		f.Range = r
		list := strings.TrimSpace(s.Source.Raw)
		if strings.Contains(tgt, "、") && !strings.ContainsAny(tgt, ",;") {
			// The target's own separators, the ideographic comma, stay.
			list = extensionSeparatorRe.ReplaceAllString(list, "、")
		}
		f.Fixes = []Edit{{Range: r, New: list}}
	}
	p.Report(f)
	return true
}

// dottedWords finds the ".ext" words of s, a dot right before letters or
// digits and not after one, without the dot.
func dottedWords(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '.' || i > 0 && isASCIIWordByte(s[i-1]) {
			continue
		}
		j := i + 1
		for j < len(s) && (isASCIILetter(s[j]) || isDigit(s[j])) {
			j++
		}
		if j > i+1 {
			out = append(out, s[i+1:j])
		}
	}
	return out
}

// mimeTypeRe finds a MIME type (application/vnd.visio, image/tiff,
// text/html; charset=utf-8) standing alone; mimeTypeAnyCaseRe the same in
// any case, as a target may write it.
var (
	mimeTypeRe        = regexp.MustCompile(`(?:^|[^\w/.-])((?:application|image|text|audio|video|message|multipart|font|model)/[a-z0-9][a-z0-9.+-]*[a-z0-9](?:; ?[a-z]+=[\w.-]+)?)`)
	mimeTypeAnyCaseRe = regexp.MustCompile(`(?i)(?:^|[^\w/.-])((?:application|image|text|audio|video|message|multipart|font|model)/[a-z0-9][a-z0-9.+-]*[a-z0-9](?:; ?[a-z]+=[\w.-]+)?)`)
)

// mimeTopTypes are the top-level types mimeTypeRe knows.
var mimeTopTypes = []string{"application", "image", "text", "audio", "video", "message", "multipart", "font", "model"}

// mayHaveMIMEType reports whether a slash of s follows one of the
// top-level types: what mimeTypeRe needs, found without running it on
// every segment.
func mayHaveMIMEType(s string) bool {
	for i := strings.IndexByte(s, '/'); i >= 0; {
		for _, t := range mimeTopTypes {
			if strings.HasSuffix(s[:i], t) {
				return true
			}
		}
		k := strings.IndexByte(s[i+1:], '/')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// mimeProseSubtypes are subtypes that make a pair of words of prose, not a
// MIME type: "audio/video conferencing", "text/image".
var mimeProseSubtypes = wordSet(`application image images text audio video videos message messages multipart font fonts
	model models voice photo photos picture pictures data file files content`)

// checkMIMETypes reports the MIME types of the source (the types of files
// a table lists: application/vnd.visio) that the target does not keep as
// written: "application/vnd. Visio", "Bild/TIFF". A segment that is one
// type is put back by the fix, a type re-cased in prose is pointed at and
// written back. Link destinations and code are not read.
func checkMIMETypes(p *Pass, s *Segment) {
	plain := strings.TrimSpace(s.Source.Plain)
	if !mayHaveMIMEType(plain) {
		return
	}
	ms := mimeTypeRe.FindAllStringSubmatch(plain, -1)
	if len(ms) == 0 {
		return
	}
	tgt := strings.TrimSpace(s.Target.Raw)
	raw := s.Target.Raw
	// The target's types in any case, by their lower-case text, in order,
	// outside link destinations and code: each used once.
	hidden := sortMerge(proseSkips(s.Target))
	var byLower map[string][]int
	found := func() map[string][]int {
		if byLower == nil {
			byLower = map[string][]int{}
			for _, m := range mimeTypeAnyCaseRe.FindAllStringSubmatchIndex(raw, -1) {
				if !overlaps(hidden, m[2], m[3]) {
					k := strings.ToLower(raw[m[2]:m[3]])
					byLower[k] = append(byLower[k], m[2])
				}
			}
		}
		return byLower
	}
	for _, m := range ms {
		mime := m[1]
		if _, sub, _ := strings.Cut(mime, "/"); mimeProseSubtypes[sub] {
			continue // prose: audio/video
		}
		// The target has it as written, once for each place of the source.
		at := found()[mime]
		if len(at) > 0 && raw[at[0]:at[0]+len(mime)] == mime {
			found()[mime] = at[1:]
			continue
		}
		if len(at) == 0 && strings.Contains(s.Target.Plain, mime) {
			continue // written with markup inside, as the plain text shows it
		}
		f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: s.Target.Range,
			SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
		switch {
		case plain == mime && strings.TrimSpace(s.Source.Raw) == mime:
			// The segment is the type alone (a table's cell): it is put back.
			lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			f.Range = Range{Start: s.Target.Range.Start + lead, End: s.Target.Range.Start + lead + len(tgt)}
			f.Fixes = []Edit{{Range: f.Range, New: mime}}
			f.Message = fmt.Sprintf("MIME type %s changed: the target has %s", quoteText(mime), quoteText(shorten(s.Target.Plain, 80)))
		case len(at) > 0 && len(raw[at[0]:]) >= len(mime):
			// Re-cased in prose (Image/JPEG): at it, written back.
			i := at[0]
			found()[mime] = at[1:]
			f.Range = Range{Start: s.Target.Range.Start + i, End: s.Target.Range.Start + i + len(mime)}
			f.Message = fmt.Sprintf("MIME type %s changed: the target has %s", quoteText(mime), quoteText(raw[i:i+len(mime)]))
			f.Fixes = []Edit{{Range: f.Range, New: mime}}
		default:
			f.Message = fmt.Sprintf("MIME type %s changed: the target has %s", quoteText(mime), quoteText(shorten(s.Target.Plain, 80)))
		}
		p.Report(f)
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
// term view, lower-cased byte for byte (offsets stay the view's), each
// target byte claimed once. Candidates are looked up by the word they
// start with, so that thousands of names a segment each cost their own
// occurrences only.
type nameSearch struct {
	s, orig string // lower-cased, and as written
	used    []bool
	// words are the offsets where each word (a run of letters, digits and
	// _) starts; next is, by search, how far along its word's offsets it
	// has gone: an occurrence it passed was claimed or no match, and
	// stays so.
	words map[string][]int
	next  map[string]int
}

func newNameSearch(view string) *nameSearch {
	ns := &nameSearch{s: asciiLower(view), orig: view, used: make([]bool, len(view)), words: map[string][]int{}, next: map[string]int{}}
	for i := 0; i < len(ns.s); {
		if !wordByte(ns.s[i]) {
			i++
			continue
		}
		j := i
		for j < len(ns.s) && wordByte(ns.s[j]) {
			j++
		}
		ns.words[ns.s[i:j]] = append(ns.words[ns.s[i:j]], i)
		i = j
	}
	return ns
}

func wordByte(c byte) bool { return isASCIIWordByte(c) || c == '_' }

// leadingWord is the first word of sub ("" when it starts with none).
func leadingWord(sub string) string {
	j := 0
	for j < len(sub) && wordByte(sub[j]) {
		j++
	}
	return sub[:j]
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

// startsName reports whether a name may start at s[a]: no name byte
// before it, or a hyphen after a prefix of letters of another script
// ("ה-AzCopy.exe", a Hebrew prefix).
func (n *nameSearch) startsName(a int) bool {
	if a == 0 || !nameByte(n.s[a-1]) || a >= 2 && n.s[a-2:a] == ".." {
		return true
	}
	if n.s[a-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(n.s[:a-1])
	return r >= utf8.RuneSelf && unicode.IsLetter(r)
}

// each calls f with each unclaimed occurrence of sub (which starts with a
// word) that starts a name, until f returns true; kind names f.
func (n *nameSearch) each(kind, sub string, f func(a, b int) bool) (int, int, bool) {
	key := kind + "\x00" + sub
	if leadingWord(sub) == "" {
		return n.scan(key, sub, f)
	}
	at := n.words[leadingWord(sub)]
	for k := n.next[key]; k < len(at); k++ {
		a := at[k]
		b := a + len(sub)
		if b <= len(n.s) && n.s[a:b] == sub && n.startsName(a) && n.free(a, b) && f(a, b) {
			n.next[key] = k + 1
			return a, b, true
		}
	}
	n.next[key] = len(at)
	return 0, 0, false
}

// scan is each for a sub that starts with no ASCII word ("übersicht"): by
// a plain search, which goes on from where the last one stopped.
func (n *nameSearch) scan(key, sub string, f func(a, b int) bool) (int, int, bool) {
	for from := n.next[key]; from < len(n.s); {
		k := strings.Index(n.s[from:], sub)
		if k < 0 {
			break
		}
		a, b := from+k, from+k+len(sub)
		from = a + 1
		r, _ := utf8.DecodeLastRuneInString(n.s[:a])
		if (a == 0 || !nameRune(r)) && n.free(a, b) && f(a, b) {
			n.next[key] = from
			return a, b, true
		}
	}
	n.next[key] = len(n.s)
	return 0, 0, false
}

// end is nameEnd on the view as written (a dot before a capital ends a
// sentence).
func (n *nameSearch) end(j int) bool { return nameEnd(n.orig, j) }

// dots returns the unclaimed places of ".ext" or ". ext" ending a name
// (dot, end), in order.
func (n *nameSearch) dots(ext string) [][2]int {
	var out [][2]int
	for _, e := range n.words[ext] {
		end := e + len(ext)
		dot := e - 1
		if dot >= 0 && n.s[dot] == ' ' {
			dot--
		}
		if dot < 0 || n.s[dot] != '.' || !nameEnd(n.s, end) || !n.free(dot, end) {
			continue
		}
		out = append(out, [2]int{dot, end})
	}
	return out
}

// fileReport reports a finding of file-name-mismatch on a segment.
type fileReport func(r Range, fixes []Edit, format string, args ...any)

func checkFileNames(p *Pass, idx int, s *Segment) {
	src := newTermView(s.Source)
	names := fileNames(src.s)
	lone := loneExtensions(src.s)
	if len(names) == 0 && len(lone) == 0 {
		return
	}
	tgt := newTermView(s.Target)
	var reported []Range
	report := func(r Range, fixes []Edit, format string, args ...any) {
		reported = append(reported, r)
		p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: r,
			Message: fmt.Sprintf(format, args...), SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw, Fixes: fixes})
	}
	if len(names) > 0 {
		checkNames(p, idx, s, src, tgt, names, report)
	}
	if len(lone) > 0 {
		checkLoneExtensions(p, tgt, lone, sortMerge(reported), report)
	}
}

// checkNames reports the file names of the source that the target does
// not keep.
func checkNames(p *Pass, idx int, s *Segment, src, tgt termView, names []fileName, report fileReport) {
	ns := newNameSearch(tgt.s)
	var code []string // the target's inline code, lower-cased, once needed
	var missing []fileWant
	for _, n := range names {
		name := asciiLower(n.text(src.s))
		if a, b, ok := ns.each("name", name, func(_, b int) bool { return ns.end(b) }); ok {
			ns.take(a, b)
			continue
		}
		base := asciiLower(src.s[n.start:n.dot])
		if i := strings.LastIndexByte(base, '.'); i >= 0 && i+1 < len(base) && src.s[n.start+i+1] >= 'A' && src.s[n.start+i+1] <= 'Z' {
			// "tool.AzCopy.exe": a sentence that lost its space before the
			// name, if the target has the name alone.
			tail := base[i+1:] + "." + asciiLower(src.s[n.dot+1:n.end])
			if a, b, ok := ns.each("name", tail, func(_, b int) bool { return ns.end(b) }); ok {
				ns.take(a, b)
				continue
			}
		}
		if code == nil {
			code = []string{}
			for _, c := range s.Target.Code {
				code = append(code, asciiLower(c.Content))
			}
		}
		if containsAny(code, name) {
			continue // written as code: kept, and code-mismatch's
		}
		missing = append(missing, fileWant{name: n.text(src.s), base: base, ext: asciiLower(src.s[n.dot+1 : n.end])})
	}
	if len(missing) == 0 {
		return
	}
	reserveLoneExtensions(ns, asciiLower(src.s), names, func(ext string) bool {
		for _, w := range missing {
			if w.ext == ext {
				return true
			}
		}
		return false
	})
	// The page's text where the view's s[a:b] came from, for the message:
	// what the reader sees in the file.
	raw := func(a, b int) (Range, string) {
		r := tgt.rangeOf(a, b)
		return r, p.Page.Text[r.Start:r.End]
	}
	var rest []fileWant
	for _, w := range missing {
		// Broken by a space around the dot: "o365importtool. exe".
		if a, b, ok := ns.each("spaced."+w.ext, w.base, func(_, b int) bool { return spacedEnd(ns.s, b, w.ext) > 0 }); ok {
			e := spacedEnd(ns.s, b, w.ext)
			ns.take(a, e)
			r, got := raw(a, e)
			report(r, spaceFixes(p.Page.Text, tgt, b, e), "file name %s broken by a space: the target has %s", quoteText(w.name), quoteText(got))
			continue
		}
		// A full-width or ideographic dot: "azcopy。exe".
		if a, b, ok := ns.each("wide."+w.ext, w.base, func(_, b int) bool { return wideDotEnd(ns.s, b, w.ext) > 0 }); ok {
			e := wideDotEnd(ns.s, b, w.ext)
			ns.take(a, e)
			r, got := raw(a, e)
			dot, _ := raw(b, e-len(w.ext))
			report(r, []Edit{{Range: dot, New: "."}}, "file name %s written with a full-width dot: the target has %s", quoteText(w.name), quoteText(got))
			continue
		}
		// Glued to the next word: "patientrecords.csvet" (not a longer
		// extension: "budget.xlsx" for Budget.xls is another one).
		if a, b, ok := ns.each("glued", w.base+"."+w.ext, func(_, b int) bool {
			return b < len(ns.s) && isASCIIWordByte(ns.s[b]) && !fileExtensions[w.ext+alnumRun(ns.s, b)]
		}); ok {
			e := b + len(alnumRun(ns.s, b))
			ns.take(a, e)
			at := tgt.rangeOf(b-1, b)
			r, got := raw(a, e)
			report(r, []Edit{{Range: Range{Start: at.End, End: at.End}, New: " "}}, "file name %s glued to the next word: the target has %s", quoteText(w.name), quoteText(got))
			continue
		}
		rest = append(rest, w)
	}
	// Then what the target has of the name itself, which explains it before
	// an extension of another name can: another extension, or none.
	var unexplained []fileWant
	for _, w := range rest {
		// Another extension: "o365importtool.zip" for O365ImportTool.exe.
		if a, b, ok := ns.each("other", w.base+".", func(_, b int) bool { return b < len(ns.s) && isASCIIWordByte(ns.s[b]) }); ok {
			e := b + len(alnumRun(ns.s, b))
			ns.take(a, e)
			r, got := raw(a, e)
			report(r, nil, "file name %s changed: the target has %s", quoteText(w.name), quoteText(got))
			continue
		}
		// The extension dropped: the name alone ("运行 CaseHoldsReport 脚本",
		// run the CaseHoldsReport script; CaseHoldsReport-Skript), which a
		// reader finds the file by.
		if a, b, ok := ns.each("bare", w.base, func(_, b int) bool {
			return b >= len(ns.s) || !nameByte(ns.s[b]) || ns.s[b] == '-' && b+1 < len(ns.s) && isASCIIWordByte(ns.s[b+1])
		}); ok {
			ns.take(a, b)
			if p.Bool("extension-dropped") {
				r, got := raw(a, b)
				report(r, nil, "file name %s written without its extension: the target has %s", quoteText(w.name), quoteText(got))
			}
			continue
		}
		unexplained = append(unexplained, w)
	}
	// The names translated or renamed, their extension kept: "结果 .csv".
	// Names of one extension are paired with the target's in order only
	// when there is one: two translated names cannot be told apart.
	byExt := map[string][]fileWant{}
	var exts []string
	for _, w := range unexplained {
		if byExt[w.ext] == nil {
			exts = append(exts, w.ext)
		}
		byExt[w.ext] = append(byExt[w.ext], w)
	}
	var neighbours []string // the lower-cased targets beside it on its line, once needed
	var gone []string
	seen := map[string]bool{}
	for _, ext := range exts {
		ws := byExt[ext]
		var got []string
		var at []Range
		nw := words(ws) // once: thousands of dots may be tried
		for _, d := range ns.dots(ext) {
			if len(got) == len(ws) {
				break
			}
			a, ok := changedNameStart(ns.s, ns.orig, d[0], nw)
			if !ok || !ns.free(a, d[1]) {
				continue
			}
			ns.take(a, d[1])
			r, text := raw(a, d[1])
			got, at = append(got, quoteText(text)), append(at, r)
		}
		if sameNames(ws) {
			// One name written several times: each place is its own.
			for i := range got {
				report(at[i], nil, "file name %s changed: the target has %s", quoteText(ws[0].name), got[i])
			}
			if len(got) > 0 {
				continue
			}
		}
		if len(got) > 0 {
			var names []string
			for _, w := range ws {
				names = append(names, quoteText(w.name))
			}
			what := "changed"
			if len(got) < len(ws) {
				what = "changed or missing"
			}
			report(at[0], nil, "file names %s %s: the target has %s", listFirst(names, 5), what, listFirst(got, 5))
			continue
		}
		for _, w := range ws {
			if neighbours == nil {
				neighbours = neighbourTargets(p.Page, idx)
			}
			if containsAny(neighbours, asciiLower(w.name)) {
				continue // the sentence is split differently across the spans of the line
			}
			if !seen[asciiLower(w.name)] {
				seen[asciiLower(w.name)] = true
				gone = append(gone, quoteText(w.name))
			}
		}
	}
	// The names missing altogether: one finding, on the whole target.
	switch len(gone) {
	case 0:
	case 1:
		report(s.Target.Range, nil, "file name %s of the source missing from the target", gone[0])
	default:
		report(s.Target.Range, nil, "file names %s of the source missing from the target", listFirst(gone, 5))
	}
}

// loneExtension is an extension a source writes alone: how many times,
// and as written the first time.
type loneExtension struct {
	count int
	form  string
}

// loneExtensions finds the extensions a term view writes alone, by their
// lower-case text: ".csv" in "a .csv file", "a suffix of .reg", ".xls; .dat".
func loneExtensions(s string) map[string]*loneExtension {
	var out map[string]*loneExtension
	for i := 0; i < len(s); i++ {
		if s[i] != '.' || i > 0 && nameByte(s[i-1]) {
			continue
		}
		end := extensionAt(s, i+1)
		if end < 0 || !nameEnd(s, end) {
			continue
		}
		if out == nil {
			out = map[string]*loneExtension{}
		}
		ext := asciiLower(s[i+1 : end])
		if out[ext] == nil {
			out[ext] = &loneExtension{form: s[i+1 : end]}
		}
		out[ext].count++
	}
	return out
}

// checkLoneExtensions reports the extensions the source writes alone that
// the target breaks with a space after the dot (". csv", "fichier. ps1":
// the dot taken for a sentence's), as many as the source has and the
// target does not keep, outside what the name checks reported.
func checkLoneExtensions(p *Pass, tgt termView, lone map[string]*loneExtension, reported []Range, report fileReport) {
	low := asciiLower(tgt.s)
	kept := map[string]int{}
	type spaced struct {
		dot, ext, end int
	}
	var broken []spaced
	for i := 0; i < len(low); i++ {
		if low[i] != '.' {
			continue
		}
		j := i + 1
		for j < len(low) && low[j] == ' ' {
			j++
		}
		end := extensionAt(low, j)
		if end < 0 || !nameEnd(low, end) || lone[low[j:end]] == nil {
			continue
		}
		switch {
		case j == i+1 && (i == 0 || !nameByte(low[i-1])):
			kept[low[j:end]]++
		case j > i+1:
			// A dot after an abbreviation or after the format's own name
			// ends them ("z. B. PST", "un fichier CSV. CSV est"), not the
			// extension's; after another word, the format's name written
			// otherwise than the source's extension (". XML est un format")
			// starts a sentence.
			if abbreviationBefore(low, i) || wordBefore(low, i) == low[j:end] ||
				i > 0 && (isASCIILetter(low[i-1]) || low[i-1] >= utf8.RuneSelf) && tgt.s[j:end] != lone[low[j:end]].form {
				continue
			}
			broken = append(broken, spaced{i, j, end})
		}
	}
	for _, b := range broken {
		ext := low[b.ext:b.end]
		if kept[ext] >= lone[ext].count {
			continue
		}
		r := tgt.rangeOf(b.dot, b.end)
		if overlaps(reported, r.Start, r.End) {
			continue // a name broken there: reported as such
		}
		kept[ext]++
		got := p.Page.Text[r.Start:r.End]
		// The space moves before the dot after a word (", .pptx",
		// "fichier .ps1"), and goes after an opening bracket or at the
		// start; the extension is written as the source writes it.
		gap := tgt.rangeOf(b.dot, b.ext)
		var fixes []Edit
		if strings.TrimSpace(p.Page.Text[gap.Start+1:gap.End]) == "" && p.Page.Text[gap.Start] == '.' && r.Start == gap.Start {
			dot := "."
			if before, _ := utf8.DecodeLastRuneInString(p.Page.Text[:gap.Start]); gap.Start > 0 && !unicode.IsSpace(before) && !strings.ContainsRune("([{\"'«“‘/>*_", before) {
				dot = " ."
			}
			if p.Page.Text[gap.End:r.End] == tgt.s[b.ext:b.end] {
				fixes = []Edit{{Range: r, New: dot + lone[ext].form}}
			} else {
				fixes = []Edit{{Range: gap, New: dot}}
			}
		}
		report(r, fixes, "extension %s broken by a space: the target has %s", quoteText("."+lone[ext].form), quoteText(got))
	}
}

// abbreviationsBeforeDot are the last words, in lower case, of the
// abbreviations written with a dot that may come before a format's name:
// z. B., e.g., i.e., d. h., p. ex., bzw., usw., etc., vgl., cf., p. ej.
var abbreviationsBeforeDot = map[string]bool{"b": true, "g": true, "e": true, "h": true, "ex": true, "bzw": true,
	"usw": true, "etc": true, "vgl": true, "cf": true, "ej": true, "ecc": true, "ca": true, "ggf": true, "evtl": true,
	"inkl": true, "bspw": true, "np": true, "bijv": true, "bv": true, "es": true, "zb": true, "ad": true, "vs": true,
	"ok": true, "ou": true}

// abbreviationBefore reports whether the dot at s[i] ends an abbreviation.
func abbreviationBefore(s string, i int) bool { return abbreviationsBeforeDot[wordBefore(s, i)] }

// wordBefore is the run of ASCII letters that ends at s[i], alone (no
// letter or digit before it), or "".
func wordBefore(s string, i int) string {
	j := i
	for j > 0 && isASCIILetter(s[j-1]) {
		j--
	}
	if j > 0 && isASCIIWordByte(s[j-1]) {
		return ""
	}
	return s[j:i]
}

// reserveLoneExtensions claims, for each extension the source names alone
// ("a .csv file", "a suffix of .reg"), one of the target's ".ext" that no
// name takes: the first when the source names it before its file names of
// that extension, the last when after. wanted tells the extensions that
// matter (those of names the target lacks).
func reserveLoneExtensions(ns *nameSearch, src string, names []fileName, wanted func(string) bool) {
	done := map[string]bool{}
	for i := 0; i < len(src); i++ {
		if src[i] != '.' || i > 0 && nameByte(src[i-1]) {
			continue
		}
		end := extensionAt(src, i+1)
		if end < 0 || !nameEnd(src, end) {
			continue
		}
		ext := src[i+1 : end]
		if done[ext] || !wanted(ext) {
			continue
		}
		done[ext] = true
		after := false
		for _, n := range names {
			if n.dot < i && asciiLower(src[n.dot+1:n.end]) == ext {
				after = true
			}
		}
		var lone [][2]int
		for _, d := range ns.dots(ext) {
			if d[0] == 0 || !nameByte(ns.s[d[0]-1]) {
				lone = append(lone, d)
			}
		}
		if len(lone) == 0 {
			continue
		}
		d := lone[0]
		if after {
			d = lone[len(lone)-1]
		}
		ns.take(d[0], d[1])
	}
}

// alnumRun is the run of ASCII letters and digits at s[i].
func alnumRun(s string, i int) string {
	j := i
	for j < len(s) && isASCIIWordByte(s[j]) {
		j++
	}
	return s[i:j]
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

// wideDotEnd returns the end of ext after s[:j] and a full-width or
// ideographic dot ("azcopy。exe", "items．csv"), or 0.
func wideDotEnd(s string, j int, ext string) int {
	for _, dot := range []string{"。", "．", "｡"} {
		if strings.HasPrefix(s[j:], dot) {
			k := j + len(dot)
			if strings.HasPrefix(s[k:], ext) && nameEnd(s, k+len(ext)) {
				return k + len(ext)
			}
		}
	}
	return 0
}

// cjkStops end the words before a translated file name in Chinese and
// Japanese, which run together: particles and the verbs a file name
// follows ("删除结果 .csv", delete Results.csv, has "结果 .csv").
const cjkStops = "是的在和或及与将从到为中了把被对让给由向以于而也都就这那个用除开建出入存载看行查の은는이가을를에でとがはをにへや"

// changedNameStart returns where the word before the dot at s[dot] starts
// (over one space): letters of any script, in CJK text at most four
// characters a word of the source's name after a particle or verb (a name
// of several words may hold 的: "未编制索引的项目 .csv" for Unindexed
// Items.csv). ok is false for a bare ".csv".
func changedNameStart(s, orig string, dot, words int) (int, bool) {
	a := dot
	if a > 0 && s[a-1] == ' ' {
		a--
	}
	n := 0
	for a > 0 && n < 4*words {
		r, w := utf8.DecodeLastRuneInString(s[:a])
		stop := strings.ContainsRune(cjkStops, r) && (words == 1 || r != '的')
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' || stop {
			break
		}
		if r >= utf8.RuneSelf && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			n++
		}
		a -= w
	}
	// A name of several words: the capitalized words before it too, after a
	// lower-case word ("formulaire Customer Form. docx" has "Customer Form.
	// docx" for Contoso Customer Form.docx; "Ouvrez Résultats.csv" has
	// "Résultats.csv").
	if words > 1 && n == 0 && a < dot && orig[a] >= 'A' && orig[a] <= 'Z' {
		a = titleWordsBefore(orig, a, 0)
	}
	return a, a < dot && strings.TrimSpace(s[a:dot]) != ""
}

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

// fileWant is a file name of the source the target lacks: as written, and
// its base and extension lower-cased.
type fileWant struct{ name, base, ext string }

// words is the most words a name of ws has.
func words(ws []fileWant) int {
	n := 1
	for _, w := range ws {
		n = max(n, strings.Count(w.base, " ")+1)
	}
	return n
}

// sameNames reports whether ws are all one name.
func sameNames(ws []fileWant) bool {
	for _, w := range ws[1:] {
		if asciiLower(w.name) != asciiLower(ws[0].name) {
			return false
		}
	}
	return true
}

func containsAny(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}
