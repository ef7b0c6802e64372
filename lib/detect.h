/* SPDX-License-Identifier: MIT */
/* detect.h - the furniture detector's measures (lexicon.c), shared by the
 * detector pass (detect.c).  Not installed. */
#ifndef ZHTIDY_DETECT_H
#define ZHTIDY_DETECT_H

#include "internal.h"

/* The word lists of detect_rules.c, compiled once for the process. */
typedef struct zt_lexicon zt_lexicon;
zhtidy_status zt_lexicon_get(const zt_lexicon **lex);

/* What a line is made of.  Counts are of characters (code points); spaces
 * are not counted. */
typedef struct {
    size_t n;           /* characters */
    size_t han;         /* Han characters */
    size_t latin;       /* ASCII letters */
    size_t digits;      /* ASCII digits */
    size_t sent;        /* sentence ends: 。！？；!?; */
    size_t clause;      /* ，、, */
    size_t func;        /* function characters of prose (的了是在…) */
    size_t ui;          /* characters the interface vocabulary covers */
    size_t ui_words;    /* interface words found */
    size_t status;      /* characters prompts cover: 加载中, 展开全文 */
    size_t meta_labels; /* "上传人:" "页数:" …: metadata keys followed by a colon */
    size_t seps;        /* > | / » › - between short segments */
    size_t longest_seg; /* characters of the longest segment between them */
    size_t longest_inner; /* the same, leaving out the last segment */
    bool nav;           /* 首页, 位置, 导航 … */
    bool nav_start;     /* starts with 首页 and a space or a separator */
    bool date;          /* 2023-07-08, 2019/9/26, 2024年3月4日, 10:45 */
    bool counter;       /* the whole line a page counter: 第1页/共37页, - 3 -, 2/58 */
    bool time;          /* 10:45 */
    bool url;           /* http…, www.… */
    bool menu;          /* three items or more apart with spaces, none over 8 characters */
    bool site_key;      /* starts with a key only sites print: 上传人, 当前位置 … */
    bool narrator;      /* a sentence in which the site speaks of itself */
    bool rule;          /* only dashes or = drawn across: ------, - - - - */
    bool bullet;        /* starts with a bullet: • ● ■ … */
    bool full_stop;     /* ends in 。: a sentence */
    bool bracketed;     /* all in 【】: a label of the text's (【格式】) */
    bool title;         /* the first of the copies a page's head prints of a line */
    uint64_t hash;      /* of the line's match form */
    bool list;          /* starts with list numbering, after a bullet or not: 1. 1.2 一、 （1） */
} zt_line_features;

/* Measure block B. */
zhtidy_status zt_line_measure(const zt_lexicon *lex, const struct zt_block *b,
                              zt_line_features *f);

/* Remove from block I the sentences in which the site speaks of itself
 * ("下面是小编为大家整理的…，仅供参考。"), each reported under
 * detector.sentence; the whole block when HEAD (an introduction before the
 * document's text) and short. */
zhtidy_status zt_cut_narrator(const zt_lexicon *lex, zhtidy_doc *doc, size_t i, bool head);

/* The length of a date at key index I (2023-07-08, 2019/9/26: the forms
 * sites print; 2024年3月4日 is a document's), or 0. */
size_t zt_date_at(const zt_key *k, size_t i);

/* Phrases glued into sentences again and again, cut (repeats.watermark).
 * BLOCK_KEYS holds the key of each of DOC's blocks, empty for blocks not
 * looked at. */
zhtidy_status zt_watermarks(zhtidy_doc *doc, const zt_key *block_keys);

#endif
