/* SPDX-License-Identifier: MIT */
/* write_docx.c - the document tree as a WordprocessingML package.
 *
 * Chinese typesetting as Word and WPS expect it: East Asian fonts named in
 * w:rFonts w:eastAsia (never theme fonts), w:lang w:eastAsia from the
 * tree's language, w:hint="eastAsia" on runs of CJK text and “”‘’—…·, a
 * two-character first-line indent on the body style, the built-in heading
 * styles with w:outlineLvl, and a table of contents whose result is filled
 * in, with links to bookmarks on the headings, so Word shows it without
 * asking to update fields.  Element order follows the ECMA-376 schema. */
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* ---- the two presets ---------------------------------------------------- */

typedef struct {
    const char *name, *alt; /* font name and its Latin alias (w:altName) */
    const char *family, *pitch, *panose;
} font;

static const font SONG = {"宋体", "SimSun", "auto", "variable", "02010600030101010101"};
static const font HEI = {"黑体", "SimHei", "modern", "fixed", "02010609060101010101"};
static const font FANGSONG = {"仿宋", "FangSong", "modern", "fixed", "02010609060101010101"};
static const font KAI = {"楷体", "KaiTi", "modern", "fixed", "02010609060101010101"};
static const font XBS = {"方正小标宋简体", "FZXiaoBiaoSong-B05S", "script", "variable",
                         "02010601030101010101"};
static const font TNR = {"Times New Roman", NULL, "roman", "variable", "02020603050405020304"};

typedef struct {
    const font *body, *title, *heading[4];
    int body_sz, title_sz, heading_sz[4]; /* half-points */
    bool heading_bold[4];
    int line;           /* line spacing: 240ths of a line, or twips when exact */
    bool line_exact;
    int pg_top, pg_bottom, pg_left, pg_right; /* twips */
    int line_chars, page_lines; /* for the estimated page numbers of the TOC */
    bool gbt;           /* — 1 — page numbers, odd right and even left */
} preset;

/* Word's Chinese defaults: 宋体 小四 (12 pt) body, 黑体 headings. */
static const preset PLAIN = {
    &SONG, &HEI, {&HEI, &HEI, &HEI, &HEI}, 24, 44, {32, 30, 28, 24}, {true, true, true, true},
    360, false, 1440, 1440, 1800, 1800, 34, 27, false,
};

/* GB/T 9704: 仿宋 三号 (16 pt) body on a 28.95 pt exact pitch, 小标宋 二号
 * title, 黑体 / 楷体 / 仿宋 headings, margins 37/35/28/26 mm. */
static const preset GBT9704 = {
    &FANGSONG, &XBS, {&HEI, &KAI, &FANGSONG, &FANGSONG}, 32, 44, {32, 32, 32, 32},
    {false, false, true, false}, 579, true, 2098, 1984, 1588, 1474, 28, 22, true,
};

/* ---- text runs ---------------------------------------------------------- */

/* Characters Word must lay out with the East Asian font. */
static bool east_asian(unsigned long c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || c == 0x201C || c == 0x201D || c == 0x2018 ||
           c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x2015;
}

static void run(xmlw *x, const char *t, size_t len, bool hint)
{
    xw_start(x, "w:r");
    if (hint) {
        xw_start(x, "w:rPr");
        xw_elem_attr(x, "w:rFonts", "w:hint", "eastAsia");
        xw_end(x);
    }
    xw_start(x, "w:t");
    if (len && (t[0] == ' ' || t[len - 1] == ' '))
        xw_attr(x, "xml:space", "preserve");
    xw_text(x, t, len);
    xw_end(x);
    xw_end(x);
}

/* Runs split where the text passes between East Asian and other text. */
static void runs(xmlw *x, const char *t, size_t len)
{
    size_t start = 0, i = 0;
    bool cur = false;
    while (i < len) {
        size_t at = i;
        bool ea = east_asian((unsigned long)zt_utf8_next(t, len, &i));
        if (at > start && ea != cur) {
            run(x, t + start, at - start, cur);
            start = at;
        }
        cur = ea;
    }
    if (len > start)
        run(x, t + start, len - start, cur);
}

/* ---- document.xml -------------------------------------------------------- */

static void paragraph(xmlw *x, const char *style, const char *t, size_t len)
{
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", style);
    xw_end(x);
    runs(x, t, len);
    xw_end(x);
}

