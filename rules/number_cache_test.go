package rules

import (
	"reflect"
	"testing"

	"github.com/l10nlint/l10nlint/internal/numbers"
)

// TestSourceNumbersCache: the remembered extraction of a source text is
// what Extract gives, and stays so after a comparison that rewrites its
// own copy (ignore-years turns dates into month-days).
func TestSourceNumbersCache(t *testing.T) {
	src := "Released on April 16, 2019 for 365 days and 3 tenants."
	want := numbers.Extract(src, "en-US")
	opts := mismatchOptions{ignoreYears: true, identifiers: true, ignore: map[string]bool{}, mayAdd: map[string]bool{}}
	for range 3 {
		if got := sourceNumbers(src, "en-US"); !reflect.DeepEqual(got, want) {
			t.Fatalf("cached %+v, Extract %+v", got, want)
		}
		compareProse(src, Text{Raw: src, Plain: src}, "en-US", "Publié le 16 avril 2019 pour 365 jours.", Text{}, "fr-FR", opts)
	}
}
