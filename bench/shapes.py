#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""shapes.py SHAPE BYTES SAMPLES_DIR: write a pathological input of about BYTES bytes to stdout.

Each shape stresses one pass the way hostile or unlucky input does: one huge line, every line
furniture, a heading or a page counter, a long or deep table of contents, many 目录 markers,
very long headings; and, for the HTML reader, pages (they start with <!DOCTYPE html>) nested
without end, with tags never closed, huge attributes, floods of entities, one element holding
every paragraph, tables inside tables.  The inputs are deterministic."""
import glob, os, sys

def samples(d):
    return "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(d, "*.txt"))))

CN = "一二三四五六七八九十"

def cn(n):
    """n as a Chinese numeral (1-99)."""
    n = n % 99 + 1
    t, u = divmod(n, 10)
    return (("" if t == 1 else CN[t - 1]) + "十" if t else "") + (CN[u - 1] if u else "")

def unit(shape, i, sample):
    if shape == "counter-line":      # one line: body text with a page counter again and again
        return "正文内容在这里，说明教育发展的情况。第%d页，共36页。" % (i % 36 + 1)
    if shape == "flat-samples":      # the samples flattened into one line
        return sample.replace("\n", "")
    if shape == "heading-lines":     # every line a numbered heading
        return "%d、推进教育高质量发展的重要措施与实施路径研究\n" % (i % 999 + 1)
    if shape == "counter-pages":     # every line starts with a page counter and cuts a sentence
        return "%d、的发展需要各方面共同努力，学校和家庭要形成合力，而教育\n" % (i + 1)
    if shape == "furniture-lines":   # every line site furniture
        return ["已阅读5页,还剩17页未读 继续免费阅读\n", "版权说明:本文档由用户提供并上传,若内容存在侵权,请进行举报或认领\n",
                "下载文档到电脑，查找使用更方便\n", "第%d页/共44页\n" % (i % 44 + 1), "评论\n", "0/150\n"][i % 6]
    if shape == "long-toc":          # 目录 then a table of contents that never ends, three levels deep
        head = "目录\n" if i == 0 else ""
        return head + "%s、总体要求和主要目标%d\n（%s）工作原则%d\n%d.具体措施与保障%d\n" % (cn(i), i % 300 + 3, cn(i), i % 300 + 4, i % 9 + 1, i % 300 + 5)
    if shape == "toc-markers":       # thousands of 目录 markers glued to entries
        return "目录一、 教育科技人才培养的现状3二、 地方政府的作用4三、 措施5\n"
    if shape == "long-headings":     # headings without punctuation, thousands of characters long
        return "%s、%s\n" % (cn(i), "推进教育高质量发展的重要措施与实施路径研究" * 200)
    if shape == "one-char-lines":    # text broken one character per line
        return "\n".join("教育是国之大计党之大计") + "\n"
    if shape == "prose-line":        # one huge line of ordinary prose
        return "随着社会经济的快速发展，教育科技人才的需求逐渐上升，各地政府不断加大投入。"
    if shape == "samples":           # ordinary documents, for comparison
        return sample
    page = "<!DOCTYPE html><html><head><title>测试页面</title></head><body>\n" if i == 0 else ""
    if shape == "html-deep":         # elements nested without end, never closed
        return page + "<div><span>第%d层</span>" % i
    if shape == "html-unclosed":     # paragraphs and inline tags never closed
        return page + "<p><b><i><a href=\"/x%d\">链接</a>教育发展的情况说明，" % i
    if shape == "html-attrs":        # long class and style attributes on every element
        return page + '<div class="%s" style="%s">正文内容在这里，说明教育发展的情况。</div>' % (
            "article content hidden-xs nav " * 30, "display:block;" * 30)
    if shape == "html-entities":     # a flood of character references
        return page + "&amp;&#x4E00;&#19968;&nbsp;&lt;&unknown;&#0;&#x110000;"
    if shape == "html-paragraphs":   # one element holding every paragraph, links between
        return page + '<p>%s<a href="/%d">相关链接</a></p>\n' % (sample[i % 1000:i % 1000 + 60].replace("<", ""), i)
    if shape == "html-tables":       # tables inside tables, rows of cells
        return page + "<table><tr><td>单元格%d</td><td>数据</td></tr><tr><td>" % i
    raise SystemExit("unknown shape " + shape)

SHAPES = ["counter-line", "flat-samples", "heading-lines", "counter-pages", "furniture-lines",
          "long-toc", "toc-markers", "long-headings", "one-char-lines", "prose-line", "samples",
          "html-deep", "html-unclosed", "html-attrs", "html-entities", "html-paragraphs", "html-tables"]

if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print("\n".join(SHAPES))
        sys.exit(0)
    shape, size, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    s = samples(d)
    out, n, i = [], 0, 0
    while n < size:
        u = unit(shape, i, s)
        out.append(u)
        n += len(u.encode("utf-8"))
        i += 1
    data = "".join(out)
    if not data.endswith("\n"):
        data += "\n"
    sys.stdout.buffer.write(data.encode("utf-8"))
