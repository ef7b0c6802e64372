/* SPDX-License-Identifier: MIT */
/* write_json.c - the document tree as JSON, to review and edit by hand and
 * to read back (json_read.c).  The format is versioned and described in
 * zhtidy-json(5).  One block, and one report entry, a line, so that a tree
 * diffs well.  Strings are escaped by json-c. */
#include "internal.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

static const char *const block_types[] = {NULL, "paragraph", "heading", "list_item", "table",
                                          "code"};
static const char *const change_kinds[] = {NULL, "remove", "replace", "insert", "flag"};

void zhtidy_json_options_init(zhtidy_json_options *o)
{
    o->report = 1;
}

/* A JSON string, escaped by json-c. */
static void string(zt_out *o, const char *s, size_t len)
{
    json_object *j = json_object_new_string_len(s, (int)len);
    const char *e = j ? json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
                                                             JSON_C_TO_STRING_NOSLASHESCAPE)
                      : NULL;
    if (e)
        zt_out_puts(o, e);
    else if (!o->status)
        o->status = ZHTIDY_ERR_NOMEM;
    json_object_put(j);
}

static void member(zt_out *o, const char *name, const char *value, size_t len, bool comma)
{
    if (comma)
        zt_out_puts(o, ", ");
    string(o, name, strlen(name));
    zt_out_puts(o, ": ");
    string(o, value, len);
}

static void number(zt_out *o, const char *name, unsigned long long v)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, ", \"%s\": %llu", name, v);
    zt_out_puts(o, tmp);
}

static void meta(zt_out *o, const zhtidy_doc *doc)
{
    zt_out_puts(o, " \"meta\": {");
    bool comma = false;
    for (int k = 0; k < ZHTIDY_META_COUNT; k++) {
        const char *v = zhtidy_doc_meta(doc, (zhtidy_meta)k);
        if (v) {
            member(o, zhtidy_meta_name((zhtidy_meta)k), v, strlen(v), comma);
            comma = true;
        }
    }
    size_t hans, hant;
    zhtidy_doc_script_counts(doc, &hans, &hant);
    char tmp[96];
    snprintf(tmp, sizeof tmp, "},\n \"script\": {\"hans\": %zu, \"hant\": %zu},\n", hans, hant);
    zt_out_puts(o, tmp);
}

static void table(zt_out *o, const zhtidy_doc *doc, size_t i)
{
    size_t header, rows = zhtidy_doc_table_rows(doc, i, &header);
    number(o, "header_rows", header);
    zt_out_puts(o, ", \"rows\": [");
    for (size_t r = 0; r < rows; r++) {
        size_t n;
        const zhtidy_cell *c = zhtidy_doc_table_row(doc, i, r, &n);
        zt_out_puts(o, r ? ", [" : "[");
        for (size_t k = 0; k < n; k++) {
            zt_out_puts(o, k ? ", {" : "{");
            member(o, "text", c[k].text, c[k].len, false);
            if (c[k].colspan > 1)
                number(o, "colspan", c[k].colspan);
            if (c[k].rowspan > 1)
                number(o, "rowspan", c[k].rowspan);
            if (c[k].header)
                zt_out_puts(o, ", \"header\": true");
            zt_out_puts(o, "}");
        }
        zt_out_puts(o, "]");
    }
    zt_out_puts(o, "]");
}

static void blocks(zt_out *o, const zhtidy_doc *doc)
{
    size_t n = zhtidy_doc_block_count(doc);
    zt_out_puts(o, " \"blocks\": [");
    for (size_t i = 0; i < n; i++) {
        zhtidy_block_type type = zhtidy_doc_block_type(doc, i);
        zt_out_puts(o, i ? ",\n  {" : "\n  {");
        member(o, "type", block_types[type], strlen(block_types[type]), false);
        if (type == ZHTIDY_HEADING || type == ZHTIDY_LIST_ITEM)
            number(o, "level", (unsigned)zhtidy_doc_block_level(doc, i));
        if (type == ZHTIDY_LIST_ITEM && (zhtidy_doc_block_flags(doc, i) & ZHTIDY_BLOCK_ORDERED))
            zt_out_puts(o, ", \"ordered\": true");
        if (zhtidy_doc_block_line(doc, i))
            number(o, "line", zhtidy_doc_block_line(doc, i));
        if (type == ZHTIDY_TABLE) {
            table(o, doc, i);
        } else {
            size_t len;
            const char *t = zhtidy_doc_block_text(doc, i, &len);
            member(o, "text", t, len, true);
        }
        zt_out_puts(o, "}");
    }
    zt_out_puts(o, n ? "\n ]" : "]");
}

static void report(zt_out *o, const zhtidy_doc *doc)
{
    const zhtidy_report *r = zhtidy_doc_report(doc);
    size_t n = zhtidy_report_count(r);
    zt_out_puts(o, ",\n \"report\": [");
    for (size_t i = 0; i < n; i++) {
        zhtidy_change c;
        zhtidy_report_get(r, i, &c);
        zt_out_puts(o, i ? ",\n  {" : "\n  {");
        member(o, "rule", c.rule, strlen(c.rule), false);
        number(o, "line", c.line);
        member(o, "kind", change_kinds[c.kind], strlen(change_kinds[c.kind]), true);
        member(o, "text", c.text, strlen(c.text), true);
        if (*c.new_text)
            member(o, "new_text", c.new_text, strlen(c.new_text), true);
        if (*c.why)
            member(o, "why", c.why, strlen(c.why), true);
        zt_out_puts(o, "}");
    }
    zt_out_puts(o, n ? "\n ]" : "]");
}

zhtidy_status zhtidy_write_json(const zhtidy_doc *doc, const zhtidy_json_options *opts,
                                zhtidy_sink sink, void *userdata)
{
    if (!doc)
        return ZHTIDY_ERR_ARG;
    zt_out o;
    zt_out_init(&o, sink, userdata);
    char head[48];
    snprintf(head, sizeof head, "{\"zhtidy\": %d,\n", ZT_JSON_VERSION);
    zt_out_puts(&o, head);
    meta(&o, doc);
    blocks(&o, doc);
    if (!opts || opts->report)
        report(&o, doc);
    zt_out_puts(&o, "\n}\n");
    return zt_out_finish(&o);
}
