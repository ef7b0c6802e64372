#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CLI behaviour of zhtidy-txt: paths, exit statuses, messages, atomic output.
# usage: cli.sh TOOLS_DIR SAMPLES_DIR
set -u
tools=$1
samples=$2
txt=$tools/zhtidy-txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS STDERR_PATTERN -- command...: checks exit status and stderr
expect() {
  local want=$1 pattern=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    bad "$* exited $got, expected $want; stderr: $(head -c 300 "$tmp/err")"
  elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err"; then
    bad "$*: stderr does not match '$pattern': $(head -c 300 "$tmp/err")"
  else
    ok
  fi
}

sample=$samples/002_039fb7077e656bd7.txt

# --help, --version, usage errors
expect 0 '' -- "$txt" --help
grep -q '^usage: zhtidy-txt' "$tmp/out" && ok || bad "--help prints no usage line"
expect 0 '' -- "$txt" --version
grep -qE '^zhtidy-txt \(zhtidy\) [0-9]+\.[0-9]+' "$tmp/out" && ok || bad "--version output"
expect 2 'no input given' -- "$txt"
expect 2 "unknown option '--bogus'" -- "$txt" --bogus "$sample"
expect 2 'needs an argument' -- "$txt" "$sample" -o
expect 2 "no rule or pass is named 'nope'" -- "$txt" --keep nope "$sample"
expect 2 "unknown encoding 'klingon'; --encoding takes auto, utf-8" -- "$txt" --encoding klingon "$sample"
# an iconv name that is not a Chinese encoding gives mojibake: refused
expect 2 "unknown encoding 'latin1'" -- "$txt" -e latin1 "$sample"
[ ! -s "$tmp/out" ] && ok || bad "-e latin1 wrote output"
# the bad option of a cluster is named, not the program
expect 2 "unknown option '-d'" -- "$txt" -dash.txt
expect 2 "option '-e' needs an argument" -- "$txt" "$sample" -e
expect 2 '--to-script takes' -- "$txt" --to-script latin "$sample"
expect 2 'not for this tool' -- "$txt" --vertical "$sample"
expect 2 'several inputs need -O DIR' -- "$txt" "$sample" "$sample"
expect 0 '' -- "$txt" --list-rules
grep -q '^typography.punct' "$tmp/out" && ok || bad "--list-rules lacks typography.punct"

# stdin and stdout
"$txt" "$sample" >"$tmp/a.txt" 2>/dev/null || bad "file to stdout failed"
"$txt" - <"$sample" >"$tmp/b.txt" 2>/dev/null || bad "stdin to stdout failed"
cmp -s "$tmp/a.txt" "$tmp/b.txt" && ok || bad "stdin and file input differ"
"$txt" "$sample" -o - >"$tmp/c.txt" 2>/dev/null && cmp -s "$tmp/a.txt" "$tmp/c.txt" && ok || bad "-o - differs"
"$txt" "$sample" -o "$tmp/d.txt" && cmp -s "$tmp/a.txt" "$tmp/d.txt" && ok || bad "-o FILE differs"
[ -s "$tmp/a.txt" ] && [ "$(tail -c 1 "$tmp/a.txt" | od -An -c | tr -d ' ')" = '\n' ] && ok || bad "output lacks a final newline"
! grep -q $'\r' "$tmp/a.txt" && ok || bad "output holds CR"
ls -A "$tmp" | grep -q '^\.' && bad "a temporary file was left behind" || ok

# byte-identical output for the same input
"$txt" "$sample" -o "$tmp/e.txt" && cmp -s "$tmp/d.txt" "$tmp/e.txt" && ok || bad "two runs differ"

# a missing file
expect 1 'nope.txt: cannot open: No such file or directory' -- "$txt" "$tmp/nope.txt" -o "$tmp/nope.out"
[ ! -e "$tmp/nope.out" ] && ok || bad "missing input left an output file"

# a directory
expect 1 'is a directory' -- "$txt" "$tmp" -o "$tmp/dir.out"

