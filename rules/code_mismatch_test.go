package rules_test

import "testing"

// TestCodeMismatchAssignments: literals written in prose, from the corpus.
func TestCodeMismatchAssignments(t *testing.T) {
	runCases(t, "code-mismatch", []ruleCase{
		{name: "spaced and re-cased, fixed",
			// fr-FR/use-dmarc-to-validate-email.md line 199
			text: sxs("a-1", "Si vous avez défini la stratégie sur p = Quarantine ou p = Reject, le message est routé.",
				"If you have set the policy to p=quarantine or p=reject, the message is routed.") + "\n",
			want: []string{`literal "p=quarantine" changed: the target has "p = Quarantine"`, `literal "p=reject" changed: the target has "p = Reject"`},
			at:   []string{"p = Quarantine", "p = Reject"},
			fixed: sxs("a-1", "Si vous avez défini la stratégie sur p=quarantine ou p=reject, le message est routé.",
				"If you have set the policy to p=quarantine or p=reject, the message is routed.") + "\n"},
		{name: "a value translated: pointed at, no fix",
			// zh-CN/find-copy-and-delete-pst-files-in-your-organization.md line 92
			path: "zh-CN/page.md",
			text: sxs("a-1", "不能指定内置计算机容器 (例如, CN = 计算机、DC=contoso, DC=com), 因为它不是组织单位。",
				"You can't specify the built-in Computers container (for example, CN=Computers, DC=contoso, DC=com) because it isn't an organizational unit.") + "\n",
			want: []string{`literal "CN=Computers" changed: the target has "CN = 计算机"`}, at: []string{"CN = 计算机"}},
		{name: "a literal whose name is translated too is missing",
			// zh-CN/compliance20/supported-filetypes-ediscovery20.md line 179
			path: "zh-CN/page.md",
			text: "| " + sxs("a-1", "application/vnd.wordperfect;版本 = 5。0", "application/vnd.wordperfect; version=5.0") + " |\n",
			want: []string{`literal "version=5.0" of the source missing from the target`}},
		{name: "the changed one pointed at, not a kept one",
			text: sxs("a-1", "(par exemple, CN=Computers, DC=contoso, DC = com) ; remplacez p=none par p=reject, car cette stratégie bloque.",
				"(for example, CN=Computers, DC=contoso, DC=com); change p=none to p=reject, because p=reject blocks.") + "\n",
			want: []string{`literal "DC=com" changed: the target has "DC = com"`}, at: []string{"DC = com"},
			fixed: sxs("a-1", "(par exemple, CN=Computers, DC=contoso, DC=com) ; remplacez p=none par p=reject, car cette stratégie bloque.",
				"(for example, CN=Computers, DC=contoso, DC=com); change p=none to p=reject, because p=reject blocks.") + "\n"},
		{name: "a sentence's mark is not the literal's; a decimal comma is the value's",
			text: sxs("a-1", "Veillez à définir p=reject ! Est-ce p=none ? Mettez timeout=1,5 dans le fichier.",
				"Make sure you set p=reject! Is it p=none? Set timeout=1.5 in the file.") + "\n",
			want: []string{`literal "timeout=1.5" changed: the target has "timeout=1,5"`}, at: []string{"timeout=1,5"}},
		{name: "a value in bold, a value broken after its dot",
			// fr-FR/use-dkim-to-validate-outbound-email.md line 280, supported-filetypes-ediscovery20.md line 181
			text: sxs("a-1", "Le domaine d =**contoso.com** ; le type application/vnd.wordperfect; version = 6. x.",
				"The domain d=**contoso.com**; the type application/vnd.wordperfect; version=6.x.") + "\n",
			want: []string{`literal "d=**contoso.com**" changed: the target has "d =**contoso.com**"`, `literal "version=6.x" changed: the target has "version = 6. x"`},
			fixed: sxs("a-1", "Le domaine d=**contoso.com** ; le type application/vnd.wordperfect; version=6.x.",
				"The domain d=**contoso.com**; the type application/vnd.wordperfect; version=6.x.") + "\n"},
		{name: "a second mention made a pronoun",
			text: sxs("a-1", "Définissez p=reject, ce qui bloque l’usurpation.", "Set p=reject: p=reject blocks spoofing.") + "\n"},
		{name: "kept, in a URL, in code, a syntax's template",
			text: sxs("a-1", "Définissez p=reject (voir [la page](https://x.example/?p=none&a=b)), `pct=100` et propriété = valeur.",
				"Set p=reject (see [the page](https://x.example/?p=none&a=b)), `pct=100` and property=value.") + "\n"},
	})
}