static void field_run(xmlw *x, const char *type)
{
    xw_start(x, "w:r");
    xw_elem_attr(x, "w:fldChar", "w:fldCharType", type);
    xw_end(x);
}

static void instr_run(xmlw *x, const char *instr)
{
    xw_start(x, "w:r");
    xw_start(x, "w:instrText");
    xw_attr(x, "xml:space", "preserve");
    xw_text(x, instr, strlen(instr));
    xw_end(x);
    xw_end(x);
}

static int text_width(const preset *p)
{
    return 11906 - p->pg_left - p->pg_right;
}

/* One TOC entry: a link to the heading's bookmark, a dot leader and the
 * page number it will most likely have (Word corrects it on update). */
static void toc_entry(xmlw *x, const preset *p, int level, int id, const char *t, size_t len,
                      int page, bool first)
{
    char style[8], anchor[32], instr[64], num[16];
    snprintf(style, sizeof style, "TOC%d", level);
    snprintf(anchor, sizeof anchor, "_Toc%d", id);
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", style);
    xw_start(x, "w:tabs");
    xw_start(x, "w:tab");
    xw_attr(x, "w:val", "right");
    xw_attr(x, "w:leader", "dot");
    xw_attr_int(x, "w:pos", text_width(p));
    xw_end(x);
    xw_end(x);
    xw_end(x);
    if (first) {
        field_run(x, "begin");
        instr_run(x, " TOC \\o \"1-4\" \\h \\z \\u ");
        field_run(x, "separate");
    }
    xw_start(x, "w:hyperlink");
    xw_attr(x, "w:anchor", anchor);
    xw_attr(x, "w:history", "1");
    runs(x, t, len);
    xw_start(x, "w:r");
    xw_start(x, "w:tab");
    xw_end(x);
    xw_end(x);
    field_run(x, "begin");
    snprintf(instr, sizeof instr, " PAGEREF %s \\h ", anchor);
    instr_run(x, instr);
    field_run(x, "separate");
    snprintf(num, sizeof num, "%d", page);
    run(x, num, strlen(num), false);
    field_run(x, "end");
    xw_end(x);
    xw_end(x);
}

static void toc(xmlw *x, const zhtidy_doc *doc, const preset *p)
{
    xw_start(x, "w:sdt");
    xw_start(x, "w:sdtPr");
    xw_start(x, "w:docPartObj");
    xw_elem_attr(x, "w:docPartGallery", "w:val", "Table of Contents");
    xw_start(x, "w:docPartUnique");
    xw_end(x);
    xw_end(x);
    xw_end(x);
    xw_start(x, "w:sdtContent");
    static const char heading[] = "目录";
    paragraph(x, "TOCHeading", heading, sizeof heading - 1);
    size_t n = zhtidy_doc_block_count(doc), entries = 0;
    for (size_t i = 0; i < n; i++)
        entries += zhtidy_doc_block_type(doc, i) == ZHTIDY_HEADING;
    /* Count lines: the title, the TOC (a line an entry), then each block;
     * Word puts the real numbers in when the field is updated. */
    size_t lines = 4 + entries, per_line = (size_t)p->line_chars;
    int id = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *t = zhtidy_doc_block_text(doc, i, &len);
        size_t chars = len / 3 + 2; /* CJK text is 3 bytes a character; the indent */
        if (zhtidy_doc_block_type(doc, i) == ZHTIDY_HEADING) {
            id++;
            toc_entry(x, p, zhtidy_doc_block_level(doc, i), id, t, len,
                      1 + (int)(lines / (size_t)p->page_lines), id == 1);
            lines += 2;
        } else {
            lines += (chars + per_line - 1) / per_line;
        }
    }
    xw_start(x, "w:p");
    field_run(x, "end");
    xw_end(x);
    xw_end(x);
    xw_end(x);
}

static void footer_refs(xmlw *x, const preset *p)
{
    xw_start(x, "w:footerReference");
    xw_attr(x, "w:type", "default");
    xw_attr(x, "r:id", "rIdFooter1");
    xw_end(x);
    if (p->gbt) {
        xw_start(x, "w:footerReference");
        xw_attr(x, "w:type", "even");
        xw_attr(x, "r:id", "rIdFooter2");
        xw_end(x);
    }
}

