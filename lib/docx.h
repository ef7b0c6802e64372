/* SPDX-License-Identifier: MIT */
/* docx.h - shared by the DOCX writer's files (write_docx.c, docx_parts.c,
 * docx_package.c, docx_table.c, docx_lists.c); not installed. */
#ifndef ZHTIDY_DOCX_H
#define ZHTIDY_DOCX_H

#include "package.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct zt_docx_ref zt_docx_ref; /* a reference document, below */

/* ---- the two presets ---------------------------------------------------- */

typedef struct {
    const char *name, *alt; /* font name and its Latin alias (w:altName) */
    const char *family, *pitch, *panose;
} zt_docx_font;

typedef struct {
    const zt_docx_font *body, *title, *heading[4];
    int body_sz, title_sz, heading_sz[4]; /* half-points */
    bool heading_bold[4];
    int line;           /* line spacing: 240ths of a line, or twips when exact */
    bool line_exact;
    int pg_top, pg_bottom, pg_left, pg_right; /* twips */
    int line_chars;     /* characters a line, GB/T 9704 (its tracking) */
    bool gbt;           /* — 1 — page numbers, odd right and even left */
    bool hant;          /* Traditional: Taiwan's fonts, 目錄 */
    int pg_width;       /* twips; 0 for A4's 11906 */
} zt_docx_preset;

/* The preset of STYLE: Word's Chinese defaults (宋体 12 pt, 黑体 headings;
 * with HANT, Taiwan's fonts 新細明體 and 微軟正黑體), or GB/T 9704. */
zt_docx_preset zt_docx_preset_of(zhtidy_docx_style style, bool hant);

/* The width of the text between the margins, in twips. */
int zt_docx_text_width(const zt_docx_preset *p);

/* The Normal style's character spacing, twips: GB/T 9704 sets its
 * characters closer so that line_chars fit the text width; 0 otherwise. */
int zt_docx_char_spacing(const zt_docx_preset *p);

/* What a document holds besides headings and paragraphs: the parts and
 * styles it needs beyond those of every document.  A document without
 * them gets the same bytes as before they existed. */
enum {
    ZT_DOCX_LISTS = 1u << ZHTIDY_LIST_ITEM,
    ZT_DOCX_TABLES = 1u << ZHTIDY_TABLE,
    ZT_DOCX_CODE = 1u << ZHTIDY_CODE
}; /* as zt_block_kinds() gives them */
/* What a reference document brings: a theme, numbering definitions. */
enum { ZT_DOCX_THEME = 1u << 30, ZT_DOCX_NUMBERING = 1u << 29 };

/* ---- text runs ----------------------------------------------------------- */

/* One run; HINT marks it as East Asian text. */
void zt_docx_run(xmlw *x, const char *t, size_t len, bool hint);
/* Runs split where the text passes between East Asian and other text. */
void zt_docx_runs(xmlw *x, const char *t, size_t len);
/* A paragraph of STYLE holding T. */
void zt_docx_paragraph(xmlw *x, const char *style, const char *t, size_t len);
/* Field characters (begin, separate, end) and instructions, in runs. */
void zt_docx_field_run(xmlw *x, const char *type);
void zt_docx_instr_run(xmlw *x, const char *instr);

/* ---- the parts that do not depend on the blocks ---------------------------- */
/* docx_parts.c: styles, settings, fonts, footers; docx_package.c: the rest */

/* Each returns a new part, or NULL when out of memory.  FEATURES are
 * ZT_DOCX_* flags: the styles, fonts and parts the blocks need. */
xmlw *zt_docx_styles(const zt_docx_preset *p, const char *lang, unsigned features);
xmlw *zt_docx_settings(const zt_docx_preset *p, const char *lang);
xmlw *zt_docx_font_table(const zt_docx_preset *p, unsigned features);
/* A footer with the page number, aligned JC ("center", "right", "left"). */
xmlw *zt_docx_footer(const zt_docx_preset *p, const char *jc);
xmlw *zt_docx_content_types(const zt_docx_preset *p, unsigned features);
xmlw *zt_docx_package_rels(void);
xmlw *zt_docx_document_rels(const zt_docx_preset *p, unsigned features);
xmlw *zt_docx_core(const zhtidy_doc *doc, const zhtidy_docx_options *wo);
xmlw *zt_docx_app(void);

