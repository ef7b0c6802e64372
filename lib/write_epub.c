/* SPDX-License-Identifier: MIT */
/* write_epub.c - the document tree as an EPUB 3 book, with an EPUB 2 NCX.
 *
 * mimetype first and stored; ASCII file names; a title page, then one XHTML
 * file per level-1 section; nav.xhtml with nested levels and landmarks; the
 * identifier derived from a hash of the content, so a rebuild gives the
 * same book.  CSS for Chinese reading: indented paragraphs with no gaps,
 * justified text, CJK font stacks for Simplified or Traditional, and
 * vertical writing on request.  Lists, tables and code are written by
 * epub_blocks.c. */
#include "epub.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define OPS_NS "http://www.idpf.org/2007/ops"

typedef struct {
    const zhtidy_doc *doc;
    const zhtidy_epub_options *wo;
    const char *lang, *title;
    bool traditional;
    size_t *chapter_of; /* block index -> chapter number (1-based) */
    size_t chapters;
    const char *cover_name, *cover_type; /* the cover image, if any */
} book;

static const char *block_text(const book *b, size_t i, size_t *len)
{
    return zhtidy_doc_block_text(b->doc, i, len);
}

static bool is_heading(const book *b, size_t i, int level)
{
    return zhtidy_doc_block_type(b->doc, i) == ZHTIDY_HEADING &&
           (!level || zhtidy_doc_block_level(b->doc, i) == level);
}

/* Chapters: the text before the first level-1 heading (if any), then one
 * per level-1 heading.  A book without headings is one chapter. */
static bool plan_chapters(book *b)
{
    size_t n = zhtidy_doc_block_count(b->doc);
    b->chapter_of = calloc(n + 1, sizeof *b->chapter_of);
    if (!b->chapter_of)
        return false;
    size_t ch = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || is_heading(b, i, 1))
            ch++;
        b->chapter_of[i] = ch;
    }
    b->chapters = ch;
    return true;
}

static void chapter_name(char *out, size_t len, size_t ch)
{
    snprintf(out, len, "chapter-%03zu.xhtml", ch);
}

/* ---- identifiers ----------------------------------------------------------- */

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001B3ULL;
    }
    return h;
}

/* urn:uuid: from two 64-bit hashes of the content, shaped as a version 5,
 * RFC 4122 variant UUID. */
static void identifier(const book *b, char *out, size_t len)
{
    uint64_t h1 = 0xCBF29CE484222325ULL, h2 = 0x84222325CBF29CE4ULL;
    const char *parts[] = {b->title, b->lang, b->wo->vertical ? "v" : "h"};
    for (size_t k = 0; k < 3; k++) {
        h1 = fnv1a(h1, parts[k], strlen(parts[k]) + 1);
        h2 = fnv1a(h2, parts[k], strlen(parts[k]) + 1);
    }
    for (size_t i = 0; i < zhtidy_doc_block_count(b->doc); i++) {
        size_t n;
        const char *t = block_text(b, i, &n);
        zhtidy_block_type type = zhtidy_doc_block_type(b->doc, i);
        int level = zhtidy_doc_block_level(b->doc, i);
        char tag[24];
        /* lists, tables and code add their kind: a book of headings and
         * paragraphs keeps the identifier it had before they were written */
        if (type == ZHTIDY_PARAGRAPH || type == ZHTIDY_HEADING)
            snprintf(tag, sizeof tag, "%d|", level);
        else
            snprintf(tag, sizeof tag, "%d|%d|", level, (int)type);
        h1 = fnv1a(fnv1a(h1, tag, strlen(tag)), t, n + 1);
        h2 = fnv1a(fnv1a(h2, t, n + 1), tag, strlen(tag));
        for (size_t r = 0, rows = zhtidy_doc_table_rows(b->doc, i, NULL); r < rows; r++) {
            const zhtidy_cell *c = zhtidy_doc_table_row(b->doc, i, r, &n);
            for (size_t k = 0; k < n; k++) {
                h1 = fnv1a(h1, c[k].text, c[k].len + 1);
                h2 = fnv1a(h2, c[k].text, c[k].len + 1);
            }
            h1 = fnv1a(h1, "\n", 1);
            h2 = fnv1a(h2, "\n", 1);
        }
    }
    snprintf(out, len, "urn:uuid:%08x-%04x-5%03x-%04x-%012llx", (unsigned)(h1 >> 32),
             (unsigned)((h1 >> 16) & 0xFFFF), (unsigned)(h1 & 0xFFF),
             (unsigned)(0x8000 | ((h2 >> 48) & 0x3FFF)),
             (unsigned long long)(h2 & 0xFFFFFFFFFFFFULL));
}

