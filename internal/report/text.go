package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/l10nlint/l10nlint/rules"
)

// maxShown is how many characters of a source, target or snippet the text
// format shows before shortening it around the flagged span.
const maxShown = 100

// WriteText writes one block per finding and a summary:
//
//	path:line:col: severity rule-id: message
//	  source: folded source text
//	  target: folded target text
//
// Segment findings show the segment's source and target, other findings a
// "snippet:" line with the flagged text. Columns count characters. The
// summary line counts findings per severity and is followed by a per-rule
// count table when there are findings.
func WriteText(w io.Writer, run *Run, opts Options) error {
	bw := bufio.NewWriter(w)
	p := newPalette(opts.Color)
	if opts.Quiet {
		for i := range run.Findings {
			writeTextHeader(bw, p, &run.Findings[i])
		}
		return bw.Flush()
	}
	// Contiguous runs of findings are rendered on every core, then written
	// in order.
	chunks := chunkRanges(len(run.Findings), 512)
	out := make([][]byte, len(chunks))
	var wg sync.WaitGroup
	for c, r := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			cw := bufio.NewWriter(&b)
			var folds foldCache
			for i := r[0]; i < r[1]; i++ {
				if i > 0 {
					cw.WriteString("\n")
				}
				writeTextFinding(cw, p, &run.Findings[i], &folds)
			}
			cw.Flush()
			out[c] = b.Bytes()
		}()
	}
	wg.Wait()
	for _, b := range out {
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	if len(run.Findings) > 0 {
		bw.WriteString("\n")
	}
	writeTextSummary(bw, p, run, opts.Fixed, opts.FixCommand)
	return bw.Flush()
}

// chunkRanges splits [0, n) into contiguous [start, end) ranges of at
// least about size elements, at most four per core (one goroutine each).
func chunkRanges(n, size int) [][2]int {
	k := max(1, min(runtime.GOMAXPROCS(0)*4, (n+size-1)/size))
	var out [][2]int
	for c := 0; c < k; c++ {
		out = append(out, [2]int{c * n / k, (c + 1) * n / k})
	}
	return out
}

// palette holds the colors of the text format; its zero value prints plain
// text. Colors are forced on or off per Color value so the output never
// depends on color.NoColor, which guesses from the process's own stdout.
type palette struct {
	bold, faint, err, warn, note *color.Color
}

func newPalette(on bool) palette {
	if !on {
		return palette{}
	}
	mk := func(a ...color.Attribute) *color.Color {
		c := color.New(a...)
		c.EnableColor()
		return c
	}
	return palette{
		bold:  mk(color.Bold),
		faint: mk(color.Faint),
		err:   mk(color.FgRed, color.Bold),
		warn:  mk(color.FgYellow, color.Bold),
		note:  mk(color.FgCyan, color.Bold),
	}
}

func paint(c *color.Color, s string) string {
	if c == nil || s == "" {
		return s
	}
	return c.Sprint(s)
}

func (p palette) severity(s rules.Severity) *color.Color {
	switch s {
	case rules.Error:
		return p.err
	case rules.Warning:
		return p.warn
	case rules.Note:
		return p.note
	}
	return nil
}

// writeTextHeader writes a finding's first line.
func writeTextHeader(w *bufio.Writer, p palette, f *Finding) {
	w.WriteString(paint(p.bold, clean(f.Path)))
	if f.Start.Line > 0 {
		fmt.Fprintf(w, ":%d:%d", f.Start.Line, f.Start.Col)
	}
	fmt.Fprintf(w, ": %s %s: %s\n", paint(p.severity(f.Severity), f.Severity.String()), f.Rule, fold(f.Message))
}

