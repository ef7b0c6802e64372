/* SPDX-License-Identifier: MIT */
/* decode.c - bytes to valid UTF-8 with LF line ends.
 *
 * Order: a BOM decides; then valid UTF-8 is taken as UTF-8; otherwise UTF-8,
 * GB18030 (a superset of GBK and GB2312) and Big5-HKSCS are each decoded
 * from a sample and scored, and the best is used.  Invalid sequences become
 * U+FFFD and are recorded, because OpenCC and utf8proc reject a whole call
 * on invalid UTF-8. */
#include "internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFD
#define SCORE_SAMPLE (256u * 1024u)

typedef struct {
    zt_buf out;
    size_t invalid;
    unsigned long line;              /* for the report */
    struct zhtidy_report *report;    /* NULL while scoring */
    zhtidy_status status;
} sink;

static void note_invalid(sink *s, const unsigned char *bad, size_t n)
{
    s->invalid++;
    zt_buf_add_cp(&s->out, REPLACEMENT);
    if (!s->report || s->status)
        return;
    char hex[4 * 4 + 1];
    size_t k = 0;
    for (size_t i = 0; i < n && i < 4; i++, k += 4)
        snprintf(hex + k, sizeof hex - k, "\\x%02X", bad[i]);
    s->status = zt_report_add(s->report, ZT_R_DECODE_INVALID, s->line, ZHTIDY_CHANGE_REPLACE,
                              hex, k, "\xEF\xBF\xBD", 3);
}

static void count_lines(sink *s, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        s->line += p[i] == '\n';
}

static void decode_utf8(sink *s, const unsigned char *in, size_t len)
{
    size_t i = 0;
    /* what comes out is as long as what goes in, but for U+FFFD (three
     * bytes) in place of a bad byte: room for a few of those */
    zt_buf_reserve(&s->out, len + len / 16 + 64);
    while (i < len) {
        size_t start = i;
        while (i < len) {
            size_t n = zt_utf8_valid_len(in + i, len - i);
            if (!n)
                break;
            i += n;
        }
        zt_buf_add(&s->out, (const char *)in + start, i - start);
        count_lines(s, (const char *)in + start, i - start);
        if (i < len) {
            note_invalid(s, in + i, 1);
            i++;
        }
    }
}

static zhtidy_status decode_iconv(sink *s, const char *enc, const unsigned char *in, size_t len)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? ZHTIDY_ERR_NOMEM : ZHTIDY_ERR_ENCODING;
    /* a bad sequence is skipped one code unit at a time, so that UTF-16
     * stays in step with its code units after it */
    size_t unit = !strncmp(enc, "UTF-16", 6) ? 2 : 1;
    char *ip = (char *)in;
    size_t left = len;
    while (left > 0 && !s->out.failed) {
        /* GB18030, Big5 and UTF-16 grow at most by half into UTF-8 */
        if (!zt_buf_reserve(&s->out, left + left / 2 + 16))
            break;
        char *op = s->out.data + s->out.len, *op0 = op;
        size_t room = s->out.cap - s->out.len - 1;
        size_t r = iconv(cd, &ip, &left, &op, &room);
        s->out.len += (size_t)(op - op0);
        s->out.data[s->out.len] = '\0';
        count_lines(s, op0, (size_t)(op - op0));
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ: skip one code unit; EINVAL: the input ends inside a sequence. */
        size_t skip = errno == EINVAL || left < unit ? left : unit;
        note_invalid(s, (const unsigned char *)ip, skip);
        ip += skip;
        left -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    return s->out.failed ? ZHTIDY_ERR_NOMEM : ZHTIDY_OK;
}

static zhtidy_status decode_as(sink *s, const char *enc, const unsigned char *in, size_t len)
{
    if (!strcmp(enc, "UTF-8")) {
        decode_utf8(s, in, len);
        return s->out.failed ? ZHTIDY_ERR_NOMEM : ZHTIDY_OK;
    }
    return decode_iconv(s, enc, in, len);
}

/* How much does the decoded text look like Chinese?  Frequent characters
 * count most; replacement characters, private-use and non-BMP characters
 * (what a wrong multi-byte decoding tends to produce) count against. */
static long score_text(const char *t, size_t len, size_t invalid)
{
    long score = -20L * (long)invalid;
    for (size_t i = 0; i < len;) {
        int32_t cp = zt_utf8_next(t, len, &i);
        if (cp < 0x80)
            score += cp >= 0x20 || cp == '\n' || cp == '\t';
        else if (zt_common_char(cp))
            score += 4;
        else if (zt_is_cjk_punct(cp))
            score += 2;
        else if ((cp >= 0xE000 && cp <= 0xF8FF) || cp > 0xFFFF || cp == REPLACEMENT)
            score -= 4;
    }
    return score;
}

static zhtidy_status detect(const unsigned char *in, size_t len, const char **best)
{
    static const char *candidates[] = {"UTF-8", "GB18030", "BIG5-HKSCS"};
    size_t n = len < SCORE_SAMPLE ? len : SCORE_SAMPLE;
    long best_score = 0;
    *best = candidates[0];
    for (size_t c = 0; c < sizeof candidates / sizeof candidates[0]; c++) {
        sink s = {0};
        zt_buf_init(&s.out);
        zhtidy_status st = decode_as(&s, candidates[c], in, n);
        long score = st ? 0 : score_text(s.out.data, s.out.len, s.invalid);
        zt_buf_free(&s.out);
        if (st == ZHTIDY_ERR_NOMEM)
            return st;
        if (!st && (c == 0 || score > best_score)) {
            best_score = score;
            *best = candidates[c];
        }
    }
    return ZHTIDY_OK;
}

