package rules_test

import (
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// TestCmdletMismatch: fragments of the corpus, firing and not.
func TestCmdletMismatch(t *testing.T) {
	runCases(t, "cmdlet-mismatch", []ruleCase{
		{name: "the verb dropped",
			// de-DE/manage-office-365-message-encryption.md
			path: "de-DE/page.md",
			text: sxs("a-1", `Führen Sie das Cmdlet "IRMConfiguration" mit der folgenden Syntax aus:`, "Run the Set-IRMConfiguration cmdlet using the following syntax:") + "\n",
			want: []string{"cmdlet Set-IRMConfiguration lost its verb: the target has IRMConfiguration"},
			at:   []string{"IRMConfiguration"}},
		{name: "the verb translated",
			path: "de-DE/page.md",
			text: sxs("a-1", "Gruppe-SupervisoryReviewRule", "Set-SupervisoryReviewRule") + "\n",
			want: []string{"cmdlet Set-SupervisoryReviewRule changed: the target has Gruppe-SupervisoryReviewRule"},
			at:   []string{"Gruppe-SupervisoryReviewRule"}},
		{name: "another cmdlet's verb, once more than the source has it",
			// zh-CN/keyword-queries-and-search-conditions.md line 45
			path: "zh-CN/page.md",
			text: sxs("a-1", "通过使用**new-compliancesearch**或**new-compliancesearch** cmdlet 搜索的电子邮件属性。", "by using the **New-ComplianceSearch** or the **Set-ComplianceSearch** cmdlet.") + "\n",
			// (New's own form, re-cased, is a warning of its own.)
			want: []string{"cmdlet Set-ComplianceSearch changed: the target has new-compliancesearch", "cmdlet New-ComplianceSearch written new-compliancesearch"}},
		{name: "a verb glued on; the source's other cmdlet is no replacement",
			// de-DE/search-for-ediscovery-activities-in-the-audit-log.md line 139
			path: "de-DE/page.md",
			text: sxs("a-1", "Wenn Sie mithilfe des Cmdlets **New-ComplianceSearch** oder setComplianceSearch eine Suche erstellen", "If you create or change a search by using the **New-ComplianceSearch** or **Set-ComplianceSearch** cmdlet") + "\n",
			want: []string{"cmdlet Set-ComplianceSearch changed: the target has setComplianceSearch"}, at: []string{"setComplianceSearch"}},
		{name: "the whole name translated",
			path: "zh-CN/page.md",
			text: sxs("a-1", "请注意, 当您运行**搜索邮箱**cmdlet 时, 项目也会随之删除。", "Note that items will also be deleted when you run the **Search-Mailbox** cmdlet.") + "\n",
			want: []string{"cmdlet Search-Mailbox missing from the target"}},
		{name: "the link destination keeps the name, the link text does not",
			// zh-CN/auditing-troubleshooting-scenarios.md line 126
			path: "zh-CN/page.md",
			text: sxs("a-1", `请参阅 "[设置邮箱" 一](https://docs.microsoft.com/powershell/module/exchange/mailboxes/set-mailbox)文。`, "See the [Set-Mailbox](https://docs.microsoft.com/powershell/module/exchange/mailboxes/set-mailbox) article.") + "\n",
			want: []string{"cmdlet Set-Mailbox missing from the target"}},
		{name: "a parameter glued to the cmdlet",
			text: sxs("a-1", "Une boîte aux lettres est supprimée à l'aide de **Remove-Mailbox-PermanentlyDelete**.", "A soft-deleted mailbox is deleted using **Remove-Mailbox -PermanentlyDelete**.") + "\n",
			want: []string{`parameter -PermanentlyDelete glued to the cmdlet Remove-Mailbox: the source has "Remove-Mailbox -PermanentlyDelete", the target "Remove-Mailbox-PermanentlyDelete"`},
			at:   []string{"Remove-Mailbox-PermanentlyDelete"}},
		{name: "case does not matter to PowerShell: re-cased names are only written otherwise",
			path: "zh-CN/page.md",
			text: sxs("a-1", "您还可以使用**new-activityalert**和**set-activityalert** cmdlet 来创建和编辑活动通知。", "You can also use the **New-ActivityAlert** and **Set-ActivityAlert** cmdlets to create and edit activity alerts.") + "\n",
			want: []string{"cmdlet New-ActivityAlert written new-activityalert", "cmdlet Set-ActivityAlert written set-activityalert"}},
		{name: "a German compound",
			path: "de-DE/page.md",
			text: sxs("a-1", "Get-UrlTrace-Cmdlet-Referenz", "Get-UrlTrace cmdlet reference") + "\n"},
		{name: "English compounds are no cmdlets",
			text: sxs("a-1", "Installez le complément et les compléments, en lecture seule.", "Install the Add-In and the Add-Ins, Read-Only.") + "\n"},
		{name: "code spans are code-mismatch's",
			text: sxs("a-1", "Exécutez `Obtenir-Mailbox`.", "Run `Get-Mailbox`.") + "\n"},
		{name: "a cmdlet the target gives as code",
			text: sxs("a-1", "Exécutez la cmdlet `Get-Mailbox`.", "Run the Get-Mailbox cmdlet.") + "\n"},
		{name: "a lower-case verb is no cmdlet",
			text: sxs("a-1", "Le réglage par défaut.", "The set-Default value.") + "\n"},
		{name: "a page in the source language",
			path: "en-US/page.md",
			text: sxs("a-1", "Run the IRMConfiguration cmdlet.", "Run the Set-IRMConfiguration cmdlet.") + "\n"},
	})
}

// TestCmdletMismatchReview: cases a review found: a cmdlet name next to
// non-ASCII punctuation or text, on either side.
func TestCmdletMismatchReview(t *testing.T) {
	runCases(t, "cmdlet-mismatch", []ruleCase{
		{name: "before a full-width full stop", path: "zh-CN/page.md",
			text: sxs("a-1", "运行 Get-AcceptedDomain。", "Run Get-AcceptedDomain.") + "\n"},
		{name: "inside guillemets with no-break spaces",
			text: sxs("a-1", "Exécutez «\u00a0New-ComplianceSecurityFilter\u00a0» ou Get-Mailbox’s.", "Run “New-ComplianceSecurityFilter” or Get-Mailbox’s.") + "\n"},
		{name: "Chinese text glued before the name", path: "zh-CN/page.md",
			text: sxs("a-1", "运行Get-Mailbox 命令", "Run the Get-Mailbox cmdlet.") + "\n"},
		{name: "a name between typographic quotes in the source",
			text: sxs("a-1", "Exécutez « Obtenir-BoîteAuxLettres ».", "Run “Get-Mailbox”.") + "\n",
			want: []string{"cmdlet Get-Mailbox missing from the target"}},
		{name: "a parameter on the next line, glued in the target",
			text: sxs("a-1", "Exécutez Search-Mailbox-DeleteContent.", "Run Search-Mailbox\n-DeleteContent.") + "\n",
			want: []string{"parameter -DeleteContent glued to the cmdlet Search-Mailbox"}},
		{name: "English compounds",
			text: sxs("a-1", "Un accès en lecture-écriture, piloté par les tests.", "Read-Write access, Test-Driven.") + "\n"},
	})
}

// TestCmdletMismatchOneReplacementEach: two cmdlets of one noun that both
// lost their verb point at their own places.
func TestCmdletMismatchOneReplacementEach(t *testing.T) {
	runCases(t, "cmdlet-mismatch", []ruleCase{
		{name: "two verbs lost", path: "zh-CN/page.md",
			text: sxs("a-1", "使用新 ComplianceCase 创建，使用集 ComplianceCase 编辑。", "Use New-ComplianceCase to create, Set-ComplianceCase to edit.") + "\n",
			want: []string{"cmdlet New-ComplianceCase changed: the target has 新 ComplianceCase (its verb translated)", "cmdlet Set-ComplianceCase lost its verb"},
			at:   []string{"新 ComplianceCase", "ComplianceCase"}},
	})
	fs := checkRule(t, "cmdlet-mismatch", "zh-CN/page.md", sxs("a-1", "使用新 ComplianceCase 创建，使用集 ComplianceCase 编辑。", "Use New-ComplianceCase to create, Set-ComplianceCase to edit.")+"\n", nil)
	if len(fs) == 2 && fs[0].Range == fs[1].Range {
		t.Errorf("both findings at %v", fs[0].Range)
	}
}

// TestCmdletMismatchPlaces: the target's forms of a noun stand for the
// source's names in order, a name's own form first, then a form under a
// verb before the noun alone (cases a review found).
func TestCmdletMismatchPlaces(t *testing.T) {
	runCases(t, "cmdlet-mismatch", []ruleCase{
		{name: "the missing name first", path: "zh-CN/page.md",
			text:   sxs("a-1", "通过使用**new-compliancesearch**或**new-compliancesearch** cmdlet 搜索。", "by using the **Set-ComplianceSearch** or the **New-ComplianceSearch** cmdlet.") + "\n",
			want:   []string{"cmdlet Set-ComplianceSearch changed: the target has new-compliancesearch", "cmdlet New-ComplianceSearch written new-compliancesearch"},
			before: []string{"通过使用**", "或**"}},
		{name: "one name dropped, the next translated", path: "zh-CN/page.md",
			text: sxs("a-1", "创建搜索，Set-ComplianceSearch 编辑，删除-ComplianceSearch 删除。", "New-ComplianceSearch creates, Set-ComplianceSearch edits, Remove-ComplianceSearch deletes.") + "\n",
			want: []string{"cmdlet New-ComplianceSearch missing from the target", "cmdlet Remove-ComplianceSearch changed: the target has 删除-ComplianceSearch"}},
		{name: "a name repeated, translated the second time", path: "zh-CN/page.md",
			text: sxs("a-1", "运行 Set-X，再运行 设置-X，然后运行 新建-X。", "Run Set-X, then Set-X again, then New-X.") + "\n",
			want: []string{"cmdlet Set-X changed: the target has 设置-X", "cmdlet New-X changed: the target has 新建-X"}},
		{name: "a translated verb before the noun of a compound", path: "de-DE/page.md",
			text: sxs("a-1", "Das ComplianceSearch-Objekt wird mit festlegen-ComplianceSearch geändert.", "The search object is changed with Set-ComplianceSearch.") + "\n",
			want: []string{"cmdlet Set-ComplianceSearch changed: the target has festlegen-ComplianceSearch"}},
	})
	fs := checkRule(t, "cmdlet-mismatch", "zh-CN/page.md", sxs("a-1", "通过使用**new-compliancesearch**或**new-compliancesearch** cmdlet 搜索。", "by using the **Set-ComplianceSearch** or the **New-ComplianceSearch** cmdlet.")+"\n", nil)
	if len(fs) != 2 || fs[0].Range.Start != len(`<span data-ttu-id="a-1">`)+strings.Index(fs[0].Target, "new-") || fs[0].Severity != rules.Error {
		t.Errorf("findings %+v: want the changed name first, at the first new-compliancesearch, then the re-cased one", fs)
	}
}

// TestCmdletMismatchReorderedAndRepeated: names a translation reorders are
// there; a parameter glued at two places is two findings; past the
// alignment's table, a name's own forms still count (cases a review found).
func TestCmdletMismatchReorderedAndRepeated(t *testing.T) {
	many := strings.Repeat("Set-Mailbox, ", 1100)
	runCases(t, "cmdlet-mismatch", []ruleCase{
		{name: "two names swapped", path: "zh-CN/page.md",
			text: sxs("a-1", "先运行 Set-Mailbox，再运行 New-Mailbox。", "Run New-Mailbox, then Set-Mailbox.") + "\n"},
		{name: "a found name's surplus form stands at the other name's place", path: "zh-CN/page.md",
			// zh-CN/configure-s-mime-settings-for-outlook-web-app.md line 25: the
			// first form is Get's, the second stands where Set- was
			text: sxs("a-1", "使用**get-smimeconfig**和**Get-smimeconfig** Cmdlet 查看此功能。", "Use the **Get-SmimeConfig** and **Set-SmimeConfig** cmdlets to view this feature.") + "\n",
			// (Get's own form is re-cased: a warning of its own.)
			want: []string{"cmdlet Set-SmimeConfig changed: the target has Get-smimeconfig", "cmdlet Get-SmimeConfig written get-smimeconfig"},
			at:   []string{"Get-smimeconfig", "get-smimeconfig"}},
		{name: "another verb before a verb: the word quoted whole", path: "zh-CN/page.md",
			// zh-CN/limits-for-content-search.md line 40
			text: sxs("a-1", "使用**New-compliancesearch \\| start-new-compliancesearch**命令启动搜索。", "Start searches by using the **Get-ComplianceSearch \\| Start-ComplianceSearch** command.") + "\n",
			want: []string{"cmdlet Get-ComplianceSearch changed: the target has New-compliancesearch",
				"cmdlet Start-ComplianceSearch changed: the target has start-new-compliancesearch"},
			at: []string{"New-compliancesearch", "start-new-compliancesearch"}},
		{name: "the verb translated beside the noun",
			// zh-CN/configure-supervision-policies.md line 250
			path: "zh-CN/page.md",
			text: sxs("a-1", "使用 新 SupervisoryReviewPolicyV2 cmdlet。", "Use the New-SupervisoryReviewPolicyV2 cmdlet.") + "\n",
			want: []string{"cmdlet New-SupervisoryReviewPolicyV2 changed: the target has 新 SupervisoryReviewPolicyV2 (its verb translated)"},
			at:   []string{"新 SupervisoryReviewPolicyV2"}},
		{name: "the verb translated beside the noun, in Japanese",
			path: "ja-JP/page.md",
			text: sxs("a-1", "設定 Mailbox コマンドレットを実行します。", "Run the Set-Mailbox cmdlet.") + "\n",
			want: []string{"cmdlet Set-Mailbox changed: the target has 設定 Mailbox (its verb translated)"}},
		{name: "another word beside the noun: the verb is lost",
			path: "zh-CN/page.md",
			text: sxs("a-1", "请运行 AzureRmKeyVault。", "Run Get-AzureRmKeyVault.") + "\n",
			want: []string{"cmdlet Get-AzureRmKeyVault lost its verb: the target has AzureRmKeyVault"}},
		{name: "another verb before a verb, alone",
			path: "de-DE/page.md",
			text: sxs("a-1", "Führen Sie start-new-compliancesearch aus.", "Run Start-ComplianceSearch.") + "\n",
			want: []string{"cmdlet Start-ComplianceSearch changed: the target has start-new-compliancesearch"}, at: []string{"start-new-compliancesearch"}},
		{name: "one found elsewhere, one lost its verb", path: "zh-CN/page.md",
			text: sxs("a-1", "Set-Mailbox 和 Mailbox", "Get-Mailbox and Set-Mailbox") + "\n",
			want: []string{"cmdlet Get-Mailbox lost its verb: the target has Mailbox"}},
		{name: "a parameter glued at two places",
			text: sxs("a-1", "Set-Mailbox-Identity, puis Set-Mailbox-Identity", "Set-Mailbox -Identity, then Set-Mailbox -Identity") + "\n",
			want: []string{"parameter -Identity glued", "parameter -Identity glued"}},
		{name: "a thousand places and one translated", path: "zh-CN/page.md",
			text: sxs("a-1", many+"新建-Mailbox", "New-Mailbox "+many) + "\n",
			want: []string{"cmdlet New-Mailbox changed: the target has 新建-Mailbox"}},
	})
}

// TestCmdletRecased: a cmdlet name the target writes in other case is a
// warning (the rule's severity is error), with a fix, as often as the
// target lacks the name as written.
func TestCmdletRecased(t *testing.T) {
	runCases(t, "cmdlet-mismatch", []ruleCase{
		{name: "lower-cased in bold",
			// zh-CN/put-an-in-place-hold-on-a-soft-deleted-mailbox.md line 48
			path: "zh-CN/page.md",
			text: sxs("a-1", "使用 **new-mailboxsearch** cmdlet。", "Use the **New-MailboxSearch** cmdlet.") + "\n",
			want: []string{"cmdlet New-MailboxSearch written new-mailboxsearch: PowerShell ignores case"}, at: []string{"new-mailboxsearch"},
			fixed: sxs("a-1", "使用 **New-MailboxSearch** cmdlet。", "Use the **New-MailboxSearch** cmdlet.") + "\n"},
		{name: "one of two places kept",
			text: sxs("a-1", "Exécutez Get-UnifiedGroup, puis Get-Unifiedgroup.", "Run Get-UnifiedGroup, then Get-UnifiedGroup.") + "\n",
			want: []string{"cmdlet Get-UnifiedGroup written Get-Unifiedgroup"}},
		{name: "a URL and a file name with the cmdlet's name in lower case, as the source has them",
			text: sxs("a-1", "Voir https://docs.example/exchange/get-mailbox et get-mailbox.md : Get-Mailbox.", "See Get-Mailbox (https://docs.example/exchange/get-mailbox) in get-mailbox.md.") + "\n"},
		{name: "a spelling the source has too",
			text: sxs("a-1", "Exécutez get-mailbox (aussi écrit get-mailbox).", "Run Get-Mailbox (also written get-mailbox).") + "\n"},
		{name: "kept as often as the source has it, a link destination and code",
			text: sxs("a-1", "Exécutez Get-UnifiedGroup ([doc](https://x.example/get-unifiedgroup)) et `get-unifiedgroup`.", "Run Get-UnifiedGroup ([doc](https://x.example/get-unifiedgroup)) and `get-unifiedgroup`.") + "\n"},
	})
	fs := checkRule(t, "cmdlet-mismatch", "zh-CN/page.md", sxs("a-1", "使用 new-mailboxsearch。", "Use New-MailboxSearch.")+"\n", nil)
	if len(fs) != 1 || fs[0].Severity != rules.Warning {
		t.Errorf("findings %+v, want one warning", fs)
	}
}