static void section(xmlw *x, const preset *p)
{
    xw_start(x, "w:sectPr");
    footer_refs(x, p);
    xw_start(x, "w:pgSz");
    xw_attr(x, "w:w", "11906");
    xw_attr(x, "w:h", "16838");
    xw_end(x);
    xw_start(x, "w:pgMar");
    xw_attr_int(x, "w:top", p->pg_top);
    xw_attr_int(x, "w:right", p->pg_right);
    xw_attr_int(x, "w:bottom", p->pg_bottom);
    xw_attr_int(x, "w:left", p->pg_left);
    xw_attr(x, "w:header", "851");
    xw_attr(x, "w:footer", p->gbt ? "1247" : "992");
    xw_attr(x, "w:gutter", "0");
    xw_end(x);
    xw_start(x, "w:cols");
    xw_attr(x, "w:space", "425");
    xw_end(x);
    /* the official layout sets lines on a grid; the plain one must not snap
     * 1.5-spaced lines to two grid lines */
    xw_start(x, "w:docGrid");
    if (p->gbt)
        xw_attr(x, "w:type", "lines");
    xw_attr_int(x, "w:linePitch", p->line_exact ? p->line : 312);
    xw_end(x);
    xw_end(x);
}

/* The document part, written a piece at a time as the archive is closed
 * (a long document's markup is never held whole): the opening, the title
 * and the table of contents; then a block a piece; then the section. */
typedef struct {
    const zhtidy_doc *doc;
    const zhtidy_docx_options *wo;
    const preset *p;
    size_t next, n; /* the block to write next, of N */
    int id;         /* the last heading's bookmark */
    bool opened;
} document_part;

static void document_restart(void *ctx)
{
    document_part *d = ctx;
    d->next = 0;
    d->n = zhtidy_doc_block_count(d->doc);
    d->id = 0;
    d->opened = false;
}

static void document_open(document_part *d, xmlw *x)
{
    xw_start(x, "w:document");
    xw_attr(x, "xmlns:w", W_NS);
    xw_attr(x, "xmlns:r", R_NS);
    xw_start(x, "w:body");
    const char *title = zhtidy_doc_meta(d->doc, ZHTIDY_META_TITLE);
    if (title)
        paragraph(x, "Title", title, strlen(title));
    size_t headings = 0;
    for (size_t i = 0; i < d->n; i++)
        headings += zhtidy_doc_block_type(d->doc, i) == ZHTIDY_HEADING;
    if (d->wo->toc == 1 ? headings > 0 : d->wo->toc == -1 && headings >= 3)
        toc(x, d->doc, d->p);
}

static void document_block(document_part *d, xmlw *x, size_t i)
{
    size_t len;
    const char *t = zhtidy_doc_block_text(d->doc, i, &len);
    if (zhtidy_doc_block_type(d->doc, i) != ZHTIDY_HEADING) {
        paragraph(x, "BodyText", t, len);
        return;
    }
    char style[16], name[32];
    snprintf(style, sizeof style, "Heading%d", zhtidy_doc_block_level(d->doc, i));
    snprintf(name, sizeof name, "_Toc%d", ++d->id);
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", style);
    xw_end(x);
    xw_start(x, "w:bookmarkStart");
    xw_attr_int(x, "w:id", d->id);
    xw_attr(x, "w:name", name);
    xw_end(x);
    runs(x, t, len);
    xw_start(x, "w:bookmarkEnd");
    xw_attr_int(x, "w:id", d->id);
    xw_end(x);
    xw_end(x);
}

static bool document_step(void *ctx, xmlw *x)
{
    document_part *d = ctx;
    if (!d->opened) {
        document_open(d, x);
        d->opened = true;
        return true;
    }
    if (d->next < d->n) {
        document_block(d, x, d->next++);
        return true;
    }
    section(x, d->p);
    return false; /* the last piece */
}

/* ---- styles.xml ----------------------------------------------------------- */

static void fonts_elem(xmlw *x, const font *ea)
{
    xw_start(x, "w:rFonts");
    xw_attr(x, "w:ascii", TNR.name);
    xw_attr(x, "w:eastAsia", ea->name);
    xw_attr(x, "w:hAnsi", TNR.name);
    xw_attr(x, "w:cs", TNR.name);
    xw_end(x);
}

