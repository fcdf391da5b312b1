package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeFile writes a file under dir, with its folders, and dates it at
// (so that a rewrite is seen even within the file system's time step).
func writeFile(t *testing.T, dir, name, text string, at time.Time) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, at, at); err != nil {
		t.Fatal(err)
	}
	return p
}

// fileURI is p's file URI: file:///tmp/p.md, file:///C:/p.md.
func fileURI(p string) string { return "file:///" + strings.TrimPrefix(filepath.ToSlash(p), "/") }

// codesFor waits for the diagnostics of uri and returns their rule codes.
func (c *client) codesFor(uri string) map[string]bool {
	c.t.Helper()
	for {
		m := c.next("textDocument/publishDiagnostics")
		if m["params"].(map[string]any)["uri"] != uri {
			continue
		}
		out := map[string]bool{}
		for _, d := range diagnostics(m) {
			out[d["code"].(string)] = true
		}
		return out
	}
}

// initialize starts the session with dir as the workspace root.
func (c *client) initialize(dir string) {
	c.t.Helper()
	c.send("initialize", map[string]any{"rootUri": fileURI(dir), "capabilities": map[string]any{}}, true)
	if r := c.next("response"); r["error"] != nil {
		c.t.Fatalf("initialize: %v", r)
	}
}

func (c *client) open(uri, text string) {
	c.send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}}, false)
}

func (c *client) stop(done chan error) {
	c.t.Helper()
	c.send("shutdown", nil, true)
	c.next("response")
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		c.t.Errorf("exit: %v", err)
	}
}

// TestOpenBuffersStandForFiles: the source page open in the editor is
// compared as it is in its buffer, unsaved; a change to it checks the open
// translation again, and closing it compares the translation with the file
// on disk again.
func TestOpenBuffersStandForFiles(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	src := "# Title\n\nReports are kept for 12 months.\n"
	srcPath := writeFile(t, dir, "en-US/p.md", src, now)
	tgt := "# Titre\n\n" + strings.Replace(seg, "6 mois", "12 mois", 1) + "\n"
	tgtPath := writeFile(t, dir, "fr-FR/p.md", tgt, now)
	c, done := newClient(t)
	c.initialize(dir)

	c.open(fileURI(tgtPath), tgt)
	if got := c.codesFor(fileURI(tgtPath)); len(got) != 0 {
		t.Fatalf("the translation of the current source: %v", got)
	}
	// The source is edited, not saved: the translation's source text is
	// no longer in it.
	c.open(fileURI(srcPath), src)
	c.codesFor(fileURI(srcPath))
	c.codesFor(fileURI(tgtPath))
	c.send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": fileURI(srcPath), "version": 2},
		"contentChanges": []any{map[string]any{"text": strings.Replace(src, "12 months", "24 months", 1)}}}, false)
	if got := c.codesFor(fileURI(tgtPath)); !got["stale-source"] {
		t.Errorf("after the source buffer changed, the translation's diagnostics are %v, want stale-source", got)
	}
	// Closed without saving: the file on disk is the source again.
	c.send("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": fileURI(srcPath)}}, false)
	if got := c.codesFor(fileURI(tgtPath)); got["stale-source"] {
		t.Errorf("after the source buffer was closed unsaved: %v, want no stale-source", got)
	}
	c.stop(done)
}

