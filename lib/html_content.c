/* SPDX-License-Identifier: MIT */
/* html_content.c - a page's main content, and its blocks.
 *
 * The content is chosen as Readability and GNE choose it: every element is
 * measured (its text, the part of it inside links, its punctuation); each
 * paragraph-like element scores by its punctuation and length and gives
 * its score to its parent, half to its grandparent; the element with the
 * best score, lessened by its link density and moved by class names that
 * say content or furniture, is the content, with those of its siblings
 * that score near it.  A page with no such evidence is read whole.
 *
 * The content is then mapped to blocks: headings (levels shifted so that
 * the highest present is 1, at most 4), paragraphs (text runs, lines split
 * at <br>), list items with their depth, data tables (a table that lays
 * out the page is read as the blocks it holds), code verbatim.  The title
 * is the content's first heading, or the <title> without its site name
 * (html_title.c). */
#include "html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NONE UINT32_MAX
#define MAX_LIST_DEPTH 8
#define MIN_PARAGRAPH 10   /* characters of text that make a paragraph count */
#define MIN_CONTENT_SCORE 8 /* less: no evidence of content, read the whole page */

typedef struct {
    xmlNode *node;
    uint32_t parent;  /* index of the parent element, or NONE */
    uint32_t block;   /* index of the nearest block-level element, itself perhaps */
    uint32_t text;    /* characters of text in the subtree, spaces aside */
    uint32_t link;    /* of which inside <a> */
    uint32_t punct;   /* sentence and clause marks in the subtree */
    uint32_t own;     /* characters of its inline text (not in a block inside it) */
    uint32_t own_punct; /* and marks */
    double score;     /* as content: its paragraphs', less its links, moved by its class */
    double plain;     /* the same, class names aside */
    bool in_link;
    bool selected; /* a part of the content */
    bool dropped;  /* furniture inside it */
    bool kept;     /* in the content, not dropped: its text is the document's */
} measure;

static bool is_punct(int32_t c)
{
    return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A ||
           c == 0xFF01 || c == 0xFF1F || c == ',' || c == ';' || c == '!' || c == '?';
}

static bool block_level(const xmlNode *n)
{
    static const char *const tags[] = {
        "p",     "div",  "section", "article", "header",     "footer", "main",    "center",
        "blockquote", "dl", "dt",   "dd",      "address",    "figure", "figcaption",
        "details", "summary", "hr", "form",   "fieldset",   "legend", "caption", "table",
        "tbody", "thead", "tfoot",  "tr",      "td",         "th",     "body",    "html",
        "h1",    "h2",   "h3",      "h4",      "h5",         "h6",     "ul",      "ol",
        "li",    "pre",  "br",      "hgroup",  "menu",       "dir",    NULL,
    };
    return zt_html_one_of(n, tags);
}

/* A link to elsewhere: <a href>, but not to a place on the page itself
 * (the anchors of headings). */
static bool links_away(const xmlNode *n)
{
    if (!zt_html_is(n, "a"))
        return false;
    xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
    bool away = href && href[0] != '#';
    xmlFree(href);
    return away;
}

static uint32_t index_of(const xmlNode *n)
{
    return n && n->_private ? (uint32_t)((uintptr_t)n->_private - 1) : NONE;
}

