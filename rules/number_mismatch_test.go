package rules_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/frontmatter"
	"github.com/l10nlint/l10nlint/internal/markdown"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// loadPage builds a page the way the engine does.
func loadPage(t testing.TB, path, locale string, raw []byte) *rules.Page {
	t.Helper()
	text, enc, _, err := textfile.Decode(raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	page := &rules.Page{Path: path, Text: text, Encoding: enc, Locale: locale, SourceLocale: "en-US"}
	fm, body := frontmatter.Split(text)
	page.FrontMatter = fm
	markdown.Extract(page, body)
	return page
}

func runNumberMismatch(page *rules.Page, opts map[string]any) []rules.Finding {
	var out []rules.Finding
	r := rules.Default.Lookup("number-mismatch")
	pass := &rules.Pass{Page: page, Rule: r, Options: opts, Report: func(f rules.Finding) { out = append(out, f) }}
	r.Run(pass)
	return out
}

func lineOf(text string, off int) int { return strings.Count(text[:off], "\n") + 1 }

// segmentPage builds a one-segment side-by-side page.
func segmentPage(t *testing.T, locale, source, target string) *rules.Page {
	t.Helper()
	md := fmt.Sprintf("<span data-ttu-id=\"a1b2c-101\">%s</span><span class=\"sxs-lookup\"><span data-stu-id=\"a1b2c-101\">%s</span></span>\n",
		target, source)
	p := loadPage(t, "test.md", locale, []byte(md))
	if len(p.Segments) != 1 || !p.Segments[0].HasSource {
		t.Fatalf("test page does not parse as one segment: %q", md)
	}
	return p
}

func TestNumberMismatchRule(t *testing.T) {
	r := rules.Default.Lookup("number-mismatch")
	if r == nil {
		t.Fatal("number-mismatch is not registered")
	}
	if r.Severity != rules.Error || !slicesEqual(r.Tags, []string{"numbers", "segment"}) || r.Short == "" || r.Doc == "" {
		t.Errorf("rule metadata: severity %v, tags %v", r.Severity, r.Tags)
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// Firing cases are real segments from the o365seccomp corpus.
func TestNumberMismatchFires(t *testing.T) {
	tests := []struct {
		locale, source, target, want string
	}{
		{"fr-FR", "**Where can I get the ISO 22301 audit reports and scope statements for Microsoft services?**",
			"**Où puis-je obtenir les déclarations de champ d’application et les rapports d’audit ISO 20000-1:2011 pour les services Microsoft ?**",
			"source has 22301, target lacks it; target has 20000-1:2011 not in the source"},
		{"fr-FR", "For example, if the parser extracted 8 million characters from a document, only the first 2 million characters are indexed.",
			"Par exemple, si l’analyseur a extrait 8 millions caractères d’un document, seuls les 2 premiers caractères sont indexés.",
			"scale word lost: source has 2 million, target 2"},
		{"zh-CN", "If you are currently using a certificate with SHA-1 in the certificate chain, you will need to update the chain to use SHA-2 (Secure Hash Algorithm 2) or a stronger hashing algorithm.",
			"如果您当前在证书链中使用 SHA-1 证书, 则需要更新该链以使用 SHA-1 (安全哈希算法 2) 或更强的哈希算法。",
			"source has SHA-2, target lacks it"},
		{"zh-CN", ".7 GB (700 MB)", "7 GB (700 MB)",
			"source has .7, target lacks it; target has 7 not in the source"},
		{"zh-CN", "The default value is 15 days which is the maximum value.", "最小值为 1 天。",
			"source has 15, target lacks it; target has 1 not in the source"},
		{"fr-FR", "By using the search results from the previous example, .84% of all mailboxes items are partially indexed.",
			"À l’aide des résultats de recherche de l’exemple précédent,. 84% de tous les éléments de boîte aux lettres sont partiellement indexés.",
			"source has .84, target lacks it; target has 84% not in the source"},
		{"de-DE", "Office of Defense Trade Controls Debarred Persons List (*added on July 1, 2010*)",
			"Office of Defense Trade Controls Liste der gesperrten Personen (*hinzugefügt am 2010*)",
			"source has July 1, 2010, target lacks it; target has 2010 not in the source"},
		{"zh-CN", "Note that Office 365 Cloud App Security is only available for organizations with an Office 365 Enterprise E5 or Office 365 US Government G5 subscription.",
			"请注意, Office 365 云应用安全仅适用于具有 Office 365 企业版 E5 或 Office 365 美国政府版订阅的组织。",
			"source has G5, target lacks it"},
		{"zh-CN", "<sup>2</sup>", "<sup>双面</sup>", "source has 2, target lacks it"},
		// A French reader reads "100 150K" as one grouped number.
		{"fr-FR", "If needed, several files are created, each contains 100-150K rows.",
			"Si nécessaire, plusieurs fichiers sont créés, chacun contenant 100 150K lignes.",
			"source has 100, 150K, target lacks them; target has 100 150K not in the source"},
		// de-DE/technical-reference-details-about-encryption.md line 53
		{"de-DE", "TLS 1.0 and TLS 1.1 support will be deprecated October 31, 2018.", "Die TLS 1,0-und TLS 1,1-Unterstützung werden am 31. Oktober 2018 veraltet.",
			`version numbers written with a decimal comma: "TLS 1,0" for "TLS 1.0", "TLS 1,1" for "TLS 1.1" (a version keeps its dot: TLS 1.0, TLS 1.1)`},
		{"de-DE", "Connections over TLS 1.0 are refused; TLS 1.0 is gone.", "Verbindungen über TLS 1,0 werden abgelehnt; TLS 1,0 ist weg.",
			`version numbers written with a decimal comma: "TLS 1,0" for "TLS 1.0" ×2 (a version keeps its dot: TLS 1.0)`},
		{"zh-CN", "TLS 1.2 with AES 256", "使用 AES 256 的 TLS 1。2",
			`number written with an ideographic full stop: "1。2" for "1.2" (a dot inside a number stays a dot)`},
	}
	for _, tt := range tests {
		fs := runNumberMismatch(segmentPage(t, tt.locale, tt.source, tt.target), nil)
		if len(fs) != 1 || fs[0].Message != tt.want {
			var got []string
			for _, f := range fs {
				got = append(got, f.Message)
			}
			t.Errorf("%s %q -> %q:\n got %q\nwant %q", tt.locale, tt.source, tt.target, got, tt.want)
			continue
		}
		f := fs[0]
		if f.Rule != "number-mismatch" || f.Severity != rules.Error || f.SegmentID != "a1b2c-101" || f.Source != tt.source || f.Target != tt.target {
			t.Errorf("finding fields: %+v", f)
		}
	}
}

// Non-firing cases are real segments too: the same numbers written the way
// each locale writes them.
func TestNumberMismatchQuiet(t *testing.T) {
	tests := []struct{ locale, source, target string }{
		{"zh-CN", "Office 365 Operated by 21Vianet", "由世纪互联运营的 Office 365"},
		{"zh-CN", "The database can be refreshed daily or weekly, and it can contain up to 10 million rows of data.",
			"数据库可以每天或每周刷新一次，最多可包含 1000 万行数据。"},
		{"zh-CN", "2 million characters", "200 万个字符"},
		{"de-DE", "This alert is triggered when there are 2,000 messages or more that have been queued for more than an hour.",
			"Diese Warnung wird ausgelöst, wenn 2.000 Nachrichten oder mehr als eine Stunde lang in die Warteschlange eingereiht wurden."},
		{"de-DE", "The next assessment set is created according to the maximum number of files (up to 1,000 in a single set).",
			"Der nächste assessmentsatz wird entsprechend der maximalen Anzahl von Dateien (bis zu 1.000 in einer einzelnen Gruppe) erstellt."},
		{"fr-FR", "This means that the message failed DMARC and the policy was set to quarantine, but the pct field was not set to 100% and the system randomly determined not to apply the DMARC action, as per the specified domain's policy.",
			"Cela signifie que le message n'a pas satisfait les vérifications DMARC et que la stratégie a été définie de manière à mettre les messages en quarantaine, mais que le champ pct n'a pas été défini sur 100 % et que le système a déterminé aléatoirement de ne pas appliquer l'action DMARC conformément à la stratégie du domaine spécifié."},
		{"fr-FR", ".7 GB (700 MB)", ".7 GO (700 MO)"},
		{"fr-FR", "Label height can range from .25 inches to 20 inches, and label width can range from .25 inches to 20 inches.",
			"La hauteur de l’étiquette peut être comprise entre 0,25 pouce et 20 pouces, et la largeur de l’étiquette peut être comprise entre 0,25 pouce et 20 pouces."},
		{"de-DE", "Optimal size of logo image: 170x70 pixels", "Optimale Abmessungen des Logobilds: 170 x 70 Pixel"},
		{"fr-FR", "BlackBerry Messenger (v5, v10, v12)", "BlackBerry Messenger (version 5, version 10, version 12)"},
		{"de-DE", "Here's a scenario: You want a custom sensitive information type that detects 9-digit employee numbers in content, along with the keywords \"employee\" \"ID\" and \"badge\".",
			"Sehen Sie sich das folgende Szenario an: Sie möchten einen benutzerdefinierten Typ für vertrauliche Informationen, der neunstellige Mitarbeiternummern in Inhalten erkennt, zusammen mit den Schlüsselwörtern „Mitarbeiter“, „ID“ und „Ausweis“."},
		{"fr-FR", "While Office 365 has automated recovery actions where possible, Microsoft on-call engineers are available 24x7 to investigate all Severity 1 security escalations.",
			"Si Office 365 dispose d'actions de récupération automatisées, dans la mesure du possible, les ingénieurs de Microsoft sur demande sont disponibles 24h/24, 7j/7 pour examiner toutes les escalades de gravité 1."},
		{"de-DE", "The **TLS Usage** pivot is important due to the upcoming deprecation of TLS1.0 and TLS1.1 in Office 365.",
			"Der **TLS-Verwendungs** Pivot ist aufgrund der bevorstehenden veralteten Version von TLS 1.0 und TLS 1.1 in Office 365 wichtig."},
		{"fr-FR", "This query returns messages that were received by users between April 13, 2016 and April 14, 2016 and that contain the words \"action\" and \"required\" in the subject line.",
			"Cette requête renvoie les messages qui ont été reçus par les utilisateurs entre le 13 et le 14 avril 2016, et qui contiennent les mots « action » et « obligatoire » dans l’objet."},
		{"zh-CN", "Schannel implementation of TLS 1.0 in Windows security status update: November 24, 2015",
			"在 Windows 安全状态更新中, TLS 1.0 的 Schannel 实现:2015 年 11 月 24 日"},
		{"de-DE", "Trackers are just a few of the many great features you get with [Office 365 Advanced Threat Protection Plan 2](office-365-ti.md).",
			"Tracker sind nur einige der vielen tollen Features, die Sie mit [Office 365 Advanced Threat Protection Plan 2](office-365-ti.md)erhalten."},
		{"fr-FR", "Alert policies are available for organizations with an Office 365 Enterprise or Office 365 US Government E1/G1, E3/G3, or E5/G5 subscription.",
			"Les stratégies d’alerte sont disponibles pour les organisations disposant d’un abonnement Office 365 Enterprise ou Office 365 Government E1/G1, E3/G3 ou E5/G5."},
		{"fr-FR", "These are the rework of existing Office 365 DLP policy reports plus a 3rd party DLP policy match report.",
			"Voici le travail des rapports de stratégie DLP Office 365 existants, ainsi qu'un rapport de correspondance de stratégie DLP tierce."},
		{"fr-FR", "If the parser extracted 8 million characters from a document, the deleted mailbox can be recovered within 30 days of deletion, but the mailbox will be permanently deleted after 30 days.",
			"Si l’analyseur a extrait 8 millions de caractères, la boîte aux lettres peut être récupérée dans les 30 jours suivant sa suppression, mais elle est définitivement supprimée à l'issue de ce délai."},
		// Numbers in code spans, link destinations and URLs are not prose.
		{"fr-FR", "Run `Get-Mailbox -ResultSize 5000` as described in [step 2](https://example.com/step3).",
			"Exécutez `Get-Mailbox -ResultSize Unlimited` comme décrit à l'[étape 2](https://example.com/step4)."},
		{"fr-FR", "In the address bar, type: https://outlook.office365.com/owa/?realm=1", "Dans la barre d’adresse, tapez : https://outlook.office365.com/owa/"},
		// Spelled-out numbers stand for digits but need no counterpart.
		{"fr-FR", "Retain content for seven years; one of the policies applies.", "Conserver le contenu pendant 7 ans ; l'une des stratégies s'applique."},
		{"de-DE", "Retain items for 10 years.", "Elemente zehn Jahre lang aufbewahren."},
		{"fr-FR", "On 4/16/2019 at 2:00 PM, 50,000 users", "Le 16/04/2019 à 14 h 00, 50 000 utilisateurs"},
		{"de-DE", "On 4/16/2019 at 2:00 PM, 3.5 GB", "Am 16.04.2019 um 14:00 Uhr, 3,5 GB"},
		{"zh-CN", "On April 16, 2019 at 2:00 PM, 50% of 10 million", "2019年4月16日下午 2:00，1000 万中的 50%"},
		// zh-CN/export-results-in-advanced-ediscovery.md line 188: where a
		// space groups no digits, "100 150K" holds both numbers of the range.
		{"zh-CN", "If needed, several files are created, each contains 100-150K rows.", "如果需要, 将创建多个文件, 每个文件包含 100 150K 行。"},
	}
	for _, tt := range tests {
		for _, f := range runNumberMismatch(segmentPage(t, tt.locale, tt.source, tt.target), nil) {
			t.Errorf("%s %q -> %q: unexpected %q", tt.locale, tt.source, tt.target, f.Message)
		}
	}
}

func TestNumberMismatchOptions(t *testing.T) {
	count := func(locale, source, target string, opts map[string]any) int {
		return len(runNumberMismatch(segmentPage(t, locale, source, target), opts))
	}
	// ignore-years
	src, tgt := "Updated in 2018 for 10 users.", "Mis à jour en 2019 pour 10 utilisateurs."
	if count("fr-FR", src, tgt, nil) != 1 || count("fr-FR", src, tgt, map[string]any{"ignore-years": true}) != 0 {
		t.Error("ignore-years does not drop years")
	}
	src, tgt = "Since April 16, 2018.", "Depuis le 16 avril 2019."
	if count("fr-FR", src, tgt, map[string]any{"ignore-years": true}) != 0 {
		t.Error("ignore-years does not drop the year of dates")
	}
	if count("fr-FR", "Since April 16, 2018.", "Depuis le 17 avril 2019.", map[string]any{"ignore-years": true}) != 1 {
		t.Error("ignore-years drops the day of dates")
	}
	// ignore
	src, tgt = "Available in Windows 10 and for 10 users.", "Disponible pour 10 utilisateurs."
	if count("fr-FR", src, tgt, nil) != 1 || count("fr-FR", src, tgt, map[string]any{"ignore": []string{"Windows 10"}}) != 0 {
		t.Error("ignore does not drop a name")
	}
	// may-add: a product name the target leaves out (a localized title)
	if count("fr-FR", "Overview of retention policies in Office 365", "Vue d'ensemble des stratégies de rétention", nil) != 0 {
		t.Error("a title without Office 365 is reported")
	}
	// identifiers
	if count("fr-FR", "Use SHA-2.", "Utilisez SHA-1.", map[string]any{"identifiers": false}) != 0 {
		t.Error("identifiers=false still compares identifiers")
	}
	// count
	src, tgt = "Recover it within 30 days; it is deleted after 30 days.", "Récupérez-la dans les 30 jours ; elle est supprimée après ce délai."
	if count("fr-FR", src, tgt, nil) != 0 || count("fr-FR", src, tgt, map[string]any{"count": true}) != 1 {
		t.Error("count does not compare repetitions")
	}
}

// The seed pages: the French one was translated from a source that still
// carries text of the ISO 22301 page.
func TestNumberMismatchSeeds(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("seed pages not available (%v): skipping", err)
	}
	for _, tt := range []struct {
		locale    string
		fire, not []int
	}{
		{"fr-FR", []int{49, 57, 71}, nil},
		{"zh-CN", nil, []int{44, 57}},
	} {
		path := filepath.Join(root, tt.locale, "offering-iso-20000-1-2011.md")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p := loadPage(t, path, tt.locale, b)
		lines := map[int]string{}
		for _, f := range runNumberMismatch(p, nil) {
			lines[lineOf(p.Text, f.Range.Start)] = f.Message
		}
		for _, l := range tt.fire {
			if _, ok := lines[l]; !ok {
				t.Errorf("%s line %d: no number-mismatch finding (have %v)", tt.locale, l, lines)
			}
		}
		for _, l := range tt.not {
			if m, ok := lines[l]; ok {
				t.Errorf("%s line %d: unexpected %q", tt.locale, l, m)
			}
		}
	}
	// The finding's message says what differs.
	b, _ := os.ReadFile(filepath.Join(root, "fr-FR", "offering-iso-20000-1-2011.md"))
	p := loadPage(t, "fr", "fr-FR", b)
	for _, f := range runNumberMismatch(p, nil) {
		if lineOf(p.Text, f.Range.Start) == 57 {
			if want := "source has 22301, target lacks it; target has 20000-1:2011 not in the source"; f.Message != want {
				t.Errorf("line 57: %q, want %q", f.Message, want)
			}
		}
	}
}

// TestNumberMismatchCorpus runs the rule over the o365seccomp corpus and
// logs the finding count and a random sample, to judge precision. It runs
// only when NUMBER_MISMATCH_CORPUS is set (it takes seconds); SAMPLE sets the
// sample size and SEED the sample.
func TestNumberMismatchCorpus(t *testing.T) {
	if os.Getenv("NUMBER_MISMATCH_CORPUS") == "" {
		t.Skip("set NUMBER_MISMATCH_CORPUS=1 to run over ../../shared/corpus/o365seccomp")
	}
	root := filepath.Join("..", "..", "shared", "corpus", "o365seccomp")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var all []rules.Finding
	segs := 0
	for _, loc := range []string{"fr-FR", "zh-CN", "de-DE"} {
		var files []string
		_ = filepath.WalkDir(filepath.Join(root, loc), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
				files = append(files, path)
			}
			return nil
		})
		n := 0
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := loadPage(t, f, loc, b)
			segs += len(p.Segments)
			fs := runNumberMismatch(p, nil)
			n += len(fs)
			all = append(all, fs...)
		}
		t.Logf("%s: %d findings", loc, n)
	}
	t.Logf("total: %d findings over %d segments", len(all), segs)
	var seed int64 = 1
	k := 30
	_, _ = fmt.Sscan(os.Getenv("SEED"), &seed)
	_, _ = fmt.Sscan(os.Getenv("SAMPLE"), &k)
	for i, j := range rand.New(rand.NewSource(seed)).Perm(len(all)) {
		if i >= k {
			break
		}
		f := all[j]
		t.Logf("#%d %s\n  %s\n  S: %s\n  T: %s", i+1, filepath.Base(f.Path), f.Message, f.Source, f.Target)
	}
}

