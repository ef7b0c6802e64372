/* SPDX-License-Identifier: MIT */
/* text.c - the text analysis every pass shares: where sentences end, what
 * continues a line, Chinese numerals and heading numbering, the table of
 * contents' marker and Word's field codes.  One definition of each, so
 * that the passes agree.
 *
 * Numbering styles: 一、 （一） 1、/1. （1） ① 第一章 第一节 第一部分.  Which
 * level each style stands for is not fixed: the headings pass ranks styles
 * in the order a document uses them. */
#include "internal.h"

#include <string.h>

/* ---- punctuation -------------------------------------------------------- */

bool zt_sentence_end(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' ||
           c == ';';
}

bool zt_block_complete(int32_t c)
{
    return zt_sentence_end(c) || c == 0xFF1A || c == 0x2026 || c == 0x201D || c == 0x2019 ||
           c == 0xFF09 || c == 0x300D || c == 0x300F || c == 0x300B || c == ':' || c == '.' ||
           c == ')' || c == '"';
}

bool zt_clause_punct(int32_t c)
{
    return zt_sentence_end(c) || c == 0xFF0C || c == ',';
}

bool zt_continues_line(int32_t c)
{
    return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A ||
           c == 0xFF1F || c == 0xFF01 || c == 0xFF09 || c == ',' || c == ';' || c == ')';
}

bool zt_has_clause_punct(const char *t, size_t len)
{
    for (size_t i = 0; i < len;)
        if (zt_clause_punct(zt_utf8_next(t, len, &i)))
            return true;
    return false;
}

/* ---- the table of contents' marker and field codes ----------------------- */

#define MARK_SIMP "\xE7\x9B\xAE\xE5\xBD\x95" /* 目录 */
#define MARK_TRAD "\xE7\x9B\xAE\xE9\x8C\x84" /* 目錄 */

const char *zt_find_toc_marker(const char *t, size_t len)
{
    const char *a = memmem(t, len, MARK_SIMP, 6);
    const char *b = memmem(t, a ? (size_t)(a - t) : len, MARK_TRAD, 6);
    return b ? b : a;
}

bool zt_toc_marker_line(const char *t, size_t len)
{
    size_t i = 0, chars = 0;
    int32_t c[2] = {0, 0};
    while (i < len && chars <= 2) {
        int32_t cp = zt_utf8_next(t, len, &i);
        if (!zt_is_space(cp) && chars++ < 2)
            c[chars - 1] = cp;
    }
    return chars == 2 && c[0] == 0x76EE && (c[1] == 0x5F55 || c[1] == 0x9304);
}

bool zt_starts_toc_marker(const char *t, size_t len)
{
    return len >= 6 && (!memcmp(t, MARK_SIMP, 6) || !memcmp(t, MARK_TRAD, 6));
}

bool zt_has_field_code(const char *t, size_t len)
{
    return memmem(t, len, "TOC\\o", 5) != NULL;
}

static bool ascii_letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool starts(const char *t, size_t len, size_t p, const char *w, size_t n)
{
    return len - p >= n && !memcmp(t + p, w, n);
}

/* Switches and arguments of a field from T[P]: \o "1-3" \h _Toc123, and
 * the bookmark digits a copy glues to them ("\u29699").  Their end. */
static size_t field_switches(const char *t, size_t len, size_t p)
{
    for (;;) {
        size_t r = p;
        while (r < len && t[r] == ' ')
            r++;
        if (r + 1 < len && t[r] == '\\' && ascii_letter(t[r + 1])) {
            r += 2;
        } else if (r < len && t[r] == '"') {
            size_t q = r + 1;
            while (q < len && q - r < 40 && t[q] != '"' && (unsigned char)t[q] >= 0x20 &&
                   (unsigned char)t[q] < 0x80)
                q++;
            if (q >= len || t[q] != '"')
                break;
            r = q + 1;
        } else if (starts(t, len, r, "_Toc", 4)) {
            r += 4;
        } else {
            break;
        }
        while (r < len && t[r] >= '0' && t[r] <= '9')
            r++;
        p = r;
    }
    return p;
}

