package rules_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/rules"
)

// termCase is a ruleCase run with the configuration's do-not-translate
// terms and glossaries, which checkRule does not set.
type termCase struct {
	ruleCase
	dnt        []string
	glossaries map[string]*rules.Glossary
}

// runTermCases runs each case like runCases, with the findings in page
// order (then by message).
func runTermCases(t *testing.T, ruleID string, cases []termCase) {
	t.Helper()
	r := rules.Default.Lookup(ruleID)
	if r == nil {
		t.Fatalf("rule %s not registered", ruleID)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path
			if path == "" {
				path = "fr-FR/page.md"
			}
			pg := page.Parse(path, []byte(c.text), page.Options{SourceLocale: "en-US"})
			var fs []rules.Finding
			r.Run(&rules.Pass{Page: pg, Rule: r, Options: c.opts, DoNotTranslate: c.dnt, Glossaries: c.glossaries,
				Report: func(f rules.Finding) {
					if f.Range.Start < 0 || f.Range.End > len(pg.Text) || f.Range.Start > f.Range.End {
						t.Errorf("finding range %v outside the page (%d bytes)", f.Range, len(pg.Text))
					}
					fs = append(fs, f)
				}})
			sort.SliceStable(fs, func(i, j int) bool {
				if fs[i].Range.Start != fs[j].Range.Start {
					return fs[i].Range.Start < fs[j].Range.Start
				}
				return fs[i].Message < fs[j].Message
			})
			if len(fs) != len(c.want) {
				var got []string
				for _, f := range fs {
					got = append(got, f.Message)
				}
				t.Fatalf("got %d findings %q, want %d %q", len(fs), got, len(c.want), c.want)
			}
			for i, f := range fs {
				if f.Rule != ruleID || f.Severity != r.Severity {
					t.Errorf("finding %d has rule %q severity %v", i, f.Rule, f.Severity)
				}
				if !strings.Contains(f.Message, c.want[i]) {
					t.Errorf("finding %d message %q does not contain %q", i, f.Message, c.want[i])
				}
				if i < len(c.at) {
					if got := pg.Text[f.Range.Start:f.Range.End]; got != c.at[i] {
						t.Errorf("finding %d points at %q, want %q", i, got, c.at[i])
					}
				}
			}
		})
	}
}

func dntCase(name, path, target, source string, want ...string) termCase {
	return termCase{ruleCase: ruleCase{name: name, path: path, text: sxs("a-1", target, source) + "\n", want: want}}
}

func (c termCase) pointing(at ...string) termCase { c.at = at; return c }

func (c termCase) options(opts map[string]any) termCase { c.opts = opts; return c }

func TestDoNotTranslateFires(t *testing.T) {
	runTermCases(t, "do-not-translate", []termCase{
		// zh-CN/manage-ediscovery-cases.md line 561: "Microsoft 团队" is one finding, not one
		// about "Microsoft Team" too.
		dntCase("product name translated", "zh-CN/page.md",
			"属于 Microsoft 团队渠道的对话存储在与 Microsoft 团队相关联的邮箱中。",
			"Conversations that are part of a Microsoft Teams channel are stored in the mailbox that's associated with the Microsoft Team.",
			`"Microsoft Teams" must stay as written: the source has it, the target does not`).
			pointing("属于 Microsoft 团队渠道的对话存储在与 Microsoft 团队相关联的邮箱中。"),
		// fr-FR/content-search.md line 177
		dntCase("case changed", "",
			"Recherche de groupes Microsoft teams et Office 365",
			"Searching Microsoft Teams and Office 365 Groups",
			`"Microsoft Teams" must stay as written: the target has "Microsoft teams"`).
			pointing("Microsoft teams"),
		// de-DE/office-365-isolation-in-graph-and-delve.md line 39
		dntCase("two names translated", "de-DE/page.md",
			"VerTiefen ist eine Office 365-Web-Erfahrung, die Inhalte aus Office 365 und jammert Enterprise zu Office 365-Benutzer über das Office-Diagramm.",
			"Delve is an Office 365 web experience that surfaces content from Office 365 and Yammer Enterprise to Office 365 users via the Office Graph.",
			`"Delve" must stay as written: the source has it, the target does not`,
			`"Yammer" must stay as written: the source has it, the target does not`),
		// zh-CN/office-365-ediscovery-and-search-features.md line 63: the link
		// destination, with its own "Office-365", is not searched.
		dntCase("lower case in text and link label", "zh-CN/page.md",
			"有关搜索 office 365 审核日志的详细步骤, 请参阅[在 office 365 中搜索审核日志](https://support.office.com/article/Search-the-audit-log-in-the-Office-365-Security-Compliance-Center-0d4d0f35)。",
			"For detailed steps to search Office 365 audit logs, see [Searching audit logs in the Office 365](https://support.office.com/article/Search-the-audit-log-in-the-Office-365-Security-Compliance-Center-0d4d0f35).",
			`"Office 365" must stay as written: the target has "office 365"`,
			`"Office 365" must stay as written: the target has "office 365"`).
			pointing("office 365", "office 365"),
		// zh-CN/manage-quarantined-messages-and-files.md line 161
		dntCase("space dropped", "zh-CN/page.md",
			"如果您不想离开 Office365完成此任务, 请右键单击并选择 \"**在新选项卡中打开**\"。",
			"Right-click and choose **Open in a new tab** if you don't want to leave Office 365 to complete this task.",
			`"Office 365" must stay as written: the target has "Office365"`).
			pointing("Office365"),
		// fr-FR/content-search.md line 86
		dntCase("fewer, with pieces of the name left", "",
			"Vous pouvez rechercher tous les emplacements de contenu pour un service Office 365 spécifique ou vous pouvez rechercher des emplacements spécifiques dans n’importe quel service 365 Office affiché.",
			"You can search all content locations for a specific Office 365 service or you can search specific locations in any of the Office 365 services that are displayed.",
			`"Office 365" must stay as written: the source has it twice, the target once and pieces of it elsewhere ("Office", "365")`).
			pointing("365 Office"),
		// fr-FR/search-the-audit-log-in-security-and-compliance.md line 31: the
		// official French name is "OneDrive Entreprise", with a capital.
		dntCase("allowed form with another case", "",
			"Activité des utilisateurs dans SharePoint Online et OneDrive entreprise",
			"User activity in SharePoint Online and OneDrive for Business",
			`"OneDrive for Business" (or "OneDrive Entreprise") must stay as written: the target has "OneDrive entreprise"`).
			pointing("OneDrive entreprise"),
		dntCase("a domain name is not a variant", "",
			"Connectez-vous à outlook.office.com avec votre compte.",
			"Sign in to Outlook with your account.",
			`"Outlook" must stay as written: the source has it, the target does not`),
	})
}

