/* SPDX-License-Identifier: MIT */
/* fragments.c - rejoin what page breaks and hard line wraps cut.
 *
 * Page counters: some sites prefix every page with "N、" (N = 1, 2, 3 ...),
 * cutting sentences in two.  A run of at least three blocks with consecutive
 * counters, long like pages, most of which follow a block that ends
 * mid-sentence, is such a run: the counters go and the fragments are joined
 * with nothing between them.  Real numbered lists end their items with
 * punctuation or are short, and stay.
 *
 * Line joins: a block that ends mid-sentence continues in the next one,
 * unless either looks like a heading, a list item or a table of contents.
 * A block that starts with ，。、；：？！） always continues the one before. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define PAGE_MIN_CHARS 40
#define CHUNK_MIN_CHARS 100

static int32_t first_cp(const struct zt_block *b)
{
    size_t i = 0;
    return b->len ? zt_utf8_next(b->text, b->len, &i) : 0;
}

static int32_t last_cp(const struct zt_block *b)
{
    return b->len ? zt_utf8_prev(b->text, b->len, NULL) : 0;
}

/* "N、" at the start: N, and the length of the digits in *DIGITS. */
static long counter(const struct zt_block *b, size_t *digits)
{
    long n;
    return zt_is_text(b) && zt_chunk_counter(b->text, b->len, &n, digits) ? n : 0;
}

/* Does the block end in heading numbering that a counter cut from its 、?
 * "…措施7六" + "2、优化…" was "…措施7六、优化…"; "…发展。3" + "18、家长…" was
 * "…发展。3、家长…". */
static bool ends_in_numbering(const struct zt_block *b)
{
    size_t end = b->len, start;
    int32_t c = zt_utf8_prev(b->text, end, &start);
    bool cn = zt_is_cn_numeral(c);
    if (!cn && !(c >= '0' && c <= '9'))
        return false;
    int digits = 0;
    while (end > 0 && (cn ? zt_is_cn_numeral(c) : (c >= '0' && c <= '9'))) {
        end = start;
        digits++;
        c = end ? zt_utf8_prev(b->text, end, &start) : 0;
    }
    if (!cn && digits > 2)
        return false;
    return end == 0 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
           (cn && c >= '0' && c <= '9');
}

/* Join blocks I+1 .. LAST onto block I in one copy, recording each seam
 * with the characters on both sides of it; removed blocks are passed over. */
static zhtidy_status join_run(zhtidy_doc *doc, size_t i, size_t last, zt_rule rule)
{
    size_t total = 0;
    for (size_t k = i; k <= last; k++)
        total += doc->blocks[k].len;
    struct zt_block *a = &doc->blocks[i];
    char *t = a->borrowed ? malloc(total + 1) : realloc(a->text, total + 1);
    if (!t)
        return ZHTIDY_ERR_NOMEM;
    if (a->borrowed)
        memcpy(t, a->text, a->len + 1);
    a->text = t;
    a->borrowed = false;
    for (size_t k = i + 1; k <= last; k++) {
        const struct zt_block *b = &doc->blocks[k];
        if (b->dead)
            continue; /* joined in already */
        size_t s = a->len, e = 0;
        for (int n = 0; n < 6 && s > 0; n++)
            zt_utf8_prev(a->text, s, &s);
        for (int n = 0; n < 6 && e < b->len; n++)
            zt_utf8_next(b->text, b->len, &e);
        char ctx[64];
        size_t left = a->len - s, right = e;
        memcpy(ctx, a->text + s, left);
        ctx[left] = '|';
        memcpy(ctx + left + 1, b->text, right);
        zhtidy_status st = zt_report_add(&doc->report, rule, b->line, ZHTIDY_CHANGE_FLAG, ctx,
                                         left + 1 + right, NULL, 0);
        if (st)
            return st;
        memcpy(a->text + a->len, b->text, b->len);
        a->len += b->len;
        a->text[a->len] = '\0';
    }
    for (size_t k = last; k > i; k--)
        zt_doc_remove(doc, k);
    return ZHTIDY_OK;
}

