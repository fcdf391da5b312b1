// Package gitdiff finds the lines changed since a git revision, so a check
// can report only the findings on lines a change touched (check
// --new-from-rev), as golangci-lint's new-from-rev does: a pull request is
// judged on what it changes, not on the page's history.
package gitdiff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/scratch"
)

// LineRange is the half-open run of lines [Start, End) of a file in the
// working tree (1-based, as report positions). An empty range (Start ==
// End) is a deletion point: lines were removed just before line Start; it
// touches only findings that span it.
type LineRange struct {
	Start, End int
}

// Whole is the range of a file that changed as a whole: new and untracked
// files, and binary ones (UTF-16 pages are binary to git) whose lines git
// cannot tell.
var Whole = LineRange{Start: 1, End: math.MaxInt}

// ErrNoGit is returned (wrapped) when git is not on PATH.
var ErrNoGit = errors.New("git not found")

// ChangedLines returns the lines of the working tree that differ from rev
// (git diff REV: committed, staged and unstaged changes) plus the untracked,
// not ignored files as wholly changed, under paths (files or directories,
// relative to repoDir, taken literally; none for the whole repository).
//
// Keys are absolute, OS-separated paths built from repoDir as given (not
// symlink-resolved), so the caller matches findings with filepath.Abs of
// their path (Filter does). Deleted files have no key; a renamed file is
// keyed by its new name and, if only renamed, has no changed lines.
func ChangedLines(ctx context.Context, repoDir, rev string, paths []string) (map[string][]LineRange, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("gitdiff: invalid revision %q", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("gitdiff: %w (needed to compare with a revision)", ErrNoGit)
	}
	absDir, err := filepath.Abs(repoDir)
	if err != nil {
		return nil, fmt.Errorf("gitdiff: %w", err)
	}
	cdup, err := git(ctx, absDir, "rev-parse", "--show-cdup")
	if err != nil {
		return nil, err
	}
	root := filepath.Join(absDir, filepath.FromSlash(strings.TrimSpace(string(cdup))))
	// Options a user's git configuration could otherwise change: prefixes,
	// renames, relative paths, context, external diff and textconv drivers.
	common := []string{"--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "--find-renames"}
	patch, err := git(ctx, absDir, append(append([]string{"diff", "--unified=0", "--inter-hunk-context=0",
		"--src-prefix=a/", "--dst-prefix=b/"}, common...), withPaths(rev, paths)...)...)
	if err != nil {
		return nil, err
	}
	changed, err := parsePatch(patch)
	if err != nil {
		return nil, err
	}
	numstat, err := git(ctx, absDir, append(append([]string{"diff", "--numstat", "-z"}, common...), withPaths(rev, paths)...)...)
	if err != nil {
		return nil, err
	}
	for _, name := range binaries(numstat) {
		changed[name] = []LineRange{Whole}
	}
	// Added files are new as a whole, even empty ones that have no hunk.
	added, err := git(ctx, absDir, append(append([]string{"diff", "--name-only", "-z", "--diff-filter=A"}, common...), withPaths(rev, paths)...)...)
	if err != nil {
		return nil, err
	}
	// ls-files, unlike diff, stops at the current directory: without paths
	// it runs at the top, to cover the whole repository as diff does.
	lsDir := absDir
	if len(paths) == 0 {
		lsDir = root
	}
	untracked, err := git(ctx, lsDir, append([]string{"ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(added)+"\x00"+string(untracked), "\x00") {
		if name != "" {
			changed[name] = []LineRange{Whole}
		}
	}
	out := make(map[string][]LineRange, len(changed))
	for name, rs := range changed {
		abs := filepath.Join(root, filepath.FromSlash(name))
		if rs[0] != Whole {
			rs = relineLoneCR(abs, rs)
		}
		sort.Slice(rs, func(i, j int) bool {
			return rs[i].Start < rs[j].Start || rs[i].Start == rs[j].Start && rs[i].End < rs[j].End
		})
		out[abs] = rs
	}
	return out, nil
}

// Toplevel returns the top folder of the git repository holding dir.
func Toplevel(ctx context.Context, dir string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", fmt.Errorf("gitdiff: %w", ErrNoGit)
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(top)), nil
}

// ChangedLinesOf is ChangedLines for the repositories that hold files
// (absolute paths): a documentation set in a submodule or a nested
// repository is compared in its own repository, not in the one around it
// (where its files are one untracked folder or a submodule pointer).
func ChangedLinesOf(ctx context.Context, files []string, rev string) (map[string][]LineRange, error) {
	tops := map[string]string{}  // folder -> repository top
	repos := map[string]string{} // repository top -> a folder in it, as the files name it
	var order []string
	var firstErr error
	for _, f := range files {
		dir := filepath.Dir(f)
		if _, ok := tops[dir]; ok {
			continue
		}
		if _, err := exec.LookPath("git"); err != nil {
			return nil, fmt.Errorf("gitdiff: %w (needed to compare with a revision)", ErrNoGit)
		}
		top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
		if err != nil {
			// A file in no repository has no changed lines: its findings
			// go, as a check of a repository's changes has no say on it.
			// Any other failure (a repository git refuses to read) is one.
			if !strings.Contains(err.Error(), "not a git repository") {
				return nil, err
			}
			tops[dir] = ""
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		t := strings.TrimSpace(string(top))
		tops[dir] = t
		if _, ok := repos[t]; !ok {
			repos[t] = dir
			order = append(order, t)
		}
	}
	if len(order) == 0 && firstErr != nil {
		return nil, firstErr // no file in a repository: nothing to compare
	}
	out := map[string][]LineRange{}
	for _, t := range order {
		changed, err := ChangedLines(ctx, repos[t], rev, nil)
		if err != nil {
			return nil, err
		}
		for k, v := range changed {
			out[k] = v
		}
	}
	return out, nil
}

func withPaths(rev string, paths []string) []string {
	return append([]string{rev, "--"}, paths...)
}

// git runs a git command in dir and returns its standard output. Optional
// locks are off because l10nlint must not write to the repository (git
// diff would refresh the index); paths are literal file names, not
// pathspec patterns; LC_ALL=C keeps messages stable.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	return gitEnv(ctx, dir, nil, nil, args...)
}

// gitEnv is git with more environment variables and global options
// (before the command; left out of error messages).
func gitEnv(ctx context.Context, dir string, env, global []string, args ...string) ([]byte, error) {
	all := append(append([]string{"-c", "core.quotePath=false"}, global...), args...)
	cmd := exec.CommandContext(ctx, "git", all...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_LITERAL_PATHSPECS=1", "LC_ALL=C"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Started through scratch: an interrupted run kills it before it
	// removes the folder it may be writing into.
	err := scratch.Start(cmd)
	if err == nil {
		err = scratch.Wait(cmd)
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("gitdiff: git %s: %s", strings.Join(args, " "), msg)
	}
	return stdout.Bytes(), nil
}

// parsePatch reads a --unified=0 patch: the new file of each "+++" header
// and the new-side ranges of its hunk headers. Hunk bodies are skipped by
// state, not by content, since an added line may itself start with "+++".
func parsePatch(patch []byte) (map[string][]LineRange, error) {
	changed := map[string][]LineRange{}
	var file string
	inHeader := false
	for _, line := range strings.Split(string(patch), "\n") {
		switch {
		case strings.HasPrefix(line, "diff "):
			inHeader, file = true, ""
		case inHeader && strings.HasPrefix(line, "+++ "):
			name, err := headerPath(line[len("+++ "):])
			if err != nil {
				return nil, err
			}
			file = name
		case strings.HasPrefix(line, "@@"):
			inHeader = false
			if file == "" {
				continue
			}
			r, err := hunkRange(line)
			if err != nil {
				return nil, err
			}
			changed[file] = append(changed[file], r)
		}
	}
	return changed, nil
}

// headerPath reads the name of a "+++" line: "b/NAME", possibly C-quoted,
// with the tab git appends to names holding spaces; "" for /dev/null.
func headerPath(s string) (string, error) {
	if s == "/dev/null" {
		return "", nil
	}
	if strings.HasPrefix(s, `"`) {
		q, err := strconv.QuotedPrefix(s)
		if err != nil {
			return "", fmt.Errorf("gitdiff: bad file name %s", s)
		}
		if s, err = strconv.Unquote(q); err != nil {
			return "", fmt.Errorf("gitdiff: bad file name %s", q)
		}
	} else {
		s = strings.TrimSuffix(s, "\t")
	}
	if !strings.HasPrefix(s, "b/") {
		return "", fmt.Errorf("gitdiff: unexpected file name %q in diff", s)
	}
	return s[len("b/"):], nil
}

// hunkRange reads the new-file side "+c[,d]" of "@@ -a,b +c,d @@" (or of a
// combined diff's "@@@ -a,b -c,d +e,f @@@"). d = 0 is a pure deletion after
// line c.
func hunkRange(line string) (LineRange, error) {
	for _, f := range strings.Fields(line) {
		if !strings.HasPrefix(f, "+") {
			continue
		}
		start, count, ok := strings.Cut(f[1:], ",")
		c, err := strconv.Atoi(start)
		d := 1
		if ok && err == nil {
			d, err = strconv.Atoi(count)
		}
		if err != nil || c < 0 || d < 0 {
			break
		}
		if d == 0 {
			return LineRange{Start: c + 1, End: c + 1}, nil
		}
		return LineRange{Start: c, End: c + d}, nil
	}
	return LineRange{}, fmt.Errorf("gitdiff: bad hunk header %q", line)
}

// binaries reads git diff --numstat -z and returns the new names of binary
// files ("-" counts): "A\tD\tNAME\0", or "A\tD\t\0OLD\0NEW\0" for a rename.
func binaries(numstat []byte) []string {
	var out []string
	fields := strings.Split(string(numstat), "\x00")
	for i := 0; i < len(fields); i++ {
		stat := fields[i]
		if stat == "" {
			continue
		}
		parts := strings.SplitN(stat, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		name := parts[2]
		if name == "" && i+2 < len(fields) {
			name = fields[i+2]
			i += 2
		}
		if parts[0] == "-" && name != "" {
			out = append(out, name)
		}
	}
	return out
}

// relineLoneCR maps git's line numbers (lines end at \n) to l10nlint's
// (a lone \r also ends a line) for the rare file with old Mac line ends,
// so positions stay exact. Other files are returned unchanged.
func relineLoneCR(abs string, rs []LineRange) []LineRange {
	data, err := os.ReadFile(abs)
	if err != nil || !hasLoneCR(data) {
		return rs
	}
	// lineOf[n-1] is the l10nlint line where git line n starts.
	lineOf := []int{1}
	ours := 1
	for i, b := range data {
		if b == '\n' || b == '\r' && (i+1 >= len(data) || data[i+1] != '\n') {
			ours++
		}
		if b == '\n' {
			lineOf = append(lineOf, ours)
		}
	}
	at := func(gitLine int) int {
		if gitLine-1 >= len(lineOf) {
			return ours + 1
		}
		return lineOf[max(gitLine, 1)-1]
	}
	out := make([]LineRange, len(rs))
	for i, r := range rs {
		s := at(r.Start)
		if r.Start == r.End {
			out[i] = LineRange{Start: s, End: s}
			continue
		}
		out[i] = LineRange{Start: s, End: at(r.End)}
	}
	return out
}

func hasLoneCR(data []byte) bool {
	for i, b := range data {
		if b == '\r' && (i+1 >= len(data) || data[i+1] != '\n') {
			return true
		}
	}
	return false
}

// Filter keeps the findings that touch a changed line: their lines from
// Start to End intersect a range of their file. Findings without a position
// (line 0) are kept when their file changed at all. abs maps a finding's
// path to the keys of changed; nil means filepath.Abs.
func Filter(findings []report.Finding, changed map[string][]LineRange, abs func(string) string) []report.Finding {
	if abs == nil {
		abs = func(p string) string {
			a, err := filepath.Abs(filepath.FromSlash(p))
			if err != nil {
				return p
			}
			return a
		}
	}
	keys := map[string]string{}
	var out []report.Finding
	for _, f := range findings {
		k, ok := keys[f.Path]
		if !ok {
			k = abs(f.Path)
			keys[f.Path] = k
		}
		rs, ok := changed[k]
		if !ok {
			continue
		}
		if f.Start.Line <= 0 || touches(f, rs) {
			out = append(out, f)
		}
	}
	return out
}

// touches reports whether f's lines meet one of rs. End is exclusive: an
// end at column 1 of a later line means the range stops at the line break.
func touches(f report.Finding, rs []LineRange) bool {
	first, last := f.Start.Line, f.End.Line
	if last > first && f.End.Col <= 1 {
		last--
	}
	last = max(last, first)
	for _, r := range rs {
		if r.Start == r.End {
			if first < r.Start && r.Start <= last {
				return true
			}
			continue
		}
		if first < r.End && r.Start <= last {
			return true
		}
	}
	return false
}
