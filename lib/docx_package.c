/* SPDX-License-Identifier: MIT */
/* docx_package.c - the parts of a DOCX package around the document:
 * content types, relationships, and the core and app properties. */
#include "docx.h"

#include <string.h>

#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

xmlw *zt_docx_content_types(const zt_docx_preset *p, unsigned features)
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
    if (features & ZT_DOCX_NUMBERING) {
        xw_start(x, "Override");
        xw_attr(x, "PartName", "/word/numbering.xml");
        xw_attr(x, "ContentType",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
        xw_end(x);
    }
    if (features & ZT_DOCX_THEME) {
        xw_start(x, "Override");
        xw_attr(x, "PartName", "/word/theme/theme1.xml");
        xw_attr(x, "ContentType", "application/vnd.openxmlformats-officedocument.theme+xml");
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

xmlw *zt_docx_package_rels(void)
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

xmlw *zt_docx_document_rels(const zt_docx_preset *p, unsigned features)
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
    if (features & ZT_DOCX_NUMBERING)
        relationship(x, "rIdNumbering", OFFICE_REL "numbering", "numbering.xml");
    if (features & ZT_DOCX_THEME)
        relationship(x, "rIdTheme", OFFICE_REL "theme", "theme/theme1.xml");
    return x;
}

static void optional_text(xmlw *x, const char *name, const char *value)
{
    if (value && *value)
        xw_elem_text(x, name, value);
}

xmlw *zt_docx_core(const zhtidy_doc *doc, const zhtidy_docx_options *wo)
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
    optional_text(x, "dc:creator", zhtidy_doc_meta(doc, ZHTIDY_META_AUTHOR));
    optional_text(x, "dc:description", zhtidy_doc_meta(doc, ZHTIDY_META_DESCRIPTION));
    static const char *dates[] = {"dcterms:created", "dcterms:modified"};
    char date[32];
    zt_iso_date(wo->epoch, date);
    /* the document's own date, when it has one W3CDTF can say, is when it
     * was created; the file was made at the epoch */
    const char *given = zhtidy_doc_meta(doc, ZHTIDY_META_DATE);
    for (int i = 0; i < 2; i++) {
        const char *d = i == 0 && zt_w3c_date(given) ? given : date;
        xw_start(x, dates[i]);
        xw_attr(x, "xsi:type", "dcterms:W3CDTF");
        xw_text(x, d, strlen(d));
        xw_end(x);
    }
    return x;
}

xmlw *zt_docx_app(void)
{
    xmlw *x = xw_new();
    if (!x)
        return NULL;
    xw_start(x, "Properties");
    xw_attr(x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    xw_elem_text(x, "Application", "zhtidy " ZHTIDY_VERSION_STRING);
    return x;
}