size_t zt_field_code_at(const char *t, size_t len, size_t p)
{
    if (p >= len || (p > 0 && ascii_letter(t[p - 1])))
        return 0;
    static const struct {
        const char *w;
        size_t n;
    } fields[] = {{"TOC", 3}, {"PAGEREF", 7}, {"HYPERLINK", 9}};
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
        if (!starts(t, len, p, fields[f].w, fields[f].n))
            continue;
        size_t q = p + fields[f].n;
        if (q < len && ascii_letter(t[q]))
            return 0;
        size_t end = field_switches(t, len, q);
        /* a field has switches or a bookmark; "TOC" alone is a word */
        return end > q && memchr(t + q, '\\', end - q) ? end - p : 0;
    }
    if (starts(t, len, p, "_Toc", 4) && p + 4 < len && t[p + 4] >= '0' && t[p + 4] <= '9')
        return field_switches(t, len, p) - p;
    return 0;
}

size_t zt_skip_field_codes(const char *t, size_t len, size_t p)
{
    for (;;) {
        while (p < len && (t[p] == ' ' || t[p] == '\t'))
            p++;
        size_t n = zt_field_code_at(t, len, p);
        if (!n)
            return p;
        p += n;
    }
}

/* ---- numerals and numbering ---------------------------------------------- */

bool zt_is_cn_numeral(int32_t c)
{
    return zt_is_numeral(c) && c > 0x7F;
}

size_t zt_chunk_counter(const char *t, size_t len, long *n, size_t *digits)
{
    size_t i = 0;
    *n = 0;
    while (i < len && i < 6 && t[i] >= '0' && t[i] <= '9')
        *n = *n * 10 + (t[i++] - '0');
    if (!i || len < i + 3 || memcmp(t + i, "\xE3\x80\x81", 3))
        return 0;
    *digits = i;
    return i + 3;
}

static int digit_value(int32_t c)
{
    static const int32_t cn[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                 0x516D, 0x4E03, 0x516B, 0x4E5D};
    for (int i = 0; i < 10; i++)
        if (c == cn[i])
            return i;
    if (c == 0x3007)
        return 0;
    if (c == 0x4E24)
        return 2; /* 两 */
    /* the formal numerals of amounts and of Taiwan's headings (壹、貳、參),
     * in both scripts */
    static const struct {
        int32_t c;
        int v;
    } formal[] = {{0x58F9, 1}, {0x8CB3, 2}, {0x8D30, 2}, {0x53C3, 3}, {0x53C1, 3},
                  {0x8086, 4}, {0x4F0D, 5}, {0x9678, 6}, {0x9646, 6}, {0x67D2, 7},
                  {0x634C, 8}, {0x7396, 9}};
    for (size_t k = 0; k < sizeof formal / sizeof formal[0]; k++)
        if (c == formal[k].c)
            return formal[k].v;
    return -1;
}

/* A Chinese numeral up to 999 at T[*I]; advances *I.  -1 when none. */
static long chinese_number(const char *t, size_t len, size_t *i)
{
    long total = 0, cur = 0;
    size_t start = *i, j = *i;
    bool any = false;
    while (j < len) {
        size_t at = j;
        int32_t c = zt_utf8_next(t, len, &j);
        int d = digit_value(c);
        if (d >= 0) {
            cur = d;
        } else if (c == 0x5341 || c == 0x62FE) { /* 十 拾 */
            total += (cur ? cur : 1) * 10;
            cur = 0;
        } else if (c == 0x767E || c == 0x4F70) { /* 百 佰 */
            total += (cur ? cur : 1) * 100;
            cur = 0;
        } else {
            j = at;
            break;
        }
        any = true;
    }
    if (!any || j - start > 5 * 3)
        return -1;
    *i = j;
    return total + cur;
}

static long arabic_number(const char *t, size_t len, size_t *i)
{
    size_t j = *i;
    long v = 0;
    while (j < len && j - *i < 3 && t[j] >= '0' && t[j] <= '9')
        v = v * 10 + (t[j++] - '0');
    if (j == *i || (j < len && t[j] >= '0' && t[j] <= '9'))
        return -1;
    *i = j;
    return v;
}

