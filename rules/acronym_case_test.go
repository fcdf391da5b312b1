package rules_test

import "testing"

// TestAcronymCase: the source's acronyms written in other case in the
// target, from the corpus, and the words that only look like them.
func TestAcronymCase(t *testing.T) {
	runCases(t, "acronym-case", []ruleCase{
		{name: "lower-cased next to Chinese",
			// zh-CN/controlling-your-data-using-customer-key.md line 154
			path: "zh-CN/page.md",
			text: sxs("a-1", "**正文**: 要为其完成强制保留期的订阅 id。", "**Body**: Subscription IDs for which you want to have the mandatory retention period finalized.") + "\n",
			want: []string{`acronym "ID" is written "id" in the target`}, at: []string{"id"},
			fixed: sxs("a-1", "**正文**: 要为其完成强制保留期的订阅 ID。", "**Body**: Subscription IDs for which you want to have the mandatory retention period finalized.") + "\n"},
		{name: "a plural keeps its s",
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "来自恶意 Url 和文件的保护。", "Protection from malicious URLs and files.") + "\n",
			want:  []string{`acronym "URL" is written "Url"`},
			fixed: sxs("a-1", "来自恶意 URL 和文件的保护。", "Protection from malicious URLs and files.") + "\n"},
		{name: "search operators in bold",
			// de-DE/compliance20/building-search-queries.md line 30
			path: "de-DE/page.md",
			text: sxs("a-1", "Sie können einen booleschen Operator verwenden, beispielsweise **and**, **or**, **Not**und **near**.",
				"You can use a Boolean operator, such as **AND**, **OR**, **NOT**, and **NEAR**.") + "\n",
			want: []string{`"AND" is written "and"`, `"OR" is written "or"`, `"NOT" is written "Not"`, `"NEAR" is written "near"`},
			at:   []string{"and", "or", "Not", "near"}},
		{name: "mixed case inside the word",
			path: "de-DE/page.md",
			text: sxs("a-1", "Kunden mit Exchange Online Protection (EoP).", "Customers with Exchange Online Protection (EOP).") + "\n",
			want: []string{`"EOP" is written "EoP"`}},
		{name: "in a compound",
			// de-DE/data-loss-prevention-policies.md line 209
			path: "de-DE/page.md",
			text: sxs("a-1", "mindestens ein ICD-9-cm-Schlüsselwort", "at least one ICD-9-CM keyword") + "\n",
			want: []string{`"CM" is written "cm"`}, at: []string{"cm"}},
		{name: "only as many as the source has and the target does not keep",
			// the source's ET is kept; the French et is a word
			text: sxs("a-1", "Les lettres ET et les chiffres.", "The letters ET and the digits.") + "\n"},
		{name: "the acronym kept, a word of the target with its letters",
			path: "de-DE/page.md",
			text: sxs("a-1", "Der Operator NOT hilft in der Not.", "The NOT operator helps in an emergency.") + "\n"},
		{name: "one kept, one lower-cased",
			path: "zh-CN/page.md",
			text: sxs("a-1", "**Atp 文件类型**报告显示通过[ATP 安全附件](atp.md)检测的文件。", "The **ATP File Types** report shows files detected by [ATP Safe Attachments](atp.md).") + "\n",
			want: []string{`"ATP" is written "Atp"`}, at: []string{"Atp"}},
		{name: "a function word of the target's language",
			text: sxs("a-1", "Choisissez une unité ou un groupe.", "Choose an OU or a group.") + "\n"},
		{name: "a run of capitals is shouted text or example data",
			text: sxs("a-1", "Le texte Dave Bob Alice, puis NE PAS supprimer.", "The text DAVE BOB ALICE, then DO NOT DELETE.") + "\n"},
		{name: "a file extension, a domain, a path, an address, code, a link destination",
			path: "zh-CN/page.md",
			text: sxs("a-1", "导入 .pst 文件到 contoso.pst 和 `pst` 以及 [链接](pst.md) admin@pst.com C:\\pst\\a。",
				"Import PST files to CONTOSO.PST and `PST` and [link](pst.md) admin@PST.com C:\\PST\\a.") + "\n"},
		{name: "a do-not-translate name's acronym is do-not-translate's",
			path: "zh-CN/page.md",
			text: sxs("a-1", "在 Azure ad 中。", "In Azure AD.") + "\n"},
		{name: "labels in capitals, standard mixed-case forms, text said to ignore case",
			text: sxs("a-1", "Important : le champ Cc, le préfixe Re: et le modèle IaaS.", "IMPORTANT: the CC field, the RE: prefix and the IAAS model.") + "\n"},
		{name: "a source that says case does not matter",
			// de-DE/eu-driver-s-license-number.md line 319
			path: "de-DE/page.md",
			text: sxs("a-1", "Die Buchstaben \"et\" (unterscheidet nicht zwischen Groß-/Kleinschreibung)", "The letters \"ET\" (not case-sensitive)") + "\n"},
		{name: "the option ignores an acronym",
			path: "zh-CN/page.md",
			opts: map[string]any{"ignore": []string{"id"}},
			text: sxs("a-1", "订阅 id。", "Subscription ID.") + "\n"},
		{name: "a page in the source language",
			path: "en-GB/page.md",
			text: sxs("a-1", "Subscription id.", "Subscription ID.") + "\n"},
		{name: "single capitals and words in capitals that the target keeps",
			path: "zh-CN/page.md",
			text: sxs("a-1", "选择 A 或 URL。", "Choose A or URL.") + "\n"},
	})
}
