package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// StructureMismatch compares the block structure of a monolingual
// translation with its source page's.
var StructureMismatch = Register(&Rule{
	ID:       "structure-mismatch",
	Aliases:  []string{"structure", "block-mismatch"},
	Tags:     []string{"corpus", "structure"},
	Severity: Error,
	Short:    "A monolingual translation's headings, lists, tables, code blocks, callouts, images or links do not line up with its source page's",
	Doc: `Compares a monolingual translated page (plain Markdown, not side-by-side) with its source page
(the same page in the source tree, also monolingual), element by element:

  heading    its level
  list-item  its depth (1 for a top-level item); each paragraph of an item counts as one
  table      its rows (header included, delimiter row not) and columns
  code       fenced and indented code blocks: the info string, identical, and the content with
             the comments removed, since comments may be translated; indentation, runs of white
             space and lines left empty do not count
  callout    the type of a > [!NOTE], [!TIP], [!WARNING]... block quote
  image      its destination (Markdown images and HTML <img src>)
  link       its destination (inline links, autolinks and HTML <a href>; the link text is
             translated)

Comments are, outside quotes: the rest of a line from #, // (at its start or after a blank),
<!-- --> and PowerShell's <# #> (which may span lines); whole lines starting with ' or -- and a
blank, REM or @REM; and, in SQL (sql, tsql, t-sql, mysql, plsql, postgresql, psql), Lua and
Haskell blocks, a trailing -- and a blank.

Destinations are compared after locale normalization, as in link-mismatch: /en-us/ may become the
page's /fr-fr/, locale query parameters may change value, scheme and host case do not count.

Paragraphs, plain block quotes (and a callout's second paragraph) and HTML blocks are not compared:
translators legitimately split and merge sentences and paragraphs. The links and images inside
them are, in document order.

Alignment: each element has a signature, its kind and what is compared; a heading's, list item's,
table's or callout's also holds the destinations of the links and images in it, so that they line
up with it (a table of contents entry is known by its link). The two sequences are aligned by
dynamic programming, like a longest common subsequence, that maximizes first the pairs of equal
elements and then, among those alignments, the pairs of elements of the same kind: these are
the changed elements (a heading whose level differs, a table that lost a column, a code line that
changed). What is left is missing from or added by the translation. A link or image that only
moved among its neighbours (between the same two matching headings, list items, tables, code
blocks or callouts: languages order words differently) is not reported; one missing or added with
its heading or list item is named in that element's finding.

Findings, on the translated page, the first divergence's also saying how many differences
there are in all (one finding per difference, not a second one for the first):

  - a changed element, at the element (for code, at the first line that differs), naming the
    source's line and both versions;
  - a missing element, at the block of the translation where it would be (as far after the block
    of the previous matching element as in the source), naming the source's line;
  - an added element, at the element, naming the source lines between which nothing matches it.

Side-by-side (bilingual) pages are never checked: segment-level rules compare their structure.
Where the elements are identical (a list with one more item), the last of a run is taken as the
added one.

Options:
  kinds              elements compared (heading, list-item, table, code, callout, image, link)
  ignore-fragments   compare destinations without their #fragment (default true: translated
                     headings have translated anchors; broken-link checks that anchors resolve)
  translatable-code  info strings of code blocks whose content may be translated (sample text):
                     only their presence and info string are compared (default text, txt,
                     plaintext, markdown, md)
  max-findings       findings per page, 0 for no limit (default 20)`,
	Options: []Option{
		{Name: "kinds", Default: []string{"heading", "list-item", "table", "code", "callout", "image", "link"},
			Doc: "elements compared (heading, list-item, table, code, callout, image, link)"},
		{Name: "ignore-fragments", Default: true, Doc: "compare destinations without their #fragment"},
		{Name: "translatable-code", Default: []string{"text", "txt", "plaintext", "markdown", "md"},
			Doc: "info strings of code blocks whose content may be translated"},
		{Name: "max-findings", Default: 20, Doc: "findings per page, 0 for no limit"},
	},
	RunCorpus: runStructureMismatch,
})

