// Package fix applies the byte-range edits that rules offer, and shows them
// as a unified diff. Without check --fix, l10nlint never writes.
package fix

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/l10nlint/l10nlint/internal/scratch"
	"github.com/l10nlint/l10nlint/rules"
)

// Apply returns text with the edits applied, and how many were not
// (ApplyEach).
func Apply(text string, edits []rules.Edit) (string, int) {
	out, outcomes := ApplyEach(text, edits)
	skipped := 0
	for _, o := range outcomes {
		if o != Applied {
			skipped++
		}
	}
	return out, skipped
}

// An Outcome is what ApplyEach did with an edit.
type Outcome uint8

const (
	// Applied: the edit is made.
	Applied Outcome = iota
	// Covered: the edit lies within an applied edit's range (or is the
	// same edit again), whose replacement took the text it would change:
	// "中文,  英文" has the comma's fix take the two spaces the
	// double-space fix would shorten. Nothing is left for a next run.
	Covered
	// Skipped: the edit overlaps an applied one partly, or its range is
	// not in the text. A next run finds its problem again.
	Skipped
)

// ApplyEach returns text with the edits applied, in order of position, and
// the outcome of each edit (in the order given). An edit overlapping an
// earlier one is not made, so that two rules fixing the same place cannot
// garble it.
func ApplyEach(text string, edits []rules.Edit) (string, []Outcome) {
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	// By position; an insertion before a replacement at the same place.
	sort.SliceStable(order, func(i, j int) bool {
		a, b := edits[order[i]].Range, edits[order[j]].Range
		return a.Start < b.Start || a.Start == b.Start && a.End < b.End
	})
	outcomes := make([]Outcome, len(edits))
	var b strings.Builder
	at := 0
	last := -1 // the last edit applied
	for _, k := range order {
		e := edits[k]
		switch {
		case e.Range.End > len(text) || e.Range.Start > e.Range.End:
			outcomes[k] = Skipped
		case last >= 0 && e == edits[last]:
			outcomes[k] = Covered
		case e.Range.Start < at:
			outcomes[k] = Skipped
			if l := edits[last].Range; e.Range.Start > l.Start && e.Range.End <= l.End {
				outcomes[k] = Covered
			}
		default:
			b.WriteString(text[at:e.Range.Start])
			b.WriteString(e.New)
			at, last = e.Range.End, k
		}
	}
	b.WriteString(text[at:])
	return b.String(), outcomes
}

// WriteFile replaces a file's content atomically: a temporary file in the
// same directory, renamed over the original, with the original's mode.
//
// A symbolic link is written through: the file it names gets the content,
// the link stays a link.
func WriteFile(path string, content []byte) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := scratch.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".l10nlint-*")
	if err != nil {
		return err
	}
	// After a successful rename there is nothing to remove (and an
	// interruption must not remove the fixed file under the name).
	defer func() { _ = scratch.Remove(tmp.Name()) }()
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return scratch.Rename(tmp.Name(), path)
}

// Diff writes a unified diff of old → new for path, with three lines of
// context, in git's form (git apply and patch -p1 take it).
func Diff(w io.Writer, path, old, new string) error {
	if old == new {
		return nil
	}
	a, b := splitLines(old), splitLines(new)
	// The changed region: common prefix and suffix lines are context.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	hunks := hunksOf(a[pre:len(a)-suf], b[pre:len(b)-suf], pre)
	// The diff --git line makes the names the repository top's for git
	// apply, as git diff's are (without it, git apply reads them from the
	// working directory).
	a0, b0 := diffName("a/", path), diffName("b/", path)
	// GNU patch reads a name up to white space unless a tab ends it, as
	// git diff writes it.
	end := ""
	if strings.ContainsRune(path, ' ') && !strings.HasPrefix(a0, `"`) {
		end = "\t"
	}
	if _, err := fmt.Fprintf(w, "diff --git %s %s\n--- %s%s\n+++ %s%s\n", a0, b0, a0, end, b0, end); err != nil {
		return err
	}
	for _, h := range mergeHunks(hunks, 3) {
		if err := h.write(w, a, b); err != nil {
			return err
		}
	}
	return nil
}

// diffName is prefix+path as git diff writes it: C-quoted when the path
// has a quote, a backslash or a control character (a tab, a newline),
// which git apply and patch read back; as is otherwise (UTF-8 too).
func diffName(prefix, path string) string {
	quote := false
	for i := 0; i < len(path); i++ {
		if c := path[i]; c == '"' || c == '\\' || c < 0x20 || c == 0x7f {
			quote = true
			break
		}
	}
	if !quote {
		return prefix + path
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range []byte(prefix + path) {
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, "\\%03o", c)
				continue
			}
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// change is a run of old lines [a0,a1) replaced by new lines [b0,b1).
type change struct{ a0, a1, b0, b1 int }

// hunksOf pairs the lines of the changed region one to one where both sides
// have a line (edits rarely add or remove lines) and reports runs of
// differing lines.
func hunksOf(a, b []string, off int) []change {
	var out []change
	n := max(len(a), len(b))
	for i := 0; i < n; {
		if i < len(a) && i < len(b) && a[i] == b[i] {
			i++
			continue
		}
		j := i
		for j < n && (j >= len(a) || j >= len(b) || a[j] != b[j]) {
			j++
		}
		out = append(out, change{a0: off + min(i, len(a)), a1: off + min(j, len(a)), b0: off + min(i, len(b)), b1: off + min(j, len(b))})
		i = j
	}
	return out
}

type hunk struct {
	changes []change
	ctx     int
}

func mergeHunks(cs []change, ctx int) []hunk {
	var out []hunk
	for _, c := range cs {
		if n := len(out); n > 0 {
			last := out[n-1].changes[len(out[n-1].changes)-1]
			if c.a0-last.a1 <= 2*ctx {
				out[n-1].changes = append(out[n-1].changes, c)
				continue
			}
		}
		out = append(out, hunk{changes: []change{c}, ctx: ctx})
	}
	return out
}

func (h hunk) write(w io.Writer, a, b []string) error {
	first, last := h.changes[0], h.changes[len(h.changes)-1]
	aStart := max(0, first.a0-h.ctx)
	aEnd := min(len(a), last.a1+h.ctx)
	bStart := first.b0 - (first.a0 - aStart)
	bEnd := last.b1 + (aEnd - last.a1)
	var sb strings.Builder
	fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", aStart+1, aEnd-aStart, bStart+1, bEnd-bStart)
	at := aStart
	for _, c := range h.changes {
		for ; at < c.a0; at++ {
			sb.WriteString(" " + noEOL(a[at]))
		}
		for i := c.a0; i < c.a1; i++ {
			sb.WriteString("-" + noEOL(a[i]))
		}
		for i := c.b0; i < c.b1; i++ {
			sb.WriteString("+" + noEOL(b[i]))
		}
		at = c.a1
	}
	for ; at < aEnd; at++ {
		sb.WriteString(" " + noEOL(a[at]))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func noEOL(l string) string {
	if strings.HasSuffix(l, "\n") {
		return l
	}
	return l + "\n\\ No newline at end of file\n"
}
