// Package layout places each file of a documentation set: which locale tree
// it belongs to and which page it is, so that a page can be matched with its
// source and its sibling translations.
//
// Without configuration it recognizes sibling locale folders (en-US/, fr-FR/
// as in Microsoft's docs; content/en/, content/fr/ as in Hugo) and
// Docusaurus's docs/ + i18n/{locale}/docusaurus-plugin-content-docs/current/.
// Configured patterns name the source and target paths with {locale} and
// {path}.
package layout

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/l10nlint/l10nlint/internal/locale"
)

// Pattern maps a source path to a target path, e.g. Source "docs/{path}",
// Target "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}".
type Pattern struct {
	Source, Target string
}

// Docusaurus is the built-in Docusaurus pattern.
var Docusaurus = Pattern{Source: "docs/{path}", Target: "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}"}

// Layout places files.
type Layout struct {
	SourceLocale string
	// Patterns are tried in order before the locale-folder rule.
	Patterns []Pattern
}

// Place is where a file belongs.
type Place struct {
	// Root is the directory the locale trees hang from; Rel the path inside
	// a locale tree; Key identifies the page across locales.
	Root, Rel, Key string
	Locale         string
	Source         bool
	// Assumed: the locale is not a folder's name but the source locale a
	// pattern's source folder is taken to hold (docs/ for Docusaurus).
	Assumed bool
}

// Place locates an absolute, slash-separated file path. ok is false when the
// path shows no locale tree.
func (l Layout) Place(abs string) (Place, bool) { return l.PlaceFS(abs, nil) }

// PlaceFS is Place with the folders read through fs.
//
// A path can have several locale-like folders: a topic folder inside a
// locale tree (fr-FR/hr/ for human resources, content/fr/docs/ml/) or a
// folder above the documentation set (/home/id/). The locale tree is the
// innermost of them that is the source tree or has the source tree beside
// it; without such evidence, the innermost with a region or script
// (fr-FR rather than hr), else the innermost.
func (l Layout) PlaceFS(abs string, fs *FS) (Place, bool) {
	for _, p := range append(append([]Pattern{}, l.Patterns...), Docusaurus) {
		if pl, ok := l.matchTarget(p, abs); ok {
			return pl, true
		}
		if pl, ok := l.matchSource(p, abs); ok {
			return pl, true
		}
	}
	segs := strings.Split(abs, "/")
	type candidate struct {
		i   int
		loc string
	}
	var cands []candidate // innermost first
	for i := len(segs) - 2; i >= 0; i-- {
		seg := segs[i]
		if !strings.ContainsAny(seg, "-_") && len(seg) != 2 {
			continue
		}
		if c, ok := locale.Normalize(seg); ok {
			cands = append(cands, candidate{i, c})
		}
	}
	if len(cands) == 0 {
		return Place{}, false
	}
	pick := cands[0]
	if len(cands) > 1 {
		found := false
		for _, c := range cands {
			dir := strings.Join(segs[:c.i], "/")
			if dir == "" {
				dir = "/" // a tree at the file system's root
			}
			if l.isSource(c.loc) || l.hasSourceTree(dir, fs) {
				pick, found = c, true
				break
			}
		}
		for _, c := range cands {
			if found {
				break
			}
			if strings.Contains(c.loc, "-") {
				pick, found = c, true
			}
		}
	}
	root := strings.Join(segs[:pick.i], "/")
	rel := strings.Join(segs[pick.i+1:], "/")
	return Place{Root: root, Rel: rel, Key: root + "|" + rel, Locale: pick.loc, Source: l.isSource(pick.loc)}, true
}

// hasSourceTree reports whether dir holds a folder of the source locale.
func (l Layout) hasSourceTree(dir string, fs *FS) bool {
	entries, err := fs.readDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if c, ok := locale.Normalize(e.Name()); ok && l.isSource(c) && isDir(dir, e) {
			return true
		}
	}
	return false
}

