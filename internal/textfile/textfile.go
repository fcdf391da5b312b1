// Package textfile decodes files to UTF-8 and maps byte offsets to lines and
// columns.
package textfile

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// ErrBinary is returned for content that is not text.
var ErrBinary = errors.New("binary file (NUL bytes or undecodable content)")

// Decode turns raw file bytes into UTF-8 text. It handles a UTF-8 BOM and
// UTF-16 LE/BE with a BOM (and BOM-less UTF-16 detected by its NUL pattern).
// Invalid UTF-8 sequences are kept as they are and reported through
// invalidAt (the byte offset of the first one, or -1): Go strings hold them
// fine, and rules see U+FFFD when ranging.
func Decode(b []byte) (text string, encoding string, invalidAt int, err error) {
	return decode(b, false)
}

// Rewritable reports whether text decoded as encoding, with its first
// invalid UTF-8 byte at invalidAt (-1: none), can be written back as UTF-8
// with the same bytes but for the edits: UTF-8 (with or without its byte
// order mark) and valid. check --fix rewrites only such files: in a UTF-16
// file it would change the encoding, in a Latin-1 one mix two.
func Rewritable(encoding string, invalidAt int) bool {
	return invalidAt < 0 && (encoding == "utf-8" || encoding == "utf-8-bom")
}

// DecodeOwned is Decode for bytes the caller hands over and never modifies
// again: UTF-8 text is used in place rather than copied.
func DecodeOwned(b []byte) (text string, encoding string, invalidAt int, err error) {
	return decode(b, true)
}

func decode(b []byte, owned bool) (text string, encoding string, invalidAt int, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, encoding = b[3:], "utf-8-bom"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err := decodeUTF16(b[2:], false)
		return s, "utf-16le", -1, err
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err := decodeUTF16(b[2:], true)
		return s, "utf-16be", -1, err
	default:
		encoding = "utf-8"
		if le, ok := looksUTF16(b); ok {
			s, err := decodeUTF16(b, !le)
			if le {
				return s, "utf-16le", -1, err
			}
			return s, "utf-16be", -1, err
		}
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", encoding, -1, ErrBinary
	}
	invalidAt = -1
	if !utf8.Valid(b) {
		invalidAt = firstInvalid(b)
	}
	if owned && len(b) > 0 {
		return unsafe.String(&b[0], len(b)), encoding, invalidAt, nil
	}
	return string(b), encoding, invalidAt, nil
}

// looksUTF16 detects BOM-less UTF-16 text: mostly ASCII with NUL in every
// other byte.
func looksUTF16(b []byte) (littleEndian, ok bool) {
	n := len(b)
	if n < 4 || n%2 != 0 {
		return false, false
	}
	if n > 512 {
		n = 512
	}
	var evenNUL, oddNUL int
	for i := 0; i+1 < n; i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case oddNUL*10 >= pairs*9 && evenNUL == 0:
		return true, true
	case evenNUL*10 >= pairs*9 && oddNUL == 0:
		return false, true
	}
	return false, false
}

func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", errors.New("UTF-16 content has an odd number of bytes")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if bytes.IndexByte([]byte(s), 0) >= 0 {
		return "", ErrBinary
	}
	return s, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// Position is a 1-based line and column. Col counts Unicode code points;
// ColUTF16 counts UTF-16 code units (what SARIF consumers such as GitHub use).
type Position struct {
	Line, Col, ColUTF16 int
}

// Lines maps byte offsets of a text to positions. It is not safe for
// concurrent use (it remembers the last position).
type Lines struct {
	text   string
	starts []int // byte offset of each line start
	// The last position computed: a later offset on the same line walks on
	// from it instead of from the line start (long side-by-side lines).
	lastOff int
	lastPos Position
	valid   bool // valid UTF-8: columns are counted from first bytes alone
	// The checkpoints of long lines, by 0-based line (marksOf).
	mu    sync.Mutex
	marks map[int][]posMark
}

// NewLines indexes text. A line ends at \n; a \r before it belongs to the
// line's end, and a lone \r also ends a line (old Mac files).
func NewLines(text string) *Lines {
	starts := make([]int, 1, len(text)/60+1)
	if strings.IndexByte(text, '\r') < 0 {
		for i := 0; ; {
			k := strings.IndexByte(text[i:], '\n')
			if k < 0 {
				break
			}
			i += k + 1
			starts = append(starts, i)
		}
	} else {
		for i := 0; i < len(text); i++ {
			switch text[i] {
			case '\n':
				starts = append(starts, i+1)
			case '\r':
				if i+1 >= len(text) || text[i+1] != '\n' {
					starts = append(starts, i+1)
				}
			}
		}
	}
	return &Lines{text: text, starts: starts, valid: utf8.ValidString(text)}
}

