package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/l10nlint/l10nlint/internal/scratch"
)

// reportFile is where --output writes. A regular file, existing or new, is
// written whole or not at all: the report is written aside and renamed
// over it once complete (an existing file's mode kept, a new one's from
// the umask), so that a full disk or a killed run leaves the previous
// report, not half of a new one. A symbolic link is followed to the file it
// names (a dangling one too); a device or a pipe (/dev/stdout, a FIFO) is
// written directly.
type reportFile struct {
	*os.File
	path          string // what the report replaces, links resolved
	temp, created bool
	mode          fs.FileMode
	done          bool
}

func openReport(name string) (*reportFile, error) {
	// A name for one of this process's descriptors (/dev/stdout,
	// /dev/fd/1, /proc/self/fd/1, or a link to one) is written into,
	// appending: resolved, it can name the file stdout was redirected to,
	// which must keep what is already in it.
	if fdAlias(name) {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		return &reportFile{File: f, path: name}, nil
	}
	path := name
	if real, err := filepath.EvalSymlinks(name); err == nil {
		path = real
	} else if li, lerr := os.Lstat(name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
		// A dangling link: the report goes where it points, as a shell
		// redirection would write it.
		target, err := os.Readlink(name)
		if err != nil {
			return nil, err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(name), target)
		}
		path = target
	}
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return nil, fmt.Errorf("%s is a directory", name)
	case err == nil && st.Mode().IsRegular():
		return aside(path, st.Mode().Perm(), false)
	case err == nil:
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &reportFile{File: f, path: path}, nil
	case errors.Is(err, fs.ErrNotExist):
		// Created empty first, so that it gets the mode the umask gives a
		// new file; the report itself is written aside, so that a run that
		// stops half-way leaves no half report.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if err != nil {
			return nil, err
		}
		scratch.Track(path) // an interrupted run removes it
		st, err := f.Stat()
		f.Close()
		if err != nil {
			_ = scratch.Remove(path)
			return nil, err
		}
		return aside(path, st.Mode().Perm(), true)
	}
	return nil, err
}

// aside opens the temporary file a report is written to before it replaces
// path; created: path was made empty for it, and goes if the run fails.
func aside(path string, mode fs.FileMode, created bool) (*reportFile, error) {
	f, err := scratch.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".l10nlint-*")
	if err != nil {
		if created {
			_ = scratch.Remove(path)
		}
		return nil, err
	}
	return &reportFile{File: f, path: path, temp: true, created: created, mode: mode}, nil
}

// commit closes the report and puts it in place.
func (r *reportFile) commit() error {
	r.done = true
	if err := r.Close(); err != nil {
		r.discard()
		return err
	}
	if !r.temp {
		return nil
	}
	if err := os.Chmod(r.Name(), r.mode); err != nil {
		r.discard()
		return err
	}
	if err := scratch.Rename(r.Name(), r.path); err != nil {
		r.discard()
		return err
	}
	return nil
}

// abort drops a report that was not committed: the previous one stays.
func (r *reportFile) abort() {
	if r.done {
		return
	}
	r.done = true
	r.Close()
	r.discard()
}

func (r *reportFile) discard() {
	if r.temp {
		_ = scratch.Remove(r.Name())
	}
	if r.created {
		_ = scratch.Remove(r.path)
	}
}

// fdAlias reports whether name is, or links to, a name of one of the
// process's open descriptors.
func fdAlias(name string) bool {
	p := name
	for range 8 {
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		a := filepath.ToSlash(abs)
		switch {
		case a == "/dev/stdout", a == "/dev/stderr", a == "/dev/stdin",
			strings.HasPrefix(a, "/dev/fd/"), strings.HasPrefix(a, "/proc/self/fd/"):
			return true
		}
		li, err := os.Lstat(abs)
		if err != nil || li.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		t, err := os.Readlink(abs)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(abs), t)
		}
		p = t
	}
	return false
}
