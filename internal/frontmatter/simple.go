package frontmatter

import (
	"strings"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/rules"
)

// parseSimple reads the front matter most docs pages have, a flat mapping of
// simple keys to one-line scalars and block lists of one-line scalars,
// without the YAML parser (most of the front matter's time, pprof), and
// reports whether it could. It gives up, leaving fm untouched, on anything
// else: comments, tabs, CR line ends, escapes in double quotes, multi-line
// scalars, nested collections, indicators, duplicate keys. What it accepts it reads exactly
// as yaml.v3 and Parse do, which the tests check on the corpus and fuzzing.
func parseSimple(text string, fm *rules.FrontMatter) bool {
	body := text[fm.Range.Start:fm.Range.End]
	if strings.ContainsAny(body, "\t\r") || body != "" && body[len(body)-1] != '\n' || !plainChars(body) {
		return false
	}
	var entries []rules.FrontMatterEntry
	seen := map[string]bool{}
	pending, list, itemIndent := -1, -1, 0 // entries awaiting and collecting list items
	var items []string
	endList := func() {
		if list >= 0 {
			entries[list].Value = strings.Join(items, "\n")
			list, items = -1, nil
		}
	}
	for pos := 0; pos < len(body); {
		nl := strings.IndexByte(body[pos:], '\n')
		line := body[pos : pos+nl]
		start := fm.Range.Start + pos
		pos += nl + 1
		if line == "" {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if indent == len(line) {
			return false // white space only
		}
		if line[indent] == '-' {
			// A list item: "- value" under a key with no value of its own.
			switch {
			case list >= 0 && indent == itemIndent:
			case list < 0 && pending >= 0:
				list, pending, itemIndent = pending, -1, indent
				entries[list].Scalar = false
				entries[list].ValueRange.Start = start + indent
			default:
				return false
			}
			raw := line[indent+1:]
			if !strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "  ") {
				return false
			}
			v, ok := simpleScalar(raw[1:])
			if !ok {
				return false
			}
			items = append(items, v)
			entries[list].ValueRange.End = start + len(strings.TrimRight(line, " "))
			continue
		}
		if indent > 0 {
			return false // a continuation line or a nested mapping
		}
		endList()
		pending = -1 // an empty value after all: YAML's null
		if line[0] == '#' {
			return false // a comment
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 || !simpleKey(line[:colon]) {
			return false
		}
		key := line[:colon]
		if seen[key] {
			return false // the YAML parser's error message
		}
		seen[key] = true
		e := rules.FrontMatterEntry{Key: key, Scalar: true, KeyRange: rules.Range{Start: start, End: start + colon}}
		rest := line[colon+1:]
		switch {
		case strings.TrimRight(rest, " ") == "":
			// A list may follow; else the value is empty, at the colon's end.
			pending = len(entries)
			e.ValueRange = rules.Range{Start: start + colon + 1, End: start + colon + 1}
		case rest[0] != ' ':
			return false
		default:
			raw := strings.TrimLeft(rest, " ")
			v, ok := simpleScalar(raw)
			if !ok {
				return false
			}
			vs := start + colon + 1 + len(rest) - len(raw)
			e.Value = v
			e.ValueRange = rules.Range{Start: vs, End: vs + len(strings.TrimRight(raw, " "))}
		}
		entries = append(entries, e)
	}
	endList()
	fm.Entries = entries
	return true
}

// simpleKey is a key of letters, digits, '_', '.' and '-' that starts with a
// letter or digit.
func simpleKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		case (c == '_' || c == '.' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return k != ""
}

// simpleScalar reads a one-line scalar: plain (no indicator first, no ": "
// inside, no ':' last), or quoted without escapes and inner quotes. The
// value is as YAML reads it.
func simpleScalar(s string) (string, bool) {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return "", false
	}
	switch q := s[0]; q {
	case '"', '\'':
		if len(s) < 2 || s[len(s)-1] != q || strings.IndexByte(s[1:len(s)-1], q) >= 0 || q == '"' && strings.IndexByte(s, '\\') >= 0 {
			return "", false
		}
		return s[1 : len(s)-1], true
	}
	if strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", s[0]) >= 0 || strings.Contains(s, ": ") || strings.Contains(s, " #") || s[len(s)-1] == ':' {
		return "", false
	}
	return s, true
}

// plainChars reports whether s is valid UTF-8 made of characters YAML
// prints as themselves: no control characters but '\n', no byte order mark,
// no line or paragraph separator (YAML line breaks), no non-characters.
func plainChars(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, r <= 0x9F, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}
