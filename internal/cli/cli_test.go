package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

const example = "../../testdata/example"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// goldenDir and repoRoot are absolute: a test may change directory (the
// example's goldens are made from the repository's top, as a user runs it).
var (
	goldenDir, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "cli"))
	repoRoot, _  = filepath.Abs(filepath.Join("..", ".."))
)

func golden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (rerun with -update after checking):\n%s", name, got)
	}
}

func TestExampleText(t *testing.T) {
	// From the repository's top, as the README's first command runs: the
	// golden file is the output a user sees, paths included.
	t.Chdir(repoRoot)
	code, out, errs := run(t, "check", "testdata/example", "--no-color")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1; stderr: %s", code, errs)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("color escape codes in --no-color output")
	}
	// The planted defects of the example, each with its rule.
	for _, want := range []string{
		"fr-FR/offering-iso-22301.md:10:355: error number-mismatch", // ISO 22301 → ISO 20000-1:2011, at the latter
		"error number-mismatch",
		"error link-mismatch", "error code-mismatch", "warning untranslated", "warning markup-mismatch",
		"error empty-target", "error segment-pairing", "error front-matter",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	golden(t, "example.txt", out)
}

func TestExampleDeterministicAcrossJobs(t *testing.T) {
	t.Chdir(repoRoot)
	_, one, _ := run(t, "check", "testdata/example", "-f", "json", "--jobs", "1")
	_, many, _ := run(t, "check", "testdata/example", "-f", "json", "--jobs", "8")
	if one != many {
		t.Error("JSON output differs between --jobs 1 and --jobs 8")
	}
	golden(t, "example.json", one)
}

func TestExampleSARIFValidates(t *testing.T) {
	schema := filepath.Join("..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	if _, err := os.Stat(schema); err != nil {
		t.Skip("SARIF schema not found: ../shared absent")
	}
	code, out, _ := run(t, "check", example, "-f", "sarif")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(schema)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
				Fixes  []struct {
					Description     struct{ Text string } `json:"description"`
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Replacements     []struct {
							DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int } `json:"deletedRegion"`
							InsertedContent struct{ Text string }                                    `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) < 9 {
		t.Fatalf("unexpected SARIF content: %v", err)
	}
	// The planted ms.contentlocale: de-DE comes with its fix, as --fix
	// would apply it: line 6, columns 19 to 24 become fr-FR.
	fixes := 0
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "front-matter" {
			continue
		}
		fixes++
		if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 || len(r.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
			t.Fatalf("front-matter fix: %+v", r.Fixes)
		}
		ch := r.Fixes[0].ArtifactChanges[0]
		rep := ch.Replacements[0]
		if !strings.HasSuffix(ch.ArtifactLocation.URI, "fr-FR/offering-iso-22301.md") || rep.InsertedContent.Text != "fr-FR" ||
			rep.DeletedRegion.StartLine != 6 || rep.DeletedRegion.StartColumn != 19 || rep.DeletedRegion.EndColumn != 24 ||
			r.Fixes[0].Description.Text != `Replace with "fr-FR"` {
			t.Errorf("front-matter fix: %+v", r.Fixes[0])
		}
	}
	if fixes != 1 {
		t.Errorf("%d front-matter results, want 1", fixes)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "fr-FR", "ok.md")
	write(t, clean, "---\ntitle: Titre\nms.contentlocale: fr-FR\n---\n# "+
		`<span data-ttu-id="a-1">Bonjour</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello</span></span>`+"\n")
	badCfg := filepath.Join(dir, "bad.yaml")
	write(t, badCfg, "rules:\n  no-such-rule: off\n")
	offCfg := filepath.Join(dir, "off.yaml")
	write(t, offCfg, "rules:\n  number-mismatch: off\n  link-mismatch: off\n  code-mismatch: off\n  empty-target: off\n  segment-pairing: off\n  front-matter: off\n  corrupt-characters: off\n")
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"clean file", []string{"check", clean}, ExitOK, ""},
		{"findings", []string{"check", example}, ExitFindings, ""},
		{"fail-on never", []string{"check", example, "--fail-on", "never"}, ExitOK, ""},
		{"errors off, warnings remain below the fail level", []string{"check", example, "--config", offCfg}, ExitOK, ""},
		{"errors off, fail on warnings", []string{"check", example, "--config", offCfg, "--fail-on", "warning"}, ExitFindings, ""},
		{"bad config", []string{"check", example, "--config", badCfg}, ExitUsage, `bad.yaml:2: unknown rule "no-such-rule"`},
		{"missing config", []string{"check", example, "--config", filepath.Join(dir, "nope.yaml")}, ExitUsage, "not found"},
		{"unknown format", []string{"check", example, "-f", "xml"}, ExitUsage, `unknown format "xml"`},
		{"bad fail-on", []string{"check", example, "--fail-on", "sometimes"}, ExitUsage, "--fail-on"},
		{"missing path", []string{"check", filepath.Join(dir, "nope")}, ExitUsage, "no such file or directory"},
		{"unknown flag", []string{"check", "--frobnicate"}, ExitUsage, "unknown flag"},
		{"unknown command", []string{"lint"}, ExitUsage, "unknown command"},
		{"explain unknown", []string{"explain", "nope"}, ExitUsage, `unknown rule or tag "nope"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := run(t, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.Contains(errs, c.stderr) {
				t.Errorf("stderr %q lacks %q", errs, c.stderr)
			}
		})
	}
}

// TestNothingChecked: a run that finds no file to check says so on
// stderr (its exit status stays 0: an empty set is no failure).
func TestNothingChecked(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "notes.txt"), "x\n")
	code, _, errs := run(t, "check", dir)
	if code != ExitOK || !strings.Contains(errs, "no file checked: ") || !strings.Contains(errs, "**/*.md, **/*.markdown") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	code, stdout, _ := run(t, "check", example, "-f", "json", "-o", out)
	if code != ExitFindings || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil || !json.Valid(b) {
		t.Fatalf("report file: %v", err)
	}
	// A report replaces the old one whole (written aside, then renamed):
	// no temporary file is left beside it, and its mode is kept.
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "check", example, "-f", "sarif", "-o", out); code != ExitFindings {
		t.Fatalf("second report: exit %d", code)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("files beside the report: %v", entries)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want the old file's 0600", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), `"version": "2.1.0"`) {
		t.Error("the report was not replaced")
	}
	// A link is followed: the file it names gets the report, the link
	// stays a link.
	link := filepath.Join(t.TempDir(), "link.json")
	if err := os.Symlink(out, link); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "check", example, "-f", "json", "-o", link); code != ExitFindings {
		t.Fatalf("report through a link: exit %d", code)
	}
	if li, err := os.Lstat(link); err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(out); !json.Valid(b) || strings.Contains(string(b), `"version": "2.1.0"`) {
		t.Error("the file the link names did not get the JSON report")
	}
	// A dangling link: the report is written where it points.
	dangling := filepath.Join(t.TempDir(), "dangling.json")
	if err := os.Symlink("report-here.json", dangling); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "check", example, "-f", "json", "-o", dangling); code != ExitFindings {
		t.Fatalf("report through a dangling link: exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(dangling), "report-here.json")); err != nil || !json.Valid(b) {
		t.Errorf("the file a dangling link names: %v", err)
	}
	if code, _, errs := run(t, "check", example, "-o", filepath.Dir(out)); code != ExitUsage || !strings.Contains(errs, "is a directory") {
		t.Errorf("--output naming a directory: %d %s", code, errs)
	}
}

