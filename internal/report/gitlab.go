package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"github.com/l10nlint/l10nlint/rules"
)

// WriteGitLab writes run as a GitLab Code Quality report (the Code Climate
// issue subset GitLab reads; artifacts:reports:codequality in .gitlab-ci.yml):
// a JSON array, 2-space indented with a trailing newline, one issue per
// finding in run order, [] when there are none:
//
//	[
//	  {
//	    "description": "number \"12\" is not in the source",
//	    "check_name": "number-mismatch",
//	    "fingerprint": "5d41402abc4b2a76",
//	    "severity": "major",
//	    "location": {
//	      "path": "docs/fr-FR/index.md",
//	      "lines": {"begin": 6, "end": 6}
//	    }
//	  }
//	]
//
// Severities map error → major, warning → minor, note → info. Paths are
// slash-separated and relative to run.Root when they are absolute paths
// inside it (GitLab wants paths relative to the repository, without "./").
// GitLab requires lines.begin, so a finding without a position is placed on
// line 1.
//
// The fingerprint is the finding's Fingerprint, which survives line shifts
// so GitLab can tell new issues from fixed ones between the merge request
// and its target branch. GitLab needs it unique within a report: a
// fingerprint already used by an earlier finding gets "-2", "-3"... in run
// order, and a finding without one gets a hash of its rule, path and
// message. The Options are unused.
func WriteGitLab(w io.Writer, run *Run, _ Options) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewGitLabReport(run)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// GitLabIssue is one issue of a GitLab Code Quality report.
type GitLabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    GitLabLocation `json:"location"`
}

// GitLabLocation places an issue in a file.
type GitLabLocation struct {
	Path  string      `json:"path"`
	Lines GitLabLines `json:"lines"`
}

// GitLabLines is the line range of an issue (1-based, inclusive).
type GitLabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// NewGitLabReport converts run to GitLab Code Quality issues.
func NewGitLabReport(run *Run) []GitLabIssue {
	issues := make([]GitLabIssue, 0, len(run.Findings))
	used := map[string]bool{}
	for _, f := range run.Findings {
		begin, end := f.Start.Line, f.End.Line
		if begin < 1 {
			begin = 1
		}
		// End is exclusive: a range that ends at the start of a line ends
		// on the line before (unless it is empty).
		if end > begin && f.End.Col == 1 {
			end--
		}
		if end < begin {
			end = begin
		}
		issues = append(issues, GitLabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: uniqueFingerprint(used, f),
			Severity:    gitLabSeverity(f.Severity),
			Location: GitLabLocation{
				Path:  repoPath(f.Path, run.Root),
				Lines: GitLabLines{Begin: begin, End: end},
			},
		})
	}
	return issues
}

func gitLabSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "major"
	case rules.Warning:
		return "minor"
	}
	return "info"
}

// uniqueFingerprint returns f's fingerprint, made unique among those in
// used, and records it.
func uniqueFingerprint(used map[string]bool, f Finding) string {
	base := f.Fingerprint
	if base == "" {
		sum := sha256.Sum256([]byte(f.Rule + "\x00" + f.Path + "\x00" + f.Message))
		base = hex.EncodeToString(sum[:8])
	}
	fp := base
	for n := 2; used[fp]; n++ {
		fp = base + "-" + strconv.Itoa(n)
	}
	used[fp] = true
	return fp
}
