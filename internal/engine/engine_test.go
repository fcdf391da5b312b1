package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/rules"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCollectIncludeExclude(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"fr-FR/a.md", "fr-FR/TOC.md", "fr-FR/b.markdown", "fr-FR/c.txt", ".git/x.md", "node_modules/y.md", "fr-FR/includes/i.md"} {
		write(t, filepath.Join(dir, p), "# x\n")
	}
	cfg, err := config.Parse([]byte("exclude: [\"**/TOC.md\", \"**/includes/**\"]\n"), "cfg", rules.Default)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	files, err := collect([]string{dir}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f.path))
	}
	if strings.Join(got, ",") != "a.md,b.markdown" {
		t.Errorf("collected %v", got)
	}
	// A file named on the command line is checked even if not included, but
	// an exclude still applies (pre-commit passes excluded files too).
	files, _ = collect([]string{filepath.Join(dir, "fr-FR/c.txt"), filepath.Join(dir, "fr-FR/TOC.md")}, cfg)
	if len(files) != 1 || filepath.Base(files[0].path) != "c.txt" {
		t.Errorf("named files: %+v", files)
	}
	if _, err := collect([]string{filepath.Join(dir, "missing")}, cfg); err == nil {
		t.Error("a missing path is an error")
	}
}

func TestRunSeverityAndInternalErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "fr-FR", "p.md"), `<span data-ttu-id="a-1">Bonjour</span>`+"\n")
	reg := rules.NewRegistry()
	_ = reg.Register(&rules.Rule{ID: "boom", Severity: rules.Error, Run: func(*rules.Pass) { panic("kaboom") }})
	_ = reg.Register(&rules.Rule{ID: "each-seg", Severity: rules.Warning, Run: func(p *rules.Pass) {
		for _, s := range p.Page.Segments {
			p.ReportSegment(s, "seen %s", s.ID)
		}
	}})
	cfg := config.Default()
	sev := rules.Note
	cfg.Rules["each-seg"] = config.RuleConfig{Severity: &sev}
	res, err := Run([]string{dir}, Options{Config: cfg, Registry: reg, Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) != 1 || !strings.Contains(res.Internal[0], "rule boom: panic: kaboom") {
		t.Errorf("internal errors: %q", res.Internal)
	}
	if len(res.Findings) != 1 || res.Findings[0].Severity != rules.Note || res.Findings[0].Message != "seen a-1" {
		t.Fatalf("findings: %+v", res.Findings)
	}
	f := res.Findings[0]
	if f.Start.Line != 1 || f.Start.Col != 25 || f.Snippet != "Bonjour" || f.Locale != "fr-FR" || len(f.Fingerprint) != 24 {
		t.Errorf("finding placement: %+v", f)
	}
}

// Timings charge each rule with its own time: a rule that sleeps on every
// page comes first, with at least its sleep.
func TestRunTimings(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"fr-FR/a.md", "fr-FR/b.md"} {
		write(t, filepath.Join(dir, p), `<span data-ttu-id="a-1">Bonjour</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello</span></span>`+"\n")
	}
	reg := rules.NewRegistry()
	_ = reg.Register(&rules.Rule{ID: "slow", Severity: rules.Warning, Run: func(*rules.Pass) { time.Sleep(5 * time.Millisecond) }})
	_ = reg.Register(&rules.Rule{ID: "fast", Severity: rules.Warning, Run: func(p *rules.Pass) {
		p.ReportSegment(p.Page.Segments[0], "seen")
	}})
	tm := &Timings{}
	res, err := Run([]string{dir}, Options{Config: config.Default(), Registry: reg, Jobs: 1, Timings: tm})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	by := tm.ByRule()
	if len(by) != 2 || by[0].Rule != "slow" || by[1].Rule != "fast" {
		t.Fatalf("ByRule() = %+v, want slow then fast", by)
	}
	if by[0].Time < 10*time.Millisecond {
		t.Errorf("slow rule charged %v for two 5 ms sleeps", by[0].Time)
	}
	if tm.Parse <= 0 || tm.Wall < by[0].Time {
		t.Errorf("parse %v, wall %v: want a parse time and a wall time covering the rules (one worker)", tm.Parse, tm.Wall)
	}
}
