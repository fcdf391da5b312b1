package rules_test

import (
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

func TestSegmentPairing(t *testing.T) {
	runCases(t, "segment-pairing", []ruleCase{
		{name: "well-formed segments on one line",
			text: sxs("47632-145", "Oui.", "Yes.") + " " + sxs("47632-146", "Si votre entreprise recherche une certification…", "If your business requires certification…") + "\n"},
		{name: "ids differ",
			text: `<span data-ttu-id="a-1">Services</span><span class="sxs-lookup"><span data-stu-id="a-2">Services in scope</span></span>` + "\n",
			want: []string{`data-ttu-id="a-1" but its source span has data-stu-id="a-2"`}},
		{name: "duplicate id",
			text: sxs("a-1", "Oui.", "Yes.") + "\n\n" + sxs("a-1", "Non.", "No.") + "\n",
			want: []string{`duplicate segment id "a-1": already used on line 1`}},
		{name: "target without source part",
			text: `<span data-ttu-id="a-1">Oui.</span> Yes.` + "\n",
			want: []string{`segment "a-1" has no source part`}, at: []string{`<span data-ttu-id="a-1">Oui.</span>`}},
		{name: "a backtick left open in the target swallows the source span",
			text: `<span data-ttu-id="a-1">Exécutez ` + "`" + `Get-Mailbox pour voir.</span><span class="sxs-lookup"><span data-stu-id="a-1">Run ` + "`Get-Mailbox`" + ` to see.</span></span>` + "\n",
			want: []string{"segment \"a-1\": the target's unclosed ` turns the source span after it into code"}},
		{name: "an empty id",
			text: sxs("", "Oui.", "Yes.") + "\n",
			want: []string{"segment with an empty data-ttu-id"}},
		{name: "unclosed target span",
			text: `<span data-ttu-id="a-1">Oui.` + "\n",
			want: []string{`target span data-ttu-id="a-1" is not closed`}, at: []string{`<span data-ttu-id="a-1">`}},
		{name: "source span without target",
			text: `<span data-stu-id="a-1">Yes.</span>` + "\n",
			want: []string{`source span data-stu-id="a-1" has no target span before it`}},
		{name: "malformed attribute quote",
			text: `<span data-ttu-id="a-1>Oui.</span>` + "\n",
			want: []string{`malformed tag: "data-ttu-id"`}},
		{name: "real broken XML segment from a code sample",
			// create-custom-sensitive-info-type-edm.md, fr-FR, line 87: the quoted attribute
			// value swallows the closing spans of the source.
			text: `<span data-ttu-id="77c1d-174"><DataStore name="PatientRecords" description="Schéma pour les dossiers des patients</span><span class="sxs-lookup"><span data-stu-id="77c1d-174"><DataStore name="PatientRecords" description="Schema for patient records</span></span>" version="1">` + "\n",
			want: []string{`source span data-stu-id="77c1d-174" is not closed`}},
	})
}

func TestEmptyTarget(t *testing.T) {
	runCases(t, "empty-target", []ruleCase{
		{name: "empty target",
			text: "> " + sxs("a-110", " ", "Reports are available for 12 months.") + "\n",
			want: []string{`the target is empty but the source reads "Reports are available for 12 months."`}},
		{name: "nbsp only", text: sxs("a-1", "&nbsp;", "Yes.") + "\n", want: []string{"empty translation"}},
		{name: "translated", text: sxs("a-1", "Oui.", "Yes.") + "\n"},
		{name: "both empty (an anchor segment)", text: sxs("c55ab-235", "", "") + "\n"},
		{name: "target is only an image", text: sxs("a-1", "![icône](media/a.png)", "![icon](media/a.png)") + "\n"},
	})
}

func TestLinkMismatch(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "locale segment may change",
			text: sxs("5b2ce-240", "[Présentation des niveaux d’autorisation dans SharePoint](https://support.office.com/fr-FR/article/Understanding-permission-levels-87ecbb0e)",
				"[Understanding permission levels in SharePoint](https://support.office.com/en-US/article/Understanding-permission-levels-87ecbb0e)") + "\n"},
		{name: "locale query parameter may change",
			text: sxs("a-1", "[lien](https://go.microsoft.com/fwlink/?LinkId=1&clcid=0x40c)", "[link](https://go.microsoft.com/fwlink/?LinkId=1&clcid=0x409)") + "\n"},
		{name: "dropped link",
			text: sxs("a-106", "Sélectionnez **Rapports d’audit**, puis choisissez le rapport ISO.", "Select **Audit Reports**, and then choose the ISO report in the [report library](https://aka.ms/stp-library).") + "\n",
			want: []string{"link missing from the target: the source [report library](https://aka.ms/stp-library)"}},
		{name: "dropped image, quoted as an image",
			text: sxs("a-1", "Cliquez sur Nouveau.", "Click ![New icon](media/new.gif) **New**.") + "\n",
			want: []string{"image missing from the target: the source ![New icon](media/new.gif)"}},
		{name: "torn image, quoted as an image",
			// zh-CN/change-the-hold-duration-for-an-inactive-mailbox.md: the
			// translation moved the ![ away from its ](src)
			text: sxs("a-1", "Cliquez sur Nouveau](media/new.gif) **Nouveau** ![.", "Click ![New icon](media/new.gif) **New**.") + "\n",
			want: []string{`image syntax broken in the target: "media/new.gif" appears, but not as the image the source has: ![New icon](media/new.gif)`}},
		{name: "changed destination",
			text: sxs("a-1", "Voir [la page](https://aka.ms/other).", "See [the page](https://aka.ms/page).") + "\n",
			want: []string{`link destination changed: source has "https://aka.ms/page", target has "https://aka.ms/other"`},
			at:   []string{"https://aka.ms/other"}},
		{name: "image syntax broken by machine translation",
			// de-DE/export-results-in-advanced-ediscovery.md line 79
			text: sxs("78a33-1", "Um den Verlauf eines Batches anzuzeigen, wählen Sie Verlaufs Symbol](media/a80cc320.jpg)für **Stapel Verlauf** ![anzeigen aus.",
				"To view the history of a batch, choose **Batch history** ![View history icon](media/a80cc320.jpg).") + "\n",
			want: []string{`image syntax broken in the target: "media/a80cc320.jpg" appears`}, at: []string{"media/a80cc320.jpg"}},
		{name: "added link to a source without links is not reported",
			// zh-CN/create-custom-sensitive-info-type-edm.md line 345
			text: sxs("a-1", "转到“安全与合规中心”([https://protection.office.com](https://protection.office.com))。", "Go to the Security & Compliance Center") + "\n",
			path: "zh-CN/page.md"},
		{name: "extra autolink with report-added",
			opts: map[string]any{"report-added": true},
			text: sxs("a-1", "Voir <https://example.com>.", "See the docs.") + "\n",
			want: []string{"autolink not in the source: the target adds <https://example.com>"}},
		{name: "locale query parameters after an &amp; entity may change",
			// fr-FR corpus pages write & as &amp; in link destinations
			text: sxs("a-1", "Voir [le lien](http://go.microsoft.com/fwlink/?LinkID=799771&amp;clcid=0x40c) et [l’autre](https://a.example/?ui=fr-FR&amp;rs=fr-FR&amp;ad=FR).",
				"See [the link](http://go.microsoft.com/fwlink/?LinkID=799771&amp;clcid=0x409) and [the other](https://a.example/?ui=en-US&rs=en-US&ad=US).") + "\n"},
		{name: "link to another locale's page",
			text: sxs("a-1", "Voir [la doc](https://docs.microsoft.com/de-de/office365/foo).", "See [the docs](https://docs.microsoft.com/en-us/office365/foo).") + "\n",
			want: []string{"link locale /de-de/ is neither the page's locale (fr-FR) nor the source's (/en-us/)"}, at: []string{"de-de"}},
		{name: "link locale of the page, a language-only form, or kept from the source",
			text: sxs("a-1", "Voir [a](https://docs.microsoft.com/fr-fr/x), [b](https://example.com/fr/x), [c](https://example.com/en-us/y).",
				"See [a](https://docs.microsoft.com/en-us/x), [b](https://example.com/en/x), [c](https://example.com/en-us/y).") + "\n"},
		{name: "link to another language's page",
			text: sxs("a-1", "Voir [la doc](https://example.com/de/x).", "See [the docs](https://example.com/en/x).") + "\n",
			want: []string{"link locale /de/ is neither the page's locale (fr-FR) nor the source's (/en/)"}, at: []string{"de"}},
		{name: "reference links compare by their definitions' destinations",
			text: sxs("a-1", "Voir [la doc][2] et [l’autre][same].", "See [the docs][1] and [the other][Same].") + "\n\n" +
				sxs("a-2", "Voir la doc.", "See [the docs][1].") + "\n\n[1]: https://aka.ms/one\n[2]: https://aka.ms/two\n[same]: https://aka.ms/same\n",
			want: []string{`link destination changed: source has "https://aka.ms/one", target has "https://aka.ms/two"`,
				"link missing from the target: the source [the docs](https://aka.ms/one)"}},
		{name: "the folder's locale in a URL, the front matter saying another",
			path: "fr-FR/page.md",
			text: "---\nms.contentlocale: de-DE\n---\n" + sxs("a-1", "Voir [la doc](https://docs.microsoft.com/fr-fr/x).", "See [the docs](https://docs.microsoft.com/en-us/x).") + "\n"},
		{name: "a changed fragment of a page that is no Markdown page",
			text: sxs("a-1", "Voir [l’installation](x.html#configurer).", "See [the installation](x.html#install).") + "\n",
			want: []string{`link destination changed: source has "x.html#install", target has "x.html#configurer"`}},
		{name: "a reference image against an inline image of the same file",
			text: sxs("a-1", "Voir ![logo](logo.png).", "See ![logo][img].") + "\n\n[img]: logo.png\n"},
		{name: "an & that starts no entity stays as written",
			text: sxs("a-1", "Voir [x](https://a.example/?lang=fr-fr&notify=0).", "See [x](https://a.example/?lang=en-us&notify=1).") + "\n",
			want: []string{`link destination changed`}},
		{name: "a language-like folder deeper in a URL is compared as written",
			text: sxs("a-1", "Voir [x](https://a.example/docs/fr/x).", "See [x](https://a.example/docs/ml/x).") + "\n",
			want: []string{`link destination changed`}},
		{name: "an HTML link's changed href",
			text: sxs("a-1", `Voir <a href="https://aka.ms/bar">la page</a>.`, `See <a href="https://aka.ms/foo">the page</a>.`) + "\n",
			want: []string{`link destination changed: source has "https://aka.ms/foo", target has "https://aka.ms/bar"`}, at: []string{"https://aka.ms/bar"}},
		{name: "href= inside another attribute's value is no href",
			text: sxs("a-1", `Voir <a title="le champ href=1" href="https://a.com/x">la page</a>.`, `See <a title="the field href=2" href="https://a.com/x">the page</a>.`) + "\n"},
		{name: "an HTML image kept, an anchor without href",
			text: sxs("a-1", `<a name="x"></a>Voir <img src='media/a.png' alt="icône"/>.`, `<a name="x"></a>See <img src='media/a.png' alt="icon"/>.`) + "\n"},
		{name: "translated heading anchor on the same page",
			text: sxs("a-1", "Voir [Plus d’informations](#plus-dinformations).", "See [More information](#more-information).") + "\n"},
		{name: "translated heading anchor on another page",
			text: sxs("a-1", "Voir [la section](other.md#configurer-le-rapport).", "See [the section](other.md#set-up-the-report).") + "\n"},
		{name: "fragment dropped from a page link",
			text: sxs("a-1", "Voir [la section](other.md).", "See [the section](other.md#set-up-the-report).") + "\n",
			want: []string{`link destination changed: source has "other.md#set-up-the-report", target has "other.md"`}},
		{name: "other page under a translated anchor",
			text: sxs("a-1", "Voir [la section](autre.md#configurer).", "See [the section](other.md#set-up).") + "\n",
			want: []string{`link destination changed: source has "other.md#set-up", target has "autre.md#configurer"`}},
		{name: "fragment of a URL compared as written",
			text: sxs("a-1", "Voir [la section](https://example.com/page#configurer).", "See [the section](https://example.com/page#set-up).") + "\n",
			want: []string{`link destination changed: source has "https://example.com/page#set-up", target has "https://example.com/page#configurer"`}},
		{name: "fragment of a site-absolute link compared as written",
			text: sxs("a-1", "Voir [la section](/docs/page#configurer).", "See [the section](/docs/page#set-up).") + "\n",
			want: []string{`link destination changed`}},
		{name: "extra link next to a kept one",
			text: sxs("a-1", "Voir [la page](https://aka.ms/page) et [l’autre](https://aka.ms/other).", "See [the page](https://aka.ms/page).") + "\n",
			want: []string{`link not in the source: the target adds [l’autre](https://aka.ms/other)`}},
	})
}