// TestNumberMismatchHugeSegments: a segment with thousands of numbers on
// each side (a generated table in one paragraph) is compared as two sets of
// values, in linear time, and the message lists the first numbers only.
func TestNumberMismatchHugeSegments(t *testing.T) {
	var src, tgt []string
	for i := range 3000 {
		src = append(src, fmt.Sprintf("%d", 100000+i))
		tgt = append(tgt, fmt.Sprintf("%d", 100000+i)) // the same numbers...
	}
	tgt[5], tgt[2999] = "99", "1 000" // ...but two, and one in the French way
	src[2998] = "1,000"
	fs := runNumberMismatch(segmentPage(t, "fr-FR", strings.Join(src, " "), strings.Join(tgt, " ")), nil)
	want := "source has 100005, 102999, target lacks them; target has 99, 102998 not in the source"
	if len(fs) != 1 || fs[0].Message != want {
		var got []string
		for _, f := range fs {
			got = append(got, f.Message)
		}
		t.Fatalf("got %q\nwant %q", got, want)
	}

	for i := range tgt {
		tgt[i] = fmt.Sprintf("%d", 200000+i)
	}
	fs = runNumberMismatch(segmentPage(t, "fr-FR", strings.Join(src, " "), strings.Join(tgt, " ")), nil)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "100019, and 2980 more, target lacks them") || !strings.HasSuffix(fs[0].Message, "200019, and 2980 more not in the source") {
		t.Errorf("long lists are cut after 20 numbers: %v", fs)
	}
}

