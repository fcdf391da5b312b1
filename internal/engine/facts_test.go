package engine

import (
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// The anchors of a page: <a name>/id attributes at once, heading slugs on
// first use, from the text a reader sees (the hidden source parts of a
// side-by-side heading left out), repeated headings numbered.
func TestFactsAnchors(t *testing.T) {
	text := "# Vue d'ensemble\n\n" +
		`## <span data-ttu-id="a1">Étape un</span><span class="sxs-lookup"><span data-stu-id="a1">Step one</span></span>` + "\n\n" +
		"## Vue d'ensemble\n\n<a name=\"custom\"></a>\n"
	pg := page.Parse("fr-FR/p.md", []byte(text), page.Options{})
	f := facts(pg, "/x/fr-FR/p.md", layout.Place{}, false, false, textfile.NewLines(pg.Text))
	if got := strings.Join(f.Anchors, ","); got != "custom" {
		t.Errorf("eager anchors = %q, want the <a name> only", got)
	}
	if f.LazyAnchors == nil {
		t.Fatal("heading slugs are not deferred")
	}
	want := "custom,vue-densemble,étape-un,vue-densemble-1"
	for i := 0; i < 2; i++ { // the second call reads the cached names
		if got := strings.Join(f.AnchorNames(), ","); got != want {
			t.Fatalf("AnchorNames() = %q, want %q", got, want)
		}
	}
	if !f.HasAnchor("ÉTAPE-UN") {
		t.Error("HasAnchor is not case-insensitive")
	}
	if f.HasAnchor("step-one") {
		t.Error("the hidden source text of a heading made an anchor")
	}
}

// A heading with an explicit id ({#id}, {#id .class}) has that id as its
// anchor (Docusaurus, Hugo, Pandoc), not the slug of its text.
func TestFactsExplicitHeadingIDs(t *testing.T) {
	text := "# Titre\n\n## Something {#custom-id}\n\n## Autre {#x .cls key=v}\n\n## Not {an id}\n"
	pg := page.Parse("fr-FR/p.md", []byte(text), page.Options{})
	f := facts(pg, "/x/fr-FR/p.md", layout.Place{}, false, false, textfile.NewLines(pg.Text))
	if got, want := strings.Join(f.AnchorNames(), ","), "titre,custom-id,x,not-an-id"; got != want {
		t.Errorf("AnchorNames() = %q, want %q", got, want)
	}
}

// TestWithoutImageText: an image's alternative text is taken out of the
// plain text as a whole word, wherever it stands.
func TestWithoutImageText(t *testing.T) {
	img := func(label string) rules.Link { return rules.Link{Kind: rules.ImageLink, Label: label} }
	for _, c := range []struct {
		plain string
		links []rules.Link
		want  string
	}{
		{"click Refresh Refresh icon to update", []rules.Link{img("Refresh icon")}, "click Refresh  to update"},
		{"Address book Add", []rules.Link{img("Add")}, "Address book "},
		{"Add Add", []rules.Link{img("Add"), img("Add")}, " "},
		{"no image here", []rules.Link{{Kind: rules.InlineLink, Label: "image"}}, "no image here"},
	} {
		if got := withoutImageText(c.plain, c.links); got != c.want {
			t.Errorf("%q: %q, want %q", c.plain, got, c.want)
		}
	}
}

// TestLoneLink: a text that is one link and nothing else.
func TestLoneLink(t *testing.T) {
	link := rules.Link{Kind: rules.InlineLink, Label: "Create a type"}
	for _, c := range []struct {
		t    rules.Text
		want bool
	}{
		{rules.Text{Plain: "Create a type", Links: []rules.Link{link}}, true},
		{rules.Text{Plain: "See Create a type.", Links: []rules.Link{link}}, false},
		{rules.Text{Plain: "Icon", Links: []rules.Link{{Kind: rules.ImageLink, Label: "Icon"}}}, false},
		{rules.Text{Plain: "Create a type", Links: []rules.Link{link, link}}, false},
	} {
		if got := loneLink(c.t); got != c.want {
			t.Errorf("%q with %d links: %v, want %v", c.t.Plain, len(c.t.Links), got, c.want)
		}
	}
}
