package report

import (
	"bufio"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/l10nlint/l10nlint/rules"
)

// TestFoldedTextIndex checks the walk from raw offsets to folded places
// against fold itself, on random texts of words, white space runs, control
// and bidi characters, asking offsets in order and out of order: the end
// place of y is the length of fold(raw[:y]), and the folded text from the
// start place of a visible character at x is fold(raw[x:]).
func TestFoldedTextIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	pieces := []string{"mot", "数字", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\x01", "\u202e", "é", ",", "**", "\u3000"}
	for it := range 200 {
		n := r.IntN(30)
		if it%5 == 0 {
			n = 500 + r.IntN(2000) // past the walk's checkpoints
		}
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		raw := b.String()
		ft := newFoldedText(raw)
		var offsets []int
		for x := range raw {
			offsets = append(offsets, x)
		}
		offsets = append(offsets, len(raw))
		if it%2 == 1 || len(offsets) > 300 {
			r.Shuffle(len(offsets), func(i, j int) { offsets[i], offsets[j] = offsets[j], offsets[i] })
			offsets = offsets[:min(len(offsets), 300)] // the reference is quadratic
		}
		for _, x := range offsets {
			if got, want := ft.index(x, false), utf8.RuneCountInString(fold(raw[:x])); got != want {
				t.Fatalf("%q: end place of %d is %d, want %d", raw, x, got, want)
			}
			if x == len(raw) {
				continue
			}
			if c, _ := utf8.DecodeRuneInString(raw[x:]); unicode.IsSpace(c) {
				continue
			}
			if got, want := string(ft.runes[ft.index(x, true):]), fold(raw[x:]); got != want {
				t.Fatalf("%q: folded text from the start place of %d is %q, want %q", raw, x, got, want)
			}
		}
		if len(raw) > 4*markEvery && len(ft.marks) == 0 {
			t.Fatalf("no checkpoint on a text of %d bytes", len(raw))
		}
	}
}

// TestTextHighlightsTheFlaggedPlace: a finding on the second ')' of a
// target shows that one, not the first.
func TestTextHighlightsTheFlaggedPlace(t *testing.T) {
	target := "Voir (a) et b) pour " + strings.Repeat("plus de détails ", 10)
	second := strings.Index(target, "b)") + 1
	f := Finding{InTarget: true, TargetOffset: second, Snippet: ")"}
	f.SegmentID, f.Target, f.Source, f.Severity = "a-1", target, "See (a) and (b) for more", rules.Note
	var b strings.Builder
	w := bufio.NewWriter(&b)
	writeTextFinding(w, palette{}, &f, nil)
	w.Flush()
	out := b.String()
	if !strings.Contains(out, "target: Voir (a) et b) pour") {
		t.Fatalf("output:\n%s", out)
	}
	// With color, the highlight shows which parenthesis.
	b.Reset()
	w = bufio.NewWriter(&b)
	writeTextFinding(w, newPalette(true), &f, nil)
	w.Flush()
	if !strings.Contains(b.String(), "et b\x1b[") {
		t.Errorf("the second ')' is not the highlighted one:\n%q", b.String())
	}
}

// FuzzTextExcerpt: the text format's excerpt of a finding placed in its
// target, for any target and any flagged range of it, does not panic, and
// when the target is short enough to be shown whole, highlights exactly the
// flagged text (folded, as the format shows text).
func FuzzTextExcerpt(f *testing.F) {
	f.Add("Voir (a) et b) pour plus", 14, 1)
	f.Add("中文,中文  \t\x01 \u202e mot", 6, 1)
	f.Add("  a  b  ", 0, 8)
	f.Fuzz(func(t *testing.T, target string, at, n int) {
		if at < 0 || n < 0 || at > len(target) || n > len(target)-at {
			return
		}
		snippet := target[at : at+n]
		fd := Finding{InTarget: true, TargetOffset: at, Snippet: snippet}
		fd.SegmentID, fd.Target, fd.Source, fd.Severity = "a-1", target, "source text", rules.Note
		var b strings.Builder
		w := bufio.NewWriter(&b)
		writeTextFinding(w, palette{}, &fd, &foldCache{})
		w.Flush()
		ft := newFoldedText(target)
		span := fold(snippet)
		boundary := func(i int) bool { return i == len(target) || utf8.RuneStart(target[i]) }
		if span == "" || len(ft.runes) > maxShown || !boundary(at) || !boundary(at+n) || !utf8.ValidString(target) {
			return // findings' ranges hold whole characters of decoded text
		}
		a, e := ft.index(at, true), ft.index(at+n, false)
		if a > e {
			t.Fatalf("start place %d after end place %d", a, e)
		}
		if got := strings.TrimSpace(string(ft.runes[a:e])); got != span {
			t.Fatalf("highlight %q, want the flagged text %q", got, span)
		}
	})
}

// TestTextShowsTheQuotedTerm: a finding on the whole of a long target
// about a term its source has far from the start ("Cloud App Security"
// must stay as written: the target lacks it) shows the source where the
// term is, and the target around the same place.
func TestTextShowsTheQuotedTerm(t *testing.T) {
	source := "For example, if you mark the status of the alert as **Resolved** in the security and compliance center, the status of the alert in the Cloud App Security portal is unchanged."
	target := "Par exemple, si vous marquez le statut de l’alerte comme **résolu** dans le centre de sécurité et de conformité, l’état de l’alerte dans le portail de sécurité des applications Cloud est inchangé."
	f := Finding{InTarget: true, TargetOffset: 0, Snippet: target}
	f.Message = `"Cloud App Security" must stay as written: the source has it, the target does not`
	f.SegmentID, f.Target, f.Source, f.Severity = "a-1", target, source, rules.Warning
	var b strings.Builder
	w := bufio.NewWriter(&b)
	writeTextFinding(w, palette{}, &f, nil)
	w.Flush()
	out := b.String()
	if !strings.Contains(out, "source: …") || !strings.Contains(out, "Cloud App Security portal is unchanged.") {
		t.Errorf("the source excerpt does not show the term:\n%s", out)
	}
	if !strings.Contains(out, "applications Cloud est inchangé.") {
		t.Errorf("the target excerpt is not at the term's place:\n%s", out)
	}
}
