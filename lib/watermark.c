/* SPDX-License-Identifier: MIT */
/* watermark.c - phrases a site glues into sentences again and again.
 *
 * "纯真数据库收集了…等 ISP 的 SEO靠我 IP 地址数据", "不SEO靠我时的更改": the
 * phrase stands three times or more, inside sentences (Han or letters on
 * both sides), and is built around a word watermarks are made of (a site's
 * name, a call to download: detect_rules.c).  Around each such word the
 * phrase is grown while its occurrences agree, to at most 16 characters;
 * every occurrence of it then goes.  A word of the document's own that
 * merely repeats ("企业资源计划") is no seed, and a seed's neighbours in
 * running text differ, so the phrase stays short and is left alone. */
#include "detect.h"

#include <stdlib.h>
#include <string.h>

#define MIN_COUNT 3
#define MIN_CHARS 4
#define MAX_CHARS 16
#define MAX_SEEDS 4096

extern const char *const zt_watermark_words[];

typedef struct {
    size_t block, at, end; /* key index range of the seed in its block */
} occurrence;

static bool word_char(int32_t c)
{
    return zt_is_han(c) || zt_is_ascii_alnum(c);
}

/* The key of every text block (repeats.c builds them); a block without
 * text has an empty one. */
typedef struct {
    const zt_key *keys;
    size_t n;
} keys;

/* The seed words, compiled once. */
typedef struct {
    zt_pattern *p;
    size_t n;
    uint8_t first[0x10000 / 8]; /* the characters seeds start with, as a set */
} seeds;

