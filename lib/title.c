/* SPDX-License-Identifier: MIT */
/* title.c - the document's title, into the metadata and out of the body.
 *
 * Sources, best first: a short first line that reads like a title; the text
 * glued before a 目录 marker in the first block; the title that a 《…》
 * category line or the per-page title lines named (set by the furniture
 * pass).  The title is not repeated in the body: a first line equal to it,
 * or a copy glued to the start of the next block, goes. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TITLE_CHARS 60

/* A title is short, is not a sentence, is not numbered, and is not the
 * table of contents' marker. */
static bool title_like(const char *t, size_t len)
{
    size_t chars = zt_utf8_count(t, len);
    return chars >= 2 && chars <= MAX_TITLE_CHARS && !zt_has_clause_punct(t, len) &&
           !zt_starts_numbered(t, len) && !zt_toc_marker_line(t, len);
}

/* The same text, ignoring script, punctuation width and spaces?  With
 * B_USED: does B start with A, and where does the copy end.  1 yes, 0 no,
 * -1 out of memory. */
static int same_text(const char *a, size_t an, const char *b, size_t bn, size_t *b_used)
{
    /* a prefix test needs only as much of B as A could cover, with spaces */
    if (b_used && bn > an * 2 + 64) {
        bn = an * 2 + 64;
        while (bn > 0 && ((unsigned char)b[bn] & 0xC0) == 0x80)
            bn--;
    }
    zt_key ka, kb;
    if (!zt_key_build(&ka, a, an))
        return -1;
    if (!zt_key_build(&kb, b, bn)) {
        zt_key_free(&ka);
        return -1;
    }
    bool same = ka.n > 0 && kb.n >= ka.n && !memcmp(ka.k, kb.k, ka.n * sizeof *ka.k);
    if (same && b_used)
        *b_used = zt_key_end(&kb, ka.n - 1);
    else if (same && kb.n != ka.n)
        same = false;
    zt_key_free(&ka);
    zt_key_free(&kb);
    return same ? 1 : 0;
}

static zhtidy_status cut_prefix(zhtidy_doc *doc, size_t i, size_t n)
{
    zhtidy_status st = zt_block_cut(doc, i, 0, n, ZT_R_TITLE_EXTRACT);
    if (!st && !doc->blocks[i].len)
        zt_doc_drop_empty(doc); /* the next block becomes the first: twice at most */
    return st;
}

static zhtidy_status set_title(zhtidy_doc *doc, const char *t, size_t n)
{
    char *copy = zt_strndup(t, n);
    if (!copy)
        return ZHTIDY_ERR_NOMEM;
    free(doc->meta[ZHTIDY_META_TITLE]);
    doc->meta[ZHTIDY_META_TITLE] = copy;
    return ZHTIDY_OK;
}

/* Length of the text before a 目录 marker in block B, when that text is a
 * title; 0 otherwise. */
static size_t title_before_toc(const struct zt_block *b)
{
    const char *m = zt_find_toc_marker(b->text, b->len);
    size_t n = m ? (size_t)(m - b->text) : 0;
    if (!n || !title_like(b->text, n))
        return 0;
    /* only a real table follows: numbering after the marker and field codes */
    zt_num num;
    size_t p = zt_skip_field_codes(b->text, b->len, n + 6);
    return zt_numbering(b->text, b->len, p, &num) ? n : 0;
}

/* Remove a copy of TITLE from the start of the body: the beginning of the
 * first block, or with WHOLE the first block itself. */
static zhtidy_status cut_copy(zhtidy_doc *doc, const char *title, bool whole)
{
    size_t used;
    int same = same_text(title, strlen(title), doc->blocks[0].text, doc->blocks[0].len, &used);
    if (same < 0)
        return ZHTIDY_ERR_NOMEM;
    return same && (whole || used < doc->blocks[0].len) ? cut_prefix(doc, 0, used) : ZHTIDY_OK;
}

/* Take the title out of the body: the first line, or the text before a 目录
 * marker, or a copy of the hint glued before the body. */
static zhtidy_status extract(zhtidy_doc *doc, const char *hint)
{
    struct zt_block *b = &doc->blocks[0];
    zhtidy_status st = ZHTIDY_OK;
    size_t used = 0;
    int same;
    if (title_like(b->text, b->len) && doc->n > 1) {
        same = hint ? same_text(hint, strlen(hint), b->text, b->len, NULL) : 0;
        if (same < 0)
            return ZHTIDY_ERR_NOMEM;
        if (!same)
            st = set_title(doc, b->text, b->len);
        if (!st)
            st = cut_prefix(doc, 0, b->len);
    } else if ((used = title_before_toc(b)) > 0) {
        st = set_title(doc, b->text, used);
        if (!st)
            st = cut_prefix(doc, 0, used);
    } else if (hint) {
        same = same_text(hint, strlen(hint), b->text, b->len, &used);
        if (same < 0)
            return ZHTIDY_ERR_NOMEM;
        if (same && used < b->len)
            st = cut_prefix(doc, 0, used); /* the title glued before the body */
    }
    /* a copy of the title glued to the start of the next block */
    const char *title = doc->meta[ZHTIDY_META_TITLE];
    if (st || !title || !doc->n)
        return st;
    return cut_copy(doc, title, false);
}

zhtidy_status zt_pass_title(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    /* a title the reader found (a page's <title>, a tree's) stands: only
     * its copy at the start of the body goes */
    if (doc->meta[ZHTIDY_META_TITLE] && doc->n && zt_is_text(&doc->blocks[0]) &&
        zt_rule_on(ctx->opts, ZT_R_TITLE_EXTRACT))
        return cut_copy(doc, doc->meta[ZHTIDY_META_TITLE], true);
    const char *hint = ctx->title_hint;
    if (hint && !doc->meta[ZHTIDY_META_TITLE]) {
        zhtidy_status st = set_title(doc, hint, strlen(hint));
        if (st)
            return st;
    }
    /* a page's markup says what its title is, or that it has none; a
     * first paragraph of it is a paragraph */
    if (!doc->n || !zt_is_text(&doc->blocks[0]) || !zt_rule_on(ctx->opts, ZT_R_TITLE_EXTRACT) ||
        doc->input == ZHTIDY_INPUT_HTML)
        return ZHTIDY_OK;
    return extract(doc, hint);
}
