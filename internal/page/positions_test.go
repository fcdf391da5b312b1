package page

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

const shared = "../../../shared"

// realPages lists the .md files of the corpus locales and the seeds, as
// slash paths relative to shared. It skips the test when none is there.
func realPages(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, dir := range []string{
		"corpus/o365seccomp/fr-FR", "corpus/o365seccomp/zh-CN", "corpus/o365seccomp/de-DE", "corpus/o365seccomp/en-US", "seeds",
	} {
		root := filepath.Join(shared, filepath.FromSlash(dir))
		if _, err := os.Stat(root); err != nil {
			continue
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".md") {
				rel, _ := filepath.Rel(shared, path)
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if len(files) == 0 {
		tb.Skip("no corpus: ../shared/corpus/o365seccomp and ../shared/seeds are absent")
	}
	sort.Strings(files)
	return files
}

// lineStarts is an independent line index: a line ends after "\n", "\r\n"
// or a lone "\r".
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' && !strings.HasPrefix(text[i+1:], "\n") {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetOf converts a 1-based line and column back to a byte offset. With
// utf16 the column counts UTF-16 code units (a character outside the BMP
// counts two), else code points; an invalid byte counts as one character.
// ok is false when the column does not fall on a character boundary of the
// line.
func offsetOf(text string, starts []int, line, col int, utf16 bool) (off int, ok bool) {
	if line < 1 || line > len(starts) || col < 1 {
		return 0, false
	}
	end := len(text)
	if line < len(starts) {
		end = starts[line]
	}
	off = starts[line-1]
	c := 1
	for c < col {
		if off >= end {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(text[off:end])
		off += size
		if utf16 && r >= 0x10000 {
			c += 2
		} else {
			c++
		}
	}
	return off, c == col
}

// TestPositionsOnRealPages is the position proof: for every segment of every
// real page, the target's range converted to line and column (code points
// and UTF-16 code units) slices the page text back to exactly Target.Raw.
func TestPositionsOnRealPages(t *testing.T) {
	files := realPages(t)
	var segments, withSource, nonASCII, astral, failures atomic.Int64
	var mu sync.Mutex
	blocks := map[string]int{}
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 20 {
			t.Errorf(format, args...)
		}
	}
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := map[string]int{}
			for rel := range work {
				data, err := os.ReadFile(filepath.Join(shared, filepath.FromSlash(rel)))
				if err != nil {
					fail("%s: %v", rel, err)
					continue
				}
				p := Parse(rel, data, Options{})
				lines := textfile.NewLines(p.Text)
				starts := lineStarts(p.Text)
				if len(starts) != lines.Count() {
					fail("%s: %d lines, textfile counts %d", rel, len(starts), lines.Count())
					continue
				}
				check := func(s *rules.Segment, side string, r rules.Range, raw string) {
					if r.Start < 0 || r.Start > r.End || r.End > len(p.Text) || p.Text[r.Start:r.End] != raw {
						fail("%s: segment %q %s: Raw %q is not the text of %v", rel, s.ID, side, raw, r)
						return
					}
					from, to := lines.Position(r.Start), lines.Position(r.End)
					for _, u := range []bool{false, true} {
						sc, ec := from.Col, to.Col
						if u {
							sc, ec = from.ColUTF16, to.ColUTF16
						}
						so, ok1 := offsetOf(p.Text, starts, from.Line, sc, u)
						eo, ok2 := offsetOf(p.Text, starts, to.Line, ec, u)
						if !ok1 || !ok2 || so > eo || p.Text[so:eo] != raw {
							fail("%s: segment %q %s %v: %d:%d-%d:%d (utf16 %v) slices back to offsets %d-%d, not to %q",
								rel, s.ID, side, r, from.Line, sc, to.Line, ec, u, so, eo, raw)
						}
					}
				}
				for _, s := range p.Segments {
					check(s, "target", s.Target.Range, s.Target.Raw)
					if s.HasSource {
						check(s, "source", s.Source.Range, s.Source.Raw)
						withSource.Add(1)
					}
					segments.Add(1)
					local[s.Block]++
					if !isASCII(s.Target.Raw) {
						nonASCII.Add(1)
					}
					if strings.IndexFunc(s.Target.Raw, func(r rune) bool { return r >= 0x10000 }) >= 0 {
						astral.Add(1)
					}
				}
			}
			mu.Lock()
			for k, v := range local {
				blocks[k] += v
			}
			mu.Unlock()
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	t.Logf("%d files, %d segments checked (%d with source, %d targets with non-ASCII text, %d with characters outside the BMP); blocks %v",
		len(files), segments.Load(), withSource.Load(), nonASCII.Load(), astral.Load(), blocks)
	if segments.Load() == 0 {
		t.Error("no segment found in the real pages")
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestPositionsChecker: the converter of the position proof
// is exact on a page with CRLF, lone CR, multi-byte and non-BMP characters.
func TestPositionsChecker(t *testing.T) {
	text := "---\r\ntitle: x\r\n---\r\n# " + sxs("p-1", "Titre 😀 é", "Title 😀") + "\r\rTexte " +
		sxs("p-2", "简体 😀😀 fin", "Simplified") + "\n" + sxs("p-3", "ligne\r\nsuite 𝄞", "line") + "\n"
	p := Parse("x.md", []byte(text), Options{})
	if len(p.Segments) != 3 {
		t.Fatalf("segments %+v problems %+v", p.Segments, p.Problems)
	}
	lines, starts := textfile.NewLines(text), lineStarts(text)
	for _, s := range p.Segments {
		for _, off := range []int{s.Target.Range.Start, s.Target.Range.End} {
			pos := lines.Position(off)
			a, ok1 := offsetOf(text, starts, pos.Line, pos.Col, false)
			b, ok2 := offsetOf(text, starts, pos.Line, pos.ColUTF16, true)
			if !ok1 || !ok2 || a != off || b != off {
				t.Errorf("segment %q: offset %d at %+v converts back to %d / %d", s.ID, off, pos, a, b)
			}
		}
	}
	// p-2's end is after two non-BMP characters: the columns differ.
	end := lines.Position(p.Segments[1].Target.Range.End)
	if end.ColUTF16 != end.Col+2 {
		t.Errorf("end of p-2 at %+v: want ColUTF16 = Col+2", end)
	}
	// A column that is not a character boundary (the second half of a
	// surrogate pair) is rejected.
	if _, ok := offsetOf("😀x", []int{0}, 1, 2, true); ok {
		t.Error("column inside a surrogate pair accepted")
	}
}
