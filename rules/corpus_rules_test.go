package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/rules"
)

// corpusFindings runs the default rules on paths and returns the findings of
// one rule as "file:line: message".
func corpusFindings(t *testing.T, ruleID string, paths ...string) []string {
	t.Helper()
	res, err := engine.Run(paths, engine.Options{Config: enabled(ruleID), Registry: rules.Default})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Rule == ruleID {
			out = append(out, filepath.ToSlash(f.Path)+":"+itoa(f.Start.Line)+": "+f.Message)
		}
	}
	sort.Strings(out)
	return out
}

// enabled is the default configuration with ruleID on, at warning when it
// is opt-in.
func enabled(ruleID string) *config.Config {
	cfg := config.Default()
	if r := rules.Default.Lookup(ruleID); r != nil && r.Severity == rules.Off {
		sev := rules.Warning
		cfg.Rules[r.ID] = config.RuleConfig{Severity: &sev}
	}
	return cfg
}

func itoa(n int) string {
	s := ""
	for n >= 10 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return string(rune('0'+n)) + s
}

func expectFindings(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d findings:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("finding %d = %q, want it to contain %q", i, got[i], want[i])
		}
	}
}

func TestCrossLocaleSourceFixture(t *testing.T) {
	got := corpusFindings(t, "cross-locale-source", "../testdata/corpus")
	expectFindings(t, got,
		`fr-FR/offering.md:12: source text differs from the de-DE, zh-CN pages, which agree on "Where can I get the ISO 20000-1:2011 audit reports?"; this page's source reads "Where can I get the ISO 22301 audit reports?" (theirs is the current source page's text)`,
		`fr-FR/offering.md:14: source text differs from the de-DE, zh-CN pages, which agree on "Reports are available for 12 months."`)
	// Named alone, the French page is still compared with its siblings, and
	// only it is reported on.
	got = corpusFindings(t, "cross-locale-source", "../testdata/corpus/fr-FR/offering.md")
	expectFindings(t, got, "fr-FR/offering.md:12:", "fr-FR/offering.md:14:")
	if got := corpusFindings(t, "cross-locale-source", "../testdata/corpus/de-DE/offering.md"); len(got) != 0 {
		t.Errorf("the majority page is not an outlier: %q", got)
	}
}

func TestCrossLocaleSourceSeeds(t *testing.T) {
	dir := "../../shared/seeds"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/seeds absent")
	}
	got := corpusFindings(t, "cross-locale-source", dir)
	// The French FAQ was translated from the ISO 22301 page's English; the
	// zh-CN page (handed off later) is right. Line 44 differs only in case.
	expectFindings(t, got,
		"fr-FR/offering-iso-20000-1-2011.md:21:", "fr-FR/offering-iso-20000-1-2011.md:49:",
		`fr-FR/offering-iso-20000-1-2011.md:57: source text differs from the zh-CN page, which has "Where can I get the ISO 20000-1:2011 audit reports and scope statements for Microsoft services?"; this page's source reads "Where can I get the ISO 22301 audit reports`,
		"fr-FR/offering-iso-20000-1-2011.md:71:")
}

func TestStaleSourceFixture(t *testing.T) {
	got := corpusFindings(t, "stale-source", "../testdata/corpus")
	expectFindings(t, got, // sorted as strings: ":12" before ":1:"
		`fr-FR/offering.md:12: source text changed in ../testdata/corpus/en-US/offering.md: the current source reads "Where can I get the ISO 20000-1:2011 audit reports?"`,
		`fr-FR/offering.md:14: source text changed in ../testdata/corpus/en-US/offering.md: the current source reads "Reports are available for 12 months."`,
		"fr-FR/offering.md:1: 2 of 5 source segments differ from the current source page ../testdata/corpus/en-US/offering.md (translated from source commit 1111111): the translation is out of date")
}

func TestFrontMatterMismatchFixture(t *testing.T) {
	got := corpusFindings(t, "front-matter-mismatch", "../testdata/corpus")
	// ms.audience is the pipeline's name for audience; the list written
	// inline equals the block list; search.appverid is missing.
	expectFindings(t, got,
		`fr-FR/metadata.md:1: front matter lacks search.appverid, which the source page ../testdata/corpus/en-US/metadata.md has: "MOE150, MET150"`,
		`fr-FR/metadata.md:2: title is not translated: it is the source page's "Overview of importing your PST files"`,
		`fr-FR/metadata.md:4: ms.author is "someoneelse" but the source page ../testdata/corpus/en-US/metadata.md has "markjjo"`)
}

