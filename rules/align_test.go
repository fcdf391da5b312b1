package rules

import (
	"testing"
	"unicode/utf8"
)

// TestFoldOffsets: each byte of the folded text maps back to the character
// it comes from.
func TestFoldOffsets(t *testing.T) {
	for _, s := range []string{"", "Hello, World!", "Ärger über «Straße» 1.5", "中文：测试 ISO 27001", "İstanbul ǅ", "a😀b"} {
		f, at := fold(s), foldOffsets(s)
		if len(at) != len(f) {
			t.Fatalf("%q: %d offsets for %d folded bytes", s, len(at), len(f))
		}
		for i := 0; i < len(f); {
			_, size := utf8.DecodeRuneInString(f[i:])
			r, _ := utf8.DecodeRuneInString(s[at[i]:])
			if got := fold(string(r)); got != f[i:i+size] {
				t.Errorf("%q: folded byte %d (%q) maps to %q", s, i, f[i:i+size], string(r))
			}
			for k := i; k < i+size; k++ {
				if at[k] != at[i] {
					t.Errorf("%q: the bytes of one character map to %d and %d", s, at[i], at[k])
				}
			}
			i += size
		}
	}
}
