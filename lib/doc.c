/* SPDX-License-Identifier: MIT */
/* doc.c - the document tree: blocks, tables, metadata, and the edit helper
 * passes rewrite a block's text with. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A table: rows of cells; cell texts are owned. */
typedef struct {
    zhtidy_cell *cells;
    size_t n, cap;
} zt_row;

struct zt_table {
    zt_row *rows;
    size_t n, cap;
    size_t header_rows;
};

const char *zhtidy_version(void)
{
    return ZHTIDY_VERSION_STRING;
}

void zhtidy_free(void *p)
{
    free(p);
}

const char *zhtidy_strerror(zhtidy_status status)
{
    switch (status) {
    case ZHTIDY_OK: return "success";
    case ZHTIDY_ERR_NOMEM: return "out of memory";
    case ZHTIDY_ERR_IO: return "cannot read input";
    case ZHTIDY_ERR_BINARY: return "input contains NUL bytes; it is not a text file";
    case ZHTIDY_ERR_ENCODING: return "unknown or unsupported encoding";
    case ZHTIDY_ERR_ARG: return "invalid argument";
    case ZHTIDY_ERR_OPENCC: return "OpenCC conversion failed";
    case ZHTIDY_ERR_TOO_BIG: return "input is larger than 1 GiB, the most zhtidy reads";
    case ZHTIDY_ERR_JSON: return "not a zhtidy JSON tree";
    case ZHTIDY_ERR_WRITE: return "the output could not be written";
    }
    return "unknown error";
}

/* ---- metadata -------------------------------------------------------------- */

static const char *const meta_names[ZHTIDY_META_COUNT] = {
    "title", "lang", "keywords", "source", "category", "encoding", "author", "date", "description",
};

const char *zhtidy_meta_name(zhtidy_meta key)
{
    return (unsigned)key < ZHTIDY_META_COUNT ? meta_names[key] : NULL;
}

zhtidy_meta zhtidy_meta_key(const char *name)
{
    for (int k = 0; name && k < ZHTIDY_META_COUNT; k++)
        if (!strcmp(meta_names[k], name))
            return (zhtidy_meta)k;
    return ZHTIDY_META_COUNT;
}

zhtidy_status zhtidy_doc_set_meta(zhtidy_doc *doc, zhtidy_meta key, const char *value)
{
    if (!doc || (unsigned)key >= ZHTIDY_META_COUNT)
        return ZHTIDY_ERR_ARG;
    char *copy = NULL;
    if (value && *value && !(copy = zt_utf8_sanitize(value, strlen(value), NULL)))
        return ZHTIDY_ERR_NOMEM;
    free(doc->meta[key]);
    doc->meta[key] = copy;
    return ZHTIDY_OK;
}

const char *zhtidy_doc_meta(const zhtidy_doc *doc, zhtidy_meta key)
{
    return doc && (unsigned)key < ZHTIDY_META_COUNT ? doc->meta[key] : NULL;
}

/* ---- the document and its blocks ----------------------------------------- */

zhtidy_doc *zhtidy_doc_new(void)
{
    return calloc(1, sizeof(zhtidy_doc));
}

static void table_free(struct zt_table *t)
{
    for (size_t r = 0; t && r < t->n; r++) {
        for (size_t c = 0; c < t->rows[r].n; c++)
            free((char *)t->rows[r].cells[c].text);
        free(t->rows[r].cells);
    }
    if (t)
        free(t->rows);
    free(t);
}

void zt_block_free(struct zt_block *b)
{
    if (!b->borrowed)
        free(b->text);
    table_free(b->table);
    b->table = NULL;
}

void zhtidy_doc_free(zhtidy_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->n; i++)
        zt_block_free(&doc->blocks[i]);
    free(doc->blocks);
    free(doc->arena);
    for (int k = 0; k < ZHTIDY_META_COUNT; k++)
        free(doc->meta[k]);
    zt_report_free(&doc->report);
    free(doc);
}

zhtidy_status zt_doc_push(zhtidy_doc *doc, struct zt_block *b)
{
    struct zt_block *blocks = zt_grow(doc->blocks, &doc->cap, doc->n, sizeof *blocks, 16);
    if (!blocks) {
        zt_block_free(b);
        return ZHTIDY_ERR_NOMEM;
    }
    doc->blocks = blocks;
    doc->blocks[doc->n++] = *b;
    return ZHTIDY_OK;
}

