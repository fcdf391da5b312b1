package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	goldenDir = "../../testdata/report"
	// shared/ sits beside the repository, three levels up from here.
	sarifSchema = "../../../shared/schemas/sarif-schema-2.1.0.json"
)

const frPath = "docs/fr-FR/index.md"

var frPage = "---\n" +
	"title: Présentation\n" +
	"ms.locale: fr_FR\n" +
	"---\n" +
	"\n" +
	`# <span data-ttu-id="a1b2c-101">Titre 😀 avec 12 fichiers</span><span class="sxs-lookup"><span data-stu-id="a1b2c-101">Title 😀 with 10 files</span></span>` + "\n" +
	"\n" +
	`<span data-ttu-id="a1b2c-102">Pour plus d’informations sur la façon dont les offres de conformité sont gérées, consultez le ` +
	`[Centre de conformité](https://example.com/fr/trust) puis revenez à cette page pour la suite.</span>` +
	`<span class="sxs-lookup"><span data-stu-id="a1b2c-102">For more information about how compliance offerings are managed, see the ` +
	`[Trust Center](https://example.com/en/trust) and then return to this page to continue.</span></span>` + "\n"

// zhPath has a space so the SARIF URI needs escaping.
const zhPath = "docs/zh-CN/guide intro.md"

var zhPage = "# 指南\n\n中文字符 🎉 容量为 1,5 GB。\n"

var pages = map[string]string{frPath: frPage, zhPath: zhPage}

// at builds a finding on the n-th (0-based) occurrence of needle in the page,
// with positions computed the way the engine does.
func at(t *testing.T, path, needle string, n int, f rules.Finding) Finding {
	t.Helper()
	text := pages[path]
	off := -1
	for i, from := 0, 0; i <= n; i++ {
		j := strings.Index(text[from:], needle)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", path, n, needle)
		}
		off = from + j
		from = off + len(needle)
	}
	lines := textfile.NewLines(text)
	f.Path = path
	f.Range = rules.Range{Start: off, End: off + len(needle)}
	return Finding{
		Finding: f,
		Start:   lines.Position(f.Range.Start),
		End:     lines.Position(f.Range.End),
		Snippet: needle,
	}
}

// segmentTexts returns the target and source texts of segment id.
func segmentTexts(t *testing.T, path, id string) (target, source string) {
	t.Helper()
	text := pages[path]
	get := func(open string) string {
		i := strings.Index(text, open)
		if i < 0 {
			t.Fatalf("no %s in %s", open, path)
		}
		rest := text[i+len(open):]
		return rest[:strings.Index(rest, "</span>")]
	}
	return get(`<span data-ttu-id="` + id + `">`), get(`<span data-stu-id="` + id + `">`)
}

func testRun(t *testing.T) *Run {
	t.Helper()
	tgt101, src101 := segmentTexts(t, frPath, "a1b2c-101")
	tgt102, src102 := segmentTexts(t, frPath, "a1b2c-102")

	num := at(t, frPath, "12", 0, rules.Finding{Rule: "number-mismatch", Severity: rules.Error,
		Message:   `number "12" is not in the source (source has "10")`,
		SegmentID: "a1b2c-101", Source: src101, Target: tgt101})
	num.Locale, num.Fingerprint = "fr-FR", "5d41402abc4b2a76"

	link := at(t, frPath, "https://example.com/fr/trust", 0, rules.Finding{Rule: "link-mismatch", Severity: rules.Warning,
		Message:   `link destination "https://example.com/fr/trust" differs from the source's "https://example.com/en/trust"`,
		SegmentID: "a1b2c-102", Source: src102, Target: tgt102})
	link.Locale, link.Fingerprint = "fr-FR", "7d793037a0760186"

	fm := at(t, frPath, "fr_FR", 0, rules.Finding{Rule: "front-matter-locale", Severity: rules.Warning,
		Message: `ms.locale "fr_FR" is not a BCP 47 tag; use "fr-FR"`})
	fm.Locale, fm.Fingerprint = "fr-FR", "9e107d9d372bb682"

	dec := at(t, zhPath, "1,5 GB", 0, rules.Finding{Rule: "decimal-separator", Severity: rules.Note,
		Message: `"1,5" uses a decimal comma; zh-CN writes "1.5"`})
	dec.Locale, dec.Fingerprint = "zh-CN", "e4d909c290d0fb1c"

	return &Run{
		Findings: []Finding{fm, num, link, dec},
		Rules: []RuleInfo{
			{ID: "decimal-separator", Short: "Decimal separator does not match the target locale",
				Doc:      "Numbers with a fractional part must use the target locale's decimal separator.\n\nExample (zh-CN):\n\n\tsource: 1.5 GB\n\ttarget: 1,5 GB   <- flagged\n",
				Severity: rules.Note, Tags: []string{"numbers"}},
			{ID: "front-matter-locale", Short: "Front matter locale is malformed",
				Doc:      "The ms.locale key must hold a BCP 47 tag such as fr-FR, not fr_FR or *FR*.",
				Severity: rules.Warning, Tags: []string{"front-matter"}, HelpURI: "https://github.com/l10nlint/l10nlint/blob/main/docs/rules.md#front-matter-locale"},
			{ID: "link-mismatch", Short: "Link destination differs from the source", Severity: rules.Warning, Tags: []string{"links", "segment"}},
			{ID: "number-mismatch", Short: "Number missing from the target", Doc: "Every number of the source must appear in the target.",
				Severity: rules.Error, Tags: []string{"numbers", "segment"}},
			{ID: "segment-untranslated", Short: "Target equals source", Severity: rules.Warning},
		},
		Files:    2,
		Segments: 154,
		Version:  "0.3.0",
		Root:     "/work/repo",
	}
}

