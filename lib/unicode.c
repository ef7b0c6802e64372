/* SPDX-License-Identifier: MIT */
/* unicode.c - Unicode clean-up with utf8proc.
 *
 * NFC only: NFKC on the whole text would turn ，！？：；（） into ASCII and … into
 * "...", destroying Chinese punctuation.  The compatibility mappings we do
 * want (full-width letters and digits, Kangxi radicals) are applied one
 * character class at a time. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct {
    bool control, zero_width, bom, fullwidth, kangxi, indent, nfc;
} rules_on;

static bool is_control(int32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
           cp == 0xFFFE || cp == 0xFFFF;
}

static bool is_zero_width(int32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060;
}

/* Code points whose NFC form is themselves in any context: skipping
 * utf8proc for blocks made only of these keeps the pass fast. */
static bool nfc_stable(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x3000 && cp <= 0x3098) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2010 && cp <= 0x2027) ||
           (cp >= 0x3400 && cp <= 0x4DBF);
}

/* The unified ideograph a Kangxi radical stands for (its compatibility
 * decomposition), or 0. */
static int32_t kangxi_ideograph(int32_t cp)
{
    utf8proc_int32_t dst[4];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, dst, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT,
                                                   &boundclass);
    return n == 1 ? dst[0] : 0;
}

static zhtidy_status clean_chars(struct zt_block *b, struct zhtidy_report *r,
                                 const rules_on *on, bool *nfc_needed)
{
    zt_edit e;
    zt_edit_start(&e, r, b->line, b->len);
    const char *t = b->text;
    size_t i = 0, len = b->len, kept = 0; /* kept: start of the pending run */
    *nfc_needed = false;
    while (i < len) {
        size_t at = i;
        int32_t cp = zt_utf8_next(t, len, &i);
        zt_rule rule = ZT_RULE_COUNT; /* none */
        int32_t to = -1; /* -1: remove */
        if (cp < 0x80 && cp >= 0x20 && cp != 0x7F)
            continue;
        if (is_control(cp) && on->control)
            rule = ZT_R_UNICODE_CONTROL;
        else if (is_zero_width(cp) && on->zero_width)
            rule = ZT_R_UNICODE_ZERO_WIDTH;
        else if (cp == 0xFEFF && on->bom)
            rule = ZT_R_UNICODE_BOM;
        else if (on->fullwidth && ((cp >= 0xFF10 && cp <= 0xFF19) ||
                                   (cp >= 0xFF21 && cp <= 0xFF3A) ||
                                   (cp >= 0xFF41 && cp <= 0xFF5A))) {
            rule = ZT_R_UNICODE_FULLWIDTH;
            to = cp - 0xFEE0;
        } else if (on->kangxi && cp >= 0x2F00 && cp <= 0x2FD5 && (to = kangxi_ideograph(cp)))
            rule = ZT_R_UNICODE_KANGXI;
        if (rule == ZT_RULE_COUNT) {
            if (!nfc_stable(cp))
                *nfc_needed = true;
            continue;
        }
        zt_buf_add(&e.out, t + kept, at - kept);
        char enc[4];
        int n = to < 0 ? 0 : zt_utf8_encode(to, enc);
        zt_edit_change(&e, rule, t + at, i - at, enc, (size_t)n);
        kept = i;
    }
    if (e.changes)
        zt_buf_add(&e.out, t + kept, len - kept);
    return zt_edit_finish(&e, b);
}

static zhtidy_status trim(struct zt_block *b, struct zhtidy_report *r)
{
    size_t s = 0, e = b->len, i = 0;
    while (i < b->len) {
        if (!zt_is_space(zt_utf8_next(b->text, b->len, &i)))
            break;
        s = i;
    }
    while (e > s) {
        size_t start;
        if (!zt_is_space(zt_utf8_prev(b->text, e, &start)))
            break;
        e = start;
    }
    if (s == 0 && e == b->len)
        return ZHTIDY_OK;
    zhtidy_status st = ZHTIDY_OK;
    if (s > 0)
        st = zt_report_add(r, ZT_R_UNICODE_INDENT, b->line, ZHTIDY_CHANGE_REMOVE, b->text, s,
                           NULL, 0);
    if (!st && e < b->len)
        st = zt_report_add(r, ZT_R_UNICODE_INDENT, b->line, ZHTIDY_CHANGE_REMOVE, b->text + e,
                           b->len - e, NULL, 0);
    if (st)
        return st;
    memmove(b->text, b->text + s, e - s);
    b->len = e - s;
    b->text[b->len] = '\0';
    return ZHTIDY_OK;
}

static zhtidy_status nfc(struct zt_block *b, struct zhtidy_report *r)
{
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)b->text, (utf8proc_ssize_t)b->len,
                                      &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? ZHTIDY_ERR_NOMEM : ZHTIDY_ERR_ARG;
    zhtidy_status st = zt_report_diff(r, ZT_R_UNICODE_NFC, b->line, b->text, b->len,
                                      (const char *)dst, (size_t)n);
    if (st) {
        free(dst);
        return st;
    }
    zt_block_set_text(b, (char *)dst, (size_t)n);
    return ZHTIDY_OK;
}

zhtidy_status zt_pass_unicode(zt_ctx *ctx)
{
    const zhtidy_options *o = ctx->opts;
    rules_on on = {
        zt_rule_on(o, ZT_R_UNICODE_CONTROL),   zt_rule_on(o, ZT_R_UNICODE_ZERO_WIDTH),
        zt_rule_on(o, ZT_R_UNICODE_BOM),       zt_rule_on(o, ZT_R_UNICODE_FULLWIDTH),
        zt_rule_on(o, ZT_R_UNICODE_KANGXI),    zt_rule_on(o, ZT_R_UNICODE_INDENT),
        zt_rule_on(o, ZT_R_UNICODE_NFC),
    };
    if (!(on.control || on.zero_width || on.bom || on.fullwidth || on.kangxi || on.indent || on.nfc))
        return ZHTIDY_OK;
    zhtidy_doc *doc = ctx->doc;
    struct zhtidy_report *r = &doc->report;
    zhtidy_status st = ZHTIDY_OK;
    for (size_t i = 0; i < doc->n && !st; i++) {
        struct zt_block *b = &doc->blocks[i];
        if (!zt_is_text(b))
            continue;
        bool need_nfc;
        st = clean_chars(b, r, &on, &need_nfc);
        if (!st && need_nfc && on.nfc)
            st = nfc(b, r);
        if (!st && on.indent)
            st = trim(b, r);
    }
    return st;
}
