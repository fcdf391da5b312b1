package engine

import (
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"weak"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/rules"
)

// TestParsedPagesNotRetained: once phase one is done, no parsed page is
// reachable: the corpus index keeps compact facts and each page's text,
// not goldmark's blocks, segments and inline facts. A closure in the facts
// that captured the page doubled the peak memory of a corpus run (283 ->
// 580 MB) without failing any other test.
func TestParsedPagesNotRetained(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Voir [la page](b.md) et **ceci**.</span><span class="sxs-lookup"><span data-stu-id="a-1">See [the page](b.md) and **this**.</span></span>`
	write(t, filepath.Join(dir, "en-US", "a.md"), "---\ntitle: A\nms.contentlocale: en-US\n---\n# A\n\nSee [the page](b.md) and **this**.\n")
	write(t, filepath.Join(dir, "en-US", "b.md"), "# B\n\nText.\n")
	write(t, filepath.Join(dir, "fr-FR", "a.md"), "---\ntitle: A\nms.contentlocale: fr-FR\n---\n# A\n\n"+seg+"\n")
	write(t, filepath.Join(dir, "fr-FR", "b.md"), "# B\n\nTexte [manquant](missing.md).\n")
	write(t, filepath.Join(dir, "de-DE", "a.md"), "---\ntitle: A\n---\n# A\n\nSiehe [die Seite](b.md) und **dies**.\n")

	var mu sync.Mutex
	var pages []weak.Pointer[rules.Page]
	var alive, parsed int
	testHookParsed = func(pg *rules.Page) {
		mu.Lock()
		pages = append(pages, weak.Make(pg))
		mu.Unlock()
	}
	testHookIndexed = func() {
		runtime.GC()
		runtime.GC()
		parsed = len(pages)
		for _, w := range pages {
			if w.Value() != nil {
				alive++
			}
		}
	}
	defer func() { testHookParsed, testHookIndexed = nil, nil }()
	res, err := Run([]string{filepath.Join(dir, "fr-FR"), filepath.Join(dir, "de-DE")}, Options{Config: config.Default(), Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if parsed < 5 {
		t.Fatalf("%d pages parsed, want the 5 (context pages too)", parsed)
	}
	if alive != 0 {
		t.Errorf("%d of %d parsed pages still reachable when the corpus rules start", alive, parsed)
	}
	// The run did use the index (a corpus rule found the missing file).
	found := false
	for _, f := range res.Findings {
		found = found || f.Rule == "broken-link"
	}
	if !found {
		t.Error("no broken-link finding: the corpus phase did not run")
	}
}

// TestMissingPageFingerprint: a missing-page finding keeps its fingerprint
// (and so its baseline entry) when the locale's completion in its message
// changes: another page translated, or a run that reads fewer pages.
func TestMissingPageFingerprint(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a", "b", "c"} {
		write(t, filepath.Join(dir, "en-US", p+".md"), "# "+p+"\n")
	}
	write(t, filepath.Join(dir, "fr-FR", "a.md"), "# a\n")
	print := func(paths ...string) (msg, fp string) {
		t.Helper()
		res, err := Run(paths, Options{Config: config.Default()})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Rule == "missing-page" && filepath.Base(f.Path) == "c.md" {
				return f.Message, f.Fingerprint
			}
		}
		t.Fatalf("no missing-page finding for c.md in %v", paths)
		return "", ""
	}
	msg1, fp1 := print(dir)
	write(t, filepath.Join(dir, "fr-FR", "b.md"), "# b\n")
	msg2, fp2 := print(dir)
	msg3, fp3 := print(filepath.Join(dir, "en-US", "c.md"))
	if msg1 == msg2 {
		t.Fatalf("the completion did not change: %q", msg1)
	}
	if fp1 != fp2 || fp2 != fp3 {
		t.Errorf("fingerprints %s, %s, %s for %q, %q, %q", fp1, fp2, fp3, msg1, msg2, msg3)
	}
}

// TestDirectiveAndIgnoreOverlap: a directive silencing a finding that the
// configuration's ignore: drops too is in use (it was reported unused).
func TestDirectiveAndIgnoreOverlap(t *testing.T) {
	dir := t.TempDir()
	seg := `<span data-ttu-id="a-1">Conservez 6 rapports.</span><span class="sxs-lookup"><span data-stu-id="a-1">Keep 12 reports.</span></span>`
	write(t, filepath.Join(dir, "fr-FR", "p.md"), "# T\n\n<!-- l10nlint-disable-next-line number-mismatch -->\n"+seg+"\n")
	cfg, err := config.Parse([]byte("ignore:\n  - path: fr-FR/**\n    rules: [number-mismatch]\n"), "cfg", rules.Default)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	res, err := Run([]string{filepath.Join(dir, "fr-FR")}, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == "number-mismatch" || f.Rule == "unused-suppression" {
			t.Errorf("%s: %s", f.Rule, f.Message)
		}
	}
	// What the project ignores is not listed as silenced either.
	if len(res.Suppressed) != 0 {
		t.Errorf("suppressed: %+v", res.Suppressed)
	}
	// An unused directive in an ignored tree is ignored with it.
	write(t, filepath.Join(dir, "fr-FR", "p.md"), "# T\n\n<!-- l10nlint-disable-next-line code-mismatch -->\n"+seg+"\n")
	cfg, err = config.Parse([]byte("ignore:\n  - path: fr-FR/**\n"), "cfg", rules.Default)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	res, err = Run([]string{filepath.Join(dir, "fr-FR")}, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings in an ignored tree: %+v", res.Findings)
	}
}
