package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/rules"
)

const consistencyDir = "../testdata/consistency"

// consistencyFindings runs inconsistent-translation alone with options on
// paths, on jobs goroutines, and returns its findings as "file:line:
// message", sorted. Unless options say otherwise, any-wording is on: the
// mechanics of grouping and reporting are tested on plain rewordings.
func consistencyFindings(t *testing.T, options map[string]any, jobs int, paths ...string) []string {
	t.Helper()
	cfg := config.Default()
	opts := map[string]any{"any-wording": true}
	for k, v := range options {
		opts[k] = v
	}
	cfg.Rules = map[string]config.RuleConfig{"inconsistent-translation": {Options: opts}}
	reg := rules.NewRegistry()
	if err := reg.Register(rules.InconsistentTranslation); err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(paths, engine.Options{Config: cfg, Registry: reg, Jobs: jobs})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Internal) > 0 {
		t.Fatalf("internal errors: %q", res.Internal)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Rule == "inconsistent-translation" {
			out = append(out, filepath.ToSlash(f.Path)+":"+itoa(f.Start.Line)+": "+f.Message)
		}
	}
	sort.Strings(out)
	return out
}

func TestInconsistentTranslationFixture(t *testing.T) {
	got := consistencyFindings(t, nil, 0, consistencyDir)
	// Sorted as strings: ":13" and ":21" before ":7". Each problem is one
	// finding, on its first place, whatever the number of places.
	expectFindings(t, got,
		`fr-FR/a.md:13: "Un utilisateur télécharge un fichier." is the translation of 2 different source texts in fr-FR: "User uploads a file." once (a.md:13); "User downloads a file." once (b.md:13)`,
		`fr-FR/a.md:21: "Open the Security & Compliance Center." is translated 2 ways in fr-FR: "Ouvrez le Centre de sécurité et conformité." twice (a.md:21, b.md:23); "Ouvrez le Centre de conformité." once (c.md:7)`,
		`fr-FR/a.md:7: "Click Save to apply the policy." is translated 2 ways in fr-FR: "Cliquez sur Sauvegarder pour appliquer la stratégie." twice (b.md:7, c.md:5); "Cliquez sur Enregistrer pour appliquer la stratégie." once (a.md:7)`,
		// Within one page.
		`fr-FR/b.md:19: "Select the mailbox." is translated 2 ways in fr-FR: "Sélectionnez la boîte aux lettres." once (b.md:19); "Choisissez la boîte aux lettres." once (b.md:21)`,
		// Each locale on its own; full-width and ASCII punctuation are the
		// same.
		`zh-CN/a.md:5: "Click Save to apply the policy." is translated 2 ways in zh-CN: "单击“保存”以应用策略。" twice (a.md:5, b.md:5); "单击“保存”以应用该策略。" once (b.md:7)`)
	// Not reported: a heading and a sentence (a.md:5, b.md:5); emphasis and
	// a link (a.md:9, b.md:9); case and apostrophes (a.md:11, b.md:11); one
	// target for two rewordings (a.md:15, b.md:15); a one-word source
	// (a.md:17, b.md:17); numbers only and a code span only (a.md:23, 25 and
	// c.md:9, 11); the inflection of a name (de-DE a.md:5, b.md:5).
}

