package engine

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/l10nlint/l10nlint/internal/config"
	"github.com/l10nlint/l10nlint/internal/layout"
)

// file is one input file, or a path that could not be read as one.
type file struct {
	path string // as displayed: slash-separated, relative to the working directory when inside it
	abs  string
	// real is the file's path with symbolic links resolved, when it
	// differs from abs (a link named on the command line: fr.md ->
	// docs/fr-FR/a.md is placed where it points).
	real    string
	readErr error
	// place is the file's place in the documentation set's layout, when
	// placed (computed once, by placeFiles).
	place  layout.Place
	placed bool
}

// placeFiles finds the layout place of each file.
func placeFiles(files []file, lay layout.Layout) {
	fsys := layout.NewCachedFS()
	for i := range files {
		files[i].place, files[i].placed = lay.PlaceFS(filepath.ToSlash(files[i].abs), fsys)
		if files[i].real != "" {
			if pl, ok := lay.PlaceFS(filepath.ToSlash(files[i].real), fsys); ok {
				files[i].place, files[i].placed = pl, true
			}
		}
	}
}

// ErrNoSuchPath is returned for a command-line path that does not exist.
var ErrNoSuchPath = errors.New("no such file or directory")

// collect expands the command-line paths into files. Directories are walked
// without following symbolic links (so link loops cannot trap the walk);
// include and exclude globs apply to walked files, exclude also to named ones.
func collect(paths []string, cfg *config.Config) ([]file, error) {
	cwd, _ := os.Getwd()
	// A file is checked once however many names reach it (fr-fr -> fr-FR
	// named beside fr-FR, q.md -> p.md): seen holds real paths.
	seen := map[string]bool{}
	var out []file
	addReal := func(abs, real string, readErr error) {
		if seen[real] {
			return
		}
		seen[real] = true
		f := file{path: display(cwd, abs), abs: abs, readErr: readErr}
		if real != abs {
			f.real = real
		}
		out = append(out, f)
	}
	add := func(abs string, readErr error) {
		real := abs
		if readErr == nil {
			if r, err := filepath.EvalSymlinks(abs); err == nil {
				real = r
			}
		}
		addReal(abs, real, readErr)
	}
	for _, arg := range paths {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, err
		}
		st, err := os.Stat(abs)
		if err != nil {
			if _, lerr := os.Lstat(abs); lerr == nil { // a dangling or looping symlink
				add(abs, fmt.Errorf("cannot follow symbolic link: %w", err))
				continue
			}
			return nil, fmt.Errorf("%s: %w", arg, ErrNoSuchPath)
		}
		if !st.IsDir() {
			if !excluded(cfg, abs, filepath.Dir(abs)) {
				add(abs, nil)
			}
			continue
		}
		// A directory named through a symbolic link is walked: WalkDir
		// would not follow its root (the paths keep the name given).
		root := abs
		if li, err := os.Lstat(abs); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				root = real
			}
		}
		realRoot := root
		if r, err := filepath.EvalSymlinks(root); err == nil {
			realRoot = r
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if root != abs {
				if r, err := filepath.Rel(root, p); err == nil {
					p = filepath.Join(abs, r)
				}
			}
			if err != nil {
				if p == abs {
					return err
				}
				add(p, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != abs && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			if !included(cfg, p, abs) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				st, err := os.Stat(p)
				if err != nil {
					add(p, fmt.Errorf("cannot follow symbolic link: %w", err))
					return nil
				}
				if !st.Mode().IsRegular() {
					// A directory is not followed (it could loop); a pipe or
					// device is skipped, as it is met without a link.
					return nil
				}
				add(p, nil)
				return nil
			} else if !d.Type().IsRegular() {
				return nil
			}
			real := p
			if r, err := filepath.Rel(abs, p); err == nil {
				real = filepath.Join(realRoot, r)
			}
			addReal(p, real, nil)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// rel returns p relative to the config directory when p is inside it, else
// relative to the walked root.
func rel(cfg *config.Config, p, root string) string {
	if cfg.Dir != "" {
		if r, err := filepath.Rel(cfg.Dir, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	r, err := filepath.Rel(root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

func included(cfg *config.Config, p, root string) bool { return cfg.Match(rel(cfg, p, root)) }

func excluded(cfg *config.Config, p, root string) bool {
	r := rel(cfg, p, root)
	for _, g := range cfg.Exclude {
		if config.Glob(g, r) {
			return true
		}
	}
	return false
}

func display(cwd, abs string) string {
	if cwd != "" {
		if r, err := filepath.Rel(cwd, abs); err == nil {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(abs)
}

// overlayFiles lists the named files for a run with editor buffers: a
// buffer may not exist on disk yet.
func overlayFiles(paths []string, overlay map[string][]byte, cfg *config.Config) ([]file, error) {
	cwd, _ := os.Getwd()
	var out []file
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if _, ok := overlay[abs]; !ok {
			more, err := collect([]string{p}, cfg)
			if err != nil {
				return nil, err
			}
			out = append(out, more...)
			continue
		}
		out = append(out, file{path: display(cwd, abs), abs: abs})
	}
	return out, nil
}

// tooLarge is the error of a file over the configuration's max-file-size;
// size is 0 when the file had no stated size and was read past the limit.
type tooLarge struct{ size, limit int64 }

func (e tooLarge) Error() string {
	what := humanSize(e.size) + " is over"
	if e.size == 0 {
		what = "is over"
	}
	return fmt.Sprintf("%s the max-file-size of %s: not checked (raise max-file-size in the configuration to check it)",
		what, humanSize(e.limit))
}

// notRegular is the error of a path named on the command line that is a
// pipe, socket or device: reading it could block or never end.
type notRegular struct{ mode fs.FileMode }

func (e notRegular) Error() string {
	kind := "special file"
	switch t := e.mode.Type(); {
	case t&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case t&fs.ModeSocket != 0:
		kind = "socket"
	case t&fs.ModeCharDevice != 0:
		kind = "character device"
	case t&fs.ModeDevice != 0:
		kind = "device"
	case t&fs.ModeDir != 0:
		kind = "directory"
	}
	return "not a regular file (a " + kind + "): not read"
}

// readFile reads a file, unless it is larger than limit bytes (0: no
// limit): a stray data file must not take the machine's memory.
func readFile(name string, limit int64) ([]byte, error) {
	// Before opening: opening a named pipe waits for a writer.
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular{st.Mode()}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if limit > 0 && st.Size() > limit {
		return nil, tooLarge{st.Size(), limit}
	}
	// As os.ReadFile: one read of the stated size, more if the file grew.
	data := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if limit > 0 && int64(len(data)) > limit {
			return nil, tooLarge{0, limit} // grown past its stated size
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// readProblem is the finding's message for a file that could not be read.
func readProblem(err error) string {
	var tl tooLarge
	if errors.As(err, &tl) {
		return "file " + tl.Error()
	}
	var nr notRegular
	if errors.As(err, &nr) {
		return nr.Error()
	}
	return fmt.Sprintf("cannot read: %v", err)
}

// humanSize writes a size in bytes with a binary unit: 16 MiB, 1.5 GiB.
func humanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, u := float64(n)/unit, "KiB"
	for _, next := range []string{"MiB", "GiB", "TiB"} {
		if v < unit-0.05 { // 1023.96 KiB would print as 1024.0 KiB
			break
		}
		v, u = v/unit, next
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + " " + u
}

// wholeTrees finds the locale trees the command line names whole — a
// directory named that is the tree or holds it (check fr-FR, check docs) —
// among the trees of the named files, by layout root, and the source trees
// beside them (absolute, slash-separated).
func wholeTrees(paths []string, named []file, lay layout.Layout) (whole map[string][]string, sources []string) {
	var dirs []string
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			if abs, err := filepath.Abs(p); err == nil {
				dirs = append(dirs, strings.TrimSuffix(filepath.ToSlash(abs), "/"))
				// A tree that is a symbolic link (fr-FR -> store/fr) is
				// placed where it points.
				if real, err := filepath.EvalSymlinks(abs); err == nil && real != abs {
					dirs = append(dirs, strings.TrimSuffix(filepath.ToSlash(real), "/"))
				}
			}
		}
	}
	if len(dirs) == 0 {
		return nil, nil
	}
	srcLocale := lay.SourceLocale
	if srcLocale == "" {
		srcLocale = "en-US"
	}
	seen := map[string]bool{}
	for _, f := range named {
		pl := f.place
		if !f.placed || pl.Source || pl.Assumed || pl.Locale == "" {
			continue
		}
		abs := f.abs
		if f.real != "" {
			abs = f.real
		}
		tree, ok := strings.CutSuffix(filepath.ToSlash(abs), "/"+pl.Rel)
		if !ok || seen[tree] {
			continue
		}
		seen[tree] = true
		if !slices.ContainsFunc(dirs, func(d string) bool { return tree == d || strings.HasPrefix(tree, d+"/") }) {
			continue
		}
		if whole == nil {
			whole = map[string][]string{}
		}
		whole[pl.Root] = append(whole[pl.Root], pl.Locale)
		if src, ok := strings.CutSuffix(lay.Expected(pl, srcLocale), "/"+pl.Rel); ok && !seen["src:"+src] {
			seen["src:"+src] = true
			sources = append(sources, src)
		}
	}
	return whole, sources
}

// sourceTreeFiles returns the files of the source trees not among files,
// placed: a locale tree named whole has its missing pages reported, which
// takes every page of its source tree.
func sourceTreeFiles(sources []string, files []file, cfg *config.Config, lay layout.Layout) []file {
	have := map[string]bool{}
	for _, f := range files {
		have[f.abs] = true
	}
	var out []file
	for _, s := range sources {
		dir := filepath.FromSlash(s)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		found, err := collect([]string{dir}, cfg)
		if err != nil {
			continue
		}
		for _, f := range found {
			if !have[f.abs] {
				have[f.abs] = true
				out = append(out, f)
			}
		}
	}
	placeFiles(out, lay)
	return out
}