func writeTextFinding(w *bufio.Writer, p palette, f *Finding, folds *foldCache) {
	writeTextHeader(w, p, f)
	hl := p.severity(f.Severity)
	if f.onSegment() {
		var src, tgt *foldedText
		if folds != nil {
			src, tgt = folds.get(&folds.src, f.Source), folds.get(&folds.tgt, f.Target)
		} else {
			src, tgt = newFoldedText(f.Source), newFoldedText(f.Target)
		}
		span := folds.fold(f.Snippet)
		// The flagged text itself when the engine placed it in the target,
		// else its first occurrence.
		var a, b int
		var ok bool
		if f.InTarget && span != "" {
			a, b, ok = tgt.index(f.TargetOffset, true), tgt.index(f.TargetOffset+len(f.Snippet), false), true
			b = max(a, b) // a range that splits a character
		} else {
			a, b, ok = tgt.find(span)
		}
		sa, sb, sok := src.find(span)
		whole := ok && a == 0 && b == len(tgt.runes) && len(tgt.runes) > maxShown
		if !sok || whole {
			// A finding on the whole target ("Cloud App Security" must stay
			// as written: the target lacks it): show the source where it
			// has the term the message quotes, and the target around the
			// same place.
			if q := quotedTerm(f.Message); q != "" {
				if qa, qb, qok := src.find(folds.fold(q)); qok {
					sa, sb, sok = qa, qb, true
					if whole {
						ok = false
					}
				}
			}
		}
		// Where the span sits in one side guides the window on the other.
		at := -1.0
		if ok {
			at = float64(a) / float64(len(tgt.runes))
		} else if sok {
			at = float64(sa) / float64(len(src.runes))
		}
		writeTextLine(w, p, "source", excerptRunes(src.runes, sa, sb, sok, maxShown, at), hl, true)
		writeTextLine(w, p, "target", excerptRunes(tgt.runes, a, b, ok, maxShown, at), hl, true)
	} else if f.Snippet != "" {
		writeTextLine(w, p, "snippet", excerpt(fold(f.Snippet), "", maxShown, -1), hl, false)
	}
}

// writeTextLine writes "  label: text", the span painted with hl.
func writeTextLine(w *bufio.Writer, p palette, label string, shown excerptParts, hl *color.Color, showEmpty bool) {
	if shown.text() == "" {
		if !showEmpty {
			return
		}
		shown = excerptParts{mid: "(empty)"}
		hl = p.faint
	}
	w.WriteString("  " + paint(p.faint, label+":") + " ")
	w.WriteString(shown.before + paint(hl, shown.mid) + shown.after + "\n")
}

func writeTextSummary(w *bufio.Writer, p palette, run *Run, fixed bool, fixCommand string) {
	c := countSeverities(run.Findings)
	part := func(n int, word string, col *color.Color) string {
		s := Plural(n, word)
		if n == 0 {
			return s
		}
		return paint(col, s)
	}
	fmt.Fprintf(w, "%s, %s, %s in %s (%s)\n",
		part(c.errors, "error", p.err), part(c.warnings, "warning", p.warn), part(c.notes, "note", p.note),
		Plural(run.Files, "file"), Plural(run.Segments, "segment"))
	fixable := 0
	for _, f := range run.Findings {
		if len(f.Fixes) > 0 && !f.NotRewritten && !fixed {
			fixable++
		}
	}
	if fixCommand == "" {
		fixCommand = "l10nlint check --fix"
	}
	switch {
	case fixable == 1:
		fmt.Fprintf(w, "1 of them has a mechanical fix: %s applies it (with --diff, shows it and changes nothing)\n", fixCommand)
	case fixable > 1:
		fmt.Fprintf(w, "%d of them have mechanical fixes: %s applies them (with --diff, shows them and changes nothing)\n", fixable, fixCommand)
	}

	type row struct {
		rule     string
		n        int
		worst    rules.Severity
		byLocale map[string]int
	}
	var rows []*row
	byRule := map[string]*row{}
	locales := map[string]bool{}
	for _, f := range run.Findings {
		r := byRule[f.Rule]
		if r == nil {
			r = &row{rule: f.Rule, byLocale: map[string]int{}}
			byRule[f.Rule] = r
			rows = append(rows, r)
		}
		r.n++
		r.byLocale[f.Locale]++
		locales[f.Locale] = true
		r.worst = max(r.worst, f.Severity)
	}
	if len(rows) == 0 {
		return
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].n != rows[j].n {
			return rows[i].n > rows[j].n
		}
		return rows[i].rule < rows[j].rule
	})
	width := len(strconv.Itoa(rows[0].n))
	ruleWidth := 0
	for _, r := range rows {
		ruleWidth = max(ruleWidth, len(r.rule))
	}
	var locs []string
	for l := range locales {
		locs = append(locs, l)
	}
	sort.Strings(locs)
	w.WriteString("\n")
	for _, r := range rows {
		sev := fmt.Sprintf("%-7s", r.worst) // pad before painting: escapes have no width
		line := fmt.Sprintf("  %*d  %s  %s", width, r.n, paint(p.severity(r.worst), sev), r.rule)
		if len(locs) > 1 { // counts per locale when the run spans several
			line += strings.Repeat(" ", ruleWidth-len(r.rule))
			for _, l := range locs {
				name := l
				if name == "" {
					name = "?"
				}
				line += fmt.Sprintf("  %s %d", name, r.byLocale[l])
			}
		}
		w.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

type severityCounts struct{ errors, warnings, notes int }

func countSeverities(fs []Finding) severityCounts {
	var c severityCounts
	for _, f := range fs {
		switch f.Severity {
		case rules.Error:
			c.errors++
		case rules.Warning:
			c.warnings++
		case rules.Note:
			c.notes++
		}
	}
	return c
}

// Plural is n and word, with an s when n is not 1 ("1 file", "2 files").
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// fold collapses whitespace runs to one space, trims the ends and escapes
// control and bidi-override characters so a page cannot reflow or recolor
// the terminal.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		writeVisible(&b, r)
	}
	return b.String()
}