zhtidy_status zt_doc_insert(zhtidy_doc *doc, size_t i, zhtidy_block_type type, int level,
                            char *text, size_t len, unsigned long line)
{
    struct zt_block b = {.type = type, .level = type == ZHTIDY_HEADING ? level : 0,
                         .text = text, .len = len, .line = line};
    zhtidy_status st = zt_doc_push(doc, &b);
    if (st)
        return st;
    memmove(doc->blocks + i + 1, doc->blocks + i, (doc->n - 1 - i) * sizeof *doc->blocks);
    doc->blocks[i] = b;
    return ZHTIDY_OK;
}

zhtidy_status zhtidy_doc_append(zhtidy_doc *doc, zhtidy_block_type type, int level,
                                unsigned flags, const char *text, size_t len, unsigned long line)
{
    bool ok_level = type == ZHTIDY_HEADING ? level >= 1 && level <= 4
                    : type == ZHTIDY_LIST_ITEM ? level >= 1 && level <= 8 : true;
    if (!doc || (!text && len) || !ok_level || line > UINT32_MAX ||
        (type != ZHTIDY_PARAGRAPH && type != ZHTIDY_HEADING && type != ZHTIDY_LIST_ITEM &&
         type != ZHTIDY_CODE))
        return ZHTIDY_ERR_ARG;
    if (len > ZHTIDY_MAX_INPUT)
        return ZHTIDY_ERR_TOO_BIG;
    struct zt_block b = {.type = (uint8_t)type, .line = (uint32_t)line,
                         .level = (uint8_t)(type == ZHTIDY_HEADING || type == ZHTIDY_LIST_ITEM ? level : 0),
                         .flags = type == ZHTIDY_LIST_ITEM ? flags & ZHTIDY_BLOCK_ORDERED : 0};
    size_t n;
    if (!(b.text = zt_utf8_sanitize(text ? text : "", len, &n)))
        return ZHTIDY_ERR_NOMEM;
    b.len = (uint32_t)n; /* three bytes for a bad one at most: under 4 GiB still */
    doc->table_at = 0;
    return zt_doc_push(doc, &b);
}

void zt_block_set_text(struct zt_block *b, char *text, size_t len)
{
    if (!b->borrowed)
        free(b->text);
    b->borrowed = false;
    b->text = text;
    b->len = len;
}

zhtidy_status zt_block_cut(zhtidy_doc *doc, size_t i, size_t from, size_t to, zt_rule rule)
{
    struct zt_block *b = &doc->blocks[i];
    zhtidy_status st = zt_report_add(&doc->report, rule, b->line, ZHTIDY_CHANGE_REMOVE,
                                     b->text + from, to - from, NULL, 0);
    if (st)
        return st;
    memmove(b->text + from, b->text + to, b->len - to + 1);
    b->len -= to - from;
    return ZHTIDY_OK;
}

/* Gone: removed, a text block left empty, or a table without rows. */
static bool gone(const struct zt_block *b)
{
    return b->dead || (b->type == ZHTIDY_TABLE ? !b->table || !b->table->n : !b->len);
}

void zt_doc_drop_empty(zhtidy_doc *doc)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->n; i++) {
        if (gone(&doc->blocks[i]))
            zt_block_free(&doc->blocks[i]);
        else
            doc->blocks[kept++] = doc->blocks[i];
    }
    doc->n = kept;
    doc->table_at = 0;
}

void zt_doc_remove(zhtidy_doc *doc, size_t i)
{
    /* moving the tail of the array for every removal made a page of
     * furniture lines quadratic: the block is marked here and swept with
     * the others at the end of the pass */
    struct zt_block *b = &doc->blocks[i];
    b->dead = true;
    b->len = 0;
    if (b->text)
        b->text[0] = '\0';
}

zhtidy_status zt_block_drop(zhtidy_doc *doc, size_t i, zt_rule rule, const char *why,
                            size_t why_len)
{
    struct zt_block *b = &doc->blocks[i];
    /* the text goes to the report as it is: the arena's lasts with the
     * document and is never written again, an owned one changes hands */
    bool text = b->text != NULL;
    zhtidy_status st = zt_report_take(&doc->report, rule, b->line, text ? b->text : (char *)"",
                                      b->len, text && !b->borrowed);
    b->text = (char *)"";
    b->borrowed = true;
    b->len = 0;
    b->dead = true;
    if (!st && why)
        st = zt_report_why(&doc->report, why, why_len);
    return st;
}