func TestMissingAndOrphanPages(t *testing.T) {
	got := corpusFindings(t, "missing-page", "../testdata/corpus")
	// en-US has offering.md, metadata.md and new-page.md; each target tree
	// translates two of them.
	expectFindings(t, got,
		"en-US/metadata.md:1: no de-DE translation", "en-US/metadata.md:1: no zh-CN translation",
		"en-US/new-page.md:1: no de-DE translation: expected at ../testdata/corpus/de-DE/new-page.md (de-DE translates 1 of 3 source pages, 33.3%)",
		"en-US/new-page.md:1: no fr-FR translation: expected at ../testdata/corpus/fr-FR/new-page.md (fr-FR translates 2 of 3 source pages, 66.7%)",
		"en-US/new-page.md:1: no zh-CN translation")
	got = corpusFindings(t, "orphan-page", "../testdata/corpus")
	expectFindings(t, got, "fr-FR/removed-page.md:1: no source page: en-US has no page removed-page.md")
	// Named alone, a translation whose source exists is not an orphan.
	if got := corpusFindings(t, "orphan-page", "../testdata/corpus/fr-FR/offering.md"); len(got) != 0 {
		t.Errorf("offering.md is not an orphan: %q", got)
	}
	if got := corpusFindings(t, "orphan-page", "../testdata/corpus/fr-FR/removed-page.md"); len(got) != 1 {
		t.Errorf("removed-page.md named alone: %q", got)
	}
}

func TestBrokenLinkFixture(t *testing.T) {
	// links.md: good links to a page anchor, a repeated heading's -1 slug, an
	// image whose folder differs in case, #top and an external URL; broken:
	// a missing page, a missing anchor on another page, and a link wrapping a
	// segment. Links in the hidden source text are not checked. The HTML
	// links and images (<a href>, <img src>) are checked like Markdown ones.
	got := corpusFindings(t, "broken-link", "../testdata/links/fr-FR/links.md")
	expectFindings(t, got,
		"fr-FR/links.md:13: anchor #nowhere matches no heading or anchor on ../testdata/links/fr-FR/offering.md",
		`fr-FR/links.md:13: link "missing.md" does not resolve: missing.md does not exist`,
		`fr-FR/links.md:17: link "gone/page.md" does not resolve: gone/page.md does not exist`,
		"fr-FR/links.md:20: anchor #nulle-part matches no heading or anchor on this page",
		`fr-FR/links.md:20: link "ailleurs.md" does not resolve: ailleurs.md does not exist`,
		`fr-FR/links.md:21: image "media/absent.png" does not resolve: media/absent.png does not exist`,
		`fr-FR/links.md:24: link "perdu.md" does not resolve: perdu.md does not exist`)
}

// TestTranslatedAnchors: on a side-by-side page whose heading is
// translated, a link to the translated anchor satisfies both link rules,
// and a link that kept the English anchor is broken-link's (it resolves to
// nothing on the rendered page) and not link-mismatch's too.
func TestTranslatedAnchors(t *testing.T) {
	dir := t.TempDir()
	seg := func(id, tgt, src string) string {
		return `<span data-ttu-id="` + id + `">` + tgt + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + `</span></span>`
	}
	page := "# " + seg("a-1", "Configurer", "Set up") + "\n\n" +
		seg("a-2", "Voir [Plus d’informations](#plus-dinformations).", "See [More information](#more-information).") + "\n\n" +
		seg("a-3", "Voir [Plus d’informations](#more-information).", "See [More information](#more-information).") + "\n\n" +
		"## " + seg("a-4", "Plus d’informations", "More information") + "\n"
	path := filepath.Join(dir, "fr-FR", "page.md")
	writer(t, dir)("fr-FR/page.md", page)
	expectFindings(t, corpusFindings(t, "link-mismatch", path))
	expectFindings(t, corpusFindings(t, "broken-link", path),
		"fr-FR/page.md:5: anchor #more-information matches no heading or anchor on this page")
}