/* Every element under ROOT (ROOT first), measured; NULL when out of memory. */
static measure *measure_all(xmlNode *root, size_t *count)
{
    size_t n = 0, cap = 0;
    measure *m = NULL;
    for (xmlNode *x = root; x; x = zt_html_next(x, root, true)) {
        if (x->type != XML_ELEMENT_NODE)
            continue;
        measure *grown = zt_grow(m, &cap, n, sizeof *m, 256);
        if (!grown || n >= NONE - 1) {
            free(m);
            return NULL;
        }
        m = grown;
        uint32_t parent = x == root ? NONE : index_of(x->parent);
        m[n] = (measure){.node = x, .parent = parent,
                         .block = block_level(x) || parent == NONE ? (uint32_t)n : m[parent].block,
                         .in_link = links_away(x) || (parent != NONE && m[parent].in_link)};
        x->_private = (void *)(uintptr_t)(n + 1);
        n++;
    }
    if (!m) /* not one element (spaces, a doctype, a comment): nothing to measure */
        return calloc(1, sizeof *m);
    for (xmlNode *x = root; x; x = zt_html_next(x, root, true)) {
        if (x->type != XML_TEXT_NODE || !x->content)
            continue;
        uint32_t e = index_of(x->parent);
        if (e == NONE)
            continue;
        const char *t = (const char *)x->content;
        size_t len = strlen(t);
        uint32_t chars = 0, marks = 0;
        for (size_t i = 0; i < len;) {
            int32_t c = zt_utf8_next(t, len, &i);
            if (zt_is_space(c))
                continue;
            chars++;
            marks += is_punct(c);
        }
        m[e].text += chars; /* the element's own, added up below */
        m[e].punct += marks;
        if (m[e].in_link)
            m[e].link += chars;
        m[m[e].block].own += chars; /* inline text of the block it stands in */
        m[m[e].block].own_punct += marks;
    }
    /* children come after their parents: add each up, last first */
    for (size_t i = n; i-- > 0;) {
        if (m[i].parent != NONE) {
            m[m[i].parent].text += m[i].text;
            m[m[i].parent].link += m[i].link;
            m[m[i].parent].punct += m[i].punct;
        }
    }
    *count = n;
    return m;
}

/* Class and id words that say content, or furniture. */
static int class_weight(const xmlNode *n)
{
    /* English, and the pinyin Chinese sites name their parts in */
    static const char *const good[] = {"article", "content", "main", "post", "entry", "text",
                                       "detail", "body", "story", "news", "con", "zhengwen",
                                       "neirong", "wenzhang", NULL};
    static const char *const bad[] = {"nav", "menu", "footer", "foot", "sidebar", "side",
                                      "comment", "share", "related", "recommend", "hot",
                                      "link", "banner", "header", "top", "login", "search",
                                      "rank", "copyright", "ad", "pager", "pagination",
                                      "prev", "next", "prenext", "breadcrumb", "crumb",
                                      "tuijian", "xiangguan", "remen", "paihang", "daohang",
                                      "pinglun", "fenxiang", "guanggao", "banquan", "weizhi",
                                      NULL};
    int w = 0;
    for (int k = 0; k < 2; k++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)(k ? "id" : "class"));
        if (!v)
            continue;
        /* whole words of the attribute, split at spaces, - and _ */
        char word[64];
        for (const char *p = (const char *)v; *p;) {
            size_t o = 0;
            while (*p && (*p == ' ' || *p == '-' || *p == '_'))
                p++;
            while (*p && *p != ' ' && *p != '-' && *p != '_')
                (o + 1 < sizeof word ? (void)(word[o++] = (char)(*p | 0x20)) : (void)0), p++;
            word[o] = '\0';
            for (const char *const *g = good; o && *g; g++)
                w += **g == word[0] && !strcmp(word, *g) ? 25 : 0;
            for (const char *const *b = bad; o && *b; b++)
                w -= **b == word[0] && !strcmp(word, *b) ? 25 : 0;
        }
        xmlFree(v);
    }
    return w;
}

/* A block with a paragraph's worth of inline text of its own. */
static bool paragraph_like(const measure *x)
{
    return x->own >= MIN_PARAGRAPH && x->block != NONE && x->node && block_level(x->node);
}

static double link_density(const measure *x)
{
    return x->text ? (double)x->link / x->text : 0;
}

/* The content: the best scored element, or NONE. */
static uint32_t best_candidate(measure *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!paragraph_like(&m[i]))
            continue;
        double s = 1 + m[i].own_punct + (m[i].own >= 300 ? 3 : m[i].own / 100.0);
        s *= 1 - link_density(&m[i]);
        uint32_t p = m[i].parent;
        if (p == NONE)
            continue;
        m[p].score += s;
        if (m[p].parent != NONE)
            m[m[p].parent].score += s / 2;
    }
    uint32_t best = NONE;
    double top = 0;
    for (size_t i = 0; i < n; i++) {
        if (m[i].score <= 0)
            continue;
        double s = (m[i].score + class_weight(m[i].node)) * (1 - link_density(&m[i]));
        m[i].plain = m[i].score * (1 - link_density(&m[i]));
        m[i].score = s;
        if (s > top) {
            top = s;
            best = (uint32_t)i;
        }
    }
    /* sections of one article score alike: their common parent, when its
     * paragraphs score near the best's, is the content (a class name of
     * the parent's, "content" of a page's whole middle, does not count) */
    double near = best != NONE ? m[best].plain : 0;
    while (best != NONE && m[best].parent != NONE && m[m[best].parent].plain >= near * 0.75) {
        best = m[best].parent;
        top = top > m[best].score ? top : m[best].score;
        near = near > m[best].plain ? near : m[best].plain;
    }
    return top >= MIN_CONTENT_SCORE ? best : NONE;
}

