package rules

import "testing"

func TestFollowedText(t *testing.T) {
	for _, tc := range []struct {
		name, target, old, new string
		want                   int
	}{
		{"a name the new text adds, an acronym it drops",
			"Sie können auch Exchange Online PowerShell verwenden.",
			"You can use the Exchange admin center (EAC) or Windows PowerShell.",
			"You can also use Exchange Online PowerShell.", followsNew},
		{"the old text's names kept", "可以使用 Exchange 管理中心 (EAC) 或 Windows PowerShell。",
			"You can use the Exchange admin center (EAC) or Windows PowerShell.",
			"You can also use Exchange Online PowerShell.", followsOld},
		{"a dropped Windows alone", "Verbinden Sie sich mit PowerShell.",
			"Connect by using Windows PowerShell.", "Connect by using PowerShell.", followsNew},
		{"Server is a common word too", "Standardaufbewahrungsrichtlinie in Exchange Online auf dem Server",
			"Default Retention Policy in Exchange Online and Exchange Server",
			"Default Retention Policy in Exchange Online", followsUnknown},
		{"a number the new text adds, missing", "Installieren Sie Exchange auf dem Server.",
			"Install Exchange on the server.", "Install Exchange Server 2019.", followsOld},
		{"an acronym a translation localizes tells nothing by its absence",
			"Utilisez le Centre d’administration Exchange (CAE) pour créer la règle.",
			"Use the Exchange admin center (EAC) to create the rule.",
			"Use the Exchange admin center to create the policy.", followsUnknown},
		{"a compound keeps the name", "die standardmäßige Exchange-Aufbewahrungsrichtlinie",
			"the default retention policy", "the default Exchange retention policy", followsNew},
		{"a changed number", "Microsoft a obtenu la certification ISO 22301.",
			"Microsoft obtained ISO 22301.", "Microsoft obtained ISO 20000-1:2011.", followsOld},
		{"numbers next to a spelled-out number tell nothing", "bis zu drei Sitzungen",
			"up to 3 sessions", "up to three sessions", followsUnknown},
		{"a translated identifier tells nothing by its absence",
			"notamment la découverte électronique In-Place",
			"including In-Place eDiscovery and Hold", "including:", followsUnknown},
		{"no kept word differs", "Beachten Sie, dass die Richtlinie", "As previously explained, the policy",
			"Note that the policy", followsUnknown},
		{"evidence both ways", "Windows PowerShell und Exchange Online",
			"Use Windows PowerShell.", "Use Exchange Online PowerShell.", followsUnknown},
	} {
		if got := followedText(tc.target, tc.old, tc.new); got != tc.want {
			t.Errorf("%s: followedText = %d, want %d", tc.name, got, tc.want)
		}
	}
}
