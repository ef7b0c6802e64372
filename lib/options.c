/* SPDX-License-Identifier: MIT */
/* options.c - the options of reading and repairing. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

zhtidy_options *zhtidy_options_new(void)
{
    return calloc(1, sizeof(zhtidy_options));
}

void zhtidy_options_free(zhtidy_options *opts)
{
    if (!opts)
        return;
    for (int k = 0; k < ZHTIDY_META_COUNT; k++)
        free(opts->meta[k]);
    free(opts);
}

zhtidy_status zhtidy_options_set_meta(zhtidy_options *opts, zhtidy_meta key, const char *value)
{
    if (!opts || (unsigned)key >= ZHTIDY_META_COUNT)
        return ZHTIDY_ERR_ARG;
    char *copy = NULL;
    if (value && !(copy = zt_utf8_sanitize(value, strlen(value), NULL)))
        return ZHTIDY_ERR_NOMEM;
    free(opts->meta[key]);
    opts->meta[key] = copy;
    return ZHTIDY_OK;
}

zhtidy_status zt_apply_meta(zhtidy_doc *doc, const zhtidy_options *opts)
{
    for (int k = 0; opts && k < ZHTIDY_META_COUNT; k++) {
        zhtidy_status st = opts->meta[k] ? zhtidy_doc_set_meta(doc, (zhtidy_meta)k, opts->meta[k])
                                         : ZHTIDY_OK;
        if (st)
            return st;
    }
    return ZHTIDY_OK;
}

void zhtidy_options_set_flags(zhtidy_options *opts, unsigned flags)
{
    if (opts)
        opts->flags = flags;
}

unsigned zhtidy_options_flags(const zhtidy_options *opts)
{
    return opts ? opts->flags : 0;
}

void zhtidy_options_set_input(zhtidy_options *opts, zhtidy_input input)
{
    if (opts && input >= ZHTIDY_INPUT_AUTO && input <= ZHTIDY_INPUT_JSON)
        opts->input = input;
}

void zhtidy_options_set_script(zhtidy_options *opts, zhtidy_script target)
{
    if (opts && target >= ZHTIDY_SCRIPT_KEEP && target <= ZHTIDY_SCRIPT_HK)
        opts->script = target;
}

/* The names users may give, and what each decodes with.  "UTF-16" leaves
 * the byte order to the BOM or, without one, to detection. */
static const struct {
    const char *alias, *iconv;
} encodings[] = {
    {"utf-8", "UTF-8"},           {"utf8", "UTF-8"},         {"gb18030", "GB18030"},
    {"gbk", "GB18030"},           {"gb2312", "GB18030"},     {"cp936", "GB18030"},
    {"big5", "BIG5-HKSCS"},       {"big5-hkscs", "BIG5-HKSCS"}, {"cp950", "CP950"},
    {"utf-16", "UTF-16"},         {"utf-16le", "UTF-16LE"},  {"utf-16be", "UTF-16BE"},
};

const char *zhtidy_encoding_name(size_t index)
{
    return index < sizeof encodings / sizeof encodings[0] ? encodings[index].alias : NULL;
}

zhtidy_status zhtidy_options_set_encoding(zhtidy_options *opts, const char *name)
{
    if (!opts)
        return ZHTIDY_ERR_ARG;
    const char *iconv_name = NULL;
    if (name && strcasecmp(name, "auto")) {
        for (size_t i = 0; i < sizeof encodings / sizeof encodings[0] && !iconv_name; i++)
            if (!strcasecmp(name, encodings[i].alias))
                iconv_name = encodings[i].iconv;
        if (!iconv_name)
            return ZHTIDY_ERR_ENCODING;
    }
    opts->encoding = iconv_name; /* static */
    return ZHTIDY_OK;
}
