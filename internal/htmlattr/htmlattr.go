// Package htmlattr reads one attribute of an HTML start tag in place,
// giving the byte range of its value: the link checks report on the value
// itself, and a tokenizer would copy and lose it.
package htmlattr

import "strings"

// Find finds the value of the attribute name in the tag text[i:n]:
// its range, quoted or not. Attributes are read in turn, so that a quoted
// value holding "href=" is no href.
func Find(text string, i, n int, name string) (start, end int, ok bool) {
	tag := text[i:n]
	k := 1 // past '<'
	for k < len(tag) && !isHTMLSpace(tag[k]) && tag[k] != '>' && tag[k] != '/' {
		k++ // the tag's name
	}
	for k < len(tag) {
		for k < len(tag) && (isHTMLSpace(tag[k]) || tag[k] == '/') {
			k++
		}
		if k >= len(tag) || tag[k] == '>' {
			return 0, 0, false
		}
		ns := k
		for k < len(tag) && !isHTMLSpace(tag[k]) && tag[k] != '=' && tag[k] != '>' && tag[k] != '/' {
			k++
		}
		attr := tag[ns:k]
		for k < len(tag) && isHTMLSpace(tag[k]) {
			k++
		}
		if k >= len(tag) || tag[k] != '=' {
			continue // an attribute without a value
		}
		k++
		for k < len(tag) && isHTMLSpace(tag[k]) {
			k++
		}
		if k >= len(tag) {
			return 0, 0, false
		}
		var vs, ve int
		if q := tag[k]; q == '"' || q == '\'' {
			e := strings.IndexByte(tag[k+1:], q)
			if e < 0 {
				return 0, 0, false
			}
			vs, ve = k+1, k+1+e
			k = ve + 1
		} else {
			vs = k
			for k < len(tag) && !isHTMLSpace(tag[k]) && tag[k] != '>' {
				k++
			}
			ve = k
			if ve > vs && tag[ve-1] == '/' && k < len(tag) && tag[k] == '>' {
				ve-- // <img src=a.png/>
			}
		}
		if strings.EqualFold(attr, name) {
			return i + vs, i + ve, ve > vs
		}
	}
	return 0, 0, false
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// Name returns the lower-cased name of the start tag tag ("a" for
// `<A HREF=...>`), or "" for an end tag, a comment or a declaration.
func Name(tag string) string {
	if len(tag) < 2 || tag[0] != '<' {
		return ""
	}
	k := 1
	for k < len(tag) && (tag[k]|0x20 >= 'a' && tag[k]|0x20 <= 'z' || k > 1 && (tag[k] >= '0' && tag[k] <= '9' || tag[k] == '-')) {
		k++
	}
	return strings.ToLower(tag[1:k])
}
