/* SPDX-License-Identifier: MIT */
/* write_docx.c - the document tree as a WordprocessingML package.
 *
 * Chinese typesetting as Word and WPS expect it: East Asian fonts named in
 * w:rFonts w:eastAsia (never theme fonts), w:lang w:eastAsia from the
 * tree's language, w:hint="eastAsia" on runs of CJK text and “”‘’—…·, a
 * two-character first-line indent on the body style, the built-in heading
 * styles with w:outlineLvl, and a table of contents whose result is filled
 * in, with links to bookmarks on the headings, so Word shows it without
 * asking to update fields.  List items are numbered paragraphs through a
 * numbering part (docx_lists.c), tables are Word tables across the text
 * width (docx_table.c), code is a monospace paragraph a line.  Element
 * order follows the ECMA-376 schema.  This file writes the document part
 * and drives the package; the parts that do not depend on the blocks are
 * in docx_parts.c and docx_package.c. */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- document.xml -------------------------------------------------------- */

/* One TOC entry: a link to the heading's bookmark, a dot leader and the
 * page number it will most likely have (Word corrects it on update). */
static void toc_entry(xmlw *x, const zt_docx_preset *p, int level, int id, const char *t,
                      size_t len, int page, bool first)
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
    xw_attr_int(x, "w:pos", zt_docx_text_width(p));
    xw_end(x);
    xw_end(x);
    xw_end(x);
    if (first) {
        zt_docx_field_run(x, "begin");
        zt_docx_instr_run(x, " TOC \\o \"1-4\" \\h \\z \\u ");
        zt_docx_field_run(x, "separate");
    }
    xw_start(x, "w:hyperlink");
    xw_attr(x, "w:anchor", anchor);
    xw_attr(x, "w:history", "1");
    zt_docx_runs(x, t, len);
    xw_start(x, "w:r");
    xw_start(x, "w:tab");
    xw_end(x);
    xw_end(x);
    zt_docx_field_run(x, "begin");
    snprintf(instr, sizeof instr, " PAGEREF %s \\h ", anchor);
    zt_docx_instr_run(x, instr);
    zt_docx_field_run(x, "separate");
    snprintf(num, sizeof num, "%d", page);
    zt_docx_run(x, num, strlen(num), false);
    zt_docx_field_run(x, "end");
    xw_end(x);
    xw_end(x);
}

static void toc(xmlw *x, const zhtidy_doc *doc, const zt_docx_preset *p)
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
    const char *heading = p->hant ? "目錄" : "目录";
    zt_docx_paragraph(x, "TOCHeading", heading, strlen(heading));
    size_t n = zhtidy_doc_block_count(doc), entries = 0;
    for (size_t i = 0; i < n; i++)
        entries += zhtidy_doc_block_type(doc, i) == ZHTIDY_HEADING;
    /* the pages the document will most likely have; Word puts in the real
     * ones when the field is updated */
    int *pages = calloc(entries ? entries : 1, sizeof *pages);
    if (pages)
        zt_docx_heading_pages(doc, p, zhtidy_doc_meta(doc, ZHTIDY_META_TITLE), heading, pages);
    int id = 0;
    for (size_t i = 0; i < n; i++) {
        if (zhtidy_doc_block_type(doc, i) != ZHTIDY_HEADING)
            continue;
        size_t len;
        const char *t = zhtidy_doc_block_text(doc, i, &len);
        toc_entry(x, p, zhtidy_doc_block_level(doc, i), id + 1, t, len, pages ? pages[id] : 1,
                  id == 0);
        id++;
    }
    free(pages);
    /* the field ends, and the body starts on a page of its own */
    xw_start(x, "w:p");
    zt_docx_field_run(x, "end");
    xw_start(x, "w:r");
    xw_start(x, "w:br");
    xw_attr(x, "w:type", "page");
    xw_end(x);
    xw_end(x);
    xw_end(x);
    xw_end(x);
    xw_end(x);
}

static void footer_refs(xmlw *x, const zt_docx_preset *p)
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

/* The section: the footers, then the page.  A reference document's page
 * (size, margins, columns, grid) is taken an element at a time; what it
 * lacks is the preset's. */
