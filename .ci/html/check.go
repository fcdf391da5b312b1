// Command check drives headless Chromium over the DevTools protocol (the
// --remote-debugging-pipe transport: no port, no WebSocket, standard
// library only) to test the filters of an l10nlint HTML report the way a
// reviewer uses them: a filter given in the URL fragment on load, clicks on
// checkboxes and on the "only", "none" and "Reset filters" buttons, typing
// in the search box after the "/" shortcut, and a fragment changed on the
// open page. After each step the rows shown must be exactly those an
// independent count over the rows' own text (severity, rule, locale,
// content) selects, hidden rows must not render, and the "Showing N" count
// must match. It also checks that the page loads no resource, runs one
// script and throws no JavaScript error.
//
//	go run .ci/html/check.go -chrome chromium -report report.html -out DIR
//
// Each check prints "ok: ..." or "FAIL: ..."; the exit status is 1 when a
// check failed and 2 when the browser could not be driven.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
)

func main() {
	chrome := flag.String("chrome", "chromium", "Chromium executable")
	report := flag.String("report", "", "the HTML report to test")
	out := flag.String("out", "", "directory for a screenshot of a filtered view (optional)")
	timeout := flag.Duration("timeout", 3*time.Minute, "give up after this long")
	flag.Parse()
	if *report == "" {
		fmt.Fprintln(os.Stderr, "usage: check -report FILE [-chrome PATH] [-out DIR]")
		os.Exit(2)
	}
	abs, err := filepath.Abs(*report)
	if err != nil {
		fatal(err)
	}
	b, err := start(*chrome)
	if err != nil {
		fatal(err)
	}
	defer b.close()
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(*timeout):
			fmt.Printf("FAIL: timed out after %v\n", *timeout)
			b.close()
			os.Exit(1)
		}
	}()
	failed, err := run(b, abs, *out)
	close(done)
	if err != nil {
		b.close()
		fatal(err)
	}
	if failed {
		b.close()
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Printf("FAIL: %v\n", err)
	os.Exit(2)
}

// helpers is installed in the page after load. count is the oracle: it
// reads each row's severity, rule and locale from the row's text, not from
// the data attributes the page's own script filters on.
const helpers = `window.T = {
  rows: () => Array.from(document.querySelectorAll("#list > .f")),
  info: (r) => ({
    sev: r.querySelector(":scope > b").textContent,
    rule: r.querySelector(":scope > a").textContent,
    loc: (r.querySelector(":scope > i") || {}).textContent || "",
    text: r.textContent.toLowerCase(),
  }),
  count: (pred) => T.rows().filter((r) => pred(T.info(r))).length,
  state: () => {
    let shown = 0, wrong = 0;
    for (const r of T.rows()) {
      if (!r.hidden) shown++;
      if (r.hidden === r.checkVisibility()) wrong++;
    }
    return { rows: T.rows().length, shown, wrong,
      label: document.getElementById("shown").textContent,
      none: !document.getElementById("none").hidden, hash: (() => { try { return decodeURIComponent(location.hash); } catch (e) { return location.hash; } })() };
  },
  box: (g, v) => document.querySelector("aside input[name=" + g + "][value=" + JSON.stringify(v) + "]"),
  button: (sel) => document.querySelector(sel),
};
true`

type state struct {
	Rows, Shown, Wrong int
	Label              string
	None               bool
	Hash               string
}