// NewCachedFS returns an FS that reads each folder once, safe for
// concurrent use: a run places thousands of files in the same few folders.
func NewCachedFS() *FS {
	var dirs sync.Map
	type listing struct {
		entries []os.DirEntry
		err     error
	}
	return &FS{ReadDir: func(d string) ([]os.DirEntry, error) {
		if v, ok := dirs.Load(d); ok {
			return v.(listing).entries, v.(listing).err
		}
		var l listing
		l.entries, l.err = os.ReadDir(d)
		v, _ := dirs.LoadOrStore(d, l)
		return v.(listing).entries, v.(listing).err
	}}
}

// isSource reports whether loc is the source locale ("en" counts for en-US).
func (l Layout) isSource(loc string) bool {
	src := l.SourceLocale
	if src == "" {
		src = "en-US"
	}
	return strings.EqualFold(loc, src) || !strings.Contains(loc, "-") && locale.Language(loc) == locale.Language(src)
}

// split cuts a pattern at its placeholder: "i18n/{locale}/x/{path}" →
// prefix "i18n/", then "/x/".
func split(pattern, placeholder string) (before, after string, ok bool) {
	i := strings.Index(pattern, placeholder)
	if i < 0 {
		return "", "", false
	}
	return pattern[:i], pattern[i+len(placeholder):], true
}

func (l Layout) matchTarget(p Pattern, abs string) (Place, bool) {
	pre, rest, ok := split(p.Target, "{locale}")
	if !ok {
		return Place{}, false
	}
	mid, _, ok := split(rest, "{path}")
	if !ok {
		return Place{}, false
	}
	i := strings.Index(abs, "/"+pre)
	for ; i >= 0; i = nextIndex(abs, "/"+pre, i) {
		after := abs[i+1+len(pre):]
		slash := strings.IndexByte(after, '/')
		if slash < 0 {
			return Place{}, false
		}
		loc, ok := locale.Normalize(after[:slash])
		if !ok || !strings.HasPrefix(after[slash:], mid) {
			continue
		}
		rel := after[slash+len(mid):]
		root := abs[:i]
		srcPre, _, _ := split(p.Source, "{path}")
		return Place{Root: root, Rel: rel, Key: root + "|" + srcPre + rel, Locale: loc, Source: false}, true
	}
	return Place{}, false
}

