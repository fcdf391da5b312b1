package engine

import (
	"fmt"
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

// A file over max-file-size is a file-format finding, not read; the run
// checks the other files. Without the limit (0) it is checked.
func TestMaxFileSize(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Bonjour</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello</span></span>` + "\n\n"
	var big strings.Builder // 10 KB
	for i := 0; i < 100; i++ {
		big.WriteString(strings.ReplaceAll(seg, "a-1", fmt.Sprintf("b-%03d", i)))
	}
	write(t, filepath.Join(dir, "fr-FR", "big.md"), big.String())
	write(t, filepath.Join(dir, "fr-FR", "small.md"), seg)
	for _, c := range []struct {
		limit    int64
		bigFound string
	}{
		{4 << 10, "file 10.9 KiB is over the max-file-size of 4 KiB: not checked"},
		{0, ""},
	} {
		cfg := config.Default()
		cfg.MaxFileSize = c.limit
		res, err := Run([]string{dir}, Options{Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, filepath.Base(f.Path)+" "+f.Rule+": "+f.Message)
		}
		want := []string{}
		if c.bigFound != "" {
			want = append(want, "big.md file-format: "+c.bigFound+" (raise max-file-size in the configuration to check it)")
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("limit %d: findings\n%s\nwant\n%s", c.limit, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if wantSegs := 101 - 100*min(len(want), 1); res.Segments != wantSegs {
			t.Errorf("limit %d: %d segments checked, want %d", c.limit, res.Segments, wantSegs)
		}
	}
}

// A page that could not be read (here, over max-file-size) has its
// file-format finding, and no rule compares another page with its unknown
// content: no stale source, no structure differences, no missing anchor.
func TestUnreadPagesAreNotCompared(t *testing.T) {
	dir := t.TempDir()
	seg := func(id, tgt, src string) string {
		return `<span data-ttu-id="` + id + `">` + tgt + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + "</span></span>"
	}
	big := "# Title\n\n" + strings.Repeat("Some English prose that makes the page large.\n\n", 200)
	write(t, filepath.Join(dir, "en-US", "a.md"), big)
	write(t, filepath.Join(dir, "fr-FR", "a.md"), "# "+seg("x-1", "Titre", "Title")+"\n\n"+seg("x-2", "Une phrase que la page source n’a pas.", "A sentence that the source page does not have.")+"\n")
	write(t, filepath.Join(dir, "en-US", "b.md"), "# B\n\nSee [the title](c.md#title).\n")
	write(t, filepath.Join(dir, "fr-FR", "b.md"), "# B\n\nVoir [le titre](c.md#title).\n")
	write(t, filepath.Join(dir, "en-US", "c.md"), big)
	write(t, filepath.Join(dir, "fr-FR", "c.md"), big)
	// Monolingual pages: a readable translation of an unread source, and an
	// unread translation of a readable source.
	write(t, filepath.Join(dir, "en-US", "d.md"), big)
	write(t, filepath.Join(dir, "fr-FR", "d.md"), "# Titre\n\n- un\n- deux\n\n```\ncode\n```\n")
	write(t, filepath.Join(dir, "en-US", "e.md"), "# Title\n\n- one\n- two\n\n```\ncode\n```\n")
	write(t, filepath.Join(dir, "fr-FR", "e.md"), big)
	cfg := config.Default()
	cfg.MaxFileSize = 4 << 10
	res, err := Run([]string{dir}, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule != "file-format" {
			got = append(got, f.Path+" "+f.Rule+": "+f.Message)
		} else if !strings.Contains(f.Message, "over the max-file-size") {
			t.Errorf("file-format finding: %s", f.Message)
		}
	}
	if len(got) > 0 {
		t.Errorf("findings against unread pages:\n%s", strings.Join(got, "\n"))
	}
	// The same set with the limit lifted: the comparisons happen.
	cfg.MaxFileSize = 0
	if res, err = Run([]string{dir}, Options{Config: cfg}); err != nil {
		t.Fatal(err)
	}
	rulesSeen := map[string]bool{}
	for _, f := range res.Findings {
		rulesSeen[f.Rule] = true
	}
	if !rulesSeen["stale-source"] || !rulesSeen["structure-mismatch"] {
		t.Errorf("without the limit, stale-source should report x-2 and structure-mismatch d.md and e.md; rules seen: %v", rulesSeen)
	}
}

// An editor buffer (LSP overlay) over max-file-size is reported like a file.
func TestMaxFileSizeOverlay(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fr-FR", "open.md")
	cfg := config.Default()
	cfg.MaxFileSize = 100
	res, err := Run([]string{p}, Options{Config: cfg, Overlay: map[string][]byte{p: []byte(strings.Repeat("Bonjour. ", 20))}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "file-format" || !strings.Contains(res.Findings[0].Message, "180 bytes is over the max-file-size of 100 bytes") {
		t.Fatalf("findings: %+v", res.Findings)
	}
}

// A rule that reports outside the text is an internal error: its finding is
// kept, clamped, and a fix outside the text is dropped, never applied
// somewhere else.
func TestOutOfRangeFindingsAreInternalErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "fr-FR", "p.md"), "Bonjour\n")
	reg := rules.NewRegistry()
	_ = reg.Register(&rules.Rule{ID: "sloppy", Severity: rules.Warning, Run: func(p *rules.Pass) {
		p.Report(rules.Finding{Rule: "sloppy", Severity: rules.Warning, Path: p.Page.Path, Range: rules.Range{Start: 3, End: 99},
			Message: "too far", Fixes: []rules.Edit{{Range: rules.Range{Start: 5, End: 2}, New: "x"}, {Range: rules.Range{Start: 0, End: 1}, New: "b"}}})
	}})
	res, err := Run([]string{dir}, Options{Config: config.Default(), Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) != 1 || !strings.Contains(res.Internal[0], "rule sloppy: finding range 3-99 outside the text (8 bytes); fix range 5-2 outside the text") {
		t.Errorf("internal errors: %q", res.Internal)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	f := res.Findings[0]
	if f.Range != (rules.Range{Start: 3, End: 8}) || len(f.Fixes) != 1 || f.Fixes[0].New != "b" || len(f.FixPlaces) != 1 {
		t.Errorf("finding %+v: want range 3-8 and only the valid fix", f)
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 1<<20 - 1: "1 MiB", 16 << 20: "16 MiB",
		10*1<<20 + 1<<19: "10.5 MiB", 3 << 30: "3 GiB",
	} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestMissingPageExpectedPath: missing-page names where the translation
// belongs in the layout the set uses (here Docusaurus's i18n tree).
func TestMissingPageExpectedPath(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "docs", "intro.md"), "# Intro\n")
	write(t, filepath.Join(dir, "docs", "guide.md"), "# Guide\n")
	write(t, filepath.Join(dir, "i18n", "fr", "docusaurus-plugin-content-docs", "current", "guide.md"), "# Guide\n")
	res, err := Run([]string{dir}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "missing-page" {
			got = append(got, f.Message)
		}
	}
	want := "/i18n/fr/docusaurus-plugin-content-docs/current/intro.md (fr translates 1 of 2 source pages, 50.0%)"
	if len(got) != 1 || !strings.HasPrefix(got[0], "no fr translation: expected at ") || !strings.HasSuffix(got[0], want) {
		t.Errorf("missing-page findings %q, want one saying %q...", got, want)
	}
}

// TestSameLocaleFolders: two folders of one locale (fr-FR and fr-fr) are
// named in a notice; their pages are still all checked.
func TestSameLocaleFolders(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Bonjour 5</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello 6</span></span>` + "\n"
	write(t, filepath.Join(dir, "en-US", "a.md"), "Hello 6\n")
	write(t, filepath.Join(dir, "fr-FR", "a.md"), seg)
	write(t, filepath.Join(dir, "fr-fr", "b.md"), seg)
	write(t, filepath.Join(dir, "de-DE", "a.md"), seg)
	res, err := Run([]string{dir}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "the folders fr-FR, fr-fr are one locale") {
		t.Errorf("notices %q, want one naming fr-FR and fr-fr", res.Notices)
	}
	if res.Files != 4 {
		t.Errorf("%d files checked, want 4", res.Files)
	}
}

// TestSameLocaleFoldersDocusaurus: the notice looks in i18n/ too.
func TestSameLocaleFoldersDocusaurus(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "docs", "a.md"), "# A\n")
	write(t, filepath.Join(dir, "i18n", "fr", "docusaurus-plugin-content-docs", "current", "a.md"), "# A\n")
	write(t, filepath.Join(dir, "i18n", "FR", "docusaurus-plugin-content-docs", "current", "b.md"), "# B\n")
	res, err := Run([]string{dir}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "i18n: the folders FR, fr are one locale") {
		t.Errorf("notices %q, want one for i18n/fr and i18n/FR", res.Notices)
	}
}

