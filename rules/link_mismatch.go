package rules

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/htmlattr"
	"github.com/l10nlint/l10nlint/internal/locale"
)

// LinkMismatch compares the link and image destinations of source and target.
var LinkMismatch = Register(&Rule{
	ID:       "link-mismatch",
	Aliases:  []string{"links"},
	Tags:     []string{"segment", "links"},
	Severity: Error,
	Short:    "Every link, image and autolink of the source appears in the target with the same destination",
	Doc: `Compares the destinations of the links, images and autolinks of each segment's source and
target. Link text and titles are translated and may differ; destinations may differ only by their
locale: a path segment such as /en-us/ (or /en/ in a URL) may become the page's locale (/fr-fr/,
/fr/), and locale query parameters (clcid=0x409, ui=en-US, rs=en-US, ad=US, lang, mkt, setlang)
may change value. A locale segment that is neither the source's nor the page's (/de-de/ on a fr-FR
page) is reported.

The #fragment of a link inside the documentation set (page.md#section, #section) may differ too:
it names a heading, and a translated heading has a translated anchor: #plus-dinformations for
#more-information. Such fragments are left to broken-link, which checks that the target's fragment
resolves on the linked page; a fragment dropped or added is still reported. Fragments of URLs with a
scheme, and of site-absolute links (/path#x), are compared as written.

The href of an <a> tag and the src of an <img> tag count as links too, and so do URLs and e-mail
addresses written as plain text (https://..., www...., user@example.com: GFM's extended autolinks,
which docs platforms render as links). Such a URL ends where the prose does: at white space, markup
(emphasis, code, a link, a tag) or a non-ASCII character (转到https://x.com。), without its trailing
punctuation; a word or parenthesis glued to its end changes it (https://x.com)par). The target may
give it as a link or in code; https may replace http; addresses compare ignoring case, and the user
name of an address at an example domain (example.com, contoso.com, fabrikam.com...) may be
translated. A source URL whose host is not well formed (https://\<name>.x.com, its host lost to
markup) is not compared.

A placeholder address of the source (alias@domainname, name@domain: no domain a mail could go
to) that the target writes with spaces around its @ ("alias @ NomDomaine") is reported too, with a
fix that closes them; its words may be translated.

An image of the target whose alt text starts with a sentence's punctuation where the source
describes the image ("![, cliquez sur](refresh.gif)" for "![Refresh icon](refresh.gif)") is
reported: the translation moved words of the sentence into the alt text, and the page does not
show them.

A reference link ([text][label]) compares as the destination the page defines for its label
([label]: https://...); one whose label has no definition on the page is not compared.

Reports a destination of the source missing from the target, a destination the target adds, and,
when exactly one link changed, the old and new destination together. The finding points at the
target link when there is one, else at the target text.

A segment whose source has no link at all and whose target adds one is not reported unless
report-added is set: the side-by-side tools sometimes drop a link from the source text while the
translation keeps it.

With localize-urls, a target URL whose locale path segment is still the source locale's
(/en-us/ on a fr-FR page) is reported too, with a fix that writes the page's locale in the same case
(/fr-fr/); it is off by default because many docs sets link to the English pages on purpose. Only
the URL's own path is localized, as the comparison maps it: not a URL in its query string
(?redirect_uri=https://.../en-us/) nor a route in its fragment: #/en-us/page.

Options:
  ignore-fragments  compare destinations without their #fragment (default false)
  report-added      also report links a target adds to a source without any (default false)
  localize-urls     report URLs that keep the source locale segment, with a fix (default false)
  bare-urls         compare the URLs and e-mail addresses written as plain text (default true)`,
	Options: []Option{
		{Name: "ignore-fragments", Default: false, Doc: "compare destinations without their #fragment"},
		{Name: "report-added", Default: false, Doc: "also report links a target adds to a source without any"},
		{Name: "localize-urls", Default: false, Doc: "report URLs that keep the source locale segment, with a fix"},
		{Name: "bare-urls", Default: true, Doc: "compare the URLs and e-mail addresses written as plain text"},
	},
	Run: runLinkMismatch,
})

