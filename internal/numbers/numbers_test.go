package numbers

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// values renders the numbers of s as "kind:value" (Word ones with a '~'),
// with "|alt" when there is a second reading.
func values(s, locale string) []string {
	var out []string
	for _, n := range Extract(s, locale) {
		v := n.Kind.String() + ":" + n.Value
		if n.Alt != "" {
			v += "|" + n.Alt
		}
		if n.Word {
			v = "~" + v
		}
		out = append(out, v)
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		locale, text string
		want         []string
	}{
		// Grouping and decimals by locale.
		{"en-US", "50,000 users", []string{"number:50000"}},
		{"fr-FR", "50 000 utilisateurs", []string{"number:50000"}},
		{"fr-FR", "50\u00a0000 utilisateurs", []string{"number:50000"}},
		{"fr-FR", "50\u202f000 utilisateurs", []string{"number:50000"}},
		{"de-DE", "50.000 Benutzer", []string{"number:50000|50"}},
		{"en-US", "1,234,567.89", []string{"number:1234567.89"}},
		{"de-DE", "1.234.567,89", []string{"number:1234567.89"}},
		{"fr-FR", "1 234 567,89", []string{"number:1234567.89"}},
		{"fr-FR", "3,5 Go", []string{"number:3.5"}},
		{"de-DE", "3,5 GB", []string{"number:3.5"}},
		{"en-US", "3.5 GB", []string{"number:3.5"}},
		{"fr-FR", "TLS 1.2 conservé", []string{"identifier:tls1.2"}},
		// "1,5": a list in English, a decimal in French.
		{"en-US", "1,5", []string{"number:1", "number:5"}},
		{"fr-FR", "1,5", []string{"number:1.5"}},
		// English-style grouping left in French text is ambiguous.
		{"fr-FR", "1,500 éléments", []string{"number:1.5|1500"}},
		{"en-US", "from .25 inches", []string{"number:0.25"}},
		{"en-US", "2.0 and 02", []string{"number:2", "number:2"}},
		// Scale words.
		{"en-US", "10 million events", []string{"number:10000000"}},
		{"fr-FR", "10 millions d'événements", []string{"number:10000000"}},
		{"de-DE", "10 Millionen oder 10 Mio. Ereignisse", []string{"number:10000000", "number:10000000"}},
		{"zh-CN", "1000 万个事件", []string{"number:10000000"}},
		{"en-US", "2.5 billion", []string{"number:2500000000"}},
		{"de-DE", "2,5 Milliarden", []string{"number:2500000000"}},
		{"en-US", "150K rows", []string{"number:150000|150"}},
		// Percentages.
		{"en-US", "50% of", []string{"percent:50"}},
		{"fr-FR", "50 % des", []string{"percent:50"}},
		{"fr-FR", "50\u00a0% des", []string{"percent:50"}},
		{"de-DE", "50 Prozent", []string{"percent:50"}},
		{"zh-CN", "百分之五十", []string{"~percent:50"}},
		// Ordinals.
		{"en-US", "the 1st and 22nd", []string{"ordinal:1", "ordinal:22"}},
		{"fr-FR", "le 1er et la 2e", []string{"ordinal:1", "ordinal:2"}},
		{"en-US", "the 3rd party service", []string{"~ordinal:3"}},
		// Dates.
		{"en-US", "on 4/16/2019", []string{"date:2019-04-16"}},
		{"fr-FR", "le 16/04/2019", []string{"date:2019-04-16"}},
		{"de-DE", "am 16.04.2019", []string{"date:2019-04-16"}},
		{"zh-CN", "2019年4月16日", []string{"date:2019-04-16"}},
		{"zh-CN", "2019 年 4 月 16 日", []string{"date:2019-04-16"}},
		{"en-US", "2019-04-16", []string{"date:2019-04-16"}},
		{"en-US", "April 16, 2019", []string{"date:2019-04-16"}},
		{"fr-FR", "16 avril 2019", []string{"date:2019-04-16"}},
		{"de-DE", "16. April 2019", []string{"date:2019-04-16"}},
		{"fr-FR", "le 1er juillet 2017", []string{"date:2017-07-01"}},
		{"en-US", "in April 2019", []string{"date:2019-04"}},
		{"zh-CN", "2019 年 4 月", []string{"date:2019-04"}},
		{"en-US", "on 05/04/2019", []string{"date:2019-05-04|2019-04-05"}},
		{"fr-FR", "le 05/04/2019", []string{"date:2019-04-05|2019-05-04"}},
		{"fr-FR", "le 05/17/2019", []string{"date:2019-05-17"}}, // US order left in place
		{"en-US", "you may 2 times", []string{"number:2"}},      // the modal, not the month
		// Times.
		{"en-US", "at 2:00 PM", []string{"time:14:00"}},
		{"en-US", "at 2 PM", []string{"time:14:00"}},
		{"en-US", "at 12:30 a.m.", []string{"time:00:30"}},
		{"fr-FR", "à 14 h 00", []string{"time:14:00"}},
		{"fr-FR", "à 14h30", []string{"time:14:30"}},
		{"de-DE", "um 14 Uhr", []string{"time:14:00"}},
		{"zh-CN", "下午 2:00", []string{"time:14:00"}},
		{"en-US", "1-2: 19th century", []string{"number:1", "number:2", "ordinal:19"}},
		// Identifiers.
		{"en-US", "Office 365 operated by 21Vianet", []string{"identifier:office365", "identifier:21vianet"}},
		{"zh-CN", "由世纪互联运营的 Office 365", []string{"identifier:21vianet", "identifier:office365"}},
		{"en-US", "E5/G5 and x64", []string{"identifier:e5", "identifier:g5", "identifier:x64"}},
		{"en-US", "SHA-256, SHA256, AES-256", []string{"identifier:sha256", "identifier:sha256", "identifier:aes256"}},
		{"en-US", "Windows 10 and Exchange 2016", []string{"identifier:windows10", "identifier:exchange2016"}},
		{"en-US", "TLS1.0 and TLS 1.0", []string{"identifier:tls1.0", "identifier:tls1.0"}},
		{"en-US", "KB4462 and O365", []string{"identifier:kb4462", "identifier:office365"}},
		{"en-US", "version 1.2.3", []string{"version:1.2.3"}},
		{"en-US", "v5 and v8.0.2", []string{"version:5", "version:8.0.2"}},
		{"en-US", "0x1F and 8e200cb2-c768-49cb-88ec-53493e8ad80a", []string{"identifier:0x1f", "identifier:8e200cb2-c768-49cb-88ec-53493e8ad80a"}},
		{"en-US", "4.81037E+11", []string{"number:4.81037e11"}},
		{"en-US", "P2P encryption", []string{"~identifier:p2p"}},
		// Standards compare by their number.
		{"en-US", "ISO 27001 and 27018", []string{"standard:27001", "number:27018"}},
		{"en-US", "ISO/IEC 27001:2013", []string{"standard:27001:2013"}},
		{"fr-FR", "la norme 20000-1:2011", []string{"standard:20000-1:2011"}},
		{"en-US", "FIPS 140-2", []string{"standard:140-2"}},
		// Ranges and dimensions.
		{"en-US", "1-5", []string{"number:1", "number:5"}},
		{"en-US", "170x70 pixels", []string{"number:170", "number:70"}},
		// Units glued or not keep the number.
		{"en-US", "10MB and 64-bit", []string{"number:10", "number:64"}},
		{"fr-FR", "10 Mo", []string{"number:10"}},
		// Number words are flagged.
		{"en-US", "ten or twenty-five", []string{"~number:10", "~number:25"}},
		{"fr-FR", "dix ou vingt-cinq", []string{"~number:10", "~number:25"}},
		{"de-DE", "zehn oder neunstellige", []string{"~number:10", "~number:9"}},
		{"en-US", "five hundred", []string{"~number:500"}},
		{"en-US", "the next half dozen or so", []string{"~number:6"}},
		{"zh-CN", "三个步骤", []string{"~number:3"}},
		{"zh-CN", "十二", []string{"~number:12"}},
		// Not numbers: URLs, addresses, files, always-idioms.
		{"en-US", "see https://example.com/a1/b2?x=3", nil},
		{"en-US", "mail admin2@contoso.com", nil},
		{"en-US", "outlook.office365.com", nil},
		{"en-US", "run Get-Rules2.ps1 or Get-Rules2. ps1", nil},
		{"en-US", "available 24x7", []string{"~number:24", "~number:7"}},
		{"fr-FR", "disponible 24h/24, 7j/7", []string{"~number:24", "~number:24", "~number:7", "~number:7"}},
		// Words glued by lost spaces next to markup.
		{"de-DE", "Plan 2erhalten", []string{"number:2"}},
		{"de-DE", "Office 365zu", []string{"identifier:office365"}},
	}
	for _, tt := range tests {
		got := values(tt.text, tt.locale)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Extract(%q, %s) = %q, want %q", tt.text, tt.locale, got, tt.want)
		}
	}
}