// clean escapes control characters without folding (for paths).
func clean(s string) string {
	var b strings.Builder
	for _, r := range s {
		writeVisible(&b, r)
	}
	return b.String()
}

func writeVisible(b *strings.Builder, r rune) {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		fmt.Fprintf(b, `\x%02x`, r)
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		// Invisible characters no script needs (corrupt-characters reports
		// them): shown, so that the excerpt shows what the finding is about.
		// Joiners and direction marks are how some scripts are written.
		r == 0x200b, r == 0x2028, r == 0x2029, r >= 0x2060 && r <= 0x2064, r == 0xfeff, r == 0x00ad, r == 0x180e,
		r >= 0xfff9 && r <= 0xfffb:
		fmt.Fprintf(b, `\u%04x`, r)
	default:
		b.WriteRune(r)
	}
}

// excerptParts is a shortened text split around the flagged span.
type excerptParts struct{ before, mid, after string }

func (e excerptParts) text() string { return e.before + e.mid + e.after }

// findSpan returns the rune interval of the first occurrence of span in s,
// or ok=false.
func findSpan(s, span string) (a, b int, ok bool) {
	i := strings.Index(s, span)
	if span == "" || i < 0 {
		return 0, 0, false
	}
	a = utf8.RuneCountInString(s[:i])
	return a, a + utf8.RuneCountInString(span), true
}

// excerpt shortens s to about width characters, keeping the first occurrence
// of span in view with context on both sides, and marks cuts with "…".
// When span does not occur in s, the window is centered at fraction at of s
// (where the span sits in the other side of the segment: translations
// mostly keep the order of things), or starts at 0 when at is negative.
func excerpt(s, span string, width int, at float64) excerptParts {
	a, b, ok := findSpan(s, span)
	return excerptRunes([]rune(s), a, b, ok, width, at)
}

// excerptRunes is excerpt with the span given: characters a to b of rs, when
// ok.
func excerptRunes(rs []rune, a, b int, ok bool, width int, at float64) excerptParts {
	if !ok && at > 0 {
		a = int(at * float64(len(rs)))
		b = a
	}
	lo, hi := 0, len(rs)
	if len(rs) > width {
		before := (width - (b - a)) / 2
		if before < 0 { // span longer than the window: show its start
			before = min(15, width/4)
		}
		if !ok && at <= 0 {
			before = 0
		}
		lo = max(a-before, 0)
		hi = lo + width
		if hi > len(rs) {
			lo, hi = len(rs)-width, len(rs)
		}
		// Cut at a space near the edges so words stay whole.
		snap := min(12, width/5)
		if lo > 0 {
			for i := lo; i < lo+snap && i < a; i++ {
				if rs[i] == ' ' {
					lo = i + 1
					break
				}
			}
		}
		if hi < len(rs) {
			for i := hi; i > hi-snap && i > b; i-- {
				if rs[i] == ' ' {
					hi = i
					break
				}
			}
		}
	}
	if !ok {
		a, b = lo, lo
	}
	clamp := func(x int) int { return min(max(x, lo), hi) }
	a, b = clamp(a), clamp(b)
	e := excerptParts{
		before: string(rs[lo:a]),
		mid:    string(rs[a:b]),
		after:  string(rs[b:hi]),
	}
	if lo > 0 {
		e.before = "…" + e.before
	}
	if hi < len(rs) {
		e.after += "…"
	}
	return e
}

// quotedTerm returns the first "quoted" text of a message: the term a
// finding is about.
func quotedTerm(msg string) string {
	i := strings.IndexByte(msg, '"')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(msg[i+1:], '"')
	if j <= 0 {
		return ""
	}
	return msg[i+1 : i+1+j]
}
