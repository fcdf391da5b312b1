package rules

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// KeywordList reports an entry of a keyword list that the target changed.
var KeywordList = Register(&Rule{
	ID:       "keyword-list",
	Aliases:  []string{"keywords"},
	Tags:     []string{"segment", "code"},
	Severity: Warning,
	Short:    "An entry of a keyword list (a list under a heading such as Keyword_passport_number) differs from the source",
	Doc: `The entries of a list under a heading that names a keyword list (an identifier of words joined by
underscores with "keyword" in it: Keyword_australia_passport_number, CEP_CommonExampleKeywords),
one per list item or paragraph, or in the cells of a table whose header names one
(|**Keywords_austria_eu_driver's_license_number**|), are data, not prose: the keywords a classifier matches as written, in whatever language the
product matches them. A translation keeps them character for character. Machine translation translates them ("card
number" as "numéro de carte"), re-cases them ("valor" as "Valor"), drops their signs ("aba#" as
"aba", "dl#" as "DL"), swaps their apostrophes and separators ("numéro d'immatriculation" as
"numéro d’immatriculation", "、" for ","), or garbles them ("身份證" as "證", "mastercard" as
"Card").

Each list item under such a heading whose target differs from its source is reported, on the whole
target, with a fix that puts the source's entry back. An entry with a note on it ("IP (this keyword
is case sensitive)") needs only its keyword kept: the note is translated. Items that read as sentences (ending with
".", "!", "?", ":" or ";", or longer than eight words; "no." and "st.nr." are entries) are prose,
not entries, and are left alone.
Pages in the source language are skipped.`,
	Run:         runKeywordList,
	Monolingual: true,
})

func runKeywordList(p *Pass) {
	loc := p.Page.Locale
	if loc == "" || locale.Language(loc) == locale.Language(p.Page.SourceLocale) {
		return
	}
	lists := keywordListNames(p.Page)
	for i := range p.Page.Segments {
		s := p.Page.Segments[i]
		list := lists[i]
		if list == "" {
			continue
		}
		src, tgt := strings.TrimSpace(s.Source.Raw), strings.TrimSpace(s.Target.Raw)
		if src == tgt || !keywordItem(s.Source.Plain) {
			continue
		}
		// "IP (this keyword is case sensitive)": a keyword and a note on
		// it, which is prose: the keyword alone must be kept, and the
		// entry cannot be put back whole.
		noted := false
		if i := strings.Index(src, " ("); i > 0 && strings.HasSuffix(src, ")") && len(strings.Fields(src[i:])) >= 3 {
			if strings.HasPrefix(tgt, src[:i]) {
				continue
			}
			noted = true
		}
		f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: s.Target.Range,
			Message:   "keyword list entry changed: the source has " + quoteText(src) + ", the target " + quoteText(tgt) + " (the keywords of " + list + " are matched as written)",
			SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
		if tgt == "" {
			f.Range = s.Range
		} else if !noted && s.Target.Range.End <= len(p.Page.Text) {
			lead := len(s.Target.Raw) - len(strings.TrimLeftFunc(s.Target.Raw, unicode.IsSpace))
			r := Range{Start: s.Target.Range.Start + lead, End: s.Target.Range.Start + lead + len(tgt)}
			f.Fixes = []Edit{{Range: r, New: src}}
		}
		p.Report(f)
	}
}

// keywordListNames names, for each segment of a page, the keyword list
// it is an entry of ("" for none): a segment in a list item or paragraph
// under a heading that names a keyword list, or after a list's name alone
// on its line in a table or paragraph. untranslated leaves such entries
// to keyword-list, which wants them kept as the source writes them.
func keywordListNames(pg *Page) []string {
	out := make([]string, len(pg.Segments))
	heading := ""   // the source of the last heading segment
	headingAt := -1 // where that heading's block starts
	// The page's headings, segments or not: a heading of the page's own
	// (a table of contents' "## Examples") ends the keyword list too.
	var headings []Range
	for _, b := range pg.Blocks {
		if b.Kind == "heading" {
			headings = append(headings, b.Range)
		}
	}
	next := 0
	// A keyword list's name alone on its line in a table or a paragraph
	// (|**Keywords_x**|, its cells after it): the block's segments after
	// it are entries. Not a field named among other cells of a row.
	tableList, tableEnd := "", -1
	headerOf := func(s *Segment) int {
		text := pg.Text
		lineStart := strings.LastIndexByte(text[:s.Range.Start], '\n') + 1
		lineEnd := len(text)
		if k := strings.IndexByte(text[s.Range.End:], '\n'); k >= 0 {
			lineEnd = s.Range.End + k
		}
		if strings.Trim(text[lineStart:s.Range.Start], "| \t") != "" || strings.Trim(text[s.Range.End:lineEnd], "| \t\r") != "" {
			return -1
		}
		// The block holding it: the blocks are in text order.
		bs := pg.Blocks
		k := sort.Search(len(bs), func(k int) bool { return bs[k].Range.End > s.Range.Start })
		if k < len(bs) && bs[k].Range.Start <= s.Range.Start {
			return bs[k].Range.End
		}
		return -1
	}
	for i := range pg.Segments {
		s := pg.Segments[i]
		for next < len(headings) && headings[next].Start <= s.Range.Start {
			if headings[next].End < s.Range.Start && headings[next].Start > headingAt {
				heading, headingAt = "", headings[next].Start // a heading with no segment
			}
			next++
		}
		if s.Block == "heading" {
			heading = strings.TrimSpace(s.Source.Plain)
			if next > 0 {
				headingAt = headings[next-1].Start
			}
			continue
		}
		switch {
		case !s.HasSource:
		case (s.Block == "table" || s.Block == "paragraph") && keywordHeading(strings.TrimSpace(s.Source.Plain)):
			if end := headerOf(s); end >= 0 {
				tableList, tableEnd = strings.TrimSpace(s.Source.Plain), end
			}
		case s.Range.Start < tableEnd:
			out[i] = tableList
		case (s.Block == "list-item" || s.Block == "paragraph") && keywordHeading(heading):
			out[i] = heading
		}
	}
	return out
}

// keywordHeading reports whether a heading names a keyword list: an
// identifier with "keyword" in it. Other identifiers head lists of other
// things (a function's languages, "English", "Dutch", translated rightly).
func keywordHeading(h string) bool {
	// The cheap test first; the name is ASCII when the pattern matches,
	// so folding ASCII letters is enough.
	return containsFoldASCII(h, "keyword") && keywordIdentRe.MatchString(h)
}

// containsFoldASCII reports whether s holds lower (lower-case ASCII) in
// any ASCII case, with no copy.
func containsFoldASCII(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		j := 0
		for j < len(lower) && s[i+j]|0x20 == lower[j] {
			j++
		}
		if j == len(lower) {
			return true
		}
	}
	return false
}

// keywordIdentRe matches a keyword list's name: words joined by
// underscores, an apostrophe in a word (Keywords_austria_eu_driver's_license_number).
var keywordIdentRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9']*(?:_+[A-Za-z0-9']+)+$`)

// keywordItem reports whether an item's text reads as an entry, not a
// sentence: at most eight words, no sentence's end but an abbreviation's
// dot ("no.", "st.nr.", "drivers lic.").
func keywordItem(plain string) bool {
	plain = strings.TrimSpace(plain)
	words := len(strings.Fields(plain))
	if plain == "" || words > 8 {
		return false
	}
	// A sentence may end inside its closing quote or bracket ("… the
	// whole document.”").
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(plain, "”’\"')»」"))
	return !strings.ContainsRune(".!?:;。！？：；…", last) || last == '.' && words <= 2
}
