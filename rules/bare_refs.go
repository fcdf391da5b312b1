package rules

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// A bareRef is a URL or an e-mail address written as plain text (GFM's
// extended autolinks: https://..., www...., user@example.com), which docs
// platforms render as links.
type bareRef struct {
	email bool
	valid bool   // a URL with a well-formed host (always, for an address)
	value string // as written, escapes and entities decoded
	key   string // what must stay equal: see bareKey
	at    Range  // in the page
}

func (r bareRef) kind() string {
	if r.email {
		return "e-mail address"
	}
	return "URL"
}

// mayHaveBareRefs is the cheap test before bareRefs: most texts have none.
func mayHaveBareRefs(raw string) bool {
	return strings.Contains(raw, "://") || strings.IndexByte(raw, '@') >= 0 ||
		strings.Contains(raw, "www.") || strings.Contains(raw, "WWW.")
}

// bareRefs finds the bare URLs and e-mail addresses of t's prose: outside
// code spans, links, HTML tags and emphasis delimiters, any of which ends
// one (**https://x.com**mon renders the URL whole, then "mon"). A URL also
// ends at white space, a character that cannot be part of one unescaped
// (< > " ` | [ ] { }) and any non-ASCII character (a CJK sentence often
// runs on without a space: 转到https://x.com。), and loses trailing
// punctuation and an unbalanced closing parenthesis, as GFM has it. URLs
// whose host is not well formed are kept, marked invalid: a target's
// https://\. azurewebsites. net is a broken URL, not none.
func bareRefs(t Text, noFrag bool) []bareRef {
	raw := t.Raw
	if !mayHaveBareRefs(raw) {
		return nil
	}
	base := t.Range.Start
	marks := proseBreaks(t, base)
	// mark returns the first range of marks ending after i.
	mark := func(i int) (Range, bool) {
		k := sort.Search(len(marks), func(k int) bool { return marks[k].End > i })
		if k == len(marks) {
			return Range{}, false
		}
		return marks[k], true
	}
	var out []bareRef
	for i := 0; i < len(raw); {
		start, email := bareStart(raw, i)
		if start < 0 {
			break
		}
		limit := len(raw)
		if m, ok := mark(start); ok {
			if m.Start <= start {
				i = m.End // inside markup: code, a link, a tag
				continue
			}
			limit = m.Start
		}
		var end int
		if email {
			start, end = emailBounds(raw, start, limit)
			if start < 0 {
				i = end
				continue
			}
		} else {
			end = urlEnd(raw, start, limit)
		}
		value := decodeProse(raw[start:end])
		if !email || validEmail(value) {
			out = append(out, bareRef{email: email, valid: email || validURLHost(value), value: value,
				key: bareKey(value, email, noFrag), at: Range{Start: base + start, End: base + end}})
		}
		i = max(end, start+1)
	}
	return out
}

// proseBreaks returns the ranges of t's markup (code spans, links, HTML
// tags, emphasis delimiters) relative to t's start, sorted and merged.
func proseBreaks(t Text, base int) []Range {
	var marks []Range
	add := func(r Range) { marks = append(marks, Range{Start: r.Start - base, End: r.End - base}) }
	for _, c := range t.Code {
		add(c.Range)
	}
	for _, l := range t.Links {
		add(l.Range)
	}
	for _, g := range t.Tags {
		add(g.Range)
	}
	for _, d := range t.Emphasis {
		add(d.Range)
	}
	return sortMerge(marks)
}

// bareStart finds the next place at or after i where a URL starts
// (http://, https://, ftp://, www. not glued to a preceding name) or an '@'
// (email true: the address's start is found from it).
func bareStart(raw string, i int) (int, bool) {
	for ; i < len(raw); i++ {
		switch c := raw[i]; c {
		case 'h', 'H':
			if prefixFold(raw[i:], "http://") || prefixFold(raw[i:], "https://") {
				return i, false
			}
		case 'f', 'F':
			if prefixFold(raw[i:], "ftp://") {
				return i, false // GFM links ftp:// too
			}
		case 'w', 'W':
			if prefixFold(raw[i:], "www.") && (i == 0 || !urlNameByte(raw[i-1])) {
				return i, false
			}
		case '@':
			return i, true
		}
	}
	return -1, false
}

func prefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// urlNameByte reports whether c continues a name a URL would be glued to
// (contoso.www.x, user@www.x).
func urlNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".-_@/:", c) >= 0
}

// urlByte reports whether c may be part of a URL written as text.
func urlByte(c byte) bool {
	return c > ' ' && c < 0x7f && strings.IndexByte(`<>"`+"`"+`|[]{}`, c) < 0
}

