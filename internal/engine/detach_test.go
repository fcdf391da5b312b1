package engine

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/l10nlint/l10nlint/rules"
)

// TestDetacherRemembersLongSegments: the findings of one long segment share
// one copy of its texts, their fingerprints are those computed without the
// detacher's memory (baselines keep matching), and the memory holds one
// hash state per segment, not one per finding, also when only one of the
// segment's texts is long.
func TestDetacherRemembersLongSegments(t *testing.T) {
	for _, c := range []struct{ name, target, source string }{
		{"both long", strings.Repeat("le ", 1000), strings.Repeat("the ", 1000)},
		{"short source", strings.Repeat("le ", 1000), "the"},
		{"both short, long together", strings.Repeat("le ", 60), strings.Repeat("the ", 40)},
	} {
		page := "<span>" + c.target + "</span>" + c.source
		target, source := page[6:6+len(c.target)], page[len(page)-len(c.source):]
		d := &detacher{}
		var prev rules.Finding
		for i := range 50 {
			f := rules.Finding{Rule: "typography", Message: strings.Repeat("x", i%3), SegmentID: "a-1", Source: source, Target: target}
			plain := f
			src, tgt := d.detach(&f)
			(*detacher)(nil).detach(&plain)
			if f.Target != target || f.Source != source {
				t.Fatalf("%s: detached texts differ from the originals", c.name)
			}
			if unsafe.StringData(f.Target) == unsafe.StringData(target) {
				t.Fatalf("%s: the target was not copied out of the page", c.name)
			}
			if i > 0 && len(target) >= longText && unsafe.StringData(f.Target) != unsafe.StringData(prev.Target) {
				t.Errorf("%s: findings of the same segment got separate copies of its target", c.name)
			}
			for _, snippet := range []string{"le le", f.Target} { // a short one, and the whole target
				if got, want := d.fingerprint(f, "fr-FR/p.md", snippet, src, tgt), fingerprint(plain, "fr-FR/p.md", snippet); got != want {
					t.Errorf("%s, finding %d, snippet of %d bytes: fingerprint %s with the detacher's memory, %s without", c.name, i, len(snippet), got, want)
				}
			}
			prev = f
		}
		if len(d.hashes) > 2 {
			t.Errorf("%s: %d hash states remembered for one segment", c.name, len(d.hashes))
		}
	}
	// A different rule or path on the same texts has its own fingerprint.
	d := &detacher{}
	long := strings.Repeat("le ", 200)
	f := rules.Finding{Rule: "typography", Message: "first", SegmentID: "a-1", Source: long, Target: long}
	src, tgt := d.detach(&f)
	g := f
	g.Rule = "untranslated"
	if d.fingerprint(f, "a.md", "", src, tgt) == d.fingerprint(g, "a.md", "", src, tgt) || d.fingerprint(f, "a.md", "", src, tgt) == d.fingerprint(f, "b.md", "", src, tgt) {
		t.Error("rule and path must change the fingerprint")
	}
}