// set renders the non-word values of s, with alternatives, for comparison
// across locales.
func set(s, locale string) map[string]bool {
	m := map[string]bool{}
	for _, n := range Extract(s, locale) {
		m[n.Value] = true
		if n.Alt != "" {
			m[n.Alt] = true
		}
	}
	return m
}

func overlap(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func TestEquivalent(t *testing.T) {
	type side struct{ locale, text string }
	groups := [][]side{
		{{"en-US", "50,000"}, {"fr-FR", "50 000"}, {"fr-FR", "50\u00a0000"}, {"fr-FR", "50\u202f000"}, {"de-DE", "50.000"}, {"zh-CN", "50000"}, {"fr-FR", "50,000"}},
		{{"en-US", "3.5"}, {"fr-FR", "3,5"}, {"de-DE", "3,5"}, {"zh-CN", "3.5"}},
		{{"en-US", "4/16/2019"}, {"fr-FR", "16/04/2019"}, {"de-DE", "16.04.2019"}, {"zh-CN", "2019年4月16日"}, {"en-US", "2019-04-16"},
			{"en-US", "April 16, 2019"}, {"fr-FR", "16 avril 2019"}, {"de-DE", "16. April 2019"}},
		{{"en-US", "10 million"}, {"zh-CN", "1000 万"}, {"fr-FR", "10 millions"}, {"de-DE", "10 Millionen"}, {"de-DE", "10 Mio."}},
		{{"en-US", "1.5 million"}, {"ru-RU", "1,5 млн"}, {"ru-RU", "1,5 миллиона"}, {"pt-BR", "1,5 milhão"}, {"es-ES", "1,5 millones"},
			{"it-IT", "1,5 milioni"}, {"nl-NL", "1,5 miljoen"}, {"pl-PL", "1,5 mln"}, {"sv-SE", "1,5 miljoner"}, {"uk-UA", "1,5 млн"}},
		{{"en-US", "2 billion"}, {"ru-RU", "2 млрд"}, {"pt-BR", "2 bilhões"}, {"es-ES", "2.000 millones"}, {"es-ES", "2 mil millones"}, {"it-IT", "2 miliardi"}, {"nl-NL", "2 miljard"}},
		{{"en-US", "50%"}, {"fr-FR", "50 %"}, {"fr-FR", "50\u00a0%"}, {"de-DE", "50 %"}},
		{{"en-US", "2:00 PM"}, {"fr-FR", "14 h 00"}, {"de-DE", "14:00 Uhr"}, {"zh-CN", "下午 2:00"}, {"ja-JP", "午後 2 時"}, {"zh-CN", "下午2点"}, {"ja-JP", "14 時"}},
		{{"en-US", "2:30 PM"}, {"ja-JP", "午後 2 時 30 分"}, {"ja-JP", "14 時 30 分"}, {"zh-CN", "下午 2 点 30 分"}, {"zh-CN", "下午2点半"}},
		{{"en-US", "1st"}, {"fr-FR", "1er"}, {"de-DE", "1."}},
		{{"en-US", "Office 365"}, {"zh-CN", "Office 365"}, {"en-US", "Office365"}, {"en-US", "O365"}},
		{{"en-US", "21Vianet"}, {"zh-CN", "世纪互联"}},
		{{"en-US", "ten"}, {"en-US", "10"}, {"fr-FR", "dix"}, {"de-DE", "zehn"}},
		{{"en-US", "v11.0"}, {"en-US", "11.0"}},
		{{"en-US", "443"}, {"ar-SA", "٤٤٣"}, {"fa-IR", "۴۴۳"}},
		{{"en-US", "1,234.5"}, {"de-CH", "1'234.5"}, {"de-CH", "1’234.5"}},
		{{"en-US", "10,000"}, {"ar-SA", "١٠٬٠٠٠"}},
		{{"en-US", "99.9%"}, {"ar-SA", "٩٩٫٩٪"}},
	}
	for _, g := range groups {
		want := set(g[0].text, g[0].locale)
		for _, s := range g[1:] {
			if got := set(s.text, s.locale); !overlap(want, got) {
				t.Errorf("%q (%s) = %v, want it equal to %q (%s) = %v", s.text, s.locale, got, g[0].text, g[0].locale, want)
			}
		}
	}
}

func TestDifferent(t *testing.T) {
	type side struct{ locale, text string }
	pairs := [][2]side{
		{{"en-US", "ISO 22301"}, {"fr-FR", "ISO 20000-1:2011"}},
		{{"en-US", "ISO 27001"}, {"fr-FR", "ISO 20000-1"}},
		{{"en-US", "SHA-2"}, {"zh-CN", "SHA-1"}},
		{{"en-US", "IPv4"}, {"fr-FR", "IPv6"}},
		{{"en-US", "E5"}, {"fr-FR", "P2"}},
		{{"en-US", "50,000"}, {"fr-FR", "5 000"}},
		{{"en-US", "3.5"}, {"de-DE", "35"}},
		{{"en-US", ".84%"}, {"fr-FR", "84%"}},
		{{"en-US", "4/16/2019"}, {"fr-FR", "16/05/2019"}},
		{{"en-US", "2 million"}, {"fr-FR", "2"}},
		{{"en-US", "2 million"}, {"ru-RU", "2 млрд"}},
		{{"en-US", "443"}, {"ar-SA", "٤٤٤"}},
		{{"en-US", "2:30 PM"}, {"ja-JP", "午後 2 時 45 分"}},
		{{"en-US", "10 mil"}, {"en-US", "10000"}}, // mil is a scale word in Spanish and Portuguese only
		{{"en-US", "2:00 PM"}, {"fr-FR", "2 h 00"}},
		{{"en-US", "Office 365"}, {"fr-FR", "Office 2016"}},
		{{"en-US", "127.0.0.1"}, {"zh-CN", "127.0.0。1"}},
	}
	for _, p := range pairs {
		a, b := set(p[0].text, p[0].locale), set(p[1].text, p[1].locale)
		for k := range a {
			if b[k] {
				t.Errorf("%q (%s) and %q (%s) share %q", p[0].text, p[0].locale, p[1].text, p[1].locale, k)
			}
		}
	}
}

// TestArabicDigitOffsets: numbers in Arabic-Indic digits keep the offsets
// and text of the page, not of the ASCII form they are read in.
func TestArabicDigitOffsets(t *testing.T) {
	s := "المنفذ ٤٤٣ مطلوب، و ١٠٬٠٠٠ مستخدم (٩٩٫٩٪)."
	got := []string{}
	for _, n := range Extract(s, "ar-SA") {
		if s[n.Start:n.End] != n.Text {
			t.Errorf("%+v: text %q at [%d:%d] is %q", n, n.Text, n.Start, n.End, s[n.Start:n.End])
		}
		got = append(got, n.Kind.String()+":"+n.Value+"="+n.Text)
	}
	want := []string{"number:443=٤٤٣", "number:10000=١٠٬٠٠٠", "percent:99.9=٩٩٫٩٪"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCJKNotClock: hours counted and points listed are not clock times.
func TestCJKNotClock(t *testing.T) {
	for _, c := range [][2]string{{"zh-CN", "以下 3 点建议"}, {"ja-JP", "2 時間かかります"}, {"zh-CN", "需要 2 小时"}} {
		for _, n := range Extract(c[1], c[0]) {
			if n.Kind == Time {
				t.Errorf("%q (%s): %s read as a time", c[1], c[0], n.Text)
			}
		}
	}
}

func TestOffsets(t *testing.T) {
	s := "Le 16 avril 2019, 50\u00a0000 utilisateurs d’Office 365 (soit 3,5 %) à 14 h 00."
	for _, n := range Extract(s, "fr-FR") {
		if s[n.Start:n.End] != n.Text {
			t.Errorf("%+v: text %q at [%d:%d] is %q", n, n.Text, n.Start, n.End, s[n.Start:n.End])
		}
	}
	got := values(s, "fr-FR")
	want := []string{"date:2019-04-16", "number:50000", "identifier:office365", "percent:3.5", "time:14:00"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"ISO 27001 and 27018", "50,000 = 50 000 = 50.000", "4/16/2019 16.04.2019 2019年4月16日",
		"10 million 1000 万 10 Mio.", "2:00 PM 14 h 00 下午 2:00", "Office 365 21Vianet 世纪互联 E5/G5",
		"SHA-256 x64 0x1F 1.2.3 v5", "百分之五十 三个 二〇一九", "https://a.b/c1 x@y.com f1.docx", ".25 4.8E+11 % 3D",
		"1er 2e 3rd party 1.", "24x7 24h/24 7j/7", "ten million, dix-sept, zweistufig, 百分之五十, half a dozen, third", "\xff\xfe1,5", "9999999999999999999999 十亿亿万", "0X 3x",
	} {
		for _, loc := range []string{"en-US", "fr-FR", "de-DE", "zh-CN"} {
			f.Add(s, loc)
		}
	}
	f.Fuzz(func(t *testing.T, s, locale string) {
		prev := -1
		for _, n := range Extract(s, locale) {
			if n.Start < 0 || n.End > len(s) || n.Start > n.End {
				t.Fatalf("%+v: range [%d:%d] outside the input (%d bytes)", n, n.Start, n.End, len(s))
			}
			if s[n.Start:n.End] != n.Text {
				t.Fatalf("%+v: Text is not input[%d:%d] = %q", n, n.Start, n.End, s[n.Start:n.End])
			}
			if n.Start < prev {
				t.Fatalf("%+v: out of order", n)
			}
			prev = n.Start
			if n.Value == "" {
				t.Fatalf("%+v: empty value", n)
			}
			if utf8.ValidString(s) && !utf8.ValidString(n.Text) {
				t.Fatalf("%+v: Text splits a character", n)
			}
			if strings.TrimSpace(n.Text) == "" {
				t.Fatalf("%+v: blank text", n)
			}
		}
		checkDotSuffixes(t, s)
		if slow := extract(s, locale, true); !reflect.DeepEqual(Extract(s, locale), slow) {
			t.Fatalf("with the word shortcut %+v, without %+v", Extract(s, locale), slow)
		}
		// Without digits or a localized name, only spelled-out numbers:
		// number-mismatch skips such texts.
		if !HasDigits(s) && !strings.Contains(s, "世") {
			for _, n := range Extract(s, locale) {
				if !n.Word {
					t.Fatalf("%+v: a number that is not a word, in a text without digits", n)
				}
			}
		}
	})
}

// checkDotSuffixes: the shortcut that skips the host and file name patterns
// never skips one that would match.
func checkDotSuffixes(t *testing.T, s string) {
	t.Helper()
	host, file, fileSpace := dotSuffixes(s)
	for _, c := range []struct {
		re   *regexp.Regexp
		need bool
	}{{hostRe, host}, {fileRe, file}, {fileSpaceRe, fileSpace}} {
		if m := c.re.FindString(s); !c.need && m != "" {
			t.Errorf("%q: dotSuffixes skips %v, which matches %q", s, c.re, m)
		}
	}
}

func TestDotSuffixes(t *testing.T) {
	for _, c := range []struct {
		s                     string
		host, file, fileSpace bool
	}{
		{"contoso.com", true, false, false}, {"a.b.Net.", true, false, false}, {"Files.DOCX", false, true, false},
		{"x.jpeg", false, true, false}, {"x.jpg,", false, true, false}, {"x.htm)", false, true, false},
		{"Get-Rules. ps1", false, false, true}, {"Rules. PS1 ", false, false, true}, {"e.g. this", false, false, false},
		{"v1.2", false, false, false}, {"a.comb", false, false, false}, {"file.doc_x", false, true, false},
		{"Office 365. Le", false, false, false}, {"mail.contoso.local", true, false, false}, {"a.vhdx", false, true, false},
	} {
		checkDotSuffixes(t, c.s)
		if h, f, fs := dotSuffixes(c.s); h != c.host || f != c.file || fs != c.fileSpace {
			t.Errorf("dotSuffixes(%q) = %v, %v, %v; want %v, %v, %v", c.s, h, f, fs, c.host, c.file, c.fileSpace)
		}
	}
}

// TestLocalizedNamesPrefix keeps the shortcut of localizedName true.
func TestLocalizedNamesPrefix(t *testing.T) {
	for name := range localizedNames {
		if !strings.HasPrefix(name, "世") {
			t.Errorf("%q does not start with 世: extend localizedName's first-character test", name)
		}
	}
}

var allFiles = flag.Bool("all-files", false, "compare the shortcuts on every corpus file")

// TestWordShortcutCorpus: on corpus text, Extract finds with the word
// shortcut what it finds without, in each locale's conventions.
func TestWordShortcutCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "o365seccomp")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus absent (%s)", dir)
	}
	n, stride := 0, 5 // a fifth of the files; -short: a fiftieth
	if testing.Short() {
		stride = 50
	}
	if *allFiles {
		stride = 1
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			if n++; n%stride == 0 {
				paths = append(paths, p)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		loc := filepath.Base(filepath.Dir(p))
		for _, line := range strings.Split(string(b), "\n") {
			if fast, slow := Extract(line, loc), extract(line, loc, true); !reflect.DeepEqual(fast, slow) {
				t.Fatalf("%s %q: with the word shortcut %+v, without %+v", p, line, fast, slow)
			}
		}
	}
}
