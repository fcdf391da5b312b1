// Package lsp is l10nlint's Language Server Protocol server: editors send
// the Markdown buffers they open and edit, and get l10nlint's findings back
// as diagnostics, with quick fixes for the mechanical ones. Buffers are
// checked in memory, with their source page and sibling translations read
// from the workspace for the corpus rules.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// DocsURL is where each rule's documentation lives; the rule ID is the anchor.
const DocsURL = report.RuleDocsURL

// Server is one editor session.
type Server struct {
	in  *bufio.Reader
	out io.Writer
	// ConfigFile, when set, is used instead of the workspace's .l10nlint.yaml.
	ConfigFile string
	Log        io.Writer

	wmu      sync.Mutex // serializes writes to out
	cfg      *config.Config
	docs     map[string]string           // uri → text
	findings map[string][]report.Finding // uri → last findings
	shutdown bool
	started  bool // initialize received
	// fromRoot: a configuration was given or found from the workspace
	// root; without one, each document's is looked up from its folder
	// (docs/.l10nlint.yaml in a repository opened at its top), as check
	// looks it up from the paths it is given.
	fromRoot bool
	near     map[string]nearConfig // configuration file → configuration
	// rootFiles are the files the workspace's configuration was read from
	// (itself and its glossaries), rootStamp their state on disk then:
	// when it changes, the configuration is read again.
	rootFiles  []string
	rootStamp  string
	rootBroken string // the error of the last load that failed
	// pending are the documents to check once no message has come for
	// Debounce: a burst of changes is checked once.
	pending map[string]bool
	// checkConfig: a file was saved, the configurations may have changed.
	checkConfig bool
	// overlay holds the open buffers by path, as the engine reads them;
	// keys the page key of each open document (the same page in another
	// locale has the same key).
	overlay map[string][]byte
	keys    map[string]string
}

// nearConfig is a configuration found from a document's folder (the last
// one that loaded), the files it was read from and their state on disk
// when it was read.
type nearConfig struct {
	cfg   *config.Config
	files []string
	stamp string
	// broken is the error of the last load that failed ("" when it
	// loaded).
	broken string
}

// ErrExitWithoutShutdown is Serve's error for an exit notification that
// came without a shutdown request: the LSP specification asks for exit
// status 1 then.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// ErrProtocol is Serve's error for input that is no LSP message stream (a
// header without Content-Length, a message cut short): the client's error,
// not the server's.
var ErrProtocol = errors.New("not an LSP message stream")

// parseError is a message whose body is no JSON-RPC message: the framing
// is intact, so the server answers it and reads on.
type parseError struct{ err error }

func (e *parseError) Error() string { return "bad message: " + e.err.Error() }

// NewServer reads requests from in and writes to out.
func NewServer(in io.Reader, out io.Writer) *Server {
	return &Server{in: bufio.NewReader(in), out: out, docs: map[string]string{}, findings: map[string][]report.Finding{},
		pending: map[string]bool{}, overlay: map[string][]byte{}, keys: map[string]string{}}
}

