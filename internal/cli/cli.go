// Package cli is l10nlint's command line: flags and wiring only.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/l10nlint/l10nlint/internal/baseline"
	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/engine"
	"github.com/l10nlint/l10nlint/internal/gitdiff"
	"github.com/l10nlint/l10nlint/internal/linkcheck"
	"github.com/l10nlint/l10nlint/internal/lsp"
	"github.com/l10nlint/l10nlint/internal/report"
	"github.com/l10nlint/l10nlint/internal/scratch"
	"github.com/l10nlint/l10nlint/internal/suppress"
	"github.com/l10nlint/l10nlint/rules"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitUsage    = 2 // usage or configuration error
	ExitInternal = 3 // internal error
)

// Version is set at build time with -ldflags "-X github.com/l10nlint/l10nlint/internal/cli.Version=v1.2.3".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	// Built from a checkout: the commit go build stamped, so that a report
	// says which code wrote it.
	var rev, modified string
	for _, st := range bi.Settings {
		switch st.Key {
		case "vcs.revision":
			rev = st.Value
		case "vcs.modified":
			if st.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev == "" {
		return "dev"
	}
	return "dev-" + rev[:min(12, len(rev))] + modified
}

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
	say  bool // print err even for exit status 1 (which findings use silently)
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && (ee.code != ExitFindings || ee.say) {
			fmt.Fprintf(stderr, "l10nlint: %v\n", ee.err)
		}
		return ee.code
	}
	// cobra's own errors: unknown flags, commands, arguments.
	fmt.Fprintf(stderr, "l10nlint: %v\n", err)
	return ExitUsage
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "l10nlint",
		Short:         "Localization QA linter for documentation",
		Long:          "l10nlint checks localized Markdown documentation: side-by-side bilingual pages and their front matter.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("l10nlint {{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newCheck(stdout, stderr), newRules(stdout), newExplain(stdout), newVersion(stdout), newInit(stdout, stderr), newLSP(stderr), newBaseline(stdout, stderr))
	return root
}

type checkFlags struct {
	format, output, config, failOn string
	jobs                           int
	noColor                        bool
	quiet                          bool
	fix, diff                      bool
	baseline, newFromRev           string
	baselineRev                    string
	external                       bool
	externalCache                  string
	externalTimeout                time.Duration
	externalJobs                   int
	timings                        bool
	sarifMax                       int
	selection                      ruleSelection
	// fixCommand is the check --fix command that applies the fixes of
	// this run's findings: the same paths, configuration and selection.
	fixCommand string
}

// fixFlags are the check flags that choose which findings a run reports,
// and so which fixes --fix applies; the others only shape the report.
var fixFlags = map[string]bool{"config": true, "enable": true, "disable": true, "only": true,
	"baseline": true, "new-from-rev": true, "baseline-rev": true}

