package rules_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/frontmatter"
	"github.com/l10nlint/l10nlint/internal/markdown"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// loadPage builds a page the way the engine does.
func loadPage(t testing.TB, path, locale string, raw []byte) *rules.Page {
	t.Helper()
	text, enc, _, err := textfile.Decode(raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	page := &rules.Page{Path: path, Text: text, Encoding: enc, Locale: locale, SourceLocale: "en-US"}
	fm, body := frontmatter.Split(text)
	page.FrontMatter = fm
	markdown.Extract(page, body)
	return page
}

func runNumberMismatch(page *rules.Page, opts map[string]any) []rules.Finding {
	var out []rules.Finding
	r := rules.Default.Lookup("number-mismatch")
	pass := &rules.Pass{Page: page, Rule: r, Options: opts, Report: func(f rules.Finding) { out = append(out, f) }}
	r.Run(pass)
	return out
}

func lineOf(text string, off int) int { return strings.Count(text[:off], "\n") + 1 }

func TestCorpusScratch(t *testing.T) {
	root := os.Getenv("NUMBERS_CORPUS")
	if root == "" {
		t.Skip("set NUMBERS_CORPUS")
	}
	var all []rules.Finding
	segs := 0
	for _, loc := range []string{"fr-FR", "zh-CN", "de-DE"} {
		files, _ := filepath.Glob(filepath.Join(root, loc, "*.md"))
		n := 0
		for _, f := range files {
			b, _ := os.ReadFile(f)
			p := loadPage(t, f, loc, b)
			segs += len(p.Segments)
			fs := runNumberMismatch(p, nil)
			n += len(fs)
			all = append(all, fs...)
		}
		fmt.Printf("%s: %d findings\n", loc, n)
	}
	fmt.Printf("total %d findings over %d segments\n", len(all), segs)
	rnd := rand.New(rand.NewSource(int64(len(all))))
	if s := os.Getenv("SEED"); s != "" {
		var seed int64
		fmt.Sscan(s, &seed)
		rnd = rand.New(rand.NewSource(seed))
	}
	k := 30
	if s := os.Getenv("N"); s != "" {
		fmt.Sscan(s, &k)
	}
	for i, j := range rnd.Perm(len(all)) {
		if i >= k {
			break
		}
		f := all[j]
		fmt.Printf("\n#%d %s\n  %s\n  S: %s\n  T: %s\n", i+1, filepath.Base(f.Path), f.Message, f.Source, f.Target)
	}
}

func TestScratchSeeds(t *testing.T) {
	for _, loc := range []string{"fr-FR", "zh-CN"} {
		path := filepath.Join("..", "..", "shared", "seeds", loc, "offering-iso-20000-1-2011.md")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Skip(err)
		}
		p := loadPage(t, path, loc, b)
		for _, f := range runNumberMismatch(p, nil) {
			fmt.Println(loc, lineOf(p.Text, f.Range.Start), f.Message)
		}
	}
}
