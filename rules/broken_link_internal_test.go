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
