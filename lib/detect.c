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

/* More uncertain lines than this in a row are no bar of the page's,
 * unless they are single words, as a page lists its tags. */
#define MAX_UNSURE_RUN 6
#define TAG_CHARS 4
/* The lines of a page's head where its title may stand again. */
#define TITLE_WINDOW 30
/* Lines that may stand between two items of a numbered list. */
#define SEQUENCE_GAP 3
#define NONE UINT32_MAX
/* The share of interface words, in percent, that condemns a run of
 * uncertain lines at the page's edge. */
#define RUN_UI_PERCENT 12

typedef enum { BAD, GOOD, UNSURE } line_class;

typedef struct {
    const char *why; /* the kind of evidence, for the report */
    uint8_t cls;     /* a line_class */
    bool shape;      /* BAD for its shape and words only: a menu, a bar */
} verdict;

static const char BREADCRUMB[] = "breadcrumb", MENU[] = "menu", UI[] = "interface words";

/* Strong evidence that a line is furniture, or NULL. */
static const char *furniture_evidence(const zt_line_features *f)
{
    if (f->status && (uint64_t)f->status * 2 >= f->han + f->latin && f->n <= 24)
        return "a prompt";
    if (f->rule)
        return "a rule of dashes";
    if (f->sent || f->clause >= 2)
        return NULL; /* a sentence: never on features alone */
    if (f->counter)
        return "counter";
    if (f->site_key && f->n <= 40)
        return "a label only sites print";
    if (f->meta_labels >= 2 || (f->meta_labels && (f->date || (uint64_t)f->digits * 5 >= f->n) && f->n <= 60))
        return "metadata labels";
    if (f->date && !f->clause && f->n <= 40 && (uint64_t)f->han * 5 < (uint64_t)f->n * 3 &&
        (f->latin >= 2 || f->ui_words || f->time))
        return "date line";
    if (f->nav_start && f->n <= 60 && !f->clause)
        return BREADCRUMB; /* 首页 理论教育 通用公文写作的基本要求 */
    /* 首页 > 栏目 > 文章: the last step may be the page's title */
    if (f->seps >= 2 && f->n <= 80 && (f->nav || (uint64_t)f->ui * 5 >= f->n) &&
        (f->longest_seg <= 14 || (f->nav && f->longest_inner <= 14)))
        return BREADCRUMB;
    if (f->menu && (f->nav || (f->ui_words && (!f->func || (uint64_t)f->han * 2 >= f->n))) && f->n <= 80)
        return MENU;
    if (f->ui * 2 >= f->n && f->ui_words >= 2 && f->n <= 40 && !f->bracketed)
        return UI;
    return NULL;
}

/* Evidence of prose: long enough, with punctuation and function words. */
static bool prose(const zt_line_features *f)
{
    return f->n >= 20 && ((uint64_t)f->sent + f->clause) * 40 >= f->n && (uint64_t)f->func * 25 >= f->han &&
           (uint64_t)f->ui * 100 < (uint64_t)f->n * 15 && !f->narrator;
}

static verdict classify(const zt_line_features *f)
{
    const char *why = furniture_evidence(f);
    if (why)
        return (verdict){why, BAD, why == BREADCRUMB || why == MENU || why == UI};
    return (verdict){NULL, prose(f) ? GOOD : UNSURE, false};
}

/* Lists are the document's: three numbered lines or more in a row, with
 * bulleted lines among them ("1. 引言…", "• 1.2 <form> 标签…", "• name"),
 * are kept, and so is a 目录 that opens them, though their items look like
 * a menu.  Not when a line of the site's interface heads them (相关推荐,
 * 猜你喜欢: a list of links). */
static void keep_lists(const zhtidy_doc *doc, const zt_line_features *f, verdict *v, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i, numbered = 0;
        while (j < n && zt_is_text(&doc->blocks[j]) && (f[j].list || f[j].bullet))
            numbered += f[j++].list;
        bool links = i > 0 && v[i - 1].cls == BAD && f[i - 1].ui_words;
        if (numbered >= 3 && !links) {
            for (size_t k = i; k < j; k++) /* items; sentences are weighed as such */
                if (!f[k].sent && (v[k].cls == UNSURE || (v[k].cls == BAD && v[k].shape)))
                    v[k] = (verdict){NULL, GOOD, false};
            const struct zt_block *b = i > 0 ? &doc->blocks[i - 1] : NULL;
            if (b && zt_is_text(b) && zt_toc_marker_line(b->text, b->len))
                v[i - 1] = (verdict){NULL, GOOD, false};
        }
        i = j > i ? j : i + 1;
    }
}

/* A page prints its title more than once at its head: the first copy of a
 * line the head repeats is marked, so that context keeps it (the repeats
 * pass takes the others). */
