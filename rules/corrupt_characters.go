package rules

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/locale"
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
source does not have (a character copied from the source, or written there as an entity, is the
source's problem):

  - control characters (U+0000-U+001F but tab and line breaks, U+007F-U+009F). Those of
    U+0080-U+009F are nearly always a Windows-1252 character read as Latin-1: "™" saved as the
    byte 0x99 comes back as U+0099, which browsers show as nothing. When the source has the
    Windows-1252 character, the fix puts it back;
  - the replacement character U+FFFD: a character lost when the text went through an encoding
    that could not hold it;
  - mojibake, UTF-8 read as Windows-1252: "Ã©" for "é", "Å¼" for "ż", "áº¡" for "ạ", "â€™" for
    "’", "Â" and a no-break space for a no-break space, "ï»¿" for a byte order mark, and text
    garbled twice ("ÃƒÂ©"). Only sequences that decode to a Latin letter, common punctuation or
    symbols, or a letter of the page's script count ("Dubaï »" and "‘Â’" are French), and not a
    word's last capital before punctuation ("AMANHÃ…" is Portuguese). The fix decodes them;
  - invisible format characters: zero-width spaces, joiners and non-joiners, direction marks
    and embeddings, word joiners, soft hyphens, line and paragraph separators, and a byte order
    mark inside the text ("[\uFEFFKostenlose Azure..."). They are copied along with the text and
    can break search, links and commands typed from the page. The fix deletes them (a line
    separator between two words becomes a space). Not reported, as they are how the text is
    written: joiners next to the letters of scripts that join (Arabic, the Indic scripts,
    Sinhala, Myanmar, Khmer, Mongolian, Tibetan) or inside an emoji sequence, direction marks on
    a page in a right-to-left language or script or holding right-to-left text, zero-width
    spaces next to Thai, Lao, Khmer, Myanmar or Tibetan text, a soft hyphen inside a word (a
    hyphenation point), the Mongolian vowel separator in Mongolian, a flag emoji's tags; the
    Arabic number signs show, and are no invisible characters;
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
	if r < 0x80 || r > 0x2122 {
		return 0, false
	}
	if r <= 0xBF {
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

// rtlLanguages are the languages written right to left; rtlScripts the
// right-to-left script subtags ("pa-Arab").
var (
	rtlLanguages = map[string]bool{"ar": true, "he": true, "iw": true, "fa": true, "ur": true, "ps": true,
		"sd": true, "ug": true, "yi": true, "dv": true, "ckb": true, "prs": true, "ku": true}
	rtlScripts = map[string]bool{"arab": true, "hebr": true, "syrc": true, "thaa": true, "nkoo": true,
		"adlm": true, "rohg": true}
)

// charContext is what the rule knows of a page's language and writing.
type charContext struct {
	locale, lang, script string
	text                 string // the page's text: read for right-to-left letters once a direction mark asks
	rtl                  int8   // -1: not known yet
}

func newCharContext(pg *Page) *charContext {
	c := &charContext{locale: pg.Locale, text: pg.Text, rtl: -1}
	parts := strings.FieldsFunc(strings.ToLower(pg.Locale), func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) > 0 {
		c.lang = parts[0]
	}
	if len(parts) > 1 && len(parts[1]) == 4 {
		c.script = parts[1]
	}
	return c
}

// rightToLeft reports whether the page is in a right-to-left language or
// script, or holds right-to-left letters.
func (c *charContext) rightToLeft() bool {
	if c.rtl < 0 {
		c.rtl = 0
		if rtlLanguages[c.lang] || rtlScripts[c.script] || strings.IndexFunc(c.text, isRTLLetter) >= 0 {
			c.rtl = 1
		}
	}
	return c.rtl == 1
}

// plausible reports whether r, what a run of characters decodes to when
// read back as UTF-8, is a character the page may have meant: a Latin
// letter, common punctuation and symbols, a letter of the locale's script,
// or one that is itself a problem (a byte order mark, U+FFFD). Anything
// else — a control or private-use character, a letter of a script the
// page is not written in — means the characters were no mojibake
// ("Dubaï\u00a0»" is French).
func (c *charContext) plausible(r rune) bool {
	switch {
	case r < 0xA0, r >= 0xE000 && r <= 0xF8FF:
		return false
	case r <= 0x24F, r >= 0x1E00 && r <= 0x1EFF: // Latin
		return true
	case r >= 0x2000 && r <= 0x22FF, r >= 0x2500 && r <= 0x25FF, r == 0xFEFF, r == 0xFFFD:
		return true // punctuation, currency, letterlike, arrows, math, boxes
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return locale.CJK(c.locale) && c.lang != "th" && c.lang != "lo" && c.lang != "km"
	}
	script := locale.Script(c.locale)
	return script != unicode.Latin && unicode.Is(unicode.Letter, r) && unicode.Is(script, r)
}

func runCorruptCharacters(p *Pass) {
	c := newCharContext(p.Page)
	for _, s := range p.Page.Segments {
		checkCorruptCharacters(p, s, c)
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
	case c == 0xC3: // U+00C0-U+00FF: U+00C2-U+00EF may start mojibake, before a non-ASCII character
		if b := next(); b < 0x82 || b > 0xAF || i+2 >= len(s) || s[i+2] < 0x80 {
			return 2
		}
	case c >= 0xC4 && c <= 0xDF: // U+0100-U+07FF: the Arabic and Syriac format characters
		if b := next(); !arabicFormat(c, b) {
			return 2
		}
	case c == 0xE1: // U+1000-U+1FFF: only U+180E
		if b := next(); b != 0xA0 {
			return 3
		}
	case c == 0xE2: // U+2000-U+2FFF: U+200B-U+200F, U+2028-U+202E, U+2060-U+206F
		b, t := next(), byte(0)
		if i+2 < len(s) {
			t = s[i+2]
		}
		if !punctuationFormat(b, t) {
			return 3
		}
	}
	return 0
}

// arabicFormat reports whether the two bytes c, b start U+0600-U+0605,
// U+061C, U+06DD or U+070F.
func arabicFormat(c, b byte) bool {
	return c == 0xD8 && (b >= 0x80 && b <= 0x85 || b == 0x9C) || c == 0xDB && b == 0x9D || c == 0xDC && b == 0x8F
}

// punctuationFormat reports whether 0xE2 b t is U+200B-U+200F,
// U+2028-U+202E or U+2060-U+206F.
func punctuationFormat(b, t byte) bool {
	return b == 0x80 && (t >= 0x8B && t <= 0x8F || t >= 0xA8 && t <= 0xAE) || b == 0x81 && t >= 0xA0 && t <= 0xAF
}

func checkCorruptCharacters(p *Pass, s *Segment, c *charContext) {
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
	// The source as it renders (&#8203; is a zero-width space), read once
	// for each character or sequence looked up: a target of many could
	// take a long source.
	var src string
	srcDone := false
	inSource := map[string]bool{}
	has := func(seq string) bool {
		if !srcDone {
			src, srcDone = s.Source.Raw, true
			if strings.IndexByte(src, '&') >= 0 {
				src = html.UnescapeString(src)
			}
		}
		v, ok := inSource[seq]
		if !ok {
			v = strings.Contains(src, seq)
			inSource[seq] = v
		}
		return v
	}
	for i < len(raw) {
		if n := skipPlain(raw, i); n > 0 {
			i += n
			continue
		}
		r, w := utf8.DecodeRuneInString(raw[i:])
		if r == utf8.RuneError && w == 1 {
			i++ // invalid UTF-8 is file-format's finding
			continue
		}
		if r >= 0xC2 && r <= 0xEF {
			// Mojibake starts with a letter of U+00C2-U+00EF, one at a time.
			if m, meant, ok := mojibakeAt(raw, i, c); ok && !has(raw[i:m]) {
				reportMojibake(report, raw, i, m, meant)
				i = m
				continue
			}
			i += w
			continue
		}
		// A run of the same character is one finding.
		end, n := i+w, 1
		for end < len(raw) {
			r2, w2 := utf8.DecodeRuneInString(raw[end:])
			if r2 != r || w2 != w {
				break
			}
			end, n = end+w2, n+1
		}
		times := ""
		if n > 1 {
			times = fmt.Sprintf(" ×%d", n)
		}
		ch := string(r)
		switch {
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			if has(ch) {
				break
			}
			if r >= 0x80 && win1252[r-0x80] != 0 {
				meant := string(win1252[r-0x80])
				if has(meant) {
					fixed := strings.Repeat(meant, n)
					report(i, end, &fixed, "control character U+%04X%s where the source has %q: %q saved in Windows-1252 and read as Latin-1", r, times, meant, meant)
				} else {
					report(i, end, nil, "control character U+%04X%s: probably %q saved in Windows-1252 and read as Latin-1", r, times, meant)
				}
				break
			}
			fixed := joinFix(raw, i, end, r)
			report(i, end, &fixed, "control character U+%04X%s the source does not have: it does not show, and breaks copy-paste and XML tools", r, times)
		case r == utf8.RuneError:
			if !has(ch) {
				report(i, end, nil, "replacement character U+FFFD%s: a character was lost when the text went through an encoding that could not hold it", times)
			}
		case unicode.Is(unicode.Co, r):
			if !has(ch) {
				report(i, end, nil, "private-use character U+%04X%s the source does not have: it shows as a box unless the page's font defines it", r, times)
			}
		case unicode.Is(unicode.Cf, r) || r == 0x2028 || r == 0x2029:
			if visibleFormat(r) || has(ch) || legitInvisible(raw, i, end, r, c) {
				break
			}
			name := invisibleNames[r]
			if name == "" {
				name = "format character"
			}
			fixed := joinFix(raw, i, end, r)
			report(i, end, &fixed, "invisible character U+%04X (%s)%s the source does not have: it is copied along with the text, where it can break search, links and commands", r, name, times)
		}
		i = end
	}
}

// reportMojibake reports raw[i:m], which reads meant as UTF-8.
func reportMojibake(report func(int, int, *string, string, ...any), raw string, i, m int, meant string) {
	seq := raw[i:m]
	r, _ := utf8.DecodeRuneInString(meant)
	switch {
	case r == utf8.RuneError:
		report(i, m, nil, "%q is a replacement character U+FFFD garbled: UTF-8 read as Windows-1252 (the character it stood for was lost before)", seq)
	case unicode.Is(unicode.Cf, r):
		fixed := ""
		name := invisibleNames[r]
		if name == "" {
			name = "format character"
		}
		report(i, m, &fixed, "%q is an invisible U+%04X (%s) garbled: UTF-8 read as Windows-1252", seq, r, name)
	default:
		report(i, m, &meant, "%q is %q garbled: UTF-8 read as Windows-1252", seq, meant)
	}
}

// joinFix is what replaces a run of an invisible or control character:
// nothing, but a space where it breaks a line between two words (a line
// separator, a vertical tab), which deleting would join.
func joinFix(s string, i, end int, r rune) string {
	switch r {
	case 0x2028, 0x2029, 0x0B, 0x0C, 0x85:
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if i > 0 && end < len(s) && !unicode.IsSpace(before) && !unicode.IsSpace(after) {
			return " "
		}
	}
	return ""
}

// mojibakeAt reads the characters from s[i] back as the Windows-1252
// bytes they stand for and returns the end of the UTF-8 sequence they
// form ("Ã©", "â€™", "ï»¿", "Ä™") and the character it encodes, if that is
// plausible on the page. A sequence garbled twice ("ÃƒÂ©") is decoded
// twice.
func mojibakeAt(s string, i int, c *charContext) (end int, meant string, ok bool) {
	end, r, ok := mojibakeOnce(s, i, c)
	if !ok {
		return i, "", false
	}
	if r >= 0xC2 && r <= 0xEF {
		// Garbled twice: the characters decoded from this sequence and the
		// next ones are mojibake again ("ÃƒÂ©" is "Ã©", which is "é").
		d, e := []rune{r}, end
		for len(d) < 3 {
			e2, r2, ok2 := mojibakeOnce(s, e, c)
			if !ok2 {
				break
			}
			d, e = append(d, r2), e2
			t := string(d)
			if e3, r3, ok3 := mojibakeOnce(t, 0, c); ok3 && e3 == len(t) {
				return e, string(r3), true
			}
		}
	}
	return end, string(r), true
}

// mojibakeOnce decodes one UTF-8 sequence written in Windows-1252 from
// s[i]: a lead character of U+00C2-U+00EF and one or two characters of the
// bytes 0x80-0xBF.
func mojibakeOnce(s string, i int, c *charContext) (int, rune, bool) {
	lead, w := utf8.DecodeRuneInString(s[i:])
	if lead < 0xC2 || lead > 0xEF {
		return i, 0, false
	}
	bs := []byte{byte(lead)}
	need := 2
	if lead >= 0xE0 {
		need = 3
	}
	j := i + w
	for len(bs) < need && j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		b, ok := cp1252Byte(r)
		if !ok {
			return i, 0, false
		}
		bs = append(bs, b)
		j += w
	}
	if len(bs) < need {
		return i, 0, false
	}
	d, size := utf8.DecodeRune(bs)
	if size != need || d == utf8.RuneError && need != 3 || !c.plausible(d) {
		return i, 0, false
	}
	if need == 2 {
		// A word ending in an upper-case letter before punctuation
		// ("AMANHÃ…", "IRMÃ”") is Portuguese, not "Å" or "”" garbled.
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if unicode.IsUpper(before) && !unicode.IsLetter(after) {
			return i, 0, false
		}
	}
	return j, d, true
}

// visibleFormat reports the format characters that show: the Arabic number
// signs and the other marks a number is written after.
func visibleFormat(r rune) bool {
	return r >= 0x0600 && r <= 0x0605 || r == 0x06DD || r == 0x070F || r == 0x0890 || r == 0x0891 ||
		r == 0x08E2 || r == 0x110BD || r == 0x110CD
}

// legitInvisible reports whether the format character r at s[i:end] is
// how the text around it is written: a joiner in a script that joins or
// inside an emoji sequence, a direction mark on a right-to-left page, a
// zero-width space in a language written without spaces between words, a
// Mongolian vowel separator, a soft hyphen inside a word (a hyphenation
// point), the tags of a flag emoji.
func legitInvisible(s string, i, end int, r rune, c *charContext) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[end:])
	switch {
	case r == 0x200C || r == 0x200D:
		if joiningScript(before) || joiningScript(after) {
			return true
		}
		return r == 0x200D && emojiPart(before) && emojiPart(after)
	case r == 0x200E || r == 0x200F || r == 0x061C || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
		return c.rightToLeft()
	case r == 0x200B:
		switch c.lang {
		case "th", "lo", "km", "my", "bo":
			return true
		}
		return unicode.In(before, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan) ||
			unicode.In(after, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
	case r == 0x180E:
		return unicode.Is(unicode.Mongolian, before) || unicode.Is(unicode.Mongolian, after)
	case r == 0x00AD:
		return unicode.IsLetter(before) && unicode.IsLetter(after)
	case r >= 0xE0020 && r <= 0xE007F:
		// A flag's tag sequence follows the black flag, tag after tag.
		k := i
		for k > 0 {
			p, w := utf8.DecodeLastRuneInString(s[:k])
			if p < 0xE0020 || p > 0xE007F {
				return p == 0x1F3F4
			}
			k -= w
		}
	}
	return false
}

// emojiPart reports whether r is part of an emoji: a pictograph, a skin
// tone, the emoji variation selector, a regional indicator or a symbol.
func emojiPart(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F || r == 0x20E3 ||
		r >= 0x2300 && r <= 0x23FF || r >= 0x2B00 && r <= 0x2BFF || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r)
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
