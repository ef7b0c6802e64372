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
 * running text differ, so the phrase stays short and is left alone.
 *
 * The text is read once, a block's key at a time: each occurrence of a
 * seed keeps the characters around it (as far as a phrase can grow) and
 * where they stand, so memory follows the occurrences, not the text. */
#include "detect.h"

#include <stdlib.h>
#include <string.h>

#define MIN_COUNT 3
#define MIN_CHARS 4
#define MAX_CHARS 16
#define MAX_SEEDS 4096          /* occurrences looked at per seed */
#define MAX_OCCURRENCES 65536   /* and in all */
#define MAX_DATES 64            /* a page of many dates is no slide deck */
/* The characters kept on each side of an occurrence: the phrase grows to
 * MAX_CHARS, and a footer takes a page number and a separator after it. */
#define LEFT MAX_CHARS
#define RIGHT (MAX_CHARS + 6)

extern const char *const zt_watermark_words[];

/* A seed where it stands: its block, its bytes, and the characters around
 * it in match form (-1 beyond the block), with the bytes each comes from. */
typedef struct {
    size_t block;
    int32_t before[LEFT], after[RIGHT]; /* before[0] is next to the seed */
    uint32_t from_before[LEFT], to_after[RIGHT];
    uint32_t from, to; /* the seed's own bytes */
} occurrence;

typedef struct {
    occurrence *o;
    size_t n, cap;
} occurrences;

static bool word_char(int32_t c)
{
    return zt_is_han(c) || zt_is_ascii_alnum(c);
}

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

/* What one reading of the text gathers: the occurrences of each seed word
 * (seeds[0 .. n_words)) and of each date (after them). */
typedef struct {
    occurrences *by_seed;
    size_t n_words, n_dates, total;
    int32_t date[MAX_DATES][10]; /* the dates, in match form */
    size_t date_len[MAX_DATES];
} gathered;

/* Keep the occurrence of key range [AT, END) of block B, for seed S. */
static bool keep(gathered *g, size_t s, const zt_key *k, size_t b, size_t at, size_t end)
{
    occurrences *os = &g->by_seed[s];
    if (os->n >= MAX_SEEDS || g->total >= MAX_OCCURRENCES)
        return true; /* enough to tell */
    occurrence *o = zt_grow(os->o, &os->cap, os->n, sizeof *o, 8);
    if (!o)
        return false;
    os->o = o;
    o = &os->o[os->n++];
    g->total++;
    o->block = b;
    o->from = k->start[at];
    o->to = (uint32_t)zt_key_end(k, end - 1);
    for (size_t d = 0; d < LEFT; d++) {
        bool in = at >= d + 1;
        o->before[d] = in ? k->k[at - d - 1] : -1;
        o->from_before[d] = in ? k->start[at - d - 1] : 0;
    }
    for (size_t d = 0; d < RIGHT; d++) {
        bool in = end + d < k->n;
        o->after[d] = in ? k->k[end + d] : -1;
        o->to_after[d] = in ? (uint32_t)zt_key_end(k, end + d) : 0;
    }
    return true;
}

/* The date at key index I as a seed: its index among the dates, a new
 * one if there is room, or -1. */
static long date_seed(gathered *g, const zt_key *k, size_t i, size_t len)
{
    if (len > 10)
        return -1;
    for (size_t d = 0; d < g->n_dates; d++)
        if (g->date_len[d] == len && !memcmp(g->date[d], k->k + i, len * sizeof *k->k))
            return (long)d;
    if (g->n_dates == MAX_DATES)
        return -1;
    memcpy(g->date[g->n_dates], k->k + i, len * sizeof *k->k);
    g->date_len[g->n_dates] = len;
    return (long)g->n_dates++;
}

/* Read block B's key once: every seed word and every date in it. */
static zhtidy_status gather_block(gathered *g, const seeds *sd, const zt_key *k, size_t b)
{
    for (size_t i = 0; i < k->n; i++) {
        int32_t c = k->k[i];
        if (c >= '0' && c <= '9') {
            size_t len = zt_date_at(k, i);
            long d = len ? date_seed(g, k, i, len) : -1;
            if (d >= 0 && !keep(g, g->n_words + (size_t)d, k, b, i, i + len))
                return ZHTIDY_ERR_NOMEM;
            if (len) /* a date is one seed; its digits start no other */
                i += len - 1;
            continue;
        }
        if (c < 0 || c >= 0x10000 || !(sd->first[c >> 3] & (1u << (c & 7))))
            continue;
        for (size_t w = 0; w < sd->n; w++) {
            size_t end;
            if (sd->p[w].cp[0] == c && zt_key_match(k, i, &sd->p[w], &end) && end > i &&
                !keep(g, w, k, b, i, end))
                return ZHTIDY_ERR_NOMEM;
        }
    }
    return ZHTIDY_OK;
}

/* The character occurrence O has at OFF: before the seed when OFF < 0
 * (-1 next to it), after it otherwise (0 next to it); -1 beyond. */
