/* SPDX-License-Identifier: MIT */
/* repeats.c - what a page repeats: its title, a whole copy of itself,
 * running headers and footers, watermark phrases.
 *
 * Sites print the title again above the text, show a document twice (a
 * preview, then the text), put "2019/9/26,陈良杰,2" under every slide, and
 * glue a phrase ("SEO靠我", "管理资源吧") into sentences every few hundred
 * characters.  Text is compared in match form (script, width and spaces
 * folded), through hashes, so every step is linear. */
#include "detect.h"

#include <stdlib.h>
#include <string.h>

#define TITLE_MAX_CHARS 60
#define PAGE_MIN_BLOCKS 3
#define PAGE_MIN_CHARS 200
#define RUN_LIMIT 512
#define FOOTER_MAX_CHARS 40
#define NONE ((size_t)-1)

typedef struct {
    zt_key *keys;       /* the match form of the short lines of the head (n_keys blocks) */
    uint64_t *hash;     /* of each block's match form; 0 for blocks not compared */
    uint32_t *chars;    /* match-form characters (a line of ours is under 1 GiB) */
    uint64_t *template; /* the same with every number as one '#': running footers */
    size_t n, n_keys;
} block_hashes;

static uint64_t mix(uint64_t h, int32_t c)
{
    return (h ^ (uint64_t)(uint32_t)c) * 0x100000001B3ULL;
}

/* File extensions a title is printed with: 报告.docx and 报告 are one title. */
static size_t without_extension(const zt_key *k)
{
    static const char *const ext[] = {".DOCX", ".DOC", ".PDF", ".PPTX", ".PPT", ".TXT", ".XLSX",
                                      ".XLS", ".WPS", ".RAR", ".ZIP", NULL};
    for (size_t e = 0; ext[e]; e++) {
        size_t n = strlen(ext[e]);
        bool same = k->n > n;
        for (size_t j = 0; same && j < n; j++)
            same = k->k[k->n - n + j] == ext[e][j];
        if (same)
            return k->n - n;
    }
    return k->n;
}

static bool is_bullet(int32_t c)
{
    return c == 0x2022 || c == 0xB7 || c == '-' || c == '*' || c == 0x25CF || c == 0x25A0;
}

/* Hash every text block; keep the keys of the short lines among the first
 * KEEP blocks (the head, where titles are compared piece by piece). */
static zhtidy_status hash_blocks(const zhtidy_doc *doc, block_hashes *h, size_t keep)
{
    h->n = doc->n;
    h->hash = calloc(doc->n + 1, sizeof *h->hash);
    h->chars = calloc(doc->n + 1, sizeof *h->chars);
    h->template = calloc(doc->n + 1, sizeof *h->template);
    h->n_keys = keep < doc->n ? keep : doc->n;
    h->keys = calloc(h->n_keys + 1, sizeof *h->keys);
    if (!h->hash || !h->chars || !h->template || !h->keys)
        return ZHTIDY_ERR_NOMEM;
    for (size_t i = 0; i < doc->n; i++) {
        if (!zt_is_text(&doc->blocks[i]))
            continue;
        zt_key k;
        if (!zt_key_build(&k, doc->blocks[i].text, doc->blocks[i].len))
            return ZHTIDY_ERR_NOMEM;
        uint64_t a = 0xCBF29CE484222325ULL, t = a;
        size_t n = without_extension(&k), j0 = 0, words = 0;
        while (j0 < n && is_bullet(k.k[j0])) /* • 标题 is the title printed again */
            j0++;
        for (size_t j = j0; j < n; j++) {
            bool digit = k.k[j] >= '0' && k.k[j] <= '9';
            words += zt_is_han(k.k[j]) || zt_is_ascii_alnum(k.k[j]);
            a = mix(a, k.k[j]);
            if (!digit || j == 0 || !(k.k[j - 1] >= '0' && k.k[j - 1] <= '9'))
                t = mix(t, digit ? '#' : k.k[j]);
        }
        if (words) { /* rules of dashes and blanks repeat nothing */
            h->hash[i] = a | 1; /* never 0 */
            h->template[i] = t | 1;
            h->chars[i] = (uint32_t)(n - j0);
        }
        if (i < keep && n - j0 <= TITLE_MAX_CHARS)
            h->keys[i] = k; /* a short line of the head: a title perhaps */
        else
            zt_key_free(&k);
    }
    return ZHTIDY_OK;
}