func TestCodeMismatch(t *testing.T) {
	runCases(t, "code-mismatch", []ruleCase{
		{name: "identical code",
			text: sxs("a-1", "Exécutez `Get-Mailbox -Identity <user>`.", "Run `Get-Mailbox -Identity <user>`.") + "\n"},
		{name: "translated cmdlet",
			text: sxs("a-107", "Exécutez la commande `Obtenir-ComplianceReport` pour télécharger le rapport.", "Run the `Get-ComplianceReport` cmdlet to download the report.") + "\n",
			want: []string{"code span changed: source has `Get-ComplianceReport`, target has `Obtenir-ComplianceReport`"},
			at:   []string{"`Obtenir-ComplianceReport`"}},
		{name: "a look-alike character is named",
			text: sxs("a-1", "Exécutez `Get\u2011Mailbox`.", "Run `Get-Mailbox`.") + "\n",
			want: []string{"code span changed: source has `Get-Mailbox`, target has `Get\u2011Mailbox` (U+2011 non-breaking hyphen where the source has U+002D hyphen-minus)"}},
		{name: "translated <code> element",
			text: sxs("a-1", "Exécutez <code>Obtenir-Mailbox</code>.", "Run <code>Get-Mailbox</code>.") + "\n",
			want: []string{"code span changed: source has `Get-Mailbox`, target has `Obtenir-Mailbox`"}, at: []string{"<code>Obtenir-Mailbox</code>"}},
		{name: "<code> element and code span render alike",
			text: sxs("a-1", "Exécutez `Get-Mailbox -Identity <user>`.", "Run <code>Get-Mailbox -Identity &lt;user&gt;</code>.") + "\n"},
		{name: "code dropped",
			// fr-FR/create-custom-sensitive-info-type-edm.md line 259
			text: sxs("77c1d-1", `(Nous avons enregistré notre exemple de fichier\*PatientRecords.csv dans.)`, "(We saved our example *PatientRecords.csv* file to `C:\\Edm\\Data`.)") + "\n",
			want: []string{"code span of the source missing from the target: `C:\\Edm\\Data`"}},
		{name: "broken backticks merge two spans",
			// zh-CN/set-up-a-custom-blocked-urls-list-wtih-atp.md line 79
			text: sxs("z-1", "例如`https://www.contoso.com`、和`http://sub.contoso.com``http://contoso.com/abc`",
				"such as `https://www.contoso.com`, `http://sub.contoso.com`, and `http://contoso.com/abc`") + "\n",
			path: "zh-CN/page.md",
			want: []string{"code spans differ: the target lacks `http://sub.contoso.com`, `http://contoso.com/abc` and adds `http://sub.contoso.com``http://contoso.com/abc`"}},
	})
}