/* ---- tables (docx_table.c) ------------------------------------------------ */

/* Table block I as a w:tbl across WIDTH twips: single borders, header rows
 * repeated on each page, spans as gridSpan and vMerge.  A table without
 * rows writes nothing. */
void zt_docx_table(xmlw *x, const zhtidy_doc *doc, size_t i, int width);

/* ---- lists (docx_lists.c) -------------------------------------------------- */

/* Where the list items stand (see zt_list_step).  Every list is a w:num
 * of its own, so that its numbering starts at 1. */
typedef struct {
    zt_list_walk walk;
    unsigned num[8]; /* the w:num of each list open */
    unsigned nums;   /* w:nums given so far */
} zt_docx_lists;

/* Walk block I, the blocks being walked in order from a zeroed state: for a
 * list item, its list's w:num in *NUM and its level (0-7) in *ILVL, and
 * true when the item starts that list; for any other block, false (the
 * lists end). */
bool zt_docx_list_item(zt_docx_lists *l, const zhtidy_doc *doc, size_t i, unsigned *num,
                       int *ilvl);
/* Add word/numbering.xml for the lists of DOC to Z, written as the archive
 * is closed; STATE must live until then. */
typedef struct {
    const zhtidy_doc *doc;
    const zt_docx_preset *p;
    zt_docx_lists lists;
    size_t next;
    bool opened;
    const zt_docx_ref *ref; /* its definitions first, ours after them; or NULL */
} zt_docx_numbering;
bool zt_docx_add_numbering(zipw *z, zt_docx_numbering *state);

/* ---- a reference document (docx_reference.c) ------------------------------ */

/* Read the template DATA (LEN bytes; not copied, it must outlive *OUT).
 * ZHTIDY_ERR_ARG when it is no DOCX, ZHTIDY_ERR_NOMEM; *WHY then says
 * what is wrong (static). */
zhtidy_status zt_docx_ref_open(const void *data, size_t len, zt_docx_ref **out, const char **why);
void zt_docx_ref_free(zt_docx_ref *r);
/* The template's page width and margins into P, for the text width. */
void zt_docx_ref_page(const zt_docx_ref *r, zt_docx_preset *p);
bool zt_docx_ref_has_theme(const zt_docx_ref *r);
bool zt_docx_ref_has_numbering(const zt_docx_ref *r);
/* The first abstract list and list ids past the template's own. */
void zt_docx_ref_numbering_base(const zt_docx_ref *r, unsigned *abstract, unsigned *num);
/* Write the template's w:abstractNum or w:num definitions (ELEM) into X. */
void zt_docx_ref_numbering_defs(const zt_docx_ref *r, xmlw *x, const char *elem);
/* Write element NAME (pgSz, pgMar, cols, docGrid) of the template's last
 * section into X; false when it has none. */
bool zt_docx_ref_section(const zt_docx_ref *r, xmlw *x, const char *name);
/* Add to Z the template's styles with the writer's (the part WRITER,
 * freed) for what they lack, LANG as the East Asian language; the
 * template's font table with the writer's fonts it lacks; its theme.
 * False when out of memory. */
bool zt_docx_ref_add_styles(zipw *z, zt_docx_ref *r, xmlw *writer, const char *lang);
bool zt_docx_ref_add_fonts(zipw *z, zt_docx_ref *r, xmlw *writer);
bool zt_docx_ref_add_theme(zipw *z, const zt_docx_ref *r);

/* ---- the TOC's page numbers (docx_pages.c) --------------------------------- */

/* The page each heading of DOC will most likely start on, in order, into
 * PAGES (one an entry): the document laid out as the writer writes it,
 * with TITLE (or none) and a TOC headed TOC_HEADING, then a page break. */
void zt_docx_heading_pages(const zhtidy_doc *doc, const zt_docx_preset *p, const char *title,
                           const char *toc_heading, int *pages);

#endif
