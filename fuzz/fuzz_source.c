/* SPDX-License-Identifier: MIT */
/* fuzz_source - (d) the source name as the fuzzed input.
 *
 *   byte 0  bit 0: the input kind is left to detection (the source's
 *           extension may then make it a JSON tree or a page), else text;
 *           the other bits: the writers' options
 *   rest    the source name (up to its first NUL)
 *
 * A fixed text without a title is read under that name: the name must
 * reach the metadata as valid UTF-8 (as it is, when it was valid), the
 * EPUB must take it as the book's title, and every XML part of the EPUB
 * and the DOCX must stay well-formed. */
#include "fuzz.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* The first line is numbered, so no title is found in the text. */
static const char text[] = "一、总体要求\n"
                           "为深入贯彻落实有关部署，结合实际，制定本方案。\n"
                           "二、主要任务\n"
                           "（一）加强组织领导。各单位要高度重视。\n";

/* The title the EPUB must show for SOURCE, when easy to tell: a base name
 * of ASCII letters, digits, '-' and '_', without its extension.  NULL when
 * the name is harder than that (U+FFFD, spaces, XML escapes...). */
static char *expected_title(const char *source)
{
    const char *base = strrchr(source, '/');
    base = base ? base + 1 : source;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (!n || !strcmp(base, "stdin"))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = base[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return NULL;
    }
    return strndup(base, n);
}

typedef struct {
    const char *want; /* the expected title, or NULL */
    int seen;         /* dc:title elements in the OPF */
} title_check;

static void opf_title(const char *name, void *xml, void *userdata)
{
    title_check *t = userdata;
    if (strcmp(name, "OEBPS/content.opf"))
        return;
    xmlNodePtr root = xmlDocGetRootElement((xmlDocPtr)xml);
    for (xmlNodePtr meta = root ? root->children : NULL; meta; meta = meta->next) {
        if (meta->type != XML_ELEMENT_NODE || xmlStrcmp(meta->name, BAD_CAST "metadata"))
            continue;
        for (xmlNodePtr e = meta->children; e; e = e->next) {
            if (e->type != XML_ELEMENT_NODE || xmlStrcmp(e->name, BAD_CAST "title"))
                continue;
            xmlChar *v = xmlNodeGetContent(e);
            if (!v || !v[strspn((const char *)v, " \t\r\n")])
                fz_fail("the EPUB's dc:title is blank: \"%s\"", v ? (const char *)v : "");
            if (t->want && strcmp((const char *)v, t->want))
                fz_fail("the EPUB's title is \"%s\", not the source's \"%s\"", v, t->want);
            xmlFree(v);
            t->seen++;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *source = strndup((const char *)data + 1, size - 1);
    zhtidy_options *o = zhtidy_options_new();
    if (!source || !o)
        fz_fail("out of memory in the harness");
    if (data[0] & 1)
        zhtidy_options_set_input(o, ZHTIDY_INPUT_TEXT);
    zhtidy_doc *doc = NULL;
    zhtidy_error err;
    zhtidy_status st = zhtidy_read(text, sizeof text - 1, source, o, &doc, &err);
    if (st != ZHTIDY_OK) {
        /* by its extension, the source made the text a JSON tree or a page */
        fz_check_failure(st, doc, &err);
    } else {
        fz_check_tree(doc);
        fz_check_report(doc);
        const char *meta = zhtidy_doc_meta(doc, ZHTIDY_META_SOURCE);
        bool valid = fz_utf8_ok(source, strlen(source));
        if (*source && (!meta || (valid && strcmp(meta, source))))
            fz_fail("the source \"%s\" is in the metadata as \"%s\"", source, meta ? meta : "");
        if (zhtidy_doc_meta(doc, ZHTIDY_META_TITLE))
            fz_fail("the text has a title: \"%s\"", zhtidy_doc_meta(doc, ZHTIDY_META_TITLE));
        fz_writers w;
        fz_writers_from_byte(&w, data[0] >> 1);
        title_check t = {expected_title(source), 0};
        fz_write_packages(doc, &w, opf_title, &t);
        if (t.seen != 1)
            fz_fail("the EPUB has %d titles", t.seen);
        free((char *)t.want);
        fz_write_text(doc, &w);
    }
    zhtidy_doc_free(doc);
    zhtidy_options_free(o);
    free(source);
    return 0;
}
