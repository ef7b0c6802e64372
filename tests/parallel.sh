#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's GNU parallel forms: parallel -X with the batch form (many
# files a process), and --sshlogin (here ':', this machine) with files
# transferred and returned; both give the bytes of one batch run, file names
# with spaces and quotes included.  Skips (77) without GNU parallel.
# usage: parallel.sh TOOLS_DIR SAMPLES_DIR
set -u
tools=$(cd "$1" && pwd) samples=$(cd "$2" && pwd)
command -v parallel >/dev/null || { echo "SKIP: GNU parallel is not installed (apt-get install parallel)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
export PATH=$tools:$PATH SOURCE_DATE_EPOCH=1700000000
cd "$tmp"
mkdir raw
for i in 1 2 3; do for f in "$samples"/*.txt; do cp "$f" "raw/$i-$(basename "$f")"; done; done
cp "$samples/000_5101e33908fe9746.txt" "raw/a b's \"quoted\".txt"
zhtidy-docx -O ref raw/*.txt || bad "the batch run failed"

# many files a process, one process a core
find raw -name '*.txt' -print0 | parallel -0 -X zhtidy-docx -j 1 -O word/ 2>err && ok || bad "parallel -X failed: $(cat err)"
diff -r ref word >/dev/null && ok || bad "parallel -X: the outputs differ from one batch run"

# --sshlogin: here ':' (this machine); with hosts, the files go there and back
mkdir remote && cp raw/*.txt remote/
find remote -name '*.txt' | parallel --sshlogin : --transferfile {} --return {.}.docx --cleanup \
  zhtidy-docx {} 2>err && ok || bad "parallel --sshlogin failed: $(cat err)"
differ=$(for f in ref/*.docx; do cmp -s "$f" "remote/$(basename "$f")" || basename "$f"; done)
[ -z "$differ" ] && ok || bad "parallel --sshlogin: outputs differ from one batch run: $differ"

echo "parallel: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
