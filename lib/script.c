/* SPDX-License-Identifier: MIT */
/* script.c - Simplified/Traditional detection and OpenCC conversion.
 *
 * Detection counts characters that exist in only one script, taking the
 * sets from OpenCC's own dictionaries (script_tables.c is generated from
 * them at build time).  Conversion runs last, after page repair, because
 * OpenCC cannot match a phrase that a line break cuts in two.
 *
 * The configurations OpenCC installs convert on the library's own tables
 * (convert.c), built from OpenCC's files, byte for byte as OpenCC would.
 * Any other configuration, a user's .json, goes to OpenCC itself (with
 * libstdc++ and marisa behind it), loaded with dlopen() the first time it
 * is needed: most runs only detect the script, and loading it at start-up
 * cost each of them a millisecond. */
#include "convert.h"
#include "internal.h"

#include <dlfcn.h>
#include <opencc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "script_tables.c"

static int cmp32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

#define IN_TABLE(t, cp) (bsearch(&(cp), (t), sizeof(t) / sizeof((t)[0]), sizeof((t)[0]), cmp32) != NULL)

bool zt_script_is_hans_only(int32_t cp) { return IN_TABLE(hans_only, cp); }
bool zt_script_is_hant_only(int32_t cp) { return IN_TABLE(hant_only, cp); }

int32_t zt_script_rare_source(int32_t cp)
{
    size_t lo = 0, hi = sizeof rare_forms / sizeof rare_forms[0] / 2;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rare_forms[2 * mid] == cp)
            return rare_forms[2 * mid + 1];
        if (rare_forms[2 * mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Direct tables for the BMP, filled once: a Traditional character's
 * Simplified form (for matching patterns in either script) and each
 * character's script classes (for detection). */
uint16_t zt_fold_table[0x10000];
static uint8_t class_table[0x10000];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void mark(const int32_t *t, size_t n, unsigned bit)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] <= 0xFFFF)
            class_table[t[i]] |= (uint8_t)bit;
}

static void fill_tables(void)
{
    for (size_t i = 0; i < sizeof t2s_chars / sizeof t2s_chars[0]; i += 2)
        zt_fold_table[t2s_chars[i]] = (uint16_t)t2s_chars[i + 1];
    mark(hans_only, sizeof hans_only / sizeof hans_only[0], ZT_HANS_ONLY);
    mark(hant_only, sizeof hant_only / sizeof hant_only[0], ZT_HANT_ONLY);
    mark(tw_forms, sizeof tw_forms / sizeof tw_forms[0], ZT_TW_FORM);
    mark(hk_forms, sizeof hk_forms / sizeof hk_forms[0], ZT_HK_FORM);
}

void zt_script_init(void)
{
    pthread_once(&tables_once, fill_tables);
}

unsigned zt_script_class(int32_t cp)
{
    if (cp <= 0xFFFF)
        return class_table[cp];
    return (zt_script_is_hans_only(cp) ? ZT_HANS_ONLY : 0) |
           (zt_script_is_hant_only(cp) ? ZT_HANT_ONLY : 0);
}

/* ---- OpenCC, loaded on first use -------------------------------------- */

#ifndef ZHTIDY_OPENCC_SONAME
#error "ZHTIDY_OPENCC_SONAME must name OpenCC's shared library (set by lib/CMakeLists.txt)"
#endif

static struct {
    bool tried, ok;
    /* typed from opencc.h's own declarations */
    __typeof__(&opencc_open) open;
    __typeof__(&opencc_convert_utf8) convert;
    __typeof__(&opencc_convert_utf8_free) free_text;
    __typeof__(&opencc_close) close;
} cc;

/* Called with cache_lock held.  The library stays loaded: OpenCC's C++
 * runtime does not promise a clean dlclose(). */