// structElem is one compared element of a page.
type structElem struct {
	kind  string // heading, list-item, table, code, callout, image, link
	level int    // heading level, list item depth
	info  string // code info string, callout type
	// lines are a code block's lines that count (comments removed); free
	// is set when its content may be translated.
	lines      []codeLine
	free       bool
	rows, cols int
	dest       string // image or link destination as written
	loc        Loc
	block      int // index of the block in PageFacts.Blocks
	fine       string
	coarse     string
}

// inline tells links and images, which sit inside blocks, from blocks.
func (e structElem) inline() bool { return e.kind == "link" || e.kind == "image" }

// codeLine is a line of a code block that counts.
type codeLine struct {
	n    int    // 1-based line number in the block
	key  string // the line without comments, white space folded
	text string // the line as written, trimmed
	off  int    // byte offset of text in the block
	lead int    // bytes (blanks) before text on its line in the block
}

// structOp is one step of the alignment: a pair (s and t set), a missing
// source element (t = -1) or an added target element (s = -1).
type structOp struct {
	s, t    int
	changed bool
}

func runStructureMismatch(p *CorpusPass) {
	pg := p.Page
	if pg.Source || pg.Bilingual || pg.Unread {
		return
	}
	src := Comparable(p.Corpus.SourceOf(pg))
	if src == nil || src.Bilingual {
		return
	}
	cfg := structConfig{kinds: map[string]bool{}, free: map[string]bool{}, noFrag: p.Bool("ignore-fragments")}
	for _, k := range p.Strings("kinds") {
		cfg.kinds[k] = true
	}
	for _, k := range p.Strings("translatable-code") {
		cfg.free[strings.ToLower(k)] = true
	}
	se, te := structElems(src, cfg), structElems(pg, cfg)
	ops := alignStructure(se, te)
	for k, op := range ops {
		if op.changed {
			ops[k].changed = differs(se[op.s], te[op.t])
		}
	}
	r := structReporter{p: p, src: src, se: se, te: te, ops: ops}
	r.report(p.Int("max-findings"))
}

type structConfig struct {
	kinds, free map[string]bool
	noFrag      bool
}

// structElems lists a page's compared elements in document order.
func structElems(pg *PageFacts, cfg structConfig) []structElem {
	var out []structElem
	for i, b := range pg.Blocks {
		e := structElem{block: i, loc: pg.Resolve(b.Loc), level: b.Level}
		switch b.Kind {
		case "heading":
			e.kind = "heading"
			e.fine, e.coarse = fmt.Sprintf("h%d", b.Level), "h"
		case "list-item":
			if !b.ItemStart {
				continue // a further paragraph of an item: translators merge and split them
			}
			e.kind = "list-item"
			e.fine, e.coarse = fmt.Sprintf("li%d", b.Level), "li"
		case "table":
			e.kind, e.rows, e.cols = "table", b.Rows, b.Cols
			e.fine, e.coarse = fmt.Sprintf("t%dx%d", b.Rows, b.Cols), "t"
		case "code":
			e.kind, e.info = "code", b.Info
			e.free = cfg.free[strings.ToLower(b.Info)]
			e.lines = codeLines(b.Code, b.Info)
			var k strings.Builder
			k.WriteString("c\x00" + b.Info + "\x00")
			if !e.free {
				for _, l := range e.lines {
					k.WriteString(l.key)
					k.WriteByte('\n')
				}
			}
			e.fine, e.coarse = k.String(), "c"
		case "blockquote":
			if b.Info == "" {
				continue // a quote's prose, or a callout's second paragraph
			}
			e.kind, e.info = "callout", b.Info
			e.fine, e.coarse = "q\x00"+calloutKey(b.Info), "q"
		default:
			continue
		}
		if cfg.kinds[e.kind] {
			out = append(out, e)
		}
	}
	for _, l := range pg.Links {
		kind, tag := "link", "a"
		switch l.Kind {
		case ReferenceLink:
			continue
		case ImageLink:
			kind, tag = "image", "i"
		}
		if !cfg.kinds[kind] {
			continue
		}
		out = append(out, structElem{kind: kind, dest: l.Dest, loc: pg.Resolve(l.Loc), block: blockAt(pg.Blocks, l.Loc.Range.Start),
			fine: tag + "\x00" + NormalizeURL(l.Dest, cfg.noFrag), coarse: tag})
	}
	// A block's signature also holds the destinations of the links and
	// images in it (sorted: their order may change with the language), so
	// that the alignment keeps them with their block: "# [Title](index.md)"
	// is not "# Get started", nor a TOC entry another. A block that differs
	// only by them is not reported itself (see differs): they are.
	inside := map[int][]string{}
	for _, e := range out {
		if e.inline() {
			inside[e.block] = append(inside[e.block], e.fine)
		}
	}
	for i := range out {
		if in := inside[out[i].block]; !out[i].inline() && len(in) > 0 {
			sort.Strings(in)
			out[i].fine += "\x00" + strings.Join(in, "\x00")
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].loc.Range.Start < out[j].loc.Range.Start })
	return out
}

