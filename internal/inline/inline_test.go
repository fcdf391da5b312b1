package inline

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// The segment text sits inside a page, after a target span's tag: every
// range must be an offset in the page, and nothing outside [start, end) may
// leak into the facts.
const (
	pagePrefix = "# x\n<span data-ttu-id=\"a-1\">"
	pageSuffix = "</span><span class=\"sxs-lookup\">*`[x](y)`*</span>\n"
)

func parseInPage(in string) (string, rules.Text) {
	text := pagePrefix + in + pageSuffix
	return text, Parse(text, len(pagePrefix), len(pagePrefix)+len(in))
}

// facts renders the facts of t, each with its raw text sliced from text by
// its range, and checks what the rendering leaves out: every range is inside
// the segment, each kind is in text order, Escape.Char, Delim.Marker/Len,
// Placeholder.Text and Link.Dest agree with the raw text.
func facts(tb testing.TB, text string, t rules.Text) []string {
	tb.Helper()
	var out []string
	raw := func(what string, r rules.Range) string {
		tb.Helper()
		if r.Start < t.Range.Start || r.Start > r.End || r.End > t.Range.End {
			tb.Fatalf("%s range %v outside the segment %v", what, r, t.Range)
		}
		return text[r.Start:r.End]
	}
	for _, l := range t.Links {
		s := fmt.Sprintf("%s %q dest=%q label=%q", l.Kind, raw("link", l.Range), l.Dest, l.Label)
		if l.Title != "" {
			s += fmt.Sprintf(" title=%q", l.Title)
		}
		if d := raw("destination", l.DestRange); d != l.Dest {
			s += fmt.Sprintf(" destRange=%q", d)
		}
		if l.DestRange.Start < l.Range.Start || l.DestRange.End > l.Range.End {
			tb.Errorf("DestRange %v outside the link %v", l.DestRange, l.Range)
		}
		out = append(out, s)
	}
	for _, c := range t.Code {
		out = append(out, fmt.Sprintf("code %q content=%q", raw("code", c.Range), c.Content))
	}
	for _, g := range t.Tags {
		s := fmt.Sprintf("tag %q name=%q", raw("tag", g.Range), g.Name)
		if g.Closing {
			s += " closing"
		}
		if g.SelfClosing {
			s += " self"
		}
		out = append(out, s)
	}
	for _, d := range t.Emphasis {
		r := raw("delimiter", d.Range)
		if d.Len != len(r) || strings.Trim(r, string(d.Marker)) != "" {
			tb.Errorf("delimiter %q has Marker %q Len %d", r, d.Marker, d.Len)
		}
		out = append(out, fmt.Sprintf("delim %q open=%v close=%v", r, d.CanOpen, d.CanClose))
	}
	for _, e := range t.Escapes {
		r := raw("escape", e.Range)
		if len(r) != 2 || r[0] != '\\' || r[1] != e.Char {
			tb.Errorf("escape %q has Char %q", r, e.Char)
		}
		out = append(out, fmt.Sprintf("esc %q", r))
	}
	for _, p := range t.Placeholders {
		r := raw("placeholder", p.Range)
		if r != p.Text {
			tb.Errorf("placeholder %q has Text %q", r, p.Text)
		}
		out = append(out, fmt.Sprintf("ph %q", r))
	}
	return out
}