// TestConfigReload: a configuration (or one of its glossaries) changed on
// disk is read again and every open document checked with it; one that no
// longer loads is shown to the user and the one before it kept.
func TestConfigReload(t *testing.T) {
	for _, near := range []bool{false, true} {
		t.Run(fmt.Sprintf("near=%v", near), func(t *testing.T) {
			dir := t.TempDir()
			root := dir
			if near { // found from the document's folder, not the workspace root
				root = filepath.Join(dir, "docs")
			}
			then := time.Now().Add(-time.Hour)
			cfgPath := writeFile(t, root, ".l10nlint.yaml", "rules:\n  number-mismatch: off\nglossary:\n  fr-FR: g.yaml\n", then)
			writeFile(t, root, "g.yaml", "reports: rapports\n", then)
			text := "# Titre\n\n" + seg + "\n"
			uri := fileURI(filepath.Join(root, "fr-FR", "p.md"))
			c, done := newClient(t)
			c.initialize(dir)
			c.open(uri, text)
			if got := c.codesFor(uri); got["number-mismatch"] || got["glossary"] {
				t.Fatalf("before the change: %v", got)
			}

			// The user turns the rule on and saves.
			writeFile(t, root, ".l10nlint.yaml", "rules:\n  number-mismatch: error\nglossary:\n  fr-FR: g.yaml\n", then.Add(time.Minute))
			c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}}, false)
			if got := c.codesFor(uri); !got["number-mismatch"] {
				t.Errorf("after the configuration turned number-mismatch on: %v", got)
			}

			// The glossary changes: "reports" must now be "comptes rendus".
			writeFile(t, root, "g.yaml", "reports: comptes rendus\n", then.Add(2*time.Minute))
			c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(filepath.Join(root, "g.yaml"))}}, false)
			if got := c.codesFor(uri); !got["glossary"] {
				t.Errorf("after the glossary changed: %v, want glossary", got)
			}

			// A broken configuration: shown, and the last good one kept.
			writeFile(t, root, ".l10nlint.yaml", "rules: [\n", then.Add(3*time.Minute))
			c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}}, false)
			msg := c.next("window/showMessage")["params"].(map[string]any)
			if msg["type"].(float64) != 1 || !strings.Contains(msg["message"].(string), ".l10nlint.yaml") {
				t.Errorf("showMessage: %v", msg)
			}
			if got := c.codesFor(uri); !got["number-mismatch"] {
				t.Errorf("with a broken configuration: %v, want the last good one's findings", got)
			}
			c.stop(done)
		})
	}
}

// TestChangesCoalesced: changes that arrive together are checked once, as
// the last one left the text.
func TestChangesCoalesced(t *testing.T) {
	dir := t.TempDir()
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.initialize(dir)
	text := "# Titre\n\n" + seg + "\n"
	c.open(uri, text)
	if got := c.codesFor(uri); !got["number-mismatch"] {
		t.Fatalf("opened: %v", got)
	}
	// Three changes in one write, as an editor sends keystrokes faster
	// than they are checked; the last one fixes the number.
	var burst strings.Builder
	for i, s := range []string{"6 moi", "1 mois", "12 mois"} {
		b := fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":%d},"contentChanges":[{"text":%q}]}}`,
			uri, i+2, strings.Replace(text, "6 mois", s, 1))
		fmt.Fprintf(&burst, "Content-Length: %d\r\n\r\n%s", len(b), b)
	}
	if _, err := c.w.Write([]byte(burst.String())); err != nil {
		t.Fatal(err)
	}
	// One check, of the last text: then the shutdown's answer, with no
	// other notification in between.
	if d := diagnostics(c.next("textDocument/publishDiagnostics")); len(d) != 0 {
		t.Errorf("diagnostics of an intermediate text: %v", d)
	}
	c.send("shutdown", nil, true)
	for m := range c.msg {
		if m["method"] == "textDocument/publishDiagnostics" {
			t.Errorf("a second check of one burst of changes: %v", m)
			continue
		}
		if m["id"] != nil {
			break
		}
	}
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestBrokenNearConfigShownOnce: a configuration found from a document's
// folder that breaks is shown once, its last good version kept, and the
// open documents are not checked again until it changes.
func TestBrokenNearConfigShownOnce(t *testing.T) {
	dir := t.TempDir()
	then := time.Now().Add(-time.Hour)
	cfgPath := writeFile(t, dir, "docs/.l10nlint.yaml", "rules:\n  number-mismatch: off\n", then)
	text := "# Titre\n\n" + seg + "\n"
	uri := fileURI(filepath.Join(dir, "docs", "fr-FR", "p.md"))
	c, done := newClient(t)
	c.initialize(dir)
	c.open(uri, text)
	if got := c.codesFor(uri); got["number-mismatch"] {
		t.Fatalf("with number-mismatch off: %v", got)
	}
	writeFile(t, dir, "docs/.l10nlint.yaml", "rules: [\n", then.Add(time.Minute))
	c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}}, false)
	c.next("window/showMessage")
	if got := c.codesFor(uri); got["number-mismatch"] {
		t.Errorf("the last good configuration was not kept: %v", got)
	}
	// Other messages: no new message, no new check.
	for range 3 {
		c.send("$/setTrace", map[string]any{"value": "off"}, false)
	}
	c.send("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}}}, true)
	for m := range c.msg {
		if m["id"] != nil {
			break
		}
		t.Errorf("after the broken configuration was shown: %v", m["method"])
	}
	c.stop(done)
}