void zhtidy_doc_clear_report(zhtidy_doc *doc)
{
    if (doc)
        zt_report_free(&doc->report); /* an empty report, ready for more */
}

static bool in_arena(const zhtidy_doc *doc, const char *t)
{
    return t >= doc->arena && t < doc->arena + doc->arena_len;
}

zhtidy_status zt_doc_compact(zhtidy_doc *doc)
{
    if (!doc->arena)
        return ZHTIDY_OK;
    size_t live = 0;
    for (size_t i = 0; i < doc->n; i++)
        if (doc->blocks[i].borrowed && in_arena(doc, doc->blocks[i].text))
            live += doc->blocks[i].len + 1;
    if (live * 2 > doc->arena_len)
        return ZHTIDY_OK; /* most of it is still the text */
    for (size_t i = 0; i < doc->n; i++) {
        struct zt_block *b = &doc->blocks[i];
        if (!b->borrowed || !in_arena(doc, b->text))
            continue;
        char *copy = zt_strndup(b->text, b->len);
        if (!copy)
            return ZHTIDY_ERR_NOMEM; /* the arena stays: nothing is lost */
        b->text = copy;
        b->borrowed = false;
    }
    zhtidy_status st = zt_report_rehome(&doc->report, doc->arena, doc->arena_len);
    if (st)
        return st;
    free(doc->arena);
    doc->arena = NULL;
    doc->arena_len = 0;
    return ZHTIDY_OK;
}

size_t zhtidy_doc_block_count(const zhtidy_doc *doc)
{
    return doc ? doc->n : 0;
}

static const struct zt_block *block(const zhtidy_doc *doc, size_t i)
{
    return doc && i < doc->n ? &doc->blocks[i] : NULL;
}

zhtidy_block_type zhtidy_doc_block_type(const zhtidy_doc *doc, size_t i)
{
    const struct zt_block *b = block(doc, i);
    return b ? b->type : (zhtidy_block_type)0;
}

int zhtidy_doc_block_level(const zhtidy_doc *doc, size_t i)
{
    const struct zt_block *b = block(doc, i);
    return b ? b->level : 0;
}

unsigned zhtidy_doc_block_flags(const zhtidy_doc *doc, size_t i)
{
    const struct zt_block *b = block(doc, i);
    return b ? b->flags : 0;
}

unsigned long zhtidy_doc_block_line(const zhtidy_doc *doc, size_t i)
{
    const struct zt_block *b = block(doc, i);
    return b ? b->line : 0;
}

const char *zhtidy_doc_block_text(const zhtidy_doc *doc, size_t i, size_t *len)
{
    const struct zt_block *b = block(doc, i);
    if (len)
        *len = b ? b->len : 0;
    return b ? b->text : NULL;
}

void zhtidy_doc_script_counts(const zhtidy_doc *doc, size_t *hans, size_t *hant)
{
    if (hans)
        *hans = doc ? doc->hans : 0;
    if (hant)
        *hant = doc ? doc->hant : 0;
}

const zhtidy_report *zhtidy_doc_report(const zhtidy_doc *doc)
{
    return doc ? &doc->report : NULL;
}

/* ---- tables ----------------------------------------------------------------- */

size_t zhtidy_doc_table_rows(const zhtidy_doc *doc, size_t i, size_t *header_rows)
{
    const struct zt_block *b = block(doc, i);
    const struct zt_table *t = b && b->type == ZHTIDY_TABLE ? b->table : NULL;
    if (header_rows)
        *header_rows = t ? t->header_rows : 0;
    return t ? t->n : 0;
}

const zhtidy_cell *zhtidy_doc_table_row(const zhtidy_doc *doc, size_t i, size_t r, size_t *n)
{
    const struct zt_block *b = block(doc, i);
    const struct zt_table *t = b && b->type == ZHTIDY_TABLE ? b->table : NULL;
    if (!t || r >= t->n) {
        if (n)
            *n = 0;
        return NULL;
    }
    if (n)
        *n = t->rows[r].n;
    return t->rows[r].cells;
}

