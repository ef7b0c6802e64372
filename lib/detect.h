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
/* Counts fit 32 bits: a line is part of an input under 1 GiB. */
typedef struct {
    uint32_t n;           /* characters */
    uint32_t han;         /* Han characters */
    uint32_t latin;       /* ASCII letters */
    uint32_t digits;      /* ASCII digits */
    uint32_t sent;        /* sentence ends: 。！？；!?; */
    uint32_t clause;      /* ，、, */
    uint32_t func;        /* function characters of prose (的了是在…) */
    uint32_t ui;          /* characters the interface vocabulary covers */
    uint32_t ui_words;    /* interface words found */
    uint32_t status;      /* characters prompts cover: 加载中, 展开全文 */
    uint32_t meta_labels; /* "上传人:" "页数:" …: metadata keys followed by a colon */
    uint32_t seps;        /* > | / » › - between short segments */
    uint32_t longest_seg; /* characters of the longest segment between them */
    uint32_t longest_inner; /* the same, leaving out the last segment */
    bool nav : 1;           /* 首页, 位置, 导航 … */
    bool nav_start : 1;     /* starts with 首页 and a space or a separator */
    bool date : 1;          /* 2023-07-08, 2019/9/26, 2024年3月4日, 10:45 */
    bool counter : 1;       /* the whole line a page counter: 第1页/共37页, - 3 -, 2/58 */
    bool time : 1;          /* 10:45 */
    bool url : 1;           /* http…, www.… */
    bool menu : 1;          /* three items or more apart with spaces, none over 8 characters */
    bool site_key : 1;      /* starts with a key only sites print: 上传人, 当前位置 … */
    bool narrator : 1;      /* a sentence in which the site speaks of itself */
    bool rule : 1;          /* only dashes or = drawn across: ------, - - - - */
    bool bullet : 1;        /* starts with a bullet: • ● ■ … */
    bool bracketed : 1;     /* all in 【】: a label of the text's (【格式】) */
    bool title : 1;         /* the first of the copies a page's head prints of a line */
    bool list : 1;          /* starts with list numbering, after a bullet or not: 1. 1.2 一、 （1） */
    uint64_t hash;          /* of the line's match form */
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

/* Phrases glued into sentences again and again, cut (repeats.watermark). */
zhtidy_status zt_watermarks(zhtidy_doc *doc);

#endif
