/* SPDX-License-Identifier: MIT */
/* docx_parts.c - the DOCX presets, text runs, and the WordprocessingML
 * parts that do not depend on the document's blocks: styles, settings,
 * fonts and footers. */
#include "docx.h"

#include <stdio.h>
#include <string.h>

/* ---- the two presets ---------------------------------------------------- */

static const zt_docx_font SONG = {"宋体", "SimSun", "auto", "variable", "02010600030101010101"};
static const zt_docx_font HEI = {"黑体", "SimHei", "modern", "fixed", "02010609060101010101"};
static const zt_docx_font FANGSONG = {"仿宋", "FangSong", "modern", "fixed",
                                       "02010609060101010101"};
static const zt_docx_font KAI = {"楷体", "KaiTi", "modern", "fixed", "02010609060101010101"};
static const zt_docx_font XBS = {"方正小标宋简体", "FZXiaoBiaoSong-B05S", "script",
                                  "variable", "02010601030101010101"};
static const zt_docx_font TNR = {"Times New Roman", NULL, "roman", "variable",
                                  "02020603050405020304"};
static const zt_docx_font COURIER = {"Courier New", NULL, "modern", "fixed",
                                      "02070309020205020404"};

/* Word's Chinese defaults: 宋体 小四 (12 pt) body, 黑体 headings. */
static const zt_docx_preset PLAIN = {
    &SONG, &HEI, {&HEI, &HEI, &HEI, &HEI}, 24, 44, {32, 30, 28, 24}, {true, true, true, true},
    360, false, 1440, 1440, 1800, 1800, 34, false, false, 0,
};

static const zt_docx_font MINGLIU = {"新細明體", "PMingLiU", "roman", "variable",
                                      "02020500000000000000"};
static const zt_docx_font JHENGHEI = {"微軟正黑體", "Microsoft JhengHei", "swiss", "variable",
                                       "020B0604030504040204"};

/* GB/T 9704: 仿宋 三号 (16 pt) body on a 28.95 pt exact pitch, 小标宋 二号
 * title, 黑体 / 楷体 / 仿宋 headings, margins 37/35/28/26 mm. */
static const zt_docx_preset GBT9704 = {
    &FANGSONG, &XBS, {&HEI, &KAI, &FANGSONG, &FANGSONG}, 32, 44, {32, 32, 32, 32},
    {false, false, true, false}, 579, true, 2098, 1984, 1588, 1474, 28, true, false, 0,
};

zt_docx_preset zt_docx_preset_of(zhtidy_docx_style style, bool hant)
{
    if (style == ZHTIDY_DOCX_GBT9704)
        return GBT9704;
    zt_docx_preset p = PLAIN;
    if (hant) { /* the same, with the fonts of Taiwan's Word */
        p.body = &MINGLIU;
        p.title = &JHENGHEI;
        for (int i = 0; i < 4; i++)
            p.heading[i] = &JHENGHEI;
        p.hant = true;
    }
    return p;
}

int zt_docx_text_width(const zt_docx_preset *p)
{
    return (p->pg_width ? p->pg_width : 11906) - p->pg_left - p->pg_right;
}

int zt_docx_char_spacing(const zt_docx_preset *p)
{
    if (!p->gbt)
        return 0;
    int width = zt_docx_text_width(p), size = p->body_sz * 10;
    int space = (width - p->line_chars * size) / p->line_chars;
    if (space * p->line_chars + p->line_chars * size > width)
        space--;
    return space;
}

/* ---- text runs ---------------------------------------------------------- */

/* Characters Word must lay out with the East Asian font. */
static bool east_asian(unsigned long c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || c == 0x201C || c == 0x201D || c == 0x2018 ||
           c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x2015;
}

void zt_docx_run(xmlw *x, const char *t, size_t len, bool hint)
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

