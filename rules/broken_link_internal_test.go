package rules

import "testing"

// TestRelTo: the path a broken-link message names is relative to the
// page's folder, also outside it: an absolute path made the finding's
// fingerprint depend on where the checkout is (baselines broke).
func TestRelTo(t *testing.T) {
	for _, c := range []struct{ dir, abs, want string }{
		{"/a/b/fr-FR", "/a/b/fr-FR/x.md", "x.md"},
		{"/a/b/fr-FR", "/a/b/fr-FR/sub/x.md", "sub/x.md"},
		{"/a/b/fr-FR", "/a/nope.md", "../../nope.md"},
		{"/a/b/fr-FR/sub", "/a/b/fr-FR/other/x.md", "../other/x.md"},
	} {
		if got := relTo(c.dir, c.abs); got != c.want {
			t.Errorf("relTo(%q, %q) = %q, want %q", c.dir, c.abs, got, c.want)
		}
	}
}

// TestHasAnchorDecoded: a percent-encoded fragment matches the anchor a
// browser decodes it to.
func TestHasAnchorDecoded(t *testing.T) {
	pg := &PageFacts{Anchors: []string{"概述", "vue-densemble"}}
	for frag, want := range map[string]bool{"%E6%A6%82%E8%BF%B0": true, "概述": true, "vue-densemble": true, "vue%2Ddensemble": true, "%E5%BC%80": false, "%zz": false} {
		if got := hasAnchor(pg, frag); got != want {
			t.Errorf("hasAnchor(%q) = %v, want %v", frag, got, want)
		}
	}
}
