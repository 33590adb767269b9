#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of Fuzz/ with the address sanitizer and runs each for a
# bounded time, seeded with the test fixtures. Any crash, leak, timeout or out-of-memory input fails
# the run; libFuzzer writes it into Tests/Fixtures/fuzz/<folder>/, where the tests replay it.
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]   (default 60 s, every target)
# FUZZ_SKIP_BUILD=1 runs what is built (two targets may then run side by side).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
scratch=.build-fuzz

# target, its folder under Tests/Fixtures/fuzz/, then the folders whose files seed it.
# A new reader: one line here and one executableTarget in Fuzz/Package.swift.
table="
FuzzPlanFile   plan-file   Tests/Fixtures/planfiles plans Tests/Fixtures/scheduler Tests/Fixtures/server
FuzzBusyICS    busy-ics    Tests/Fixtures/ical
FuzzResultsCSV results-csv Tests/Fixtures/clustering
FuzzWordPlan   word-plan   Tests/Fixtures/word
"
row() { echo "$table" | awk -v t="$1" '$1 == t'; }

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=($(echo "$table" | awk 'NF { print $1 }'))

# One product at a time: building the whole graph would link the main package's executables with libFuzzer too.
if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  for target in "${targets[@]}"; do
    nice swift build --package-path Fuzz --scratch-path "$scratch" -c debug --product "$target" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld || exit 1
  done
fi

status=0
for target in "${targets[@]}"; do
  read -r _ folder seeds <<<"$(row "$target")"
  [ -n "$folder" ] || { echo "fuzz: unknown target $target"; exit 1; }
  found="Tests/Fixtures/fuzz/$folder"
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus" "$found"
  for dir in $seeds "$found"; do
    find "$dir" -type f ! -name '*.md' ! -name '*.py' -size -1000k -exec cp -n {} "$corpus/" \; 2>/dev/null
  done
  log="$scratch/$target.log"
  echo "fuzz: $target for ${seconds}s (log $log)"
  # -timeout: one input taking over 10 s is a failure (an expansion without limit, a quadratic parse).
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=Fuzz/lsan-suppressions.txt nice "$scratch/debug/$target" "$corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$found/" >"$log" 2>&1
  rc=$?
  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$log" | sed "s/^/fuzz: $target /"
  if [ $rc -ne 0 ]; then
    echo "fuzz: $target FAILED (exit $rc); the input is in $found/"
    grep -E 'ERROR: |SUMMARY: |Fatal error' "$log" | head -5
    status=1
  fi
done
exit $status