// TestVersionComma: a version number written with a decimal comma (TLS 1,2
// for TLS 1.2, as machine translation into French and German does) is
// reported at its text, though 1,2 equals 1.2 as a decimal; a decimal with
// its comma, and a version kept with its dot, are not.
func TestVersionComma(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "TLS 1,2",
			// de-DE/mfi-outbound-and-inbound-mail-flow.md line 38
			path: "de-DE/page.md",
			text: sxs("a-1", "Derzeit ist TLS 1,2 die sicherste Version von TLS.", "Currently, TLS 1.2 is the most secure version of TLS.") + "\n",
			want: []string{`version number written with a decimal comma: "TLS 1,2" for "TLS 1.2" (a version keeps its dot: TLS 1.2)`},
			at:   []string{"TLS 1,2"}},
		{name: "a version comma beside another difference",
			path: "de-DE/page.md",
			text: sxs("a-1", "Öffnen Sie Port 444 für TLS 1,2.", "Open port 443 for TLS 1.2.") + "\n",
			want: []string{`"TLS 1,2" for "TLS 1.2"`, "source has 443, target lacks it; target has 444 not in the source"}},
		{name: "the word version in the target's language",
			text: sxs("a-1", "Installez la version 5,0.", "Install version 5.0.") + "\n",
			want: []string{`"version 5,0" for "version 5.0"`}},
		{name: "a three-part version is the comparison's alone",
			path: "de-DE/page.md",
			text: sxs("a-1", "Version 5,0,1 installieren.", "Install version 5.0.1.") + "\n",
			want: []string{"source has 5.0.1"}},
		{name: "a version kept with its dot",
			text: sxs("a-1", "Utilisez TLS 1.2 et .NET Framework 4.7.", "Use TLS 1.2 and .NET Framework 4.7.") + "\n"},
		{name: "a decimal with its comma",
			text: sxs("a-1", "Le taux est de 1,2 %.", "The rate is 1.2%.") + "\n"},
	})
}