func TestMarkupMismatch(t *testing.T) {
	runCases(t, "markup-mismatch", []ruleCase{
		{name: "bold kept",
			text: sxs("a-1", "Cliquez sur **Télécharger**.", "Click **Download**.") + "\n"},
		{name: "bold runs that CommonMark cannot pair show as asterisks",
			// zh-CN/define-highlighted-keywords-and-advanced-options.md line 38: the opening
			// ** sits between a letter and punctuation, so it opens nothing
			path: "zh-CN/page.md",
			text: sxs("a-1", "单击**+** 图标以添加关键字。", "Click the **+** icon to add keywords.") + "\n",
			want: []string{"bold markers: the source has 2, the target 0; emphasis markers that pair with nothing and show as text: the source has 0, the target 2"},
			at:   []string{"**"}},
		{name: "bold around full-width quotes after a letter is not rendered",
			path: "zh-CN/page.md",
			text: sxs("a-1", "单击**“导出”**。", "Click **Export**.") + "\n",
			want: []string{"emphasis markers that pair with nothing and show as text: the source has 0, the target 2"}},
		{name: "bold after a space around punctuation is rendered",
			path: "zh-CN/page.md",
			text: sxs("a-1", "单击 **“导出”**。", "Click **Export**.") + "\n"},
		{name: "italic underscores inside Chinese text are text, and both count",
			// zh-CN/how-policies-and-protections-are-combined.md line 28: the
			// first _ stands inside a word, where it can neither open nor close
			path: "zh-CN/page.md",
			text: sxs("a-1", "以下策略适用于_所有组织_。", "The Policies below apply to _all organizations_.") + "\n",
			want: []string{"italic markers: the source has 2, the target 0; emphasis markers that pair with nothing and show as text: the source has 0, the target 2"},
			at:   []string{"_"}, before: []string{"适用于"}},
		{name: "a snake_case name, code and a URL are no markers",
			path: "zh-CN/page.md",
			text: sxs("a-1", "设置 user_name 和 `名_称` 与 [链接](https://x.example/名_称)。", "Set user_name and `名_称` with [link](https://x.example/名_称).") + "\n"},
		{name: "bold turned into escaped asterisks",
			// zh-CN/export-search-results.md line 162
			text: sxs("96ce6-1", "单击“浏览”\\*\\*\\*\\* 指定要下载搜索结果文件的位置。", "Click **Browse** to specify the location where you want to download the search result files.") + "\n",
			path: "zh-CN/page.md",
			want: []string{`bold markers: the source has 2, the target 0; escapes: the target adds \* ×4`}},
		{name: "bold lost next to bold kept: the finding points at the escapes, not the kept pair",
			// zh-CN/create-team-sites-in-a-political-campaign-dev-test-environment.md line 268
			path: "zh-CN/page.md",
			text: sxs("a-1", "在“团队网站名称”\\*\\*\\*\\* 中，键入 **Campaign strategy**。", "In **Team site name**, type **Campaign strategy**.") + "\n",
			want: []string{`bold markers: the source has 4, the target 2; escapes: the target adds \* ×4`}, at: []string{`\*`}},
		{name: "bold lost with nothing to show where: the whole target",
			text: sxs("a-1", "Cliquez sur Télécharger puis sur **OK**.", "Click **Download**, then **OK**.") + "\n",
			want: []string{"bold markers: the source has 4, the target 2"}, at: []string{"Cliquez sur Télécharger puis sur **OK**."}},
		{name: "a ** closing a * opener is italic with a * left as text, which the target may escape",
			// zh-CN/eop/manage-mail-users-in-eop.md line 50: both render <em>*X</em>*
			path: "zh-CN/page.md",
			text: sxs("a-1", "*\\*邮件流规则*\\*-使用目录同步时会上载用户。", "*\\*Mail flow rules** - When you use directory synchronization, users are uploaded.") + "\n"},
		{name: "a * shown as text, escaped in the target",
			text: sxs("a-1", "Ajoutez le domaine \\*.contoso.com à la liste.", "Add the domain *.contoso.com to the list.") + "\n"},
		{name: "a * shown as text, dropped by the target",
			text: sxs("a-1", "Ajoutez le domaine .contoso.com à la liste.", "Add the domain *.contoso.com to the list.") + "\n",
			want: []string{"emphasis markers that pair with nothing and show as text: the source has 1, the target 0"}},
		{name: "ampersand mangled into emphasis",
			// fr-FR/assign-ediscovery-permissions.md line 35
			text: sxs("a-1", "Accédez à tous les cas répertoriés sur la page **cas eDiscovery** dans le centre de sécurité _AMP_ Compliance Center.",
				"Access all cases that are listed on the **eDiscovery cases** page in the Security & Compliance Center.") + "\n",
			want: []string{`italic markers: the source has 0, the target 2 (the target writes "&" as "_AMP_")`}, at: []string{"_AMP_"}},
		{name: "dropped escape before angle bracket",
			text: sxs("a-1", "Dans le dossier **Supervision — <nom de la stratégie>**.", "In the **Supervision — \\<policy name\\>** folder.") + "\n",
			want: []string{`escapes: the target lacks \<`}},
		{name: "a navigation path's arrow written in words or unescaped renders the same",
			// zh-CN/run-a-content-search-in-the-security-and-compliance-center.md
			path: "zh-CN/page.md",
			text: sxs("a-1", "在安全与合规中心内，依次单击“搜索和调查”和“电子数据展示”。", `In the Security &amp; Compliance Center, click Search &amp; investigation \> eDiscovery.`) + "\n" +
				sxs("a-2", "Cliquez sur Recherche > eDiscovery.", `Click Search \> eDiscovery.`) + "\n"},
		{name: "an arrow moved to the start of the target",
			// de-DE/create-info-mgmt-policies.md line 54
			path: "de-DE/page.md",
			text: sxs("a-1", `\> Erstellen Sie auf der Seite Richtlinien die.`, `On the Policies page \> Create.`) + "\n"},
		{name: "html tag and placeholder",
			text: sxs("a-1", "Bonjour {1}", "Hello {0}<br/>") + "\n",
			want: []string{"inline HTML: the target lacks <br/>; placeholders: the target lacks {0} and the target adds {1}"}},
		{name: "anchor moved into the target of an empty source",
			// fr-FR/use-dkim-to-validate-outbound-email.md line 255
			text: `<span data-ttu-id="c55ab-235"><a name="SetUp3rdPartyspoof"> </a></span><span class="sxs-lookup"><span data-stu-id="c55ab-235"></span></span>` + "\n"},
	})
}

