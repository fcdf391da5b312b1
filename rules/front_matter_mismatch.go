package rules

import (
	"html"
	"strings"
)

// FrontMatterMismatch compares a translation's front matter with its source page's.
var FrontMatterMismatch = Register(&Rule{
	ID:       "front-matter-mismatch",
	Aliases:  []string{"metadata-mismatch"},
	Tags:     []string{"corpus", "front-matter"},
	Severity: Error,
	Short:    "Front matter keys that must match the source page differ, or keys that must be translated are not",
	Doc: `Compares a translated page's front matter with the front matter of its source page (the same
page in the source tree):

  - keys that must stay identical (option same; by default the Microsoft docs metadata ms.author,
    author, manager, ms.topic, ms.service, ms.prod, ms.assetid, ms.collection, audience,
    localization_priority, search.appverid): a different value is reported on the value, a key of
    the source missing from the translation on the front matter, with the source's value;
  - keys that must be translated (option translate; by default title and description): a value
    identical to the source's is reported when it reads as prose (at least min-words words, an
    English function word and a lower-case word that is not one), not as a product name.

A key renamed by the localization pipeline (audience in the source, ms.audience in the
translation) counts as the same key.

Values are compared after YAML parsing, so '' and an empty value, or a list written inline or as a
block, are equal.

Options:
  same       keys whose value must equal the source page's
  translate  keys whose value must differ from the source page's
  min-words  words a value needs before an identical translation is reported (default 3)`,
	Options: []Option{
		{Name: "same", Default: []string{"ms.author", "author", "manager", "ms.topic", "ms.service", "ms.prod", "ms.assetid",
			"ms.collection", "audience", "localization_priority", "search.appverid"}, Doc: "keys whose value must equal the source page's"},
		{Name: "translate", Default: []string{"title", "description"}, Doc: "keys whose value must differ from the source page's"},
		{Name: "min-words", Default: 3, Doc: "words a value needs before an identical translation is reported"},
	},
	RunCorpus: runFrontMatterMismatch,
})

func runFrontMatterMismatch(p *CorpusPass) {
	pg := p.Page
	if pg.Source || pg.FrontMatter == nil {
		return
	}
	src := Comparable(p.Corpus.SourceOf(pg))
	if src == nil || src.FrontMatter == nil {
		return
	}
	for _, k := range p.Strings("same") {
		se := src.Get(k)
		if se == nil {
			continue
		}
		te := pg.Get(k)
		if te == nil {
			te = pg.Get(renamed(k))
		}
		switch {
		case te == nil:
			p.ReportAt(pg.FrontMatterLoc, "front matter lacks %s, which the source page %s has: %s", k, src.Path, quoteValue(se.Value))
		case strings.TrimSpace(te.Value) != strings.TrimSpace(se.Value):
			p.ReportAt(te.ValueLoc, "%s is %s but the source page %s has %s", k, quoteValue(te.Value), src.Path, quoteValue(se.Value))
		}
	}
	minWords := p.Int("min-words")
	for _, k := range p.Strings("translate") {
		se, te := src.Get(k), pg.Get(k)
		if se == nil || te == nil || !te.Scalar {
			continue
		}
		if strings.TrimSpace(te.Value) == strings.TrimSpace(se.Value) && titleProse(se.Value, minWords) {
			p.ReportAt(te.ValueLoc, "%s is not translated: it is the source page's %s", k, quoteValue(shorten(se.Value, 100)))
		}
	}
}

// renamed is the name the localization pipeline gives a key in translated
// pages: Microsoft's turns audience into ms.audience.
func renamed(k string) string {
	if strings.HasPrefix(k, "ms.") {
		return strings.TrimPrefix(k, "ms.")
	}
	return "ms." + k
}

// titleProse reports whether a title or description is prose to translate
// rather than a name: enough words, an English function word and a word in
// lower case that is not one ("Overview of importing PST files" is prose,
// "Office 365 ATP Safe Attachments" and "eDiscovery in Office 365" are names).
func titleProse(v string, minWords int) bool {
	words := proseWords(html.UnescapeString(v))
	if len(words) < minWords || countIn(words, englishFunctionWords) == 0 {
		return false
	}
	for _, w := range words {
		if w == strings.ToLower(w) && !englishFunctionWords[w] {
			return true
		}
	}
	return false
}

func quoteValue(v string) string {
	if v == "" {
		return `""`
	}
	return `"` + strings.ReplaceAll(v, "\n", ", ") + `"`
}
