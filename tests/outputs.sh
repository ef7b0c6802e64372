#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Real programs judge the DOCX and EPUB files.
# usage: outputs.sh CHECK TOOLS_DIR SAMPLES_DIR SHARED_DIR
#   schema     xmllint validates every part of the DOCX against the ECMA-376 schemas;
#              tables and lists are laid out as Word needs them (docx_check.py)
#   soffice    LibreOffice converts every DOCX to PDF; pdftotext finds the headings,
#              and the list items, table cells and code of the block documents
#   readback   pandoc reads every DOCX and EPUB back to the text zhtidy-txt gives,
#              and the block documents to their lists, tables and code
#   epubcheck  epubcheck: 0 errors, 0 warnings, samples and edge documents
#   repro      byte-identical rebuilds, whatever the time zone
#   hostile    control characters and markup characters in the text
# Exit 77 (skipped) when a program or ../shared is missing, saying which.
set -u
check=$1 tools=$2 samples=$3 shared=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "SKIP: $1 is not installed (bash scripts/setup.sh --test installs it)"; exit 77
}
finish() {
  echo "$check: $pass passed, $fail failed"
  [ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
  exit
}

export SOURCE_DATE_EPOCH=1700000000

# Edge documents, written into $tmp/edge.
make_edges() {
  mkdir -p "$tmp/edge"
  printf '没有标题的一段正文，没有任何标题。\n第二段正文。\n' >"$tmp/edge/no-headings.txt"
  printf '文档标题\n一、唯一的标题\n正文内容。\n' >"$tmp/edge/one-heading.txt"
  { echo "二百个标题"; for i in $(seq 1 200); do echo "第${i}章 标题$i"; echo "第${i}章的正文内容。"; done; } >"$tmp/edge/200-headings.txt"
  : >"$tmp/edge/empty.txt"
  printf '只有标题\n' >"$tmp/edge/title-only.txt"
  # titleless, named in bytes that are not UTF-8 (a lone FF; overlong C0 AF and E0 80 A0)
  printf '没有标题的一段正文，写得很长很长很长很长很长很长很长很长。\n' >"$tmp/edge/"$'\xff'".txt"
  printf '没有标题的一段正文，写得很长很长很长很长很长很长很长很长。\n' >"$tmp/edge/a"$'\xc0\xaf\xe0\x80\xa0'"b.txt"
  # five numbering styles in a TOC: the fifth must not become a heading level
  printf '某某方案\n目录\n一、总体要求3\n（一）指导思想3\n1.基本原则4\n（1）坚持党的领导4\n①加强组织5\n一、总体要求\n（一）指导思想\n1.基本原则\n（1）坚持党的领导\n①加强组织\n正文内容。\n' >"$tmp/edge/five-levels.txt"
  printf '标题<&>"\x27]]>\n正文里有<p>标签</p>、&amp;、]]>、"引号"和\x0c换页\x08退格\x01控制符。\n一、<小节>&\n更多 a<b && c>d 文字。\n' >"$tmp/edge/hostile.txt"
  make_blocks
}

# Block documents: JSON trees with nested lists of both kinds, tables with
# a header row, spans and empty cells, and code with leading spaces and
# markup characters; then the awkward cases (a list that starts deep,
# kinds alternating, spans past the table's end or over covered columns,
# tables back to back and at the end, empty code).
make_blocks() {
  cat >"$tmp/edge/blocks.json" <<'EOF'
{"zhtidy": 1,
 "meta": {"title": "列表、表格与代码", "lang": "zh-CN"},
 "blocks": [
  {"type": "heading", "level": 1, "text": "一、列表"},
  {"type": "paragraph", "text": "下面是一个嵌套的列表。"},
  {"type": "list_item", "level": 1, "text": "苹果"},
  {"type": "list_item", "level": 1, "text": "香蕉"},
  {"type": "list_item", "level": 2, "ordered": true, "text": "第一步"},
  {"type": "list_item", "level": 2, "ordered": true, "text": "第二步"},
  {"type": "list_item", "level": 3, "text": "细节甲"},
  {"type": "list_item", "level": 2, "ordered": true, "text": "第三步"},
  {"type": "list_item", "level": 1, "text": "橙子"},
  {"type": "paragraph", "text": "再是一个有序列表。"},
  {"type": "list_item", "level": 1, "ordered": true, "text": "甲项"},
  {"type": "list_item", "level": 1, "ordered": true, "text": "乙项"},
  {"type": "list_item", "level": 2, "text": "乙项的要点"},
  {"type": "list_item", "level": 1, "ordered": true, "text": "丙项"},
  {"type": "heading", "level": 1, "text": "二、表格"},
  {"type": "table", "header_rows": 1, "rows": [
    ["地区", "人口", "面积"],
    [{"text": "华东", "rowspan": 2}, "一千万", "一百"],
    ["八百万", "九十"],
    [{"text": "合计", "colspan": 2}, "一百九十"]]},
  {"type": "paragraph", "text": "有空单元格的表格："},
  {"type": "table", "header_rows": 1, "rows": [
    ["名称", "说明"],
    ["甲", ""],
    ["", "第一行\n第二行"],
    ["x<y", "a&b"]]},
  {"type": "heading", "level": 1, "text": "三、代码"},
  {"type": "code", "text": "int main(void)\n{\n    if (a < b && c > d)\n        return 0;\n\n\treturn 1; /* 注释 */\n}\n"},
  {"type": "paragraph", "text": "结束。"}
 ]}
EOF
  cat >"$tmp/edge/blocks-awkward.json" <<'EOF'
{"zhtidy": 1,
 "meta": {"title": "边缘情形"},
 "blocks": [
  {"type": "list_item", "level": 3, "text": "从第三层开始"},
  {"type": "list_item", "level": 1, "ordered": true, "text": "有序"},
  {"type": "list_item", "level": 1, "text": "无序接在有序后"},
  {"type": "list_item", "level": 8, "ordered": true, "text": "跳到第八层"},
  {"type": "table", "header_rows": 2, "rows": [
    [{"text": "跨两行两列", "rowspan": 2, "colspan": 2}, "表头"],
    ["次表头"],
    [{"text": "越过表尾", "rowspan": 9}, "短行"],
    [{"text": "跨过被占的列", "colspan": 3}],
    [],
    ["a", "b", "c", "d"]]},
  {"type": "table", "header_rows": 0, "rows": []},
  {"type": "table", "header_rows": 0, "rows": [["紧接的表"]]},
  {"type": "code", "text": ""},
  {"type": "code", "text": "\n"},
  {"type": "code", "text": "  <tag attr=\"x\">&amp;</tag>  "},
  {"type": "table", "rows": [[{"text": "文末的表", "header": true}, "x"]]}
 ]}
EOF
}

# What pandoc should see of blocks.json in a DOCX or an EPUB, in
# pandoc_tree.py's form.
blocks_want() {
  cat <<'EOF'
h1 一、列表
p 下面是一个嵌套的列表。
ul
  li 苹果
  li 香蕉
    ol
      li 第一步
      li 第二步
        ul
          li 细节甲
      li 第三步
  li 橙子
p 再是一个有序列表。
ol
  li 甲项
  li 乙项
    ul
      li 乙项的要点
  li 丙项
h1 二、表格
table
  head [地区] [人口] [面积]
  row [华东 rowspan=2] [一千万] [一百]
  row [八百万] [九十]
  row [合计 colspan=2] [一百九十]
p 有空单元格的表格：
table
  head [名称] [说明]
  row [甲] []
  row [] [第一行/第二行]
  row [x<y] [a&b]
h1 三、代码
code "int main(void)\n{\n    if (a < b && c > d)\n        return 0;\n\n\treturn 1; /* 注释 */\n}"
p 结束。
EOF
}

# The tree zhtidy-txt gives: headings and paragraphs, one a line.
expected_blocks() { "$tools/zhtidy-txt" --format tree "$@" | grep -a -E '^(h[1-4]|p) '; }

# HTML from pandoc as the same lines: <hN>text</hN> and <p>text</p>.
html_blocks() {
  sed -n -E 's#^<(h[1-6])( [^>]*)?>(.*)</h[1-6]>$#\1 \3#p; s#^<p>(.*)</p>$#p \1#p' |
    sed -E 's/<[^>]*>//g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/\x27/g; s/&amp;/\&/g' |
    grep -a -v -E '^p ?$'
}

case "$check" in
schema)
  [ -d "$shared/ooxml-schemas" ] || { echo "SKIP: $shared/ooxml-schemas not found; the schema checks need ../shared"; exit 77; }
  need xmllint; need unzip
  wml="$shared/ooxml-schemas/OfficeOpenXML-XMLSchema-Transitional/wml-entry.xsd"
  opc="$shared/ooxml-schemas/OpenPackagingConventions-XMLSchema"
  extended="$shared/ooxml-schemas/OfficeOpenXML-XMLSchema-Transitional/shared-documentPropertiesExtended.xsd"
  # opc-coreProperties.xsd imports the Dublin Core schemas by URL: the
  # catalog serves them from tests/schemas/, as the checks run offline
  export XML_CATALOG_FILES="$here/schemas/catalog.xml"
  # valid PART SCHEMA: xmllint's verdict on one part of the package in $d
  valid() {
    if xmllint --noout --nonet --schema "$2" "$d/$1" 2>"$tmp/err"; then ok; else
      bad "$(basename "$d") $1: $(grep -v 'Skipping import' "$tmp/err" | head -c 400)"; fi
  }
  make_edges
  for f in "$samples"/*.txt "$tmp"/edge/*.txt "$tmp"/edge/*.json; do
    for style in plain gbt9704; do
      name=$(basename "$f"); d="$tmp/x/${name%.*}-$style"
      mkdir -p "$d"
      "$tools/zhtidy-docx" --style "$style" "$f" -o "$d.docx" 2>/dev/null || { bad "zhtidy-docx failed on $f"; continue; }
      (cd "$d" && unzip -q "$d.docx")
      for part in word/document.xml word/styles.xml word/settings.xml word/fontTable.xml \
                  word/footer1.xml word/numbering.xml; do
        [ -f "$d/$part" ] && valid "$part" "$wml"
      done
      valid "[Content_Types].xml" "$opc/opc-contentTypes.xsd"
      valid _rels/.rels "$opc/opc-relationships.xsd"
      valid word/_rels/document.xml.rels "$opc/opc-relationships.xsd"
      valid docProps/core.xml "$opc/opc-coreProperties.xsd"
      valid docProps/app.xml "$extended"
      case $f in *.json)
        if python3 "$here/docx_check.py" "$d" "$f" >"$tmp/err"; then ok; else
          bad "$(basename "$d"): tables or lists not as Word needs them:"; head -5 "$tmp/err"; fi ;;
      esac
    done
  done
  finish ;;

soffice)
  need soffice; need pdftotext
  for f in "$samples"/*.txt; do
    name=$(basename "$f" .txt)
    "$tools/zhtidy-docx" "$f" -o "$tmp/$name.docx" || { bad "zhtidy-docx $name"; continue; }
    HOME=$tmp timeout 180 soffice --headless -env:UserInstallation=file://$tmp/lo \
      --convert-to pdf --outdir "$tmp" "$tmp/$name.docx" >/dev/null 2>&1
    [ -s "$tmp/$name.pdf" ] || { bad "LibreOffice made no PDF of $name"; continue; }
    pdftotext "$tmp/$name.pdf" "$tmp/$name.pdf.txt"
    missing=0
    while IFS= read -r h; do
      grep -qF -- "$h" "$tmp/$name.pdf.txt" || { missing=$((missing + 1)); echo "  $name: heading not in PDF: $h"; }
    done < <("$tools/zhtidy-txt" --format tree "$f" | sed -n -E 's/^h[1-4] //p' | cut -c1-12)
    [ "$missing" -eq 0 ] && ok || bad "$name: $missing headings missing from the PDF"
  done
  make_edges
  for style in plain gbt9704; do
    name=blocks-$style
    "$tools/zhtidy-docx" --style "$style" "$tmp/edge/blocks.json" -o "$tmp/$name.docx" || { bad "zhtidy-docx $name"; continue; }
    HOME=$tmp timeout 180 soffice --headless -env:UserInstallation=file://$tmp/lo \
      --convert-to pdf --outdir "$tmp" "$tmp/$name.docx" >/dev/null 2>&1
    [ -s "$tmp/$name.pdf" ] || { bad "LibreOffice made no PDF of $name"; continue; }
    pdftotext "$tmp/$name.pdf" - | tr -d ' \f' >"$tmp/$name.pdf.txt"
    missing=0
    # every list item, table cell and code line (spaces aside) of blocks.json
    for t in 苹果 香蕉 第一步 第二步 细节甲 第三步 橙子 甲项 乙项 乙项的要点 丙项 \
             地区 人口 面积 华东 一千万 一百 八百万 九十 合计 一百九十 名称 说明 甲 第一行 第二行 \
             'x<y' 'a&b' 'intmain(void)' 'if(a<b&&c>d)' 'return0;' 'return1;/*注释*/'; do
      grep -qxF -- "$t" "$tmp/$name.pdf.txt" || { missing=$((missing + 1)); echo "  $name: not a line of the PDF: $t"; }
    done
    [ "$missing" -eq 0 ] && ok || bad "$name: $missing list items, cells or code lines missing from the PDF"
  done
  finish ;;

