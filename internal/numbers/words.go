package numbers

import (
	"strconv"
	"strings"
)

// wordNum is the value of a number word.
type wordNum struct {
	value   string
	ordinal bool
}

func cardinals(m map[string]wordNum, names ...string) {
	for i, n := range names {
		if n != "" {
			m[n] = wordNum{value: itoa(i)}
		}
	}
}

func ordinals(m map[string]wordNum, names ...string) {
	for i, n := range names {
		if n != "" {
			m[n] = wordNum{value: itoa(i), ordinal: true}
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}

var enWords, frWords, deWords = map[string]wordNum{}, map[string]wordNum{}, map[string]wordNum{}

func init() {
	cardinals(enWords, "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
	ordinals(enWords, "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth")
	for w, v := range map[string]string{"thirteenth": "13", "fourteenth": "14", "fifteenth": "15",
		"sixteenth": "16", "seventeenth": "17", "eighteenth": "18", "nineteenth": "19", "twentieth": "20",
		"thirtieth": "30", "hundredth": "100", "thousandth": "1000"} {
		enWords[w] = wordNum{value: v, ordinal: true}
	}
	for w, v := range map[string]string{"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
		"seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000", "dozen": "12", "half": "0.5",
		"once": "1", "twice": "2", "a": "1", "an": "1", "another": "1", "single": "1", "double": "2", "triple": "3", "none": "0", "no": "0"} {
		enWords[w] = wordNum{value: v}
	}

	cardinals(frWords, "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
		"onze", "douze", "treize", "quatorze", "quinze", "seize")
	ordinals(frWords, "", "premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième",
		"huitième", "neuvième", "dixième", "onzième", "douzième")
	for w, v := range map[string]string{"une": "1", "vingt": "20", "vingts": "20", "trente": "30", "quarante": "40",
		"cinquante": "50", "soixante": "60", "cent": "100", "cents": "100", "mille": "1000", "douzaine": "12", "demi": "0.5",
		"aucun": "0", "aucune": "0", "double": "2", "triple": "3", "seul": "1", "seule": "1", "unique": "1"} {
		frWords[w] = wordNum{value: v}
	}
	for w, v := range map[string]string{"vingtième": "20", "trentième": "30", "centième": "100", "millième": "1000",
		"treizième": "13", "quatorzième": "14", "quinzième": "15", "seizième": "16"} {
		frWords[w] = wordNum{value: v, ordinal: true}
	}
	for w, v := range map[string]string{"première": "1", "premiers": "1", "premières": "1", "second": "2",
		"seconde": "2", "seconds": "2", "secondes": "2"} {
		frWords[w] = wordNum{value: v, ordinal: true}
	}

	cardinals(deWords, "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
		"elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn")
	for _, w := range []string{"ein", "eine", "einen", "einem", "einer", "eines", "einzige", "einzigen", "einziger",
		"einzelne", "einzelnen", "einmal", "einfach"} {
		deWords[w] = wordNum{value: "1"}
	}
	for w, v := range map[string]string{"zwanzig": "20", "dreißig": "30", "vierzig": "40", "fünfzig": "50",
		"sechzig": "60", "siebzig": "70", "achtzig": "80", "neunzig": "90", "hundert": "100", "tausend": "1000",
		"zweimal": "2", "dreimal": "3", "doppelt": "2", "doppelte": "2", "doppelten": "2", "beide": "2",
		"beiden": "2", "keine": "0", "kein": "0", "keinen": "0", "dutzend": "12", "halbes": "0.5"} {
		deWords[w] = wordNum{value: v}
	}
	// German ordinals inflect: erste, ersten, erster, erstes, erstem.
	for i, stem := range []string{"", "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht",
		"neunt", "zehnt", "elft", "zwölft", "dreizehnt", "vierzehnt", "fünfzehnt", "sechzehnt", "siebzehnt",
		"achtzehnt", "neunzehnt", "zwanzigst"} {
		if stem == "" {
			continue
		}
		for _, suf := range []string{"e", "en", "er", "es", "em"} {
			deWords[stem+suf] = wordNum{value: itoa(i), ordinal: true}
		}
	}
}

// lookupWord returns the value of a (possibly hyphenated) number word in
// the locale's language: "ten", "twenty-five", "dix-sept", "zehnte".
func (c *conventions) lookupWord(w string) (wordNum, bool) { return c.lookupLower(strings.ToLower(w)) }

// lookupLower is lookupWord for a word already in lower case.
func (c *conventions) lookupLower(lw string) (wordNum, bool) {
	if v, ok := c.words[lw]; ok {
		return v, true
	}
	if c.lang == "de" {
		// Compounds: neunstellige, zweistufig, dreifach, zweiseitige.
		for _, suf := range deCompoundSuffixes {
			if k := strings.Index(lw, suf); k > 0 {
				if v, ok := c.words[lw[:k]]; ok && !v.ordinal {
					return v, true
				}
			}
		}
	}
	if !strings.Contains(lw, "-") {
		return wordNum{}, false
	}
	// Compounds: twenty-five, vingt-et-un, soixante-dix, quatre-vingt-dix.
	sum, cur := 0, 0
	ordinal := false
	for _, p := range strings.Split(lw, "-") {
		if p == "et" {
			continue
		}
		v, ok := c.words[p]
		if !ok {
			return wordNum{}, false
		}
		n := atoiSmall(v.value)
		if n < 0 {
			return wordNum{}, false
		}
		ordinal = v.ordinal
		switch {
		case n == 20 && cur > 0 && cur < 10: // quatre-vingt
			cur *= 20
		case n == 100 && cur > 0 && cur < 10:
			cur *= 100
		default:
			sum += cur
			cur = n
		}
	}
	sum += cur
	return wordNum{value: itoa(sum), ordinal: ordinal}, true
}

var deCompoundSuffixes = []string{"stellig", "stufig", "fach", "seitig", "teilig", "tägig", "jährig", "wöchig",
	"stündig", "minütig", "monatig", "malig", "zeilig", "spaltig", "sprachig"}

func atoiSmall(s string) int {
	n := 0
	if s == "" || len(s) > 9 {
		return -1
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

var enMonths = map[string]int{}
var frMonths = map[string]int{}
var deMonths = map[string]int{}

func init() {
	add := func(m map[string]int, names ...string) {
		for i, n := range names {
			m[n] = i%12 + 1
		}
	}
	add(enMonths, "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december",
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
	enMonths["sept"] = 9
	add(frMonths, "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
		"octobre", "novembre", "décembre",
		"janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")
	add(deMonths, "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
		"oktober", "november", "dezember",
		"jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez")
	deMonths["sept"] = 9
	deMonths["jänner"] = 1
}

// month returns the month number of a month name in the locale's language
// or English (MT often leaves English dates in place). The English modal
// "may" only counts capitalized.
func (c *conventions) month(w string) int { return c.monthLower(w, strings.ToLower(w)) }

// monthLower is month with w's lower-case form lw.
func (c *conventions) monthLower(w, lw string) int {
	if lw == "may" && w != "May" {
		return 0
	}
	if m := c.months[lw]; m > 0 {
		return m
	}
	return enMonths[lw]
}

// scaleWord returns the power of ten of a scale word following a number:
// "million", "millions", "Mio", "thousand", "Milliarden".
func (c *conventions) scaleWord(w string) int {
	lw := strings.ToLower(w)
	if exp, ok := langScales[c.lang][lw]; ok {
		return exp
	}
	switch lw {
	case "thousand", "thousands", "mille", "milliers", "tausend":
		return 3
	case "million", "millions", "mio", "millionen", "mln":
		return 6
	case "billion", "billions":
		return c.billion
	case "milliard", "milliards", "milliarde", "milliarden", "mrd", "bn":
		return 9
	case "trillion", "trillions":
		return 12
	case "billionen":
		return 12
	}
	return 0
}

// cjkDigit maps Chinese/Japanese numerals to values; scales are negative powers.
func cjkDigit(r rune) (v int, scale int, ok bool) {
	switch r {
	case '零', '〇':
		return 0, 0, true
	case '一':
		return 1, 0, true
	case '二', '两', '兩':
		return 2, 0, true
	case '三':
		return 3, 0, true
	case '四':
		return 4, 0, true
	case '五':
		return 5, 0, true
	case '六':
		return 6, 0, true
	case '七':
		return 7, 0, true
	case '八':
		return 8, 0, true
	case '九':
		return 9, 0, true
	case '十':
		return 0, 1, true
	case '百':
		return 0, 2, true
	case '千':
		return 0, 3, true
	case '万', '萬':
		return 0, 4, true
	case '亿', '億':
		return 0, 8, true
	}
	return 0, 0, false
}

// langScales are the scale words of languages beyond English, French and
// German, by language: "1,5 млн" is 1.5 million, "2 mil millones" is read
// as 2 000 millones by its last word. Words that are English words too
// (mil) count only in their language.
var langScales = map[string]map[string]int{}

func init() {
	for lang, spec := range map[string]string{
		"es": "mil:3 millón:6 millon:6 millones:6 billón:12 billon:12 billones:12",
		"pt": "mil:3 milhão:6 milhao:6 milhões:6 milhoes:6 bilhão:9 bilhao:9 bilhões:9 bilhoes:9 bilião:12 biliões:12",
		"it": "mila:3 milione:6 milioni:6 miliardo:9 miliardi:9",
		"nl": "duizend:3 miljoen:6 miljard:9",
		"sv": "tusen:3 miljon:6 miljoner:6 miljard:9 miljarder:9",
		"da": "tusind:3 million:6 millioner:6 mia:9 milliard:9 milliarder:9",
		"nb": "tusen:3 million:6 millioner:6 mrd:9 milliard:9 milliarder:9",
		"pl": "tys:3 tysięcy:3 tysiące:3 mln:6 milion:6 miliony:6 milionów:6 mld:9 miliard:9 miliardy:9 miliardów:9",
		"cs": "tis:3 tisíc:3 mil:6 milion:6 miliony:6 milionů:6 mld:9 miliarda:9 miliardy:9 miliard:9",
		"ru": "тыс:3 тысяча:3 тысячи:3 тысяч:3 млн:6 миллион:6 миллиона:6 миллионов:6 млрд:9 миллиард:9 миллиарда:9 миллиардов:9",
		"uk": "тис:3 тисяча:3 тисячі:3 тисяч:3 млн:6 мільйон:6 мільйона:6 мільйони:6 мільйонів:6 млрд:9 мільярд:9 мільярда:9 мільярди:9 мільярдів:9",
		"tr": "bin:3 milyon:6 milyar:9",
	} {
		m := map[string]int{}
		for _, f := range strings.Fields(spec) {
			w, e, _ := strings.Cut(f, ":")
			exp, err := strconv.Atoi(e)
			if err != nil {
				panic("langScales: " + f)
			}
			m[w] = exp
		}
		langScales[lang] = m
	}
}
