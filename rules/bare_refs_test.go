package rules_test

import "testing"

// TestLinkMismatchBareURLs: URLs and e-mail addresses written as plain
// text (GFM's extended autolinks, which docs platforms render as links)
// must reach the target unchanged. Fragments from the corpus.
func TestLinkMismatchBareURLs(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "a word glued to the end of a URL changes it",
			// de-DE/deploy-twitter-connector.md line 141
			text: sxs("a-1", "Wechseln Sie https://developer.twitter.comzu, melden Sie sich an.", "Go to https://developer.twitter.com, log in.") + "\n",
			path: "de-DE/page.md",
			want: []string{`text glued to the URL https://developer.twitter.com: "zu" follows it without a space, so the link runs on into it (the target links https://developer.twitter.comzu)`},
			at:   []string{"https://developer.twitter.comzu"}},
		{name: "a parenthesis moved into the URL",
			// fr-FR/archive-facebook-data-with-sample-connector.md line 94
			text: sxs("a-1", "Copiez l’URL du service ( https://fbconnector.azurewebsites.net)par exemple,.", "Copy the app Service URL (for example, https://fbconnector.azurewebsites.net).") + "\n",
			want: []string{`text glued to the URL https://fbconnector.azurewebsites.net: ")par" follows it without a space`},
			at:   []string{"https://fbconnector.azurewebsites.net)par"}},
		{name: "a path that goes on with letters or digits is another URL",
			text: sxs("a-1", "Voir https://aka.ms/mfasetup et https://example.org/api/v12 pour les détails.", "See https://aka.ms/mfa and https://example.org/api/v1 for details.") + "\n",
			want: []string{"URL changed: the source has https://aka.ms/mfa, the target https://aka.ms/mfasetup",
				"URL changed: the source has https://example.org/api/v1, the target https://example.org/api/v12"}},
		{name: "a URL that goes on is another URL, nothing glued",
			text: sxs("a-1", "Voir https://contoso.com/docs/fr pour les détails.", "See https://contoso.com/docs for details.") + "\n",
			want: []string{"URL changed: the source has https://contoso.com/docs, the target https://contoso.com/docs/fr"}},
		{name: "a query string broken apart, entities decoded",
			// fr-FR/import-non-office-365-data-into-advanced-ediscovery.md line 70
			text: sxs("a-1", "URL du conteneur https://x.blob.core.windows.net/in?sv=2015-04-05&amp-; SR =&amp;c", "container url - https://x.blob.core.windows.net/in?sv=2015-04-05&amp;sr=c") + "\n",
			want: []string{"URL changed: the source has https://x.blob.core.windows.net/in?sv=2015-04-05&sr=c, the target https://x.blob.core.windows.net/in?sv=2015-04-05&amp-"}},
		{name: "an address taken apart",
			// fr-FR/attack-simulator.md line 82
			text: sxs("a-1", "Une adresse SMTP valide, telle que User @ domainname. extension.", "A valid SMTP address, such as user@domainname.extension.") + "\n",
			want: []string{"e-mail address missing from the target: the source has user@domainname.extension"},
			at:   []string{"Une adresse SMTP valide, telle que User @ domainname. extension."}},
		{name: "a real address's user name changed",
			text: sxs("a-1", "Envoyez-le à hameçon@office365.microsoft.com.", "Send it to phish@office365.microsoft.com.") + "\n",
			want: []string{"e-mail address changed: the source has phish@office365.microsoft.com, the target hame"}},
		{name: "an added URL when the source has one",
			text: sxs("a-1", "Voir https://aka.ms/a et https://aka.ms/b.", "See https://aka.ms/a.") + "\n",
			want: []string{"URL not in the source: the target adds https://aka.ms/b"}, at: []string{"https://aka.ms/b"}},
		{name: "the same URL, glued to Chinese text, before a full stop",
			// zh-CN/deploy-twitter-connector.md
			text: sxs("a-1", "例如, 请转到https://twitterconnector.scm.azurewebsites.net/ZipDeployUi。", "For example, go to https://twitterconnector.scm.azurewebsites.net/ZipDeployUi.") + "\n",
			path: "zh-CN/page.md"},
		{name: "bold ends a URL: the word after it is not part of it",
			text: sxs("a-1", "si l’URL est **https://contoso-my.sharepoint.com**mon site", "if the URL is **https://contoso-my.sharepoint.com**") + "\n"},
		{name: "case of an address, scheme and host; locale segments; https for http",
			text: sxs("a-1", "Écrivez à Mike@Contoso.com ou consultez HTTPS://Docs.Microsoft.com/fr-fr/x et https://example.org/a.", "Write to mike@contoso.com or see https://docs.microsoft.com/en-us/x and http://example.org/a.") + "\n"},
		{name: "the user name of an example address may be translated",
			// fr-FR/anti-spam-protection-faq.md line 112
			text: sxs("a-1", "Par exemple, si l'expéditeur est utilisateur@example.com, la résolution du domaine example.com.", "For example, if the sender is user@example.com, the domain example.com resolves.") + "\n"},
		{name: "a URL the target gives as a link, an autolink or code",
			text: sxs("a-1", "Voir [le site](https://aka.ms/a), <https://aka.ms/b> et `https://aka.ms/c`.", "See https://aka.ms/a, https://aka.ms/b and https://aka.ms/c.") + "\n"},
		{name: "URLs in code, links and tags are not bare",
			text: sxs("a-1", "Exécutez `curl https://x.example/a` et voyez [https://aka.ms/z](https://aka.ms/z).", "Run `curl https://x.example/b` and see [https://aka.ms/y](https://aka.ms/y).") + "\n",
			want: []string{`link destination changed: source has "https://aka.ms/y", target has "https://aka.ms/z"`}},
		{name: "a source URL that is no URL (its host lost to a tag) is not compared",
			// fr-FR/deploy-facebook-connector.md line 209
			text: sxs("a-1", "Accédez à https://\\<AzureAppResourceName>. azurewebsites. net.", "Go to https://\\<AzureAppResourceName>.azurewebsites.net.") + "\n"},
		{name: "an escaped character inside a URL",
			text: sxs("a-1", "Voir https://x.example/a\\_b.", "See https://x.example/a_b.") + "\n"},
		{name: "a dash glued before an address",
			// zh-CN/use-content-search-for-targeted-collections.md line 53
			text: sxs("a-1", "**Exchange** -stacig@contoso.onmicrosoft.com", "**Exchange** - stacig@contoso.onmicrosoft.com") + "\n"},
		{name: "option off",
			opts: map[string]any{"bare-urls": false},
			text: sxs("a-1", "Wechseln Sie https://developer.twitter.comzu.", "Go to https://developer.twitter.com.") + "\n"},
	})
}

