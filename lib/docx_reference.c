/* SPDX-License-Identifier: MIT */
/* docx_reference.c - a reference document (a Word template) for the DOCX
 * writer, as pandoc's --reference-doc takes one.
 *
 * From the template come its styles (word/styles.xml), theme, font table
 * and numbering definitions, and the page set-up of its last section:
 * w:pgSz, w:pgMar, w:cols and w:docGrid.  Its text, headers, footers and
 * settings are not taken.  The document still names the writer's style
 * ids (Normal, BodyText, Title, Heading1-4, TOCHeading, TOC1-4, ...): a
 * style of the template is taken for one of them by its id, or by its
 * name ("heading 1", as Word names them in every language, while a
 * Chinese Word gives that style the id "1"), its id then renamed to the
 * writer's everywhere it is named; what the template lacks is added from
 * the writer's own styles, so every style the document names exists. */
#include "docx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* No part of a template is anywhere near this: a larger one is refused
 * before it is inflated. */
#define PART_MAX (64u << 20)

struct zt_docx_ref {
    xmlDocPtr styles, fonts, numbering;
    xmlDocPtr document; /* only for its last w:sectPr */
    xmlNodePtr sect;
    char *theme;
    size_t theme_len;
    unsigned abstract_base, num_base; /* past the template's own ids */
};

typedef enum { PART_OK, PART_ABSENT, PART_BAD, PART_NOMEM } part_rc;

static bool is_w(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, W_NS) && (!name || !strcmp((const char *)n->name, name));
}

static xmlNodePtr w_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (is_w(c, name))
            return c;
    return NULL;
}

/* The value of attribute w:NAME of N, not copied; NULL when it has none. */
static const char *w_attr(xmlNodePtr n, const char *name)
{
    xmlAttrPtr a = xmlHasNsProp(n, BAD_CAST name, BAD_CAST W_NS);
    if (!a || a->type != XML_ATTRIBUTE_NODE || !a->children || a->children->type != XML_TEXT_NODE ||
        a->children->next)
        return NULL;
    return (const char *)a->children->content;
}

static const char *w_val(xmlNodePtr n, const char *child)
{
    xmlNodePtr c = w_child(n, child);
    return c ? w_attr(c, "val") : NULL;
}

static part_rc read_part(zip_t *za, const char *name, char **out, size_t *len)
{
    zip_int64_t i = zip_name_locate(za, name, 0);
    if (i < 0)
        return PART_ABSENT;
    zip_stat_t st;
    if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        st.size > PART_MAX)
        return PART_BAD;
    char *buf = malloc((size_t)st.size + 1);
    if (!buf)
        return PART_NOMEM;
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    zip_int64_t n = f ? zip_fread(f, buf, st.size) : -1;
    if (f)
        zip_fclose(f);
    if (n < 0 || (zip_uint64_t)n != st.size) {
        free(buf);
        return PART_BAD;
    }
    buf[st.size] = 0;
    *out = buf;
    *len = (size_t)st.size;
    return PART_OK;
}

/* Parse DATA silently (libxml2 would print its errors), no network, no
 * entities substituted. */
static part_rc parse(const char *data, size_t len, const char *name, xmlDocPtr *doc)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return PART_NOMEM;
    *doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    bool nomem = ctxt->errNo == XML_ERR_NO_MEMORY;
    xmlFreeParserCtxt(ctxt);
    if (*doc && nomem) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    return *doc ? PART_OK : nomem ? PART_NOMEM : PART_BAD;
}

/* Part NAME of ZA as a tree whose root is w:ROOT. */
static part_rc parse_part(zip_t *za, const char *name, const char *root, xmlDocPtr *doc)
{
    char *data;
    size_t len;
    *doc = NULL;
    part_rc rc = read_part(za, name, &data, &len);
    if (rc != PART_OK)
        return rc;
    rc = parse(data, len, name, doc);
    free(data);
    if (rc == PART_OK && !is_w(xmlDocGetRootElement(*doc), root)) {
        xmlFreeDoc(*doc);
        *doc = NULL;
        rc = PART_BAD;
    }
    return rc;
}