func run(b *browser, file, out string) (failed bool, err error) {
	pageURL := (&url.URL{Scheme: "file", Path: file}).String()
	passed := 0
	check := func(ok bool, format string, args ...any) {
		if ok {
			passed++
			fmt.Printf("ok: "+format+"\n", args...)
		} else {
			failed = true
			fmt.Printf("FAIL: "+format+"\n", args...)
		}
	}
	ev := func(expr string, v any) {
		if err == nil {
			err = b.eval(expr, v)
		}
	}
	// expect checks the rows shown against the oracle's count for pred.
	expect := func(what, pred string) {
		var want int
		var s state
		ev("T.count("+pred+")", &want)
		ev("T.state()", &s)
		if err != nil {
			return
		}
		check(s.Shown == want && s.Wrong == 0 && s.Label == thousands(want) && s.None == (want == 0),
			"%s: %d of %d rows shown, want %d (count reads %q, %d rows rendered against their hidden attribute, no-match note %v)",
			what, s.Shown, s.Rows, want, s.Label, s.Wrong, s.None)
	}

	// The rule filter of the first load is the second rule of the report's
	// rule list (sorted by count), read from the file.
	rule, err := secondRule(file)
	if err != nil {
		return false, err
	}
	frag := "#rule=" + url.QueryEscape(rule)
	if err = b.navigate(pageURL + frag); err != nil {
		return false, err
	}
	ev(helpers, nil)
	var total string
	ev(`document.querySelector(".top span").textContent.replace(/^.* of ([0-9,]+) findings$/, "$1")`, &total)
	var s state
	ev("T.state()", &s)
	if err != nil {
		return false, err
	}
	check(s.Rows > 0 && thousands(s.Rows) == total, "load: %d rows, the page says %s findings", s.Rows, total)
	var res struct{ Resources, Scripts, Loaders int }
	ev(`({ resources: performance.getEntriesByType("resource").length, scripts: document.scripts.length,
	  loaders: document.querySelectorAll("[src], link[href], object, embed, iframe").length })`, &res)
	check(res.Resources == 0 && res.Scripts == 1 && res.Loaders == 0,
		"self-contained: %d resources loaded, %d script elements, %d elements with src/link/object/iframe", res.Resources, res.Scripts, res.Loaders)

	// 1. A filter in the fragment applies on load.
	expect("fragment "+frag+" on load", "(f) => f.rule === "+js(rule))

	// The other filters: the locale with the most findings, the most
	// frequent severity.
	var pick struct{ Locale, Sev string }
	ev(`(() => {
	  const by = (k) => { const m = {}; for (const r of T.rows()) { const v = T.info(r)[k]; m[v] = (m[v] || 0) + 1; }
	    return Object.keys(m).sort((a, b) => m[b] - m[a] || (a < b ? -1 : 1)); };
	  return { locale: by("loc")[0] || "?", sev: by("sev")[0] };
	})()`, &pick)

	// 2. Reset filters shows everything and clears the fragment.
	ev(`T.button("#reset").click(); T.state().hash`, nil)
	expect("Reset filters", "(f) => true")
	ev("T.state()", &s)
	check(s.Hash == "", "Reset filters clears the fragment (%q)", s.Hash)

	// 3. Unchecking a severity hides it and records it in the fragment.
	ev(`T.box("s", `+js(pick.Sev)+`).click()`, nil)
	sevPred := "f.sev !== " + js(pick.Sev)
	expect("uncheck severity "+pick.Sev, "(f) => "+sevPred)
	ev("T.state()", &s)
	check(strings.Contains(s.Hash, "severity=") && !strings.Contains(s.Hash, pick.Sev),
		"the fragment follows the checkboxes (%q)", s.Hash)
	// Put it back and keep only the biggest locale, with its "only" button.
	ev(`T.box("s", `+js(pick.Sev)+`).click(); T.button('aside button.only[data-g="l"][value=' + JSON.stringify(`+js(pick.Locale)+`) + ']').click()`, nil)
	locPred := `(f.loc || "?") === ` + js(pick.Locale)
	expect("only locale "+pick.Locale, "(f) => "+locPred)

	// 4. "/" focuses the search box; typing filters within the locale.
	var query string
	// The query is the longest word of the message of the middle row shown,
	// typed as written (the search ignores case).
	ev(`(() => { const v = T.rows().filter((r) => !r.hidden); const m = v[Math.floor(v.length / 2)].querySelector(":scope > p").textContent;
	  return (m.match(/[A-Za-z]{4,}/g) || ["the"]).sort((a, b) => b.length - a.length)[0]; })()`, &query)
	if err != nil {
		return false, err
	}
	if err = b.key("/"); err != nil {
		return false, err
	}
	var focused bool
	ev(`document.activeElement === document.getElementById("q")`, &focused)
	check(focused, `"/" focuses the search box`)
	if err = b.typeText(query); err != nil {
		return false, err
	}
	ev(`new Promise((ok) => setTimeout(() => ok(true), 400))`, nil) // the search waits for typing to pause
	expect(fmt.Sprintf("search %q in %s", query, pick.Locale),
		"(f) => "+locPred+" && f.text.includes("+js(strings.ToLower(query))+")")
	ev("T.state()", &s)
	check(strings.Contains(s.Hash, "q="+query), "the fragment holds the search (%q)", s.Hash)
	if out != "" {
		if err = b.screenshot(filepath.Join(out, "filtered.png")); err != nil {
			return false, err
		}
	}

	// 5. A fragment set on the open page (a bookmark, a link) applies.
	frag = "#severity=" + pick.Sev + "&locale=" + url.QueryEscape(pick.Locale)
	ev(`location.hash = `+js(frag)+`; new Promise((ok) => setTimeout(() => ok(true), 100))`, nil)
	expect("fragment "+frag+" on the open page", "(f) => f.sev === "+js(pick.Sev)+" && "+locPred)

	// 5b. A malformed %-escape in a hand-edited fragment spoils only its
	// own part: the other filters apply, and no script error is thrown.
	frag = "#%E0%A4%A=x&severity=" + pick.Sev + "&locale=" + url.QueryEscape(pick.Locale)
	ev(`location.hash = `+js(frag)+`; new Promise((ok) => setTimeout(() => ok(true), 100))`, nil)
	expect("fragment with a malformed escape", "(f) => f.sev === "+js(pick.Sev)+" && "+locPred)

	// 6. "none" on the rules hides everything and says so; "all" undoes it.
	ev(`T.button('aside button[data-g="r"][data-none]').click()`, nil)
	expect("no rule checked", "(f) => false")
	ev(`T.button('aside button[data-g="r"][data-all]').click()`, nil)
	expect("all rules checked again", "(f) => f.sev === "+js(pick.Sev)+" && "+locPred)

	// 7. A rule link goes to the rule's description and keeps the filters.
	var link struct {
		Hash   string
		Target bool
		Shown  int
	}
	ev(`(() => { const a = T.rows().find((r) => !r.hidden).querySelector(":scope > a"); a.click();
	  const t = document.querySelector(":target");
	  return { hash: location.hash, target: !!t && t.classList.contains("rule") && t.id === "rule-" + a.textContent,
	    shown: T.state().shown }; })()`, &link)
	ev("T.state()", &s)
	check(link.Target && strings.HasPrefix(link.Hash, "#rule-") && link.Shown == s.Shown,
		"a rule link shows the rule's description (%s) and keeps the filters", link.Hash)

	// 8. No script error all along.
	if err == nil {
		errs := b.errors()
		check(len(errs) == 0, "no JavaScript error or console error%s", strings.Join(errs, "; "))
	}
	if err != nil {
		return failed, err
	}
	fmt.Printf("browser checks: %d passed\n", passed)
	return failed, nil
}

