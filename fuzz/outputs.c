/* SPDX-License-Identifier: MIT */
/* outputs.c - the writers' invariants: text and JSON are valid UTF-8, JSON
 * reads back to the same tree, and every XML part of a DOCX or EPUB package
 * is well-formed under libxml2. */
#include "fuzz.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

void fz_writers_from_byte(fz_writers *w, uint8_t byte)
{
    zhtidy_txt_options_init(&w->txt);
    zhtidy_json_options_init(&w->json);
    zhtidy_docx_options_init(&w->docx);
    zhtidy_epub_options_init(&w->epub);
    w->txt.tree = byte & 1;
    w->json.report = !(byte & 2);
    w->docx.style = byte & 4 ? ZHTIDY_DOCX_GBT9704 : ZHTIDY_DOCX_PLAIN;
    w->docx.toc = (byte >> 3) % 3 - 1; /* automatic, none, always */
    w->epub.vertical = (byte >> 5) & 1;
}

/* A writer's whole output; DATA stays NULL when nothing was written. */
typedef zhtidy_buffer out;

static void out_free(out *o)
{
    zhtidy_free(o->data);
    memset(o, 0, sizeof *o);
}

static void check_text_output(const out *o, const char *what)
{
    if (o->len && (!o->data || !fz_utf8_ok(o->data, o->len)))
        fz_fail("%s output is not valid UTF-8 without NUL", what);
}

static void write_txt(const zhtidy_doc *doc, const zhtidy_txt_options *opts, out *o)
{
    zhtidy_status st = zhtidy_write_txt(doc, opts, zhtidy_buffer_sink, o);
    if (st != ZHTIDY_OK)
        fz_fail("zhtidy_write_txt: %s", zhtidy_strerror(st));
    check_text_output(o, opts->tree ? "tree" : "text");
    if (o->len && o->data[o->len - 1] != '\n')
        fz_fail("the %s output does not end with a newline", opts->tree ? "tree" : "text");
}

static void write_json(const zhtidy_doc *doc, const zhtidy_json_options *opts, out *o)
{
    zhtidy_status st = zhtidy_write_json(doc, opts, zhtidy_buffer_sink, o);
    if (st != ZHTIDY_OK)
        fz_fail("zhtidy_write_json: %s", zhtidy_strerror(st));
    if (!o->len)
        fz_fail("the JSON output is empty");
    check_text_output(o, "JSON");
}

void fz_write_text(const zhtidy_doc *doc, const fz_writers *w)
{
    out t = {0}, j = {0};
    write_txt(doc, &w->txt, &t);
    write_json(doc, &w->json, &j);
    out_free(&t);
    out_free(&j);
}

zhtidy_doc *fz_write_json_round_trip(const zhtidy_doc *doc, const fz_writers *w)
{
    out j = {0}, j2 = {0}, t = {0}, t2 = {0};
    write_json(doc, &w->json, &j);
    write_txt(doc, &w->txt, &t);
    zhtidy_options *o = zhtidy_options_new();
    if (!o)
        fz_fail("out of memory in the harness");
    zhtidy_options_set_input(o, ZHTIDY_INPUT_JSON);
    zhtidy_doc *back = NULL;
    zhtidy_error err;
    zhtidy_status st = zhtidy_parse(j.data, j.len, NULL, o, &back, &err);
    if (st != ZHTIDY_OK)
        fz_fail("the JSON output does not read back: %lu:%lu: %s\n%s", err.line, err.column,
                err.message, j.data);
    fz_check_tree(back);
    fz_check_report(back);
    write_json(back, &w->json, &j2);
    if (j.len != j2.len || memcmp(j.data, j2.data, j.len))
        fz_fail("the JSON read back writes other JSON:\n%s\n----\n%s", j.data, j2.data);
    write_txt(back, &w->txt, &t2);
    if (t.len != t2.len || (t.len && memcmp(t.data, t2.data, t.len)))
        fz_fail("the JSON read back writes other text:\n%s\n----\n%s", t.data, t2.data);
    zhtidy_options_free(o);
    out_free(&j);
    out_free(&j2);
    out_free(&t);
    out_free(&t2);
    return back;
}