static void mark_titles(zt_line_features *f, size_t n)
{
    size_t head = n < TITLE_WINDOW ? n : TITLE_WINDOW;
    for (size_t i = 0; i < head; i++) {
        if (f[i].n < 4 || f[i].n > 60)
            continue;
        bool first = true;
        for (size_t j = 0; j < i && first; j++)
            first = f[j].hash != f[i].hash;
        for (size_t j = i + 1; j < head && first && !f[i].title; j++)
            f[i].title = f[j].hash == f[i].hash;
    }
}

/* The numbering a text block starts with, after spaces and a bullet. */
static bool numbering_of(const struct zt_block *b, zt_num *num)
{
    size_t p = 0;
    while (p < b->len && (b->text[p] == ' ' || b->text[p] == '\t'))
        p++;
    return zt_is_text(b) && zt_numbering(b->text, b->len, p, num);
}

/* Numbered items in sequence (一、 二、 三、 …) with a few lines between
 * them, the rest of an item broken over lines: a list of the document's.
 * Its items stay, sentences or not, and so do the short lines between
 * them; not when an interface line heads it. */
static void keep_sequences(const zhtidy_doc *doc, const zt_line_features *f, verdict *v,
                           size_t n)
{
    size_t start = 0, last = 0, count = 0;
    zt_num cur = {ZT_NUM_NONE, 0, 0};
    for (size_t i = 0; i <= n; i++) {
        zt_num num;
        bool item = i < n && numbering_of(&doc->blocks[i], &num);
        if (item && count && num.style == cur.style && num.value == cur.value + 1 &&
            i - last <= SEQUENCE_GAP + 1) {
            cur = num;
            last = i;
            count++;
            continue;
        }
        if (i < n && !item && (!count || i - last <= SEQUENCE_GAP))
            continue; /* a line between items, or no list yet */
        bool links = start > 0 && v[start - 1].cls == BAD && f[start - 1].ui_words;
        for (size_t k = start; count >= 3 && !links && k <= last; k++) {
            bool own = numbering_of(&doc->blocks[k], &num) || !f[k].sent;
            if (own && (v[k].cls == UNSURE || (v[k].cls == BAD && v[k].shape)))
                v[k] = (verdict){NULL, GOOD, false};
        }
        count = 0;
        if (item && num.value == 1) {
            cur = num;
            start = last = i;
            count = 1;
        }
    }
}

/* ---- context ----------------------------------------------------------- */

/* Would context make uncertain line F furniture?  BEFORE and AFTER say
 * whether the nearest classed lines around it are furniture; EDGE that it
 * lies at the page's head or tail, outside its prose, TAIL that it comes
 * after the prose; RUN how many uncertain lines stand together with it. */
static const char *context_says(const zt_line_features *f, bool before, bool after, bool edge,
                                bool tail, size_t run)
{
    if (f->bracketed || f->title)
        return NULL; /* 【投稿时间】, a title printed twice: the text's, whatever their neighbours */
    /* a Chinese menu or bar; English text has spaces anyway */
    bool shape = (f->menu || f->seps >= 2) && (uint64_t)f->han * 2 >= f->n;
    /* a bare address is the page's; one a sentence names may be the text's;
     * the shape of a menu is no evidence among a slide's points */
    bool ui = ((uint64_t)f->ui * 100 >= (uint64_t)f->n * 15 && f->ui_words >= 2) || f->narrator ||
              (f->url && f->han < 4) || (shape && run <= MAX_UNSURE_RUN);
    bool evidence = ui || ((uint64_t)f->ui * 100 >= (uint64_t)f->n * 20 && f->ui_words) ||
                    (f->meta_labels && f->n <= 20) || f->date || (uint64_t)f->digits * 2 >= f->n ||
                    f->n <= 6;
    /* a long run of short lines without furniture among them is a slide's
     * or a poem's, not a page's bar: only its own words can condemn it */
    if (before && after && f->n <= 40 && (ui || (evidence && run <= MAX_UNSURE_RUN)))
        return "between furniture";
    if (edge && (before || after) && f->n <= 80 &&
        (ui || (f->n <= 6 && f->ui_words && run <= MAX_UNSURE_RUN)))
        return "interface words at the page's edge, next to furniture";
    /* a button after the text: 赞助商, 相关推荐, 分享 */
    if (tail && f->n <= 8 && f->ui_words && (uint64_t)f->ui * 4 >= (uint64_t)f->n * 3)
        return "an interface word after the text";
    return NULL;
}

/* Runs of lines outside the prose, weighed together, as CX-extractor
 * weighs blocks of lines, before context decides single lines: a run at
 * the page's head or tail whose uncertain lines are dense with interface
 * words (聊天消息 / 登录后你可以 / 下载海量
 * 资料 / 会员中心 …: each alone too short to tell) is the page's; its
 * uncertain lines go where they hold an interface word or are a word or
 * two long.  A longer line without one, a title perhaps, stays; a page
 * without prose has no edge to weigh. */
