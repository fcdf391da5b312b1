package rules_test

import "testing"

func TestFrontMatterRule(t *testing.T) {
	const body = "\n# Titre\n"
	runCases(t, "front-matter", []ruleCase{
		{name: "good", text: "---\ntitle: Titre\nms.contentlocale: fr-FR\n---" + body},
		{name: "locale disagrees with folder",
			text: "---\ntitle: Titre\nms.contentlocale: de-DE\n---" + body,
			want: []string{"ms.contentlocale is de-DE but the page's locale folder is fr-FR"}, at: []string{"de-DE"}},
		{name: "folder in lower case matches", path: "docs/fr-fr/page.md", text: "---\ntitle: Titre\nms.contentlocale: fr-FR\n---" + body},
		{name: "a list for the locale",
			text: "---\ntitle: Titre\nms.contentlocale: [fr-FR]\n---" + body,
			want: []string{"ms.contentlocale is not a single locale code"}, at: []string{"[fr-FR]"}},
		{name: "invalid YAML at its line",
			text: "---\ntitle: Titre\ndescription: \"unclosed\nms.author: x\n---" + body,
			want: []string{"front matter is not valid YAML"}},
		{name: "duplicate key",
			text: "---\ntitle: Titre\ntitle: Encore\n---" + body,
			want: []string{`mapping key "title" already defined`}},
		{name: "unclosed", text: "---\ntitle: Titre\n", want: []string{"front matter is not closed"}},
		{name: "missing title on an article", text: "---\nms.author: x\n---" + body, want: []string{`lacks the required key "title"`}},
		{name: "fragment without heading needs no title", text: "---\nms.date: 08/28/2017\n---\n> [!IMPORTANT]\n> Texte.\n"},
		{name: "redirect page needs no title", text: "---\nredirect_url: overview\n---" + body},
		{name: "empty title", text: "---\ntitle: \"\"\n---" + body, want: []string{`front matter key "title" is empty`}, at: []string{"title"}},
		{name: "configured required keys", opts: map[string]any{"required": []string{"title", "description"}},
			text: "---\ntitle: Titre\n---" + body, want: []string{`lacks the required key "description"`}},
		{name: "not a locale", text: "---\ntitle: Titre\nms.contentlocale: french\n---" + body, want: []string{`"french" is not a locale code`}},
		{name: "no front matter", text: "# TOC\n"},
	})
}

func TestFileFormat(t *testing.T) {
	runCases(t, "file-format", []ruleCase{
		{name: "binary", text: "PK\x03\x04\x00\x00", want: []string{"binary file"}},
		{name: "latin-1", text: "# Caf\xe9\n", want: []string{"invalid UTF-8 byte 0xE9"}, at: []string{"\xe9"}},
		{name: "utf-8 with BOM", text: "\xef\xbb\xbf# Café\n"},
		{name: "utf-16le with BOM", text: "\xff\xfe#\x00 \x00A\x00\n\x00"},
	})
}