static void free_hashes(block_hashes *h)
{
    for (size_t i = 0; h->keys && i < h->n_keys; i++)
        zt_key_free(&h->keys[i]);
    free(h->keys);
    free(h->hash);
    free(h->chars);
    free(h->template);
}

static zhtidy_status remove_block(zhtidy_doc *doc, size_t i, zt_rule rule, const char *why)
{
    zhtidy_status st = zt_block_drop(doc, i, rule, NULL, 0);
    return st || !why ? st : zt_report_why_static(&doc->report, why); /* WHY is a literal */
}

/* ---- a hash set of block indexes, by hash ---------------------------------- */

typedef struct {
    uint32_t *slot; /* index + 1 (lines of an input under 1 GiB fit); 0: free */
    size_t mask;
} index_set;

static bool set_init(index_set *s, size_t n)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    s->mask = cap - 1;
    return (s->slot = calloc(cap, sizeof *s->slot)) != NULL;
}

/* The first index stored with hash H whose block EQUAL says is the same, or
 * store I and return I. */
static size_t set_first(index_set *s, const uint64_t *hash, size_t i)
{
    for (size_t p = hash[i] & s->mask;; p = (p + 1) & s->mask) {
        if (!s->slot[p]) {
            s->slot[p] = (uint32_t)(i + 1);
            return i;
        }
        if (hash[s->slot[p] - 1] == hash[i])
            return s->slot[p] - 1;
    }
}

/* ---- the title printed again ------------------------------------------------ */

/* The head of the page: blocks before the first sentence of prose. */
static size_t head_end(const zhtidy_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        const struct zt_block *b = &doc->blocks[i];
        if (!zt_is_text(b))
            return i;
        if (b->len >= 40 * 3)
            for (size_t p = 0; p < b->len;)
                if (zt_sentence_end(zt_utf8_next(b->text, b->len, &p)))
                    return i;
    }
    return doc->n;
}

/* The block stored with hash H, or NONE. */
static size_t set_find(const index_set *s, const uint64_t *hash, uint64_t h)
{
    for (size_t p = h & s->mask; s->slot[p]; p = (p + 1) & s->mask)
        if (hash[s->slot[p] - 1] == h)
            return s->slot[p] - 1;
    return NONE;
}

/* The hash of key K from index FROM, as hash_blocks makes it. */
static uint64_t hash_from(const zt_key *k, size_t from)
{
    uint64_t a = 0xCBF29CE484222325ULL;
    for (size_t j = from, n = without_extension(k); j < n; j++)
        a = mix(a, k->k[j]);
    return a | 1;
}

/* Does head line I end, after a space, in a head line of SEEN below it?
 * "单片机嵌入式 到底什么是嵌入式？" above the title is the title again, a
 * category before it; a numbered heading is no such copy. */
static bool prefixed_copy(const block_hashes *h, const index_set *seen, size_t i)
{
    const zt_key *k = &h->keys[i];
    for (size_t j = 2; j + 2 <= k->n; j++) {
        if (k->start[j] == zt_key_end(k, j - 1))
            continue; /* no space before J */
        size_t m = set_find(seen, h->hash, hash_from(k, j));
        if (m != NONE && m > i && h->chars[m] >= 4)
            return true;
    }
    return false;
}

/* A short line of the head printed again: the first copy stays.  A copy
 * with a category or a path before it goes too. */
static zhtidy_status title_copies(zhtidy_doc *doc, const block_hashes *h, index_set *seen)
{
    size_t end = head_end(doc);
    for (size_t i = 0; i < end; i++) {
        const struct zt_block *b = &doc->blocks[i];
        if (!h->hash[i] || h->chars[i] > TITLE_MAX_CHARS ||
            zt_utf8_prev(b->text, b->len, NULL) == 0x3002)
            continue; /* a sentence said twice is no title */
        if (set_first(seen, h->hash, i) != i) {
            zhtidy_status st = remove_block(doc, i, ZT_R_REPEATS_TITLE, NULL);
            if (st)
                return st;
        }
    }
    for (size_t i = 0; i < end; i++) {
        if (!h->hash[i] || h->chars[i] > TITLE_MAX_CHARS || doc->blocks[i].dead ||
            zt_starts_numbered(doc->blocks[i].text, doc->blocks[i].len) ||
            !prefixed_copy(h, seen, i))
            continue;
        zhtidy_status st = remove_block(doc, i, ZT_R_REPEATS_TITLE, "the title again, after a category");
        if (st)
            return st;
    }
    return ZHTIDY_OK;
}

