package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/l10nlint/l10nlint/internal/fix"
	"github.com/l10nlint/l10nlint/internal/gitdiff"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// applyFixes applies the edits the findings offer, file by file, or (diff)
// writes them as a unified diff to w and changes nothing. It returns the
// findings left: those without a fix, whose file could not be fixed, or
// with an edit left out for overlapping another partly.
func applyFixes(findings []report.Finding, diff bool, w, stderr io.Writer) ([]report.Finding, error) {
	byPath := map[string][]int{}
	var paths []string
	for i, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		if _, ok := byPath[f.Path]; !ok {
			paths = append(paths, f.Path)
		}
		byPath[f.Path] = append(byPath[f.Path], i)
	}
	sort.Strings(paths)
	fixed := map[int]bool{}
	files := 0
	tops := map[string]string{} // folder -> its git repository's top, "" for none
	for _, path := range paths {
		data, err := os.ReadFile(filepath.FromSlash(path))
		if err != nil {
			fmt.Fprintf(stderr, "l10nlint: cannot fix %s: %v\n", path, err)
			continue
		}
		text, enc, invalidAt, err := textfile.Decode(data)
		if err != nil || !textfile.Rewritable(enc, invalidAt) {
			why := enc
			if err == nil && invalidAt >= 0 {
				why = fmt.Sprintf("invalid UTF-8 byte 0x%02X at line %d", text[invalidAt], textfile.NewLines(text).Position(invalidAt).Line)
			}
			fmt.Fprintf(stderr, "l10nlint: not fixing %s: only UTF-8 files are rewritten (%s)\n", path, why)
			continue
		}
		var edits []rules.Edit
		for _, i := range byPath[path] {
			edits = append(edits, findings[i].Fixes...)
		}
		out, outcomes := fix.ApplyEach(text, edits)
		// A finding is fixed when each of its edits was made or lay
		// within one made; one with an edit skipped (an overlap) stays
		// reported, for a next run.
		done, skipped := map[int]bool{}, 0
		k := 0
		for _, i := range byPath[path] {
			done[i] = true
			for range findings[i].Fixes {
				if outcomes[k] == fix.Skipped {
					done[i] = false
					skipped++
				}
				k++
			}
		}
		if skipped > 0 {
			fmt.Fprintf(stderr, "l10nlint: %s: %s left for a next run\n", path, report.Plural(skipped, "overlapping edit"))
		}
		if diff {
			// The diff shows the bytes on disk, a byte order mark
			// included, so that patch and git apply take it.
			bom := ""
			if enc == "utf-8-bom" {
				bom = "\ufeff"
			}
			if err := fix.Diff(w, diffName(path, tops, stderr), bom+text, bom+out); err != nil {
				return findings, err
			}
		} else {
			content := []byte(out)
			if enc == "utf-8-bom" {
				content = append([]byte{0xEF, 0xBB, 0xBF}, content...)
			}
			if err := fix.WriteFile(filepath.FromSlash(path), content); err != nil {
				return findings, fmt.Errorf("writing %s: %w", path, err)
			}
		}
		files++
		for _, i := range byPath[path] {
			fixed[i] = done[i]
		}
	}
	var left []report.Finding
	for i, f := range findings {
		if !fixed[i] {
			left = append(left, f)
		}
	}
	if !diff && files > 0 {
		n := 0
		for _, ok := range fixed {
			if ok {
				n++
			}
		}
		fmt.Fprintf(stderr, "l10nlint: fixed %s in %s\n", report.Plural(n, "finding"), report.Plural(files, "file"))
	}
	return left, nil
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