func TestLengthRatio(t *testing.T) {
	runCases(t, "length-ratio", []ruleCase{
		{name: "normal French expansion",
			text: sxs("a-1", "La boîte de mise en quarantaine de l'utilisateur final est uniquement réservée au courrier indésirable.", "The end user quarantine is for spam only.") + "\n"},
		{name: "truncated heading",
			// de-DE/create-a-document-deletion-policy.md line 41
			path: "de-DE/page.md",
			text: "## " + sxs("a-1", "Beispiele", "Examples of how to use document deletion policies") + "\n",
			want: []string{"target is 0.18 times as long as the source (9 vs 49 characters; expected at least 0.37)"}},
		{name: "Chinese truncation",
			path: "zh-CN/page.md",
			text: sxs("a-1", "编辑图标", "On the **In-Place eDiscovery &amp; Hold** properties page, click **In-Place Hold**.") + "\n",
			want: []string{"expected at least 0.12"}},
		{name: "Chinese normal ratio",
			path: "zh-CN/page.md",
			text: sxs("a-1", "可能需要单击刷新才能更新详细信息窗格中的信息。", "You might have to click Refresh to update the information in the details pane.") + "\n"},
		{name: "text from another segment",
			// de-DE/content-search.md line 55
			path: "de-DE/page.md",
			text: sxs("a-1", "Verwenden Sie die Registerkarte Interne DNS-Lookups, um festzulegen, ob die DNS-Server verwendet werden sollen, die für einen auf diesem Server installierten Netzadapter konfiguriert sind.", "You can choose one of the following options:") + "\n",
			want: []string{"extra or repeated text?"}},
		{name: "English link title kept with a Chinese gloss",
			// zh-CN/eop/help-and-support-for-eop.md line 30
			path: "zh-CN/page.md",
			text: sxs("a-1", "[Office 365 and Exchange Online support](https://go.microsoft.com/fwlink/?LinkId=299655)（Office 365 和 Exchange Online 支持）",
				"[Office 365 and Exchange Online support](https://go.microsoft.com/fwlink/?LinkId=299655)") + "\n"},
		{name: "short labels are not checked",
			text: sxs("a-1", "Forum aux questions", "FAQ") + "\n"},
		{name: "image markup torn apart is no prose",
			// zh-CN/set-up-an-archive-and-deletion-policy-for-mailboxes.md line 190
			path: "zh-CN/page.md",
			text: sxs("a-1", `在 **"保留标记**" 下, 单击](media/457cd93f-22c2-4571-9f83-1b129bcfb58e.gif)"**添加** ![新图标"。`,
				"Under **Retention tags**, click **Add** ![New icon](media/457cd93f-22c2-4571-9f83-1b129bcfb58e.gif).") + "\n"},
		{name: "torn markup does not hide a long target",
			path: "zh-CN/page.md",
			text: sxs("a-1", `单击](media/x.gif)"**添加** ![新图标"，然后在打开的窗口中选择要添加的保留标记，再单击确定保存所有的更改，最后关闭窗口并返回到主页面继续操作。`,
				"Click **Add** ![New icon](media/x.gif) now.") + "\n",
			want: []string{"extra or repeated text?"}},
		{name: "a table's column header is a label, its body cells are checked",
			// de-DE/sending-mail-to-office-365.md line 30
			path: "de-DE/page.md",
			text: "|" + sxs("a-1", "**Inhalt**", "**For information about...**") + "|" + sxs("a-2", "**Sieh...**", "**See...**") + "|\n|:-----|:-----|\n|" +
				sxs("a-3", "Beispiele", "Examples of how to use document deletion policies") + "|" + sxs("a-4", "Siehe", "See") + "|\n",
			want: []string{"target is 0.18 times as long as the source (9 vs 49 characters; expected at least 0.37)"}},
		{name: "option min-ratio",
			path: "de-DE/page.md", opts: map[string]any{"min-ratio": 0.1},
			text: "## " + sxs("a-1", "Beispiele", "Examples of how to use document deletion policies") + "\n"},
		{name: "sentence split differently across two segments of a line",
			// zh-CN/configure-anti-malware-policies.md line 69: the main clause
			// moved into the span after the icon.
			path: "zh-CN/page.md",
			text: "2. " + sxs("a-138", "每个策略通过选择", "The list of files the malware filter detects can be customized per policy by choosing") +
				" ![添加图标](media/ITPro-EAC-AddIcon.gif) " +
				sxs("a-140", "和向列表中添加其他文件类型，可以对恶意软件筛选器检测到的文件列表进行自定义。", "and adding the additional file types to the list..") + "\n"},
		{name: "a clause shifted into the next segment",
			// fr-FR/eop/delegated-administration-faq.md line 26
			text: sxs("a-108", "La délégation d’administration permet aux partenaires de gérer.", "Delegated administration lets partners manage the Office 365 services of their customers from the partner's own tenant.") +
				" " + sxs("a-109", "les services Office 365 de leurs clients depuis leur propre locataire. Elle vous permet de gérer plusieurs clients depuis un seul endroit.", "It lets you manage many customers.") + "\n"},
		{name: "the neighbour on the next line does not excuse a truncation",
			path: "de-DE/page.md",
			text: sxs("a-1", "Beispiele", "Examples of how to use document deletion policies") + "\n" +
				sxs("a-2", "Verwenden Sie Richtlinien zum Löschen von Dokumenten, um Inhalte zu entfernen, und noch mehr Text hier.", "Use deletion policies now.") + "\n",
			want: []string{"expected at least 0.37", "expected at most 3.00"}},
		{name: "a normal neighbour does not excuse a replaced target",
			path: "de-DE/page.md",
			text: sxs("a-1", "Verwenden Sie die Registerkarte Interne DNS-Lookups, um festzulegen, ob die DNS-Server verwendet werden sollen, die für einen auf diesem Server installierten Netzadapter konfiguriert sind.", "You can choose one of the following options:") +
				" " + sxs("a-2", "Wählen Sie eine Option.", "Choose an option.") + "\n",
			want: []string{"extra or repeated text?"}},
	})
}

