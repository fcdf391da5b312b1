package numbers

import "strings"

// conventions are the number-writing habits of one locale.
type conventions struct {
	lang string
	// decimalComma: ',' is the decimal separator and '.' groups thousands
	// (de) or is foreign (fr); otherwise '.' is decimal and ',' groups.
	decimalComma bool
	// dayFirst: 1/2/2019 is 1 February (everywhere but en-US and a few).
	dayFirst bool
	words    map[string]wordNum
	months   map[string]int
	// billion is the exponent of "billion" in this language (long scale in fr, de).
	billion int
}

// decimalCommaLangs write 3,5 for three and a half.
var decimalCommaLangs = map[string]bool{
	"fr": true, "de": true, "es": true, "it": true, "pt": true, "nl": true, "ru": true, "pl": true,
	"cs": true, "sk": true, "sv": true, "da": true, "nb": true, "no": true, "nn": true, "fi": true,
	"tr": true, "hu": true, "ro": true, "bg": true, "uk": true, "el": true, "id": true, "vi": true,
	"hr": true, "sl": true, "sr": true, "lt": true, "lv": true, "et": true, "ca": true, "eu": true,
	"gl": true, "is": true, "kk": true, "az": true,
}

// monthFirstLocales write month/day/year.
var monthFirstLocales = map[string]bool{"en-us": true, "en": true, "en-ph": true}

func localeConventions(locale string) conventions {
	loc := strings.ToLower(strings.ReplaceAll(locale, "_", "-"))
	lang := loc
	if i := strings.IndexByte(loc, '-'); i >= 0 {
		lang = loc[:i]
	}
	c := conventions{lang: lang, decimalComma: decimalCommaLangs[lang], dayFirst: !monthFirstLocales[loc], billion: 9}
	switch lang {
	case "zh", "ja", "ko":
		// Year-first dates are handled by pattern; numeric d/m order follows en-US habits in MT.
		c.dayFirst = false
	}
	switch lang {
	case "fr":
		c.words, c.months, c.billion = frWords, frMonths, 12
	case "de":
		c.words, c.months, c.billion = deWords, deMonths, 12
	default:
		c.words, c.months = enWords, enMonths
	}
	return c
}