func nextIndex(s, sub string, i int) int {
	j := strings.Index(s[i+1:], sub)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// matchSource places a source page of a pattern, only when the target side
// of the pattern exists beside it (a docs/ folder alone is not a layout).
func (l Layout) matchSource(p Pattern, abs string) (Place, bool) {
	pre, _, ok := split(p.Source, "{path}")
	if !ok || pre == "" {
		return Place{}, false
	}
	tpre, _, _ := split(p.Target, "{locale}")
	for i := strings.Index(abs, "/"+pre); i >= 0; i = nextIndex(abs, "/"+pre, i) {
		root := abs[:i]
		if st, err := os.Stat(path.Join(root, tpre)); err != nil || !st.IsDir() {
			continue
		}
		rel := abs[i+1+len(pre):]
		src := l.SourceLocale
		if src == "" {
			src = "en-US"
		}
		return Place{Root: root, Rel: rel, Key: root + "|" + pre + rel, Locale: src, Source: true, Assumed: true}, true
	}
	return Place{}, false
}

// Siblings returns the paths where the same page would be in the other
// locale trees under pl.Root (existing files only).
func (l Layout) Siblings(pl Place) []string { return l.SiblingsFS(pl, nil) }

// FS answers the questions Siblings asks of the file system; a run over
// thousands of pages caches them. Nil fields use the os package.
type FS struct {
	ReadDir func(dir string) ([]os.DirEntry, error)
	IsFile  func(path string) bool
}

func (fs *FS) readDir(dir string) ([]os.DirEntry, error) {
	if fs != nil && fs.ReadDir != nil {
		return fs.ReadDir(dir)
	}
	return os.ReadDir(dir)
}

func (fs *FS) isFile(p string) bool {
	if fs != nil && fs.IsFile != nil {
		return fs.IsFile(p)
	}
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// SiblingsFS is Siblings with the file system questions answered by fs.
func (l Layout) SiblingsFS(pl Place, fs *FS) []string {
	var out []string
	appendFile := func(out []string, p string) []string {
		if fs.isFile(p) {
			return append(out, p)
		}
		return out
	}
	entries, err := fs.readDir(pl.Root)
	if err == nil {
		for _, e := range localeDirs(pl.Root, entries) {
			out = appendFile(out, path.Join(pl.Root, e.Name(), pl.Rel))
		}
	}
	for _, p := range append(append([]Pattern{}, l.Patterns...), Docusaurus) {
		srcPre, _, _ := split(p.Source, "{path}")
		if srcPre == "" || !strings.HasPrefix(pl.Key, pl.Root+"|"+srcPre) {
			continue
		}
		rel := strings.TrimPrefix(pl.Key, pl.Root+"|"+srcPre)
		out = appendFile(out, path.Join(pl.Root, srcPre, rel))
		pre, rest, _ := split(p.Target, "{locale}")
		mid, _, _ := split(rest, "{path}")
		locs, _ := fs.readDir(path.Join(pl.Root, pre))
		for _, e := range localeDirs(path.Join(pl.Root, pre), locs) {
			out = appendFile(out, path.Join(pl.Root, pre, e.Name())+mid+rel)
		}
	}
	return out
}

// Expected returns the path where the translation of the page at pl into
// loc belongs (whether or not it exists): in the locale folder beside pl's
// tree, or in the target tree of the pattern that placed pl. A locale
// folder keeps the spelling it has on disk (fr-fr, fr); one not there yet
// is named loc.
func (l Layout) Expected(pl Place, loc string) string { return l.ExpectedFS(pl, loc, nil) }

// ExpectedFS is Expected with the folders read through fs.
func (l Layout) ExpectedFS(pl Place, loc string, fs *FS) string {
	dirName := func(dir string) string {
		if entries, err := fs.readDir(dir); err == nil {
			for _, e := range entries {
				if n, ok := locale.Normalize(e.Name()); ok && isDir(dir, e) && strings.EqualFold(n, loc) {
					return e.Name()
				}
			}
			// A folder of the locale's language: content/en for en-US,
			// fr/ for fr-FR; the most specific of them (zh-Hant/ rather
			// than zh/ for zh-TW).
			best, bestLen := "", 0
			for _, e := range entries {
				if n, ok := locale.Normalize(e.Name()); ok && isDir(dir, e) && locale.Within(loc, n) && len(n) > bestLen {
					best, bestLen = e.Name(), len(n)
				}
			}
			if best != "" {
				return best
			}
		}
		return loc
	}
	for _, p := range append(append([]Pattern{}, l.Patterns...), Docusaurus) {
		srcPre, _, _ := split(p.Source, "{path}")
		// Placed by this pattern: its key is the source path of its Rel (a
		// locale folder's content/en/docs/a.md has key docs/a.md too, but
		// for Rel docs/a.md).
		if srcPre == "" || pl.Key != pl.Root+"|"+srcPre+pl.Rel {
			continue
		}
		rel := pl.Rel
		if strings.EqualFold(loc, l.sourceLocale()) {
			return path.Join(pl.Root, srcPre, rel)
		}
		pre, rest, _ := split(p.Target, "{locale}")
		mid, _, _ := split(rest, "{path}")
		return path.Join(pl.Root, pre, dirName(path.Join(pl.Root, pre))) + mid + rel
	}
	return path.Join(pl.Root, dirName(pl.Root), pl.Rel)
}

func (l Layout) sourceLocale() string {
	if l.SourceLocale == "" {
		return "en-US"
	}
	return l.SourceLocale
}

// isDir reports whether the entry of parent is a directory, or a symbolic
// link to one (a locale tree linked in: en-US -> ../source/en-US).
func isDir(parent string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(path.Join(parent, e.Name()))
	return err == nil && st.IsDir()
}

// localeDirs returns the entries of parent that are locale folders
// (directories, or links to directories), without the links that are
// aliases of another of them (fr-fr -> fr-FR): one folder, one tree.
func localeDirs(parent string, entries []os.DirEntry) []os.DirEntry {
	var out []os.DirEntry
	links := false
	for _, e := range entries {
		if _, ok := locale.Normalize(e.Name()); ok && isDir(parent, e) {
			out = append(out, e)
			links = links || e.Type()&os.ModeSymlink != 0
		}
	}
	if !links {
		return out
	}
	// Real folders first, so that an alias gives way to what it names.
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Type()&os.ModeSymlink == 0 && out[j].Type()&os.ModeSymlink != 0
	})
	seen := map[string]bool{}
	kept := out[:0]
	for _, e := range out {
		real, err := filepath.EvalSymlinks(path.Join(parent, e.Name()))
		if err != nil {
			real = path.Join(parent, e.Name())
		}
		if !seen[real] {
			seen[real] = true
			kept = append(kept, e)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Name() < kept[j].Name() })
	return kept
}

