// Package locale recognizes and normalizes locale codes and knows each
// language's script.
package locale

import (
	"strings"
	"unicode"
)

// languages are ISO 639-1 codes accepted as a bare path segment ("fr/").
// Two-letter folder names that are not languages (like "js") stay unmatched.
var languages = map[string]bool{}

func init() {
	for _, l := range strings.Fields(`af am ar as az be bg bn bs ca cs cy da de el en es et eu fa fi fil fr ga gd
		gl gu he hi hr hu hy id is it ja ka kk km kn ko kok ky lb lo lt lv mi mk ml mn mr ms mt nb ne nl nn no or
		pa pl ps pt quz ro ru rw sd si sk sl sq sr sv sw ta te tg th ti tk tr tt ug uk ur uz vi wo xh yo zh zu
		bo ckb chr dv ku my prs yi`) {
		languages[l] = true
	}
}

// notBare are language codes that are also common folder names ("my/"):
// they name a locale only with a region or script ("my-MM").
var notBare = map[string]bool{"my": true}

// scripts are the ISO 15924 codes a locale's script subtag can be: a
// folder such as hr-team, ms-docs or en-blog names no locale.
var scripts = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`adlm arab armn beng cans cher cyrl deva ethi geor grek gujr guru hang hani hans
		hant hebr hira jpan kana khmr knda kore laoo latn mlym mong mtei mymr olck orya sinh syrc taml telu tfng thaa
		thai tibt vaii yiii`) {
		scripts[c] = true
	}
}

// Normalize returns the canonical form of a locale code ("fr-fr" →
// "fr-FR", "zh-hans" → "zh-Hans", "pt_BR" → "pt-BR") and whether it is one.
func Normalize(s string) (string, bool) {
	s = strings.ReplaceAll(s, "_", "-")
	parts := strings.Split(s, "-")
	lang := strings.ToLower(parts[0])
	if !languages[lang] {
		return "", false
	}
	out := []string{lang}
	for i, p := range parts[1:] {
		switch {
		case i == 0 && len(p) == 4 && scripts[strings.ToLower(p)]: // script: Hans, Latn
			out = append(out, strings.ToUpper(p[:1])+strings.ToLower(p[1:]))
		case len(p) == 2 && isAlpha(p):
			out = append(out, strings.ToUpper(p))
		case len(p) == 3 && isDigit(p): // UN M.49 region: es-419
			out = append(out, p)
		case i > 0 && isVariant(p): // variant: valencia, 1901
			out = append(out, strings.ToLower(p))
		default:
			return "", false
		}
	}
	return strings.Join(out, "-"), true
}

// FromPath finds a locale-named segment in a slash-separated path, nearest
// to the file first ("docs/fr-fr/a.md" → "fr-FR"). Bare language codes
// count only as directory names.
func FromPath(path string) string {
	segs := strings.Split(path, "/")
	for i := len(segs) - 2; i >= 0; i-- {
		seg := segs[i]
		if !strings.ContainsAny(seg, "-_") && (len(seg) != 2 || notBare[strings.ToLower(seg)]) {
			continue
		}
		if l, ok := Normalize(seg); ok {
			return l
		}
	}
	return ""
}

// Language returns the language subtag ("fr" for "fr-CA").
func Language(loc string) string {
	if i := strings.IndexByte(loc, '-'); i >= 0 {
		return strings.ToLower(loc[:i])
	}
	return strings.ToLower(loc)
}

// Script returns the Unicode script a locale writes prose in: Han, Hiragana
// (Japanese), Hangul, Cyrillic, Arabic, Hebrew, Greek, Thai, Devanagari or
// Latin.
func Script(loc string) *unicode.RangeTable {
	switch Language(loc) {
	case "zh":
		return unicode.Han
	case "ja":
		return japanese
	case "ko":
		return unicode.Hangul
	case "ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg", "tt":
		if strings.Contains(loc, "Latn") {
			return unicode.Latin
		}
		return unicode.Cyrillic
	case "ar", "fa", "ur", "ps", "sd", "ug":
		return unicode.Arabic
	case "he":
		return unicode.Hebrew
	case "el":
		return unicode.Greek
	case "th":
		return unicode.Thai
	case "hi", "mr", "ne", "kok":
		return unicode.Devanagari
	case "ka":
		return unicode.Georgian
	case "hy":
		return unicode.Armenian
	case "km":
		return unicode.Khmer
	case "lo":
		return unicode.Lao
	}
	return unicode.Latin
}

// japanese covers kana and kanji.
var japanese = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x3040, Hi: 0x30ff, Stride: 1}, {Lo: 0x3400, Hi: 0x4dbf, Stride: 1}, {Lo: 0x4e00, Hi: 0x9fff, Stride: 1},
}}

// CJK reports whether the locale writes without spaces between words.
func CJK(loc string) bool {
	switch Language(loc) {
	case "zh", "ja", "ko", "th", "lo", "km":
		return true
	}
	return false
}

// isVariant reports whether p is a BCP 47 variant subtag: five to eight
// letters or digits, or four starting with a digit (not "docs", "blog").
func isVariant(p string) bool {
	if len(p) < 4 || len(p) > 8 || len(p) == 4 && !isDigit(p[:1]) {
		return false
	}
	for _, c := range p {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// scriptRegions are the regions whose Chinese is written in each script.
var scriptRegions = map[string]string{"hans": "cn sg my", "hant": "tw hk mo"}

// Within reports whether the locale loc fits inside folder, a locale tree's
// name: the same locale, or a more specific one of a bare language folder
// (fr-FR in fr/) or of a script folder (zh-CN in zh-Hans/, not in zh-Hant/).
func Within(loc, folder string) bool {
	if strings.EqualFold(loc, folder) {
		return true
	}
	fl, ll := strings.Split(strings.ToLower(folder), "-"), strings.Split(strings.ToLower(loc), "-")
	if fl[0] != ll[0] {
		return false
	}
	switch {
	case len(fl) == 1:
		return true
	case len(fl) == 2 && len(fl[1]) == 4 && len(ll) >= 2:
		if ll[1] == fl[1] {
			return true
		}
		return len(ll) == 2 && len(ll[1]) == 2 && strings.Contains(scriptRegions[fl[1]], ll[1])
	}
	return false
}
