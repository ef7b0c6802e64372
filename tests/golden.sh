#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The samples against their golden text; the plain form read back gives the
# same text and the same tree (title, language, headings and paragraphs; the
# plain form has no place for keywords and category).
# usage: golden.sh ZHTIDY_TXT SAMPLES_DIR GOLDEN_DIR
set -u
txt=$1 samples=$2 golden=$3
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for g in "$golden"/*.txt; do
  name=$(basename "$g")
  if "$txt" "$samples/$name" >"$tmp/out" && cmp -s "$tmp/out" "$g"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL $name differs from its golden output:"; diff "$g" "$tmp/out" | head -20
  fi
  if "$txt" "$g" | cmp -s - "$g"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: the plain form does not read back to itself"; fi
  tree() { "$txt" --format tree "$1" | grep -av -e '^@keywords ' -e '^@category '; }
  if cmp -s <(tree "$g") <(tree "$samples/$name"); then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $name: the plain form gives another tree"
    diff <(tree "$g") <(tree "$samples/$name") | head -10
  fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
