// Package page turns a file's bytes into a parsed rules.Page: decoding,
// front matter, locale and side-by-side segments.
package page

import (
	"fmt"
	"strings"

	"github.com/l10nlint/l10nlint/internal/frontmatter"
	"github.com/l10nlint/l10nlint/internal/locale"
	"github.com/l10nlint/l10nlint/internal/markdown"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// Options are the page-independent settings.
type Options struct {
	SourceLocale  string // default en-US
	DefaultLocale string // used when neither front matter nor path names one
	// FolderLocale is the locale of the locale tree the file is in, as the
	// documentation set's layout places it (fr-FR for fr-FR/hr/a.md); when
	// empty, the innermost locale-named folder of the path.
	FolderLocale string
	// NoFolder: the layout placed the file in no locale folder (a
	// Docusaurus source page): its path names no locale, whatever folders
	// it is in (docs/ml/intro.md).
	NoFolder bool
}

// Parse builds the page for path from its raw bytes. It never fails: what
// cannot be parsed becomes a problem on the page.
func Parse(path string, data []byte, opts Options) *rules.Page {
	return parse(path, data, opts, textfile.Decode)
}

// ParseOwned is Parse for data the caller hands over and never modifies
// again: the page's text is data itself rather than a copy.
func ParseOwned(path string, data []byte, opts Options) *rules.Page {
	return parse(path, data, opts, textfile.DecodeOwned)
}

func parse(path string, data []byte, opts Options, decode func([]byte) (string, string, int, error)) *rules.Page {
	// The tree's locale first: a file that cannot be read is still one of
	// its tree's (its finding counts there).
	p := &rules.Page{Path: path, SourceLocale: opts.SourceLocale, FolderLocale: folderLocale(path, opts)}
	if p.SourceLocale == "" {
		p.SourceLocale = "en-US"
	}
	text, enc, invalidAt, err := decode(data)
	p.Encoding = enc
	if err != nil {
		p.FileProblems = append(p.FileProblems, rules.Problem{Message: fmt.Sprintf("cannot read as text: %v", err)})
		return p
	}
	p.Text = text
	if invalidAt >= 0 {
		end := invalidAt + 1
		p.FileProblems = append(p.FileProblems, rules.Problem{Range: rules.Range{Start: invalidAt, End: end},
			Message: fmt.Sprintf("invalid UTF-8 byte 0x%02X: the file is not UTF-8 (save it as UTF-8)", text[invalidAt])})
	}
	fm, bodyStart := frontmatter.Split(text)
	if fm != nil {
		frontmatter.Parse(text, fm)
		p.FrontMatter = fm
	}
	p.Locale, p.LocaleOrigin = detectLocale(path, fm, opts)
	markdown.Extract(p, bodyStart)
	return p
}

func detectLocale(path string, fm *rules.FrontMatter, opts Options) (string, string) {
	if e := fm.Get("ms.contentlocale"); e != nil && e.Scalar {
		if l, ok := locale.Normalize(strings.TrimSpace(e.Value)); ok {
			return l, "front matter"
		}
	}
	if l := folderLocale(path, opts); l != "" {
		return l, "path"
	}
	if opts.DefaultLocale != "" {
		return opts.DefaultLocale, "config"
	}
	return "", ""
}

// FolderLocale is the locale of the tree a file at path is in, as parsing
// sets it (the options' placement, else a locale-named folder).
func FolderLocale(path string, opts Options) string { return folderLocale(path, opts) }

func folderLocale(path string, opts Options) string {
	if opts.FolderLocale != "" || opts.NoFolder {
		return opts.FolderLocale
	}
	return locale.FromPath(path)
}