static void edge_runs(const zt_line_features *f, verdict *v, size_t n, size_t first, size_t last)
{
    if (first == n)
        return; /* no prose, no edge to tell */
    for (size_t i = 0; i < n;) {
        if (v[i].cls == GOOD || (i >= first && i <= last)) {
            i++;
            continue;
        }
        size_t j = i, chars = 0, ui = 0, words = 0, func = 0;
        for (; j < n && v[j].cls != GOOD && !(j >= first && j <= last); j++)
            if (v[j].cls == UNSURE) {
                chars += f[j].n;
                ui += f[j].ui;
                words += f[j].ui_words;
                func += f[j].func;
            }
        if (words >= 3 && ui * 100 >= chars * RUN_UI_PERCENT && func * 12 < chars)
            for (size_t k = i; k < j; k++)
                if (v[k].cls == UNSURE && (uint64_t)f[k].ui * 4 >= f[k].n && !f[k].sent && !f[k].bracketed &&
                    !f[k].title)
                    v[k] = (verdict){"in a run of interface lines at the page's edge", BAD, false};
        i = j;
    }
}

/* A line with the shape of a menu and one interface word among a slide's
 * points ("醫訊編輯委員會 編輯委員 (民90~迄今)" in a long run of short lines
 * with bullets) is one more point: uncertain, not furniture. */
static void slide_menus(const zt_line_features *f, verdict *v, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i, points = 0, tags = 0;
        while (j < n && (v[j].cls == UNSURE || (v[j].why == MENU && f[j].ui_words <= 1))) {
            points += f[j].bullet || f[j].list;
            tags += f[j++].n <= TAG_CHARS;
        }
        if (j - i > MAX_UNSURE_RUN && points >= 2 && tags * 3 < (j - i) * 2)
            for (size_t k = i; k < j; k++)
                if (v[k].cls == BAD)
                    v[k] = (verdict){NULL, UNSURE, false};
        i = j > i ? j : i + 1;
    }
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
    /* the nearest classed line before and after each line, or NONE (a
     * line index fits 32 bits: an input is under 1 GiB) */
    uint32_t *prev = malloc((n + 1) * sizeof *prev), *next = malloc((n + 1) * sizeof *next);
    uint32_t *run = malloc((n + 1) * sizeof *run);
    if (!prev || !next || !run) {
        free(prev);
        free(next);
        free(run);
        return ZHTIDY_ERR_NOMEM;
    }
    edge_runs(f, v, n, first, last);
    slide_menus(f, v, n);
    /* the runs of uncertain lines as the features left them: what context
     * decides in the first round does not cut them up for the second */
    for (size_t i = 0; i < n;) {
        size_t j = i, tags = 0, points = 0;
        while (j < n && v[j].cls == UNSURE) {
            points += f[j].bullet || f[j].list;
            tags += f[j++].n <= TAG_CHARS;
        }
        /* a run of tags, or one without the points of a slide, counts as short */
        for (size_t k = i; k < j; k++)
            run[k] = tags * 3 >= (j - i) * 2 || points < 2 ? 1 : j - i;
        i = j > i ? j : i + 1;
    }
    for (int round = 0; round < 2; round++) {
        prev[0] = NONE;
        for (size_t i = 0; i < n; i++)
            prev[i + 1] = v[i].cls == UNSURE ? prev[i] : i;
        next[n] = NONE;
        for (size_t i = n; i-- > 0;)
            next[i] = v[i].cls == UNSURE ? next[i + 1] : i;
        for (size_t i = 0; i < n; i++) {
            size_t p = prev[i], q = next[i + 1];
            bool before = p != NONE && v[p].cls == BAD, after = q != NONE && v[q].cls == BAD;
            const char *why = v[i].cls == UNSURE
                                  ? context_says(&f[i], before, after,
                                                 i < first || i > last || first == n,
                                                 first < n && i > last, run[i])
                                  : NULL;
            if (why)
                v[i] = (verdict){why, BAD, false};
        }
    }
    free(prev);
    free(next);
    free(run);
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

/* Remove line I, with the features that decided it in the report. */
static zhtidy_status remove_line(zhtidy_doc *doc, size_t i, const zt_line_features *f,
                                 const char *why)
{
    char w[192];
    int n = snprintf(w, sizeof w,
                     "%s: %zu chars, %zu%% Han, %zu%% interface words, %zu function chars, "
                     "%zu sentence marks, %zu labels",
                     why, (size_t)f->n, f->n ? (size_t)f->han * 100 / f->n : 0,
                     f->n ? (size_t)f->ui * 100 / f->n : 0, (size_t)f->func, (size_t)f->sent,
                     (size_t)f->meta_labels);
    return zt_block_drop(doc, i, ZT_R_DETECTOR_LINE, w, n > 0 ? (size_t)n : 0);
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
    if (!st) {
        mark_titles(f, doc->n);
        keep_lists(doc, f, v, doc->n);
        keep_sequences(doc, f, v, doc->n);
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
