#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# JSON trees: what a tool writes with -t json reads back to the same tree;
# an unedited tree gives the same DOCX, EPUB and text bytes as its input;
# an edited tree is written as edited; bad JSON is refused with its line and
# column, exit 1, and no output file.
# usage: json.sh TOOLS_DIR SAMPLES_DIR
set -u
tools=$1 samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
export SOURCE_DATE_EPOCH=1700000000

for f in "$samples"/*.txt; do
  name=$(basename "$f" .txt)
  cp "$f" "$tmp/$name.txt"
  "$tools/zhtidy" "$tmp/$name.txt" -o "$tmp/$name.json" 2>"$tmp/err" && ok || bad "$name: -o x.json failed: $(cat "$tmp/err")"
  # the tree, read back and written again, is the same tree (but its source)
  "$tools/zhtidy" "$tmp/$name.json" -t json -o "$tmp/$name.again.json" && ok || bad "$name: a tree did not read back"
  diff <(grep -v '"source"' "$tmp/$name.json") <(grep -v '"source"' "$tmp/$name.again.json") >/dev/null &&
    ok || bad "$name: the tree changed on a round trip"
  # the same bytes from the tree as from the text
  for fmt in docx epub txt; do
    "$tools/zhtidy-$fmt" "$tmp/$name.txt" -o "$tmp/a.$fmt" && "$tools/zhtidy-$fmt" "$tmp/$name.json" -o "$tmp/b.$fmt" &&
      cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt" && ok || bad "$name: zhtidy-$fmt x.json differs from zhtidy-$fmt x.txt"
  done
  "$tools/zhtidy-txt" --format tree "$tmp/$name.txt" >"$tmp/a.tree" && "$tools/zhtidy-txt" --format tree -f json "$tmp/$name.json" >"$tmp/b.tree" &&
    cmp -s "$tmp/a.tree" "$tmp/b.tree" && ok || bad "$name: the tree dump of the JSON differs"
done

# by content, not only by name: a tree on standard input
"$tools/zhtidy-txt" - <"$tmp/000_5101e33908fe9746.json" | cmp -s - <("$tools/zhtidy-txt" "$tmp/000_5101e33908fe9746.txt") &&
  ok || bad "a tree on standard input was not recognised"

# an edit: a paragraph made a heading, a title changed
python3 - "$tmp/002_039fb7077e656bd7.json" "$tmp/edited.json" <<'PY' && ok || bad "could not edit the tree"
import json, sys
t = json.load(open(sys.argv[1]))
t["meta"]["title"] = "改过的标题"
t["blocks"][1] = {"type": "heading", "level": 2, "text": "人工加的小标题"}
json.dump(t, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$tools/zhtidy-txt" --format tree "$tmp/edited.json" >"$tmp/edited.tree"
grep -qx '@title 改过的标题' "$tmp/edited.tree" && grep -qx 'h2 人工加的小标题' "$tmp/edited.tree" && ok ||
  bad "the edit did not reach the output: $(head -3 "$tmp/edited.tree")"

# bad JSON: line and column, exit 1, nothing written
printf '{"zhtidy": 1,\n "blocks": [\n  {"type": "paragraph", "text": "a"},,\n ]}\n' >"$tmp/syntax.json"
"$tools/zhtidy-docx" "$tmp/syntax.json" -o "$tmp/syntax.docx" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'syntax.json:3:' "$tmp/err" && [ ! -e "$tmp/syntax.docx" ] && ok ||
  bad "a syntax error: $(cat "$tmp/err")"
printf '{"zhtidy": 1, "blocks": [{"type": "heading", "level": 7, "text": "x"}]}\n' >"$tmp/level.json"
"$tools/zhtidy-epub" "$tmp/level.json" -o "$tmp/level.epub" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'blocks\[0\].level: 7 is not between 1 and 4' "$tmp/err" && [ ! -e "$tmp/level.epub" ] && ok ||
  bad "a heading of level 7: $(cat "$tmp/err")"
printf '{"zhtidy": 1, "blocks": [{"type": "paragraf", "text": "x"}]}\n' >"$tmp/type.json"
"$tools/zhtidy-txt" "$tmp/type.json" 2>"$tmp/err" >/dev/null
[ $? -eq 1 ] && grep -q 'blocks\[0\].type: "paragraf" is not' "$tmp/err" && ok || bad "a misspelt type: $(cat "$tmp/err")"
printf '{"zhtidy": 1, "blocks": [{"type": "paragraph", "txt": "x"}]}\n' >"$tmp/member.json"
"$tools/zhtidy-txt" "$tmp/member.json" 2>"$tmp/err" >/dev/null
[ $? -eq 1 ] && grep -q '"txt" is not a member here' "$tmp/err" && ok || bad "a misspelt member: $(cat "$tmp/err")"
printf '{"zhtidy": 2, "blocks": []}\n' >"$tmp/v2.json"
"$tools/zhtidy-txt" "$tmp/v2.json" 2>"$tmp/err" >/dev/null
[ $? -eq 1 ] && grep -q 'version 2; this zhtidy reads version 1' "$tmp/err" && ok || bad "a newer version: $(cat "$tmp/err")"
printf '{"zhtidy": 1, "blocks": [' >"$tmp/cut.json"
"$tools/zhtidy-txt" "$tmp/cut.json" 2>"$tmp/err" >/dev/null
[ $? -eq 1 ] && grep -q 'cut.json:1:.*ends too early' "$tmp/err" && ok || bad "a cut file: $(cat "$tmp/err")"
# forced with -f json, a text file is bad JSON
"$tools/zhtidy-txt" -f json "$tmp/002_039fb7077e656bd7.txt" 2>"$tmp/err" >/dev/null
[ $? -eq 1 ] && grep -q ':1:1:' "$tmp/err" && ok || bad "-f json on text: $(cat "$tmp/err")"

echo "json: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
