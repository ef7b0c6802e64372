/* SPDX-License-Identifier: MIT */
/* scripts.c - advertising and analytics scripts pasted into the text.
 *
 * A page's scripts come along when its text is copied: "var script =
 * document.createElement('script'); …", "(adsbygoogle = window.adsbygoogle
 * || []).push({});", often glued to a sentence.  Code starts with a word
 * code starts with (var, function, document., …) and runs on in ASCII,
 * with anything inside its quotes; it is cut when it holds two signs of a
 * script at least (createElement, getElementsByTagName, adsbygoogle, .src,
 * hm.baidu.com, …), so that an English sentence that says "var" stays.
 * Each run of text is looked at once: linear. */
#include "internal.h"

#include <string.h>

#define MIN_CODE 20
#define MAX_QUOTED 300

static const char *const openers[] = {
    "var ", "let ", "const ", "(function", "!function", "function(", "function (", "document.",
    "window.", "(adsbygoogle", "<script", "_hmt", "jQuery(", "$(", "try{", NULL,
};

static const char *const signs[] = {
    "document.", "window.", "createElement", "getElementsByTagName", "getElementById",
    "insertBefore", "appendChild", "parentNode", "innerHTML", "adsbygoogle", ".push(",
    "function(", "function (", ".src", "_hmt", "cnzz", "hm.baidu.com", "googletag",
    "<script", "</script>", "setTimeout", "location.", "});", "})();", NULL,
};

static bool opens_code(const char *t, size_t len, size_t p)
{
    if (!memchr("vlc(!fdw<_j$t", t[p], 13))
        return false; /* no opener starts with it */
    for (const char *const *o = openers; *o; o++) {
        size_t n = strlen(*o);
        if (len - p >= n && !memcmp(t + p, *o, n))
            return true;
    }
    return false;
}

/* The end of the code that starts at T[P]: ASCII, and anything inside
 * quotes shorter than MAX_QUOTED bytes. */
static size_t code_end(const char *t, size_t len, size_t p)
{
    size_t end = p;
    while (p < len) {
        char c = t[p];
        if ((unsigned char)c >= 0x80)
            break;
        if (c == '"' || c == '\'') {
            size_t q = p + 1;
            while (q < len && q - p < MAX_QUOTED && t[q] != c)
                q += t[q] == '\\' ? 2 : 1;
            if (q >= len || t[q] != c)
                break; /* no closing quote near: the code ended before it */
            p = q + 1;
        } else {
            p++;
        }
        if (c != ' ')
            end = p;
    }
    return end;
}

static size_t count_signs(const char *t, size_t from, size_t to)
{
    size_t n = 0;
    for (const char *const *s = signs; *s; s++)
        n += memmem(t + from, to - from, *s, strlen(*s)) != NULL;
    return n;
}

zhtidy_status zt_cut_scripts(zhtidy_doc *doc)
{
    zhtidy_status st = ZHTIDY_OK;
    for (size_t i = 0; i < doc->n && !st; i++) {
        struct zt_block *b = &doc->blocks[i];
        if (!zt_is_text(b) || b->dead || b->type == ZHTIDY_CODE)
            continue;
        const char *t = b->text;
        zt_edit e;
        zt_edit_start(&e, &doc->report, b->line, b->len);
        size_t kept = 0;
        for (size_t p = 0; p < b->len;) {
            bool start = (unsigned char)t[p] < 0x80 &&
                         (p == 0 || (unsigned char)t[p - 1] >= 0x80 || t[p - 1] == ' ' ||
                          t[p - 1] == ';' || t[p - 1] == '}');
            if (!start || !opens_code(t, b->len, p)) {
                p++;
                continue;
            }
            size_t end = code_end(t, b->len, p);
            if (end - p >= MIN_CODE && count_signs(t, p, end) >= 2) {
                zt_buf_add(&e.out, t + kept, p - kept);
                zt_edit_change(&e, ZT_R_FURNITURE_SCRIPT, t + p, end - p, NULL, 0);
                kept = end;
            }
            p = end > p ? end : p + 1; /* the run is looked at once */
        }
        if (e.changes)
            zt_buf_add(&e.out, t + kept, b->len - kept);
        st = zt_edit_finish(&e, b);
    }
    return st;
}
