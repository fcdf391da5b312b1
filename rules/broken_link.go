package rules

import (
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// BrokenLink reports relative links and anchors that resolve to nothing.
var BrokenLink = Register(&Rule{
	ID:       "broken-link",
	Aliases:  []string{"dead-link"},
	Tags:     []string{"corpus", "links"},
	Severity: Error,
	Short:    "A relative link, image or #anchor does not resolve in the page's locale tree",
	Doc: `Checks every link, image and autolink of a page that stays inside the documentation set:

  - a relative destination (page.md, ../media/icon.png, folder/) must name an existing file or
    directory, resolved from the page's own directory, so a translated page is checked against its
    own locale tree;
  - a #fragment, on the same page or on a linked Markdown page, must match a heading of that page
    (slugged as GitHub and DocFX do: lower case, letters of any script, digits, '-' and '_' kept,
    spaces as '-'; a heading's explicit {#id} replaces its slug) or an <a name="..."> or id="..."
    on it; a percent-encoded fragment matches what a browser decodes it to.

The destinations of link reference definitions ([label]: page.md) and of HTML <a href> and <img src>
tags (in HTML blocks too: a landing page's cards) are checked like links. Links
with a scheme (https:, mailto:), protocol-relative (//host) and site-absolute (/path) links
are not checked: l10nlint does not use the network unless asked. With check --external, http(s)
links are requested (HEAD, then GET when refused), a few at a time, with a timeout, retries for
timeouts and server errors, and an on-disk cache; a link is broken when it answers 404, 410 or
another 4xx/5xx status after redirects, or not at all (401, 403 and 429 count as working: the page
exists). A query string (?view=...) is ignored for relative links.

When the source page's tree has the file a translated page's link misses (media not copied into
the locale's tree, a page not yet translated), the message names it; when the source page has the
same link, broken there too, the message says so and the finding is a level below the rule's
severity (a warning by default, so that a gate on errors does not hold a translation back for its
source's defect): the fix belongs to the source page (inherited: false leaves those to the source
tree's own check, for a team that only translates).

File names are compared ignoring case by default, as the docs platforms serve them
(media/Image.png for Media/image.png); case-sensitive reports the difference. #top is the top of
the page, as in browsers.

Options:
  check-fragments  check #fragments (default true)
  case-sensitive   report destinations that differ from the file name in case only (default false)
  ignore           destinations to skip, as path prefixes (default none)
  inherited        report a link the source page has broken too (default true)`,
	Options: []Option{
		{Name: "check-fragments", Default: true, Doc: "check #fragments"},
		{Name: "case-sensitive", Default: false, Doc: "report destinations that differ from the file name in case only"},
		{Name: "ignore", Default: []string{}, Doc: "destinations to skip, as path prefixes"},
		{Name: "inherited", Default: true, Doc: "report a link the source page has broken too"},
	},
	RunCorpus: runBrokenLink,
})

func runBrokenLink(p *CorpusPass) {
	pg := p.Page
	if pg.Abs == "" || p.Corpus.Find == nil {
		return
	}
	frags := p.Bool("check-fragments")
	caseSensitive := p.Bool("case-sensitive")
	ignore := p.Strings("ignore")
	inherited := p.Bool("inherited")
	dir := path.Dir(pg.Abs)
	// The source page and how often it links each destination: a link is
	// the source's (broken there too) only if the source has as many of
	// it up to this one (the second gone.md of a translation whose source
	// links gone.md once is the translation's own).
	src := p.Corpus.SourceOf(pg)
	if src == pg || src != nil && src.Abs == "" {
		src = nil
	}
	var srcCount map[string]int
	if src != nil {
		srcCount = map[string]int{}
		for _, sl := range src.Links {
			srcCount[strings.TrimSpace(sl.Dest)]++
		}
	}
	seen := map[string]int{}
	// sourceHas reports whether the source page has this occurrence of dest.
	sourceHas := func(dest string) bool { return seen[dest] <= srcCount[dest] }
	// inheritedAnchor reports whether the anchor a link of the source page
	// points to is missing there too (on the source page itself for #x, on
	// the source tree's counterpart of q for page.md#x).
	inheritedAnchor := func(dest, target, frag string, q *PageFacts) bool {
		if src == nil || !sourceHas(dest) {
			return false
		}
		if q == nil || q == pg {
			return !hasAnchor(src, frag)
		}
		// The page the source's link points to, in the source tree: the
		// index's counterpart of q, else the file the link names beside
		// the source page (read if the run did not).
		qs := Comparable(p.Corpus.SourceOf(q))
		if qs == nil {
			if found, _ := p.Corpus.Find(path.Clean(path.Join(path.Dir(src.Abs), target))); found != "" {
				qs = Comparable(p.Corpus.ByAbs(found))
			}
		}
		return qs != nil && !hasAnchor(qs, frag) // unknown: the translation's
	}
outer:
	for _, l := range pg.Links {
		dest := strings.TrimSpace(l.Dest)
		seen[dest]++
		if p.Corpus.External != nil && isHTTP(dest) {
			if problem := p.Corpus.External[dest]; problem != "" {
				p.ReportAt(l.Loc, "external %s %q is broken: %s", l.Kind, dest, problem)
			}
			continue
		}
		if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "\\") || hasScheme(dest) {
			continue
		}
		if l.Kind == AutoLink && strings.Contains(dest, "@") && !strings.ContainsAny(dest, "/\\") {
			continue // an e-mail autolink, <support@contoso.com>
		}
		for _, ig := range ignore {
			if strings.HasPrefix(dest, ig) {
				continue outer
			}
		}
		target, frag, _ := strings.Cut(dest, "#")
		target, _, _ = strings.Cut(target, "?")
		if u, err := url.PathUnescape(target); err == nil {
			target = u
		}
		target = strings.ReplaceAll(target, "\\", "/")
		if strings.EqualFold(frag, "top") {
			frag = "" // browsers scroll to the top for #top
		}
		if target == "" {
			if frags && frag != "" && !hasAnchor(pg, frag) {
				msg := fmt.Sprintf("anchor #%s matches no heading or anchor on this page", frag)
				if inheritedAnchor(dest, "", frag, nil) {
					if inherited {
						p.ReportAtKeyBelow(l.Loc, msg, "%s (the source page %s has the same broken link)", msg, src.Path)
					}
					continue
				}
				p.ReportAt(l.Loc, "%s", msg)
			}
			continue
		}
		abs := path.Clean(path.Join(dir, target))
		found, exact := p.Corpus.Find(abs)
		switch {
		case found == "":
			// The source page's tree may have the file (media not copied
			// into the locale's tree): say so, it is the fix.
			also, fromSource := "", false
			if src != nil {
				if there, _ := p.Corpus.Find(path.Clean(path.Join(path.Dir(src.Abs), target))); there != "" {
					what := "copy it into this tree"
					if l := strings.ToLower(there); strings.HasSuffix(l, ".md") || strings.HasSuffix(l, ".markdown") {
						what = "its translation is missing"
					}
					also = fmt.Sprintf(" (the source tree has %s: %s)", relTo(dir, there), what)
				} else if sourceHas(dest) {
					// Not the translation's doing: fixed in the source, the
					// fix reaches every locale.
					if !inherited {
						continue
					}
					also, fromSource = fmt.Sprintf(" (the source page %s has the same broken link)", src.Path), true
				}
			}
			// The note on the source tree says how things stand elsewhere,
			// not what the problem is: the fingerprint is made without it.
			msg := fmt.Sprintf("%s %q does not resolve: %s does not exist", l.Kind, dest, relTo(dir, abs))
			if fromSource {
				p.ReportAtKeyBelow(l.Loc, msg, "%s%s", msg, also)
			} else {
				p.ReportAtKey(l.Loc, msg, "%s%s", msg, also)
			}
			continue
		case !exact && caseSensitive:
			p.ReportAt(l.Loc, "%s %q resolves only if case is ignored: the file is %s", l.Kind, dest, relTo(dir, found))
			continue
		}
		abs = found
		if !frags || frag == "" || !strings.HasSuffix(strings.ToLower(abs), ".md") {
			continue
		}
		if q := Comparable(p.Corpus.ByAbs(abs)); q != nil && !hasAnchor(q, frag) {
			msg := fmt.Sprintf("anchor #%s matches no heading or anchor on %s", frag, q.Path)
			if inheritedAnchor(dest, target, frag, q) {
				if inherited {
					p.ReportAtKeyBelow(l.Loc, msg, "%s (the source page %s has the same broken link)", msg, src.Path)
				}
				continue
			}
			p.ReportAt(l.Loc, "%s", msg)
		}
	}
}

