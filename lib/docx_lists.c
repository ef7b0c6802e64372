/* SPDX-License-Identifier: MIT */
/* docx_lists.c - lists in a WordprocessingML package: where each item
 * stands, and the numbering part.
 *
 * Two abstract lists, bullets and decimal numbers, with eight levels each,
 * indented two characters a level; each list is a w:num of its own that
 * restarts its level at 1, as Word does for a list started anew. */
#include "docx.h"

#include <stdio.h>

enum { BULLETS = 0, NUMBERS = 1 };

bool zt_docx_list_item(zt_docx_lists *l, const zhtidy_doc *doc, size_t i, unsigned *num,
                       int *ilvl)
{
    bool start;
    int depth = zt_list_step(&l->walk, doc, i, &start);
    if (!depth)
        return false;
    if (start)
        l->num[depth - 1] = ++l->nums;
    *num = l->num[depth - 1];
    *ilvl = depth - 1;
    return start;
}

static void level_def(xmlw *x, const zt_docx_preset *p, int kind, int ilvl)
{
    static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"}; /* •◦▪ */
    char text[8];
    if (kind == NUMBERS)
        snprintf(text, sizeof text, "%%%d.", ilvl + 1);
    xw_start(x, "w:lvl");
    xw_attr_int(x, "w:ilvl", ilvl);
    xw_elem_attr(x, "w:start", "w:val", "1");
    xw_elem_attr(x, "w:numFmt", "w:val", kind == NUMBERS ? "decimal" : "bullet");
    xw_elem_attr(x, "w:lvlText", "w:val", kind == NUMBERS ? text : bullets[ilvl % 3]);
    xw_elem_attr(x, "w:lvlJc", "w:val", "left");
    xw_start(x, "w:pPr");
    xw_start(x, "w:ind");
    xw_attr_int(x, "w:leftChars", (ilvl + 1) * 200);
    xw_attr_int(x, "w:left", (ilvl + 1) * 2 * p->body_sz * 10);
    xw_attr(x, "w:hangingChars", "200");
    xw_attr_int(x, "w:hanging", 2 * p->body_sz * 10);
    xw_end(x);
    xw_end(x);
    xw_end(x);
}

static void abstract_num(xmlw *x, const zt_docx_preset *p, int kind, unsigned base)
{
    xw_start(x, "w:abstractNum");
    xw_attr_int(x, "w:abstractNumId", (long)(base + (unsigned)kind));
    xw_elem_attr(x, "w:multiLevelType", "w:val", "multilevel");
    for (int ilvl = 0; ilvl < 8; ilvl++)
        level_def(x, p, kind, ilvl);
    xw_end(x);
}

static void numbering_restart(void *ctx)
{
    zt_docx_numbering *n = ctx;
    n->lists = (zt_docx_lists){0};
    n->next = 0;
    n->opened = false;
}

/* The opening and the two abstract lists, then the lists of a few thousand
 * blocks a piece.  A reference document's definitions come first (all
 * abstract lists before all lists, as the schema has them), and ours take
 * the ids after its own. */
static bool numbering_step(void *ctx, xmlw *x)
{
    zt_docx_numbering *n = ctx;
    unsigned abase, nbase;
    zt_docx_ref_numbering_base(n->ref, &abase, &nbase);
    if (!n->opened) {
        xw_start(x, "w:numbering");
        xw_attr(x, "xmlns:w", W_NS);
        zt_docx_ref_numbering_defs(n->ref, x, "abstractNum");
        abstract_num(x, n->p, BULLETS, abase);
        abstract_num(x, n->p, NUMBERS, abase);
        zt_docx_ref_numbering_defs(n->ref, x, "num");
        n->opened = true;
        return true;
    }
    size_t count = zhtidy_doc_block_count(n->doc);
    for (size_t end = n->next + 4096; n->next < count && n->next < end; n->next++) {
        unsigned num;
        int ilvl;
        if (!zt_docx_list_item(&n->lists, n->doc, n->next, &num, &ilvl))
            continue;
        xw_start(x, "w:num");
        xw_attr_int(x, "w:numId", (long)(nbase + num));
        xw_start(x, "w:abstractNumId");
        xw_attr_int(x, "w:val", (long)(abase + (n->lists.walk.ordered[ilvl] ? NUMBERS : BULLETS)));
        xw_end(x);
        xw_start(x, "w:lvlOverride");
        xw_attr_int(x, "w:ilvl", ilvl);
        xw_elem_attr(x, "w:startOverride", "w:val", "1");
        xw_end(x);
        xw_end(x);
    }
    return n->next < count;
}

bool zt_docx_add_numbering(zipw *z, zt_docx_numbering *state)
{
    return zipw_add_stream(z, "word/numbering.xml", numbering_step, numbering_restart, state);
}
