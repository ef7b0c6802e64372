/* SPDX-License-Identifier: MIT */
/* glyph_rules.c - data: glyph splits and noise that text extraction leaves.
 *
 * OCR and PDF extraction split some characters into their components
 * (此 → 止匕).  Only pairs that never occur in real text belong here: 口口
 * (口口声声) or 日月 would not. */
#include "internal.h"

const zt_glyph_fix zt_glyph_table[] = {
    {"\xE6\xAD\xA2\xE5\x8C\x95", "\xE6\xAD\xA4"},     /* 止匕 → 此 */
    {"\xE6\xAD\xA2\xE3\x83\x92", "\xE6\xAD\xA4"},     /* 止ヒ → 此 (katakana hi) */
    {"\xE4\xBA\xBB\xE5\xB0\x94", "\xE4\xBD\xA0"},     /* 亻尔 → 你 */
};

const size_t zt_glyph_count = sizeof zt_glyph_table / sizeof zt_glyph_table[0];

/* Tags that leak from web pages into plain text. */
const char *const zt_html_tags[] = {
    "p", "br", "b", "i", "u", "em", "strong", "span", "div", "font", "a", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "tbody", "img", "hr",
    "sup", "sub", "center", "small", "big", NULL,
};
