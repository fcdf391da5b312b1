// Command l10nlint is a localization QA linter for documentation.
package main

import (
	"os"
	"runtime/debug"

	"github.com/l10nlint/l10nlint/internal/cli"
	"github.com/l10nlint/l10nlint/internal/engine"
)

func main() {
	// A soft memory limit keeps the whole-corpus index within a few hundred
	// megabytes: the garbage collector works harder near it instead of
	// letting the heap double. GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(engine.MemoryLimit)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