/* ---- mapping to blocks ---------------------------------------------------- */

typedef struct {
    zhtidy_doc *doc;
    measure *m;        /* every element's measures, by node */
    zt_buf para;       /* text of the block being gathered, spaces collapsed */
    size_t chars, link_chars, links; /* in it: characters, those in links, links */
    size_t words;      /* characters outside links other than arrows and bars */
    bool drop_links;   /* html.links is on */
    unsigned long line; /* where it started */
    int heading;       /* 1-6 inside <hN>, else 0 */
    int lists;         /* open lists */
    bool ordered[MAX_LIST_DEPTH + 1];
    int items;         /* open list items */
    int min_heading;   /* the highest heading level seen */
    size_t first_block;
    zhtidy_status st;
} mapper;


/* The marks around "previous" and "next" links: « » ‹ › < > ← → | ·  */
static bool pager_mark(int32_t c)
{
    return c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A || c == '<' || c == '>' ||
           c == 0x2190 || c == 0x2192 || c == '|' || c == 0xB7 || c == '\n' || c == '\r' || c == '\f';
}

/* Add text node text to the block being gathered, HTML white space
 * collapsed to one space. */
static void add_text(mapper *mp, const xmlNode *t)
{
    const char *s = (const char *)t->content;
    if (!s)
        return;
    uint32_t e = index_of(t->parent);
    bool link = e != NONE && mp->m[e].in_link;
    size_t before = mp->chars;
    for (size_t i = 0, len = strlen(s); i < len;) {
        int32_t c = zt_utf8_next(s, len, &i);
        mp->chars += !zt_is_space(c);
    }
    if (link && mp->chars > before) {
        mp->link_chars += mp->chars - before;
        mp->links++;
    }
    for (size_t i = 0, len = strlen(s); !link && i < len;) {
        int32_t c = zt_utf8_next(s, len, &i);
        mp->words += !zt_is_space(c) && !pager_mark(c);
    }
    for (const char *p = s; *p; p++) {
        bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
        if (space) {
            if (mp->para.len && mp->para.data[mp->para.len - 1] != ' ')
                zt_buf_add(&mp->para, " ", 1);
            continue;
        }
        if (!mp->para.len)
            mp->line = (unsigned long)xmlGetLineNo(t);
        const char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' && *q != '\f')
            q++;
        zt_buf_add(&mp->para, p, (size_t)(q - p));
        p = q - 1;
    }
}

/* Append what was gathered as a block: a heading, a list item or a
 * paragraph, as the open elements say. */