/* ---- page counters ----------------------------------------------------- */

/* At least N characters?  Counted only up to what decides it. */
static bool at_least_chars(const struct zt_block *b, size_t n)
{
    return b->len >= 4 * n || zt_utf8_count(b->text, b->len) >= n;
}

/* The run of consecutive counters from block I: its length in *SPAN (0
 * when block I has none), and the length to remove if it is a run of page
 * counters, else 0. */
static size_t counter_run(const zhtidy_doc *doc, size_t i, size_t *span)
{
    size_t d, j = i;
    long n0 = counter(&doc->blocks[i], &d);
    *span = 0;
    if (!n0)
        return 0;
    while (j < doc->n && counter(&doc->blocks[j], &d) == n0 + (long)(j - i))
        j++;
    size_t len = j - i, cuts = 0, long_pages = 0, chunks = 0;
    *span = len;
    if (len < 2)
        return 0;
    for (size_t k = i; k < j; k++) {
        long_pages += at_least_chars(&doc->blocks[k], PAGE_MIN_CHARS);
        chunks += at_least_chars(&doc->blocks[k], CHUNK_MIN_CHARS);
        if (k > i)
            cuts += !zt_block_complete(last_cp(&doc->blocks[k - 1]));
    }
    /* two counters are enough when they number long chunks of a mirror
     * page and the second cuts a sentence ("…毛泽东说：“世界上" / "2、怕就怕…") */
    if (len == 2)
        return cuts == 1 && chunks == 2 ? len : 0;
    return cuts * 2 >= len - 1 && long_pages + 1 >= len ? len : 0;
}

static bool url_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ':' || c == '/' || c == '.' || c == '-' || c == '_';
}

/* Does a counter cut a web address or a decimal number in two, block A
 * ending in "…详见ht" and block B going on with "tp://…" after its counter
 * at byte FROM?  The address's start (http://, https://, www.) must span
 * the seam; a decimal point must stand at it (12. | 5%, 12 | .5%). */
static bool cuts_token(const struct zt_block *a, const struct zt_block *b, size_t from)
{
    char w[20];
    size_t left = 0, right = 0;
    while (left < 8 && left < a->len && url_char(a->text[a->len - 1 - left]))
        left++;
    while (right < 8 && from + right < b->len && url_char(b->text[from + right]))
        right++;
    if (!left || !right)
        return false;
    memcpy(w, a->text + a->len - left, left);
    memcpy(w + left, b->text + from, right);
    static const char *const starts[] = {"http://", "https://", "www.", NULL};
    for (const char *const *u = starts; *u; u++) {
        size_t n = strlen(*u);
        for (size_t at = left > n - 1 ? left - (n - 1) : 0; at < left && at + n <= left + right; at++)
            if (!memcmp(w + at, *u, n))
                return true;
    }
    bool d0 = w[left - 1] >= '0' && w[left - 1] <= '9', d1 = w[left] >= '0' && w[left] <= '9';
    bool p0 = w[left - 1] == '.', p1 = w[left] == '.';
    return (p0 && left >= 2 && w[left - 2] >= '0' && w[left - 2] <= '9' && d1) ||
           (d0 && p1 && right >= 2 && w[left + 1] >= '0' && w[left + 1] <= '9');
}

/* A lone counter that continues the page's numbering and cuts a web
 * address or a number: taken out, and the two halves joined. */
static zhtidy_status token_counter(zhtidy_doc *doc, size_t k, long last)
{
    size_t digits, j = k;
    long n = counter(&doc->blocks[k], &digits);
    while (j > 0 && doc->blocks[j - 1].dead) /* joined already */
        j--;
    if (!n || n != last + 1 || j == 0 || !zt_is_text(&doc->blocks[j - 1]) ||
        !cuts_token(&doc->blocks[j - 1], &doc->blocks[k], digits + 3))
        return ZHTIDY_OK;
    zhtidy_status st = zt_block_cut(doc, k, 0, digits + 3, ZT_R_FRAGMENTS_PAGE_COUNTER);
    return st ? st : join_run(doc, j - 1, k, ZT_R_FRAGMENTS_JOIN);
}