static void section(xmlw *x, const zt_docx_preset *p, const zt_docx_ref *ref)
{
    xw_start(x, "w:sectPr");
    footer_refs(x, p);
    if (!zt_docx_ref_section(ref, x, "pgSz")) {
        xw_start(x, "w:pgSz");
        xw_attr(x, "w:w", "11906");
        xw_attr(x, "w:h", "16838");
        xw_end(x);
    }
    if (!zt_docx_ref_section(ref, x, "pgMar")) {
        xw_start(x, "w:pgMar");
        xw_attr_int(x, "w:top", p->pg_top);
        xw_attr_int(x, "w:right", p->pg_right);
        xw_attr_int(x, "w:bottom", p->pg_bottom);
        xw_attr_int(x, "w:left", p->pg_left);
        xw_attr(x, "w:header", "851");
        xw_attr(x, "w:footer", p->gbt ? "1247" : "992");
        xw_attr(x, "w:gutter", "0");
        xw_end(x);
    }
    if (!zt_docx_ref_section(ref, x, "cols")) {
        xw_start(x, "w:cols");
        xw_attr(x, "w:space", "425");
        xw_end(x);
    }
    /* the official layout sets its 22 lines on a grid (its 28 characters a
     * line come from the Normal style's spacing); the plain one must not
     * snap 1.5-spaced lines to two grid lines */
    if (!zt_docx_ref_section(ref, x, "docGrid")) {
        xw_start(x, "w:docGrid");
        if (p->gbt)
            xw_attr(x, "w:type", "lines");
        xw_attr_int(x, "w:linePitch", p->line_exact ? p->line : 312);
        xw_end(x);
    }
    xw_end(x);
}

/* The document part, written a piece at a time as the archive is closed
 * (a long document's markup is never held whole): the opening, the title
 * and the table of contents; then a block (a whole table, a whole code
 * block) a piece; then the section. */
typedef struct {
    const zhtidy_doc *doc;
    const zhtidy_docx_options *wo;
    const zt_docx_preset *p;
    const zt_docx_ref *ref; /* the reference document, or NULL */
    unsigned num_base;      /* our lists' ids follow its own */
    size_t next, n; /* the block to write next, of N */
    int id;         /* the last heading's bookmark */
    zt_docx_lists lists;
    bool opened;
} document_part;

static void document_restart(void *ctx)
{
    document_part *d = ctx;
    d->next = 0;
    d->n = zhtidy_doc_block_count(d->doc);
    d->id = 0;
    d->lists = (zt_docx_lists){0};
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
        zt_docx_paragraph(x, "Title", title, strlen(title));
    size_t headings = 0;
    for (size_t i = 0; i < d->n; i++)
        headings += zhtidy_doc_block_type(d->doc, i) == ZHTIDY_HEADING;
    /* automatic: three headings or more; never for an official document
     * (GB/T 9704 has none), unless asked for */
    if (d->wo->toc == 1 ? headings > 0 : d->wo->toc == -1 && headings >= 3 && !d->p->gbt)
        toc(x, d->doc, d->p);
}

static void heading(document_part *d, xmlw *x, size_t i, const char *t, size_t len)
{
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
    zt_docx_runs(x, t, len);
    xw_start(x, "w:bookmarkEnd");
    xw_attr_int(x, "w:id", d->id);
    xw_end(x);
    xw_end(x);
}

static void list_item(xmlw *x, unsigned num, int ilvl, const char *t, size_t len)
{
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", "ListParagraph");
    xw_start(x, "w:numPr");
    xw_start(x, "w:ilvl");
    xw_attr_int(x, "w:val", ilvl);
    xw_end(x);
    xw_start(x, "w:numId");
    xw_attr_int(x, "w:val", num);
    xw_end(x);
    xw_end(x);
    xw_end(x);
    zt_docx_runs(x, t, len);
    xw_end(x);
}

/* A line of code, as it is: spaces kept, tabs as tabs, no East Asian
 * hints. */
static void code_line(xmlw *x, const char *t, size_t len)
{
    xw_start(x, "w:p");
    xw_start(x, "w:pPr");
    xw_elem_attr(x, "w:pStyle", "w:val", "Code");
    xw_end(x);
    if (len)
        xw_start(x, "w:r");
    for (size_t s = 0; s < len;) {
        size_t e = s;
        while (e < len && t[e] != '\t')
            e++;
        if (e > s) {
            xw_start(x, "w:t");
            if (memchr(t + s, ' ', e - s))
                xw_attr(x, "xml:space", "preserve");
            xw_text(x, t + s, e - s);
            xw_end(x);
        }
        for (; e < len && t[e] == '\t'; e++) {
            xw_start(x, "w:tab");
            xw_end(x);
        }
        s = e;
    }
    if (len)
        xw_end(x);
    xw_end(x);
}

/* Code: a paragraph a line; a final line break ends the last line. */
static void code(xmlw *x, const char *t, size_t len)
{
    if (len && t[len - 1] == '\n')
        len--;
    for (size_t start = 0;;) {
        const char *lf = memchr(t + start, '\n', len - start);
        size_t end = lf ? (size_t)(lf - t) : len;
        code_line(x, t + start, end - start);
        if (!lf)
            break;
        start = end + 1;
    }
}

