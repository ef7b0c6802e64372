#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Real programs judge the DOCX and EPUB files.
# usage: outputs.sh CHECK TOOLS_DIR SAMPLES_DIR SHARED_DIR
#   schema     xmllint validates every part of the DOCX against the ECMA-376 schemas;
#              tables and lists are laid out as Word needs them (docx_check.py); a
#              DOCX written with --reference-doc has the template's styles and page
#              (reference_check.py)
#   soffice    LibreOffice converts every DOCX to PDF; pdftotext finds the headings,
#              and the list items, table cells and code of the block documents and
#              of tests/blocks-page.html
#   readback   pandoc reads every DOCX and EPUB back to the text zhtidy-txt gives,
#              and the block documents and web pages to their lists, tables and code
#   text       zhtidy-txt writes a page's lists, tables and code as plain text
#   epubcheck  epubcheck: 0 errors, 0 warnings, samples, edge documents and pages
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

# Web pages with lists, tables and code, through the HTML reader: the test
# page and two pages of the corpus (a reference table; a program in <pre>).
pages=("$here/blocks-page.html" "$here"/corpus/html/023-*.html "$here"/corpus/html/026-*.html)

# What pandoc should see of tests/blocks-page.html in a DOCX or an EPUB, read
# off the page (its <h1> is the title, which is no block).
page_want() {
  cat <<'EOF'
p 为做好本年度安全生产检查工作，切实防范各类事故的发生，结合本单位实际，制定本方案。
h2 一、工作步骤
p 检查工作按以下步骤进行，各部门要按时完成每一步的任务。
ul
  li 动员部署阶段
  li 自查自改阶段
    ol
      li 各部门对照清单自查
      li 发现问题立即整改
        ul
          li 一般隐患当场整改
          li 重大隐患挂牌督办
      li 形成自查报告
  li 总结提高阶段
h2 二、检查安排
p 各部门的检查时间和人数安排见下表，如有变动另行通知。
table
  head [部门] [检查时间] [人数]
  row [生产部 rowspan=2] [三月上旬] [十二]
  row [三月下旬] [八]
  row [办公室] [四月上旬] [五]
  row [合计 colspan=2] [二十五]
h2 三、数据报送
p 检查数据统一用下面的程序汇总，请勿改动其中的空格和缩进。
code "def total(rows):\n    s = 0\n    for r in rows:\n        if r < 0 and s > 0:\n            continue\n        s += r  # 累计人数\n    return s"
p 本方案自印发之日起施行，由办公室负责解释。
EOF
}

# The plain text zhtidy-txt should give of tests/blocks-page.html: list items
# with their markers, indented by depth; table rows tab-separated; code as
# it is.
page_text() {
  printf '%s\n' 安全生产检查工作方案 '' \
    为做好本年度安全生产检查工作，切实防范各类事故的发生，结合本单位实际，制定本方案。 '' \
    一、工作步骤 '' 检查工作按以下步骤进行，各部门要按时完成每一步的任务。 '' \
    '- 动员部署阶段' '- 自查自改阶段' '  1. 各部门对照清单自查' '  2. 发现问题立即整改' \
    '    - 一般隐患当场整改' '    - 重大隐患挂牌督办' '  3. 形成自查报告' '- 总结提高阶段' '' \
    二、检查安排 '' 各部门的检查时间和人数安排见下表，如有变动另行通知。 ''
  printf '部门\t检查时间\t人数\n生产部\t三月上旬\t十二\n三月下旬\t八\n办公室\t四月上旬\t五\n合计\t二十五\n'
  printf '%s\n' '' 三、数据报送 '' 检查数据统一用下面的程序汇总，请勿改动其中的空格和缩进。 '' \
    'def total(rows):' '    s = 0' '    for r in rows:' '        if r < 0 and s > 0:' \
    '            continue' '        s += r  # 累计人数' '    return s' '' \
    本方案自印发之日起施行，由办公室负责解释。
}