void zt_docx_ref_free(zt_docx_ref *r)
{
    if (!r)
        return;
    xmlFreeDoc(r->styles);
    xmlFreeDoc(r->fonts);
    xmlFreeDoc(r->numbering);
    xmlFreeDoc(r->document);
    free(r->theme);
    free(r);
}

/* The last w:sectPr in document order: the body's own, after every
 * paragraph's. */
static xmlNodePtr last_sect(xmlNodePtr n)
{
    xmlNodePtr found = is_w(n, "sectPr") ? n : NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            xmlNodePtr s = last_sect(c);
            if (s)
                found = s;
        }
    return found;
}

static unsigned next_id(xmlDocPtr doc, const char *elem, const char *attr)
{
    unsigned next = 0;
    for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next) {
        const char *v = is_w(c, elem) ? w_attr(c, attr) : NULL;
        char *end;
        unsigned long id = v ? strtoul(v, &end, 10) : 0;
        if (v && !*end && id < 1u << 30 && id + 1 > next)
            next = (unsigned)id + 1;
    }
    return next;
}

#define BAD(what)                                                                                  \
    do {                                                                                           \
        *why = what;                                                                               \
        st = ZHTIDY_ERR_ARG;                                                                       \
        goto done;                                                                                 \
    } while (0)

/* Each optional part: absent is fine, unreadable is not. */
#define OPTIONAL(rc, name)                                                                         \
    do {                                                                                           \
        if ((rc) == PART_NOMEM)                                                                    \
            goto nomem;                                                                            \
        if ((rc) == PART_BAD)                                                                      \
            BAD(name " is not well-formed WordprocessingML");                                      \
    } while (0)

zhtidy_status zt_docx_ref_open(const void *data, size_t len, zt_docx_ref **out, const char **why)
{
    zhtidy_status st = ZHTIDY_OK;
    zt_docx_ref *r = NULL;
    zip_t *za = NULL;
    *out = NULL;
    *why = NULL;
    if (!data || !len)
        BAD("an empty file, not a DOCX");
    zt_xml_init();
    if (!(r = calloc(1, sizeof *r)))
        goto nomem;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    int zerr = zip_error_code_zip(&ze);
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        if (!src || zerr == ZIP_ER_MEMORY)
            goto nomem;
        BAD("not a zip archive, so not a DOCX");
    }
    part_rc rc = parse_part(za, "word/styles.xml", "styles", &r->styles);
    if (rc == PART_NOMEM)
        goto nomem;
    if (rc == PART_ABSENT)
        BAD("no word/styles.xml in it: not a Word document");
    if (rc == PART_BAD)
        BAD("word/styles.xml is not well-formed WordprocessingML styles");
    rc = parse_part(za, "word/document.xml", "document", &r->document);
    OPTIONAL(rc, "word/document.xml");
    r->sect = r->document ? last_sect(xmlDocGetRootElement(r->document)) : NULL;
    rc = parse_part(za, "word/fontTable.xml", "fonts", &r->fonts);
    OPTIONAL(rc, "word/fontTable.xml");
    rc = parse_part(za, "word/numbering.xml", "numbering", &r->numbering);
    OPTIONAL(rc, "word/numbering.xml");
    if (r->numbering) {
        r->abstract_base = next_id(r->numbering, "abstractNum", "abstractNumId");
        r->num_base = next_id(r->numbering, "num", "numId");
    }
    /* the theme is taken as it is, when it is XML; one with parts of its
     * own (pictures) is left out, the styles do without it */
    rc = read_part(za, "word/theme/theme1.xml", &r->theme, &r->theme_len);
    OPTIONAL(rc, "word/theme/theme1.xml");
    if (r->theme) {
        xmlDocPtr theme;
        rc = parse(r->theme, r->theme_len, "word/theme/theme1.xml", &theme);
        OPTIONAL(rc, "word/theme/theme1.xml");
        xmlFreeDoc(theme);
        if (zip_name_locate(za, "word/theme/_rels/theme1.xml.rels", 0) >= 0) {
            free(r->theme);
            r->theme = NULL;
        }
    }
    goto done;