// TestParseSafely: a parser panic makes the page unread, with a
// file-format problem and the panic as an internal error, instead of
// stopping the run (a one-line YAML mapping once did).
func TestParseSafely(t *testing.T) {
	pg, unread, bug := parseSafely("fr-FR/a.md", func() *rules.Page { panic("slice bounds out of range") })
	if !unread || len(pg.FileProblems) != 1 || pg.Path != "fr-FR/a.md" || !strings.Contains(bug, "slice bounds out of range") {
		t.Errorf("page %+v unread %v bug %q", pg, unread, bug)
	}
	ok := &rules.Page{Path: "fr-FR/b.md"}
	if pg, unread, bug := parseSafely("fr-FR/b.md", func() *rules.Page { return ok }); pg != ok || unread || bug != "" {
		t.Errorf("a parse that works: page %+v unread %v bug %q", pg, unread, bug)
	}
}

// TestCorpusFindingSnippets: a corpus rule's finding carries the text of
// its range as its snippet, like a page rule's (JSON_SCHEMA.md), while its
// fingerprint stays what it was (baselines keep matching).
func TestCorpusFindingSnippets(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "fr-FR", "a.md"), "Voir [la page](missing.md).\n")
	write(t, filepath.Join(dir, "en-US", "a.md"), "See [the page](missing.md).\n")
	res, err := Run([]string{filepath.Join(dir, "fr-FR")}, Options{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule != "broken-link" {
			continue
		}
		if f.Snippet != "missing.md" {
			t.Errorf("broken-link snippet %q, want %q", f.Snippet, "missing.md")
		}
		if want := fingerprint(f.Finding, f.ProjectPath, ""); f.Fingerprint != want {
			t.Errorf("fingerprint %s, want %s (as made before snippets)", f.Fingerprint, want)
		}
		return
	}
	t.Fatal("no broken-link finding")
}