func TestDoNotTranslateQuiet(t *testing.T) {
	runTermCases(t, "do-not-translate", []termCase{
		dntCase("official French form", "",
			"Activité des utilisateurs dans SharePoint Online et OneDrive Entreprise",
			"User activity in SharePoint Online and OneDrive for Business"),
		// fr-FR/technical-reference-details-about-encryption.md line 77
		dntCase("a pronoun for the second occurrence", "",
			"Quand Office 365 reçoit une demande de connexion, il tente tout d’abord de se connecter à l’aide de la première suite de chiffrement, puis en cas d’échec, il utilise la deuxième suite de chiffrement dans la liste, et ainsi de suite.",
			"When Office 365 receives a connection request, Office 365 first attempts to connect using the topmost cipher suite then, if unsuccessful, tries the second cipher suite in the list and so on down the list."),
		// Another product's name is not a piece of the source's: the terms
		// the source lacks are masked in the target too.
		dntCase("another name with a word in common", "",
			"Utilisez Office 365 ici et Microsoft 365 là-bas.",
			"Use Office 365 here and Office 365 there."),
		// fr-FR: no-break space inside the name
		dntCase("no-break space", "",
			"Versions de TLS prises en charge par Office\u00a0365",
			"Versions of TLS supported by Office 365"),
		// de-DE/search-the-audit-log-in-security-and-compliance.md line 487
		dntCase("German genitive", "de-DE/page.md",
			"Der Benutzer stoppt die Freigabe eines Sways, indem er den Zugriff auf ihn widerruft.",
			"User stops sharing a Sway by revoking access to it."),
		dntCase("German compound with a hyphen", "de-DE/page.md",
			"Stellen Sie eine Verbindung mit Ihrer Exchange Online-Organisation her.",
			"Connect to your Exchange Online organization."),
		dntCase("name only in a code span of the source", "",
			"Définissez le paramètre sur `SPO`.",
			"Set the parameter to `SharePoint Online`."),
		dntCase("name only in a link destination of the source", "",
			"Consultez [la vue d’ensemble](https://docs.microsoft.com/Yammer/overview).",
			"See [the overview](https://docs.microsoft.com/Yammer/overview)."),
		dntCase("source-language page", "en-US/page.md",
			"Searching Microsoft teams", "Searching Microsoft Teams"),
		dntCase("empty target is left to empty-target", "",
			" ", "Searching Microsoft Teams"),
		dntCase("Microsoft alone is not a default term", "",
			"Nous vous recommandons vivement d’insérer un espace entre le nom d’affichage et l’adresse de messagerie.",
			"As a best practice, Microsoft strongly recommends that you insert a space between the display name and the email address."),
	})
}

