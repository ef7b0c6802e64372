#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A short fuzzing run for CI: build the harnesses with clang in build-fuzz/
# and run each for ZHTIDY_FUZZ_SECONDS (default 60) from the seeds and the
# reproducers.  A finding fails the run, with its log's end and the input
# saved in build-fuzz/findings/.  Without clang or libFuzzer, says so and
# exits 0: the regression test (fuzz.regress.*) still replays every
# reproducer with the normal compiler.
#   fuzz/smoke.sh [HARNESS...]     default: read options write source html
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${ZHTIDY_FUZZ_SECONDS:-60}
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(read options write source html)
dir=build-fuzz
mkdir -p "$dir/logs" "$dir/findings"

# libFuzzer comes with clang's runtime (Debian: libclang-rt-14-dev)
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' >"$probe/p.c"
if ! command -v clang >/dev/null || ! clang -fsanitize=fuzzer "$probe/p.c" -o "$probe/p" 2>/dev/null; then
  echo "fuzz: skipped: clang with libFuzzer is not installed (scripts/setup.sh --test)"
  exit 0
fi

start=$SECONDS
if ! { CC=clang cmake -S . -B "$dir" -DZHTIDY_FUZZ=ON -DZHTIDY_BUILD_TESTS=OFF \
         -DZHTIDY_BUILD_TOOLS=OFF -DZHTIDY_BUILD_BENCH=OFF &&
       cmake --build "$dir" -j"$(nproc)"; } >"$dir/logs/build.log" 2>&1; then
  echo "fuzz: build FAILED; the end of $dir/logs/build.log:" >&2
  tail -40 "$dir/logs/build.log" >&2
  exit 1
fi
echo "fuzz: built the harnesses ($((SECONDS - start)) s)"

failed=0
for h in "${harnesses[@]}"; do
  seeds=fuzz/seeds/inputs max_len=4096
  [ "$h" = source ] && seeds=fuzz/seeds/sources
  [ "$h" = html ] && seeds="fuzz/seeds/html tests/corpus/html" max_len=8192 # and the saved pages
  corpus=$probe/corpus-$h # what the run adds stays out of the repository
  mkdir -p "$corpus"
  log=$dir/logs/fuzz-$h.log
  start=$SECONDS
  # one process, in the foreground (no -jobs: that forks workers)
  "$dir/fuzz/fuzz_$h" -max_total_time="$seconds" -max_len="$max_len" -timeout=25 \
    -dict=fuzz/zhtidy.dict -artifact_prefix="$dir/findings/$h-" -print_final_stats=1 \
    "$corpus" $seeds "fuzz/regress/$h" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  if [ $rc -eq 0 ]; then
    echo "fuzz $h: ${runs:-?} runs in $((SECONDS - start)) s, no finding"
  else
    failed=1
    echo "fuzz $h: FINDING after ${runs:-?} runs; the end of $log:" >&2
    grep -E 'invariant failed|ERROR|SUMMARY|Test unit written' "$log" >&2
    tail -5 "$log" >&2
  fi
done
exit $failed