// TestLocaleLikeTopicFolders: a folder inside a locale tree whose name
// looks like a language (hr/ for human resources, ml/ for machine
// learning) is a topic folder, not a tree: its pages keep their tree's
// locale and are compared with their source; a page whose front matter
// names a more specific or another locale of its tree is not missing.
func TestLocaleLikeTopicFolders(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	put("ms/en-US/hr/a.md", "---\ntitle: A\nms.contentlocale: en-US\n---\n# A\n\n## Part\n")
	put("ms/fr-FR/hr/a.md", "---\ntitle: A\nms.contentlocale: fr-FR\n---\n# A\n\n### Partie\n")
	put("ms/en-US/b.md", "---\ntitle: B\n---\n# B\n")
	put("ms/fr-FR/b.md", "---\ntitle: B\nms.contentlocale: fr-CA\n---\n# B\n")
	put("hugo/content/en/docs/ml/i.md", "# I\n\n## Part\n")
	put("hugo/content/fr/docs/ml/i.md", "---\ntitle: I\nms.contentlocale: fr-FR\n---\n# I\n\n### Partie\n")
	put("hugo/content/en/docs/hr-team/a.md", "# A\n")
	res, err := engine.Run([]string{dir}, engine.Options{Config: config.Default(), Registry: rules.Default})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "typography" {
			continue
		}
		rel, _ := filepath.Rel(dir, f.Path)
		if !filepath.IsAbs(f.Path) {
			rel = f.Path[strings.Index(f.Path, filepath.Base(dir))+len(filepath.Base(dir))+1:]
		}
		got = append(got, filepath.ToSlash(rel)+":"+itoa(f.Start.Line)+": "+f.Rule+": "+f.Message)
	}
	sort.Strings(got)
	expectFindings(t, got,
		"hugo/content/en/docs/hr-team/a.md:1: missing-page: no fr translation",
		"hugo/content/fr/docs/ml/i.md:7: structure-mismatch: level-3 heading where the source has a level-2 heading",
		"ms/fr-FR/b.md:3: front-matter: ms.contentlocale is fr-CA but the page's locale folder is fr-FR",
		"ms/fr-FR/hr/a.md:7: structure-mismatch: level-3 heading where the source has a level-2 heading",
	)
}

// TestBrokenLinkEmailAutolink: <support@contoso.com> is an e-mail address
// (CommonMark's e-mail autolink), not a relative file.
func TestBrokenLinkEmailAutolink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fr-FR", "page.md")
	writer(t, dir)("fr-FR/page.md", "# P\n\nÉcrivez à <support@contoso.com> ou voir [la page](gone/a@b.md).\n")
	expectFindings(t, corpusFindings(t, "broken-link", path), `fr-FR/page.md:3: link "gone/a@b.md" does not resolve`)
}

// TestReferenceDefinitions: the destinations of link reference definitions
// ([p]: page.md) are links like the others: broken-link checks them and
// structure-mismatch compares them; one inside a code block is text.
func TestReferenceDefinitions(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	put("content/en/a.md", "# A\n")
	put("content/fr/a.md", "# A\n")
	put("content/en/t.md", "# T\n\nSee [the page][p] and [other].\n\n[p]: a.md\n[other]: <a.md#a>\n\n```\n[x]: inside-code.md\n```\n")
	put("content/fr/t.md", "# T\n\nVoir [la page][p] et [other].\n\n[p]: zzz.md\n[other]: <a.md#a>\n\n```\n[x]: inside-code.md\n```\n")
	// Lines that look like definitions but are not (CommonMark): in an HTML
	// comment, in a fenced block of a list item, continuing a paragraph,
	// a blockquote's lazy line.
	put("content/fr/u.md", "# U\n\n<!--\n[e]: old.md\n-->\n\n- item\n\n  ```\n  [d]: x.md\n  ```\n\nPara text\n[d]: para.md\n\n> quote\n[d]: lazy.md\n\n[d]: a.md\n[e]: a.md\n")
	expectFindings(t, corpusFindings(t, "broken-link", filepath.Join(dir, "content", "fr", "u.md")))
	// In a block quote, the destination on the next line, after the > .
	put("content/fr/q.md", "# Q\n\n> [p]:\n> a.md\n>\n> [r]: zzz.md\n\nSee [x][a\\]: b].\n\n[a\\]: b]: a.md\n")
	expectFindings(t, corpusFindings(t, "broken-link", filepath.Join(dir, "content", "fr", "q.md")),
		`fr/q.md:6: link "zzz.md" does not resolve`)
	path := filepath.Join(dir, "content", "fr", "t.md")
	expectFindings(t, corpusFindings(t, "broken-link", path), `fr/t.md:5: link "zzz.md" does not resolve: zzz.md does not exist`)
	expectFindings(t, corpusFindings(t, "structure-mismatch", path),
		`fr/t.md:5: link destination differs from the source's`)
}

// TestDocusaurusSourceLocale: a Docusaurus source page (docs/, beside
// i18n/) is in no locale folder: its ms.contentlocale is not compared with
// the source locale the layout assumes for it.
func TestDocusaurusSourceLocale(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	put("docs/a.md", "---\ntitle: A\nms.contentlocale: en\n---\n# A\n")
	put("docs/ml/intro.md", "---\ntitle: A\nms.contentlocale: en-US\n---\n# A\n") // ml/: machine learning
	put("i18n/fr/docusaurus-plugin-content-docs/current/a.md", "---\ntitle: A\nms.contentlocale: de-DE\n---\n# A\n")
	expectFindings(t, corpusFindings(t, "front-matter", filepath.Join(dir, "docs")))
	expectFindings(t, corpusFindings(t, "front-matter", filepath.Join(dir, "i18n")),
		"a.md:3: ms.contentlocale is de-DE but the page's locale folder is fr")
}

