#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The page numbers the DOCX writer fills its table of contents with, against
# LibreOffice's rendering: each sample in the plain style and in GB/T 9704
# with --toc goes to PDF, and the page on which each heading starts there is
# compared with the number its TOC entry shows.  Prints per document how many
# entries match; fails below 95%, when an entry points past the last page, or
# when the body does not start on a page after the TOC's.
# usage: toc_pages.sh TOOLS_DIR SAMPLES_DIR
# Exit 77 (skipped) when soffice or pdftotext is missing.
set -u
tools=$1 samples=$2
for p in soffice pdftotext python3; do
  command -v $p >/dev/null 2>&1 || { echo "SKIP: $p is not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000
fail=0
for f in "$samples"/*.txt; do
  name=$(basename "$f" .txt)
  for style in plain gbt9704; do
    out=$tmp/$name-$style
    "$tools/zhtidy-docx" --style $style --toc "$f" -o "$out.docx" || { echo "FAIL: zhtidy-docx $name $style"; fail=1; continue; }
    HOME=$tmp timeout 180 soffice --headless -env:UserInstallation=file://$tmp/lo \
      --convert-to pdf --outdir "$tmp" "$out.docx" >/dev/null 2>&1
    [ -s "$out.pdf" ] || { echo "FAIL: LibreOffice made no PDF of $name ($style)"; fail=1; continue; }
    pdftotext "$out.pdf" "$out.pdf.txt"
    python3 - "$out.docx" "$out.pdf.txt" "$name $style" <<'PY' || fail=1
import re, sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
docx, text, label = sys.argv[1:4]
# the TOC's entries: the text before the tab, the number in the PAGEREF result
entries = []
for p in ET.fromstring(zipfile.ZipFile(docx).read('word/document.xml')).iter(W + 'p'):
    style = p.find(W + 'pPr/' + W + 'pStyle')
    link = p.find(W + 'hyperlink')
    if style is None or not re.fullmatch(r'TOC\d', style.get(W + 'val', '')) or link is None:
        continue
    title, num, state = '', '', 'title'
    for r in link.iter(W + 'r'):
        fc = r.find(W + 'fldChar')
        if fc is not None:
            state = {'separate': 'num', 'end': 'done'}.get(fc.get(W + 'fldCharType'), 'instr')
        elif r.find(W + 'tab') is not None and state == 'title':
            state = 'tab'
        elif state in ('title', 'num'):
            t = ''.join(x.text or '' for x in r.iter(W + 't'))
            title, num = (title + t, num) if state == 'title' else (title, num + t)
    entries.append((re.sub(r'\s+', '', title), int(num)))
# the PDF's pages, white space aside; the TOC holds each title once, in
# order, and the body then holds each again
# the PDF's pages, white space aside; a heading starts a line.  The TOC
# holds each title once, in order, and the body then holds each again.
pages = open(text, encoding='utf-8').read().split('\f')
if pages and not pages[-1].strip():
    pages.pop()
stream, ends, starts = '', [], set()
for p in pages:
    for line in p.split('\n'):
        starts.add(len(stream))
        stream += re.sub(r'\s+', '', line)
    ends.append(len(stream))
page_of = lambda k: next(i for i, e in enumerate(ends) if k < e) + 1
def find(t, pos):
    while True:
        k = stream.find(t, pos)
        if k < 0 or k in starts:
            return k
        pos = k + 1
pos, found, toc_end = 0, [], 0
for rnd in range(2):
    for t, _ in entries:
        k = find(t, pos)
        if k < 0:
            found.append(None)
            continue
        pos = k + 1
        if rnd:
            found.append(page_of(k))
        else:
            toc_end = page_of(k)
ok = sum(a == n for (_, n), a in zip(entries, found))
past = [t for t, n in entries if n > len(pages)]
print('%s: %d of %d TOC entries on LibreOffice\'s page (%.0f%%), %d past the last page of %d'
      % (label, ok, len(entries), 100.0 * ok / max(len(entries), 1), len(past), len(pages)))
for (t, n), a in zip(entries, found):
    if a != n:
        print('  %s: the TOC says %d, LibreOffice %s' % (t, n, a))
bad = ok * 100 < 95 * len(entries) or past or not entries
if entries and found[0] is not None and found[0] <= toc_end:
    print('  the body starts on the TOC\'s last page (%d)' % toc_end)
    bad = True
sys.exit(1 if bad else 0)
PY
  done
done
[ $fail -eq 0 ] && echo "toc_pages: passed" || echo "toc_pages: FAILED"
exit $fail