# NUL bytes: not text; no output, and an existing target is kept intact
printf 'abc\000def' >"$tmp/nul.txt"
expect 1 'nul.txt: input contains NUL bytes; it is not a text file' -- "$txt" "$tmp/nul.txt" -o "$tmp/nul.out"
[ ! -e "$tmp/nul.out" ] && ok || bad "NUL input left an output file"
echo "previous" >"$tmp/keep.out"
expect 1 'NUL bytes' -- "$txt" "$tmp/nul.txt" -o "$tmp/keep.out"
[ "$(cat "$tmp/keep.out")" = previous ] && ok || bad "failed run changed an existing target"

# an unwritable target directory
expect 1 'cannot create file' -- "$txt" "$sample" -o "$tmp/no/such/dir/x.txt"

# invalid UTF-8: a warning, U+FFFD, and the rest of the text kept
printf '教育\377科技人才培养的现状\n第二段\n' >"$tmp/bad.txt"
expect 0 'bad.txt: warning: 1 invalid byte sequence replaced by U\+FFFD' -- "$txt" "$tmp/bad.txt"
grep -q '教育�科技人才培养的现状' "$tmp/out" && grep -q '第二段' "$tmp/out" && ok || bad "invalid UTF-8 lost text"

# empty input
: >"$tmp/empty.txt"
expect 0 '' -- "$txt" "$tmp/empty.txt" -o "$tmp/empty.out"
[ -e "$tmp/empty.out" ] && [ ! -s "$tmp/empty.out" ] && ok || bad "empty input should give an empty file"

# GB18030 and Big5 versions of the samples read like the UTF-8 text they came from
iconv -f UTF-8 -t GB18030 "$sample" >"$tmp/gb.txt"
"$txt" "$tmp/gb.txt" >"$tmp/gb.out" 2>"$tmp/err" && cmp -s "$tmp/gb.out" "$tmp/a.txt" && ok || bad "GB18030 input differs from UTF-8"
trad=$samples/001_d1cd337ab5630d42.txt
iconv -c -f UTF-8 -t BIG5 "$trad" >"$tmp/big5.txt" 2>/dev/null
iconv -f BIG5 -t UTF-8 "$tmp/big5.txt" >"$tmp/big5-utf8.txt"
"$txt" "$tmp/big5.txt" >"$tmp/big5.out" 2>"$tmp/err" || bad "Big5 input failed"
"$txt" "$tmp/big5-utf8.txt" >"$tmp/big5-ref.out" 2>/dev/null
cmp -s "$tmp/big5.out" "$tmp/big5-ref.out" && ok || bad "Big5 input differs from its UTF-8 form"
[ ! -s "$tmp/err" ] && ok || bad "Big5 input gave warnings: $(head -c 200 "$tmp/err")"
"$txt" --encoding big5 "$tmp/big5.txt" >"$tmp/big5f.out" && cmp -s "$tmp/big5f.out" "$tmp/big5-ref.out" && ok || bad "--encoding big5 differs"

# the documented aliases of each encoding decode alike
for e in gbk GB2312 cp936 gb18030; do
  "$txt" -e "$e" "$tmp/gb.txt" | cmp -s - "$tmp/a.txt" && ok || bad "-e $e differs"
done
for e in big5-hkscs BIG5; do
  "$txt" -e "$e" "$tmp/big5.txt" | cmp -s - "$tmp/big5-ref.out" && ok || bad "-e $e differs"
done

# UTF-16 without a BOM (NUL in every other byte) is text, in either order;
# with a BOM, and forced; a bad code unit costs one character, not the rest
for order in LE BE; do
  iconv -f UTF-8 -t UTF-16$order "$sample" >"$tmp/u16.txt"
  "$txt" "$tmp/u16.txt" 2>"$tmp/err" | cmp -s - "$tmp/a.txt" && [ ! -s "$tmp/err" ] && ok ||
    bad "UTF-16$order without a BOM: $(head -c 200 "$tmp/err")"
  "$txt" -e utf-16 "$tmp/u16.txt" | cmp -s - "$tmp/a.txt" && ok || bad "-e utf-16 on UTF-16$order"
  "$txt" -e "utf-16$order" "$tmp/u16.txt" | cmp -s - "$tmp/a.txt" && ok || bad "-e utf-16$order"