func TestDoNotTranslateOptions(t *testing.T) {
	const (
		yammerDE = "**Social** -Twitter, Facebook, jammern und LinkedIn"
		yammerEN = "**Social** - Twitter, Facebook, Yammer, and LinkedIn"
		lockbox  = "Customer Lockbox"
	)
	lockboxCase := func(name string) termCase {
		return dntCase(name, "",
			"Utilisez le Référentiel sécurisé du client pour contrôler l’accès à vos données.",
			"Use Customer Lockbox to control access to your data.",
			`"Customer Lockbox" must stay as written: the source has it, the target does not`)
	}
	configured := lockboxCase("term from the configuration")
	configured.dnt = []string{lockbox}
	// A term starting with punctuation, or with punctuation inside its first
	// word: segments used to be skipped unless some term's first word was a
	// whole word of the source.
	dotNet := dntCase("term starting with punctuation", "",
		"Utilisez le framework point net pour écrire le script.",
		"Use the .NET Framework to write the script.",
		`".NET Framework" must stay as written: the source has it, the target does not`).options(map[string]any{"defaults": false})
	dotNet.dnt = []string{".NET Framework"}
	cSharp := dntCase("term with punctuation in its first word", "",
		"Écrivez le code en C dièse.",
		"Write the code in C#.",
		`"C#" must stay as written: the source has it, the target does not`).options(map[string]any{"defaults": false})
	cSharp.dnt = []string{"C#"}
	many := lockboxCase("one term among thousands")
	for i := range 3000 {
		many.dnt = append(many.dnt, fmt.Sprintf("Product%d Suite", i))
	}
	many.dnt = append(many.dnt, lockbox)
	runTermCases(t, "do-not-translate", []termCase{
		// de-DE/archiving-third-party-data.md line 28
		dntCase("defaults on", "de-DE/page.md", yammerDE, yammerEN, `"Yammer" must stay as written`),
		dntCase("defaults off", "de-DE/page.md", yammerDE, yammerEN).options(map[string]any{"defaults": false}),
		lockboxCase("term from the option").options(map[string]any{"terms": []string{lockbox}}),
		configured, dotNet, cSharp, many,
		dntCase("term not configured", "",
			"Utilisez le Référentiel sécurisé du client pour contrôler l’accès à vos données.",
			"Use Customer Lockbox to control access to your data."),
		dntCase("ignore-case accepts another case", "",
			"Recherche de groupes Microsoft teams et Office 365",
			"Searching Microsoft Teams and Office 365 Groups").options(map[string]any{"ignore-case": true}),
		dntCase("ignore-case still reports a missing name", "zh-CN/page.md",
			"Microsoft 团队中的策略评估", "Policy evaluation in Microsoft Teams",
			`"Microsoft Teams" must stay as written: the source has it, the target does not`).
			options(map[string]any{"ignore-case": true}),
		// de-DE/ediscovery-cases.md line 527
		dntCase("allowed form for a locale", "de-DE/page.md",
			"Maximale Anzahl von SharePoint-und OneDrive für Unternehmen-Websites in einem einzigen Aufbewahrungs Fall",
			"Maximum number of SharePoint and OneDrive for Business sites in a single hold case").
			options(map[string]any{"allowed-forms": []string{"de:OneDrive for Business=OneDrive für Unternehmen"}}),
		dntCase("allowed form limited to another locale", "de-DE/page.md",
			"Maximale Anzahl von SharePoint-und OneDrive für Unternehmen-Websites in einem einzigen Aufbewahrungs Fall",
			"Maximum number of SharePoint and OneDrive for Business sites in a single hold case",
			`"OneDrive for Business" must stay as written: the source has it, the target does not`).
			options(map[string]any{"allowed-forms": []string{"fr-FR:OneDrive for Business=OneDrive für Unternehmen"}}),
		dntCase("allowed-forms replaces the default forms", "",
			"Activité des utilisateurs dans SharePoint Online et OneDrive Entreprise",
			"User activity in SharePoint Online and OneDrive for Business",
			`"OneDrive for Business" must stay as written: the source has it, the target does not`).
			options(map[string]any{"allowed-forms": []string{}}),
	})
}

func TestDoNotTranslateRangeInMarkup(t *testing.T) {
	// The reported range is the exact text in the page, through entities and
	// emphasis: "**azure** AD" spans the closing asterisks.
	runTermCases(t, "do-not-translate", []termCase{
		dntCase("variant across markup", "zh-CN/page.md",
			"登录 **azure** AD 门户&nbsp;。", "Sign in to the **Azure** AD portal.",
			`"Azure AD" must stay as written: the target has "azure AD"`).
			pointing("azure** AD"),
	})
}