type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  any             `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// Debounce is how long the server waits for more messages before it
// checks what the last ones changed: an editor sends a change per
// keystroke, and a burst of them is checked once, as the last left the text.
var Debounce = 30 * time.Millisecond

// MaxDelay bounds how long a change waits to be checked while messages
// keep coming.
var MaxDelay = 500 * time.Millisecond

// incoming is a message read, or the error that ended the reading.
type incoming struct {
	msg *message
	err error
}

// Serve handles messages until exit or the end of the input. It returns nil
// after a shutdown request and exit notification.
func (s *Server) Serve() error {
	// Messages are read ahead, so that the ones already sent are seen
	// before the changes are checked (a large document arrives in several
	// reads of the pipe).
	in := make(chan incoming, 256)
	// The reader stops at the end of the input, or at its next message
	// once Serve has returned (an embedding program may keep the input
	// open): it cannot be woken from a read, but it does not block on a
	// channel nobody reads.
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			msg, err := s.read()
			select {
			case <-done:
				return
			default:
			}
			select {
			case in <- incoming{msg, err}:
			case <-done:
				return
			}
			var perr *parseError
			if err != nil && !errors.As(err, &perr) {
				return
			}
		}
	}()
	var dirtySince time.Time // when the oldest unchecked change came
	for {
		var next incoming
		if s.dirty() {
			if dirtySince.IsZero() {
				dirtySince = time.Now()
			}
			// Debounce after the last message, but no longer than
			// MaxDelay after the first unchecked one: changes that never
			// pause are still checked.
			wait := min(Debounce, MaxDelay-time.Since(dirtySince))
			select {
			case next = <-in:
			case <-time.After(max(wait, 0)):
				s.flush()
				dirtySince = time.Time{}
				continue
			}
		} else {
			dirtySince = time.Time{}
			next = <-in
		}
		msg, err := next.msg, next.err
		var perr *parseError
		if errors.As(err, &perr) {
			s.logf("l10nlint: %v", err)
			if err := s.write(message{JSONRPC: "2.0", ID: json.RawMessage("null"), Error: &rpcError{Code: -32700, Message: perr.Error()}}); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) && !errors.Is(err, ErrProtocol) {
				if s.shutdown {
					return nil
				}
				// The client went away without shutdown and exit: as an
				// exit without shutdown.
				return fmt.Errorf("%w: the client closed the connection", ErrExitWithoutShutdown)
			}
			return err // ErrProtocol (the client's), or reading failed
		}
		if msg.Method == "exit" {
			if s.shutdown {
				return nil
			}
			return ErrExitWithoutShutdown
		}
		if msg.Method == "" {
			continue // a response to a request of ours: none is made
		}
		var result any
		var rerr *rpcError
		switch {
		case len(msg.ID) > 0 && s.shutdown:
			rerr = &rpcError{Code: -32600, Message: "the server is shutting down"}
		case s.shutdown:
			continue // a notification after shutdown: nothing is checked or published
		case !s.started && msg.Method != "initialize":
			if len(msg.ID) == 0 {
				continue // notifications before initialize are dropped
			}
			rerr = &rpcError{Code: -32002, Message: "the server is not initialized"}
		default:
			result, rerr = s.handle(msg)
		}
		if len(msg.ID) > 0 { // a request: answer it
			reply := message{JSONRPC: "2.0", ID: msg.ID, Result: result, Error: rerr}
			if rerr == nil && result == nil {
				reply.Result = json.RawMessage("null")
			}
			if err := s.write(reply); err != nil {
				return err
			}
		}
	}
}

// maxMessage bounds a client message: a document is at most the
// configuration's max-file-size (16 MiB by default), escaped as JSON.
const maxMessage = 1 << 30

func (s *Server) read() (*message, error) {
	length := -1
	started := false // a byte of this message was read: an end now cuts it short
	for {
		line, err := s.in.ReadString('\n')
		if err != nil {
			if started || line != "" {
				return nil, fmt.Errorf("%w: the input ends inside a message header", ErrProtocol)
			}
			return nil, err
		}
		started = true
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Length") {
			length, err = strconv.Atoi(strings.TrimSpace(v))
			if err != nil || length < 0 {
				return nil, fmt.Errorf("%w: bad Content-Length %q", ErrProtocol, v)
			}
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: message without Content-Length", ErrProtocol)
	}
	if length > maxMessage {
		return nil, fmt.Errorf("%w: message of %d bytes: over the limit of %d", ErrProtocol, length, maxMessage)
	}
	// Read as it comes rather than allocated from the header: a wrong
	// Content-Length must not take the memory it claims.
	body, err := io.ReadAll(io.LimitReader(s.in, int64(length)))
	if err != nil {
		return nil, err
	}
	if len(body) < length {
		return nil, fmt.Errorf("%w: %w: %d of %d bytes", ErrProtocol, io.ErrUnexpectedEOF, len(body), length)
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, &parseError{err}
	}
	return &m, nil
}

func (s *Server) write(m any) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := fmt.Fprintf(s.out, "Content-Length: %d\r\n\r\n", len(b)); err != nil {
		return err
	}
	_, err = s.out.Write(b)
	return err
}

func (s *Server) notify(method string, params any) error {
	b, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return s.write(message{JSONRPC: "2.0", Method: method, Params: b})
}

func (s *Server) logf(format string, args ...any) {
	if s.Log != nil {
		fmt.Fprintf(s.Log, format+"\n", args...)
	}
}

type textDocument struct {
	URI     string `json:"uri"`
	Text    string `json:"text"`
	Version int    `json:"version"`
}

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

func (s *Server) handle(m *message) (any, *rpcError) {
	switch m.Method {
	case "initialize":
		var p struct {
			RootURI          string `json:"rootUri"`
			WorkspaceFolders []struct {
				URI string `json:"uri"`
			} `json:"workspaceFolders"`
		}
		_ = json.Unmarshal(m.Params, &p)
		root := p.RootURI
		if root == "" && len(p.WorkspaceFolders) > 0 {
			root = p.WorkspaceFolders[0].URI
		}
		if err := s.loadConfig(uriPath(root)); err != nil {
			return nil, &rpcError{Code: -32603, Message: err.Error()}
		}
		s.started = true
		return map[string]any{
			"capabilities": map[string]any{
				"positionEncoding":   "utf-16",
				"textDocumentSync":   map[string]any{"openClose": true, "change": 1, "save": map[string]any{"includeText": false}},
				"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
			},
			"serverInfo": map[string]any{"name": "l10nlint"},
		}, nil
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.shutdown = true
		clear(s.pending) // nothing is published after shutdown
		s.checkConfig = false
		return nil, nil
	case "textDocument/didOpen":
		var p struct {
			TextDocument textDocument `json:"textDocument"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, &rpcError{Code: -32602, Message: err.Error()}
		}
		s.setText(p.TextDocument.URI, p.TextDocument.Text)
		s.touch(p.TextDocument.URI)
	case "textDocument/didChange":
		var p struct {
			TextDocument   textDocument `json:"textDocument"`
			ContentChanges []struct {
				Text string `json:"text"`
			} `json:"contentChanges"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, &rpcError{Code: -32602, Message: err.Error()}
		}
		if _, open := s.docs[p.TextDocument.URI]; !open {
			return nil, nil // a change to a document not open (a late one after close)
		}
		if n := len(p.ContentChanges); n > 0 { // full sync: the last change is the text
			s.setText(p.TextDocument.URI, p.ContentChanges[n-1].Text)
		}
		s.touch(p.TextDocument.URI)
	case "textDocument/didSave":
		var p struct {
			TextDocument textDocument `json:"textDocument"`
		}
		_ = json.Unmarshal(m.Params, &p)
		// A saved configuration or glossary is seen by flush. A saved page
		// may be the target of links from the other open pages: they are
		// all checked again (a save is rare; a keystroke checks only the
		// same page in the other locales).
		s.checkConfig = true
		if _, open := s.docs[p.TextDocument.URI]; open {
			for u := range s.docs {
				s.pending[u] = true
			}
		}
	case "textDocument/didClose":
		var p struct {
			TextDocument textDocument `json:"textDocument"`
		}
		_ = json.Unmarshal(m.Params, &p)
		// Its related pages were checked against its unsaved text: check
		// them against the file again.
		s.touchRelated(p.TextDocument.URI)
		delete(s.docs, p.TextDocument.URI)
		if path := uriPath(p.TextDocument.URI); path != "" {
			// The file is the file again, unless another URI of it is
			// open (file:///p.md and file://localhost/p.md).
			delete(s.overlay, path)
			for u, t := range s.docs {
				if uriPath(u) == path {
					s.overlay[path] = []byte(t)
					s.pending[u] = true
				}
			}
		}
		delete(s.keys, p.TextDocument.URI)
		delete(s.findings, p.TextDocument.URI)
		delete(s.pending, p.TextDocument.URI)
		_ = s.notify("textDocument/publishDiagnostics", map[string]any{"uri": p.TextDocument.URI, "diagnostics": []any{}})
	case "textDocument/codeAction":
		var p struct {
			TextDocument textDocument `json:"textDocument"`
			Range        lspRange     `json:"range"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, &rpcError{Code: -32602, Message: err.Error()}
		}
		s.flush() // the fixes of the text as it is now
		return s.codeActions(p.TextDocument.URI, p.Range), nil
	default:
		if len(m.ID) > 0 {
			return nil, &rpcError{Code: -32601, Message: "method not supported: " + m.Method}
		}
	}
	return nil, nil
}

