#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Write every sample to OUT_DIR in every format the tools support.
# usage: scripts/convert-samples.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-out}
mkdir -p "$out"
n=0
for f in samples/*.txt; do
  name=$(basename "$f" .txt)
  for tool in txt docx epub; do
    exe="$build/tools/zhtidy-$tool"
    [ -x "$exe" ] || continue
    "$exe" "$f" -o "$out/$name.$tool"
    n=$((n + 1))
  done
done
echo "convert-samples: wrote $n files to $out/"
ls -l "$out"
