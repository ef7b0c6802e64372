#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""pandoc_tree.py [--after ID] < PANDOC.json: the blocks pandoc read from a
DOCX or an EPUB, one a line, nested blocks indented, so that a test can
compare what pandoc saw with what the tree held.

  h1 text            a heading (h1-h6)
  p text             a paragraph
  ul / ol            a list; its items as `li text`, their nested blocks
                     indented under them
  table              a table; `head [cell] ...` for header rows, `row ...`
                     for the others, a cell as [text rowspan=N colspan=N]
  code "text"        a code block, its text as a JSON string

A cell's or an item's paragraphs and line breaks are joined with "/".
Divs (EPUB sections) are looked through.  With --after ID, only the blocks
after the paragraph that holds an anchor with that id (an EPUB chapter's
file name, as pandoc marks it) are printed, which leaves out the title page
and the navigation."""
import json
import sys

out = []


def inlines(xs):
    s = ""
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            s += c
        elif t in ("Space", "SoftBreak"):
            s += " "
        elif t == "LineBreak":
            s += "/"
        elif t == "Code":
            s += c[1]
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript",
                   "Subscript"):
            s += inlines(c)
        elif t in ("Span", "Link", "Quoted"):
            s += inlines(c[1])
    return s


def text(blocks):
    """Blocks that are only text (a cell, the head of a list item), joined."""
    parts = []
    for b in blocks:
        if b["t"] in ("Para", "Plain"):
            parts.append(inlines(b["c"]))
        elif b["t"] == "Div":
            parts.append(text(b["c"][1]))
    return "/".join(parts)


def cell(c):
    _, _, rowspan, colspan, blocks = c
    s = text(blocks)
    if rowspan > 1:
        s += " rowspan=%d" % rowspan
    if colspan > 1:
        s += " colspan=%d" % colspan
    return "[" + s + "]"


def rows(kind, rs, ind):
    for _, cells in rs:
        out.append(ind + kind + " " + " ".join(cell(c) for c in cells))


def block(b, ind):
    t, c = b["t"], b.get("c")
    if t == "Header":
        out.append("%sh%d %s" % (ind, c[0], inlines(c[2])))
    elif t in ("Para", "Plain"):
        s = inlines(c)
        if s.strip():
            out.append(ind + "p " + s)
    elif t in ("BulletList", "OrderedList"):
        out.append(ind + ("ul" if t == "BulletList" else "ol"))
        for item in c if t == "BulletList" else c[1]:
            head = [x for x in item if x["t"] in ("Para", "Plain")]
            rest = [x for x in item if x["t"] not in ("Para", "Plain")]
            out.append(ind + "  li " + text(head))
            for x in rest:
                block(x, ind + "    ")
    elif t == "Table":
        out.append(ind + "table")
        _, _, _, head, bodies, foot = c
        rows("head", head[1], ind + "  ")
        for body in bodies:
            rows("head", body[2], ind + "  ")
            rows("row", body[3], ind + "  ")
        rows("row", foot[1], ind + "  ")
    elif t == "CodeBlock":
        out.append(ind + "code " + json.dumps(c[1], ensure_ascii=False))
    elif t == "Div":
        for x in c[1]:
            block(x, ind)


def anchor(b, ident):
    return (b["t"] == "Para" and len(b["c"]) == 1 and b["c"][0]["t"] == "Span"
            and b["c"][0]["c"][0][0] == ident)


def main():
    blocks = json.load(sys.stdin)["blocks"]
    if len(sys.argv) == 3 and sys.argv[1] == "--after":
        at = [i for i, b in enumerate(blocks) if anchor(b, sys.argv[2])]
        blocks = blocks[at[0] + 1:] if at else []
    for b in blocks:
        block(b, "")
    print("\n".join(out))


main()
