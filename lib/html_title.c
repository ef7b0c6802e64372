/* SPDX-License-Identifier: MIT */
/* html_title.c - a page's title: the <title> cut into its parts (the
 * page's own name, the site's), weighed against the content's headings. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* S folded for comparing titles, into OUT: no spaces, dashes alike, ASCII
 * letters in one case. */
void zt_html_fold_title(const char *s, size_t len, zt_buf *out)
{
    for (size_t i = 0; i < len;) {
        size_t at = i;
        int32_t c = zt_utf8_next(s, len, &i);
        if (zt_is_space(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            continue;
        if (c == 0x2013 || c == 0x2014 || c == 0xFF0D || c == 0x2212)
            zt_buf_add(out, "-", 1);
        else if (c >= 'A' && c <= 'Z') {
            char l = (char)(c | 0x20);
            zt_buf_add(out, &l, 1);
        } else
            zt_buf_add(out, s + at, i - at);
    }
}

/* A and B folded, into X and Y (to be freed). */
static void fold_both(const char *a, size_t an, const char *b, size_t bn, zt_buf *x, zt_buf *y)
{
    zt_buf_init(x);
    zt_buf_init(y);
    zt_html_fold_title(a, an, x);
    zt_html_fold_title(b, bn, y);
}

/* Does A, folded, say what B says, or hold it (when B is long enough to
 * tell)? */
static bool same_title(const char *a, size_t an, const char *b, size_t bn)
{
    zt_buf x, y;
    fold_both(a, an, b, bn, &x, &y);
    bool same = x.len && y.len && !x.failed && !y.failed &&
                ((x.len == y.len && !memcmp(x.data, y.data, x.len)) ||
                 (zt_utf8_count(y.data, y.len) >= 4 && memmem(x.data, x.len, y.data, y.len)) ||
                 (zt_utf8_count(x.data, x.len) >= 4 && memmem(y.data, y.len, x.data, x.len)));
    zt_buf_free(&x);
    zt_buf_free(&y);
    return same;
}

/* The parts of a <title> between the separators sites put before their
 * name ("文章 - 栏目 - 站名", "文章_站名", "文章 | 站名", "文章  站名"),
 * each part shortened at its spaces from the end ("文章 栏目"), and the
 * title up to each separator after the first ("AJAX – 请求 | 站名"): as
 * ranges of T, longest first. */
typedef struct {
    size_t from, n;
    enum { PART_WHOLE, PART_SHORT, PART_PREFIX } kind;
} range;

static size_t title_parts(const char *t, size_t len, range *out, size_t cap)
{
    static const char *const seps[] = {" - ", " – ", " — ", "--", "_", " | ", "|", "｜",
                                       " :: ", "——", "  ", NULL};
    size_t count = 0;
    for (size_t s = 0; s <= len && count < cap;) {
        size_t e = s, sep = 0;
        while (e < len && !sep) {
            for (const char *const *p = seps; *p && !sep; p++)
                if (len - e >= strlen(*p) && !memcmp(t + e, *p, strlen(*p)))
                    sep = strlen(*p);
            if (!sep && t[e] == '-' && e > 0 && e + 1 < len) { /* "标题-栏目", not "COVID-19" */
                size_t after = e + 1;
                sep = zt_is_han(zt_utf8_prev(t, e, NULL)) && zt_is_han(zt_utf8_next(t, len, &after));
            }
            if (!sep)
                e++;
        }
        size_t a = s, b = e;
        while (a < b && t[a] == ' ')
            a++;
        while (b > a && t[b - 1] == ' ')
            b--;
        /* the part, then shorter at each space from its end */
        for (size_t end = b; end > a && count < cap;) {
            if (end == b || zt_utf8_count(t + a, end - a) >= 2)
                out[count++] = (range){a, end - a, end == b ? PART_WHOLE : PART_SHORT};
            while (end > a && t[end - 1] != ' ')
                end--;
            while (end > a && t[end - 1] == ' ')
                end--;
        }
        /* and all before this separator, when it is not the first: the
         * title without the site's name, itself holding a separator */
        if (sep && s > 0 && count < cap) {
            size_t z = e;
            while (z > 0 && t[z - 1] == ' ')
                z--;
            size_t y = 0;
            while (y < z && t[y] == ' ')
                y++;
            out[count++] = (range){y, z - y, PART_PREFIX};
        }
        s = e + (sep ? sep : 1);
    }
    for (size_t i = 1; i < count; i++) /* longest first: a few, insertion */
        for (size_t j = i; j > 0 && out[j].n > out[j - 1].n; j--) {
            range r = out[j];
            out[j] = out[j - 1];
            out[j - 1] = r;
        }
    return count;
}

/* Does A, folded, begin with what B says and go on? */
static bool extends(const char *a, size_t an, const char *b, size_t bn)
{
    zt_buf x, y;
    fold_both(a, an, b, bn, &x, &y);
    bool more = !x.failed && !y.failed && x.len > y.len && !memcmp(x.data, y.data, y.len);
    zt_buf_free(&x);
    zt_buf_free(&y);
    return more;
}

/* Does A, folded, hold the whole parts of title prefix P in their order
 * ("附錄 E：版本" those of "E - 版本")? */
static bool pieces_in(const char *a, size_t an, const char *p, size_t pn)
{
    range sub[8];
    size_t n = title_parts(p, pn, sub, 8), at = 0, chars = 0, pieces = 0;
    for (size_t i = 1; i < n; i++) /* in the order of the title */
        for (size_t j = i; j > 0 && sub[j].from < sub[j - 1].from; j--) {
            range r = sub[j];
            sub[j] = sub[j - 1];
            sub[j - 1] = r;
        }
    zt_buf x, y;
    zt_buf_init(&x);
    zt_html_fold_title(a, an, &x);
    bool all = !x.failed;
    for (size_t i = 0; i < n && all; i++) {
        if (sub[i].kind != PART_WHOLE)
            continue;
        zt_buf_init(&y);
        zt_html_fold_title(p + sub[i].from, sub[i].n, &y);
        const char *f = y.len && !y.failed && x.len > at ? memmem(x.data + at, x.len - at, y.data, y.len) : NULL;
        all = f != NULL;
        at = f ? (size_t)(f - x.data) + y.len : at;
        chars += zt_utf8_count(p + sub[i].from, sub[i].n);
        pieces++;
        zt_buf_free(&y);
    }
    zt_buf_free(&x);
    return all && pieces >= 2 && chars >= 3;
}

/* Is part K of the <title> in the page's text (folded)? */
static bool shown_in(const char *part, size_t n, const zt_buf *page_text)
{
    zt_buf f;
    zt_buf_init(&f);
    zt_html_fold_title(part, n, &f);
    bool shown = f.len && !f.failed && page_text->len &&
                 memmem(page_text->data, page_text->len, f.data, f.len);
    zt_buf_free(&f);
    return shown;
}

static zhtidy_status set_title_n(zhtidy_doc *doc, const char *s, size_t n)
{
    char *t = zt_strndup(s, n);
    zhtidy_status st = t ? zhtidy_doc_set_meta(doc, ZHTIDY_META_TITLE, t) : ZHTIDY_ERR_NOMEM;
    free(t);
    return st;
}

/* The title, in this order: a heading of the content that a whole part of
 * the <title> names (the heading, unless it only adds to the end of the
 * part: "标题请求" of a styled last word gives way to "标题"; "附錄 F：本書
 * 譯本" stays); the heading that opens the content (its own <h1>, or the
 * heading set just before it); the longest part of the <title> that the
 * page shows; the heading of the highest rank that opens the content; the
 * longest part; the first heading.  PAGE_TEXT is the page's text, folded. */
zhtidy_status zt_html_set_title(zhtidy_doc *doc, size_t first, bool opens, bool top_h1,
                                const char *page, const zt_buf *page_text)
{
    range parts[32];
    size_t n_parts = page ? title_parts(page, strlen(page), parts, 32) : 0;
    const struct zt_block *heading = NULL;
    for (size_t i = first, seen = 0; i < doc->n && seen < 5; i++) {
        const struct zt_block *b = &doc->blocks[i];
        if (b->type != ZHTIDY_HEADING || zt_utf8_count(b->text, b->len) < 2)
            continue;
        heading = heading ? heading : b;
        seen++;
        for (size_t k = 0; k < n_parts; k++) {
            const char *p = page + parts[k].from;
            if (parts[k].kind == PART_SHORT || !(same_title(b->text, b->len, p, parts[k].n) ||
                                                 (parts[k].kind == PART_PREFIX &&
                                                  pieces_in(b->text, b->len, p, parts[k].n))))
                continue;
            return extends(b->text, b->len, p, parts[k].n) ? set_title_n(doc, p, parts[k].n)
                                                           : zhtidy_doc_set_meta(doc, ZHTIDY_META_TITLE, b->text);
        }
    }
    if (heading && (opens || (top_h1 && heading == &doc->blocks[first])))
        return zhtidy_doc_set_meta(doc, ZHTIDY_META_TITLE, heading->text);
    for (size_t k = 0; k < n_parts; k++)
        if (shown_in(page + parts[k].from, parts[k].n, page_text))
            return set_title_n(doc, page + parts[k].from, parts[k].n);
    if (heading && heading == &doc->blocks[first] && heading->level == 1)
        return zhtidy_doc_set_meta(doc, ZHTIDY_META_TITLE, heading->text);
    if (n_parts)
        return set_title_n(doc, page + parts[0].from, parts[0].n);
    return heading ? zhtidy_doc_set_meta(doc, ZHTIDY_META_TITLE, heading->text) : ZHTIDY_OK;
}