func emptyRun() *Run {
	return &Run{Files: 1, Segments: 1, Version: "0.3.0"}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		run    func(*testing.T) *Run
		format string
		opts   Options
		// globalNoColor is set during the test: output must not depend on it.
		globalNoColor bool
	}{
		{"text.golden", testRun, "text", Options{}, false},
		{"text_color.golden", testRun, "text", Options{Color: true}, true},
		{"text_empty.golden", func(*testing.T) *Run { return emptyRun() }, "text", Options{}, false},
		{"report.json", testRun, "json", Options{}, false},
		{"empty.json", func(*testing.T) *Run { return emptyRun() }, "json", Options{}, false},
		{"report.sarif", testRun, "sarif", Options{}, false},
		{"empty.sarif", func(*testing.T) *Run { return emptyRun() }, "sarif", Options{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			saved := color.NoColor
			color.NoColor = tt.globalNoColor
			defer func() { color.NoColor = saved }()

			var buf bytes.Buffer
			if err := Write(&buf, tt.format, tt.run(t), tt.opts); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.golden, buf.Bytes())

			// Deterministic: a second write gives the same bytes.
			var again bytes.Buffer
			if err := Write(&again, tt.format, tt.run(t), tt.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("two writes of the same run differ")
			}
			if tt.opts.Color != strings.Contains(buf.String(), "\x1b[") {
				t.Errorf("Color=%v but escape sequences present=%v", tt.opts.Color, !tt.opts.Color)
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", emptyRun(), Options{}); err == nil {
		t.Error("want an error for an unknown format")
	}
}

func TestTextHeader(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, testRun(t), Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// 😀 is one character: "12" is the 46th character of its line.
	for _, want := range []string{
		`docs/fr-FR/index.md:6:46: error number-mismatch: number "12"`,
		"docs/fr-FR/index.md:3:12: warning front-matter-locale:",
		"  snippet: fr_FR\n",
		"  target: Titre 😀 avec 12 fichiers\n",
		"1 error, 2 warnings, 1 note in 2 files (154 segments)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// The summary says how many findings --fix can repair, when any can.
func TestTextSummaryFixable(t *testing.T) {
	for n, want := range map[int]string{
		0: "",
		1: "1 of them has a mechanical fix: l10nlint check --fix applies it",
		2: "2 of them have mechanical fixes: l10nlint check --fix applies them",
	} {
		run := testRun(t)
		for i := 0; i < n; i++ {
			run.Findings[i].Fixes = []rules.Edit{{Range: run.Findings[i].Range, New: "x"}}
		}
		var buf bytes.Buffer
		if err := WriteText(&buf, run, Options{}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(buf.String(), "mechanical fix"); got != (want != "") || want != "" && !strings.Contains(buf.String(), want) {
			t.Errorf("%d fixable: want %q in\n%s", n, want, buf.String())
		}
		// After check --fix, what is left had no fix it could apply.
		buf.Reset()
		if err := WriteText(&buf, run, Options{Fixed: true}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "mechanical fix") {
			t.Errorf("%d fixable after --fix: the summary still offers a fix", n)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	run := testRun(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, run, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "}\n") {
		t.Error("JSON output lacks its trailing newline")
	}
	var got JSONReport
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if want := NewJSONReport(run); !reflect.DeepEqual(&got, want) {
		t.Errorf("round trip differs:\ngot  %+v\nwant %+v", got, *want)
	}
	if got.Version != "1" || got.Tool != (JSONTool{"l10nlint", "0.3.0"}) {
		t.Errorf("version/tool = %q %+v", got.Version, got.Tool)
	}
	if s := got.Summary; s != (JSONSummary{Files: 2, Segments: 154, Errors: 1, Warnings: 2, Notes: 1}) {
		t.Errorf("summary = %+v", s)
	}
	if len(got.Findings) != len(run.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(run.Findings))
	}
	for i, jf := range got.Findings {
		f := run.Findings[i]
		if jf.Rule != f.Rule || jf.Severity != f.Severity.String() || jf.Path != f.Path ||
			jf.SegmentID != f.SegmentID || jf.Fingerprint != f.Fingerprint {
			t.Errorf("finding %d: key fields differ: %+v", i, jf)
		}
		text := pages[jf.Path]
		if s := text[jf.Start.Offset:jf.End.Offset]; s != jf.Snippet {
			t.Errorf("finding %d: offsets slice %q, snippet is %q", i, s, jf.Snippet)
		}
	}
	// The emoji before "12" is one code point but two UTF-16 units.
	if n := got.Findings[1]; n.Start.ColumnUTF16 != n.Start.Column+1 {
		t.Errorf("number-mismatch start = %+v, want column_utf16 = column+1", n.Start)
	}

	// Every documented key is present even when empty.
	var raw struct {
		Findings []map[string]json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	keys := []string{"rule", "severity", "path", "locale", "message", "segment_id", "start", "end", "source", "target", "snippet", "fingerprint"}
	for i, m := range raw.Findings {
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("finding %d lacks key %q", i, k)
			}
		}
		if len(m) != len(keys) {
			t.Errorf("finding %d has %d keys, the schema documents %d", i, len(m), len(keys))
		}
	}

	// An empty run still has a findings array, not null.
	buf.Reset()
	if err := WriteJSON(&buf, emptyRun(), Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("empty run: %s", buf.String())
	}
}

func TestSARIFSchema(t *testing.T) {
	if _, err := os.Stat(sarifSchema); errors.Is(err, fs.ErrNotExist) {
		t.Skip("SARIF schema not found: ../shared absent")
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	noRoot := testRun(t)
	noRoot.Root = ""
	abs := testRun(t)
	abs.Findings[0].Path = "/work/repo/" + abs.Findings[0].Path // inside Root
	abs.Findings[3].Path = "/elsewhere/" + abs.Findings[3].Path // outside Root
	runs := map[string]*Run{"full": testRun(t), "empty": emptyRun(), "no root": noRoot, "absolute paths": abs}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteSARIF(&buf, run, Options{}); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("SARIF does not validate: %v", err)
			}
		})
	}

	t.Run("capped", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteSARIF(&buf, testRun(t), Options{MaxResults: 2}); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("capped SARIF does not validate: %v", err)
		}
	})

	// The validator does reject a bad log (so the checks above mean something).
	bad, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
		"results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(bad) == nil {
		t.Error("schema accepted a result with level \"fatal\"")
	}
}

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind         string `json:"columnKind"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
						Snippet                                    struct {
							Text string `json:"text"`
						} `json:"snippet"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

