package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// reportFile is where --output writes. An existing regular file is
// replaced whole: the report is written aside and renamed over it (its
// mode kept) once complete, so that a full disk leaves the previous
// report, not half of a new one. A new file is created as any program
// creates one (the umask applies). A symbolic link is followed to the file
// it names; a device or a pipe (/dev/stdout, a FIFO) is written directly.
type reportFile struct {
	*os.File
	path          string // what the report replaces, links resolved
	temp, created bool
	mode          fs.FileMode
	done          bool
}

func openReport(name string) (*reportFile, error) {
	path := name
	if real, err := filepath.EvalSymlinks(name); err == nil {
		path = real
	}
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return nil, fmt.Errorf("%s is a directory", name)
	case err == nil && st.Mode().IsRegular():
		f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".l10nlint-*")
		if err != nil {
			return nil, err
		}
		return &reportFile{File: f, path: path, temp: true, mode: st.Mode().Perm()}, nil
	case err == nil:
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &reportFile{File: f, path: path}, nil
	case errors.Is(err, fs.ErrNotExist):
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if err != nil {
			return nil, err
		}
		return &reportFile{File: f, path: path, created: true}, nil
	}
	return nil, err
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
	if err := os.Rename(r.Name(), r.path); err != nil {
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
	if r.temp || r.created {
		os.Remove(r.Name())
	}
}
