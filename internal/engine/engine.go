// Package engine finds the files, parses each once, runs the enabled rules
// over the pages in parallel and hands the raw findings to the processors.
package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/linkcheck"
	"github.com/l10nlint/l10nlint/internal/page"
	"github.com/l10nlint/l10nlint/internal/process"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/suppress"
	"github.com/l10nlint/l10nlint/internal/textfile"
	"github.com/l10nlint/l10nlint/rules"
)

// MemoryLimit is the soft memory limit of a check (BatchGC): the
// three-locale corpus keeps about 180 MB live at its peak, and a limit this
// far above it keeps the peak RSS under 300 MB for a few percent more
// collector time.
const MemoryLimit = 270 << 20

// BatchGC tunes the garbage collector for a check, a batch run that ends
// with the process: no collection until the heap nears MemoryLimit (about
// a tenth less time than the default proportional pacing on the corpus, at
// the same peak). A larger documentation set, whose live heap crowds the
// limit (crowded), gets the default pacing back as soon as a collection
// shows it: under a fixed limit, a set four times the corpus took twice
// the time. GOGC or GOMEMLIMIT in the environment keep their settings. It
// returns a function restoring the previous ones.
func BatchGC() (restore func()) { return batchGC(MemoryLimit, 10*time.Millisecond) }

