package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/locale"
	"github.com/l10nlint/l10nlint/rules"
)

func newInit(stdout, stderr io.Writer) *cobra.Command {
	var force, print bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented " + config.FileName + " for the documentation set in DIR (default .)",
		Long: `Looks at DIR for locale trees (en-US/, fr-FR/ ... folders, or Docusaurus's i18n/) and writes a
commented configuration with what it found. It does not overwrite an existing file without --force.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if st, err := os.Stat(dir); err != nil {
				return usageErr("%s: no such directory", dir)
			} else if !st.IsDir() {
				return usageErr("%s is not a directory", dir)
			}
			text := initConfig(dir)
			if print {
				_, err := io.WriteString(stdout, text)
				return err
			}
			file := filepath.Join(dir, config.FileName)
			if _, err := os.Stat(file); err == nil && !force {
				return usageErr("%s exists; use --force to replace it or --print to see the proposal", file)
			}
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				return &exitError{code: ExitInternal, err: err}
			}
			fmt.Fprintf(stderr, "l10nlint: wrote %s\n", file)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing configuration file")
	cmd.Flags().BoolVar(&print, "print", false, "print the configuration instead of writing it")
	return cmd
}

// detectTrees finds locale trees under dir, three levels deep at most:
// the directories that hold them, and the locales.
func detectTrees(dir string) (roots map[string][]string, docusaurus bool) {
	roots = map[string][]string{}
	base := strings.Count(filepath.Clean(dir), string(filepath.Separator))
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // an unreadable folder is just not a locale tree
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
			return fs.SkipDir
		}
		if strings.Count(filepath.Clean(p), string(filepath.Separator))-base > 3 {
			return fs.SkipDir
		}
		if name == "i18n" {
			docusaurus = true
		}
		// The folder init was asked about is the set, not one of its trees,
		// whatever its name (a set kept in ms/ or de/).
		if loc, ok := locale.Normalize(name); ok && p != dir && (strings.ContainsAny(name, "-_") || len(name) == 2) {
			parent, _ := filepath.Rel(dir, filepath.Dir(p))
			roots[filepath.ToSlash(parent)] = append(roots[filepath.ToSlash(parent)], loc)
			return fs.SkipDir
		}
		return nil
	})
	return roots, docusaurus
}

func initConfig(dir string) string {
	roots, docusaurus := detectTrees(dir)
	var b strings.Builder
	b.WriteString("# l10nlint configuration. `l10nlint explain RULE` documents each rule and its options.\n\n")
	src := "en-US"
	var found []string
	hasSource := false
	for root, locs := range roots {
		sort.Strings(locs)
		found = append(found, fmt.Sprintf("#   %s/: %s", root, strings.Join(locs, ", ")))
		for _, l := range locs {
			if locale.Language(l) == "en" {
				src, hasSource = l, true
			}
		}
	}
	sort.Strings(found)
	if len(found) > 0 {
		b.WriteString("# Locale trees found (pages are matched across them by their path inside a tree):\n")
		b.WriteString(strings.Join(found, "\n") + "\n")
		if !hasSource && !docusaurus {
			// Without the source tree, the corpus rules (stale source,
			// missing pages...) have nothing to compare with.
			b.WriteString("# No source-language (en) tree beside them: if the source pages live elsewhere\n" +
				"# (src/ for translations/{locale}/), map them under layout: below, or set source-locale.\n")
		}
	} else if !docusaurus {
		b.WriteString("# No locale folders found: set locale below, or map your layout under layout:.\n")
	}
	if docusaurus {
		b.WriteString("# Docusaurus layout found: " + layout.Docusaurus.Source + " ↔ " + layout.Docusaurus.Target + "\n")
	}
	fmt.Fprintf(&b, "\n# The locale pages are translated from.\nsource-locale: %s\n\n", src)
	b.WriteString("# Locale of pages whose front matter (ms.contentlocale) and path name none.\n# locale: fr-FR\n\n")
	b.WriteString("# Files to check, relative to this file (** spans folders).\ninclude: [\"**/*.md\", \"**/*.markdown\"]\nexclude: []\n\n")
	b.WriteString("# Terms kept verbatim in every locale.\ndo-not-translate: []\n\n")
	b.WriteString("# Source and target paths, when the layout is not one l10nlint detects.\n# layout:\n#   - source: \"src/{path}\"\n#     target: \"translations/{locale}/{path}\"\n\n")
	b.WriteString("# Per-locale glossaries (source term: allowed translation(s)).\n# glossary:\n#   fr-FR: l10n/glossary.fr-FR.yaml\n\n")
	b.WriteString("# Files larger than this are reported (file-format), not read; 0: no limit.\n# max-file-size: 16MiB\n\n")
	b.WriteString("# Rules: a severity (error, warning, note, off) or {severity, options}.\nrules:\n")
	for _, r := range rules.Default.All() {
		fmt.Fprintf(&b, "  # %s: %s  # %s\n", r.ID, r.Severity, r.Short)
	}
	return b.String()
}
