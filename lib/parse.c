/* SPDX-License-Identifier: MIT */
/* parse.c - bytes to a document tree, and the entry points that read and
 * repair.  Text is decoded and split into one paragraph a line; a saved web
 * page goes to the HTML reader (html.c); a JSON tree to json_read.c. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    doc->arena_len = len + 1;
    unsigned long line = 1;
    for (size_t start = 0, i; start <= len; start = i + 1, line++) {
        char *nl = memchr(text + start, '\n', len - start);
        i = nl ? (size_t)(nl - text) : len;
        text[i] = '\0';
        if (i > start)
            doc->blocks[doc->n++] = (struct zt_block){.type = ZHTIDY_PARAGRAPH, .text = text + start,
                                                      .len = i - start, .line = line,
                                                      .borrowed = true};
    }
    return ZHTIDY_OK;
}

static zhtidy_status parse_text(zhtidy_doc *doc, const unsigned char *data, size_t len,
                                const zhtidy_options *opts, zhtidy_error *err)
{
    char *text = NULL;
    size_t text_len = 0;
    const char *enc = NULL;
    zhtidy_status st = zt_decode(data, len, opts->encoding, &doc->report, &text, &text_len, &enc);
    if (!st)
        st = split_lines(doc, text, text_len); /* the document takes TEXT */
    if (!st)
        st = zhtidy_doc_set_meta(doc, ZHTIDY_META_ENCODING, enc);
    if (st)
        zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
    return st;
}

/* The kind of input: as the options say, else by the source's extension,
 * else by the first bytes (a JSON tree starts with {"zhtidy": …). */
static zhtidy_input input_kind(const unsigned char *data, size_t len, const char *source,
                               const zhtidy_options *opts)
{
    if (opts->input != ZHTIDY_INPUT_AUTO)
        return opts->input;
    const char *dot = source ? strrchr(source, '.') : NULL;
    if (dot && !strchr(dot, '/')) {
        if (!strcasecmp(dot, ".json"))
            return ZHTIDY_INPUT_JSON;
        if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".xhtml"))
            return ZHTIDY_INPUT_HTML;
    }
    size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && data[i] == '{') {
        size_t j = i + 1;
        while (j < len && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n'))
            j++;
        if (len - j >= 8 && !memcmp(data + j, "\"zhtidy\"", 8))
            return ZHTIDY_INPUT_JSON;
    }
    return zt_html_sniff(data, len) ? ZHTIDY_INPUT_HTML : ZHTIDY_INPUT_TEXT;
}

static zhtidy_status parse(const void *data, size_t len, const char *source,
                           const zhtidy_options *opts, zhtidy_doc **out, zhtidy_error *err,
                           zhtidy_input *kind)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!out || (!data && len)) {
        zt_error_set(err, ZHTIDY_ERR_ARG, 0, 0, "%s", zhtidy_strerror(ZHTIDY_ERR_ARG));
        return ZHTIDY_ERR_ARG;
    }
    *out = NULL;
    if (len > MAX_INPUT) {
        zt_error_set(err, ZHTIDY_ERR_TOO_BIG, 0, 0, "%s", zhtidy_strerror(ZHTIDY_ERR_TOO_BIG));
        return ZHTIDY_ERR_TOO_BIG;
    }
    zhtidy_options defaults = {0};
    if (!opts)
        opts = &defaults;
    zhtidy_doc *doc = zhtidy_doc_new();
    if (!doc) {
        zt_error_set(err, ZHTIDY_ERR_NOMEM, 0, 0, "%s", zhtidy_strerror(ZHTIDY_ERR_NOMEM));
        return ZHTIDY_ERR_NOMEM;
    }
    zt_script_init();
    const unsigned char *bytes = data ? data : (const void *)"";
    *kind = input_kind(bytes, len, source, opts);
    zhtidy_status st = *kind == ZHTIDY_INPUT_JSON   ? zt_json_read(doc, bytes, len, err)
                       : *kind == ZHTIDY_INPUT_HTML ? zt_html_read(doc, bytes, len, opts, err)
                                                    : parse_text(doc, bytes, len, opts, err);
    /* the source is where the input came from now, not what a tree said */
    if (!st && source && (st = zhtidy_doc_set_meta(doc, ZHTIDY_META_SOURCE, source)))
        zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
    /* a tree is not repaired: what the user said about it is set now */
    if (!st && *kind == ZHTIDY_INPUT_JSON && (st = zt_apply_meta(doc, opts)))
        zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
    if (st) {
        zhtidy_doc_free(doc);
        return st;
    }
    doc->input = *kind;
    *out = doc;
    return ZHTIDY_OK;
}

zhtidy_input zhtidy_doc_input(const zhtidy_doc *doc)
{
    return doc ? doc->input : ZHTIDY_INPUT_AUTO;
}

zhtidy_status zhtidy_parse(const void *data, size_t len, const char *source,
                           const zhtidy_options *opts, zhtidy_doc **out, zhtidy_error *err)
{
    zhtidy_input kind;
    return parse(data, len, source, opts, out, err, &kind);
}

zhtidy_status zhtidy_repair(zhtidy_doc *doc, const zhtidy_options *opts)
{
    if (!doc)
        return ZHTIDY_ERR_ARG;
    zhtidy_options defaults = {0};
    zt_script_init();
    zt_ctx ctx = {.doc = doc, .opts = opts ? opts : &defaults};
    zhtidy_status st = zt_run_passes(&ctx);
    zt_ctx_free(&ctx);
    return st ? st : zt_apply_meta(doc, ctx.opts);
}

zhtidy_status zhtidy_read(const void *data, size_t len, const char *source,
                          const zhtidy_options *opts, zhtidy_doc **out, zhtidy_error *err)
{
    zhtidy_input kind;
    zhtidy_status st = parse(data, len, source, opts, out, err, &kind);
    if (st || kind == ZHTIDY_INPUT_JSON)
        return st; /* a tree is taken as it is */
    if ((st = zhtidy_repair(*out, opts))) {
        zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
        zhtidy_doc_free(*out);
        *out = NULL;
    }
    return st;
}

zhtidy_status zhtidy_read_file(const char *path, const zhtidy_options *opts, zhtidy_doc **out,
                               zhtidy_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!path || !out)
        return ZHTIDY_ERR_ARG;
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        int saved = errno;
        zt_error_set(err, ZHTIDY_ERR_IO, 0, 0, "cannot open: %s", strerror(saved));
        errno = saved;
        return ZHTIDY_ERR_IO;
    }
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
    if (st)
        zt_error_set(err, st, 0, 0, "%s", st == ZHTIDY_ERR_IO ? strerror(saved) : zhtidy_strerror(st));
    else
        st = zhtidy_read(b.data, b.len, path, opts, out, err);
    zt_buf_free(&b);
    errno = saved;
    return st;
}