func batchGC(memLimit int64, every time.Duration) (restore func()) {
	envGC, envLimit := os.Getenv("GOGC") != "", os.Getenv("GOMEMLIMIT") != ""
	gc, limit := 100, int64(-1)
	if !envGC {
		gc = debug.SetGCPercent(-1)
	}
	if !envLimit {
		limit = debug.SetMemoryLimit(memLimit)
	}
	stop, done := make(chan struct{}), make(chan struct{})
	if !envGC && !envLimit {
		go watchHeap(memLimit, every, stop, done)
	} else {
		close(done)
	}
	return func() {
		close(stop)
		<-done
		if !envGC {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// watchHeap reads the live heap every so often and, once it crowds the
// limit, sets the default pacing (GOGC=100, no limit) for the rest of the
// run.
func watchHeap(limit int64, every time.Duration, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && crowded(sample[0].Value.Uint64(), limit) {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
	}
}

// crowded reports whether live bytes kept leave the limit too little room:
// a collection then comes every limit-live bytes of allocation, against
// every live bytes under the default pacing. Past three times as often,
// the default pacing costs less.
func crowded(live uint64, limit int64) bool { return limit > 0 && live/3 > uint64(limit)/4 }

// Options configure a run.
type Options struct {
	Config   *config.Config
	Registry *rules.Registry
	// Jobs is the number of files processed at once (default GOMAXPROCS).
	Jobs int
	// External, when set, checks the http(s) links of the reported pages.
	External *linkcheck.Checker
	// Context cancels external link checks.
	Context context.Context
	// Overlay replaces the content of files (by absolute path) with
	// unsaved editor buffers; such files need not exist on disk.
	Overlay map[string][]byte
	// Timings, when set, receives where the run spent its time.
	Timings *Timings
}

// Result is what a run found.
type Result struct {
	Findings []report.Finding
	// Rules are the enabled rules with their effective severity.
	Rules           []report.RuleInfo
	Files, Segments int
	// Checked are the project paths (as findings and baselines give them)
	// of the files checked, in order; Abs their absolute paths.
	Checked, Abs []string
	// Internal are internal errors (a rule that panicked); the CLI exits 3.
	Internal []string
	// Notices are what the user should know about the run that is no
	// finding and no error (external links left unchecked, offline).
	Notices []string
	// Suppressed are the findings l10nlint-disable directives silenced,
	// with their reasons.
	Suppressed []suppress.Suppressed
}

// enabled is a rule with its configured options.
type enabled struct {
	rule    *rules.Rule
	options map[string]any
}

// Test hooks: each parsed page, and the end of phase one (the index is
// built, the corpus rules have not run).
var (
	testHookParsed  func(*rules.Page)
	testHookIndexed func()
)

// Run checks the files under paths in two phases. Phase one parses every
// file once, in parallel: the named files get the page rules, and every
// file, named or context, gives its compact facts to the corpus index.
// Phase two runs the corpus rules on the named files against that index.
// Context files are the same pages in the other locale trees, so a run on a
// few changed files still sees their source and sibling translations.
func Run(paths []string, opts Options) (*Result, error) {
	tm := opts.Timings
	if tm != nil {
		defer tm.since(phaseWall, time.Now())
	}
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	reg := opts.Registry
	if reg == nil {
		reg = cfg.Registry
	}
	if reg == nil {
		reg = rules.Default
	}
	var files []file
	var err error
	if len(opts.Overlay) > 0 {
		files, err = overlayFiles(paths, opts.Overlay, cfg)
	} else {
		files, err = collect(paths, cfg)
	}
	if err != nil {
		return nil, err
	}
	var active []enabled
	corpusRules := false
	res := &Result{Files: len(files)}
	for _, r := range reg.All() {
		sev := cfg.Severity(r)
		if sev == rules.Off {
			continue
		}
		active = append(active, enabled{rule: r, options: cfg.Rules[r.ID].Options})
		corpusRules = corpusRules || r.RunCorpus != nil
		info := report.NewRuleInfo(r)
		info.Severity, info.HelpURI = sev, report.RuleDocsURL+r.ID
		res.Rules = append(res.Rules, info)
	}
	lay := layout.Layout{SourceLocale: cfg.SourceLocale, Patterns: cfg.Layout}
	reported := len(files)
	placeFiles(files, lay)
	var whole map[string][]string // locale trees named whole, by root
	if corpusRules {
		files = append(files, contextFiles(files, lay)...)
		if cfg.Severity(rules.MissingPage) != rules.Off && len(opts.Overlay) == 0 {
			var sources []string
			whole, sources = wholeTrees(paths, files[:reported], lay)
			files = append(files, sourceTreeFiles(sources, files, cfg, lay)...)
		}
	}
	siblingOrder(files[:reported])
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	popts := page.Options{SourceLocale: cfg.SourceLocale, DefaultLocale: cfg.Locale}
	type out struct {
		findings []report.Finding
		facts    *rules.PageFacts
		project  string // the project path of a checked file
		segments int
		internal []string
		dirs     []suppress.Directive
		context  bool // dirs are a context page's: never unused
	}
	resolve := func(name string) (string, bool) {
		if r := reg.Lookup(name); r != nil {
			return r.ID, true
		}
		return "", false
	}
	cwd, _ := os.Getwd()
	// Words translations keep, which pair the blocks of monolingual pages.
	keptWords := append(rules.ProductNames(), cfg.DoNotTranslate...)
	var mono []enabled // the rules that also check monolingual pages
	for _, e := range active {
		if e.rule.Monolingual && e.rule.Run != nil {
			mono = append(mono, e)
		}
	}
	// readSource reads and parses the source page of a placed page, or nil.
	readSource := func(pl layout.Place) *rules.Page {
		srcLocale := cfg.SourceLocale
		if srcLocale == "" {
			srcLocale = "en-US"
		}
		abs := filepath.FromSlash(lay.Expected(pl, srcLocale))
		data, open := opts.Overlay[abs]
		if !open {
			var err error
			if data, err = readFile(abs, cfg.MaxFileSize); err != nil {
				return nil
			}
		}
		popts := popts
		popts.FolderLocale = srcLocale
		parse := page.ParseOwned
		if open {
			parse = page.Parse // the editor's buffer is not ours to keep
		}
		src, unread, _ := parseSafely(abs, func() *rules.Page { return parse(display(cwd, abs), data, popts) })
		if unread || len(src.FileProblems) > 0 {
			return nil
		}
		return src
	}
	results := make([]out, len(files))
	parallel(len(files), jobs, func(i int) {
		f := files[i]
		popts := popts
		if f.placed && !f.place.Assumed {
			popts.FolderLocale = f.place.Locale
		}
		popts.NoFolder = f.placed && f.place.Assumed
		var pg *rules.Page
		t0 := tm.now()
		unread := true
		var bug string // a parser panic
		if f.readErr != nil {
			pg = &rules.Page{Path: f.path, FileProblems: []rules.Problem{{Message: f.readErr.Error()}}}
		} else if data, ok := opts.Overlay[f.abs]; ok && cfg.MaxFileSize > 0 && int64(len(data)) > cfg.MaxFileSize {
			pg = &rules.Page{Path: f.path, FileProblems: []rules.Problem{{Message: readProblem(tooLarge{int64(len(data)), cfg.MaxFileSize})}}}
		} else if ok {
			pg, unread, bug = parseSafely(f.path, func() *rules.Page { return page.Parse(f.path, data, popts) })
		} else if data, err := readFile(f.abs, cfg.MaxFileSize); err != nil {
			pg = &rules.Page{Path: f.path, FileProblems: []rules.Problem{{Message: readProblem(err)}}}
		} else {
			pg, unread, bug = parseSafely(f.path, func() *rules.Page { return page.ParseOwned(f.path, data, popts) })
		}
		if pg.FolderLocale == "" {
			// A file not read is still one of its tree's: its finding
			// counts there (or for the configured locale, outside any).
			pg.FolderLocale = page.FolderLocale(f.path, popts)
			if pg.FolderLocale == "" && pg.Locale == "" {
				pg.Locale = popts.DefaultLocale
			}
		}
		var o out
		lines := textfile.NewLines(pg.Text)
		tm.since(phaseParse, t0)
		if testHookParsed != nil {
			testHookParsed(pg)
		}
		if i >= reported && f.place.Source && len(whole[f.place.Root]) > 0 {
			// A source page missing-page reports on for a locale tree
			// named whole: its directives count (not as unused ones).
			o.dirs, _ = suppress.Parse(pg.Text, pg.Comments, resolve)
			o.context = true
		}
		if i < reported {
			pp := configRel(cfg, pg.Path)
			o.project = pp
			o.findings, o.internal = check(pg, active, cfg, lines, pp, tm)
			if len(mono) > 0 && !pg.Bilingual() && len(pg.Blocks) > 0 && f.placed && !f.place.Source {
				// A monolingual translation: its blocks, paired with its
				// source page's, are segments for the rules that check them.
				t0 := tm.now()
				src := readSource(f.place)
				var al *rules.Page
				if src != nil && !src.Bilingual() {
					al = alignedPage(pg, src, keptWords)
				}
				tm.since(phaseParse, t0) // reading the source page and pairing the blocks
				if al != nil {
					more, bugs := checkAligned(al, pg, mono, cfg, lines, pp, tm)
					o.findings = append(o.findings, more...)
					o.internal = append(o.internal, bugs...)
				}
			}
			markNotRewritten(pg, o.findings)
			if bug != "" {
				o.internal = append(o.internal, pg.Path+": "+bug)
			}
			o.segments = len(pg.Segments)
			var probs []rules.Problem
			o.dirs, probs = suppress.Parse(pg.Text, pg.Comments, resolve)
			for _, pr := range probs {
				f, _ := place(pg, lines, pp, rules.Finding{Rule: rules.InvalidSuppression.ID,
					Severity: rules.InvalidSuppression.Severity, Path: pg.Path, Range: pr.Range, Message: pr.Message}, nil)
				o.findings = append(o.findings, f)
			}
		}
		if corpusRules {
			t0 := tm.now()
			o.facts = facts(pg, filepath.ToSlash(f.abs), f.place, f.placed, i < reported, lines)
			o.facts.Unread = unread
			tm.since(phaseIndex, t0)
		}
		results[i] = o
	})
	var all []*rules.PageFacts
	dirs := map[string][]suppress.Directive{}
	n := 0
	for _, o := range results {
		n += len(o.findings)
	}
	res.Findings = make([]report.Finding, 0, n)
	contextDirs := map[string]bool{}
	for i, o := range results {
		if len(o.dirs) > 0 {
			dirs[files[i].path] = o.dirs
			contextDirs[files[i].path] = o.context
		}
		res.Findings = append(res.Findings, o.findings...)
		res.Segments += o.segments
		if i < reported {
			res.Checked = append(res.Checked, o.project)
			res.Abs = append(res.Abs, files[i].abs)
		}
		res.Internal = append(res.Internal, o.internal...)
		if o.facts != nil {
			all = append(all, o.facts)
		}
	}
	if corpusRules {
		t0 := tm.now()
		corpus := rules.NewCorpus(cfg.SourceLocale, all)
		corpus.Load, corpus.Find = loaders(lay, popts, cfg.MaxFileSize, opts.Overlay)
		corpus.Expected = expected(lay)
		corpus.WholeTrees = whole
		if n := unpaired(corpus, cfg.SourceLocale); n > 0 {
			res.Notices = append(res.Notices, fmt.Sprintf("no source page found for any of the %s checked: "+
				"without one they are not compared (no %s tree beside them? layout: in the configuration maps source paths to target paths)",
				pluralPages(n), cfg.SourceLocale))
		}
		tm.since(phaseIndex, t0)
		if testHookIndexed != nil {
			testHookIndexed()
		}
		if opts.External != nil {
			t0 := tm.now()
			ctx := opts.Context
			if ctx == nil {
				ctx = context.Background()
			}
			results, err := opts.External.Check(ctx, rules.ExternalURLs(corpus))
			var offline *linkcheck.OfflineError
			switch {
			case errors.As(err, &offline):
				res.Notices = append(res.Notices, err.Error())
			case err != nil:
				res.Internal = append(res.Internal, err.Error())
			}
			corpus.External = map[string]string{}
			for u, r := range results {
				if !r.OK() {
					corpus.External[u] = r.Describe()
				} else {
					corpus.External[u] = ""
				}
			}
			tm.since(phaseExternal, t0)
		}
		corpus.Trees = map[string][]string{}
		cwd, _ := os.Getwd()
		for _, p := range all {
			if _, ok := corpus.Trees[p.Root]; !ok && p.Key != "" {
				corpus.Trees[p.Root] = lay.Trees(p.Root)
				for _, dir := range lay.LocaleParents(p.Root) {
					for _, names := range layout.SameLocaleFolders(dir) {
						res.Notices = append(res.Notices, fmt.Sprintf("%s: the folders %s are one locale: the pages of all are checked as pages of that locale; merge them",
							display(cwd, filepath.FromSlash(dir)), strings.Join(names, ", ")))
					}
				}
			}
		}
		var targets []*rules.PageFacts
		for _, p := range corpus.Pages() {
			if p.Reported || p.Source && len(whole[p.Root]) > 0 {
				targets = append(targets, p)
			}
		}
		// The source pages of a tree named whole get missing-page alone.
		var missingOnly []enabled
		for _, e := range active {
			if e.rule == rules.MissingPage {
				missingOnly = append(missingOnly, e)
			}
		}
		more := make([]out, len(targets))
		parallel(len(targets), jobs, func(i int) {
			act := active
			if !targets[i].Reported {
				act = missingOnly
			}
			more[i].findings, more[i].internal = checkCorpus(corpus, targets[i], act, cfg, tm)
		})
		for _, o := range more {
			res.Findings = append(res.Findings, o.findings...)
			res.Internal = append(res.Internal, o.internal...)
		}
	}
	if tm != nil {
		defer tm.since(phaseFinish, time.Now())
	}
	severity := func(id string) rules.Severity {
		if r := reg.Lookup(id); r != nil {
			return cfg.Severity(r)
		}
		return rules.Warning
	}
	defaultSeverity := func(id string) rules.Severity {
		if r := reg.Lookup(id); r != nil {
			return r.Severity
		}
		return rules.Off
	}
	res.Findings = process.Apply(res.Findings, process.Severity{Of: severity, Default: defaultSeverity},
		process.Sort{}, process.Dedup{})
	// The page's directives first: one that silences a finding the
	// configuration ignores as well is still in use, not stale.
	var unused []suppress.Directive
	res.Findings, res.Suppressed, unused = suppress.ApplyAll(res.Findings, dirs)
	rel := func(p string) string { return configRel(cfg, p) }
	res.Findings = suppress.ApplyIgnores(res.Findings, cfg.Ignores, rel)
	if len(cfg.Ignores) > 0 && len(res.Suppressed) > 0 {
		// What the project ignores is not reported as silenced either.
		kept := res.Suppressed[:0]
		for _, s := range res.Suppressed {
			if len(suppress.ApplyIgnores([]report.Finding{s.Finding}, cfg.Ignores, rel)) > 0 {
				kept = append(kept, s)
			}
		}
		res.Suppressed = kept
	}
	if sev := severity(rules.UnusedSuppression.ID); sev != rules.Off {
		var extra []report.Finding
		for _, d := range unused {
			if contextDirs[d.Path] || !allActive(d.Rules, reg, cfg) {
				continue // a rule turned off did not run: its directive is not stale
			}
			f := suppress.UnusedFinding(d)
			f.Severity = sev
			pp := configRel(cfg, f.Path)
			extra = append(extra, report.Finding{Finding: f, Start: d.Start, End: d.End, ProjectPath: pp, Fingerprint: fingerprint(f, pp, "")})
		}
		extra = suppress.ApplyIgnores(extra, cfg.Ignores, rel)
		if len(extra) > 0 {
			res.Findings = process.Apply(append(res.Findings, extra...), process.Sort{})
		}
	}
	return res, nil
}

// configRel is a finding's path relative to the configuration's directory
// (where ignore globs are anchored), or as displayed without a config file.
func configRel(cfg *config.Config, p string) string {
	if cfg.Dir == "" {
		return p
	}
	abs, err := filepath.Abs(filepath.FromSlash(p))
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(cfg.Dir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}

// allActive reports whether every named rule (or, for nil, any) ran.
func allActive(ids []string, reg *rules.Registry, cfg *config.Config) bool {
	for _, id := range ids {
		if r := reg.Lookup(id); r == nil || cfg.Severity(r) == rules.Off {
			return false
		}
	}
	return true
}

// place puts a page finding in its file: positions, snippet, fingerprint.
// projectPath is the page's project path (configRel). A range outside the
// text is a rule's bug: the finding is reported clamped, a fix with such a
// range is dropped (applying it would change something else), and bug
// says what was wrong.
func place(pg *rules.Page, lines *textfile.Lines, projectPath string, f rules.Finding, d *detacher) (out report.Finding, bug string) {
	valid := func(r rules.Range) bool { return r.Start >= 0 && r.Start <= r.End && r.End <= len(pg.Text) }
	if !valid(f.Range) {
		bug = fmt.Sprintf("finding range %d-%d outside the text (%d bytes)", f.Range.Start, f.Range.End, len(pg.Text))
	}
	r := clamp(f.Range, len(pg.Text))
	f.Range = r
	targetAt, inTarget := offsetIn(pg.Text, f.Target, r)
	srcKey, tgtKey := d.detach(&f)
	snippet := d.clone(pg.Text[r.Start:r.End])
	var fixPlaces []report.Span
	fixes := f.Fixes[:0]
	for _, e := range f.Fixes {
		if !valid(e.Range) {
			if bug != "" {
				bug += "; "
			}
			bug += fmt.Sprintf("fix range %d-%d outside the text (%d bytes): fix dropped", e.Range.Start, e.Range.End, len(pg.Text))
			continue
		}
		fixes = append(fixes, e)
		fixPlaces = append(fixPlaces, report.Span{Start: lines.Position(e.Range.Start), End: lines.Position(e.Range.End)})
	}
	if len(fixes) == 0 {
		fixes = nil
	}
	f.Fixes = fixes
	// The locale a finding counts for is the tree the page is in, as for
	// the corpus rules' findings: a page of fr-FR/ that declares de-DE
	// (front-matter's finding) is still one of fr-FR's.
	locale := pg.Locale
	if pg.FolderLocale != "" {
		locale = pg.FolderLocale
	}
	return report.Finding{
		Finding:      f,
		Start:        lines.Position(r.Start),
		End:          lines.Position(r.End),
		Locale:       locale,
		Snippet:      snippet,
		ProjectPath:  projectPath,
		Fingerprint:  d.fingerprint(f, projectPath, snippet, srcKey, tgtKey),
		FixPlaces:    fixPlaces,
		TargetOffset: targetAt,
		InTarget:     inTarget,
	}, bug
}

// offsetIn returns the offset of range r in sub when sub is a substring of
// text (as a segment's target is of its page) holding r.
func offsetIn(text, sub string, r rules.Range) (int, bool) {
	if sub == "" || text == "" {
		return 0, false
	}
	// Comparing addresses only: sub lies inside text exactly when its
	// first byte does, as distinct allocations do not overlap.
	start := int(uintptr(unsafe.Pointer(unsafe.StringData(sub))) - uintptr(unsafe.Pointer(unsafe.StringData(text))))
	if start < 0 || start > len(text)-len(sub) || r.Start < start || r.End > start+len(sub) {
		return 0, false
	}
	return r.Start - start, true
}

// expected is Corpus.Expected for a layout: the path of a missing
// translation, displayed as the files of the run are.
func expected(lay layout.Layout) func(pg *rules.PageFacts, loc string) string {
	cwd, _ := os.Getwd()
	// Every missing page of a tree asks about the same folders.
	var dirs sync.Map
	type listing struct {
		entries []os.DirEntry
		err     error
	}
	fsys := &layout.FS{ReadDir: func(d string) ([]os.DirEntry, error) {
		if v, ok := dirs.Load(d); ok {
			return v.(listing).entries, v.(listing).err
		}
		var l listing
		l.entries, l.err = os.ReadDir(d)
		dirs.Store(d, l)
		return l.entries, l.err
	}}
	return func(pg *rules.PageFacts, loc string) string {
		pl := layout.Place{Root: pg.Root, Rel: pg.Rel, Key: pg.Key, Locale: pg.Locale, Source: pg.Source}
		return display(cwd, filepath.FromSlash(lay.ExpectedFS(pl, loc, fsys)))
	}
}

// loaders returns the corpus's on-demand page loader and file test, cached
// and safe for concurrent use: a link may point at a page outside the
// indexed files.
func loaders(lay layout.Layout, popts page.Options, maxSize int64, overlay map[string][]byte) (func(string) *rules.PageFacts, func(string) (string, bool)) {
	var pages, dirs sync.Map
	cwd, _ := os.Getwd()
	fsys := layout.NewCachedFS()
	load := func(abs string) *rules.PageFacts {
		if v, ok := pages.Load(abs); ok {
			return v.(*rules.PageFacts)
		}
		var f *rules.PageFacts
		parse := page.ParseOwned
		// An editor's open buffer stands for its file (a heading added
		// to a linked page, not saved yet).
		data, open := overlay[filepath.FromSlash(abs)]
		var err error
		if open {
			parse = page.Parse
			if maxSize > 0 && int64(len(data)) > maxSize {
				err = tooLarge{int64(len(data)), maxSize}
			}
		} else {
			data, err = readFile(filepath.FromSlash(abs), maxSize)
		}
		if err == nil {
			pl, ok := lay.PlaceFS(abs, fsys)
			popts := popts
			if ok && !pl.Assumed {
				popts.FolderLocale = pl.Locale
			}
			popts.NoFolder = ok && pl.Assumed
			pg := parse(display(cwd, filepath.FromSlash(abs)), data, popts)
			f = facts(pg, abs, pl, ok, false, textfile.NewLines(pg.Text))
		}
		v, _ := pages.LoadOrStore(abs, f)
		return v.(*rules.PageFacts)
	}
	// entries lists a directory once: names by lower case.
	entries := func(dir string) map[string]string {
		if v, ok := dirs.Load(dir); ok {
			return v.(map[string]string)
		}
		m := map[string]string{}
		if es, err := os.ReadDir(filepath.FromSlash(dir)); err == nil {
			for _, e := range es {
				m[strings.ToLower(e.Name())] = e.Name()
			}
		}
		v, _ := dirs.LoadOrStore(dir, m)
		return v.(map[string]string)
	}
	var find func(abs string) (string, bool)
	find = func(abs string) (string, bool) {
		if _, open := overlay[filepath.FromSlash(abs)]; open {
			return abs, true // a new page open in an editor, not saved yet
		}
		dir, name := path.Split(abs)
		dir = strings.TrimSuffix(dir, "/")
		if name == "" || dir == "" {
			if _, err := os.Stat(filepath.FromSlash(abs)); err == nil {
				return abs, true
			}
			return "", false
		}
		parent, exact := find(dir)
		if parent == "" {
			return "", false
		}
		got, ok := entries(parent)[strings.ToLower(name)]
		if !ok {
			return "", false
		}
		return parent + "/" + got, exact && got == name
	}
	return load, find
}

// parallel calls fn(0..n-1) on jobs goroutines.
func parallel(n, jobs int, fn func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// siblingOrder orders files so that the translations of a page follow
// one another (fr-FR/a.md, zh-CN/a.md, de-DE/a.md, fr-FR/b.md...): they
// share their source texts, whose costly facts the rules then find in
// their caches. Files outside a layout keep their place at the end. The
// report is sorted after the rules, so the order changes nothing else.
func siblingOrder(files []file) {
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i], files[j]
		if a.placed != b.placed {
			return a.placed
		}
		return a.place.Key < b.place.Key
	})
}

// contextFiles finds the pages of the other locale trees that share a page
// with one of files (placed), and places them.
func contextFiles(files []file, lay layout.Layout) []file {
	seen := map[string]bool{}
	for _, f := range files {
		seen[f.abs] = true
	}
	cwd, _ := os.Getwd()
	var out []file
	// Every page asks about the same few locale directories, and mostly
	// about files already named.
	type dir struct {
		entries []os.DirEntry
		err     error
	}
	dirs := map[string]dir{}
	fsys := &layout.FS{
		ReadDir: func(d string) ([]os.DirEntry, error) {
			r, ok := dirs[d]
			if !ok {
				r.entries, r.err = os.ReadDir(d)
				dirs[d] = r
			}
			return r.entries, r.err
		},
		IsFile: func(p string) bool {
			if seen[filepath.FromSlash(p)] {
				return true
			}
			st, err := os.Stat(p)
			return err == nil && st.Mode().IsRegular()
		},
	}
	for _, f := range files {
		if !f.placed {
			continue
		}
		for _, p := range lay.SiblingsFS(f.place, fsys) {
			abs := filepath.FromSlash(p)
			if !seen[abs] {
				seen[abs] = true
				out = append(out, file{path: display(cwd, abs), abs: abs})
			}
		}
	}
	placeFiles(out, lay)
	return out
}

// check runs the page rules on one page and places the findings in the file.
// projectPath is the page's path relative to the configuration (configRel).
func check(pg *rules.Page, active []enabled, cfg *config.Config, lines *textfile.Lines, projectPath string, tm *Timings) (out []report.Finding, internal []string) {
	var raw []rules.Finding
	for _, e := range active {
		if e.rule.Run == nil {
			continue
		}
		t0, n := tm.now(), len(raw)
		// Findings carry the rule's default severity; the severity processor
		// maps them to the configured one after the rules.
		pass := &rules.Pass{Page: pg, Rule: e.rule, Options: e.options, DoNotTranslate: cfg.DoNotTranslate, Glossaries: cfg.Glossaries,
			Report: func(f rules.Finding) { raw = append(raw, f) }}
		if msg := runRule(func() { e.rule.Run(pass) }); msg != "" {
			internal = append(internal, fmt.Sprintf("%s: rule %s: %s", pg.Path, e.rule.ID, msg))
		}
		if tm != nil {
			// The rule's findings are placed now, on its clock.
			out, internal = placeAll(pg, lines, projectPath, raw[n:], out, internal)
			tm.rule(e.rule.ID, t0)
		}
	}
	if tm != nil {
		return out, internal
	}
	return placeAll(pg, lines, projectPath, raw, make([]report.Finding, 0, len(raw)), internal)
}

// markNotRewritten marks the findings with fixes of a page check --fix
// does not rewrite (textfile.Rewritable), so that the summary does not
// offer them.
func markNotRewritten(pg *rules.Page, fs []report.Finding) {
	if !slices.ContainsFunc(fs, func(f report.Finding) bool { return len(f.Fixes) > 0 }) {
		return
	}
	invalidAt := -1
	if !utf8.ValidString(pg.Text) {
		invalidAt = 0 // where does not matter here
	}
	if textfile.Rewritable(pg.Encoding, invalidAt) {
		return
	}
	for i := range fs {
		fs[i].NotRewritten = len(fs[i].Fixes) > 0
	}
}

// placeAll places findings (place), appending them to out and the rules'
// range bugs to internal.
func placeAll(pg *rules.Page, lines *textfile.Lines, projectPath string, raw []rules.Finding, out []report.Finding, internal []string) ([]report.Finding, []string) {
	d := &detacher{}
	for _, f := range raw {
		pf, bug := place(pg, lines, projectPath, f, d)
		out = append(out, pf)
		if bug != "" {
			internal = append(internal, fmt.Sprintf("%s: rule %s: %s", pg.Path, f.Rule, bug))
		}
	}
	return out, internal
}

// checkCorpus runs the corpus rules on one page of the index.
func checkCorpus(c *rules.Corpus, pf *rules.PageFacts, active []enabled, cfg *config.Config, tm *Timings) (out []report.Finding, internal []string) {
	pp := configRel(cfg, pf.Path)
	d := &detacher{}
	for _, e := range active {
		if e.rule.RunCorpus == nil {
			continue
		}
		t0 := tm.now()
		pass := &rules.CorpusPass{Corpus: c, Page: pf, Rule: e.rule, Options: e.options, DoNotTranslate: cfg.DoNotTranslate, Glossaries: cfg.Glossaries,
			Report: func(f rules.Finding) {
				var start, end textfile.Position
				if f.Loc != nil {
					start = textfile.Position(f.Loc.Start)
					end = textfile.Position(f.Loc.End)
				}
				srcKey, tgtKey := d.detach(&f)
				// The fingerprint keeps what it was made of before corpus
				// findings had their snippet (baselines keep matching).
				printed := f.Target
				if f.SegmentID == "" {
					printed = ""
				}
				snippet := ""
				if f.Loc != nil && pf.TextOf != nil {
					snippet = d.clone(pf.TextOf(f.Loc.Range))
				}
				loc := pf.Locale
				if f.Locale != "" {
					loc = f.Locale
				}
				out = append(out, report.Finding{Finding: f, Start: start, End: end, Locale: loc,
					Snippet: snippet, ProjectPath: pp, Fingerprint: d.fingerprint(f, pp, printed, srcKey, tgtKey)})
			}}
		if msg := runRule(func() { e.rule.RunCorpus(pass) }); msg != "" {
			internal = append(internal, fmt.Sprintf("%s: rule %s: %s", pf.Path, e.rule.ID, msg))
		}
		tm.rule(e.rule.ID, t0)
	}
	return out, internal
}

// unpaired returns how many monolingual translations the run checks when
// none of them has a source page and no source tree is where the layout
// expects one (a layout l10nlint does not recognize: they are then checked
// for nothing), else 0. A page of a tree whose source tree exists is only
// new or renamed: orphan-page's.
func unpaired(c *rules.Corpus, sourceLocale string) int {
	n := 0
	for _, p := range c.Pages() {
		if !p.Reported || p.Source || p.Bilingual || p.Unread || p.Locale == "" || p.Key == "" {
			continue
		}
		if c.SourceOf(p) != nil || sourceTreeExists(c, p, sourceLocale) {
			return 0
		}
		n++
	}
	return n
}

// sourceTreeExists reports whether the source tree where the layout
// expects p's source page exists: the expected path without the page's
// path inside its tree (en-US/ for en-US/new/page.md; content/en/ for
// content/en/{path}, not content/, which holds the target trees too).
func sourceTreeExists(c *rules.Corpus, p *rules.PageFacts, sourceLocale string) bool {
	if c.Expected == nil || p.Root == "" || p.Rel == "" {
		return false
	}
	exp := filepath.ToSlash(c.Expected(p, sourceLocale))
	tree, ok := strings.CutSuffix(exp, "/"+p.Rel)
	if !ok || tree == "" {
		return false // a layout that renames the file: not told
	}
	st, err := os.Stat(filepath.FromSlash(tree))
	return err == nil && st.IsDir()
}

func pluralPages(n int) string {
	if n == 1 {
		return "1 monolingual translated page"
	}
	return fmt.Sprintf("%d monolingual translated pages", n)
}

// parseSafely parses a page, turning a panic of the parser into a page
// that could not be read (its file-format finding says so) and an internal
// error: one odd file must not stop the run. unread is false when the
// parse succeeded.
func parseSafely(path string, parse func() *rules.Page) (pg *rules.Page, unread bool, bug string) {
	defer func() {
		if v := recover(); v != nil {
			pg = &rules.Page{Path: path, FileProblems: []rules.Problem{{Message: "could not be parsed (an internal error, reported apart): not checked"}}}
			unread, bug = true, fmt.Sprintf("parser panic: %v\n%s", v, debug.Stack())
		}
	}()
	return parse(), false, ""
}

// runRule calls the rule, turning a panic into an internal error so that one
// faulty rule cannot stop the run.
func runRule(run func()) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			msg = fmt.Sprintf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	run()
	return ""
}

func clamp(r rules.Range, n int) rules.Range {
	r.Start = max(0, min(r.Start, n))
	r.End = max(r.Start, min(r.End, n))
	return r
}
