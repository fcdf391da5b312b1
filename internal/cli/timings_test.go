package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/l10nlint/l10nlint/rules"
)

// --timings adds a table on standard error, one row per phase and per
// enabled rule with its findings, and leaves the report as it was.
func TestCheckTimings(t *testing.T) {
	code, plain, _ := run(t, "check", "--no-color", "--format", "json", example)
	code2, out, stderr := run(t, "check", "--no-color", "--format", "json", "--timings", example)
	if code != 1 || code2 != 1 {
		t.Fatalf("exit codes %d and %d, want 1 (the example has planted errors)", code, code2)
	}
	if out != plain {
		t.Error("--timings changed the report")
	}
	if !strings.Contains(stderr, "l10nlint: timings, summed over") || !strings.Contains(stderr, "read and parse") {
		t.Fatalf("no timings table on stderr:\n%s", stderr)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(stderr, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			rows[f[0]] = line
		}
	}
	for _, r := range rules.Default.All() {
		if r.Severity == rules.Off {
			continue
		}
		row, ok := rows[r.ID]
		if !ok {
			t.Errorf("no row for rule %s", r.ID)
			continue
		}
		if !strings.Contains(row, " ms ") {
			t.Errorf("row without a time: %q", row)
		}
	}
	// number-mismatch finds the planted ISO mismatch: its row counts it.
	if f := strings.Fields(rows["number-mismatch"]); len(f) == 0 || f[len(f)-1] == "0" {
		t.Errorf("number-mismatch row does not count its findings: %q", rows["number-mismatch"])
	}
	// The rows count what the rules found, before a baseline hides it.
	base := filepath.Join(t.TempDir(), "b.json")
	if code, _, errs := run(t, "baseline", "-o", base, example); code != ExitOK {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	code, _, stderr = run(t, "check", "--no-color", "--baseline", base, "--timings", example)
	if code != ExitOK {
		t.Fatalf("check --baseline: exit %d", code)
	}
	for _, line := range strings.Split(stderr, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == "number-mismatch" && f[len(f)-1] == "0" {
			t.Errorf("with a baseline, the timings count no findings for number-mismatch: %q", line)
		}
	}
}
