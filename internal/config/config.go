// Package config loads .l10nlint.yaml.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/l10nlint/l10nlint/internal/layout"
	"github.com/l10nlint/l10nlint/internal/locale"
	"github.com/l10nlint/l10nlint/rules"
)

// FileName is the configuration file searched from the working directory upward.
const FileName = ".l10nlint.yaml"

// Config is the effective configuration.
type Config struct {
	// Path is the file it was read from ("" for the defaults) and Dir its
	// directory, which include/exclude globs are relative to.
	Path, Dir string
	// SourceLocale is the locale pages are translated from (default en-US).
	SourceLocale string
	// Locale is the target locale of pages whose locale shows neither in the
	// front matter nor in the path.
	Locale string
	// Include and Exclude are globs ("**" matches any number of directories).
	Include, Exclude []string
	// DoNotTranslate are terms kept verbatim in every locale.
	DoNotTranslate []string
	// Rules holds per-rule settings by rule ID.
	Rules map[string]RuleConfig
	// Layout maps source pages to their translations, before the built-in
	// detection (locale folders, Docusaurus).
	Layout []layout.Pattern
	// Glossaries are the per-locale glossaries, read by Load from the files
	// the glossary key names (relative to the configuration file).
	Glossaries    map[string]*rules.Glossary
	glossaryFiles map[string]string
	glossaryLines map[string]int
	// Registry holds the built-in rules plus the configuration's pattern
	// rules (custom-rules).
	Registry *rules.Registry
	// Ignores silence findings by path glob, rule and segment id.
	Ignores []Ignore
	// MaxFileSize is the size in bytes above which a file is reported, not
	// read (0: no limit). A check holds about ten times a page's size in
	// memory while it parses it: the limit keeps a stray data file named
	// .md from taking the machine's memory.
	MaxFileSize int64
}

// DefaultMaxFileSize is MaxFileSize's default: 25 times the largest page of
// the Microsoft docs corpus l10nlint is tuned on.
const DefaultMaxFileSize = 16 << 20

// Ignore silences the findings of Rules (all when empty) on files matching
// Path (all when empty) and, when Segments is set, only on those segments.
type Ignore struct {
	Path     string
	Rules    []string
	Segments []string
}

// RuleConfig is one rule's setting.
type RuleConfig struct {
	// Severity overrides the default; nil keeps it.
	Severity *rules.Severity
	Options  map[string]any
}

// Error is a configuration error with its position.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Default returns the configuration used without a file.
func Default() *Config {
	return &Config{SourceLocale: "en-US", Include: []string{"**/*.md", "**/*.markdown"}, Rules: map[string]RuleConfig{}, Registry: rules.Default,
		MaxFileSize: DefaultMaxFileSize}
}

// Find looks for FileName in dir and its parents; "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and validates a configuration file against the registry's rules.
func Load(file string, reg *rules.Registry) (*Config, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Path: file, Msg: "configuration file not found"}
		}
		return nil, &Error{Path: file, Msg: err.Error()}
	}
	c, err := Parse(b, file, reg)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(file)
	c.Path, c.Dir = file, filepath.Dir(abs)
	if err := c.loadGlossaries(); err != nil {
		return nil, err
	}
	return c, nil
}

// ParseSize reads a size in bytes, written as a whole number with an
// optional unit: B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of
// 1024), case-insensitive, a space allowed before the unit.
func ParseSize(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, false
	}
	unit := map[string]int64{"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}
	m, ok := unit[strings.ToLower(strings.TrimSpace(s[i:]))]
	if !ok || n > math.MaxInt64/m {
		return 0, false
	}
	return n * m, true
}

