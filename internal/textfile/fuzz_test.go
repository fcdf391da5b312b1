package textfile

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// seedPages are real side-by-side pages from ../shared, added to the fuzz
// corpora when present.
var seedPages = []string{
	"../../../shared/seeds/fr-FR/offering-iso-20000-1-2011.md",
	"../../../shared/seeds/zh-CN/offering-iso-20000-1-2011.md",
	"../../../shared/corpus/o365seccomp/de-DE/overview-security-center.md",
}

func addSeedPages(f *testing.F) {
	for _, p := range seedPages {
		if b, err := os.ReadFile(filepath.FromSlash(p)); err == nil {
			f.Add(b)
		}
	}
}

func FuzzDecode(f *testing.F) {
	addSeedPages(f)
	for _, s := range []string{"", "a", "\xEF\xBB\xBF# x\r\n", "\xFF\xFEa\x00\r\x00\n\x00", "\xFE\xFF\x00a\x00", "a\x00b\x00c\x00d\x00",
		"\x00a\x00b", "ab\xffcd", "\r\r\n\n😀\xf0\x9f", "\xFF\xFE\x3D\xD8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		text, enc, invalidAt, err := Decode(b)
		switch enc {
		case "utf-8", "utf-8-bom", "utf-16le", "utf-16be":
		default:
			t.Fatalf("unknown encoding %q", enc)
		}
		if err != nil {
			if text != "" {
				t.Fatalf("Decode returned text %q with error %v", text, err)
			}
			return
		}
		if invalidAt >= 0 {
			if invalidAt >= len(text) {
				t.Fatalf("invalidAt %d outside text of %d bytes", invalidAt, len(text))
			}
			if !utf8.ValidString(text[:invalidAt]) {
				t.Fatalf("invalidAt %d is not the first invalid byte", invalidAt)
			}
			if r, size := utf8.DecodeRuneInString(text[invalidAt:]); r != utf8.RuneError || size != 1 {
				t.Fatalf("byte at invalidAt %d is not invalid", invalidAt)
			}
		} else if !utf8.ValidString(text) {
			t.Fatalf("invalidAt = -1 but the text is not valid UTF-8")
		}
		l := NewLines(text)
		// Every offset of a short text, a sample of a long one (Position
		// scans from the line start, so checking them all is quadratic).
		step := 1
		if len(text) > 2048 {
			step = len(text) / 512
		}
		prev := Position{Line: 1, Col: 1, ColUTF16: 1}
		// The rune-by-rune count goes on from the last offset checked: one
		// walk over the text, whatever its size (counting from the start
		// for each of 512 offsets of a 1 MB input took seconds, and the
		// fuzzer's deadline passed).
		slow := slowCounter{text: text, p: Position{Line: 1, Col: 1, ColUTF16: 1}}
		for off := -2; off <= len(text)+2; off += step {
			p := l.Position(off)
			if q := slow.at(off); p != q {
				t.Fatalf("Position(%d) = %+v, counting rune by rune gives %+v", off, p, q)
			}
			if q := l.PositionOf(off); p != q {
				t.Fatalf("Position(%d) = %+v, PositionOf %+v", off, p, q)
			}
			if p.Line < 1 || p.Line > l.Count() || p.Col < 1 || p.ColUTF16 < p.Col {
				t.Fatalf("Position(%d) = %+v", off, p)
			}
			if p.Line < prev.Line || p.Line == prev.Line && p.Col < prev.Col {
				t.Fatalf("Position(%d) = %+v goes back from %+v", off, p, prev)
			}
			prev = p
		}
		for _, off := range []int{math.MinInt, -1 << 40, len(text) + 1<<40, math.MaxInt} {
			if p := l.Position(off); p.Line < 1 || p.Line > l.Count() {
				t.Fatalf("Position(%d) = %+v", off, p)
			}
		}
		for n := 1; n <= l.Count(); n += step {
			if s := l.LineStart(n); s < 0 || s > len(text) || l.Position(s) != (Position{Line: n, Col: 1, ColUTF16: 1}) {
				t.Fatalf("LineStart(%d) = %d at %+v", n, s, l.Position(s))
			}
		}
	})
}

// slowCounter counts lines and characters rune by rune from the start: the
// definition Position's shortcuts (the last position, first bytes) follow.
// at(off) for increasing offsets goes on from the last one.
type slowCounter struct {
	text string
	i    int
	p    Position
}

func (c *slowCounter) at(off int) Position {
	text := c.text
	off = max(0, min(off, len(text)))
	if off < c.i {
		c.i, c.p = 0, Position{Line: 1, Col: 1, ColUTF16: 1}
	}
	for c.i < off {
		r, size := utf8.DecodeRuneInString(text[c.i:])
		if c.i+size > off {
			break // inside a character: its start
		}
		c.i += size
		switch {
		case r == '\n', r == '\r' && (c.i >= len(text) || text[c.i] != '\n'):
			c.p = Position{Line: c.p.Line + 1, Col: 1, ColUTF16: 1}
		case r == '\r': // the \r of \r\n counts on its line
			c.p.Col++
			c.p.ColUTF16++
		case r >= 0x10000:
			c.p.Col++
			c.p.ColUTF16 += 2
		default:
			c.p.Col++
			c.p.ColUTF16++
		}
	}
	return c.p
}
