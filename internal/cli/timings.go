package cli

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/l10nlint/l10nlint/internal/engine"
)

// writeTimings prints where a check spent its time (--timings): the
// phases, then each rule, slowest first, with its share of the total and
// its findings (found, by rule: what it found, before any baseline or
// fix). Times are summed over the workers, so they add up to more than the
// wall time on several cores.
func writeTimings(w io.Writer, t *engine.Timings, res *engine.Result, found map[string]int, jobs int) {
	if res == nil {
		return // the run failed before it began
	}
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	byRule := t.ByRule()
	total := t.Parse + t.Index + t.External + t.Finish
	for _, r := range byRule {
		total += r.Time
	}
	share := func(d time.Duration) string {
		if total <= 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(d)/float64(total))
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	fmt.Fprintf(w, "l10nlint: timings, summed over %d workers (wall time %s; %d files, %d segments)\n", jobs, ms(t.Wall), res.Files, res.Segments)
	fmt.Fprintf(w, "  %-28s %12s %7s %9s\n", "phase or rule", "time", "share", "findings")
	line := func(name string, d time.Duration, n string) {
		fmt.Fprintf(w, "  %-28s %12s %7s %9s\n", name, ms(d), share(d), n)
	}
	line("read and parse", t.Parse, "")
	if t.Index > 0 {
		line("corpus index", t.Index, "")
	}
	if t.External > 0 {
		line("external links (network)", t.External, "")
	}
	for _, r := range byRule {
		line(r.Rule, r.Time, fmt.Sprint(found[r.Rule]))
	}
	line("after the rules", t.Finish, "")
}
