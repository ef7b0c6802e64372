/* SPDX-License-Identifier: MIT */
/* json_read.c - a JSON tree (write_json.c, zhtidy-json(5)) back into a
 * document, parsed by json-c.  A syntax error names its line and column; a
 * tree of the wrong shape names the member that is wrong. */
#include "internal.h"

#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    zhtidy_doc *doc;
    zhtidy_error *err;
    zhtidy_status st;
} reader;

__attribute__((format(printf, 2, 3))) static bool fail(reader *r, const char *fmt, ...)
{
    if (r->st)
        return false;
    r->st = ZHTIDY_ERR_JSON;
    if (r->err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
        va_end(ap);
        zt_error_tidy(r->err);
        r->err->status = ZHTIDY_ERR_JSON;
    }
    return false;
}

static bool nomem(reader *r, zhtidy_status st)
{
    if (st && !r->st) {
        r->st = st;
        zt_error_set(r->err, st, 0, 0, "%s", zhtidy_strerror(st));
    }
    return !st;
}

/* Does OBJ hold only members named in ALLOWED (NULL-terminated)?  A
 * misspelt member must not be ignored silently. */
static bool only(reader *r, json_object *obj, const char *const *allowed, const char *where)
{
    json_object_object_foreach(obj, key, val)
    {
        (void)val;
        size_t k = 0;
        while (allowed[k] && strcmp(allowed[k], key))
            k++;
        if (!allowed[k])
            return fail(r, "%s: \"%s\" is not a member here", where, key);
    }
    return true;
}

/* Member NAME of OBJ of json TYPE, or NULL when absent; a member of another
 * type fails. */
static json_object *get(reader *r, json_object *obj, const char *name, json_type type,
                        const char *where)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(obj, name, &v) || json_object_is_type(v, json_type_null))
        return NULL;
    if (!json_object_is_type(v, type) &&
        !(type == json_type_double && json_object_is_type(v, json_type_int))) {
        fail(r, "%s.%s: must be %s", where, name, json_type_to_name(type));
        return NULL;
    }
    return v;
}

static long long get_int(reader *r, json_object *obj, const char *name, long long def,
                         long long lo, long long hi, const char *where)
{
    json_object *v = get(r, obj, name, json_type_int, where);
    if (!v)
        return def;
    long long n = json_object_get_int64(v);
    if (n < lo || n > hi) {
        fail(r, "%s.%s: %lld is not between %lld and %lld", where, name, n, lo, hi);
        return def;
    }
    return n;
}

static bool read_meta(reader *r, json_object *root)
{
    json_object *m = get(r, root, "meta", json_type_object, "tree");
    if (!m)
        return !r->st;
    json_object_object_foreach(m, key, val)
    {
        zhtidy_meta k = zhtidy_meta_key(key);
        if (k == ZHTIDY_META_COUNT)
            return fail(r, "meta.%s: not a metadata key (title, lang, author …)", key);
        if (!json_object_is_type(val, json_type_string))
            return fail(r, "meta.%s: must be a string", key);
        if (!nomem(r, zhtidy_doc_set_meta(r->doc, k, json_object_get_string(val))))
            return false;
    }
    return !r->st;
}

static bool read_script(reader *r, json_object *root)
{
    json_object *s = get(r, root, "script", json_type_object, "tree");
    if (s) {
        r->doc->hans = (size_t)get_int(r, s, "hans", 0, 0, ZHTIDY_MAX_INPUT, "script");
        r->doc->hant = (size_t)get_int(r, s, "hant", 0, 0, ZHTIDY_MAX_INPUT, "script");
    }
    return !r->st;
}

static bool read_cell(reader *r, json_object *c, const char *where)
{
    if (json_object_is_type(c, json_type_string)) /* a bare string is a plain cell */
        return nomem(r, zhtidy_doc_table_add_cell(r->doc, json_object_get_string(c),
                                                  (size_t)json_object_get_string_len(c), 1, 1, 0));
    static const char *const members[] = {"text", "colspan", "rowspan", "header", NULL};
    if (!json_object_is_type(c, json_type_object))
        return fail(r, "%s: a cell is a string or an object", where);
    if (!only(r, c, members, where))
        return false;
    json_object *t = get(r, c, "text", json_type_string, where);
    json_object *h = get(r, c, "header", json_type_boolean, where);
    unsigned cs = (unsigned)get_int(r, c, "colspan", 1, 1, 1000, where);
    unsigned rs = (unsigned)get_int(r, c, "rowspan", 1, 1, 65535, where);
    return !r->st && nomem(r, zhtidy_doc_table_add_cell(r->doc, t ? json_object_get_string(t) : "",
                                                         t ? (size_t)json_object_get_string_len(t) : 0,
                                                         cs, rs, h && json_object_get_boolean(h)));
}