// urlEnd returns where the URL starting at start ends, before limit.
func urlEnd(raw string, start, limit int) int {
	end := start
	for end < limit && urlByte(raw[end]) {
		if raw[end] == '&' {
			// A character reference is the character it stands for:
			// &amp; is part of a URL, &nbsp; and &gt; end it.
			if n, d := entityAt(raw[end:limit]); n > 0 {
				if len(d) != 1 || !urlByte(d[0]) {
					break
				}
				end += n
				continue
			}
		}
		if raw[end] == '\\' {
			// An escaped character that may be part of a URL is one
			// (https://\.x renders as https://.x); \< ends it, as < does.
			if end+1 >= limit || !urlByte(raw[end+1]) {
				break
			}
			end++
		}
		end++
	}
	// Trailing punctuation is the sentence's, and a closing parenthesis
	// without its opening one the text's: "(see https://x.com/a)."
	open, closed := strings.Count(raw[start:end], "("), strings.Count(raw[start:end], ")")
	for end > start {
		c := raw[end-1]
		escaped := end-2 >= start && raw[end-2] == '\\'
		if strings.IndexByte("?!.,:;*_~'", c) >= 0 && !escaped {
			end--
			continue
		}
		if c == ')' && open < closed {
			end--
			closed--
			continue
		}
		break
	}
	return end
}

// gluedText reports whether what follows a URL's text in the target,
// glued, is prose and not more of a URL: a bracket the sentence has
// (https://x.net)par), or letters after a bare host (https://x.comzu); a
// path, query or fragment that goes on (/fr, ?lang=fr, mfa -> mfasetup,
// v1 -> v12) makes another URL.
func gluedText(url, glued string) bool {
	if strings.IndexByte(")]}(", glued[0]) >= 0 {
		return true
	}
	rest := url
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	return !strings.ContainsAny(rest, "/?#") && (glued[0] >= 'a' && glued[0] <= 'z' || glued[0] >= 'A' && glued[0] <= 'Z')
}

// emailBounds returns the address around the '@' at at, within the
// prose run before limit, or -1.
func emailBounds(raw string, at, limit int) (int, int) {
	local := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._%+-", c) >= 0
	}
	s := at
	for s > 0 {
		if local(raw[s-1]) {
			s--
			continue
		}
		// An accented Latin letter (hameçon@...), not a CJK character a
		// sentence runs on from (地址user@...).
		if r, n := utf8.DecodeLastRuneInString(raw[:s]); r >= 0xc0 && r <= 0x24f && r != 0xd7 && r != 0xf7 {
			s -= n
			continue
		}
		break
	}
	e := at + 1
	for e < limit && (raw[e] >= 'a' && raw[e] <= 'z' || raw[e] >= 'A' && raw[e] <= 'Z' || raw[e] >= '0' && raw[e] <= '9' || raw[e] == '.' || raw[e] == '-') {
		e++
	}
	for e > at+1 && (raw[e-1] == '.' || raw[e-1] == '-') {
		e--
	}
	for s < at && strings.IndexByte("._%+-", raw[s]) >= 0 {
		s++ // "-stacig@contoso.com": a dash glued to the address
	}
	if s == at || e == at+1 {
		return -1, at + 1
	}
	return s, e
}

// validURLHost reports whether a URL's host is well formed: labels of
// letters, digits and hyphens, at least two of them, none empty.
func validURLHost(u string) bool {
	rest := u
	if i := strings.Index(u, "://"); i >= 0 {
		rest = u[i+3:]
	}
	host := rest
	if i := strings.IndexAny(rest, "/?#:"); i >= 0 {
		host = rest[:i]
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !isASCIIWordByte(c) && c != '-' && c != '_' {
				return false
			}
		}
	}
	return true
}

// validEmail reports whether an address's domain has a top-level label
// of letters: "v1.2@3.4" is no address.
func validEmail(a string) bool {
	_, domain, ok := strings.Cut(a, "@")
	if !ok {
		return false
	}
	i := strings.LastIndexByte(domain, '.')
	if i < 0 || len(domain)-i-1 < 2 {
		return false
	}
	for k := i + 1; k < len(domain); k++ {
		if !isASCIILetter(domain[k]) {
			return false
		}
	}
	return true
}

// decodeProse decodes the backslash escapes and character references of
// a run of prose as Markdown renders it.
func decodeProse(s string) string {
	if strings.IndexByte(s, '\\') >= 0 {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`!"#$%&'()*+,-./:;<=>?@[\]^_`+"`"+`{|}~`, s[i+1]) >= 0 {
				i++
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entityRe.ReplaceAllStringFunc(s, decodeEntity)
	}
	return s
}

// bareKey is what must stay equal of a bare reference across locales: an
// e-mail address ignoring case (mail systems do), a URL as link-mismatch
// compares destinations (locale segments and parameters may change).
func bareKey(value string, email, noFrag bool) string {
	if email {
		a := strings.TrimPrefix(strings.ToLower(value), "mailto:")
		if user, domain, _ := strings.Cut(a, "@"); exampleDomain(domain) && user != "" {
			return "mail:*@" + domain // the user of an example address may be translated
		}
		return "mail:" + a
	}
	if prefixFold(value, "www.") {
		value = "http://" + value
	} else if prefixFold(value, "https://") {
		value = "http://" + value[len("https://"):] // the scheme upgraded is the same page
	}
	return "url:" + NormalizeURL(value, noFrag)
}