static void flush(mapper *mp)
{
    size_t len = mp->para.len;
    const char *t = mp->para.data;
    while (len && t[len - 1] == ' ')
        len--;
    while (len && *t == ' ')
        t++, len--;
    /* three links or more and little else: a menu or a list of other pages;
     * a link between arrows: the way to the previous or next page */
    bool links = mp->drop_links && !mp->heading &&
                 ((mp->links >= 3 && mp->link_chars * 10 >= mp->chars * 9) ||
                  (mp->links && !mp->words && mp->link_chars < mp->chars));
    if (len && !mp->st && links)
        mp->st = zt_report_add(&mp->doc->report, ZT_R_HTML_LINKS, mp->line, ZHTIDY_CHANGE_REMOVE,
                               t, len, NULL, 0);
    else if (len && !mp->st) {
        zhtidy_block_type type = mp->heading ? ZHTIDY_HEADING
                                 : mp->items  ? ZHTIDY_LIST_ITEM
                                              : ZHTIDY_PARAGRAPH;
        int depth = mp->lists < 1 ? 1 : mp->lists > MAX_LIST_DEPTH ? MAX_LIST_DEPTH : mp->lists;
        int level = type == ZHTIDY_HEADING ? mp->heading : type == ZHTIDY_LIST_ITEM ? depth : 0;
        unsigned flags = type == ZHTIDY_LIST_ITEM && mp->ordered[depth] ? ZHTIDY_BLOCK_ORDERED : 0;
        if (type == ZHTIDY_HEADING)
            level = 1; /* set to the page's own level below */
        mp->st = zhtidy_doc_append(mp->doc, type, level, flags, t, len, mp->line);
        if (!mp->st && type == ZHTIDY_HEADING) {
            struct zt_block *b = &mp->doc->blocks[mp->doc->n - 1];
            b->level = (uint8_t)mp->heading; /* raw h1-h6 for now */
            if (!mp->min_heading || mp->heading < mp->min_heading)
                mp->min_heading = mp->heading;
        }
    }
    mp->para.len = 0;
    mp->chars = mp->link_chars = mp->links = mp->words = 0;
    if (mp->para.data)
        mp->para.data[0] = '\0';
    if (mp->para.failed && !mp->st)
        mp->st = ZHTIDY_ERR_NOMEM;
}

/* The text of N's subtree, white space collapsed, block boundaries as
 * line breaks (a table cell). */
static void cell_text(const xmlNode *cell, zt_buf *out)
{
    for (const xmlNode *x = cell->children ? cell->children : NULL; x;
         x = zt_html_next((xmlNode *)x, cell, true)) {
        if (x->type == XML_ELEMENT_NODE && block_level(x) && out->len &&
            out->data[out->len - 1] != '\n') {
            while (out->len && out->data[out->len - 1] == ' ')
                out->len--;
            zt_buf_add(out, "\n", 1);
        }
        if (x->type != XML_TEXT_NODE || !x->content)
            continue;
        for (const char *p = (const char *)x->content; *p; p++) {
            bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
            if (!space)
                zt_buf_add(out, p, 1);
            else if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
                zt_buf_add(out, " ", 1);
        }
    }
    while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n'))
        out->len--;
}

static unsigned span_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    long k = v ? strtol((const char *)v, NULL, 10) : 1;
    xmlFree(v);
    return k < 1 ? 1 : k > 1000 ? 1000 : (unsigned)k;
}

/* The rows of table T, in order (within thead, tbody, tfoot or not). */
static xmlNode *next_row(xmlNode *t, xmlNode *after)
{
    for (xmlNode *x = after ? zt_html_next(after, t, false) : t->children; x;) {
        if (zt_html_is(x, "tr"))
            return x;
        bool section = zt_html_is(x, "thead") || zt_html_is(x, "tbody") || zt_html_is(x, "tfoot");
        x = zt_html_next(x, t, section); /* into row groups, past anything else */
    }
    return NULL;
}

/* A table of data, not of layout: rows of two cells or more (or one
 * column under a <th>), no cell of a page's worth of text, no table
 * inside. */
static bool data_table(const mapper *mp, xmlNode *t)
{
    for (xmlNode *x = t->children; x; x = zt_html_next(x, t, true))
        if (zt_html_is(x, "table"))
            return false;
    size_t rows = 0, wide = 0;
    bool headed = false; /* a first row of <th>: a column of data has a name */
    for (xmlNode *r = next_row(t, NULL); r; r = next_row(t, r)) {
        size_t n = 0, th = 0;
        for (xmlNode *c = r->children; c; c = c->next) {
            if (!zt_html_is(c, "td") && !zt_html_is(c, "th"))
                continue;
            uint32_t i = index_of(c);
            if (i != NONE && mp->m[i].text > 300)
                return false; /* a cell that holds a page */
            n++;
            th += zt_html_is(c, "th");
        }
        headed = rows ? headed : n && th == n;
        rows++;
        wide += n >= 2;
    }
    return rows >= 2 && (wide * 2 >= rows || headed);
}