static void rpr(xmlw *x, const font *ea, int sz, bool bold, const char *lang)
{
    char v[16];
    xw_start(x, "w:rPr");
    fonts_elem(x, ea);
    if (bold) {
        xw_start(x, "w:b");
        xw_end(x);
        xw_start(x, "w:bCs");
        xw_end(x);
    }
    if (sz) {
        snprintf(v, sizeof v, "%d", sz);
        xw_elem_attr(x, "w:sz", "w:val", v);
        xw_elem_attr(x, "w:szCs", "w:val", v);
    }
    if (lang) {
        xw_start(x, "w:lang");
        xw_attr(x, "w:val", "en-US");
        xw_attr(x, "w:eastAsia", lang);
        xw_attr(x, "w:bidi", "ar-SA");
        xw_end(x);
    }
    xw_end(x);
}

static void spacing(xmlw *x, int before, int after, const preset *p)
{
    xw_start(x, "w:spacing");
    xw_attr_int(x, "w:before", before);
    xw_attr_int(x, "w:after", after);
    xw_attr_int(x, "w:line", p->line);
    xw_attr(x, "w:lineRule", p->line_exact ? "exact" : "auto");
    xw_end(x);
}

static void style_head(xmlw *x, const char *type, const char *id, const char *name,
                       const char *based, bool def)
{
    xw_start(x, "w:style");
    xw_attr(x, "w:type", type);
    if (def)
        xw_attr(x, "w:default", "1");
    xw_attr(x, "w:styleId", id);
    xw_elem_attr(x, "w:name", "w:val", name);
    if (based)
        xw_elem_attr(x, "w:basedOn", "w:val", based);
}

static void heading_style(xmlw *x, const preset *p, int level)
{
    char id[16], name[16], lvl[16];
    snprintf(id, sizeof id, "Heading%d", level);
    snprintf(name, sizeof name, "heading %d", level);
    snprintf(lvl, sizeof lvl, "%d", level - 1);
    style_head(x, "paragraph", id, name, "Normal", false);
    xw_elem_attr(x, "w:next", "w:val", "BodyText");
    xw_elem_attr(x, "w:uiPriority", "w:val", "9");
    xw_start(x, "w:qFormat");
    xw_end(x);
    xw_start(x, "w:pPr");
    xw_start(x, "w:keepNext");
    xw_end(x);
    xw_start(x, "w:keepLines");
    xw_end(x);
    spacing(x, p->gbt ? 0 : 240, p->gbt ? 0 : 120, p);
    if (p->gbt) {
        xw_start(x, "w:ind");
        xw_attr(x, "w:firstLineChars", "200");
        xw_attr_int(x, "w:firstLine", p->body_sz * 20);
        xw_end(x);
    }
    xw_elem_attr(x, "w:outlineLvl", "w:val", lvl);
    xw_end(x);
    rpr(x, p->heading[level - 1], p->heading_sz[level - 1], p->heading_bold[level - 1], NULL);
    xw_end(x);
}

static void toc_style(xmlw *x, const preset *p, int level)
{
    char id[8], name[8];
    snprintf(id, sizeof id, "TOC%d", level);
    snprintf(name, sizeof name, "toc %d", level);
    style_head(x, "paragraph", id, name, "Normal", false);
    xw_elem_attr(x, "w:next", "w:val", "Normal");
    xw_elem_attr(x, "w:uiPriority", "w:val", "39");
    xw_start(x, "w:unhideWhenUsed");
    xw_end(x);
    xw_start(x, "w:pPr");
    xw_start(x, "w:ind");
    xw_attr_int(x, "w:leftChars", (level - 1) * 200);
    xw_attr_int(x, "w:left", (level - 1) * p->body_sz * 20);
    xw_end(x);
    xw_end(x);
    xw_end(x);
}