func (s *Server) loadConfig(root string) error {
	file := s.ConfigFile
	if file == "" && root != "" {
		file = config.Find(root)
	}
	if file == "" {
		s.cfg = config.Default()
		return nil
	}
	c, st, err := loadStamped(file)
	if err != nil {
		// Shown, and the defaults until the file is fixed: the session
		// goes on (the configuration is read again when it changes).
		s.showError(err)
		s.cfg, s.fromRoot, s.rootFiles, s.rootStamp, s.rootBroken = config.Default(), true, []string{file}, stamp([]string{file}), err.Error()
		return nil
	}
	s.cfg, s.fromRoot, s.rootFiles, s.rootStamp = c, true, c.Files(), st
	return nil
}

// loadStamped loads a configuration and stamps its files as they were
// read: a file that changed while it was read (an editor saving it) gets
// no stamp, so that it is read again.
func loadStamped(file string) (*config.Config, string, error) {
	before := stamp([]string{file})
	c, err := config.Load(file, rules.Default)
	if err != nil {
		return nil, "", err
	}
	st := stamp(c.Files())
	if stamp([]string{file}) != before {
		st = ""
	}
	return c, st, nil
}

// stamp is the state on disk (size and modification time) of files.
func stamp(files []string) string {
	var b strings.Builder
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", f, fi.Size(), fi.ModTime().UnixNano())
		} else {
			fmt.Fprintf(&b, "%s missing\n", f)
		}
	}
	return b.String()
}