// checkOrder checks that the facts of each kind start where their raw text
// first occurs after the previous fact of the kind: the ranges are exact, not
// some other occurrence of the same text.
func checkOrder(tb testing.TB, text string, t rules.Text) {
	tb.Helper()
	check := func(kind string, rs []rules.Range) {
		tb.Helper()
		cursor := t.Range.Start
		nested := kind == "link"
		for _, r := range rs {
			raw := text[r.Start:r.End]
			i := strings.Index(text[cursor:t.Range.End], raw)
			if i < 0 || cursor+i != r.Start {
				tb.Errorf("%s %q at %d: expected at %d", kind, raw, r.Start, cursor+i)
			}
			cursor = r.End
			if nested {
				cursor = r.Start + 1
			}
		}
	}
	var rs []rules.Range
	for _, l := range t.Links {
		rs = append(rs, l.Range)
		// The destination follows the label's "](" or "][", or the
		// autolink's "<".
		from := l.Range.Start + 1
		switch l.Kind {
		case rules.ImageLink:
			from += 1 + len(l.Label) + 2
		case rules.InlineLink, rules.ReferenceLink:
			from += len(l.Label) + 2
		}
		dest := text[l.DestRange.Start:l.DestRange.End]
		if i := strings.Index(text[from:l.Range.End], dest); i < 0 || from+i != l.DestRange.Start {
			tb.Errorf("destination %q at %d: expected at %d", dest, l.DestRange.Start, from+i)
		}
	}
	check("link", rs)
	rs = rs[:0]
	for _, c := range t.Code {
		rs = append(rs, c.Range)
	}
	check("code", rs)
	rs = rs[:0]
	for _, g := range t.Tags {
		rs = append(rs, g.Range)
	}
	check("tag", rs)
	rs = rs[:0]
	for _, d := range t.Emphasis {
		rs = append(rs, d.Range)
	}
	check("delimiter", rs)
	rs = rs[:0]
	for _, e := range t.Escapes {
		rs = append(rs, e.Range)
	}
	check("escape", rs)
	rs = rs[:0]
	for _, p := range t.Placeholders {
		rs = append(rs, p.Range)
	}
	check("placeholder", rs)
}

type inlineCase struct {
	name, in, plain string
	facts           []string
}

func runInline(t *testing.T, tests []inlineCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, got := parseInPage(tc.in)
			if got.Raw != tc.in || got.Range != (rules.Range{Start: len(pagePrefix), End: len(pagePrefix) + len(tc.in)}) {
				t.Fatalf("Raw %q Range %v", got.Raw, got.Range)
			}
			if got.Plain != tc.plain {
				t.Errorf("Plain = %q, want %q", got.Plain, tc.plain)
			}
			f := facts(t, text, got)
			if strings.Join(f, "\n") != strings.Join(tc.facts, "\n") {
				t.Errorf("facts of %q:\n got  %s\n want %s", tc.in, strings.Join(f, "\n      "), strings.Join(tc.facts, "\n      "))
			}
			checkOrder(t, text, got)
		})
	}
}

func TestCodeSpans(t *testing.T) {
	runInline(t, []inlineCase{
		{"simple", "Run `Get-Mailbox` now", "Run Get-Mailbox now", []string{"code \"`Get-Mailbox`\" content=\"Get-Mailbox\""}},
		{"two spans", "`a` and `b`", "a and b", []string{"code \"`a`\" content=\"a\"", "code \"`b`\" content=\"b\""}},
		{"double backticks hold one", "``a ` b``", "a ` b", []string{"code \"``a ` b``\" content=\"a ` b\""}},
		{"one space stripped each side", "` `` `", "``", []string{"code \"` `` `\" content=\"``\""}},
		{"only one space stripped", "`  a  `", "a", []string{"code \"`  a  `\" content=\" a \""}},
		{"all spaces kept", "x `  ` y", "x    y", []string{"code \"`  `\" content=\"  \""}},
		{"space on one side kept", "` a`", "a", []string{"code \"` a`\" content=\" a\""}},
		{"line ending becomes space", "`a\nb` `c\r\nd`", "a b c d", []string{"code \"`a\\nb`\" content=\"a b\"", "code \"`c\\r\\nd`\" content=\"c d\""}},
		{"unmatched", "a `b", "a `b", nil},
		{"run lengths differ", "```a``", "```a``", nil},
		{"longer closing run skipped", "`a``b`", "a``b", []string{"code \"`a``b`\" content=\"a``b\""}},
		{"backslash inside code is literal", "`a\\`b", "a\\b", []string{"code \"`a\\\\`\" content=\"a\\\\\""}},
		{"escaped backtick is not an opener", "\\`a`", "`a`", []string{"esc \"\\\\`\""}},
		{"tags inside code are code", "`<span data-ttu-id=\"x\">` text", "<span data-ttu-id=\"x\"> text", []string{"code \"`<span data-ttu-id=\\\"x\\\">`\" content=\"<span data-ttu-id=\\\"x\\\">\""}},
		{"code wins over emphasis and links", "*a `*` [b`](c)`", "a * [b](c)",
			[]string{"code \"`*`\" content=\"*\"", "code \"`](c)`\" content=\"](c)\"", "delim \"*\" open=true close=false"}},
		{"unmatched backtick in a link label", "[b`](c)", "b`", []string{"link \"[b`](c)\" dest=\"c\" label=\"b`\""}},
	})
}