func runLinkMismatch(p *Pass) {
	noFrag := p.Bool("ignore-fragments")
	bare := p.Bool("bare-urls")
	if p.Bool("localize-urls") {
		localizeURLs(p)
	}
	// A reference link ([text][label]) leads where the page's definition
	// of its label ([label]: dest) says.
	defs := referenceDefinitions(p.Page)
	for _, s := range p.Page.Segments {
		srcLinks, tgtLinks := withHTMLLinks(p.Page.Text, s.Source), withHTMLLinks(p.Page.Text, s.Target)
		if bare && s.HasSource {
			checkBareRefs(p, s, srcLinks, tgtLinks, noFrag)
			checkSpacedAddresses(p, s)
			checkAltTextMoved(p, s)
		}
		if !s.HasSource || len(srcLinks) == 0 && len(tgtLinks) == 0 {
			continue
		}
		// A reference link reads as the destination its label is defined
		// with; one whose label has no definition is not compared.
		resolve := func(l Link) (Link, bool) {
			if l.Kind == ReferenceLink {
				d, ok := defs[refLabel(l.Dest)]
				if !ok {
					return l, false
				}
				l.Dest, l.Kind = d, InlineLink
				if l.Range.Start < len(p.Page.Text) && p.Page.Text[l.Range.Start] == '!' {
					l.Kind = ImageLink // ![alt][label]
				}
			}
			return l, true
		}
		key := func(l Link) string {
			if l.Kind == ReferenceLink {
				return ""
			}
			k := NormalizeURL(l.Dest, noFrag || translatableFragment(l.Dest))
			if !noFrag && translatableFragment(l.Dest) {
				k += "#" // some fragment: dropping or adding one still counts
			}
			if l.Kind == ImageLink {
				k = "image:" + k
			}
			return k
		}
		var src, tgt []string
		byKey := map[string]Link{}
		for _, l := range srcLinks {
			l, ok := resolve(l)
			if k := key(l); ok && k != "" {
				src = append(src, k)
				byKey["s"+k] = l
			}
		}
		for _, l := range tgtLinks {
			l, ok := resolve(l)
			if k := key(l); ok && k != "" {
				tgt = append(tgt, k)
				if _, ok := byKey["t"+k]; !ok {
					byKey["t"+k] = l
				}
			}
		}
		missing, extra := multisetDiff(src, tgt)
		wrongLocale(p, s, key, byKey)
		if len(missing) == 1 && len(extra) == 1 && strings.HasPrefix(missing[0], "image:") == strings.HasPrefix(extra[0], "image:") {
			sl, tl := byKey["s"+missing[0]], byKey["t"+extra[0]]
			p.ReportSegmentAt(s, tl.DestRange, "%s destination changed: source has %q, target has %q", sl.Kind, sl.Dest, tl.Dest)
			continue
		}
		// Looking for each missing destination in the target's text costs
		// its length: with thousands missing (a generated segment), not done.
		look := len(missing) <= 64
		for _, k := range missing {
			l := byKey["s"+k]
			i := -1
			if look && l.Dest != "" {
				i = strings.Index(s.Target.Raw, l.Dest)
			}
			if i >= 0 {
				// The destination is there but not as a link: the machine
				// translation moved the brackets ("](dest) ... ![").
				at := Range{Start: s.Target.Range.Start + i, End: s.Target.Range.Start + i + len(l.Dest)}
				p.ReportSegmentAt(s, at, "%s syntax broken in the target: %q appears, but not as the %s the source has: %s", l.Kind, l.Dest, l.Kind, describeLink(l))
				continue
			}
			p.ReportSegment(s, "%s missing from the target: the source %s", l.Kind, describeLink(l))
		}
		if len(missing) == 0 && len(src) == 0 && !p.Bool("report-added") {
			// The side-by-side source sometimes lost a link the target kept
			// ("Go to the Security & Compliance Center" for a target with the
			// portal's URL): a link only the target has is not reported alone.
			continue
		}
		for _, k := range extra {
			l := byKey["t"+k]
			p.ReportSegmentAt(s, l.Range, "%s not in the source: the target adds %s", l.Kind, describeLink(l))
		}
	}
}

