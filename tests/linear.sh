#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Cost grows linearly with the input, for every pathological shape of
# bench/shapes.py: instructions counted by callgrind (not seconds, so the
# machine's load does not matter) on N and 4N bytes, less the cost of an
# empty input, must grow by 4.5 times at most.
# usage: linear.sh ZHTIDY_TXT SOURCE_DIR [SHAPE...]
set -u
tool=$1 src=$2
shift 2
command -v valgrind >/dev/null || { echo "SKIP: valgrind is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
if ldd "$tool" 2>/dev/null | grep -q 'libasan'; then
  echo "SKIP: a sanitizer build: valgrind cannot run it"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
small=60000

# instructions of one run of the tool on FILE
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$tool" "$1" -o "$tmp/out" >/dev/null 2>&1
  sed -n 's/^summary: *//p;s/^totals: *//p' "$tmp/cg" | head -1
}
: >"$tmp/empty.txt"
base=$(count "$tmp/empty.txt")
shapes=${*:-$(python3 "$src/bench/shapes.py" --list)}
for shape in $shapes; do
  python3 "$src/bench/shapes.py" "$shape" $small "$src/samples" >"$tmp/a.txt"
  python3 "$src/bench/shapes.py" "$shape" $((4 * small)) "$src/samples" >"$tmp/b.txt"
  a=$(count "$tmp/a.txt") b=$(count "$tmp/b.txt")
  ratio=$(awk -v a="$a" -v b="$b" -v z="$base" -v sa="$(wc -c <"$tmp/a.txt")" -v sb="$(wc -c <"$tmp/b.txt")" \
    'BEGIN { printf "%.2f", ((b - z) / sb) / ((a - z) / sa) * 4 }')
  printf '%-16s %12s %12s instructions  x%s for 4x the bytes\n' "$shape" "$a" "$b" "$ratio"
  if awk -v r="$ratio" 'BEGIN { exit !(r <= 4.5) }'; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $shape: cost grows by $ratio for 4x the input"; fi
done
echo "linear: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
