package suppress

import (
	"path"
	"strings"

	"github.com/l10nlint/l10nlint/internal/report"
)

// Ignore is a configuration-level suppression, for findings a team accepts
// without touching the page (vendor-owned files, known segments). Empty
// fields match everything; a finding is ignored when all fields match.
type Ignore struct {
	// Path is a slash-separated glob where "**" spans directories, matched
	// against the path rel returns (see ApplyIgnores).
	Path string
	// Rules are rule IDs (the config loader resolves aliases).
	Rules []string
	// Segments are segment IDs (data-ttu-id).
	Segments []string
}

func (ig Ignore) match(f *report.Finding, rel string) bool {
	if ig.Path != "" && !Glob(ig.Path, rel) {
		return false
	}
	if len(ig.Rules) > 0 && !contains(ig.Rules, f.Rule) {
		return false
	}
	return len(ig.Segments) == 0 || contains(ig.Segments, f.SegmentID)
}

// ApplyIgnores drops the findings that an ignore matches, keeping order.
// rel maps a finding's path to the slash path the globs are written
// against (relative to the config file's directory, as include/exclude
// are); nil uses the finding's path as is.
func ApplyIgnores(findings []report.Finding, ignores []Ignore, rel func(string) string) []report.Finding {
	if len(ignores) == 0 {
		return findings
	}
	out := make([]report.Finding, 0, len(findings))
	cache := map[string]string{}
	for _, f := range findings {
		r, ok := cache[f.Path]
		if !ok {
			r = f.Path
			if rel != nil {
				r = rel(f.Path)
			}
			cache[f.Path] = r
		}
		ignored := false
		for _, ig := range ignores {
			if ig.match(&f, r) {
				ignored = true
				break
			}
		}
		if !ignored {
			out = append(out, f)
		}
	}
	return out
}

// Glob matches a slash-separated path against a pattern where "**" matches
// any number of path segments and other segments use path.Match. It is
// internal/config's matcher, copied so config can import this package.
func Glob(pattern, name string) bool {
	return globParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func globParts(p, n []string) bool {
	for len(p) > 0 {
		if p[0] == "**" {
			for i := 0; i <= len(n); i++ {
				if globParts(p[1:], n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, _ := path.Match(p[0], n[0]); !ok {
			return false
		}
		p, n = p[1:], n[1:]
	}
	return len(n) == 0
}
