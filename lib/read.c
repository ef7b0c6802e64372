/* SPDX-License-Identifier: MIT */
/* read.c - the entry point: decode, split into lines, run the passes. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INPUT ZHTIDY_MAX_INPUT

/* Split TEXT (decoded, NUL-terminated, LEN bytes) into one block per
 * non-empty line, in place: each LF becomes the NUL that ends a block's
 * text, and the document keeps TEXT as its arena.  The block array is
 * sized once, from the count of lines. */
static zhtidy_status split_lines(zhtidy_doc *doc, char *text, size_t len)
{
    size_t lines = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        lines++;
    if (!(doc->blocks = calloc(lines, sizeof *doc->blocks))) {
        free(text);
        return ZHTIDY_ERR_NOMEM;
    }
    doc->cap = lines;
    doc->arena = text;
    unsigned long line = 1;
    for (size_t start = 0, i; start <= len; start = i + 1, line++) {
        char *nl = memchr(text + start, '\n', len - start);
        i = nl ? (size_t)(nl - text) : len;
        text[i] = '\0';
        if (i > start)
            doc->blocks[doc->n++] = (struct zt_block){ZHTIDY_PARAGRAPH, 0, text + start, i - start,
                                                      line, true};
    }
    return ZHTIDY_OK;
}

zhtidy_status zhtidy_read(const void *data, size_t len, const char *source,
                          const zhtidy_options *opts, zhtidy_doc **out)
{
    if (!out || (!data && len))
        return ZHTIDY_ERR_ARG;
    *out = NULL;
    if (len > MAX_INPUT)
        return ZHTIDY_ERR_TOO_BIG;
    zhtidy_options defaults = {0};
    if (!opts)
        opts = &defaults;
    zhtidy_doc *doc = zhtidy_doc_new();
    if (!doc)
        return ZHTIDY_ERR_NOMEM;
    zt_script_init();
    char *text = NULL;
    size_t text_len = 0;
    const char *enc = NULL;
    zhtidy_status st = zt_decode(data ? data : "", len, opts->encoding, &doc->report, &text,
                                 &text_len, &enc);
    if (!st)
        st = split_lines(doc, text, text_len); /* the document takes TEXT */
    if (!st)
        st = zhtidy_doc_set_meta(doc, ZHTIDY_META_ENCODING, enc);
    if (!st && source)
        st = zhtidy_doc_set_meta(doc, ZHTIDY_META_SOURCE, source);
    if (!st) {
        zt_ctx ctx = {doc, opts};
        st = zt_run_passes(&ctx);
    }
    if (st) {
        zhtidy_doc_free(doc);
        return st;
    }
    *out = doc;
    return ZHTIDY_OK;
}

zhtidy_status zhtidy_read_file(const char *path, const zhtidy_options *opts, zhtidy_doc **out)
{
    if (!path || !out)
        return ZHTIDY_ERR_ARG;
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ZHTIDY_ERR_IO;
    zt_buf b;
    zt_buf_init(&b);
    char chunk[65536];
    size_t n;
    zhtidy_status st = ZHTIDY_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > MAX_INPUT) {
            st = ZHTIDY_ERR_TOO_BIG;
            break;
        }
        if (!zt_buf_add(&b, chunk, n)) {
            st = ZHTIDY_ERR_NOMEM;
            break;
        }
    }
    if (!st && ferror(f))
        st = ZHTIDY_ERR_IO;
    int saved = errno;
    fclose(f);
    if (!st)
        st = zhtidy_read(b.data, b.len, path, opts, out);
    zt_buf_free(&b);
    errno = saved;
    return st;
}
