/* SPDX-License-Identifier: MIT */
/* toc.c - find the table of contents, keep its entries, take it out.
 *
 * Scraped tables of contents stand on their own lines, or run into the text
 * ("目录一、 教育…的现状3二、 地方政府…4"), sometimes behind Word field codes
 * (TOC\o"1-4"\z\u) and with a page number garbled into a letter ("方式H九、").
 * An entry is numbering, text, and a page number; the entry after it must
 * continue the numbering, else the table has ended and what follows is
 * body text.  The entries, without page numbers, guide the headings pass.
 *
 * A table may have no 目录 before it: field codes open it
 * ("TOC\o"1-2"\h\u29699第一章 总论 3…"), or its lines end in dot leaders
 * and page numbers ("第一章 总论 ........ 1").  Field codes left anywhere
 * else (PAGEREF _Toc29699 \h) go on their own. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ENTRY_BYTES (60 * 3)
#define TOC_SEARCH_BLOCKS 12

typedef struct {
    zt_num_style top; /* style of the first entry */
    long last_top;    /* value of the last top-level entry */
    long last_page;
    bool field; /* behind field codes: bookmark numbers glued to page numbers */
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

/* Does the page number at T[E] end the entry numbered N?  Its bytes, or 0:
 * the next entry or the text's end must follow, or a page number no
 * smaller than the last.  Behind field codes the page number runs into a
 * bookmark number ("总论 371381.1项目背景"): the digits up to where the next
 * entry starts are taken. */
static size_t entry_page(const char *t, size_t len, size_t e, const toc_state *s,
                         const zt_num *n)
{
    toc_state next = *s;
    if (next.top == ZT_NUM_NONE || n->style == next.top) {
        next.top = n->style;
        next.last_top = n->value;
    }
    bool digits = t[e] >= '0' && t[e] <= '9';
    size_t pn = page_number(t, len, e);
    if (pn && (e + pn == len || continues_toc(t, len, e + pn, &next) ||
               (digits && atol(t + e) >= s->last_page)))
        return pn;
    if (!s->field || !digits || (t[e - 1] >= '0' && t[e - 1] <= '9'))
        return 0;
    size_t r = e;
    while (r < len && r - e < 16 && t[r] >= '0' && t[r] <= '9')
        r++;
    for (size_t k = e + 1; k <= r; k++)
        if (k == len || continues_toc(t, len, k, &next))
            return k - e;
    return 0;
}