// secondRule returns the value of the second rule checkbox in the report
// (the first when there is one).
func secondRule(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`<input type="checkbox" name="r" value="([^"]*)"`).FindAllSubmatch(data, 2)
	if len(m) == 0 {
		return "", errors.New("the report has no rule filter: no findings to filter")
	}
	return html.UnescapeString(string(m[len(m)-1][1])), nil
}

// js is s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// browser is a Chromium process driven over --remote-debugging-pipe:
// JSON messages separated by NUL bytes, commands on fd 3, replies and
// events on fd 4.
type browser struct {
	cmd     *exec.Cmd
	profile string
	in      io.WriteCloser
	session string

	mu      sync.Mutex
	next    int
	pending map[int]chan message
	loaded  chan struct{}
	errs    []string
	dead    chan struct{}
	once    sync.Once
}

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func start(chrome string) (*browser, error) {
	profile, err := os.MkdirTemp("", "html-report-chrome-")
	if err != nil {
		return nil, err
	}
	cmdR, cmdW, err := os.Pipe() // commands: we write, Chromium reads fd 3
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe() // replies: Chromium writes fd 4, we read
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--window-size=1400,1000", "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, evW}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		os.RemoveAll(profile)
		return nil, fmt.Errorf("starting %s: %w", chrome, err)
	}
	cmdR.Close()
	evW.Close()
	b := &browser{cmd: cmd, profile: profile, in: cmdW, pending: map[int]chan message{},
		loaded: make(chan struct{}, 1), dead: make(chan struct{})}
	go b.read(evR)

	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		b.close()
		return nil, err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		b.close()
		return nil, err
	}
	b.mu.Lock()
	b.session = attached.SessionID
	b.mu.Unlock()
	for _, c := range []struct {
		method string
		params map[string]any
	}{
		{"Page.enable", nil},
		{"Runtime.enable", nil},
		{"Emulation.setDeviceMetricsOverride", map[string]any{"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": false}},
	} {
		if c.params == nil {
			c.params = map[string]any{}
		}
		if err := b.call(b.session, c.method, c.params, nil); err != nil {
			b.close()
			return nil, err
		}
	}
	return b, nil
}