func TestLinkMismatchBareAddressesInCJK(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "Chinese text runs on into an address",
			text: sxs("a-1", "发送到地址phish@office365.microsoft.com。", "Send it to phish@office365.microsoft.com.") + "\n", path: "zh-CN/page.md"},
	})
}

// TestLinkMismatchBareURLsReview: cases a review found.
func TestLinkMismatchBareURLsReview(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "an e-mail autolink gives the address",
			text: sxs("a-1", "Écrivez à <support@microsoft.com>.", "Write to support@microsoft.com.") + "\n"},
		{name: "a no-break space entity ends a URL",
			text: sxs("a-1", "Voir https://a.example/x&nbsp;: ici", "See https://a.example/x: here") + "\n"},
		{name: "an escaped > ends a URL, &amp; does not",
			text: sxs("a-1", "Voir https://a.example/x?a=1&amp;b=2", "See &lt;https://a.example/x?a=1&amp;b=2&gt;") + "\n"},
		{name: "ignore-fragments holds for bare URLs",
			opts: map[string]any{"ignore-fragments": true},
			text: sxs("a-1", "Voir https://a.example/x#partie", "See https://a.example/x#part") + "\n"},
		{name: "a link of the source written as a bare URL, and a repeated URL, are not added ones",
			text: sxs("a-1", "Voir https://a.example et https://b.example, https://a.example.", "See https://a.example and [link](https://b.example).") + "\n",
			want: []string{`link syntax broken in the target: "https://b.example" appears`}},
	})
}

// TestLinkMismatchSpacedPlaceholderAddress: a placeholder address of the
// source (no domain mail could go to) that the target breaks with spaces
// around its @, from the corpus; its words may be translated.
func TestLinkMismatchSpacedPlaceholderAddress(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "translated and spaced",
			// fr-FR/import-non-office-365-data-into-advanced-ediscovery.md line 42
			text: sxs("a-1", "Le nom du dossier doit être au format *alias @ NomDomaine*.", "The folder name must be in the *alias@domainname* format.") + "\n",
			want: []string{`address broken by a space around its @: the target has "alias @ NomDomaine"`}, at: []string{"alias @ NomDomaine"},
			fixed: sxs("a-1", "Le nom du dossier doit être au format *alias@NomDomaine*.", "The folder name must be in the *alias@domainname* format.") + "\n"},
		{name: "the sentence's full stop is not the address's",
			text: sxs("a-1", "Entrez alias @ NomDomaine.", "Enter alias@domainname.") + "\n",
			want: []string{`the target has "alias @ NomDomaine"`}, at: []string{"alias @ NomDomaine"}},
		{name: "in Chinese",
			path: "zh-CN/page.md",
			text: sxs("a-1", "格式为*别名 @ 域名*。", "The format is *alias@domainname*.") + "\n",
			want: []string{`"别名 @ 域名"`}},
		{name: "a placeholder kept, translated without spaces",
			text: sxs("a-1", "Au format *alias@nomdomaine*.", "In the *alias@domainname* format.") + "\n"},
		{name: "the source spaces its @ too",
			text: sxs("a-1", "Tapez @ mention ou nom @ domaine.", "Type @ mention or name @ domain.") + "\n"},
		{name: "a spaced @ in code",
			text: sxs("a-1", "Au format `alias @ domaine` de *alias@domainname*.", "In the `alias@domain` form of *alias@domainname*.") + "\n"},
	})
}

// TestLinkMismatchAltTextMoved: words of the sentence the translation
// moved into an image's alt text, from the corpus.
func TestLinkMismatchAltTextMoved(t *testing.T) {
	runCases(t, "link-mismatch", []ruleCase{
		{name: "a sentence's words in the icon's alt text",
			// fr-FR/manage-ediscovery-cases.md line 255
			text: sxs("a-1", "Cliquez sur ![, cliquez sur](media/add.gif) **Ajouter**.", "Click ![Add Icon](media/add.gif) **Add**.") + "\n",
			want: []string{`words of the sentence moved into an image's alt text, which the page does not show: ", cliquez sur" where the source describes the image ("Add Icon")`},
			at:   []string{", cliquez sur"}},
		{name: "an alt text of punctuation only holds no words",
			text: sxs("a-1", "Cliquez sur ![...](media/more.png).", "Click ![More options icon](media/more.png).") + "\n"},
		{name: "an alt text translated, an image without one in the source",
			path: "zh-CN/page.md",
			text: sxs("a-1", "单击![添加图标](media/add.gif)和![, 然后](media/x.gif)。", "Click ![Add Icon](media/add.gif) and ![](media/x.gif).") + "\n"},
	})
}