// TestFullStopInNumber: a dot inside a number written as the ideographic
// full stop (TLS 1。2) is named as such, at its text, and its pieces are
// not reported as extra numbers; another difference in the segment still
// is.
func TestFullStopInNumber(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "TLS 1。2",
			// zh-CN/office-365-encryption-risks-and-protections.md line 89
			path: "zh-CN/page.md",
			text: sxs("a-1", "使用 AES 256 的 TLS 1。2", "TLS 1.2 with AES 256") + "\n",
			want: []string{`number written with an ideographic full stop: "1。2" for "1.2" (a dot inside a number stays a dot)`},
			at:   []string{"1。2"}},
		{name: "an address's last dot",
			path: "zh-CN/page.md",
			text: sxs("a-1", "例如 127.0.0。1", "For example, 127.0.0.1") + "\n",
			want: []string{`"127.0.0。1" for "127.0.0.1"`}, at: []string{"127.0.0。1"}},
		{name: "beside another difference",
			path: "zh-CN/page.md",
			text: sxs("a-1", "端口 444 使用 TLS 1。2。", "Port 443 uses TLS 1.2.") + "\n",
			want: []string{`"1。2" for "1.2"`, "source has 443, target lacks it; target has 444 not in the source"}},
		{name: "a version whose pieces match by value",
			// zh-CN/compliance20/supported-filetypes-ediscovery20.md line 179: 1。0
			// reads as 1, equal to 1.0, and an extra 0
			path: "zh-CN/page.md",
			text: sxs("a-1", "请使用 TLS 1。0。", "Use TLS 1.0.") + "\n",
			want: []string{`"1。0" for "1.0"`}, at: []string{"1。0"}},
		{name: "the second of two, the first kept",
			path: "zh-CN/page.md",
			text: sxs("a-1", "客户端使用 TLS 1.2，服务器使用 TLS 1。2。", "The client uses TLS 1.2 and the server uses TLS 1.2.") + "\n",
			want: []string{`"1。2" for "1.2"`}, at: []string{"1。2"}},
		{name: "a sentence's full stop after a number",
			path: "zh-CN/page.md",
			text: sxs("a-1", "使用 TLS 1.2。", "Use TLS 1.2.") + "\n"},
	})
}

