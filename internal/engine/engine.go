// Package engine finds the files, parses each once, runs the enabled rules
// over the pages in parallel and hands the raw findings to the processors.
package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/internal/process"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// Options configure a run.
type Options struct {
	Config   *config.Config
	Registry *rules.Registry
	// Jobs is the number of files processed at once (default GOMAXPROCS).
	Jobs int
}

// Result is what a run found.
type Result struct {
	Findings []report.Finding
	// Rules are the enabled rules with their effective severity.
	Rules           []report.RuleInfo
	Files, Segments int
	// Internal are internal errors (a rule that panicked); the CLI exits 3.
	Internal []string
}

// enabled is a rule with its effective settings.
type enabled struct {
	rule     *rules.Rule
	severity rules.Severity
	options  map[string]any
}

// Run checks the files under paths.
func Run(paths []string, opts Options) (*Result, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	reg := opts.Registry
	if reg == nil {
		reg = rules.Default
	}
	files, err := collect(paths, cfg)
	if err != nil {
		return nil, err
	}
	var active []enabled
	res := &Result{Files: len(files)}
	for _, r := range reg.All() {
		sev := cfg.Severity(r)
		if sev == rules.Off {
			continue
		}
		active = append(active, enabled{rule: r, severity: sev, options: cfg.Rules[r.ID].Options})
		res.Rules = append(res.Rules, report.RuleInfo{ID: r.ID, Short: r.Short, Doc: r.Doc, Severity: sev, Tags: r.Tags})
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	popts := page.Options{SourceLocale: cfg.SourceLocale, DefaultLocale: cfg.Locale}
	type out struct {
		findings []report.Finding
		segments int
		internal []string
	}
	results := make([]out, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				var pg *rules.Page
				if f.readErr != nil {
					pg = &rules.Page{Path: f.path, FileProblems: []rules.Problem{{Message: f.readErr.Error()}}}
				} else if data, err := os.ReadFile(f.abs); err != nil {
					pg = &rules.Page{Path: f.path, FileProblems: []rules.Problem{{Message: fmt.Sprintf("cannot read: %v", err)}}}
				} else {
					pg = page.Parse(f.path, data, popts)
				}
				fs, internal := check(pg, active, cfg)
				results[i] = out{findings: fs, segments: len(pg.Segments), internal: internal}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, o := range results {
		res.Findings = append(res.Findings, o.findings...)
		res.Segments += o.segments
		res.Internal = append(res.Internal, o.internal...)
	}
	res.Findings = process.Apply(res.Findings,
		process.Severity{Of: func(id string) rules.Severity { return cfg.Severity(reg.Lookup(id)) }},
		process.Sort{}, process.Dedup{})
	return res, nil
}

// check runs the rules on one page and places the findings in the file.
func check(pg *rules.Page, active []enabled, cfg *config.Config) (out []report.Finding, internal []string) {
	var raw []rules.Finding
	for _, e := range active {
		// Findings carry the rule's default severity; the severity processor
		// maps them to the configured one after the rules.
		pass := &rules.Pass{Page: pg, Rule: e.rule, Options: e.options, DoNotTranslate: cfg.DoNotTranslate,
			Report: func(f rules.Finding) { raw = append(raw, f) }}
		if msg := runRule(e.rule, pass); msg != "" {
			internal = append(internal, fmt.Sprintf("%s: rule %s: %s", pg.Path, e.rule.ID, msg))
		}
	}
	if len(raw) == 0 {
		return nil, internal
	}
	lines := textfile.NewLines(pg.Text)
	for _, f := range raw {
		r := clamp(f.Range, len(pg.Text))
		f.Range = r
		out = append(out, report.Finding{
			Finding:     f,
			Start:       lines.Position(r.Start),
			End:         lines.Position(r.End),
			Locale:      pg.Locale,
			Snippet:     pg.Text[r.Start:r.End],
			Fingerprint: fingerprint(f, pg.Text[r.Start:r.End]),
		})
	}
	return out, internal
}

// runRule calls the rule, turning a panic into an internal error so that one
// faulty rule cannot stop the run.
func runRule(r *rules.Rule, pass *rules.Pass) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			msg = fmt.Sprintf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	r.Run(pass)
	return ""
}

func clamp(r rules.Range, n int) rules.Range {
	r.Start = max(0, min(r.Start, n))
	r.End = max(r.Start, min(r.End, n))
	return r
}

// fingerprint hashes what identifies a finding independently of its line:
// rule, file, the segment's texts (or the flagged text) and the message.
func fingerprint(f rules.Finding, snippet string) string {
	h := sha256.New()
	for _, s := range []string{f.Rule, f.Path, f.Source, f.Target, snippet, f.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
