#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Peak memory of the tools on a large input, as a multiple of its size, per
# output format.  The input is the samples repeated to SIZE MB (default
# 200).  Run twice: with the default rules (the repeats pass takes the
# copies away, little text is left to write) and with --keep repeats (all
# of the text goes through every pass and the writer: the hard case).
# The floors: 3x the input for txt, 4x for docx and epub.
# usage: bench/memory.sh [BUILD_DIR] [SIZE_MB]   (a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-200}
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
size=$((mb * 1000000))
while [ "$(stat -c %s "$work/in.txt" 2>/dev/null || echo 0)" -lt "$size" ]; do
  cat samples/*.txt >>"$work/in.txt"
done
truncate -s "$size" "$work/in.txt"
# cut at a line end, so that the input stays valid UTF-8
python3 - "$work/in.txt" <<'PY'
import sys
p = sys.argv[1]
data = open(p, "rb").read()
open(p, "wb").write(data[: data.rfind(b"\n") + 1])
PY
bytes=$(stat -c %s "$work/in.txt")
printf '%s MB of input\n' "$((bytes / 1000000))"
printf '%-8s %-16s %12s %8s %10s\n' format rules peak multiple seconds
for fmt in txt docx epub; do
  for rules in default "--keep repeats"; do
    opt=()
    [ "$rules" = default ] || opt=(--keep repeats)
    /usr/bin/time -f "%M %e" -o "$work/time" "$build/tools/zhtidy" -t "$fmt" "${opt[@]}" \
      "$work/in.txt" -o "$work/out.$fmt" 2>/dev/null
    read -r kb secs <"$work/time"
    awk -v f="$fmt" -v r="$rules" -v kb="$kb" -v b="$bytes" -v s="$secs" \
      'BEGIN { printf "%-8s %-16s %9d MB %7.2fx %10s\n", f, r, kb / 1024, kb * 1024 / b, s }'
  done
done
