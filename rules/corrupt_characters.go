package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CorruptCharacters reports characters a translation added that show
// garbled or not at all.
var CorruptCharacters = Register(&Rule{
	ID:       "corrupt-characters",
	Aliases:  []string{"mojibake", "invisible-characters", "control-characters"},
	Tags:     []string{"segment", "characters"},
	Severity: Error,
	Short:    "The target has control, replacement, garbled (mojibake) or invisible characters the source does not",
	Doc: `Reports characters of a segment's target that a reader cannot see or sees garbled, and that the
source does not have (a character copied from the source is the source's problem):

  - control characters (U+0000-U+001F but tab and line breaks, U+007F-U+009F). Those of
    U+0080-U+009F are nearly always a Windows-1252 character read as Latin-1: "™" saved as the
    byte 0x99 comes back as U+0099, which browsers show as nothing. When the source has the
    Windows-1252 character, the fix puts it back;
  - the replacement character U+FFFD: a character lost when the text went through an encoding
    that could not hold it;
  - mojibake, UTF-8 read as Windows-1252: "Ã©" for "é", "Â " for a no-break space, "â€™" for
    "’", "ï»¿" for a byte order mark. The fix decodes it;
  - invisible format characters: zero-width spaces, joiners and non-joiners, direction marks
    and embeddings, word joiners, soft hyphens, line and paragraph separators, and a byte order
    mark inside the text ("[\uFEFFKostenlose Azure..."). They are copied along with the text and
    can break search, links and commands typed from the page. The fix deletes them. Joiners next
    to the letters of scripts that join (Arabic, the Indic scripts, Sinhala, Myanmar, Khmer,
    Mongolian, Tibetan) or between emoji, direction marks on pages in a right-to-left language
    or holding right-to-left text, and zero-width spaces next to Thai, Lao, Khmer, Myanmar or
    Tibetan text are how those are written, and not reported;
  - private-use characters, which show as a box unless the page's font defines them.

Characters written as HTML entities (&#8203;) are deliberate and not reported. Each run of one
character is one finding, at the run.`,
	Run:         runCorruptCharacters,
	Monolingual: true,
})

