package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/internal/fix"
	"github.com/l10nlint/l10nlint/internal/gitdiff"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// maxFixPasses bounds check --fix: a fix that makes another finding with a
// fix, or two edits that overlap, is fixed in a next pass, and fixes that
// undo each other stop here (ESLint stops at 10 too).
const maxFixPasses = 10

// fixAll applies the fixes of res's findings. With diff, it prints them as
// a unified diff, changes nothing and returns res: edits left out for
// overlapping others are named for a next run. Otherwise it writes them,
// checks again (collect) and fixes again until no finding with a fix is
// left that it can write, at most maxFixPasses times, and returns the last
// check's result: the findings left point at the text as it now is.
//
// With once (a baseline or a git revision chose the findings: a finding
// is matched by its segment's text, which a fix changes, so a check of
// the fixed files would take findings the baseline holds for new ones),
// it fixes what the first check chose, in one pass, and returns the
// findings it did not fix, at their places before the fixes.
func fixAll(res *engine.Result, collect func() (*engine.Result, error), diff, once bool, w, stderr io.Writer) (*engine.Result, error) {
	fx := &fixer{diff: diff, once: once, w: w, stderr: stderr, tops: map[string]string{}, refused: map[string]bool{}, files: map[string]bool{}}
	if diff || once {
		_, left, err := fx.apply(res.Findings)
		if err != nil {
			return nil, &exitError{code: ExitInternal, err: err}
		}
		if once && !diff {
			res.Findings = left
			fx.summary()
		}
		return res, nil
	}
	for pass := 1; ; pass++ {
		wrote, _, err := fx.apply(res.Findings)
		if err != nil {
			return nil, &exitError{code: ExitInternal, err: err}
		}
		if !wrote {
			break // nothing it can write: res is as the files are
		}
		if res, err = collect(); err != nil {
			return nil, err
		}
		if pass == maxFixPasses {
			if n := fixable(res.Findings, fx.refused); n > 0 {
				fmt.Fprintf(stderr, "l10nlint: %s with a fix left after %d passes of --fix: fixes that undo each other?\n",
					report.Plural(n, "finding"), maxFixPasses)
			}
			break
		}
	}
	fx.summary()
	return res, nil
}

// summary says what the passes fixed.
func (fx *fixer) summary() {
	if len(fx.files) > 0 {
		passes := ""
		if fx.passes > 1 {
			passes = fmt.Sprintf(" (%d passes)", fx.passes)
		}
		fmt.Fprintf(fx.stderr, "l10nlint: fixed %s in %s%s\n", report.Plural(fx.fixed, "finding"), report.Plural(len(fx.files), "file"), passes)
	}
}

// fixable counts the findings with a fix in files --fix can rewrite.
func fixable(findings []report.Finding, refused map[string]bool) int {
	n := 0
	for _, f := range findings {
		if len(f.Fixes) > 0 && !refused[f.Path] {
			n++
		}
	}
	return n
}

// fixer applies fixes, pass after pass, keeping what the passes share.
type fixer struct {
	diff      bool
	once      bool // one pass: an edit left out waits for a next run
	w, stderr io.Writer
	tops      map[string]string // folder -> its git repository's top, "" for none
	refused   map[string]bool   // files not rewritten (not UTF-8, unreadable): said once
	files     map[string]bool   // files written
	fixed     int               // findings fixed, over all passes
	passes    int               // passes that wrote a file
}