// writer returns a function writing a file under dir (slash-separated
// path relative to it), with its folders.
func writer(t *testing.T, dir string) func(rel, content string) {
	return func(rel, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStaleSourceCurrentText: the current text quoted for a stale segment
// is the sentence of the source page, between the anchors around it, that
// shares most words with it. A short text repeated on the page ("modified"
// in each row of a change log) anchors nothing, nor does a paragraph moved
// elsewhere; a segment whose neighbours are adjacent in the source page was
// removed; rewritten text that shares too little is not quoted.
func TestStaleSourceCurrentText(t *testing.T) {
	seg := func(id, text string) string {
		return `<span data-ttu-id="x-` + id + `">T` + id + `</span><span class="sxs-lookup"><span data-stu-id="x-` + id + `">` + text + `</span></span>`
	}
	for _, c := range []struct {
		name, en string
		segs     []string
		want     []string
	}{{
		name: "change log",
		en: "| Date | Topic | Change |\n|---|---|---|\n| 5/17/2019 | Run the Process module | modified |\n" +
			"| 5/17/2019 | Quick setup | modified |\n| 4/16/2019 | Bulk edit Content Searches | modified |\n",
		// "modified" of the first row would place the second row's date
		// after it, where "5/17/2019 | Quick setup" is.
		segs: []string{"| " + seg("1", "5/17/2019") + " | " + seg("2", "Run the Process module") + " | " + seg("3", "modified") + " |\n" +
			"| " + seg("4", "4/11/2019") + " | " + seg("5", "Bulk edit Content Searches") + " | " + seg("6", "modified") + " |"},
		want: []string{`p.md:1: 1 of 6`, `p.md:6: source text changed in en-US/p.md: the current source reads "4/16/2019"`},
	}, {
		name: "closest sentence",
		en: "# Title\n\nFirst paragraph stays.\n\nMoved paragraph stays too.\n\nThe search results are shown in the details pane. " +
			"There are no limits on the number of searches that run at once. Exports are encrypted.\n\nLast paragraph stays.\n",
		segs: []string{seg("1", "First paragraph stays."), seg("2", "There are also no limits on the number of searches that can run at once."),
			seg("3", "Last paragraph stays."), seg("4", "Moved paragraph stays too.")},
		want: []string{`p.md:1: 1 of 4 source segments differ`,
			`p.md:7: source text changed in en-US/p.md: the current source reads "There are no limits on the number of searches that run at once."`},
	}, {
		name: "removed",
		en:   "# Title\n\nFirst paragraph stays.\n\nLast paragraph stays.\n",
		segs: []string{seg("1", "First paragraph stays."), seg("2", "A sentence that was dropped."), seg("3", "Last paragraph stays.")},
		want: []string{`p.md:1: 1 of 3`, `p.md:7: source text is no longer in the source page en-US/p.md: "A sentence that was dropped." was removed`},
	}, {
		// "Note" is on the page three times: as an anchor it would place
		// the rewritten sentence's stretch between "Overview" and the first
		// "Note", where nothing is, and call it removed.
		name: "repeated short text",
		en:   "# Title\n\nOverview of the portal.\n\nNote\n\nSign in with your admin account first.\n\nNote\n\nLast paragraph stays.\n\nNote\n",
		segs: []string{seg("1", "Overview of the portal."), seg("2", "To open the portal, see the portal page."), seg("3", "Note"), seg("4", "Last paragraph stays.")},
		want: []string{`p.md:1: 1 of 4`, `p.md:7: source text "To open the portal, see the portal page." is no longer in the source page en-US/p.md`},
	}, {
		// A paragraph moved to the end of the page is no anchor: the date
		// after it is looked for between its neighbours that stay.
		name: "moved paragraph",
		en:   "# Title\n\nFirst paragraph stays.\n\n4/16/2019\n\nThird paragraph stays.\n\nSecond paragraph moved to the end.\n",
		segs: []string{seg("1", "First paragraph stays."), seg("2", "Second paragraph moved to the end."), seg("3", "4/11/2019"), seg("4", "Third paragraph stays.")},
		want: []string{`p.md:1: 1 of 4`, `p.md:9: source text changed in en-US/p.md: the current source reads "4/16/2019"`},
	}, {
		// The same sentence twice in the translation, once in the page:
		// the first is the anchor, and the rewritten sentence after it is
		// looked for after it, not called removed.
		name: "a sentence repeated in the translation",
		en:   "You can use the compliance center to manage all of the policies of your organization.\n\nThe new wizard guides you through creating a retention policy for mailboxes and sites.\n",
		segs: []string{seg("1", "You can use the compliance center to manage all of the policies of your organization."),
			seg("2", "Use the retention wizard to create a policy."),
			seg("3", "You can use the compliance center to manage all of the policies of your organization.")},
		want: []string{`p.md:1: 1 of 3`, `p.md:7: source text "Use the retention wizard to create a policy." is no longer in the source page en-US/p.md`},
		// (a "was removed" here would be wrong)
	}, {
		// A heading sharing the old sentence's words is no new version of
		// it (nor the reverse).
		name: "a heading is no body sentence",
		en:   "Overview stays here.\n\n# Create a custom type in the center\n\nWe rewrote this part completely.\n",
		segs: []string{seg("1", "Overview stays here."), seg("2", "To create custom types in the center, you have options:")},
		want: []string{`p.md:1: 1 of 2`, `p.md:7: source text "To create custom types in the center, you have options:" is no longer in the source page en-US/p.md`},
	}, {
		// Removed right before a heading: nothing but the heading's mark
		// lies between the anchors.
		name: "removed before a heading",
		en:   "First paragraph stays.\n\n## Next section\n",
		segs: []string{seg("1", "First paragraph stays."), seg("2", "A sentence that was dropped."), "## " + seg("3", "Next section")},
		want: []string{`p.md:1: 1 of 3`, `p.md:7: source text is no longer in the source page en-US/p.md: "A sentence that was dropped." was removed`},
	}, {
		// A list of links holds titles, no new version of a sentence.
		name: "a link title is no body sentence",
		en:   "Overview stays here.\n\n- [Create a custom type in the center](x.md)\n\nWe rewrote this part completely.\n",
		segs: []string{seg("1", "Overview stays here."), seg("2", "To create custom types in the center, you have options:")},
		want: []string{`p.md:1: 1 of 2`, `p.md:7: source text "To create custom types in the center, you have options:" is no longer in the source page en-US/p.md`},
	}, {
		// Every sentence of a heading is a heading.
		name: "a heading of two sentences",
		en:   "Overview stays here.\n\n## Step 1. Create the new retention policy for mailboxes\n\nBody text stays.\n",
		segs: []string{seg("1", "Overview stays here."), "## " + seg("2", "Step 1. Create a retention policy for mailboxes"), seg("3", "Body text stays.")},
		want: []string{`p.md:1: 1 of 3`, `p.md:7: source text changed in en-US/p.md: the current source reads "Step 1. Create the new retention policy for mailboxes"`},
	}, {
		// Body text that starts with a "#" is no heading.
		name: "a table cell starting with #",
		en:   "Overview stays here.\n\n| # of user licenses | Plan |\n|---|---|\n| 5 | E5 |\n",
		segs: []string{seg("1", "Overview stays here."), "| " + seg("2", "Number of user licenses") + " | " + seg("3", "Plan") + " |\n|---|---|\n| 5 | E5 |"},
		want: []string{`p.md:1: 1 of 3`, `p.md:7: source text changed in en-US/p.md: the current source reads "# of user licenses"`},
	}, {
		// The quote is the callout's text, not its marker.
		name: "callout",
		en:   "Overview stays here.\n\n> [!NOTE]\n> Customer Lockbox is available in Office 365 E5 as an add-on purchase.\n",
		segs: []string{seg("1", "Overview stays here."), seg("2", "**NOTE**: Customer Lockbox is available in Office 365 E5 as an extra purchase.")},
		want: []string{`p.md:1: 1 of 2`, `p.md:7: source text changed in en-US/p.md: the current source reads "Customer Lockbox is available in Office 365 E5 as an add-on purchase."`},
	}, {
		name: "rewritten",
		en:   "# Title\n\nFirst paragraph stays.\n\nEngineers get access only after you approve it.\n\nLast paragraph stays.\n",
		segs: []string{seg("1", "First paragraph stays."), seg("2", "If the request is rejected by the customer, nobody will see the content."), seg("3", "Last paragraph stays.")},
		want: []string{`p.md:1: 1 of 3`, `p.md:7: source text "If the request is rejected by the customer, nobody will see the content." is no longer in the source page en-US/p.md`},
	}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			put := writer(t, dir)
			put("en-US/p.md", "---\ntitle: T\n---\n"+c.en)
			put("fr-FR/p.md", "---\ntitle: T\n---\n\n"+strings.Join(c.segs, "\n\n")+"\n")
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = os.Chdir(wd) }()
			expectFindings(t, corpusFindings(t, "stale-source", "."), c.want...)
		})
	}
}