/* ---- packages ------------------------------------------------------ */

static bool xml_part(const char *name)
{
    static const char *const ext[] = {".xml", ".xhtml", ".opf", ".ncx", ".rels"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t e = strlen(ext[i]);
        if (n >= e && !strcmp(name + n - e, ext[i]))
            return true;
    }
    return false;
}

static void check_part(zip_t *z, zip_uint64_t i, const char *what, fz_part_fn fn, void *ud)
{
    zip_stat_t s;
    if (zip_stat_index(z, i, 0, &s) || !(s.valid & ZIP_STAT_NAME) || !(s.valid & ZIP_STAT_SIZE))
        fz_fail("%s entry %lu: no stat", what, (unsigned long)i);
    char *data = malloc(s.size + 1);
    zip_file_t *f = zip_fopen_index(z, i, 0);
    if (!data || !f || zip_fread(f, data, s.size) != (zip_int64_t)s.size)
        fz_fail("%s entry %s does not read", what, s.name);
    zip_fclose(f);
    data[s.size] = '\0';
    if (i == 0 && !strcmp(what, "EPUB") &&
        (strcmp(s.name, "mimetype") || s.comp_method != ZIP_CM_STORE ||
         strcmp(data, "application/epub+zip")))
        fz_fail("the EPUB does not start with its stored mimetype");
    if (xml_part(s.name)) {
        xmlDocPtr x = xmlReadMemory(data, (int)s.size, s.name, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!x) {
            const xmlError *e = xmlGetLastError();
            fz_fail("%s part %s is not well-formed: line %d: %s\n%s", what, s.name,
                    e ? e->line : 0, e && e->message ? e->message : "?", data);
        }
        if (fn)
            fn(s.name, x, ud);
        xmlFreeDoc(x);
    }
    free(data);
}

static void check_package(const out *o, const char *what, fz_part_fn fn, void *ud)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(o->data, o->len, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!z)
        fz_fail("the %s package does not open: %s", what, zip_error_strerror(&ze));
    zip_int64_t n = zip_get_num_entries(z, 0);
    if (n < 1)
        fz_fail("the %s package is empty", what);
    for (zip_int64_t i = 0; i < n; i++)
        check_part(z, (zip_uint64_t)i, what, fn, ud);
    zip_discard(z); /* frees the source too */
    zip_error_fini(&ze);
}

static void write_docx(const zhtidy_doc *doc, const fz_writers *w, out *o)
{
    zhtidy_status st = zhtidy_write_docx(doc, &w->docx, zhtidy_buffer_sink, o);
    if (st != ZHTIDY_OK || !o->len)
        fz_fail("zhtidy_write_docx: %s", zhtidy_strerror(st));
}

static void write_epub(const zhtidy_doc *doc, const fz_writers *w, out *o)
{
    zhtidy_status st = zhtidy_write_epub(doc, &w->epub, zhtidy_buffer_sink, o);
    if (st != ZHTIDY_OK || !o->len)
        fz_fail("zhtidy_write_epub: %s", zhtidy_strerror(st));
}

void fz_write_packages(const zhtidy_doc *doc, const fz_writers *w, fz_part_fn part, void *ud)
{
    out o = {0};
    write_docx(doc, w, &o);
    check_package(&o, "DOCX", part, ud);
    out_free(&o);
    write_epub(doc, w, &o);
    check_package(&o, "EPUB", part, ud);
    out_free(&o);
}

void fz_write_packages_quick(const zhtidy_doc *doc, const fz_writers *w)
{
    out o = {0};
    write_docx(doc, w, &o);
    out_free(&o);
    write_epub(doc, w, &o);
    out_free(&o);
}

void fz_same_package(const zhtidy_doc *a, const zhtidy_doc *b, const fz_writers *w, bool epub)
{
    out x = {0}, y = {0};
    (epub ? write_epub : write_docx)(a, w, &x);
    (epub ? write_epub : write_docx)(b, w, &y);
    if (x.len != y.len || memcmp(x.data, y.data, x.len))
        fz_fail("the tree read back from JSON writes another %s", epub ? "EPUB" : "DOCX");
    out_free(&x);
    out_free(&y);
}
