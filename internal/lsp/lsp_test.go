package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// client speaks JSON-RPC to a server over pipes, as an editor does.
type client struct {
	t   *testing.T
	w   io.Writer
	r   *bufio.Reader
	id  int
	msg chan map[string]any
}

func newClient(t *testing.T) (*client, chan error) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	srv := NewServer(inR, outW)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(); outW.Close() }()
	c := &client{t: t, w: inW, r: bufio.NewReader(outR), msg: make(chan map[string]any, 16)}
	go func() {
		for {
			m, err := c.read()
			if err != nil {
				close(c.msg)
				return
			}
			c.msg <- m
		}
	}()
	return c, done
}

func (c *client) send(method string, params any, request bool) int {
	m := map[string]any{"jsonrpc": "2.0", "method": method, "params": params}
	if request {
		c.id++
		m["id"] = c.id
	}
	b, _ := json.Marshal(m)
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(b), b); err != nil {
		c.t.Fatal(err)
	}
	return c.id
}

func (c *client) read() (map[string]any, error) {
	n := -1
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			n, _ = strconv.Atoi(v)
		}
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(c.r, b); err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}

// next waits for a message matching want (a method, or "response")
func (c *client) next(want string) map[string]any {
	c.t.Helper()
	for {
		select {
		case m, ok := <-c.msg:
			if !ok {
				c.t.Fatalf("connection closed while waiting for %s", want)
			}
			if m["method"] == want || want == "response" && m["id"] != nil {
				return m
			}
		case <-time.After(10 * time.Second):
			c.t.Fatalf("timed out waiting for %s", want)
		}
	}
}

func diagnostics(m map[string]any) []map[string]any {
	var out []map[string]any
	for _, d := range m["params"].(map[string]any)["diagnostics"].([]any) {
		out = append(out, d.(map[string]any))
	}
	return out
}

const seg = `<span data-ttu-id="a-1">Les rapports sont conservés 6 mois.</span><span class="sxs-lookup"><span data-stu-id="a-1">Reports are kept for 12 months.</span></span>`