func TestRulesExplainVersion(t *testing.T) {
	_, out, _ := run(t, "rules")
	for _, id := range []string{"segment-pairing", "empty-target", "untranslated", "number-mismatch", "link-mismatch",
		"code-mismatch", "markup-mismatch", "length-ratio", "front-matter", "file-format"} {
		if !strings.Contains(out, id) {
			t.Errorf("rules lacks %s", id)
		}
	}
	if !strings.Contains(out, "\nTags (check --enable") || !strings.Contains(out, "  corpus             broken-link, cross-locale-source,") ||
		!strings.Contains(out, "  tag:links          broken-link, link-mismatch\n") {
		t.Errorf("rules lacks the tag index:\n%s", out)
	}
	code, out, _ := run(t, "explain", "links") // an alias
	if code != 0 || !strings.HasPrefix(out, "link-mismatch: ") || !strings.Contains(out, "Default severity: error") {
		t.Errorf("explain links: %d %q", code, out)
	}
	code, out, _ = run(t, "explain", "pages") // a tag
	if code != 0 || !strings.HasPrefix(out, "Tag pages: 2 rules") || !strings.Contains(out, "  missing-page ") || !strings.Contains(out, "  orphan-page ") {
		t.Errorf("explain pages: %d %q", code, out)
	}
	code, out, _ = run(t, "explain", "tag:links") // a tag that is also an alias
	if code != 0 || !strings.HasPrefix(out, "Tag links: 2 rules") {
		t.Errorf("explain tag:links: %d %q", code, out)
	}
	if code, _, errs := run(t, "explain", "nothing-by-that-name"); code != ExitUsage || !strings.Contains(errs, "unknown rule or tag") {
		t.Errorf("explain of an unknown name: %d %q", code, errs)
	}
	_, out, _ = run(t, "version")
	if !strings.HasPrefix(out, "l10nlint ") {
		t.Errorf("version: %q", out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadInput: broken and unusual files each give a finding or pass, the
// run goes on, nothing panics and nothing is written to the tree.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Bonjour le monde, voici un exemple.</span><span class="sxs-lookup"><span data-stu-id="a-1">Hello world, here is an example.</span></span>`
	write(t, filepath.Join(dir, "fr-FR", "crlf.md"), strings.ReplaceAll("---\ntitle: T\n---\n# "+seg+"\n", "\n", "\r\n"))
	write(t, filepath.Join(dir, "fr-FR", "binary.md"), "\x00\x01\x02PNG")
	write(t, filepath.Join(dir, "fr-FR", "latin1.md"), "# Caf\xe9\n")
	write(t, filepath.Join(dir, "fr-FR", "yaml.md"), "---\ntitle: [unclosed\n---\n# T\n")
	write(t, filepath.Join(dir, "fr-FR", "unclosed.md"), "# <span data-ttu-id=\"a-1\">Bonjour\n")
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "# " + seg + "\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	if err := os.WriteFile(filepath.Join(dir, "fr-FR", "utf16.md"), u16, 0o644); err != nil {
		t.Fatal(err)
	}
	var big strings.Builder // about 4 MB
	for i := 0; i < 20000; i++ {
		big.WriteString("# " + strings.ReplaceAll(seg, "a-1", fmt.Sprintf("b-%d", i)) + "\n\n")
	}
	write(t, filepath.Join(dir, "fr-FR", "big.md"), big.String())
	// Paragraphs of constructs left open, 300 KB each: every one used to
	// scan to the end of its paragraph (quadratic: a minute for such a file).
	var open strings.Builder
	for _, unit := range []string{"x <y ", "`[", "<!-- x ", "<![CDATA[ x ", "<? x ", "<!X y ", "[a](b",
		"<http://x ", "[a][b ", `[a](b "t `} {
		open.WriteString(strings.Repeat(unit, 300000/len(unit)) + "\n\n")
	}
	write(t, filepath.Join(dir, "fr-FR", "angles.md"), open.String())
	write(t, filepath.Join(dir, "fr-FR", "stray.md"), strings.Repeat("data-ttu-id ", 3000)+"\n")
	if err := os.Symlink(dir, filepath.Join(dir, "fr-FR", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing.md"), filepath.Join(dir, "fr-FR", "dangling.md")); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	code, out, errs := run(t, "check", dir, "-f", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr %s", code, errs)
	}
	var rep struct {
		Summary struct {
			Files int `json:"files"`
		} `json:"summary"`
		Findings []struct {
			Rule    string `json:"rule"`
			Path    string `json:"path"`
			Message string `json:"message"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[filepath.Base(f.Path)] += f.Rule + ": " + f.Message + "\n"
	}
	for file, want := range map[string]string{
		"binary.md":   "file-format: cannot read as text: binary file",
		"latin1.md":   "file-format: invalid UTF-8 byte 0xE9",
		"yaml.md":     "front-matter: front matter is not valid YAML",
		"unclosed.md": `segment-pairing: target span data-ttu-id="a-1" is not closed`,
		"dangling.md": "file-format: cannot follow symbolic link",
		"stray.md":    `segment-pairing: malformed tag: "data-ttu-id" is not inside a well-formed HTML tag`,
	} {
		if !strings.Contains(got[file], want) {
			t.Errorf("%s: findings %q lack %q", file, got[file], want)
		}
	}
	for _, clean := range []string{"crlf.md", "utf16.md", "big.md", "angles.md"} {
		if got[clean] != "" {
			t.Errorf("%s: unexpected findings %.300q", clean, got[clean])
		}
	}
	if rep.Summary.Files != 10 {
		t.Errorf("checked %d files, want 10 (the link loop is not followed)", rep.Summary.Files)
	}
	if after := listing(t, dir); after != before {
		t.Errorf("check changed the tree:\n%s\n%s", before, after)
	}
}

func listing(t *testing.T, dir string) string {
	var b strings.Builder
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + info.ModTime().String() + "\n")
		}
		return nil
	})
	return b.String()
}

func TestCustomPatternRule(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "cfg.yaml")
	write(t, cfg, `custom-rules:
  - id: fr-cliquez-sur
    message: write "cliquez sur", not "click"
    severity: error
    locales: [fr]
    if-source: '(?i)\bclick\b'
    target-must-not-match: '(?i)\bclick\b'
  - id: keep-report
    message: the target must name the report
    if-source: 'report'
    target-must-match: '(?i)rapport|报告|Bericht'
rules:
  fr-cliquez-sur:
    severity: warning
`)
	page := filepath.Join(dir, "fr-FR", "p.md")
	write(t, page, `<span data-ttu-id="a-1">Click sur **Télécharger**.</span><span class="sxs-lookup"><span data-stu-id="a-1">Click **Download**.</span></span>`+"\n\n"+
		`<span data-ttu-id="a-2">Enregistrez le fichier.</span><span class="sxs-lookup"><span data-stu-id="a-2">Save the report.</span></span>`+"\n")
	code, out, errs := run(t, "check", page, "--config", cfg, "--no-color", "--fail-on", "warning")
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		`p.md:1:25: warning fr-cliquez-sur: write "cliquez sur", not "click" (the target matches (?i)\bclick\b)`,
		`p.md:3:25: warning keep-report: the target must name the report (the target should match (?i)rapport|报告|Bericht)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = run(t, "rules", "--config", cfg)
	if !strings.Contains(out, "fr-cliquez-sur") {
		t.Errorf("rules does not list the custom rule:\n%s", out)
	}
	_, out, _ = run(t, "explain", "keep-report", "--config", cfg)
	if !strings.Contains(out, "cfg.yaml:8") || !strings.Contains(out, "The target must match: (?i)rapport") {
		t.Errorf("explain keep-report:\n%s", out)
	}
	// severity: off makes the rule opt-in: silent until enabled.
	write(t, cfg, "custom-rules:\n  - id: keep-report\n    severity: off\n    if-source: report\n    target-must-match: rapport\n")
	if _, out, _ := run(t, "check", page, "--config", cfg, "--no-color", "--fail-on", "never"); strings.Contains(out, "keep-report") {
		t.Errorf("a custom rule with severity: off ran:\n%s", out)
	}
	if _, out, _ := run(t, "check", page, "--config", cfg, "--no-color", "--fail-on", "never", "--enable", "keep-report"); !strings.Contains(out, "keep-report") {
		t.Errorf("an opt-in custom rule enabled by name did not run:\n%s", out)
	}
	write(t, cfg, "custom-rules:\n  - id: bad\n    target-must-match: '(unclosed'\n")
	if code, _, errs := run(t, "check", page, "--config", cfg); code != ExitUsage || !strings.Contains(errs, "cfg.yaml:3: custom-rules: target-must-match: error parsing regexp") {
		t.Errorf("bad regexp: %d %s", code, errs)
	}
}

// TestExternalLinks checks http(s) links only with --external, against a
// local server.
func TestExternalLinks(t *testing.T) {
	var hits int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	page := filepath.Join(dir, "fr-FR", "p.md")
	write(t, page, "# Titre\n\nVoir [la page]("+srv.URL+"/fine) et [l’ancienne]("+srv.URL+"/gone).\n")
	code, out, _ := run(t, "check", page, "--no-color")
	if code != ExitOK || atomic.LoadInt32(&hits) != 0 {
		t.Fatalf("without --external: exit %d, %d requests\n%s", code, hits, out)
	}
	cache := filepath.Join(dir, "cache.json")
	code, out, errs := run(t, "check", page, "--no-color", "--external", "--external-cache", cache)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	line := "Voir [la page](" + srv.URL + "/fine) et [l’ancienne](" + srv.URL + "/gone)."
	col := utf8.RuneCountInString(line[:strings.LastIndex(line, srv.URL)]) + 1
	want := fmt.Sprintf(`p.md:3:%d: error broken-link: external link "%s/gone" is broken: HTTP 404 Not Found`, col, srv.URL)
	if !strings.Contains(out, want) || strings.Count(out, "broken-link:") != 1 {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	n := atomic.LoadInt32(&hits)
	run(t, "check", page, "--no-color", "--external", "--external-cache", cache)
	if atomic.LoadInt32(&hits) != n {
		t.Errorf("second run made %d requests; the cache should answer", atomic.LoadInt32(&hits)-n)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"docs/en-US/a.md", "docs/fr-fr/a.md", "docs/zh-CN/a.md"} {
		write(t, filepath.Join(dir, p), "# A\n")
	}
	code, out, _ := run(t, "init", dir, "--print")
	if code != ExitOK || !strings.Contains(out, "#   docs/: en-US, fr-FR, zh-CN") || !strings.Contains(out, "source-locale: en-US") {
		t.Fatalf("init --print: %d\n%s", code, out)
	}
	gen, err := config.Parse([]byte(out), "init", rules.Default)
	if err != nil {
		t.Fatalf("the generated configuration does not load: %v", err)
	}
	// It checks what a run without it checks (.markdown files too).
	for _, p := range []string{"docs/fr-fr/a.md", "docs/fr-fr/b.markdown"} {
		if !gen.Match(p) || !config.Default().Match(p) {
			t.Errorf("%s: included by the generated configuration %v, by default %v", p, gen.Match(p), config.Default().Match(p))
		}
	}
	if code, _, _ := run(t, "init", dir); code != ExitOK {
		t.Fatalf("init: %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, config.FileName)); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "init", dir); code != ExitUsage || !strings.Contains(errs, "--force") {
		t.Errorf("init over an existing file: %d %s", code, errs)
	}
	// A folder that is not there is a usage error, as for check.
	if code, _, errs := run(t, "init", filepath.Join(dir, "nope")); code != ExitUsage || !strings.Contains(errs, "no such directory") {
		t.Errorf("init on a missing folder: %d %s", code, errs)
	}
	if strings.Contains(out, "No source-language") {
		t.Errorf("a set with its en-US tree is told it has none:\n%s", out)
	}
	// A set kept in a folder with a language's name (ms/ is Malay) is a
	// set, not a Malay tree.
	ms := filepath.Join(t.TempDir(), "ms")
	for _, p := range []string{"en-US/a.md", "fr-FR/a.md"} {
		write(t, filepath.Join(ms, p), "# A\n")
	}
	if _, out, _ := run(t, "init", ms, "--print"); !strings.Contains(out, "#   ./: en-US, fr-FR") || strings.Contains(out, "No source-language") {
		t.Errorf("init on a set in ms/:\n%s", out)
	}
	// Locale trees without the source tree beside them (src/ and
	// translations/{locale}/): the configuration says where to map it.
	other := t.TempDir()
	for _, p := range []string{"src/guide/a.md", "translations/fr-FR/guide/a.md", "translations/de-DE/guide/a.md"} {
		write(t, filepath.Join(other, p), "# A\n")
	}
	if _, out, _ := run(t, "init", other, "--print"); !strings.Contains(out, "No source-language (en) tree beside them") {
		t.Errorf("init on translations/ without its source tree:\n%s", out)
	}
}

func TestFix(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "fr-FR", "p.md")
	orig := "---\ntitle: Titre\nms.contentlocale: de-DE\n---\n# Titre\n"
	write(t, page, orig)
	if err := os.Chmod(page, 0o600); err != nil {
		t.Fatal(err)
	}
	// --diff shows the fix and changes nothing: the findings are all still
	// there, and the exit status says so (a CI step can fail on them).
	code, out, _ := run(t, "check", page, "--fix", "--diff")
	want := "@@ -1,5 +1,5 @@\n ---\n title: Titre\n-ms.contentlocale: de-DE\n+ms.contentlocale: fr-FR\n ---\n # Titre\n"
	if code != ExitFindings || !strings.Contains(out, want) {
		t.Fatalf("--fix --diff: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "check", page, "--fix", "--diff", "--fail-on", "Never"); code != ExitOK {
		t.Fatalf("--fix --diff --fail-on never: exit %d", code)
	}
	// --output takes the diff; --format does not apply to it.
	patch := filepath.Join(dir, "fix.patch")
	if code, out, _ := run(t, "check", page, "--fix", "--diff", "-o", patch); code != ExitFindings || out != "" {
		t.Fatalf("--fix --diff -o: exit %d, stdout %q", code, out)
	}
	if b, _ := os.ReadFile(patch); !strings.Contains(string(b), want) {
		t.Errorf("--output of --diff:\n%s", b)
	}
	if code, _, errs := run(t, "check", page, "--fix", "--diff", "-f", "sarif"); code != ExitUsage || !strings.Contains(errs, "--format sarif does not apply") {
		t.Errorf("--diff --format sarif: %d %s", code, errs)
	}
	if b, _ := os.ReadFile(page); string(b) != orig {
		t.Fatal("--diff changed the file")
	}
	if code, _, _ := run(t, "check", page); code != ExitFindings {
		t.Fatalf("before the fix: exit %d", code)
	}
	code, out, errs := run(t, "check", page, "--fix", "--no-color")
	if code != ExitOK || !strings.Contains(errs, "fixed 1 finding in 1 file") || strings.Contains(out, "front-matter") {
		t.Fatalf("--fix: exit %d\n%s\n%s", code, out, errs)
	}
	b, _ := os.ReadFile(page)
	st, _ := os.Stat(page)
	if !strings.Contains(string(b), "ms.contentlocale: fr-FR") || st.Mode().Perm() != 0o600 {
		t.Errorf("after --fix: %q, mode %v", b, st.Mode().Perm())
	}
	if code, _, _ := run(t, "check", page); code != ExitOK {
		t.Errorf("after the fix: exit %d", code)
	}
	if code, _, errs := run(t, "check", page, "--diff"); code != ExitUsage || !strings.Contains(errs, "--diff goes with --fix") {
		t.Errorf("--diff alone: %d %s", code, errs)
	}
	// A byte order mark is in the diff as on disk (patch and git apply
	// refused a diff without it), and kept by the fix.
	bom := filepath.Join(dir, "fr-FR", "bom.md")
	write(t, bom, "\ufeff"+orig)
	if _, out, _ := run(t, "check", bom, "--fix", "--diff"); !strings.Contains(out, "@@ -1,5 +1,5 @@\n \ufeff---\n") {
		t.Errorf("--diff of a file with a BOM:\n%q", out)
	}
	run(t, "check", bom, "--fix")
	if b, _ := os.ReadFile(bom); !strings.HasPrefix(string(b), "\ufeff---\n") || !strings.Contains(string(b), "fr-FR") {
		t.Errorf("after --fix: %q", b)
	}
}

// TestRuleDocs keeps docs/rules.md, the rule documentation SARIF and the
// LSP link to, generated from the rules' metadata (go test -update rewrites it).
func TestRuleDocs(t *testing.T) {
	code, out, _ := run(t, "rules", "--format", "markdown")
	if code != ExitOK || !strings.Contains(out, "## number-mismatch") {
		t.Fatalf("rules --format markdown: %d", code)
	}
	path := filepath.Join("..", "..", "docs", "rules.md")
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || string(want) != out {
		t.Errorf("docs/rules.md is out of date: run go test ./internal/cli -update")
	}
}

// TestBaselineFromAnotherDirectory: with a configuration file, a baseline
// written at the project's root holds when the check runs from a
// subdirectory (paths and fingerprints are relative to the project).
func TestBaselineFromAnotherDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := `<span data-ttu-id="a-1">Conservez 6 rapports.</span><span class="sxs-lookup"><span data-stu-id="a-1">Keep 12 reports.</span></span>`
	write(t, ".l10nlint.yaml", "source-locale: en-US\n")
	write(t, "docs/fr-FR/p.md", "# Titre\n\n"+seg+"\n")
	if code, _, errs := run(t, "baseline", "docs"); code != ExitOK || !strings.Contains(errs, "1 findings written") {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	fingerprints := func() []string {
		_, out, _ := run(t, "check", ".", "-f", "json")
		var rep struct {
			Findings []struct{ Fingerprint, Path string }
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		var fps []string
		for _, f := range rep.Findings {
			fps = append(fps, f.Fingerprint)
		}
		return fps
	}
	atRoot := fingerprints()
	t.Chdir(filepath.Join(dir, "docs"))
	if code, out, errs := run(t, "check", ".", "--baseline", "../.l10nlint-baseline.json", "--no-color"); code != ExitOK {
		t.Fatalf("check from docs/ with the root's baseline: %d\n%s%s", code, out, errs)
	}
	if inDocs := fingerprints(); len(atRoot) != 1 || !reflect.DeepEqual(inDocs, atRoot) {
		t.Errorf("fingerprints at the root %q, in docs/ %q", atRoot, inDocs)
	}
}

// TestBaselineStaleOnSubset: a check of some files counts as stale only the
// baseline entries of those files (a pre-commit run named one file and was
// told to rewrite the baseline, which would have dropped the others).
func TestBaselineStaleOnSubset(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := `<span data-ttu-id="a-1">Conservez 6 rapports.</span><span class="sxs-lookup"><span data-stu-id="a-1">Keep 12 reports.</span></span>`
	write(t, "fr-FR/p.md", "# Titre\n\n"+seg+"\n")
	write(t, "fr-FR/q.md", "# Titre\n\n"+seg+"\n")
	if code, _, errs := run(t, "baseline", "fr-FR"); code != ExitOK || !strings.Contains(errs, "2 findings written") {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	if code, _, errs := run(t, "check", "fr-FR/p.md", "--baseline", ".l10nlint-baseline.json"); code != ExitOK || strings.Contains(errs, "no longer occur") {
		t.Errorf("one file of two checked: %d %s", code, errs)
	}
	write(t, "fr-FR/q.md", "# Titre\n")
	if _, _, errs := run(t, "check", "fr-FR", "--baseline", ".l10nlint-baseline.json"); !strings.Contains(errs, "1 baseline entries of the files checked no longer occur") {
		t.Errorf("a fixed finding: %s", errs)
	}
}

func TestBaselineAndSuppression(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := func(id, tgt, src string) string {
		return `<span data-ttu-id="` + id + `">` + tgt + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + `</span></span>`
	}
	body := "# Titre\n\n" + seg("a-1", "Conservez 6 rapports.", "Keep 12 reports.") + "\n"
	write(t, "fr-FR/p.md", body)
	if code, _, errs := run(t, "baseline", "fr-FR"); code != ExitOK || !strings.Contains(errs, "1 findings written to .l10nlint-baseline.json") {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	if code, out, _ := run(t, "check", "fr-FR", "--baseline", ".l10nlint-baseline.json"); code != ExitOK {
		t.Fatalf("check --baseline: %d\n%s", code, out)
	}
	// Lines shift above the finding: still baselined. A new defect is not.
	write(t, "fr-FR/p.md", "# Titre\n\nUn paragraphe ajouté.\n\n"+body+"\n"+seg("a-2", "Voir 3 pages.", "See 4 pages.")+"\n")
	code, out, _ := run(t, "check", "fr-FR", "--baseline", ".l10nlint-baseline.json", "--no-color")
	if code != ExitFindings || strings.Count(out, "number-mismatch:") != 1 || !strings.Contains(out, "source has 4") {
		t.Fatalf("new finding after the baseline: %d\n%s", code, out)
	}
	// An inline suppression with a reason; JSON keeps it with its justification.
	write(t, "fr-FR/p.md", "# Titre\n\n<!-- l10nlint-disable-next-line number-mismatch -- la source est fausse -->\n"+
		seg("a-1", "Conservez 6 rapports.", "Keep 12 reports.")+"\n\n<!-- l10nlint-disable code-mismatch -->\n")
	code, out, _ = run(t, "check", "fr-FR", "-f", "json")
	var rep struct {
		Findings   []struct{ Rule, Message string }
		Suppressed []struct{ Rule, Justification string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Suppressed) != 1 || rep.Suppressed[0].Rule != "number-mismatch" || rep.Suppressed[0].Justification != "la source est fausse" {
		t.Errorf("suppressed: %+v", rep.Suppressed)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Rule != "unused-suppression" || code != ExitOK {
		t.Errorf("exit %d, findings %+v (want the unused code-mismatch directive, a warning)", code, rep.Findings)
	}
	if code, _, errs := run(t, "check", "fr-FR", "--baseline", "nope.json"); code != ExitUsage || !strings.Contains(errs, "--baseline") {
		t.Errorf("missing baseline: %d %s", code, errs)
	}
}

func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=T"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	seg := func(id, tgt, src string) string {
		return `<span data-ttu-id="` + id + `">` + tgt + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + `</span></span>`
	}
	write(t, "fr-FR/p.md", "# Titre\n\n"+seg("a-1", "Conservez 6 rapports.", "Keep 12 reports.")+"\n")
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "old defect")
	write(t, "fr-FR/p.md", "# Titre\n\n"+seg("a-1", "Conservez 6 rapports.", "Keep 12 reports.")+"\n\n"+seg("a-2", "Voir 3 pages.", "See 4 pages.")+"\n")
	code, out, errs := run(t, "check", "fr-FR", "--new-from-rev", "HEAD", "--no-color")
	if code != ExitFindings || strings.Count(out, "number-mismatch:") != 1 || !strings.Contains(out, "p.md:5:") {
		t.Fatalf("--new-from-rev: %d %s\n%s", code, errs, out)
	}
	if code, _, errs := run(t, "check", "fr-FR", "--new-from-rev", "no-such-rev"); code != ExitUsage {
		t.Errorf("bad revision: %d %s", code, errs)
	}
}

func TestConfigIgnoreAndQuiet(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := `<span data-ttu-id="a-1">Conservez 6 rapports.</span><span class="sxs-lookup"><span data-stu-id="a-1">Keep 12 reports.</span></span>`
	write(t, "fr-FR/legal/p.md", "# Titre\n\n"+seg+"\n")
	write(t, "fr-FR/q.md", "# Titre\n\n"+seg+"\n")
	code, out, _ := run(t, "check", "fr-FR", "--quiet", "--no-color")
	if code != ExitFindings || strings.Count(out, "\n") != 2 || strings.Contains(out, "source:") || strings.Contains(out, "errors") {
		t.Fatalf("--quiet: one line per finding and nothing else:\n%s", out)
	}
	write(t, ".l10nlint.yaml", "ignore:\n  - path: \"fr-FR/legal/**\"\n    rules: [number-mismatch]\n  - segments: [zz-9]\n")
	_, out, _ = run(t, "check", "fr-FR", "--quiet", "--no-color")
	if strings.Contains(out, "legal/p.md") || !strings.Contains(out, "fr-FR/q.md:3:") {
		t.Errorf("ignore by path and rule:\n%s", out)
	}
	write(t, ".l10nlint.yaml", "ignore:\n  - rules: [no-such-rule]\n")
	if code, _, errs := run(t, "check", "fr-FR"); code != ExitUsage || !strings.Contains(errs, `.l10nlint.yaml:2: ignore: unknown rule "no-such-rule"`) {
		t.Errorf("bad ignore: %d %s", code, errs)
	}
}

// TestSARIFRepositoryPaths: run from a subdirectory of a git repository,
// a SARIF log's paths are relative to the repository's top, as GitHub code
// scanning reads them.
func TestSARIFRepositoryPaths(t *testing.T) {
	hermeticGit(t)
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	write(t, filepath.Join(dir, "docs", "fr-FR", "p.md"), `<span data-ttu-id="a-1">Conservez 6 rapports.</span><span class="sxs-lookup"><span data-stu-id="a-1">Keep 12 reports.</span></span>`+"\n")
	t.Chdir(filepath.Join(dir, "docs"))
	_, out, errs := run(t, "check", "fr-FR", "-f", "sarif")
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("SARIF: %v %s", err, errs)
	}
	if uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "docs/fr-FR/p.md" {
		t.Errorf("uri %q, want docs/fr-FR/p.md", uri)
	}
	// Through a link to the subdirectory, the same.
	link := filepath.Join(t.TempDir(), "lnk")
	if err := os.Symlink(filepath.Join(dir, "docs"), link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(link)
	if _, out, _ := run(t, "check", "fr-FR", "-f", "github"); !strings.Contains(out, "file=docs/fr-FR/p.md,") {
		t.Errorf("github format from a linked folder:\n%s", out)
	}
	t.Chdir(filepath.Join(dir, "docs"))
	// GitHub's annotations and GitLab's report too.
	if _, out, _ := run(t, "check", "fr-FR", "-f", "github"); !strings.Contains(out, "file=docs/fr-FR/p.md,") {
		t.Errorf("github format:\n%s", out)
	}
	if _, out, _ := run(t, "check", "fr-FR", "-f", "gitlab"); !strings.Contains(out, `"path": "docs/fr-FR/p.md"`) {
		t.Errorf("gitlab format:\n%s", out)
	}
}

// TestConfigFromNamedPath: with no configuration from the working
// directory up, the one found from the path named is used (init docs
// writes docs/.l10nlint.yaml; hooks and CI run from the repository's top).
func TestConfigFromNamedPath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "docs/.l10nlint.yaml", "rules:\n  number-mismatch: off\n")
	write(t, "docs/fr-FR/p.md", `<span data-ttu-id="a-1">Conservez 6 rapports.</span><span class="sxs-lookup"><span data-stu-id="a-1">Keep 12 reports.</span></span>`+"\n")
	if code, out, errs := run(t, "check", "docs", "--no-color", "-q"); code != ExitOK || strings.Contains(out, "number-mismatch") {
		t.Errorf("check docs from the top: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := run(t, "check", "docs/fr-FR/p.md", "--no-color", "-q"); code != ExitOK || strings.Contains(out, "number-mismatch") {
		t.Errorf("check of a file under docs/: exit %d\n%s", code, out)
	}
}

// TestBaselineRev: --baseline-rev reports what a check of the same files
// at the revision does not find: a new defect, and one a deletion causes
// elsewhere than the lines it touched (which --new-from-rev cannot see);
// not the defects the revision had already. The same from a subdirectory.
func TestBaselineRev(t *testing.T) {
	hermeticGit(t)
	outer := t.TempDir()
	dir := filepath.Join(outer, "repo")
	// The temporary folder reached through a link, as macOS has it.
	realTmp := t.TempDir()
	tmpLink := filepath.Join(t.TempDir(), "tmp")
	if err := os.Symlink(realTmp, tmpLink); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmpLink)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	seg := func(id, tgt, src string) string {
		return `<span data-ttu-id="` + id + `">` + tgt + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + `</span></span>`
	}
	old := seg("a-1", "Conservez 6 rapports.", "Keep 12 reports.") // a defect the revision has
	write(t, filepath.Join(dir, "docs", "fr-FR", "p.md"), "---\ntitle: Titre\nms.contentlocale: fr-FR\n---\n# Titre\n\n"+old+"\n")
	write(t, filepath.Join(dir, "docs", "en-US", "p.md"), "# Title\n\nKeep 12 reports.\n")
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	// A new defect, and the title key removed (front-matter reports it at
	// the top of the file, away from the deleted line).
	write(t, filepath.Join(dir, "docs", "fr-FR", "p.md"), "---\nms.contentlocale: fr-FR\n---\n# Titre\n\n"+old+"\n\n"+seg("a-2", "Ouvrez le port 444.", "Open port 443.")+"\n")
	check := func(from, target, rev string) {
		t.Helper()
		t.Chdir(from)
		code, out, errs := run(t, "check", target, "--baseline-rev", rev, "--no-color", "-q")
		if code != ExitFindings {
			t.Fatalf("from %s: exit %d: %s%s", from, code, out, errs)
		}
		if strings.Contains(out, "source has 12") || !strings.Contains(out, "source has 443") || !strings.Contains(out, `lacks the required key "title"`) {
			t.Errorf("from %s, %s:\n%s%s", from, target, out, errs)
		}
	}
	check(dir, "docs", "HEAD")
	check(filepath.Join(dir, "docs"), ".", "HEAD")
	check(outer, filepath.Join("repo", "docs"), "HEAD") // from outside the repository
	check(dir, filepath.Join(dir, "docs", "fr-FR", "p.md"), "HEAD...")
	// A configuration in a folder above the repository.
	write(t, filepath.Join(outer, ".l10nlint.yaml"), "source-locale: en-US\n")
	check(dir, "docs", "HEAD")
	if code, _, errs := run(t, "check", "docs", "--baseline-rev", "HEAD:docs"); code != ExitUsage || !strings.Contains(errs, "names no commit") {
		t.Errorf("a tree for a revision: %d %s", code, errs)
	}
	// Nothing was written to the repository, nothing left in the temporary folder.
	cmd := exec.Command("git", "status", "--porcelain", "--ignored")
	cmd.Dir = dir
	if out, _ := cmd.Output(); strings.TrimSpace(string(out)) != "M docs/fr-FR/p.md" {
		t.Errorf("git status after --baseline-rev: %q", out)
	}
	if entries, _ := os.ReadDir(realTmp); len(entries) != 0 {
		t.Errorf("left in the temporary folder: %v", entries)
	}
}

// hermeticGit skips a test without git, and keeps the user's and the
// system's git configuration out of it.
func hermeticGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on PATH")
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "t")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "t")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.com")
}

// TestFixHintRepeatsTheRun: the summary's --fix hint is a command to copy:
// the paths checked and the flags that choose the findings (configuration,
// rule selection, baseline), not those that shape the report.
func TestFixHintRepeatsTheRun(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "fr-FR", "a b.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "---\nms.contentlocale: de-DE\n---\n# T\n"
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, "check", "--no-color", "--only", "front-matter", "--fail-on", "never", "-j", "1", page)
	want := "1 of them has a mechanical fix: l10nlint check --fix --only front-matter '" + page + "' applies it"
	if !strings.Contains(out, want) {
		t.Errorf("hint not found; want %q in:\n%s", want, out)
	}
	if got := fixCommand(newCheck(nil, nil).Flags(), []string{"fr-FR", "=ls", "-x.md", "it's.md"}); got != `l10nlint check --fix fr-FR '=ls' -- -x.md 'it'\''s.md'` {
		t.Errorf("fixCommand = %s", got)
	}
}

// TestIgnorePathNamingNoFile: an ignore entry whose plain path names no
// file (written relative to the working directory rather than the
// configuration file's folder) gets a note; a glob, or a path that
// exists, does not.
func TestIgnorePathNamingNoFile(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "docs", "fr-FR", "a.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "cfg", "l10nlint.yaml")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o755); err != nil {
		t.Fatal(err)
	}
	yaml := "ignore:\n  - path: docs/fr-FR/a.md\n  - path: ../docs/fr-FR/a.md\n  - path: \"**/TOC.md\"\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := run(t, "check", "-c", cfg, page)
	if !strings.Contains(stderr, `ignore path "docs/fr-FR/a.md" names no file`) || strings.Count(stderr, "names no file") != 1 {
		t.Errorf("stderr %q", stderr)
	}
}

