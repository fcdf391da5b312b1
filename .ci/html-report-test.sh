#!/usr/bin/env bash
# Browser test of the HTML report (--format html) with headless Chromium:
# renders the report of the shared corpus (testdata/example without
# ../shared), takes a screenshot and checks it is a real 1400x1000 image,
# then drives the page over the DevTools protocol (.ci/html/check.go) to
# check its filters: a filter in the URL fragment on load, checkbox and
# button clicks, typing in the search box, a fragment changed on the open
# page; after each step the rows shown must be exactly the ones selected,
# and the page must load no resource and throw no script error.
#
# Installs Debian's chromium when missing (as root, with apt-get); skips
# otherwise. HTML_REPORT_CORPUS=DIR renders another tree;
# HTML_REPORT_KEEP=DIR keeps the report and the screenshots there. The last line is "html-report: N passed, M failed"; the exit
# status is 1 when a check failed.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() {
  echo "html-report: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
}

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1
    chrome=$(command -v chromium || true)
    [ -n "$chrome" ] || { bad "apt-get install chromium failed"; finish; }
  else
    echo "html-report: chromium is not installed and apt-get is unavailable (or not root): skipping"
    finish
  fi
fi
echo "using $("$chrome" --version 2>/dev/null | head -n 1)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if go build -o "$tmp/l10nlint" ./cmd/l10nlint; then
  ok "go build"
else
  bad "go build"; finish
fi

corpus=${HTML_REPORT_CORPUS:-../shared/corpus/o365seccomp}
[ -d "$corpus" ] || corpus=testdata/example
status=0
"$tmp/l10nlint" check "$corpus" -f html -o "$tmp/report.html" 2>"$tmp/stderr" || status=$?
# Status 1 means findings at or above --fail-on: expected here.
if [ "$status" -le 1 ] && [ -s "$tmp/report.html" ] && grep -q '</html>' "$tmp/report.html"; then
  ok "rendered $corpus: $(grep -c '^<div class="f ' "$tmp/report.html") findings, $(($(wc -c <"$tmp/report.html") / 1024)) KiB"
else
  bad "l10nlint check $corpus -f html exited with $status: $(cat "$tmp/stderr")"; finish
fi

# The screenshot, with the flags a sandboxed CI machine needs and a fresh
# profile.
mkdir "$tmp/profile"
"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --screenshot="$tmp/report.png" --window-size=1400,1000 \
  "file://$tmp/report.html" >"$tmp/chrome.log" 2>&1
size=$(wc -c <"$tmp/report.png" 2>/dev/null || echo 0)
# A PNG starts with an 8-byte signature; the IHDR chunk then holds the
# width and height as big-endian 32-bit numbers at offsets 16 and 20.
dims=$(od -An -tu1 -j16 -N8 "$tmp/report.png" 2>/dev/null |
  awk '{ printf "%dx%d", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8 }')
sig=$(od -An -tx1 -N8 "$tmp/report.png" 2>/dev/null | tr -d ' \n')
if [ "$sig" = 89504e470d0a1a0a ] && [ "$dims" = 1400x1000 ] && [ "$size" -gt 30000 ]; then
  ok "screenshot: $dims PNG, $((size / 1024)) KiB"
else
  bad "screenshot: signature ${sig:-none}, size $size bytes, dimensions ${dims:-none}"
  tail -n 5 "$tmp/chrome.log"
fi

# Scripted interaction over the DevTools protocol.
go run .ci/html/check.go -chrome "$chrome" -report "$tmp/report.html" -out "$tmp" >"$tmp/check.log" 2>&1
cat "$tmp/check.log"
pass=$((pass + $(grep -c '^ok: ' "$tmp/check.log")))
fail=$((fail + $(grep -c '^FAIL: ' "$tmp/check.log")))
if ! grep -q '^browser checks: ' "$tmp/check.log"; then
  bad "the browser checks did not complete"
fi

if [ -n "${HTML_REPORT_KEEP:-}" ]; then
  mkdir -p "$HTML_REPORT_KEEP"
  cp "$tmp/report.html" "$tmp"/*.png "$HTML_REPORT_KEEP"/ 2>/dev/null
  echo "kept the report and screenshots in $HTML_REPORT_KEEP"
fi
finish