// apply applies the edits the findings offer, file by file, or (diff)
// writes them as a unified diff and changes nothing, and reports whether
// it wrote a file. An edit that partly overlaps another is left out, with
// its finding, for a next pass.
func (fx *fixer) apply(findings []report.Finding) (bool, []report.Finding, error) {
	byPath := map[string][]int{}
	var paths []string
	for i, f := range findings {
		if len(f.Fixes) == 0 || fx.refused[f.Path] {
			continue
		}
		if _, ok := byPath[f.Path]; !ok {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], i)
	}
	sort.Strings(paths)
	wrote := false
	fixedAt := map[int]bool{} // findings fixed, by index
	for _, path := range paths {
		data, err := os.ReadFile(filepath.FromSlash(path))
		if err != nil {
			fmt.Fprintf(fx.stderr, "l10nlint: cannot fix %s: %v\n", path, err)
			fx.refused[path] = true
			continue
		}
		text, enc, invalidAt, err := textfile.Decode(data)
		if err != nil || !textfile.Rewritable(enc, invalidAt) {
			why := enc
			if err == nil && invalidAt >= 0 {
				why = fmt.Sprintf("invalid UTF-8 byte 0x%02X at line %d", text[invalidAt], textfile.NewLines(text).Position(invalidAt).Line)
			}
			fmt.Fprintf(fx.stderr, "l10nlint: not fixing %s: only UTF-8 files are rewritten (%s)\n", path, why)
			fx.refused[path] = true
			continue
		}
		var edits []rules.Edit
		for _, i := range byPath[path] {
			edits = append(edits, findings[i].Fixes...)
		}
		out, outcomes := fix.ApplyEach(text, edits)
		// A finding is fixed when each of its edits was made or lay
		// within one made; one with an edit skipped (an overlap) is left
		// for a next pass.
		var done []int
		skipped, k := 0, 0
		for _, i := range byPath[path] {
			ok := true
			for range findings[i].Fixes {
				if outcomes[k] == fix.Skipped {
					ok = false
					skipped++
				}
				k++
			}
			if ok {
				done = append(done, i)
			}
		}
		if skipped > 0 && (fx.diff || fx.once) {
			fmt.Fprintf(fx.stderr, "l10nlint: %s: %s left for a next run\n", path, report.Plural(skipped, "overlapping edit"))
		}
		if fx.diff {
			// The diff shows the bytes on disk, a byte order mark
			// included, so that patch and git apply take it.
			bom := ""
			if enc == "utf-8-bom" {
				bom = "\ufeff"
			}
			if err := fix.Diff(fx.w, diffName(path, fx.tops, fx.stderr), bom+text, bom+out); err != nil {
				return false, nil, err
			}
			continue
		}
		if out == text {
			continue // edits that change nothing: nothing to write
		}
		content := []byte(out)
		if enc == "utf-8-bom" {
			content = append([]byte{0xEF, 0xBB, 0xBF}, content...)
		}
		if err := fix.WriteFile(filepath.FromSlash(path), content); err != nil {
			return false, nil, fmt.Errorf("writing %s: %w", path, err)
		}
		wrote = true
		fx.files[path] = true
		fx.fixed += len(done)
		for _, i := range done {
			fixedAt[i] = true
		}
	}
	if wrote {
		fx.passes++
	}
	var left []report.Finding
	for i, f := range findings {
		if !fixedAt[i] {
			left = append(left, f)
		}
	}
	return wrote, left, nil
}

// diffName is the name --diff gives the file at path (as the findings name
// it; a link by the file it points to, which --fix writes): relative to the
// top of its git repository, as git diff names files (git apply and patch
// -p1 take such a diff at the top; git apply in a subdirectory skips the
// files outside it), else to the working directory. git apply and patch refuse a
// name with "..": one that cannot do without is kept, with a note. tops
// caches the repository of each folder.
func diffName(path string, tops map[string]string, stderr io.Writer) string {
	abs, err := filepath.Abs(filepath.FromSlash(path))
	if err != nil {
		return path
	}
	// The file --fix writes: a link's target (git gives the top with its
	// links resolved, and applies a patch to a file, not a link).
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	dir := filepath.Dir(abs)
	top, ok := tops[dir]
	if !ok {
		top, _ = gitdiff.Toplevel(context.Background(), dir)
		tops[dir] = top
	}
	below := func(root, p string) (string, bool) {
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", false
		}
		return filepath.ToSlash(rel), true
	}
	if top != "" {
		if rel, ok := below(top, filepath.Join(dir, filepath.Base(abs))); ok {
			return rel
		}
	}
	if cwd, err := os.Getwd(); err == nil {
		if rel, ok := below(cwd, abs); ok {
			return rel
		}
	}
	fmt.Fprintf(stderr, "l10nlint: note: the diff names %s with \"..\" (it is in no git repository and above the working directory): patch and git apply refuse such a name; run --fix --diff from a folder above it\n", path)
	return path
}
