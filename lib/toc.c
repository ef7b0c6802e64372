/* SPDX-License-Identifier: MIT */
/* toc.c - find the table of contents, keep its entries, take it out.
 *
 * Scraped tables of contents stand on their own lines, or run into the text
 * ("目录一、 教育…的现状3二、 地方政府…4"), sometimes behind Word field codes
 * (TOC\o"1-4"\z\u) and with a page number garbled into a letter ("方式H九、").
 * An entry is numbering, text, and a page number; the entry after it must
 * continue the numbering, else the table has ended and what follows is
 * body text.  The entries, without page numbers, guide the headings pass. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ENTRY_BYTES (60 * 3)
#define TOC_SEARCH_BLOCKS 12

typedef struct {
    zt_num_style top; /* style of the first entry */
    long last_top;    /* value of the last top-level entry */
    long last_page;
} toc_state;

static bool is_leader(int32_t c)
{
    return zt_is_space(c) || c == '.' || c == 0x2026 || c == 0x00B7 || c == 0x22EF ||
           c == '-' || c == 0x2014;
}

/* Does numbering that continues the table start at T[P]? */
static bool continues_toc(const char *t, size_t len, size_t p, const toc_state *s)
{
    while (p < len && (t[p] == ' ' || t[p] == '\t'))
        p++;
    zt_num n;
    if (!zt_numbering(t, len, p, &n))
        return false;
    if (n.style == s->top)
        return n.value == s->last_top + 1;
    return n.value == 1 || s->top == ZT_NUM_NONE; /* a sub-entry list starts at 1 */
}

/* A page number: 1-3 digits, or one Latin letter a bad scan made of one.
 * Returns its byte length at T[P], or 0. */
static size_t page_number(const char *t, size_t len, size_t p)
{
    size_t q = p;
    while (q < len && q - p < 3 && t[q] >= '0' && t[q] <= '9')
        q++;
    if (q > p && !(q < len && t[q] >= '0' && t[q] <= '9'))
        return q - p;
    if (q == p && p < len && ((t[p] | 0x20) >= 'a' && (t[p] | 0x20) <= 'z') &&
        !(p + 1 < len && ((t[p + 1] | 0x20) >= 'a' && (t[p + 1] | 0x20) <= 'z')) &&
        !(p > 0 && ((t[p - 1] | 0x20) >= 'a' && (t[p - 1] | 0x20) <= 'z')))
        return 1;
    return 0;
}

static zhtidy_status add_entry(zt_ctx *ctx, const char *text, size_t len, zt_num_style style,
                               long value)
{
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    struct zt_toc_entry *toc = zt_grow(ctx->toc, &ctx->toc_cap, ctx->toc_n, sizeof *toc, 16);
    if (!toc)
        return ZHTIDY_ERR_NOMEM;
    ctx->toc = toc;
    char *copy = zt_strndup(text, len);
    if (!copy)
        return ZHTIDY_ERR_NOMEM;
    ctx->toc[ctx->toc_n++] = (struct zt_toc_entry){copy, len, style, value};
    return ZHTIDY_OK;
}

/* Parse entries from T[*P]; *P ends after the last entry.  *ENDED says the
 * table ended inside this text (body text follows). */
static zhtidy_status parse_entries(zt_ctx *ctx, const char *t, size_t len, size_t *p,
                                   toc_state *s, size_t *count, bool *ended)
{
    *ended = false;
    for (;;) {
        size_t q = *p;
        while (q < len && (t[q] == ' ' || t[q] == '\t'))
            q++;
        zt_num n;
        if (q >= len || !zt_numbering(t, len, q, &n) ||
            (s->top != ZT_NUM_NONE && !continues_toc(t, len, q, s))) {
            *ended = q < len;
            return ZHTIDY_OK;
        }
        size_t text_start = q + n.len, e = text_start, page = 0;
        while (e < len && e - text_start < MAX_ENTRY_BYTES) {
            size_t pn = e > text_start + 3 ? page_number(t, len, e) : 0;
            if (pn) {
                size_t after = e + pn;
                toc_state next = *s;
                if (next.top == ZT_NUM_NONE || n.style == next.top) {
                    next.top = n.style;
                    next.last_top = n.value;
                }
                bool digits = t[e] >= '0' && t[e] <= '9';
                if (after == len || continues_toc(t, len, after, &next) ||
                    (digits && atol(t + e) >= s->last_page)) {
                    page = pn;
                    break;
                }
            }
            zt_utf8_next(t, len, &e);
        }
        if (!page)
            return ZHTIDY_OK; /* not an entry: the table ended before it */
        size_t text_end = e;
        while (text_end > text_start) {
            size_t st;
            if (!is_leader(zt_utf8_prev(t, text_end, &st)))
                break;
            text_end = st;
        }
        zhtidy_status st = add_entry(ctx, t + text_start, text_end - text_start, n.style, n.value);
        if (st)
            return st;
        if (s->top == ZT_NUM_NONE || n.style == s->top) {
            s->top = n.style;
            s->last_top = n.value;
        }
        if (t[e] >= '0' && t[e] <= '9')
            s->last_page = atol(t + e);
        (*count)++;
        *p = e + page;
    }
}