// offsetUTF16 turns a 1-based line and UTF-16 column into a byte offset,
// independently of textfile.Position.
func offsetUTF16(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		off += strings.IndexByte(text[off:], '\n') + 1
	}
	for units := 1; units < col; {
		r, size := utf8.DecodeRuneInString(text[off:])
		off += size
		units++
		if r >= 0x10000 { // a surrogate pair
			units++
		}
	}
	return off
}

func TestSARIFRegionsSliceToSnippet(t *testing.T) {
	run := testRun(t)
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, run, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("version %q, %d runs", doc.Version, len(doc.Runs))
	}
	r := doc.Runs[0]
	if r.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", r.ColumnKind)
	}
	if got := r.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///work/repo/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(r.Results) != len(run.Findings) {
		t.Fatalf("%d results for %d findings", len(r.Results), len(run.Findings))
	}
	for i, res := range r.Results {
		f := run.Findings[i]
		if res.RuleID != f.Rule || r.Tool.Driver.Rules[res.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleId %q, ruleIndex %d", i, res.RuleID, res.RuleIndex)
		}
		if res.PartialFingerprints[FingerprintKey] != f.Fingerprint {
			t.Errorf("result %d: fingerprints %v", i, res.PartialFingerprints)
		}
		pl := res.Locations[0].PhysicalLocation
		p, err := url.PathUnescape(pl.ArtifactLocation.URI)
		if err != nil || p != f.Path || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: uri %q (%v) base %q", i, pl.ArtifactLocation.URI, err, pl.ArtifactLocation.URIBaseID)
		}
		text := pages[p]
		reg := pl.Region
		got := text[offsetUTF16(text, reg.StartLine, reg.StartColumn):offsetUTF16(text, reg.EndLine, reg.EndColumn)]
		if got != f.Snippet || reg.Snippet.Text != f.Snippet {
			t.Errorf("result %d: region %+v slices to %q, snippet %q, want %q", i, reg, got, reg.Snippet.Text, f.Snippet)
		}
	}
	if uri := r.Results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "docs/zh-CN/guide%20intro.md" {
		t.Errorf("escaped uri = %q", uri)
	}
	// The non-BMP characters make the UTF-16 columns differ from code points.
	if reg := r.Results[3].Locations[0].PhysicalLocation.Region; reg.StartColumn != run.Findings[3].Start.Col+1 {
		t.Errorf("zh region starts at UTF-16 column %d, code point column %d", reg.StartColumn, run.Findings[3].Start.Col)
	}
}