// parseYAML parses the YAML file name's bytes b into their root node (nil
// for an empty document), and returns a function making an Error at a
// node's line of that file.
func parseYAML(b []byte, name string) (*yaml.Node, func(n *yaml.Node, format string, args ...any) error, error) {
	fail := func(n *yaml.Node, format string, args ...any) error {
		line := 0
		if n != nil {
			line = n.Line
		}
		return &Error{Path: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		// "line 3: mapping values are not allowed" reads path:3: like the
		// other errors.
		var line int
		if rest, ok := strings.CutPrefix(msg, "line "); ok {
			if i := strings.Index(rest, ": "); i > 0 {
				if n, err := strconv.Atoi(rest[:i]); err == nil {
					line, msg = n, rest[i+2:]
				}
			}
		}
		return nil, fail, &Error{Path: name, Line: line, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return nil, fail, nil
	}
	// A second document (after ---) would be ignored silently.
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var first, second yaml.Node
	if dec.Decode(&first) == nil {
		if err := dec.Decode(&second); err == nil {
			return nil, fail, fail(&second, "a second YAML document: a configuration is one document (remove the ---)")
		}
	}
	root := doc.Content[0]
	aliased := false
	if err := settle(root, 0, map[*yaml.Node]bool{}, &aliased, fail); err != nil {
		return nil, fail, err
	}
	if n := 0; aliased && countNodes(root, n) > maxNodes {
		// Aliases of aliases multiply: a short file can stand for billions
		// of values. A configuration is hand-written and small.
		return nil, fail, &Error{Path: name, Msg: fmt.Sprintf("the document expands to more than %d values through its aliases", maxNodes)}
	}
	return root, fail, nil
}

// maxNodes bounds the values a configuration or glossary expands to.
const maxNodes = 1 << 20

// countNodes counts the nodes under n as readers see them (shared nodes
// once per reference), stopping past maxNodes.
func countNodes(n *yaml.Node, total int) int {
	total++
	for _, c := range n.Content {
		if total > maxNodes {
			return total
		}
		total = countNodes(c, total)
	}
	return total
}

// settle replaces each alias (*name) by the node its anchor (&name) marks,
// so that the readers see values, and rejects what a reader could get
// wrong: a key given twice (the last one would silently win) and merge
// keys (<<), which the readers do not expand.
// settle reports in *aliased whether it replaced an alias. done holds the
// nodes settled (true) and those being settled (false): meeting one of
// those again is an alias inside its own anchor.
func settle(n *yaml.Node, depth int, done map[*yaml.Node]bool, aliased *bool, fail failFunc) error {
	if depth > 100 {
		return fail(n, "the configuration nests too deep")
	}
	if settled, seen := done[n]; seen {
		if !settled {
			return fail(n, "an alias refers to the value it is in")
		}
		return nil // a node that several aliases name is settled once
	}
	done[n] = false
	for i, c := range n.Content {
		for c.Kind == yaml.AliasNode && c.Alias != nil {
			c = c.Alias
			*aliased = true
		}
		n.Content[i] = c
		if err := settle(c, depth+1, done, aliased, fail); err != nil {
			return err
		}
	}
	done[n] = true
	if n.Kind != yaml.MappingNode {
		return nil
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Value == "<<" && k.Tag == "!!merge" {
			return fail(k, "merge keys (<<) are not supported: write the keys out")
		}
		if line, ok := seen[k.Value]; ok {
			return fail(k, "key %q given twice (first on line %d)", k.Value, line)
		}
		seen[k.Value] = k.Line
	}
	return nil
}

// Parse validates configuration bytes; name is used in errors.
func Parse(b []byte, name string, reg *rules.Registry) (*Config, error) {
	c := Default()
	root, fail, err := parseYAML(b, name)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "the configuration must be a mapping of keys to values")
	}
	c.Registry = reg
	// Pattern rules first, so that the rules: section can configure them.
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "custom-rules" {
			if err := parseCustomRules(c, root.Content[i+1], name, fail); err != nil {
				return nil, err
			}
		}
	}
	reg = c.Registry
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var err error
		switch k.Value {
		case "source-locale", "locale":
			var s string
			if s, err = scalar(v, keyed(k.Value, fail)); err == nil {
				l, ok := locale.Normalize(s)
				if !ok {
					return nil, fail(v, "%s: %q is not a locale code such as fr-FR", k.Value, s)
				}
				if k.Value == "locale" {
					c.Locale = l
				} else {
					c.SourceLocale = l
				}
			}
		case "include":
			c.Include, err = globList(v, keyed(k.Value, fail))
		case "exclude":
			c.Exclude, err = globList(v, keyed(k.Value, fail))
		case "do-not-translate":
			c.DoNotTranslate, err = stringList(v, keyed(k.Value, fail))
		case "rules":
			err = parseRules(c, v, reg, fail)
		case "layout":
			c.Layout, err = parseLayout(v, fail)
		case "glossary":
			err = parseGlossaryFiles(c, v, fail)
		case "custom-rules": // read above
		case "ignore":
			c.Ignores, err = parseIgnores(v, reg, fail)
		case "max-file-size":
			var s string
			if s, err = scalar(v, keyed(k.Value, fail)); err == nil {
				var ok bool
				if c.MaxFileSize, ok = ParseSize(s); !ok {
					return nil, fail(v, "max-file-size: %q is not a size such as 16MiB, 500KB or 0 (no limit)", s)
				}
			}
		default:
			return nil, fail(k, "unknown key %q (known: source-locale, locale, include, exclude, do-not-translate, glossary, layout, custom-rules, ignore, max-file-size, rules)", k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, g := range append(append([]string{}, c.Include...), c.Exclude...) {
		if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
			return nil, &Error{Path: name, Msg: fmt.Sprintf("bad glob %q: %v", g, err)}
		}
	}
	return c, nil
}

