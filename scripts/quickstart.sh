#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's quick start: install what is missing, configure, build, and
# then convert the samples into out/ (or, with --test, run the test suite).
# One line per step; each step's full output is in build/logs/, and shown
# when the step fails.
#   scripts/quickstart.sh          set up, build, convert the samples
#   scripts/quickstart.sh --test   set up (with the test programs), build, test
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in --test|"") ;; *) echo "usage: $0 [--test]" >&2; exit 2 ;; esac
logs=build/logs
mkdir -p "$logs"
export ZHTIDY_LOG_DIR=$PWD/$logs

# step NAME LOG COMMAND...: run quietly; on failure show the log's end
step() {
  local name=$1 log=$logs/$2 start=$SECONDS
  shift 2
  if "$@" >"$log" 2>&1; then
    echo "$name: done ($((SECONDS - start)) s)"
  else
    echo "$name: FAILED; the end of $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
}

bash scripts/setup.sh $mode || exit 1
step configure configure.log cmake -S . -B build
step build build.log cmake --build build -j"$(nproc)"
if [ "$mode" = --test ]; then
  start=$SECONDS
  ctest --test-dir build --output-on-failure -j2 >"$logs/test.log" 2>&1
  rc=$?
  summary=$(grep -E 'tests passed' "$logs/test.log" | tail -1)
  if [ $rc -eq 0 ]; then
    skipped=$(grep -c -- '\*\*\*Skipped' "$logs/test.log")
    [ "$skipped" -gt 0 ] && skipped=", $skipped skipped: see $logs/test.log" || skipped=
    echo "test: ${summary:-done} ($((SECONDS - start)) s$skipped)"
  else
    echo "test: FAILED: ${summary:-ctest did not finish}; the failures:" >&2
    sed -n '/\*\*\*Failed\|\*\*\*Timeout\|\*\*\*Exception/,/^ *Start\|^[0-9]*% tests/p' \
      "$logs/test.log" >&2
    grep -A 50 'The following tests FAILED' "$logs/test.log" >&2
    exit 1
  fi
else
  step samples samples.log bash scripts/convert-samples.sh build out
  echo "samples: $(ls out | wc -l) files in out/"
fi
