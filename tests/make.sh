#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# samples/Makefile: make -j builds everything, a second make does nothing,
# and an interrupted or killed make never leaves a partial target.
# usage: make.sh ZHTIDY SAMPLES_DIR
set -u
zhtidy=$(realpath "$1") samples=$2
command -v make >/dev/null || { echo "SKIP: make is not installed"; exit 77; }
command -v unzip >/dev/null || { echo "SKIP: unzip is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

cp "$samples/Makefile" "$tmp/"
# enough inputs that the signals below land in the middle of the build
for i in $(seq 1 50); do
  for f in "$samples"/*_*.txt; do cp "$f" "$tmp/$i-$(basename "$f")"; done
done
n=$(ls "$tmp"/*.txt | wc -l)

# every target whole: packages pass unzip -t, texts end with a newline
check_targets() {
  local broken=0
  for f in "$tmp"/*.docx "$tmp"/*.epub; do
    [ -e "$f" ] || continue
    unzip -tq "$f" >/dev/null 2>&1 || { broken=$((broken + 1)); echo "  broken: $f"; }
  done
  for f in "$tmp"/*.clean.txt; do
    [ -e "$f" ] || continue
    [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" = '\n' ] || { broken=$((broken + 1)); echo "  cut: $f"; }
  done
  [ "$broken" -eq 0 ] && ok || bad "$1: $broken partial targets"
}

make -C "$tmp" -j4 ZHTIDY="$zhtidy" >/dev/null 2>"$tmp/err" && ok || bad "make -j4 failed: $(head -c 300 "$tmp/err")"
[ "$(ls "$tmp"/*.docx | wc -l)" -eq "$n" ] && [ "$(ls "$tmp"/*.epub | wc -l)" -eq "$n" ] &&
  [ "$(ls "$tmp"/*.clean.txt | wc -l)" -eq "$n" ] && ok || bad "make -j4 did not build every target"
check_targets "after make -j4"
make -C "$tmp" -q ZHTIDY="$zhtidy" && ok || bad "make -q says something is out of date after a full make"
make -C "$tmp" ZHTIDY="$zhtidy" 2>&1 | grep -q 'Nothing to be done' && ok || bad "a second make did something"

# interrupted (SIGINT to the whole make, as ^C does) and killed (SIGKILL) runs
for sig in INT KILL; do
  make -C "$tmp" clean >/dev/null
  # a script's background job starts with SIGINT ignored, and make and the
  # tools keep it so; a make run from a terminal has it at the default
  setsid env --default-signal=INT make -C "$tmp" -j4 ZHTIDY="$zhtidy" >/dev/null 2>&1 &
  pid=$!
  # signal once the first package is written (or after 10 s)
  for t in $(seq 1 200); do
    ls "$tmp" | grep -q -E '\.(docx|epub)$' && break
    sleep 0.05
  done
  kill -"$sig" -- -"$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  built=$(ls "$tmp"/*.docx "$tmp"/*.epub 2>/dev/null | wc -l)
  echo "  SIG$sig: $built of $((2 * n)) packages built"
  [ "$built" -lt $((2 * n)) ] && ok || bad "make finished before SIG$sig: the test needs more inputs"
  check_targets "after SIG$sig"
  if [ "$sig" = INT ]; then
    ls -A "$tmp" | grep -q '^\.' && bad "SIGINT left temporary files: $(ls -A "$tmp" | grep '^\.' | head -3)" || ok
  fi
  make -C "$tmp" -j4 ZHTIDY="$zhtidy" >/dev/null 2>&1 && ok || bad "make after SIG$sig failed"
  check_targets "after make following SIG$sig"
  # what a SIGKILL left behind is taken over by the runs that rebuild
  ls -A "$tmp" | grep -q '^\.' && bad "temporary files left after SIG$sig and a new make: $(ls -A "$tmp" | grep '^\.' | head -3)" || ok
  make -C "$tmp" -q ZHTIDY="$zhtidy" && ok || bad "not up to date after make following SIG$sig"
done

# `make -C samples` in a source tree finds the tools the quick start built
# (../build/tools/zhtidy), with no ZHTIDY given; names with spaces and quotes
mkdir -p "$tmp/tree/samples" "$tmp/tree/build/tools"
ln -s "$zhtidy" "$tmp/tree/build/tools/zhtidy"
cp "$samples/Makefile" "$tmp/tree/samples/"
cp "$samples/002_039fb7077e656bd7.txt" "$tmp/tree/samples/it's a (draft) report.txt"
cp "$samples/001_d1cd337ab5630d42.txt" "$tmp/tree/samples/plain.txt"
env -u ZHTIDY PATH=/usr/bin:/bin make -C "$tmp/tree/samples" -j2 >"$tmp/tree.log" 2>&1 && ok ||
  bad "make -C samples without ZHTIDY failed: $(tail -3 "$tmp/tree.log")"
for f in "it's a (draft) report" plain; do
  for ext in docx epub clean.txt; do
    [ -s "$tmp/tree/samples/$f.$ext" ] && ok || bad "make -C samples did not build '$f.$ext'"
  done
done
make -C "$tmp/tree/samples" -q >/dev/null && ok || bad "names with spaces are rebuilt by a second make"
make -C "$tmp/tree/samples" clean >/dev/null 2>&1
[ "$(ls "$tmp/tree/samples" | wc -l)" -eq 3 ] && ok || bad "make clean left: $(ls "$tmp/tree/samples")"
echo "make: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
