package rules_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNavigationPath: paths of bold labels the translation broke apart,
// from the corpus, and the paths it kept or wrote in words.
func TestNavigationPath(t *testing.T) {
	runCases(t, "navigation-path", []ruleCase{
		{name: "labels moved away from the separator",
			// fr-FR/use-network-upload-to-import-pst-files.md line 94
			text: sxs("a-1", "Cliquez sur **importation**de la **gouvernance** \\> de données.", "Click **Data governance** \\> **Import**.") + "\n",
			want: []string{`navigation path broken: this ">" stands between no two bold labels; in the source it joins "**Data governance** > **Import**"`},
			at:   []string{`\>`}},
		{name: "a stray hyphen after the separator",
			// de-DE/create-organization-wide-safe-sender-or-blocked-sender-lists-in-office-365.md line 35
			path: "de-DE/page.md",
			text: sxs("a-1", "Wechseln Sie zu **Schutz** \\> - **Spam Filter**.", "Go to **Protection** \\> **Spam filter**.") + "\n",
			want: []string{`"**Protection** > **Spam filter**"`}},
		{name: "bold lost as asterisks, one of two separators",
			text: sxs("a-1", "Accédez à **rapports** \\> \\*\\*\\*\\* \\> **Top**.", "Go to **Reports** \\> **Dashboard** \\> **Top**.") + "\n",
			want: []string{`"**Reports** > **Dashboard** > **Top**"`, `"**Reports** > **Dashboard** > **Top**"`},
			at:   []string{`\>`, `\>`}, before: []string{"**rapports** ", `\*\*\*\* `}},
		{name: "as many reported as the target lacks",
			text: sxs("a-1", "Accédez à **rapports** \\> **tableau** \\> de **Top**.", "Go to **Reports** \\> **Dashboard** \\> **Top**.") + "\n",
			want: []string{`"**Reports** > **Dashboard** > **Top**"`}, before: []string{"**tableau** "}},
		{name: "a path kept, with quotation marks around the labels",
			path: "zh-CN/page.md",
			text: sxs("a-1", "依次转到“**分类**”\\>“**敏感信息类型**”。", "Go to **Classifications** \\> **Sensitive info types**.") + "\n"},
		{name: "a path kept with a plain > or an entity",
			text: sxs("a-1", "Accédez à **Rapports** > **Tableau de bord** &gt; **Top**.", "Go to **Reports** \\> **Dashboard** \\> **Top**.") + "\n"},
		{name: "a path written in words",
			text: sxs("a-1", "Sous **Rapports**, choisissez **Tableau de bord**.", "Go to **Reports** \\> **Dashboard**.") + "\n"},
		{name: "separators in code are no path",
			text: sxs("a-1", "Exécutez `a \\> b` puis **Rapports** \\> **Tableau**.", "Run `a \\> b` then **Reports** \\> **Dashboard**.") + "\n"},
		{name: "a separator in the target's code is no separator of its path",
			text: sxs("a-1", "Exécutez `a \\> b` puis choisissez **Rapports**, **Tableau**.", "Run `ab` then choose **Reports** \\> **Dashboard**.") + "\n"},
		{name: "fewer separators than the source: the path partly written in words",
			text: sxs("a-1", "Accédez à **rapports**, puis tableau \\> **Top**.", "Go to **Reports** \\> **Dashboard** \\> **Top**.") + "\n"},
		{name: "no more reported than the target lacks",
			text: sxs("a-1", "Choisissez **Nouveau** ![icône](i.gif) \\> créer, puis **A** \\> de **B**.", "Choose **New** ![icon](i.gif) \\> **Create**, then **A** \\> **B**.") + "\n",
			want: []string{`"**A** > **B**"`}, before: []string{"**A** "}},
		{name: "more separators than the source: the first that join nothing, as many as lacking",
			text: sxs("a-1", "Choisissez **A** \\> de **B** \\> ensuite.", "Choose **A** \\> **B**.") + "\n",
			want: []string{`"**A** > **B**"`}, before: []string{"**A** "}},
		{name: "the separator that stands for the source's path, not one the source has outside it",
			// de-DE, a "Center >" before the path
			path: "de-DE/page.md",
			text: sxs("a-1", "Im Center > **Datenkontrolle** > \\*\\* Bezeichnungen\\*\\*.", "In the Center > **Data governance** > **Labels**.") + "\n",
			want: []string{`in the source it joins "**Data governance** > **Labels**"`}, before: []string{"**Datenkontrolle** "}},
		{name: "two paths in another order: both named",
			text: sxs("a-1", "Ouvrez **C** \\> de **D**, puis **A** \\> **B**.", "Open **A** \\> **B**, then **C** \\> **D**.") + "\n",
			want: []string{`the source's paths are "**A** > **B**", "**C** > **D**"`}},
		{name: "a line break, bold italics, underscores, a path bolded whole",
			path: "de-DE/page.md",
			text: sxs("a-1", "**Schutz**\r\n\\> **Spamfilter**, ***Einstellungen*** \\> ***Datenschutz***, __A__ \\> __B__, **Paramètres \\> Confidentialité**",
				"**Protection** \\> **Spam filter**, ***Settings*** \\> ***Privacy***, __A__ \\> __B__, **Settings** \\> **Privacy**") + "\n"},
		{name: "a path bolded whole in the source, kept so in the target, then broken",
			// fr-FR/set-analyze-options-in-advanced-ediscovery.md line 32
			text: sxs("a-1", "Ouvrez **Prepare prepare \\> prepare** \\*\\*\\*\\* \\> Setup.", "Open **Prepare \\> Analyze** \\> **Setup**.") + "\n",
			want: []string{`in the source it joins "**Prepare > Analyze** > **Setup**"`}, before: []string{`\*\*\*\* `}},
		{name: "a placeholder's bracket and an arrow are no separators",
			// zh-CN/deploy-an-isolated-sharepoint-online-team-site.md line 216
			path: "zh-CN/page.md",
			text: sxs("a-1", "Site name> Owners 组。 \\*\\* \\<\\*\\*, 单击 \"\\*\\*添加\\> \\*\\* \"",
				"The **\\<site name> Owners** group, click **add-\\>**") + "\n"},
		{name: "a path bolded whole in the source, its labels quoted in the target",
			// zh-CN/protect-sharepoint-online-files-with-azure-information-protection.md line 81
			path: "zh-CN/page.md",
			text: sxs("a-1", "单击“选择获取此策略的用户或组”>“用户/组”。", "Click **Select which users or groups get this policy > User/Groups**.") + "\n"},
		{name: "separators inside one bold span of the source",
			// de-DE/set-ignore-text-in-advanced-ediscovery.md line 103 (a panic once)
			path: "de-DE/page.md",
			text: sxs("a-1", "Registerkarte analysiere **+** \\*\\* \\> \\> Analyseoptionen verwalten\\*\\* im Abschnitt",
				"In the **Manage \\> Analyze \\> Analyze options** tab, click the **+** icon") + "\n",
			want: []string{`in the source it joins "**Manage > Analyze > Analyze options**"`, `in the source it joins "**Manage > Analyze > Analyze options**"`}},
		{name: "quoted labels with the bold lost as asterisks: the path reads, the bold is markup-mismatch's",
			// zh-CN/create-a-custom-sensitive-information-type.md line 141
			path: "zh-CN/page.md",
			text: sxs("a-1", "依次转到“分类”\\*\\*\\*\\*\\>“敏感信息类型”\\*\\*\\*\\*。", "Go to **Classifications** \\> **Sensitive info types**.") + "\n"},
		{name: "a separator the source does not join to labels either",
			text: sxs("a-1", "Choisissez **Nouveau** ![icône](i.gif) \\> **Créer**.", "Choose **New** ![icon](i.gif) \\> **Create**.") + "\n"},
	})
}

// TestNavigationPathAnyMarkup: sources and targets made of bold markers,
// separators of every form, placeholders and words, at random: no panic
// (a path of separators inside one bold span once cut a text backwards).
func TestNavigationPathAnyMarkup(t *testing.T) {
	pieces := []string{"**", "***", "__", "\\>", ">", "&gt;", "＞", "\\<", "<", "-", "a", "b c", " ", "“", "”", "\\*", "`", "\r\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	text := func() string {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 20000 {
		checkRule(t, "navigation-path", "fr-FR/page.md", sxs("a-1", text(), text())+"\n", nil)
	}
}
