package rules

import (
	"strings"
	"unicode/utf8"
)

// Which English text a translation was made from. A side-by-side page's
// source span can be older than its translation: a human translator
// updated the target to the current English and left the source span as it
// was (ms.translationtype: HT pages of the corpus). Such a page is not
// out of date; only its source span is. What tells: the words two English
// versions do not share that a translation keeps as written — numbers,
// acronyms, identifiers (PowerShell, eDiscovery) and product names.

// Which text a translation follows, as followedText finds it.
const (
	followsUnknown = iota
	followsOld
	followsNew
)

// followedText tells whether target translates old or new, two versions of
// its source text, by the kept words only one of them has: the target has
// some of new's and none of old's, or lacks all of old's and new has none
// (followsNew); the reverse (followsOld); anything else is unknown.
func followedText(target, old, new string) int {
	ot, nt := keptTokens(old), keptTokens(new)
	if hasNumberWord(old) || hasNumberWord(new) {
		// "3" and "three": a translation may write either.
		for t := range ot {
			if t[0] >= '0' && t[0] <= '9' {
				delete(ot, t)
			}
		}
		for t := range nt {
			if t[0] >= '0' && t[0] <= '9' {
				delete(nt, t)
			}
		}
	}
	have := targetTokens(target)
	var oldIn, oldOut, newIn, newOut int
	for t, absenceTells := range ot {
		if _, ok := nt[t]; ok {
			continue
		}
		if have[t] {
			oldIn++
		} else if absenceTells {
			oldOut++
		}
	}
	for t, absenceTells := range nt {
		if _, ok := ot[t]; ok {
			continue
		}
		if have[t] {
			newIn++
		} else if absenceTells {
			newOut++
		}
	}
	switch {
	case oldIn == 0 && newOut == 0 && newIn+oldOut > 0:
		return followsNew
	case newIn == 0 && oldOut == 0 && oldIn+newOut > 0:
		return followsOld
	}
	return followsUnknown
}

// hasNumberWord reports whether s spells out a number (two to twelve).
func hasNumberWord(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if _, ok := numberWords[w]; ok {
			return true
		}
	}
	return false
}

// keptNames are names a translation keeps that a source text may drop or
// add: the proper nouns of the built-in product names, and Windows
// (Windows PowerShell). Not Online nor Server: a translation has them as
// common words (auf dem Server).
var keptNames = func() map[string]bool {
	m := map[string]bool{"windows": true}
	for _, t := range defaultDoNotTranslate {
		for _, w := range strings.Fields(t) {
			// Not the common words some names have, which a translation
			// translates (OneDrive Entreprise, Microsoft 团队).
			switch w {
			case "Business", "Active", "Directory", "Protection", "Information", "App", "Security", "Cloud",
				"Teams", "Flow", "Power", "Online", "for", "on":
				continue
			}
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// keptTokens returns the tokens of a source text a translation keeps as
// written, in lower case: digit runs, words of two capitals or more (EAC),
// words with a capital after a lower-case letter (PowerShell), and
// keptNames. Each maps to whether a translation without it tells: for
// digit runs (followedText drops them next to a spelled-out number) and
// keptNames; a translation may localize an acronym (EAC: CAE) or
// translate an identifier-like word (eDiscovery: découverte électronique),
// so only their presence tells.
func keptTokens(s string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out[s[i:j]] = true
			i = j
		case isASCIILetter(c):
			j := i
			upper, camel := 0, false
			for j < len(s) && isASCIILetter(s[j]) {
				if s[j] >= 'A' && s[j] <= 'Z' {
					upper++
					if j > i && s[j-1] >= 'a' && s[j-1] <= 'z' {
						camel = true
					}
				}
				j++
			}
			w := s[i:j]
			glued := j < len(s) && s[j] >= utf8.RuneSelf || i > 0 && s[i-1] >= utf8.RuneSelf
			lw := strings.ToLower(w)
			acronym, name := upper == len(w) && len(w) >= 2, upper > 0 && keptNames[lw]
			if !glued && (acronym || camel || name) {
				out[lw] = out[lw] || name
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// targetTokens returns the words of ASCII letters and the digit runs of s,
// in lower case: what a kept token is looked up in (Exchange-
// Aufbewahrungsrichtlinie has exchange). One pass, so that a text with
// thousands of tokens is read once.
func targetTokens(s string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(s); {
		c := s[i]
		j := i
		switch {
		case c >= '0' && c <= '9':
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out[s[i:j]] = true
		case isASCIILetter(c):
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			out[strings.ToLower(s[i:j])] = true
		default:
			j++
		}
		i = j
	}
	return out
}
