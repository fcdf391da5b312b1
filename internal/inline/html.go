package inline

import "strings"

// TagEnd recognizes CommonMark raw HTML at s[i] == '<': an open tag, a
// closing tag, a comment, a processing instruction, a declaration or a CDATA
// section. It returns the offset after it (0 when there is none), the
// lower-cased tag name ("!--" for comments, "" for the other non-tags),
// whether it is a closing tag, and whether it ends with "/>".
func TagEnd(s string, i, end int) (after int, name string, closing, selfClosing bool) {
	return tagEnd(s, i, end, nil)
}

// tagEnd is TagEnd; m, when set, remembers the terminators ("-->", "?>"...)
// searched for in vain, so that text full of unterminated comments takes
// linear time.
func tagEnd(s string, i, end int, m *scanMemo) (after int, name string, closing, selfClosing bool) {
	if i+1 >= end || s[i] != '<' {
		return 0, "", false, false
	}
	j := i + 1
	switch c := s[j]; {
	case c == '/':
		j++
		ns := j
		if j >= end || !isAlpha(s[j]) {
			return 0, "", false, false
		}
		for j < end && (isAlnum(s[j]) || s[j] == '-') {
			j++
		}
		name = strings.ToLower(s[ns:j])
		j = skipSpace(s, j, end)
		if j < end && s[j] == '>' {
			return j + 1, name, true, false
		}
		return 0, "", false, false
	case c == '!':
		if strings.HasPrefix(s[j:end], "!--") {
			if strings.HasPrefix(s[j+3:end], ">") {
				return j + 4, "!--", false, false
			}
			if strings.HasPrefix(s[j+3:end], "->") {
				return j + 5, "!--", false, false
			}
			k := m.index(s, j+3, end, "-->")
			if k < 0 {
				return 0, "", false, false
			}
			return j + 3 + k + 3, "!--", false, false
		}
		if strings.HasPrefix(s[j:end], "![CDATA[") {
			k := m.index(s, j+8, end, "]]>")
			if k < 0 {
				return 0, "", false, false
			}
			return j + 8 + k + 3, "", false, false
		}
		if j+1 < end && isAlpha(s[j+1]) {
			k := m.index(s, j, end, ">")
			if k < 0 {
				return 0, "", false, false
			}
			return j + k + 1, "", false, false
		}
		return 0, "", false, false
	case c == '?':
		k := m.index(s, j+1, end, "?>")
		if k < 0 {
			return 0, "", false, false
		}
		return j + 1 + k + 2, "", false, false
	case isAlpha(c):
	default:
		return 0, "", false, false
	}
	ns := j
	for j < end && (isAlnum(s[j]) || s[j] == '-') {
		j++
	}
	name = strings.ToLower(s[ns:j])
	for {
		k := skipSpace(s, j, end)
		if k >= end {
			return 0, "", false, false
		}
		switch s[k] {
		case '>':
			return k + 1, name, false, false
		case '/':
			if k+1 < end && s[k+1] == '>' {
				return k + 2, name, false, true
			}
			return 0, "", false, false
		}
		if k == j { // attributes must be preceded by white space
			return 0, "", false, false
		}
		// attribute name
		if !isAlpha(s[k]) && s[k] != '_' && s[k] != ':' {
			return 0, "", false, false
		}
		k++
		for k < end && (isAlnum(s[k]) || strings.IndexByte("_.:-", s[k]) >= 0) {
			k++
		}
		j = k
		k = skipSpace(s, k, end)
		if k < end && s[k] == '=' {
			k = skipSpace(s, k+1, end)
			if k >= end {
				return 0, "", false, false
			}
			switch q := s[k]; q {
			case '"', '\'':
				m := strings.IndexByte(s[k+1:end], q)
				if m < 0 {
					return 0, "", false, false
				}
				j = k + 1 + m + 1
			default:
				m := k
				for m < end && strings.IndexByte(" \t\r\n\"'=<>`", s[m]) < 0 {
					m++
				}
				if m == k {
					return 0, "", false, false
				}
				j = m
			}
		}
	}
}

// AutolinkEnd recognizes a URI or email autolink at s[i] == '<' and returns
// the offset after the closing '>', or 0.
func AutolinkEnd(s string, i, end int) int {
	j := i + 1
	if j >= end || !isAlpha(s[j]) {
		return 0
	}
	k := j
	for k < end && k-j <= 32 && (isAlnum(s[k]) || s[k] == '+' || s[k] == '.' || s[k] == '-') {
		k++
	}
	if k < end && s[k] == ':' && k-j >= 2 && k-j <= 32 {
		for m := k + 1; m < end; m++ {
			switch c := s[m]; {
			case c == '>':
				return m + 1
			case c <= ' ' || c == '<':
				return 0
			}
		}
		return 0
	}
	// email: local@domain
	m := j
	for m < end && (isAlnum(s[m]) || strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", s[m]) >= 0) {
		m++
	}
	if m == j || m >= end || s[m] != '@' {
		return 0
	}
	d := m + 1
	e := d
	for e < end && (isAlnum(s[e]) || s[e] == '-' || s[e] == '.') {
		e++
	}
	if e > d && e < end && s[e] == '>' && isAlnum(s[e-1]) {
		return e + 1
	}
	return 0
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