// TestLostScaleWord: "2 million" translated "2" is said as a lost scale
// word, at the target's 2, not as a missing number and an extra one.
func TestLostScaleWord(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "million dropped",
			// fr-FR/partially-indexed-items-in-content-search.md line 123
			text: sxs("a-1", "Seuls les 2 premiers caractères sont indexés.", "Only the first 2 million characters are indexed.") + "\n",
			want: []string{"scale word lost: source has 2 million, target 2"}, at: []string{"2"}},
		{name: "a decimal scaled number written with the target's decimal comma",
			path: "de-DE/page.md",
			text: sxs("a-1", "Mehr als 1,5 Nachrichten pro Tag.", "More than 1.5 billion messages a day.") + "\n",
			want: []string{"scale word lost: source has 1.5 billion, target 1,5"}, at: []string{"1,5"}},
		{name: "another number with the same digits is no lost scale word",
			path: "de-DE/page.md",
			text: sxs("a-1", "Mehr als 15 Nachrichten pro Tag.", "More than 1.5 billion messages a day.") + "\n",
			want: []string{"source has 1.5 billion, target lacks it; target has 15 not in the source"}},
		{name: "a scale word of a language the reader does not know: no finding",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Có 2 triệu người dùng.", "There are 2 million users.") + "\n"},
		{name: "in Korean, 200만",
			path: "ko-KR/page.md",
			text: sxs("a-1", "200만 명의 사용자가 있습니다.", "There are 2 million users.") + "\n"},
		{name: "the same digits unscaled elsewhere in the segment",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Chúng tôi có 2 triệu người dùng ở 2 khu vực.", "We have 2 million users in 2 regions.") + "\n"},
		{name: "other digits before the word: another number",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Chúng tôi có 20 triệu người dùng.", "We have 2 million users.") + "\n",
			want: []string{"source has 2 million, target lacks it; target has 20 not in the source"}},
		{name: "in Korean, another myriad count",
			path: "ko-KR/page.md",
			text: sxs("a-1", "20만 명 이상의 사용자가 로그인했습니다.", "More than 2 million users signed in.") + "\n",
			want: []string{"source has 2 million, target lacks it"}},
		{name: "dates, times, versions and long numbers are no scaled numbers",
			path: "ko-KR/page.md",
			text: sxs("a-1", "2 시에 시작하며 1,000명이 버전 1.2 이상을 씁니다.", "Starts at 2:30 PM; 1,000,000 users run version 1.2.3 or later.") + "\n",
			want: []string{"source has 2:30 PM, 1,000,000, 1.2.3, target lacks them"}},
		{name: "one target number stands for one source number",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Có 2 triệu người dùng.", "There are 2 million users and 2 billion requests.") + "\n",
			want: []string{"source has 2 billion, target lacks it"}},
		{name: "a unit is no scale word",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Hỗ trợ tệp tối đa 2 GB.", "Supports 2 million files of up to 2 GB.") + "\n",
			want: []string{"source has 2 million, target lacks it"}},
		{name: "the target's only 2 is the source's other 2: the million is lost",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Gửi tin nhắn trong 2 giờ.", "Send 2 million messages in 2 hours.") + "\n",
			want: []string{"source has 2 million, target lacks it"}},
		{name: "a scale word in capitals is no unit",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Hơn 5 Tỷ Yêu Cầu", "Over 5 Billion Requests") + "\n"},
		{name: "Korean myriads: 1,500만, 2천만, 1만, after an earlier 2",
			path: "ko-KR/page.md",
			text: sxs("a-1", "2시간 동안 1,500만 개, 2천만 개, 1만 명.", "In 2 hours, 15 million, 20 million and 10,000 people.") + "\n"},
		{name: "a language the reader does not know, another number: still reported",
			path: "vi-VN/page.md",
			text: sxs("a-1", "Có 3 người dùng.", "There are 2 million users.") + "\n",
			want: []string{"source has 2 million, target lacks it; target has 3 not in the source"}},
		{name: "Ukrainian plural of million",
			path: "uk-UA/page.md",
			text: sxs("a-1", "Є 2 мільйони користувачів.", "There are 2 million users.") + "\n"},
		{name: "million kept",
			text: sxs("a-1", "Seuls les 2 millions de premiers caractères sont indexés.", "Only the first 2 million characters are indexed.") + "\n"},
	})
}