static bool read_table(reader *r, json_object *b, unsigned long line, const char *where)
{
    size_t header = (size_t)get_int(r, b, "header_rows", 0, 0, 1000, where);
    json_object *rows = get(r, b, "rows", json_type_array, where);
    if (r->st || !nomem(r, zhtidy_doc_append_table(r->doc, header, line)))
        return false;
    char at[128];
    for (size_t i = 0; rows && i < json_object_array_length(rows); i++) {
        json_object *row = json_object_array_get_idx(rows, i);
        if (!json_object_is_type(row, json_type_array))
            return fail(r, "%s.rows[%zu]: a row is an array of cells", where, i);
        if (!nomem(r, zhtidy_doc_table_add_row(r->doc)))
            return false;
        for (size_t k = 0; k < json_object_array_length(row); k++) {
            snprintf(at, sizeof at, "%s.rows[%zu][%zu]", where, i, k);
            if (!read_cell(r, json_object_array_get_idx(row, k), at))
                return false;
        }
    }
    return true;
}

static const char *const block_types[] = {"paragraph", "heading", "list_item", "table", "code"};

static bool read_block(reader *r, json_object *b, size_t i)
{
    char where[48];
    snprintf(where, sizeof where, "blocks[%zu]", i);
    static const char *const members[] = {"type", "text", "level", "ordered", "line",
                                          "rows", "header_rows", NULL};
    if (!json_object_is_type(b, json_type_object))
        return fail(r, "%s: a block is an object", where);
    if (!only(r, b, members, where))
        return false;
    json_object *type = get(r, b, "type", json_type_string, where);
    if (r->st)
        return false;
    if (!type)
        return fail(r, "%s: has no type", where);
    int t = 0;
    while (t < 5 && strcmp(block_types[t], json_object_get_string(type)))
        t++;
    if (t == 5)
        return fail(r, "%s.type: \"%s\" is not paragraph, heading, list_item, table or code", where,
                    json_object_get_string(type));
    zhtidy_block_type bt = (zhtidy_block_type)(t + 1);
    unsigned long line = (unsigned long)get_int(r, b, "line", 0, 0, ZHTIDY_MAX_INPUT, where);
    if (bt == ZHTIDY_TABLE)
        return read_table(r, b, line, where);
    int level = (int)get_int(r, b, "level", 1, 1, bt == ZHTIDY_HEADING ? 4 : 8, where);
    json_object *ordered = get(r, b, "ordered", json_type_boolean, where);
    json_object *text = get(r, b, "text", json_type_string, where);
    if (r->st)
        return false;
    if (!text)
        return fail(r, "%s: has no text", where);
    return nomem(r, zhtidy_doc_append(r->doc, bt, level,
                                      ordered && json_object_get_boolean(ordered) ? ZHTIDY_BLOCK_ORDERED : 0,
                                      json_object_get_string(text),
                                      (size_t)json_object_get_string_len(text), line));
}

static const char *const change_kinds[] = {"remove", "replace", "insert", "flag"};