static bool valid_utf8(const unsigned char *in, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (in[i] < 0x80) {
            i++;
            continue;
        }
        /* the common case in Chinese text: a 3-byte sequence, not E0 or ED */
        if (in[i] > 0xE0 && in[i] < 0xF0 && in[i] != 0xED && i + 2 < len &&
            (in[i + 1] & 0xC0) == 0x80 && (in[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t n = zt_utf8_valid_len(in + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

/* U+2028 or U+2029 anywhere?  (“”—… share their first two bytes, so a
 * search for those would stop at every quotation mark.) */
static bool has_line_separator(const char *t, size_t len)
{
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = 0; i + 2 < len; i++)
        if (u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
            return true;
    return false;
}

/* CRLF and CR become LF; U+2028/U+2029 too. In place. */
static size_t normalise_newlines(char *t, size_t len)
{
    if (!memchr(t, '\r', len) && !has_line_separator(t, len)) {
        t[len] = '\0';
        return len; /* the common case: nothing to change */
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '\r') {
            t[o++] = '\n';
            if (i + 1 < len && t[i + 1] == '\n')
                i++;
        } else if ((unsigned char)t[i] == 0xE2 && i + 2 < len &&
                   (unsigned char)t[i + 1] == 0x80 &&
                   ((unsigned char)t[i + 2] == 0xA8 || (unsigned char)t[i + 2] == 0xA9)) {
            t[o++] = '\n';
            i += 2;
        } else {
            t[o++] = t[i];
        }
    }
    t[o] = '\0';
    return o;
}

/* The byte order of UTF-16 without a BOM, or NULL when DATA is not such
 * text.  UTF-16 has an even length and no NUL code unit; decoded in the
 * right order, Chinese or ASCII text scores well (frequent characters, few
 * errors), while binary data with NUL bytes scores badly in both orders. */
static const char *utf16_order(const unsigned char *in, size_t len)
{
    if (len < 2 || len % 2)
        return NULL;
    for (size_t i = 0; i < len; i += 2)
        if (!in[i] && !in[i + 1])
            return NULL;
    size_t n = len < SCORE_SAMPLE ? len : SCORE_SAMPLE;
    static const char *orders[] = {"UTF-16LE", "UTF-16BE"};
    long score[2];
    for (int o = 0; o < 2; o++) {
        sink s = {0};
        zt_buf_init(&s.out);
        zhtidy_status st = decode_iconv(&s, orders[o], in, n);
        score[o] = st || s.invalid * 100 > n / 2 ? -1 : score_text(s.out.data, s.out.len, s.invalid);
        zt_buf_free(&s.out);
    }
    int best = score[1] > score[0];
    return score[best] > 0 && score[best] > score[!best] ? orders[best] : NULL;
}

/* The encoding a BOM names, stepping over it; NULL without one.  A forced
 * "UTF-16" takes its byte order from the BOM too. */
static const char *bom(const unsigned char **in, size_t *len, const char *forced)
{
    const unsigned char *p = *in;
    size_t skip = 0;
    const char *enc = NULL;
    if (*len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF && !forced)
        enc = "UTF-8", skip = 3;
    else if (*len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        enc = "UTF-16LE", skip = 2;
    else if (*len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        enc = "UTF-16BE", skip = 2;
    if (forced && (!enc || strcmp(forced, "UTF-16")))
        return NULL;
    *in += skip;
    *len -= skip;
    return enc;
}

zhtidy_status zt_decode(const unsigned char *in, size_t len, const char *forced,
                        struct zhtidy_report *report, char **out, size_t *out_len,
                        const char **encoding)
{
    const char *enc = bom(&in, &len, forced);
    if (!enc)
        enc = forced;
    if ((!enc || !strcmp(enc, "UTF-16")) && memchr(in, '\0', len)) {
        const char *order = utf16_order(in, len);
        if (order || enc)
            enc = order ? order : "UTF-16LE";
    }
    if (enc && !strcmp(enc, "UTF-16"))
        enc = "UTF-16LE"; /* no BOM and no NUL to tell: the order Windows writes */
    bool wide = enc && !strncmp(enc, "UTF-16", 6);
    if (!wide && memchr(in, '\0', len))
        return ZHTIDY_ERR_BINARY;
    zhtidy_status st;
    bool valid = false;
    if (!enc || !strcmp(enc, "UTF-8"))
        valid = valid_utf8(in, len);
    if (!enc) {
        if (valid)
            enc = "UTF-8";
        else if ((st = detect(in, len, &enc)))
            return st;
    }
    if (valid) { /* nothing to decode or report: copy */
        char *copy = zt_strndup((const char *)in, len);
        if (!copy)
            return ZHTIDY_ERR_NOMEM;
        *out_len = normalise_newlines(copy, len);
        *out = copy;
        *encoding = enc;
        return ZHTIDY_OK;
    }
    sink s = {0};
    zt_buf_init(&s.out);
    s.report = report;
    s.line = 1;
    st = decode_as(&s, enc, in, len);
    if (!st)
        st = s.status;
    if (!st && !zt_buf_reserve(&s.out, 0))
        st = ZHTIDY_ERR_NOMEM;
    if (st) {
        zt_buf_free(&s.out);
        return st;
    }
    /* A UTF-16 file may still carry NULs as U+0000; the unicode pass removes
     * control characters, but a NUL would cut C strings short. */
    if (wide && memchr(s.out.data, '\0', s.out.len)) {
        zt_buf_free(&s.out);
        return ZHTIDY_ERR_BINARY;
    }
    *out_len = normalise_newlines(s.out.data, s.out.len);
    *out = s.out.data;
    *encoding = enc;
    return ZHTIDY_OK;
}