// refLabel is a link label as CommonMark matches them: case-folded, runs
// of white space as one space.
func refLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// translatableFragment reports whether a destination is a link inside the
// documentation set (page.md#x, #x) with a #fragment. Its fragment names a
// heading, and a translated heading has a translated anchor: the target's
// fragment may differ, and broken-link checks that it resolves.
func translatableFragment(dest string) bool {
	d := strings.TrimSpace(dest)
	i := strings.IndexByte(d, '#')
	if i < 0 || i == len(d)-1 {
		return false
	}
	if strings.HasPrefix(d, "/") || strings.HasPrefix(d, "\\") || hasScheme(d[:i]) {
		return false
	}
	// Only where broken-link checks the fragment: on this page, or on a
	// Markdown page (x.html#install is compared as written).
	path, _, _ := strings.Cut(d[:i], "?")
	lp := strings.ToLower(path)
	return path == "" || strings.HasSuffix(lp, ".md")
}

// wrongLocale reports target links that match a source link but for a
// locale path segment that is neither the source's nor the page's
// (/de-de/ on a fr-FR page whose source has /en-us/).
func wrongLocale(p *Pass, s *Segment, key func(Link) string, byKey map[string]Link) {
	page := p.Page.Locale
	if page == "" {
		return
	}
	for _, tl := range s.Target.Links {
		sl, ok := byKey["s"+key(tl)]
		if !ok || !strings.Contains(tl.Dest, "://") {
			continue
		}
		ts, ss := strings.Split(tl.Dest, "/"), strings.Split(sl.Dest, "/")
		if len(ts) != len(ss) {
			continue
		}
		for i, seg := range ts {
			if i < 3 || strings.EqualFold(seg, ss[i]) {
				continue
			}
			loc, ok := locale.Normalize(seg)
			// The page's locale, as its front matter or its folder says (a
			// wrong ms.contentlocale is front-matter's finding).
			folder := p.Page.FolderLocale
			if !ok || locale.Within(loc, page) || locale.Within(page, loc) ||
				folder != "" && (locale.Within(loc, folder) || locale.Within(folder, loc)) {
				continue
			}
			off := len(strings.Join(ts[:i], "/")) + 1
			at := Range{Start: tl.DestRange.Start + off, End: tl.DestRange.Start + off + len(seg)}
			p.ReportSegmentAt(s, at, "link locale /%s/ is neither the page's locale (%s) nor the source's (/%s/): %s", seg, page, ss[i], tl.Dest)
			break
		}
	}
}

func describeLink(l Link) string {
	if l.Kind == AutoLink {
		return fmt.Sprintf("<%s>", l.Dest)
	}
	bang := ""
	if l.Kind == ImageLink {
		bang = "!" // as written: an image is ![alt](src)
	}
	return fmt.Sprintf("%s[%s](%s)", bang, shorten(l.Label, 40), l.Dest)
}

// localeParams are query parameters whose value is a locale or language.
var localeParams = map[string]bool{"clcid": true, "ui": true, "rs": true, "ad": true, "lang": true, "locale": true,
	"language": true, "mkt": true, "setlang": true, "hl": true, "cc": true}

// entityRe matches a character reference CommonMark decodes: &name;,
// &#123;, &#x1F;.
var entityRe = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

// decodeEntity decodes one character reference, or leaves it as written
// when it names none (html reads &notify; as ¬ify;: a prefix is no name).
func decodeEntity(ref string) string {
	d := html.UnescapeString(ref)
	if strings.ContainsRune(d, ';') || utf8.RuneCountInString(d) > 2 {
		return ref
	}
	return d
}

