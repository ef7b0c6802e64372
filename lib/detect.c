/* SPDX-License-Identifier: MIT */
/* detect.c - site furniture found by what no site can avoid, not by its
 * wording.
 *
 * Every line gets features (lexicon.c measures them): its length and share
 * of Han characters, the density of the function characters of prose, its
 * sentence punctuation, how much of it the vocabulary of site interfaces
 * covers, labels of the metadata a site prints (上传人:… 页数:…), dates,
 * separators of breadcrumbs and menus, page counters.  Lines are then
 * classed as jusText does: furniture on strong evidence, prose on the
 * evidence of sentences, the rest uncertain; and context decides the
 * uncertain ones: furniture comes in runs at the head and the tail of a
 * page and between its copies, so an uncertain line between furniture is
 * furniture, and one touching prose is kept.  A line of prose is never
 * cut on features alone.  Sentences in which the site speaks of itself
 * (下面是小编为大家整理的…) go one by one.  Every removal is reported with
 * the features that decided it. */
#include "detect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { BAD, GOOD, UNSURE } line_class;

typedef struct {
    line_class cls;
    const char *why; /* the kind of evidence, for the report */
} verdict;

/* Strong evidence that a line is furniture, or NULL. */
static const char *furniture_evidence(const zt_line_features *f)
{
    if (f->status && f->status >= f->han + f->latin && f->n <= 24)
        return "a prompt";
    if (f->rule)
        return "a rule of dashes";
    if (f->sent || f->clause >= 2)
        return NULL; /* a sentence: never on features alone */
    if (f->counter)
        return "counter";
    if (f->site_key && f->n <= 40)
        return "a label only sites print";
    if (f->meta_labels >= 2 || (f->meta_labels && (f->date || f->digits * 5 >= f->n) && f->n <= 60))
        return "metadata labels";
    if (f->date && !f->clause && f->n <= 40 && f->han * 5 < f->n * 3 &&
        (f->latin >= 2 || f->ui_words || f->time))
        return "date line";
    if (f->seps >= 2 && f->n <= 80 && (f->nav || f->ui * 5 >= f->n) && f->longest_seg <= 14)
        return "breadcrumb";
    if (f->menu && (f->nav || f->ui_words) && f->n <= 80)
        return "menu";
    if (f->ui * 2 >= f->n && f->ui_words >= 2 && f->n <= 40)
        return "interface words";
    return NULL;
}

/* Evidence of prose: long enough, with punctuation and function words. */
static bool prose(const zt_line_features *f)
{
    return f->n >= 20 && (f->sent + f->clause) * 40 >= f->n && f->func * 25 >= f->han &&
           f->ui * 100 < f->n * 15 && !f->narrator;
}

static verdict classify(const zt_line_features *f)
{
    const char *why = furniture_evidence(f);
    if (why)
        return (verdict){BAD, why};
    return (verdict){prose(f) ? GOOD : UNSURE, NULL};
}

/* ---- context ----------------------------------------------------------- */

/* Would context make uncertain line F furniture?  BEFORE and AFTER say
 * whether the nearest classed lines around it are furniture; EDGE that it
 * lies at the page's head or tail, outside its prose. */
static const char *context_says(const zt_line_features *f, bool before, bool after, bool edge)
{
    /* a Chinese menu or bar; English text has spaces anyway */
    bool shape = (f->menu || f->seps >= 2) && f->han * 2 >= f->n;
    bool ui = (f->ui * 100 >= f->n * 15 && f->ui_words >= 2) || f->narrator || f->url || shape;
    bool evidence = ui || (f->ui * 100 >= f->n * 20 && f->ui_words) ||
                    (f->meta_labels && f->n <= 20) || f->date || f->digits * 2 >= f->n ||
                    f->n <= 6;
    if (before && after && f->n <= 40 && evidence)
        return "between furniture";
    if (edge && (before || after) && f->n <= 80 && (ui || (f->n <= 6 && f->ui_words)))
        return "interface words at the page's edge, next to furniture";
    return NULL;
}

/* Uncertain lines take the class of their neighbours: between two
 * furniture lines, or next to furniture at the page's head or tail with
 * interface words of their own, an uncertain line is furniture too.  Two
 * rounds, so that a line decided by context can decide its neighbour; the
 * nearest classed line on each side is found for all lines in one sweep
 * each way.  The head and the tail are what lies outside the first and
 * the last paragraph of prose (a title with a full stop is none). */