void zt_docx_runs(xmlw *x, const char *t, size_t len)
{
    size_t start = 0, i = 0;
    bool cur = false;
    while (i < len) {
        size_t at = i;
        bool ea = east_asian((unsigned long)zt_utf8_next(t, len, &i));
        if (at > start && ea != cur) {
            zt_docx_run(x, t + start, at - start, cur);
            start = at;
        }
        cur = ea;
    }
    if (len > start)
        zt_docx_run(x, t + start, len - start, cur);
}

void zt_docx_paragraph(xmlw *x, const char *style, const char *t, size_t len)
{
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", style);
    xw_end(x);
    zt_docx_runs(x, t, len);
    xw_end(x);
}

void zt_docx_field_run(xmlw *x, const char *type)
{
    xw_start(x, "w:r");
    xw_elem_attr(x, "w:fldChar", "w:fldCharType", type);
    xw_end(x);
}

void zt_docx_instr_run(xmlw *x, const char *instr)
{
    xw_start(x, "w:r");
    xw_start(x, "w:instrText");
    xw_attr(x, "xml:space", "preserve");
    xw_text(x, instr, strlen(instr));
    xw_end(x);
    xw_end(x);
}

/* ---- styles.xml ----------------------------------------------------------- */

static void fonts_elem(xmlw *x, const zt_docx_font *ea)
{
    xw_start(x, "w:rFonts");
    xw_attr(x, "w:ascii", TNR.name);
    xw_attr(x, "w:eastAsia", ea->name);
    xw_attr(x, "w:hAnsi", TNR.name);
    xw_attr(x, "w:cs", TNR.name);
    xw_end(x);
}

static void rpr(xmlw *x, const zt_docx_font *ea, int sz, bool bold, const char *lang)
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

static void spacing(xmlw *x, int before, int after, const zt_docx_preset *p)
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

static void heading_style(xmlw *x, const zt_docx_preset *p, int level)
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

static void toc_style(xmlw *x, const zt_docx_preset *p, int level)
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

static void qformat(xmlw *x)
{
    xw_start(x, "w:qFormat");
    xw_end(x);
}

/* Single-spaced and off the document grid, as dense text wants. */
static void tight(xmlw *x)
{
    xw_elem_attr(x, "w:snapToGrid", "w:val", "0");
    xw_start(x, "w:spacing");
    xw_attr(x, "w:before", "0");
    xw_attr(x, "w:after", "0");
    xw_attr(x, "w:line", "240");
    xw_attr(x, "w:lineRule", "auto");
    xw_end(x);
}

/* Code: monospace Latin text beside the body's East Asian font, on a grey
 * ground.  Named "Source Code" as pandoc and the reference documents made
 * with it name it, so that converters take such paragraphs for code. */
static void code_style(xmlw *x, const zt_docx_preset *p)
{
    style_head(x, "paragraph", "Code", "Source Code", "Normal", false);
    qformat(x);
    xw_start(x, "w:pPr");
    xw_start(x, "w:shd");
    xw_attr(x, "w:val", "clear");
    xw_attr(x, "w:color", "auto");
    xw_attr(x, "w:fill", "F2F2F2");
    xw_end(x);
    xw_elem_attr(x, "w:autoSpaceDE", "w:val", "0");
    xw_elem_attr(x, "w:autoSpaceDN", "w:val", "0");
    tight(x);
    xw_elem_attr(x, "w:jc", "w:val", "left");
    xw_end(x);
    xw_start(x, "w:rPr");
    xw_start(x, "w:rFonts");
    xw_attr(x, "w:ascii", COURIER.name);
    xw_attr(x, "w:eastAsia", p->body->name);
    xw_attr(x, "w:hAnsi", COURIER.name);
    xw_attr(x, "w:cs", COURIER.name);
    xw_end(x);
    xw_start(x, "w:noProof");
    xw_end(x);
    xw_start(x, "w:sz");
    xw_attr_int(x, "w:val", p->body_sz * 7 / 8);
    xw_end(x);
    xw_start(x, "w:szCs");
    xw_attr_int(x, "w:val", p->body_sz * 7 / 8);
    xw_end(x);
    xw_end(x);
    xw_end(x);
}