// isHTTP reports whether a destination is an http(s) URL.
func isHTTP(d string) bool {
	l := strings.ToLower(d)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// ExternalURLs returns the http(s) destinations of the pages findings are
// reported on, for the external link checker.
func ExternalURLs(c *Corpus) []string {
	var out []string
	for _, p := range c.Pages() {
		if !p.Reported {
			continue
		}
		for _, l := range p.Links {
			if d := strings.TrimSpace(l.Dest); isHTTP(d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// hasScheme reports whether a destination starts with a URL scheme
// ("https:", "mailto:") or is protocol-relative.
func hasScheme(d string) bool {
	if strings.HasPrefix(d, "//") {
		return true
	}
	for i := 0; i < len(d); i++ {
		c := d[i]
		switch {
		case c == ':':
			return i > 1 // "C:" is a drive letter, not a scheme
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// hasAnchor reports whether pg defines the fragment, as written or
// percent-decoded (#%E6%A6%82%E8%BF%B0 is #概述 to a browser).
func hasAnchor(pg *PageFacts, frag string) bool {
	if pg.HasAnchor(frag) {
		return true
	}
	if d, err := url.PathUnescape(frag); err == nil && d != frag {
		return pg.HasAnchor(d)
	}
	return false
}

func relTo(dir, abs string) string {
	if strings.HasPrefix(abs, dir+"/") {
		return strings.TrimPrefix(abs, dir+"/")
	}
	// Outside the page's folder: relative to it still (../x.md), never
	// absolute: the message is part of the finding's fingerprint, which
	// must not depend on where the checkout is.
	if r, err := filepath.Rel(filepath.FromSlash(dir), filepath.FromSlash(abs)); err == nil {
		return filepath.ToSlash(r)
	}
	return path.Base(abs)
}
