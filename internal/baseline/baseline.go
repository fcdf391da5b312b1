// Package baseline records a project's existing findings so that a check
// reports only new ones: teams adopt l10nlint on a large, already
// translated documentation set without fixing every page first.
//
// Findings are matched by rule, path and fingerprint, never by line: the
// fingerprint hashes the rule, path, segment texts, snippet and message,
// so edits elsewhere in the file and line shifts do not bring a baselined
// finding back, while changing the flagged text does. The path is the
// project path (relative to the configuration file's directory), so a
// baseline written at the project's root holds in any of its directories.
package baseline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/l10nlint/l10nlint/internal/report"
)

// Version is the baseline file format version.
const Version = "1"

// Tool is the name written in, and required of, baseline files.
const Tool = "l10nlint"

// Baseline is a loaded baseline file.
//
//	{
//	  "version": "1",
//	  "tool": "l10nlint",
//	  "findings": [
//	    {"rule": "number-mismatch", "path": "docs/fr-FR/a.md",
//	     "fingerprint": "3f9a...", "line": 12, "message": "..."}
//	  ]
//	}
//
// Line and message are for people reading or reviewing the file; only
// rule, path and fingerprint are matched.
type Baseline struct {
	Version  string  `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
	// used marks the entries the last Filter matched, for Stale: a group
	// entry of a file not checked may match a finding of a checked one.
	used []bool
}

// Entry is one baselined finding.
type Entry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	// Group identifies a problem of a group of places (inconsistent-
	// translation), matched wherever it is reported.
	Group   string `json:"group,omitempty"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// groupOf is the path-free identity of a finding about a group of places,
// or "".
func groupOf(f report.Finding) string {
	if !f.Anywhere || f.Key == "" {
		return ""
	}
	h := sha256.Sum256([]byte(f.Rule + "\x00" + f.Key))
	return hex.EncodeToString(h[:12])
}

type key struct{ rule, path, fingerprint string }

// From makes a baseline of findings in memory (check --baseline-rev: the
// findings of a revision).
func From(findings []report.Finding) *Baseline {
	b := &Baseline{Version: Version, Tool: Tool, Findings: make([]Entry, 0, len(findings))}
	for _, f := range findings {
		b.Findings = append(b.Findings, Entry{Rule: f.Rule, Path: projectPath(f), Fingerprint: f.Fingerprint,
			Group: groupOf(f), Line: f.Start.Line, Message: f.Message})
	}
	return b
}

// Write writes findings as a baseline: entries sorted by path, line, rule,
// fingerprint and message, 2-space indented, so that regenerating it after
// small changes gives a small diff in review.
func Write(w io.Writer, findings []report.Finding) error {
	b := Baseline{Version: Version, Tool: Tool, Findings: make([]Entry, 0, len(findings))}
	for _, f := range findings {
		b.Findings = append(b.Findings, Entry{Rule: f.Rule, Path: projectPath(f), Fingerprint: f.Fingerprint,
			Group: groupOf(f), Line: f.Start.Line, Message: f.Message})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		switch {
		case x.Path != y.Path:
			return x.Path < y.Path
		case x.Line != y.Line:
			return x.Line < y.Line
		case x.Rule != y.Rule:
			return x.Rule < y.Rule
		case x.Fingerprint != y.Fingerprint:
			return x.Fingerprint < y.Fingerprint
		}
		return x.Message < y.Message
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // messages quote Markdown and HTML
	if err := enc.Encode(b); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Load reads a baseline written by Write. Unknown keys are allowed (newer
// writers may add some); another tool or format version is an error.
func Load(r io.Reader) (*Baseline, error) {
	var b Baseline
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		_, _ = br.Discard(3) // an editor's byte order mark
	}
	dec := json.NewDecoder(br)
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("baseline: more after the JSON document")
	}
	if b.Tool != Tool {
		return nil, fmt.Errorf("baseline: tool is %q, want %q", b.Tool, Tool)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline: unsupported version %q (want %q)", b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Rule == "" || e.Path == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline: finding %d lacks rule, path or fingerprint", i+1)
		}
	}
	return &b, nil
}

// Len is the number of baselined findings.
func (b *Baseline) Len() int { return len(b.Findings) }

// Filter returns the findings the baseline does not hold, in their order,
// and how many it matched. Multiplicity counts: a baseline entry absorbs
// one finding, so a third copy of a twice-baselined problem is new. The
// baseline is not modified; Len()-matched entries no longer occur (fixed
// findings, a hint to regenerate the file).
func (b *Baseline) Filter(findings []report.Finding) (fresh []report.Finding, matched int) {
	used := make([]bool, len(b.Findings))
	b.used = used
	exact := make(map[key][]int, len(b.Findings))
	groups := map[key][]int{} // by rule and group
	for i, e := range b.Findings {
		k := key{e.Rule, e.Path, e.Fingerprint}
		exact[k] = append(exact[k], i)
		if e.Group != "" {
			g := key{e.Rule, "", e.Group}
			groups[g] = append(groups[g], i)
		}
	}
	take := func(m map[key][]int, k key) bool {
		for len(m[k]) > 0 {
			i := m[k][0]
			m[k] = m[k][1:]
			if !used[i] {
				used[i] = true
				return true
			}
		}
		return false
	}
	var rest []report.Finding
	for _, f := range findings {
		if take(exact, key{f.Rule, projectPath(f), f.Fingerprint}) {
			matched++
			continue
		}
		rest = append(rest, f)
	}
	// A problem of a group of places, reported on another of its pages
	// (the run named other files, or the page it was on changed).
	for _, f := range rest {
		if g := groupOf(f); g != "" && take(groups, key{f.Rule, "", g}) {
			matched++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, matched
}

// Stale returns how many entries for the files a run checked (project
// paths) it did not match: fixed findings. Entries of files a run did not
// check (a pre-commit run on a few files) are not stale.
func (b *Baseline) Stale(checked []string, matched int, ran func(rule string) bool) int {
	in := make(map[string]bool, len(checked))
	for _, p := range checked {
		in[p] = true
	}
	n := 0
	for i, e := range b.Findings {
		// Not judged: a rule the run did not run, and a problem of a group
		// of places, which recurs only when its other pages are read.
		if !in[e.Path] || ran != nil && !ran(e.Rule) || e.Group != "" {
			continue
		}
		if b.used != nil {
			if !b.used[i] {
				n++ // not matched: fixed
			}
			continue
		}
		n++
	}
	if b.used != nil {
		return n
	}
	return max(n-matched, 0)
}

// projectPath is the path a baseline records for f.
func projectPath(f report.Finding) string {
	if f.ProjectPath != "" {
		return f.ProjectPath
	}
	return f.Path
}