func TestUntranslated(t *testing.T) {
	runCases(t, "untranslated", []ruleCase{
		{name: "sentence left in English",
			text: sxs("a-1", "We recommend importing files that use the Unicode PST file format.", "We recommend importing files that use the Unicode PST file format.") + "\n",
			want: []string{"the target is identical to the source"}},
		{name: "a code span's text is cut where the span is, not from a word before it",
			text: sxs("a-1", "Use the tablet with `x` and the `le` for all of the items in the list.", "Use the tablet with `x` and the `y` for all of the items in the list.") + "\n",
			want: []string{"the target is identical to the source"}},
		{name: "product names stay",
			text: "- " + sxs("a-1", "Intune", "Intune") + "\n- " + sxs("a-2", "Power BI", "Power BI") + "\n- " + sxs("a-3", "Format", "Format") + "\n"},
		{name: "title-case names stay",
			text: sxs("a-1", "CAN-SPAM Act: A Compliance Guide for Business", "CAN-SPAM Act: A Compliance Guide for Business") + "\n"},
		{name: "translated sentence",
			text: sxs("a-1", "Nous recommandons d’importer des fichiers au format PST Unicode.", "We recommend importing files that use the Unicode PST file format.") + "\n"},
		{name: "Chinese target in Latin script",
			path: "zh-CN/page.md",
			text: sxs("a-1", "Select the check box to turn on the policy.", "Select the check box to turn on the policy for your users.") + "\n",
			want: []string{"the target has no Chinese text"}},
		{name: "Chinese target with product name",
			path: "zh-CN/page.md",
			text: sxs("0da3e-126", "由世纪互联运营的 Office 365", "Office 365 Operated by 21Vianet") + "\n"},
		{name: "Chinese target that is only punctuation is a segmentation artifact",
			path: "zh-CN/page.md",
			text: sxs("a-1", "）", "(You can also edit or remove IP addresses after they have been added.)") + "\n"},
		{name: "PowerShell line kept in a script",
			path: "de-DE/page.md",
			text: sxs("a-1", "Set-RetentionComplianceTag -Identity $tag -EventType $eventType", "Set-RetentionComplianceTag -Identity $tag -EventType $eventType") + "\n"},
		{name: "keyword list kept for matching",
			path: "zh-CN/page.md",
			text: sxs("a-1", "customer number, customer no, customer #, customer#, Contoso customer", "customer number, customer no, customer #, customer#, Contoso customer") + "\n"},
		{name: "French target still English but not identical",
			text: sxs("a-1", "Microsoft makes no warranties, express or implied, with respect to the information here.", "Microsoft makes no warranties, express or implied, with respect to the information provided here.") + "\n",
			want: []string{"the target is still in English"}},
		{name: "code and URLs are not prose",
			text: sxs("a-1", "`Get-Mailbox -Identity user@contoso.com | Format-List`", "`Get-Mailbox -Identity user@contoso.com | Format-List`") + "\n"},
		{name: "do-not-translate terms from options",
			opts: map[string]any{"terms": []string{"Send an email to the administrator of the tenant"}},
			text: sxs("a-1", "Send an email to the administrator of the tenant", "Send an email to the administrator of the tenant") + "\n"},
		{name: "source-locale pages are skipped",
			path: "en-US/page.md",
			text: sxs("a-1", "We recommend importing files that use the Unicode PST file format.", "We recommend importing files that use the Unicode PST file format.") + "\n"},
	})
}

