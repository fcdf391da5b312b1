package textfile

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, without a BOM.
func utf16Bytes(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		if bigEndian {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func TestDecode(t *testing.T) {
	bomLE, bomBE := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	tests := []struct {
		name      string
		in        []byte
		text      string
		encoding  string
		invalidAt int
		err       error // nil, ErrBinary, or errAny for any other error
	}{
		{"empty", nil, "", "utf-8", -1, nil},
		{"ascii", []byte("# Title\n"), "# Title\n", "utf-8", -1, nil},
		{"utf-8 multi-byte", []byte("Présentation 简体 😀"), "Présentation 简体 😀", "utf-8", -1, nil},
		{"utf-8 bom", []byte("\xEF\xBB\xBFhé\r\n"), "hé\r\n", "utf-8-bom", -1, nil},
		{"utf-8 bom only", []byte("\xEF\xBB\xBF"), "", "utf-8-bom", -1, nil},
		{"utf-16le bom", cat(bomLE, utf16Bytes("# Titre é 简\n", false)), "# Titre é 简\n", "utf-16le", -1, nil},
		{"utf-16be bom", cat(bomBE, utf16Bytes("# Titre é 简\n", true)), "# Titre é 简\n", "utf-16be", -1, nil},
		{"utf-16le bom surrogate pair", cat(bomLE, utf16Bytes("a😀b", false)), "a😀b", "utf-16le", -1, nil},
		{"utf-16be bom surrogate pair", cat(bomBE, utf16Bytes("a😀b", true)), "a😀b", "utf-16be", -1, nil},
		{"utf-16le bom only", bomLE, "", "utf-16le", -1, nil},
		{"utf-16le without bom", utf16Bytes("---\ntitle: x\n---\n", false), "---\ntitle: x\n---\n", "utf-16le", -1, nil},
		{"utf-16be without bom", utf16Bytes("---\ntitle: x\n---\n", true), "---\ntitle: x\n---\n", "utf-16be", -1, nil},
		{"utf-16le without bom latin-1 letters", utf16Bytes("Présentation générale", false), "Présentation générale", "utf-16le", -1, nil},
		{"utf-16le bom odd length", cat(bomLE, []byte{'a', 0, 'b'}), "", "utf-16le", -1, errAny},
		{"utf-16be bom odd length", cat(bomBE, []byte{0, 'a', 0}), "", "utf-16be", -1, errAny},
		{"utf-16le decodes to NUL", cat(bomLE, []byte{'a', 0, 0, 0}), "", "utf-16le", -1, ErrBinary},
		{"NUL byte", []byte("ab\x00cd"), "", "utf-8", -1, ErrBinary},
		{"NUL after utf-8 bom", []byte("\xEF\xBB\xBFab\x00"), "", "utf-8-bom", -1, ErrBinary},
		{"png header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", "utf-8", -1, ErrBinary},
		{"invalid utf-8", []byte("ab\xffcd"), "ab\xffcd", "utf-8", 2, nil},
		{"latin-1 é", []byte("caf\xe9 au lait"), "caf\xe9 au lait", "utf-8", 3, nil},
		{"truncated sequence at end", []byte("é\xe7\xae"), "é\xe7\xae", "utf-8", 2, nil},
		{"invalid after bom is relative to text", []byte("\xEF\xBB\xBFé\xff"), "é\xff", "utf-8-bom", 2, nil},
		{"first of several invalid", []byte("a\x80b\xffc"), "a\x80b\xffc", "utf-8", 1, nil},
		{"surrogate encoded in utf-8 is invalid", []byte("x\xed\xa0\x80"), "x\xed\xa0\x80", "utf-8", 1, nil},
		// Three bytes: too short and odd, so not taken for BOM-less UTF-16.
		{"short odd with NUL", []byte("a\x00b"), "", "utf-8", -1, ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, enc, invalidAt, err := Decode(tc.in)
			switch {
			case tc.err == nil && err != nil:
				t.Fatalf("Decode error = %v, want none", err)
			case errors.Is(tc.err, errAny) && (err == nil || errors.Is(err, ErrBinary)):
				t.Fatalf("Decode error = %v, want a decoding error other than ErrBinary", err)
			case errors.Is(tc.err, ErrBinary) && !errors.Is(err, ErrBinary):
				t.Fatalf("Decode error = %v, want ErrBinary", err)
			}
			if text != tc.text || enc != tc.encoding || invalidAt != tc.invalidAt {
				t.Errorf("Decode = (%q, %q, %d), want (%q, %q, %d)", text, enc, invalidAt, tc.text, tc.encoding, tc.invalidAt)
			}
			if err == nil && invalidAt >= 0 && invalidAt >= len(text) {
				t.Errorf("invalidAt %d is outside the text (len %d)", invalidAt, len(text))
			}
		})
	}
}

var errAny = errors.New("any error")

func TestLooksUTF16NeedsMostlyASCII(t *testing.T) {
	// Chinese in BOM-less UTF-16 has no NUL pattern: it is not detected and,
	// holding no NUL byte, is kept as (invalid) UTF-8 rather than rejected.
	b := utf16Bytes("简体中文", false)
	if _, ok := looksUTF16(b); ok {
		t.Fatalf("looksUTF16(%x) = true, want false", b)
	}
	// One NUL in the wrong half rules UTF-16 out: the file is binary.
	b = utf16Bytes("abcdefghij", false)
	b[0] = 0
	if _, enc, _, err := Decode(b); !errors.Is(err, ErrBinary) {
		t.Errorf("Decode of broken UTF-16 = %q, %v; want ErrBinary", enc, err)
	}
}

func TestLines(t *testing.T) {
	type pos struct {
		off                 int
		line, col, colUTF16 int
	}
	tests := []struct {
		name   string
		text   string
		starts []int
		want   []pos
	}{
		{"empty", "", []int{0}, []pos{{0, 1, 1, 1}, {5, 1, 1, 1}, {-3, 1, 1, 1}}},
		{"LF", "ab\ncd\n", []int{0, 3, 6}, []pos{
			{0, 1, 1, 1}, {1, 1, 2, 2}, {2, 1, 3, 3}, {3, 2, 1, 1}, {5, 2, 3, 3}, {6, 3, 1, 1},
		}},
		{"CRLF", "ab\r\ncd\r\n", []int{0, 4, 8}, []pos{
			{2, 1, 3, 3}, {3, 1, 4, 4}, {4, 2, 1, 1}, {6, 2, 3, 3}, {7, 2, 4, 4}, {8, 3, 1, 1},
		}},
		{"lone CR", "ab\rcd\r", []int{0, 3, 6}, []pos{{2, 1, 3, 3}, {3, 2, 1, 1}, {4, 2, 2, 2}, {6, 3, 1, 1}}},
		{"CR CR LF", "a\r\r\nb", []int{0, 2, 4}, []pos{{1, 1, 2, 2}, {2, 2, 1, 1}, {3, 2, 2, 2}, {4, 3, 1, 1}}},
		{"blank lines", "\n\n\n", []int{0, 1, 2, 3}, []pos{{0, 1, 1, 1}, {1, 2, 1, 1}, {2, 3, 1, 1}, {3, 4, 1, 1}}},
		{"multi-byte", "é简x\nçy", []int{0, 7}, []pos{
			{0, 1, 1, 1}, {2, 1, 2, 2}, {5, 1, 3, 3}, {6, 1, 4, 4}, {7, 2, 1, 1}, {9, 2, 2, 2}, {10, 2, 3, 3},
		}},
		{"inside a character counts as the character", "é简", []int{0}, []pos{
			{1, 1, 1, 1}, {3, 1, 2, 2}, {4, 1, 2, 2}, {5, 1, 3, 3},
		}},
		{"non-BMP counts two UTF-16 units", "a😀b😀\n😀", []int{0, 11}, []pos{
			{1, 1, 2, 2}, {2, 1, 2, 2}, {5, 1, 3, 4}, {6, 1, 4, 5}, {10, 1, 5, 7}, {11, 2, 1, 1}, {15, 2, 2, 3},
		}},
		{"invalid utf-8 counts one column per byte", "a\xff\xfeb", []int{0}, []pos{{1, 1, 2, 2}, {2, 1, 3, 3}, {3, 1, 4, 4}, {4, 1, 5, 5}}},
		{"clamped", "ab\ncd", []int{0, 3}, []pos{{-1, 1, 1, 1}, {5, 2, 3, 3}, {6, 2, 3, 3}, {1 << 40, 2, 3, 3}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLines(tc.text)
			if l.Count() != len(tc.starts) {
				t.Fatalf("Count = %d, want %d", l.Count(), len(tc.starts))
			}
			for n, s := range tc.starts {
				if got := l.LineStart(n + 1); got != s {
					t.Errorf("LineStart(%d) = %d, want %d", n+1, got, s)
				}
			}
			for _, w := range tc.want {
				got := l.Position(w.off)
				want := Position{Line: w.line, Col: w.col, ColUTF16: w.colUTF16}
				if got != want {
					t.Errorf("Position(%d) = %+v, want %+v", w.off, got, want)
				}
			}
		})
	}
}

// TestPositionRoundTrip checks every offset of a mixed text against a
// position computed the slow way.
func TestPositionRoundTrip(t *testing.T) {
	text := "---\r\ntitle: Présentation\r\n---\r\n# 简体 😀\n\n<span>é</span>\rfin\r\n"
	l := NewLines(text)
	line, col, col16 := 1, 1, 1
	for off := 0; off <= len(text); {
		got := l.Position(off)
		want := Position{Line: line, Col: col, ColUTF16: col16}
		if got != want {
			t.Fatalf("Position(%d) = %+v, want %+v", off, got, want)
		}
		if off == len(text) {
			break
		}
		r := []rune(text[off:])[0]
		size := len(string(r))
		switch {
		case r == '\n', r == '\r' && !strings.HasPrefix(text[off+1:], "\n"):
			line, col, col16 = line+1, 1, 1
		default:
			col++
			col16 += len(utf16.Encode([]rune{r}))
		}
		off += size
	}
}

// TestPositionLongLines asks every offset of long lines (past the
// checkpoints' threshold) in random order, with and without the memory of
// the last position, against positions counted one character at a time:
// valid UTF-8 with characters of every width, and invalid UTF-8.
func TestPositionLongLines(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	pieces := []string{"a", "é", "简", "😀", " ", "\t"}
	for _, invalid := range []bool{false, true} {
		var b strings.Builder
		for line := 0; line < 3; line++ {
			for range 4000 + r.IntN(4000) {
				b.WriteString(pieces[r.IntN(len(pieces))])
				if invalid && r.IntN(50) == 0 {
					b.WriteString("\xff")
				}
			}
			b.WriteString("\n")
		}
		text := b.String()
		// Positions the slow way: every byte offset, an offset inside a
		// character counting as that character.
		want := make([]Position, len(text)+1)
		p := Position{Line: 1, Col: 1, ColUTF16: 1}
		for off := 0; off < len(text); {
			rn, size := utf8.DecodeRuneInString(text[off:])
			for k := 0; k < size; k++ {
				want[off+k] = p
			}
			switch {
			case rn == '\n':
				p = Position{Line: p.Line + 1, Col: 1, ColUTF16: 1}
			case rn >= 0x10000:
				p.Col, p.ColUTF16 = p.Col+1, p.ColUTF16+2
			default:
				p.Col, p.ColUTF16 = p.Col+1, p.ColUTF16+1
			}
			off += size
		}
		want[len(text)] = p
		l := NewLines(text)
		offs := r.Perm(len(text) + 1)
		for k, off := range offs {
			var got Position
			if k%2 == 0 {
				got = l.Position(off)
			} else {
				got = l.PositionOf(off)
			}
			if got != want[off] {
				t.Fatalf("invalid %v: Position(%d) = %+v, want %+v", invalid, off, got, want[off])
			}
		}
		if len(l.marks) == 0 {
			t.Errorf("invalid %v: no checkpoints made on lines of %d bytes", invalid, len(text)/3)
		}
	}
}
