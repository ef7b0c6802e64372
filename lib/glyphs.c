/* SPDX-License-Identifier: MIT */
/* glyphs.c - glyph splits, pinyin glosses, leaked HTML tags, mojibake.
 *
 * The fixes come from glyph_rules.c.  HTML tags are removed only when the
 * document is plainly not about HTML; mojibake is flagged, never guessed. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Replace every FROM by TO in block B. */
static zhtidy_status replace_all(struct zt_block *b, struct zhtidy_report *r, zt_rule rule,
                                 const char *from, const char *to)
{
    size_t fn = strlen(from), tn = strlen(to);
    if (b->len < fn || !memmem(b->text, b->len, from, fn))
        return ZHTIDY_OK;
    zt_edit e;
    zt_edit_start(&e, r, b->line, b->len);
    const char *p = b->text, *end = b->text + b->len, *hit;
    while ((hit = memmem(p, (size_t)(end - p), from, fn))) {
        zt_buf_add(&e.out, p, (size_t)(hit - p));
        zt_edit_change(&e, rule, hit, fn, to, tn);
        p = hit + fn;
    }
    zt_buf_add(&e.out, p, (size_t)(end - p));
    return zt_edit_finish(&e, b);
}

static bool tone_vowel(int32_t c)
{
    static const int32_t v[] = {0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8,
                                0x12B, 0xED, 0x1D0, 0xEC, 0x14D, 0xF3, 0x1D2, 0xF2,
                                0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8, 0x1DA, 0x1DC, 0xFC};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (c == v[i])
            return true;
    return false;
}

/* "網(wǎng)": a parenthesised pinyin syllable with a tone mark right after a
 * Chinese character.  Returns the byte length of the gloss at T[I], or 0. */
static size_t pinyin_gloss(const char *t, size_t len, size_t i)
{
    size_t j = i;
    int32_t c = zt_utf8_next(t, len, &j);
    if (c != '(' && c != 0xFF08)
        return 0;
    size_t letters = 0;
    bool toned = false;
    while (j < len) {
        c = zt_utf8_next(t, len, &j);
        if (c == ')' || c == 0xFF09)
            return toned && letters <= 6 ? j - i : 0;
        if (tone_vowel(c))
            toned = true;
        else if (!(c >= 'a' && c <= 'z'))
            return 0;
        if (++letters > 6)
            return 0;
    }
    return 0;
}

static zhtidy_status pinyin(struct zt_block *b, struct zhtidy_report *r)
{
    if (!memchr(b->text, '(', b->len) && !memmem(b->text, b->len, "\xEF\xBC\x88", 3))
        return ZHTIDY_OK;
    zt_edit e;
    zt_edit_start(&e, r, b->line, b->len);
    size_t kept = 0, i = 0;
    int32_t prev = 0;
    while (i < b->len) {
        size_t n = zt_is_han(prev) ? pinyin_gloss(b->text, b->len, i) : 0;
        if (n) {
            zt_buf_add(&e.out, b->text + kept, i - kept);
            zt_edit_change(&e, ZT_R_GLYPHS_PINYIN, b->text + i, n, NULL, 0);
            i += n;
            kept = i;
            prev = 0;
            continue;
        }
        prev = zt_utf8_next(b->text, b->len, &i);
    }
    if (e.changes)
        zt_buf_add(&e.out, b->text + kept, b->len - kept);
    return zt_edit_finish(&e, b);
}

/* <p>, </p>, <br/>, <span class="x">: the byte length of a tag at T[I], or 0. */
static size_t html_tag(const char *t, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && t[j] == '/')
        j++;
    size_t name = j;
    while (j < len && (((t[j] | 0x20) >= 'a' && (t[j] | 0x20) <= 'z') || (t[j] >= '1' && t[j] <= '6')))
        j++;
    size_t n = j - name;
    bool known = false;
    for (size_t k = 0; zt_html_tags[k] && !known; k++)
        known = strlen(zt_html_tags[k]) == n && !strncasecmp(t + name, zt_html_tags[k], n);
    if (!known)
        return 0;
    if (j < len && t[j] != '>' && t[j] != ' ' && t[j] != '/')
        return 0;
    for (size_t limit = j + 200; j < len && j < limit; j++) {
        if (t[j] == '<')
            return 0;
        if (t[j] == '>')
            return j + 1 - i;
    }
    return 0;
}

static zhtidy_status html(struct zt_block *b, struct zhtidy_report *r)
{
    if (!memchr(b->text, '<', b->len))
        return ZHTIDY_OK;
    zt_edit e;
    zt_edit_start(&e, r, b->line, b->len);
    size_t kept = 0;
    for (size_t i = 0; i < b->len; i++) {
        size_t n = b->text[i] == '<' ? html_tag(b->text, b->len, i) : 0;
        if (!n)
            continue;
        zt_buf_add(&e.out, b->text + kept, i - kept);
        zt_edit_change(&e, ZT_R_GLYPHS_HTML, b->text + i, n, NULL, 0);
        kept = i + n;
        i = kept - 1;
    }
    if (e.changes)
        zt_buf_add(&e.out, b->text + kept, b->len - kept);
    return zt_edit_finish(&e, b);
}