static zhtidy_status page_counters(zhtidy_doc *doc, const zhtidy_options *o)
{
    if (!zt_rule_on(o, ZT_R_FRAGMENTS_PAGE_COUNTER))
        return ZHTIDY_OK;
    long last = 0; /* the last counter seen */
    for (size_t i = 0; i < doc->n; i++) {
        size_t span, run = counter_run(doc, i, &span), d;
        if (!run) {
            for (size_t k = i; k < i + span; k++) { /* each run is looked at once */
                long n = counter(&doc->blocks[k], &d);
                zhtidy_status st = token_counter(doc, k, last);
                if (st)
                    return st;
                last = n;
            }
            i += span ? span - 1 : 0;
            continue;
        }
        last = counter(&doc->blocks[i + run - 1], &d);
        for (size_t k = i; k < i + run; k++) {
            size_t digits = 0;
            counter(&doc->blocks[k], &digits);
            /* the page before ends in heading numbering: the 、 is its own */
            bool keep_mark = k > i && ends_in_numbering(&doc->blocks[k - 1]);
            zhtidy_status st = zt_block_cut(doc, k, 0, keep_mark ? digits : digits + 3,
                                            ZT_R_FRAGMENTS_PAGE_COUNTER);
            if (st)
                return st;
        }
        zhtidy_status st = join_run(doc, i, i + run - 1, ZT_R_FRAGMENTS_JOIN);
        if (st)
            return st;
        i += run - 1;
    }
    zt_doc_drop_empty(doc); /* the line joins look at neighbours */
    return ZHTIDY_OK;
}

/* ---- line joins ------------------------------------------------------- */

static bool looks_like_toc(const struct zt_block *b)
{
    return zt_starts_toc_marker(b->text, b->len) || zt_has_field_code(b->text, b->len);
}

/* Does block NEXT continue the text made of blocks FIRST .. NEXT-1? */
static bool joinable(const zhtidy_doc *doc, size_t first, size_t next, size_t chars)
{
    const struct zt_block *a = &doc->blocks[first], *z = &doc->blocks[next - 1];
    const struct zt_block *b = &doc->blocks[next];
    /* headings and list items given by markup end where it says */
    if (!zt_is_text(z) || !zt_is_text(b) || z->type != ZHTIDY_PARAGRAPH || b->type != ZHTIDY_PARAGRAPH)
        return false;
    if (zt_continues_line(first_cp(b)))
        return true;
    if (zt_block_complete(last_cp(z)) || chars < 20)
        return false;
    /* the first block is the title unless it reads like prose */
    bool prose = first > 0 || memmem(a->text, a->len, "\xEF\xBC\x8C", 3) || memchr(a->text, ',', a->len);
    return prose && !zt_starts_numbered(a->text, a->len) && !zt_starts_numbered(b->text, b->len) &&
           !looks_like_toc(a) && !looks_like_toc(b);
}

/* "人口42。" + "8万人": a decimal point turned into 。 and a line break. */
static bool decimal_cut(const struct zt_block *a, const struct zt_block *b)
{
    if (!zt_is_text(a) || !zt_is_text(b) || a->len < 4 || memcmp(a->text + a->len - 3, "\xE3\x80\x82", 3) ||
        a->text[a->len - 4] < '0' || a->text[a->len - 4] > '9')
        return false;
    size_t i = 0;
    while (i < b->len && i < 4 && b->text[i] >= '0' && b->text[i] <= '9')
        i++;
    if (!i || i > 3 || i == b->len)
        return false;
    size_t j = i;
    int32_t unit = zt_utf8_next(b->text, b->len, &j);
    static const int32_t units[] = {0x4E07, 0x4EBF, 0x5343, 0x767E, '%', 0xFF05, 0x5143,
                                    0x4EBA, 0x4E2A, 0x500D, 0x7C73, 0x5428, 0x516C, 0x6237,
                                    0x5C81, 0x5BB6, 0x540D, 0x4F4D, 0x9879, 0x4EFD, 0x70B9};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (unit == units[k])
            return true;
    return false;
}