func TestLinks(t *testing.T) {
	runInline(t, []inlineCase{
		{"inline", "See [the docs](https://docs.microsoft.com/fr-fr/x) now.", "See the docs now.",
			[]string{`link "[the docs](https://docs.microsoft.com/fr-fr/x)" dest="https://docs.microsoft.com/fr-fr/x" label="the docs"`}},
		{"image with title", `![Capture d’écran](../media/a.png "Le titre")`, "Capture d’écran Le titre",
			[]string{`image "![Capture d’écran](../media/a.png \"Le titre\")" dest="../media/a.png" label="Capture d’écran" title="Le titre"`}},
		{"single-quoted title", "[a](b 'T')", "a T", []string{`link "[a](b 'T')" dest="b" label="a" title="T"`}},
		{"parenthesized title", "[a](b (T))", "a T", []string{`link "[a](b (T))" dest="b" label="a" title="T"`}},
		{"nested brackets", "[a [b] c](d.md)", "a [b] c", []string{`link "[a [b] c](d.md)" dest="d.md" label="a [b] c"`}},
		{"balanced parens in destination", "[x](https://en.wikipedia.org/wiki/Foo_(bar)) y", "x y",
			[]string{`link "[x](https://en.wikipedia.org/wiki/Foo_(bar))" dest="https://en.wikipedia.org/wiki/Foo_(bar)" label="x"`}},
		{"escaped paren in destination", `[x](a\)b)`, "x", []string{`link "[x](a\\)b)" dest="a\\)b" label="x"`}},
		{"angle-bracket destination", "[x](<a b.md> \"t\")", "x t", []string{`link "[x](<a b.md> \"t\")" dest="a b.md" label="x" title="t"`}},
		{"empty destination", "[x]()", "x", []string{`link "[x]()" dest="" label="x"`}},
		{"spaces around destination", "[x]( d )", "x", []string{`link "[x]( d )" dest="d" label="x"`}},
		{"space in bare destination is no link", "[a](b c)", "[a](b c)", nil},
		{"unclosed destination", "[a](b", "[a](b", nil},
		{"unclosed title", "[a](b \"t)", "[a](b \"t)", nil},
		{"unclosed angle destination", "[a](<b)", "[a](<b)", nil},
		{"shortcut reference is text", "[note] x", "[note] x", nil},
		{"unmatched bracket", "[a (b)", "[a (b)", nil},
		{"full reference", "[the text][ref-1]", "the text", []string{`reference link "[the text][ref-1]" dest="ref-1" label="the text"`}},
		{"collapsed reference", "[the text][] x", "the text x", []string{`reference link "[the text][]" dest="the text" label="the text" destRange=""`}},
		{"bracket in code in label", "[a `]` b](c)", "a ] b", []string{"link \"[a `]` b](c)\" dest=\"c\" label=\"a `]` b\"", "code \"`]`\" content=\"]\""}},
		{"escaped bracket in label", `[a\]b](c)`, "a]b", []string{`link "[a\\]b](c)" dest="c" label="a\\]b"`, `esc "\\]"`}},
		{"image in link", "[![logo](logo.png)](https://x.com)", "logo",
			[]string{`link "[![logo](logo.png)](https://x.com)" dest="https://x.com" label="![logo](logo.png)"`, `image "![logo](logo.png)" dest="logo.png" label="logo"`}},
		{"emphasis in label", "[**Paramètres**](settings.md)", "Paramètres",
			[]string{`link "[**Paramètres**](settings.md)" dest="settings.md" label="**Paramètres**"`, `delim "**" open=true close=false`, `delim "**" open=false close=true`}},
		{"bang without image", "Wow! [a](b)", "Wow! a", []string{`link "[a](b)" dest="b" label="a"`}},
		{"bang before non-link bracket", "![a] b", "![a] b", nil},
		{"destination is not prose", "[a](x_y_z%s{0})", "a", []string{`link "[a](x_y_z%s{0})" dest="x_y_z%s{0}" label="a"`}},
		{"two links", "[a](b) et [c](d)", "a et c", []string{`link "[a](b)" dest="b" label="a"`, `link "[c](d)" dest="d" label="c"`}},
	})
}