// calloutKey is what must stay equal in a callout's type: the type, and a
// destination after it ([!VIDEO https://...]) up to its locale.
func calloutKey(info string) string {
	typ, rest, _ := strings.Cut(info, " ")
	if rest = strings.TrimSpace(rest); rest != "" {
		return typ + " " + NormalizeURL(strings.ToLower(rest), false)
	}
	return typ
}

// differs reports whether two elements of the same kind differ in what
// the rule reports (not in the links they hold, which are elements too).
func differs(s, t structElem) bool {
	switch s.kind {
	case "heading", "list-item":
		return s.level != t.level
	case "table":
		return s.rows != t.rows || s.cols != t.cols
	case "callout":
		return calloutKey(s.info) != calloutKey(t.info)
	case "code":
		if s.info != t.info {
			return true
		}
		if s.free || t.free {
			return false
		}
		if len(s.lines) != len(t.lines) {
			return true
		}
		for k := range s.lines {
			if s.lines[k].key != t.lines[k].key {
				return true
			}
		}
		return false
	}
	return s.fine != t.fine // links and images: the normalized destination
}

// blockAt returns the index of the block that holds offset at (the one
// before it when none does).
func blockAt(blocks []BlockFact, at int) int {
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].Loc.Range.Start > at })
	return max(i-1, 0)
}

// codeLines returns the lines of a code block that count: comments removed,
// white space folded, empty lines left out.
func codeLines(code, info string) []codeLine {
	sqlish := map[string]bool{"sql": true, "tsql": true, "t-sql": true, "mysql": true, "plsql": true,
		"postgresql": true, "psql": true, "lua": true, "haskell": true}[strings.ToLower(info)]
	var out []codeLine
	open := ""
	off := 0
	for n, line := range strings.Split(code, "\n") {
		start := off
		off += len(line) + 1
		line = strings.TrimRight(line, "\r")
		key := strings.Join(strings.Fields(stripCodeComment(line, &open, sqlish)), " ")
		if key == "" {
			continue
		}
		trimmed := strings.TrimSpace(line)
		lead := len(line) - len(strings.TrimLeft(line, " \t"))
		out = append(out, codeLine{n: n + 1, key: key, text: trimmed, off: start + lead, lead: lead})
	}
	return out
}

