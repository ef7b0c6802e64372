/* SPDX-License-Identifier: MIT */
/* write_txt.c - the plain UTF-8 form and the tree dump.
 *
 * Plain form: the title, a blank line, then one block per line with a blank
 * line between blocks, LF line ends and a final newline.  It is a faithful
 * form of the tree: read back, it gives the same tree.  List items keep
 * their marker, tables become tab-separated rows, code is written as it is.
 * Tree form: one line per metadata item and per block, for tests and for
 * checking a conversion by eye. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

void zhtidy_txt_options_init(zhtidy_txt_options *o)
{
    o->tree = 0;
}

/* A table as tab-separated rows; tabs and line breaks inside a cell become
 * spaces, so that each row stays one line. */
static void table_rows(zt_out *o, const zhtidy_doc *doc, size_t i, const char *prefix)
{
    size_t rows = zhtidy_doc_table_rows(doc, i, NULL);
    for (size_t r = 0; r < rows; r++) {
        size_t n;
        const zhtidy_cell *c = zhtidy_doc_table_row(doc, i, r, &n);
        zt_out_puts(o, prefix);
        for (size_t k = 0; k < n; k++) {
            if (k)
                zt_out_add(o, "\t", 1);
            for (size_t j = 0, s = 0; j <= c[k].len; j++)
                if (j == c[k].len || c[k].text[j] == '\t' || c[k].text[j] == '\n') {
                    zt_out_add(o, c[k].text + s, j - s);
                    if (j < c[k].len)
                        zt_out_add(o, " ", 1);
                    s = j + 1;
                }
        }
        zt_out_add(o, "\n", 1);
    }
}

/* A list item's marker: its depth as indent, then "1." or "-". */
static void item_marker(zt_out *o, const zhtidy_doc *doc, size_t i, unsigned number)
{
    for (int d = 1; d < zhtidy_doc_block_level(doc, i); d++)
        zt_out_add(o, "  ", 2);
    char m[24];
    if (zhtidy_doc_block_flags(doc, i) & ZHTIDY_BLOCK_ORDERED)
        snprintf(m, sizeof m, "%u. ", number);
    else
        snprintf(m, sizeof m, "- ");
    zt_out_puts(o, m);
}

static void write_tree(zt_out *o, const zhtidy_doc *doc)
{
    static const zhtidy_meta keys[] = {ZHTIDY_META_TITLE, ZHTIDY_META_LANG, ZHTIDY_META_KEYWORDS,
                                       ZHTIDY_META_CATEGORY, ZHTIDY_META_AUTHOR,
                                       ZHTIDY_META_DATE, ZHTIDY_META_DESCRIPTION};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        const char *v = zhtidy_doc_meta(doc, keys[k]);
        if (!v)
            continue;
        zt_out_puts(o, "@");
        zt_out_puts(o, zhtidy_meta_name(keys[k]));
        zt_out_puts(o, " ");
        zt_out_puts(o, v);
        zt_out_puts(o, "\n");
    }
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++) {
        zhtidy_block_type type = zhtidy_doc_block_type(doc, i);
        char tag[16];
        if (type == ZHTIDY_HEADING)
            snprintf(tag, sizeof tag, "h%d ", zhtidy_doc_block_level(doc, i));
        else if (type == ZHTIDY_LIST_ITEM)
            snprintf(tag, sizeof tag, "%s%d ",
                     zhtidy_doc_block_flags(doc, i) & ZHTIDY_BLOCK_ORDERED ? "ol" : "ul",
                     zhtidy_doc_block_level(doc, i));
        else
            snprintf(tag, sizeof tag, "%s", type == ZHTIDY_TABLE ? "table\n" : type == ZHTIDY_CODE ? "code " : "p ");
        zt_out_puts(o, tag);
        if (type == ZHTIDY_TABLE) {
            table_rows(o, doc, i, "| ");
            continue;
        }
        size_t len;
        const char *text = zhtidy_doc_block_text(doc, i, &len);
        zt_out_add(o, text, len);
        zt_out_puts(o, "\n");
    }
}

static void write_text(zt_out *o, const zhtidy_doc *doc)
{
    const char *title = zhtidy_doc_meta(doc, ZHTIDY_META_TITLE);
    bool first = true;
    if (title && *title) {
        zt_out_puts(o, title);
        zt_out_puts(o, "\n");
        first = false;
    }
    unsigned number[9] = {0}; /* the numbers of the open lists, by depth */
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++) {
        zhtidy_block_type type = zhtidy_doc_block_type(doc, i);
        bool item = type == ZHTIDY_LIST_ITEM;
        /* the items of one list stand on consecutive lines */
        bool same_list = item && i > 0 && zhtidy_doc_block_type(doc, i - 1) == ZHTIDY_LIST_ITEM;
        if (!first && !same_list)
            zt_out_puts(o, "\n");
        first = false;
        int depth = item ? zhtidy_doc_block_level(doc, i) : 0;
        if (!same_list)
            memset(number, 0, sizeof number);
        else if (zhtidy_doc_block_level(doc, i - 1) < depth)
            number[depth] = 0; /* a list inside the last item */
        if (type == ZHTIDY_TABLE) {
            table_rows(o, doc, i, "");
            continue;
        }
        if (item)
            item_marker(o, doc, i, ++number[depth]);
        size_t len;
        const char *text = zhtidy_doc_block_text(doc, i, &len);
        zt_out_add(o, text, len);
        zt_out_puts(o, "\n");
    }
}

zhtidy_status zhtidy_write_txt(const zhtidy_doc *doc, const zhtidy_txt_options *opts,
                               zhtidy_sink sink, void *userdata)
{
    if (!doc)
        return ZHTIDY_ERR_ARG;
    zt_out o;
    zt_out_init(&o, sink, userdata);
    if (opts && opts->tree)
        write_tree(&o, doc);
    else
        write_text(&o, doc);
    return zt_out_finish(&o);
}
