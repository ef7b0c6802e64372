/* SPDX-License-Identifier: MIT */
/* numbering.c - the numbering styles of Chinese headings.
 *
 * 一、 （一） 1、/1. （1） ① 第一章 第一节 第一部分.  Which level each style
 * stands for is not fixed: the headings pass ranks styles in the order a
 * document uses them. */
#include "internal.h"


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
        } else if (c == 0x5341) { /* 十 */
            total += (cur ? cur : 1) * 10;
            cur = 0;
        } else if (c == 0x767E) { /* 百 */
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
        bool cn = digit_value(d) >= 0 || d == 0x5341; /* 十 */
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
    if (!zt_is_numeral(c))
        return false;
    v = chinese_number(t, len, &i);
    if (v <= 0 || !take(t, len, &i, 0x3001, 0))
        return false;
    *out = (zt_num){ZT_NUM_CN_DUN, v, i - pos};
    return true;
}