done
printf 'hello world\n' | iconv -t UTF-16LE >"$tmp/ascii16.txt"
"$txt" "$tmp/ascii16.txt" | grep -qx 'hello world' && ok || bad "ASCII text in UTF-16LE without a BOM"
{ printf '\xff\xfe'; printf '前文' | iconv -t UTF-16LE; printf '\x00\xdc'; printf '后文完整\n' | iconv -t UTF-16LE; } >"$tmp/lone.txt"
expect 0 'lone.txt: warning: 1 invalid byte sequence' -- "$txt" --report="$tmp/lone.rep" "$tmp/lone.txt"
grep -qx '前文�后文完整' "$tmp/out" && ok || bad "a lone surrogate put UTF-16 out of step: $(cat "$tmp/out")"
grep -q 'decode.invalid: 1' "$tmp/lone.rep" && ok || bad "the lone surrogate is not in the report"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00' >"$tmp/png.txt"
expect 1 'NUL bytes' -- "$txt" "$tmp/png.txt"

# --files-from: a list of names, one per line or NUL-separated, from a file
# or standard input; names with spaces
mkdir -p "$tmp/ff"
cp "$sample" "$tmp/ff/one two.txt"; cp "$samples/001_d1cd337ab5630d42.txt" "$tmp/ff/three.txt"
printf '%s\n' "$tmp/ff/one two.txt" "" "$tmp/ff/three.txt" >"$tmp/list"
"$txt" --files-from "$tmp/list" -O "$tmp/ffout" && [ -s "$tmp/ffout/one two.txt" ] &&
  [ -s "$tmp/ffout/three.txt" ] && ok || bad "--files-from FILE"
printf '%s\0' "$tmp/ff/one two.txt" "$tmp/ff/three.txt" | "$txt" --files-from - -0 -O "$tmp/ffnul" &&
  diff -r "$tmp/ffout" "$tmp/ffnul" >/dev/null && ok || bad "--files-from - --null"
expect 2 'no input given' -- "$txt" --files-from /dev/null
expect 2 'null goes with --files-from' -- "$txt" -0 "$sample"
expect 1 'nolist: cannot open' -- "$txt" --files-from "$tmp/nolist"

# CRLF input reads like LF input
sed 's/$/\r/' "$sample" >"$tmp/crlf.txt"
"$txt" "$tmp/crlf.txt" | cmp -s - "$tmp/a.txt" && ok || bad "CRLF input differs"

# --report goes to stderr, or to a file
"$txt" "$sample" --report >/dev/null 2>"$tmp/rep"
grep -q '^typography.punct: [0-9]' "$tmp/rep" && grep -q '  line 2: replaced ":" with "："' "$tmp/rep" && ok || bad "--report to stderr"
"$txt" "$sample" --report="$tmp/rep2" >/dev/null && cmp -s "$tmp/rep" "$tmp/rep2" && ok || bad "--report=FILE"

# an endless input: reading stops past the 1 GiB limit, with the limit named
# (under a 1.5 GB address-space cap: reading to the end would fail otherwise)
if ldd "$txt" | grep -q libasan; then
  expect 1 '/dev/zero: input is larger than 1 GiB' -- "$txt" /dev/zero -o "$tmp/zero.txt"
else
  expect 1 '/dev/zero: input is larger than 1 GiB' -- sh -c 'ulimit -v 1500000; exec "$0" /dev/zero -o "$1"' "$txt" "$tmp/zero.txt"
fi
[ ! -e "$tmp/zero.txt" ] && ok || bad "an endless input left an output"

