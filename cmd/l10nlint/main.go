// Command l10nlint is a localization QA linter for documentation.
package main

import (
	"os"

	"github.com/l10nlint/l10nlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