/* ---- a page copied twice ------------------------------------------------------ */

static zhtidy_status page_copies(zhtidy_doc *doc, const block_hashes *h, index_set *seen)
{
    for (size_t j = 0; j < doc->n;) {
        size_t i = h->hash[j] && !doc->blocks[j].dead ? set_first(seen, h->hash, j) : j;
        size_t run = 0, chars = 0;
        while (i < j && i + run < j && j + run < doc->n && run < RUN_LIMIT && h->hash[i + run] &&
               h->hash[i + run] == h->hash[j + run] && !doc->blocks[j + run].dead) {
            chars += h->chars[j + run];
            run++;
        }
        if (run < PAGE_MIN_BLOCKS || chars < PAGE_MIN_CHARS) {
            j++;
            continue;
        }
        for (size_t k = j; k < j + run; k++) {
            zhtidy_status st = remove_block(doc, k, ZT_R_REPEATS_PAGE, "a copy of the text above");
            if (st)
                return st;
        }
        j += run;
    }
    return ZHTIDY_OK;
}

/* ---- running headers and footers ------------------------------------------------ */

/* Short lines that differ only in their numbers and stand apart through
 * the page ("2019/9/26,陈良杰,2" … ",3" … ",4"): all of them go.  A list
 * numbers its items at the start and keeps them together; it stays. */
static zhtidy_status running_lines(zhtidy_doc *doc, const block_hashes *h)
{
    index_set by_template;
    if (!set_init(&by_template, doc->n))
        return ZHTIDY_ERR_NOMEM;
    size_t *count = calloc(doc->n + 1, sizeof *count), *last = calloc(doc->n + 1, sizeof *last);
    size_t *spread = calloc(doc->n + 1, sizeof *spread);
    zhtidy_status st = count && last && spread ? ZHTIDY_OK : ZHTIDY_ERR_NOMEM;
    size_t *first = count ? calloc(doc->n + 1, sizeof *first) : NULL;
    if (!first)
        st = ZHTIDY_ERR_NOMEM;
    for (size_t i = 0; !st && i < doc->n; i++) {
        const struct zt_block *b = &doc->blocks[i];
        bool candidate = h->template[i] && !b->dead && h->chars[i] <= FOOTER_MAX_CHARS &&
                         h->template[i] != h->hash[i] && !zt_starts_numbered(b->text, b->len);
        first[i] = candidate ? set_first(&by_template, h->template, i) : doc->n;
        if (first[i] == doc->n)
            continue;
        spread[first[i]] += count[first[i]] && i - last[first[i]] >= 3;
        count[first[i]]++;
        last[first[i]] = i;
    }
    for (size_t i = 0; !st && i < doc->n; i++)
        if (first[i] < doc->n && count[first[i]] >= 3 && spread[first[i]] + 1 >= count[first[i]])
            st = remove_block(doc, i, ZT_R_REPEATS_FOOTER, "the same line, numbered, all through the page");
    free(count);
    free(last);
    free(spread);
    free(first);
    free(by_template.slot);
    return st;
}

zhtidy_status zt_pass_repeats(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    block_hashes h = {0};
    index_set titles = {0}, pages = {0};
    bool title = zt_rule_on(ctx->opts, ZT_R_REPEATS_TITLE);
    bool page = zt_rule_on(ctx->opts, ZT_R_REPEATS_PAGE);
    bool footer = zt_rule_on(ctx->opts, ZT_R_REPEATS_FOOTER);
    size_t head = head_end(doc);
    zhtidy_status st = title || page || footer ? hash_blocks(doc, &h, head) : ZHTIDY_OK;
    /* each set lives only while its step runs: a page of short lines holds
     * as many entries as characters */
    if (!st && title)
        st = set_init(&titles, head) ? title_copies(doc, &h, &titles) : ZHTIDY_ERR_NOMEM;
    free(titles.slot);
    if (!st && page)
        st = set_init(&pages, doc->n) ? page_copies(doc, &h, &pages) : ZHTIDY_ERR_NOMEM;
    free(pages.slot);
    if (!st && footer)
        st = running_lines(doc, &h);
    free_hashes(&h);
    if (!st && zt_rule_on(ctx->opts, ZT_R_REPEATS_WATERMARK))
        st = zt_watermarks(doc);
    return st;
}