static void emit_table(mapper *mp, xmlNode *t)
{
    size_t header = 0, rows = 0;
    bool heading_rows = true; /* rows of <th> or in <thead> at the top */
    for (xmlNode *r = next_row(t, NULL); r && heading_rows; r = next_row(t, r)) {
        bool all_th = zt_html_is(r->parent, "thead"), any = false;
        for (xmlNode *c = r->children; c && !all_th; c = c->next)
            if (zt_html_is(c, "td"))
                break;
            else if (zt_html_is(c, "th"))
                any = true;
        for (xmlNode *c = r->children; c && any && !all_th; c = c->next)
            all_th = !c->next || zt_html_is(c, "td") ? !zt_html_is(c, "td") : false;
        heading_rows = all_th;
        header += all_th;
    }
    mp->st = zhtidy_doc_append_table(mp->doc, header, (unsigned long)xmlGetLineNo(t));
    zt_buf cell;
    zt_buf_init(&cell);
    for (xmlNode *r = next_row(t, NULL); r && !mp->st; r = next_row(t, r)) {
        mp->st = zhtidy_doc_table_add_row(mp->doc);
        rows++;
        for (xmlNode *c = r->children; c && !mp->st; c = c->next) {
            if (!zt_html_is(c, "td") && !zt_html_is(c, "th"))
                continue;
            cell.len = 0;
            cell_text(c, &cell);
            mp->st = cell.failed ? ZHTIDY_ERR_NOMEM
                                 : zhtidy_doc_table_add_cell(mp->doc, cell.data ? cell.data : "", cell.len,
                                                             span_attr(c, "colspan"),
                                                             span_attr(c, "rowspan"),
                                                             zt_html_is(c, "th"));
        }
    }
    zt_buf_free(&cell);
}

/* Code, as the page has it: one leading line break dropped, trailing space
 * and line breaks too. */
static void emit_code(mapper *mp, xmlNode *pre)
{
    xmlChar *v = xmlNodeGetContent(pre);
    if (!v) {
        mp->st = ZHTIDY_ERR_NOMEM;
        return;
    }
    const char *t = (const char *)v;
    size_t len = strlen(t);
    if (len && t[0] == '\n')
        t++, len--;
    while (len && (t[len - 1] == '\n' || t[len - 1] == ' ' || t[len - 1] == '\t' ||
                   t[len - 1] == '\r'))
        len--;
    if (len)
        mp->st = zhtidy_doc_append(mp->doc, ZHTIDY_CODE, 0, 0, t, len,
                                   (unsigned long)xmlGetLineNo(pre));
    xmlFree(v);
}