// TestUntranslatedLatinLocales: English left in a Latin-script target is
// found in the languages with function word lists, even when it holds a
// word the language shares with English (German and Dutch "in", Portuguese
// "a" and "no"), and a translation is not reported.
func TestUntranslatedLatinLocales(t *testing.T) {
	en := "You can use the admin center to manage the settings in your tenant."
	var cases []ruleCase
	for loc, tr := range map[string]string{
		"de-DE": "Sie können das Admin Center verwenden, um die Einstellungen in Ihrem Mandanten zu verwalten.",
		"nl-NL": "U kunt het beheercentrum gebruiken om de instellingen in uw tenant te beheren.",
		"pt-BR": "Você pode usar o centro de administração para gerenciar as configurações no seu locatário.",
		"sv-SE": "Du kan använda administrationscentret för att hantera inställningarna i din klientorganisation.",
		"pl-PL": "Możesz użyć centrum administracyjnego, aby zarządzać ustawieniami w swojej dzierżawie.",
	} {
		cases = append(cases,
			// English, but not the source's words: a machine translation that
			// rephrased in English.
			ruleCase{name: loc + " English", path: loc + "/page.md", text: sxs("a-1", "You can use this admin center to manage all of the settings in your tenant.", en) + "\n",
				want: []string{"the target is still in English"}},
			ruleCase{name: loc + " translated", path: loc + "/page.md", text: sxs("a-1", tr, en) + "\n"})
	}
	runCases(t, "untranslated", cases)
}

