#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --log FILE: one JSON object per input, with its output, status, error,
# encoding, script and changes per rule, for every tool, with workers, with
# bad and missing inputs among good ones.
# usage: log.sh TOOLS_DIR SAMPLES_DIR PYTHON3
set -u
tools=$1 samples=$2 py=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

mkdir -p "$tmp/in" "$tmp/ref"
cp "$samples"/*.txt "$tmp/in/"
printf 'a\000b' >"$tmp/in/bad.txt"
# "这是一个句子。" in GB18030
printf '\xd5\xe2\xca\xc7\xd2\xbb\xb8\xf6\xbe\xe4\xd7\xd3\xa1\xa3\n' >"$tmp/in/gbk.txt"
for f in "$samples"/*.txt; do
  "$tools/zhtidy" "$f" -o "$tmp/ref/$(basename "$f" .txt).json" || bad "zhtidy -o x.json failed"
done

check() { # check LOG OUTDIR EXT: the log against the inputs and the reference trees
  "$py" - "$1" "$tmp/in" "$2" "$3" "$tmp/ref" "$tools/zhtidy" <<'PY'
import collections, glob, json, os, subprocess, sys
log, indir, outdir, ext, ref, zhtidy = sys.argv[1:7]
table = [l.split()[0] for l in subprocess.check_output([zhtidy, "--list-rules"], text=True).splitlines()]
recs = [json.loads(l) for l in open(log, encoding="utf-8")]
want = sorted(glob.glob(indir + "/*.txt")) + [indir + "/missing.txt"]
assert sorted(r["input"] for r in recs) == sorted(want), [r["input"] for r in recs]
for r in recs:
    assert list(r) == ["input", "output", "status", "error", "encoding", "script", "rules"], list(r)
    name = os.path.basename(r["input"])[:-4]
    if name in ("bad", "missing"):
        assert r["status"] == "error" and r["output"] is None, r
        why = "input contains NUL bytes" if name == "bad" else "cannot open: No such file"
        assert r["error"].startswith(r["input"] + ": " + why), r
        assert r["encoding"] is None and r["script"] is None and r["rules"] is None, r
        continue
    assert r["status"] == "ok" and r["error"] is None, r
    assert r["output"] == "%s/%s%s" % (outdir, name, ext) and os.path.isfile(r["output"]), r
    if name == "gbk":
        assert (r["encoding"], r["script"]) == ("GB18030", "hans"), r
        continue
    tree = json.load(open("%s/%s.json" % (ref, name), encoding="utf-8"))
    assert r["encoding"] == tree["meta"]["encoding"], r
    hans, hant = tree["script"]["hans"], tree["script"]["hant"]
    assert r["script"] == ("hans" if hans > hant else "hant"), (r["script"], hans, hant)
    assert r["rules"] == dict(collections.Counter(c["rule"] for c in tree["report"])), name
    # in the order of the rule table
    assert list(r["rules"]) == [rule for rule in table if rule in r["rules"]], name
PY
}

for fmt in docx epub txt; do
  "$tools/zhtidy-$fmt" -j 2 -O "$tmp/out-$fmt" --log "$tmp/$fmt.log" "$tmp"/in/*.txt "$tmp/in/missing.txt" 2>"$tmp/err"
  [ $? -eq 1 ] && ok || bad "$fmt: a batch with bad inputs should exit 1"
  check "$tmp/$fmt.log" "$tmp/out-$fmt" ".$fmt" && ok || bad "$fmt: the log (above)"
done
"$tools/zhtidy" -t epub -j 1 -O "$tmp/out-front" --log "$tmp/front.log" "$tmp"/in/*.txt "$tmp/in/missing.txt" 2>/dev/null
check "$tmp/front.log" "$tmp/out-front" .epub && ok || bad "zhtidy --log (above)"

# one input; the log on stderr; a log that cannot be written
f=$tmp/in/000_5101e33908fe9746.txt
"$tools/zhtidy-txt" "$f" -o "$tmp/one.txt" --log "$tmp/one.log" && [ "$(wc -l <"$tmp/one.log")" -eq 1 ] &&
  grep -q '"status":"ok"' "$tmp/one.log" && grep -q "\"output\":\"$tmp/one.txt\"" "$tmp/one.log" && ok ||
  bad "one input: $(cat "$tmp/one.log")"
"$tools/zhtidy-txt" "$f" -o "$tmp/one.txt" --log - 2>&1 >/dev/null | grep -q '^{"input":' && ok || bad "--log - did not go to stderr"
"$tools/zhtidy-txt" "$f" -o "$tmp/one.txt" --log "$tmp/no/such/dir/x.log" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'cannot write the log' "$tmp/err" && ok || bad "an unwritable log: $(cat "$tmp/err")"
"$tools/zhtidy" -t jsonl --log "$tmp/x.log" </dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- '--log does not go with JSONL' "$tmp/err" && ok || bad "--log with JSONL: $(cat "$tmp/err")"

echo "log: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
