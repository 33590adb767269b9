#!/usr/bin/env bash
# HTML checked by HTML Tidy: every file given must parse with no warning and no error.
#   scripts/e2e-html.sh FILE...
# Exit 77 when tidy cannot be installed (the Swift test then skips, saying so).
set -euo pipefail
if ! command -v tidy >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends tidy; } >&2 \
    || { echo "e2e-html: cannot install tidy" >&2; exit 77; }
fi
status=0
for file in "$@"; do
  # -e: report only; tidy exits 1 on warnings and 2 on errors.
  if ! out=$(tidy -q -e "$file" 2>&1); then echo "$file: $out"; status=1; fi
done
exit $status