nomem:
    *why = "out of memory";
    st = ZHTIDY_ERR_NOMEM;
done:
    if (za)
        zip_discard(za);
    if (st != ZHTIDY_OK) {
        zt_docx_ref_free(r);
        return st;
    }
    *out = r;
    return ZHTIDY_OK;
}

const char *zhtidy_docx_reference_error(const void *data, size_t len)
{
    zt_docx_ref *r;
    const char *why;
    zt_docx_ref_open(data, len, &r, &why);
    zt_docx_ref_free(r);
    return why;
}

/* ---- the page ------------------------------------------------------------ */

static bool twips(xmlNodePtr n, const char *attr, int *out)
{
    const char *v = n ? w_attr(n, attr) : NULL;
    char *end;
    long t = v ? strtol(v, &end, 10) : 0;
    if (!v || *end || t < -31680 || t > 31680)
        return false;
    *out = (int)(t < 0 ? -t : t); /* a negative top or bottom is an exact one */
    return true;
}

void zt_docx_ref_page(const zt_docx_ref *r, zt_docx_preset *p)
{
    if (!r->sect)
        return;
    xmlNodePtr sz = w_child(r->sect, "pgSz"), mar = w_child(r->sect, "pgMar");
    int w = p->pg_width ? p->pg_width : 11906, left = p->pg_left, right = p->pg_right;
    twips(sz, "w", &w);
    twips(mar, "left", &left);
    twips(mar, "right", &right);
    if (w - left - right >= 1440) { /* an inch of text, at least, or the preset's */
        p->pg_width = w;
        p->pg_left = left;
        p->pg_right = right;
    }
    twips(mar, "top", &p->pg_top);
    twips(mar, "bottom", &p->pg_bottom);
}

bool zt_docx_ref_has_theme(const zt_docx_ref *r)
{
    return r && r->theme;
}

bool zt_docx_ref_has_numbering(const zt_docx_ref *r)
{
    return r && r->numbering;
}

void zt_docx_ref_numbering_base(const zt_docx_ref *r, unsigned *abstract, unsigned *num)
{
    *abstract = r ? r->abstract_base : 0;
    *num = r ? r->num_base : 0;
}

/* ---- copying into the writer's parts --------------------------------------- */

/* N, written as w:NAME through X with its w: attributes and content; what
 * is in other namespaces (Word 2010's w14 ...) is left out, the writer's
 * parts not declaring them, and so are pictures' bullets. */
static void copy(xmlw *x, xmlNodePtr n)
{
    char name[128];
    if (!is_w(n, NULL) || !strcmp((const char *)n->name, "lvlPicBulletId") ||
        strlen((const char *)n->name) > sizeof name - 3)
        return;
    snprintf(name, sizeof name, "w:%s", (const char *)n->name);
    xw_start(x, name);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *v = a->ns && a->ns->href && !strcmp((const char *)a->ns->href, W_NS)
                            ? w_attr(n, (const char *)a->name) : NULL;
        if (v && strlen((const char *)a->name) < sizeof name - 3) {
            snprintf(name, sizeof name, "w:%s", (const char *)a->name);
            xw_attr(x, name, v);
        }
    }
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            copy(x, c);
        else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            xw_text(x, (const char *)c->content, strlen((const char *)c->content));
    }
    xw_end(x);
}

bool zt_docx_ref_section(const zt_docx_ref *r, xmlw *x, const char *name)
{
    xmlNodePtr n = r && r->sect ? w_child(r->sect, name) : NULL;
    if (n)
        copy(x, n);
    return n != NULL;
}

void zt_docx_ref_numbering_defs(const zt_docx_ref *r, xmlw *x, const char *elem)
{
    for (xmlNodePtr c = r && r->numbering ? xmlDocGetRootElement(r->numbering)->children : NULL; c;
         c = c->next)
        if (is_w(c, elem))
            copy(x, c);
}

/* ---- styles and fonts -------------------------------------------------------- */

