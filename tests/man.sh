#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Each tool's --help and its man page name the same options, the page
# renders without warnings, and the README's table has them all.
# usage: man.sh TOOLS_DIR MAN_DIR
set -u
tools=$1 mandir=$2
pass=0 fail=0
for t in zhtidy zhtidy-txt zhtidy-docx zhtidy-epub; do
  help=$("$tools/$t" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
  page=$(sed 's/\\-/-/g; s/\\f[BIR]//g' "$mandir/$t.1" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
  if [ "$help" = "$page" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $t: --help and $t.1 differ (< help, > man page):"
    diff <(echo "$help") <(echo "$page"); fi
  hshort=$("$tools/$t" --help | grep -oE -- '^  -[a-zA-Z],' | tr -d ' ,' | sort -u)
  pshort=$(sed 's/\\-/-/g' "$mandir/$t.1" | grep -oE -- '^\.BR -[a-zA-Z] ' | sed 's/.BR //; s/ //' | sort -u)
  if [ "$hshort" = "$pshort" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $t: short options differ:"; diff <(echo "$hshort") <(echo "$pshort"); fi
  if command -v groff >/dev/null && command -v preconv >/dev/null; then
    warn=$(preconv "$mandir/$t.1" | groff -man -ww -z -Tutf8 2>&1)
    if [ -z "$warn" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $t.1: $warn"; fi
  fi
done
# the README's option table names every option of every tool
readme=$mandir/../README.md
if [ -f "$readme" ]; then
  for t in zhtidy zhtidy-txt zhtidy-docx zhtidy-epub; do
    for o in $("$tools/$t" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
      grep -qE -- "$o([] ,=[]|\`|$)" "$readme" && pass=$((pass + 1)) ||
        { fail=$((fail + 1)); echo "FAIL: README lacks $o ($t --help has it)"; }
    done
  done
fi
echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