func TestAutolinks(t *testing.T) {
	runInline(t, []inlineCase{
		{"uri", "Go to <https://protection.office.com/?a=b&c=d>.", "Go to https://protection.office.com/?a=b&c=d.",
			[]string{`autolink "<https://protection.office.com/?a=b&c=d>" dest="https://protection.office.com/?a=b&c=d" label=""`}},
		{"mailto", "<mailto:a@b.com>", "mailto:a@b.com", []string{`autolink "<mailto:a@b.com>" dest="mailto:a@b.com" label=""`}},
		{"email", "Write to <admin@contoso.onmicrosoft.com>", "Write to admin@contoso.onmicrosoft.com",
			[]string{`autolink "<admin@contoso.onmicrosoft.com>" dest="admin@contoso.onmicrosoft.com" label=""`}},
		{"one-letter scheme is no autolink", "<a:b>", "<a:b>", nil},
		{"space ends an autolink", "<http://a b>", "<http://a b>", nil},
		{"email domain ends with a dot", "<a@b.>", "<a@b.>", nil},
		{"unclosed", "<https://x.com", "<https://x.com", nil},
	})
}

func TestTags(t *testing.T) {
	runInline(t, []inlineCase{
		{"open and close", "Cliquez sur <b>Enregistrer</b>.", "Cliquez sur Enregistrer.",
			[]string{`tag "<b>" name="b"`, `tag "</b>" name="b" closing`}},
		{"br folds to a space", "ligne<br>suivante<br/>et<br />fin", "ligne suivante et fin",
			[]string{`tag "<br>" name="br"`, `tag "<br/>" name="br" self`, `tag "<br />" name="br" self`}},
		{"attributes", `<a href="x.md" title='y > z' data-x=w disabled>lien</a>`, "lien",
			[]string{`tag "<a href=\"x.md\" title='y > z' data-x=w disabled>" name="a"`, `tag "</a>" name="a" closing`}},
		{"upper case name is lowered", `<SPAN Class="x">a</SPAN >`, "a", []string{`tag "<SPAN Class=\"x\">" name="span"`, `tag "</SPAN >" name="span" closing`}},
		{"attributes across lines", "<img\n  src=\"a.png\"\n  alt=\"b\"/>", "", []string{"tag \"<img\\n  src=\\\"a.png\\\"\\n  alt=\\\"b\\\"/>\" name=\"img\" self"}},
		{"comment", "a<!-- note -->b", "ab", []string{`tag "<!-- note -->" name="!--"`}},
		{"empty comments", "<!---->x<!-->y<!--->", "xy", []string{`tag "<!---->" name="!--"`, `tag "<!-->" name="!--"`, `tag "<!--->" name="!--"`}},
		{"declaration, CDATA, processing instruction", "<!DOCTYPE html><![CDATA[x]]><?php y ?>z", "z",
			[]string{`tag "<!DOCTYPE html>" name=""`, `tag "<![CDATA[x]]>" name=""`, `tag "<?php y ?>" name=""`}},
		{"less than", "if a < b and c<3 or <3 then", "if a < b and c<3 or <3 then", nil},
		{"unclosed quote is no tag", `<span data-ttu-id="x>oops`, `<span data-ttu-id="x>oops`, nil},
		{"attributes need white space", `<a href="x"title="y">t`, `<a href="x"title="y">t`, nil},
		{"bad attribute name", `<a 1x="y">`, `<a 1x="y">`, nil},
		{"missing attribute value", `<a href=>`, `<a href=>`, nil},
		{"closing tag with attribute", `</a href="x">`, `</a href="x">`, nil},
		{"space before name", "< a>", "< a>", nil},
		{"unclosed comment", "<!-- a", "<!-- a", nil},
		{"tag at the very end is cut by the segment end", "x <b", "x <b", nil},
	})
}