# a huge line
head -c 3000000 /dev/zero | tr '\0' 'x' >"$tmp/huge.txt"
"$txt" "$tmp/huge.txt" -o "$tmp/huge.out" && [ "$(wc -c <"$tmp/huge.out")" -eq 3000001 ] && ok || bad "huge line"

# zhtidy-docx and zhtidy-epub: the same conventions, binary output
for fmt in docx epub; do
  tool=$tools/zhtidy-$fmt
  expect 2 'reading standard input needs -o FILE' -- "$tool" - <"$sample"
  cp "$sample" "$tmp/beside.txt"
  expect 0 '' -- "$tool" "$tmp/beside.txt"
  [ -s "$tmp/beside.$fmt" ] && ok || bad "$fmt: no NAME.$fmt beside the input"
  "$tool" - -o "$tmp/stdin.$fmt" <"$sample" && cmp -s "$tmp/stdin.$fmt" "$tmp/beside.$fmt" && ok || bad "$fmt: stdin differs"
  expect 1 'NUL bytes' -- "$tool" "$tmp/nul.txt" -o "$tmp/nul.$fmt"
  [ ! -e "$tmp/nul.$fmt" ] && ok || bad "$fmt: NUL input left a file"
  expect 2 "not for this tool" -- "$tool" --format tree "$sample"
done
expect 2 "--style takes plain or gbt9704" -- "$tools/zhtidy-docx" --style fancy "$sample"
expect 2 "not for this tool" -- "$tools/zhtidy-epub" --style plain "$sample"

# libopencc is loaded only when it converts (lib/script.c): never for the
# built-in configurations, unless the build chose ZHTIDY_CONVERTER=opencc
loads_opencc() { LD_DEBUG=libs "$@" 2>&1 >/dev/null | grep -q 'calling init: .*libopencc'; }
loads_opencc "$txt" "$sample" && bad "a run without conversion loaded OpenCC" || ok
if [ "${ZHTIDY_CONVERTER:-builtin}" = opencc ]; then
  if loads_opencc "$txt" --to-script hant "$sample"; then ok; else bad "--to-script hant did not load OpenCC"; fi
else
  loads_opencc "$txt" --to-script hant "$sample" && bad "--to-script hant loaded OpenCC" || ok
fi
"$txt" --to-script hant "$sample" | grep -q '發言' && ok || bad "--to-script hant did not convert"

# SIGINT: at the default it ends the run with nothing written; ignored when
# the tool starts (a script's background job), it stays ignored.  The tool
# waits in open() on a FIFO, after it has set its handlers.
mkfifo "$tmp/fifo"
asleep() { # pid: the tool has started and is waiting
  for _ in $(seq 1 200); do
    [ "$(readlink "/proc/$1/exe")" = "$(readlink -f "$txt")" ] &&
      [ "$(cut -d' ' -f3 "/proc/$1/stat")" = S ] && return 0
    sleep 0.05
  done
  return 1
}
env --default-signal=INT "$txt" "$tmp/fifo" -o "$tmp/int.txt" 2>/dev/null &
pid=$!
asleep "$pid" || bad "the SIGINT run never waited on the FIFO"
kill -INT "$pid"
wait "$pid"
[ $? -eq 130 ] && [ ! -e "$tmp/int.txt" ] && ok || bad "SIGINT did not end the run cleanly"
env --ignore-signal=INT "$txt" "$tmp/fifo" -o "$tmp/ign.txt" 2>/dev/null &
pid=$!
asleep "$pid" || bad "the ignored-SIGINT run never waited on the FIFO"
kill -INT "$pid"
# (bounded: if the tool died, nothing reads the FIFO)
timeout 10 sh -c 'cat "$1" >"$2"' _ "$sample" "$tmp/fifo"
wait "$pid"
[ $? -eq 0 ] && cmp -s "$tmp/ign.txt" "$tmp/a.txt" && ok || bad "a run started with SIGINT ignored did not finish"
rm -f "$tmp/fifo"