type failFunc func(n *yaml.Node, format string, args ...any) error

// keyed makes fail's messages name the key they are about ("include:
// expected a list").
func keyed(key string, fail failFunc) failFunc {
	return func(n *yaml.Node, format string, args ...any) error {
		return fail(n, key+": "+format, args...)
	}
}

func scalar(v *yaml.Node, fail failFunc) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fail(v, "expected a single value")
	}
	return v.Value, nil
}

// globList reads a list of globs relative to the configuration's folder,
// where ./fr-FR/** is fr-FR/**.
func globList(v *yaml.Node, fail failFunc) ([]string, error) {
	gs, err := stringList(v, fail)
	for i, g := range gs {
		gs[i] = strings.TrimPrefix(g, "./")
	}
	return gs, err
}

func stringList(v *yaml.Node, fail failFunc) ([]string, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, fail(v, "expected a list")
	}
	out := make([]string, 0, len(v.Content))
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			return nil, fail(e, "expected a string")
		}
		out = append(out, e.Value)
	}
	return out, nil
}

// parseIgnores reads ignore: [{path: "fr-FR/legal/**", rules: [untranslated], segments: [a1b2c-101]}].
func parseIgnores(v *yaml.Node, reg *rules.Registry, fail failFunc) ([]Ignore, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fail(v, "ignore: expected a list of {path, rules, segments}")
	}
	var out []Ignore
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			return nil, fail(e, "ignore: expected a mapping with path, rules and segments")
		}
		var ig Ignore
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, val := e.Content[i], e.Content[i+1]
			var err error
			switch k.Value {
			case "path":
				if ig.Path, err = scalar(val, keyed("ignore: path", fail)); err == nil {
					ig.Path = strings.TrimPrefix(ig.Path, "./")
					if _, gerr := path.Match(strings.ReplaceAll(ig.Path, "**", "*"), ""); gerr != nil {
						err = fail(val, "ignore: bad glob %q: %v", ig.Path, gerr)
					}
				}
			case "rules":
				var names []string
				if names, err = stringList(val, keyed("ignore: rules", fail)); err == nil {
					for _, n := range names {
						r := reg.Lookup(n)
						if r == nil {
							return nil, fail(val, "ignore: unknown rule %q", n)
						}
						ig.Rules = append(ig.Rules, r.ID)
					}
				}
			case "segments":
				ig.Segments, err = stringList(val, keyed("ignore: segments", fail))
			default:
				return nil, fail(k, "ignore: unknown key %q (known: path, rules, segments)", k.Value)
			}
			if err != nil {
				return nil, err
			}
		}
		if ig.Path == "" && len(ig.Rules) == 0 && len(ig.Segments) == 0 {
			// An empty entry would silence the whole set.
			return nil, fail(e, "ignore: an entry needs a path, rules or segments (an empty one would silence every finding)")
		}
		out = append(out, ig)
	}
	return out, nil
}