/* The writer's part X as a tree; NULL when out of memory. */
static xmlDocPtr ours(xmlw *x)
{
    zt_buf b;
    zt_buf_init(&b);
    xmlDocPtr doc = NULL;
    if (x && xw_finish(x, &b) && !b.failed)
        parse(b.data, b.len, "ours", &doc);
    xw_free(x);
    zt_buf_free(&b);
    return doc;
}

/* Add DOC to Z as NAME. */
static bool add_doc(zipw *z, const char *name, xmlDocPtr doc)
{
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
    bool ok = zipw_add(z, name, mem, mem ? (size_t)size : 0, false) && mem;
    xmlFree(mem);
    return ok;
}

/* Every w:val naming style OLD, in the styles and the numbering, names NEW. */
static bool rename_refs(xmlNodePtr n, const char *old, const char *new)
{
    static const char *const refs[] = {"basedOn", "next", "link", "pStyle", "rStyle", "tblStyle",
                                       "styleLink", "numStyleLink"};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (size_t i = 0; is_w(n, NULL) && i < sizeof refs / sizeof refs[0]; i++) {
            const char *v = strcmp((const char *)n->name, refs[i]) ? NULL : w_attr(n, "val");
            if (v && !strcmp(v, old) && !xmlSetNsProp(n, n->ns, BAD_CAST "val", BAD_CAST new))
                return false;
        }
        if (!rename_refs(n->children, old, new))
            return false;
    }
    return true;
}

static bool rename_style(zt_docx_ref *r, xmlNodePtr style, const char *new)
{
    const char *cur = w_attr(style, "styleId");
    char *old = cur ? zt_strndup(cur, strlen(cur)) : NULL;
    bool ok = old && xmlSetNsProp(style, style->ns, BAD_CAST "styleId", BAD_CAST new) &&
              rename_refs(xmlDocGetRootElement(r->styles), old, new) &&
              (!r->numbering || rename_refs(xmlDocGetRootElement(r->numbering), old, new));
    free(old);
    return ok;
}

static xmlNodePtr style_by_id(xmlNodePtr root, const char *id)
{
    for (xmlNodePtr s = root->children; s; s = s->next) {
        const char *v = is_w(s, "style") ? w_attr(s, "styleId") : NULL;
        if (v && !strcmp(v, id))
            return s;
    }
    return NULL;
}

static bool same(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

/* The template's style of TYPE for the writer's style ID named NAME: by
 * its name, or the default paragraph style for Normal; not one taken
 * already (TAKEN, N of them). */
static xmlNodePtr style_by_name(xmlNodePtr root, const char *type, const char *id,
                                const char *name, xmlNodePtr *taken, size_t n)
{
    for (xmlNodePtr s = root->children; s; s = s->next) {
        if (!is_w(s, "style") || !same(w_attr(s, "type"), type))
            continue;
        bool used = false;
        for (size_t i = 0; i < n; i++)
            used |= taken[i] == s;
        const char *sname = w_val(s, "name");
        if (!used && ((sname && !strcasecmp(sname, name)) ||
                      (!strcmp(id, "Normal") && same(w_attr(s, "default"), "1"))))
            return s;
    }
    return NULL;
}

/* The document's East Asian language on the template's defaults, where
 * Word looks for it to set Chinese text. */
static bool set_lang(xmlDocPtr doc, const char *lang)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), defs = w_child(root, "docDefaults");
    xmlNsPtr ns = root->ns;
    if (!defs && (!(defs = xmlNewDocNode(doc, ns, BAD_CAST "docDefaults", NULL)) ||
                  !(root->children ? xmlAddPrevSibling(root->children, defs)
                                   : xmlAddChild(root, defs))))
        return false;
    xmlNodePtr rpd = w_child(defs, "rPrDefault");
    if (!rpd && (!(rpd = xmlNewDocNode(doc, ns, BAD_CAST "rPrDefault", NULL)) ||
                 !(defs->children ? xmlAddPrevSibling(defs->children, rpd) : xmlAddChild(defs, rpd))))
        return false;
    xmlNodePtr rpr = w_child(rpd, "rPr");
    if (!rpr && !(rpr = xmlNewChild(rpd, ns, BAD_CAST "rPr", NULL)))
        return false;
    xmlNodePtr l = w_child(rpr, "lang");
    if (!l) {
        /* w:lang comes before these three in a w:rPr */
        xmlNodePtr after = w_child(rpr, "eastAsianLayout");
        if (!after)
            after = w_child(rpr, "specVanish");
        if (!after)
            after = w_child(rpr, "oMath");
        if (!(l = xmlNewDocNode(doc, ns, BAD_CAST "lang", NULL)) ||
            !(after ? xmlAddPrevSibling(after, l) : xmlAddChild(rpr, l)))
            return false;
    }
    return xmlSetNsProp(l, ns, BAD_CAST "eastAsia", BAD_CAST lang) != NULL;
}

