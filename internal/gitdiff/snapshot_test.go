package gitdiff

import (
	"archive/tar"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractStaysInside: an archive entry that would be written outside
// the snapshot, by its name or through a link an earlier entry made, is
// refused and nothing is written there.
func TestExtractStaysInside(t *testing.T) {
	outside := t.TempDir()
	for name, entries := range map[string][]tar.Header{
		"dot-dot": {{Name: "../escape.md", Typeflag: tar.TypeReg, Size: 1, Mode: 0o644}},
		"through a link": {
			{Name: "docs", Typeflag: tar.TypeSymlink, Linkname: outside},
			{Name: "docs/escape.md", Typeflag: tar.TypeReg, Size: 1, Mode: 0o644},
		},
		"a folder through a link": {
			{Name: "docs", Typeflag: tar.TypeSymlink, Linkname: outside},
			{Name: "docs/escape.md/", Typeflag: tar.TypeDir, Mode: 0o755},
		},
		"a link through a link": {
			{Name: "docs", Typeflag: tar.TypeSymlink, Linkname: outside},
			{Name: "docs/escape.md", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			w := tar.NewWriter(&buf)
			for _, h := range entries {
				if err := w.WriteHeader(&h); err != nil {
					t.Fatal(err)
				}
				if h.Size > 0 {
					_, _ = w.Write([]byte("x"))
				}
			}
			_ = w.Close()
			dest := filepath.Join(t.TempDir(), "snap")
			if err := os.MkdirAll(dest, 0o755); err != nil {
				t.Fatal(err)
			}
			err := extract(tar.NewReader(&buf), dest, "HEAD")
			if err == nil || !strings.Contains(err.Error(), "leaves the snapshot") {
				t.Errorf("error %v, want the entry refused", err)
			}
			if _, err := os.Stat(filepath.Join(outside, "escape.md")); err == nil {
				t.Error("a file was written outside the snapshot")
			}
		})
	}
}