// reloadConfigs reads again the configurations whose files changed on
// disk, and reports whether one did. A configuration that no longer loads
// is shown to the user once, and the last one that loaded is kept until
// its files change again.
func (s *Server) reloadConfigs(saved bool) bool {
	changed := false
	if s.fromRoot && len(s.rootFiles) > 0 && s.ConfigFile == "" {
		if _, err := os.Stat(s.rootFiles[0]); errors.Is(err, fs.ErrNotExist) {
			// Deleted: as without one, each document's is found from its
			// folder.
			s.cfg, s.fromRoot, s.rootFiles, s.rootStamp, s.rootBroken = config.Default(), false, nil, "", ""
			return true
		}
	}
	// A configuration that did not load is tried again on every save too:
	// what broke it may be a file it names (a glossary) that was missing.
	if s.fromRoot && len(s.rootFiles) > 0 {
		if st := stamp(s.rootFiles); st != s.rootStamp || s.rootBroken != "" && saved {
			if c, cst, err := loadStamped(s.rootFiles[0]); err != nil {
				if err.Error() != s.rootBroken {
					s.showError(err)
				}
				changed = changed || st != s.rootStamp
				s.rootStamp, s.rootBroken = st, err.Error()
			} else {
				s.cfg, s.rootFiles, s.rootStamp, s.rootBroken = c, c.Files(), cst, ""
				changed = true
			}
		}
	}
	for file, n := range s.near {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			delete(s.near, file) // deleted: found anew from the folder
			changed = true
			continue
		}
		if st := stamp(n.files); st != n.stamp || n.broken != "" && saved {
			if c, cst, err := loadStamped(file); err != nil {
				if err.Error() != n.broken {
					s.showError(err)
				}
				changed = changed || st != n.stamp
				n.stamp, n.broken = st, err.Error()
			} else {
				n = nearConfig{cfg: c, files: c.Files(), stamp: cst}
				changed = true
			}
			s.near[file] = n
		}
	}
	return changed
}

// showError tells the user of a configuration error (in the editor's
// message area and the log).
func (s *Server) showError(err error) {
	s.logf("l10nlint: %v", err)
	_ = s.notify("window/showMessage", map[string]any{"type": 1, "message": "l10nlint: " + err.Error()})
}

