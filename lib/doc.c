/* SPDX-License-Identifier: MIT */
/* doc.c - the document tree and its accessors. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const char *zhtidy_version(void)
{
    return ZHTIDY_VERSION_STRING;
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
    }
    return "unknown error";
}

zhtidy_doc *zhtidy_doc_new(void)
{
    return calloc(1, sizeof(zhtidy_doc));
}

void zhtidy_doc_free(zhtidy_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->n; i++)
        zt_block_free(&doc->blocks[i]);
    free(doc->blocks);
    free(doc->arena);
    for (size_t i = 0; i < doc->toc_n; i++)
        free(doc->toc[i].text);
    free(doc->toc);
    for (int k = 0; k < ZHTIDY_META_COUNT; k++)
        free(doc->meta[k]);
    zt_report_free(&doc->report);
    free(doc);
}

zhtidy_status zt_doc_insert(zhtidy_doc *doc, size_t i, zhtidy_block_type type, int level,
                            char *text, size_t len, unsigned long line)
{
    struct zt_block *blocks = zt_grow(doc->blocks, &doc->cap, doc->n, sizeof *blocks, 16);
    if (!blocks) {
        free(text);
        return ZHTIDY_ERR_NOMEM;
    }
    doc->blocks = blocks;
    memmove(doc->blocks + i + 1, doc->blocks + i, (doc->n - i) * sizeof *doc->blocks);
    doc->blocks[i] = (struct zt_block){type, type == ZHTIDY_HEADING ? level : 0, text, len, line, false};
    doc->n++;
    return ZHTIDY_OK;
}

zhtidy_status zhtidy_doc_append(zhtidy_doc *doc, zhtidy_block_type type, int level,
                                const char *text, size_t len, unsigned long line)
{
    if (!doc || (!text && len) || (type != ZHTIDY_PARAGRAPH && type != ZHTIDY_HEADING) ||
        (type == ZHTIDY_HEADING && (level < 1 || level > 4)))
        return ZHTIDY_ERR_ARG;
    char *copy = zt_utf8_sanitize(text ? text : "", len, &len);
    if (!copy)
        return ZHTIDY_ERR_NOMEM;
    return zt_doc_insert(doc, doc->n, type, level, copy, len, line);
}

void zt_block_set_text(struct zt_block *b, char *text, size_t len)
{
    zt_block_free(b);
    b->borrowed = false;
    b->text = text;
    b->len = len;
}

zhtidy_status zt_block_cut(zhtidy_doc *doc, size_t i, size_t from, size_t to, const char *rule)
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

void zt_doc_drop_empty(zhtidy_doc *doc)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->n; i++) {
        if (doc->blocks[i].len == 0)
            zt_block_free(&doc->blocks[i]);
        else
            doc->blocks[kept++] = doc->blocks[i];
    }
    doc->n = kept;
}

void zt_doc_remove(zhtidy_doc *doc, size_t i)
{
    /* moving the tail of the array for every removal made a page of
     * furniture lines quadratic: the block is emptied here and swept with
     * the others at the end of the pass */
    struct zt_block *b = &doc->blocks[i];
    b->len = 0;
    b->text[0] = '\0';
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

size_t zhtidy_doc_block_count(const zhtidy_doc *doc)
{
    return doc ? doc->n : 0;
}

zhtidy_block_type zhtidy_doc_block_type(const zhtidy_doc *doc, size_t i)
{
    return doc && i < doc->n ? doc->blocks[i].type : (zhtidy_block_type)0;
}

int zhtidy_doc_block_level(const zhtidy_doc *doc, size_t i)
{
    return doc && i < doc->n ? doc->blocks[i].level : 0;
}

unsigned long zhtidy_doc_block_line(const zhtidy_doc *doc, size_t i)
{
    return doc && i < doc->n ? doc->blocks[i].line : 0;
}

const char *zhtidy_doc_block_text(const zhtidy_doc *doc, size_t i, size_t *len)
{
    if (!doc || i >= doc->n) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = doc->blocks[i].len;
    return doc->blocks[i].text;
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