func TestInconsistentTranslationDefault(t *testing.T) {
	// By default a rewording is not reported: a bold UI label rendered two
	// ways is, and so are source words kept in English in one translation
	// and translated in another (in a Latin-script locale, a phrase of
	// two). One translation of different sources is reported only when they
	// differ in numbers, a negation, opposites, an identifier, or in most
	// of their words (a translation that belongs to another segment).
	got := corpusFindings(t, "inconsistent-translation", "../testdata/consistency-strict")
	expectFindings(t, got,
		`fr-FR/a.md:12: "Read the privacy statement for details." is translated 2 ways in fr-FR ("privacy statement" kept in English in one and translated in another): "Lisez la privacy statement pour plus de détails." once (a.md:12); "Lisez la déclaration de confidentialité pour plus de détails." once (b.md:12)`,
		`fr-FR/a.md:20: "Un utilisateur télécharge un fichier." is the translation of 2 different source texts in fr-FR: "User uploads a file." once (a.md:20); "User downloads a file." once (b.md:20)`,
		`fr-FR/a.md:22: "Tapez le nombre de jours de conservation des éléments." is the translation of 2 different source texts in fr-FR: "Type the number of days that you want to hold items for." once (a.md:22); "Click Save." once (b.md:22)`,
		// "message" is French too: the other is translated, not garbled.
		`fr-FR/a.md:46: "Select the email messages to delete." is translated 2 ways in fr-FR ("email messages" kept in English in one and translated in another)`,
		`fr-FR/a.md:6: "Give the rule a name and then click More options." is translated 2 ways in fr-FR (the bold label "More options" as "Plus d'options" and as "Autres options"): "Nommez la règle, puis cliquez sur Plus d'options." once (a.md:6); "Nommez la règle, puis cliquez sur Autres options." once (b.md:6)`,
		`zh-CN/a.md:14: "Select File, folder, or site in the list." is translated 2 ways in zh-CN (the bold label "File, folder, or site" as "文件、文件夹或站点" and as "文件、文件夹或网站")`,
		// A piece of the word left in the other: garbled, not translated.
		`zh-CN/a.md:25: "Shows the number of items searched." is translated 2 ways in zh-CN ("searched" kept in English in one and garbled in another)`,
		`zh-CN/a.md:6: "Type the site name in the box." is translated 2 ways in zh-CN ("name" kept in English in one and translated in another): "在框中键入网站 name。" once (a.md:6); "在框中键入网站名称。" once (b.md:6)`)
	// Not reported: a label with or without its article (Utilisateurs, Les
	// utilisateurs: a.md:8); a rewording (10); one English word in French,
	// which shares many (portal, 14); a name kept or translated (16); one
	// translation of two UI labels (Send, Submit: 18); sources that differ
	// by a product name (24); a link's text kept in English (26); a label
	// or words kept in English with their translation in parentheses, the
	// convention for names the UI shows in English (28, 30); bold around a
	// whole sentence (32); a label with a character reference or an icon
	// (34, 36); English in quotes before its gloss (38); "Unable to" and
	// "Can't" (40); WARNING and Caution (42); "two options" and "a couple of
	// options" (44). In zh-CN: a character
	// reference (8), bold moved within one label (10), bold around the whole
	// text (12), glosses after and before the English, in full-width and
	// ASCII parentheses (15-21), full-width letters (23). In de-DE: two
	// source labels written differently (Message ID, message_id) and a
	// compound written with and without its hyphen (Support-Team).

	// With any-wording, each of those rewordings is reported.
	all := consistencyFindings(t, nil, 0, "../testdata/consistency-strict")
	if len(all) <= len(got) {
		t.Errorf("any-wording: %d findings, want more than the %d by default", len(all), len(got))
	}
}

func TestInconsistentTranslationNamedFiles(t *testing.T) {
	// Named alone, b.md is only compared with itself (and its copies in the
	// other locales, which are context: zh-CN/b.md has two translations of
	// one source, not reported here).
	got := consistencyFindings(t, nil, 0, consistencyDir+"/fr-FR/b.md")
	expectFindings(t, got, `fr-FR/b.md:19: "Select the mailbox." is translated 2 ways`)
	// Without a.md, the group of "Open the Security & Compliance Center."
	// starts in b.md.
	got = consistencyFindings(t, nil, 0, consistencyDir+"/fr-FR/b.md", consistencyDir+"/fr-FR/c.md")
	expectFindings(t, got,
		`fr-FR/b.md:19: "Select the mailbox." is translated 2 ways`,
		`fr-FR/b.md:23: "Open the Security & Compliance Center." is translated 2 ways in fr-FR: "Ouvrez le Centre de sécurité et conformité." once (b.md:23); "Ouvrez le Centre de conformité." once (c.md:7)`)
	got = consistencyFindings(t, nil, 0, consistencyDir+"/zh-CN/b.md")
	expectFindings(t, got, `zh-CN/b.md:5: "Click Save to apply the policy." is translated 2 ways in zh-CN: "单击\"保存\"以应用策略." once (b.md:5); "单击“保存”以应用该策略。" once (b.md:7)`)
}