// TestMissingPageOfATreeNamedWhole: check fr-FR reports the pages fr-FR
// lacks, on the source pages, which are not named (and for that locale
// only, counted for it); a run on some of the tree's files reports none.
// A directive on such a source page silences its finding and is not
// reported unused, nor is a directive there for another rule.
func TestMissingPageOfATreeNamedWhole(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "en-US", "a.md"), "# A\n\n<!-- l10nlint-disable-file typography -->\n")
	write(t, filepath.Join(dir, "en-US", "b.md"), "# B\n")
	write(t, filepath.Join(dir, "en-US", "sub", "c.md"), "<!-- l10nlint-disable-file missing-page -- not for translation -->\n# C\n")
	write(t, filepath.Join(dir, "fr-FR", "a.md"), "# A\n")
	write(t, filepath.Join(dir, "zh-CN", "a.md"), "# A\n")
	run := func(paths ...string) (got []string) {
		t.Helper()
		res, err := Run(paths, Options{Config: config.Default()})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Rule == "missing-page" || f.Rule == "unused-suppression" {
				p := filepath.ToSlash(f.Path)
				p = p[strings.LastIndex(p[:strings.LastIndex(p, "/")], "/")+1:] // en-US/b.md
				got = append(got, p+" ["+f.Locale+"] "+f.Message)
			}
		}
		return got
	}
	got := run(filepath.Join(dir, "fr-FR"))
	want := "en-US/b.md [fr-FR] no fr-FR translation: expected at "
	if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.HasSuffix(got[0], "(fr-FR translates 1 of 3 source pages, 33.3%)") {
		t.Errorf("check fr-FR: %q, want one finding %q...", got, want)
	}
	if got := run(filepath.Join(dir, "fr-FR", "a.md")); len(got) != 0 {
		t.Errorf("check fr-FR/a.md: %q, want none", got)
	}
	// Named whole, both trees: each locale's missing pages.
	if got := run(filepath.Join(dir, "fr-FR"), filepath.Join(dir, "zh-CN")); len(got) != 2 {
		t.Errorf("check fr-FR zh-CN: %q, want two", got)
	}
}