// TestMonthYear: a month and year of another month is a changed date,
// though the year is the same; the same month in another form is not.
func TestMonthYear(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "another month",
			text: sxs("a-1", "En mai 2019, nous avons publié.", "In June 2019, we published.") + "\n",
			want: []string{"source has June 2019, target lacks it; target has mai 2019 not in the source"}},
		{name: "another month in Chinese",
			path: "zh-CN/page.md",
			text: sxs("a-1", "2019 年 6 月发布。", "Published May 2019.") + "\n",
			want: []string{"source has May 2019, target lacks it"}},
		{name: "the same month",
			path: "zh-CN/page.md",
			text: sxs("a-1", "2019 年 6 月发布。", "Published June 2019.") + "\n"},
		{name: "a full date against its day and year",
			text: sxs("a-1", "Le 16 2019.", "On April 16, 2019.") + "\n"},
	})
}

// TestNumberMismatchPosition: the finding points at the extra number of the
// target when it is there once, at the whole target otherwise.
func TestNumberMismatchPosition(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "at the extra number",
			text: sxs("a-1", "Ouvrez le port 444 sur le serveur.", "Open port 443 on the server.") + "\n",
			want: []string{"source has 443, target lacks it; target has 444 not in the source"}, at: []string{"444"}},
		{name: "only missing: the whole target",
			text: sxs("a-1", "Ouvrez le port sur le serveur.", "Open port 443 on the server.") + "\n",
			want: []string{"source has 443, target lacks it"}, at: []string{"Ouvrez le port sur le serveur."}},
	})
}

