package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/rules"
)

const monolingual = "../testdata/monolingual"

func TestStructureMismatchFixture(t *testing.T) {
	got := corpusFindings(t, "structure-mismatch", monolingual)
	src := monolingual + "/en-US/guide.md"
	// fr-FR/guide.md is a correct translation: prose, image alt texts, table
	// cells and code comments translated, a paragraph split in two, links
	// moved to /fr-fr/, translated anchors. ja-JP/guide.md also swaps two
	// links of a sentence and drops a trailing code comment. zh-CN/guide.md
	// is side by side: never checked, though its structure differs.
	// de-DE/guide.md has six planted defects, sorted here as strings.
	expectFindings(t, got,
		`de-DE/guide.md:19: list item at depth 1 not in the source: nothing between lines 17 and 19 of `+src+` matches it (the first of 6 differences from the source page)`,
		`de-DE/guide.md:21: callout type differs from the source's (`+src+`:19): [!TIP] here, [!NOTE] in the source`,
		`de-DE/guide.md:31: code block differs from the source's (`+src+`:27): line 3 reads "Get-Mailbox -Identity \"Pilar Pinilla\" | Format-List Audit*" in the source, "Get-Mailbox -Identity \"Pilar Pinilla\" | Format-Liste Audit*" here`,
		`de-DE/guide.md:36: level-3 heading missing: the source has it at `+src+`:34`,
		`de-DE/guide.md:36: table differs from the source's (`+src+`:36): 2 columns here, 3 in the source`,
		// At the fence of the code block it is missing before.
		`de-DE/guide.md:47: image "media/audit-results.png" missing: the source has it at `+src+`:47`)
	for _, g := range got {
		if !strings.HasPrefix(g, monolingual+"/de-DE/") {
			t.Errorf("finding outside the defective page: %s", g)
		}
	}
}

func TestStructureMismatchColumns(t *testing.T) {
	// The changed code line is pointed at exactly: line 31, from its first
	// character to its end (77 characters, "ü" counted once).
	res, err := engine.Run([]string{monolingual + "/de-DE/guide.md"}, engine.Options{Config: config.Default(), Registry: rules.Default})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		if f.Rule == "structure-mismatch" && strings.HasPrefix(f.Message, "code block") {
			found = true
			if f.Start.Line != 31 || f.Start.Col != 1 || f.End.Line != 31 || f.End.Col != 78 {
				t.Errorf("code finding at %d:%d-%d:%d, want 31:1-31:78", f.Start.Line, f.Start.Col, f.End.Line, f.End.Col)
			}
		}
	}
	if !found {
		t.Error("no code block finding when the page is named alone")
	}
}

func TestStructureMismatchBilingualNeverChecked(t *testing.T) {
	if got := corpusFindings(t, "structure-mismatch", monolingual+"/zh-CN/guide.md"); len(got) != 0 {
		t.Errorf("bilingual page checked: %q", got)
	}
	// The corpus fixture's translations are side by side too.
	if got := corpusFindings(t, "structure-mismatch", "../testdata/corpus"); len(got) != 0 {
		t.Errorf("bilingual pages checked: %q", got)
	}
	r := rules.Default.Lookup("structure")
	if r == nil || r.ID != "structure-mismatch" || r.Severity != rules.Error || r.RunCorpus == nil {
		t.Fatalf("structure-mismatch not registered as an error-level corpus rule under its alias: %+v", r)
	}
}

