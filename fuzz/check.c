/* SPDX-License-Identifier: MIT */
/* check.c - the read-side invariants: the tree, the report, the accounting
 * of removed characters, and how a read fails. */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fz_fail(const char *what, ...)
{
    va_list ap;
    va_start(ap, what);
    fputs("zhtidy fuzz: invariant failed: ", stderr);
    vfprintf(stderr, what, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* Length of the valid UTF-8 sequence at S (N bytes left), 0 when none. */
static size_t seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                                            : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    /* the second byte's range rules out overlong forms, surrogates and
     * code points past U+10FFFF */
    unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

bool fz_utf8_ok(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, k; i < n; i += k)
        if (!u[i] || !(k = seq_len(u + i, n - i)))
            return false;
    return true;
}

/* A NUL-terminated string the library handed out: not NULL, valid. */
static void check_string(const char *s, const char *what, size_t index)
{
    if (!s)
        fz_fail("%s %zu is NULL", what, index);
    if (!fz_utf8_ok(s, strlen(s)))
        fz_fail("%s %zu is not valid UTF-8: \"%s\"", what, index, s);
}

static void check_table(const zhtidy_doc *doc, size_t i)
{
    size_t header = 0, rows = zhtidy_doc_table_rows(doc, i, &header);
    if (header > rows)
        fz_fail("table %zu: %zu header rows of %zu", i, header, rows);
    for (size_t r = 0; r < rows; r++) {
        size_t n = 0;
        const zhtidy_cell *c = zhtidy_doc_table_row(doc, i, r, &n);
        if (n && !c)
            fz_fail("table %zu row %zu: %zu cells and no array", i, r, n);
        for (size_t k = 0; k < n; k++) {
            if (!c[k].text || strlen(c[k].text) != c[k].len || !fz_utf8_ok(c[k].text, c[k].len))
                fz_fail("table %zu row %zu cell %zu: text not valid UTF-8 of its length", i, r, k);
            if (c[k].colspan < 1 || c[k].rowspan < 1)
                fz_fail("table %zu row %zu cell %zu: span %u x %u", i, r, k, c[k].colspan,
                        c[k].rowspan);
        }
    }
}

void fz_check_tree(const zhtidy_doc *doc)
{
    for (int k = 0; k < ZHTIDY_META_COUNT; k++) {
        const char *v = zhtidy_doc_meta(doc, (zhtidy_meta)k);
        if (v && (!*v || !fz_utf8_ok(v, strlen(v))))
            fz_fail("metadata %s is empty or not valid UTF-8: \"%s\"",
                    zhtidy_meta_name((zhtidy_meta)k), v);
    }
    size_t n = zhtidy_doc_block_count(doc);
    for (size_t i = 0; i < n; i++) {
        zhtidy_block_type type = zhtidy_doc_block_type(doc, i);
        int level = zhtidy_doc_block_level(doc, i);
        size_t len = 0;
        const char *text = zhtidy_doc_block_text(doc, i, &len);
        if (type < ZHTIDY_PARAGRAPH || type > ZHTIDY_CODE)
            fz_fail("block %zu: type %d", i, (int)type);
        if (!text || strlen(text) != len || !fz_utf8_ok(text, len))
            fz_fail("block %zu: text is not valid UTF-8 of its length (%zu)", i, len);
        if (type == ZHTIDY_HEADING && (level < 1 || level > 4))
            fz_fail("block %zu: heading level %d", i, level);
        if (type == ZHTIDY_LIST_ITEM && (level < 1 || level > 8))
            fz_fail("block %zu: list item level %d", i, level);
        if (type == ZHTIDY_TABLE)
            check_table(doc, i);
        else if (zhtidy_doc_table_rows(doc, i, NULL))
            fz_fail("block %zu: a %d block with table rows", i, (int)type);
    }
    if (zhtidy_doc_block_text(doc, n, NULL) || zhtidy_doc_block_type(doc, n))
        fz_fail("block %zu past the end is there", n);
}

static bool known_rule(const char *rule)
{
    for (size_t i = 0; zhtidy_rule_name(i); i++)
        if (!strcmp(zhtidy_rule_name(i), rule))
            return true;
    return false;
}

void fz_check_report(const zhtidy_doc *doc)
{
    const zhtidy_report *r = zhtidy_doc_report(doc);
    if (!r)
        fz_fail("a document without a report");
    size_t n = zhtidy_report_count(r);
    zhtidy_change c;
    for (size_t i = 0; i < n; i++) {
        if (zhtidy_report_get(r, i, &c) != ZHTIDY_OK)
            fz_fail("report entry %zu of %zu cannot be read", i, n);
        check_string(c.rule, "report rule", i);
        check_string(c.text, "report text", i);
        check_string(c.new_text, "report new_text", i);
        check_string(c.why, "report why", i);
        if (!known_rule(c.rule))
            fz_fail("report entry %zu: unknown rule \"%s\"", i, c.rule);
        if (c.kind < ZHTIDY_CHANGE_REMOVE || c.kind > ZHTIDY_CHANGE_FLAG)
            fz_fail("report entry %zu: kind %d", i, (int)c.kind);
    }
    if (zhtidy_report_get(r, n, &c) != ZHTIDY_ERR_ARG)
        fz_fail("report entry %zu past the end is there", n);
}

/* ---- accounting ---------------------------------------------------- */

/* Code points, to be sorted and compared: sorting two lists is cheaper per
 * input than a 0x110000 array of counts. */
typedef struct {
    int32_t *cp;
    size_t n, cap;
} cps;

static void cps_add(cps *l, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, k; u[i]; i += k) {
        k = seq_len(u + i, 4); /* the strings were checked before */
        int32_t c = k == 1 ? u[i] : u[i] & (0x7F >> k);
        for (size_t j = 1; j < k; j++)
            c = (c << 6) | (u[i + j] & 0x3F);
        /* spaces are layout, not content: passes add and drop them freely */
        if (c == ' ' || c == '\t' || c == '\n' || c == 0x3000 || c == 0xA0)
            continue;
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 256;
            if (!(l->cp = realloc(l->cp, l->cap * sizeof *l->cp)))
                fz_fail("out of memory in the harness");
        }
        l->cp[l->n++] = c;
    }
}