// setText records an open document's text, and its key.
func (s *Server) setText(uri, text string) {
	p := uriPath(uri)
	s.docs[uri] = text
	if p == "" {
		return
	}
	s.overlay[p] = []byte(text)
	if _, ok := s.keys[uri]; !ok {
		s.keys[uri] = s.pageKey(p)
	}
}

// pageKey identifies a document's page across locales: its place in the
// locale trees of its configuration's layout, else its path.
func (s *Server) pageKey(path string) string {
	cfg := s.configFor(path)
	lay := layout.Layout{SourceLocale: cfg.SourceLocale, Patterns: cfg.Layout}
	if pl, ok := lay.Place(filepath.ToSlash(path)); ok && pl.Key != "" {
		return pl.Key
	}
	return path
}

// dirty reports whether there is something to check once messages stop
// coming.
func (s *Server) dirty() bool { return len(s.pending) > 0 || s.checkConfig }

// touch marks a document, and the open pages related to it, to be checked.
func (s *Server) touch(uri string) {
	if _, ok := s.docs[uri]; ok {
		s.pending[uri] = true
	}
	s.touchRelated(uri)
}

// touchRelated marks the other open documents that are the same page in
// another locale: their cross-locale findings depend on this one's text.
func (s *Server) touchRelated(uri string) {
	key, ok := s.keys[uri]
	if !ok {
		return
	}
	for u, k := range s.keys {
		if u != uri && k == key {
			s.pending[u] = true
		}
	}
}

// flush checks the pending documents, and every open one when a
// configuration changed on disk.
func (s *Server) flush() {
	if !s.started {
		return
	}
	saved := s.checkConfig
	s.checkConfig = false
	if s.reloadConfigs(saved) {
		for u := range s.docs {
			s.pending[u] = true
			// The layout may have changed: the same page elsewhere too.
			if p := uriPath(u); p != "" {
				s.keys[u] = s.pageKey(p)
			}
		}
	}
	if len(s.pending) == 0 {
		return
	}
	uris := make([]string, 0, len(s.pending))
	for u := range s.pending {
		uris = append(uris, u)
	}
	sort.Strings(uris)
	clear(s.pending)
	for _, u := range uris {
		s.lint(u)
	}
}

// configFor returns the configuration for a document at path.
func (s *Server) configFor(path string) *config.Config {
	if s.cfg == nil {
		s.cfg = config.Default()
	}
	if s.fromRoot {
		return s.cfg
	}
	file := config.Find(filepath.Dir(path))
	if file == "" {
		return s.cfg
	}
	if n, ok := s.near[file]; ok {
		return n.cfg
	}
	if s.near == nil {
		s.near = map[string]nearConfig{}
	}
	c, st, err := loadStamped(file)
	if err != nil {
		// Shown once; the defaults until the file changes and loads.
		s.showError(err)
		s.near[file] = nearConfig{cfg: s.cfg, files: []string{file}, stamp: stamp([]string{file}), broken: err.Error()}
		return s.cfg
	}
	s.near[file] = nearConfig{cfg: c, files: c.Files(), stamp: st}
	return c
}