static xmlw *styles(const preset *p, const char *lang)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "w:styles");
    xw_attr(x, "xmlns:w", W_NS);
    xw_start(x, "w:docDefaults");
    xw_start(x, "w:rPrDefault");
    rpr(x, p->body, p->body_sz, false, lang);
    xw_end(x);
    xw_start(x, "w:pPrDefault");
    xw_start(x, "w:pPr");
    spacing(x, 0, 0, p);
    xw_elem_attr(x, "w:jc", "w:val", "both");
    xw_end(x);
    xw_end(x);
    xw_end(x);

    style_head(x, "paragraph", "Normal", "Normal", NULL, true);
    xw_start(x, "w:qFormat");
    xw_end(x);
    xw_start(x, "w:pPr");
    xw_start(x, "w:widowControl");
    xw_attr(x, "w:val", "0");
    xw_end(x);
    xw_end(x);
    xw_end(x);

    /* the body style carries the indent, so Normal stays usable for tables */
    style_head(x, "paragraph", "BodyText", "Body Text", "Normal", false);
    xw_elem_attr(x, "w:uiPriority", "w:val", "1");
    xw_start(x, "w:qFormat");
    xw_end(x);
    xw_start(x, "w:pPr");
    xw_start(x, "w:ind");
    xw_attr(x, "w:firstLineChars", "200");
    xw_attr_int(x, "w:firstLine", p->body_sz * 20);
    xw_end(x);
    xw_end(x);
    xw_end(x);

    style_head(x, "paragraph", "Title", "Title", "Normal", false);
    xw_elem_attr(x, "w:next", "w:val", "BodyText");
    xw_elem_attr(x, "w:uiPriority", "w:val", "10");
    xw_start(x, "w:qFormat");
    xw_end(x);
    xw_start(x, "w:pPr");
    spacing(x, p->gbt ? 0 : 240, p->gbt ? 579 : 240, p);
    xw_elem_attr(x, "w:jc", "w:val", "center");
    xw_elem_attr(x, "w:outlineLvl", "w:val", "9");
    xw_end(x);
    rpr(x, p->title, p->title_sz, !p->gbt, NULL);
    xw_end(x);

    for (int level = 1; level <= 4; level++)
        heading_style(x, p, level);

    style_head(x, "paragraph", "TOCHeading", "TOC Heading", "Heading1", false);
    xw_elem_attr(x, "w:next", "w:val", "Normal");
    xw_elem_attr(x, "w:uiPriority", "w:val", "39");
    xw_start(x, "w:unhideWhenUsed");
    xw_end(x);
    xw_start(x, "w:qFormat");
    xw_end(x);
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:jc", "w:val", "center");
    xw_elem_attr(x, "w:outlineLvl", "w:val", "9");
    xw_end(x);
    xw_end(x);
    for (int level = 1; level <= 4; level++)
        toc_style(x, p, level);

    style_head(x, "paragraph", "Footer", "footer", "Normal", false);
    xw_elem_attr(x, "w:uiPriority", "w:val", "99");
    xw_start(x, "w:unhideWhenUsed");
    xw_end(x);
    xw_start(x, "w:pPr");
    xw_start(x, "w:spacing");
    xw_attr(x, "w:line", "240");
    xw_attr(x, "w:lineRule", "auto");
    xw_end(x);
    xw_end(x);
    rpr(x, &SONG, p->gbt ? 28 : 18, false, NULL);
    xw_end(x);

    style_head(x, "character", "Hyperlink", "Hyperlink", NULL, false);
    xw_elem_attr(x, "w:uiPriority", "w:val", "99");
    xw_start(x, "w:unhideWhenUsed");
    xw_end(x);
    xw_start(x, "w:rPr");
    xw_elem_attr(x, "w:color", "w:val", "0563C1");
    xw_elem_attr(x, "w:u", "w:val", "single");
    xw_end(x);
    xw_end(x);
    return x;
}

/* ---- settings, fonts, footers --------------------------------------------- */

static xmlw *settings(const preset *p, const char *lang)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "w:settings");
    xw_attr(x, "xmlns:w", W_NS);
    xw_elem_attr(x, "w:zoom", "w:percent", "100");
    xw_elem_attr(x, "w:defaultTabStop", "w:val", "420");
    if (p->gbt) {
        xw_start(x, "w:evenAndOddHeaders");
        xw_end(x);
    }
    xw_elem_attr(x, "w:drawingGridVerticalSpacing", "w:val", p->line_exact ? "579" : "156");
    xw_elem_attr(x, "w:characterSpacingControl", "w:val", "compressPunctuation");
    xw_start(x, "w:compat");
    xw_start(x, "w:compatSetting");
    xw_attr(x, "w:name", "compatibilityMode");
    xw_attr(x, "w:uri", "http://schemas.microsoft.com/office/word");
    xw_attr(x, "w:val", "15");
    xw_end(x);
    xw_end(x);
    xw_start(x, "w:themeFontLang");
    xw_attr(x, "w:val", "en-US");
    xw_attr(x, "w:eastAsia", lang);
    xw_end(x);
    xw_elem_attr(x, "w:decimalSymbol", "w:val", ".");
    xw_elem_attr(x, "w:listSeparator", "w:val", ",");
    return x;
}