static void cps_add_doc(cps *l, const zhtidy_doc *doc)
{
    for (size_t i = 0, n = zhtidy_doc_block_count(doc); i < n; i++) {
        cps_add(l, zhtidy_doc_block_text(doc, i, NULL));
        for (size_t r = 0, rows = zhtidy_doc_table_rows(doc, i, NULL); r < rows; r++) {
            size_t cells = 0;
            const zhtidy_cell *c = zhtidy_doc_table_row(doc, i, r, &cells);
            for (size_t k = 0; k < cells; k++)
                cps_add(l, c[k].text);
        }
    }
}

static int cmp_cp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The first code point in which sorted A and B differ, for the message. */
static int32_t first_difference(const cps *a, const cps *b)
{
    size_t i = 0;
    while (i < a->n && i < b->n && a->cp[i] == b->cp[i])
        i++;
    if (i < a->n && i < b->n)
        return a->cp[i] < b->cp[i] ? a->cp[i] : b->cp[i];
    return i < a->n ? a->cp[i] : b->cp[i];
}

void fz_check_accounting(const zhtidy_doc *raw, const zhtidy_doc *fixed, size_t first)
{
    /* HAVE: what was there, and what was put in; GONE: what is there, and
     * what was taken out.  The two must be the same multiset. */
    cps have = {0}, gone = {0};
    cps_add_doc(&have, raw);
    cps_add_doc(&gone, fixed);
    const zhtidy_report *r = zhtidy_doc_report(fixed);
    zhtidy_change c;
    for (size_t i = first; zhtidy_report_get(r, i, &c) == ZHTIDY_OK; i++) {
        if (c.kind == ZHTIDY_CHANGE_FLAG || !strcmp(c.rule, "decode.invalid"))
            continue;
        cps_add(&gone, c.text);
        cps_add(&have, c.new_text);
    }
    if (have.n)
        qsort(have.cp, have.n, sizeof *have.cp, cmp_cp);
    if (gone.n)
        qsort(gone.cp, gone.n, sizeof *gone.cp, cmp_cp);
    if (have.n != gone.n || (have.n && memcmp(have.cp, gone.cp, have.n * sizeof *have.cp)))
        fz_fail("accounting: %zu characters in and put in, %zu out and taken out; "
                "first difference at U+%04X",
                have.n, gone.n, (unsigned)first_difference(&have, &gone));
    free(have.cp);
    free(gone.cp);
}

void fz_check_failure(zhtidy_status st, const zhtidy_doc *doc, const zhtidy_error *err)
{
    /* The statuses an input can earn. */
    if (st != ZHTIDY_ERR_BINARY && st != ZHTIDY_ERR_ENCODING && st != ZHTIDY_ERR_JSON)
        fz_fail("reading failed with status %d: %s", (int)st, zhtidy_strerror(st));
    if (doc)
        fz_fail("a failed read left a document");
    if (err->status != st)
        fz_fail("the error says status %d, the call returned %d", (int)err->status, (int)st);
    size_t len = strnlen(err->message, sizeof err->message);
    if (!len || len == sizeof err->message || memchr(err->message, '\n', len) ||
        !fz_utf8_ok(err->message, len))
        fz_fail("the error message is not one line of UTF-8: \"%.*s\"", (int)len, err->message);
}