/* ---- XHTML --------------------------------------------------------------------- */

static xmlw *xhtml_start(const book *b, const char *title, bool nav)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_raw(x, "<!DOCTYPE html>\n");
    xw_start(x, "html");
    xw_attr(x, "xmlns", XHTML_NS);
    xw_attr(x, "xmlns:epub", OPS_NS);
    xw_attr(x, "lang", b->lang);
    xw_attr(x, "xml:lang", b->lang);
    xw_start(x, "head");
    xw_start(x, "meta");
    xw_attr(x, "charset", "UTF-8");
    xw_end(x);
    xw_elem_text(x, "title", title);
    xw_start(x, "link");
    xw_attr(x, "rel", "stylesheet");
    xw_attr(x, "type", "text/css");
    xw_attr(x, "href", "style.css");
    xw_end(x);
    xw_end(x);
    xw_start(x, "body");
    if (nav)
        xw_attr(x, "class", "nav");
    return x;
}

/* Text of the body.  Written vertically, a run of one or two digits
 * (the 1 of 1、, a 12 in a date) stands upright in one cell, as Chinese
 * and Japanese vertical typesetting sets it; longer numbers lie on their
 * side, which is the convention for them. */
static void body_text(xmlw *x, const book *b, const char *t, size_t len)
{
    if (!b->wo->vertical) {
        xw_text(x, t, len);
        return;
    }
    size_t from = 0;
    for (size_t i = 0; i < len;) {
        size_t d = i;
        while (d < len && t[d] >= '0' && t[d] <= '9')
            d++;
        bool latin_before = i > 0 && ((unsigned char)t[i - 1] < 0x80 && t[i - 1] != ' ');
        bool latin_after = d < len && (unsigned char)t[d] < 0x80 && t[d] != ' ';
        if (d == i) {
            i++;
            continue;
        }
        if (d - i <= 2 && !latin_before && !latin_after) { /* not part of 3.5, A4, v2 */
            xw_text(x, t + from, i - from);
            xw_start(x, "span");
            xw_attr(x, "class", "tcy");
            xw_text(x, t + i, d - i);
            xw_end(x);
            from = d;
        }
        i = d;
    }
    xw_text(x, t + from, len - from);
}

static void heading_elem(xmlw *x, const book *b, int level, size_t id, const char *t, size_t len)
{
    char name[4], anchor[24];
    snprintf(name, sizeof name, "h%d", level < 1 ? 1 : level > 4 ? 4 : level);
    snprintf(anchor, sizeof anchor, "h-%zu", id);
    xw_start(x, name);
    xw_attr(x, "id", anchor);
    body_text(x, b, t, len);
    xw_end(x);
}

static xmlw *chapter(const void *ctx, size_t first)
{
    const book *b = ctx;
    size_t ch = b->chapter_of[first];
    size_t n = zhtidy_doc_block_count(b->doc), tlen = 0;
    const char *title = first < n && is_heading(b, first, 0) ? block_text(b, first, &tlen) : NULL;
    char *t = title ? strndup(title, tlen) : NULL;
    xmlw *x = xhtml_start(b, t ? t : b->title, false);
    free(t);
    if (!x)
        return NULL;
    xw_start(x, "section");
    xw_attr(x, "epub:type", title ? "chapter" : "preface");
    size_t end = first;
    while (end < n && b->chapter_of[end] == ch)
        end++;
    for (size_t i = first; i < end;) {
        size_t len;
        const char *text = block_text(b, i, &len);
        switch (zhtidy_doc_block_type(b->doc, i)) {
        case ZHTIDY_HEADING:
            heading_elem(x, b, zhtidy_doc_block_level(b->doc, i), i, text, len);
            break;
        case ZHTIDY_LIST_ITEM:
            i = zt_epub_list(x, b->doc, i, end);
            continue;
        case ZHTIDY_TABLE:
            zt_epub_table(x, b->doc, i);
            break;
        case ZHTIDY_CODE:
            zt_epub_code(x, text, len);
            break;
        default:
            xw_start(x, "p");
            body_text(x, b, text, len);
            xw_end(x);
            break;
        }
        i++;
    }
    return x;
}

