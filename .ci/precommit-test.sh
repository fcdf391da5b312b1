#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit tool:
# a temporary docs repository uses this checkout's HEAD as the hook repo;
# a commit with a defect is refused with the finding, the fixed commit is
# accepted. Changed-file runs still see the rest of the tree (the defect
# below is only visible against the sibling translations).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  else
    echo "pre-commit not installed and cannot install it: skipping"; exit 0
  fi
fi
rev=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/.cache"
cd "$work"
git init -q docs && cd docs
git config user.email ci@example.com && git config user.name CI
sxs() { printf '<span data-ttu-id="%s">%s</span><span class="sxs-lookup"><span data-stu-id="%s">%s</span></span>' "$1" "$2" "$1" "$3"; }
mkdir -p en-US fr-FR de-DE
printf -- '---\ntitle: Retention\n---\n# Retention\n\nReports are kept for 12 months.\n' > en-US/retention.md
page() { # locale id-prefix heading target source
  printf -- '---\ntitle: %s\nms.contentlocale: %s\n---\n# ' "$4" "$1"
  sxs "$2-101" "$4" "Retention"; printf '\n\n'
  sxs "$2-102" "$5" "$6"; printf '\n'
}
page fr-FR a1b2c x "Rétention" "Les rapports sont conservés 12 mois." "Reports are kept for 12 months." > fr-FR/retention.md
page de-DE d4e5f x "Aufbewahrung" "Berichte werden 12 Monate lang aufbewahrt." "Reports are kept for 12 months." > de-DE/retention.md
cat > .pre-commit-config.yaml <<CFG
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: l10nlint
CFG
pre-commit install >/dev/null
git add -A
git commit -q -m "docs" || { echo "FAIL: a clean commit was refused"; exit 1; }
echo "ok: clean commit accepted"

# The French page now says 6 months, translated from an older English
# source: cross-locale-source needs the en-US and de-DE pages, which are not
# part of the commit.
page fr-FR a1b2c x "Rétention" "Les rapports sont conservés 6 mois." "Reports are kept for 6 months." > fr-FR/retention.md
git add fr-FR/retention.md
if out=$(git commit -m "fr update" 2>&1); then
  echo "FAIL: a commit with a defect was accepted"; echo "$out"; exit 1
fi
echo "$out" | grep -q "fr-FR/retention.md:7:.*error cross-locale-source: source text differs from the de-DE page" \
  || { echo "FAIL: the refusal does not show the finding"; echo "$out"; exit 1; }
echo "ok: defect refused with the finding"

page fr-FR a1b2c x "Rétention" "Les rapports sont conservés pendant 12 mois." "Reports are kept for 12 months." > fr-FR/retention.md
git add fr-FR/retention.md
git commit -q -m "fr fix" || { echo "FAIL: the fixed commit was refused"; exit 1; }
echo "ok: fixed commit accepted"
echo "pre-commit: 3 passed, 0 failed"
