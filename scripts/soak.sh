#!/usr/bin/env bash
# `make soak` (not part of `make test`): kill -9 during writes and slow clients against serve, on the
# release binary. Figures for RELIABILITY.md. Options go to scripts/soak/soak.py (--kills, --slow, --seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${SOAK_DIR:-.build-soak}"
mkdir -p "$work"
exec nice python3 scripts/soak/soak.py .build/release/clusterplan "$work" "$@"
