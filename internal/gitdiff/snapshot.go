package gitdiff

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Snapshot writes the files of the repository whose top folder is top, as
// they are at rev, under dest (an empty folder): `git archive`, read by
// l10nlint, so that nothing is written to the repository (a worktree would
// be registered in it). Entries that would land outside dest are refused.
func Snapshot(ctx context.Context, top, rev, dest string) error {
	if rev == "" || rev[0] == '-' {
		return fmt.Errorf("gitdiff: invalid revision %q", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return fmt.Errorf("gitdiff: %w (needed to read a revision)", ErrNoGit)
	}
	// Streamed: a documentation set's archive need not fit in memory.
	cmd := exec.CommandContext(ctx, "git", "archive", "--format=tar", rev)
	cmd.Dir = top
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	err = extract(tar.NewReader(stdout), dest, rev)
	_, _ = io.Copy(io.Discard, stdout) // let git finish writing
	if werr := cmd.Wait(); werr != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = werr.Error()
		}
		return fmt.Errorf("gitdiff: git archive %s: %s", rev, msg)
	}
	return err
}

// extract writes the entries of an archive under dest.
func extract(tr *tar.Reader, dest, rev string) error {
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("gitdiff: reading the archive of %s: %w", rev, err)
		}
		if !filepath.IsLocal(filepath.FromSlash(h.Name)) {
			return fmt.Errorf("gitdiff: archive entry %q leaves the snapshot", h.Name)
		}
		p := filepath.Join(dest, filepath.FromSlash(h.Name))
		// A git tree never holds entries under a link: one that does would
		// write through it, outside the snapshot.
		if err := noLinkOnTheWay(dest, filepath.FromSlash(h.Name)); err != nil {
			return fmt.Errorf("gitdiff: archive entry %q leaves the snapshot", h.Name)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		case tar.TypeSymlink:
			// A link stays a link; one that leaves the snapshot names
			// nothing there, as it would in a fresh clone elsewhere.
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.Symlink(h.Linkname, p); err != nil {
				return err
			}
		}
	}
}

// noLinkOnTheWay reports an error when a folder on the way from dest to
// rel (rel's parents) is a symbolic link.
func noLinkOnTheWay(dest, rel string) error {
	cur := dest
	dir := filepath.Dir(rel)
	if dir == "." {
		return nil
	}
	for _, c := range strings.Split(dir, string(filepath.Separator)) {
		cur = filepath.Join(cur, c)
		li, err := os.Lstat(cur)
		if err != nil {
			return nil //nolint:nilerr // not made yet: nothing to go through
		}
		if li.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s is a link", cur)
		}
	}
	return nil
}

// Resolve returns the commit rev names in the repository at top: "A..."
// and "A...B" are the merge base of A and B (HEAD when left out), as for
// a pull request against A; a tree (HEAD:docs) is refused.
func Resolve(ctx context.Context, top, rev string) (string, error) {
	if rev == "" || rev[0] == '-' || strings.Contains(rev, ":") {
		return "", fmt.Errorf("gitdiff: %q names no commit", rev)
	}
	if a, b, ok := strings.Cut(rev, "..."); ok {
		if a == "" {
			a = "HEAD"
		}
		if b == "" {
			b = "HEAD"
		}
		out, err := git(ctx, top, "merge-base", "--", a, b)
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(string(out)), nil
	}
	out, err := git(ctx, top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("gitdiff: %q names no commit", rev)
	}
	return strings.TrimSpace(string(out)), nil
}
