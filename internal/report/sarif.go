package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/l10nlint/l10nlint/rules"
)

const (
	toolName = "l10nlint"
	toolURI  = "https://github.com/l10nlint/l10nlint"
	// srcRoot is the uriBaseId of every relative artifact location.
	srcRoot = "%SRCROOT%"
	// FingerprintKey names the fingerprint in SARIF partialFingerprints; the
	// suffix changes if the fingerprint's recipe does.
	FingerprintKey = "l10nlint/v1"
)

// WriteSARIF writes run as a SARIF 2.1.0 log with one run, in the shape
// GitHub code scanning accepts: every rule in run.Rules under tool.driver
// (plus a bare entry for any rule that has findings but is not listed, so
// each result's ruleIndex resolves), columns in UTF-16 code units, paths
// relative to %SRCROOT% (run.Root when set). With opts.MaxResults, at most
// that many results, the most severe, and a notification of the others.
func WriteSARIF(w io.Writer, run *Run, opts Options) error {
	log, err := newSARIFLog(run, opts.MaxResults)
	if err != nil {
		return err
	}
	// The bytes of encoding/json's indented encoding of the log, with the
	// results, most of it, encoded on every core: the log is encoded with
	// no result, and the results are spliced into its "results": [].
	results := log.Runs[0].Results
	log.Runs[0].Results = []sarifResult{}
	head, err := indentedJSON(log, "")
	if err != nil {
		return err
	}
	marker := []byte(`"results": []`)
	k := bytes.Index(head, marker) // unique: quotes inside strings are escaped
	if len(results) == 0 || k < 0 {
		_, err = w.Write(append(head, '\n'))
		return err
	}
	indent := string(head[bytes.LastIndexByte(head[:k], '\n')+1 : k])
	// Written as they are encoded, not gathered first: the results are most
	// of the memory a large report needs.
	bw := bufio.NewWriter(w)
	bw.Write(head[:k])
	bw.WriteString(`"results": [` + "\n")
	if err := writeIndentedAll(bw, results, indent+"  ", indent+"  "); err != nil {
		return err
	}
	bw.WriteString(indent + "]")
	bw.Write(head[k+len(marker):])
	bw.WriteByte('\n')
	return bw.Flush() // a bufio.Writer keeps the first write error
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Invocations        []sarifInvocation           `json:"invocations,omitempty"`
	Results            []sarifResult               `json:"results"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifHelp        `json:"help"`
	HelpURI              string           `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           *sarifProperties `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Properties          map[string]string  `json:"properties,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
}

// fixDescription says what edits do: `Replace with "，"`, `Insert " "`.
func fixDescription(edits []rules.Edit) string {
	var parts []string
	for _, e := range edits {
		switch {
		case e.Range.Start == e.Range.End:
			parts = append(parts, "insert "+strconv.Quote(e.New))
		case e.New == "":
			parts = append(parts, "delete the text")
		default:
			parts = append(parts, "replace with "+strconv.Quote(e.New))
		}
	}
	s := strings.Join(parts, "; ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// sarifFix is a result's fix: one change to its file.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

func newSARIFLog(run *Run, max int) (*sarifLog, error) {
	sr := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           toolName,
			Version:        run.Version,
			InformationURI: toolURI,
			Rules:          []sarifRule{},
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    make([]sarifResult, 0, len(run.Findings)),
	}
	root := ""
	if run.Root != "" {
		abs, err := filepath.Abs(run.Root)
		if err != nil {
			return nil, err
		}
		root = abs
		sr.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(abs, true)}}
	}

	index := map[string]int{}
	addRule := func(ri RuleInfo) {
		if _, dup := index[ri.ID]; dup {
			return
		}
		index[ri.ID] = len(sr.Tool.Driver.Rules)
		sr.Tool.Driver.Rules = append(sr.Tool.Driver.Rules, sarifRuleOf(ri))
	}
	for _, ri := range run.Rules {
		addRule(ri)
	}
	all := append(append([]Finding(nil), run.Findings...), run.Suppressed...)
	found, suppressed := numberedFingerprints(run)
	fingerprints := append(found, suppressed...)
	for _, f := range all {
		addRule(RuleInfo{ID: f.Rule, Severity: f.Severity})
	}
	keep := func(int) bool { return true }
	if dropped := SARIFDropped(run, max); dropped > 0 {
		// The most severe, reported before suppressed, in report order.
		order := make([]int, len(all))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool {
			sa, sb := order[a] >= len(run.Findings), order[b] >= len(run.Findings)
			if sa != sb {
				return !sa
			}
			return all[order[a]].Severity > all[order[b]].Severity
		})
		kept := make([]bool, len(all))
		for _, i := range order[:max] {
			kept[i] = true
		}
		keep = func(i int) bool { return kept[i] }
		sr.Invocations = []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{{
			Level: "warning",
			Message: sarifText{Text: fmt.Sprintf("%d of %d results left out: at most %d are written (GitHub code scanning rejects a run of more than %d); "+
				"the most severe are kept. Run l10nlint with --format json for all of them.", dropped, len(all), max, GitHubMaxResults)},
		}}}}
	}

	for i, f := range all {
		if !keep(i) {
			continue
		}
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
		}
		if c := contextLines(&f); c != "" {
			// Code scanning shows the message and the flagged line, not
			// the source the translation is compared with.
			res.Message.Text += "\n" + c
		}
		p := f.Path
		if run.Dir != "" && !filepath.IsAbs(p) {
			p = filepath.Join(run.Dir, p)
		}
		loc := sarifPhysicalLocation{ArtifactLocation: artifactLocation(p, root)}
		if f.Start.Line > 0 {
			end := f.End
			if end.Line < f.Start.Line { // unset End: an empty region
				end = f.Start
			}
			loc.Region = &sarifRegion{
				StartLine:   f.Start.Line,
				StartColumn: f.Start.ColUTF16,
				EndLine:     end.Line,
				EndColumn:   end.ColUTF16,
			}
			if f.Snippet != "" {
				loc.Region.Snippet = &sarifText{Text: f.Snippet}
			}
		}
		res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		if fp := fingerprints[i]; fp != "" {
			res.PartialFingerprints = map[string]string{FingerprintKey: fp}
		}
		if f.Locale != "" || f.SegmentID != "" {
			res.Properties = map[string]string{}
			if f.Locale != "" {
				res.Properties["locale"] = f.Locale
			}
			if f.SegmentID != "" {
				res.Properties["segmentId"] = f.SegmentID
			}
		}
		if len(f.Fixes) > 0 && len(f.FixPlaces) == len(f.Fixes) {
			change := sarifArtifactChange{ArtifactLocation: loc.ArtifactLocation}
			for k, e := range f.Fixes {
				p := f.FixPlaces[k]
				rep := sarifReplacement{DeletedRegion: sarifRegion{StartLine: p.Start.Line, StartColumn: p.Start.ColUTF16,
					EndLine: p.End.Line, EndColumn: p.End.ColUTF16}}
				if e.New != "" {
					rep.InsertedContent = &sarifText{Text: e.New}
				}
				change.Replacements = append(change.Replacements, rep)
			}
			res.Fixes = []sarifFix{{Description: sarifText{Text: fixDescription(f.Fixes)}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		if i >= len(run.Findings) { // silenced in the page itself
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Justification}}
		}
		sr.Results = append(sr.Results, res)
	}
	return &sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{sr},
	}, nil
}