static xmlw *title_page(const book *b)
{
    xmlw *x = xhtml_start(b, b->title, false);
    if (!x)
        return NULL;
    xw_start(x, "section");
    xw_attr(x, "epub:type", "titlepage");
    xw_attr(x, "class", "titlepage");
    xw_start(x, "h1");
    xw_attr(x, "class", "title");
    xw_text(x, b->title, strlen(b->title));
    xw_end(x);
    static const struct {
        zhtidy_meta key;
        const char *label;
    } lines[] = {{ZHTIDY_META_CATEGORY, "类别："}, {ZHTIDY_META_KEYWORDS, "关键词："}};
    for (size_t k = 0; k < 2; k++) {
        const char *v = zhtidy_doc_meta(b->doc, lines[k].key);
        if (!v)
            continue;
        xw_start(x, "p");
        xw_attr(x, "class", "meta");
        xw_text(x, lines[k].label, strlen(lines[k].label));
        xw_text(x, v, strlen(v));
        xw_end(x);
    }
    return x;
}

/* The nested list of headings, in nav.xhtml and (as navPoints) in the NCX. */
static void nav_list(xmlw *x, const book *b)
{
    size_t n = zhtidy_doc_block_count(b->doc);
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_heading(b, i, 0))
            continue;
        int level = zhtidy_doc_block_level(b->doc, i);
        if (level > depth + 1)
            level = depth + 1; /* a skipped level nests one step only */
        if (level > depth) {
            for (; depth < level; depth++)
                xw_start(x, "ol");
        } else {
            xw_end(x); /* the open li */
            for (; depth > level; depth--) {
                xw_end(x); /* ol */
                xw_end(x); /* li */
            }
        }
        char href[64];
        chapter_name(href, sizeof href, b->chapter_of[i]);
        snprintf(href + strlen(href), sizeof href - strlen(href), "#h-%zu", i);
        size_t len;
        const char *t = block_text(b, i, &len);
        xw_start(x, "li");
        xw_start(x, "a");
        xw_attr(x, "href", href);
        xw_text(x, t, len);
        xw_end(x);
    }
    for (; depth > 0; depth--) {
        xw_end(x); /* li */
        xw_end(x); /* ol */
    }
}

static void landmark(xmlw *x, const char *type, const char *href, const char *label)
{
    xw_start(x, "li");
    xw_start(x, "a");
    if (type)
        xw_attr(x, "epub:type", type);
    xw_attr(x, "href", href);
    xw_text(x, label, strlen(label));
    xw_end(x);
    xw_end(x);
}

static xmlw *nav(const book *b)
{
    const char *toc_label = b->traditional ? "目錄" : "目录";
    xmlw *x = xhtml_start(b, toc_label, true);
    if (!x)
        return NULL;
    xw_start(x, "nav");
    xw_attr(x, "epub:type", "toc");
    xw_attr(x, "id", "toc");
    xw_elem_text(x, "h1", toc_label);
    bool any = false;
    for (size_t i = 0; i < zhtidy_doc_block_count(b->doc) && !any; i++)
        any = is_heading(b, i, 0);
    if (any) {
        nav_list(x, b);
    } else { /* a nav must list something: the text itself */
        char href[32];
        chapter_name(href, sizeof href, 1);
        xw_start(x, "ol");
        landmark(x, NULL, b->chapters ? href : "title.xhtml", b->title);
        xw_end(x);
    }
    xw_end(x);
    xw_start(x, "nav");
    xw_attr(x, "epub:type", "landmarks");
    xw_attr(x, "hidden", "hidden");
    xw_elem_text(x, "h1", b->traditional ? "導覽" : "导航");
    xw_start(x, "ol");
    if (b->cover_type)
        landmark(x, "cover", "cover.xhtml", "封面");
    landmark(x, "titlepage", "title.xhtml", b->title);
    landmark(x, "toc", "nav.xhtml#toc", toc_label);
    if (b->chapters) {
        char href[32];
        chapter_name(href, sizeof href, 1);
        landmark(x, "bodymatter", href, "正文");
    }
    return x;
}

