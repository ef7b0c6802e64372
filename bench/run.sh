#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmarks: the passes, OpenCC conversion next to the opencc tool, and the
# DOCX and EPUB writers next to pandoc.  Figures go to standard output.
# usage: bench/run.sh [BUILD_DIR]   (a Release build: cmake -DCMAKE_BUILD_TYPE=Release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
# a RAM disk when there is one: the figures are the program's, not the disk's
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

# ~60 MB made from the samples: as one document, and as 2,800 documents
# (form feeds between them, the way a folder of files is processed).
for i in $(seq 1 700); do cat samples/*.txt; done >"$work/one.txt"
for i in $(seq 1 700); do for f in samples/*.txt; do cat "$f"; printf '\f'; done; done >"$work/docs.txt"
echo "== passes, 2,800 documents"
"$build/bench/bench_passes" "$work/docs.txt" s2t
echo "== passes, one 60 MB document"
"$build/bench/bench_passes" "$work/one.txt"
echo "== HTML: the corpus's saved pages x 40, one document each (the reader is the base)"
for i in $(seq 1 40); do for f in tests/corpus/html/*.html; do cat "$f"; printf '\f'; done; done >"$work/pages.txt"
"$build/bench/bench_passes" "$work/pages.txt"

echo "== opencc command-line tool, s2t, same 60 MB"
s=$(date +%s.%N); opencc -c s2t -i "$work/one.txt" -o "$work/one.s2t"; e=$(date +%s.%N)
awk -v s="$s" -v e="$e" -v b="$(wc -c <"$work/one.txt")" 'BEGIN { printf "opencc       %8.1f MB/s  (%.3f s)\n", b / 1e6 / (e - s), e - s }'

# per file, whole process: median and best of N runs (bench_spawn: from
# spawn to exit, no shell counted), zhtidy and pandoc taking turns so that
# both see the same load on the machine.
# rounds FILE: of bench_spawn's "MEDIAN BEST" lines, the median of the
# medians and the best of the bests
rounds() { sort -n "$1" | awk '{ m[NR] = $1; b = (NR == 1 || $2 < b) ? $2 : b } END { print m[int((NR + 1) / 2)], b }'; }
echo "== per file (whole process, median and best of 5 x 11 runs; pandoc 5 x 3), seed 001"
seed=samples/001_d1cd337ab5630d42.txt
bytes=$(wc -c <"$seed")
for fmt in docx epub; do
  for round in 1 2 3 4 5; do
    "$build/bench/bench_spawn" 11 "$build/tools/zhtidy-$fmt" "$seed" -o "$work/z.$fmt" >>"$work/z-$fmt"
    "$build/bench/bench_spawn" 3 pandoc -f markdown -t "$fmt" --metadata title=x "$seed" -o "$work/p.$fmt" >>"$work/p-$fmt"
  done
  read -r zm zb < <(rounds "$work/z-$fmt")
  read -r pm pb < <(rounds "$work/p-$fmt")
  awk -v fmt="$fmt" -v zm="$zm" -v zb="$zb" -v pm="$pm" -v pb="$pb" -v b="$bytes" 'BEGIN {
    printf "%-5s zhtidy %.2f ms (best %.2f, %.1f MB/s)   pandoc %.1f ms (best %.1f, %.2f MB/s)   %.1fx (best %.1fx)\n",
           fmt, zm, zb, b / 1e3 / zm, pm, pb, b / 1e3 / pm, pm / zm, pb / zb }'
done
echo "== batch: 2,000 files made from the samples, one process"
mkdir -p "$work/corpus"
for i in $(seq 1 500); do
  for f in samples/*_*.txt; do cp "$f" "$work/corpus/$i-$(basename "$f")"; done
done
mb=$(du -sb "$work/corpus" | awk '{ printf "%.1f", $1 / 1e6 }')
for fmt in txt docx epub; do
  for j in 1 2; do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time" "$build/tools/zhtidy-$fmt" -j "$j" -O "$work/out" "$work"/corpus/*.txt
    read -r secs kb <"$work/time"
    awk -v f="$fmt" -v j="$j" -v s="$secs" -v kb="$kb" -v mb="$mb" 'BEGIN {
      printf "%-5s -j %d  %6.0f files/s  %6.1f MB/s  %.2f ms/file  peak %.1f MB\n",
             f, j, 2000 / s, mb / s, s * 1000 / 2000, kb / 1024 }'
  done
done
echo "== peak memory against the number of files (docx, -j 2)"
for n in 100 500 2000; do
  rm -rf "$work/out"
  /usr/bin/time -f "%M" -o "$work/time" "$build/tools/zhtidy-docx" -j 2 -O "$work/out" \
    $(ls "$work"/corpus/*.txt | head -n "$n")
  echo "$n files: peak $(awk '{ printf "%.1f", $1 / 1024 }' "$work/time") MB"
done
echo "== pandoc on 20 of the files, per file"
s=$(date +%s.%N)
for f in $(ls "$work"/corpus/*.txt | head -n 20); do pandoc "$f" -o "$work/p.docx" 2>/dev/null; done
e=$(date +%s.%N)
awk -v s="$s" -v e="$e" 'BEGIN { printf "pandoc docx: %.1f ms/file\n", (e - s) * 1000 / 20 }'

if command -v ebook-convert >/dev/null 2>&1; then
  read -r cm cb < <("$build/bench/bench_spawn" 5 ebook-convert "$seed" "$work/c.epub")
  echo "calibre ebook-convert (epub): median $cm ms (best $cb ms)"
else
  echo "calibre ebook-convert: not installed, not compared"
fi
