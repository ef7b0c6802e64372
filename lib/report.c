/* SPDX-License-Identifier: MIT */
/* report.c - the record of every change the passes make. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The strings of the entries come from chunks that grow with the report:
 * one allocation per chunk, not two per change. */
struct zt_arena_chunk {
    struct zt_arena_chunk *next;
    char data[];
};

#define CHUNK_MIN 65536
#define CHANGES_PER_CHUNK 4096

void zt_report_free(struct zhtidy_report *r)
{
    for (struct zt_arena_chunk *c = r->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    for (size_t i = 0; i < r->n_owned; i++)
        free(r->owned[i]);
    free(r->owned);
    for (size_t c = 0; c < r->item_chunks; c++)
        free(r->items[c]);
    free(r->items);
    memset(r, 0, sizeof *r);
}

static char *copy_text(struct zhtidy_report *r, const char *s, size_t n)
{
    if (!r->chunks || r->chunk_used + n + 1 > r->chunk_size) {
        size_t size = n + 1 > CHUNK_MIN ? n + 1 : CHUNK_MIN;
        struct zt_arena_chunk *c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = r->chunks;
        r->chunks = c;
        r->chunk_used = 0;
        r->chunk_size = size;
    }
    char *p = r->chunks->data + r->chunk_used;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    r->chunk_used += n + 1;
    return p;
}

/* Room for one more change: its place, or NULL. */
static struct zt_change *next_change(struct zhtidy_report *r)
{
    size_t c = r->n / CHANGES_PER_CHUNK;
    if (c == r->item_chunks) {
        struct zt_change **items = zt_grow(r->items, &r->chunks_cap, c, sizeof *items, 16);
        if (!items)
            return NULL;
        r->items = items;
        if (!(r->items[c] = malloc(CHANGES_PER_CHUNK * sizeof **r->items)))
            return NULL;
        r->item_chunks++;
    }
    return &r->items[c][r->n % CHANGES_PER_CHUNK];
}

static struct zt_change *change_at(const struct zhtidy_report *r, size_t i)
{
    return &r->items[i / CHANGES_PER_CHUNK][i % CHANGES_PER_CHUNK];
}

zhtidy_status zt_report_add(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                            zhtidy_change_kind kind, const char *text, size_t text_len,
                            const char *new_text, size_t new_len)
{
    struct zt_change *c = next_change(r);
    if (!c)
        return ZHTIDY_ERR_NOMEM;
    char *t = copy_text(r, text ? text : "", text ? text_len : 0);
    char *nt = t ? copy_text(r, new_text ? new_text : "", new_text ? new_len : 0) : NULL;
    if (!t || !nt)
        return ZHTIDY_ERR_NOMEM; /* what was copied stays in the arena, freed with it */
    *c = (struct zt_change){t, nt, "", (uint32_t)line, (uint16_t)rule, (uint8_t)kind};
    r->n++;
    return ZHTIDY_OK;
}

zhtidy_status zt_report_take(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                             char *text, size_t len, bool own)
{
    if (own) {
        char **owned = zt_grow(r->owned, &r->cap_owned, r->n_owned, sizeof *owned, 16);
        if (!owned) {
            free(text);
            return ZHTIDY_ERR_NOMEM;
        }
        r->owned = owned;
        r->owned[r->n_owned++] = text;
    }
    struct zt_change *c = next_change(r);
    if (!c)
        return ZHTIDY_ERR_NOMEM;
    (void)len; /* TEXT ends at LEN already */
    *c = (struct zt_change){text, "", "", (uint32_t)line, (uint16_t)rule, ZHTIDY_CHANGE_REMOVE};
    r->n++;
    return ZHTIDY_OK;
}

zhtidy_status zt_report_rehome(struct zhtidy_report *r, const char *from, size_t len)
{
    for (size_t i = 0; i < r->n; i++) {
        struct zt_change *c = change_at(r, i);
        if (c->text < from || c->text >= from + len)
            continue;
        const char *copy = copy_text(r, c->text, strlen(c->text));
        if (!copy)
            return ZHTIDY_ERR_NOMEM;
        c->text = copy;
    }
    return ZHTIDY_OK;
}

zhtidy_status zt_report_why_static(struct zhtidy_report *r, const char *why)
{
    if (!r->n)
        return ZHTIDY_ERR_ARG;
    change_at(r, r->n - 1)->why = why;
    return ZHTIDY_OK;
}

zhtidy_status zt_report_why(struct zhtidy_report *r, const char *why, size_t len)
{
    if (!r->n)
        return ZHTIDY_ERR_ARG;
    char *w = copy_text(r, why, len);
    if (!w)
        return ZHTIDY_ERR_NOMEM;
    change_at(r, r->n - 1)->why = w;
    return ZHTIDY_OK;
}

static zhtidy_status add_span(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                              const char *o, size_t on, const char *n, size_t nn)
{
    zhtidy_change_kind kind = !nn ? ZHTIDY_CHANGE_REMOVE
                              : !on ? ZHTIDY_CHANGE_INSERT
                                    : ZHTIDY_CHANGE_REPLACE;
    return zt_report_add(r, rule, line, kind, o, on, n, nn);
}

/* With as many code points on both sides, record each differing run: a
 * conversion that changes three characters in a paragraph reports three
 * characters, not the paragraph. */
static zhtidy_status diff_runs(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                               const char *o, size_t on, const char *n, size_t nn)
{
    size_t i = 0, j = 0;
    while (i < on && j < nn) {
        size_t i0 = i, j0 = j;
        int32_t a = zt_utf8_next(o, on, &i), b = zt_utf8_next(n, nn, &j);
        if (a == b)
            continue;
        size_t i1 = i, j1 = j;
        while (i < on && j < nn) {
            size_t pi = i, pj = j;
            a = zt_utf8_next(o, on, &i);
            b = zt_utf8_next(n, nn, &j);
            if (a == b) {
                i = pi;
                j = pj;
                break;
            }
            i1 = i;
            j1 = j;
        }
        zhtidy_status st = add_span(r, rule, line, o + i0, i1 - i0, n + j0, j1 - j0);
        if (st)
            return st;
    }
    return ZHTIDY_OK;
}

zhtidy_status zt_report_diff(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                             const char *old, size_t old_len, const char *new_text,
                             size_t new_len)
{
    if (old_len == new_len && !memcmp(old, new_text, old_len))
        return ZHTIDY_OK;
    if (zt_utf8_count(old, old_len) == zt_utf8_count(new_text, new_len))
        return diff_runs(r, rule, line, old, old_len, new_text, new_len);
    size_t pre = 0, min = old_len < new_len ? old_len : new_len;
    while (pre < min && old[pre] == new_text[pre])
        pre++;
    while (pre > 0 && ((unsigned char)old[pre] & 0xC0) == 0x80)
        pre--; /* back to a character boundary */
    size_t suf = 0;
    while (suf < min - pre && old[old_len - 1 - suf] == new_text[new_len - 1 - suf])
        suf++;
    while (suf > 0 && ((unsigned char)old[old_len - suf] & 0xC0) == 0x80)
        suf--;
    return add_span(r, rule, line, old + pre, old_len - pre - suf, new_text + pre,
                    new_len - pre - suf);
}

size_t zhtidy_report_count(const zhtidy_report *report)
{
    return report ? report->n : 0;
}

zhtidy_status zhtidy_report_get(const zhtidy_report *report, size_t i, zhtidy_change *change)
{
    if (!report || !change || i >= report->n)
        return ZHTIDY_ERR_ARG;
    const struct zt_change *c = change_at(report, i);
    *change = (zhtidy_change){zt_rule_name((zt_rule)c->rule), c->line, (zhtidy_change_kind)c->kind,
                              c->text,     c->new_text, c->why};
    return ZHTIDY_OK;
}