static void font_entry(xmlw *x, const font *f, bool cjk)
{
    xw_start(x, "w:font");
    xw_attr(x, "w:name", f->name);
    if (f->alt)
        xw_elem_attr(x, "w:altName", "w:val", f->alt);
    xw_elem_attr(x, "w:panose1", "w:val", f->panose);
    xw_elem_attr(x, "w:charset", "w:val", cjk ? "86" : "00");
    xw_elem_attr(x, "w:family", "w:val", f->family);
    xw_elem_attr(x, "w:pitch", "w:val", f->pitch);
    xw_end(x);
}

static xmlw *font_table(const preset *p)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "w:fonts");
    xw_attr(x, "xmlns:w", W_NS);
    font_entry(x, &TNR, false);
    font_entry(x, &SONG, true);
    font_entry(x, &HEI, true);
    if (p->gbt) {
        font_entry(x, &FANGSONG, true);
        font_entry(x, &KAI, true);
        font_entry(x, &XBS, true);
    }
    return x;
}

/* A footer with the page number: centred, or "— 1 —" at the outer edge. */
static xmlw *footer(const preset *p, const char *jc)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "w:ftr");
    xw_attr(x, "xmlns:w", W_NS);
    xw_attr(x, "xmlns:r", R_NS);
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", "Footer");
    if (p->gbt) {
        xw_start(x, "w:ind");
        xw_attr(x, strcmp(jc, "right") ? "w:leftChars" : "w:rightChars", "100");
        xw_attr(x, strcmp(jc, "right") ? "w:left" : "w:right", "280");
        xw_end(x);
    }
    xw_elem_attr(x, "w:jc", "w:val", jc);
    xw_end(x);
    static const char dash[] = "— ", dash2[] = " —";
    if (p->gbt)
        run(x, dash, sizeof dash - 1, true);
    field_run(x, "begin");
    instr_run(x, " PAGE ");
    field_run(x, "separate");
    run(x, "1", 1, false);
    field_run(x, "end");
    if (p->gbt)
        run(x, dash2, sizeof dash2 - 1, true);
    return x;
}

/* ---- package parts --------------------------------------------------------- */