# overwriting keeps the target's mode; -o on a symbolic link replaces the
# file it names and keeps the link; a dangling link is an error
mkdir -p "$tmp/ow"
echo old >"$tmp/ow/real.txt"; chmod 600 "$tmp/ow/real.txt"; ln -s real.txt "$tmp/ow/link.txt"
"$txt" "$sample" -o "$tmp/ow/real.txt" && [ "$(stat -c %a "$tmp/ow/real.txt")" = 600 ] && ok ||
  bad "overwriting changed the mode to $(stat -c %a "$tmp/ow/real.txt")"
echo old >"$tmp/ow/real.txt"
"$txt" "$sample" -o "$tmp/ow/link.txt" && [ -L "$tmp/ow/link.txt" ] && cmp -s "$tmp/ow/real.txt" "$tmp/a.txt" &&
  [ "$(stat -c %a "$tmp/ow/real.txt")" = 600 ] && ok || bad "-o through a symbolic link"
ln -s nowhere.txt "$tmp/ow/dangling.txt"
expect 1 'dangling.txt: cannot write through the symbolic link' -- "$txt" "$sample" -o "$tmp/ow/dangling.txt"
# a temporary file that a killed run left (SIGKILL cannot be caught) is
# taken over by the next run for the same target
echo stale >"$tmp/ow/.x.txt.zhtidy-tmp"
"$txt" "$sample" -o "$tmp/ow/x.txt" && [ ! -e "$tmp/ow/.x.txt.zhtidy-tmp" ] && cmp -s "$tmp/ow/x.txt" "$tmp/a.txt" &&
  ok || bad "a stale temporary file was not taken over: $(ls -A "$tmp/ow")"
ls -A "$tmp/ow" | grep -q '^\.' && bad "temporary files left in ow: $(ls -A "$tmp/ow" | grep '^\.')" || ok

# metadata the user gives stands over what was found, in every format
front=$tools/zhtidy
meta=(--title 新的标题 --author 张三 --date 2024-05-01 -M keywords=甲,乙 -M description=说明 --lang zh-TW)
"$front" "${meta[@]}" "$sample" -o "$tmp/m.json" &&
  python3 - "$tmp/m.json" <<'PY' && ok || bad "metadata options not in the JSON tree"
import json, sys
m = json.load(open(sys.argv[1]))["meta"]
want = {"title": "新的标题", "author": "张三", "date": "2024-05-01", "keywords": "甲,乙",
        "description": "说明", "lang": "zh-TW"}
sys.exit(any(m.get(k) != v for k, v in want.items()))
PY
"$front" "${meta[@]}" "$sample" -o "$tmp/m.epub" && unzip -p "$tmp/m.epub" OEBPS/content.opf >"$tmp/opf" &&
  grep -q '<dc:creator>张三</dc:creator>' "$tmp/opf" && grep -q '<dc:date>2024-05-01</dc:date>' "$tmp/opf" &&
  grep -q '<dc:title>新的标题</dc:title>' "$tmp/opf" && grep -q '<dc:language>zh-TW</dc:language>' "$tmp/opf" &&
  unzip -p "$tmp/m.epub" OEBPS/nav.xhtml | grep -q '<h1>目錄</h1>' && ok || bad "metadata options not in the EPUB package"
"$front" --date 去年春天 "$sample" -o "$tmp/d.epub" && ! unzip -p "$tmp/d.epub" OEBPS/content.opf | grep -q dc:date &&
  ok || bad "a date not in W3CDTF form reached dc:date"
