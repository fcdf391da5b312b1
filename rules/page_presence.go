package rules

import (
	"fmt"
	"slices"
	"strings"
)

// MissingPage reports source pages without a translation in a locale tree.
var MissingPage = Register(&Rule{
	ID:       "missing-page",
	Aliases:  []string{"untranslated-page"},
	Tags:     []string{"corpus", "pages"},
	Severity: Warning,
	Short:    "A source page has no translation in a target locale tree",
	Doc: `Reports, on a page of the source tree (en-US), each target locale tree (fr-FR/, zh-CN/ ...
beside it, or i18n/{locale}/ in Docusaurus) that has no page at the same path. The message gives the
path the translation is expected at and the locale's completion: how many of the source pages it
translates.

A source page named on the command line is reported for every locale tree. A locale tree named
whole (l10nlint check fr-FR, or the folder holding the trees) has its missing pages reported too:
on the source pages, which the run then reads, named or not. A run on some of a tree's files (a
pre-commit hook) reports none. In the per-locale table of the text summary and in the JSON and
SARIF locale, a missing page counts for the locale that lacks it.`,
	RunCorpus: runMissingPage,
})

// OrphanPage reports translations whose source page is gone.
var OrphanPage = Register(&Rule{
	ID:       "orphan-page",
	Aliases:  []string{"stale-page"},
	Tags:     []string{"corpus", "pages"},
	Severity: Warning,
	Short:    "A translated page has no source page any more",
	Doc: `Reports a page of a target locale tree whose page at the same path in the source tree is gone
(deleted or renamed in the source): readers of the translation see a page that no longer
exists in the source language. Reported only when the source tree exists beside the locale tree.`,
	RunCorpus: runOrphanPage,
})

func runMissingPage(p *CorpusPass) {
	pg := p.Page
	if !pg.Source || pg.Key == "" {
		return
	}
	have := map[string]bool{}
	for _, q := range p.Corpus.Group(pg.Key) {
		have[q.Locale] = true
	}
	for _, loc := range p.Corpus.Trees[pg.Root] {
		if have[loc] || strings.EqualFold(loc, pg.Locale) {
			continue
		}
		if !pg.Reported && !slices.ContainsFunc(p.Corpus.WholeTrees[pg.Root], func(w string) bool { return strings.EqualFold(w, loc) }) {
			continue // a source page checked only for the locale trees named
		}
		done, total := completion(p.Corpus, pg.Root, loc)
		where := ""
		if p.Corpus.Expected != nil {
			where = p.Corpus.Expected(pg, loc)
		} else {
			where = expectedPath(pg, loc)
		}
		// The completion changes as translations land (and with the pages a
		// run reads): the fingerprint goes by the rest of the message.
		key := fmt.Sprintf("no %s translation: expected at %s", loc, where)
		l := pg.Resolve(pg.Top)
		p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: pg.Path, Range: pg.Top.Range, Loc: &l,
			Message: fmt.Sprintf("%s (%s)", key, completionText(loc, done, total)), Key: key, Locale: loc})
	}
}

func runOrphanPage(p *CorpusPass) {
	pg := p.Page
	if pg.Source || pg.Key == "" || p.Corpus.SourceOf(pg) != nil {
		return
	}
	src := p.Corpus.SourceLocale
	if src == "" {
		src = "en-US"
	}
	for _, loc := range p.Corpus.Trees[pg.Root] {
		if strings.EqualFold(loc, src) || !strings.Contains(loc, "-") && strings.HasPrefix(strings.ToLower(src), strings.ToLower(loc)+"-") {
			p.ReportAt(pg.Top, "no source page: %s has no page %s, so this translation is of a page that was deleted or renamed", loc, pg.Rel)
			return
		}
	}
}

// completion counts the source pages of root and how many have a page in loc.
func completion(c *Corpus, root, loc string) (done, total int) {
	for _, q := range c.Pages() {
		if !q.Source || q.Root != root {
			continue
		}
		total++
		for _, r := range c.Group(q.Key) {
			if r.Locale == loc {
				done++
				break
			}
		}
	}
	return done, total
}

func completionText(loc string, done, total int) string {
	if total == 0 {
		return loc + " completion unknown"
	}
	return fmt.Sprintf("%s translates %d of %d source pages, %.1f%%", loc, done, total, 100*float64(done)/float64(total))
}

// expectedPath is where the translation of a source page would be: the page's
// path with its locale folder replaced.
func expectedPath(pg *PageFacts, loc string) string {
	segs := strings.Split(pg.Path, "/")
	relSegs := len(strings.Split(pg.Rel, "/"))
	if i := len(segs) - relSegs - 1; i >= 0 && strings.EqualFold(segs[i], pg.Locale) {
		segs[i] = loc
		return strings.Join(segs, "/")
	}
	return loc + "/" + pg.Rel
}