static xmlw *content_types(const preset *p)
{
    static const char *parts[][2] = {
        {"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
        {"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
        {"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
        {"/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"},
        {"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
        {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
        {"/word/footer2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
    };
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "Types");
    xw_attr(x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    xw_start(x, "Default");
    xw_attr(x, "Extension", "rels");
    xw_attr(x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
    xw_end(x);
    xw_start(x, "Default");
    xw_attr(x, "Extension", "xml");
    xw_attr(x, "ContentType", "application/xml");
    xw_end(x);
    size_t n = sizeof parts / sizeof parts[0] - (p->gbt ? 0 : 1);
    for (size_t i = 0; i < n; i++) {
        xw_start(x, "Override");
        xw_attr(x, "PartName", parts[i][0]);
        xw_attr(x, "ContentType", parts[i][1]);
        xw_end(x);
    }
    return x;
}

static void relationship(xmlw *x, const char *id, const char *type, const char *target)
{
    xw_start(x, "Relationship");
    xw_attr(x, "Id", id);
    xw_attr(x, "Type", type);
    xw_attr(x, "Target", target);
    xw_end(x);
}

static xmlw *package_rels(void)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "Relationships");
    xw_attr(x, "xmlns", REL_NS);
    relationship(x, "rId1", OFFICE_REL "officeDocument", "word/document.xml");
    relationship(x, "rId2",
                 "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 "docProps/core.xml");
    relationship(x, "rId3", OFFICE_REL "extended-properties", "docProps/app.xml");
    return x;
}

static xmlw *document_rels(const preset *p)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "Relationships");
    xw_attr(x, "xmlns", REL_NS);
    relationship(x, "rIdStyles", OFFICE_REL "styles", "styles.xml");
    relationship(x, "rIdSettings", OFFICE_REL "settings", "settings.xml");
    relationship(x, "rIdFonts", OFFICE_REL "fontTable", "fontTable.xml");
    relationship(x, "rIdFooter1", OFFICE_REL "footer", "footer1.xml");
    if (p->gbt)
        relationship(x, "rIdFooter2", OFFICE_REL "footer", "footer2.xml");
    return x;
}

static void optional_text(xmlw *x, const char *name, const char *value)
{
    if (value && *value)
        xw_elem_text(x, name, value);
}

static xmlw *core(const zhtidy_doc *doc, const zhtidy_docx_options *wo)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "cp:coreProperties");
    xw_attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    xw_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    xw_attr(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
    xw_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    optional_text(x, "dc:title", zhtidy_doc_meta(doc, ZHTIDY_META_TITLE));
    optional_text(x, "dc:subject", zhtidy_doc_meta(doc, ZHTIDY_META_CATEGORY));
    optional_text(x, "cp:keywords", zhtidy_doc_meta(doc, ZHTIDY_META_KEYWORDS));
    optional_text(x, "dc:language", zhtidy_doc_meta(doc, ZHTIDY_META_LANG));
    optional_text(x, "cp:category", zhtidy_doc_meta(doc, ZHTIDY_META_CATEGORY));
    static const char *dates[] = {"dcterms:created", "dcterms:modified"};
    char date[32];
    zt_iso_date(wo->epoch, date);
    for (int i = 0; i < 2; i++) {
        xw_start(x, dates[i]);
        xw_attr(x, "xsi:type", "dcterms:W3CDTF");
        xw_text(x, date, strlen(date));
        xw_end(x);
    }
    return x;
}

static xmlw *app(void)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "Properties");
    xw_attr(x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    xw_elem_text(x, "Application", "zhtidy " ZHTIDY_VERSION_STRING);
    return x;
}

/* Word knows regions, not scripts: zh-Hant and zh-Hans become TW and CN. */
static const char *word_lang(const zhtidy_doc *doc)
{
    const char *l = zhtidy_doc_meta(doc, ZHTIDY_META_LANG);
    if (!l || !strcmp(l, "zh-Hans"))
        return "zh-CN";
    if (!strcmp(l, "zh-Hant"))
        return "zh-TW";
    return l;
}

void zhtidy_docx_options_init(zhtidy_docx_options *o)
{
    o->style = ZHTIDY_DOCX_PLAIN;
    o->toc = -1;
    o->epoch = zt_default_epoch();
}

zhtidy_status zhtidy_write_docx(const zhtidy_doc *doc, const zhtidy_docx_options *opts,
                                zhtidy_sink sink, void *userdata)
{
    zhtidy_docx_options defaults;
    if (!opts) {
        zhtidy_docx_options_init(&defaults);
        opts = &defaults;
    }
    if (!doc || !sink)
        return ZHTIDY_ERR_ARG;
    const preset *p = opts->style == ZHTIDY_DOCX_GBT9704 ? &GBT9704 : &PLAIN;
    const char *lang = word_lang(doc);
    zipw *z = zipw_new(opts->epoch);
    if (!z)
        return ZHTIDY_ERR_NOMEM;
    zipw_add_xml(z, "[Content_Types].xml", content_types(p));
    zipw_add_xml(z, "_rels/.rels", package_rels());
    zipw_add_xml(z, "docProps/core.xml", core(doc, opts));
    zipw_add_xml(z, "docProps/app.xml", app());
    document_part part = {.doc = doc, .wo = opts, .p = p};
    zipw_add_stream(z, "word/document.xml", document_step, document_restart, &part);
    zipw_add_xml(z, "word/_rels/document.xml.rels", document_rels(p));
    zipw_add_xml(z, "word/styles.xml", styles(p, lang));
    zipw_add_xml(z, "word/settings.xml", settings(p, lang));
    zipw_add_xml(z, "word/fontTable.xml", font_table(p));
    zipw_add_xml(z, "word/footer1.xml", footer(p, p->gbt ? "right" : "center"));
    if (p->gbt)
        zipw_add_xml(z, "word/footer2.xml", footer(p, "left"));
    return zipw_finish(z, sink, userdata);
}
