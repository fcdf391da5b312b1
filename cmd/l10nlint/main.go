// Command l10nlint is a localization QA linter for documentation.
package main

import (
	"os"

	"github.com/l10nlint/l10nlint/internal/cli"
	"github.com/l10nlint/l10nlint/internal/scratch"
)

func main() {
	// Ctrl-C or SIGTERM: the temporary files of fixes and reports go, and
	// the run's own end (a killed child's error) is neither printed nor
	// its exit status: the process ends by the signal.
	scratch.RemoveOnInterrupt()
	scratch.Exit(cli.Main(os.Args[1:], os.Stdout, scratch.Stderr(os.Stderr)))
}
