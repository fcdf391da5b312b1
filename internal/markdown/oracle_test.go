package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/l10nlint/l10nlint/internal/inline"
)

var oracleAll = flag.Bool("oracle-all", false, "compare tags with goldmark on every corpus file")

// TestTagsMatchGoldmark checks the tag scanner that finds segment spans
// against goldmark's own inline parser (CommonMark, with its default inline
// parsers) on every paragraph and heading of the corpus and the seeds: both
// must see the same raw HTML tags at the same offsets.
func TestTagsMatchGoldmark(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../../shared/seeds", "../../../shared/corpus/o365seccomp"} {
		_ = filepath.Walk(dir, func(p string, i os.FileInfo, err error) error {
			if err == nil && strings.HasSuffix(p, ".md") {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Skip("../shared absent: no corpus to compare on")
	}
	// Every third file keeps the test to a few seconds (goldmark's regexp
	// HTML parser is slow on these pages); -oracle-all compares them all.
	step := 3
	if *oracleAll {
		step = 1
	}
	var picked []string
	for i := 0; i < len(files); i += step {
		picked = append(picked, files[i])
	}
	files = picked
	md := goldmark.New()
	blocks, tags := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		doc := md.Parser().Parse(text.NewReader(data))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n.(type) {
			case *ast.Paragraph, *ast.Heading:
			default:
				return ast.WalkContinue, nil
			}
			l := n.Lines()
			if l.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			var want []string
			_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
				if raw, ok := c.(*ast.RawHTML); ok && entering {
					s := raw.Segments.At(0).Start
					e := raw.Segments.At(raw.Segments.Len() - 1).Stop
					want = append(want, src[s:e])
				}
				return ast.WalkContinue, nil
			})
			var got []string
			var sc inline.TagScanner
			tt, _, _ := sc.Scan(src, l.At(0).Start, l.At(l.Len()-1).Stop)
			for _, tg := range tt {
				got = append(got, src[tg.Range.Start:tg.Range.End])
			}
			blocks++
			tags += len(want)
			if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
				t.Errorf("%s: block at byte %d: tags differ from goldmark's\n got %q\nwant %q", f, l.At(0).Start, got, want)
			}
			return ast.WalkSkipChildren, nil
		})
	}
	t.Logf("%d files, %d blocks, %d tags agree with goldmark", len(files), blocks, tags)
}