// TestUntranslatedScriptName: the message names the script the target
// lacks.
func TestUntranslatedScriptName(t *testing.T) {
	runCases(t, "untranslated", []ruleCase{
		{name: "Arabic", path: "ar-SA/page.md",
			text: sxs("a-1", "You can use this admin center to manage your tenant settings.", "You can use the admin center to manage your tenant settings.") + "\n",
			want: []string{"the target has no Arabic text"}},
		{name: "Cyrillic", path: "uk-UA/page.md",
			text: sxs("a-1", "You can use this admin center to manage your tenant settings.", "You can use the admin center to manage your tenant settings.") + "\n",
			want: []string{"the target has no Cyrillic text"}},
	})
}

func TestUntranslatedCodeLists(t *testing.T) {
	runCases(t, "untranslated", []ruleCase{
		{name: "country codes are not prose",
			// fr-FR/what-the-sensitive-information-types-look-for.md line 3612
			text: sxs("a-1", "ad, ae, al, at, az, ba, be, bg, bh, ch, cr, cy, cz, de, dk, do, ee, es", "ad, ae, al, at, az, ba, be, bg, bh, ch, cr, cy, cz, de, dk, do, ee, es") + "\n"},
		{name: "short heading is prose",
			text: "## " + sxs("a-1", "Place a mailbox on Litigation Hold", "Place a mailbox on Litigation Hold") + "\n",
			want: []string{"identical to the source"}},
		{name: "an entry of a keyword list stays as written",
			// de-DE/what-the-sensitive-information-types-look-for.md line 477
			path: "de-DE/page.md",
			text: "#### " + sxs("a-0", "Keyword_australia_passport_number", "Keyword_australia_passport_number") + "\n\n- " +
				sxs("a-1", "department of immigration and citizenship", "department of immigration and citizenship") + "\n"},
		{name: "a keyword list's entry in a paragraph, as keyword-list's fix leaves it",
			// de-DE/eu-national-identification-number.md line 426
			path: "de-DE/page.md",
			text: "#### " + sxs("a-0", "Keywords_ireland_eu_national_id_card", "Keywords_ireland_eu_national_id_card") + "\n\n" +
				sxs("a-1", "revenue and social insurance number", "revenue and social insurance number") + "\n"},
		{name: "a lower-case list item elsewhere is prose",
			// fr-FR/office-365-threat-investigation-and-response.md: a list of clauses
			path: "de-DE/page.md",
			text: "## " + sxs("a-0", "Overview", "Overview") + "\n\n- " +
				sxs("a-1", "taking action on malicious email messages", "taking action on malicious email messages") + "\n",
			want: []string{"identical to the source"}},
		{name: "a lower-case sentence under a keyword heading is prose",
			path: "de-DE/page.md",
			text: "#### " + sxs("a-0", "Keyword_swift", "Keyword_swift") + "\n\n- " +
				sxs("a-1", "the keyword is matched in the whole document.”", "the keyword is matched in the whole document.”") + "\n",
			want: []string{"identical to the source"}},
	})
}

func TestLinkMismatchLocalizeURLs(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "kept en-us with the option, with a fix",
			opts: map[string]any{"localize-urls": true},
			text: sxs("a-1", "Voir [la page](https://support.office.com/en-us/article/x).", "See [the page](https://support.office.com/en-us/article/x).") + "\n",
			want: []string{"URL keeps the source locale /en-us/: use the page's locale /fr-fr/"}, at: []string{"en-us"}},
		{name: "off by default",
			text: sxs("a-1", "Voir [la page](https://support.office.com/en-us/article/x).", "See [the page](https://support.office.com/en-us/article/x).") + "\n"},
		{name: "a URL in the query string or the fragment is not the link's path",
			opts: map[string]any{"localize-urls": true},
			text: sxs("a-1", "Voir [la page](https://login.contoso.com/en-us/signin?redirect_uri=https://docs.microsoft.com/en-us/x#/en-us/page).",
				"See [the page](https://login.contoso.com/en-us/signin?redirect_uri=https://docs.microsoft.com/en-us/x#/en-us/page).") + "\n",
			want: []string{"/en-us/"}, at: []string{"en-us"},
			fixed: sxs("a-1", "Voir [la page](https://login.contoso.com/fr-fr/signin?redirect_uri=https://docs.microsoft.com/en-us/x#/en-us/page).",
				"See [the page](https://login.contoso.com/en-us/signin?redirect_uri=https://docs.microsoft.com/en-us/x#/en-us/page).") + "\n"},
		{name: "only in the query string or the fragment",
			opts: map[string]any{"localize-urls": true},
			text: sxs("a-1", "Voir [la page](https://login.contoso.com/signin?redirect_uri=https://docs.microsoft.com/en-us/x) et [l’app](https://app.contoso.com/#/en-us/page).",
				"See [the page](https://login.contoso.com/signin?redirect_uri=https://docs.microsoft.com/en-us/x) and [the app](https://app.contoso.com/#/en-us/page).") + "\n"},
	})
	fs := checkRule(t, "link-mismatch", "fr-FR/page.md", sxs("a-1", "Voir [la page](https://support.office.com/en-US/article/x).", "See [the page](https://support.office.com/en-US/article/x).")+"\n",
		map[string]any{"localize-urls": true})
	if len(fs) != 1 || len(fs[0].Fixes) != 1 || fs[0].Fixes[0].New != "FR-FR" && fs[0].Fixes[0].New != "fr-FR" {
		t.Fatalf("fix: %+v", fs)
	}
}

