package suppress

import (
	"strings"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/report"
)

// ignoreMatches reports whether ig covers f; empty fields match everything.
func ignoreMatches(ig config.Ignore, f *report.Finding, rel string) bool {
	if ig.Path != "" && !config.Glob(ig.Path, rel) && !underDir(ig.Path, rel) {
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
func ApplyIgnores(findings []report.Finding, ignores []config.Ignore, rel func(string) string) []report.Finding {
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
			if ignoreMatches(ig, &f, r) {
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

// underDir reports whether rel lies under the folder path names, a plain
// path without wildcards ("fr-FR/legal" or "fr-FR/legal/"): an ignore entry
// naming a folder covers its files.
func underDir(path, rel string) bool {
	if strings.ContainsAny(path, "*?[{") {
		return false
	}
	dir := strings.TrimSuffix(path, "/")
	return dir != "" && strings.HasPrefix(rel, dir+"/")
}
