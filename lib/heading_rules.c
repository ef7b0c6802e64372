/* SPDX-License-Identifier: MIT */
/* heading_rules.c - data: words that open a sentence, not a heading.
 *
 * A numbered heading glued to its body ("1、合作的重要性随着科技创新…") ends
 * where one of these starts.  Match form (match.c): Simplified script, so
 * Traditional text matches too.  Only words that cannot end a heading
 * belong here; 在, 通过 or 教育 would split headings in the middle. */
#include <stddef.h>

const char *const zt_openers[] = {
    "随着", "随著", "目前", "当前", "当今", "如今", "尽管", "虽然", "为了", "除了", "由于",
    "近年来", "近些年", "长期以来", "首先", "其次", "此外", "因此", "然而", "为此",
    "同时,", "对此", "总之", "综上", "一方面", "面对", "未来,", "根据", "在当前",
    "在新时代", "要确保", "特别是", "与此同时", "众所周知", "不难看出", "总的来说",
    "在未来,", "为实现", "为进一步", NULL,
};

/* Verbs that open a body sentence whose object repeats the heading:
 * "透明决策的激励制度" | "建立透明的决策机制是…". */
const char *const zt_body_verbs[] = {
    "建立", "加强", "推动", "推进", "提升", "提高", "完善", "实现", "促进", "确保",
    "构建", "强化", "优化", "发挥", "坚持", "注重", "重视", "出台", NULL,
};

/* Verbs that open the second half of a heading "A，B" (完善政策支持，促进
 * …培养): after such a comma the heading goes on. */
const char *const zt_heading_verbs[] = {
    "推动", "推进", "促进", "提升", "提高", "加强", "完善", "构建", "强化", "优化",
    "缩小", "打破", "加快", "深化", "扩大", "增强", "健全", "激发", "加大", "落实",
    "建立", "实现", "助力", "夯实", "增加", NULL,
};

/* Characters a heading does not end with: they bind to what follows. */
const char zt_binding_chars[] = "的和与及或在对把被将从向为以等之其了着";

/* Words of a sentence, not of a heading: text holding one is no heading. */
const char *const zt_sentence_words[] = {
    "通过", "需要", "应该", "应当", "可以", "能够", "进行", "已经", "正在", "将会", "不仅", NULL,
};
