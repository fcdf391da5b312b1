package rules

import (
	"fmt"
	"strings"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// FrontMatter checks the YAML front matter of a page.
var FrontMatterRule = Register(&Rule{
	ID:       "front-matter",
	Aliases:  []string{"yaml"},
	Tags:     []string{"front-matter"},
	Severity: Error,
	Short:    "Front matter parses as YAML, has its required keys, and ms.contentlocale matches the page locale",
	Doc: `Checks the YAML block between the leading --- lines:

  - it parses as YAML (the finding points at the line the YAML parser names), is a mapping, has
    no duplicate keys and is closed by a --- line;
  - the required keys are present and not empty on article pages: pages without front matter
    (TOC.md, include files), fragments without a level-1 heading, and redirect pages with
    redirect_url are not required to have them;
  - ms.contentlocale, when present, names the same locale as the page's locale folder
    (fr-fr/ or fr-FR/ in the path) or, without one, the configured locale.

Options:
  required  keys every page with front matter must have (default [title])`,
	Options: []Option{{Name: "required", Default: []string{"title"}, Doc: "keys every page with front matter must have"}},
	Run:     runFrontMatter,
})

func runFrontMatter(p *Pass) {
	fm := p.Page.FrontMatter
	if fm == nil {
		return
	}
	if fm.Unclosed {
		p.Reportf(Range{Start: 0, End: 3}, "front matter is not closed: the opening --- line has no closing --- line")
		return
	}
	if fm.Err != nil {
		p.Reportf(fm.Err.Range, "front matter is not valid YAML: %s", fm.Err.Message)
		return
	}
	if fm.Get("redirect_url") == nil && hasTitleHeading(p.Page) {
		for _, k := range p.Strings("required") {
			e := fm.Get(k)
			switch {
			case e == nil:
				p.Reportf(Range{Start: 0, End: 3}, "front matter lacks the required key %q", k)
			case e.Scalar && strings.TrimSpace(e.Value) == "":
				p.Reportf(e.KeyRange, "front matter key %q is empty", k)
			}
		}
	}
	if e := fm.Get("ms.contentlocale"); e != nil && !e.Scalar {
		p.Reportf(e.ValueRange, "ms.contentlocale is not a single locale code such as fr-FR")
	} else if e != nil {
		declared, ok := locale.Normalize(strings.TrimSpace(e.Value))
		if !ok {
			p.Reportf(e.ValueRange, "ms.contentlocale %q is not a locale code such as fr-FR", e.Value)
			return
		}
		want, where := p.Page.FolderLocale, "the page's locale folder"
		if want == "" && p.Page.LocaleOrigin == "config" {
			want, where = p.Page.Locale, "the configured locale"
		}
		if want != "" && !locale.Within(declared, want) {
			p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: e.ValueRange,
				Message: fmt.Sprintf("ms.contentlocale is %s but %s is %s", e.Value, where, want),
				Fixes:   []Edit{{Range: e.ValueRange, New: want}}})
		}
	}
}

// hasTitleHeading reports whether the page has a level-1 heading, which
// articles have and include fragments do not.
func hasTitleHeading(p *Page) bool {
	for _, h := range p.Headings {
		if h.Level == 1 {
			return true
		}
	}
	return false
}