// TestBrokenMarkupLength: torn link markup is subtracted once, never
// more than the text has.
func TestBrokenMarkupLength(t *testing.T) {
	for _, c := range []struct {
		plain string
		want  int
	}{
		{"单击](media/x.gif)添加 ![新图标", 14 + 2},
		{"Voir](![![![![![![)", 15}, // at most the text
		{"a ](not a link) b", 0},
		{"no markup", 0},
	} {
		if got := rules.BrokenMarkupForTest(c.plain); got != c.want {
			t.Errorf("%q: %d, want %d", c.plain, got, c.want)
		}
	}
}

// TestUntranslatedLinkText: the text of a link to a page of the set left
// in English inside a translated sentence, from the corpus, and the link
// texts that may stay.
func TestUntranslatedLinkText(t *testing.T) {
	runCases(t, "untranslated", []ruleCase{
		{name: "a page's title left in English",
			// fr-FR/content-search.md line 117
			text: sxs("a-1", "Pour plus d’informations, consultez la rubrique [Limits for Content Search](limits-for-content-search.md).",
				"For more information, see [Limits for Content Search](limits-for-content-search.md).") + "\n",
			want: []string{`link text left in English: "Limits for Content Search", where the rest of the target is translated`},
			at:   []string{"Limits for Content Search"}},
		{name: "in Chinese",
			path: "zh-CN/page.md",
			text: sxs("a-1", "请参阅[Configure the connection filter policy](../configure.md)。", "See [Configure the connection filter policy](../configure.md).") + "\n",
			want: []string{`"Configure the connection filter policy"`}},
		{name: "a link to another site may keep its page's English title",
			text: sxs("a-1", "Consultez [Limits for Content Search](https://example.com/limits).", "See [Limits for Content Search](https://example.com/limits).") + "\n"},
		{name: "a reference link to another site, a protocol-relative link, product names",
			text: sxs("a-1", "Voir [Limits for Content Search][1], [Limits for Content Search](//blogs.example/limits), [Skype for Business Online](sfb.md) et [OneDrive for Business sync client](odb.md).",
				"See [Limits for Content Search][1], [Limits for Content Search](//blogs.example/limits), [Skype for Business Online](sfb.md) and [OneDrive for Business sync client](odb.md).") +
				"\n\n[1]: https://techcommunity.example/limits\n"},
		{name: "a link to a heading of the page, the heading translated",
			// fr-FR/ediscovery-cases.md line 73
			text: "## " + sxs("h-1", "Plus d’informations", "More information") + "\n\n" +
				sxs("a-1", "Voir [More information](#more-information) et [Plus d’informations](#more-information).", "See [More information](#more-information) and [More information](#more-information).") + "\n",
			want: []string{`link text left in English: "More information", where the heading it links reads "Plus d’informations"`}},
		{name: "a link to a heading whose target is empty",
			text: "## " + sxs("h-1", "", "More information") + "\n\n" +
				sxs("a-1", "Voir [More information](#more-information).", "See [More information](#more-information).") + "\n"},
		{name: "a link to a heading left in English too",
			text: "## " + sxs("h-1", "More information", "More information") + "\n\n" +
				sxs("a-1", "Voir [More information](#more-information).", "See [More information](#more-information).") + "\n"},
		{name: "a reference link to a page of the set",
			text: sxs("a-1", "Voir [Limits for Content Search][lim].", "See [Limits for Content Search][lim].") + "\n\n[lim]: limits.md\n",
			want: []string{`"Limits for Content Search"`}},
		{name: "a name, a short label and a translated text",
			text: sxs("a-1", "Voir [Office 365 Advanced Threat Protection](atp.md), [Content Search](cs.md) et [Limites de la recherche](l.md).",
				"See [Office 365 Advanced Threat Protection](atp.md), [Content Search](cs.md) and [Limits for Content Search](l.md).") + "\n"},
		{name: "the whole segment left in English is one finding",
			text: sxs("a-1", "For more information, see [Limits for Content Search](limits.md).", "For more information, see [Limits for Content Search](limits.md).") + "\n",
			want: []string{"the target is identical to the source"}},
	})
}

// TestMarkupMismatchBoldAcrossParentheses: bold the translation ends or
// starts inside a parenthesis, from the corpus, and bold that holds whole
// parentheses, or that the source also opens inside one.
func TestMarkupMismatchBoldAcrossParentheses(t *testing.T) {
	runCases(t, "markup-mismatch", []ruleCase{
		{name: "ends inside",
			// fr-FR/set-up-an-archive-and-deletion-policy-for-mailboxes.md line 122
			text: sxs("a-1", "**Name (nom**) Tapez un nom.", "**Name** Type a name.") + "\n",
			want: []string{`bold crosses a parenthesis: "**Name (nom**" (the source's bold holds whole parentheses)`}, at: []string{"**Name (nom**"}},
		{name: "starts inside, in Chinese",
			// zh-CN/create-a-dlp-policy-from-a-template.md line 67
			path: "zh-CN/page.md",
			text: sxs("a-1", "选择 **隐私** \\> (**美国) 个人身份信息 (PII) 数据**。", "Select **Privacy** \\> **U.S. Personally Identifiable Information (PII) Data**.") + "\n",
			want: []string{`"**美国) 个人身份信息 (PII) 数据**"`}},
		{name: "asterisks in code are no bold",
			text: sxs("a-1", "Utilisez `**` (correspondance **récursive** à toute profondeur).", "Use `**` for a **recursive** match (any depth).") + "\n"},
		{name: "whole parentheses in bold, and outside it",
			text: sxs("a-1", "**Délai (en jours)** (obligatoire)", "**Interval (in days)** (required)") + "\n"},
		{name: "the source's bold crosses one too",
			text: sxs("a-1", "**Nom (nom**)", "**Name (name**)") + "\n"},
	})
}
