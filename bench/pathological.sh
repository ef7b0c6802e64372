#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Pathological inputs: MB/s of zhtidy-txt per shape at 1, 4 and 16 MB, and
# how time grows from 4 to 16 MB (linear: about 4; the floor is 4.5).
# usage: bench/pathological.sh [BUILD_DIR] [SIZES_MB...]   (a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=${*:-1 4 16}
tool=$build/tools/zhtidy-txt
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-16s' shape; for s in $sizes; do printf '%12s' "${s} MB"; done; printf '%14s %10s\n' 't16/t4' peak16
for shape in $(python3 bench/shapes.py --list); do
  printf '%-16s' "$shape"
  declare -A secs=()
  peak=
  for s in $sizes; do
    python3 bench/shapes.py "$shape" $((s * 1000000)) samples >"$work/in.txt"
    bytes=$(wc -c <"$work/in.txt")
    # best of three, timed with the shell's microsecond clock; peak memory of the last
    best=
    for _ in 1 2 3; do
      t0=$EPOCHREALTIME
      /usr/bin/time -f "%M" -o "$work/time" "$tool" "$work/in.txt" -o "$work/out.txt" 2>/dev/null || true
      t1=$EPOCHREALTIME
      best=$(awk -v a="$t0" -v b="$t1" -v best="$best" 'BEGIN { t = b - a; print (best == "" || t < best) ? t : best }')
    done
    t=$best
    read -r kb <"$work/time"
    secs[$s]=$t
    peak=$(awk -v kb="$kb" -v b="$bytes" 'BEGIN { printf "%.1fx", kb * 1024 / b }')
    awk -v t="$t" -v b="$bytes" 'BEGIN { printf "%9.1f MB/s", (t > 0 ? b / 1e6 / t : 0) }'
  done
  ratio=$(awk -v a="${secs[4]:-0}" -v b="${secs[16]:-0}" 'BEGIN { print (a > 0 ? sprintf("%.2f", b / a) : "-") }')
  printf '%14s %10s\n' "$ratio" "$peak"
  unset secs
done