func TestSession(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "fr-FR", "p.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	uri := "file://" + filepath.ToSlash(page)
	c, done := newClient(t)

	c.send("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(dir), "capabilities": map[string]any{}}, true)
	init := c.next("response")
	caps := init["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["codeActionProvider"] == nil || caps["positionEncoding"] != "utf-16" {
		t.Fatalf("capabilities: %v", caps)
	}
	c.send("initialized", map[string]any{}, false)

	// The buffer is not on disk: it is checked in memory.
	text := "---\ntitle: Titre\nms.contentlocale: de-DE\n---\n# Titre\n\n" + seg + "\n"
	c.send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}}, false)
	diags := diagnostics(c.next("textDocument/publishDiagnostics"))
	codes := map[string]map[string]any{}
	for _, d := range diags {
		codes[d["code"].(string)] = d
	}
	nm := codes["number-mismatch"]
	fm := codes["front-matter"]
	if nm == nil || fm == nil {
		t.Fatalf("diagnostics: %v", diags)
	}
	r := nm["range"].(map[string]any)["start"].(map[string]any)
	// At the target's extra number, 6 (the source has 12).
	if r["line"].(float64) != 6 || r["character"].(float64) != 52 || nm["severity"].(float64) != 1 ||
		!strings.HasSuffix(nm["codeDescription"].(map[string]any)["href"].(string), "#number-mismatch") {
		t.Errorf("number-mismatch diagnostic: %v", nm)
	}

	// A quick fix for the front matter locale.
	c.send("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": fm["range"], "context": map[string]any{"diagnostics": []any{fm}}}, true)
	actions := c.next("response")["result"].([]any)
	if len(actions) != 1 {
		t.Fatalf("code actions: %v", actions)
	}
	edit := actions[0].(map[string]any)["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)[0].(map[string]any)
	if edit["newText"] != "fr-FR" || fmt.Sprint(edit["range"]) != fmt.Sprint(fm["range"]) {
		t.Errorf("edit: %v, want the diagnostic's range %v", edit, fm["range"])
	}

	// The same with a byte order mark at the start of the buffer: the
	// edit stays on "de-DE" (it was 3 bytes off, on "le: d").
	bomURI := "file://" + filepath.ToSlash(filepath.Join(dir, "fr-FR", "bom.md"))
	c.send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": bomURI, "languageId": "markdown", "version": 1, "text": "\ufeff" + text}}, false)
	var bomFM map[string]any
	for _, d := range diagnostics(c.next("textDocument/publishDiagnostics")) {
		if d["code"] == "front-matter" {
			bomFM = d
		}
	}
	c.send("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": bomURI},
		"range": bomFM["range"], "context": map[string]any{"diagnostics": []any{bomFM}}}, true)
	bomActions := c.next("response")["result"].([]any)
	if len(bomActions) != 1 {
		t.Fatalf("code actions with a BOM: %v", bomActions)
	}
	bomEdit := bomActions[0].(map[string]any)["edit"].(map[string]any)["changes"].(map[string]any)[bomURI].([]any)[0].(map[string]any)
	if fmt.Sprint(bomEdit["range"]) != fmt.Sprint(bomFM["range"]) {
		t.Errorf("edit with a BOM: %v, want the diagnostic's range %v", bomEdit["range"], bomFM["range"])
	}
	c.send("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": bomURI}}, false)
	c.next("textDocument/publishDiagnostics")

	// The user fixes both problems: no diagnostics left.
	fixed := strings.ReplaceAll(strings.ReplaceAll(text, "de-DE", "fr-FR"), "6 mois", "12 mois")
	c.send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": fixed}}}, false)
	if d := diagnostics(c.next("textDocument/publishDiagnostics")); len(d) != 0 {
		t.Errorf("after the change: %v", d)
	}
	c.send("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}}, false)
	c.next("textDocument/publishDiagnostics")

	c.send("shutdown", nil, true)
	c.next("response")
	c.send("exit", nil, false)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

// TestBadFraming: a Content-Length larger than the limit, or than what
// follows, ends the session with an error, without allocating what the
// header claims.
func TestBadFraming(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Content-Length: 1000000000000\r\n\r\n{}", "over the limit"},
		{"Content-Length: 1000\r\n\r\n{\"jsonrpc\": \"2.0\"}", "unexpected EOF"},
		{"Content-Length: x\r\n\r\n{}", "bad Content-Length"},
		{"Content-Length: -5\r\n\r\n{}", "bad Content-Length"},
		{"Content-Type: json\r\n\r\n{}", "without Content-Length"},
	} {
		srv := NewServer(strings.NewReader(c.in), io.Discard)
		err := srv.Serve()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: Serve returned %v, want an error with %q", c.in, err, c.want)
		}
	}
}

