#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make_reference.py IN.docx OUT.docx: a Word template made from a DOCX
zhtidy wrote, as a user would make one: Normal in Georgia / 楷体 15 pt,
heading 1 dark red, a Letter page with 1701-twip side margins; the style
ids as a Chinese Word gives them (Normal "a", heading 1 "1"), and no TOC
or code styles, which the writer must then add.  The values are printed,
KEY=VALUE a line, for the tests to look for."""
import re
import sys
import zipfile

FONT, EAST, SIZE = "Georgia", "楷体", "30"
PAGE_W, PAGE_H, SIDE, TOP = "12240", "15840", "1701", "1134"
COLOR = "C00000"


def styles(x):
    x = re.sub(r'<w:style [^>]*w:styleId="(TOC\d|Code)".*?</w:style>', "", x)
    # Normal gets its run properties after its paragraph ones
    x = re.sub(r'(<w:style [^>]*w:styleId="Normal">.*?)(</w:style>)',
               r'\1<w:rPr><w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s" w:cs="%s"/>'
               r'<w:sz w:val="%s"/><w:szCs w:val="%s"/></w:rPr>\2'
               % (FONT, EAST, FONT, FONT, SIZE, SIZE), x, count=1, flags=re.S)
    x = re.sub(r'(<w:style [^>]*w:styleId="Heading1">.*?)(<w:sz )',
               r'\1<w:color w:val="%s"/>\2' % COLOR, x, count=1, flags=re.S)
    for old, new in (("Normal", "a"), ("Heading1", "1")):
        x = x.replace('w:styleId="%s"' % old, 'w:styleId="%s"' % new)
        x = x.replace('w:val="%s"/>' % old, 'w:val="%s"/>' % new)
    return x.replace('<w:name w:val="a"/>', '<w:name w:val="Normal"/>')


def document(x):
    x = re.sub(r"<w:pgSz [^>]*/>", '<w:pgSz w:w="%s" w:h="%s"/>' % (PAGE_W, PAGE_H), x)
    return re.sub(r"<w:pgMar [^>]*/>",
                  '<w:pgMar w:top="%s" w:right="%s" w:bottom="%s" w:left="%s" w:header="720" '
                  'w:footer="720" w:gutter="0"/>' % (TOP, SIDE, TOP, SIDE), x)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/styles.xml":
                data = styles(data.decode()).encode()
            elif info.filename == "word/document.xml":
                data = document(data.decode()).encode()
            zout.writestr(info.filename, data)
    for k in ("FONT", "EAST", "SIZE", "PAGE_W", "PAGE_H", "SIDE", "TOP", "COLOR"):
        print("%s=%s" % (k, globals()[k]))


if __name__ == "__main__":
    main()