// NormalizeURL reduces a destination to what must stay equal across
// locales: locale path segments and locale query values become "{locale}",
// the scheme and host are lower-cased.
func NormalizeURL(dest string, noFragment bool) string {
	d := strings.TrimSpace(dest)
	if strings.IndexByte(d, '&') >= 0 {
		// Entities are decoded in destinations, as Markdown renders them:
		// ?a=1&amp;clcid=0x409 is ?a=1&clcid=0x409. Only whole ones, with
		// their semicolon: &notify=1 stays as written (html would read
		// &not as ¬).
		d = entityRe.ReplaceAllStringFunc(d, decodeEntity)
	}
	frag := ""
	if i := strings.IndexByte(d, '#'); i >= 0 {
		d, frag = d[:i], d[i:]
	}
	if noFragment {
		frag = ""
	}
	query := ""
	if i := strings.IndexByte(d, '?'); i >= 0 {
		d, query = d[:i], d[i+1:]
	}
	isURL := false
	if i := strings.Index(d, "://"); i > 0 {
		isURL = true
		rest := d[i+3:]
		host, path := rest, ""
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			host, path = rest[:j], rest[j:]
		}
		d = strings.ToLower(d[:i+3]+host) + path
	}
	segs := strings.Split(d, "/")
	for i, seg := range segs {
		if localeSegment(seg, i, isURL) {
			segs[i] = "{locale}"
		}
	}
	d = strings.Join(segs, "/")
	if query != "" {
		parts := strings.Split(query, "&")
		for i, kv := range parts {
			k, _, _ := strings.Cut(kv, "=")
			if lk, err := url.QueryUnescape(k); err == nil && localeParams[strings.ToLower(lk)] {
				parts[i] = strings.ToLower(lk) + "={locale}"
			}
		}
		d += "?" + strings.Join(parts, "&")
	}
	return d + frag
}

// localeSegment reports whether the path segment segs[i] of a destination
// (a URL's when isURL, counting "https:", "" and the host) is one that
// NormalizeURL reads as a locale: en-us, and a bare language first in a
// URL's path (/en/, as Hugo sites have it; deeper, /ml/ or /hr/ is more
// likely a topic).
func localeSegment(seg string, i int, isURL bool) bool {
	if !strings.ContainsAny(seg, "-_") && (!isURL || i != 3 || len(seg) != 2) {
		return false
	}
	_, ok := locale.Normalize(seg)
	return ok
}

// localizeURLs reports target link destinations whose locale path segment
// is the source locale, offering the page locale in the same case.
func localizeURLs(p *Pass) {
	loc, src := p.Page.Locale, p.Page.SourceLocale
	if loc == "" || strings.EqualFold(loc, src) {
		return
	}
	for _, s := range p.Page.Segments {
		for _, l := range s.Target.Links {
			if !strings.Contains(l.Dest, "://") {
				continue
			}
			// Only the URL's own path, where the comparison maps locales: a
			// URL in its query string (?redirect_uri=https://x/en-us/) or an
			// app route in its fragment (#/en-us/) is compared as written.
			path := l.Dest
			if k := strings.IndexAny(path, "?#"); k >= 0 {
				path = path[:k]
			}
			segs := strings.Split(path, "/")
			for i, seg := range segs {
				if i < 3 || !strings.EqualFold(seg, src) || !localeSegment(seg, i, true) {
					continue
				}
				want := loc
				switch seg {
				case strings.ToLower(seg):
					want = strings.ToLower(loc)
				case strings.ToUpper(seg):
					want = strings.ToUpper(loc)
				}
				off := len(strings.Join(segs[:i], "/")) + 1
				at := Range{Start: l.DestRange.Start + off, End: l.DestRange.Start + off + len(seg)}
				p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path, Range: at,
					Message:   fmt.Sprintf("URL keeps the source locale /%s/: use the page's locale /%s/", seg, want),
					SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw,
					Fixes: []Edit{{Range: at, New: want}}})
				break
			}
		}
	}
}

// withHTMLLinks returns t's links with those of its <a href> and <img src>
// tags, which lead where a Markdown link would.
func withHTMLLinks(text string, t Text) []Link {
	out := t.Links
	for _, g := range t.Tags {
		if g.Closing || g.Name != "a" && g.Name != "img" {
			continue
		}
		attr, kind := "href", InlineLink
		if g.Name == "img" {
			attr, kind = "src", ImageLink
		}
		if ds, de, ok := htmlattr.Find(text, g.Range.Start, g.Range.End, attr); ok {
			if len(out) == len(t.Links) {
				out = slices.Clone(t.Links)
			}
			out = append(out, Link{Kind: kind, Dest: html.UnescapeString(text[ds:de]), Range: g.Range, DestRange: Range{Start: ds, End: de}, HTML: true})
		}
	}
	return out
}