// TestRelatedByPage: a change re-checks the same page in the other
// locales, not the pages of the same file name elsewhere; a change to a
// document that is not open is ignored (and stands for nothing).
func TestRelatedByPage(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	text := "# T\n\n" + seg + "\n"
	en := writeFile(t, dir, "en-US/a/index.md", "# T\n\nReports are kept for 12 months.\n", now)
	fr := writeFile(t, dir, "fr-FR/a/index.md", text, now)
	other := writeFile(t, dir, "fr-FR/b/index.md", text, now)
	c, done := newClient(t)
	c.initialize(dir)
	for _, p := range []string{fr, other} {
		c.open(fileURI(p), text)
		c.codesFor(fileURI(p))
	}
	c.open(fileURI(en), "# T\n\nReports are kept for 12 months.\n")
	checked := map[string]bool{}
	for range 2 { // en-US/a/index.md itself and fr-FR/a/index.md
		m := c.next("textDocument/publishDiagnostics")
		checked[m["params"].(map[string]any)["uri"].(string)] = true
	}
	c.send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": fileURI(filepath.Join(dir, "fr-FR", "x.md")), "version": 2},
		"contentChanges": []any{map[string]any{"text": "# X\n"}}}, false)
	c.send("shutdown", nil, true)
	for m := range c.msg {
		if m["id"] != nil {
			break
		}
		if m["method"] == "textDocument/publishDiagnostics" {
			checked[m["params"].(map[string]any)["uri"].(string)] = true
		}
	}
	if !checked[fileURI(fr)] || checked[fileURI(other)] || len(checked) != 2 {
		t.Errorf("checked after opening the English page: %v; want it and %s only", checked, fr)
	}
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestOpenLinkTarget: a page's link to a heading only the open, unsaved
// buffer of the linked page has resolves; saving a page checks the open
// pages again (they may link to it).
func TestOpenLinkTarget(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	a := writeFile(t, dir, "fr-FR/a.md", "# A\n\nVoir [la section](b.md#nouvelle-section).\n", now)
	b := writeFile(t, dir, "fr-FR/b.md", "# B\n", now)
	c, done := newClient(t)
	c.initialize(dir)
	c.open(fileURI(a), "# A\n\nVoir [la section](b.md#nouvelle-section).\n")
	if got := c.codesFor(fileURI(a)); !got["broken-link"] {
		t.Fatalf("the heading is nowhere yet: %v", got)
	}
	c.open(fileURI(b), "# B\n\n## Nouvelle section\n")
	c.codesFor(fileURI(b))
	c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(b)}}, false)
	if got := c.codesFor(fileURI(a)); got["broken-link"] {
		t.Errorf("the heading is in the open buffer of b.md: %v", got)
	}
	c.stop(done)
}

