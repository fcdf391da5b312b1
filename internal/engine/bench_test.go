package engine

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/rules"
)

// benchCorpus is the three-locale corpus the speed targets are set on.
var benchCorpus = []string{"fr-FR", "zh-CN", "de-DE"}

func corpusDirs(b *testing.B) []string {
	var dirs []string
	for _, l := range benchCorpus {
		d := filepath.Join("..", "..", "..", "shared", "corpus", "o365seccomp", l)
		if _, err := os.Stat(d); err != nil {
			b.Skipf("corpus absent (%s): the benchmark needs ../shared beside the repository", d)
		}
		dirs = append(dirs, d)
	}
	return dirs
}

// tokenizeFloor walks the same directories, reads every Markdown file and
// runs golang.org/x/net/html's tokenizer over all of it, on the same number
// of workers as a check: the least any HTML-aware checker must do.
func tokenizeFloor(dirs []string, jobs int) (files int, bytesRead int64) {
	return eachFile(dirs, jobs, func(_ string, data []byte) {
		z := html.NewTokenizer(bytes.NewReader(data))
		for z.Next() != html.ErrorToken {
		}
	})
}

// parseOnly reads and parses the same files into pages (front matter,
// goldmark's block structure, segments and their inline facts), running no
// rule: the part of a check every rule needs.
func parseOnly(dirs []string, jobs int) {
	eachFile(dirs, jobs, func(p string, data []byte) { page.ParseOwned(p, data, page.Options{}) })
}

// eachFile calls fn with the content of every Markdown file under dirs, on
// jobs workers.
func eachFile(dirs []string, jobs int, fn func(path string, data []byte)) (files int, bytesRead int64) {
	var paths []string
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
				paths = append(paths, p)
			}
			return nil
		})
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := make(chan string)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int64
			for p := range next {
				data, err := os.ReadFile(p)
				if err != nil {
					continue
				}
				n += int64(len(data))
				fn(p, data)
			}
			mu.Lock()
			bytesRead += n
			mu.Unlock()
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return len(paths), bytesRead
}

// peakRSSMB reads the process's peak resident set size (Linux VmHWM).
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

// BenchmarkCorpus times, in the same run and on the same files, the
// tokenize-only floor (on the same number of workers as the check, and on
// one) and a full check with the default rules, and reports their ratios
// (target: at most 2), segments per second and peak RSS (target: under
// 300 MB). Run it alone, so that the peak is the check's:
//
//	go test ./internal/engine -run '^$' -bench BenchmarkCorpus -benchtime 5x
func BenchmarkCorpus(b *testing.B) { benchmarkCheck(b, corpusDirs(b)) }

// BenchmarkFourTrees is the same on the whole documentation set: the en-US
// source tree and the three target trees, so the corpus rules (stale-source,
// cross-locale-source, broken-link...) see every page (targets: at most 3x
// the floor, peak RSS under 400 MB).
func BenchmarkFourTrees(b *testing.B) {
	dirs := corpusDirs(b)
	benchmarkCheck(b, []string{filepath.Dir(dirs[0])})
}