bool zt_docx_ref_add_styles(zipw *z, zt_docx_ref *r, xmlw *writer, const char *lang)
{
    xmlDocPtr mine = ours(writer);
    xmlNodePtr root = xmlDocGetRootElement(r->styles);
    xmlNodePtr taken[64];
    size_t n = 0;
    bool ok = mine && set_lang(r->styles, lang);
    /* first the template's styles take the writer's ids, then what is
     * still missing is added */
    for (xmlNodePtr s = mine ? xmlDocGetRootElement(mine)->children : NULL; ok && s; s = s->next) {
        const char *id = is_w(s, "style") ? w_attr(s, "styleId") : NULL;
        const char *type = id ? w_attr(s, "type") : NULL, *name = id ? w_val(s, "name") : NULL;
        if (!type || !name || n == sizeof taken / sizeof taken[0])
            continue;
        xmlNodePtr t = style_by_id(root, id);
        if (t && same(w_attr(t, "type"), type)) {
            taken[n++] = t;
            continue;
        }
        if (t) { /* the id is another kind of style's: that one is renamed */
            char fresh[160];
            for (int i = 1; snprintf(fresh, sizeof fresh, "%.120s%d", id, i),
                     style_by_id(root, fresh) || style_by_id(xmlDocGetRootElement(mine), fresh);
                 i++)
                ;
            ok = rename_style(r, t, fresh);
        }
        t = ok ? style_by_name(root, type, id, name, taken, n) : NULL;
        if (t) {
            taken[n++] = t;
            ok = rename_style(r, t, id);
        }
    }
    for (xmlNodePtr s = mine ? xmlDocGetRootElement(mine)->children : NULL; ok && s; s = s->next) {
        const char *id = is_w(s, "style") ? w_attr(s, "styleId") : NULL;
        if (!id || style_by_id(root, id))
            continue;
        xmlNodePtr c = xmlDocCopyNode(s, r->styles, 1);
        ok = c && xmlAddChild(root, c);
        if (!ok)
            xmlFreeNode(c);

    }
    xmlFreeDoc(mine);
    return ok && add_doc(z, "word/styles.xml", r->styles);
}

bool zt_docx_ref_add_fonts(zipw *z, zt_docx_ref *r, xmlw *writer)
{
    if (!r->fonts)
        return zipw_add_xml(z, "word/fontTable.xml", writer);
    xmlDocPtr mine = ours(writer);
    xmlNodePtr root = xmlDocGetRootElement(r->fonts);
    bool ok = mine != NULL;
    for (xmlNodePtr f = mine ? xmlDocGetRootElement(mine)->children : NULL; ok && f; f = f->next) {
        const char *name = is_w(f, "font") ? w_attr(f, "name") : NULL;
        bool have = !name;
        for (xmlNodePtr t = root->children; !have && t; t = t->next)
            have = is_w(t, "font") && same(w_attr(t, "name"), name);
        if (have)
            continue;
        xmlNodePtr c = xmlDocCopyNode(f, r->fonts, 1);
        ok = c && xmlAddChild(root, c);
        if (!ok)
            xmlFreeNode(c);
    }
    xmlFreeDoc(mine);
    return ok && add_doc(z, "word/fontTable.xml", r->fonts);
}

bool zt_docx_ref_add_theme(zipw *z, const zt_docx_ref *r)
{
    return zipw_add(z, "word/theme/theme1.xml", r->theme, r->theme_len, false);
}