// Count is the number of lines.
func (l *Lines) Count() int { return len(l.starts) }

// LineStart returns the byte offset where 1-based line n starts.
func (l *Lines) LineStart(n int) int { return l.starts[n-1] }

// Position returns the position of byte offset off (clamped into the text).
// An offset inside a multi-byte character counts as that character. It
// walks on from the last position asked when that is on the same line, so
// it is not safe for concurrent use; PositionOf is.
func (l *Lines) Position(off int) Position { return l.position(off, true) }

// PositionOf is Position without the memory of the last position: safe for
// concurrent use.
func (l *Lines) PositionOf(off int) Position { return l.position(off, false) }

func (l *Lines) position(off int, remember bool) Position {
	if off < 0 {
		off = 0
	}
	if off > len(l.text) {
		off = len(l.text)
	}
	lo, hi := 0, len(l.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	p := Position{Line: lo + 1, Col: 1, ColUTF16: 1}
	i := l.starts[lo]
	if off-i > 4*markEvery {
		// A long line: walk from the nearest checkpoint, not the line start
		// (many findings on one generated line, asked in any order).
		marks := l.marksOf(lo)
		if k := sort.Search(len(marks), func(k int) bool { return marks[k].off > off }) - 1; k >= 0 {
			p, i = marks[k].pos, marks[k].off
		}
	}
	if remember && l.lastPos.Line == p.Line && l.lastOff >= i && l.lastOff <= off {
		p, i = l.lastPos, l.lastOff
	}
	if l.valid {
		// An offset inside a character counts as that character's start.
		for off > i && off < len(l.text) && !utf8.RuneStart(l.text[off]) {
			off--
		}
	}
	p, i = l.walk(p, i, off)
	if remember {
		l.lastOff, l.lastPos = i, p
	}
	return p
}

// walk returns the position of offset off (on the line of p) from the
// position p of offset i, and the offset it reached: off, or in invalid
// UTF-8 the start of the character holding off.
func (l *Lines) walk(p Position, i, off int) (Position, int) {
	if !l.valid {
		for i < off {
			r, size := utf8.DecodeRuneInString(l.text[i:])
			if i+size > off { // offset inside a character: stop at its start
				break
			}
			i += size
			p.Col++
			if r >= 0x10000 {
				p.ColUTF16 += 2
			} else {
				p.ColUTF16++
			}
		}
		return p, i
	}
	// Count characters by their first bytes rather than decoding them (the
	// hot loop of every position): a four-byte sequence is two UTF-16 units.
	t := l.text[i:off]
	n, wide := 0, 0
	for k := 0; k < len(t); k++ {
		if c := t[k]; c < 0x80 {
			n++
		} else if utf8.RuneStart(c) {
			n++
			if c >= 0xF0 {
				wide++
			}
		}
	}
	p.Col += n
	p.ColUTF16 += n + wide
	return p, off
}

// markEvery is the spacing of a long line's checkpoints, in bytes.
const markEvery = 1024

// posMark is a checkpoint: the position of a character start.
type posMark struct {
	off int
	pos Position
}

// marksOf returns the checkpoints of 0-based line lo, made on first use.
func (l *Lines) marksOf(lo int) []posMark {
	l.mu.Lock()
	defer l.mu.Unlock()
	if m, ok := l.marks[lo]; ok {
		return m
	}
	end := len(l.text)
	if lo+1 < len(l.starts) {
		end = l.starts[lo+1]
	}
	var marks []posMark
	p, i := Position{Line: lo + 1, Col: 1, ColUTF16: 1}, l.starts[lo]
	for next := i + markEvery; next < end; next += markEvery {
		j := next
		for j > i && !utf8.RuneStart(l.text[j]) {
			j--
		}
		if p, i = l.walk(p, i, j); i > next-markEvery {
			marks = append(marks, posMark{i, p})
		}
	}
	if l.marks == nil {
		l.marks = map[int][]posMark{}
	}
	l.marks[lo] = marks
	return marks
}
