package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// docRules are rule descriptions exercising the Markdown documentation:
// lists, nested lists, examples, an Options block, aliases, options and
// Markdown characters in every field.
func docRules(t *testing.T) []RuleInfo {
	rs := append([]RuleInfo(nil), testRun(t).Rules...)
	rs = append(rs,
		RuleInfo{ID: "markup-check", Short: "Inline markup | tags like `<b>` differ",
			Doc: "Compares the inline markup of each segment:\n\n" +
				"  - emphasis: the number of bold (** or __) and italic (* or _) runs;\n" +
				"    emphasis that opens in the target must close there too;\n" +
				"      - nested: strikethrough (~~)\n" +
				"  - inline HTML tags (<br/>, <b>) by name;\n" +
				"  1. first step\n" +
				"\n" +
				"  2. second step, after a blank line\n" +
				"\n" +
				"A dropped escape turns \\<domain\\> into a tag:\n\n" +
				"    source: \\<domain\\>\n" +
				"    target: <domain>\n\n" +
				"# not a heading\n\n" +
				"Options:\n" +
				"  check-emphasis  compare emphasis runs (default true)\n" +
				"  ignore          tags never compared\n",
			Severity: rules.Warning, Tags: []string{"markup", "segment"}, Aliases: []string{"tags", "markup"},
			Options: []OptionInfo{
				{Name: "check-emphasis", Default: "true", Doc: "compare emphasis runs"},
				{Name: "ignore", Default: "[]", Doc: "tags never compared\n(names like `br` | `b`)"},
				{Name: "style", Default: `"a|b"`, Doc: "a value with a pipe"},
				{Name: "unset", Doc: "no default"},
			}},
		RuleInfo{ID: "opt-in", Short: "An opt-in rule", Severity: rules.Off},
	)
	return rs
}

func TestFormatsGolden(t *testing.T) {
	tests := []struct {
		golden, format string
		run            func(*testing.T) *Run
	}{
		{"github.golden", "github", testRun},
		{"github_empty.golden", "github", func(*testing.T) *Run { return emptyRun() }},
		{"gitlab.json", "gitlab", testRun},
		{"gitlab_empty.json", "gitlab", func(*testing.T) *Run { return emptyRun() }},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf, again bytes.Buffer
			if err := Write(&buf, tt.format, tt.run(t), Options{Color: true}); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.golden, buf.Bytes())
			if err := Write(&again, tt.format, tt.run(t), Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("two writes of the same run differ (or depend on Options.Color)")
			}
			if strings.Contains(buf.String(), "\x1b[") {
				t.Error("escape sequences in a format without color")
			}
		})
	}
}

func TestRuleDocsGolden(t *testing.T) {
	for _, tt := range []struct{ golden, format string }{
		{"rules.md", "markdown"},
		{"rules.txt", "text"},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			rs := docRules(t)
			var buf bytes.Buffer
			if err := WriteRuleDocs(&buf, rs, tt.format); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.golden, buf.Bytes())
			if !reflect.DeepEqual(rs, docRules(t)) {
				t.Error("WriteRuleDocs changed its input")
			}
		})
	}
}