// TestCrossLocaleSourceImageInSpan: an icon inside two locales' source
// span and left outside the third's is no difference of wording (the
// zh-CN archive mailboxes page's "click Refresh to update"), while a word
// that differs still is.
func TestCrossLocaleSourceImageInSpan(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	seg := func(src string) string {
		return `<span data-ttu-id="x-1">T</span><span class="sxs-lookup"><span data-stu-id="x-1">` + src + `</span></span>` + "\n\n" +
			`<span data-ttu-id="x-2">T</span><span class="sxs-lookup"><span data-stu-id="x-2">Close the pane.</span></span>` + "\n"
	}
	withIcon := "You might have to click **Refresh** ![Refresh icon](media/refresh.gif) to update the details pane."
	put("fr-FR/p.md", seg(withIcon))
	put("de-DE/p.md", seg(withIcon))
	put("zh-CN/p.md", seg("You might have to click **Refresh** to update the details pane."))
	expectFindings(t, corpusFindings(t, "cross-locale-source", dir))
	put("zh-CN/p.md", seg("You might have to click **Reload** to update the details pane."))
	expectFindings(t, corpusFindings(t, "cross-locale-source", dir), "zh-CN/p.md:1: source text differs from the de-DE, fr-FR pages")
}

// TestCrossLocaleSourceShowsTheDifference: when two long source texts
// differ past the length a message shows, both are shown from shortly
// before their first difference of wording (a typographic apostrophe is
// none).
func TestCrossLocaleSourceShowsTheDifference(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	long := "To enable the archive mailbox for a user, open the user’s properties in the Exchange admin center, go to the mailbox features page and"
	seg := func(src string) string {
		return `<span data-ttu-id="x-1">T</span><span class="sxs-lookup"><span data-stu-id="x-1">` + src + `</span></span>` + "\n"
	}
	put("fr-FR/p.md", seg(long+" click Enable."))
	put("de-DE/p.md", seg(long+" click Enable."))
	put("zh-CN/p.md", seg(strings.ReplaceAll(long, "’", "'")+" click Disable, then Enable."))
	expectFindings(t, corpusFindings(t, "cross-locale-source", dir),
		`zh-CN/p.md:1: source text differs from the de-DE, fr-FR pages, which agree on "…to the mailbox features page and click Enable."; this page's source reads "…to the mailbox features page and click Disable, then Enable."`)
}