// parseCustomRules reads pattern rules:
//
//	custom-rules:
//	  - id: fr-cliquez
//	    message: write "cliquez sur", not "click"
//	    severity: warning
//	    locales: [fr-FR]
//	    if-source: '\bclick\b'
//	    target-must-not-match: '\bclick\b'
func parseCustomRules(c *Config, v *yaml.Node, name string, fail failFunc) error {
	if v.Kind != yaml.SequenceNode {
		return fail(v, "custom-rules: expected a list of rules")
	}
	c.Registry = c.Registry.Clone()
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			return fail(e, "custom-rules: each rule is a mapping with id, message and patterns")
		}
		// Warning unless the rule says otherwise; severity: off makes it
		// opt-in, like the built-in rules that are off by default.
		spec := rules.PatternSpec{Origin: fmt.Sprintf("%s:%d", name, e.Line), Severity: rules.Warning}
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, val := e.Content[i], e.Content[i+1]
			var err error
			// Every key but locales takes one value: a list given for a
			// pattern read as "" would match every text.
			switch k.Value {
			case "id", "message", "severity", "if-source", "target-must-match", "target-must-not-match":
				if val.Kind != yaml.ScalarNode {
					return fail(val, "custom-rules: %s: expected a single value", k.Value)
				}
			}
			re := func() *regexp.Regexp {
				if val.Value == "" {
					err = fail(val, "custom-rules: %s: an empty pattern matches every text", k.Value)
					return nil
				}
				r, rerr := regexp.Compile(val.Value)
				if rerr != nil {
					err = fail(val, "custom-rules: %s: %v", k.Value, rerr)
				}
				return r
			}
			switch k.Value {
			case "id":
				spec.ID = val.Value
			case "message":
				spec.Message = val.Value
			case "severity":
				spec.Severity, err = rules.ParseSeverity(val.Value)
				if err != nil {
					err = fail(val, "custom-rules: %v", err)
				}
			case "locales":
				spec.Locales, err = stringList(val, keyed("custom-rules: locales", fail))
			case "if-source":
				spec.IfSource = re()
			case "target-must-match":
				spec.MustMatch = re()
			case "target-must-not-match":
				spec.MustNotMatch = re()
			default:
				return fail(k, "custom-rules: unknown key %q (known: id, message, severity, locales, if-source, target-must-match, target-must-not-match)", k.Value)
			}
			if err != nil {
				return err
			}
		}
		if spec.ID != "" && !ruleIDRe.MatchString(spec.ID) {
			return fail(e, "custom-rules: id %q: use lower-case letters, digits and hyphens, as in fr-cliquez-sur (directives and --enable name rules by it)", spec.ID)
		}
		for _, r := range c.Registry.All() {
			if slices.Contains(r.Tags, spec.ID) {
				return fail(e, "custom-rules: id %q is the name of a tag (of %s): choose another", spec.ID, r.ID)
			}
		}
		r, err := rules.Pattern(spec)
		if err != nil {
			return fail(e, "custom-rules: %v", err)
		}
		if err := c.Registry.Register(r); err != nil {
			return fail(e, "custom-rules: %v", err)
		}
	}
	return nil
}

// ruleIDRe is the form of a rule ID, as the built-in rules have it.
var ruleIDRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// parseGlossaryFiles reads glossary: {fr-FR: glossary/fr-FR.yaml}.
func parseGlossaryFiles(c *Config, v *yaml.Node, fail failFunc) error {
	if v.Kind != yaml.MappingNode {
		return fail(v, "glossary: expected a mapping of locales to glossary files")
	}
	c.glossaryFiles, c.glossaryLines = map[string]string{}, map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, f := v.Content[i], v.Content[i+1]
		loc, ok := locale.Normalize(k.Value)
		if !ok {
			return fail(k, "glossary: %q is not a locale code such as fr-FR", k.Value)
		}
		if f.Kind != yaml.ScalarNode || f.Value == "" {
			return fail(f, "glossary: expected a file name for %s", loc)
		}
		c.glossaryFiles[loc], c.glossaryLines[loc] = f.Value, f.Line
	}
	return nil
}

func (c *Config) loadGlossaries() error {
	for loc, f := range c.glossaryFiles {
		p := f
		if !filepath.IsAbs(p) {
			p = filepath.Join(c.Dir, p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return &Error{Path: c.Path, Line: c.glossaryLines[loc], Msg: fmt.Sprintf("glossary for %s: %v", loc, err)}
		}
		g, err := ParseGlossary(b, p)
		if err != nil {
			return err
		}
		if c.Glossaries == nil {
			c.Glossaries = map[string]*rules.Glossary{}
		}
		c.Glossaries[loc] = g
	}
	return nil
}

// Files are the files the configuration was read from: its own and its
// glossaries, sorted (none for the defaults).
func (c *Config) Files() []string {
	if c.Path == "" {
		return nil
	}
	out := []string{c.Path}
	for _, f := range c.glossaryFiles {
		if !filepath.IsAbs(f) {
			f = filepath.Join(c.Dir, f)
		}
		out = append(out, f)
	}
	sort.Strings(out[1:])
	return out
}

// ParseGlossary reads a glossary file: a mapping of source terms to a list
// of allowed translations, or to {allowed: [...], forbidden: [...]}.
func ParseGlossary(b []byte, name string) (*rules.Glossary, error) {
	root, fail, err := parseYAML(b, name)
	if err != nil {
		return nil, err
	}
	g := &rules.Glossary{Path: name}
	if root == nil {
		return g, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "a glossary is a mapping of source terms to their translations")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		e := rules.GlossaryEntry{Source: k.Value, Line: k.Line}
		var err error
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Value != "" {
				e.Allowed = []string{v.Value}
			}
		case yaml.SequenceNode:
			e.Allowed, err = stringList(v, fail)
		case yaml.MappingNode:
			for j := 0; j+1 < len(v.Content); j += 2 {
				kk, vv := v.Content[j], v.Content[j+1]
				switch kk.Value {
				case "allowed":
					e.Allowed, err = stringList(vv, keyed(k.Value+": allowed", fail))
				case "forbidden":
					e.Forbidden, err = stringList(vv, keyed(k.Value+": forbidden", fail))
				default:
					return nil, fail(kk, "%q: unknown key %q (known: allowed, forbidden)", k.Value, kk.Value)
				}
				if err != nil {
					return nil, err
				}
			}
		default:
			return nil, fail(v, "%q: expected a translation, a list, or {allowed, forbidden}", k.Value)
		}
		if err != nil {
			return nil, err
		}
		g.Entries = append(g.Entries, e)
	}
	return g, nil
}