// spacedAtRe finds an @ with white space on one side or both between two
// words ("alias @ NomDomaine", "Alias- *@ Domain Name*" excepted: the @
// must have a word on each side).
var spacedAtRe = regexp.MustCompile(`[\p{L}\p{N}_.+-]([ \x{00a0}]+@[ \x{00a0}]*|@[ \x{00a0}]+)[\p{L}\p{N}_]`)

// placeholderAtRe finds an address the source writes without spaces.
var placeholderAtRe = regexp.MustCompile(`[\p{L}\p{N}_.+-]@[\p{L}\p{N}_]`)

// checkSpacedAddresses reports the target's addresses broken by spaces
// around their @ where the source writes a placeholder address (one
// validEmail rejects: a real address is checkBareRefs'), and no spaced @.
func checkSpacedAddresses(p *Pass, s *Segment) {
	plain := s.Source.Plain
	if strings.IndexByte(s.Target.Raw, '@') < 0 || strings.IndexByte(plain, '@') < 0 || !placeholderAtRe.MatchString(plain) || spacedAtRe.MatchString(plain) {
		return
	}
	placeholder := false
	for _, m := range placeholderAtRe.FindAllStringIndex(plain, -1) {
		at := m[0] + strings.IndexByte(plain[m[0]:], '@')
		if a, b := emailBounds(plain, at, len(plain)); a >= 0 && !validEmail(plain[a:b]) {
			placeholder = true
		}
	}
	if !placeholder {
		return
	}
	raw := s.Target.Raw
	wordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_.+-", r) }
	for _, m := range spacedAtRe.FindAllStringSubmatchIndex(raw, -1) {
		gap := Range{Start: s.Target.Range.Start + m[2], End: s.Target.Range.Start + m[3]}
		if insideAny(Range{Start: gap.Start, End: gap.Start + 1}, s.Target.Code) {
			continue
		}
		// The address as the target writes it: the words on each side.
		start, end := m[2], m[3]
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(raw[:start])
			if !wordRune(r) {
				break
			}
			start -= n
		}
		for end < len(raw) {
			r, n := utf8.DecodeRuneInString(raw[end:])
			if !wordRune(r) {
				break
			}
			end += n
		}
		for end > m[3] && (raw[end-1] == '.' || raw[end-1] == '-') {
			end-- // the sentence's full stop
		}
		p.Report(Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path,
			Range:     Range{Start: s.Target.Range.Start + start, End: s.Target.Range.Start + end},
			Message:   fmt.Sprintf("address broken by a space around its @: the target has %q", raw[start:end]),
			SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw,
			Fixes: []Edit{{Range: gap, New: "@"}}})
	}
}

// checkAltTextMoved reports an image of the target whose alt text starts
// with a sentence's punctuation where the source's image of the same
// destination has a description (", cliquez sur" for "Refresh icon"): the
// translation moved words of the sentence into the image's alt text,
// where the page does not show them.
func checkAltTextMoved(p *Pass, s *Segment) {
	if !strings.Contains(s.Target.Raw, "![") {
		return
	}
	var alts map[string]string // the source's alt texts by destination
	for _, l := range s.Target.Links {
		if l.Kind != ImageLink || l.HTML {
			continue
		}
		alt := strings.TrimLeft(l.Label, " ")
		first, _ := utf8.DecodeRuneInString(alt)
		if alt == "" || !strings.ContainsRune(",，、;；.。:：)）", first) || strings.IndexFunc(alt, unicode.IsLetter) < 0 {
			continue // "..." holds no words
		}
		if alts == nil {
			alts = map[string]string{}
			for _, m := range s.Source.Links {
				if m.Kind == ImageLink {
					alts[m.Dest] = strings.TrimSpace(m.Label)
				}
			}
		}
		was := alts[l.Dest]
		if r, _ := utf8.DecodeRuneInString(was); was == "" || !unicode.IsLetter(r) {
			continue
		}
		r, ok := l.LabelRange()
		if !ok {
			r = l.Range
		}
		p.ReportSegmentAt(s, r, "words of the sentence moved into an image's alt text, which the page does not show: %s where the source describes the image (%s)",
			quoteText(l.Label), quoteText(was))
	}
}
