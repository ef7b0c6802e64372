/* SPDX-License-Identifier: MIT */
/* lines.c - text broken one character per line, rejoined.
 *
 * Text pulled out of vertical layouts, narrow table cells or some PDF
 * exports arrives one character per line ("教" / "育" / "是" …).  A run of
 * such lines, mostly Chinese, is one piece of text: it becomes one block,
 * and the rest of the pipeline sees it as a line of its own.  The pass runs
 * right after the Unicode clean-up, before any pass that works block by
 * block, so a document made of a million one-character lines costs what a
 * document of a few lines does. */
#include "internal.h"

#include <string.h>

#define MIN_RUN 4

/* The one character of block B, or -1 when it holds more or none. */
static int32_t single(const struct zt_block *b)
{
    size_t i = 0;
    if (!zt_is_text(b) || !b->len || b->len > 4)
        return -1;
    int32_t c = zt_utf8_next(b->text, b->len, &i);
    return i == b->len ? c : -1;
}

/* Join blocks [I, J) into block I, in one copy; one report entry names the
 * joined text. */
static zhtidy_status join(zhtidy_doc *doc, size_t i, size_t j)
{
    zt_buf b;
    zt_buf_init(&b);
    for (size_t k = i; k < j; k++)
        zt_buf_add(&b, doc->blocks[k].text, doc->blocks[k].len);
    size_t len, shown = 0;
    char *text = zt_buf_take(&b, &len);
    if (!text)
        return ZHTIDY_ERR_NOMEM;
    for (int n = 0; n < 30 && shown < len; n++)
        zt_utf8_next(text, len, &shown);
    zhtidy_status st = zt_report_add(&doc->report, ZT_R_LINES_CHAR_PER_LINE, doc->blocks[i].line,
                                     ZHTIDY_CHANGE_FLAG, text, shown, NULL, 0);
    if (st) {
        free(text);
        return st;
    }
    zt_block_set_text(&doc->blocks[i], text, len);
    for (size_t k = i + 1; k < j; k++)
        zt_doc_remove(doc, k);
    return ZHTIDY_OK;
}

zhtidy_status zt_pass_lines(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    if (!zt_rule_on(ctx->opts, ZT_R_LINES_CHAR_PER_LINE))
        return ZHTIDY_OK;
    for (size_t i = 0; i < doc->n;) {
        size_t j = i, han = 0;
        int32_t c;
        while (j < doc->n && (c = single(&doc->blocks[j])) >= 0) {
            han += zt_is_han(c);
            j++;
        }
        if (j - i >= MIN_RUN && han * 2 >= j - i) {
            zhtidy_status st = join(doc, i, j);
            if (st)
                return st;
        }
        i = j > i ? j : i + 1;
    }
    return ZHTIDY_OK;
}