static bool read_change(reader *r, json_object *c, size_t i)
{
    char where[48];
    snprintf(where, sizeof where, "report[%zu]", i);
    static const char *const members[] = {"rule", "line", "kind", "text", "new_text", "why", NULL};
    if (!json_object_is_type(c, json_type_object))
        return fail(r, "%s: an entry is an object", where);
    if (!only(r, c, members, where))
        return false;
    json_object *rule = get(r, c, "rule", json_type_string, where);
    json_object *kind = get(r, c, "kind", json_type_string, where);
    json_object *text = get(r, c, "text", json_type_string, where);
    json_object *new_text = get(r, c, "new_text", json_type_string, where);
    json_object *why = get(r, c, "why", json_type_string, where);
    unsigned long line = (unsigned long)get_int(r, c, "line", 0, 0, ZHTIDY_MAX_INPUT, where);
    if (r->st)
        return false;
    int k = 0, id = 0;
    while (kind && k < 4 && strcmp(change_kinds[k], json_object_get_string(kind)))
        k++;
    while (rule && zhtidy_rule_name((size_t)id) && strcmp(zhtidy_rule_name((size_t)id), json_object_get_string(rule)))
        id++;
    if (!rule || !zhtidy_rule_name((size_t)id))
        return fail(r, "%s.rule: no rule is named \"%s\"", where, rule ? json_object_get_string(rule) : "");
    if (!kind || k == 4)
        return fail(r, "%s.kind: must be remove, replace, insert or flag", where);
    const char *t = text ? json_object_get_string(text) : "";
    const char *nt = new_text ? json_object_get_string(new_text) : "";
    zhtidy_status st = zt_report_add(&r->doc->report, (zt_rule)id, line, (zhtidy_change_kind)(k + 1),
                                     t, strlen(t), nt, strlen(nt));
    if (!st && why)
        st = zt_report_why(&r->doc->report, json_object_get_string(why),
                           (size_t)json_object_get_string_len(why));
    return nomem(r, st);
}

/* Line and column (1-based, in bytes) of offset AT. */
static void locate(const unsigned char *data, size_t at, unsigned long *line, unsigned long *col)
{
    *line = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (data[i] == '\n') {
            (*line)++;
            start = i + 1;
        }
    *col = at - start + 1;
}

static zhtidy_status parse_json(const unsigned char *data, size_t len, json_object **root,
                                zhtidy_error *err)
{
    json_tokener *tok = json_tokener_new_ex(64);
    if (!tok)
        return ZHTIDY_ERR_NOMEM;
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    size_t skip = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    *root = len - skip > INT32_MAX ? NULL : json_tokener_parse_ex(tok, (const char *)data + skip, (int)(len - skip));
    enum json_tokener_error e = json_tokener_get_error(tok);
    size_t end = skip + json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    while (*root && end < len && (data[end] == ' ' || data[end] == '\n' || data[end] == '\r' || data[end] == '\t'))
        end++;
    if (*root && e == json_tokener_success && end == len)
        return ZHTIDY_OK;
    unsigned long line, col;
    locate(data, end < len ? end : len, &line, &col);
    const char *why = e == json_tokener_continue || (!*root && e == json_tokener_success)
                          ? "the JSON ends too early"
                      : *root ? "text after the JSON value" : json_tokener_error_desc(e);
    json_object_put(*root);
    *root = NULL;
    zt_error_set(err, ZHTIDY_ERR_JSON, line, col, "%s", why);
    return ZHTIDY_ERR_JSON;
}

zhtidy_status zt_json_read(zhtidy_doc *doc, const unsigned char *data, size_t len,
                           zhtidy_error *err)
{
    json_object *root;
    zhtidy_status st = parse_json(data, len, &root, err);
    if (st)
        return st;
    reader r = {doc, err, ZHTIDY_OK};
    json_object *version = NULL;
    if (!json_object_is_type(root, json_type_object) ||
        !json_object_object_get_ex(root, "zhtidy", &version) ||
        !json_object_is_type(version, json_type_int))
        fail(&r, "not a zhtidy tree: the top level is an object with \"zhtidy\": %d", ZT_JSON_VERSION);
    else if (json_object_get_int(version) != ZT_JSON_VERSION)
        fail(&r, "a tree of version %d; this zhtidy reads version %d", json_object_get_int(version),
             ZT_JSON_VERSION);
    static const char *const members[] = {"zhtidy", "meta", "script", "blocks", "report", NULL};
    if (!r.st)
        only(&r, root, members, "tree");
    json_object *blocks = r.st ? NULL : get(&r, root, "blocks", json_type_array, "tree");
    if (!r.st && !blocks)
        fail(&r, "tree: has no \"blocks\"");
    json_object *report = r.st ? NULL : get(&r, root, "report", json_type_array, "tree");
    if (!r.st && read_meta(&r, root))
        read_script(&r, root);
    for (size_t i = 0; !r.st && blocks && i < json_object_array_length(blocks); i++)
        read_block(&r, json_object_array_get_idx(blocks, i), i);
    for (size_t i = 0; !r.st && report && i < json_object_array_length(report); i++)
        read_change(&r, json_object_array_get_idx(report, i), i);
    json_object_put(root);
    return r.st;
}
