#!/usr/bin/env bash
# Pages in a real browser: headless Chromium takes a phone-sized screenshot of a page and dumps
# the DOM of another, so the tests can check what a visitor really gets.
#
#   scripts/e2e-browser.sh screenshot URL OUT.png [WIDTH,HEIGHT]
#   scripts/e2e-browser.sh dom URL OUT.html
#
# Exit 77 when Chromium cannot be installed (the Swift test then skips, saying so).
set -euo pipefail
mode=$1 url=$2 out=$3

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >&2 \
    || { echo "e2e-browser: cannot install chromium" >&2; exit 77; }
  browser=$(command -v chromium)
fi
for _ in $(seq 1 80); do curl -sf -o /dev/null "$url" && break; sleep 0.25; done

# A throwaway profile: no first-run state leaks between runs. --no-sandbox: tests run as root.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" --no-first-run)
case "$mode" in
screenshot) "$browser" "${flags[@]}" --window-size="${4:-412,1400}" --screenshot="$out" "$url" 2>/dev/null ;;
dom) "$browser" "${flags[@]}" --dump-dom "$url" >"$out" 2>/dev/null ;;
*) echo "usage: $0 screenshot|dom URL OUT" >&2; exit 2 ;;
esac
test -s "$out"