/* ---- NCX, OPF, CSS ------------------------------------------------------------ */

static void nav_point(xmlw *x, int *order, const char *label, size_t len, const char *src)
{
    char id[24];
    snprintf(id, sizeof id, "np-%d", *order);
    xw_start(x, "navPoint");
    xw_attr(x, "id", id);
    xw_attr_int(x, "playOrder", (*order)++);
    xw_start(x, "navLabel");
    xw_start(x, "text");
    xw_text(x, label, len);
    xw_end(x);
    xw_end(x);
    xw_elem_attr(x, "content", "src", src);
}

static xmlw *ncx(const book *b, const char *uid)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "ncx");
    xw_attr(x, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
    xw_attr(x, "version", "2005-1");
    xw_attr(x, "xml:lang", b->lang);
    xw_start(x, "head");
    static const char *metas[][2] = {{"dtb:uid", NULL}, {"dtb:depth", "4"},
                                     {"dtb:totalPageCount", "0"}, {"dtb:maxPageNumber", "0"}};
    for (size_t k = 0; k < 4; k++) {
        xw_start(x, "meta");
        xw_attr(x, "name", metas[k][0]);
        xw_attr(x, "content", metas[k][1] ? metas[k][1] : uid);
        xw_end(x);
    }
    xw_end(x);
    xw_start(x, "docTitle");
    xw_elem_text(x, "text", b->title);
    xw_end(x);
    xw_start(x, "navMap");
    int order = 1, depth = 0;
    nav_point(x, &order, b->title, strlen(b->title), "title.xhtml");
    xw_end(x);
    size_t n = zhtidy_doc_block_count(b->doc);
    for (size_t i = 0; i < n; i++) {
        if (!is_heading(b, i, 0))
            continue;
        int level = zhtidy_doc_block_level(b->doc, i);
        if (level > depth + 1)
            level = depth + 1;
        for (; depth >= level; depth--)
            xw_end(x); /* close navPoints at this level or deeper */
        char src[64];
        chapter_name(src, sizeof src, b->chapter_of[i]);
        snprintf(src + strlen(src), sizeof src - strlen(src), "#h-%zu", i);
        size_t len;
        const char *t = block_text(b, i, &len);
        nav_point(x, &order, t, len, src);
        depth = level;
    }
    for (; depth > 0; depth--)
        xw_end(x);
    return x;
}

static void item(xmlw *x, const char *id, const char *href, const char *type, const char *props)
{
    xw_start(x, "item");
    xw_attr(x, "id", id);
    xw_attr(x, "href", href);
    xw_attr(x, "media-type", type);
    if (props)
        xw_attr(x, "properties", props);
    xw_end(x);
}