// parseLayout reads a list of {source: "docs/{path}", target:
// "i18n/{locale}/docs/{path}"} patterns.
func parseLayout(v *yaml.Node, fail failFunc) ([]layout.Pattern, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fail(v, "layout: expected a list of {source, target} patterns")
	}
	var out []layout.Pattern
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			return nil, fail(e, "layout: expected a mapping with source and target")
		}
		var p layout.Pattern
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, val := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "source":
				p.Source = val.Value
			case "target":
				p.Target = val.Value
			default:
				return nil, fail(k, "layout: unknown key %q (known: source, target)", k.Value)
			}
		}
		if !strings.Contains(p.Source, "{path}") || !strings.Contains(p.Target, "{path}") || !strings.Contains(p.Target, "{locale}") {
			return nil, fail(e, "layout: source needs {path}, target needs {locale} and {path}")
		}
		if msg := patternProblem(p); msg != "" {
			return nil, fail(e, "layout: %s", msg)
		}
		out = append(out, p)
	}
	return out, nil
}

// patternProblem says why a layout pattern cannot place files, or "": the
// source is a folder then {path} (docs/{path}); the target has {locale} as
// a whole folder, then {path} at the end (i18n/{locale}/current/{path}).
func patternProblem(p layout.Pattern) string {
	src, tgt := p.Source, p.Target
	switch {
	case strings.Count(src, "{path}") != 1 || strings.Contains(src, "{locale}") || !strings.HasSuffix(src, "/{path}"):
		return fmt.Sprintf("source %q: write a folder, then {path}, as in docs/{path} (a source at the root of the set is not supported: keep the source pages in a folder)", src)
	case strings.Count(tgt, "{path}") != 1 || strings.Count(tgt, "{locale}") != 1 || !strings.HasSuffix(tgt, "/{path}"):
		return fmt.Sprintf("target %q: write {locale} once, as a folder, then {path} at the end, as in i18n/{locale}/docs/{path} (file-name suffixes such as page.fr.md are not supported)", tgt)
	}
	i := strings.Index(tgt, "{locale}")
	if i > 0 && tgt[i-1] != '/' || !strings.HasPrefix(tgt[i+len("{locale}"):], "/") {
		return fmt.Sprintf("target %q: {locale} must be a whole folder name (l10n/{locale}/, not l10n/docs-{locale}/)", tgt)
	}
	return ""
}

func parseRules(c *Config, v *yaml.Node, reg *rules.Registry, fail failFunc) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil // "rules:" with only comments under it
	}
	if v.Kind != yaml.MappingNode {
		return fail(v, "rules: expected a mapping of rule IDs to settings")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, s := v.Content[i], v.Content[i+1]
		r := reg.Lookup(k.Value)
		if r == nil {
			return fail(k, "unknown rule %q (see `l10nlint rules`)", k.Value)
		}
		rc := c.Rules[r.ID]
		switch s.Kind {
		case yaml.ScalarNode: // shorthand: "rule: off" / "rule: warning"
			sev, err := rules.ParseSeverity(s.Value)
			if err != nil {
				return fail(s, "%s: %v", r.ID, err)
			}
			rc.Severity = &sev
		case yaml.MappingNode:
			for j := 0; j+1 < len(s.Content); j += 2 {
				kk, vv := s.Content[j], s.Content[j+1]
				switch kk.Value {
				case "severity":
					sev, err := rules.ParseSeverity(vv.Value)
					if err != nil {
						return fail(vv, "%s: %v", r.ID, err)
					}
					rc.Severity = &sev
				case "options":
					opts, err := parseOptions(r, vv, fail)
					if err != nil {
						return err
					}
					rc.Options = opts
				default:
					return fail(kk, "%s: unknown key %q (known: severity, options)", r.ID, kk.Value)
				}
			}
		default:
			return fail(s, "%s: expected a severity or a mapping with severity and options", r.ID)
		}
		c.Rules[r.ID] = rc
	}
	return nil
}