// TestFindingLocaleIsTheTree: a finding counts for the locale tree its page
// is in — a page that declares another locale, a file that cannot be read —
// as the corpus rules' findings do.
func TestFindingLocaleIsTheTree(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("fr-FR", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("fr-FR/bin.md", []byte("\x00\x01\x02binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := "---\ntitle: T\nms.contentlocale: de-DE\n---\n\n" +
		`<span data-ttu-id="a-1">Il y a 3 pages.</span><span class="sxs-lookup"><span data-stu-id="a-1">There are 4 pages.</span></span>` + "\n"
	if err := os.WriteFile("fr-FR/p.md", []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run([]string{"fr-FR"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		seen[f.Rule] = true
		if f.Locale != "fr-FR" {
			t.Errorf("%s on %s counts for %q, want fr-FR", f.Rule, f.Path, f.Locale)
		}
	}
	for _, r := range []string{"file-format", "front-matter", "number-mismatch"} {
		if !seen[r] {
			t.Errorf("no %s finding: the case proves nothing (%v)", r, seen)
		}
	}
	// Outside any tree, the configured locale.
	if err := os.WriteFile("notes.md", []byte("\x00\x00bin"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Locale = "fr-FR"
	res, err = Run([]string{"notes.md"}, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "file-format" || res.Findings[0].Locale != "fr-FR" {
		t.Errorf("an unreadable file outside any tree: %+v", res.Findings)
	}
}

// TestCorpusNoInternalError runs every rule, the opt-in ones too, on the
// whole shared corpus (four trees, 2,283 pages): no rule may panic or
// report outside its page there. (A rule's panic on two pages once showed
// only in the CI's HTML run.)
func TestCorpusNoInternalError(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "o365seccomp")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus absent (%s): the test needs ../shared beside the repository", dir)
	}
	if testing.Short() {
		t.Skip("the whole corpus: not with -short")
	}
	cfg := config.Default()
	allRulesOn(cfg)
	res, err := Run([]string{dir}, Options{Config: cfg, Registry: rules.Default})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) > 0 {
		t.Errorf("%d internal errors, the first: %s", len(res.Internal), res.Internal[0])
	}
	if len(res.Findings) == 0 {
		t.Error("no finding on the corpus")
	}
}

// allRulesOn turns the opt-in rules of cfg on, at warning: every rule runs.
func allRulesOn(cfg *config.Config) {
	for _, r := range rules.Default.All() {
		if cfg.Severity(r) == rules.Off {
			sev := rules.Warning
			rc := cfg.Rules[r.ID]
			rc.Severity = &sev
			cfg.Rules[r.ID] = rc
		}
	}
}