static int heading_level(const xmlNode *n)
{
    static const char *const h[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    for (int k = 0; k < 6; k++)
        if (zt_html_is(n, h[k]))
            return k + 1;
    return 0;
}

/* Entering element N: false when its subtree is handled whole. */
static bool enter(mapper *mp, xmlNode *n)
{
    if (!block_level(n))
        return !zt_html_is(n, "img");
    flush(mp);
    if (index_of(n) != NONE && mp->m[index_of(n)].dropped)
        return false;
    int h = heading_level(n);
    if (h)
        mp->heading = h;
    else if (zt_html_is(n, "ul") || zt_html_is(n, "ol") || zt_html_is(n, "menu") ||
             zt_html_is(n, "dir")) {
        mp->lists++;
        if (mp->lists <= MAX_LIST_DEPTH)
            mp->ordered[mp->lists] = zt_html_is(n, "ol");
    } else if (zt_html_is(n, "li"))
        mp->items++;
    else if (zt_html_is(n, "pre")) {
        emit_code(mp, n);
        return false;
    } else if (zt_html_is(n, "table") && data_table(mp, n)) {
        emit_table(mp, n);
        return false;
    }
    return true;
}

static void leave(mapper *mp, xmlNode *n)
{
    if (!block_level(n))
        return;
    flush(mp);
    if (index_of(n) != NONE && mp->m[index_of(n)].dropped)
        return;
    if (heading_level(n))
        mp->heading = 0;
    else if (zt_html_is(n, "ul") || zt_html_is(n, "ol") || zt_html_is(n, "menu") ||
             zt_html_is(n, "dir"))
        mp->lists--;
    else if (zt_html_is(n, "li"))
        mp->items--;
}

/* Map the subtree of ROOT, in document order; iterative, whatever its depth. */
static void map_subtree(mapper *mp, xmlNode *root)
{
    xmlNode *n = root;
    bool descend = root->type != XML_ELEMENT_NODE || enter(mp, root);
    while (n && !mp->st) {
        if (n->type == XML_TEXT_NODE)
            add_text(mp, n);
        if (descend && n->children) {
            n = n->children;
            descend = n->type != XML_ELEMENT_NODE || enter(mp, n);
            continue;
        }
        /* leave N, and its ancestors that have no next sibling */
        while (n != root && !n->next) {
            if (n->type == XML_ELEMENT_NODE)
                leave(mp, n);
            n = n->parent;
        }
        if (n->type == XML_ELEMENT_NODE)
            leave(mp, n);
        if (n == root)
            break;
        n = n->next;
        descend = n->type != XML_ELEMENT_NODE || enter(mp, n);
    }
    flush(mp);
}

/* ---- the whole ---------------------------------------------------------------- */

/* A sibling of the content that is another section of the same article:
 * code or a table in it, or a heading and some text; few links. */
static bool section_like(const measure *m, uint32_t i)
{
    if (!m[i].text || link_density(&m[i]) >= 0.25)
        return false;
    const xmlNode *n = m[i].node;
    for (const xmlNode *x = n; x; x = zt_html_next((xmlNode *)x, n, true))
        if (zt_html_is(x, "pre") || zt_html_is(x, "table") || (heading_level(x) && m[i].text >= 40))
            return true;
    return false;
}

/* The content's parts, marked: the best element, the heading that opens it
 * (a preceding sibling, with nothing long between), and those of its
 * siblings that score near it.  Whether a heading opens it, in *OPENS. */
static void select_content(measure *m, uint32_t best, bool *opens)
{
    m[best].selected = true;
    *opens = false;
    xmlNode *at = m[best].node; /* the first of the parts */
    if (m[best].parent != NONE) {
        double threshold = m[best].score * 0.2 > MIN_CONTENT_SCORE ? m[best].score * 0.2 : MIN_CONTENT_SCORE;
        at = NULL;
        for (xmlNode *x = m[best].node->parent->children; x; x = x->next) {
            uint32_t i = index_of(x);
            if (i != NONE && (m[i].selected || m[i].score >= threshold ||
                              (zt_html_is(x, "p") && m[i].text >= 40 && link_density(&m[i]) < 0.25) ||
                              section_like(m, i))) {
                m[i].selected = true;
                at = at ? at : x;
            }
        }
    }
    /* the heading, and what stands between it and the content (a lead, a
     * date line: the passes weigh those); up through the content's
     * ancestors (three at most) while nothing long stands between, to the
     * page's <h1>, but not to a heading of links there (a site's name) */
    bool stop = false;
    for (int up = 0; up < 4 && at && !stop && index_of(at) != NONE; up++) {
        xmlNode *heading = NULL;
        for (xmlNode *x = at->prev; x && !heading && !stop; x = x->prev) {
            uint32_t i = index_of(x);
            if (i != NONE && heading_level(x) && (!up || link_density(&m[i]) < 0.5))
                heading = x;
            else if (i != NONE && m[i].text >= 40)
                stop = true;
        }
        for (xmlNode *x = heading; x && x != at; x = x->next)
            if (index_of(x) != NONE)
                m[index_of(x)].selected = *opens = true;
        stop = stop || (heading && heading_level(heading) == 1);
        at = at->parent;
    }
}

/* Inside the content, a part whose class names say furniture ("related",
 * "share", "tuijian") and that is mostly links or short; not a heading. */
static bool furniture_inside(const measure *m, uint32_t i)
{
    return !heading_level(m[i].node) && class_weight(m[i].node) < 0 &&
           (link_density(&m[i]) > 0.2 || m[i].text < 100);
}

/* Which elements' text is the document's: the selected parts and all
 * in them, but for furniture inside them when DROP. */
static void mark_kept(measure *m, size_t n, bool drop)
{
    for (size_t i = 0; i < n; i++) {
        bool in = m[i].selected || (m[i].parent != NONE && m[m[i].parent].kept);
        m[i].dropped = drop && in && furniture_inside(m, (uint32_t)i);
        m[i].kept = in && !m[i].dropped;
    }
}

/* The text left out, into the report a run at a time in the page's order,
 * so that what was left out can be seen; and all of the page's text,
 * folded, into PAGE_TEXT. */
static zhtidy_status outside(zhtidy_doc *doc, const measure *m, xmlNode *root, zt_buf *page_text)
{
    zt_buf run;
    zt_buf_init(&run);
    unsigned long line = 0;
    uint32_t block = NONE;
    zhtidy_status st = ZHTIDY_OK;
    for (xmlNode *x = root; x && !st; x = zt_html_next(x, root, true)) {
        if (x->type != XML_TEXT_NODE || !x->content)
            continue;
        const char *t = (const char *)x->content;
        zt_html_fold_title(t, strlen(t), page_text);
        uint32_t e = index_of(x->parent);
        bool kept = e != NONE && m[e].kept;
        if (!kept && e != NONE && m[e].block != block && run.len && run.data[run.len - 1] != ' ')
            zt_buf_add(&run, " ", 1); /* another block: a space between */
        block = e != NONE ? m[e].block : NONE;
        bool blank = true;
        for (const char *p = t; *p && blank; p++)
            blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
        if (kept && !blank && run.len) { /* the run ends where the content goes on */
            while (run.len && run.data[run.len - 1] == ' ')
                run.len--;
            st = run.failed ? ZHTIDY_ERR_NOMEM
                 : run.len  ? zt_report_add(&doc->report, ZT_R_HTML_OUTSIDE, line,
                                            ZHTIDY_CHANGE_REMOVE, run.data, run.len, NULL, 0)
                            : ZHTIDY_OK;
            run.len = 0;
        }
        for (const char *p = t; !kept && *p; p++) {
            bool space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
            if (!space && !run.len)
                line = (unsigned long)xmlGetLineNo(x);
            if (!space || (run.len && run.data[run.len - 1] != ' '))
                zt_buf_add(&run, space ? " " : p, 1);
        }
    }
    while (run.len && run.data[run.len - 1] == ' ')
        run.len--;
    if (!st && run.len)
        st = run.failed ? ZHTIDY_ERR_NOMEM
                        : zt_report_add(&doc->report, ZT_R_HTML_OUTSIDE, line, ZHTIDY_CHANGE_REMOVE,
                                        run.data, run.len, NULL, 0);
    if (!st && page_text->failed)
        st = ZHTIDY_ERR_NOMEM;
    zt_buf_free(&run);
    return st;
}

zhtidy_status zt_html_content(zhtidy_doc *doc, xmlNode *root, const char *title,
                              const zhtidy_options *opts)
{
    size_t n = 0;
    measure *m = measure_all(root, &n);
    if (!m)
        return ZHTIDY_ERR_NOMEM;
    bool on = zt_rule_on(opts, ZT_R_HTML_OUTSIDE);
    uint32_t best = on ? best_candidate(m, n) : NONE;
    bool opens = false;
    if (best != NONE)
        select_content(m, best, &opens);
    mapper mp = {.doc = doc, .m = m, .first_block = doc->n,
                 .drop_links = zt_rule_on(opts, ZT_R_HTML_LINKS)};
    zt_buf_init(&mp.para);
    zt_buf page_text;
    zt_buf_init(&page_text);
    for (size_t i = 0; i < n && best == NONE; i++)
        m[i].selected = m[i].parent == NONE; /* no evidence of content: the whole page */
    mark_kept(m, n, on);
    for (size_t i = 0; i < n && !mp.st; i++)
        if (m[i].selected && (m[i].parent == NONE || !m[m[i].parent].kept))
            map_subtree(&mp, m[i].node); /* in document order */
    if (!mp.st)
        mp.st = outside(doc, m, root, &page_text);
    /* heading levels as the page ranks them: its highest is 1 */
    for (size_t i = mp.first_block; !mp.st && i < doc->n; i++)
        if (doc->blocks[i].type == ZHTIDY_HEADING) {
            int level = doc->blocks[i].level - mp.min_heading + 1;
            doc->blocks[i].level = (uint8_t)(level > 4 ? 4 : level);
        }
    zhtidy_status st = mp.st;
    if (!st)
        st = zt_html_set_title(doc, mp.first_block, opens, mp.min_heading == 1, title, &page_text);
    zt_buf_free(&page_text);
    zt_buf_free(&mp.para);
    free(m);
    return st;
}