/* Byte offset of 目录/目錄 in the block, or -1. */
static long find_marker(const struct zt_block *b)
{
    /* the marker opens a block, or follows a short title glued to it */
    const char *hit = zt_is_text(b) ? zt_find_toc_marker(b->text, b->len) : NULL;
    if (hit && hit - b->text <= 80 * 3 &&
        !memmem(b->text, (size_t)(hit - b->text), "\xE3\x80\x82", 3))
        return hit - b->text;
    return -1;
}

/* Split block I at byte AT: the text after AT becomes a block of its own. */
static zhtidy_status split_block(zhtidy_doc *doc, size_t i, size_t at)
{
    struct zt_block *b = &doc->blocks[i];
    size_t n = b->len - at;
    char *rest = zt_strndup(b->text + at, n);
    if (!rest)
        return ZHTIDY_ERR_NOMEM;
    unsigned long line = b->line;
    b->len = at;
    b->text[at] = '\0';
    return zt_doc_insert(doc, i + 1, ZHTIDY_PARAGRAPH, 0, rest, n, line);
}

static void drop_empty(zhtidy_doc *doc, size_t i)
{
    if (i < doc->n && doc->blocks[i].len == 0)
        zt_doc_remove(doc, i);
}

/* The table starts in block I at byte M. */
static zhtidy_status take_toc(zt_ctx *ctx, size_t i, size_t m)
{
    zhtidy_doc *doc = ctx->doc;
    struct zt_block *b = &doc->blocks[i];
    size_t p = zt_skip_field_codes(b->text, b->len, m + 6), count = 0;
    toc_state s = {ZT_NUM_NONE, 0, 0};
    bool ended;
    zhtidy_status st = parse_entries(ctx, b->text, b->len, &p, &s, &count, &ended);
    if (st)
        return st;
    /* entries on lines of their own after a lone marker */
    size_t j = i + 1;
    while (!ended && p == b->len && j < doc->n) {
        size_t q = 0, before = count;
        st = parse_entries(ctx, doc->blocks[j].text, doc->blocks[j].len, &q, &s, &count, &ended);
        if (st || count == before || q != doc->blocks[j].len)
            break; /* a partly parsed block is body text that looks like one */
        if ((st = zt_block_cut(doc, j, 0, doc->blocks[j].len, ZT_R_TOC_REMOVE)))
            return st;
        zt_doc_remove(doc, j++);
    }
    if (st || count == 0)
        return st;
    if ((st = zt_block_cut(doc, i, m, p, ZT_R_TOC_REMOVE)))
        return st;
    /* title before the marker, body after the table: blocks of their own */
    if (m > 0 && m < doc->blocks[i].len && (st = split_block(doc, i, m)))
        return st;
    drop_empty(doc, i);
    return ZHTIDY_OK;
}

zhtidy_status zt_pass_toc(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    if (!zt_rule_on(ctx->opts, ZT_R_TOC_REMOVE))
        return ZHTIDY_OK;
    for (size_t i = 0; i < doc->n && i < TOC_SEARCH_BLOCKS; i++) {
        long m = find_marker(&doc->blocks[i]);
        if (m >= 0)
            return take_toc(ctx, i, (size_t)m);
    }
    return ZHTIDY_OK;
}