func TestSARIFUnlistedRule(t *testing.T) {
	run := testRun(t)
	run.Rules = nil
	log, err := newSARIFLog(run, 0)
	if err != nil {
		t.Fatal(err)
	}
	rs := log.Runs[0].Tool.Driver.Rules
	if len(rs) != 4 {
		t.Fatalf("%d rules, want one per distinct finding rule", len(rs))
	}
	for _, res := range log.Runs[0].Results {
		if rs[res.RuleIndex].ID != res.RuleID {
			t.Errorf("ruleIndex %d is %q, want %q", res.RuleIndex, rs[res.RuleIndex].ID, res.RuleID)
		}
	}
}

func TestArtifactLocation(t *testing.T) {
	tests := []struct {
		path, root string
		want       sarifArtifactLoc
	}{
		{"docs/a.md", "", sarifArtifactLoc{"docs/a.md", "%SRCROOT%"}},
		{"./docs//a b.md", "/r", sarifArtifactLoc{"docs/a%20b.md", "%SRCROOT%"}},
		{"c:d/é#1?.md", "", sarifArtifactLoc{"c%3Ad/%C3%A9%231%3F.md", "%SRCROOT%"}},
		{"/r/docs/a.md", "/r", sarifArtifactLoc{"docs/a.md", "%SRCROOT%"}},
		{"/x/a.md", "/r", sarifArtifactLoc{"file:///x/a.md", ""}},
		{"/r/../rx/a.md", "/r", sarifArtifactLoc{"file:///rx/a.md", ""}},
		{"/x/a.md", "", sarifArtifactLoc{"file:///x/a.md", ""}},
	}
	for _, tt := range tests {
		if got := artifactLocation(tt.path, tt.root); got != tt.want {
			t.Errorf("artifactLocation(%q, %q) = %+v, want %+v", tt.path, tt.root, got, tt.want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"number-mismatch": "NumberMismatch", "front-matter-locale": "FrontMatterLocale",
		"x": "X", "a_b.c": "ABC", "html2-tags": "Html2Tags",
	} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDocMarkdown(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"Plain *text* with <tags>.", `Plain \*text\* with \<tags>.`},
		{"# not a heading", `\# not a heading`},
		{"Example:\n\tsource: 1.5\n\ttarget: 1,5\n\nMore.",
			"Example:\n\n```text\nsource: 1.5\ntarget: 1,5\n```\n\nMore."},
		{"One.\n\n    a\n\n      b\n", "One.\n\n```text\na\n\n  b\n```"},
	}
	for _, tt := range tests {
		if got := docMarkdown(tt.doc); got != tt.want {
			t.Errorf("docMarkdown(%q) =\n%s\nwant\n%s", tt.doc, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("word ", 40) + "SPAN" + strings.Repeat(" tail", 40)
	tests := []struct {
		name, s, span string
		width         int
		at            float64
		want          string
	}{
		{"short", "a b c", "b", 10, -1, "a [b] c"},
		{"absent span", "abcdef", "x", 10, 0.5, "abcdef"},
		{"cut end", "one two three four five", "", 14, -1, "one two three…"},
		{"around span", long, "SPAN", 30, -1, "…word word [SPAN] tail tail…"},
		{"span at end", "aaaa bbbb cccc dddd SPAN", "SPAN", 15, -1, "…cccc dddd [SPAN]"},
		{"long span", "x " + strings.Repeat("y", 50), strings.Repeat("y", 50), 20, -1, "x [" + strings.Repeat("y", 18) + "]…"},
		{"centered on fraction", "aaaa bbbb cccc dddd eeee ffff gggg", "x", 14, 0.5, "…cccc dddd eeee…"},
	}
	for _, tt := range tests {
		e := excerpt(tt.s, tt.span, tt.width, tt.at)
		got := e.before + "[" + e.mid + "]" + e.after
		if e.mid == "" {
			got = e.before + e.after
		}
		if got != tt.want {
			t.Errorf("%s: excerpt = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	if got, want := fold("  a\n\tb  \x1b[31mc\u202e "), `a b \x1b[31mc\u202e`; got != want {
		t.Errorf("fold = %q, want %q", got, want)
	}
	// Invisible characters no script needs are shown; joiners and marks,
	// which some scripts are written with, are not.
	if got, want := fold("Outlook\u200b 2010 \ufeffKostenlose می\u200cخواهم"), `Outlook\u200b 2010 \ufeffKostenlose می`+"\u200c"+`خواهم`; got != want {
		t.Errorf("fold = %q, want %q", got, want)
	}
}

// TestJSONAsEncoder: WriteJSON, which encodes the findings in parallel,
// writes exactly what encoding/json's indented encoder writes of the whole
// report, with and without findings and suppressed findings.
func TestJSONAsEncoder(t *testing.T) {
	many := testRun(t)
	for len(many.Findings) < 3*128*runtime.GOMAXPROCS(0)+1 { // several batches (writeIndentedAll)
		many.Findings = append(many.Findings, testRun(t).Findings...)
	}
	withSuppressed := testRun(t)
	withSuppressed.Suppressed = append(withSuppressed.Suppressed, withSuppressed.Findings[0])
	withSuppressed.Suppressed[0].Justification = "la source est <fausse> & datée"
	for name, run := range map[string]*Run{"full": testRun(t), "empty": emptyRun(), "many": many, "suppressed": withSuppressed} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(NewJSONReport(run)); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, run, Options{}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: WriteJSON differs from the encoder:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}

// TestSARIFAsEncoder: WriteSARIF, which encodes the results in parallel and
// splices them in, writes exactly what the indented encoder writes of the
// whole log.
func TestSARIFAsEncoder(t *testing.T) {
	many := testRun(t)
	for len(many.Findings) < 3*128*runtime.GOMAXPROCS(0)+1 { // several batches (writeIndentedAll)
		many.Findings = append(many.Findings, testRun(t).Findings...)
	}
	for name, run := range map[string]*Run{"full": testRun(t), "empty": emptyRun(), "many": many} {
		log, err := newSARIFLog(run, 0)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(log); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteSARIF(&got, run, Options{}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: WriteSARIF differs from the encoder:\n%.2000s\nwant\n%.2000s", name, got.String(), want.String())
		}
	}
}

// TestTextInChunks: the text report, rendered in chunks on every core, is
// the findings rendered one after the other.
func TestTextInChunks(t *testing.T) {
	many := testRun(t)
	for len(many.Findings) < 3000 {
		many.Findings = append(many.Findings, testRun(t).Findings...)
	}
	for _, color := range []bool{false, true} {
		var want bytes.Buffer
		bw := bufio.NewWriter(&want)
		p := newPalette(color)
		for i := range many.Findings {
			if i > 0 {
				bw.WriteString("\n")
			}
			writeTextFinding(bw, p, &many.Findings[i], nil)
		}
		bw.WriteString("\n")
		writeTextSummary(bw, p, many, false, "")
		bw.Flush()
		var got bytes.Buffer
		if err := WriteText(&got, many, Options{Color: color}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("color %v: chunked text differs from the sequential rendering", color)
		}
	}
}

// TestSARIFMaxResults: past the cap, the most severe results are written,
// in report order, and a notification counts the others (GitHub rejects a
// run of more than 25,000 results).
func TestSARIFMaxResults(t *testing.T) {
	run := testRun(t)
	n := len(run.Findings) + len(run.Suppressed)
	if n < 4 {
		t.Fatalf("test run has %d findings", n)
	}
	max := n - 2
	log, err := newSARIFLog(run, max)
	if err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != max {
		t.Fatalf("%d results, want %d", len(res), max)
	}
	rank := map[string]int{"note": 1, "warning": 2, "error": 3}
	kept := map[string]int{}
	least := 4
	for _, r := range res {
		msg, _, _ := strings.Cut(r.Message.Text, "\n") // the segment's texts follow
		kept[msg+r.RuleID]++
		least = min(least, rank[r.Level])
	}
	for _, f := range run.Findings {
		if kept[f.Message+f.Rule] == 0 && rank[sarifLevel(f.Severity)] > least {
			t.Errorf("dropped %s %q while keeping a less severe result", f.Severity, f.Message)
		}
	}
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 ||
		!strings.HasPrefix(inv[0].ToolExecutionNotifications[0].Message.Text, fmt.Sprintf("2 of %d results left out", n)) {
		t.Errorf("invocations %+v", inv)
	}
	if full, _ := newSARIFLog(run, 0); len(full.Runs[0].Results) != n || full.Runs[0].Invocations != nil {
		t.Errorf("no cap: %d results, invocations %v", len(full.Runs[0].Results), full.Runs[0].Invocations)
	}
}

// TestRepeatedFindingsGetOwnFingerprints: the same problem on the same text
// repeated on a page gives findings with one fingerprint; the SARIF and
// JSON results number the repeats, in report order and suppressed ones
// after, so that code scanning keeps each as its own alert.
func TestRepeatedFindingsGetOwnFingerprints(t *testing.T) {
	run := testRun(t)
	num := run.Findings[1]
	run.Findings = append(run.Findings, num, num)
	run.Suppressed = append(run.Suppressed, num)
	log, err := newSARIFLog(run, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		if r.RuleID == "number-mismatch" {
			got = append(got, r.PartialFingerprints[FingerprintKey])
		}
	}
	want := []string{"5d41402abc4b2a76", "5d41402abc4b2a76-2", "5d41402abc4b2a76-3", "5d41402abc4b2a76-4"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("SARIF fingerprints %q, want %q", got, want)
	}
	j := NewJSONReport(run)
	got = nil
	for _, f := range append(j.Findings, j.Suppressed...) {
		if f.Rule == "number-mismatch" {
			got = append(got, f.Fingerprint)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("JSON fingerprints %q, want %q", got, want)
	}
	if other := log.Runs[0].Results[0].PartialFingerprints[FingerprintKey]; other != "9e107d9d372bb682" {
		t.Errorf("a finding met once keeps its fingerprint: %q", other)
	}
}

// TestFingerprintNumbersInDocumentOrder: the repeats of one finding are
// numbered in document order, suppressed ones among the others, so that
// silencing the second leaves the third its number.
func TestFingerprintNumbersInDocumentOrder(t *testing.T) {
	at := func(start int) Finding {
		f := Finding{Fingerprint: "fp"}
		f.Path, f.Rule, f.Range = "fr-FR/a.md", "number-mismatch", rules.Range{Start: start, End: start + 1}
		return f
	}
	run := &Run{Findings: []Finding{at(10), at(30)}, Suppressed: []Finding{at(20)}}
	found, suppressed := numberedFingerprints(run)
	if strings.Join(found, " ") != "fp fp-3" || strings.Join(suppressed, " ") != "fp-2" {
		t.Errorf("found %q, suppressed %q; want fp fp-3 and fp-2", found, suppressed)
	}
}

// TestContextLines: a segment's texts for the formats whose viewers show
// only the message, folded and cut; nothing for a finding on no segment.
func TestContextLines(t *testing.T) {
	f := Finding{}
	f.SegmentID, f.Source, f.Target = "a-1", "Keep\n  30 days.", strings.Repeat("é", 300)
	got := contextLines(&f)
	want := "source: Keep 30 days.\ntarget: " + strings.Repeat("é", contextWidth-1) + "…"
	if got != want {
		t.Errorf("contextLines = %q, want %q", got, want)
	}
	if c := contextLines(&Finding{}); c != "" {
		t.Errorf("no segment: %q", c)
	}
}