// TestBrokenLinkSourceTreeHasIt: a link that resolves in the source tree
// but not in the locale's says what to do: copy the file, or translate
// the page; one that resolves nowhere says nothing more.
func TestBrokenLinkSourceTreeHasIt(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	page := "# T\n\n[PDF](media/deck.pdf) [page](other.md) [nowhere](gone.md)\n"
	put("en-US/p.md", page)
	put("en-US/media/deck.pdf", "")
	put("en-US/other.md", "# Other\n")
	put("fr-FR/p.md", page)
	expectFindings(t, corpusFindings(t, "broken-link", filepath.Join(dir, "fr-FR")),
		`fr-FR/p.md:3: link "gone.md" does not resolve: gone.md does not exist`,
		`fr-FR/p.md:3: link "media/deck.pdf" does not resolve: media/deck.pdf does not exist (the source tree has ../en-US/media/deck.pdf: copy it into this tree)`,
		`fr-FR/p.md:3: link "other.md" does not resolve: other.md does not exist (the source tree has ../en-US/other.md: its translation is missing)`)
}

// TestCrossLocaleSourceImageThreeWays: the locales with and without the
// icon in the span agree, against a third whose wording differs (it is
// the one reported, not the page with the icon).
func TestCrossLocaleSourceImageThreeWays(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	seg := func(src string) string {
		return `<span data-ttu-id="x-1">T</span><span class="sxs-lookup"><span data-stu-id="x-1">` + src + `</span></span>` + "\n"
	}
	put("fr-FR/p.md", seg("You might have to click **Refresh** ![Refresh icon](media/refresh.gif) to update the details pane."))
	put("de-DE/p.md", seg("You might have to click **Refresh** to update the details pane."))
	put("zh-CN/p.md", seg("You might have to click **Reload** to update the details pane."))
	expectFindings(t, corpusFindings(t, "cross-locale-source", dir),
		`zh-CN/p.md:1: source text differs from the de-DE, fr-FR pages, which agree on "You might have to click Refresh`)
}