// LocaleParents returns the folders under root that hold locale folders:
// root itself, and the target folder of each pattern whose source folder
// is there (i18n/ for Docusaurus).
func (l Layout) LocaleParents(root string) []string {
	out := []string{root}
	for _, p := range append(append([]Pattern{}, l.Patterns...), Docusaurus) {
		srcPre, _, _ := split(p.Source, "{path}")
		pre, _, _ := split(p.Target, "{locale}")
		if st, err := os.Stat(path.Join(root, srcPre)); srcPre == "" || err != nil || !st.IsDir() {
			continue
		}
		if d := path.Join(root, pre); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// SameLocaleFolders returns, for the locale folders directly under dir
// that name the same locale in different spellings (fr-FR and fr-fr, a
// case-sensitive file system after a move), their names, sorted: each
// group's pages are all checked, as pages of one locale.
func SameLocaleFolders(dir string) [][]string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	byLocale := map[string][]string{}
	var order []string
	for _, e := range localeDirs(dir, entries) {
		if loc, ok := locale.Normalize(e.Name()); ok {
			if len(byLocale[loc]) == 0 {
				order = append(order, loc)
			}
			byLocale[loc] = append(byLocale[loc], e.Name())
		}
	}
	var out [][]string
	for _, loc := range order {
		if names := byLocale[loc]; len(names) > 1 {
			out = append(out, names)
		}
	}
	return out
}

// Trees returns the locales that have a tree under root: locale-named
// directories, and the targets of the Docusaurus or configured patterns.
func (l Layout) Trees(root string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(loc string) {
		if !seen[loc] {
			seen[loc] = true
			out = append(out, loc)
		}
	}
	if entries, err := os.ReadDir(root); err == nil {
		for _, e := range localeDirs(root, entries) {
			loc, _ := locale.Normalize(e.Name())
			add(loc)
		}
	}
	for _, p := range append(append([]Pattern{}, l.Patterns...), Docusaurus) {
		srcPre, _, _ := split(p.Source, "{path}")
		pre, _, _ := split(p.Target, "{locale}")
		if st, err := os.Stat(path.Join(root, srcPre)); srcPre == "" || err != nil || !st.IsDir() {
			continue
		}
		entries, err := os.ReadDir(path.Join(root, pre))
		if err != nil {
			continue
		}
		src := l.SourceLocale
		if src == "" {
			src = "en-US"
		}
		add(src)
		for _, e := range localeDirs(path.Join(root, pre), entries) {
			loc, _ := locale.Normalize(e.Name())
			add(loc)
		}
	}
	return out
}