func (b *browser) close() {
	b.once.Do(func() {
		b.in.Close()
		if b.cmd.Process != nil {
			b.cmd.Process.Kill()
			b.cmd.Wait()
		}
		os.RemoveAll(b.profile)
	})
}

func (b *browser) read(r io.Reader) {
	defer close(b.dead)
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m message
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if c := b.pending[m.ID]; c != nil {
				delete(b.pending, m.ID)
				c <- m
			}
		} else if m.SessionID == b.session && b.session != "" {
			switch m.Method {
			case "Page.loadEventFired":
				select {
				case b.loaded <- struct{}{}:
				default:
				}
			case "Runtime.exceptionThrown":
				b.errs = append(b.errs, "exception: "+string(m.Params))
			case "Runtime.consoleAPICalled":
				var p struct{ Type string }
				if json.Unmarshal(m.Params, &p) == nil && (p.Type == "error" || p.Type == "assert") {
					b.errs = append(b.errs, "console: "+string(m.Params))
				}
			}
		}
		b.mu.Unlock()
	}
}

func (b *browser) call(session, method string, params, result any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	c := make(chan message, 1)
	b.pending[id] = c
	b.mu.Unlock()
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	msg, err := json.Marshal(message{ID: id, Method: method, Params: p, SessionID: session})
	if err != nil {
		return err
	}
	if _, err := b.in.Write(append(msg, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-c:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-b.dead:
		return fmt.Errorf("%s: the browser exited", method)
	case <-time.After(90 * time.Second):
		return fmt.Errorf("%s: no reply in 90s", method)
	}
}

// navigate loads u and waits for its load event.
func (b *browser) navigate(u string) error {
	select {
	case <-b.loaded:
	default:
	}
	var r struct {
		ErrorText string `json:"errorText"`
	}
	if err := b.call(b.session, "Page.navigate", map[string]any{"url": u}, &r); err != nil {
		return err
	}
	if r.ErrorText != "" {
		return fmt.Errorf("loading %s: %s", u, r.ErrorText)
	}
	select {
	case <-b.loaded:
		return nil
	case <-b.dead:
		return errors.New("the browser exited while loading " + u)
	case <-time.After(90 * time.Second):
		return errors.New("no load event in 90s for " + u)
	}
}

// eval evaluates a JavaScript expression in the page, awaiting a promise,
// and decodes its value into v (nil: ignored).
func (b *browser) eval(expr string, v any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := b.call(b.session, "Runtime.evaluate", map[string]any{
		"expression": expr, "returnByValue": true, "awaitPromise": true, "userGesture": true}, &r)
	if err != nil {
		return err
	}
	if e := r.ExceptionDetails; e != nil {
		return fmt.Errorf("evaluating %.80q: %s %s", expr, e.Text, e.Exception.Description)
	}
	if v == nil || len(r.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(r.Result.Value, v)
}

// key presses and releases a printable key.
func (b *browser) key(k string) error {
	for _, t := range []string{"keyDown", "keyUp"} {
		p := map[string]any{"type": t, "key": k}
		if t == "keyDown" {
			p["text"] = k
		}
		if err := b.call(b.session, "Input.dispatchKeyEvent", p, nil); err != nil {
			return err
		}
	}
	return nil
}

// typeText types s into the focused element as input events.
func (b *browser) typeText(s string) error {
	for _, r := range s {
		if err := b.call(b.session, "Input.insertText", map[string]any{"text": string(r)}, nil); err != nil {
			return err
		}
	}
	return nil
}

func (b *browser) screenshot(file string) error {
	var r struct {
		Data string `json:"data"`
	}
	if err := b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &r); err != nil {
		return err
	}
	png, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(file, png, 0o644)
}

func (b *browser) errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}
