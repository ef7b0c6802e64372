#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The repository itself: a licence, an SPDX line in every source file, and
# no package-archive address anywhere (dependencies come through apt only).
# usage: repo.sh SOURCE_DIR
set -u
cd "$1" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

[ -s LICENSE ] && grep -q 'MIT License' LICENSE && ok || bad "no MIT LICENSE file"
if git rev-parse --git-dir >/dev/null 2>&1; then
  files=$(git ls-files --cached --others --exclude-standard)
else
  files=$(find . -path ./build -prune -o -path ./.git -prune -o -type f -print | sed 's|^\./||')
fi
missing=$(echo "$files" | grep -E '\.(c|h|sh|py|cmake|1)$|CMakeLists\.txt$|Makefile$|\.in$|^\.ci/' |
  while read -r f; do [ -f "$f" ] && ! grep -q 'SPDX-License-Identifier: MIT' "$f" && echo "$f"; done)
[ -z "$missing" ] && ok || bad "source files without an SPDX line: $missing"
# an archive's address in a script or a build file would mean fetching
# around apt; the words of this test name none
archives=$(echo "$files" | grep -v '^tests/corpus/' | while read -r f; do [ -f "$f" ] && echo "$f"; done |
  xargs grep -lE "(deb|ftp|security|archive)\.(debian|ubuntu)\.(org|com)|pool/main/|apt-helper|\.orig\.tar" 2>/dev/null |
  grep -v '^tests/repo\.sh$')
[ -z "$archives" ] && ok || bad "files naming a package archive: $archives"
echo "repo: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