func TestInconsistentTranslationOptions(t *testing.T) {
	base := consistencyFindings(t, nil, 0, consistencyDir)
	if len(base) != 5 {
		t.Fatalf("default options: %d findings:\n%s", len(base), strings.Join(base, "\n"))
	}
	extra := func(opts map[string]any, want string) {
		t.Helper()
		got := consistencyFindings(t, opts, 0, consistencyDir)
		var added []string
		for _, g := range got {
			if !slices.Contains(base, g) {
				added = append(added, g)
			}
		}
		if len(got) != len(base)+1 || len(added) != 1 || !strings.Contains(added[0], want) {
			t.Errorf("options %v: got\n%s\nwant the default findings and %q", opts, strings.Join(got, "\n"), want)
		}
	}
	extra(map[string]any{"min-words": 1}, `fr-FR/a.md:17: "Name" is translated 2 ways in fr-FR: "Nom" once (a.md:17); "Prénom" once (b.md:17)`)
	extra(map[string]any{"ignore-case": false}, `fr-FR/a.md:11: "Turn on auditing" is translated 2 ways in fr-FR: "Activer l'audit" once (a.md:11); "ACTIVER L’AUDIT" once (b.md:11)`)
	extra(map[string]any{"same-ending": false}, `fr-FR/a.md:5: "Connect to Exchange Online PowerShell" is translated 2 ways in fr-FR: "Connexion à Exchange Online PowerShell" once (a.md:5); "Connectez-vous à Exchange Online PowerShell." once (b.md:5)`)

	got := consistencyFindings(t, map[string]any{"same-target": false}, 0, consistencyDir)
	if len(got) != 4 || strings.Contains(strings.Join(got, "\n"), "source texts") {
		t.Errorf("same-target off: %q", got)
	}
	got = consistencyFindings(t, map[string]any{"max-places": 1}, 0, consistencyDir)
	expectFindings(t, got, "", `(a.md:21 and 1 more); "Ouvrez le Centre de conformité." once (c.md:7)`, `(b.md:7 and 1 more)`, "", "")
}

