/* SPDX-License-Identifier: MIT */
/* passes.c - the ordered pass list, the rule table and the options. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Structure: the title first (it may sit glued before the TOC marker), then
 * the TOC (its entries guide the headings), then the headings. */
static zhtidy_status zt_pass_structure(zt_ctx *ctx)
{
    zhtidy_status st = zt_pass_title(ctx);
    zt_doc_drop_empty(ctx->doc);
    if (!st)
        st = zt_pass_toc(ctx);
    zt_doc_drop_empty(ctx->doc);
    if (!st)
        st = zt_pass_headings(ctx);
    return st;
}

/* The order is the design: clean the Unicode first so that later patterns
 * see one form of each character, repair pages before looking for
 * structure, and convert script last, when OpenCC can see whole phrases. */
static const struct {
    const char *name;
    zhtidy_status (*run)(zt_ctx *ctx);
} passes[] = {
    {"unicode", zt_pass_unicode},
    {"lines", zt_pass_lines},
    {"furniture", zt_pass_furniture},
    {"fragments", zt_pass_fragments},
    {"summary", zt_pass_summary},
    {"glyphs", zt_pass_glyphs},
    {"structure", zt_pass_structure},
    {"typography", zt_pass_typography},
    {"script", zt_pass_script},
};

#define N_PASSES (sizeof passes / sizeof passes[0])

static const struct {
    const char *name;
    const char *help;
} rules[] = {
    {"decode.invalid", "invalid byte sequences become U+FFFD"},
    {"unicode.nfc", "text is put in Unicode normalisation form C"},
    {"unicode.control", "control characters other than LF and TAB are removed"},
    {"unicode.zero-width", "zero-width spaces and joiners are removed"},
    {"unicode.bom", "byte order marks inside the text are removed"},
    {"unicode.fullwidth", "full-width ASCII letters and digits become ASCII"},
    {"unicode.kangxi", "Kangxi radicals become the ideographs they stand for"},
    {"unicode.indent", "indents at line start and spaces at line end are removed"},
    {"lines.char-per-line", "text broken one character per line is joined (flagged)"},
    {"furniture.page-title", "per-page title lines and page counters (标题_第N页, 第1页/共44页)"},
    {"furniture.read-more", "read-more and paywall prompts (还剩N页未读, VIP免费下载 ...)"},
    {"furniture.copyright", "copyright and upload notices (版权说明:本文档由用户提供并上传 ...)"},
    {"furniture.summary", "the site's summary (文档简介) when it repeats the body"},
    {"furniture.footer", "footers: 温馨提示 and its list, 评论, 0/150, 提交评论"},
    {"furniture.preview-end", "preview-end lines (预览结束,获取全文 ...)"},
    {"furniture.brand", "brand prefixes (泓域文案/高效的写作服务平台, 泓域咨询)"},
    {"furniture.disclaimer", "generated-content disclaimers (本文仅供参考 ...)"},
    {"furniture.category", "category and keyword lines, moved into the metadata"},
    {"fragments.page-counter", "page counters (N、 at line start) that cut sentences"},
    {"fragments.join", "fragments of one sentence joined across a page or line break"},
    {"fragments.decimal", "a decimal point turned into 。 plus a line break (42。/8万 → 42.8万)"},
    {"fragments.truncated", "a document cut off mid-sentence by a preview (flagged; removed with --drop-truncated)"},
    {"summary.repeat", "sentences before the table of contents that repeat the body"},
    {"glyphs.split", "characters split into components by OCR (止匕 → 此)"},
    {"glyphs.pinyin", "pinyin glosses inserted after characters (網(wǎng))"},
    {"glyphs.html", "HTML tags leaked into the text"},
    {"glyphs.mojibake", "mojibake such as 锟斤拷 or runs of ? (flagged)"},
    {"structure.title", "the title: into the metadata, not repeated in the body"},
    {"structure.toc", "the table of contents: taken out, its entries kept to find headings"},
    {"structure.heading", "numbered headings split from the text they are glued to (flagged)"},
    {"structure.numbered", "numbered items left as paragraphs for want of a certain split (flagged)"},
    {"typography.space", "spaces between Chinese characters and around full-width punctuation are removed"},
    {"typography.punct", "ASCII , : ; ! ? ( ) in Chinese text become full-width"},
    {"typography.period", "a . that ends a Chinese sentence becomes 。"},
    {"typography.ellipsis", "... 。。。 and ⋯ in Chinese text become ……"},
    {"typography.dash", "dash runs in Chinese text become ——"},
    {"typography.quotes", "straight quotes around Chinese text become “ ” and ‘ ’"},
    {"typography.space-latin", "a space between Chinese and Latin letters or digits (opt-in)"},
    {"script.convert", "characters converted to the target script by OpenCC"},
    {"script.rare-form", "a rare non-BMP form from OpenCC replaced by the common character"},
};

#define N_RULES (sizeof rules / sizeof rules[0])
_Static_assert(N_RULES <= ZT_MAX_RULES, "rule table larger than the option array");

const char *zhtidy_pass_name(size_t index)
{
    return index < N_PASSES ? passes[index].name : NULL;
}

const char *zhtidy_rule_name(size_t index)
{
    return index < N_RULES ? rules[index].name : NULL;
}

static size_t rule_index(const char *name)
{
    for (size_t i = 0; i < N_RULES; i++)
        if (!strcmp(rules[i].name, name))
            return i;
    return N_RULES;
}

const char *zhtidy_rule_help(const char *rule)
{
    size_t i = rule ? rule_index(rule) : N_RULES;
    return i < N_RULES ? rules[i].help : NULL;
}

bool zt_rule_on(const zhtidy_options *opts, const char *rule)
{
    size_t i = rule_index(rule);
    return i < N_RULES && !opts->off[i];
}

zhtidy_status zt_run_passes(zt_ctx *ctx)
{
    for (size_t i = 0; i < N_PASSES; i++) {
        zhtidy_status st = passes[i].run(ctx);
        if (st != ZHTIDY_OK)
            return st;
        zt_doc_drop_empty(ctx->doc); /* what the pass removed, in one sweep */
    }
    return ZHTIDY_OK;
}

/* ---- options --------------------------------------------------------- */

zhtidy_options *zhtidy_options_new(void)
{
    return calloc(1, sizeof(zhtidy_options));
}

void zhtidy_options_free(zhtidy_options *opts)
{
    free(opts);
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

zhtidy_status zhtidy_options_keep(zhtidy_options *opts, const char *name)
{
    if (!opts || !name || !*name)
        return ZHTIDY_ERR_ARG;
    size_t n = strlen(name);
    bool found = false;
    for (size_t i = 0; i < N_RULES; i++) {
        const char *r = rules[i].name;
        if (!strcmp(r, name) || (!strncmp(r, name, n) && r[n] == '.')) {
            opts->off[i] = true;
            found = true;
        }
    }
    return found ? ZHTIDY_OK : ZHTIDY_ERR_ARG;
}
