#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""docx_check.py DIR TREE.json: what Word needs of the tables and lists in
an unpacked DOCX (DIR) beyond what the schema says, for the JSON tree it
was written from.  Prints one line per fault; exit status 1 when any.

  - a table's grid columns add up to its width, which is the text width
    of the section (page width less the margins);
  - every row fills the grid (gridSpan counted), every cell ends in a
    paragraph;
  - a vMerge continuation lies under a cell of the same span that starts
    or continues a merge;
  - the header rows of the tree, and only they, repeat (w:tblHeader);
  - every list paragraph names a w:num that numbering.xml defines, with an
    abstract list that exists, and each list of the tree starts a w:num of
    its own."""
import json
import os
import sys
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
faults = []


def val(e, name, attr="val", default=None):
    x = e.find(W + name) if e is not None else None
    return x.get(W + attr, default) if x is not None else default


def check_table(tbl, width, n):
    grid = [int(c.get(W + "w")) for c in tbl.find(W + "tblGrid")]
    if sum(grid) != width:
        faults.append("table %d: grid columns add up to %d, not the text width %d"
                      % (n, sum(grid), width))
    if int(val(tbl.find(W + "tblPr"), "tblW", "w", -1)) != width:
        faults.append("table %d: w:tblW is not the text width" % n)
    above = {}  # grid column -> (span, merged) of the cell above
    headers = 0
    for r, tr in enumerate(tbl.findall(W + "tr")):
        if tr.find(W + "trPr/" + W + "tblHeader") is not None:
            if headers != r:
                faults.append("table %d: row %d repeats as a header below a body row" % (n, r))
            headers += 1
        col, row = 0, {}
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span = int(val(pr, "gridSpan", default="1"))
            merge = pr.find(W + "vMerge") if pr is not None else None
            kind = None if merge is None else merge.get(W + "val", "continue")
            if kind == "continue" and above.get(col, (0, None))[1] is None:
                faults.append("table %d row %d: a vMerge continuation under no merged cell" % (n, r))
            if kind == "continue" and above.get(col, (0, None))[0] != span:
                faults.append("table %d row %d: a vMerge continuation of another width" % (n, r))
            if len(tc) == 0 or tc[-1].tag != W + "p":
                faults.append("table %d row %d: a cell that does not end in a paragraph" % (n, r))
            row[col] = (span, kind)
            col += span
        if col != len(grid):
            faults.append("table %d row %d: %d grid columns filled of %d" % (n, r, col, len(grid)))
        above = row
    return headers


def main():
    d, tree = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    doc = ET.parse(os.path.join(d, "word/document.xml")).getroot()
    body = doc.find(W + "body")
    sect = body.find(W + "sectPr")
    width = (int(val(sect, "pgSz", "w")) - int(val(sect, "pgMar", "left"))
             - int(val(sect, "pgMar", "right")))
    tables = [b for b in tree["blocks"] if b["type"] == "table" and b["rows"]]
    tbls = body.findall(W + "tbl")
    if len(tbls) != len(tables):
        faults.append("%d tables in the tree, %d in the document" % (len(tables), len(tbls)))
    for n, (tbl, t) in enumerate(zip(tbls, tables)):
        headers = check_table(tbl, width, n)
        want = min(t.get("header_rows", 0), len(t["rows"]))
        if headers != want:
            faults.append("table %d: %d header rows repeat, the tree has %d" % (n, headers, want))

    nums = {}
    path = os.path.join(d, "word/numbering.xml")
    if os.path.exists(path):
        numbering = ET.parse(path).getroot()
        abstract = {a.get(W + "abstractNumId") for a in numbering.findall(W + "abstractNum")}
        for num in numbering.findall(W + "num"):
            if val(num, "abstractNumId") not in abstract:
                faults.append("w:num %s names no abstract list" % num.get(W + "numId"))
            nums[num.get(W + "numId")] = num
    used, lists, prev = [], 0, None
    for b in tree["blocks"]:
        item = b["type"] == "list_item"
        lists += item and (prev is None or b.get("level", 1) > prev)
        prev = b.get("level", 1) if item else None
    for p in body.iter(W + "p"):
        num = val(p.find(W + "pPr/" + W + "numPr"), "numId")
        if num is None:
            continue
        if num not in nums:
            faults.append("a list paragraph names w:num %s, which numbering.xml lacks" % num)
        if num not in used:
            used.append(num)
    if len(used) < lists:
        faults.append("%d lists start in the tree, %d w:num in the document" % (lists, len(used)))
    for f in faults:
        print(f)
    sys.exit(1 if faults else 0)


main()