func TestInconsistentTranslationDeterministic(t *testing.T) {
	want := consistencyFindings(t, nil, 1, consistencyDir)
	for range 3 {
		if got := consistencyFindings(t, nil, 8, consistencyDir); !reflect.DeepEqual(got, want) {
			t.Fatalf("8 jobs:\n%s\n1 job:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// consistencyCorpus builds n fr-FR pages that each translate "Click Save to
// apply the policy." (page i in one of three ways) and hold one problem of
// their own, and a page of each reported as told.
func consistencyCorpus(n int, reported func(i int) bool) *rules.Corpus {
	var pages []*rules.PageFacts
	seg := func(id, src, tgt string, line int) rules.SegmentFacts {
		r := rules.Range{Start: 100 * line, End: 100*line + len(tgt)}
		return rules.SegmentFacts{ID: id, Source: src, Target: tgt, SourceRaw: src, TargetRaw: tgt, HasSource: true,
			TargetRange: r, SegmentRange: r}
	}
	// Line n starts at offset 100n.
	position := func(off int) rules.Position { return rules.Position{Line: off / 100, Col: 1 + off%100} }
	verbs := []string{"Enregistrer", "Sauvegarder", "Conserver"}
	for i := range n {
		rel := fmt.Sprintf("p%03d.md", i)
		pages = append(pages, &rules.PageFacts{Path: "fr-FR/" + rel, Key: "docs/" + rel, Rel: rel, Root: "docs",
			Locale: "fr-FR", Reported: reported(i), Bilingual: true, Position: position, Segments: []rules.SegmentFacts{
				seg("a", "Click Save to apply the policy.", "Cliquez sur "+verbs[i%3]+" pour appliquer la stratégie.", 5),
				seg("b", fmt.Sprintf("Open page number %d now.", i), fmt.Sprintf("Ouvrez la page %d maintenant.", i), 7),
				seg("c", fmt.Sprintf("Open page number %d now.", i), fmt.Sprintf("Affichez la page %d maintenant.", i), 9),
			}})
	}
	return rules.NewCorpus("en-US", pages)
}

// runConsistency calls RunCorpus for every reported page of c, on one
// goroutine per page when parallel is set, and returns the findings by
// page path, in report order.
func runConsistency(c *rules.Corpus, parallel bool) map[string][]string {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[string][]string{}
	for _, pg := range c.Pages() {
		if !pg.Reported {
			continue
		}
		run := func() {
			var got []string
			pass := &rules.CorpusPass{Corpus: c, Page: pg, Rule: rules.InconsistentTranslation,
				Options: map[string]any{"any-wording": true}, Report: func(f rules.Finding) { got = append(got, fmt.Sprintf("%d: %s", f.Loc.Start.Line, f.Message)) }}
			rules.InconsistentTranslation.RunCorpus(pass)
			mu.Lock()
			out[pg.Path] = got
			mu.Unlock()
		}
		if parallel {
			wg.Go(run)
		} else {
			run()
		}
	}
	wg.Wait()
	return out
}

func TestInconsistentTranslationReportedPages(t *testing.T) {
	// Pages 0 and 1 are context (indexed, not reported): the group of
	// "Click Save ..." is reported on page 2, its first reported place, and
	// still lists the places on the context pages.
	c := consistencyCorpus(5, func(i int) bool { return i >= 2 })
	got := runConsistency(c, false)
	if len(got["fr-FR/p000.md"])+len(got["fr-FR/p001.md"]) != 0 {
		t.Errorf("context pages reported: %q", got)
	}
	want := `5: "Click Save to apply the policy." is translated 3 ways in fr-FR: "Cliquez sur Enregistrer pour appliquer la stratégie." twice (p000.md:5, p003.md:5); "Cliquez sur Sauvegarder pour appliquer la stratégie." twice (p001.md:5, p004.md:5); "Cliquez sur Conserver pour appliquer la stratégie." once (p002.md:5)`
	if p2 := got["fr-FR/p002.md"]; len(p2) != 2 || p2[0] != want || !strings.HasPrefix(p2[1], `7: "Open page number 2 now." is translated 2 ways`) {
		t.Errorf("page 2: %q\nwant first %q", p2, want)
	}
	for _, p := range []string{"fr-FR/p003.md", "fr-FR/p004.md"} {
		if len(got[p]) != 1 || !strings.HasPrefix(got[p][0], "7: ") {
			t.Errorf("%s: %q, want its own problem only", p, got[p])
		}
	}
}

func TestInconsistentTranslationParallel(t *testing.T) {
	// RunCorpus is called once per reported page, in parallel: the index is
	// built once per corpus, and the findings are the same as one page at a
	// time (go test -race checks the sharing).
	all := func(int) bool { return true }
	want := runConsistency(consistencyCorpus(60, all), false)
	for range 3 {
		got := runConsistency(consistencyCorpus(60, all), true)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parallel run differs:\n%q\nwant\n%q", got, want)
		}
	}
	n := 0
	for _, fs := range want {
		n += len(fs)
	}
	if n != 61 || len(want["fr-FR/p000.md"]) != 2 {
		t.Errorf("%d findings (want one per page and one for the shared source): %q", n, want["fr-FR/p000.md"])
	}
	// Many goroutines on the same corpus at once.
	c := consistencyCorpus(60, all)
	var wg sync.WaitGroup
	results := make([]map[string][]string, 8)
	for i := range results {
		wg.Go(func() { results[i] = runConsistency(c, true) })
	}
	wg.Wait()
	for _, r := range results {
		if !reflect.DeepEqual(r, want) {
			t.Fatal("concurrent runs on one corpus differ")
		}
	}
}

func TestInconsistentTranslationCorpus(t *testing.T) {
	dir := "../../shared/corpus/o365seccomp"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/corpus absent")
	}
	if os.Getenv("INCONSISTENT_TRANSLATION_CORPUS") == "" {
		t.Skip("set INCONSISTENT_TRANSLATION_CORPUS=1 to run over ../../shared/corpus/o365seccomp")
	}
	got := consistencyFindings(t, nil, 0, dir)
	all := strings.Join(got, "\n")
	for _, want := range []string{
		// One target for opposite sources.
		`"Un utilisateur télécharge un fichier." is the translation of 2 different source texts in fr-FR: "User uploads a file."`,
		`"附件是这些文件类型中的任何一种" is the translation of 2 different source texts in zh-CN`,
		// One UI name translated two ways.
		`"Threat Explorer" is translated 2 ways in de-DE: "Sicherheitsrisiken-Explorer" twice`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	if len(got) < 500 || len(got) > 900 {
		t.Errorf("%d findings, expected about 700", len(got))
	}
}

func TestInconsistentTranslationCorpusDefault(t *testing.T) {
	dir := "../../shared/corpus/o365seccomp"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/corpus absent")
	}
	got := corpusFindings(t, "inconsistent-translation", dir+"/fr-FR", dir+"/zh-CN", dir+"/de-DE")
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`(the bold label "More options" as "Plus d'options" and as "Autres options")`,
		`("name" kept in English in one and translated in another): "在浏览器的`,
		`"Un utilisateur télécharge un fichier." is the translation of 2 different source texts in fr-FR`,
		`"Wort1 NEAR(n) Wort2" is the translation of 2 different source texts in de-DE`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, not := range []string{
		`"How do you know this worked?" is translated`, // rewordings
		`"Learn more" is translated`,
		`"Klicken Sie auf Senden." is the translation of`, // Send and Submit
		`(a bold label as "Modifier les résultats de test"`,
		`"amp" kept`,
	} {
		if strings.Contains(all, not) {
			t.Errorf("reported: %q", not)
		}
	}
	// 48 findings, judged in docs/precision-resample.md.
	if len(got) < 35 || len(got) > 70 {
		t.Errorf("%d findings, expected about 48:\n%s", len(got), all)
	}
}
