/* SPDX-License-Identifier: MIT */
/* epub.h - shared by the EPUB writer's files (write_epub.c, epub_blocks.c);
 * not installed. */
#ifndef ZHTIDY_EPUB_H
#define ZHTIDY_EPUB_H

#include "package.h"

/* The list items from block I on, before block END, as nested <ul> and
 * <ol>; returns the block after the last item. */
size_t zt_epub_list(xmlw *x, const zhtidy_doc *doc, size_t i, size_t end);
/* Table block I as a <table>: header rows in <thead> as <th>, the others
 * in <tbody>; a cell's line breaks as <br/>.  A table without rows writes
 * nothing. */
void zt_epub_table(xmlw *x, const zhtidy_doc *doc, size_t i);
/* Code as <pre><code>, verbatim; a final line break ends the last line. */
void zt_epub_code(xmlw *x, const char *t, size_t len);

/* The stylesheet's rules for the kinds of block (zt_block_kinds) a book
 * holds: lists, tables, code; none for a book of headings and
 * paragraphs. */
void zt_epub_blocks_css(zt_buf *css, unsigned kinds);

#endif
