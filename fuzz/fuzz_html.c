/* SPDX-License-Identifier: MIT */
/* fuzz_html - (e) the HTML reader.
 *
 * The whole input is the page, so that the seeds are pages as they are;
 * its last byte also picks the options:
 *   bits 0-1  how the reader is chosen: 0 and 3 ZHTIDY_INPUT_HTML; 1 the
 *             source "page.html" (its extension); 2 nothing, the first
 *             bytes decide (the page may then be read as text)
 *   bits 2-3  the encoding: 0 and 1 auto (the page's <meta charset> or
 *             detection), 2 forced "gb18030", 3 forced "big5"
 *   all       the writers' options (fz_writers_from_byte)
 *
 * The page is parsed, then read (parse and repair): both fail alike or
 * both succeed; the tree, the report and the accounting hold as in (a),
 * with the reader's own entries (html.outside, html.links, decode.invalid)
 * left out of the accounting; every line a block or an entry gives is in
 * the page; a page the first bytes call HTML reads as the forced reader
 * reads it; and the outputs hold as in (c): the JSON round trip, every XML
 * part of the DOCX and the EPUB well-formed. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

/* The JSON of DOC (with its report): what two trees are compared by. */
static zhtidy_buffer json_of(const zhtidy_doc *doc)
{
    zhtidy_json_options o;
    zhtidy_json_options_init(&o);
    zhtidy_buffer b = {0};
    zhtidy_status st = zhtidy_write_json(doc, &o, zhtidy_buffer_sink, &b);
    if (st != ZHTIDY_OK)
        fz_fail("zhtidy_write_json: %s", zhtidy_strerror(st));
    return b;
}

static void same_tree(const zhtidy_doc *a, const zhtidy_doc *b, const char *what)
{
    zhtidy_buffer x = json_of(a), y = json_of(b);
    if (x.len != y.len || memcmp(x.data, y.data, x.len))
        fz_fail("%s:\n%.*s\n----\n%.*s", what, (int)x.len, x.data, (int)y.len, y.data);
    zhtidy_free(x.data);
    zhtidy_free(y.data);
}

/* Every line a block or a report entry names is a line of the page: at
 * most one more than its line breaks (LF, CR, or the two), whatever the
 * encoding (no multibyte form of GB18030 or Big5 holds 0x0A or 0x0D). */
static void check_lines(const zhtidy_doc *doc, const uint8_t *data, size_t size)
{
    unsigned long lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || data[i] == '\r';
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++)
        if (zhtidy_doc_block_line(doc, i) > lines)
            fz_fail("block %zu is at line %lu of a page of at most %lu lines", i,
                    zhtidy_doc_block_line(doc, i), lines);
    const zhtidy_report *r = zhtidy_doc_report(doc);
    zhtidy_change c;
    for (size_t i = 0; zhtidy_report_get(r, i, &c) == ZHTIDY_OK; i++)
        if (c.line > lines)
            fz_fail("report entry %zu (%s) is at line %lu of a page of at most %lu lines", i,
                    c.rule, c.line, lines);
}

static zhtidy_options *options(uint8_t byte, zhtidy_input input)
{
    zhtidy_options *o = zhtidy_options_new();
    if (!o)
        fz_fail("out of memory in the harness");
    zhtidy_options_set_input(o, input);
    const char *enc = (byte >> 2 & 3) == 2 ? "gb18030" : (byte >> 2 & 3) == 3 ? "big5" : "auto";
    if (zhtidy_options_set_encoding(o, enc) != ZHTIDY_OK)
        fz_fail("the listed encoding \"%s\" is refused", enc);
    return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t last = size ? data[size - 1] : 0;
    unsigned how = last & 3;
    const char *source = how == 1 ? "page.html" : NULL;
    zhtidy_options *o = options(last, how == 1 || how == 2 ? ZHTIDY_INPUT_AUTO : ZHTIDY_INPUT_HTML);
    zhtidy_doc *raw = NULL, *doc = NULL;
    zhtidy_error err;
    zhtidy_status parsed = zhtidy_parse(data, size, source, o, &raw, &err);
    if (parsed != ZHTIDY_OK)
        fz_check_failure(parsed, raw, &err);
    zhtidy_status st = zhtidy_read(data, size, source, o, &doc, &err);
    if (st != parsed)
        fz_fail("zhtidy_parse gave status %d, zhtidy_read %d", (int)parsed, (int)st);
    if (st != ZHTIDY_OK) {
        fz_check_failure(st, doc, &err);
        zhtidy_options_free(o);
        return 0;
    }
    zhtidy_input kind = zhtidy_doc_input(raw);
    if (how != 2 && kind != ZHTIDY_INPUT_HTML)
        fz_fail("a page read as HTML says it came from input kind %d", (int)kind);
    if (zhtidy_doc_input(doc) != kind)
        fz_fail("zhtidy_parse read input kind %d, zhtidy_read %d", (int)kind,
                (int)zhtidy_doc_input(doc));
    if (source && (!zhtidy_doc_meta(doc, ZHTIDY_META_SOURCE) ||
                   strcmp(zhtidy_doc_meta(doc, ZHTIDY_META_SOURCE), source)))
        fz_fail("the source \"%s\" is not the document's", source);
    fz_check_tree(raw);
    fz_check_report(raw);
    fz_check_tree(doc);
    fz_check_report(doc);
    if (kind != ZHTIDY_INPUT_JSON) {
        check_lines(raw, data, size);
        check_lines(doc, data, size);
        fz_check_accounting(raw, doc, zhtidy_report_count(zhtidy_doc_report(raw)));
    }
    if (how == 2 && kind == ZHTIDY_INPUT_HTML) {
        /* sniffed as a page: read as the forced reader reads it */
        zhtidy_options *forced = options(last, ZHTIDY_INPUT_HTML);
        zhtidy_doc *again = NULL;
        if ((st = zhtidy_parse(data, size, NULL, forced, &again, &err)) != ZHTIDY_OK)
            fz_fail("a page the first bytes call HTML fails as HTML: %s", err.message);
        same_tree(raw, again, "a page the first bytes call HTML reads otherwise as HTML");
        zhtidy_doc_free(again);
        zhtidy_options_free(forced);
    }
    fz_writers w;
    fz_writers_from_byte(&w, last);
    zhtidy_doc *back = fz_write_json_round_trip(doc, &w);
    fz_write_packages(doc, &w, NULL, NULL);
    zhtidy_doc_free(back);
    zhtidy_doc_free(raw);
    zhtidy_doc_free(doc);
    zhtidy_options_free(o);
    return 0;
}
