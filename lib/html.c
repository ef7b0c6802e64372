/* SPDX-License-Identifier: MIT */
/* html.c - saved web pages: decoded, parsed, their main content found and
 * mapped to blocks.
 *
 * The bytes are decoded as text is (lib/decode.c), the page's declared
 * charset standing in for detection unless the bytes are valid UTF-8 (a
 * page may declare GB2312 and hold UTF-8).  libxml2's HTML parser reads
 * the UTF-8 in recovering mode, with no network and no encoding switch;
 * huge-mode keeps long text and deep nesting (the walks below are
 * iterative, so depth costs no stack).  What a reader never sees goes
 * first: scripts, styles, comments, hidden elements, form controls,
 * frames, navigation.  The main content is then chosen as Readability and
 * GNE choose it (lib/html_content.c), and mapped: headings, paragraphs
 * (lines split at <br>), lists with their depth, data tables (a layout
 * table is read as the blocks it holds), code kept verbatim.  The passes
 * then repair it as they repair text: what furniture remains inside the
 * content goes there. */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- sniffing and the declared charset ------------------------------- */

static bool starts_ci(const unsigned char *p, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && !strncasecmp((const char *)p, word, w);
}

bool zt_html_sniff(const unsigned char *data, size_t len)
{
    size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i >= len || data[i] != '<')
        return false;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                        "<title", NULL};
    size_t end = len - i < 1024 ? len : i + 1024;
    for (size_t p = i; p < end; p++)
        for (const char *const *m = marks; data[p] == '<' && *m; m++)
            if (starts_ci(data + p, end - p, *m))
                return true;
    return false;
}

/* The charset a <meta> declares in the first bytes, as an iconv name we
 * decode with, or NULL. */
static const char *declared_charset(const unsigned char *data, size_t len)
{
    size_t end = len < 8192 ? len : 8192;
    for (size_t p = 0; p + 5 < end; p++) {
        if (!starts_ci(data + p, end - p, "<meta"))
            continue;
        size_t q = p + 5;
        while (q < end && data[q] != '>')
            q++;
        for (size_t c = p; c + 8 < q; c++) {
            if (!starts_ci(data + c, q - c, "charset="))
                continue;
            size_t v = c + 8;
            while (v < q && (data[v] == '"' || data[v] == '\'' || data[v] == ' '))
                v++;
            static const struct {
                const char *name, *iconv;
            } names[] = {{"utf-8", "UTF-8"},          {"utf8", "UTF-8"},
                         {"gb2312", "GB18030"},       {"gbk", "GB18030"},
                         {"gb18030", "GB18030"},      {"x-gbk", "GB18030"},
                         {"cp936", "GB18030"},        {"big5-hkscs", "BIG5-HKSCS"},
                         {"big5", "BIG5-HKSCS"},      {"x-big5", "BIG5-HKSCS"},
                         {"cp950", "BIG5-HKSCS"},     {"utf-16le", "UTF-16LE"},
                         {"utf-16be", "UTF-16BE"},    {"utf-16", "UTF-16"}};
            for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
                if (starts_ci(data + v, q - v, names[k].name))
                    return names[k].iconv;
            return NULL; /* a charset we do not read: detect */
        }
        p = q;
    }
    return NULL;
}

/* Is DATA valid UTF-8 with something beyond ASCII in it? */
static bool utf8_beyond_ascii(const unsigned char *data, size_t len)
{
    bool wide = false;
    for (size_t i = 0; i < len;) {
        if (data[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = zt_utf8_valid_len(data + i, len - i);
        if (!n)
            return false;
        wide = true;
        i += n;
    }
    return wide;
}

/* ---- cleaning the tree ----------------------------------------------- */

/* Does V hold WORD, case folded? */
static bool holds_word(const char *v, const char *word)
{
    size_t w = strlen(word);
    for (const char *p = v; *p; p++)
        if (!strncasecmp(p, word, w))
            return true;
    return false;
}

/* Do N's attributes hide it: hidden, aria-hidden="true", role="navigation",
 * a style of display:none or visibility:hidden? */
static bool hidden_by_attributes(const xmlNode *n)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        if (!strcmp(name, "hidden"))
            return true;
        bool style = !strcmp(name, "style");
        if (!style && strcmp(name, "aria-hidden") && strcmp(name, "role"))
            continue;
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        bool hidden = false;
        if (v && style) {
            char squeezed[256]; /* spaces aside */
            size_t o = 0;
            for (const char *p = (const char *)v; *p && o + 1 < sizeof squeezed; p++)
                if (*p != ' ' && *p != '\t')
                    squeezed[o++] = (char)(*p | 0x20);
            squeezed[o] = '\0';
            hidden = strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
        } else if (v) {
            hidden = holds_word((const char *)v, name[0] == 'a' ? "true" : "navigation");
        }
        xmlFree(v);
        if (hidden)
            return true;
    }
    return false;
}