static void document_block(document_part *d, xmlw *x, size_t i)
{
    size_t len;
    const char *t = zhtidy_doc_block_text(d->doc, i, &len);
    unsigned num = 0;
    int ilvl = 0;
    zt_docx_list_item(&d->lists, d->doc, i, &num, &ilvl); /* any other block ends the lists */
    switch (zhtidy_doc_block_type(d->doc, i)) {
    case ZHTIDY_HEADING:
        heading(d, x, i, t, len);
        break;
    case ZHTIDY_LIST_ITEM:
        list_item(x, d->num_base + num, ilvl, t, len);
        break;
    case ZHTIDY_CODE:
        code(x, t, len);
        break;
    case ZHTIDY_TABLE:
        zt_docx_table(x, d->doc, i, zt_docx_text_width(d->p));
        /* Word joins tables that touch and wants a paragraph after the last */
        if (i + 1 == d->n || zhtidy_doc_block_type(d->doc, i + 1) == ZHTIDY_TABLE)
            zt_docx_paragraph(x, "BodyText", "", 0);
        break;
    default:
        zt_docx_paragraph(x, "BodyText", t, len);
        break;
    }
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
    section(x, d->p, d->ref);
    return false; /* the last piece */
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
    o->reference_doc = NULL;
    o->reference_doc_len = 0;
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
    const char *lang = word_lang(doc);
    bool hant = !strcmp(lang, "zh-TW") || !strcmp(lang, "zh-HK") || !strcmp(lang, "zh-MO");
    zt_docx_preset preset = zt_docx_preset_of(opts->style, hant);
    const zt_docx_preset *p = &preset;
    zt_docx_ref *ref = NULL;
    const char *why;
    if (opts->reference_doc) {
        zhtidy_status st =
            zt_docx_ref_open(opts->reference_doc, opts->reference_doc_len, &ref, &why);
        if (st != ZHTIDY_OK)
            return st;
        zt_docx_ref_page(ref, &preset);
    }
    unsigned f = zt_block_kinds(doc);
    if (zt_docx_ref_has_theme(ref))
        f |= ZT_DOCX_THEME;
    if ((f & ZT_DOCX_LISTS) || zt_docx_ref_has_numbering(ref))
        f |= ZT_DOCX_NUMBERING;
    zipw *z = zipw_new(opts->epoch);
    if (!z) {
        zt_docx_ref_free(ref);
        return ZHTIDY_ERR_NOMEM;
    }
    bool ok = true;
    zipw_add_xml(z, "[Content_Types].xml", zt_docx_content_types(p, f));
    zipw_add_xml(z, "_rels/.rels", zt_docx_package_rels());
    zipw_add_xml(z, "docProps/core.xml", zt_docx_core(doc, opts));
    zipw_add_xml(z, "docProps/app.xml", zt_docx_app());
    document_part part = {.doc = doc, .wo = opts, .p = p, .ref = ref};
    unsigned abstract_base;
    zt_docx_ref_numbering_base(ref, &abstract_base, &part.num_base);
    zipw_add_stream(z, "word/document.xml", document_step, document_restart, &part);
    zipw_add_xml(z, "word/_rels/document.xml.rels", zt_docx_document_rels(p, f));
    if (ref) {
        ok = zt_docx_ref_add_styles(z, ref, zt_docx_styles(p, lang, f), lang) &&
             zt_docx_ref_add_fonts(z, ref, zt_docx_font_table(p, f)) &&
             (!(f & ZT_DOCX_THEME) || zt_docx_ref_add_theme(z, ref));
    } else {
        zipw_add_xml(z, "word/styles.xml", zt_docx_styles(p, lang, f));
        zipw_add_xml(z, "word/fontTable.xml", zt_docx_font_table(p, f));
    }
    zipw_add_xml(z, "word/settings.xml", zt_docx_settings(p, lang));
    zt_docx_numbering numbering = {.doc = doc, .p = p, .ref = ref};
    if (f & ZT_DOCX_NUMBERING)
        zt_docx_add_numbering(z, &numbering);
    zipw_add_xml(z, "word/footer1.xml", zt_docx_footer(p, p->gbt ? "right" : "center"));
    if (p->gbt)
        zipw_add_xml(z, "word/footer2.xml", zt_docx_footer(p, "left"));
    zhtidy_status st;
    if (ok) {
        st = zipw_finish(z, sink, userdata);
    } else {
        zipw_free(z);
        st = ZHTIDY_ERR_NOMEM;
    }
    zt_docx_ref_free(ref);
    return st;
}