// fixCommand spells the command that applies the fixes of a check run
// with flags and paths: a hint printed after the findings, to copy as is.
func fixCommand(fl *pflag.FlagSet, paths []string) string {
	parts := []string{"l10nlint", "check", "--fix"}
	fl.Visit(func(f *pflag.Flag) {
		if !fixFlags[f.Name] {
			return
		}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			for _, v := range sv.GetSlice() {
				parts = append(parts, "--"+f.Name, shellQuote(v))
			}
			return
		}
		parts = append(parts, "--"+f.Name, shellQuote(f.Value.String()))
	})
	for i, p := range paths {
		if strings.HasPrefix(p, "-") {
			parts = append(parts, "--")
			for _, p := range paths[i:] {
				parts = append(parts, shellQuote(p))
			}
			break
		}
		parts = append(parts, shellQuote(p))
	}
	return strings.Join(parts, " ")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	// A leading = or ~ means something to zsh and bash (=cmd, ~user).
	if s != "" && !strings.ContainsAny(s[:1], "=~%") && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@%+,-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func newCheck(stdout, stderr io.Writer) *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check files and directories (default: the current directory)",
		Long: `Check Markdown files, or the Markdown files under directories, and report findings.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or
configuration error, 3 internal error.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.fixCommand = fixCommand(cmd.Flags(), args)
			return runCheck(args, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.FormatNames, ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: "+config.FileName+" found from the working directory upward)")
	fl.StringVar(&f.failOn, "fail-on", "error", "lowest severity that makes the exit code 1: error, warning, note or never")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "files checked in parallel (default GOMAXPROCS)")
	fl.BoolVar(&f.noColor, "no-color", false, "never color the text output (NO_COLOR is honored too)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not in this baseline file (see l10nlint baseline)")
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (e.g. origin/main...)")
	fl.StringVar(&f.baselineRev, "baseline-rev", "", "report only findings that a check of the same files at this git revision does not have (e.g. origin/main..., the merge base)")
	fl.BoolVar(&f.fix, "fix", false, "apply the mechanical fixes rules offer, checking again and fixing until none is left (atomic writes); without it l10nlint never writes")
	fl.BoolVar(&f.diff, "diff", false, "with --fix: print the fixes as a unified diff and change nothing")
	fl.IntVar(&f.sarifMax, "sarif-max-results", report.GitHubMaxResults, "sarif format: write at most this many results, the most severe (GitHub rejects more than 25,000); 0: all")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "text format: one line per finding, no source/target and no summary")
	fl.BoolVar(&f.external, "external", false, "also check http(s) links over the network (cached)")
	fl.StringVar(&f.externalCache, "external-cache", linkcheck.DefaultCacheFile(), "file that caches external link results for a day")
	fl.DurationVar(&f.externalTimeout, "external-timeout", 10*time.Second, "timeout of one external link request")
	fl.IntVar(&f.externalJobs, "external-jobs", 8, "external link requests at once")
	fl.BoolVar(&f.timings, "timings", false, "print on standard error where the time went: parsing, the corpus index, each rule")
	f.selection.addFlags(cmd)
	return cmd
}

func loadConfig(file string, paths ...string) (*config.Config, error) {
	if file == "" {
		cwd, _ := os.Getwd()
		file = config.Find(cwd)
		// None from the working directory up: the first one found from the
		// paths named (l10nlint check docs, with docs/.l10nlint.yaml, run
		// from the repository's top as hooks and CI do).
		for _, p := range paths {
			if file != "" {
				break
			}
			dir := p
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				dir = filepath.Dir(p)
			}
			if abs, err := filepath.Abs(dir); err == nil {
				file = config.Find(abs)
			}
		}
		if file == "" {
			return config.Default(), nil
		}
	}
	c, err := config.Load(file, rules.Default)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	return c, nil
}

func runCheck(args []string, f checkFlags, stdout, stderr io.Writer) error {
	defer engine.BatchGC()()
	failOn := rules.Off
	if !strings.EqualFold(f.failOn, "never") {
		sev, err := rules.ParseSeverity(f.failOn)
		if err != nil || sev == rules.Off {
			return usageErr("--fail-on: want error, warning, note or never, not %q", f.failOn)
		}
		failOn = sev
	}
	if _, ok := report.Formats[strings.ToLower(f.format)]; !ok {
		return usageErr("--format: unknown format %q (want %s)", f.format, strings.Join(report.FormatNames, ", "))
	}
	if f.jobs < 0 {
		return usageErr("--jobs must be positive")
	}
	if f.sarifMax < 0 {
		return usageErr("--sarif-max-results must be 0 (all) or more")
	}
	if f.diff && !f.fix {
		return usageErr("--diff goes with --fix")
	}
	if f.diff && !strings.EqualFold(f.format, "text") {
		return usageErr("--diff prints a unified diff: --format %s does not apply", f.format)
	}
	cfg, err := loadConfig(f.config, args...)
	if err != nil {
		return err
	}
	if err := f.selection.apply(cfg); err != nil {
		return err
	}
	for _, m := range f.selection.notes {
		fmt.Fprintf(stderr, "l10nlint: note: %s\n", m)
	}
	for _, m := range ignoreNotes(cfg) {
		fmt.Fprintf(stderr, "l10nlint: note: %s\n", m)
	}
	var res *engine.Result
	var found map[string]int // findings by rule, before baselines, --new-from-rev and --fix
	paths := args
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts := engine.Options{Config: cfg, Jobs: f.jobs}
	if f.timings {
		opts.Timings = &engine.Timings{}
		defer func() { writeTimings(stderr, opts.Timings, res, found, opts.Jobs) }()
	}
	if f.external {
		opts.External = &linkcheck.Checker{Concurrency: f.externalJobs, Timeout: f.externalTimeout, Retries: 2,
			CacheFile: f.externalCache, UserAgent: "l10nlint/" + version(), Remember: true}
	}
	// collect runs the check and the filters that choose what it reports:
	// once, or after each pass of --fix, so that the findings left point
	// at the fixed text.
	var (
		base       *baseline.Baseline // --baseline
		revBase    *baseline.Baseline // --baseline-rev's findings, computed once
		collecting int
	)
	collect := func() (*engine.Result, error) {
		collecting++
		res, err := engine.Run(paths, opts)
		if err != nil {
			if errors.Is(err, engine.ErrNoSuchPath) {
				return nil, usageErr("%v", err)
			}
			return nil, &exitError{code: ExitInternal, err: err}
		}
		if f.timings && found == nil {
			found = map[string]int{}
			for _, fd := range res.Findings {
				found[fd.Rule]++
			}
		}
		if f.baseline != "" {
			if base == nil {
				if base, err = loadBaseline(f.baseline); err != nil {
					return nil, usageErr("--baseline: %v", err)
				}
			}
			var matched int
			res.Findings, matched = base.Filter(res.Findings)
			reg := cfg.Registry
			if reg == nil {
				reg = rules.Default
			}
			ran := func(rule string) bool { // entries of rules this run ran are judged
				r := reg.Lookup(rule)
				return r != nil && cfg.Severity(r) != rules.Off
			}
			if stale := base.Stale(res.Checked, matched, ran); stale > 0 && collecting == 1 {
				fmt.Fprintf(stderr, "l10nlint: %d baseline entries of the files checked no longer occur (rewrite it with l10nlint baseline on the whole set)\n", stale)
			}
		}
		if f.baselineRev != "" {
			if revBase == nil {
				old, err := findingsAt(f.baselineRev, paths, cfg, opts)
				if err != nil {
					return nil, usageErr("--baseline-rev: %v", err)
				}
				revBase = baseline.From(old)
			}
			res.Findings, _ = revBase.Filter(res.Findings)
		}
		if f.newFromRev != "" {
			changed, err := gitdiff.ChangedLinesOf(context.Background(), res.Abs, f.newFromRev)
			if err != nil {
				return nil, usageErr("--new-from-rev: %v", err)
			}
			res.Findings = gitdiff.Filter(res.Findings, changed, nil)
		}
		return res, nil
	}
	if res, err = collect(); err != nil {
		return err
	}
	// The report (or the diff) goes to --output, whole or not at all
	// (reportFile).
	w := stdout
	color := false
	var out *reportFile
	if f.output != "" {
		out, err = openReport(f.output)
		if err != nil {
			return usageErr("--output: %v", err)
		}
		defer out.abort()
		w = out
	} else {
		color = !f.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(stdout)
	}
	finish := func() error {
		if out == nil {
			return nil
		}
		if err := out.commit(); err != nil {
			return &exitError{code: ExitInternal, err: err}
		}
		if abs, err := filepath.Abs(f.output); err == nil {
			fmt.Fprintf(stderr, "l10nlint: report written to %s\n", abs)
		}
		return nil
	}
	if f.fix {
		once := f.baseline != "" || f.baselineRev != "" || f.newFromRev != ""
		if res, err = fixAll(res, collect, f.diff, once, w, stderr); err != nil {
			return err
		}
	}
	if !f.diff {
		cwd, _ := os.Getwd()
		root, dir := cwd, cwd
		format := strings.ToLower(f.format)
		if format == "sarif" || format == "github" || format == "gitlab" {
			// GitHub and GitLab read paths from the repository's top: a run
			// from a subdirectory says docs/fr-FR/a.md, not fr-FR/a.md. The
			// top is git's (links resolved), so the working directory is
			// taken with its links resolved too.
			if top, err := gitdiff.Toplevel(context.Background(), cwd); err == nil {
				root = top
				if real, err := filepath.EvalSymlinks(cwd); err == nil {
					dir = real
				}
			}
		}
		if root != cwd && format != "sarif" {
			for i := range res.Findings {
				res.Findings[i].Path = fromRoot(root, dir, res.Findings[i].Path)
			}
		}
		run := &report.Run{Findings: res.Findings, Rules: res.Rules, Files: res.Files, Segments: res.Segments,
			Version: version(), Root: root, Suppressed: suppressedFindings(res.Suppressed)}
		if root != cwd {
			run.Dir = dir
		}
		if err := report.Write(w, f.format, run, report.Options{Color: color, Quiet: f.quiet, Fixed: f.fix, MaxResults: f.sarifMax, FixCommand: f.fixCommand}); err != nil {
			return &exitError{code: ExitInternal, err: err}
		}
		if n := report.SARIFDropped(run, f.sarifMax); n > 0 && strings.EqualFold(f.format, "sarif") {
			res.Notices = append(res.Notices, fmt.Sprintf("the SARIF log holds the %d most severe of %d results (--sarif-max-results; GitHub rejects a run of more than %d)",
				f.sarifMax, f.sarifMax+n, report.GitHubMaxResults))
		}
	}
	if err := finish(); err != nil {
		return err
	}
	if res.Files == 0 {
		// A gate that checked nothing passes: say so (an include glob that
		// matches nothing, a wrong folder).
		res.Notices = append(res.Notices, fmt.Sprintf("no file checked: %s holds no file the include globs (%s) match that the exclude globs (%s) keep",
			strings.Join(paths, ", "), strings.Join(cfg.Include, ", "), strings.Join(cfg.Exclude, ", ")))
	}
	for _, m := range res.Notices {
		fmt.Fprintf(stderr, "l10nlint: %s\n", m)
	}
	if len(res.Internal) > 0 {
		for _, m := range res.Internal {
			fmt.Fprintf(stderr, "l10nlint: internal error: %s\n", m)
		}
		return &exitError{code: ExitInternal, err: fmt.Errorf("%d internal errors", len(res.Internal))}
	}
	if failOn != rules.Off {
		for _, fd := range res.Findings {
			if fd.Severity >= failOn {
				return &exitError{code: ExitFindings}
			}
		}
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// registry is the built-in rules plus the configuration's pattern rules.
func registry(configFile string) (*rules.Registry, error) {
	cfg, err := loadConfig(configFile)
	if err != nil {
		return nil, err
	}
	return cfg.Registry, nil
}

func newRules(stdout io.Writer) *cobra.Command {
	var configFile, format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their default severity (with the configuration's custom rules)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := registry(configFile)
			if err != nil {
				return err
			}
			var infos []report.RuleInfo
			for _, r := range reg.All() {
				infos = append(infos, report.NewRuleInfo(r))
			}
			if err := report.WriteRuleDocs(stdout, infos, format); err != nil {
				return usageErr("%v", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "configuration file (default: "+config.FileName+" found from the working directory upward)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text, or markdown for the rule documentation (docs/rules.md)")
	return cmd
}

func newExplain(stdout io.Writer) *cobra.Command {
	var configFile string
	cmd := &cobra.Command{
		Use:   "explain RULE|TAG",
		Short: "Print a rule's full description and options, or a tag's rules",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := registry(configFile)
			if err != nil {
				return err
			}
			tag, isTag := strings.CutPrefix(args[0], "tag:")
			var r *rules.Rule
			if !isTag {
				r = reg.Lookup(args[0])
			}
			if r == nil {
				// A tag: its rules, one line each.
				var tagged []string
				for _, r := range reg.All() {
					for _, t := range r.Tags {
						if strings.EqualFold(t, tag) {
							tagged = append(tagged, fmt.Sprintf("  %-24s %-8s %s", r.ID, r.Severity, r.Short))
						}
					}
				}
				if len(tagged) == 0 {
					return usageErr("unknown rule or tag %q (see `l10nlint rules`)", args[0])
				}
				fmt.Fprintf(stdout, "Tag %s: %d rules (l10nlint explain RULE documents each)\n%s\n", strings.ToLower(tag), len(tagged), strings.Join(tagged, "\n"))
				return nil
			}
			fmt.Fprintf(stdout, "%s: %s\n\n", r.ID, r.Short)
			fmt.Fprintf(stdout, "Default severity: %s\n", r.Severity)
			if len(r.Aliases) > 0 {
				fmt.Fprintf(stdout, "Aliases: %s\n", strings.Join(r.Aliases, ", "))
			}
			if len(r.Tags) > 0 {
				fmt.Fprintf(stdout, "Tags: %s\n", strings.Join(r.Tags, ", "))
			}
			fmt.Fprintf(stdout, "\n%s\n", r.Doc)
			return nil
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "configuration file (default: "+config.FileName+" found from the working directory upward)")
	return cmd
}

func newVersion(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print l10nlint's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintf(stdout, "l10nlint %s\n", version())
		},
	}
}

func newLSP(stderr io.Writer) *cobra.Command {
	var configFile string
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the Language Server Protocol server on standard input and output",
		Long: `Runs a Language Server Protocol server over stdio for editors: diagnostics for Markdown
