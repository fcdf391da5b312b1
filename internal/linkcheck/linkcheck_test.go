package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
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
