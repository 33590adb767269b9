#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of Fuzz/ with the address sanitizer and runs each for a
# bounded time, seeded with the test fixtures. Any crash, leak, timeout or out-of-memory input fails
# the run; libFuzzer writes it into Tests/Fixtures/fuzz/<target>/, where the tests replay it.
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]   (default 60 s, every target)
# FUZZ_SKIP_BUILD=1 runs what is built (two targets may then run side by side).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzPlanFile FuzzBusyICS FuzzResultsCSV)
scratch=.build-fuzz

# One product at a time: building the whole graph would link the main package's executables with libFuzzer too.
if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  for target in "${targets[@]}"; do
    nice swift build --package-path Fuzz --scratch-path "$scratch" -c debug --product "$target" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld || exit 1
  done
fi

seeds() {
  case "$1" in
    FuzzPlanFile)   echo "Tests/Fixtures/planfiles plans Tests/Fixtures/scheduler Tests/Fixtures/server Tests/Fixtures/fuzz/plan-file" ;;
    FuzzBusyICS)    echo "Tests/Fixtures/ical Tests/Fixtures/fuzz/busy-ics" ;;
    FuzzResultsCSV) echo "Tests/Fixtures/clustering Tests/Fixtures/fuzz/results-csv" ;;
  esac
}
found() {
  case "$1" in
    FuzzPlanFile) echo plan-file ;; FuzzBusyICS) echo busy-ics ;; FuzzResultsCSV) echo results-csv ;;
  esac
}

status=0
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus" "Tests/Fixtures/fuzz/$(found "$target")"
  # Seed files only: libFuzzer reads every regular file of a directory, recursively not at all.
  for dir in $(seeds "$target"); do
    find "$dir" -type f ! -name '*.md' ! -name '*.py' -size -1000k -exec cp -n {} "$corpus/" \; 2>/dev/null
  done
  log="$scratch/$target.log"
  echo "fuzz: $target for ${seconds}s (log $log)"
  # -timeout: one input taking over 10 s is a failure (an expansion without limit, a quadratic parse).
  ASAN_OPTIONS=detect_leaks=1 nice "$scratch/debug/$target" "$corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="Tests/Fixtures/fuzz/$(found "$target")/" >"$log" 2>&1
  rc=$?
  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$log" | sed "s/^/fuzz: $target /"
  if [ $rc -ne 0 ]; then
    echo "fuzz: $target FAILED (exit $rc); the input is in Tests/Fixtures/fuzz/$(found "$target")/"
    grep -E 'ERROR: |SUMMARY: |Fatal error' "$log" | head -5
    status=1
  fi
done
exit $status
