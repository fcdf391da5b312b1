package rules_test

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/l10nlint/l10nlint/internal/inline"
	"github.com/l10nlint/l10nlint/rules"
)

// TestEmphasisPairsLikeGoldmark: markup-mismatch's pairing of emphasis
// runs leaves as text exactly the delimiter characters goldmark renders as
// text, on 20,000 random lines of *, **, ***, _, letters, CJK, spaces and
// punctuation (flanking, the rule of three, openers given up).
func TestEmphasisPairsLikeGoldmark(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alpha := []string{"*", "**", "_", "a", " ", "+", "“", "(", "单", ".", "***"}
	mism := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := 0; k < 2+r.Intn(8); k++ {
			b.WriteString(alpha[r.Intn(len(alpha))])
		}
		s := "p " + b.String() + " q"
		// goldmark: the delimiter characters left as text
		doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(s)))
		lit := 0
		_ = ast.Walk(doc, func(nd ast.Node, entering bool) (ast.WalkStatus, error) {
			if tn, ok := nd.(*ast.Text); ok && entering {
				seg := tn.Segment.Value([]byte(s))
				lit += bytes.Count(seg, []byte("*")) + bytes.Count(seg, []byte("_"))
			}
			return ast.WalkContinue, nil
		})
		tx := inline.Parse(s, 0, len(s))
		ours := 0
		_, left := rules.PairDelimsForTest(tx.Emphasis)
		for i := range tx.Emphasis {
			ours += left[i]
		}
		// and ours: those of runs that can neither open nor close, and
		// those left over after pairing
		all := strings.Count(s, "*") + strings.Count(s, "_")
		delimChars := 0
		for _, d := range tx.Emphasis {
			delimChars += d.Len
		}
		ours += all - delimChars
		if lit != ours {
			mism++
			if mism < 15 {
				t.Errorf("%q: goldmark shows %d delimiter characters as text, markup-mismatch %d", s, lit, ours)
			}
		}
	}
	if mism > 0 {
		t.Errorf("%d lines differ", mism)
	}
}