static bool load_opencc(void)
{
    if (cc.tried)
        return cc.ok;
    cc.tried = true;
    void *lib = dlopen(ZHTIDY_OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return false;
    /* POSIX allows converting dlsym's void * to a function pointer. */
    *(void **)&cc.open = dlsym(lib, "opencc_open");
    *(void **)&cc.convert = dlsym(lib, "opencc_convert_utf8");
    *(void **)&cc.free_text = dlsym(lib, "opencc_convert_utf8_free");
    *(void **)&cc.close = dlsym(lib, "opencc_close");
    cc.ok = cc.open && cc.convert && cc.free_text && cc.close;
    return cc.ok;
}

/* ---- OpenCC handles, opened once per configuration ------------------- */

static struct cached {
    char *file;
    opencc_t handle;
} *cache;
static size_t cache_n, cache_cap;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* Open *FILE and keep it in the cache, which then owns *FILE (set to
 * NULL).  Called with cache_lock held. */
static zhtidy_status open_converter(char **file, opencc_t *h)
{
    struct cached *grown = zt_grow(cache, &cache_cap, cache_n, sizeof *cache, 4);
    if (!grown)
        return ZHTIDY_ERR_NOMEM;
    cache = grown;
    if (!load_opencc())
        return ZHTIDY_ERR_OPENCC;
    *h = cc.open(*file);
    if (*h == (opencc_t)-1) { /* OpenCC's failure value, not NULL */
        *h = NULL;
        return ZHTIDY_ERR_OPENCC;
    }
    cache[cache_n].file = *file;
    cache[cache_n++].handle = *h;
    *file = NULL;
    return ZHTIDY_OK;
}

static zhtidy_status get_converter(const char *config, opencc_t *h)
{
    size_t n = strlen(config);
    if (n == 0)
        return ZHTIDY_ERR_OPENCC;
    char *file = malloc(n + sizeof ".json");
    if (!file)
        return ZHTIDY_ERR_NOMEM;
    memcpy(file, config, n + 1);
    if (n < 5 || strcmp(config + n - 5, ".json"))
        memcpy(file + n, ".json", sizeof ".json");
    zhtidy_status st = ZHTIDY_OK;
    *h = NULL;
    pthread_mutex_lock(&cache_lock);
    for (size_t i = 0; i < cache_n && !*h; i++)
        if (!strcmp(cache[i].file, file))
            *h = cache[i].handle;
    if (!*h)
        st = open_converter(&file, h);
    pthread_mutex_unlock(&cache_lock);
    free(file);
    return st;
}

void zhtidy_cleanup(void)
{
    pthread_mutex_lock(&cache_lock);
    for (size_t i = 0; i < cache_n; i++) {
        cc.close(cache[i].handle);
        free(cache[i].file);
    }
    free(cache);
    cache = NULL;
    cache_n = cache_cap = 0;
    pthread_mutex_unlock(&cache_lock);
}

/* How many bytes of TEXT are valid UTF-8 without NUL before the first that
 * is not: OpenCC fails a whole call on invalid UTF-8, and stops at a NUL. */
static size_t valid_prefix(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0, n;
    while (i < len) {
        if (u[i] - 1u < 0x7F) /* ASCII but NUL, most of the time */
            i++;
        else if (u[i] && (n = zt_utf8_valid_len(u + i, len - i)))
            i += n;
        else
            break;
    }
    return i;
}

zhtidy_status zhtidy_convert(const char *config, const char *text, size_t len, char **out,
                             size_t *out_len)
{
    if (!config || !out || (!text && len))
        return ZHTIDY_ERR_ARG;
    *out = NULL;
    const zt_cc_config *builtin = NULL;
    opencc_t h = NULL;
#ifdef ZHTIDY_BUILTIN_CONVERTER
    builtin = zt_cc_find(config);
#endif
    zhtidy_status st = builtin ? ZHTIDY_OK : get_converter(config, &h);
    if (st)
        return st;
    text = text ? text : "";
    size_t clean_len = len;
    char *clean = NULL; /* a repaired copy, when TEXT needs one */
    if (valid_prefix(text, len) < len && !(clean = zt_utf8_sanitize(text, len, &clean_len)))
        return ZHTIDY_ERR_NOMEM;
#ifdef ZHTIDY_BUILTIN_CONVERTER
    if (builtin) {
        st = zt_cc_convert(builtin, clean ? clean : text, clean_len, out, out_len);
        free(clean);
        return st;
    }
#endif
    /* opencc_convert_utf8 allocates what the output needs; the _to_buffer
     * variant would overflow a buffer sized from the input. */
    char *conv = cc.convert(h, clean ? clean : text, clean_len);
    free(clean);
    if (!conv)
        return ZHTIDY_ERR_OPENCC;
    size_t n = strlen(conv);
    *out = zt_strndup(conv, n); /* the caller frees with free(), not OpenCC's delete[] */
    cc.free_text(conv);
    if (!*out)
        return ZHTIDY_ERR_NOMEM;
    if (out_len)
        *out_len = n;
    return ZHTIDY_OK;
}

/* ---- the pass --------------------------------------------------------- */

static void count_text(zhtidy_doc *doc, const char *t, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp = zt_utf8_next(t, len, &i);
        if (cp < 0x3400)
            continue;
        unsigned c = zt_script_class(cp);
        if (!c)
            continue;
        doc->hans += (c & ZT_HANS_ONLY) != 0;
        doc->hant += (c & ZT_HANT_ONLY) != 0;
        doc->tw += (c & ZT_TW_FORM) != 0;
        doc->hk += (c & ZT_HK_FORM) != 0;
    }
}

typedef enum { SRC_HANS, SRC_HANT, SRC_TW, SRC_HK } source_script;

static source_script detect(zhtidy_doc *doc)
{
    doc->hans = doc->hant = doc->tw = doc->hk = 0;
    for (size_t i = 0; i < doc->n; i++)
        count_text(doc, doc->blocks[i].text, doc->blocks[i].len);
    const char *title = doc->meta[ZHTIDY_META_TITLE];
    if (title)
        count_text(doc, title, strlen(title));
    if (doc->hant <= doc->hans)
        return SRC_HANS;
    if (doc->tw > doc->hk && doc->tw >= 2)
        return SRC_TW;
    if (doc->hk > doc->tw && doc->hk >= 2)
        return SRC_HK;
    return SRC_HANT;
}