/* Does N hold at least LIMIT bytes of text?  Looks no further. */
static bool holds_text(const xmlNode *n, size_t limit)
{
    size_t seen = 0;
    for (const xmlNode *x = n->children; x && seen < limit; x = zt_html_next((xmlNode *)x, n, true))
        if (x->type == XML_TEXT_NODE && x->content)
            seen += strlen((const char *)x->content);
    return seen >= limit;
}

/* What a reader of the page never sees, or never reads: dropped whole. */
static bool unseen(const xmlNode *n)
{
    static const char *const gone[] = {
        "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "svg",
        "canvas", "template", "head", "nav", "aside", "map", "audio", "video", "link", "meta",
        NULL,
    };
    /* form controls go, unless a page's "<button/>" or "<select/>" left
     * them open around the rest of the page: the parser nests it inside */
    static const char *const controls[] = {"input", "select", "textarea", "button", "option",
                                           NULL};
    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || n->type == XML_DTD_NODE)
        return true;
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (zt_html_one_of(n, gone))
        return true;
    if (zt_html_one_of(n, controls))
        return !holds_text(n, 512);
    return hidden_by_attributes(n);
}

/* Take out what is never seen; iterative, as the tree may be deep. */
static void drop_unseen(xmlNode *root)
{
    for (xmlNode *n = root->children; n;) {
        if (!unseen(n)) {
            n = zt_html_next(n, root, true);
            continue;
        }
        xmlNode *next = zt_html_next(n, root, false);
        xmlUnlinkNode(n);
        xmlFreeNode(n);
        n = next;
    }
}

/* ---- reading ----------------------------------------------------------- */

/* The <title>'s text, from the head (before it is dropped), or NULL. */
static char *page_title(xmlNode *root)
{
    for (xmlNode *n = root; n; n = zt_html_next(n, root, true))
        if (zt_html_is(n, "title")) {
            xmlChar *t = xmlNodeGetContent(n);
            char *copy = t ? zt_strndup((const char *)t, strlen((const char *)t)) : NULL;
            xmlFree(t);
            return copy;
        }
    return NULL;
}

zhtidy_status zt_html_read(zhtidy_doc *doc, const unsigned char *data, size_t len,
                           const zhtidy_options *opts, zhtidy_error *err)
{
    /* the page's tree takes up to about 30 times its bytes (a node every
     * few bytes): a bound on the page bounds the memory */
    if (len > ZHTIDY_MAX_HTML) {
        zt_error_set(err, ZHTIDY_ERR_TOO_BIG, 0, 0,
                     "a web page larger than %d MiB is not read (its tree would not fit in memory); "
                     "read it as text with -f text", (int)(ZHTIDY_MAX_HTML >> 20));
        return ZHTIDY_ERR_TOO_BIG;
    }
    /* a declaration decides unless the bytes are UTF-8 whatever it says */
    const char *forced = opts->encoding;
    if (!forced && !utf8_beyond_ascii(data, len))
        forced = declared_charset(data, len);
    char *text = NULL;
    size_t text_len = 0;
    const char *enc = NULL;
    zhtidy_status st = zt_decode(data, len, forced, &doc->report, &text, &text_len, &enc);
    if (!st)
        st = zhtidy_doc_set_meta(doc, ZHTIDY_META_ENCODING, enc);
    if (st) {
        free(text);
        zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
        return st;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                  HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                  XML_PARSE_HUGE; /* long text and deep nesting stay: the walks are iterative */
    htmlDocPtr h = text_len <= (size_t)INT32_MAX ? htmlReadMemory(text, (int)text_len, NULL, "UTF-8", options)
                                                 : NULL;
    free(text);
    if (!h) {
        /* only memory stops a recovering parse: an empty page gives no tree */
        st = text_len ? ZHTIDY_ERR_NOMEM : ZHTIDY_OK;
        if (st)
            zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
        return st;
    }
    /* the whole document, not its first <html>: a page that includes a
     * header with its own </html> goes on in a second one */
    xmlNode *root = (xmlNode *)h;
    char *title = page_title(root);
    drop_unseen(root);
    st = zt_html_content(doc, root, title, opts);
    free(title);
    xmlFreeDoc(h);
    if (st)
        zt_error_set(err, st, 0, 0, "%s", zhtidy_strerror(st));
    return st;
}