// TestFixOnlyUTF8: --fix rewrites UTF-8 files only: a UTF-16 file and one
// that is not valid UTF-8 (Latin-1) keep their bytes and their findings,
// with a note, and the summary counts no fix for them.
func TestFixOnlyUTF8(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	body := "---\ntitle: Titre\nms.contentlocale: de-DE\n---\n# Caf\xe9\n"
	write(t, "fr-FR/latin1.md", body)
	u16 := []byte{0xFF, 0xFE}
	for _, r := range strings.ReplaceAll(body, "\xe9", "é") {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	if err := os.WriteFile("fr-FR/utf16.md", u16, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"latin1.md", "utf16.md"} {
		page := "fr-FR/" + name
		before, _ := os.ReadFile(page)
		if _, out, _ := run(t, "check", page, "--no-color", "--only", "front-matter"); !strings.Contains(out, "front-matter") || strings.Contains(out, "mechanical fix") {
			t.Errorf("%s: the summary offers a fix --fix does not apply:\n%s", name, out)
		}
		code, out, errs := run(t, "check", page, "--fix", "--no-color", "--only", "front-matter")
		if code != ExitFindings || !strings.Contains(errs, "not fixing "+page+": only UTF-8 files are rewritten") || !strings.Contains(out, "front-matter") {
			t.Errorf("%s: --fix: exit %d\n%s%s", name, code, out, errs)
		}
		if after, _ := os.ReadFile(page); !bytes.Equal(after, before) {
			t.Errorf("%s: --fix rewrote it: %q", name, after)
		}
	}
}

// TestFixOverlaps: an edit inside another one's replacement is done with
// it (no "left for a next run" message); a finding whose edit overlaps
// another partly stays reported, and the message says one is left.
func TestFixOverlaps(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := `<span data-ttu-id="a-1">中文,  英文。</span><span class="sxs-lookup"><span data-stu-id="a-1">Chinese, English.</span></span>`
	write(t, "zh-CN/p.md", "# "+seg+"\n")
	code, out, errs := run(t, "check", "zh-CN/p.md", "--fix", "--no-color")
	if code != ExitOK || strings.Contains(errs, "left for a next run") || !strings.Contains(errs, "fixed 2 findings in 1 file") {
		t.Errorf("--fix: exit %d\n%s%s", code, out, errs)
	}
	if b, _ := os.ReadFile("zh-CN/p.md"); !strings.Contains(string(b), "中文，英文。") {
		t.Errorf("after --fix: %q", b)
	}
	if _, out, errs := run(t, "check", "zh-CN/p.md", "--fix", "--diff"); out != "" || errs != "" {
		t.Errorf("a second --fix --diff: %q %q", out, errs)
	}

	write(t, "fr-FR/q.md", "0123456789\n")
	finding := func(msg string, start, end int, repl string) report.Finding {
		return report.Finding{Finding: rules.Finding{Rule: "typography", Path: "fr-FR/q.md", Message: msg,
			Fixes: []rules.Edit{{Range: rules.Range{Start: start, End: end}, New: repl}}}}
	}
	var stderr bytes.Buffer
	overlapping := []report.Finding{finding("a", 2, 5, "x"), finding("b", 3, 4, "y"), finding("c", 4, 7, "z")}
	fx := &fixer{diff: true, w: io.Discard, stderr: &stderr, tops: map[string]string{}, refused: map[string]bool{}, files: map[string]bool{}}
	if wrote, _, err := fx.apply(overlapping); wrote || err != nil {
		t.Errorf("--diff wrote: %v %v", wrote, err)
	}
	if s := stderr.String(); !strings.Contains(s, "fr-FR/q.md: 1 overlapping edit left for a next run") {
		t.Errorf("stderr: %s", s)
	}
	stderr.Reset()
	fx.diff = false
	if wrote, left, err := fx.apply(overlapping); !wrote || err != nil || fx.fixed != 2 || len(left) != 1 || left[0].Message != "c" {
		t.Errorf("fixes: wrote %v, %d findings fixed, %v", wrote, fx.fixed, err)
	}
	if b, _ := os.ReadFile("fr-FR/q.md"); string(b) != "01x56789\n" {
		t.Errorf("fixed: %q", b)
	}
	if s := stderr.String(); s != "" {
		t.Errorf("stderr of a pass: %s (the edit left goes to the next pass)", s)
	}
}

// TestFixPasses: one --fix fixes what its own fixes make fixable (an
// extension put back makes a French semicolon that needs its no-break
// space), and what it reports afterwards is at the fixed text's place; a
// second run has nothing to do.
func TestFixPasses(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	seg := `<span data-ttu-id="a-1">Types. css;. csv</span><span class="sxs-lookup"><span data-stu-id="a-1">Types .css; .csv</span></span>`
	seg2 := `<span data-ttu-id="a-2">Semaine  du</span><span class="sxs-lookup"><span data-stu-id="a-2">Week of April 29, 2019</span></span>`
	line := "# " + seg + " " + seg2
	write(t, "fr-FR/p.md", line+"\n")
	column := func(line string) int { return utf8.RuneCountInString(line[:strings.Index(line, "Semaine")]) + 1 }
	code, out, errs := run(t, "check", "fr-FR/p.md", "--fix", "--no-color", "--fail-on", "warning")
	b, _ := os.ReadFile("fr-FR/p.md")
	fixed := string(b)
	if !strings.Contains(fixed, "Types. css\u00a0; .csv</span>") || !strings.Contains(fixed, "Semaine du") {
		t.Fatalf("after --fix: %q\n%s", b, errs)
	}
	if !strings.Contains(errs, "fixed 3 findings in 1 file (2 passes)") {
		t.Errorf("--fix stderr: %s", errs)
	}
	// The findings left are those of the fixed file: the number-mismatch
	// of the second segment, at its column in the fixed line.
	want := fmt.Sprintf("fr-FR/p.md:1:%d: error number-mismatch", column(fixed))
	if column(fixed) == column(line) {
		t.Fatal("the fixes should move the second segment")
	}
	if code != ExitFindings || !strings.Contains(out, want) || strings.Contains(out, "typography") {
		t.Errorf("--fix: exit %d, want %q\n%s%s", code, want, out, errs)
	}
	if _, out, errs := run(t, "check", "fr-FR/p.md", "--fix", "--diff", "--fail-on", "never"); out != "" || errs != "" {
		t.Errorf("a second --fix --diff: %q %q", out, errs)
	}
}

// TestFixDiffPaths: --diff names files from the git repository's top, as
// git diff does (git apply and patch -p1 take that at the top; git apply in
// a subdirectory skips the files outside it), never with "..", which both
// refuse; a link by the file it points to (the one --fix writes), a name
// with a space with git's closing tab, one with a tab C-quoted. Outside a
// repository, from the working directory; a file above it is named with a
// note.
func TestFixDiffPaths(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	page := "---\ntitle: Titre\nms.contentlocale: de-DE\n---\n# Titre\n"
	write(t, "repo/docs/fr-FR/a.md", page)
	write(t, "repo/docs/tools/x.txt", "")
	if out, err := exec.Command("git", "init", "-q", "repo").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	t.Chdir(filepath.Join(dir, "repo", "docs", "tools"))
	_, out, errs := run(t, "check", "--fix", "--diff", "../fr-FR/a.md")
	if !strings.HasPrefix(out, "diff --git a/docs/fr-FR/a.md b/docs/fr-FR/a.md\n--- a/docs/fr-FR/a.md\n+++ b/docs/fr-FR/a.md\n") || strings.Contains(errs, "..") {
		t.Errorf("--diff from a subdirectory:\n%s%s", out, errs)
	}
	// Names git and patch read back: a space, a tab, a link.
	write(t, filepath.Join(dir, "repo", "docs", "fr-FR", "with space.md"), page)
	write(t, filepath.Join(dir, "repo", "docs", "fr-FR", "tab\tname.md"), page)
	write(t, filepath.Join(dir, "repo", "store", "real.md"), page)
	if err := os.Symlink("../../store/real.md", filepath.Join(dir, "repo", "docs", "fr-FR", "link.md")); err != nil {
		t.Fatal(err)
	}
	_, out, errs = run(t, "check", "--fix", "--diff", "../fr-FR")
	for _, want := range []string{"--- a/docs/fr-FR/with space.md\t\n", `--- "a/docs/fr-FR/tab\tname.md"` + "\n", "--- a/store/real.md\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("--diff lacks %q:\n%s%s", want, out, errs)
		}
	}
	top := filepath.Join(dir, "repo")
	cmd := exec.Command("git", "apply", "-")
	cmd.Dir = top
	cmd.Stdin = strings.NewReader(out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply at the top refuses the diff: %v %s", err, b)
	}
	for _, p := range []string{"docs/fr-FR/a.md", "docs/fr-FR/with space.md", "docs/fr-FR/tab\tname.md", "store/real.md"} {
		if b, _ := os.ReadFile(filepath.Join(top, p)); !strings.Contains(string(b), "ms.contentlocale: fr-FR") {
			t.Errorf("git apply left %s unfixed:\n%s", p, b)
		}
	}

	write(t, filepath.Join(dir, "plain", "fr-FR", "a.md"), page)
	write(t, filepath.Join(dir, "plain", "sub", "x.txt"), "")
	t.Chdir(filepath.Join(dir, "plain"))
	if _, out, _ := run(t, "check", "--fix", "--diff", "fr-FR/a.md"); !strings.HasPrefix(out, "diff --git a/fr-FR/a.md b/fr-FR/a.md\n--- a/fr-FR/a.md\n") {
		t.Errorf("--diff outside a repository:\n%s", out)
	}
	t.Chdir(filepath.Join(dir, "plain", "sub"))
	if _, _, errs := run(t, "check", "--fix", "--diff", "../fr-FR/a.md"); !strings.Contains(errs, `names ../fr-FR/a.md with ".."`) {
		t.Errorf("no note for a path with ..: %s", errs)
	}
}