func benchmarkCheck(b *testing.B, dirs []string) {
	jobs := runtime.GOMAXPROCS(0)
	cfg := config.Default()
	var floor, floor1, check, parse time.Duration
	var segments, size int64
	b.ResetTimer()
	// Each side runs as it would on its own: the floor, a plain program,
	// with the default collector settings; the check with the command's
	// (BatchGC).
	defaultGC := func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	defer defaultGC()
	for i := 0; i < b.N; i++ {
		defaultGC()
		runtime.GC()
		tf := time.Now()
		tokenizeFloor(dirs, 1)
		t0 := time.Now()
		_, n := tokenizeFloor(dirs, jobs)
		t1 := time.Now()
		floor1 += t0.Sub(tf)
		restore := BatchGC()
		res, err := Run(dirs, Options{Config: cfg, Registry: rules.Default, Jobs: jobs})
		t2 := time.Now()
		restore()
		defaultGC()
		runtime.GC()
		restore = BatchGC()
		tp := time.Now()
		parseOnly(dirs, jobs)
		parse += time.Since(tp)
		restore()
		if err != nil {
			b.Fatal(err)
		}
		floor += t1.Sub(t0)
		check += t2.Sub(t1)
		segments += int64(res.Segments)
		size = n
	}
	b.StopTimer()
	b.ReportMetric(float64(floor.Milliseconds())/float64(b.N), "floor-ms")
	b.ReportMetric(float64(check.Milliseconds())/float64(b.N), "check-ms")
	b.ReportMetric(float64(floor1.Milliseconds())/float64(b.N), "floor-1job-ms")
	b.ReportMetric(float64(check)/float64(floor), "x-floor")
	b.ReportMetric(float64(check)/float64(floor1), "x-floor-1job")
	b.ReportMetric(float64(parse.Milliseconds())/float64(b.N), "parse-ms")
	b.ReportMetric(float64(parse)/float64(floor), "parse-x-floor")
	b.ReportMetric(float64(segments)/check.Seconds(), "segments/s")
	b.ReportMetric(float64(size)/1e6, "MB")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// BenchmarkFloor and BenchmarkCheck are the two halves alone, for pprof:
//
//	go test ./internal/engine -run '^$' -bench BenchmarkCheck -cpuprofile cpu.out
func BenchmarkFloor(b *testing.B) {
	dirs := corpusDirs(b)
	for i := 0; i < b.N; i++ {
		tokenizeFloor(dirs, runtime.GOMAXPROCS(0))
	}
}

func BenchmarkCheck(b *testing.B) {
	dirs := corpusDirs(b)
	cfg := config.Default()
	for i := 0; i < b.N; i++ {
		if _, err := Run(dirs, Options{Config: cfg, Registry: rules.Default}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOneChangedPage is a pre-commit run: one changed page named, its
// source page and sibling translations read for the corpus rules (target:
// under 100 ms).
func BenchmarkOneChangedPage(b *testing.B) {
	dirs := corpusDirs(b)
	page := filepath.Join(dirs[0], "alert-policies.md")
	cfg := config.Default()
	var segs int
	for i := 0; i < b.N; i++ {
		res, err := Run([]string{page}, Options{Config: cfg, Registry: rules.Default})
		if err != nil {
			b.Fatal(err)
		}
		segs = res.Segments
	}
	b.ReportMetric(float64(segs), "segments")
}

// BenchmarkRules times each page rule alone, on one goroutine, over the
// pages of the three-locale corpus parsed beforehand (in sibling order, as
// a check runs them), and reports milliseconds per rule: where a check's
// rule time goes, without a profile.
//
//	go test ./internal/engine -run '^$' -bench BenchmarkRules -benchtime 3x
func BenchmarkRules(b *testing.B) {
	dirs := corpusDirs(b)
	var paths []string
	eachFile(dirs, 1, func(p string, _ []byte) { paths = append(paths, p) })
	files := make([]file, len(paths))
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			b.Fatal(err)
		}
		files[i] = file{path: p, abs: abs}
	}
	placeFiles(files, layout.Layout{SourceLocale: "en-US"})
	siblingOrder(files)
	pages := make([]*rules.Page, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f.abs)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page.ParseOwned(f.path, data, page.Options{}))
	}
	cfg := config.Default()
	spent := map[string]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range rules.Default.All() {
			if r.Run == nil || cfg.Severity(r) == rules.Off {
				continue
			}
			t0 := time.Now()
			for _, pg := range pages {
				r.Run(&rules.Pass{Page: pg, Rule: r, Options: cfg.Rules[r.ID].Options, DoNotTranslate: cfg.DoNotTranslate,
					Glossaries: cfg.Glossaries, Report: func(rules.Finding) {}})
			}
			spent[r.ID] += time.Since(t0)
		}
	}
	for id, d := range spent {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), id+"-ms")
	}
}
