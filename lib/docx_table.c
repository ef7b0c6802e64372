/* SPDX-License-Identifier: MIT */
/* docx_table.c - a table block as a WordprocessingML table.
 *
 * Cells are laid on a grid as HTML lays them: each cell takes the first
 * column no cell above still covers.  Word needs every grid column of every
 * row filled, so a column a cell above covers gets a vMerge continuation
 * cell, and a row with fewer cells than the grid is filled with empty
 * ones.  The columns share the text width equally; single borders all
 * round; header rows are marked to repeat on each page. */
#include "docx.h"

#include <stdlib.h>
#include <string.h>

/* HTML's limit: a wider span is taken as this wide. */
#define MAX_COLSPAN 1000

/* One column of the grid while a row is laid: the rows below still covered
 * by a cell from above, and that cell's width from its first column. */
typedef struct {
    size_t covered;
    unsigned span;
} column;

typedef struct {
    const zhtidy_doc *doc;
    size_t block, rows, header_rows;
    column *cols;
    size_t ncols, cap;
    bool failed;
} grid;

/* Column C exists (the grid grows as wide as a row needs). */
static bool grid_reach(grid *g, size_t c)
{
    while (c >= g->ncols) {
        column *cols = zt_grow(g->cols, &g->cap, g->ncols, sizeof *cols, 16);
        if (!cols) {
            g->failed = true;
            return false;
        }
        g->cols = cols;
        g->cols[g->ncols++] = (column){0, 0};
    }
    return true;
}

/* Where the cells of row R go: the first column of each in AT (N cells),
 * their widths in SPAN.  Columns covered from above are passed over; a
 * span stops before a covered column. */
static void place_row(grid *g, size_t r, size_t *at, unsigned *span)
{
    size_t n, col = 0;
    const zhtidy_cell *cells = zhtidy_doc_table_row(g->doc, g->block, r, &n);
    for (size_t k = 0; k < n; k++) {
        while (col < g->ncols && g->cols[col].covered)
            col++;
        unsigned want = cells[k].colspan;
        want = want < 1 ? 1 : want > MAX_COLSPAN ? MAX_COLSPAN : want;
        unsigned s = 0;
        while (s < want && grid_reach(g, col + s) && !g->cols[col + s].covered)
            s++;
        if (g->failed)
            return;
        at[k] = col;
        span[k] = s;
        col += s;
    }
}

/* After row R is written: the rows below that its cells, and the cells
 * above, still cover. */
static void cover_row(grid *g, size_t r, const size_t *at, const unsigned *span)
{
    size_t n;
    const zhtidy_cell *cells = zhtidy_doc_table_row(g->doc, g->block, r, &n);
    for (size_t c = 0; c < g->ncols; c++)
        if (g->cols[c].covered)
            g->cols[c].covered--;
    for (size_t k = 0; k < n; k++) {
        g->cols[at[k]].span = span[k];
        for (unsigned s = 0; s < span[k]; s++)
            g->cols[at[k] + s].covered = zt_cell_rows(g->doc, g->block, r, &cells[k]) - 1;
    }
}

static int col_width(const grid *g, int width, size_t c)
{
    int w = width / (int)g->ncols;
    return w + ((int)c < width % (int)g->ncols);
}

/* A cell: its width, span and merge, then its text a paragraph a line (a
 * cell must end in a paragraph, so an empty one has one too).  C is NULL
 * for a cell that continues one above (MERGE "continue") or fills a short
 * row. */
static void cell(xmlw *x, const grid *g, int width, size_t col, unsigned span, const char *merge,
                 const zhtidy_cell *c, bool header)
{
    int w = 0;
    for (unsigned s = 0; s < span; s++)
        w += col_width(g, width, col + s);
    xw_start(x, "w:tc");
    xw_start(x, "w:tcPr");
    xw_start(x, "w:tcW");
    xw_attr_int(x, "w:w", w);
    xw_attr(x, "w:type", "dxa");
    xw_end(x);
    if (span > 1) {
        xw_start(x, "w:gridSpan");
        xw_attr_int(x, "w:val", span);
        xw_end(x);
    }
    if (merge) {
        xw_start(x, "w:vMerge");
        if (strcmp(merge, "continue"))
            xw_attr(x, "w:val", merge);
        xw_end(x);
    }
    xw_elem_attr(x, "w:vAlign", "w:val", "center");
    xw_end(x);
    const char *style = header ? "TableHeading" : "TableText";
    const char *t = c ? c->text : "";
    size_t len = c ? c->len : 0;
    for (size_t start = 0;;) {
        const char *lf = memchr(t + start, '\n', len - start);
        size_t end = lf ? (size_t)(lf - t) : len;
        zt_docx_paragraph(x, style, t + start, end - start);
        if (!lf)
            break;
        start = end + 1;
    }
    xw_end(x);
}

