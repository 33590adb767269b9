#!/usr/bin/env bash
# Installs what ClusterPlan needs on a fresh Debian machine; does nothing when it is all there.
# Usage: scripts/install-deps.sh [build|test|bench]
set -euo pipefail
# librsvg2-dev: the DOCX report's charts (SVG -> PNG) are drawn by librsvg and cairo.
# libqrencode-dev: the QR code of a feed's address in the subscribe box.
# libjemalloc-dev: the allocator the executable is linked with (Package.swift says why).
need=(libical-dev librsvg2-dev libqrencode-dev libjemalloc-dev pkg-config)
case "${1:-build}" in
  # LibreOffice prints the DOCX report and work plan to PDF, poppler measures the pages; Liberation
  # fonts have Times New Roman's metrics, so the page counts are those a coordinator's Word shows.
  # zbar-tools and librsvg2-bin: rsvg-convert draws the QR codes, zbarimg reads them back in the tests.
  # postgresql: the throwaway server the PostgreSQL store tests run against (scripts/with-postgres.sh).
  test)  need+=(postgresql vdirsyncer khal chromium chromium-driver libreoffice-writer-nogui poppler-utils fonts-liberation2 python3-venv curl zbar-tools librsvg2-bin unzip) ;;
  bench) need+=(wrk nginx curl postgresql) ;;
esac
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  # A package that truly cannot be had is reported, and the tests that need it skip with a message.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || for p in "${missing[@]}"; do
         DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$p" >/dev/null \
           || echo "install-deps: could not install $p"
       done
fi
case "${1:-build}" in
  test|bench)
    python3 -c 'import icalendar' 2>/dev/null || python3 -m pip install -q icalendar || echo "install-deps: could not install python icalendar"
    # Writes the Word fixtures (Tests/Fixtures/word/make_fixtures.py); the .docx files are committed.
    python3 -c 'import docx' 2>/dev/null || python3 -m pip install -q python-docx || echo "install-deps: could not install python-docx"
    ;;
esac
case "${1:-build}" in
  test)
    # The scheduler's exact oracle (Tests/Oracle/oracle.py): OR-Tools CP-SAT.
    python3 -c 'import ortools.sat.python.cp_model' 2>/dev/null || python3 -m pip install -q ortools \
      || python3 -m pip install -q --break-system-packages ortools || echo "install-deps: could not install python ortools"
    # The real-browser flows (Tests/Browser/*.py) drive Debian's chromium through chromium-driver.
    python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium \
      || python3 -m pip install -q --break-system-packages selenium || echo "install-deps: could not install python selenium"
    ;;
esac
