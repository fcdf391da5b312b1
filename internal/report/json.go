package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"sync"
)

// JSONVersion is the version of the JSON report schema. It changes only when
// a field is removed, renamed or changes meaning; new fields may be added
// without a change.
const JSONVersion = "1"

// WriteJSON writes run as one JSON object (2-space indented, trailing
// newline, findings in run order) following schema version 1, also
// documented in JSON_SCHEMA.md:
//
//	{
//	  "version": "1",                   // schema version (JSONVersion)
//	  "tool": {"name": "l10nlint", "version": "1.2.0"},
//	  "summary": {
//	    "files": 2,                     // files checked
//	    "segments": 154,                // bilingual segments checked
//	    "errors": 3, "warnings": 2, "notes": 0
//	  },
//	  "findings": [                     // always an array, possibly empty
//	    {
//	      "rule": "number-mismatch",    // rule ID
//	      "severity": "error",          // "error", "warning" or "note"
//	      "path": "docs/fr-FR/a.md",    // slash-separated, as reported
//	      "locale": "fr-FR",            // page target locale, "" if unknown
//	      "message": "...",
//	      "segment_id": "a1b2c-101",    // data-ttu-id, "" if not on a segment
//	      "start": {
//	        "line": 12,                 // 1-based
//	        "column": 5,                // 1-based, in Unicode code points
//	        "column_utf16": 6,          // 1-based, in UTF-16 code units
//	        "offset": 840               // 0-based byte offset in the UTF-8 text
//	      },
//	      "end": {...},                 // same shape, exclusive
//	      "source": "...",              // segment source text, "" if none
//	      "target": "...",              // segment target text, "" if none
//	      "snippet": "...",             // the flagged text (text[start.offset:end.offset])
//	      "fingerprint": "...",         // stable across unrelated edits
//	      "fixes": [                    // only when the rule offers a mechanical fix
//	        {"start": {...}, "end": {...}, "new_text": "，"}  // replace start..end with new_text
//	      ]
//	    }
//	  ]
//	}
//
// Every key is always present but fixes (and justification, on suppressed
// findings). Offsets index the file's text decoded to
// UTF-8 with any BOM removed, so for UTF-16 files they are not offsets into
// the bytes on disk. The Options are unused: the format has no color.
func WriteJSON(w io.Writer, run *Run, _ Options) error {
	r := NewJSONReport(run)
	// The bytes of encoding/json's indented encoding of r, written field by
	// field so that the findings, most of the output, are encoded on every
	// core (the indenting pass alone took a third of a large run's time).
	buf := bufio.NewWriter(w) // written as it goes: the findings are most of the memory
	field := func(key string, v any, last bool) error {
		b, err := indentedJSON(v, "  ")
		if err != nil {
			return err
		}
		buf.WriteString("  \"" + key + "\": ")
		buf.Write(b)
		if !last {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		return nil
	}
	list := func(key string, items []JSONFinding, last bool) error {
		if len(items) == 0 {
			return field(key, items, last)
		}
		buf.WriteString("  \"" + key + "\": [\n")
		if err := writeIndentedAll(buf, items, "    ", "    "); err != nil {
			return err
		}
		buf.WriteString("  ]")
		if !last {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		return nil
	}
	buf.WriteString("{\n")
	hasSuppressed := len(r.Suppressed) > 0 // omitempty
	for _, step := range []func() error{
		func() error { return field("version", r.Version, false) },
		func() error { return field("tool", r.Tool, false) },
		func() error { return field("summary", r.Summary, false) },
		func() error { return list("findings", r.Findings, !hasSuppressed) },
		func() error {
			if !hasSuppressed {
				return nil
			}
			return list("suppressed", r.Suppressed, true)
		},
	} {
		if err := step(); err != nil {
			return err
		}
	}
	buf.WriteString("}\n")
	return buf.Flush() // a bufio.Writer keeps the first write error
}

// writeIndentedAll writes indentedJSON of each item on a line of its own
// after lead, the lines separated by commas. Batches of items are encoded on
// every core and written before the next batch: a report is written as it
// is encoded, and the memory held is a batch's, however many findings there
// are (a generated page's thousands of findings each quote a long segment).
func writeIndentedAll[T any](w *bufio.Writer, items []T, prefix, lead string) error {
	batch := 128 * runtime.GOMAXPROCS(0)
	for start := 0; start < len(items); start += batch {
		end := min(start+batch, len(items))
		parts, err := indentedJSONAll(items[start:end], prefix)
		if err != nil {
			return err
		}
		for i, p := range parts {
			w.WriteString(lead)
			w.Write(p)
			if start+i+1 < len(items) {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
	}
	return nil
}

// indentedJSONAll is indentedJSON of each item, on every core.
func indentedJSONAll[T any](items []T, prefix string) ([][]byte, error) {
	parts := make([][]byte, len(items))
	errs := make([]error, len(items))
	workers := min(runtime.GOMAXPROCS(0), (len(items)+127)/128)
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(items); i += workers {
				parts[i], errs[i] = indentedJSON(items[i], prefix)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return parts, nil
}

// indentedJSON is v as encoding/json writes it at a depth whose lines start
// with prefix (the first line unprefixed, no final newline), HTML
// unescaped: findings quote Markdown and HTML; keep it readable.
func indentedJSON(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// JSONReport is the top-level object of the JSON format; see WriteJSON.
type JSONReport struct {
	Version  string        `json:"version"`
	Tool     JSONTool      `json:"tool"`
	Summary  JSONSummary   `json:"summary"`
	Findings []JSONFinding `json:"findings"`
	// Suppressed are the findings l10nlint-disable directives silenced, each
	// with its justification; omitted when there are none.
	Suppressed []JSONFinding `json:"suppressed,omitempty"`
}

// JSONTool names the program that wrote the report.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONSummary counts what was checked and found.
type JSONSummary struct {
	Files    int `json:"files"`
	Segments int `json:"segments"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notes    int `json:"notes"`
}

// JSONFinding is one finding.
type JSONFinding struct {
	Rule        string       `json:"rule"`
	Severity    string       `json:"severity"`
	Path        string       `json:"path"`
	Locale      string       `json:"locale"`
	Message     string       `json:"message"`
	SegmentID   string       `json:"segment_id"`
	Start       JSONPosition `json:"start"`
	End         JSONPosition `json:"end"`
	Source      string       `json:"source"`
	Target      string       `json:"target"`
	Snippet     string       `json:"snippet"`
	Fingerprint string       `json:"fingerprint"`
	// Justification is set on suppressed findings only.
	Justification string `json:"justification,omitempty"`
	// Fixes are the edits that repair the finding (check --fix applies
	// them); omitted when the rule offers none.
	Fixes []JSONFix `json:"fixes,omitempty"`
}

// JSONFix is one edit: the text from Start to End (exclusive) becomes
// NewText. An insertion has Start equal to End.
type JSONFix struct {
	Start   JSONPosition `json:"start"`
	End     JSONPosition `json:"end"`
	NewText string       `json:"new_text"`
}

// JSONPosition is a place in a file.
type JSONPosition struct {
	Line        int `json:"line"`
	Column      int `json:"column"`
	ColumnUTF16 int `json:"column_utf16"`
	Offset      int `json:"offset"`
}

// NewJSONReport converts run to the JSON format's structure.
func NewJSONReport(run *Run) *JSONReport {
	c := countSeverities(run.Findings)
	r := &JSONReport{
		Version: JSONVersion,
		Tool:    JSONTool{Name: toolName, Version: run.Version},
		Summary: JSONSummary{Files: run.Files, Segments: run.Segments,
			Errors: c.errors, Warnings: c.warnings, Notes: c.notes},
		Findings: make([]JSONFinding, 0, len(run.Findings)),
	}
	found, suppressed := numberedFingerprints(run)
	for i, f := range run.Findings {
		j := jsonFinding(f)
		j.Fingerprint = found[i]
		r.Findings = append(r.Findings, j)
	}
	for i, f := range run.Suppressed {
		j := jsonFinding(f)
		j.Justification = f.Justification
		j.Fingerprint = suppressed[i]
		r.Suppressed = append(r.Suppressed, j)
	}
	return r
}

func jsonFinding(f Finding) JSONFinding {
	var fixes []JSONFix
	for i, e := range f.Fixes {
		if len(f.FixPlaces) != len(f.Fixes) {
			break // positions unknown: written by neither JSON nor SARIF
		}
		p := f.FixPlaces[i]
		fixes = append(fixes, JSONFix{
			Start:   JSONPosition{p.Start.Line, p.Start.Col, p.Start.ColUTF16, e.Range.Start},
			End:     JSONPosition{p.End.Line, p.End.Col, p.End.ColUTF16, e.Range.End},
			NewText: e.New,
		})
	}
	return JSONFinding{
		Fixes:       fixes,
		Rule:        f.Rule,
		Severity:    f.Severity.String(),
		Path:        f.Path,
		Locale:      f.Locale,
		Message:     f.Message,
		SegmentID:   f.SegmentID,
		Start:       JSONPosition{f.Start.Line, f.Start.Col, f.Start.ColUTF16, f.Range.Start},
		End:         JSONPosition{f.End.Line, f.End.Col, f.End.ColUTF16, f.Range.End},
		Source:      f.Source,
		Target:      f.Target,
		Snippet:     f.Snippet,
		Fingerprint: f.Fingerprint,
	}
}
