package gitdiff

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/l10nlint/l10nlint/internal/scratch"
)

// Snapshot writes the files of the repository whose top folder is top, as
// a checkout of rev would leave them, under dest (an empty folder): the
// commit's tree read into a temporary index and checked out from it with
// a prefix, so that nothing is written to the repository (a worktree would
// be registered in it) and every file is there — git archive would leave
// out the paths marked export-ignore (often docs/ itself) and rewrite
// export-subst files. Line endings and filters apply as in a checkout;
// Git LFS objects are not fetched (their pointers are written).
func Snapshot(ctx context.Context, top, rev, dest string) error {
	if rev == "" || rev[0] == '-' {
		return fmt.Errorf("gitdiff: invalid revision %q", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return fmt.Errorf("gitdiff: %w (needed to read a revision)", ErrNoGit)
	}
	idx, err := scratch.MkdirTemp("", "l10nlint-index-")
	if err != nil {
		return err
	}
	made := idx
	defer func() { _ = scratch.Remove(made) }()
	// Absolute: git runs in the repository (a relative TMPDIR would put
	// the index there).
	if idx, err = filepath.Abs(idx); err != nil {
		return err
	}
	if dest, err = filepath.Abs(dest); err != nil {
		return err
	}
	// An empty work tree: the attributes (line endings, filters) are
	// rev's, from the temporary index, not the working tree's (a filter
	// command given with a path relative to the repository does not run
	// there). No hook runs (read-tree would run post-index-change, from
	// the repository's hooks or a tracked core.hooksPath folder), nor an
	// fsmonitor.
	empty := filepath.Join(idx, "worktree")
	if err := os.Mkdir(empty, 0o755); err != nil {
		return err
	}
	env := []string{"GIT_INDEX_FILE=" + filepath.Join(idx, "index"), "GIT_LFS_SKIP_SMUDGE=1"}
	global := []string{"-c", "core.hooksPath=" + filepath.Join(idx, "no-hooks"), "-c", "core.fsmonitor=false", "--work-tree=" + empty}
	if _, err := gitEnv(ctx, top, env, global, "read-tree", "--end-of-options", rev); err != nil {
		return err
	}
	// The prefix ends with a separator: it names a folder, not a
	// beginning of file names.
	_, err = gitEnv(ctx, top, env, global, "checkout-index", "--all", "--prefix="+dest+string(filepath.Separator))
	return err
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