static zhtidy_status add_entry(zt_ctx *ctx, const char *text, size_t len, zt_num_style style,
                               long value)
{
    while (len && (text[0] == ' ' || text[0] == '\t'))
        text++, len--;
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
            if (e > text_start + 3 && (page = entry_page(t, len, e, s, &n)))
                break;
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

/* The text from T[P] to its end holds no sentence: the rest of a table. */
static bool no_sentence(const char *t, size_t len, size_t p)
{
    while (p < len)
        if (zt_sentence_end(zt_utf8_next(t, len, &p)))
            return false;
    return true;
}

/* The table starts in block I at byte M, after a marker of MARKER bytes
 * (none when field codes open it). */
static zhtidy_status take_toc(zt_ctx *ctx, size_t i, size_t m, size_t marker)
{
    zhtidy_doc *doc = ctx->doc;
    struct zt_block *b = &doc->blocks[i];
    size_t codes = m + marker, p = zt_skip_field_codes(b->text, b->len, codes), count = 0;
    size_t codes_end = p;
    toc_state s = {ZT_NUM_NONE, 0, 0, p > codes};
    bool ended;
    zhtidy_status st = parse_entries(ctx, b->text, b->len, &p, &s, &count, &ended);
    if (st)
        return st;
    /* a field's table holds the block to its end when no sentence follows:
     * entries the parse could not follow ("1.1项目背景") are still its own */
    if (s.field && p < b->len && no_sentence(b->text, b->len, p)) {
        p = b->len;
        ended = false;
    }
    /* entries on lines of their own after a lone marker */
    size_t j = i + 1;
    while (!ended && p == b->len && j < doc->n) {
        size_t q = 0, before = count;
        st = parse_entries(ctx, doc->blocks[j].text, doc->blocks[j].len, &q, &s, &count, &ended);
        if (st || count == before || q != doc->blocks[j].len)
            break; /* a partly parsed block is body text that looks like one */
        if ((st = zt_block_drop(doc, j++, ZT_R_TOC_REMOVE, NULL, 0)))
            return st;
    }
    if (st || (count == 0 && !(s.field && p > codes_end)))
        return st;
    /* the entries, the field codes before them, the marker: each in the
     * report under its rule; codes stay when their rule is off */
    bool cut_codes = zt_rule_on(ctx->opts, ZT_R_TOC_FIELD_CODES);
    if (codes_end == codes) {
        st = zt_block_cut(doc, i, m, p, ZT_R_TOC_REMOVE);
    } else {
        if (p > codes_end)
            st = zt_block_cut(doc, i, codes_end, p, ZT_R_TOC_REMOVE);
        if (!st && cut_codes)
            st = zt_block_cut(doc, i, codes, codes_end, ZT_R_TOC_FIELD_CODES);
        if (!st && marker)
            st = zt_block_cut(doc, i, m, codes, ZT_R_TOC_REMOVE);
    }
    if (st)
        return st;
    /* title before the marker, body after the table: blocks of their own */
    if (m > 0 && m < doc->blocks[i].len && (st = split_block(doc, i, m)))
        return st;
    drop_empty(doc, i);
    return ZHTIDY_OK;
}

static bool leader_char(int32_t c)
{
    return c == '.' || c == 0xB7 || c == 0x2026 || c == 0x22EF || c == 0xFF0E || c == 0x2022;
}

/* A line of a table told by its leader: text, three or more leader dots,
 * a page number that ends it ("第一章 总论 ........ 1", "背景……3").  The
 * end of the entry's text, or 0. */
static size_t leader_entry(const struct zt_block *b)
{
    if (!zt_is_text(b))
        return 0;
    const char *t = b->text;
    size_t e = b->len, d;
    while (e && t[e - 1] == ' ')
        e--;
    for (d = e; d && e - d < 3 && t[d - 1] >= '0' && t[d - 1] <= '9';)
        d--;
    if (d == e || (d && t[d - 1] >= '0' && t[d - 1] <= '9'))
        return 0;
    size_t q = d, dots = 0;
    while (q) {
        size_t at;
        int32_t c = zt_utf8_prev(t, q, &at);
        if (c == ' ' || c == '\t' || leader_char(c))
            dots += c == 0x2026 || c == 0x22EF ? 3 : leader_char(c);
        else
            break;
        q = at;
    }
    size_t chars = zt_utf8_count(t, q);
    return dots >= 3 && chars >= 2 && chars <= 60 ? q : 0;
}

/* A table without 目录, told by three or more leader lines in a row: its
 * entries recorded, its lines taken out. */
static zhtidy_status leader_toc(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    size_t run = 0;
    for (size_t i = 0; i <= doc->n; i++) {
        if (i < doc->n && !doc->blocks[i].dead && leader_entry(&doc->blocks[i])) {
            run++;
            continue;
        }
        if (run >= 3) {
            zhtidy_status st = ZHTIDY_OK;
            for (size_t k = i - run; k < i && !st; k++) {
                struct zt_block *b = &doc->blocks[k];
                size_t end = leader_entry(b), p = 0;
                zt_num n = {ZT_NUM_PLAIN, 0, 0};
                if (zt_numbering(b->text, end, 0, &n))
                    p = n.len;
                st = add_entry(ctx, b->text + p, end - p, n.style, n.value);
                if (!st)
                    st = zt_block_drop(doc, k, ZT_R_TOC_DOT_LEADER, NULL, 0);
            }
            return st;
        }
        run = 0;
    }
    return ZHTIDY_OK;
}

/* Field codes left in the text, wherever they stand. */
static zhtidy_status stray_field_codes(zhtidy_doc *doc)
{
    zhtidy_status st = ZHTIDY_OK;
    for (size_t i = 0; i < doc->n && !st; i++) {
        struct zt_block *b = &doc->blocks[i];
        if (!zt_is_text(b) || b->dead)
            continue;
        zt_edit e;
        zt_edit_start(&e, &doc->report, b->line, b->len);
        size_t kept = 0;
        for (size_t p = 0; p < b->len; p++) {
            char c = b->text[p];
            size_t n = c == 'T' || c == 'P' || c == 'H' || c == '_'
                           ? zt_field_code_at(b->text, b->len, p)
                           : 0;
            if (!n)
                continue;
            if (p > 0 && b->text[p - 1] == ' ' && p + n < b->len && b->text[p + n] == ' ')
                n++; /* one of the spaces around it */
            zt_buf_add(&e.out, b->text + kept, p - kept);
            zt_edit_change(&e, ZT_R_TOC_FIELD_CODES, b->text + p, n, NULL, 0);
            kept = p + n;
            p = kept - 1;
        }
        if (e.changes)
            zt_buf_add(&e.out, b->text + kept, b->len - kept);
        st = zt_edit_finish(&e, b);
    }
    return st;
}

static zhtidy_status find_toc(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    for (size_t i = 0; i < doc->n && i < TOC_SEARCH_BLOCKS; i++) {
        const struct zt_block *b = &doc->blocks[i];
        long m = find_marker(b);
        if (m >= 0)
            return take_toc(ctx, i, (size_t)m, 6); /* 目录 and 目錄 are six bytes */
        size_t p = zt_is_text(b) ? zt_skip_field_codes(b->text, b->len, 0) : 0;
        if (p && zt_has_field_code(b->text, p))
            return take_toc(ctx, i, 0, 0);
    }
    return zt_rule_on(ctx->opts, ZT_R_TOC_DOT_LEADER) ? leader_toc(ctx) : ZHTIDY_OK;
}

zhtidy_status zt_pass_toc(zt_ctx *ctx)
{
    zhtidy_status st = ZHTIDY_OK;
    if (zt_rule_on(ctx->opts, ZT_R_TOC_REMOVE))
        st = find_toc(ctx);
    if (!st && zt_rule_on(ctx->opts, ZT_R_TOC_FIELD_CODES))
        st = stray_field_codes(ctx->doc);
    return st;
}