buffers on open, change and save (checked in memory, with the workspace's source pages and sibling
translations), and quick fixes for the mechanical problems.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			srv := lsp.NewServer(os.Stdin, os.Stdout)
			srv.ConfigFile, srv.Log = configFile, stderr
			if err := srv.Serve(); err != nil {
				if errors.Is(err, lsp.ErrExitWithoutShutdown) || errors.Is(err, lsp.ErrProtocol) {
					return &exitError{code: 1, err: err, say: true} // as the LSP specification asks
				}
				return &exitError{code: ExitInternal, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "configuration file (default: the workspace root's "+config.FileName+", else each document's, found from its folder upward)")
	return cmd
}

func suppressedFindings(ss []suppress.Suppressed) []report.Finding {
	out := make([]report.Finding, 0, len(ss))
	for _, sp := range ss {
		f := sp.Finding
		f.Justification = sp.Reason
		out = append(out, f)
	}
	return out
}

func loadBaseline(path string) (*baseline.Baseline, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return baseline.Load(file)
}

func newBaseline(stdout, stderr io.Writer) *cobra.Command {
	var output, configFile string
	var selection ruleSelection
	cmd := &cobra.Command{
		Use:   "baseline [PATH...]",
		Short: "Write the current findings to a baseline file, so that check --baseline reports only new ones",
		Long: `Checks PATH (default .) like check and writes every finding, whatever its severity, to a
baseline file (default .l10nlint-baseline.json; - for standard output). check --baseline FILE then
reports only findings that are not in it: a team adopts l10nlint on an existing corpus without
fixing everything first. Findings are matched by rule, file and a fingerprint of the segment's
text and the message (without what it says of other places or pages), so editing another
paragraph or shifting lines does not bring old findings back.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			defer engine.BatchGC()()
			cfg, err := loadConfig(configFile, args...)
			if err != nil {
				return err
			}
			if err := selection.apply(cfg); err != nil {
				return err
			}
			for _, m := range selection.notes {
				fmt.Fprintf(stderr, "l10nlint: note: %s\n", m)
			}
			paths := args
			if len(paths) == 0 {
				paths = []string{"."}
			}
			res, err := engine.Run(paths, engine.Options{Config: cfg})
			if err != nil {
				if errors.Is(err, engine.ErrNoSuchPath) {
					return usageErr("%v", err)
				}
				return &exitError{code: ExitInternal, err: err}
			}
			w := stdout
			if output != "-" {
				file, err := os.Create(output)
				if err != nil {
					return usageErr("--output: %v", err)
				}
				defer file.Close()
				w = file
			}
			if err := baseline.Write(w, res.Findings); err != nil {
				return &exitError{code: ExitInternal, err: err}
			}
			if output != "-" {
				fmt.Fprintf(stderr, "l10nlint: %d findings written to %s\n", len(res.Findings), output)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", ".l10nlint-baseline.json", "baseline file to write (- for standard output)")
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "configuration file (default: "+config.FileName+" found from the working directory upward)")
	selection.addFlags(cmd)
	return cmd
}

// fromRoot renames a path relative to cwd (or absolute) relative to root,
// when it lies under root.
func fromRoot(root, cwd, p string) string {
	abs := p
	if !filepath.IsAbs(p) {
		abs = filepath.Join(cwd, p)
	}
	if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(rel)
	}
	return p
}

// findingsAt checks the files named by paths as they are at the git
// revision rev: the files of the repository holding the first path, at
// rev, are written to a temporary folder (a checkout from a temporary
// index) that stands for the
// folder holding the repository, the working directory and the
// configuration's folder, and checked from the folder that stands for the
// working directory, so that project paths and messages, and so
// fingerprints, are those a check at rev gives.
func findingsAt(rev string, paths []string, cfg *config.Config, opts engine.Options) ([]report.Finding, error) {
	ctx := context.Background()
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	real := func(p string) string {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	from := cwd
	if len(paths) > 0 {
		from = paths[0]
		if !filepath.IsAbs(from) {
			from = filepath.Join(cwd, from)
		}
		if st, err := os.Stat(from); err != nil || !st.IsDir() {
			from = filepath.Dir(from)
		}
	}
	top, err := gitdiff.Toplevel(ctx, from)
	if err != nil {
		return nil, err
	}
	rev, err = gitdiff.Resolve(ctx, top, rev)
	if err != nil {
		return nil, err
	}
	top, wd := real(top), real(cwd)
	cfgDir := ""
	if cfg.Dir != "" {
		cfgDir = real(cfg.Dir)
	}
	// The folder the snapshot stands for: the deepest one holding the
	// repository, the working directory and the configuration's folder.
	anchor := commonDir(top, wd)
	if cfgDir != "" {
		anchor = commonDir(anchor, cfgDir)
	}
	made, err := scratch.MkdirTemp("", "l10nlint-rev-")
	if err != nil {
		return nil, err
	}
	defer func() { _ = scratch.Remove(made) }()
	tmp := real(made) // as the working directory will read it (/var is /private/var on macOS)
	in := func(p string) string {
		rel, _ := filepath.Rel(anchor, p)
		return filepath.Join(tmp, rel)
	}
	root := in(top)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	if err := gitdiff.Snapshot(ctx, top, rev, root); err != nil {
		return nil, err
	}
	base := in(wd)
	if err := os.MkdirAll(base, 0o755); err != nil {
		return nil, err
	}
	var named []string
	for _, p := range paths {
		q := p // relative: from the folder standing for the working directory
		if filepath.IsAbs(p) {
			rel, err := filepath.Rel(anchor, real(p))
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue
			}
			q = filepath.Join(tmp, rel)
		}
		if !filepath.IsAbs(q) {
			q = filepath.Join(base, q)
		}
		if _, err := os.Lstat(q); err == nil { // new since rev: nothing to compare
			named = append(named, q)
		}
	}
	if len(named) == 0 {
		return nil, nil
	}
	c := *cfg
	if cfgDir != "" {
		c.Dir = in(cfgDir)
	}
	if err := os.Chdir(base); err != nil {
		return nil, err
	}
	defer func() { _ = os.Chdir(cwd) }()
	res, err := engine.Run(named, engine.Options{Config: &c, Jobs: opts.Jobs, External: opts.External, Context: opts.Context})
	if err != nil {
		return nil, err
	}
	return res.Findings, nil
}

// commonDir is the deepest folder holding both a and b.
func commonDir(a, b string) string {
	for {
		rel, err := filepath.Rel(a, b)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return a
		}
		parent := filepath.Dir(a)
		if parent == a {
			return a
		}
		a = parent
	}
}

// ignoreNotes names the ignore entries of cfg whose path, a plain path
// without wildcards, names no file: written relative to another folder
// than the configuration file's, they silently ignore nothing.
func ignoreNotes(cfg *config.Config) []string {
	if cfg.Path == "" {
		return nil
	}
	var out []string
	for _, ig := range cfg.Ignores {
		if ig.Path == "" || strings.ContainsAny(ig.Path, "*?[{") {
			continue
		}
		if _, err := os.Stat(filepath.Join(cfg.Dir, filepath.FromSlash(ig.Path))); err != nil {
			out = append(out, fmt.Sprintf("%s: ignore path %q names no file: ignore paths are relative to the configuration file's folder, %s",
				cfg.Path, ig.Path, cfg.Dir))
		}
	}
	return out
}