// TestProtocolEdges: a body that is no JSON gets a parse error and the
// server reads on; requests before initialize and after shutdown get the
// errors the specification names; a file the configuration excludes gets
// no diagnostics and a .markdown file gets them; exit without shutdown is
// ErrExitWithoutShutdown.
func TestProtocolEdges(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".l10nlint.yaml"), []byte("exclude: [\"**/includes/**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, done := newClient(t)
	c.send("textDocument/codeAction", map[string]any{}, true)
	if e := c.next("response")["error"].(map[string]any); e["code"].(float64) != -32002 {
		t.Errorf("request before initialize: %v", e)
	}
	if _, err := fmt.Fprintf(c.w, "Content-Length: 5\r\n\r\n{\"a\":"); err != nil {
		t.Fatal(err)
	}
	// The parse error's reply has a null id (the request's is unknown).
	select {
	case m := <-c.msg:
		if e, _ := m["error"].(map[string]any); e == nil || e["code"].(float64) != -32700 || m["id"] != nil {
			t.Errorf("bad JSON: %v", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reply to a bad message")
	}
	c.send("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(dir), "capabilities": map[string]any{}}, true)
	if r := c.next("response"); r["error"] != nil {
		t.Fatalf("initialize after a bad message: %v", r)
	}
	text := "# Titre\n\n" + seg + "\n"
	for name, want := range map[string]bool{"fr-FR/includes/inc.md": false, "fr-FR/p.markdown": true} {
		uri := "file://" + filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(name)))
		c.send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}}, false)
		if got := len(diagnostics(c.next("textDocument/publishDiagnostics"))) > 0; got != want {
			t.Errorf("%s: diagnostics %v, want %v", name, got, want)
		}
	}
	c.send("shutdown", nil, true)
	c.next("response")
	c.send("textDocument/codeAction", map[string]any{}, true)
	if e := c.next("response")["error"].(map[string]any); e["code"].(float64) != -32600 {
		t.Errorf("request after shutdown: %v", e)
	}
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		t.Errorf("exit after shutdown: %v", err)
	}

	c, done = newClient(t)
	c.send("exit", nil, false)
	if err := <-done; !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("exit without shutdown: %v", err)
	}
}

// TestConfigNearDocument: without a configuration at the workspace root,
// a document's is found from its folder upward (docs/.l10nlint.yaml in a
// repository opened at its top), as check finds it from its paths.
func TestConfigNearDocument(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "docs", "fr-FR"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "docs", ".l10nlint.yaml"), []byte("rules:\n  number-mismatch: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, done := newClient(t)
	c.send("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(dir), "capabilities": map[string]any{}}, true)
	c.next("response")
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "docs", "fr-FR", "p.md"))
	c.send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": "# T\n\n" + seg + "\n"}}, false)
	for _, d := range diagnostics(c.next("textDocument/publishDiagnostics")) {
		if d["code"] == "number-mismatch" {
			t.Errorf("number-mismatch reported though docs/.l10nlint.yaml turns it off: %v", d)
		}
	}
	c.send("shutdown", nil, true)
	c.next("response")
	c.send("exit", nil, false)
	if err := <-done; err != nil {
		t.Errorf("exit: %v", err)
	}
}

// TestClosedOrGarbledInput: a client that closes the stream without
// shutdown and exit is treated as an exit without shutdown (exit status
// 1), and input that is no message stream is the client's error
// (ErrProtocol), never the server's internal one.
func TestClosedOrGarbledInput(t *testing.T) {
	if err := NewServer(strings.NewReader(""), io.Discard).Serve(); !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("closed at once: %v, want ErrExitWithoutShutdown", err)
	}
	for _, in := range []string{"garbage\r\n\r\n", "Content-Length: 1000\r\n\r\n{}", "hello world", "Content-Length: 10\r\n"} {
		if err := NewServer(strings.NewReader(in), io.Discard).Serve(); !errors.Is(err, ErrProtocol) {
			t.Errorf("%q: %v, want ErrProtocol", in, err)
		}
	}
}

// TestReaderEndsAfterServe: when Serve has returned and the input stays
// open (a program embedding the server), the goroutine that reads ahead
// ends at the next message instead of waiting forever to hand it over.
func TestReaderEndsAfterServe(t *testing.T) {
	before := runtime.NumGoroutine()
	inR, inW := io.Pipe()
	defer inW.Close()
	srv := NewServer(inR, io.Discard)
	frame := func(m map[string]any) []byte {
		b, _ := json.Marshal(m)
		return []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(b), b))
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve() }()
	for _, m := range []map[string]any{
		{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{}},
		{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}},
		{"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
		{"jsonrpc": "2.0", "method": "exit"},
	} {
		if _, err := inW.Write(frame(m)); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	// One more message: the reader reads it and, Serve gone, stops.
	if _, err := inW.Write(frame(map[string]any{"jsonrpc": "2.0", "method": "initialized"})); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left, %d before the server", runtime.NumGoroutine(), before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