// TestIncreasingRun: the longest strictly increasing run of keys, the
// earlier of equal keys kept.
func TestIncreasingRun(t *testing.T) {
	for _, c := range []struct{ keys, want []int }{
		{nil, []int{}},
		{[]int{5, 5}, []int{0}},
		{[]int{1, 9, 2, 3}, []int{0, 2, 3}},
		{[]int{3, 1, 2, 2, 4}, []int{1, 2, 4}},
		{[]int{4, 3, 2, 1}, []int{3}},
	} {
		items := make([]int, len(c.keys))
		for i := range items {
			items[i] = i
		}
		got := rules.IncreasingRunForTest(items, func(i int) int { return c.keys[i] })
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("keys %v: run %v, want %v", c.keys, got, c.want)
		}
	}
}

// ruleMessages runs the default rules with ruleID's options set and returns
// the messages of ruleID's findings, in report order.
func ruleMessages(t *testing.T, ruleID string, options map[string]any, paths ...string) []string {
	t.Helper()
	cfg := config.Default()
	cfg.Rules[ruleID] = config.RuleConfig{Options: options}
	res, err := engine.Run(paths, engine.Options{Config: cfg, Registry: rules.Default})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		if f.Rule == ruleID {
			msgs = append(msgs, f.Message)
		}
	}
	return msgs
}

// TestBrokenLinkBrokenInTheSource: a link the source page has, broken
// there too, says so (the fix belongs to the source, and reaches every
// locale); a link only the translation breaks does not.
func TestBrokenLinkBrokenInTheSource(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	put("en-US/page.md", "# Page\n\nSee [the old page](gone.md) and [the other](other.md).\n")
	put("en-US/other.md", "# Other\n")
	put("fr-FR/other.md", "# Autre\n")
	put("fr-FR/page.md", "# Page\n\nVoir [l’ancienne page](gone.md) et [l’autre](autre.md).\n")
	expectFindings(t, corpusFindings(t, "broken-link", filepath.Join(dir, "fr-FR")),
		`fr-FR/page.md:3: link "autre.md" does not resolve: autre.md does not exist`,
		`fr-FR/page.md:3: link "gone.md" does not resolve: gone.md does not exist (the source page `)
	got := corpusFindings(t, "broken-link", filepath.Join(dir, "fr-FR"))
	if !strings.HasSuffix(got[1], "en-US/page.md has the same broken link)") || strings.Contains(got[0], "source page") {
		t.Errorf("findings %q", got)
	}
	// The source's defect is a level below the rule's severity, so that a
	// gate on errors does not hold the translation back; the rule lowered
	// to a warning makes it a note.
	for _, tt := range []struct {
		config             rules.Severity
		own, fromTheSource rules.Severity
	}{
		{rules.Error, rules.Error, rules.Warning},
		{rules.Warning, rules.Warning, rules.Note},
		{rules.Note, rules.Note, rules.Note},
	} {
		cfg := config.Default()
		sev := tt.config
		cfg.Rules["broken-link"] = config.RuleConfig{Severity: &sev}
		res, err := engine.Run([]string{filepath.Join(dir, "fr-FR")}, engine.Options{Config: cfg, Registry: rules.Default})
		if err != nil {
			t.Fatal(err)
		}
		var sevs []string
		for _, f := range res.Findings {
			if f.Rule == "broken-link" {
				want := tt.own
				if strings.Contains(f.Message, "source page") {
					want = tt.fromTheSource
				}
				if f.Severity != want {
					t.Errorf("rule at %v: %q is a %v, want %v", tt.config, f.Message, f.Severity, want)
				}
				sevs = append(sevs, f.Severity.String())
			}
		}
		if len(sevs) != 2 {
			t.Errorf("rule at %v: %d findings, want 2", tt.config, len(sevs))
		}
	}
	// inherited: false leaves the source's own broken links to it.
	msgs := ruleMessages(t, "broken-link", map[string]any{"inherited": false}, filepath.Join(dir, "fr-FR"))
	if len(msgs) != 1 || !strings.Contains(msgs[0], `"autre.md"`) {
		t.Errorf("inherited: false: %q, want the translation's own broken link only", msgs)
	}
}

// TestBrokenLinkAnchorNamedAlone: a page named alone (its link's source
// counterpart not read) gets its own broken anchor, not called the
// source's: the source page is read to tell.
func TestBrokenLinkAnchorNamedAlone(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	put("en-US/a.md", "# Alpha\n\nSee [install](other.md#install) for details.\n")
	put("en-US/other.md", "# Other\n\n## Install\n\nText.\n")
	put("fr-FR/a.md", "# Alpha\n\nVoir [installer](other.md#install) pour les détails.\n")
	put("fr-FR/other.md", "# Autre\n\n## Installer\n\nTexte.\n")
	got := corpusFindings(t, "broken-link", filepath.Join(dir, "fr-FR", "a.md"))
	expectFindings(t, got, `fr-FR/a.md:3: anchor #install matches no heading or anchor on `)
	if strings.Contains(got[0], "source page") {
		t.Errorf("called the source's: %s", got[0])
	}
}

