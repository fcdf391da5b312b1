package engine

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/l10nlint/l10nlint/rules"
)

// TestDetacherRemembersLongSegments: the findings of one long segment share
// one copy of its texts, and their fingerprints are those computed without
// the detacher's memory (baselines keep matching).
func TestDetacherRemembersLongSegments(t *testing.T) {
	page := "<span>" + strings.Repeat("le ", 1000) + "</span>" + strings.Repeat("the ", 1000)
	target, source := page[6:3006], page[3013:]
	d := &detacher{}
	var prev rules.Finding
	for i, msg := range []string{"first", "second", "third"} {
		f := rules.Finding{Rule: "typography", Message: msg, SegmentID: "a-1", Source: source, Target: target}
		plain := f
		d.detach(&f)
		detach0 := plain
		(*detacher)(nil).detach(&detach0)
		if f.Target != target || f.Source != source {
			t.Fatal("detached texts differ from the originals")
		}
		if unsafe.StringData(f.Target) == unsafe.StringData(target) {
			t.Fatal("the target was not copied out of the page")
		}
		if i > 0 && (unsafe.StringData(f.Target) != unsafe.StringData(prev.Target) || unsafe.StringData(f.Source) != unsafe.StringData(prev.Source)) {
			t.Error("findings of the same segment got separate copies of its texts")
		}
		for _, snippet := range []string{"le le", f.Target} { // a short one, and the whole target
			if got, want := d.fingerprint(f, "fr-FR/p.md", snippet), fingerprint(detach0, "fr-FR/p.md", snippet); got != want {
				t.Errorf("finding %d, snippet of %d bytes: fingerprint %s with the detacher's memory, %s without", i, len(snippet), got, want)
			}
		}
		prev = f
	}
	// A different rule or path on the same texts has its own fingerprint.
	f := rules.Finding{Rule: "typography", Message: "first", SegmentID: "a-1", Source: source, Target: target}
	d.detach(&f)
	g := f
	g.Rule = "untranslated"
	if d.fingerprint(f, "a.md", "") == d.fingerprint(g, "a.md", "") || d.fingerprint(f, "a.md", "") == d.fingerprint(f, "b.md", "") {
		t.Error("rule and path must change the fingerprint")
	}
}
