/* SPDX-License-Identifier: MIT */
/* pipeline.c - the passes, in order, and nothing else.
 *
 * The order is the design: clean the Unicode first so that later patterns
 * see one form of each character; join what was broken one character per
 * line before anything works line by line; repair glyphs (pinyin glosses,
 * split characters, leaked tags) before words are weighed; repair pages before looking for
 * structure; find the title before the table of contents (it may sit glued
 * before the 目录 marker) and the table before the headings (its entries
 * guide them); convert the script last, when OpenCC can see whole phrases. */
#include "internal.h"

#include <stdlib.h>

static const struct {
    const char *name;
    zhtidy_status (*run)(zt_ctx *ctx);
} passes[] = {
    {"unicode", zt_pass_unicode},       {"lines", zt_pass_lines},
    {"glyphs", zt_pass_glyphs},         {"furniture", zt_pass_furniture},
    {"detector", zt_pass_detector},     {"repeats", zt_pass_repeats},
    {"fragments", zt_pass_fragments},   {"summary", zt_pass_summary},
    {"title", zt_pass_title},           {"toc", zt_pass_toc},
    {"headings", zt_pass_headings},     {"typography", zt_pass_typography},
    {"script", zt_pass_script},
};

#define N_PASSES (sizeof passes / sizeof passes[0])

const char *zhtidy_pass_name(size_t index)
{
    return index < N_PASSES ? passes[index].name : NULL;
}

void zt_ctx_free(zt_ctx *ctx)
{
    for (size_t i = 0; i < ctx->toc_n; i++)
        free(ctx->toc[i].text);
    free(ctx->toc);
    free(ctx->title_hint);
}

zhtidy_status zt_run_passes(zt_ctx *ctx)
{
    for (size_t i = 0; i < N_PASSES; i++) {
        zhtidy_status st = passes[i].run(ctx);
        zt_doc_drop_empty(ctx->doc); /* what the pass removed, in one sweep */
        if (st != ZHTIDY_OK)
            return st;
    }
    /* the input as decoded, once the passes rewrote most of it, is given back */
    return zt_doc_compact(ctx->doc);
}
