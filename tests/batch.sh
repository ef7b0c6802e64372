#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Many inputs in one run: -O DIR, -j N, a bad file among good ones, the
# front command, and outputs that do not depend on the number of workers.
# usage: batch.sh TOOLS_DIR SAMPLES_DIR
set -u
tools=$1 samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# a corpus: the samples many times over, under distinct names
mkdir -p "$tmp/in"
for i in $(seq 1 12); do
  for f in "$samples"/*.txt; do cp "$f" "$tmp/in/$i-$(basename "$f")"; done
done
n=$(ls "$tmp/in" | wc -l)

for fmt in txt docx epub; do
  tool=$tools/zhtidy-$fmt
  "$tool" -j 1 -O "$tmp/j1/$fmt" "$tmp"/in/*.txt 2>"$tmp/err" && ok || bad "$fmt -j 1 failed: $(head -c 300 "$tmp/err")"
  [ ! -s "$tmp/err" ] && ok || bad "$fmt: a good batch printed to stderr off a terminal: $(head -c 200 "$tmp/err")"
  "$tool" -j 2 -O "$tmp/j2/$fmt" "$tmp"/in/*.txt 2>/dev/null && ok || bad "$fmt -j 2 failed"
  [ "$(ls "$tmp/j1/$fmt" | wc -l)" -eq "$n" ] && ok || bad "$fmt: not every input was written"
  diff -r "$tmp/j1/$fmt" "$tmp/j2/$fmt" >/dev/null && ok || bad "$fmt: -j 1 and -j 2 outputs differ"
  # each output equals the same file converted alone
  one=$(ls "$tmp/in" | head -5 | tail -1)
  "$tool" "$tmp/in/$one" -o "$tmp/alone.$fmt" && cmp -s "$tmp/alone.$fmt" "$tmp/j2/$fmt/${one%.txt}.$fmt" &&
    ok || bad "$fmt: a batch output differs from the same file converted alone"
done

# a bad file among good ones: its error, exit 1, every other file written
printf 'abc\000def' >"$tmp/in/0-broken.txt"
"$tools/zhtidy-docx" -j 2 -O "$tmp/mixed" "$tmp"/in/*.txt 2>"$tmp/err"
[ $? -eq 1 ] && ok || bad "a batch with a bad file should exit 1"
grep -q '0-broken.txt: input contains NUL bytes' "$tmp/err" && ok || bad "no error naming the bad file: $(cat "$tmp/err")"
grep -q "1 of $((n + 1)) files failed" "$tmp/err" && ok || bad "no failure count: $(cat "$tmp/err")"
[ "$(ls "$tmp/mixed" | wc -l)" -eq "$n" ] && ok || bad "the good files of a mixed batch were not all written"
[ ! -e "$tmp/mixed/0-broken.docx" ] && ok || bad "the bad file left an output"
ls -A "$tmp/mixed" | grep -q '^\.' && bad "temporary files left in the output directory" || ok
rm "$tmp/in/0-broken.txt"

# on a terminal: a progress line, and error lines that never land inside it
if command -v script >/dev/null; then
  mkfifo "$tmp/slow.txt"
  # the FIFO holds the batch up until the progress line is drawn; then it
  # delivers a bad file, whose error must start a line of its own
  ( sleep 0.5; printf 'a\000b' >"$tmp/slow.txt" ) &
  script -qfec "'$tools/zhtidy-txt' -j 1 -O '$tmp/tty' '$tmp/slow.txt' '$tmp/in/1-000_5101e33908fe9746.txt'" \
    "$tmp/typescript" >/dev/null 2>&1
  wait
  tr '\r' '\n' <"$tmp/typescript" | grep -q 'files, .* MB/s' && ok || bad "no progress line on a terminal"
  # each error starts after a cleared line (CR + erase) or a newline, never after progress text
  if grep -a 'slow.txt: input contains NUL' "$tmp/typescript" | grep -qaE 'MB/s[^'$'\r'']*zhtidy-txt:'; then
    bad "an error was printed into the progress line: $(tr '\r' '|' <"$tmp/typescript")"
  else ok; fi
  grep -qa 'slow.txt: input contains NUL' "$tmp/typescript" && ok || bad "the bad file's error is missing on a terminal"
  rm -f "$tmp/slow.txt"
  # a small batch does not wait for the progress timer: no sleep at all
  if command -v strace >/dev/null; then
    script -qfec "strace -f -qq -e trace=nanosleep,clock_nanosleep -o '$tmp/strace' '$tools/zhtidy-txt' -O '$tmp/tty4' $(ls "$tmp"/in/*.txt | head -4 | tr '\n' ' ')" \
      /dev/null >/dev/null 2>&1
    [ -s "$tmp/tty4/$(ls "$tmp/in" | head -1)" ] && ! grep -q sleep "$tmp/strace" && ok ||
      bad "a batch on a terminal slept: $(grep sleep "$tmp/strace" | head -2)"
  else
    echo "SKIP: strace is not installed: the no-sleep check did not run"
  fi
else
  echo "SKIP: script(1) is not installed: the terminal checks did not run"
fi

# usage errors
"$tools/zhtidy-txt" "$tmp/in/1-000_5101e33908fe9746.txt" "$tmp/in/2-000_5101e33908fe9746.txt" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'several inputs need -O DIR' "$tmp/err" && ok || bad "several inputs without -O"
mkdir -p "$tmp/a" "$tmp/b" && cp "$samples/001_d1cd337ab5630d42.txt" "$tmp/a/x.txt" && cp "$samples/002_039fb7077e656bd7.txt" "$tmp/b/x.txt"
"$tools/zhtidy-docx" -O "$tmp/dup" "$tmp/a/x.txt" "$tmp/b/x.txt" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'would both be written to' "$tmp/err" && ok || bad "two inputs with one output name: $(cat "$tmp/err")"
"$tools/zhtidy-txt" -O "$tmp/a" "$tmp/a/x.txt" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'would overwrite the input' "$tmp/err" && ok || bad "an output over its own input: $(cat "$tmp/err")"
cmp -s "$tmp/a/x.txt" "$samples/001_d1cd337ab5630d42.txt" && ok || bad "the input was overwritten"
"$tools/zhtidy-txt" -j 0 -O "$tmp/x" "$tmp/a/x.txt" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- '--jobs takes a number' "$tmp/err" && ok || bad "-j 0"

# the front command
f=$samples/002_039fb7077e656bd7.txt
for fmt in txt docx epub; do
  "$tools/zhtidy" "$f" -o "$tmp/front.$fmt" && "$tools/zhtidy-$fmt" "$f" -o "$tmp/small.$fmt" &&
    cmp -s "$tmp/front.$fmt" "$tmp/small.$fmt" && ok || bad "zhtidy -o x.$fmt differs from zhtidy-$fmt"
done
"$tools/zhtidy" --to epub -O "$tmp/front" "$tmp/in/1-000_5101e33908fe9746.txt" "$tmp/in/1-001_d1cd337ab5630d42.txt" &&
  [ -s "$tmp/front/1-001_d1cd337ab5630d42.epub" ] && ok || bad "zhtidy --to epub -O"
"$tools/zhtidy" --to txt --format tree "$f" -o - | grep -q '^h1 ' && ok || bad "zhtidy --to txt --format tree"
"$tools/zhtidy" "$f" -o "$tmp/out.pdf" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'choose the format' "$tmp/err" && ok || bad "zhtidy with an unknown extension"
"$tools/zhtidy" --to pdf "$f" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- '--to takes txt, json, docx, epub or jsonl' "$tmp/err" && ok || bad "zhtidy --to pdf"

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