readback)
  need pandoc
  make_edges
  printf '$title$\n' >"$tmp/title.tpl"
  for f in "$samples"/*.txt "$tmp/edge/hostile.txt" "$tmp/edge/no-headings.txt"; do
    name=$(basename "$f" .txt)
    expected_blocks "$f" >"$tmp/want" 2>/dev/null
    title=$("$tools/zhtidy-txt" --format tree "$f" 2>/dev/null | sed -n 's/^@title //p')
    "$tools/zhtidy-docx" --no-toc "$f" -o "$tmp/$name.docx" 2>/dev/null
    pandoc -f docx -t html --wrap=none "$tmp/$name.docx" | html_blocks >"$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then ok; else bad "$name.docx reads back differently:"; diff "$tmp/want" "$tmp/got" | head -8; fi
    got_title=$(pandoc -f docx -s --template="$tmp/title.tpl" -t plain "$tmp/$name.docx")
    [ "$got_title" = "$title" ] && ok || bad "$name.docx title: want '$title', got '$got_title'"
    "$tools/zhtidy-epub" "$f" -o "$tmp/$name.epub" 2>/dev/null
    pandoc -f epub -t html --wrap=none "$tmp/$name.epub" |
      sed -n '/^<p><span id="chapter-001.xhtml"><\/span><\/p>$/,$p' | html_blocks >"$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then ok; else bad "$name.epub reads back differently:"; diff "$tmp/want" "$tmp/got" | head -8; fi
  done
  blocks_want >"$tmp/want"
  for style in plain gbt9704; do
    "$tools/zhtidy-docx" --style "$style" --no-toc "$tmp/edge/blocks.json" -o "$tmp/blocks.docx"
    pandoc -f docx -t json "$tmp/blocks.docx" | python3 "$here/pandoc_tree.py" >"$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then ok; else bad "blocks.docx ($style) reads back differently:"; diff "$tmp/want" "$tmp/got" | head -12; fi
  done
  for mode in "" --vertical; do
    "$tools/zhtidy-epub" $mode "$tmp/edge/blocks.json" -o "$tmp/blocks.epub"
    pandoc -f epub -t json "$tmp/blocks.epub" | python3 "$here/pandoc_tree.py" --after chapter-001.xhtml >"$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then ok; else bad "blocks.epub $mode reads back differently:"; diff "$tmp/want" "$tmp/got" | head -12; fi
  done
  finish ;;

epubcheck)
  need java
  jar=/usr/share/java/epubcheck.jar
  [ -f "$jar" ] || { echo "SKIP: $jar not found (Debian package epubcheck)"; exit 77; }
  make_edges
  for f in "$samples"/*.txt "$tmp"/edge/*.txt "$tmp"/edge/*.json; do
    for mode in "" --vertical; do
      name=$(basename "$f"); out="$tmp/${name%.*}${mode:+-vertical}.epub"
      "$tools/zhtidy-epub" $mode "$f" -o "$out" 2>/dev/null || { bad "zhtidy-epub $mode $f failed"; continue; }
      java -jar "$jar" "$out" >"$tmp/check" 2>&1
      if grep -q 'Messages: 0 fatals / 0 errors / 0 warnings' "$tmp/check"; then ok; else
        bad "epubcheck $(basename "$out"):"; grep -E '^(FATAL|ERROR|WARNING)' "$tmp/check" | head -5; fi
    done
  done
  # a cover, vertical writing with upright short digit runs, metadata
  python3 - "$tmp/cover.png" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
rows = b"".join(b"\0" + b"\xc0\x30\x30" * 60 for _ in range(80))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60, 80, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
  c=$tmp/cover.epub
  "$tools/zhtidy-epub" --vertical --cover "$tmp/cover.png" --author 张三 --date 2024-05-01 --lang zh-TW \
    "$samples/001_d1cd337ab5630d42.txt" -o "$c" || bad "zhtidy-epub --cover failed"
  java -jar "$jar" "$c" >"$tmp/check" 2>&1
  grep -q 'Messages: 0 fatals / 0 errors / 0 warnings' "$tmp/check" && ok ||
    { bad "epubcheck cover.epub:"; grep -E '^(FATAL|ERROR|WARNING)' "$tmp/check" | head -5; }
  unzip -p "$c" OEBPS/content.opf | grep -q '<item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image"/>' &&
    unzip -p "$c" OEBPS/cover.xhtml | grep -q '<img src="cover.png"' && ok || bad "the cover is not in the package"
  unzip -p "$c" OEBPS/content.opf | grep -q '<meta name="primary-writing-mode" content="vertical-rl"/>' && ok ||
    bad "no primary-writing-mode in a vertical book"
  unzip -p "$c" 'OEBPS/chapter-*.xhtml' | grep -q '<span class="tcy">1</span>' && ok || bad "no upright digits in a vertical book"
  # mimetype: the first entry, stored, no extra field
  first=$(unzip -Z1 "$out" | head -1)
  [ "$first" = mimetype ] && ok || bad "mimetype is not the first entry"
  unzip -Zv "$out" mimetype | grep -q 'compression method:.*none (stored)' && ok || bad "mimetype is compressed"
  unzip -Zv "$out" mimetype | grep -q 'length of extra field: *0 bytes' && ok || bad "mimetype has an extra field"
  finish ;;

repro)
  need cmp
  make_edges
  for f in "$samples"/*.txt "$tmp/edge/hostile.txt" "$tmp"/edge/*.json; do
    for tool in docx epub; do
      name=$(basename "$f"); name=${name%.*}
      TZ=UTC "$tools/zhtidy-$tool" "$f" -o "$tmp/a.$tool" 2>/dev/null
      sleep 1
      TZ=Asia/Shanghai "$tools/zhtidy-$tool" "$f" -o "$tmp/b.$tool" 2>/dev/null
      cmp -s "$tmp/a.$tool" "$tmp/b.$tool" && ok || bad "$name.$tool differs between two builds"
      SOURCE_DATE_EPOCH= "$tools/zhtidy-$tool" "$f" -o "$tmp/c.$tool" 2>/dev/null
      SOURCE_DATE_EPOCH= "$tools/zhtidy-$tool" "$f" -o "$tmp/d.$tool" 2>/dev/null
      cmp -s "$tmp/c.$tool" "$tmp/d.$tool" && ok || bad "$name.$tool differs without SOURCE_DATE_EPOCH"
    done
  done
  unzip -Z "$tmp/a.docx" | grep -q ' 23-Nov-14 22:13 ' && ok || bad "zip entry times do not follow SOURCE_DATE_EPOCH"
  # a date in Sao Paulo's daylight-saving gap (2018-11-04 00:00 local time
  # did not exist): the bytes are those of every other time zone
  f=$samples/002_039fb7077e656bd7.txt
  for tool in docx epub; do
    for tz in UTC America/Sao_Paulo Asia/Shanghai; do
      SOURCE_DATE_EPOCH=1541289600 TZ=$tz "$tools/zhtidy-$tool" "$f" -o "$tmp/tz-${tz//\//_}.$tool"
    done
    cmp -s "$tmp/tz-UTC.$tool" "$tmp/tz-America_Sao_Paulo.$tool" && cmp -s "$tmp/tz-UTC.$tool" "$tmp/tz-Asia_Shanghai.$tool" &&
      ok || bad "$tool bytes depend on the time zone at a daylight-saving gap"
  done
  unzip -Z "$tmp/tz-America_Sao_Paulo.docx" | grep -q ' 18-Nov-04 00:00 ' && ok || bad "the zip time in Sao Paulo is not the UTC one"
  finish ;;

hostile)
  need xmllint; need unzip
  make_edges
  f=$tmp/edge/hostile.txt
  for tool in docx epub; do
    "$tools/zhtidy-$tool" --keep unicode.control "$f" -o "$tmp/h.$tool" 2>"$tmp/err" || bad "zhtidy-$tool failed on hostile input"
    grep -q 'control characters that XML cannot hold left out' "$tmp/err" && ok || bad "$tool: no warning for dropped control characters"
    mkdir -p "$tmp/$tool" && (cd "$tmp/$tool" && unzip -q -o "$tmp/h.$tool")
    for part in $(cd "$tmp/$tool" && find . -name '*.xml' -o -name '*.xhtml' -o -name '*.opf' -o -name '*.ncx'); do
      xmllint --noout --nonet "$tmp/$tool/$part" 2>"$tmp/err" && ok || bad "$tool $part is not well-formed: $(head -c 300 "$tmp/err")"
      LC_ALL=C grep -qP '[\x00-\x08\x0B\x0C\x0E-\x1F]' "$tmp/$tool/$part" && bad "$tool $part holds a forbidden character" || ok
    done
  done
  grep -q '<w:t>&lt;p&gt;</w:t>' "$tmp/docx/word/document.xml" && grep -q '&amp;amp;' "$tmp/docx/word/document.xml" &&
    ok || bad "markup in the text is not escaped in document.xml"
  grep -q ']]&gt;' "$tmp/epub/OEBPS/chapter-001.xhtml" && ok || bad "]]> is not escaped in the XHTML"
  finish ;;
*)
  echo "outputs.sh: unknown check '$check'" >&2; exit 2 ;;
esac