static void opf_metadata(xmlw *x, const book *b, const char *uid)
{
    xw_start(x, "metadata");
    xw_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    xw_start(x, "dc:identifier");
    xw_attr(x, "id", "uid");
    xw_text(x, uid, strlen(uid));
    xw_end(x);
    xw_elem_text(x, "dc:title", b->title);
    xw_elem_text(x, "dc:language", b->lang);
    const char *author = zhtidy_doc_meta(b->doc, ZHTIDY_META_AUTHOR);
    const char *date = zhtidy_doc_meta(b->doc, ZHTIDY_META_DATE);
    const char *about = zhtidy_doc_meta(b->doc, ZHTIDY_META_DESCRIPTION);
    if (author)
        xw_elem_text(x, "dc:creator", author);
    if (zt_w3c_date(date)) /* any other form stays in the JSON tree only */
        xw_elem_text(x, "dc:date", date);
    if (about)
        xw_elem_text(x, "dc:description", about);
    const char *kw = zhtidy_doc_meta(b->doc, ZHTIDY_META_KEYWORDS);
    for (const char *p = kw; p && *p;) {
        size_t n = strcspn(p, ",");
        if (n) {
            xw_start(x, "dc:subject");
            xw_text(x, p, n);
            xw_end(x);
        }
        p += n + (p[n] == ',');
    }
    const char *cat = zhtidy_doc_meta(b->doc, ZHTIDY_META_CATEGORY);
    if (cat)
        xw_elem_text(x, "dc:subject", cat);
    if (b->cover_type) { /* for readers of EPUB 2's way */
        xw_start(x, "meta");
        xw_attr(x, "name", "cover");
        xw_attr(x, "content", "cover-image");
        xw_end(x);
    }
    if (b->wo->vertical) {
        xw_start(x, "meta");
        xw_attr(x, "name", "primary-writing-mode");
        xw_attr(x, "content", "vertical-rl");
        xw_end(x);
    }
    xw_start(x, "meta");
    xw_attr(x, "property", "dcterms:modified");
    char modified[32];
    zt_iso_date(b->wo->epoch, modified);
    xw_text(x, modified, strlen(modified));
    xw_end(x);
    xw_end(x);
}

