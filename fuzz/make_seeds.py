#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make_seeds.py - write the fuzzers' seed corpus and dictionary.

usage: python3 fuzz/make_seeds.py   (from anywhere; rewrites fuzz/seeds/ and
                                     fuzz/zhtidy.dict in the source tree)

seeds/inputs/   what fuzz_read, fuzz_options and fuzz_write start from: the
                samples, the input of every case in tests/spec/*.spec, small
                GB18030, Big5 and UTF-16 inputs, JSON trees, HTML pages
seeds/sources/  what fuzz_source starts from: a flag byte, then a file name
seeds/html/     what fuzz_html starts from: the input of every case in
                tests/spec/html.spec and hostile shapes: deep nesting, tags left open,
                entities, declared and undeclared GB18030, Big5 and UTF-16

Run it again when the samples or the spec cases change; the files it
writes are committed, so that fuzzing needs nothing but the repository.
"""
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# A short text in each script, for the encoded seeds.
HANS = ("关于加强学校管理的实施方案\n一、总体要求\n为深入贯彻落实有关部署，"
        "结合实际，制定本方案。\n（一）加强组织领导。\n1. 明确责任分工；\n"
        "① 建立工作台账。\n第1页/共3页\n")
HANT = ("關於加強學校管理的實施方案\n壹、總體要求\n為深入貫徹落實有關部署，"
        "結合實際，制定本方案。\n已閱讀5頁,還剩17頁未讀 繼續免費閱讀\n")

JSON_TREE = """{"zhtidy": 1,
 "meta": {"title": "某某实施方案", "lang": "zh-CN", "source": "x.txt", "keywords": "教育,管理"},
 "script": {"hans": 41, "hant": 0},
 "blocks": [
  {"type": "heading", "level": 1, "line": 5, "text": "一、总体要求"},
  {"type": "paragraph", "line": 6, "text": "为深入贯彻落实,制定本方案..."},
  {"type": "heading", "level": 2, "text": "（一）加强领导"},
  {"type": "list_item", "level": 1, "ordered": true, "text": "第一项"},
  {"type": "list_item", "level": 2, "ordered": false, "text": "子项 \\"引号\\""},
  {"type": "table", "header_rows": 1, "rows": [[{"text": "年份", "colspan": 2, "header": true}],
    ["2024", ""], [{"text": "合计", "rowspan": 2}, "42。"]]},
  {"type": "code", "text": "f(a, b);\\n\\treturn 0;"},
  {"type": "paragraph", "line": 0, "text": "已阅读5页,还剩17页未读"}
 ],
 "report": [
  {"rule": "typography.punct", "line": 6, "kind": "replace", "text": ",", "new_text": "，"},
  {"rule": "furniture.read-more", "line": 2, "kind": "remove", "text": "继续免费阅读", "why": "prompt"},
  {"rule": "fragments.truncated", "line": 9, "kind": "flag", "text": "未完"}
 ]}
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某某实施方案_第1页</title></head>
<body><div class="nav">首页 &gt; 文档</div>
<div id="content"><h1>某某实施方案</h1>
<p>已阅读5页,还剩17页未读 <a href="#">继续免费阅读</a></p>
<h2>一、总体要求</h2><p>为深入贯彻落实有关部署，结合实际，制定本方案。</p>
<ul><li>第一项</li><li>第二项<ol><li>子项</li></ol></li></ul>
<table><tr><th colspan="2">年份</th></tr><tr><td>2024</td><td>42.8万</td></tr></table>
<pre>f(a, b);
  return 0;</pre>
<p>版权说明:本文档由用户提供并上传</p></div>
<script>var x = "<p>不是正文</p>";</script></body></html>
"""

# Pages the reader must survive, kept small (the run's -max_len is 8192).
HTML_SHAPES = {
    "deep.html": "<!DOCTYPE html><html><body>" + "<div><span>层</span>" * 300 + "正文。",
    "unclosed.html": "<html><body>" + "<p><b><i><a href=\"/x\">链接</a>说明，" * 60,
    "entities.html": "<html><body><p>" + "&amp;&#x4E00;&#19968;&nbsp;&lt;&unknown;&#0;&#x110000;"
                     "&#xD800;&#128;&#9;&#13;&#x1F600;" * 10 + "</p></body></html>",
    "tables.html": "<html><body><table><tr><td>" * 20 + "<table><tr><th colspan=\"0\" "
                   "rowspan=\"99999\">年份</th><td rowspan=\"-1\">甲</td></tr></table>"
                   + "</td></tr></table>" * 20,
    "lists.html": "<html><body>" + "<ul><li>第一项<ol><li>子项" * 12 + "</body></html>",
    "layout.html": "<html><head><title>标题 - 站点名</title></head><body><table><tr><td>"
                   "<div class=\"nav\">首页 | 登录</div></td></tr><tr><td><div id=\"content\">"
                   "<h3>第一章</h3><p>正文第一段，说明情况。</p><h5>小节</h5><p>正文第二段！"
                   "</p><pre>\n  code();\n</pre></div></td></tr></table>"
                   "<div class=\"footer\">版权所有 备案号：京ICP备1号</div></body></html>",
    "hidden.html": "<html><body><div style=\"DISPLAY : None\">隐藏</div><div role=\"Navigation\">"
                   "导航</div><button><p>" + "按钮里的正文，很长。" * 60 + "</p></button>"
                   "<select><option>选</option></select><template><p>模板</p></template>"
                   "<p hidden aria-hidden=\"true\">不见</p><p>正文。</p></body></html>",
    "two-html.html": "<html><body><p>页头。</p></body></html><html><body><p>正文，第二个页面。"
                     "</p><br><br/>一行<br>二行</body></html>",
    "frameset.html": "<html><frameset><frame src=\"a\"></frameset><noframes><p>无框架。</p>"
                     "</noframes><![CDATA[x]]><?pi x?><!-- c --></html>",
    "empty.html": "<html>",
}
HTML_ZH = ("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
           "charset=%s\"><title>關於加強學校管理的實施方案</title></head><body><div class=\"article\">"
           "<h1>總體要求</h1><p>為深入貫徹落實有關部署，結合實際，制定本方案。</p></div></body></html>\n")

SOURCES = ["某某实施方案.txt", "dir/sub/report-2024_v2.txt", "a&b<c>\"d'.txt", "stdin",
           ".hidden", "name.with.dots.html", "x.json", "教案.HTM", "  .txt", "\ufffd.txt",
           "\t\x01\x0b\x1f控制.txt", "]]>--&amp;.txt", "/", "a/"]

# The boilerplate the passes look for, and the syntax of the inputs.
DICT = ["已阅读", "还剩", "页未读", "继续免费阅读", "继续阅读", "下载", "上传人", "文档编号",
        "文档简介", "目录", "第", "页", "共", "第1页/共44页", "_第2页", "、", "（一）", "一、",
        "第一章", "第一节", "1.", "1.1", "①", "⑴", "TOC \\o \"1-3\"", "_Toc", "PAGEREF",
        "〔", "〕", "，", "。", "！", "？", "：", "；", "《", "》", "“", "”", "……", "——",
        "...", "锟斤拷", "VIP免费下载", "版权说明:本文档由用户提供并上传", "温馨提示",
        "预览结束", "本文仅供参考", "泓域文案", "止匕", "網(wǎng)", "\u3000\u3000",
        "\u200b", "\ufeff", "\ufffd", "\r\n", "<html>", "<p>", "</p>", "<br>", "<table>",
        "<tr>", "<td>", "<th colspan=\"2\">", "<h1>", "<li>", "<pre>", "<script>",
        "&nbsp;", "&#12290;", "{\"zhtidy\": 1", "\"blocks\"", "\"type\"", "\"heading\"",
        "\"paragraph\"", "\"list_item\"", "\"table\"", "\"code\"", "\"text\"", "\"level\"",
        "\"rows\"", "\"header_rows\"", "\"colspan\"", "\"rowspan\"", "\"header\"",
        "\"ordered\"", "\"line\"", "\"meta\"", "\"title\"", "\"lang\"", "\"source\"",
        "\"report\"", "\"rule\"", "\"kind\"", "\"new_text\"", "\"why\"", "\"remove\"",
        "\"replace\"", "\"insert\"", "\"flag\"", "\"script\"", "\"hans\"", "\"hant\"",
        "\\u0000", "\\ud800", ".txt", ".json", ".html", ".htm",
        # the HTML reader: what it drops, what it maps, the names it weighs
        "<!DOCTYPE html>", "<html lang=\"zh-CN\">", "</html>", "<head>", "<body>", "<title>",
        "</title>", "<meta charset=\"gb2312\">", "<meta charset=\"big5\">", "charset=utf-8",
        "<div>", "</div>", "<div class=\"content\">", "<div id=\"article\">",
        "<div class=\"footer\">", "<div class=\"nav\">", "<span>", "<a href=\"/\">", "</a>",
        "<a href=\"#x\">", "<br/>", "<h2>", "<h3>", "<h5>", "<h6>", "</h1>", "<ul>", "<ol>",
        "</li>", "</ul>", "<dl>", "<dt>", "<dd>", "</table>", "</tr>", "</td>", "<thead>",
        "<tbody>", "<caption>", "<td rowspan=\"2\">", "</pre>", "<code>", "<blockquote>",
        "<article>", "<section>", "<main>", "<header>", "<footer>", "<nav>", "<aside>",
        "<form>", "<button>", "<select>", "<option>", "<textarea>", "<input>", "<iframe>",
        "<noscript>", "<style>", "</script>", "<template>", "<svg>", "<img alt=\"\">", "<hr>",
        "<center>", "<font>", "<!--", "-->", "<![CDATA[", "<?xml", " hidden", " style=\"display:none\"",
        " aria-hidden=\"true\"", " role=\"navigation\"", " class=\"", " id=\"", "zhengwen",
        "neirong", "sidebar", "copyright", "pagination", "breadcrumb", "&amp;", "&lt;", "&gt;",
        "&quot;", "&#x", "&#0;", "&ensp;", "&emsp;", "&middot;", "&copy;", "备案号", "版权所有",
        "上一篇", "下一篇", "首页", "登录", "分享到", "相关阅读", "责任编辑"]


def spec_inputs(path):
    """The input section of each case, with the runner's escapes decoded."""
    cases, cur, section = [], None, None
    for line in open(path, encoding="utf-8").read().splitlines(keepends=True):
        if line.startswith("=== "):
            cur, section = [], "input"
            cases.append(cur)
        elif line.startswith("--- expect"):
            section = "expect"
        elif line.startswith("--- args:") or line.startswith("%%"):
            continue
        elif cur is not None and section == "input":
            cur.append(line)
    for lines in cases:
        text = "".join(lines).rstrip("\n") + "\n"
        yield unescape(text)


def unescape(text):
    out, i = bytearray(), 0
    raw = text.encode("utf-8")
    while i < len(raw):
        c = raw[i:i + 1]
        if c == b"\\" and i + 1 < len(raw):
            e = raw[i + 1:i + 2]
            if e == b"0" and i + 3 < len(raw):
                out += bytes([int(raw[i + 2:i + 4], 16)])
                i += 4
                continue
            out += {b"t": b"\t", b"r": b"\r"}.get(e, e)
            i += 2
            continue
        out += c
        i += 1
    return bytes(out)


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def dict_entry(token):
    body = "".join(chr(b) if 0x20 <= b < 0x7F and chr(b) not in '"\\' else "\\x%02x" % b
                   for b in token.encode("utf-8"))
    return "# %s\n\"%s\"\n" % (token.encode("unicode_escape").decode() if not token.isprintable()
                                else token, body)


def main():
    inputs = os.path.join(HERE, "seeds", "inputs")
    sources = os.path.join(HERE, "seeds", "sources")
    for d in (inputs, sources):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    samples = os.path.join(ROOT, "samples")
    for name in sorted(os.listdir(samples)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(samples, name), os.path.join(inputs, "sample-" + name))
    spec_dir = os.path.join(ROOT, "tests", "spec")
    for spec in sorted(os.listdir(spec_dir)):
        if spec.endswith(".spec"):
            for n, data in enumerate(spec_inputs(os.path.join(spec_dir, spec))):
                write(inputs, "spec-%s-%02d.txt" % (spec[:-5], n + 1), data)
    write(inputs, "enc-gb18030.txt", HANS.encode("gb18030"))
    write(inputs, "enc-big5.txt", HANT.encode("big5hkscs", errors="ignore"))
    write(inputs, "enc-utf16le-bom.txt", b"\xff\xfe" + HANS.encode("utf-16-le"))
    write(inputs, "enc-utf16be.txt", HANT.encode("utf-16-be"))
    write(inputs, "enc-utf16le.txt", HANT.encode("utf-16-le"))
    write(inputs, "tree.json", JSON_TREE.encode("utf-8"))
    write(inputs, "tree-min.json", b'{"zhtidy": 1, "blocks": []}')
    write(inputs, "page.html", HTML_PAGE.encode("utf-8"))
    html = os.path.join(HERE, "seeds", "html")
    shutil.rmtree(html, ignore_errors=True)
    os.makedirs(html)
    write(html, "page.html", HTML_PAGE.encode("utf-8"))
    for n, data in enumerate(spec_inputs(os.path.join(spec_dir, "html.spec"))):
        write(html, "spec-html-%02d.html" % (n + 1), data)
    for name, page in sorted(HTML_SHAPES.items()):
        write(html, "shape-" + name, page.encode("utf-8"))
    write(html, "enc-gb2312-declared.html", (HTML_ZH % "gb2312").encode("gb18030"))
    write(html, "enc-big5-declared.html", (HTML_ZH % "big5").encode("big5hkscs"))
    write(html, "enc-gbk-undeclared.html", (HTML_ZH % "x").encode("gb18030"))
    write(html, "enc-utf8-declared-gbk.html", (HTML_ZH % "gbk").encode("utf-8"))
    write(html, "enc-utf16le-bom.html", b"\xff\xfe" + (HTML_ZH % "utf-16").encode("utf-16-le"))
    for n, name in enumerate(SOURCES):
        write(sources, "source-%02d" % n, bytes([n % 4]) + name.encode("utf-8"))
    with open(os.path.join(HERE, "zhtidy.dict"), "w", encoding="utf-8") as f:
        f.write("# SPDX-License-Identifier: MIT\n"
                "# libFuzzer dictionary: site boilerplate, numbering, punctuation, and the\n"
                "# syntax of HTML pages and JSON trees.  Written by make_seeds.py.\n")
        for token in DICT:
            f.write(dict_entry(token))


if __name__ == "__main__":
    main()
