package markdown

import (
	"strings"
	"unicode"
)

// Slug makes a heading's fragment name the way GitHub and DocFX (Microsoft
// docs) do: lower case, letters (any script), digits, '-' and '_' kept,
// spaces turned into '-', everything else dropped.
func Slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(heading) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		}
	}
	return b.String()
}