/* A stray . or ' that a site scatters into its copies as a mark: after a
 * Han character and before punctuation ("办理的.,甲方", "用语的',发现").
 * A full stop ending a sentence has no punctuation after it, numbering
 * (一.) has text, and an apostrophe that closes a quotation has its
 * opening one before it (QUOTES: how many came before). */
static bool stray_at(const char *t, size_t len, size_t i, size_t quotes)
{
    if (t[i] != '.' && t[i] != '\'')
        return false;
    size_t j = i + 1;
    int32_t before = i ? zt_utf8_prev(t, i, NULL) : 0;
    int32_t after = j < len ? zt_utf8_next(t, len, &j) : 0;
    bool punct = after == 0xFF0C || after == ',' || after == 0x3002 || after == 0x3001 ||
                 after == 0xFF1B || after == ';' || after == 0xFF1A || after == 0xFF01 ||
                 after == 0xFF1F;
    return zt_is_han(before) && punct && (t[i] == '.' || quotes % 2 == 0);
}

static zhtidy_status stray(struct zt_block *b, struct zhtidy_report *r)
{
    if (!memchr(b->text, '.', b->len) && !memchr(b->text, '\'', b->len))
        return ZHTIDY_OK;
    zt_edit e;
    zt_edit_start(&e, r, b->line, b->len);
    size_t kept = 0, quotes = 0;
    for (size_t i = 0; i < b->len; i++) {
        bool quote = b->text[i] == '\'';
        if (!stray_at(b->text, b->len, i, quotes)) {
            quotes += quote;
            continue;
        }
        zt_buf_add(&e.out, b->text + kept, i - kept);
        zt_edit_change(&e, ZT_R_GLYPHS_STRAY, b->text + i, 1, NULL, 0);
        kept = i + 1;
    }
    if (e.changes)
        zt_buf_add(&e.out, b->text + kept, b->len - kept);
    return zt_edit_finish(&e, b);
}

/* A document that talks about HTML keeps its tags. */
static bool about_html(const zhtidy_doc *doc)
{
    bool tags = false;
    for (size_t i = 0; i < doc->n && !tags; i++)
        tags = memchr(doc->blocks[i].text, '<', doc->blocks[i].len) != NULL;
    if (!tags)
        return false; /* no tag to keep or remove */
    static const char *words[] = {"HTML", "html", "\xE6\xA0\x87\xE7\xAD\xBE" /* 标签 */,
                                  "\xE6\xA8\x99\xE7\xB1\xA4" /* 標籤 */, "DOCTYPE", "<?xml"};
    for (size_t i = 0; i < doc->n; i++)
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (memmem(doc->blocks[i].text, doc->blocks[i].len, words[w], strlen(words[w])))
                return true;
    return false;
}

/* 锟斤拷 (UTF-8 of U+FFFD read as GBK, twice) and runs of ? or U+FFFD. */
static zhtidy_status mojibake(const struct zt_block *b, struct zhtidy_report *r)
{
    static const char *marks[] = {"\xE9\x94\x9F\xE6\x96\xA4\xE6\x8B\xB7", "????",
                                  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"};
    if (!memchr(b->text, '?', b->len) && !memmem(b->text, b->len, "\xE9\x94\x9F", 3) &&
        !memmem(b->text, b->len, "\xEF\xBF\xBD", 3))
        return ZHTIDY_OK;
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        const char *hit = memmem(b->text, b->len, marks[m], strlen(marks[m]));
        if (hit)
            return zt_report_add(r, ZT_R_GLYPHS_MOJIBAKE, b->line, ZHTIDY_CHANGE_FLAG, hit,
                                 strlen(marks[m]), NULL, 0);
    }
    return ZHTIDY_OK;
}

zhtidy_status zt_pass_glyphs(zt_ctx *ctx)
{
    const zhtidy_options *o = ctx->opts;
    zhtidy_doc *doc = ctx->doc;
    bool split = zt_rule_on(o, ZT_R_GLYPHS_SPLIT), gloss = zt_rule_on(o, ZT_R_GLYPHS_PINYIN);
    bool tags = zt_rule_on(o, ZT_R_GLYPHS_HTML) && !about_html(doc);
    bool moji = zt_rule_on(o, ZT_R_GLYPHS_MOJIBAKE), strays = zt_rule_on(o, ZT_R_GLYPHS_STRAY);
    struct zhtidy_report *r = &doc->report;
    zhtidy_status st = ZHTIDY_OK;
    for (size_t i = 0; i < doc->n && !st; i++) {
        struct zt_block *b = &doc->blocks[i];
        if (!zt_is_text(b))
            continue;
        for (size_t g = 0; split && g < zt_glyph_count && !st; g++)
            st = replace_all(b, r, ZT_R_GLYPHS_SPLIT, zt_glyph_table[g].from, zt_glyph_table[g].to);
        if (!st && gloss)
            st = pinyin(b, r);
        if (!st && tags)
            st = html(b, r);
        if (!st && moji)
            st = mojibake(b, r);
        if (!st && strays)
            st = stray(b, r);
    }
    return st;
}