static zhtidy_status line_joins(zhtidy_doc *doc, const zhtidy_options *o)
{
    bool joins = zt_rule_on(o, ZT_R_FRAGMENTS_JOIN), decimals = zt_rule_on(o, ZT_R_FRAGMENTS_DECIMAL);
    if (!joins && !decimals)
        return ZHTIDY_OK;
    for (size_t i = 0; i + 1 < doc->n; i++) {
        size_t last = i, chars = 0;
        for (;;) {
            struct zt_block *a = &doc->blocks[last];
            chars += a->len < 20 * 3 ? zt_utf8_count(a->text, a->len) : 20;
            if (last + 1 >= doc->n)
                break;
            if (decimals && decimal_cut(a, &doc->blocks[last + 1])) {
                zhtidy_status st = zt_report_add(&doc->report, ZT_R_FRAGMENTS_DECIMAL, a->line,
                                                 ZHTIDY_CHANGE_REPLACE, "\xE3\x80\x82", 3, ".", 1);
                if (st)
                    return st;
                a->len -= 3;
                a->text[a->len++] = '.';
                a->text[a->len] = '\0';
            } else if (!(joins && joinable(doc, i, last + 1, chars))) {
                break;
            }
            last++;
        }
        if (last > i) {
            zhtidy_status st = join_run(doc, i, last, ZT_R_FRAGMENTS_JOIN);
            if (st)
                return st;
            i = last; /* the blocks joined in are empty now */
        }
    }
    return ZHTIDY_OK;
}

/* ---- truncation ------------------------------------------------------- */

static zhtidy_status truncation(zhtidy_doc *doc, const zhtidy_options *o)
{
    if (!doc->n || !zt_rule_on(o, ZT_R_FRAGMENTS_TRUNCATED))
        return ZHTIDY_OK;
    size_t i = doc->n - 1;
    struct zt_block *b = &doc->blocks[i];
    if (!zt_is_text(b) || zt_block_complete(last_cp(b)) || zt_utf8_count(b->text, b->len) < 20)
        return ZHTIDY_OK;
    size_t tail = b->len, s;
    while (tail > 0 && !zt_block_complete(zt_utf8_prev(b->text, tail, &s)))
        tail = s;
    if (tail == 0)
        return zt_report_add(&doc->report, ZT_R_FRAGMENTS_TRUNCATED, b->line, ZHTIDY_CHANGE_FLAG,
                             b->text, b->len, NULL, 0);
    if (!(o->flags & ZHTIDY_DROP_TRUNCATED))
        return zt_report_add(&doc->report, ZT_R_FRAGMENTS_TRUNCATED, b->line, ZHTIDY_CHANGE_FLAG,
                             b->text + tail, b->len - tail, NULL, 0);
    zhtidy_status st = zt_report_add(&doc->report, ZT_R_FRAGMENTS_TRUNCATED, b->line,
                                     ZHTIDY_CHANGE_REMOVE, b->text + tail, b->len - tail, NULL, 0);
    if (!st) {
        b->len = tail;
        b->text[tail] = '\0';
    }
    return st;
}

zhtidy_status zt_pass_fragments(zt_ctx *ctx)
{
    zhtidy_status st = page_counters(ctx->doc, ctx->opts);
    if (!st)
        st = line_joins(ctx->doc, ctx->opts);
    if (!st)
        st = truncation(ctx->doc, ctx->opts);
    return st;
}
