/* SPDX-License-Identifier: MIT */
/* write_txt.c - the plain UTF-8 form and the tree dump.
 *
 * Plain form: the title, a blank line, then one block per line with a blank
 * line between blocks, LF line ends and a final newline.  It is a faithful
 * form of the tree: zhtidy-txt reads it back to the same tree.
 * Tree form: one line per metadata item and per block, for tests and for
 * checking a conversion by eye. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static bool write_tree(const zhtidy_doc *doc, obuf *out)
{
    static const struct {
        zhtidy_meta key;
        const char *name;
    } meta[] = {{ZHTIDY_META_TITLE, "title"},       {ZHTIDY_META_LANG, "lang"},
                {ZHTIDY_META_KEYWORDS, "keywords"}, {ZHTIDY_META_CATEGORY, "category"}};
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++) {
        const char *v = zhtidy_doc_meta(doc, meta[k].key);
        if (!v)
            continue;
        ob_puts(out, "@");
        ob_puts(out, meta[k].name);
        ob_puts(out, " ");
        ob_puts(out, v);
        ob_puts(out, "\n");
    }
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++) {
        char tag[8];
        if (zhtidy_doc_block_type(doc, i) == ZHTIDY_HEADING)
            snprintf(tag, sizeof tag, "h%d ", zhtidy_doc_block_level(doc, i));
        else
            strcpy(tag, "p ");
        size_t len;
        const char *text = zhtidy_doc_block_text(doc, i, &len);
        ob_puts(out, tag);
        ob_add(out, text, len);
        ob_puts(out, "\n");
    }
    return !out->failed;
}

bool write_txt(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
               size_t errlen)
{
    (void)err;
    (void)errlen;
    if (wo && wo->format && !strcmp(wo->format, "tree"))
        return write_tree(doc, out);
    const char *title = zhtidy_doc_meta(doc, ZHTIDY_META_TITLE);
    bool first = true;
    if (title && *title) {
        ob_puts(out, title);
        ob_puts(out, "\n");
        first = false;
    }
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++) {
        size_t len;
        const char *text = zhtidy_doc_block_text(doc, i, &len);
        if (!first)
            ob_puts(out, "\n");
        ob_add(out, text, len);
        ob_puts(out, "\n");
        first = false;
    }
    return !out->failed;
}