func TestEscapesAndEntities(t *testing.T) {
	runInline(t, []inlineCase{
		{"escaped emphasis", `\*pas d’emphase\*`, "*pas d’emphase*", []string{`esc "\\*"`, `esc "\\*"`}},
		{"escaped tag", `\<span>`, "<span>", []string{`esc "\\<"`}},
		{"escaped backslash", `a\\b`, `a\b`, []string{`esc "\\\\"`}},
		{"not punctuation", `C:\Users\a`, `C:\Users\a`, nil},
		{"backslash at the end", `a\`, `a\`, nil},
		{"escaped brackets are no link", `\[a](b)`, "[a](b)", []string{`esc "\\["`}},
		{"named entities", "a&amp;b &lt;tag&gt; &copy; &eacute;", "a&b <tag> © é", nil},
		{"numeric entities", "&#123;0&#125; &#x4E2D;&#X6587;", "{0} 中文", nil},
		{"nbsp is kept as a character", "100&nbsp;%&nbsp;: x", "100\u00a0%\u00a0: x", nil},
		{"unknown entity is literal", "&bogus; &; & x AT&T", "&bogus; &; & x AT&T", nil},
		{"entity without semicolon is literal", "&amp &copy", "&amp &copy", nil},
		{"decoded entity makes no tag", "&lt;b&gt;x&lt;/b&gt;", "<b>x</b>", nil},
	})
}

// TestEntityNotAReference: CommonMark decodes only complete entity
// references; html.UnescapeString also decodes a known prefix of an unknown
// name ("&copyright;" → "©right;"), which is not Markdown's reading.
func TestEntityNotAReference(t *testing.T) {
	runInline(t, []inlineCase{
		{"unknown name with a known prefix", "&copyright; &ampx; &ltfoo;", "&copyright; &ampx; &ltfoo;", nil},
	})
}

func TestEmphasis(t *testing.T) {
	runInline(t, []inlineCase{
		{"star", "un *mot* ici", "un mot ici", []string{`delim "*" open=true close=false`, `delim "*" open=false close=true`}},
		{"strong at the edges", "**Remarque :**", "Remarque :", []string{`delim "**" open=true close=false`, `delim "**" open=false close=true`}},
		{"underscore", "_a_ __b__", "a b", []string{
			`delim "_" open=true close=false`, `delim "_" open=false close=true`, `delim "__" open=true close=false`, `delim "__" open=false close=true`}},
		{"intraword underscore is not emphasis", "snake_case_name et get_x", "snake_case_name et get_x", nil},
		{"intraword star can open and close", "a*b*c", "abc", []string{`delim "*" open=true close=true`, `delim "*" open=true close=true`}},
		{"surrounded by spaces is literal", "a * b ** c _ d", "a * b ** c _ d", nil},
		{"strikethrough", "~~old~~ ~single~ ~~~three~~~", "old ~single~ ~~~three~~~", []string{`delim "~~" open=true close=false`, `delim "~~" open=false close=true`}},
		{"triple", "***a***", "a", []string{`delim "***" open=true close=false`, `delim "***" open=false close=true`}},
		{"punctuation before opener", `a**"b"**`, `a"b"`, []string{`delim "**" open=false close=true`, `delim "**" open=false close=true`}},
		{"punctuation around", `*"a"*`, `"a"`, []string{`delim "*" open=true close=false`, `delim "*" open=false close=true`}},
		{"underscore after punctuation", `(_a_)`, `(a)`, []string{`delim "_" open=true close=false`, `delim "_" open=false close=true`}},
		{"underscore between letter and punctuation", `a_.`, `a.`, []string{`delim "_" open=false close=true`}},
		{"unicode punctuation and space", "«\u00a0*a*\u00a0»", "«\u00a0a\u00a0»", []string{`delim "*" open=true close=false`, `delim "*" open=false close=true`}},
		{"cjk", "单击*保存*。", "单击保存。", []string{`delim "*" open=true close=true`, `delim "*" open=false close=true`}},
		{"run at the end is right-flanking", "a*", "a", []string{`delim "*" open=false close=true`}},
	})
}

func TestPlaceholders(t *testing.T) {
	runInline(t, []inlineCase{
		{"braces", "Le fichier {0} contient {12} éléments", "Le fichier {0} contient {12} éléments", []string{`ph "{0}"`, `ph "{12}"`}},
		{"double braces", "Bonjour {{user.name}} !", "Bonjour {{user.name}} !", []string{`ph "{{user.name}}"`}},
		{"printf", "%s a %d et %1$d, %(nom)s", "%s a %d et %1$d, %(nom)s", []string{`ph "%s"`, `ph "%d"`, `ph "%1$d"`, `ph "%(nom)s"`}},
		{"percentages are not placeholders", "50% des 100 %", "50% des 100 %", nil},
		{"percent before a word", "%status et 100%s %sx", "%status et 100%s %sx", nil},
		{"not placeholders", "{} {a} { 0 } {{}} {0 %% %1 %$", "{} {a} { 0 } {{}} {0 %% %1 %$", nil},
		{"placeholder in code is code", "`{0}` {1}", "{0} {1}", []string{"code \"`{0}`\" content=\"{0}\"", `ph "{1}"`}},
		{"adjacent", "{0}{1}%s", "{0}{1}%s", []string{`ph "{0}"`, `ph "{1}"`, `ph "%s"`}},
		{"named and environment variables", "{name}, ${user_id} et %USERNAME% dans %ProgramFiles%", "{name}, ${user_id} et %USERNAME% dans %ProgramFiles%",
			[]string{`ph "{name}"`, `ph "{user_id}"`, `ph "%USERNAME%"`, `ph "%ProgramFiles%"`}},
		{"not named placeholders", "{ name } {na me} 50%OFF %a% 10%A", "{ name } {na me} 50%OFF %a% 10%A", nil},
		{"template tokens in doubled signs", "voir %%ContentURL%% et %%PATH% ", "voir %%ContentURL%% et %%PATH%",
			[]string{`ph "%%ContentURL%%"`, `ph "%PATH%"`}},
		{"a broken token is none", "voir %% ContentURL%%", "voir %% ContentURL%%", nil},
	})
}

// TestPlaceholderDoesNotHideMarkup: a placeholder is text; it cannot hide
// a raw HTML tag or a code span from CommonMark, and the segment scanner
// (Tags) finds them there.
func TestPlaceholderDoesNotHideMarkup(t *testing.T) {
	runInline(t, []inlineCase{
		{"tag in a printf name", "%(<b>)s", "%()s", []string{`tag "<b>" name="b"`}},
		{"tag in double braces", "{{<i>}}", "{{}}", []string{`tag "<i>" name="i"`}},
		{"code in double braces", "{{`}}`", "{{}}", []string{"code \"`}}`\" content=\"}}\""}},
	})
	for _, in := range []string{"%(<b>)s", "{{<i>}}"} {
		var sc TagScanner
		tags, _, _ := sc.Scan(in, 0, len(in))
		if full := Parse(in, 0, len(in)); len(tags) != len(full.Tags) {
			t.Errorf("%q: Tags finds %d tags, Parse %d", in, len(tags), len(full.Tags))
		}
	}
}

func TestPlain(t *testing.T) {
	runInline(t, []inlineCase{
		{"white space folded and trimmed", "  a \t b\n\n c\r\n d  ", "a b c d", nil},
		{"tags dropped without space", "a<span>b</span>c", "abc", []string{`tag "<span>" name="span"`, `tag "</span>" name="span" closing`}},
		{"br and spaces fold to one", "a <br> b", "a b", []string{`tag "<br>" name="br"`}},
		{"leading br", "<br>a", "a", []string{`tag "<br>" name="br"`}},
		{"empty", "", "", nil},
		{"only markup", "<b></b>", "", []string{`tag "<b>" name="b"`, `tag "</b>" name="b" closing`}},
		{"mixed", "**Remarque :** utilisez [`Set-X`](set-x.md) &amp; <br/>*{0}*.",
			"Remarque : utilisez Set-X & {0}.",
			[]string{
				"link \"[`Set-X`](set-x.md)\" dest=\"set-x.md\" label=\"`Set-X`\"",
				"code \"`Set-X`\" content=\"Set-X\"",
				`tag "<br/>" name="br" self`,
				`delim "**" open=true close=false`, `delim "**" open=false close=true`,
				// Between punctuation ('>' of <br/>, '{', '}', '.') a run
				// is both left- and right-flanking.
				`delim "*" open=true close=true`, `delim "*" open=true close=true`,
				`ph "{0}"`,
			}},
	})
}

// TestParseSubrange: Parse reads only text[start:end].
func TestParseSubrange(t *testing.T) {
	text := "`a <b>` *c*"
	got := Parse(text, 1, 5) // "a <b": the '>' and the closing backtick are outside
	if got.Raw != "a <b" || got.Plain != "a <b" || len(got.Tags)+len(got.Code)+len(got.Emphasis) != 0 {
		t.Errorf("Parse(%q, 1, 5) = %+v", text, got)
	}
	got = Parse(text, 8, 11) // "*c*" up to the end
	if len(got.Emphasis) != 2 || got.Emphasis[1].Range != (rules.Range{Start: 10, End: 11}) || got.Plain != "c" {
		t.Errorf("Parse(%q, 8, 11) = %+v", text, got)
	}
}

func TestTagEnd(t *testing.T) {
	tests := []struct {
		s       string
		i       int
		n       int
		name    string
		closing bool
		self    bool
	}{
		{`x<span data-ttu-id="1">`, 1, 23, "span", false, false},
		{`</span>`, 0, 7, "span", true, false},
		{`<br/>`, 0, 5, "br", false, true},
		{`<br/ >`, 0, 0, "", false, false},
		{`<`, 0, 0, "", false, false},
		{`<a`, 0, 0, "", false, false},
		{`a`, 0, 0, "", false, false},
		{`<!---->`, 0, 7, "!--", false, false},
		{`<?x`, 0, 0, "", false, false},
		{`<!x`, 0, 0, "", false, false},
		{`<![CDATA[`, 0, 0, "", false, false},
		{`<!1>`, 0, 0, "", false, false},
	}
	for _, tc := range tests {
		n, name, closing, self := TagEnd(tc.s, tc.i, len(tc.s))
		if n != tc.n || name != tc.name || closing != tc.closing || self != tc.self {
			t.Errorf("TagEnd(%q, %d) = %d %q %v %v, want %d %q %v %v", tc.s, tc.i, n, name, closing, self, tc.n, tc.name, tc.closing, tc.self)
		}
	}
}

func TestAutolinkEnd(t *testing.T) {
	tests := []struct {
		s string
		n int
	}{
		{"<http://a>", 10}, {"<ms-settings:x>", 15}, {"<a@b>", 5}, {"<a.b-c@d-e.f>", 13},
		{"<http://a", 0}, {"<http://a<b>", 0}, {"<@b>", 0}, {"<a@>", 0}, {"<a@b-> ", 0}, {"<", 0}, {"<1a:b>", 0},
		{"<" + strings.Repeat("a", 33) + ":b>", 0}, {"<" + strings.Repeat("a", 32) + ":b>", 36},
	}
	for _, tc := range tests {
		if n := AutolinkEnd(tc.s, 0, len(tc.s)); n != tc.n {
			t.Errorf("AutolinkEnd(%q) = %d, want %d", tc.s, n, tc.n)
		}
	}
}

// TestPlainFastPath: the shortcut for markup-free text gives what the full
// parse gives.
func TestPlainFastPath(t *testing.T) {
	for _, s := range []string{
		"We recommend importing files.", " Leading and trailing ", "Une phrase\u00a0: oui", "a  b", "a\tb",
		"x\ny", "tail \u00a0", "中文文本。", "", " ", "a ] b ) c", "100% sure", "it's (fine)",
	} {
		fast := Parse(s, 0, len(s))
		full := parseFull(s, 0, len(s))
		if !reflect.DeepEqual(fast, full) {
			t.Errorf("%q: Parse = %+v, full parse = %+v", s, fast, full)
		}
	}
}