// TestURIPath: file URIs as editors send them, on Unix and Windows.
func TestURIPath(t *testing.T) {
	for _, c := range []struct{ goos, uri, want string }{
		{"linux", "file:///home/me/docs/fr-FR/p.md", "/home/me/docs/fr-FR/p.md"},
		{"linux", "file:///home/me/docs/caf%C3%A9%20x.md", "/home/me/docs/café x.md"},
		{"linux", "file://localhost/home/me/p.md", "/home/me/p.md"},
		{"linux", "file://server/share/p.md", ""},
		{"linux", "untitled:Untitled-1", ""},
		{"windows", "file:///c%3A/docs/fr-FR/p.md", `c:\docs\fr-FR\p.md`},
		{"windows", "file:///C:/docs/p.md", `C:\docs\p.md`},
		{"windows", "file://server/share/docs/p.md", `\\server\share\docs\p.md`},
		{"windows", "file:////server/share/p.md", `\\server\share\p.md`},
		{"windows", "file:///C:/", `C:\`},
		{"windows", "file:///C:/docs/../p.md", `C:\p.md`},
		{"linux", "file:///home/me/docs/../p.md", "/home/me/p.md"},
		{"linux", "file:", ""},
		{"linux", "file://localhost", ""},
		{"linux", "file:p.md", ""},
	} {
		if got := uriPathOn(c.goos, c.uri); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.goos, c.uri, got, c.want)
		}
	}
}

// TestConfigDeleted: a deleted workspace configuration gives way to the
// defaults (no error shown), and the documents are checked again.
func TestConfigDeleted(t *testing.T) {
	dir := t.TempDir()
	cfgPath := writeFile(t, dir, ".l10nlint.yaml", "rules:\n  number-mismatch: off\n", time.Now().Add(-time.Hour))
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.initialize(dir)
	c.open(uri, "# Titre\n\n"+seg+"\n")
	if got := c.codesFor(uri); got["number-mismatch"] {
		t.Fatalf("with number-mismatch off: %v", got)
	}
	if err := os.Remove(cfgPath); err != nil {
		t.Fatal(err)
	}
	c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}}, false)
	for {
		m := c.next("textDocument/publishDiagnostics")
		if m["params"].(map[string]any)["uri"] != uri {
			continue
		}
		got := map[string]bool{}
		for _, d := range diagnostics(m) {
			got[d["code"].(string)] = true
		}
		if !got["number-mismatch"] {
			t.Errorf("after the configuration was deleted: %v, want the defaults' number-mismatch", got)
		}
		break
	}
	c.stop(done)
}

// TestChangesNeverPausing: changes that keep coming faster than the
// debounce are still checked, within MaxDelay.
func TestChangesNeverPausing(t *testing.T) {
	dir := t.TempDir()
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.initialize(dir)
	text := "# Titre\n\n" + seg + "\n"
	c.open(uri, text)
	c.codesFor(uri)
	stop := time.Now().Add(3 * MaxDelay)
	first := make(chan time.Time, 1) // when the first check was published
	fwd := make(chan map[string]any, 64)
	go func() {
		seen := false
		for m := range c.msg {
			if !seen && m["method"] == "textDocument/publishDiagnostics" {
				seen = true
				first <- time.Now()
			}
			fwd <- m
		}
		close(fwd)
	}()
	for v := 2; time.Now().Before(stop); v++ {
		c.send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text + strings.Repeat(" ", v%7)}}}, false)
		time.Sleep(Debounce / 3)
	}
	select {
	case at := <-first:
		if !at.Before(stop) {
			t.Errorf("first check at %v, after the changes stopped", at)
		}
	default:
		t.Errorf("no check in %v of changes %v apart", 3*MaxDelay, Debounce/3)
	}
	c.send("shutdown", nil, true)
	for m := range fwd {
		if m["id"] != nil {
			break
		}
	}
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestTwoURIsOnePath: a file open under two URIs (file:///p.md and
// file://localhost/p.md) keeps standing for its open buffer when one of
// them is closed.
func TestTwoURIsOnePath(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "fr-FR/p.md", "# Titre\n\n"+seg+"\n", time.Now()) // 6 mois for 12 months on disk
	fixed := "# Titre\n\n" + strings.Replace(seg, "6 mois", "12 mois", 1) + "\n"
	one, two := fileURI(p), "file://localhost/"+strings.TrimPrefix(filepath.ToSlash(p), "/")
	c, done := newClient(t)
	c.initialize(dir)
	c.open(one, fixed)
	c.codesFor(one)
	c.open(two, fixed)
	c.codesFor(two)
	c.send("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": one}}, false)
	if got := c.codesFor(two); got["number-mismatch"] {
		t.Errorf("the buffer still open under the other URI was compared as on disk: %v", got)
	}
	c.stop(done)
}

// TestLayoutChangeRelates: a layout added to the configuration relates
// the pages it pairs (an edit of the source re-checks the translation).
func TestLayoutChangeRelates(t *testing.T) {
	dir := t.TempDir()
	then := time.Now().Add(-time.Hour)
	cfgPath := writeFile(t, dir, ".l10nlint.yaml", "rules: {}\n", then)
	src := writeFile(t, dir, "src/a.md", "# T\n\nReports are kept for 12 months.\n", then)
	tgt := writeFile(t, dir, "translations/fr-FR/a.md", "# T\n\n"+strings.Replace(seg, "6 mois", "12 mois", 1)+"\n", then)
	c, done := newClient(t)
	c.initialize(dir)
	c.open(fileURI(tgt), "# T\n\n"+strings.Replace(seg, "6 mois", "12 mois", 1)+"\n")
	c.codesFor(fileURI(tgt))
	c.open(fileURI(src), "# T\n\nReports are kept for 12 months.\n")
	c.codesFor(fileURI(src))
	writeFile(t, dir, ".l10nlint.yaml", "layout:\n  - source: src/{path}\n    target: translations/{locale}/{path}\n", then.Add(time.Minute))
	c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}}, false)
	c.codesFor(fileURI(tgt))
	c.send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": fileURI(src), "version": 2},
		"contentChanges": []any{map[string]any{"text": "# T\n\nReports are kept for 24 months.\n"}}}, false)
	if got := c.codesFor(fileURI(tgt)); !got["stale-source"] {
		t.Errorf("the translation after its source changed: %v, want stale-source", got)
	}
	c.stop(done)
}

// TestNothingAfterShutdown: notifications after shutdown are dropped:
// nothing is checked or published.
func TestNothingAfterShutdown(t *testing.T) {
	dir := t.TempDir()
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.initialize(dir)
	c.send("shutdown", nil, true)
	c.next("response")
	c.open(uri, "# Titre\n\n"+seg+"\n")
	time.Sleep(3 * Debounce)
	c.send("textDocument/codeAction", map[string]any{}, true)
	for m := range c.msg {
		if m["id"] != nil {
			if m["error"] == nil {
				t.Errorf("a request after shutdown: %v", m)
			}
			break
		}
		t.Errorf("after shutdown: %v", m["method"])
	}
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestBrokenConfigAtStart: a workspace configuration that does not load
// when the editor starts is shown, the defaults apply, and fixing it is
// seen.
func TestBrokenConfigAtStart(t *testing.T) {
	dir := t.TempDir()
	then := time.Now().Add(-time.Hour)
	cfgPath := writeFile(t, dir, ".l10nlint.yaml", "rules: [\n", then)
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.send("initialize", map[string]any{"rootUri": fileURI(dir), "capabilities": map[string]any{}}, true)
	if m := c.next("window/showMessage"); !strings.Contains(m["params"].(map[string]any)["message"].(string), ".l10nlint.yaml") {
		t.Errorf("showMessage: %v", m)
	}
	if r := c.next("response"); r["error"] != nil {
		t.Fatalf("initialize: %v", r)
	}
	c.open(uri, "# Titre\n\n"+seg+"\n")
	if got := c.codesFor(uri); !got["number-mismatch"] {
		t.Errorf("with the defaults: %v", got)
	}
	writeFile(t, dir, ".l10nlint.yaml", "rules:\n  number-mismatch: off\n", then.Add(time.Minute))
	c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfgPath)}}, false)
	if got := c.codesFor(uri); got["number-mismatch"] {
		t.Errorf("after the configuration was fixed: %v", got)
	}
	c.stop(done)
}

// TestMissingGlossaryAtStart: a configuration that fails because a file it
// names is missing is tried again when a file is saved, and loads once the
// file is there.
func TestMissingGlossaryAtStart(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".l10nlint.yaml", "rules:\n  number-mismatch: off\nglossary:\n  fr-FR: g.yaml\n", time.Now().Add(-time.Hour))
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.send("initialize", map[string]any{"rootUri": fileURI(dir), "capabilities": map[string]any{}}, true)
	c.next("window/showMessage")
	c.next("response")
	c.open(uri, "# Titre\n\n"+seg+"\n")
	if got := c.codesFor(uri); !got["number-mismatch"] {
		t.Fatalf("with the defaults: %v", got)
	}
	g := writeFile(t, dir, "g.yaml", "reports: rapports\n", time.Now())
	c.send("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(g)}}, false)
	if got := c.codesFor(uri); got["number-mismatch"] {
		t.Errorf("once the glossary exists: %v, want the configuration's rules", got)
	}
	c.stop(done)
}

// TestCodeActionSeesLatestText: a code action asked right after a change,
// before the change's check is due, is answered for the changed text.
func TestCodeActionSeesLatestText(t *testing.T) {
	dir := t.TempDir()
	uri := fileURI(filepath.Join(dir, "fr-FR", "p.md"))
	c, done := newClient(t)
	c.initialize(dir)
	good := "---\ntitle: Titre\nms.contentlocale: fr-FR\n---\n# Titre\n"
	c.open(uri, good)
	if got := c.codesFor(uri); len(got) != 0 {
		t.Fatalf("opened: %v", got)
	}
	// The change and the request in one write: no pause for the debounce.
	change := fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":2},"contentChanges":[{"text":%q}]}}`,
		uri, strings.Replace(good, "fr-FR", "de-DE", 1))
	action := fmt.Sprintf(`{"jsonrpc":"2.0","id":99,"method":"textDocument/codeAction","params":{"textDocument":{"uri":%q},"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":30}}}}`, uri)
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%sContent-Length: %d\r\n\r\n%s", len(change), change, len(action), action); err != nil {
		t.Fatal(err)
	}
	actions, _ := c.next("response")["result"].([]any)
	if len(actions) != 1 {
		t.Errorf("code actions for the changed text: %v, want the ms.contentlocale fix", actions)
	}
	c.stop(done)
}
