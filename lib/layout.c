/* SPDX-License-Identifier: MIT */
/* layout.c - what the DOCX and EPUB writers both need to know of a tree
 * beyond its blocks: which kinds of block it holds, how list items nest
 * into lists, and how far down a table cell reaches. */
#include "internal.h"

unsigned zt_block_kinds(const zhtidy_doc *doc)
{
    unsigned kinds = 0;
    for (size_t i = 0, n = zhtidy_doc_block_count(doc); i < n; i++)
        kinds |= 1u << zhtidy_doc_block_type(doc, i);
    return kinds;
}

int zt_list_step(zt_list_walk *w, const zhtidy_doc *doc, size_t i, bool *start)
{
    *start = false;
    if (zhtidy_doc_block_type(doc, i) != ZHTIDY_LIST_ITEM)
        return w->depth = 0;
    bool ordered = zhtidy_doc_block_flags(doc, i) & ZHTIDY_BLOCK_ORDERED;
    int level = zhtidy_doc_block_level(doc, i);
    if (level > w->depth + 1)
        level = w->depth + 1; /* a skipped level nests one step only */
    if (level < 1)
        level = 1;
    *start = level > w->depth || w->ordered[level - 1] != ordered;
    w->ordered[level - 1] = ordered;
    return w->depth = level;
}

size_t zt_cell_rows(const zhtidy_doc *doc, size_t i, size_t r, const zhtidy_cell *c)
{
    size_t header, rows = zhtidy_doc_table_rows(doc, i, &header);
    size_t end = r < header && header < rows ? header : rows;
    size_t span = c->rowspan ? c->rowspan : 1;
    return r >= end ? 1 : span < end - r ? span : end - r;
}
