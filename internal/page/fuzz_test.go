package page

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// fuzzSeeds are real pages with the constructs the parser must survive:
// headings with anchors, tables, callouts, code blocks, list items whose
// opening span sits alone on its line, CJK text. Small ones: the fuzzer
// minimizes every new input it finds, which is slow on large pages.
var fuzzSeeds = []string{
	"seeds/fr-FR/offering-iso-20000-1-2011.md",
	"seeds/zh-CN/offering-iso-20000-1-2011.md",
	"corpus/o365seccomp/zh-CN/reduce-spam-email.md",
	"corpus/o365seccomp/fr-FR/ciso-workshop-module-5.md",
	"corpus/o365seccomp/de-DE/sending-mail-to-office-365.md",
	"corpus/o365seccomp/zh-CN/set-up-virtual-certificate-collection-to-validate-s-mime.md",
	"corpus/o365seccomp/de-DE/invalid-characters-hosted-spam-filter-rules-policies.md",
}

func FuzzSegments(f *testing.F) {
	for _, rel := range fuzzSeeds {
		if b, err := os.ReadFile(filepath.Join(shared, filepath.FromSlash(rel))); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "---", "---\nms.contentlocale: fr-FR\n---\n",
		"# " + sxs("1", "Titre", "Title") + "\n\n- " + sxs("2", "a\nb", "c") + "\n",
		"- <span data-ttu-id=\"3\">\ncontinuation</span><span class=\"sxs-lookup\"><span data-stu-id=\"3\">x</span></span>\n",
		"| " + sxs("4", "a", "b") + " |\n|---|\n> [!NOTE]\n> " + sxs("5", "c", "d") + "\n",
		"```\n" + sxs("6", "x", "y") + "\n```\n    " + sxs("7", "x", "y") + "\n`<span data-ttu-id=\"8\">`",
		"<span data-ttu-id=\"9>x</span>\n<span data-stu-id=\"10\">y</span>\n<span class=\"sxs-lookup\">\n<span data-ttu-id=\"11\">",
		"<div>\n" + sxs("12", "<b>a</b>", "<i>b</i>") + "\n</div>\n<!-- " + sxs("13", "a", "b") + " -->\n",
		"\xEF\xBB\xBF# x\r\n", "\xFF\xFEa\x00", "a\x00b", "caf\xe9\r\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Parse("docs/fr-fr/page.md", data, Options{})
		text := p.Text
		in := func(what string, r rules.Range) {
			t.Helper()
			if r.Start < 0 || r.Start > r.End || r.End > len(text) {
				t.Fatalf("%s range %v outside the text (%d bytes)", what, r, len(text))
			}
		}
		for _, pr := range p.FileProblems {
			in("file problem", pr.Range)
		}
		for _, pr := range p.Problems {
			in("problem "+pr.Message, pr.Range)
		}
		for _, h := range p.Headings {
			in("heading", h.Range)
		}
		if fm := p.FrontMatter; fm != nil {
			in("front matter", fm.Range)
			if fm.Err != nil {
				in("front matter error", fm.Err.Range)
			}
			for _, e := range fm.Entries {
				in("key", e.KeyRange)
				in("value", e.ValueRange)
			}
		}
		for _, s := range p.Segments {
			in("segment", s.Range)
			checkSide(t, text, s, "target", s.Target)
			if s.Target.Range.Start < s.Range.Start || s.Target.Range.End > s.Range.End {
				t.Fatalf("segment %q: target %v outside %v", s.ID, s.Target.Range, s.Range)
			}
			if s.HasSource {
				checkSide(t, text, s, "source", s.Source)
				if s.Source.Range.Start < s.Target.Range.End || s.Source.Range.End > s.Range.End {
					t.Fatalf("segment %q: source %v outside %v", s.ID, s.Source.Range, s.Range)
				}
			}
		}
	})
}

// checkSide checks one side of a segment: Raw is the text of Range, and
// every fact lies inside Range.
func checkSide(t *testing.T, text string, s *rules.Segment, side string, x rules.Text) {
	t.Helper()
	r := x.Range
	if r.Start < 0 || r.Start > r.End || r.End > len(text) || text[r.Start:r.End] != x.Raw {
		t.Fatalf("segment %q %s: Raw %q is not the text of %v", s.ID, side, x.Raw, r)
	}
	var facts []rules.Range
	for _, l := range x.Links {
		facts = append(facts, l.Range, l.DestRange)
	}
	for _, c := range x.Code {
		facts = append(facts, c.Range)
	}
	for _, g := range x.Tags {
		facts = append(facts, g.Range)
	}
	for _, d := range x.Emphasis {
		facts = append(facts, d.Range)
	}
	for _, e := range x.Escapes {
		facts = append(facts, e.Range)
	}
	for _, p := range x.Placeholders {
		facts = append(facts, p.Range)
	}
	for _, f := range facts {
		if f.Start < r.Start || f.Start > f.End || f.End > r.End {
			t.Fatalf("segment %q %s: fact range %v outside %v", s.ID, side, f, r)
		}
	}
}
