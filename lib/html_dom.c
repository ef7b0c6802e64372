/* SPDX-License-Identifier: MIT */
/* html_dom.c - walking libxml2's HTML tree: what an element is, and the
 * next node in document order.  Shared by the reader (html.c) and the
 * content finder (html_content.c). */
#include "html.h"

#include <string.h>

/* The HTML parser gives element names in lower case. */
bool zt_html_is(const xmlNode *n, const char *name)
{
    const char *s = n && n->type == XML_ELEMENT_NODE ? (const char *)n->name : NULL;
    return s && s[0] == name[0] && !strcmp(s, name);
}

bool zt_html_one_of(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (zt_html_is(n, *names))
            return true;
    return false;
}

/* The next node of a walk in document order under ROOT, from N: its
 * first child if DESCEND, else the next node after its subtree. */
xmlNode *zt_html_next(xmlNode *n, const xmlNode *root, bool descend)
{
    if (descend && n->children)
        return n->children;
    while (n && n != root && !n->next)
        n = n->parent;
    return n && n != root ? n->next : NULL;
}
