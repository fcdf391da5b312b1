package linkcheck

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A local test server only: no test touches the network.
func server(t *testing.T) (*httptest.Server, *int32, *int32) {
	var hits, flaky, inflight, peak int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		n := atomic.AddInt32(&inflight, 1)
		for {
			p := atomic.LoadInt32(&peak)
			if n <= p || atomic.CompareAndSwapInt32(&peak, p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		atomic.AddInt32(&inflight, -1)
		atomic.AddInt32(&hits, 1)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/nohead", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if atomic.AddInt32(&flaky, 1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { time.Sleep(300 * time.Millisecond) })
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusFound) })
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, &hits, &peak
}

func TestCheck(t *testing.T) {
	s, _, peak := server(t)
	cache := filepath.Join(t.TempDir(), "links.json")
	c := &Checker{Concurrency: 2, Timeout: 100 * time.Millisecond, Retries: 2, Backoff: 5 * time.Millisecond, CacheFile: cache}
	var urls []string
	for i := 0; i < 6; i++ {
		urls = append(urls, s.URL+"/ok?"+string(rune('a'+i)))
	}
	urls = append(urls, s.URL+"/missing", s.URL+"/nohead", s.URL+"/flaky", s.URL+"/slow", s.URL+"/redirect", s.URL+"/missing")
	res, err := c.Check(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 11 {
		t.Fatalf("%d results, want 11 (duplicates checked once)", len(res))
	}
	for u, want := range map[string]bool{"/missing": false, "/nohead": true, "/flaky": true, "/slow": false, "/redirect": true, "/ok?a": true} {
		r := res[s.URL+u]
		if r.OK() != want {
			t.Errorf("%s: %+v OK=%v, want %v", u, r, r.OK(), want)
		}
	}
	if got := res[s.URL+"/slow"].Describe(); got != "no answer within 100ms" {
		t.Errorf("slow: %q", got)
	}
	if got := res[s.URL+"/missing"].Describe(); got != "HTTP 404 Not Found" {
		t.Errorf("missing: %q", got)
	}
	if p := atomic.LoadInt32(peak); p > 2 {
		t.Errorf("%d requests at once, limit 2", p)
	}
}

func TestCache(t *testing.T) {
	s, hits, _ := server(t)
	cache := filepath.Join(t.TempDir(), "sub", "links.json")
	c := &Checker{CacheFile: cache}
	if _, err := c.Check(context.Background(), []string{s.URL + "/ok"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Check(context.Background(), []string{s.URL + "/ok"}); err != nil {
		t.Fatal(err)
	}
	if n := atomic.LoadInt32(hits); n != 1 {
		t.Errorf("server hit %d times, want 1 (second run from the cache)", n)
	}
	c.TTL = time.Nanosecond
	if _, err := c.Check(context.Background(), []string{s.URL + "/ok"}); err != nil {
		t.Fatal(err)
	}
	if n := atomic.LoadInt32(hits); n != 2 {
		t.Errorf("server hit %d times, want 2 (expired entry checked again)", n)
	}
}

// TestOffline: when no host answers (two hosts refusing connections, as
// when this machine is offline), the links are left unchecked with an
// OfflineError rather than all reported broken, and nothing is cached; one
// host that answers makes the others' failures real.
func TestOffline(t *testing.T) {
	a, b := refusedURL(), strings.Replace(refusedURL(), "127.0.0.1", "localhost", 1)
	cache := filepath.Join(t.TempDir(), "links.json")
	c := &Checker{Timeout: time.Second, Retries: 0, CacheFile: cache}
	res, err := c.Check(context.Background(), []string{a + "/x", b + "/y"})
	var off *OfflineError
	if !errors.As(err, &off) || off.Hosts != 2 || off.URLs != 2 {
		t.Fatalf("err = %v, want an OfflineError for 2 links to 2 hosts", err)
	}
	if len(res) != 0 {
		t.Errorf("results %v, want none: the links were not checked", res)
	}
	if b, err := os.ReadFile(cache); err == nil && strings.Contains(string(b), "/x") {
		t.Errorf("a failure without an answer was cached:\n%s", b)
	}

	s, _, _ := server(t)
	res, err = c.Check(context.Background(), []string{a + "/x", s.URL + "/ok"})
	if err != nil {
		t.Fatalf("one host answered: err = %v", err)
	}
	if r := res[a+"/x"]; r.OK() || r.Err == "" {
		t.Errorf("refused link with another host answering: %+v, want a failure", r)
	}
	b2, _ := os.ReadFile(cache)
	if strings.Contains(string(b2), a+"/x") || !strings.Contains(string(b2), s.URL+"/ok") {
		t.Errorf("cache holds the failure or lacks the answer:\n%s", b2)
	}
}

// TestDeadLinksNotOffline: on a second run, the links left to check are
// the dead ones (the others are cached): with a server that still answers,
// they are reported dead, not taken for the machine being offline.
func TestDeadLinksNotOffline(t *testing.T) {
	s, _, _ := server(t)
	a, b := refusedURL(), strings.Replace(refusedURL(), "127.0.0.1", "localhost", 1)
	urls := []string{a + "/x", b + "/y", s.URL + "/ok"}
	c := &Checker{Timeout: time.Second, CacheFile: filepath.Join(t.TempDir(), "links.json")}
	for run := 1; run <= 2; run++ {
		res, err := c.Check(context.Background(), urls)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		for _, u := range urls[:2] {
			if r, ok := res[u]; !ok || r.OK() {
				t.Errorf("run %d: %s: %+v (in results: %v), want a dead link", run, u, r, ok)
			}
		}
	}
}

// refusedURL is the address of a port that was listening and is closed:
// a connection to it is refused, as to a host of a machine offline.
func refusedURL() string {
	s := httptest.NewServer(http.NotFoundHandler())
	u := s.URL
	s.Close()
	return u
}

// TestCheckAgain: a second Check by the same Checker (check --fix checks
// again after each pass) asks the network nothing the first asked, not
// even the links that failed without an answer.
func TestCheckAgain(t *testing.T) {
	var slow int32
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&slow, 1)
		time.Sleep(200 * time.Millisecond)
	})
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	c := &Checker{Timeout: 50 * time.Millisecond, Retries: 1, Backoff: time.Millisecond, Remember: true}
	urls := []string{s.URL + "/slow", s.URL + "/ok"}
	first, err := c.Check(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	asked := atomic.LoadInt32(&slow)
	second, err := c.Check(context.Background(), append(urls, s.URL+"/ok?new"))
	if err != nil {
		t.Fatal(err)
	}
	if n := atomic.LoadInt32(&slow); n != asked || asked != 2 {
		t.Errorf("/slow asked %d times then %d, want 2 then no more", asked, n)
	}
	if second[s.URL+"/slow"] != first[s.URL+"/slow"] || !second[s.URL+"/ok?new"].OK() {
		t.Errorf("second check: %+v", second)
	}
}