// TestArabicDigitsOnly: a target whose only number is in Arabic-Indic
// digits is read (the digit pre-check knew ASCII digits only).
func TestArabicDigitsOnly(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "number only in the target, in Arabic-Indic digits",
			path: "ar-SA/page.md",
			text: sxs("a-1", "افتح المنفذ ٤٤٣.", "Open the port.") + "\n",
			want: []string{"target has ٤٤٣ not in the source"}, at: []string{"٤٤٣"}},
	})
}

// TestNumberMovedToNeighbour: numbers the translation moved into the
// neighbouring span of the same sentence (missing in one segment, extra in
// the other) are not reported — the zh-CN spam filter page's "(It will
// automatically be deleted… 15 days… 1 day.)" split one span off — but a
// number dropped from one segment while its neighbour rightly keeps its
// own copy is, and so is a shift across a line break.
func TestNumberMovedToNeighbour(t *testing.T) {
	span := func(id, target, source string) string {
		return fmt.Sprintf(`<span data-ttu-id="x-%s">%s</span><span class="sxs-lookup"><span data-stu-id="x-%s">%s</span></span>`, id, target, id, source)
	}
	shifted := span("1", "默认值为 15 天，也是最大值。", "(It will automatically be deleted after the time elapses.") + " " +
		span("2", "最小值为 1 天。", "The default value is 15 days which is the maximum value.") + " " +
		span("3", "）", "The minimum value is 1 day.)")
	for _, c := range []struct {
		name, md string
		want     []string
	}{
		{"shifted on one line", shifted + "\n", nil},
		{"shifted across lines", strings.ReplaceAll(shifted, "</span></span> <span", "</span></span>\n\n<span") + "\n",
			[]string{"target has 15 not in the source", "source has 15, target lacks it; target has 1 not in the source", "source has 1, target lacks it"}},
		{"dropped, the neighbour keeps its own", span("1", "Conservés jours.", "Kept 30 days.") + " " +
			span("2", "Supprimés après 30 jours.", "Deleted after 30 days.") + "\n",
			[]string{"source has 30, target lacks it"}},
		{"swapped between neighbours", span("1", "Jusqu’à 10 utilisateurs.", "Up to 5 users.") + " " +
			span("2", "Jusqu’à 5 appareils.", "Up to 10 devices.") + "\n",
			[]string{"source has 5, target lacks it; target has 10 not in the source", "source has 10, target lacks it; target has 5 not in the source"}},
		{"one moved number excuses one missing", span("1", "Conservez les messages.", "Keep messages for 30 days.") + " " +
			span("2", "Puis, après 30 jours :", "Then:") + " " + span("3", "Supprimez-les ensuite.", "Delete them after 30 days.") + "\n",
			[]string{"source has 30, target lacks it"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range runNumberMismatch(loadPage(t, "p.md", "zh-CN", []byte(c.md)), nil) {
				got = append(got, f.Message)
			}
			if !slicesEqual(got, c.want) {
				t.Errorf("findings %q, want %q", got, c.want)
			}
		})
	}
}