func sarifRuleOf(ri RuleInfo) sarifRule {
	short := firstNonEmpty(ri.Short, ri.ID)
	doc := firstNonEmpty(strings.TrimSpace(ri.Doc), short)
	r := sarifRule{
		ID:                   ri.ID,
		Name:                 camelCase(ri.ID),
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: doc},
		Help:                 sarifHelp{Text: doc, Markdown: docMarkdown(doc)},
		HelpURI:              ri.HelpURI,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(ri.Severity)},
	}
	if len(ri.Tags) > 0 {
		r.Properties = &sarifProperties{Tags: ri.Tags}
	}
	return r
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Note:
		return "note"
	}
	return "none"
}

// camelCase turns "number-mismatch" into "NumberMismatch" (SARIF's
// reportingDescriptor.name is meant to be an identifier-like name).
func camelCase(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}

// artifactLocation makes p a URI: relative to %SRCROOT% when it is relative
// or inside root, an absolute file URI otherwise.
func artifactLocation(p, root string) sarifArtifactLoc {
	if filepath.IsAbs(p) {
		if root != "" {
			if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return sarifArtifactLoc{URI: relativeURI(filepath.ToSlash(rel)), URIBaseID: srcRoot}
			}
		}
		return sarifArtifactLoc{URI: fileURI(p, false)}
	}
	return sarifArtifactLoc{URI: relativeURI(filepath.ToSlash(p)), URIBaseID: srcRoot}
}

// relativeURI escapes each segment of a slash-separated relative path. ':'
// is escaped too, or "a:b.md" would read as a URI with scheme "a".
func relativeURI(p string) string {
	p = path.Clean(p)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// fileURI turns an absolute path into a file:// URI, with a trailing slash
// for directories (SARIF requires it for originalUriBaseIds).
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(filepath.Clean(abs))
	if !strings.HasPrefix(p, "/") { // Windows drive path: file:///C:/...
		p = "/" + p
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// docMarkdown renders a rule's plain-text Doc as Markdown: indented lines
// (examples) become fenced code blocks, other text is escaped so that
// characters like * and < show as written.
func docMarkdown(doc string) string {
	var out []string
	var code []string
	flush := func() {
		if len(code) == 0 {
			return
		}
		// Drop trailing blank lines and the common indentation.
		for len(code) > 0 && strings.TrimSpace(code[len(code)-1]) == "" {
			code = code[:len(code)-1]
		}
		indent := -1
		for _, l := range code {
			if strings.TrimSpace(l) == "" {
				continue
			}
			n := len(l) - len(strings.TrimLeft(l, " \t"))
			if indent < 0 || n < indent {
				indent = n
			}
		}
		out = append(out, "```text")
		for _, l := range code {
			if len(l) >= indent {
				l = l[indent:]
			} else {
				l = ""
			}
			out = append(out, l)
		}
		out = append(out, "```")
		code = nil
	}
	for _, l := range strings.Split(strings.ReplaceAll(doc, "\r\n", "\n"), "\n") {
		indented := strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "  ")
		switch {
		case indented && strings.TrimSpace(l) != "":
			if len(code) == 0 && len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			code = append(code, l)
		case len(code) > 0 && strings.TrimSpace(l) == "":
			code = append(code, "") // blank line inside an example
		default:
			if len(code) > 0 {
				flush()
				if strings.TrimSpace(l) != "" {
					out = append(out, "")
				}
			}
			out = append(out, escapeMarkdown(l))
		}
	}
	flush()
	return strings.TrimSpace(strings.Join(out, "\n"))
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `|`, `\|`,
)

// escapeMarkdown keeps inline markup characters literal; '#' and '>' only
// matter at the start of a line. List markers are left alone on purpose:
// plain-text docs use them as lists.
func escapeMarkdown(s string) string {
	s = markdownEscaper.Replace(s)
	if t := strings.TrimLeft(s, " "); strings.HasPrefix(t, "#") || strings.HasPrefix(t, ">") {
		s = s[:len(s)-len(t)] + `\` + t
	}
	return s
}
