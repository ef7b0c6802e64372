/* SPDX-License-Identifier: MIT */
/* epub_blocks.c - lists, tables and code as XHTML, for the chapters of an
 * EPUB book, and their rules in its stylesheet. */
#include "epub.h"

#include <string.h>

/* HTML's limit: a wider span is taken as this wide. */
#define MAX_COLSPAN 1000

size_t zt_epub_list(xmlw *x, const zhtidy_doc *doc, size_t i, size_t end)
{
    zt_list_walk w = {0};
    for (; i < end && zhtidy_doc_block_type(doc, i) == ZHTIDY_LIST_ITEM; i++) {
        int was = w.depth;
        bool start;
        int depth = zt_list_step(&w, doc, i, &start);
        if (depth <= was) { /* a deeper item goes inside the last one */
            xw_end(x);      /* the last item */
            for (; was > depth; was--) {
                xw_end(x); /* its list */
                xw_end(x); /* the item holding it */
            }
            if (start)
                xw_end(x); /* a list of the other kind follows */
        }
        if (start)
            xw_start(x, w.ordered[depth - 1] ? "ol" : "ul");
        size_t len;
        const char *t = zhtidy_doc_block_text(doc, i, &len);
        xw_start(x, "li");
        xw_text(x, t, len);
    }
    for (; w.depth > 0; w.depth--) {
        xw_end(x); /* li */
        xw_end(x); /* ul or ol */
    }
    return i;
}

/* Text with its line breaks as <br/>. */
static void lines(xmlw *x, const char *t, size_t len)
{
    for (size_t start = 0;;) {
        const char *lf = memchr(t + start, '\n', len - start);
        size_t end = lf ? (size_t)(lf - t) : len;
        xw_text(x, t + start, end - start);
        if (!lf)
            break;
        xw_start(x, "br");
        xw_end(x);
        start = end + 1;
    }
}

static void table_row(xmlw *x, const zhtidy_doc *doc, size_t i, size_t r, bool head)
{
    size_t n;
    const zhtidy_cell *c = zhtidy_doc_table_row(doc, i, r, &n);
    xw_start(x, "tr");
    for (size_t k = 0; k < n; k++) {
        xw_start(x, head || c[k].header ? "th" : "td");
        unsigned cols = c[k].colspan > MAX_COLSPAN ? MAX_COLSPAN : c[k].colspan;
        if (cols > 1)
            xw_attr_int(x, "colspan", cols);
        size_t rows = zt_cell_rows(doc, i, r, &c[k]);
        if (rows > 1)
            xw_attr_int(x, "rowspan", (long)rows);
        lines(x, c[k].text, c[k].len);
        xw_end(x);
    }
    xw_end(x);
}

void zt_epub_table(xmlw *x, const zhtidy_doc *doc, size_t i)
{
    size_t header, rows = zhtidy_doc_table_rows(doc, i, &header);
    if (!rows)
        return;
    if (header > rows)
        header = rows;
    xw_start(x, "table");
    for (size_t r = 0; r < rows; r++) {
        if (r == 0 || r == header)
            xw_start(x, r < header ? "thead" : "tbody");
        table_row(x, doc, i, r, r < header);
        if (r + 1 == header || r + 1 == rows)
            xw_end(x);
    }
    xw_end(x);
}

void zt_epub_code(xmlw *x, const char *t, size_t len)
{
    if (len && t[len - 1] == '\n')
        len--;
    xw_start(x, "pre");
    xw_start(x, "code");
    xw_text(x, t, len);
    xw_end(x);
    xw_end(x);
}

/* ---- their styles ------------------------------------------------------------ */

static const char CSS_LISTS[] =
    "ul, ol { margin: 0.4em 0; padding-left: 2em; }\n"
    "li { text-indent: 0; }\n"
    "li > ul, li > ol { margin: 0; }\n";

static const char CSS_TABLES[] =
    "table { border-collapse: collapse; margin: 0.8em 0; text-indent: 0; }\n"
    "th, td { border: 1px solid; padding: 0.2em 0.5em; vertical-align: middle; }\n"
    "th { font-weight: bold; text-align: center; }\n";

static const char CSS_CODE[] =
    "pre { margin: 0.8em 0; text-indent: 0; text-align: left; line-height: 1.4; "
    "font-size: 0.9em; white-space: pre-wrap; }\n"
    "pre, code { font-family: monospace; }\n";

void zt_epub_blocks_css(zt_buf *css, unsigned kinds)
{
    if (kinds & 1u << ZHTIDY_LIST_ITEM)
        zt_buf_add(css, CSS_LISTS, sizeof CSS_LISTS - 1);
    if (kinds & 1u << ZHTIDY_TABLE)
        zt_buf_add(css, CSS_TABLES, sizeof CSS_TABLES - 1);
    if (kinds & 1u << ZHTIDY_CODE)
        zt_buf_add(css, CSS_CODE, sizeof CSS_CODE - 1);
}