// lint checks a buffer and publishes its diagnostics.
func (s *Server) lint(uri string) {
	_, ok := s.docs[uri]
	path := uriPath(uri)
	if lp := strings.ToLower(path); !ok || path == "" || !strings.HasSuffix(lp, ".md") && !strings.HasSuffix(lp, ".markdown") {
		return
	}
	if s.cfg == nil {
		s.cfg = config.Default()
	}
	cfg := s.configFor(path)
	// As check does with a file it is given: the exclude globs apply.
	if excluded(cfg, path) {
		s.findings[uri] = nil
		_ = s.notify("textDocument/publishDiagnostics", map[string]any{"uri": uri, "diagnostics": []any{}})
		return
	}
	// Every open buffer stands for its file: a source page or sibling
	// translation being edited is compared as it is in the editor.
	res, err := engine.Run([]string{path}, engine.Options{Config: cfg, Jobs: runtime.GOMAXPROCS(0), Overlay: s.overlay})
	if err != nil {
		s.logf("l10nlint: %s: %v", path, err)
		return
	}
	s.findings[uri] = res.Findings
	diags := make([]map[string]any, 0, len(res.Findings))
	for _, f := range res.Findings {
		d := map[string]any{
			"range":           toRange(f.Start, f.End),
			"severity":        lspSeverity(f.Severity),
			"code":            f.Rule,
			"codeDescription": map[string]string{"href": DocsURL + f.Rule},
			"source":          "l10nlint",
			"message":         f.Message,
		}
		diags = append(diags, d)
	}
	if err := s.notify("textDocument/publishDiagnostics", map[string]any{"uri": uri, "diagnostics": diags}); err != nil {
		s.logf("l10nlint: %v", err)
	}
}

func toRange(a, b textfile.Position) lspRange {
	conv := func(p textfile.Position) position {
		return position{Line: max(p.Line-1, 0), Character: max(p.ColUTF16-1, 0)}
	}
	return lspRange{Start: conv(a), End: conv(b)}
}

func lspSeverity(s rules.Severity) int {
	switch s {
	case rules.Error:
		return 1
	case rules.Warning:
		return 2
	}
	return 3
}

// codeActions offers the fixes of the findings that touch r.
func (s *Server) codeActions(uri string, r lspRange) []map[string]any {
	out := []map[string]any{}
	for _, f := range s.findings[uri] {
		// The engine placed each fix as it placed the finding (in the
		// decoded text: a byte order mark does not shift them).
		if len(f.Fixes) == 0 || len(f.FixPlaces) != len(f.Fixes) {
			continue
		}
		fr := toRange(f.Start, f.End)
		if before(fr.End, r.Start) || before(r.End, fr.Start) {
			continue
		}
		var edits []map[string]any
		for i, e := range f.Fixes {
			edits = append(edits, map[string]any{
				"range":   toRange(f.FixPlaces[i].Start, f.FixPlaces[i].End),
				"newText": e.New,
			})
		}
		out = append(out, map[string]any{
			"title":       "l10nlint: fix " + f.Rule + ": " + f.Message,
			"kind":        "quickfix",
			"isPreferred": true,
			"edit":        map[string]any{"changes": map[string]any{uri: edits}},
		})
	}
	return out
}

func before(a, b position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// uriPath turns a file:// URI into an absolute path ("" for other schemes).
func uriPath(uri string) string { return uriPathOn(runtime.GOOS, uri) }

// uriPathOn is uriPath for an operating system: on Windows,
// file:///C:/docs/p.md is C:\docs\p.md and file://server/share/p.md the
// UNC path \\server\share\p.md.
func uriPathOn(goos, uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return ""
	}
	host := u.Host
	if host == "localhost" {
		host = ""
	}
	p := u.Path
	if strings.HasPrefix(p, "//") && host == "" { // file:////server/share/p.md
		rest := strings.TrimPrefix(p, "//")
		host, p, _ = strings.Cut(rest, "/")
		p = "/" + p
	}
	if goos != "windows" {
		if host != "" || !strings.HasPrefix(p, "/") {
			return "" // a file on another machine, or no absolute path
		}
		return path.Clean(p) // as the engine's absolute paths are
	}
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // /C:/docs → C:/docs
	}
	if c := path.Clean(p); len(c) > 2 || !strings.HasSuffix(p, ":/") {
		p = c // but C:/ stays the drive's root
	}
	p = strings.ReplaceAll(p, "/", "\\")
	if host != "" {
		p = "\\\\" + host + p
	}
	return p
}

// excluded reports whether cfg's exclude globs drop path
// (relative to the configuration's folder).
func excluded(cfg *config.Config, path string) bool {
	if cfg.Dir == "" || len(cfg.Exclude) == 0 {
		return false
	}
	rel, err := filepath.Rel(cfg.Dir, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range cfg.Exclude {
		if config.Glob(g, rel) {
			return true
		}
	}
	return false
}
