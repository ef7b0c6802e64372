#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# JSONL streams (zhtidy -t jsonl): one cleaned record per input line, in
# input order whatever the number of workers; other fields passed through;
# text, title, lang and rule counts the same as the tools give for the same
# text; a bad line gets an "error" and the stream goes on; files, -o, -O.
# usage: jsonl.sh TOOLS_DIR SAMPLES_DIR PYTHON3
set -u
tools=$1 samples=$2 py=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
z=$tools/zhtidy

# a stream: the samples ten times over, with a bad line of each kind among them
"$py" - "$samples" >"$tmp/in.jsonl" <<'PY'
import glob, json, os, sys
files = sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))
n = 0
for rep in range(10):
    for f in files:
        rec = {"id": "%s-%d" % (os.path.basename(f), rep), "text": open(f, encoding="utf-8").read(),
               "meta": {"site": "例子", "n": [rep, 1.5]}}
        print(json.dumps(rec, ensure_ascii=rep % 2 == 0))
        n += 1
        if n == 5:
            print("this line is not JSON")
        if n == 9:
            print(json.dumps({"id": "no-text", "body": "没有正文"}, ensure_ascii=False))
        if n == 13:
            print()  # a blank line is skipped
            print(json.dumps({"id": "nul", "text": "a\u0000b"}))
PY
good=40 lines=43
"$z" -t jsonl -j 1 <"$tmp/in.jsonl" >"$tmp/j1.jsonl" 2>"$tmp/err1"
[ $? -eq 1 ] && ok || bad "a stream with bad lines should exit 1"
"$z" -t jsonl -j 2 <"$tmp/in.jsonl" >"$tmp/j2.jsonl" 2>"$tmp/err2"
[ $? -eq 1 ] && ok || bad "-j 2: a stream with bad lines should exit 1"
cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl" && ok || bad "-j 1 and -j 2 give different streams"
cmp -s "$tmp/err1" "$tmp/err2" && ok || bad "-j 1 and -j 2 give different messages: $(diff "$tmp/err1" "$tmp/err2")"
[ "$(wc -l <"$tmp/j2.jsonl")" -eq "$lines" ] && ok || bad "$(wc -l <"$tmp/j2.jsonl") records out for $lines lines in"
grep -q '^zhtidy: stdin:6: not JSON' "$tmp/err2" && grep -q '^zhtidy: stdin:11: no "text" string' "$tmp/err2" &&
  grep -q '^zhtidy: stdin:17: input contains NUL bytes' "$tmp/err2" &&
  grep -q "^zhtidy: 3 of $lines records failed" "$tmp/err2" && ok || bad "the messages: $(cat "$tmp/err2")"

