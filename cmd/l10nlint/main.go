// Command l10nlint is a localization QA linter for documentation.
package main

import (
	"os"

	"github.com/l10nlint/l10nlint/internal/cli"
	"github.com/l10nlint/l10nlint/internal/scratch"
)

func main() {
	// Ctrl-C or SIGTERM: the temporary files of fixes and reports go.
	scratch.RemoveOnInterrupt()
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