static bool take(const char *t, size_t len, size_t *i, int32_t want1, int32_t want2)
{
    size_t j = *i;
    if (j >= len)
        return false;
    int32_t c = zt_utf8_next(t, len, &j);
    if (c != want1 && c != want2)
        return false;
    *i = j;
    return true;
}

bool zt_numbering(const char *t, size_t len, size_t pos, zt_num *out)
{
    size_t i = pos;
    if (i >= len)
        return false;
    /* most places start no numbering: a digit, '(' or the first byte of
     * （ ① 第 or a CJK numeral is needed (0xE3-0xE9 covers the last three) */
    unsigned char b0 = (unsigned char)t[i];
    if (!(b0 >= '0' && b0 <= '9') && b0 != '(' && b0 != 0xEF && b0 != 0xE2 &&
        !(b0 >= 0xE3 && b0 <= 0xE9))
        return false;
    size_t j = i;
    int32_t c = zt_utf8_next(t, len, &j);
    long v;
    if (c >= 0x2460 && c <= 0x2473) { /* ① - ⑳ */
        *out = (zt_num){ZT_NUM_CIRCLED, c - 0x2460 + 1, j - pos};
        return true;
    }
    if (c == '(' || c == 0xFF08) {
        if (j >= len)
            return false;
        size_t k = j;
        int32_t d = zt_utf8_next(t, len, &k);
        bool cn = digit_value(d) >= 0 || d == 0x5341 || d == 0x62FE; /* 十 拾 */
        i = j;
        v = cn ? chinese_number(t, len, &i) : arabic_number(t, len, &i);
        if (v <= 0 || !take(t, len, &i, ')', 0xFF09))
            return false;
        *out = (zt_num){cn ? ZT_NUM_CN_PAREN : ZT_NUM_AR_PAREN, v, i - pos};
        return true;
    }
    if (c == 0x7B2C) { /* 第 */
        i = j;
        v = chinese_number(t, len, &i);
        if (v < 0)
            v = arabic_number(t, len, &i);
        if (v <= 0 || i >= len)
            return false;
        size_t k = i;
        int32_t unit = zt_utf8_next(t, len, &k);
        zt_num_style s = unit == 0x7AE0 ? ZT_NUM_CHAPTER : unit == 0x8282 || unit == 0x7BC0
                                                               ? ZT_NUM_SECTION
                                                               : 0;
        if (!s && unit == 0x90E8 && take(t, len, &k, 0x5206, 0)) /* 部分 */
            s = ZT_NUM_PART;
        if (!s)
            return false;
        *out = (zt_num){s, v, k - pos};
        return true;
    }
    if (c >= '0' && c <= '9') {
        v = arabic_number(t, len, &i);
        if (v <= 0)
            return false;
        size_t k = i;
        if (take(t, len, &k, 0x3001, 0xFF0E) ||
            (take(t, len, &k, '.', 0) && !(k < len && t[k] >= '0' && t[k] <= '9'))) {
            *out = (zt_num){ZT_NUM_AR_DUN, v, k - pos};
            return true;
        }
        return false;
    }
    if (!zt_is_numeral(c) && digit_value(c) < 0 && c != 0x62FE)
        return false;
    v = chinese_number(t, len, &i);
    if (v <= 0 || !take(t, len, &i, 0x3001, 0))
        return false;
    *out = (zt_num){ZT_NUM_CN_DUN, v, i - pos};
    return true;
}

bool zt_starts_numbered(const char *t, size_t len)
{
    zt_num n;
    if (zt_numbering(t, len, 0, &n))
        return true;
    size_t i = 0;
    int32_t c = len ? zt_utf8_next(t, len, &i) : 0;
    if (c == 0x7B2C || c == '(' || c == 0xFF08) { /* 第N… (N… without a closing mark */
        int32_t d = i < len ? zt_utf8_next(t, len, &i) : 0;
        return zt_is_numeral(d);
    }
    if (!zt_is_numeral(c))
        return false;
    while (i < len && zt_is_numeral(c))
        c = zt_utf8_next(t, len, &i);
    if (c == '.' || c == 0xFF0E) /* 一. 1. but not 1.5 */
        return !(i < len && t[i] >= '0' && t[i] <= '9');
    return c == 0x3001 || c == 0x662F /* 是: 一是 */ || c == ' ';
}