/* The styles of lists, tables and code, in the documents that hold them.
 * List paragraphs take their indents from the numbering; table text has
 * no first-line indent, and header cells are bold and centred. */
static void block_styles(xmlw *x, const zt_docx_preset *p, unsigned features)
{
    if (features & ZT_DOCX_LISTS) {
        style_head(x, "paragraph", "ListParagraph", "List Paragraph", "Normal", false);
        xw_elem_attr(x, "w:uiPriority", "w:val", "34");
        qformat(x);
        xw_end(x);
    }
    if (features & ZT_DOCX_TABLES) {
        style_head(x, "paragraph", "TableText", "Table Text", "Normal", false);
        qformat(x);
        xw_start(x, "w:pPr");
        tight(x);
        xw_end(x);
        xw_end(x);
        style_head(x, "paragraph", "TableHeading", "Table Heading", "TableText", false);
        qformat(x);
        xw_start(x, "w:pPr");
        xw_elem_attr(x, "w:jc", "w:val", "center");
        xw_end(x);
        xw_start(x, "w:rPr");
        xw_start(x, "w:b");
        xw_end(x);
        xw_start(x, "w:bCs");
        xw_end(x);
        xw_end(x);
        xw_end(x);
    }
    if (features & ZT_DOCX_CODE)
        code_style(x, p);
}

xmlw *zt_docx_styles(const zt_docx_preset *p, const char *lang, unsigned features)
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
    /* 28 characters of 16 pt are 448 pt, and GB/T 9704's 156 mm of text
     * are 442 pt: the characters are set a little closer (w:spacing, in
     * twips; rounded down so that 28 fit).  A grid of lines and characters
     * with a negative w:charSpace does this in Word, but LibreOffice gives
     * such a character two cells and sets 14 a line. */
    if (p->gbt) {
        xw_start(x, "w:rPr");
        xw_start(x, "w:spacing");
        xw_attr_int(x, "w:val", zt_docx_char_spacing(p));
        xw_end(x);
        xw_end(x);
    }
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
    rpr(x, p->hant ? &MINGLIU : &SONG, p->gbt ? 28 : 18, false, NULL);
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
    block_styles(x, p, features);
    return x;
}

/* ---- settings, fonts, footers --------------------------------------------- */

xmlw *zt_docx_settings(const zt_docx_preset *p, const char *lang)
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

static void font_entry(xmlw *x, const zt_docx_font *f, bool cjk)
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

xmlw *zt_docx_font_table(const zt_docx_preset *p, unsigned features)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "w:fonts");
    xw_attr(x, "xmlns:w", W_NS);
    font_entry(x, &TNR, false);
    if (p->hant) {
        font_entry(x, &MINGLIU, true);
        font_entry(x, &JHENGHEI, true);
    } else {
        font_entry(x, &SONG, true);
        font_entry(x, &HEI, true);
    }
    if (p->gbt) {
        font_entry(x, &FANGSONG, true);
        font_entry(x, &KAI, true);
        font_entry(x, &XBS, true);
    }
    if (features & ZT_DOCX_CODE)
        font_entry(x, &COURIER, false);
    return x;
}

/* A footer with the page number: centred, or "— 1 —" at the outer edge. */
xmlw *zt_docx_footer(const zt_docx_preset *p, const char *jc)
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
        zt_docx_run(x, dash, sizeof dash - 1, true);
    zt_docx_field_run(x, "begin");
    zt_docx_instr_run(x, " PAGE ");
    zt_docx_field_run(x, "separate");
    zt_docx_run(x, "1", 1, false);
    zt_docx_field_run(x, "end");
    if (p->gbt)
        zt_docx_run(x, dash2, sizeof dash2 - 1, true);
    return x;
}
