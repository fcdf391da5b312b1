// Package linkcheck checks external http(s) links, when the user asks for it
// (--external): a bounded number of requests at once, a timeout per request,
// retries with backoff for transient failures, and an on-disk cache so that
// repeated runs do not hit the same servers again.
package linkcheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/l10nlint/l10nlint/internal/scratch"
)

// Result is the outcome of checking one URL.
type Result struct {
	// Status is the final HTTP status (0 when no response came).
	Status int `json:"status"`
	// Err describes a failure without a response (timeout, DNS, TLS).
	Err     string    `json:"error,omitempty"`
	Checked time.Time `json:"checked"`
}

// OK reports whether the link works: a 2xx or 3xx status after redirects,
// or a 401/403/429 (the page exists but refuses robots or asks to slow down).
func (r Result) OK() bool {
	switch {
	case r.Status >= 200 && r.Status < 400:
		return true
	case r.Status == 401 || r.Status == 403 || r.Status == 429:
		return true
	}
	return false
}

// Describe says what went wrong, for messages.
func (r Result) Describe() string {
	if r.Err != "" {
		return r.Err
	}
	return fmt.Sprintf("HTTP %d %s", r.Status, http.StatusText(r.Status))
}

// Checker checks URLs.
type Checker struct {
	Client      *http.Client
	Concurrency int           // requests at once (default 8)
	Timeout     time.Duration // per request (default 10s)
	Retries     int           // extra attempts on timeouts and 5xx (default 2)
	Backoff     time.Duration // first retry delay, doubled each time (default 500ms)
	// CacheFile, when set, keeps results between runs; entries older than
	// TTL (default 24h) are checked again.
	CacheFile string
	TTL       time.Duration
	UserAgent string

	// Remember keeps what this Checker found, failures and a network
	// down included, so that a later Check (check --fix checks again
	// after each pass) asks the network nothing it asked before.
	Remember bool
	memoMu   sync.Mutex
	memo     map[string]Result
	offline  map[string]string // URL -> the failure that showed the network down
}

// Check checks each distinct URL once and returns the results by URL.
func (c *Checker) Check(ctx context.Context, urls []string) (map[string]Result, error) {
	conc, timeout, retries, backoff, ttl := c.Concurrency, c.Timeout, c.Retries, c.Backoff, c.TTL
	if conc <= 0 {
		conc = 8
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	if retries < 0 {
		retries = 0
	}
	if backoff <= 0 {
		backoff = 500 * time.Millisecond
	}
	if ttl <= 0 {
		ttl = 24 * time.Hour
	}
	client := c.Client
	if client == nil {
		client = &http.Client{}
	}
	cache := map[string]Result{}
	if c.CacheFile != "" {
		if b, err := os.ReadFile(c.CacheFile); err == nil {
			_ = json.Unmarshal(b, &cache) // a damaged cache is rebuilt
		}
	}
	out := map[string]Result{}
	var todo []string
	seen := map[string]bool{}
	now := time.Now()
	// The memo is read here and written at the end, not held across the
	// requests: Checks may run at once.
	c.memoMu.Lock()
	var wasOffline []string
	for _, u := range urls {
		if seen[u] {
			continue
		}
		seen[u] = true
		if r, ok := c.memo[u]; ok {
			out[u] = r
			continue
		}
		if _, ok := c.offline[u]; ok {
			wasOffline = append(wasOffline, u)
			continue
		}
		// Only a server's answer is taken from the cache (an older version
		// also kept failures without one).
		if r, ok := cache[u]; ok && r.Status != 0 && now.Sub(r.Checked) < ttl {
			out[u] = r
			continue
		}
		todo = append(todo, u)
	}
	c.memoMu.Unlock()
	sort.Strings(todo)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, conc)
	for _, u := range todo {
		wg.Add(1)
		sem <- struct{}{}
		go func(u string) {
			defer wg.Done()
			defer func() { <-sem }()
			r := c.one(ctx, client, u, timeout, retries, backoff)
			mu.Lock()
			out[u] = r
			cache[u] = r
			mu.Unlock()
		}(u)
	}
	wg.Wait()
	// No answer at all, from two hosts or more: the network is down (or
	// closed to this machine), not every link broken. Those links are left
	// unchecked rather than reported.
	var offline *OfflineError
	if hosts := hostsOf(todo); len(hosts) >= 2 && ctx.Err() == nil {
		answered := false
		for _, u := range todo {
			answered = answered || out[u].Status != 0
		}
		// The links left to check may all be dead (the others answered
		// before, and are in the cache): one of those answers, asked
		// again, tells a dead link from a machine offline.
		if !answered {
			if canary, ok := answeredBefore(cache, seen, todo); ok {
				answered = c.one(ctx, client, canary, timeout, 0, backoff).Status != 0
			}
		}
		if !answered {
			offline = &OfflineError{URLs: len(todo), Hosts: len(hosts), Example: out[todo[0]].Err}
			for _, u := range todo {
				delete(out, u)
			}
		}
	}
	// Only a server's answer is kept: a failure without one (DNS, refused,
	// timeout) may be this machine's, and is tried again next run.
	for _, u := range todo {
		if cache[u].Status == 0 {
			delete(cache, u)
		}
	}
	c.memoMu.Lock()
	defer c.memoMu.Unlock()
	if c.memo == nil && c.Remember {
		c.memo, c.offline = map[string]Result{}, map[string]string{}
	}
	for _, u := range todo {
		if !c.Remember {
			break
		}
		if r, ok := out[u]; ok {
			c.memo[u] = r
		} else if offline != nil {
			c.offline[u] = offline.Example
		}
	}
	if offline == nil && len(wasOffline) > 0 {
		sort.Strings(wasOffline)
		offline = &OfflineError{URLs: len(wasOffline), Hosts: len(hostsOf(wasOffline)), Example: c.offline[wasOffline[0]]}
	}
	if c.CacheFile != "" && len(todo) > 0 {
		if err := writeCache(c.CacheFile, cache); err != nil {
			return out, fmt.Errorf("link cache: %w", err)
		}
	}
	if offline != nil {
		return out, offline
	}
	return out, ctx.Err()
}