static zhtidy_status by_context(const zt_line_features *f, verdict *v, size_t n)
{
    size_t first = n, last = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].cls == GOOD && f[i].n >= 40) {
            first = first == n ? i : first;
            last = i;
        }
    line_class *prev = malloc((n + 1) * sizeof *prev), *next = malloc((n + 1) * sizeof *next);
    if (!prev || !next) {
        free(prev);
        free(next);
        return ZHTIDY_ERR_NOMEM;
    }
    for (int round = 0; round < 2; round++) {
        prev[0] = UNSURE;
        for (size_t i = 0; i < n; i++)
            prev[i + 1] = v[i].cls == UNSURE ? prev[i] : v[i].cls;
        next[n] = UNSURE;
        for (size_t i = n; i-- > 0;)
            next[i] = v[i].cls == UNSURE ? next[i + 1] : v[i].cls;
        for (size_t i = 0; i < n; i++) {
            const char *why = v[i].cls == UNSURE
                                  ? context_says(&f[i], prev[i] == BAD, next[i + 1] == BAD,
                                                 i < first || i > last || first == n)
                                  : NULL;
            if (why)
                v[i] = (verdict){BAD, why};
        }
    }
    free(prev);
    free(next);
    return ZHTIDY_OK;
}

/* The first line of prose that is the document's: what comes before it is
 * the page's head. */
static size_t first_prose(const zt_line_features *f, const verdict *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].cls == GOOD && !f[i].narrator)
            return i;
    return n;
}

/* ---- removal --------------------------------------------------------------- */

static zhtidy_status report_why(zhtidy_doc *doc, const zt_line_features *f, const char *why)
{
    char w[192];
    int n = snprintf(w, sizeof w,
                     "%s: %zu chars, %zu%% Han, %zu%% interface words, %zu function chars, "
                     "%zu sentence marks, %zu labels",
                     why, f->n, f->n ? f->han * 100 / f->n : 0, f->n ? f->ui * 100 / f->n : 0,
                     f->func, f->sent, f->meta_labels);
    return zt_report_why(&doc->report, w, n > 0 ? (size_t)n : 0);
}

static zhtidy_status remove_line(zhtidy_doc *doc, size_t i, const zt_line_features *f,
                                 const char *why)
{
    struct zt_block *b = &doc->blocks[i];
    zhtidy_status st = zt_report_add(&doc->report, ZT_R_DETECTOR_LINE, b->line,
                                     ZHTIDY_CHANGE_REMOVE, b->text, b->len, NULL, 0);
    if (!st)
        st = report_why(doc, f, why);
    if (!st)
        zt_doc_remove(doc, i);
    return st;
}

zhtidy_status zt_pass_detector(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    bool lines = zt_rule_on(ctx->opts, ZT_R_DETECTOR_LINE);
    bool sentences = zt_rule_on(ctx->opts, ZT_R_DETECTOR_SENTENCE);
    if (!doc->n || (!lines && !sentences))
        return ZHTIDY_OK;
    const zt_lexicon *lex;
    zhtidy_status st = zt_lexicon_get(&lex);
    zt_line_features *f = st ? NULL : calloc(doc->n, sizeof *f);
    verdict *v = f ? calloc(doc->n, sizeof *v) : NULL;
    if (!st && !v)
        st = ZHTIDY_ERR_NOMEM;
    for (size_t i = 0; !st && i < doc->n; i++) {
        v[i].cls = GOOD; /* code, tables: not weighed, and they anchor content */
        if (zt_is_text(&doc->blocks[i]) && !(st = zt_line_measure(lex, &doc->blocks[i], &f[i])))
            v[i] = classify(&f[i]);
    }
    if (!st && lines && !(st = by_context(f, v, doc->n))) {
        for (size_t i = 0; !st && i < doc->n; i++)
            if (v[i].cls == BAD)
                st = remove_line(doc, i, &f[i], v[i].why);
    }
    size_t head_end = st ? 0 : first_prose(f, v, doc->n);
    for (size_t i = 0; !st && sentences && i < doc->n; i++)
        if (zt_is_text(&doc->blocks[i]) && !doc->blocks[i].dead && f[i].narrator)
            st = zt_cut_narrator(lex, doc, i, i < head_end);
    free(f);
    free(v);
    return st;
}