# page_code PAGE ENC: the text of PAGE's first <pre>, as pandoc_tree.py
# prints a code block, read from the page itself (in its own encoding ENC),
# less one line break at its start and one at its end, as HTML and the
# reader drop them.
page_code() {
  python3 - "$1" "$2" <<'EOF'
import html.parser, json, sys
class Pre(html.parser.HTMLParser):
    depth, text, done = 0, "", False
    def handle_starttag(self, tag, attrs):
        self.depth += tag == "pre" and not self.done
    def handle_endtag(self, tag):
        if tag == "pre" and self.depth:
            self.depth, self.done = 0, True
    def handle_data(self, data):
        if self.depth:
            self.text += data
p = Pre(convert_charrefs=True)
p.feed(open(sys.argv[1], encoding=sys.argv[2]).read())
t = p.text[1:] if p.text.startswith("\n") else p.text
print("code " + json.dumps(t[:-1] if t.endswith("\n") else t, ensure_ascii=False))
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

# A Word template made of zhtidy's own output by tests/make_reference.py,
# in $tmp/ref.docx; the values it set, KEY=VALUE, in $tmp/ref.env and as
# REF_KEY variables.  Needs make_edges first.
make_reference() {
  "$tools/zhtidy-docx" --toc "$tmp/edge/blocks.json" -o "$tmp/ref-base.docx" &&
    python3 "$here/make_reference.py" "$tmp/ref-base.docx" "$tmp/ref.docx" >"$tmp/ref.env" ||
    { bad "no reference document could be made"; return 1; }
  local k v
  while IFS='=' read -r k v; do printf -v "REF_$k" '%s' "$v"; done <"$tmp/ref.env"
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
  for f in "$samples"/*.txt "$tmp"/edge/*.txt "$tmp"/edge/*.json "${pages[@]}"; do
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
      # the tree the document was written from: a page's as zhtidy reads it
      case $f in *.json) tree=$f ;; *.html) tree=$d.json; "$tools/zhtidy" -t json "$f" -o "$tree" ;; *) tree= ;; esac
      if [ -n "$tree" ]; then
        if python3 "$here/docx_check.py" "$d" "$tree" >"$tmp/err"; then ok; else
          bad "$(basename "$d"): tables or lists not as Word needs them:"; head -5 "$tmp/err"; fi
      fi
    done
  done
  # metadata the user gave, in valid core properties
  d=$tmp/x/meta; mkdir -p "$d"
  "$tools/zhtidy-docx" --author 张三 --date 2024-05-01 -M description=说明 \
    "$samples/002_039fb7077e656bd7.txt" -o "$d.docx" && (cd "$d" && unzip -q "$d.docx")
  valid docProps/core.xml "$opc/opc-coreProperties.xsd"
  grep -q '<dc:creator>张三</dc:creator>' "$d/docProps/core.xml" &&
    grep -q '<dc:description>说明</dc:description>' "$d/docProps/core.xml" &&
    grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01</dcterms:created>' "$d/docProps/core.xml" &&
    ok || bad "core.xml lacks the author, description or date given"
  # a Traditional document: Taiwan's fonts and 目錄; the official style has no TOC unless asked
  t=$samples/001_d1cd337ab5630d42.txt
  "$tools/zhtidy-docx" "$t" -o "$tmp/hant.docx" &&
    unzip -p "$tmp/hant.docx" word/fontTable.xml | grep -q 'w:name="新細明體"' &&
    unzip -p "$tmp/hant.docx" word/styles.xml | grep -q 'w:eastAsia="微軟正黑體"' &&
    unzip -p "$tmp/hant.docx" word/document.xml | grep -q '>目錄<' && ok ||
    bad "a Traditional document lacks Taiwan's fonts or 目錄"
  "$tools/zhtidy-docx" --style gbt9704 "$t" -o "$tmp/gbt.docx" &&
    ! unzip -p "$tmp/gbt.docx" word/document.xml | grep -q TOCHeading && ok || bad "gbt9704 has a TOC by default"
  "$tools/zhtidy-docx" --style gbt9704 --toc "$t" -o "$tmp/gbt.docx" &&
    unzip -p "$tmp/gbt.docx" word/document.xml | grep -q TOCHeading && ok || bad "gbt9704 --toc has no TOC"
  # a reference document: every part valid, the template's styles and page
  # taken, the styles it lacks added (both styles: --reference-doc is over --style)
  make_reference
  for f in "$tmp/edge/blocks.json" "$samples/002_039fb7077e656bd7.txt"; do
    for style in plain gbt9704; do
      name=$(basename "$f"); d="$tmp/x/ref-${name%.*}-$style"
      mkdir -p "$d"
      "$tools/zhtidy-docx" --style "$style" --toc --reference-doc "$tmp/ref.docx" "$f" -o "$d.docx" ||
        { bad "zhtidy-docx --reference-doc failed on $f"; continue; }
      (cd "$d" && unzip -q "$d.docx")
      for part in word/document.xml word/styles.xml word/settings.xml word/fontTable.xml \
                  word/footer1.xml word/footer2.xml word/numbering.xml; do
        [ -f "$d/$part" ] && valid "$part" "$wml"
      done
      valid "[Content_Types].xml" "$opc/opc-contentTypes.xsd"
      valid word/_rels/document.xml.rels "$opc/opc-relationships.xsd"
      if python3 "$here/reference_check.py" "$d" "$tmp/ref.env" >"$tmp/err"; then ok; else
        bad "$(basename "$d"): not as the reference document says:"; head -5 "$tmp/err"; fi
      case $f in *.json)
        if python3 "$here/docx_check.py" "$d" "$f" >"$tmp/err"; then ok; else
          bad "$(basename "$d"): lists beside the template's numbering not as Word needs them:"; head -5 "$tmp/err"; fi ;;
      esac
    done
  done
  finish ;;

soffice)
  need soffice; need pdftotext; need pdfinfo
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
  # pdf_lines NAME INPUT STYLE TEXT...: each TEXT (spaces aside) is a line of
  # the PDF LibreOffice makes of INPUT's DOCX
  pdf_lines() {
    local name=$1 f=$2 style=$3 missing=0; shift 3
    "$tools/zhtidy-docx" --style "$style" "$f" -o "$tmp/$name.docx" || { bad "zhtidy-docx $name"; return; }
    HOME=$tmp timeout 180 soffice --headless -env:UserInstallation=file://$tmp/lo \
      --convert-to pdf --outdir "$tmp" "$tmp/$name.docx" >/dev/null 2>&1
    [ -s "$tmp/$name.pdf" ] || { bad "LibreOffice made no PDF of $name"; return; }
    pdftotext "$tmp/$name.pdf" - | tr -d ' \f' >"$tmp/$name.pdf.txt"
    for t in "$@"; do
      grep -qxF -- "$t" "$tmp/$name.pdf.txt" || { missing=$((missing + 1)); echo "  $name: not a line of the PDF: $t"; }
    done
    [ "$missing" -eq 0 ] && ok || bad "$name: $missing list items, cells or code lines missing from the PDF"
  }
  # GB/T 9704: 28 characters a line, 22 lines a page (and the page number)
  "$tools/zhtidy-docx" --style gbt9704 "$samples/000_5101e33908fe9746.txt" -o "$tmp/gbt.docx" &&
    HOME=$tmp timeout 180 soffice --headless -env:UserInstallation=file://$tmp/lo \
      --convert-to pdf --outdir "$tmp" "$tmp/gbt.docx" >/dev/null 2>&1
  pdftotext -bbox "$tmp/gbt.pdf" "$tmp/gbt.html" 2>/dev/null
  python3 - "$tmp/gbt.html" <<'PY' && ok || bad "gbt9704 is not 28 characters a line and 22 lines a page"
import collections, re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("<page ")[1:]
per_line, per_page = collections.Counter(), []
for p in pages:
    lines = collections.Counter()
    for y, w in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', p):
        lines[round(float(y))] += len(w)
    per_line.update(lines.values())
    per_page.append(len(lines))
full = per_line.most_common(1)[0][0]
body = collections.Counter(per_page[1:-1]).most_common(1)[0][0]
print("gbt9704: most lines hold %d characters; most pages %d lines with the page number" % (full, body))
sys.exit(not (full == 28 and body == 23))
PY
  make_edges
  # the reference document's Letter page, and the text on it
  make_reference &&
    "$tools/zhtidy-docx" --reference-doc "$tmp/ref.docx" "$tmp/edge/blocks.json" -o "$tmp/ref-blocks.docx" &&
    HOME=$tmp timeout 180 soffice --headless -env:UserInstallation=file://$tmp/lo \
      --convert-to pdf --outdir "$tmp" "$tmp/ref-blocks.docx" >/dev/null 2>&1
  if [ -s "$tmp/ref-blocks.pdf" ]; then
    # twips to points: 20 a point
    size=$(pdfinfo "$tmp/ref-blocks.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
    [ "$size" = "$((REF_PAGE_W / 20)) $((REF_PAGE_H / 20))" ] && ok ||
      bad "the reference document's page is ${REF_PAGE_W}x$REF_PAGE_H twips, the PDF's $size pt"
    pdftotext "$tmp/ref-blocks.pdf" - | tr -d ' \f' | grep -qx '一、列表' && ok ||
      bad "the DOCX written with a reference document lost its heading in the PDF"
  else
    bad "LibreOffice made no PDF of the DOCX written with a reference document"
  fi
  # every list item, table cell and code line of blocks.json, and of the page
  for style in plain gbt9704; do
    pdf_lines "blocks-$style" "$tmp/edge/blocks.json" "$style" \
      苹果 香蕉 第一步 第二步 细节甲 第三步 橙子 甲项 乙项 乙项的要点 丙项 \
      地区 人口 面积 华东 一千万 一百 八百万 九十 合计 一百九十 名称 说明 甲 第一行 第二行 \
      'x<y' 'a&b' 'intmain(void)' 'if(a<b&&c>d)' 'return0;' 'return1;/*注释*/'
  done
  pdf_lines page "$here/blocks-page.html" plain \
    动员部署阶段 自查自改阶段 各部门对照清单自查 发现问题立即整改 一般隐患当场整改 重大隐患挂牌督办 \
    形成自查报告 总结提高阶段 部门 检查时间 人数 生产部 三月上旬 十二 三月下旬 八 办公室 四月上旬 五 \
    合计 二十五 'deftotal(rows):' 's=0' 'forrinrows:' 'ifr<0ands>0:' 'continue' 's+=r#累计人数' 'returns'
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
  # tree_back NAME INPUT WANT [FILTER]: pandoc reads INPUT's DOCX (both
  # styles) and EPUB (both directions) back to the blocks in WANT (only
  # those whose line matches the ERE FILTER, with the lines under them)
  tree_back() {
    local name=$1 f=$2 want=$3 filter=${4:-} style mode
    for style in plain gbt9704; do
      "$tools/zhtidy-docx" --style "$style" --no-toc "$f" -o "$tmp/$name.docx"
      pandoc -f docx -t json "$tmp/$name.docx" | python3 "$here/pandoc_tree.py" | keep "$filter" >"$tmp/got"
      if cmp -s "$want" "$tmp/got"; then ok; else bad "$name.docx ($style) reads back differently:"; diff "$want" "$tmp/got" | head -12; fi
    done
    for mode in "" --vertical; do
      "$tools/zhtidy-epub" $mode "$f" -o "$tmp/$name.epub"
      pandoc -f epub -t json "$tmp/$name.epub" | python3 "$here/pandoc_tree.py" --after chapter-001.xhtml |
        keep "$filter" >"$tmp/got"
      if cmp -s "$want" "$tmp/got"; then ok; else bad "$name.epub $mode reads back differently:"; diff "$want" "$tmp/got" | head -12; fi
    done
  }
  keep() { if [ -z "$1" ]; then cat; else awk -v re="$1" '/^[^ ]/ { on = $0 ~ re } on'; fi; }
  blocks_want >"$tmp/blocks.want"
  tree_back blocks "$tmp/edge/blocks.json" "$tmp/blocks.want"
  # the same blocks through a reference document's styles (Chinese Word's ids)
  make_reference &&
    "$tools/zhtidy-docx" --no-toc --reference-doc "$tmp/ref.docx" "$tmp/edge/blocks.json" -o "$tmp/ref.out.docx" &&
    pandoc -f docx -t json "$tmp/ref.out.docx" | python3 "$here/pandoc_tree.py" >"$tmp/got"
  if cmp -s "$tmp/blocks.want" "$tmp/got"; then ok; else
    bad "blocks.docx with --reference-doc reads back differently:"; diff "$tmp/blocks.want" "$tmp/got" | head -12; fi
  page_want >"$tmp/page.want"
  tree_back page "$here/blocks-page.html" "$tmp/page.want"
  # the corpus pages: 023's reference table, a list in one of its cells
  # (each item a line of the cell) and a line break in another; 026's
  # program, byte for byte as the page holds it
  cat >"$tmp/023.want" <<'EOF'
table
  head [属性] [描述]
  row [onreadystatechange] [存储函数（或函数名），每当 readyState 属性改变时，就会调用该函数。]
  row [readyState] [存有 XMLHttpRequest 的状态。从 0 到 4 发生变化。/0: 请求未初始化/1: 服务器连接已建立/2: 请求已接收/3: 请求处理中/4: 请求已完成，且响应已就绪]
  row [status] [200: "OK"/404: 未找到页面]
EOF
  tree_back 023 "${pages[1]}" "$tmp/023.want" '^table'
  page_code "${pages[2]}" big5 >"$tmp/026.want"
  [ "$(wc -l <"$tmp/026.want")" -eq 1 ] && grep -qF 'int  examine( void )\n{\n\tint count=0' "$tmp/026.want" &&
    ok || bad "the program of ${pages[2]} was not read from the page"
  tree_back 026 "${pages[2]}" "$tmp/026.want" '^code'
  finish ;;

text)
  # list items with their markers, tables as tab-separated rows, code as it
  # is: the page in full; a row of 023's table, whose cell holds a list
  page_text >"$tmp/want"
  if "$tools/zhtidy-txt" "$here/blocks-page.html" >"$tmp/got" && cmp -s "$tmp/want" "$tmp/got"; then ok; else
    bad "blocks-page.html as text:"; diff "$tmp/want" "$tmp/got" | head -12; fi
  "$tools/zhtidy-txt" "${pages[1]}" >"$tmp/got"
  for row in '属性\t描述' 'onreadystatechange\t存储函数（或函数名），每当 readyState 属性改变时，就会调用该函数。' \
             'readyState\t存有 XMLHttpRequest 的状态。从 0 到 4 发生变化。 0: 请求未初始化 1: 服务器连接已建立 2: 请求已接收 3: 请求处理中 4: 请求已完成，且响应已就绪' \
             'status\t200: "OK" 404: 未找到页面'; do
    grep -qxF -- "$(printf "$row")" "$tmp/got" && ok || bad "023 as text: no row '$row'"
  done
  "$tools/zhtidy-txt" "${pages[2]}" | grep -qxF -- '	int count=0 , last , i ;' && ok || bad "026 as text: a code line lost its tab"
  finish ;;

epubcheck)
  need java
  jar=/usr/share/java/epubcheck.jar
  [ -f "$jar" ] || { echo "SKIP: $jar not found (Debian package epubcheck)"; exit 77; }
  make_edges
  for f in "$samples"/*.txt "$tmp"/edge/*.txt "$tmp"/edge/*.json "${pages[@]}"; do
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
  for f in "$samples"/*.txt "$tmp/edge/hostile.txt" "$tmp"/edge/*.json "${pages[@]}"; do
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
