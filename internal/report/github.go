package report

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/l10nlint/l10nlint/rules"
)

// GitHubAnnotationLimit is how many annotations of one level (error,
// warning, notice) GitHub Actions keeps per step; the rest stay in the log
// only. A job keeps at most 50 in all, which one l10nlint step (at most 3×10
// plus the limit notice) cannot reach on its own.
const GitHubAnnotationLimit = 10

// WriteGitHub writes run as GitHub Actions workflow commands, one line per
// finding, in run order:
//
//	::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
//
// Warnings use ::warning and notes ::notice. Lines and columns are 1-based.
// GitHub documents col and endColumn only as "column number, starting at
// 1", without a unit; they are written, like SARIF's regions, in UTF-16
// code units (GitHub's front end indexes text in UTF-16; for text without
// characters outside the Basic Multilingual Plane they are the character
// columns of the text format). endColumn is exclusive, like the end of the
// JSON and SARIF formats, so an empty range has endColumn = col.
//
// The runner drops col and endColumn when line and endLine differ (columns
// are only valid on one line), so multi-line findings carry line and endLine
// only; findings without a position carry file only. Paths are slash-
// separated, relative to run.Root when they are absolute paths inside it
// (annotations need paths relative to the repository).
//
// Property values escape % \r \n : , and the message escapes % \r \n, as
// GitHub's toolkit does, so a message cannot end the command or start
// another one; a multi-line message shows as such in the annotation.
//
// GitHub shows at most GitHubAnnotationLimit annotations of each level per
// step. When a level has more findings, a ::notice line after the findings
// says how many were not shown and points to SARIF upload. The last line is
// a plain summary with counts per severity, as in the text format. The
// Options are unused.
func WriteGitHub(w io.Writer, run *Run, _ Options) error {
	bw := bufio.NewWriter(w)
	for i := range run.Findings {
		writeGitHubFinding(bw, &run.Findings[i], run.Root)
	}
	c := countSeverities(run.Findings)
	if notice := gitHubLimitNotice(c); notice != "" {
		bw.WriteString("::notice::" + escapeGitHubData(notice) + "\n")
	}
	fmt.Fprintf(bw, "%s, %s, %s in %s (%s)\n",
		Plural(c.errors, "error"), Plural(c.warnings, "warning"), Plural(c.notes, "note"),
		Plural(run.Files, "file"), Plural(run.Segments, "segment"))
	return bw.Flush()
}

// gitHubCommand is the workflow command for a severity.
func gitHubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

func writeGitHubFinding(w *bufio.Writer, f *Finding, root string) {
	var props []string
	add := func(k, v string) { props = append(props, k+"="+escapeGitHubProperty(v)) }
	if p := repoPath(f.Path, root); p != "" {
		add("file", p)
	}
	if f.Start.Line > 0 {
		end := f.End
		if end.Line < f.Start.Line || end.Line == f.Start.Line && end.ColUTF16 < f.Start.ColUTF16 {
			end = f.Start // unset or inverted End: an empty range
		}
		add("line", strconv.Itoa(f.Start.Line))
		if end.Line == f.Start.Line && f.Start.ColUTF16 > 0 {
			add("col", strconv.Itoa(f.Start.ColUTF16))
		}
		add("endLine", strconv.Itoa(end.Line))
		if end.Line == f.Start.Line && f.Start.ColUTF16 > 0 {
			add("endColumn", strconv.Itoa(end.ColUTF16))
		}
	}
	add("title", f.Rule)
	msg := f.Message
	if c := contextLines(f); c != "" {
		msg += "\n" + c // a multi-line annotation: a reviewer sees what was translated
	}
	w.WriteString("::" + gitHubCommand(f.Severity) + " " + strings.Join(props, ",") + "::" + escapeGitHubData(msg) + "\n")
}

// gitHubLimitNotice says which levels have more findings than GitHub shows
// as annotations, or returns "" when none has.
func gitHubLimitNotice(c severityCounts) string {
	var over []string
	for _, l := range []struct {
		n    int
		word string
	}{{c.errors, "error"}, {c.warnings, "warning"}, {c.notes, "note"}} {
		if l.n > GitHubAnnotationLimit {
			over = append(over, fmt.Sprintf("%d of %s", l.n-GitHubAnnotationLimit, Plural(l.n, l.word)))
		}
	}
	if len(over) == 0 {
		return ""
	}
	list := over[0]
	if len(over) > 1 {
		list = strings.Join(over[:len(over)-1], ", ") + " and " + over[len(over)-1]
	}
	return fmt.Sprintf("l10nlint: %s not shown as annotations (GitHub shows at most %d of each level per step); "+
		"all findings are in this log. For large pull requests, upload a SARIF report instead: "+
		"l10nlint check --format sarif --output l10nlint.sarif, then github/codeql-action/upload-sarif.",
		list, GitHubAnnotationLimit)
}

// gitHubPropertyEscaper and gitHubDataEscaper follow escapeProperty and
// escapeData of GitHub's actions/toolkit (% first, so escapes are not
// escaped again: a Replacer replaces in one pass).
var (
	gitHubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	gitHubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeGitHubData escapes a workflow command's message.
func escapeGitHubData(s string) string { return gitHubDataEscaper.Replace(s) }

// escapeGitHubProperty escapes a workflow command's property value.
func escapeGitHubProperty(s string) string { return gitHubPropertyEscaper.Replace(s) }

// repoPath returns p slash-separated and cleaned, relative to root when p is
// an absolute path inside root; "" for an empty path.
func repoPath(p, root string) string {
	if p == "" {
		return ""
	}
	if filepath.IsAbs(p) && root != "" {
		if absRoot, err := filepath.Abs(root); err == nil {
			if rel, err := filepath.Rel(absRoot, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	return path.Clean(filepath.ToSlash(p))
}
