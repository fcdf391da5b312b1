package rules

import (
	"fmt"
	"strings"
)

// multisetDiff returns the items of src missing from tgt and the items of tgt
// not in src, each counted with multiplicity and kept in document order.
func multisetDiff(src, tgt []string) (missing, extra []string) {
	count := map[string]int{}
	for _, s := range tgt {
		count[s]++
	}
	for _, s := range src {
		if count[s] > 0 {
			count[s]--
		} else {
			missing = append(missing, s)
		}
	}
	count = map[string]int{}
	for _, s := range src {
		count[s]++
	}
	for _, s := range tgt {
		if count[s] > 0 {
			count[s]--
		} else {
			extra = append(extra, s)
		}
	}
	return missing, extra
}

// listFirst joins the first n items with commas, and says how many more
// there are: a message about thousands of them stays readable.
func listFirst(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}

// plural picks a word form for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