// TestBrokenLinkInheritedPlaces: a link is the source's only as often as
// the source has it (a second gone.md where the source links guide.md is
// the translation's own), and anchors the source breaks too count as the
// source's; inherited: false drops exactly those.
func TestBrokenLinkInheritedPlaces(t *testing.T) {
	dir := t.TempDir()
	put := writer(t, dir)
	put("en-US/page.md", "# Page\n\nSee [the old page](gone.md).\n\nRead [the guide](guide.md).\n\nSee [this](#nowhere), [that](other.md#gone) and [the top](#page).\n")
	put("en-US/guide.md", "# Guide\n")
	put("fr-FR/guide.md", "# Guide\n")
	put("en-US/other.md", "# Other\n")
	put("fr-FR/other.md", "# Autre\n")
	put("fr-FR/page.md", "# Page\n\nVoir [l’ancienne page](gone.md).\n\nLisez [le guide](gone.md).\n\nVoir [ceci](#nowhere), [cela](other.md#gone) et [le haut](#page-1).\n")
	expectFindings(t, corpusFindings(t, "broken-link", filepath.Join(dir, "fr-FR")),
		`fr-FR/page.md:3: link "gone.md" does not resolve: gone.md does not exist (the source page `,
		`fr-FR/page.md:5: link "gone.md" does not resolve: gone.md does not exist`,
		`fr-FR/page.md:7: anchor #gone matches no heading or anchor on `,
		`fr-FR/page.md:7: anchor #nowhere matches no heading or anchor on this page (the source page `,
		`fr-FR/page.md:7: anchor #page-1 matches no heading or anchor on this page`)
	got := corpusFindings(t, "broken-link", filepath.Join(dir, "fr-FR"))
	for _, i := range []int{1, 4} {
		if strings.Contains(got[i], "source page") {
			t.Errorf("the translation's own broken link called the source's: %s", got[i])
		}
	}
	if !strings.Contains(got[2], "(the source page ") || !strings.Contains(got[3], "(the source page ") {
		t.Errorf("anchors the source breaks too: %s / %s", got[2], got[3])
	}
	msgs := ruleMessages(t, "broken-link", map[string]any{"inherited": false}, filepath.Join(dir, "fr-FR"))
	if len(msgs) != 2 || strings.Contains(strings.Join(msgs, "\n"), "source page") {
		t.Errorf("inherited: false: %q, want the translation's own two", msgs)
	}
}

// A page whose source span is older than its translation: the translator
// translated the current English and left the span. The findings stay (the
// span is wrong) and say so, instead of calling the translation out of date.
func TestSourceSpanBehindItsTranslation(t *testing.T) {
	const dir = "../testdata/source-span"
	got := corpusFindings(t, "cross-locale-source", dir)
	expectFindings(t, got,
		`de-DE/page.md:7: source text differs from the fr-FR page, which has "You can also use Exchange Online PowerShell to enable archive mailboxes."; this page's source reads "You can use the Exchange admin center (EAC) or Windows PowerShell to enable archive mailboxes." (theirs is the current source page's text); the translation already follows their text, only this page's source span is out of date`,
		// The zh-CN translation keeps the old text's EAC and Windows.
		`zh-CN/page.md:7: source text differs from the fr-FR page, which has "You can also use Exchange Online PowerShell to enable archive mailboxes."; this page's source reads "You can use the Exchange admin center (EAC) or Windows PowerShell to enable archive mailboxes." (theirs is the current source page's text)`)
	if strings.Contains(got[1], "already follows") {
		t.Errorf("zh-CN: %s", got[1])
	}
	got = corpusFindings(t, "stale-source", dir)
	expectFindings(t, got,
		`de-DE/page.md:1: 1 of 2 source segments differ from the current source page ../testdata/source-span/en-US/page.md, but each translation already follows the current text: only the source spans are out of date`,
		`de-DE/page.md:7: source text changed in ../testdata/source-span/en-US/page.md: the current source reads "You can also use Exchange Online PowerShell to enable archive mailboxes."; the translation already follows it, only the source span is out of date`,
		`zh-CN/page.md:1: 1 of 2 source segments differ from the current source page ../testdata/source-span/en-US/page.md: the translation is out of date`,
		`zh-CN/page.md:7: source text changed in ../testdata/source-span/en-US/page.md: the current source reads "You can also use Exchange Online PowerShell to enable archive mailboxes."`)
	if strings.Contains(got[3], "already follows") {
		t.Errorf("zh-CN: %s", got[3])
	}
}
