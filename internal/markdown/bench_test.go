package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/internal/frontmatter"
	"github.com/l10nlint/l10nlint/rules"
)

func benchFiles(b *testing.B) []string {
	var out []string
	for _, l := range []string{"fr-FR", "zh-CN", "de-DE"} {
		dir := filepath.Join("..", "..", "..", "shared", "corpus", "o365seccomp", l)
		if _, err := os.Stat(dir); err != nil {
			b.Skipf("corpus absent (%s)", dir)
		}
		_ = filepath.Walk(dir, func(p string, i os.FileInfo, err error) error {
			if err == nil && strings.HasSuffix(p, ".md") {
				d, _ := os.ReadFile(p)
				out = append(out, string(d))
			}
			return nil
		})
	}
	return out
}

// BenchmarkGoldmark is goldmark alone, as configured here; BenchmarkExtract
// adds segment extraction. Single-threaded, for pprof.
func BenchmarkGoldmark(b *testing.B) {
	files := benchFiles(b)
	p := newParser()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			p.Parse(textReader([]byte(f)))
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	files := benchFiles(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			pg := &rules.Page{Text: f}
			_, body := frontmatter.Split(f)
			Extract(pg, body)
		}
	}
}
