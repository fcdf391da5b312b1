package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// extractBoth parses text with and without closeOf's memory and reports a
// difference in segments or problems.
func extractBoth(t *testing.T, name, text string) {
	t.Helper()
	fast := &rules.Page{Text: text}
	Extract(fast, 0)
	noSpanMemo = true
	slow := &rules.Page{Text: text}
	Extract(slow, 0)
	noSpanMemo = false
	if !reflect.DeepEqual(fast.Segments, slow.Segments) || !reflect.DeepEqual(fast.Problems, slow.Problems) {
		t.Errorf("%s: span pairing with memory gives %d segments and %d problems, without %d and %d",
			name, len(fast.Segments), len(fast.Problems), len(slow.Segments), len(slow.Problems))
	}
}

// TestSpanMemo: remembering the spans matched inside a scan changes no
// segment and no problem, on nested, unclosed and interleaved spans and on
// the corpus.
func TestSpanMemo(t *testing.T) {
	seg := func(id string) string {
		return `<span data-ttu-id="` + id + `">T</span><span class="sxs-lookup"><span data-stu-id="` + id + `">S</span></span>`
	}
	for name, text := range map[string]string{
		"unclosed":         strings.Repeat(`<span data-ttu-id="x">`, 50) + "\n",
		"nested":           `<span data-ttu-id="a"><span>x</span> <span>y <span>z</span></span></span>` + seg("b") + "\n",
		"closed later":     `<span data-ttu-id="a">` + seg("b") + "\n" + seg("c") + "</span>\n",
		"across blocks":    `<span data-ttu-id="a">x` + "\n\n" + `y</span>` + seg("b") + "\n",
		"joined lines":     "- " + `<span data-ttu-id="a">x` + "\n  " + `<span>y</span></span>` + "\n",
		"stray closes":     "</span></span>" + seg("a") + "</span>\n",
		"sources unclosed": `<span data-ttu-id="a">x</span><span class="sxs-lookup"><span data-stu-id="a">` + seg("b") + "\n",
	} {
		extractBoth(t, name, text)
	}
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "o365seccomp")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus absent (%s)", dir)
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		if n++; n%4 != 0 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		extractBoth(t, p, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