static int32_t char_at(const occurrence *o, long off)
{
    if (off < 0)
        return -off <= LEFT ? o->before[-off - 1] : -1;
    return off < RIGHT ? o->after[off] : -1;
}

static int by_int(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The character most of O[0..N) have at OFF, and how many have it; a
 * word character, or with ANY whatever stands there but a digit. */
static int32_t mode(const occurrence *o, size_t n, long off, bool any, int32_t *scratch,
                    size_t *count)
{
    for (size_t a = 0; a < n; a++)
        scratch[a] = char_at(&o[a], off);
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
static void grow(occurrence *o, size_t *n, size_t seed_len, bool punct, int32_t *scratch,
                 size_t *left, size_t *right)
{
    *left = *right = 0;
    for (int side = 0; side < 2; side++) {
        while (*left + *right + seed_len < MAX_CHARS) {
            long off = side ? (long)*right : -(long)*left - 1;
            size_t count;
            int32_t best = mode(o, *n, off, punct && side, scratch, &count);
            if (count < MIN_COUNT)
                break;
            size_t kept = 0;
            for (size_t a = 0; a < *n; a++)
                if (char_at(&o[a], off) == best) {
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

/* Digits right after the phrase, which ends RIGHT characters past O. */
static size_t digits_after(const occurrence *o, size_t right)
{
    size_t j = right;
    while (j < RIGHT && o->after[j] >= '0' && o->after[j] <= '9')
        j++;
    return j - right;
}

static bool separator(int32_t c)
{
    return c == -1 || c == ',' || c == 0xFF0C || c == 0x3001 || c == ';' || c == '.';
}

/* The watermark around the seed whose occurrences are O[0..N) (SEED_LEN
 * characters), if there is one: its occurrences go into C.  A seed that is
 * a date ("2019/9/26,陈良杰,2" under every slide) makes a running footer:
 * its phrase need not be glued into sentences, but every occurrence ends in
 * a page number, which goes with it, and so does one separator after it
 * when one stands before it too. */
static zhtidy_status seed(occurrence *o, size_t n, size_t seed_len, bool date, int32_t *scratch,
                          cuts *c)
{
    if (n < MIN_COUNT)
        return ZHTIDY_OK;
    size_t left, right;
    grow(o, &n, seed_len, date, scratch, &left, &right);
    size_t glued = 0, numbered = 0;
    for (size_t a = 0; a < n; a++) {
        glued += word_char(char_at(&o[a], -(long)left - 1)) && word_char(char_at(&o[a], (long)right));
        size_t d = digits_after(&o[a], right);
        numbered += d >= 1 && d <= 4;
    }
    if (n < MIN_COUNT || left + right + seed_len < MIN_CHARS ||
        (date ? right < 2 || numbered < n : glued < 2))
        return ZHTIDY_OK;
    for (size_t a = 0; a < n; a++) {
        const occurrence *x = &o[a];
        size_t last = right; /* characters after the seed that go with it */
        if (date) {
            last += digits_after(x, right);
            if (separator(char_at(x, -(long)left - 1)) && last < RIGHT && x->after[last] >= 0 &&
                separator(x->after[last]))
                last++;
        }
        size_t from = left ? x->from_before[left - 1] : x->from;
        size_t to = last ? x->to_after[last - 1] : x->to;
        if (!add_cut(c, (cut){x->block, from, to}))
            return ZHTIDY_ERR_NOMEM;
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

zhtidy_status zt_watermarks(zhtidy_doc *doc)
{
    static zt_once compiled = ZT_ONCE_INIT;
    void *v;
    zhtidy_status st = zt_once_get(&compiled, compile_seeds, &v);
    if (st)
        return st;
    const seeds *sd = v;
    gathered g = {.n_words = sd->n};
    cuts c = {0};
    int32_t *scratch = malloc(MAX_SEEDS * sizeof *scratch);
    if (!scratch || !(g.by_seed = calloc(sd->n + MAX_DATES, sizeof *g.by_seed)))
        st = ZHTIDY_ERR_NOMEM;
    for (size_t b = 0; !st && b < doc->n; b++) {
        const struct zt_block *blk = &doc->blocks[b];
        if (!zt_is_text(blk) || blk->dead)
            continue;
        zt_key k;
        if (!zt_key_build(&k, blk->text, blk->len)) {
            st = ZHTIDY_ERR_NOMEM;
            break;
        }
        st = gather_block(&g, sd, &k, b);
        zt_key_free(&k);
    }
    for (size_t w = 0; !st && w < sd->n; w++)
        st = seed(g.by_seed[w].o, g.by_seed[w].n, sd->p[w].n, false, scratch, &c);
    for (size_t d = 0; !st && d < g.n_dates; d++)
        st = seed(g.by_seed[sd->n + d].o, g.by_seed[sd->n + d].n, g.date_len[d], true, scratch,
                  &c);
    if (!st && c.n)
        st = apply(doc, &c);
    for (size_t s = 0; g.by_seed && s < sd->n + MAX_DATES; s++)
        free(g.by_seed[s].o);
    free(g.by_seed);
    free(scratch);
    free(c.items);
    return st;
}