// TestCJKDateOrder: a Chinese or Japanese date written with its month
// before its year (the numbers are the source's, the reader is lost).
func TestCJKDateOrder(t *testing.T) {
	runCases(t, "number-mismatch", []ruleCase{
		{name: "month and year",
			// zh-CN/automated-investigation-response-office.md line 59
			path: "zh-CN/page.md",
			text: sxs("a-1", "**第1阶段 (4 月 2019)**: 行动手册包括", "**Phase 1 (April 2019)**: Playbooks include") + "\n",
			want: []string{`date written with its month before its year: "4 月 2019"; Chinese writes "2019年4月"`}, at: []string{"4 月 2019"}},
		{name: "month, day and year",
			// zh-CN/technical-reference-details-about-encryption.md line 53
			path: "zh-CN/page.md",
			text: sxs("a-1", "支持将于年10月 2018 31 日被弃用。", "Support will be deprecated on October 31, 2018.") + "\n",
			want: []string{`"10月 2018 31 日"; Chinese writes "2018年10月31日"`}},
		{name: "month and day, then the year, as English writes them",
			// zh-CN/technical-reference-details-about-encryption.md line 102
			path: "zh-CN/page.md",
			text: sxs("a-1", "Schannel 实现:11 月24日, 2015", "Schannel implementation: November 24, 2015") + "\n",
			want: []string{`"11 月24日, 2015"; Chinese writes "2015年11月24日"`}},
		{name: "in Japanese",
			path: "ja-JP/page.md",
			text: sxs("a-1", "6月 22 2017 から", "Since June 22, 2017") + "\n",
			want: []string{`Japanese writes "2017年6月22日"`}},
		{name: "the year first, as Chinese writes it",
			path: "zh-CN/page.md",
			text: sxs("a-1", "2019 年 4 月和 2019年4月16日更新。", "Updated in April 2019 and on April 16, 2019.") + "\n"},
		{name: "a month and a count that is no year",
			path: "zh-CN/page.md",
			text: sxs("a-1", "保留 6 月 300 个项目。", "Keep 300 items for 6 months.") + "\n"},
	})
}
