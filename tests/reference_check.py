#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""reference_check.py DIR ENV: the DOCX unpacked in DIR was written with
the reference document whose values make_reference.py printed into ENV.
Its styles and page are the template's; every style the document, its
footers and its styles name is defined, once; every part has a content
type and every relationship a part.  Prints each fault; exit 1 if any."""
import os
import sys
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def main():
    d = sys.argv[1]
    want = dict(line.strip().split("=", 1) for line in open(sys.argv[2], encoding="utf-8") if "=" in line)
    faults = []
    styles = ET.parse(os.path.join(d, "word/styles.xml")).getroot()
    ids = [s.get(W + "styleId") for s in styles.findall(W + "style")]
    by_id = {s.get(W + "styleId"): s for s in styles.findall(W + "style")}
    for i in set(ids):
        if ids.count(i) > 1:
            faults.append("style %s defined %d times" % (i, ids.count(i)))
    for stale in ("a", "1"):  # the template's own ids are renamed
        if stale in by_id:
            faults.append("the template's style id %s is still there" % stale)
    normal = by_id.get("Normal")
    fonts = normal.find(W + "rPr/" + W + "rFonts") if normal is not None else None
    size = normal.find(W + "rPr/" + W + "sz") if normal is not None else None
    if fonts is None or fonts.get(W + "ascii") != want["FONT"] or fonts.get(W + "eastAsia") != want["EAST"]:
        faults.append("Normal is not in %s / %s" % (want["FONT"], want["EAST"]))
    if size is None or size.get(W + "val") != want["SIZE"]:
        faults.append("Normal is not %s half-points" % want["SIZE"])
    color = by_id.get("Heading1")
    color = color.find(W + "rPr/" + W + "color") if color is not None else None
    if color is None or color.get(W + "val") != want["COLOR"]:
        faults.append("Heading1 is not the template's heading 1 (color %s)" % want["COLOR"])
    for s in styles.findall(W + "style"):
        for ref in ("basedOn", "next", "link"):
            e = s.find(W + ref)
            if e is not None and e.get(W + "val") not in by_id:
                faults.append("style %s: %s %s is not defined" % (s.get(W + "styleId"), ref, e.get(W + "val")))
    for part in sorted(os.listdir(os.path.join(d, "word"))):
        if not part.endswith(".xml") or part in ("styles.xml",):
            continue
        root = ET.parse(os.path.join(d, "word", part)).getroot()
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for e in root.iter(W + tag):
                if e.get(W + "val") not in by_id:
                    faults.append("%s names style %s, which is not defined" % (part, e.get(W + "val")))
    doc = ET.parse(os.path.join(d, "word/document.xml")).getroot()
    sect = doc.find(W + "body/" + W + "sectPr")
    sz, mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    if (sz.get(W + "w"), sz.get(W + "h")) != (want["PAGE_W"], want["PAGE_H"]):
        faults.append("page %sx%s, not the template's" % (sz.get(W + "w"), sz.get(W + "h")))
    if (mar.get(W + "left"), mar.get(W + "right"), mar.get(W + "top")) != (want["SIDE"], want["SIDE"], want["TOP"]):
        faults.append("margins are not the template's")
    # the package: content types and relationships as the parts are
    types = ET.parse(os.path.join(d, "[Content_Types].xml")).getroot()
    overrides = {o.get("PartName") for o in types.findall(CT + "Override")}
    defaults = {e.get("Extension") for e in types.findall(CT + "Default")}
    parts = set()
    for base, _, files in os.walk(d):
        for f in files:
            parts.add("/" + os.path.relpath(os.path.join(base, f), d))
    for p in parts - {"/[Content_Types].xml"}:
        if p not in overrides and p.rsplit(".", 1)[-1] not in defaults:
            faults.append("part %s has no content type" % p)
    for p in overrides - parts:
        faults.append("content type for %s, which is not in the package" % p)
    rels = ET.parse(os.path.join(d, "word/_rels/document.xml.rels")).getroot()
    for r in rels.findall(REL + "Relationship"):
        if "/word/" + r.get("Target") not in parts:
            faults.append("relationship %s to %s, which is not in the package" % (r.get("Id"), r.get("Target")))
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