static xmlw *opf(const book *b, const char *uid)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "package");
    xw_attr(x, "xmlns", "http://www.idpf.org/2007/opf");
    xw_attr(x, "version", "3.0");
    xw_attr(x, "unique-identifier", "uid");
    xw_attr(x, "xml:lang", b->lang);
    opf_metadata(x, b, uid);
    xw_start(x, "manifest");
    item(x, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
    item(x, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
    item(x, "css", "style.css", "text/css", NULL);
    if (b->cover_type) {
        item(x, "cover-image", b->cover_name, b->cover_type, "cover-image");
        item(x, "cover", "cover.xhtml", "application/xhtml+xml", NULL);
    }
    item(x, "titlepage", "title.xhtml", "application/xhtml+xml", NULL);
    for (size_t ch = 1; ch <= b->chapters; ch++) {
        char id[24], href[32];
        snprintf(id, sizeof id, "ch%03zu", ch);
        chapter_name(href, sizeof href, ch);
        item(x, id, href, "application/xhtml+xml", NULL);
    }
    xw_end(x);
    xw_start(x, "spine");
    xw_attr(x, "toc", "ncx");
    if (b->wo->vertical)
        xw_attr(x, "page-progression-direction", "rtl");
    if (b->cover_type)
        xw_elem_attr(x, "itemref", "idref", "cover");
    xw_elem_attr(x, "itemref", "idref", "titlepage");
    xw_elem_attr(x, "itemref", "idref", "nav"); /* a contents page, as printed books have */
    for (size_t ch = 1; ch <= b->chapters; ch++) {
        char id[24];
        snprintf(id, sizeof id, "ch%03zu", ch);
        xw_elem_attr(x, "itemref", "idref", id);
    }
    return x;
}

static const char CSS_COMMON[] =
    "@charset \"UTF-8\";\n"
    "body { margin: 0 4%; text-align: justify; line-height: 1.8; }\n"
    "p { margin: 0; text-indent: 2em; }\n"
    "h1, h2, h3, h4 { text-indent: 0; line-height: 1.4; text-align: left; }\n"
    "h1 { font-size: 1.4em; margin: 1.2em 0 0.8em; }\n"
    "h2 { font-size: 1.2em; margin: 1em 0 0.6em; }\n"
    "h3 { font-size: 1.1em; margin: 0.8em 0 0.4em; }\n"
    "h4 { font-size: 1em; margin: 0.8em 0 0.4em; }\n"
    ".titlepage { text-align: center; }\n"
    ".titlepage h1.title { font-size: 1.6em; margin: 3em 0 1.5em; text-align: center; }\n"
    ".titlepage p.meta { text-indent: 0; text-align: center; font-size: 0.9em; }\n"
    ".nav ol { list-style-type: none; }\n"
    ".cover { text-align: center; }\n"
    ".cover img { max-width: 100%; max-height: 100%; }\n";

static const char CSS_HANS[] =
    "body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", "
    "\"STSong\", \"SimSun\", serif; }\n"
    "h1, h2, h3, h4 { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", "
    "\"PingFang SC\", \"Heiti SC\", \"SimHei\", sans-serif; }\n";

static const char CSS_HANT[] =
    "body { font-family: \"Noto Serif CJK TC\", \"Source Han Serif TC\", \"Songti TC\", "
    "\"PMingLiU\", \"MingLiU\", serif; }\n"
    "h1, h2, h3, h4 { font-family: \"Noto Sans CJK TC\", \"Source Han Sans TC\", "
    "\"PingFang TC\", \"Heiti TC\", \"Microsoft JhengHei\", sans-serif; }\n";

static const char CSS_VERTICAL[] =
    "html { writing-mode: vertical-rl; -epub-writing-mode: vertical-rl; }\n"
    "body { margin: 4% 0; }\n"
    "h1 { margin: 0 1.2em 0 0.8em; }\n"
    "h2 { margin: 0 1em 0 0.6em; }\n"
    "h3, h4 { margin: 0 0.8em 0 0.4em; }\n"
    ".tcy { text-combine-upright: all; -webkit-text-combine: horizontal; "
    "-epub-text-combine: horizontal; }\n";

static const char CONTAINER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

static bool add_css(zipw *z, const book *b)
{
    zt_buf css;
    zt_buf_init(&css);
    zt_buf_add(&css, CSS_COMMON, sizeof CSS_COMMON - 1);
    zt_buf_add(&css, b->traditional ? CSS_HANT : CSS_HANS,
               b->traditional ? sizeof CSS_HANT - 1 : sizeof CSS_HANS - 1);
    zt_epub_blocks_css(&css, zt_block_kinds(b->doc));
    if (b->wo->vertical)
        zt_buf_add(&css, CSS_VERTICAL, sizeof CSS_VERTICAL - 1);
    bool ok = !css.failed && zipw_add(z, "OEBPS/style.css", css.data, css.len, false);
    zt_buf_free(&css);
    return ok;
}

/* A title when the document has none: its file name without extension,
 * unless nothing readable is left of it (the library has put U+FFFD for
 * bytes that were not UTF-8; XML leaves out control characters, U+FFFE
 * and U+FFFF, and an empty or blank dc:title makes an invalid book). */
static char *fallback_title(const zhtidy_doc *doc)
{
    const char *src = zhtidy_doc_meta(doc, ZHTIDY_META_SOURCE);
    const char *base = src ? strrchr(src, '/') : NULL;
    base = base ? base + 1 : src;
    const char *dot = base ? strrchr(base, '.') : NULL;
    size_t n = base ? (dot && dot != base ? (size_t)(dot - base) : strlen(base)) : 0;
    bool readable = false;
    for (size_t i = 0; i < n && !readable;) {
        unsigned char c = (unsigned char)base[i];
        if (i + 3 <= n && !memcmp(base + i, "\xEF\xBF", 2) && (unsigned char)base[i + 2] >= 0xBD) {
            i += 3; /* U+FFFD, U+FFFE, U+FFFF */
            continue;
        }
        readable = c > ' ' && c != 0x7F;
        i++;
    }
    if (!n || !strcmp(base, "stdin") || !readable)
        return strdup("未命名文档");
    return strndup(base, n);
}

void zhtidy_epub_options_init(zhtidy_epub_options *o)
{
    o->vertical = 0;
    o->epoch = zt_default_epoch();
    o->cover = NULL;
    o->cover_len = 0;
}

/* The cover image's media type and file name, told by its first bytes;
 * NULL for anything but PNG, JPEG and GIF, the image types every EPUB
 * reader shows. */
static const char *cover_type(const unsigned char *p, size_t n, const char **name)
{
    if (!p)
        return NULL;
    if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
        return *name = "cover.png", "image/png";
    if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return *name = "cover.jpg", "image/jpeg";
    if (n >= 6 && (!memcmp(p, "GIF87a", 6) || !memcmp(p, "GIF89a", 6)))
        return *name = "cover.gif", "image/gif";
    return NULL;
}

const char *zhtidy_cover_type(const void *data, size_t len)
{
    const char *name;
    return cover_type(data, len, &name);
}

static xmlw *cover_page(const book *b)
{
    xmlw *x = xhtml_start(b, b->title, false);
    if (!x)
        return NULL;
    xw_start(x, "section");
    xw_attr(x, "epub:type", "cover");
    xw_attr(x, "class", "cover");
    xw_start(x, "img");
    xw_attr(x, "src", b->cover_name);
    xw_attr(x, "alt", b->title);
    xw_end(x);
    return x;
}

zhtidy_status zhtidy_write_epub(const zhtidy_doc *doc, const zhtidy_epub_options *opts,
                                zhtidy_sink sink, void *userdata)
{
    zhtidy_epub_options defaults;
    if (!opts) {
        zhtidy_epub_options_init(&defaults);
        opts = &defaults;
    }
    if (!doc || !sink)
        return ZHTIDY_ERR_ARG;
    book b = {doc, opts, zhtidy_doc_meta(doc, ZHTIDY_META_LANG), NULL, false, NULL, 0, NULL, NULL};
    if (opts->cover && !(b.cover_type = cover_type(opts->cover, opts->cover_len, &b.cover_name)))
        return ZHTIDY_ERR_ARG;
    if (!b.lang)
        b.lang = "zh";
    b.traditional = !strcmp(b.lang, "zh-TW") || !strcmp(b.lang, "zh-HK") ||
                    !strcmp(b.lang, "zh-Hant");
    char *own_title = zhtidy_doc_meta(doc, ZHTIDY_META_TITLE) ? NULL : fallback_title(doc);
    b.title = own_title ? own_title : zhtidy_doc_meta(doc, ZHTIDY_META_TITLE);
    zipw *z = b.title && plan_chapters(&b) ? zipw_new(opts->epoch) : NULL;
    if (!z) {
        free(own_title);
        free(b.chapter_of);
        return ZHTIDY_ERR_NOMEM;
    }
    char uid[64];
    identifier(&b, uid, sizeof uid);
    /* mimetype first, stored, so readers can sniff the format */
    static const char mime[] = "application/epub+zip";
    zipw_add(z, "mimetype", mime, sizeof mime - 1, true);
    zipw_add(z, "META-INF/container.xml", CONTAINER, sizeof CONTAINER - 1, false);
    zipw_add_xml(z, "OEBPS/content.opf", opf(&b, uid));
    zipw_add_xml(z, "OEBPS/toc.ncx", ncx(&b, uid));
    zipw_add_xml(z, "OEBPS/nav.xhtml", nav(&b));
    add_css(z, &b);
    if (b.cover_type) {
        char name[32];
        snprintf(name, sizeof name, "OEBPS/%s", b.cover_name);
        zipw_add(z, name, opts->cover, opts->cover_len, true); /* compressed already */
        zipw_add_xml(z, "OEBPS/cover.xhtml", cover_page(&b));
    }
    zipw_add_xml(z, "OEBPS/title.xhtml", title_page(&b));
    size_t n = zhtidy_doc_block_count(doc);
    for (size_t ch = 1, first = 0; ch <= b.chapters; ch++) {
        char name[64] = "OEBPS/";
        chapter_name(name + 6, sizeof name - 6, ch);
        while (first < n && b.chapter_of[first] != ch) /* chapters follow one another */
            first++;
        zipw_add_later(z, name, chapter, &b, first); /* written one at a time, at the end */
    }
    zhtidy_status st = zipw_finish(z, sink, userdata); /* the chapters need the book till now */
    free(own_title);
    free(b.chapter_of);
    return st;
}