// kindOf names the kind of value an option takes, for messages.
func kindOf(v any) string {
	switch v.(type) {
	case bool:
		return "true or false"
	case int:
		return "a whole number"
	case float64:
		return "a number"
	case []string:
		return "a list of strings"
	}
	return "a string"
}

func parseOptions(r *rules.Rule, v *yaml.Node, fail failFunc) (map[string]any, error) {
	if v.Kind != yaml.MappingNode {
		return nil, fail(v, "%s: options must be a mapping", r.ID)
	}
	out := map[string]any{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var opt *rules.Option
		for j := range r.Options {
			if r.Options[j].Name == k.Value {
				opt = &r.Options[j]
			}
		}
		if opt == nil {
			var names []string
			for _, o := range r.Options {
				names = append(names, o.Name)
			}
			sort.Strings(names)
			return nil, fail(k, "%s: unknown option %q (known: %s)", r.ID, k.Value, strings.Join(names, ", "))
		}
		var err error
		// An empty value is no value: yaml would decode it as the zero value
		// (min-words: with nothing after it as 0).
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			return nil, fail(val, "%s: option %s: no value (the default is %v)", r.ID, opt.Name, opt.Default)
		}
		switch opt.Default.(type) {
		case bool:
			var b bool
			err = val.Decode(&b)
			out[opt.Name] = b
		case int:
			// yaml decodes 5.9 into an int as 5: a whole number is asked for.
			if val.Kind == yaml.ScalarNode && val.Tag != "!!int" {
				err = fmt.Errorf("not a whole number")
				break
			}
			var n int
			err = val.Decode(&n)
			out[opt.Name] = n
		case float64:
			var f float64
			err = val.Decode(&f)
			out[opt.Name] = f
		case string:
			var s string
			err = val.Decode(&s)
			out[opt.Name] = s
			if err == nil && len(opt.Values) > 0 && !slices.Contains(opt.Values, s) {
				return nil, fail(val, "%s: option %s: %q is not one of %s", r.ID, opt.Name, s, strings.Join(opt.Values, ", "))
			}
		case []string:
			var l []string
			if val.Kind == yaml.SequenceNode {
				for _, e := range val.Content {
					if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
						return nil, fail(e, "%s: option %s: expected a list of strings", r.ID, opt.Name)
					}
				}
			}
			err = val.Decode(&l)
			out[opt.Name] = l
		default:
			err = fmt.Errorf("unsupported option type %T", opt.Default)
		}
		if err != nil {
			return nil, fail(val, "%s: option %s: expected %s", r.ID, opt.Name, kindOf(opt.Default))
		}
	}
	return out, nil
}

// Severity returns the effective severity of r.
func (c *Config) Severity(r *rules.Rule) rules.Severity {
	if rc, ok := c.Rules[r.ID]; ok && rc.Severity != nil {
		return *rc.Severity
	}
	return r.Severity
}

// Match reports whether a slash-separated path relative to the config
// directory is included and not excluded.
func (c *Config) Match(rel string) bool {
	in := len(c.Include) == 0
	for _, g := range c.Include {
		if Glob(g, rel) {
			in = true
			break
		}
	}
	if !in {
		return false
	}
	for _, g := range c.Exclude {
		if Glob(g, rel) {
			return false
		}
	}
	return true
}

// Glob matches a slash-separated path against a pattern where "**" matches
// any number of path segments and the other segments use path.Match.
func Glob(pattern, name string) bool {
	return globParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func globParts(p, n []string) bool {
	for len(p) > 0 {
		if p[0] == "**" {
			for i := 0; i <= len(n); i++ {
				if globParts(p[1:], n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, _ := path.Match(p[0], n[0]); !ok {
			return false
		}
		p, n = p[1:], n[1:]
	}
	return len(n) == 0
}