// stripCodeComment removes the comments of one line of code. open carries
// a block comment across lines: the end marker awaited ("-->", "#>").
func stripCodeComment(line string, open *string, sqlish bool) string {
	if *open == "" {
		t := strings.TrimSpace(line)
		lower := strings.ToLower(t)
		if t == "'" || strings.HasPrefix(t, "' ") || lower == "rem" || strings.HasPrefix(lower, "rem ") ||
			lower == "@rem" || strings.HasPrefix(lower, "@rem ") || t == "--" || strings.HasPrefix(t, "-- ") {
			return ""
		}
	}
	var b strings.Builder
	var quote byte
	for i := 0; i < len(line); {
		if *open != "" {
			k := strings.Index(line[i:], *open)
			if k < 0 {
				break
			}
			i += k + len(*open)
			*open = ""
			b.WriteByte(' ')
			continue
		}
		c := line[i]
		if quote != 0 {
			if c == '\\' && quote == '"' && i+1 < len(line) {
				b.WriteString(line[i : i+2])
				i += 2
				continue
			}
			if c == quote {
				quote = 0
			}
			b.WriteByte(c)
			i++
			continue
		}
		rest := line[i:]
		word := i == 0 || line[i-1] == ' ' || line[i-1] == '\t'
		switch {
		case strings.HasPrefix(rest, "<!--"):
			*open = "-->"
			i += 4
			continue
		case strings.HasPrefix(rest, "<#"):
			*open = "#>"
			i += 2
			continue
		case word && (c == '#' || strings.HasPrefix(rest, "//")),
			word && sqlish && (rest == "--" || strings.HasPrefix(rest, "-- ")):
			return b.String()
		case c == '"' || c == '\'':
			quote = c
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// alignStructure aligns the elements of the source page (s) and of the
// translation (t) and returns the steps in document order. Links and images
// that only moved among their neighbours are left out.
func alignStructure(s, t []structElem) []structOp {
	ks, kt := structKeys(s, t)
	// First, the plain LCS of the full signatures tells which links and
	// images only moved: unmatched, with an equal unmatched one between the
	// same two matching block elements.
	moved := func() (ms, mt []bool) {
		ms, mt = make([]bool, len(s)), make([]bool, len(t))
		pair, equal := alignPairs(ks.fine, kt.fine)
		sm, tm := make([]bool, len(s)), make([]bool, len(t))
		for i := range s {
			if equal[i] {
				sm[i], tm[pair[i]] = true, true
			}
		}
		hood := func(es []structElem, m []bool) []int {
			out := make([]int, len(es))
			n := 0
			for i, e := range es {
				out[i] = n
				if m[i] && !e.inline() {
					n++
				}
			}
			return out
		}
		sh, th := hood(s, sm), hood(t, tm)
		for i, e := range s {
			if sm[i] || !e.inline() {
				continue
			}
			for j := range t {
				if !tm[j] && !mt[j] && th[j] == sh[i] && kt.fine[j] == ks.fine[i] {
					ms[i], mt[j] = true, true
					break
				}
			}
		}
		return ms, mt
	}
	ms, mt := moved()
	var si, ti []int
	for i := range s {
		if !ms[i] {
			si = append(si, i)
		}
	}
	for j := range t {
		if !mt[j] {
			ti = append(ti, j)
		}
	}
	return alignWeighted(si, ti, ks, kt)
}

// structKeys are the signatures of two element sequences as small
// integers, so that the alignment compares numbers.
type structKey struct{ fine, coarse []string }

func structKeys(s, t []structElem) (structKey, structKey) {
	keys := func(es []structElem) structKey {
		k := structKey{fine: make([]string, len(es)), coarse: make([]string, len(es))}
		for i, e := range es {
			k.fine[i], k.coarse[i] = e.fine, e.coarse
		}
		return k
	}
	return keys(s), keys(t)
}

// alignWeighted aligns the source elements si with the target elements ti
// (indices into the keys): it maximizes the equal pairs first and, among the
// alignments with the most, the pairs of the same kind (changed elements).
// Very long pages fall back to an LCS of the full signatures with the kinds
// aligned in each gap.
func alignWeighted(si, ti []int, ks, kt structKey) []structOp {
	n, m := len(si), len(ti)
	ids := map[string]int32{}
	id := func(k string) int32 {
		v, ok := ids[k]
		if !ok {
			v = int32(len(ids))
			ids[k] = v
		}
		return v
	}
	sf, sc, tf, tc := make([]int32, n), make([]int32, n), make([]int32, m), make([]int32, m)
	for a, i := range si {
		sf[a], sc[a] = id(ks.fine[i]), id("\x01"+ks.coarse[i])
	}
	for b, j := range ti {
		tf[b], tc[b] = id(kt.fine[j]), id("\x01"+kt.coarse[j])
	}
	return alignWeightedIDs(si, ti, sf, sc, tf, tc, ks, kt)
}

// alignWeightedIDs is alignWeighted on the signatures as numbers: sf and sc
// the fine and coarse ones of si, tf and tc those of ti.
func alignWeightedIDs(si, ti []int, sf, sc, tf, tc []int32, ks, kt structKey) []structOp {
	n, m := len(si), len(ti)
	var ops []structOp
	if k := int64(min(n, m) + 1); k*k >= -offGrid {
		// Scores this high would overflow the grid's int32 cells.
		return alignTwoLevel(si, ti, ks, kt)
	}
	w := int32(min(n, m) + 1) // an equal pair outweighs any number of changed ones
	score := func(a, b int) int32 {
		switch {
		case sf[a] == tf[b]:
			return w
		case sc[a] == tc[b]:
			return 1
		}
		return 0
	}
	tbl, ok := bestAlignment(n, m, w, func(a, b int) int32 { return score(a, b) }, 4_000_000)
	if !ok {
		return alignTwoLevel(si, ti, ks, kt)
	}
	a, b := 0, 0
	for a < n || b < m {
		switch {
		case a < n && b < m && score(a, b) > 0 && tbl.get(a, b) == tbl.get(a+1, b+1)+score(a, b):
			ops = append(ops, structOp{s: si[a], t: ti[b], changed: score(a, b) < w})
			a++
			b++
		case a < n && (b == m || tbl.get(a, b) == tbl.get(a+1, b)):
			ops = append(ops, structOp{s: si[a], t: -1})
			a++
		default:
			ops = append(ops, structOp{s: -1, t: ti[b]})
			b++
		}
	}
	return ops
}

// alignTwoLevel is the linear-memory fallback of alignWeighted: equal
// signatures first (alignPairs), then the kinds in each gap.
func alignTwoLevel(si, ti []int, ks, kt structKey) []structOp {
	pick := func(idx []int, keys []string) []string {
		out := make([]string, len(idx))
		for k, i := range idx {
			out[k] = keys[i]
		}
		return out
	}
	var ops []structOp
	gap := func(gs, gt []int) {
		cp, ce := alignPairs(pick(gs, ks.coarse), pick(gt, kt.coarse))
		to := make([]int, len(gt))
		for k := range to {
			to[k] = -1
		}
		for k := range gs {
			if ce[k] {
				to[cp[k]] = k
			}
		}
		a, b := 0, 0
		for a < len(gs) || b < len(gt) {
			switch {
			case a < len(gs) && !ce[a]:
				ops = append(ops, structOp{s: gs[a], t: -1})
				a++
			case b < len(gt) && to[b] < 0:
				ops = append(ops, structOp{s: -1, t: gt[b]})
				b++
			default:
				ops = append(ops, structOp{s: gs[a], t: gt[b], changed: true})
				a++
				b++
			}
		}
	}
	pair, equal := alignPairs(pick(si, ks.fine), pick(ti, kt.fine))
	a, b := 0, 0
	for k := range si {
		if !equal[k] {
			continue
		}
		gap(si[a:k], ti[b:pair[k]])
		ops = append(ops, structOp{s: si[k], t: ti[pair[k]]})
		a, b = k+1, pair[k]+1
	}
	gap(si[a:], ti[b:])
	return ops
}

type structReporter struct {
	p      *CorpusPass
	src    *PageFacts
	se, te []structElem
	ops    []structOp
	with   map[int][]string // op → the links and images going with it
	note   string           // appended to the next finding: the first divergence's
}

func (r *structReporter) report(limit int) {
	// A link or image missing with its heading, list item, table or
	// callout goes with it: one finding, which names it.
	skip := make([]bool, len(r.ops))
	with := map[int][]string{}
	lost, added := map[int]int{}, map[int]int{} // block → op of a missing / added block element
	for k, op := range r.ops {
		switch {
		case op.t < 0 && !r.se[op.s].inline():
			lost[r.se[op.s].block] = k
		case op.s < 0 && !r.te[op.t].inline():
			added[r.te[op.t].block] = k
		}
	}
	for k, op := range r.ops {
		var b int
		ok := false
		switch {
		case op.t < 0 && r.se[op.s].inline():
			b, ok = lost[r.se[op.s].block]
		case op.s < 0 && r.te[op.t].inline():
			b, ok = added[r.te[op.t].block]
		}
		if ok {
			skip[k] = true
			if op.t < 0 {
				with[b] = append(with[b], describeElem(r.se[op.s]))
			} else {
				with[b] = append(with[b], describeElem(r.te[op.t]))
			}
		}
	}
	r.with = with
	diffs, first := 0, -1
	for k, op := range r.ops {
		if skip[k] || op.s >= 0 && op.t >= 0 && !op.changed {
			continue
		}
		diffs++
		if first < 0 {
			first = k
		}
	}
	if diffs == 0 {
		return
	}
	n := 0
	for k, op := range r.ops {
		if skip[k] || op.s >= 0 && op.t >= 0 && !op.changed {
			continue
		}
		if n++; limit > 0 && n > limit {
			break
		}
		if k == first {
			// The first divergence says how far the pages differ.
			r.note = fmt.Sprintf(" (the first of %d differences from the source page)", diffs)
			if diffs == 1 {
				r.note = " (the one difference from the source page)"
			}
		}
		switch {
		case op.t < 0:
			e := r.se[op.s]
			r.reportAt(r.place(k), "%s missing%s: the source has it at %s:%d", describeElem(e), r.withText(k), r.src.Path, e.loc.Start.Line)
		case op.s < 0:
			r.reportAt(r.te[op.t].loc, "%s not in the source%s: nothing %s of %s matches it", describeElem(r.te[op.t]),
				r.withText(k), r.between(k), r.src.Path)
		default:
			r.changed(r.se[op.s], r.te[op.t])
		}
	}
}

// withText names the links and images that go with a missing or added
// block.
func (r *structReporter) withText(k int) string {
	if len(r.with[k]) == 0 {
		return ""
	}
	return ", with its " + strings.Join(r.with[k], " and ")
}

// reportAt reports a finding, with the note of the first divergence when
// it is that one.
func (r *structReporter) reportAt(at Loc, format string, args ...any) {
	r.p.ReportAt(at, "%s%s", fmt.Sprintf(format, args...), r.note)
	r.note = ""
}

// place is where a missing source element would be on the translation:
// the block as far after the block of the previous pair as the element is
// after it in the source, but not past the next pair's.
func (r *structReporter) place(k int) Loc {
	blocks := r.p.Page.Blocks
	if len(blocks) == 0 {
		return r.p.Page.Top
	}
	sb := r.se[r.ops[k].s].block
	prev, next := -1, -1
	for i := k - 1; i >= 0; i-- {
		if r.ops[i].s >= 0 && r.ops[i].t >= 0 {
			prev = i
			break
		}
	}
	for i := k + 1; i < len(r.ops); i++ {
		if r.ops[i].s >= 0 && r.ops[i].t >= 0 {
			next = i
			break
		}
	}
	var tb int
	switch {
	case prev >= 0:
		ps, pt := r.se[r.ops[prev].s].block, r.te[r.ops[prev].t].block
		tb = pt + max(sb-ps, 0)
		if next >= 0 {
			tb = min(tb, r.te[r.ops[next].t].block)
		}
	case next >= 0:
		ns, nt := r.se[r.ops[next].s].block, r.te[r.ops[next].t].block
		tb = max(nt-max(ns-sb, 0), 0)
	default:
		tb = sb
	}
	b := blocks[min(tb, len(blocks)-1)]
	if b.Fence > 0 {
		// Before a fenced block: at its fence, not inside its code.
		return r.p.Page.Loc(Range{Start: b.Fence - 1, End: b.Fence + 2})
	}
	return b.Loc
}

// between names the source lines around an added element: those of the
// source elements before and after it in the alignment.
func (r *structReporter) between(k int) string {
	before, after := 0, 0
	for i := k - 1; i >= 0; i-- {
		if s := r.ops[i].s; s >= 0 {
			before = r.se[s].loc.Start.Line
			break
		}
	}
	for i := k + 1; i < len(r.ops); i++ {
		if s := r.ops[i].s; s >= 0 {
			after = r.se[s].loc.Start.Line
			break
		}
	}
	switch {
	case before > 0 && after > 0:
		return fmt.Sprintf("between lines %d and %d", before, after)
	case before > 0:
		return fmt.Sprintf("after line %d", before)
	case after > 0:
		return fmt.Sprintf("before line %d", after)
	}
	return "in the body"
}

// changed reports a pair of elements of the same kind that differ.
func (r *structReporter) changed(s, t structElem) {
	where := fmt.Sprintf("%s:%d", r.src.Path, s.loc.Start.Line)
	switch s.kind {
	case "heading":
		r.reportAt(t.loc, "level-%d heading where the source has a level-%d heading (%s)", t.level, s.level, where)
	case "list-item":
		r.reportAt(t.loc, "list item at depth %d where the source's (%s) is at depth %d", t.level, where, s.level)
	case "table":
		var d []string
		if s.rows != t.rows {
			d = append(d, fmt.Sprintf("%d %s here, %d in the source", t.rows, plural(t.rows, "row", "rows"), s.rows))
		}
		if s.cols != t.cols {
			d = append(d, fmt.Sprintf("%d %s here, %d in the source", t.cols, plural(t.cols, "column", "columns"), s.cols))
		}
		r.reportAt(t.loc, "table differs from the source's (%s): %s", where, strings.Join(d, "; "))
	case "callout":
		r.reportAt(t.loc, "callout type differs from the source's (%s): [!%s] here, [!%s] in the source", where, t.info, s.info)
	case "image", "link":
		r.reportAt(t.loc, "%s destination differs from the source's (%s): %q in the source, %q here", s.kind, where, s.dest, t.dest)
	case "code":
		var d []string
		at := t.loc
		if s.info != t.info {
			d = append(d, fmt.Sprintf("info string %q here, %q in the source", t.info, s.info))
		}
		if !s.free && !t.free {
			if msg, line := codeDiff(s.lines, t.lines); msg != "" {
				d = append(d, msg)
				if line >= 0 {
					at = codeLineLoc(t, t.lines[line])
				}
			}
		}
		r.reportAt(at, "code block differs from the source's (%s): %s", where, strings.Join(d, "; "))
	}
}

// codeDiff describes the first line that differs between two code blocks
// and returns the index of the target line to point at (-1 for none).
func codeDiff(s, t []codeLine) (string, int) {
	for k := 0; k < len(s) || k < len(t); k++ {
		switch {
		case k >= len(t):
			return fmt.Sprintf("line %d of the source, %q, is missing here", s[k].n, s[k].key), -1
		case k >= len(s):
			return fmt.Sprintf("line %d, %q, is not in the source", t[k].n, t[k].key), k
		case s[k].key == t[k].key:
			continue
		case s[k].n == t[k].n:
			return fmt.Sprintf("line %d reads %q in the source, %q here", s[k].n, s[k].key, t[k].key), k
		default:
			return fmt.Sprintf("line %d of the source reads %q, line %d here %q", s[k].n, s[k].key, t[k].n, t[k].key), k
		}
	}
	return "", -1
}

// codeLineLoc locates a line of a code block on the page: the code starts
// at e.loc, each following line at column 1.
func codeLineLoc(e structElem, l codeLine) Loc {
	start := e.loc.Range.Start + l.off
	line, col, col16 := e.loc.Start.Line+l.n-1, 1+l.lead, 1+l.lead
	if l.n == 1 {
		col, col16 = e.loc.Start.Col+l.lead, e.loc.Start.ColUTF16+l.lead
	}
	return Loc{Range: Range{Start: start, End: start + len(l.text)},
		Start: Position{Line: line, Col: col, ColUTF16: col16},
		End: Position{Line: line, Col: col + utf8.RuneCountInString(l.text),
			ColUTF16: col16 + len(utf16.Encode([]rune(l.text)))}}
}

// describeElem names an element without an article.
func describeElem(e structElem) string {
	switch e.kind {
	case "heading":
		return fmt.Sprintf("level-%d heading", e.level)
	case "list-item":
		return fmt.Sprintf("list item at depth %d", e.level)
	case "table":
		return fmt.Sprintf("table (%d rows, %d columns)", e.rows, e.cols)
	case "code":
		if e.info != "" {
			return e.info + " code block"
		}
		return "code block"
	case "callout":
		return "[!" + e.info + "] callout"
	case "image":
		return fmt.Sprintf("image %q", e.dest)
	case "link":
		return fmt.Sprintf("link to %q", e.dest)
	}
	return e.kind
}