// OfflineError is Check's error when no host answered: its links are not
// in the results.
type OfflineError struct {
	URLs, Hosts int
	Example     string // the first failure
}

func (e *OfflineError) Error() string {
	return fmt.Sprintf("external links not checked: none of the %d hosts answered (%d links; the network looks unavailable): %s",
		e.Hosts, e.URLs, e.Example)
}

// answeredBefore returns a URL of the run whose cached result is a server's
// answer, from another host than the links of todo if it can.
func answeredBefore(cache map[string]Result, seen map[string]bool, todo []string) (string, bool) {
	dead := hostsOf(todo)
	var any []string
	for u := range seen {
		if r, ok := cache[u]; ok && r.Status != 0 {
			if !dead[hostOf(u)] {
				return u, true
			}
			any = append(any, u)
		}
	}
	if len(any) == 0 {
		return "", false
	}
	sort.Strings(any)
	return any[0], true
}

func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil {
		return strings.ToLower(p.Hostname())
	}
	return ""
}

// hostsOf returns the distinct hosts of urls.
func hostsOf(urls []string) map[string]bool {
	hosts := map[string]bool{}
	for _, u := range urls {
		hosts[hostOf(u)] = true
	}
	return hosts
}

func (c *Checker) one(ctx context.Context, client *http.Client, u string, timeout time.Duration, retries int, backoff time.Duration) Result {
	var r Result
	for attempt := 0; attempt <= retries; attempt++ {
		if attempt > 0 {
			select {
			case <-time.After(backoff << (attempt - 1)):
			case <-ctx.Done():
				return Result{Err: ctx.Err().Error(), Checked: time.Now()}
			}
		}
		r = c.request(ctx, client, http.MethodHead, u, timeout)
		if r.Status == http.StatusMethodNotAllowed || r.Status == http.StatusNotImplemented || r.Status == http.StatusForbidden {
			r = c.request(ctx, client, http.MethodGet, u, timeout) // some servers refuse HEAD
		}
		if r.Err == "" && r.Status < 500 && r.Status != http.StatusTooManyRequests {
			return r
		}
	}
	return r
}

func (c *Checker) request(ctx context.Context, client *http.Client, method, u string, timeout time.Duration) Result {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return Result{Err: err.Error(), Checked: time.Now()}
	}
	ua := c.UserAgent
	if ua == "" {
		ua = "l10nlint-linkcheck"
	}
	req.Header.Set("User-Agent", ua)
	resp, err := client.Do(req)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			msg = fmt.Sprintf("no answer within %s", timeout)
		}
		return Result{Err: msg, Checked: time.Now()}
	}
	resp.Body.Close()
	return Result{Status: resp.StatusCode, Checked: time.Now()}
}

// writeCache replaces the cache file atomically.
func writeCache(path string, cache map[string]Result) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(cache, "", " ")
	if err != nil {
		return err
	}
	tmp, err := scratch.CreateTemp(filepath.Dir(path), ".links-*.json")
	if err != nil {
		return err
	}
	defer func() { _ = scratch.Remove(tmp.Name()) }() // nothing left after the rename
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return scratch.Rename(tmp.Name(), path)
}

// DefaultCacheFile is where the cache lives unless told otherwise.
func DefaultCacheFile() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "l10nlint", "links.json")
}