// checkBareRefs reports the bare URLs and e-mail addresses of s's source
// that the target lacks: changed (an unmatched one of the target's in
// their place), missing, and those the target adds. A target may give a
// bare URL of the source as a link, an autolink or in code.
func checkBareRefs(p *Pass, s *Segment, srcLinks, tgtLinks []Link, noFrag bool) {
	if !mayHaveBareRefs(s.Source.Raw) {
		return
	}
	src := bareRefs(s.Source, noFrag)
	if !slices.ContainsFunc(src, func(r bareRef) bool { return r.valid }) {
		return
	}
	tgt := bareRefs(s.Target, noFrag)
	have := map[string]int{} // what the target offers, by key
	for _, r := range tgt {
		have[r.key]++
	}
	for _, l := range tgtLinks {
		have[linkKey(l.Dest, noFrag)]++
	}
	for _, c := range s.Target.Code {
		for _, r := range bareRefs(Text{Raw: c.Content}, noFrag) {
			have[r.key]++
		}
	}
	// What the source has, bare or as a link: the target may repeat it, or
	// write a link of the source as a bare URL.
	inSource := map[string]bool{}
	for _, l := range srcLinks {
		inSource[linkKey(l.Dest, noFrag)] = true
	}
	var missing []bareRef
	want := map[string]int{}
	for _, r := range src {
		want[r.key]++ // the same broken URL on both sides is no change
		inSource[r.key] = true
		if have[r.key] > 0 {
			have[r.key]--
		} else if r.valid {
			missing = append(missing, r)
		}
	}
	var extra []bareRef
	for _, r := range tgt {
		if want[r.key] > 0 {
			want[r.key]--
		} else if !inSource[r.key] {
			extra = append(extra, r)
		}
	}
	// Each missing one takes the first extra one of its kind (address or
	// URL), in order: a queue of each kind's places in extra.
	taken := make([]bool, len(extra))
	var next [2]int // by kind: how far the queue of extra has been read
	kindOf := func(email bool) int {
		if email {
			return 1
		}
		return 0
	}
	for _, m := range missing {
		kd, k := kindOf(m.email), -1
		for i := next[kd]; i < len(extra); i++ {
			if extra[i].email == m.email {
				k, next[kd] = i, i+1
				break
			}
		}
		if k < 0 {
			next[kd] = len(extra)
			p.ReportSegment(s, "%s missing from the target: the source has %s", m.kind(), m.value)
			continue
		}
		e := extra[k]
		taken[k] = true
		if glued, ok := strings.CutPrefix(e.value, m.value); ok && glued != "" && !m.email && gluedText(m.value, glued) {
			// "https://x.net)beispielsweise": the URL is intact, the text
			// after it lost its space and became part of the link.
			p.ReportSegmentAt(s, e.at, "text glued to the URL %s: %q follows it without a space, so the link runs on into it (the target links %s)",
				m.value, glued, e.value)
			continue
		}
		p.ReportSegmentAt(s, e.at, "%s changed: the source has %s, the target %s", m.kind(), m.value, e.value)
	}
	for i, e := range extra {
		if e.valid && !taken[i] {
			p.ReportSegmentAt(s, e.at, "%s not in the source: the target adds %s", e.kind(), e.value)
		}
	}
}

// exampleDomain reports whether a (lower-case) domain is made up for
// examples: the names RFC 2606 and 6761 reserve, and the fictitious
// companies of Microsoft's documentation. The user name of an address
// there is an example too, which translations may translate
// (utilisateur@contoso.com).
func exampleDomain(d string) bool {
	labels := strings.Split(d, ".")
	if n := len(labels); n >= 1 {
		switch labels[n-1] {
		case "example", "test", "invalid", "localhost":
			return true
		}
	}
	for _, l := range labels {
		switch l {
		case "example", "contoso", "fabrikam", "adventure-works", "adatum", "northwindtraders", "litwareinc",
			"tailspintoys", "wingtiptoys", "woodgrovebank", "proseware", "fourthcoffee", "wideworldimporters",
			"domain", "domainname", "yourdomain", "mydomain":
			return true
		}
	}
	return false
}

// entityAt reads the character reference s starts with (&amp;, &#38;):
// its length and what it decodes to; 0 when s starts with none.
func entityAt(s string) (int, string) {
	semi := strings.IndexByte(s[:min(len(s), 34)], ';')
	if semi < 0 || !entityRe.MatchString(s[:semi+1]) || entityRe.FindStringIndex(s[:semi+1])[0] != 0 {
		return 0, ""
	}
	d := decodeEntity(s[:semi+1])
	if d == s[:semi+1] {
		return 0, "" // names no character
	}
	return semi + 1, d
}

// linkKey is bareKey for a link's destination: mailto: and an autolink's
// bare address (<support@example.com>) are e-mail addresses.
func linkKey(dest string, noFrag bool) string {
	d := strings.TrimSpace(dest)
	if prefixFold(d, "mailto:") {
		return bareKey(d[len("mailto:"):], true, noFrag)
	}
	if at := strings.IndexByte(d, '@'); at > 0 && !strings.ContainsAny(d[:at], ":/") {
		return bareKey(d, true, noFrag)
	}
	return bareKey(d, false, noFrag)
}
