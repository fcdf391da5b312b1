package engine

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/rules"
)

// fuzzConfig turns every rule on, the opt-in ones too, with a
// do-not-translate list, a glossary and a custom rule, so that each rule
// has something to look at.
const fuzzConfig = `do-not-translate: [Microsoft Intune, Office 365]
glossary:
  fr-FR: glossary.yaml
custom-rules:
  - id: fr-click
    message: no "click"
    locales: [fr]
    if-source: '(?i)\bclick\b'
    target-must-not-match: '(?i)\bclick\b'
`

// FuzzRules runs the whole engine, every page and corpus rule, on a small
// documentation set made of the fuzzer's pages: a translation (in fr-FR
// and, slightly changed, in zh-CN) and its source page. No rule may panic
// (the engine turns a panic into an internal error), and every finding and
// fix must lie inside the text of its file.
func FuzzRules(f *testing.F) {
	sxs := func(id, tgt, src string) string {
		return `<span data-ttu-id="` + id + `">` + tgt + `</span><span class="sxs-lookup"><span data-stu-id="` + id + `">` + src + "</span></span>"
	}
	f.Add([]byte("---\ntitle: Titre\nms.contentlocale: fr-FR\n---\n# "+sxs("a-1", "Titre « x »", "Title \"x\"")+"\n\n"+
		sxs("a-2", "Cliquez sur [ici](https://example.com/fr-fr/x) : 50 000 utilisateurs, `code`,  **gras**", "Click [here](https://example.com/en-us/x): 50,000 users, `code`, **bold**")+"\n"),
		[]byte("---\ntitle: Title\n---\n# Title \"x\"\n\nClick [here](https://example.com/en-us/x): 50,000 users, `code`, **bold**\n"))
	f.Add([]byte("# Titre\n\n- élément [lien](q.md#titre) ![img](i.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n"),
		[]byte("# Title\n\n- item [link](q.md#title) ![img](i.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n"))
	f.Add([]byte(sxs("b-1", "4/16/2019 世纪互联 dix millions", "4/16/2019 21Vianet ten million")+"\n<!-- l10nlint-disable-next-line typography -->\n"+sxs("b-2", "a  a", "a a")),
		[]byte("\xff\xfe#\x00 \x00x\x00"))
	f.Add([]byte(sxs("c-1", "Voir https://x.example/a)par et hameçon@contoso.com, **www.x.example**mon \\<https://a>", "See https://x.example/a and phish@contoso.com, **www.x.example** https://\\<a>.b")),
		[]byte("See https://x.example/a.\n"))
	f.Add([]byte(sxs("d-1", "rÃ©sultat ÃƒÂ©\u200b\u200b \ufeffmot SafeUnsubscribe\u0099 ï¿½ \u2028x\u00ady 👩🏽\u200d💻", "result SafeUnsubscribe™ x y")),
		[]byte("result SafeUnsubscribe™ x&#8203;y\n"))
	f.Add([]byte(sxs("e-1", "Exécutez AzCopy. exe, **结果 .csv**, PatientRecords.csvet le Unindexed Items .csv", "Run AzCopy.exe, **Results.csv**, PatientRecords.csv and the Unindexed Items.csv")),
		[]byte("Run AzCopy.exe, **Results.csv**.\n"))
	f.Add([]byte("#### "+sxs("f-0", "Keyword_passport", "Keyword_passport")+"\n\n- "+sxs("f-1", "Numéro de passeport", "passport number")+"\n- "+
		sxs("f-2", "Accédez à **importation**de la **gouvernance** \\> de données, le fichier. pst, geHeimen, Url, 4 月 2019", "Go to **Data governance** \\> **Import**, the .pst file, secret, URLs, April 2019")+
		"\n- "+sxs("f-3", "Voir [Limits for Content Search](limits.md).", "See [Limits for Content Search](limits.md).")),
		[]byte("#### Keyword_passport\n\n- passport number\n"))
	f.Add([]byte("| "+sxs("g-1", "Bild/TIFF", "image/tiff")+" |\n\n"+sxs("g-2", "**2** -indique ![, cliquez](i.gif) alias @ NomDomaine **Name (nom**) new-mailboxsearch [More information](#more-information)",
		"**2** - Indicates ![Add icon](i.gif) alias@domainname **Name** New-MailboxSearch [More information](#more-information)")),
		[]byte("## More information\n\n**2** - Indicates\n"))
	f.Add([]byte("| "+sxs("h-1", "con; .css;. pl;。 xlsb", ".con; .css; .pl; .xlsb")+" | "+sxs("h-2", "x?sv=1&amp-\u00a0; SR - a -", "x - y")+" |\n"),
		[]byte("| .con; .css |\n"))
	f.Fuzz(func(t *testing.T, target, source []byte) {
		dir := t.TempDir()
		files := map[string][]byte{
			"fr-FR/p.md":     target,
			"zh-CN/p.md":     append(append([]byte{}, target...), "\nx\n"...),
			"en-US/p.md":     source,
			"en-US/q.md":     []byte("# Title\n"),
			"glossary.yaml":  []byte("users: [utilisateurs]\nsign in:\n  allowed: [se connecter]\n  forbidden: [signer]\n"),
			".l10nlint.yaml": []byte(fuzzConfig),
		}
		texts := map[string]string{}
		for name, data := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			texts[p] = page.Parse(p, data, page.Options{}).Text
		}
		cfg, err := config.Load(filepath.Join(dir, ".l10nlint.yaml"), rules.Default)
		if err != nil {
			t.Fatal(err)
		}
		allRulesOn(cfg)
		res, err := Run([]string{dir}, Options{Config: cfg, Registry: cfg.Registry, Jobs: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Internal) > 0 {
			t.Fatalf("internal errors: %q", res.Internal)
		}
		for _, fd := range res.Findings {
			abs, _ := filepath.Abs(fd.Path)
			text, ok := texts[abs]
			if !ok {
				continue // a finding on the directory or the configuration
			}
			in := func(what string, r rules.Range) {
				if r.Start < 0 || r.Start > r.End || r.End > len(text) {
					t.Fatalf("%s %s: %s range %v outside the text (%d bytes)", fd.Path, fd.Rule, what, r, len(text))
				}
			}
			in("finding", fd.Range)
			for _, e := range fd.Fixes {
				in("fix", e.Range)
			}
			if fd.Start.Line > fd.End.Line || fd.Start.Line == fd.End.Line && fd.Start.Col > fd.End.Col {
				t.Fatalf("%s %s: start %v after end %v", fd.Path, fd.Rule, fd.Start, fd.End)
			}
		}
	})
}