static zhtidy_status compile_seeds(void **out)
{
    seeds *s = calloc(1, sizeof *s);
    size_t n = 0;
    while (zt_watermark_words[n])
        n++;
    if (s && !(s->p = calloc(n, sizeof *s->p))) {
        free(s);
        s = NULL;
    }
    for (; s && s->n < n; s->n++) {
        if (!zt_pattern_compile(&s->p[s->n], zt_watermark_words[s->n])) {
            for (size_t i = 0; i < s->n; i++)
                zt_pattern_free(&s->p[i]);
            free(s->p);
            free(s);
            s = NULL;
            break;
        }
        int32_t c = s->p[s->n].cp[0];
        if (c >= 0 && c < 0x10000)
            s->first[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
    if (!s)
        return ZHTIDY_ERR_NOMEM;
    *out = s;
    return ZHTIDY_OK;
}

/* How often each seed word stands in the text, in COUNT: one scan for all
 * of them, so that only the few a page repeats are looked at further. */
static void count_seeds(const keys *k, const seeds *sd, size_t *count)
{
    for (size_t b = 0; b < k->n; b++) {
        const zt_key *key = &k->keys[b];
        for (size_t i = 0; i < key->n; i++) {
            int32_t c = key->k[i];
            if (c < 0 || c >= 0x10000 || !(sd->first[c >> 3] & (1u << (c & 7))))
                continue;
            for (size_t w = 0; w < sd->n; w++) {
                size_t end;
                count[w] += sd->p[w].cp[0] == c && zt_key_match(key, i, &sd->p[w], &end);
            }
        }
    }
}

/* Occurrences of pattern P, at most MAX_SEEDS. */
static size_t find_all(const keys *k, const zt_pattern *p, occurrence *out)
{
    size_t n = 0;
    for (size_t b = 0; b < k->n && n < MAX_SEEDS; b++) {
        size_t at, end, from = 0;
        while (n < MAX_SEEDS && zt_key_find(&k->keys[b], from, p, &at, &end)) {
            out[n++] = (occurrence){b, at, end};
            from = end;
        }
    }
    return n;
}

static int32_t key_at(const keys *k, const occurrence *o, long off)
{
    const zt_key *key = &k->keys[o->block];
    long i = off < 0 ? (long)o->at + off : (long)o->end + off;
    return i >= 0 && (size_t)i < key->n ? key->k[i] : -1;
}

static int by_int(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The character most of O[0..N) have at OFF, and how many have it; a
 * word character, or with ANY whatever stands there but a digit. */
static int32_t mode(const keys *k, const occurrence *o, size_t n, long off, bool any,
                    int32_t *scratch, size_t *count)
{
    for (size_t a = 0; a < n; a++)
        scratch[a] = key_at(k, &o[a], off);
    qsort(scratch, n, sizeof *scratch, by_int);
    int32_t best = -1;
    *count = 0;
    for (size_t a = 0, run = 0; a < n; a++) {
        run = a && scratch[a] == scratch[a - 1] ? run + 1 : 1;
        if (run > *count && (word_char(scratch[a]) || (any && scratch[a] >= 0)) &&
            !(any && scratch[a] >= '0' && scratch[a] <= '9')) {
            *count = run;
            best = scratch[a];
        }
    }
    return best;
}

/* Grow the phrase around the seed occurrences O[0..N) while MIN_COUNT of
 * them agree; those are moved to the front and their count left in *N.
 * The phrase's characters before and after the seed go in *LEFT, *RIGHT.
 * Word characters only, but with PUNCT the phrase grows to the right over
 * punctuation as well. */
static void grow(const keys *k, occurrence *o, size_t *n, bool punct, int32_t *scratch,
                 size_t *left, size_t *right)
{
    *left = *right = 0;
    for (int side = 0; side < 2; side++) {
        while (*left + *right + (o[0].end - o[0].at) < MAX_CHARS) {
            long off = side ? (long)*right : -(long)*left - 1;
            size_t count;
            int32_t best = mode(k, o, *n, off, punct && side, scratch, &count);
            if (count < MIN_COUNT)
                break;
            size_t kept = 0;
            for (size_t a = 0; a < *n; a++)
                if (key_at(k, &o[a], off) == best) {
                    occurrence t = o[kept];
                    o[kept++] = o[a];
                    o[a] = t;
                }
            *n = kept;
            *(side ? right : left) += 1;
        }
    }
}

/* A byte range to cut from a block. */
typedef struct {
    size_t block, from, to;
} cut;

static int by_place(const void *a, const void *b)
{
    const cut *x = a, *y = b;
    if (x->block != y->block)
        return (x->block > y->block) - (x->block < y->block);
    return (x->from > y->from) - (x->from < y->from);
}

typedef struct {
    cut *items;
    size_t n, cap;
} cuts;

static bool add_cut(cuts *c, cut x)
{
    cut *items = zt_grow(c->items, &c->cap, c->n, sizeof *items, 16);
    if (!items)
        return false;
    c->items = items;
    c->items[c->n++] = x;
    return true;
}

/* Digits from key index I of the occurrence's block. */
static size_t digits_after(const keys *k, const occurrence *o, size_t right)
{
    const zt_key *key = &k->keys[o->block];
    size_t i = o->end + right, j = i;
    while (j < key->n && key->k[j] >= '0' && key->k[j] <= '9')
        j++;
    return j - i;
}

static bool separator(int32_t c)
{
    return c == -1 || c == ',' || c == 0xFF0C || c == 0x3001 || c == ';' || c == '.';
}

/* The watermark around seed pattern P, if there is one: its occurrences go
 * into C.  A seed that is a date ("2019/9/26,陈良杰,2" under every slide)
 * makes a running footer: its phrase need not be glued into sentences, but
 * every occurrence ends in a page number, which goes with it, and so does
 * one separator after it when one stands before it too. */
static zhtidy_status seed(const keys *k, const zt_pattern *p, bool date, occurrence *o,
                          int32_t *scratch, cuts *c)
{
    size_t n = find_all(k, p, o), left, right;
    if (n < MIN_COUNT)
        return ZHTIDY_OK;
    grow(k, o, &n, date, scratch, &left, &right);
    size_t glued = 0, numbered = 0;
    for (size_t a = 0; a < n; a++) {
        glued += word_char(key_at(k, &o[a], -(long)left - 1)) && word_char(key_at(k, &o[a], (long)right));
        size_t d = digits_after(k, &o[a], right);
        numbered += d >= 1 && d <= 4;
    }
    if (n < MIN_COUNT || left + right + (o[0].end - o[0].at) < MIN_CHARS ||
        (date ? right < 2 || numbered < n : glued < 2))
        return ZHTIDY_OK;
    for (size_t a = 0; a < n; a++) {
        const zt_key *key = &k->keys[o[a].block];
        size_t last = o[a].end + right - 1;
        if (date) {
            last += digits_after(k, &o[a], right);
            if (separator(key_at(k, &o[a], -(long)left - 1)) && last + 1 < key->n &&
                separator(key->k[last + 1]))
                last++;
        }
        size_t from = key->start[o[a].at - left], to = zt_key_end(key, last);
        if (!add_cut(c, (cut){o[a].block, from, to}))
            return ZHTIDY_ERR_NOMEM;
    }
    return ZHTIDY_OK;
}

/* Dates repeated three times or more in the text: seeds of running footers,
 * as patterns in *OUT (their count in *N). */
static zhtidy_status date_seeds(const keys *k, zt_pattern **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    for (size_t b = 0; b < k->n; b++) {
        const zt_key *key = &k->keys[b];
        for (size_t i = 0, len; i < key->n; i += len ? len : 1) {
            if (key->k[i] < '0' || key->k[i] > '9' || !(len = zt_date_at(key, i))) {
                len = 0;
                continue;
            }
            bool known = false;
            for (size_t s = 0; s < *n && !known; s++)
                known = (*out)[s].n == len && !memcmp((*out)[s].cp, key->k + i, len * sizeof *key->k);
            if (known || *n == 64) /* a page of many dates is no slide deck */
                continue;
            zt_pattern *p = zt_grow(*out, &cap, *n, sizeof *p, 8);
            if (!p || !(p[*n].cp = malloc(len * sizeof *p[*n].cp)))
                return p ? (*out = p, ZHTIDY_ERR_NOMEM) : ZHTIDY_ERR_NOMEM;
            *out = p;
            memcpy(p[*n].cp, key->k + i, len * sizeof *key->k);
            p[(*n)++].n = len;
        }
    }
    return ZHTIDY_OK;
}

/* Cut the ranges of C from their blocks, each block in one copy. */
static zhtidy_status apply(zhtidy_doc *doc, cuts *c)
{
    qsort(c->items, c->n, sizeof *c->items, by_place);
    zhtidy_status st = ZHTIDY_OK;
    for (size_t a = 0; a < c->n && !st;) {
        struct zt_block *b = &doc->blocks[c->items[a].block];
        zt_edit e;
        zt_edit_start(&e, &doc->report, b->line, b->len);
        size_t kept = 0;
        for (; a < c->n && &doc->blocks[c->items[a].block] == b; a++) {
            size_t from = c->items[a].from > kept ? c->items[a].from : kept, to = c->items[a].to;
            if (to <= from)
                continue; /* inside a range already cut */
            zt_buf_add(&e.out, b->text + kept, from - kept);
            zt_edit_change(&e, ZT_R_REPEATS_WATERMARK, b->text + from, to - from, NULL, 0);
            kept = to;
        }
        zt_buf_add(&e.out, b->text + kept, b->len - kept);
        st = zt_edit_finish(&e, b);
    }
    return st;
}

zhtidy_status zt_watermarks(zhtidy_doc *doc, const zt_key *block_keys)
{
    static zt_once compiled = ZT_ONCE_INIT;
    void *v;
    zhtidy_status st = zt_once_get(&compiled, compile_seeds, &v);
    const seeds *sd = v;
    keys k = {block_keys, doc->n};
    cuts c = {0};
    occurrence *o = st ? NULL : malloc(MAX_SEEDS * sizeof *o);
    int32_t *scratch = o ? malloc(MAX_SEEDS * sizeof *scratch) : NULL;
    if (!st && !scratch)
        st = ZHTIDY_ERR_NOMEM;
    size_t *count = st ? NULL : calloc(sd->n, sizeof *count);
    if (!st && !count)
        st = ZHTIDY_ERR_NOMEM;
    if (!st)
        count_seeds(&k, sd, count);
    for (size_t w = 0; !st && w < sd->n; w++)
        if (count[w] >= MIN_COUNT)
            st = seed(&k, &sd->p[w], false, o, scratch, &c);
    free(count);
    zt_pattern *dates = NULL;
    size_t n_dates = 0;
    if (!st)
        st = date_seeds(&k, &dates, &n_dates);
    for (size_t d = 0; !st && d < n_dates; d++)
        st = seed(&k, &dates[d], true, o, scratch, &c);
    for (size_t d = 0; d < n_dates; d++)
        zt_pattern_free(&dates[d]);
    free(dates);
    if (!st && c.n)
        st = apply(doc, &c);
    free(o);
    free(scratch);
    free(c.items);
    return st;
}
