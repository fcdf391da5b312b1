package rules

import (
	"reflect"
	"testing"
)

// TestAssignmentsFound: the name=value literals of a text, not those of a
// URL, code, a link's destination or a comparison with spaces.
func TestAssignmentsFound(t *testing.T) {
	for _, tt := range []struct {
		raw    string
		hidden []Range
		want   []string
	}{
		{"set the policy to p=reject.", nil, []string{"p=reject"}},
		{"(CN=Computers, DC=contoso, DC=com)", nil, []string{"CN=Computers", "DC=contoso", "DC=com"}},
		{`Use *unique="true"* and matchStyle="word"`, nil, []string{`unique="true"`, `matchStyle="word"`}},
		{"application/vnd.wordperfect; version=6.x", nil, []string{"version=6.x"}},
		{"see https://x.example/?ad=US&ui=en-US and ?sv=1&sr=c", nil, nil},
		{"a = b, x= y, =z, 1=2, $a=3", nil, nil},
		{"run `p=reject` now", []Range{{Start: 4, End: 14}}, nil},
	} {
		var got []string
		for _, a := range assignments(tt.raw, tt.hidden) {
			got = append(got, a.text(tt.raw))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("assignments(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