// TestVersionFlag: l10nlint --version says what l10nlint version does.
func TestVersionFlag(t *testing.T) {
	_, cmd, _ := run(t, "version")
	code, flag, _ := run(t, "--version")
	if code != ExitOK || flag != cmd || !strings.HasPrefix(flag, "l10nlint ") {
		t.Errorf("--version: %d %q; version: %q", code, flag, cmd)
	}
}

// TestNoteUnpairedTranslations: monolingual translations none of which has
// a source page (a layout l10nlint does not recognize) are checked for
// nothing: the run says so; with their source tree beside them, it does not.
func TestNoteUnpairedTranslations(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "src/x.md", "---\ntitle: X\n---\n# X\n\nThere are 12 items.\n")
	write(t, "translations/fr-FR/x.md", "---\ntitle: X\n---\n# X\n\nIl y a 6 éléments.\n")
	if _, _, errs := run(t, "check"); !strings.Contains(errs, "no source page found for any of the 1 monolingual translated page checked") {
		t.Errorf("no note for translations without a source:\n%s", errs)
	}
	// A new page of a tree whose source tree is there: orphan-page's, no note.
	write(t, "set/en-US/a.md", "---\ntitle: A\n---\n# A\n")
	write(t, "set/fr-FR/a.md", "---\ntitle: A\n---\n# A\n")
	write(t, "set/fr-FR/new.md", "---\ntitle: N\n---\n# N\n")
	if _, _, errs := run(t, "check", "set/fr-FR/new.md"); strings.Contains(errs, "no source page found") {
		t.Errorf("a new page beside its source tree gets the note:\n%s", errs)
	}
	// A declared layout whose source tree is missing, under a folder the
	// target trees share (content/): the note.
	write(t, "hugo/content/fr/a.md", "# Titre\n\nBonjour le monde.\n")
	write(t, "hugo/content/english/a.md", "# Title\n\nHello world.\n")
	write(t, "hugo/.l10nlint.yaml", "layout:\n  - source: \"content/en/{path}\"\n    target: \"content/{locale}/{path}\"\n")
	t.Chdir(filepath.Join(dir, "hugo"))
	if _, _, errs := run(t, "check", "content/fr"); !strings.Contains(errs, "no source page found") {
		t.Errorf("no note for a declared source tree that is not there:\n%s", errs)
	}
	t.Chdir(dir)
	write(t, "translations/x.md", "---\ntitle: X\n---\n# X\n\nThere are 12 items.\n")
	write(t, "translations/en-US/x.md", "---\ntitle: X\n---\n# X\n\nThere are 12 items.\n")
	if code, out, errs := run(t, "check", "translations/fr-FR"); strings.Contains(errs, "no source page") || code != ExitFindings {
		t.Errorf("with the source tree: %d\n%s%s", code, out, errs)
	}
}

// TestFixWithBaseline: with a baseline, --fix fixes only what the first
// check chose, in one pass: a baselined finding in a segment another fix
// changes is not taken for a new one and fixed.
func TestFixWithBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "fr-FR/p.md", `<span data-ttu-id="a-1">Définissez la stratégie sur p = reject; le message est rejeté.</span><span class="sxs-lookup"><span data-stu-id="a-1">Set the policy to p=reject; the message is rejected.</span></span>`+"\n")
	if code, _, errs := run(t, "baseline", "--only", "typography", "fr-FR"); code != ExitOK || !strings.Contains(errs, "1 findings written") {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	code, out, errs := run(t, "check", "fr-FR", "--fix", "--no-color", "--fail-on", "warning", "--baseline", ".l10nlint-baseline.json")
	b, _ := os.ReadFile("fr-FR/p.md")
	if !strings.Contains(string(b), "sur p=reject; le") || !strings.Contains(errs, "fixed 1 finding in 1 file\n") {
		t.Errorf("--fix --baseline: exit %d, file %q\n%s%s", code, b, out, errs)
	}
}