"$front" -M keywords= "$sample" -o "$tmp/k.json" && ! grep -q '"keywords"' "$tmp/k.json" && ok || bad "-M keywords= did not clear"
expect 2 "-M takes KEY=VALUE" -- "$front" -M colour=red "$sample" -o "$tmp/x.json"
expect 2 "-M takes KEY=VALUE" -- "$front" -M source=x "$sample" -o "$tmp/x.json"
expect 2 "not a language tag" -- "$front" --lang "zh TW" "$sample" -o "$tmp/x.json"
if command -v pandoc >/dev/null; then
  pandoc -f epub -t markdown -s "$tmp/m.epub" 2>/dev/null | sed -n '/^---$/,/^---$/p' >"$tmp/pm" &&
    grep -q '^author: 张三' "$tmp/pm" && grep -q '^date: 2024-05-01' "$tmp/pm" && grep -q '^title: 新的标题' "$tmp/pm" &&
    ok || bad "pandoc does not read the EPUB's metadata back: $(head -c 300 "$tmp/pm")"
else
  echo "SKIP: pandoc is not installed; the EPUB metadata is not read back"
fi

# a device or a named pipe is written in place, never replaced by a renamed file
rm -f "$tmp/fifo"; mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
"$txt" "$sample" -o "$tmp/fifo" && wait && [ -p "$tmp/fifo" ] && cmp -s "$tmp/fifo.out" "$tmp/a.txt" &&
  ok || bad "writing to a named pipe: $(ls -l "$tmp/fifo")"
"$txt" "$sample" -o /dev/null && [ -c /dev/null ] && ok || bad "-o /dev/null replaced /dev/null: $(ls -l /dev/null)"
rm -f "$tmp/fifo" "$tmp/fifo.out"

# a web page past the HTML limit (64 MiB) is refused, naming the limit
{ printf '<html><body><p>'; head -c $((64 * 1048576)) /dev/zero | tr '\0' 'x'; } >"$tmp/bigpage.html"
expect 1 'larger than 64 MiB' -- "$txt" "$tmp/bigpage.html" -o "$tmp/bigpage.txt"
[ ! -e "$tmp/bigpage.txt" ] && ok || bad "a refused page left an output"
rm -f "$tmp/bigpage.html" "$tmp/bigpage.txt"

# --reference-doc: a file that is not a DOCX is named with what is wrong,
# exit 1, and no output is written
docx=$tools/zhtidy-docx
printf 'plain text\n' >"$tmp/ref-text.docx"
python3 - "$tmp" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + "/ref-nostyles.docx", "w") as z:
    z.writestr("word/document.xml", "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'/>")
with zipfile.ZipFile(d + "/ref-broken.docx", "w") as z:
    z.writestr("word/styles.xml", "<w:styles xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:style>")
PY
for c in "text:not a zip archive" "nostyles:no word/styles.xml" "broken:word/styles.xml is not well-formed"; do
  rm -f "$tmp/ref-out.docx"
  expect 1 "ref-${c%%:*}.docx: ${c#*:}" -- "$docx" --reference-doc "$tmp/ref-${c%%:*}.docx" "$sample" -o "$tmp/ref-out.docx"
  [ ! -e "$tmp/ref-out.docx" ] && ok || bad "--reference-doc ref-${c%%:*}.docx wrote an output"
done
expect 1 'nowhere.docx' -- "$docx" --reference-doc "$tmp/nowhere.docx" "$sample" -o "$tmp/ref-out.docx"
expect 2 "option '--reference-doc' is not for this tool" -- "$txt" --reference-doc "$tmp/ref-text.docx" "$sample"
# a good one: zhtidy's own output, through both commands
"$docx" "$sample" -o "$tmp/ref-good.docx" 2>/dev/null
expect 0 '' -- "$docx" --reference-doc "$tmp/ref-good.docx" "$sample" -o "$tmp/ref-out.docx"
expect 0 '' -- "$tools/zhtidy" --reference-doc "$tmp/ref-good.docx" "$sample" -o "$tmp/ref-out2.docx"
cmp -s "$tmp/ref-out.docx" "$tmp/ref-out2.docx" && ok || bad "zhtidy and zhtidy-docx --reference-doc differ"

# none of the runs above left a temporary file behind (signals: tests/make.sh)
ls -A "$tmp" | grep -q '^\.' && bad "temporary files left: $(ls -A "$tmp" | grep '^\.')" || ok

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
