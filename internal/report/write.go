package report

import (
	"fmt"
	"io"
	"strings"
)

// Writer writes a run in one format.
type Writer func(w io.Writer, run *Run, opts Options) error

// Formats maps each output format name (as given to --format) to its writer.
var Formats = map[string]Writer{
	"text":   WriteText,
	"json":   WriteJSON,
	"sarif":  WriteSARIF,
	"github": WriteGitHub,
	"gitlab": WriteGitLab,
	"html":   WriteHTML,
}

// FormatNames lists the format names in the order help text shows them.
var FormatNames = []string{"text", "json", "sarif", "github", "gitlab", "html"}

// Write writes run in the named format.
func Write(w io.Writer, format string, run *Run, opts Options) error {
	wr, ok := Formats[strings.ToLower(format)]
	if !ok {
		return fmt.Errorf("unknown output format %q (want %s)", format, strings.Join(FormatNames, ", "))
	}
	return wr(w, run, opts)
}