static void border(xmlw *x, const char *side)
{
    xw_start(x, side);
    xw_attr(x, "w:val", "single");
    xw_attr(x, "w:sz", "4");
    xw_attr(x, "w:space", "0");
    xw_attr(x, "w:color", "auto");
    xw_end(x);
}

/* The table's properties and grid: the columns share WIDTH. */
static void table_start(xmlw *x, const grid *g, int width)
{
    xw_start(x, "w:tbl");
    xw_start(x, "w:tblPr");
    xw_start(x, "w:tblW");
    xw_attr_int(x, "w:w", width);
    xw_attr(x, "w:type", "dxa");
    xw_end(x);
    xw_start(x, "w:tblBorders");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH",
                                        "w:insideV"};
    for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++)
        border(x, sides[k]);
    xw_end(x);
    xw_elem_attr(x, "w:tblLayout", "w:type", "fixed");
    xw_start(x, "w:tblLook");
    xw_attr(x, "w:firstRow", g->header_rows ? "1" : "0");
    xw_attr(x, "w:lastRow", "0");
    xw_attr(x, "w:firstColumn", "0");
    xw_attr(x, "w:lastColumn", "0");
    xw_attr(x, "w:noHBand", "1");
    xw_attr(x, "w:noVBand", "1");
    xw_end(x);
    xw_end(x);
    xw_start(x, "w:tblGrid");
    for (size_t c = 0; c < g->ncols; c++) {
        xw_start(x, "w:gridCol");
        xw_attr_int(x, "w:w", col_width(g, width, c));
        xw_end(x);
    }
    xw_end(x);
}

/* Row R: its cells where place_row() put them, continuations of the cells
 * above where they cover, and empty cells where the row is short. */
static void row(xmlw *x, grid *g, int width, size_t r, size_t *at, unsigned *span)
{
    size_t n;
    const zhtidy_cell *cells = zhtidy_doc_table_row(g->doc, g->block, r, &n);
    place_row(g, r, at, span);
    if (g->failed)
        return;
    bool head = r < g->header_rows;
    xw_start(x, "w:tr");
    if (head) {
        xw_start(x, "w:trPr");
        xw_start(x, "w:tblHeader");
        xw_end(x);
        xw_end(x);
    }
    for (size_t c = 0, k = 0; c < g->ncols;) {
        if (k < n && at[k] == c) {
            bool down = zt_cell_rows(g->doc, g->block, r, &cells[k]) > 1;
            const char *merge = down ? "restart" : NULL;
            cell(x, g, width, c, span[k], merge, &cells[k], head || cells[k].header);
            c += span[k++];
        } else if (g->cols[c].covered) {
            cell(x, g, width, c, g->cols[c].span, "continue", NULL, false);
            c += g->cols[c].span;
        } else {
            cell(x, g, width, c++, 1, NULL, NULL, false);
        }
    }
    xw_end(x);
    cover_row(g, r, at, span);
}

void zt_docx_table(xmlw *x, const zhtidy_doc *doc, size_t i, int width)
{
    grid g = {.doc = doc, .block = i};
    g.rows = zhtidy_doc_table_rows(doc, i, &g.header_rows);
    if (g.header_rows > g.rows)
        g.header_rows = g.rows;
    size_t most = 1;
    for (size_t r = 0; r < g.rows; r++) {
        size_t n;
        zhtidy_doc_table_row(doc, i, r, &n);
        most = n > most ? n : most;
    }
    size_t *at = malloc(most * sizeof *at);
    unsigned *span = malloc(most * sizeof *span);
    g.failed = !at || !span;
    /* a first pass finds how wide the grid is */
    for (size_t r = 0; r < g.rows && !g.failed; r++) {
        place_row(&g, r, at, span);
        if (!g.failed)
            cover_row(&g, r, at, span);
    }
    if (!g.failed && g.ncols) {
        memset(g.cols, 0, g.ncols * sizeof *g.cols);
        table_start(x, &g, width);
        for (size_t r = 0; r < g.rows && !g.failed; r++)
            row(x, &g, width, r, at, span);
        xw_end(x);
    }
    if (g.failed)
        xw_fail(x);
    free(at);
    free(span);
    free(g.cols);
}
