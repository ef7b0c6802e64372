/* SPDX-License-Identifier: MIT */
/* html.h - the HTML reader's parts (html.c reads and cleans the page,
 * html_content.c finds its content and maps it to blocks).  Not
 * installed. */
#ifndef ZHTIDY_HTML_H
#define ZHTIDY_HTML_H

#include "internal.h"

#include <libxml/tree.h>

/* Is N an element named NAME (any case)? */
bool zt_html_is(const xmlNode *n, const char *name);
/* Is N an element named by one of NAMES (a NULL-ended list)? */
bool zt_html_one_of(const xmlNode *n, const char *const *names);
/* The next node after N in document order within ROOT: N's first child
 * when DESCEND, else what follows N's subtree; NULL at the end. */
xmlNode *zt_html_next(xmlNode *n, const xmlNode *root, bool descend);
/* Find the main content under ROOT (the page, cleaned) and append it to
 * DOC as blocks; TITLE is the page's <title>, or NULL.  What is left out
 * is reported (html.outside, html.links). */
zhtidy_status zt_html_content(zhtidy_doc *doc, xmlNode *root, const char *title,
                              const zhtidy_options *opts);

/* html_title.c: S folded for comparing titles, appended to OUT (no spaces,
 * dashes alike, ASCII letters in one case). */
void zt_html_fold_title(const char *s, size_t len, zt_buf *out);
/* Set DOC's title from the page's <title> PAGE and the headings from block
 * FIRST on (the content's first); OPENS: a heading opens the content;
 * TOP_H1: the page's highest heading is an h1; PAGE_TEXT: the page's text,
 * folded. */
zhtidy_status zt_html_set_title(zhtidy_doc *doc, size_t first, bool opens, bool top_h1,
                                const char *page, const zt_buf *page_text);

#endif
