package rules_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/rules"
)

// rewrittenPage writes an English page of n sentences and a bilingual
// translation of an older version in which every source sentence differs:
// the worst case of stale-source (every segment looked for, every one
// quoted against the whole page).
func rewrittenPage(tb testing.TB, n int) string {
	dir := tb.TempDir()
	r := rand.New(rand.NewSource(1))
	common := strings.Fields("the of and to in a is that for it as was with be by on not this are or from at which but have an they you")
	var en, fr strings.Builder
	en.WriteString("# Title\n\n")
	fr.WriteString("# Titre\n\n")
	for i := range n {
		var w []string
		for range 8 {
			w = append(w, common[r.Intn(len(common))])
		}
		for range 4 {
			w = append(w, fmt.Sprintf("w%d", r.Intn(20000)))
		}
		s := strings.Join(w, " ")
		fmt.Fprintf(&en, "%s item%d.\n\n", s, i)
		fmt.Fprintf(&fr, `<span data-ttu-id="x-%d">T</span><span class="sxs-lookup"><span data-stu-id="x-%d">%s old%d.</span></span>`+"\n\n", i, i, s, i)
	}
	for name, text := range map[string]string{"en-US/p.md": en.String(), "fr-FR/p.md": fr.String()} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return filepath.Join(dir, "fr-FR")
}

// TestStaleSourceRewrittenPage: on a long page whose every sentence
// changed, each segment is reported, the first ones with the sentence that
// replaced it.
func TestStaleSourceRewrittenPage(t *testing.T) {
	got := corpusFindings(t, "stale-source", rewrittenPage(t, 2000))
	if len(got) != 2001 {
		t.Fatalf("%d findings, want 2000 and a summary", len(got))
	}
	quoted := 0
	for _, f := range got {
		if strings.Contains(f, "the current source reads") {
			quoted++
		}
	}
	if quoted < 100 {
		t.Errorf("%d of 2000 rewritten sentences quoted", quoted)
	}
}

// BenchmarkStaleSourceRewrittenPage: 5,000 segments, all stale, on a
// 340 KB page (quadratic before the work was bounded: 18 s).
func BenchmarkStaleSourceRewrittenPage(b *testing.B) {
	dir := rewrittenPage(b, 5000)
	cfg := enabled("stale-source")
	b.ResetTimer()
	for range b.N {
		if _, err := engine.Run([]string{dir}, engine.Options{Config: cfg, Registry: rules.Default}); err != nil {
			b.Fatal(err)
		}
	}
}