// structureCase writes an en-US source and a fr-FR translation in a
// temporary tree and returns the rule's findings on the translation, as
// "line: message", with the configuration given in YAML.
func structureCase(t *testing.T, source, target, yaml string) []string {
	t.Helper()
	dir := t.TempDir()
	for loc, text := range map[string]string{"en-US": source, "fr-FR": target} {
		if err := os.MkdirAll(filepath.Join(dir, loc), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, loc, "page.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Default()
	if yaml != "" {
		var err error
		if cfg, err = config.Parse([]byte(yaml), "test.yaml", rules.Default); err != nil {
			t.Fatal(err)
		}
	}
	res, err := engine.Run([]string{dir}, engine.Options{Config: cfg, Registry: rules.Default})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Rule != "structure-mismatch" {
			continue
		}
		if !strings.Contains(filepath.ToSlash(f.Path), "fr-FR/page.md") {
			t.Errorf("finding on %s: %s", f.Path, f.Message)
		}
		out = append(out, itoa(f.Start.Line)+": "+f.Message)
	}
	sort.Strings(out)
	t.Logf("findings:\n%s", strings.Join(out, "\n"))
	return out
}

func TestStructureMismatchCases(t *testing.T) {
	cases := []struct {
		name, source, target, yaml string
		want                       []string
	}{
		{
			name:   "paragraphs split and merged, links moved in a sentence",
			source: "# Title\n\nOne. Two [a](a.md) and [b](b.md).\n\nThree.\n\nFour.\n",
			target: "# Titre\n\nUn.\n\nDeux [b](b.md) et [a](a.md). Trois. Quatre.\n",
		},
		{
			name:   "callouts: a video's URL locale, a second paragraph",
			source: "> [!VIDEO https://www.microsoft.com/en-us/videoplayer/embed/RE1]\n\n> [!NOTE]\n> One.\n>\n> Two.\n",
			target: "> [!VIDEO https://www.microsoft.com/fr-fr/videoplayer/embed/RE1]\n\n> [!NOTE]\n> Un. Deux.\n",
		},
		{
			name: "comments of every kind translated",
			source: "```powershell\n# Connect first\nConnect-IPPSSession # to the center\n<# a block\ncomment #>\nGet-Label\n```\n\n" +
				"```csharp\n// Create the client\nvar c = new Client(\"https://x/en-us/y\"); // the client\n```\n\n" +
				"```sql\n-- all rows\nSELECT * FROM t -- every row\n```\n\n" +
				"```vb\n' Say hello\nMsgBox \"Hello\"\n```\n\n```cmd\nREM Start\n@rem again\ndir /s\n```\n\n" +
				"```xml\n<!-- the root\n     element -->\n<root/>\n```\n",
			target: "```powershell\n# Se connecter d’abord\nConnect-IPPSSession    # au centre\n<# un bloc\nde commentaire #>\nGet-Label\n```\n\n" +
				"```csharp\n// Créer le client\nvar c = new Client(\"https://x/en-us/y\");\n```\n\n" +
				"```sql\n-- toutes les lignes\nSELECT * FROM t -- chaque ligne\n```\n\n" +
				"```vb\n' Dire bonjour\nMsgBox \"Hello\"\n```\n\n```cmd\nrem Démarrer\ndir /s\n```\n\n" +
				"```xml\n<!-- l’élément\n     racine -->\n<root/>\n```\n",
		},
		{
			name:   "a # inside quotes is code",
			source: "```powershell\nSet-Color -Value \"#fff # white\"\n```\n",
			target: "```powershell\nSet-Color -Value \"#fff # blanc\"\n```\n",
			want: []string{
				`2: code block differs from the source's (`,
			},
		},
		{
			name:   "code line added and removed",
			source: "```bash\nls\npwd\n```\n\n```bash\ncd /tmp\n```\n",
			target: "```bash\nls\n```\n\n```bash\ncd /tmp\necho fin\n```\n",
			want: []string{
				`2: code block differs from the source's (`,
				`7: code block differs from the source's (`,
			},
		},
		{
			name:   "heading level, info string, link destination",
			source: "# A\n\n## B\n\n```powershell\nGet-X\n```\n\nSee [the docs](https://docs.microsoft.com/en-us/a?ui=en-US#top).\n",
			target: "# A\n\n### B\n\n```bash\nGet-X\n```\n\nVoir [la doc](https://docs.microsoft.com/fr-fr/b?ui=fr-FR#haut).\n",
			want: []string{
				`3: level-3 heading where the source has a level-2 heading (`,
				`6: code block differs from the source's (`,
				`9: link destination differs from the source's (`,
			},
		},
		{
			name:   "list depth",
			source: "- one\n- two\n  - three\n- four\n",
			target: "- un\n- deux\n- trois\n- quatre\n",
			want: []string{
				`3: list item at depth 1 where the source's (`,
			},
		},
		{
			name:   "links missing and added",
			source: "Read [x](x.md) and [z](z.md).\n\n## B\n\nSee <https://example.com>.\n\n## C\n",
			target: "Lire [z](z.md).\n\n## B\n\nVoir <https://example.com> et [y](y.md).\n\n## C\n",
			want: []string{
				`1: link to "x.md" missing: the source has it at `,
				`5: link to "y.md" not in the source: nothing between lines 5 and 7 of `,
			},
		},
		{
			name:   "a -- outside SQL blocks is code",
			source: "```bash\ngit checkout -- a.txt\n```\n",
			target: "```bash\ngit checkout -- b.txt\n```\n",
			want: []string{
				`2: code block differs from the source's (`,
			},
		},
		{
			name:   "everything missing from an empty translation",
			source: "# A\n\n## B\n",
			target: "Rien.\n",
			want: []string{
				`1: level-1 heading missing: the source has it at `,
				`1: level-2 heading missing: the source has it at `,
			},
		},
		{
			name:   "options: kinds, fragments, translatable code, max-findings",
			source: "# A\n\n## B\n\n- item\n\n[x](x.md#one)\n\n```text\nHello\n```\n\n```powershell\nGet-X\n```\n",
			target: "# A\n\n### B\n\n[x](x.md#un)\n\n```text\nBonjour\n```\n\n```powershell\nGet-Y\n```\n",
			yaml:   "rules:\n  structure-mismatch:\n    options:\n      kinds: [heading, code, link]\n      ignore-fragments: false\n      translatable-code: []\n      max-findings: 2\n",
			want: []string{
				`3: level-3 heading where the source has a level-2 heading (`,
				`5: link destination differs from the source's (`,
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectFindings(t, structureCase(t, c.source, c.target, c.yaml), c.want...)
		})
	}
}

func TestStructureMismatchMessages(t *testing.T) {
	got := structureCase(t, "```powershell\nGet-Mailbox -Identity x\nSet-X\n```\n\n![a](media/a.png)\n\n> [!NOTE]\n> Note.\n",
		"```powershell\nGet-Mailbox -Identité x\nSet-X\n```\n\n![a](media/b.png)\n\n> [!WARNING]\n> Attention.\n", "")
	expectFindings(t, got,
		`2: code block differs from the source's (`,
		`6: image destination differs from the source's (`,
		`8: callout type differs from the source's (`)
	for i, want := range []string{
		`/en-US/page.md:2): line 1 reads "Get-Mailbox -Identity x" in the source, "Get-Mailbox -Identité x" here (the first of 3 differences from the source page)`,
		`/en-US/page.md:6): "media/a.png" in the source, "media/b.png" here`,
		`/en-US/page.md:8): [!WARNING] here, [!NOTE] in the source`,
	} {
		if !strings.HasSuffix(got[i], want) {
			t.Errorf("finding %d = %q, want it to end with %q", i, got[i], want)
		}
	}
}

func TestStructureMismatchRealCorpus(t *testing.T) {
	dir := "../../shared/corpus/o365seccomp"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/corpus absent")
	}
	if testing.Short() {
		t.Skip("the corpus in -short mode")
	}
	// Only this rule: the corpus is large.
	reg := rules.NewRegistry()
	if err := reg.Register(rules.StructureMismatch); err != nil {
		t.Fatal(err)
	}
	run := func(paths ...string) []string {
		res, err := engine.Run(paths, engine.Options{Config: config.Default(), Registry: reg})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			if f.Rule == "structure-mismatch" {
				p := filepath.ToSlash(f.Path)
				out = append(out, p[strings.LastIndex(p, "/o365seccomp/")+len("/o365seccomp/"):]+":"+itoa(f.Start.Line)+": "+f.Message)
			}
		}
		sort.Strings(out)
		return out
	}
	// Every content page of the target trees is side by side: never
	// checked. The tables of contents are monolingual: zh-CN/TOC.md (617
	// lines, 280 headings, 300 links) lines up with the source's exactly.
	// So is the HTML landing page, index.md, but for its three HTML links
	// (<a href>) to the Secure Score page under its old name, renamed in
	// the source since.
	en := "../../shared/corpus/o365seccomp/en-US/"
	index := func(loc string) []string {
		return []string{
			loc + `/index.md:37: link destination differs from the source's (` + en + `index.md:31): "microsoft-secure-score.md" in the source, "office-365-secure-score.md" here`,
			loc + `/index.md:72: link destination differs from the source's (` + en + `index.md:66): "microsoft-secure-score.md" in the source, "office-365-secure-score.md" here`,
			loc + `/index.md:99: link destination differs from the source's (` + en + `index.md:93): "microsoft-secure-score.md" in the source, "office-365-secure-score.md" here`,
		}
	}
	expectFindings(t, run(dir+"/zh-CN", dir+"/en-US"), index("zh-CN")...)
	// fr-FR/TOC.md was translated from an older source table of contents:
	// the source has since gained a top entry, split an entry in two, turned
	// an entry into a section and linked three EOP entries. A heading
	// missing with its link is one finding.
	got := run(dir+"/fr-FR", dir+"/en-US")
	toc := en + "TOC.md"
	expectFindings(t, got, append([]string{ // sorted as strings: ":188" before ":1:"
		`fr-FR/TOC.md:188: link destination differs from the source's (` + toc + `:190): "archive-facebook-data-with-sample-connector.md" in the source, "archive-third-party-data-with-sample-connector.md" here`,
		`fr-FR/TOC.md:189: level-4 heading missing, with its link to "archive-twitter-data-with-sample-connector.md": the source has it at ` + toc + `:191`,
		`fr-FR/TOC.md:1: level-1 heading missing, with its link to "index.md": the source has it at ` + toc + `:1`,
		`fr-FR/TOC.md:204: level-3 heading missing: the source has it at ` + toc + `:208`,
		`fr-FR/TOC.md:574: link to "eop/manage-recipients-in-eop.md" missing: the source has it at ` + toc + `:578`,
		`fr-FR/TOC.md:575: link to "eop/manage-mail-users-in-eop.md" missing: the source has it at ` + toc + `:579`,
		`fr-FR/TOC.md:596: link to "eop/eop-queued-deferred-and-bounced-messages-faq.md" missing: the source has it at ` + toc + `:600`},
		index("fr-FR")...)...)
}