zhtidy_status zhtidy_doc_append_table(zhtidy_doc *doc, size_t header_rows, unsigned long line)
{
    if (!doc || line > UINT32_MAX)
        return ZHTIDY_ERR_ARG;
    struct zt_block b = {.type = ZHTIDY_TABLE, .line = (uint32_t)line};
    if (!(b.text = zt_strndup("", 0)) || !(b.table = calloc(1, sizeof *b.table))) {
        free(b.text);
        return ZHTIDY_ERR_NOMEM;
    }
    b.table->header_rows = header_rows;
    zhtidy_status st = zt_doc_push(doc, &b);
    if (!st)
        doc->table_at = doc->n;
    return st;
}

static struct zt_table *open_table(zhtidy_doc *doc)
{
    return doc && doc->table_at ? doc->blocks[doc->table_at - 1].table : NULL;
}

zhtidy_status zhtidy_doc_table_add_row(zhtidy_doc *doc)
{
    struct zt_table *t = open_table(doc);
    if (!t)
        return ZHTIDY_ERR_ARG;
    zt_row *rows = zt_grow(t->rows, &t->cap, t->n, sizeof *rows, 8);
    if (!rows)
        return ZHTIDY_ERR_NOMEM;
    t->rows = rows;
    t->rows[t->n++] = (zt_row){NULL, 0, 0};
    return ZHTIDY_OK;
}

zhtidy_status zhtidy_doc_table_add_cell(zhtidy_doc *doc, const char *text, size_t len,
                                        unsigned colspan, unsigned rowspan, int header)
{
    struct zt_table *t = open_table(doc);
    if (!t || !t->n || (!text && len))
        return ZHTIDY_ERR_ARG;
    zt_row *row = &t->rows[t->n - 1];
    zhtidy_cell *cells = zt_grow(row->cells, &row->cap, row->n, sizeof *cells, 8);
    if (!cells)
        return ZHTIDY_ERR_NOMEM;
    row->cells = cells;
    size_t n;
    char *copy = zt_utf8_sanitize(text ? text : "", len, &n);
    if (!copy)
        return ZHTIDY_ERR_NOMEM;
    row->cells[row->n++] = (zhtidy_cell){copy, n, colspan ? colspan : 1, rowspan ? rowspan : 1,
                                         header != 0};
    return ZHTIDY_OK;
}

/* Cell C of row R of block B, to be rewritten by a pass; NULL past the end. */
zhtidy_cell *zt_table_cell(struct zt_block *b, size_t r, size_t c)
{
    struct zt_table *t = b->table;
    return t && r < t->n && c < t->rows[r].n ? &t->rows[r].cells[c] : NULL;
}

/* ---- editing a block, change by change ---------------------------------- */

void zt_edit_start(zt_edit *e, struct zhtidy_report *report, unsigned long line, size_t hint)
{
    zt_buf_init(&e->out);
    e->report = report;
    e->line = line;
    e->status = ZHTIDY_OK;
    e->changes = 0;
    zt_buf_reserve(&e->out, hint);
}

void zt_edit_change(zt_edit *e, zt_rule rule, const char *old, size_t old_len,
                    const char *new_text, size_t new_len)
{
    zt_buf_add(&e->out, new_text, new_len);
    e->changes++;
    if (e->status)
        return;
    zhtidy_change_kind kind = !new_len   ? ZHTIDY_CHANGE_REMOVE
                              : !old_len ? ZHTIDY_CHANGE_INSERT
                                         : ZHTIDY_CHANGE_REPLACE;
    e->status = zt_report_add(e->report, rule, e->line, kind, old, old_len, new_text, new_len);
}

zhtidy_status zt_edit_finish(zt_edit *e, struct zt_block *b)
{
    zhtidy_status st = e->status;
    if (!st && e->out.failed)
        st = ZHTIDY_ERR_NOMEM;
    if (st || !e->changes) {
        zt_buf_free(&e->out);
        return st;
    }
    size_t len;
    char *text = zt_buf_take(&e->out, &len);
    if (!text)
        return ZHTIDY_ERR_NOMEM;
    zt_block_set_text(b, text, len);
    return ZHTIDY_OK;
}