func TestGitHubEscaping(t *testing.T) {
	props := []struct{ in, want string }{
		{"docs/a.md", "docs/a.md"},
		{"50%", "50%25"},
		{"%0A", "%250A"}, // an escape-looking value stays literal
		{"a\r\nb", "a%0D%0Ab"},
		{"c:/x,y.md", "c%3A/x%2Cy.md"},
		{"rule: a, b", "rule%3A a%2C b"},
	}
	for _, tt := range props {
		if got := escapeGitHubProperty(tt.in); got != tt.want {
			t.Errorf("escapeGitHubProperty(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	data := []struct{ in, want string }{
		{"plain message", "plain message"},
		{"100% sure", "100%25 sure"},
		{"line 1\nline 2\r\n", "line 1%0Aline 2%0D%0A"},
		{"a, b: c::d", "a, b: c::d"}, // ':' and ',' are literal in the message
		{"::error::injected", "::error::injected"},
	}
	for _, tt := range data {
		if got := escapeGitHubData(tt.in); got != tt.want {
			t.Errorf("escapeGitHubData(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// finding builds a finding on one line.
func finding(path string, sev rules.Severity, rule, msg string, line, col, endCol int) Finding {
	return Finding{
		Finding: rules.Finding{Rule: rule, Severity: sev, Path: path, Message: msg},
		Start:   textfile.Position{Line: line, Col: col, ColUTF16: col},
		End:     textfile.Position{Line: line, Col: endCol, ColUTF16: endCol},
	}
}

func TestGitHubFindingLines(t *testing.T) {
	multi := finding("docs/a.md", rules.Warning, "markup-mismatch", "unclosed **", 3, 5, 1)
	multi.End.Line = 5
	noPos := finding("docs/bin.md", rules.Error, "file-format", "binary file", 0, 0, 0)
	utf16 := finding("docs/zh.md", rules.Note, "typography", "full-width comma", 2, 4, 6)
	utf16.Start.ColUTF16, utf16.End.ColUTF16 = 5, 7 // after a surrogate pair
	tests := []struct {
		name string
		f    Finding
		root string
		want string
	}{
		{"escaped path and message",
			finding("docs/a:b,c%.md", rules.Error, "number-mismatch", "50% of 10,000: dropped\nsecond line", 6, 46, 48), "",
			"::error file=docs/a%3Ab%2Cc%25.md,line=6,col=46,endLine=6,endColumn=48,title=number-mismatch::50%25 of 10,000: dropped%0Asecond line"},
		{"multi-line range drops columns", multi, "",
			"::warning file=docs/a.md,line=3,endLine=5,title=markup-mismatch::unclosed **"},
		{"no position", noPos, "",
			"::error file=docs/bin.md,title=file-format::binary file"},
		{"UTF-16 columns, notice", utf16, "",
			"::notice file=docs/zh.md,line=2,col=5,endLine=2,endColumn=7,title=typography::full-width comma"},
		{"empty range", finding("./docs//e.md", rules.Warning, "r", "m", 1, 3, 3), "",
			"::warning file=docs/e.md,line=1,col=3,endLine=1,endColumn=3,title=r::m"},
		{"unset end", finding("docs/e.md", rules.Warning, "r", "m", 4, 3, 0), "",
			"::warning file=docs/e.md,line=4,col=3,endLine=4,endColumn=3,title=r::m"},
		{"absolute path inside root", finding("/work/repo/docs/x.md", rules.Error, "r", "m", 1, 1, 2), "/work/repo",
			"::error file=docs/x.md,line=1,col=1,endLine=1,endColumn=2,title=r::m"},
		{"absolute path outside root", finding("/elsewhere/x.md", rules.Error, "r", "m", 1, 1, 2), "/work/repo",
			"::error file=/elsewhere/x.md,line=1,col=1,endLine=1,endColumn=2,title=r::m"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		run := &Run{Findings: []Finding{tt.f}, Files: 1, Root: tt.root}
		if err := WriteGitHub(&buf, run, Options{}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != 2 || lines[0] != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, lines, tt.want)
		}
	}
}

func TestGitHubAnnotationLimitNotice(t *testing.T) {
	many := func(n int, sev rules.Severity) []Finding {
		var fs []Finding
		for i := range n {
			fs = append(fs, finding("docs/a.md", sev, "r", fmt.Sprintf("finding %d", i), i+1, 1, 2))
		}
		return fs
	}
	tests := []struct {
		name             string
		errs, warns, nts int
		notice           string // "" for no notice
	}{
		{"at the limit", 10, 10, 10, ""},
		{"12 errors", 12, 0, 0, "2 of 12 errors not shown"},
		{"11 warnings", 3, 11, 0, "1 of 11 warnings not shown"},
		{"all levels", 12, 11, 25, "2 of 12 errors, 1 of 11 warnings and 15 of 25 notes not shown"},
		{"errors and notes", 20, 0, 11, "10 of 20 errors and 1 of 11 notes not shown"},
	}
	for _, tt := range tests {
		run := &Run{Files: 1, Segments: 2}
		run.Findings = append(append(many(tt.errs, rules.Error), many(tt.warns, rules.Warning)...), many(tt.nts, rules.Note)...)
		var buf bytes.Buffer
		if err := WriteGitHub(&buf, run, Options{}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		total := tt.errs + tt.warns + tt.nts
		// Every finding is still written: the log keeps what annotations drop.
		for i, l := range lines[:total] {
			if !regexp.MustCompile(`^::(error|warning|notice) file=`).MatchString(l) {
				t.Errorf("%s: line %d = %q, want a finding", tt.name, i, l)
			}
		}
		rest := lines[total:]
		wantSummary := fmt.Sprintf("%s, %s, %s in 1 file (2 segments)",
			Plural(tt.errs, "error"), Plural(tt.warns, "warning"), Plural(tt.nts, "note"))
		if tt.notice == "" {
			if len(rest) != 1 || rest[0] != wantSummary {
				t.Errorf("%s: after the findings %q, want only the summary %q", tt.name, rest, wantSummary)
			}
			continue
		}
		if len(rest) != 2 || rest[1] != wantSummary {
			t.Fatalf("%s: after the findings %q, want a notice and %q", tt.name, rest, wantSummary)
		}
		n := rest[0]
		if !strings.HasPrefix(n, "::notice::") || !strings.Contains(n, tt.notice) ||
			!strings.Contains(n, "--format sarif") || !strings.Contains(n, "github/codeql-action/upload-sarif") {
			t.Errorf("%s: notice %q, want %q and a pointer to SARIF upload", tt.name, n, tt.notice)
		}
	}
}

func TestGitLabStructure(t *testing.T) {
	run := testRun(t)
	dup := run.Findings[1]  // same fingerprint as an earlier finding
	dup2 := run.Findings[1] // and a third time
	none := run.Findings[0] // no fingerprint
	none.Fingerprint, none.Message = "", "no fingerprint"
	multi := run.Findings[2] // a range over lines 8 to 10, ending at a line start
	multi.End = textfile.Position{Line: 10, Col: 1, ColUTF16: 1}
	noPos := finding("docs/bin.md", rules.Error, "file-format", "binary file", 0, 0, 0)
	noPos.Fingerprint = "ffff"
	abs := finding("/work/repo/docs/x.md", rules.Note, "r", "m", 2, 1, 3)
	abs.Fingerprint = "aaaa"
	run.Findings = append(run.Findings, dup, dup2, none, multi, noPos, abs)

	var buf bytes.Buffer
	if err := WriteGitLab(&buf, run, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "}\n]\n") {
		t.Errorf("no trailing newline or not an array: %q", buf.String()[max(0, buf.Len()-10):])
	}
	var issues []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != len(run.Findings) {
		t.Fatalf("%d issues for %d findings", len(issues), len(run.Findings))
	}
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	seen := map[string]bool{}
	for i, is := range issues {
		f := run.Findings[i]
		if got, want := keys(is), []string{"check_name", "description", "fingerprint", "location", "severity"}; !reflect.DeepEqual(got, want) {
			t.Fatalf("issue %d keys %v, want %v", i, got, want)
		}
		if is["description"] != f.Message || is["check_name"] != f.Rule {
			t.Errorf("issue %d: description %q check_name %q", i, is["description"], is["check_name"])
		}
		sev := map[rules.Severity]string{rules.Error: "major", rules.Warning: "minor", rules.Note: "info"}[f.Severity]
		if is["severity"] != sev {
			t.Errorf("issue %d: severity %q, want %q", i, is["severity"], sev)
		}
		fp, _ := is["fingerprint"].(string)
		if fp == "" || seen[fp] {
			t.Errorf("issue %d: fingerprint %q empty or not unique", i, fp)
		}
		seen[fp] = true
		loc := is["location"].(map[string]any)
		if got := keys(loc); !reflect.DeepEqual(got, []string{"lines", "path"}) {
			t.Fatalf("issue %d: location keys %v", i, got)
		}
		lines := loc["lines"].(map[string]any)
		if got := keys(lines); !reflect.DeepEqual(got, []string{"begin", "end"}) {
			t.Fatalf("issue %d: lines keys %v", i, got)
		}
		begin, end := lines["begin"].(float64), lines["end"].(float64)
		if begin < 1 || end < begin {
			t.Errorf("issue %d: lines %v-%v", i, begin, end)
		}
		if p := loc["path"].(string); strings.HasPrefix(p, "/") || strings.HasPrefix(p, "./") {
			t.Errorf("issue %d: path %q not relative to the repository", i, p)
		}
	}
	if got := issues[0]["fingerprint"]; got != run.Findings[0].Fingerprint {
		t.Errorf("first fingerprint %q, want the finding's %q", got, run.Findings[0].Fingerprint)
	}
	fpAt := func(i int) any { return issues[i]["fingerprint"] }
	if fpAt(4) != "5d41402abc4b2a76-2" || fpAt(5) != "5d41402abc4b2a76-3" {
		t.Errorf("duplicate fingerprints became %q, %q", fpAt(4), fpAt(5))
	}
	if fp := fpAt(6).(string); !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(fp) {
		t.Errorf("derived fingerprint %q", fp)
	}
	lineRange := func(i int) [2]float64 {
		l := issues[i]["location"].(map[string]any)["lines"].(map[string]any)
		return [2]float64{l["begin"].(float64), l["end"].(float64)}
	}
	if got := lineRange(1); got != [2]float64{6, 6} {
		t.Errorf("number-mismatch lines %v, want 6-6", got)
	}
	if got := lineRange(7); got != [2]float64{8, 9} {
		t.Errorf("range ending at the start of line 10: lines %v, want 8-9", got)
	}
	if got := lineRange(8); got != [2]float64{1, 1} {
		t.Errorf("finding without a position: lines %v, want 1-1", got)
	}
	if got := issues[9]["location"].(map[string]any)["path"]; got != "docs/x.md" {
		t.Errorf("absolute path inside the root became %q", got)
	}

	var empty bytes.Buffer
	if err := WriteGitLab(&empty, emptyRun(), Options{}); err != nil {
		t.Fatal(err)
	}
	if empty.String() != "[]\n" {
		t.Errorf("empty report %q, want \"[]\\n\"", empty.String())
	}
}

func TestRuleDocMarkdown(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"paragraphs", "One *line*.\n\nTwo <b>.", `One \*line\*.` + "\n\n" + `Two \<b>.`},
		{"list after a lead-in",
			"Checks:\n  - first item\n    continued\n  - second_item",
			"Checks:\n\n- first item\n  continued\n- second\\_item"},
		{"nested and ordered",
			"Steps:\n\n  1. one\n     - sub\n       more\n  2. two",
			"Steps:\n\n1. one\n   - sub\n     more\n2. two"},
		{"blank line between items", "A:\n  - a\n\n  - b\n\nAfter.", "A:\n\n- a\n- b\n\nAfter."},
		{"example stays code", "Example:\n\n    source: 1.5\n    - not a list\n\nEnd.",
			"Example:\n\n```text\nsource: 1.5\n- not a list\n```\n\nEnd."},
		{"list then example", "L:\n  - a\n\n    code line\n",
			"L:\n\n- a\n\n```text\ncode line\n```"},
		{"continuation that looks like markup", "L:\n  - a\n    - b is not nested? it is\n  - c\n    ---\n   2. x",
			"L:\n\n- a\n  - b is not nested? it is\n- c\n  \\---\n  2\\. x"},
		{"bullet", "L:\n  • dot item", "L:\n\n- dot item"},
		{"entities stay literal", "A &nbsp; B\n  - x &amp; y\n\n    code &nbsp;",
			"A &amp;nbsp; B\n\n- x &amp;amp; y\n\n```text\ncode &nbsp;\n```"},
	}
	for _, tt := range tests {
		if got := ruleDocMarkdown(tt.doc); got != tt.want {
			t.Errorf("%s: ruleDocMarkdown(%q) =\n%s\nwant\n%s", tt.name, tt.doc, got, tt.want)
		}
	}
}

func TestStripOptionsBlock(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"Text.\n\nOptions:\n  a  doc\n  b  doc\n         more\n", "Text."},
		{"Text.\n\nOptions:\n  a  doc\n\nAfter.", "Text.\n\nAfter."},
		{"Text.\nOptions:\n  a  doc", "Text.\nOptions:\n  a  doc"}, // not its own paragraph
		{"No options here.", "No options here."},
	}
	for _, tt := range tests {
		if got := stripOptionsBlock(tt.doc); got != tt.want {
			t.Errorf("stripOptionsBlock(%q) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}

func TestFormatOptionDefault(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{true, "true"}, {20, "20"}, {0.37, "0.37"}, {float64(0), "0"},
		{"nbsp", "nbsp"}, {"", `""`}, {"true", `"true"`}, {"3.5", `"3.5"`}, {"a: b", `"a: b"`},
		{"-x", `"-x"`}, {" padded", `" padded"`},
		{[]string{}, "[]"}, {[]string{"title", "description"}, "[title, description]"},
		{[]string{"fr:OneDrive for Business=OneDrive Entreprise", "Office 365"}, `["fr:OneDrive for Business=OneDrive Entreprise", Office 365]`},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := FormatOptionDefault(tt.in); got != tt.want {
			t.Errorf("FormatOptionDefault(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeSpanAndCells(t *testing.T) {
	for in, want := range map[string]string{
		"a":          "`a`",
		"a`b":        "``a`b``",
		"`x`":        "`` `x` ``",
		"two\nlines": "`two lines`",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := tableCell("`a|b` and \\| kept\nnext"), "`a\\|b` and \\| kept next"; got != want {
		t.Errorf("tableCell = %q, want %q", got, want)
	}
	if got, want := markdownSlug("Front Matter.Locale_x"), "front-matterlocale_x"; got != want {
		t.Errorf("markdownSlug = %q, want %q", got, want)
	}
}

func TestWriteRuleDocsUnknownFormat(t *testing.T) {
	err := WriteRuleDocs(&bytes.Buffer{}, nil, "html")
	if err == nil || !strings.Contains(err.Error(), "text, markdown") {
		t.Errorf("err = %v", err)
	}
	var buf bytes.Buffer
	if err := WriteRuleDocs(&buf, nil, "MD"); err != nil || !strings.Contains(buf.String(), "0 rules") {
		t.Errorf("MD: %v, %q", err, buf.String())
	}
}

// TestBuiltinRuleDocs renders the registered rules: every rule gets a
// section the table links to, its Options block is replaced by the options
// table, and list items are not turned into code.
func TestBuiltinRuleDocs(t *testing.T) {
	var rs []RuleInfo
	for _, r := range rules.Default.All() {
		rs = append(rs, NewRuleInfo(r))
	}
	if len(rs) == 0 {
		t.Skip("no registered rules")
	}
	var buf bytes.Buffer
	if err := WriteRuleDocs(&buf, rs, "markdown"); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(md, -1) {
		anchors[markdownSlug(strings.ReplaceAll(m[1], `\`, ""))] = true
	}
	for _, r := range rs {
		if !anchors[markdownSlug(r.ID)] {
			t.Errorf("no section for %s", r.ID)
		}
		if !strings.Contains(md, "](#"+markdownSlug(r.ID)+")") {
			t.Errorf("no table link to %s", r.ID)
		}
	}
	for _, m := range regexp.MustCompile(`(?m)\(#([^)]*)\)`).FindAllStringSubmatch(md, -1) {
		if !anchors[m[1]] {
			t.Errorf("link to #%s has no section", m[1])
		}
	}
	if strings.Contains(md, "\nOptions:\n") {
		t.Error("a Doc's Options: block was kept next to the options table")
	}
	// No fenced code block holds a list item: lists are rendered as lists.
	for _, block := range regexp.MustCompile("(?s)```text\n(.*?)```").FindAllStringSubmatch(md, -1) {
		if regexp.MustCompile(`(?m)^- `).MatchString(block[1]) {
			t.Errorf("list rendered as code:\n%s", block[1])
		}
	}

	var text bytes.Buffer
	if err := WriteRuleDocs(&text, rs, "text"); err != nil {
		t.Fatal(err)
	}
	// A line per rule, then a blank line, the tag index's heading and a
	// line per tag.
	tags := map[string]bool{}
	for _, r := range rs {
		for _, tg := range r.Tags {
			tags[tg] = true
		}
	}
	if n := strings.Count(text.String(), "\n"); n != len(rs)+2+len(tags) {
		t.Errorf("text: %d lines for %d rules and %d tags", n, len(rs), len(tags))
	}
}

func TestNewRuleInfo(t *testing.T) {
	r := &rules.Rule{ID: "x", Short: "s", Doc: "d", Severity: rules.Warning, Aliases: []string{"y"}, Tags: []string{"t"},
		Options: []rules.Option{{Name: "n", Default: []string{"a", "b"}, Doc: "od"}, {Name: "m", Default: 3}}}
	want := RuleInfo{ID: "x", Short: "s", Doc: "d", Severity: rules.Warning, Aliases: []string{"y"}, Tags: []string{"t"},
		Options: []OptionInfo{{Name: "n", Default: "[a, b]", Doc: "od"}, {Name: "m", Default: "3"}}}
	if got := NewRuleInfo(r); !reflect.DeepEqual(got, want) {
		t.Errorf("NewRuleInfo = %+v, want %+v", got, want)
	}
}

// unescapeGitHub undoes the runner's escapes (as its ActionCommand parser
// does), for the round trip below.
func unescapeGitHub(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	return strings.NewReplacer(append(pairs, "%25", "%")...).Replace(s)
}

func FuzzGitHubEscape(f *testing.F) {
	for _, s := range []string{"", "a:b,c", "50%\r\n", "%0A%25", "::error::x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, d := escapeGitHubProperty(s), escapeGitHubData(s)
		if strings.ContainsAny(p, ":,\r\n") || strings.ContainsAny(d, "\r\n") {
			t.Fatalf("escapes of %q keep a separator: %q, %q", s, p, d)
		}
		if unescapeGitHub(p, true) != s || unescapeGitHub(d, false) != s {
			t.Fatalf("escapes of %q do not round-trip: %q, %q", s, p, d)
		}
	})
}

func FuzzRuleDocMarkdown(f *testing.F) {
	for _, s := range []string{"A:\n  - a\n    b\n      - c\n  1. d\n\n  - e\n\tcode", " - x\n   - y\n  - z", "Options:\n  a  b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		md := ruleDocMarkdown(stripOptionsBlock(doc)) // must not panic
		if strings.TrimSpace(doc) != "" && strings.TrimSpace(md) == "" && strings.TrimSpace(stripOptionsBlock(doc)) != "" {
			t.Errorf("%q rendered as nothing", doc)
		}
	})
}