/* The OpenCC configuration from SRC to TARGET, or NULL when none is needed. */
static const char *pick_config(source_script src, zhtidy_script target, bool phrases)
{
    static const char *table[4][5] = {
        /* keep   hans     hant    tw                  hk     */
        {NULL, NULL, "s2t", "s2tw", "s2hk"},    /* from hans */
        {NULL, "t2s", NULL, "t2tw", "t2hk"},    /* from hant */
        {NULL, "tw2s", "tw2t", NULL, "t2hk"},   /* from tw   */
        {NULL, "hk2s", "hk2t", "t2tw", NULL},   /* from hk   */
    };
    const char *c = table[src][target];
    if (c && phrases && !strcmp(c, "s2tw"))
        return "s2twp";
    if (c && phrases && !strcmp(c, "tw2s"))
        return "tw2sp";
    return c;
}

static const char *lang_tag(source_script src, zhtidy_script target)
{
    static const char *by_target[] = {NULL, "zh-CN", "zh-Hant", "zh-TW", "zh-HK"};
    static const char *by_source[] = {"zh-CN", "zh-Hant", "zh-TW", "zh-HK"};
    return target == ZHTIDY_SCRIPT_KEEP ? by_source[src] : by_target[target];
}

/* OpenCC's t2s gives rare non-BMP forms for some common characters; put
 * back the character the text had.  Each one is flagged in the report. */
static zhtidy_status keep_common_forms(struct zhtidy_report *r, unsigned long line,
                                       char **text, size_t *len, bool on)
{
    if (!on)
        return ZHTIDY_OK;
    zt_edit e;
    zt_edit_start(&e, r, line, *len);
    size_t kept = 0;
    for (size_t i = 0; i < *len;) {
        size_t at = i;
        int32_t cp = zt_utf8_next(*text, *len, &i), src;
        if (cp <= 0xFFFF || !(src = zt_script_rare_source(cp)))
            continue;
        zt_buf_add(&e.out, *text + kept, at - kept);
        char enc[4];
        int n = zt_utf8_encode(src, enc);
        e.changes++;
        zt_buf_add(&e.out, enc, (size_t)n);
        if (!e.status && r)
            e.status = zt_report_add(r, ZT_R_SCRIPT_RARE_FORM, line, ZHTIDY_CHANGE_FLAG, *text + at,
                                     i - at, enc, (size_t)n);
        kept = i;
    }
    if (!e.changes || e.status) {
        zhtidy_status st = e.out.failed && !e.status ? ZHTIDY_ERR_NOMEM : e.status;
        zt_buf_free(&e.out);
        return st;
    }
    zt_buf_add(&e.out, *text + kept, *len - kept);
    char *fixed = zt_buf_take(&e.out, len);
    if (!fixed)
        return ZHTIDY_ERR_NOMEM;
    free(*text);
    *text = fixed;
    return ZHTIDY_OK;
}

static bool to_simplified(const char *config)
{
    const char *two = strchr(config, '2');
    return two && (!strcmp(two, "2s") || !strcmp(two, "2sp"));
}

static zhtidy_status convert_text(const char *config, struct zhtidy_report *r,
                                  unsigned long line, bool rare_on, char **text, size_t *len)
{
    char *out;
    size_t out_len;
    zhtidy_status st = zhtidy_convert(config, *text, *len, &out, &out_len);
    if (!st && to_simplified(config))
        st = keep_common_forms(r, line, &out, &out_len, rare_on);
    if (!st && r)
        st = zt_report_diff(r, ZT_R_SCRIPT_CONVERT, line, *text, *len, out, out_len);
    if (st) {
        free(out);
        return st;
    }
    *text = out; /* the caller frees the old text */
    *len = out_len;
    return ZHTIDY_OK;
}

zhtidy_status zt_pass_script(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    source_script src = detect(doc);
    zhtidy_script target = ctx->opts->script;
    const char *config = pick_config(src, target, ctx->opts->flags & ZHTIDY_PHRASES);
    zhtidy_status st = zhtidy_doc_set_meta(doc, ZHTIDY_META_LANG, lang_tag(src, target));
    if (st || !config || !zt_rule_on(ctx->opts, ZT_R_SCRIPT_CONVERT))
        return st;
    bool rare_on = zt_rule_on(ctx->opts, ZT_R_SCRIPT_RARE_FORM);
    for (size_t i = 0; i < doc->n && !st; i++) {
        struct zt_block *b = &doc->blocks[i];
        if (!zt_is_text(b))
            continue;
        char *text = b->text;
        size_t len = b->len;
        st = convert_text(config, &doc->report, b->line, rare_on, &text, &len);
        if (!st)
            zt_block_set_text(b, text, len);
    }
    static const zhtidy_meta keys[] = {ZHTIDY_META_TITLE, ZHTIDY_META_KEYWORDS,
                                       ZHTIDY_META_CATEGORY};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0] && !st; k++) {
        char *m = doc->meta[keys[k]];
        size_t len = m ? strlen(m) : 0;
        /* metadata was never body text: converted, not reported */
        if (m && !(st = convert_text(config, NULL, 0, rare_on, &doc->meta[keys[k]], &len)))
            free(m);
    }
    return st;
}
