/* SPDX-License-Identifier: MIT */
/* summary.c - a site-made summary that repeats the body, before the TOC.
 *
 * Sites put a summary cut from the body in front of the table of contents,
 * often glued to the title ("…实施方案教育高质量发展还体现在…").  Between the
 * start of the document and its 目录 marker, a run of sentences (two at
 * least, the first perhaps in part) that stands again, word for word, after
 * the marker is that summary.  Only
 * the earlier copy goes, so no sentence is lost; without a 目录 marker
 * nothing is touched. */
#include "internal.h"

#include <string.h>

#define MIN_SENTENCE 30 /* bytes: ten characters */
/* A summary before the marker is short and its copy follows the marker
 * closely: bounds that keep the search linear whatever the input holds. */
#define SUMMARY_MAX_BYTES (16 * 1024)
#define REPEAT_WINDOW (256 * 1024)


/* Where does T[0..N) stand again after the marker (block MB, byte MO)?
 * The start of the block holding the copy goes in *BASE. */
static const char *later(const zhtidy_doc *doc, size_t mb, size_t mo, const char *t, size_t n,
                         const char **base)
{
    for (size_t j = mb, seen = 0; j < doc->n && seen < REPEAT_WINDOW; j++) {
        size_t from = j == mb ? mo : 0;
        seen += doc->blocks[j].len - from;
        const char *hit = memmem(doc->blocks[j].text + from, doc->blocks[j].len - from, t, n);
        if (hit) {
            *base = doc->blocks[j].text + from;
            return hit;
        }
    }
    return NULL;
}

static bool sentence_end_at(const char *t, size_t len, size_t *i)
{
    return zt_sentence_end(zt_utf8_next(t, len, i));
}

/* The first run of two or more sentences of T[0..LIMIT) that stand again
 * after the marker, as bytes [*FROM, *TO). */
static bool find_run(const zhtidy_doc *doc, const char *t, size_t limit, size_t mb, size_t mo,
                     size_t *from, size_t *to)
{
    size_t s = 0, p = 0, run = 0;
    const char *copy = NULL, *base = NULL;
    while (p < limit) {
        if (!sentence_end_at(t, limit, &p) && p < limit)
            continue;
        const char *b = NULL;
        const char *hit = p - s >= MIN_SENTENCE ? later(doc, mb, mo, t + s, p - s, &b) : NULL;
        if (hit && (!run || hit == copy + (s - *from))) {
            if (!run++) {
                *from = s;
                copy = hit;
                base = b;
            }
            *to = p;
        } else if (run) {
            break;
        }
        s = p;
    }
    if (!run)
        return false;
    /* The first sentence may carry text glued before it (a title); take in
     * only what the later copy has too, back to a character boundary. */
    while (*from > 0 && copy > base && t[*from - 1] == copy[-1]) {
        (*from)--;
        copy--;
    }
    while (*from < limit && ((unsigned char)t[*from] & 0xC0) == 0x80)
        (*from)++;
    /* two sentences at least, counting one the copy shares only in part */
    size_t ends = 0;
    for (size_t i = *from; i < *to;)
        ends += sentence_end_at(t, *to, &i);
    return ends >= 2;
}

zhtidy_status zt_pass_summary(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    if (!zt_rule_on(ctx->opts, ZT_R_SUMMARY_REPEAT))
        return ZHTIDY_OK;
    size_t mb = doc->n, mo = 0;
    for (size_t i = 0; i < doc->n && i < 8 && mb == doc->n; i++) {
        const char *m = zt_is_text(&doc->blocks[i])
                            ? zt_find_toc_marker(doc->blocks[i].text, doc->blocks[i].len) : NULL;
        if (m) {
            mb = i;
            mo = (size_t)(m - doc->blocks[i].text);
        }
    }
    if (mb == doc->n)
        return ZHTIDY_OK;
    for (size_t i = 0; i <= mb && i < doc->n; i++) {
        size_t limit = i == mb ? mo : doc->blocks[i].len, from, to;
        if (limit > SUMMARY_MAX_BYTES)
            continue; /* body text, not a title and a summary */
        while (find_run(doc, doc->blocks[i].text, limit, mb, mo, &from, &to)) {
            zhtidy_status st = zt_block_cut(doc, i, from, to, ZT_R_SUMMARY_REPEAT);
            if (st)
                return st;
            limit -= to - from;
            if (i == mb)
                mo -= to - from;
        }
    }
    return ZHTIDY_OK;
}