# each record against the tools on the same text
mkdir -p "$tmp/ref"
for f in "$samples"/*.txt; do
  name=$(basename "$f" .txt)
  "$tools/zhtidy-txt" "$f" >"$tmp/ref/$name.txt" && "$z" "$f" -t json -o "$tmp/ref/$name.json" || bad "$name: the tools failed"
done
"$py" - "$tmp/in.jsonl" "$tmp/j2.jsonl" "$tmp/ref" <<'PY' && ok || bad "the records (above)"
import collections, json, sys
ins = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
outs = open(sys.argv[2], encoding="utf-8").read().split("\n")
assert outs[-1] == "", "the stream does not end with a newline"
outs = outs[:-1]
assert len(ins) == len(outs), (len(ins), len(outs))
errors = 0
for line, (i, o) in enumerate(zip(ins, outs), 1):
    o = json.loads(o)
    try:
        i = json.loads(i)
    except ValueError:
        assert o == {"input": "stdin", "line": 6, "error": o["error"]} and o["error"].startswith("not JSON"), o
        errors += 1
        continue
    if "text" not in i:
        assert o == dict(i, error='no "text" string'), o
        errors += 1
        continue
    if i["id"] == "nul":
        assert o == dict(i, error="input contains NUL bytes; it is not a text file"), o
        errors += 1
        continue
    # in order, every other field passed through as it was
    assert o["id"] == i["id"] and o["meta"] == i["meta"], (line, o["id"], i["id"])
    assert list(o)[:3] == ["id", "text", "meta"], list(o)
    name = i["id"].rsplit(".txt", 1)[0]
    ref = json.load(open("%s/%s.json" % (sys.argv[3], name), encoding="utf-8"))
    assert o["text"] == open("%s/%s.txt" % (sys.argv[3], name), encoding="utf-8").read(), name
    assert o["title"] == ref["meta"].get("title") and o["lang"] == ref["meta"].get("lang"), name
    heads = [{"level": b["level"], "text": b["text"]} for b in ref["blocks"] if b["type"] == "heading"]
    assert o["headings"] == heads, name
    counts = collections.Counter(c["rule"] for c in ref["report"])
    assert o["rules"] == dict(counts), (name, o["rules"], counts)
    assert "error" not in o
assert errors == 3, errors
PY

# files: concatenated to one stream in order, or one output each with -O
head -3 "$tmp/in.jsonl" >"$tmp/a.jsonl"
sed -n '4,5p' "$tmp/in.jsonl" | sed 's/$/\r/' >"$tmp/b.jsonl" # CRLF
"$z" -t jsonl -j 2 "$tmp/a.jsonl" "$tmp/b.jsonl" -o "$tmp/ab.jsonl" 2>/dev/null && ok || bad "two files to -o failed"
head -5 "$tmp/j2.jsonl" | cmp -s - "$tmp/ab.jsonl" && ok || bad "two files did not give the stream of their lines"
"$z" -f jsonl -j 2 -O "$tmp/shards" "$tmp/a.jsonl" "$tmp/b.jsonl" 2>/dev/null && ok || bad "-O failed"
head -3 "$tmp/j2.jsonl" | cmp -s - "$tmp/shards/a.jsonl" && sed -n '4,5p' "$tmp/j2.jsonl" | cmp -s - "$tmp/shards/b.jsonl" &&
  ok || bad "-O: the shards differ from the stream"
"$z" "$tmp/a.jsonl" -o "$tmp/byname.jsonl" && cmp -s "$tmp/byname.jsonl" "$tmp/shards/a.jsonl" && ok ||
  bad "-o NAME.jsonl did not choose JSONL"
ls -A "$tmp/shards" | grep -q '^\.' && bad "temporary files left in -O DIR" || ok
# a missing file: its error, exit 1, the other written
"$z" -t jsonl "$tmp/missing.jsonl" "$tmp/a.jsonl" -o "$tmp/m.jsonl" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'missing.jsonl: cannot open' "$tmp/err" && cmp -s "$tmp/m.jsonl" "$tmp/shards/a.jsonl" && ok ||
  bad "a missing input: $(cat "$tmp/err")"
# the options reach every record
printf '{"id":1,"text":"简体中文的句子。"}\n' | "$z" -t jsonl --to-script tw | grep -q '"text":"簡體中文的句子。\\n"' && ok ||
  bad "--to-script did not reach the records"
# an empty stream gives an empty stream
"$z" -t jsonl </dev/null >"$tmp/empty" && [ ! -s "$tmp/empty" ] && ok || bad "an empty stream"

# usage
"$z" -f jsonl -t docx -O "$tmp/x" "$tmp/a.jsonl" 2>"$tmp/err"; [ $? -eq 2 ] && grep -q 'use -t jsonl' "$tmp/err" && ok || bad "-f jsonl -t docx: $(cat "$tmp/err")"
"$z" -t jsonl -e gbk </dev/null 2>"$tmp/err"; [ $? -eq 2 ] && ok || bad "-e with JSONL: $(cat "$tmp/err")"
"$tools/zhtidy-txt" -f jsonl "$tmp/a.jsonl" 2>"$tmp/err"; [ $? -eq 2 ] && grep -q 'zhtidy -t jsonl' "$tmp/err" && ok || bad "zhtidy-txt -f jsonl: $(cat "$tmp/err")"

echo "jsonl: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