// win1252 maps the bytes 0x80-0x9F of Windows-1252 to their characters
// (0 where the code page has none).
var win1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// cp1252Byte returns the Windows-1252 (or Latin-1) byte a character is
// written with, for the characters of the bytes 0x80-0xBF.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xBF {
		return byte(r), true // Latin-1, and the C1 controls of a Latin-1 reading
	}
	for i, w := range win1252 {
		if w == r && w != 0 {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// invisibleNames names the format characters a message may mention.
var invisibleNames = map[rune]string{
	0x00AD: "soft hyphen", 0x061C: "Arabic letter mark", 0x180E: "Mongolian vowel separator",
	0x200B: "zero-width space", 0x200C: "zero-width non-joiner", 0x200D: "zero-width joiner",
	0x200E: "left-to-right mark", 0x200F: "right-to-left mark", 0x2028: "line separator",
	0x2029: "paragraph separator", 0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
	0x202C: "pop directional formatting", 0x202D: "left-to-right override", 0x202E: "right-to-left override",
	0x2060: "word joiner", 0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate",
	0x2068: "first strong isolate", 0x2069: "pop directional isolate", 0xFEFF: "byte order mark",
}

// rtlLanguages are the languages written right to left.
var rtlLanguages = map[string]bool{"ar": true, "he": true, "iw": true, "fa": true, "ur": true, "ps": true,
	"sd": true, "ug": true, "yi": true, "dv": true, "ckb": true}

func runCorruptCharacters(p *Pass) {
	lang := strings.ToLower(p.Page.Locale)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	for _, s := range p.Page.Segments {
		checkCorruptCharacters(p, s, lang)
	}
}

// skipPlain returns how many bytes from s[i] hold only characters the rule
// never reports, judged by their first bytes (0 when s[i] starts one it
// may): nearly all text is skipped without being decoded.
func skipPlain(s string, i int) int {
	c := s[i]
	next := func() byte {
		if i+1 < len(s) {
			return s[i+1]
		}
		return 0
	}
	switch {
	case c < 0x80:
		if c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r' {
			return 1
		}
	case c >= 0xE3 && c <= 0xED: // U+3000-U+DFFF: CJK, Hangul...
		return 3
	case c == 0xC2: // U+0080-U+00BF: C1 controls and the soft hyphen
		if b := next(); b >= 0xA0 && b != 0xAD {
			return 2
		}
	case c == 0xC3: // U+00C0-U+00FF: Â, Ã, â and ï start mojibake
		if b := next(); b != 0x82 && b != 0x83 && b != 0xA2 && b != 0xAF {
			return 2
		}
	case c >= 0xC4 && c <= 0xDF: // U+0100-U+07FF: Arabic and Syriac have format characters
		if c != 0xD8 && c != 0xDB && c != 0xDC {
			return 2
		}
	case c == 0xE2: // U+2000-U+2FFF: only U+2000-U+207F has format characters
		if b := next(); b != 0x80 && b != 0x81 {
			return 3
		}
	}
	return 0
}

func checkCorruptCharacters(p *Pass, s *Segment, lang string) {
	raw := s.Target.Raw
	i := 0
	for i < len(raw) {
		n := skipPlain(raw, i)
		if n == 0 {
			break
		}
		i += n
	}
	if i >= len(raw) {
		return // most segments
	}
	src := s.Source.Raw
	base := s.Target.Range.Start
	report := func(a, b int, fixed *string, format string, args ...any) {
		f := Finding{Rule: p.Rule.ID, Severity: p.Rule.Severity, Path: p.Page.Path,
			Range: Range{Start: base + a, End: base + b}, Message: fmt.Sprintf(format, args...),
			SegmentID: s.ID, Source: s.Source.Raw, Target: s.Target.Raw}
		if fixed != nil {
			f.Fixes = []Edit{{Range: f.Range, New: *fixed}}
		}
		p.Report(f)
	}
	var inSource map[rune]bool
	var seqs map[string]bool
	seqInSource := func(seq string) bool {
		c, ok := seqs[seq]
		if !ok {
			if seqs == nil {
				seqs = map[string]bool{}
			}
			c = strings.Contains(src, seq)
			seqs[seq] = c
		}
		return c
	}
	rtl := -1 // whether the page's language or the target is right to left, once known
	isRTL := func() bool {
		if rtl < 0 {
			rtl = 0
			if rtlLanguages[lang] || strings.IndexFunc(raw, isRTLLetter) >= 0 {
				rtl = 1
			}
		}
		return rtl == 1
	}
	for i < len(raw) {
		if n := skipPlain(raw, i); n > 0 {
			i += n
			continue
		}
		r, w := utf8.DecodeRuneInString(raw[i:])
		// A run of the same character is one finding.
		end, n := i+w, 1
		for end < len(raw) {
			r2, w2 := utf8.DecodeRuneInString(raw[end:])
			if r2 != r || r == utf8.RuneError && w2 == 1 {
				break
			}
			end, n = end+w2, n+1
		}
		times := ""
		if n > 1 {
			times = fmt.Sprintf(" ×%d", n)
		}
		copied := func() bool {
			// Once per character: a target of many could take a long source.
			c, ok := inSource[r]
			if !ok {
				if inSource == nil {
					inSource = map[rune]bool{}
				}
				c = strings.ContainsRune(src, r)
				inSource[r] = c
			}
			return c
		}
		switch {
		case r == utf8.RuneError && w == 1:
			// Invalid UTF-8 is file-format's finding.
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			if copied() {
				break
			}
			if r >= 0x80 && win1252[r-0x80] != 0 {
				meant := string(win1252[r-0x80])
				if strings.Contains(src, meant) {
					fixed := strings.Repeat(meant, n)
					report(i, end, &fixed, "control character U+%04X%s where the source has %q: %q saved in Windows-1252 and read as Latin-1", r, times, meant, meant)
				} else {
					report(i, end, nil, "control character U+%04X%s: probably %q saved in Windows-1252 and read as Latin-1", r, times, meant)
				}
				break
			}
			fixed := ""
			report(i, end, &fixed, "control character U+%04X%s the source does not have: it does not show, and breaks copy-paste and XML tools", r, times)
		case r == utf8.RuneError:
			if !copied() {
				report(i, end, nil, "replacement character U+FFFD%s: a character was lost when the text went through an encoding that could not hold it", times)
			}
		case r == 'Ã' || r == 'Â' || r == 'â' || r == 'ï':
			if m, meant := mojibakeAt(raw, i); m > i && !seqInSource(raw[i:m]) {
				if meant == "\uFEFF" {
					meant = ""
					report(i, m, &meant, "%q is a byte order mark garbled: UTF-8 read as Windows-1252", raw[i:m])
				} else {
					report(i, m, &meant, "%q is %q garbled: UTF-8 read as Windows-1252", raw[i:m], meant)
				}
				end = m
			}
		case unicode.Is(unicode.Co, r):
			if !copied() {
				report(i, end, nil, "private-use character U+%04X%s the source does not have: it shows as a box unless the page's font defines it", r, times)
			}
		case unicode.Is(unicode.Cf, r) || r == 0x2028 || r == 0x2029:
			if copied() || legitInvisible(raw, i, end, r, lang, isRTL) {
				break
			}
			name := invisibleNames[r]
			if name == "" {
				name = "format character"
			}
			fixed := ""
			report(i, end, &fixed, "invisible character U+%04X (%s)%s the source does not have: it is copied along with the text, where it can break search, links and commands", r, name, times)
		}
		i = end
	}
}

// mojibakeAt returns the end of a UTF-8 sequence read as Windows-1252 that
// starts at i ("Ã©", "â€™", "ï»¿") and the character it stands for, or i.
func mojibakeAt(s string, i int) (int, string) {
	var bs []byte
	j := i
	for k := 0; k < 3 && j < len(s); k++ {
		r, w := utf8.DecodeRuneInString(s[j:])
		var b byte
		if k == 0 {
			if r < 0xC2 || r > 0xEF {
				break
			}
			b = byte(r)
		} else {
			var ok bool
			if b, ok = cp1252Byte(r); !ok {
				break
			}
		}
		bs = append(bs, b)
		j += w
		if k > 0 {
			if d, size := utf8.DecodeRune(bs); d != utf8.RuneError && size == len(bs) {
				return j, string(d)
			}
		}
	}
	return i, ""
}

// legitInvisible reports whether the format character r at s[i:end] is
// how the text around it is written: a joiner in a script that joins or
// between emoji, a direction mark in right-to-left text, a zero-width space
// in a language written without spaces between words.
func legitInvisible(s string, i, end int, r rune, lang string, rtl func() bool) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[end:])
	switch r {
	case 0x200C, 0x200D:
		if joiningScript(before) || joiningScript(after) {
			return true
		}
		return r == 0x200D && (unicode.Is(unicode.So, before) || before == 0xFE0F) && unicode.Is(unicode.So, after)
	case 0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069:
		return rtl()
	case 0x200B:
		switch lang {
		case "th", "lo", "km", "my", "bo":
			return true
		}
		return unicode.In(before, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan) ||
			unicode.In(after, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
	}
	return r >= 0xE0020 && r <= 0xE007F && unicode.Is(unicode.So, before) // an emoji flag's tag sequence
}

// joiningScript reports whether r is a letter or mark of a script whose
// spelling uses joiners and non-joiners.
func joiningScript(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Hebrew,
		unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil,
		unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala, unicode.Myanmar, unicode.Khmer,
		unicode.Mongolian, unicode.Tibetan)
}

func isRTLLetter(r rune) bool {
	return r >= 0x0590 && unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
