/* SPDX-License-Identifier: MIT */
/* docx_pages.c - the page each heading falls on, for the pre-filled table
 * of contents.
 *
 * Word and WPS show the TOC's page numbers as written until the field is
 * updated, so they are computed by laying out what the writer emits: the
 * title, the TOC (a line an entry, then a page break), and each block with
 * the sizes, indents, spacing and line pitch of its style (docx_parts.c),
 * broken into lines as a Chinese line breaker breaks them.  Measured
 * against LibreOffice, which sets the named Chinese fonts in Noto Sans CJK
 * (every CJK character and full-width mark one em; lines 1.448 em high
 * before the 1.5 spacing) and Times New Roman in a serif whose digits are
 * 0.636 em wide.  The rules that move a page break:
 *   - a closing mark never starts a line and an opening one never ends it;
 *     、。，． may hang past the right margin instead of starting a line;
 *   - Latin words and numbers break only at spaces;
 *   - headings are kept with the next paragraph's first line and never
 *     split; their space before is dropped at the top of a page;
 *   - body paragraphs split anywhere (the Normal style has no widow
 *     control).
 * One pass over the blocks; a heading looks ahead through the headings
 * right after it (at most a few). */
#include "docx.h"

#include <string.h>

/* Advance widths of ASCII 0x20-0x7E in thousandths of an em (DejaVu
 * Serif, LibreOffice's stand-in for Times New Roman where it is absent;
 * Times' own are narrower, so a line holds at least as much in Word). */
static const unsigned short ascii_w[95] = {
    318, 402, 460, 838, 636, 950, 890, 275, 390, 390, 500,  838, 318, 338, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337,  337, 838, 838, 838, 536,
    1000, 722, 735, 765, 802, 730, 694, 799, 872, 395, 401, 747, 664, 1024, 875, 820,
    673, 820, 753, 685, 667, 843, 722, 1028, 712, 660, 695, 390, 337, 390, 838, 500,
    500, 596, 640, 560, 640, 592, 370, 640, 644, 320, 310, 606, 320, 948, 644, 602,
    640, 640, 478, 513, 402, 644, 565, 856, 564, 565, 527, 636, 337, 636, 838};

#define CJK_LINE 1.448  /* Noto Sans CJK: ascent + descent, in ems */
#define MONO_LINE 1.164 /* DejaVu Sans Mono */
#define MONO_W 0.602
#define EPS 0.01

/* Marks that never start a line, and those that never end one. */
static bool no_start(unsigned long c)
{
    static const unsigned long list[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D,
        0x300F, 0x3011, 0x3015, 0x3009, 0x3017, 0x201D, 0x2019, 0x2026, 0x2014, 0x00B7, 0xFF5D,
        0xFF3D, 0xFF05, 0x2030, 0x2103, 0xFF5E, 0x3005, 0x30FC};
    if (c < 0x80)
        return c && strchr(",.;:?!)]}%", (int)c);
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (list[i] == c)
            return true;
    return false;
}

static bool no_end(unsigned long c)
{
    static const unsigned long list[] = {0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014,
                                         0x3008, 0x3016, 0x201C, 0x2018, 0xFF5B, 0xFF3B};
    if (c < 0x80)
        return c && strchr("([{", (int)c);
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (list[i] == c)
            return true;
    return false;
}

static bool hangs(unsigned long c)
{
    return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E;
}

/* How text is set: its size and tracking in points, its Latin letters
 * monospace or not. */
typedef struct {
    double size, track;
    bool mono;
} face;

static double char_width(const face *f, unsigned long c)
{
    double em;
    if (c >= 0x20 && c < 0x7F)
        em = f->mono ? MONO_W : ascii_w[c - 0x20] / 1000.0;
    else if (c < 0x2000)
        em = f->mono ? MONO_W : 0.6;
    else
        em = 1.0;
    return em * f->size + f->track;
}

static bool latin(unsigned long c)
{
    return c > 0x20 && c < 0x2000;
}

static bool alnum(unsigned long c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool ideograph(unsigned long c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
}

/* The space set between an ideograph and a Latin letter or digit (not a
 * mark), in ems. */
#define AUTOSPACE 0.2

/* The lines text T takes in WIDTH points, its first line FIRST points
 * narrower (an indent); *LAST gets the width the last line holds. */
static int line_count(const char *t, size_t len, const face *f, double width, double first,
                      double *last)
{
    int lines = 1;
    double x = first, word = 0; /* the Latin word being read, not yet placed */
    double prev_w = 0;          /* the unit placed last on this line */
    unsigned long prev = 0, word_last = 0;
    bool hung = false;
    for (size_t i = 0; i <= len;) {
        unsigned long c = i < len ? (unsigned long)zt_utf8_next(t, len, &i) : 0;
        if (i >= len && !c)
            i = len + 1;
        if (c && latin(c)) { /* a word is placed whole, when it ends */
            if (word == 0 && ideograph(prev) && alnum(c))
                word += AUTOSPACE * f->size;
            word += char_width(f, c);
            word_last = c;
            continue;
        }
        if (word > 0) { /* place the word before C */
            if (x + word > width + EPS && x > 0) {
                lines++;
                x = 0;
            }
            while (x + word > width + EPS) { /* longer than a line */
                word -= width - x;
                lines++;
                x = 0;
            }
            x += word;
            prev_w = word;
            prev = word_last;
            word = 0;
        }
        if (!c)
            break;
        double w = char_width(f, c);
        if (ideograph(c) && alnum(prev) && prev_w > 0)
            w += AUTOSPACE * f->size;
        if (c == ' ' || c == '\t') {
            if (x + w <= width + EPS)
                x += w;
            prev = ' ';
            prev_w = 0;
            continue;
        }
        if (c == '\n') {
            lines++;
            x = 0;
            prev = 0;
            continue;
        }
        if (x + w <= width + EPS || x == 0) {
            x += w;
        } else if (hangs(c) && !hung) { /* past the margin, then a new line */
            x += w;
            hung = true;
            prev = c;
            prev_w = w;
            continue;
        } else { /* a new line, taking the last unit along if C may not start it */
            lines++;
            double carry = 0;
            if ((no_start(c) || no_end(prev)) && prev_w > 0 && prev_w + w <= width)
                carry = prev_w;
            x = carry + w;
        }
        hung = false;
        prev = c;
        prev_w = w;
    }
    if (last)
        *last = x;
    return lines;
}

/* The layout: the page, and the height used on it. */
typedef struct {
    const zhtidy_doc *doc;
    const zt_docx_preset *p;
    double width, height; /* of the text area, points */
    double y;             /* used on the current page */
    int page;
    face body;
    double after;  /* the space after the last paragraph, in Y */
    bool broken;   /* at the top of a page after a page break: space before kept */
} pager;

/* The space between paragraphs is the larger of the space after the one
 * and before the other, as LibreOffice sets it. */
static double gap(double after, double before)
{
    return before > after ? before - after : 0;
}

static void new_page(pager *g)
{
    g->page++;
    g->y = 0;
    g->after = 0;
}

/* A line: its pitch, and the height of its text, which is all that must
 * fit above the bottom margin (the last line's extra spacing may fall
 * below it, as LibreOffice sets spacing in proportion to the font). */
typedef struct {
    double pitch, ink;
} line_box;

/* Lines of SIZE points under the preset's spacing. */
static line_box spaced(const zt_docx_preset *p, double size)
{
    if (p->line_exact)
        return (line_box){p->line / 20.0, p->line / 20.0};
    return (line_box){size * CJK_LINE * p->line / 240.0, size * CJK_LINE};
}

/* Single-spaced lines of SIZE points, EM high. */
static line_box single(double size, double em)
{
    return (line_box){size * em, size * em};
}

/* A paragraph of LINES lines, spaced BEFORE and AFTER, that may be split
 * between pages when SPLIT. */
static void put(pager *g, int lines, line_box lb, double before, double after, bool split)
{
    if (g->y > 0 || g->page == 1 || g->broken)
        g->y += gap(g->after, before);
    g->broken = false;
    double need = (split ? 0 : (lines - 1) * lb.pitch) + lb.ink;
    if (g->y > 0 && g->y + need > g->height + EPS)
        new_page(g);
    for (int k = 0; k < lines; k++) {
        if (g->y > 0 && g->y + lb.ink > g->height + EPS)
            new_page(g);
        g->y += lb.pitch;
    }
    g->y += after;
    g->after = after;
    if (g->y > g->height + EPS) /* the space after does not carry over */
        new_page(g);
}

static void heading_metrics(const pager *g, int level, face *f, line_box *lh, double *before,
                            double *after, double *indent)
{
    const zt_docx_preset *p = g->p;
    if (level < 1)
        level = 1;
    if (level > 4)
        level = 4;
    *f = g->body;
    f->size = p->heading_sz[level - 1] / 2.0;
    *lh = spaced(p, f->size);
    *before = p->gbt ? 0 : 12;
    *after = p->gbt ? 0 : 6;
    *indent = p->gbt ? p->body_sz / 2.0 * 2 : 0;
}

/* Heading I's lines, their pitch and the space around them. */
static int heading_lines(const pager *g, size_t i, line_box *lh, double *before, double *after)
{
    size_t len;
    const char *t = zhtidy_doc_block_text(g->doc, i, &len);
    face f;
    double indent;
    heading_metrics(g, zhtidy_doc_block_level(g->doc, i), &f, lh, before, after, &indent);
    return line_count(t, len, &f, g->width, indent, NULL);
}

/* The height block I needs on the page of the heading before it: its first
 * line, or the whole of a heading and what that needs in turn. */
static double lead(const pager *g, size_t i, double prev_after, int depth)
{
    if (i >= zhtidy_doc_block_count(g->doc))
        return 0;
    zhtidy_block_type type = zhtidy_doc_block_type(g->doc, i);
    if (type == ZHTIDY_HEADING) {
        line_box lh;
        double before, after;
        int lines = heading_lines(g, i, &lh, &before, &after);
        double own = gap(prev_after, before) + (lines - 1) * lh.pitch;
        if (depth < 4 && i + 1 < zhtidy_doc_block_count(g->doc))
            return own + lh.pitch + after + lead(g, i + 1, after, depth + 1);
        return own + lh.ink;
    }
    if (type == ZHTIDY_CODE)
        return g->body.size * 7 / 8 * MONO_LINE;
    if (type == ZHTIDY_TABLE)
        return g->body.size * CJK_LINE + 1;
    return spaced(g->p, g->body.size).ink;
}

static void place_heading(pager *g, size_t i)
{
    line_box lh;
    double before, after;
    int lines = heading_lines(g, i, &lh, &before, &after);
    double h = lines * lh.pitch + after, rest = lead(g, i + 1, after, 0);
    double b = g->y > 0 || g->page == 1 || g->broken ? gap(g->after, before) : 0;
    if (g->y > 0 && g->y + b + h + rest > g->height + EPS && h + rest <= g->height)
        new_page(g);
    put(g, lines, lh, before, after, false);
}

static void place_table(pager *g, size_t i)
{
    size_t rows = zhtidy_doc_table_rows(g->doc, i, NULL);
    unsigned cols = 1;
    for (size_t r = 0; r < rows; r++) {
        size_t n;
        const zhtidy_cell *c = zhtidy_doc_table_row(g->doc, i, r, &n);
        unsigned span = 0;
        for (size_t k = 0; k < n; k++)
            span += c[k].colspan ? c[k].colspan : 1;
        if (span > cols)
            cols = span;
    }
    double lh = g->body.size * CJK_LINE;
    for (size_t r = 0; r < rows; r++) {
        size_t n;
        const zhtidy_cell *c = zhtidy_doc_table_row(g->doc, i, r, &n);
        int lines = 1;
        for (size_t k = 0; k < n; k++) {
            unsigned span = c[k].colspan ? c[k].colspan : 1;
            double w = g->width * span / cols - 10.8;
            int l = w > g->body.size
                        ? line_count(c[k].text, strlen(c[k].text), &g->body, w, 0, NULL)
                        : 1;
            if (l > lines)
                lines = l;
        }
        put(g, 1, single(lines * lh + 1, 1), 0, 0, false);
    }
}

static void place_code(pager *g, const char *t, size_t len)
{
    face f = g->body;
    f.size = g->p->body_sz * 7 / 8 / 2.0; /* the Code style's size, whole half-points */
    f.mono = true;
    if (len && t[len - 1] == '\n')
        len--;
    for (size_t s = 0;;) {
        const char *lf = memchr(t + s, '\n', len - s);
        size_t e = lf ? (size_t)(lf - t) : len;
        bool cjk = false;
        for (size_t k = s; k < e; k++)
            cjk |= (unsigned char)t[k] >= 0xE0;
        put(g, line_count(t + s, e - s, &f, g->width, 0, NULL),
            single(f.size, cjk ? CJK_LINE : MONO_LINE), 0, 0, true);
        if (!lf)
            break;
        s = e + 1;
    }
}

void zt_docx_heading_pages(const zhtidy_doc *doc, const zt_docx_preset *p, const char *title,
                           const char *toc_heading, int *pages)
{
    pager g = {doc, p, zt_docx_text_width(p) / 20.0, (16838 - p->pg_top - p->pg_bottom) / 20.0,
               0, 1, {p->body_sz / 2.0, 0, false}, 0, false};
    if (p->gbt) /* the Normal style's tracking: 28 characters a line */
        g.body.track = zt_docx_char_spacing(p) / 20.0;
    line_box body_lh = spaced(p, g.body.size);
    size_t n = zhtidy_doc_block_count(doc);
    if (title) {
        face f = g.body;
        f.size = p->title_sz / 2.0;
        put(&g, line_count(title, strlen(title), &f, g.width, 0, NULL), spaced(p, f.size),
            p->gbt ? 0 : 12,
            p->gbt ? p->line / 20.0 : 12, false);
    }
    /* the TOC: its heading, an entry a line (longer ones wrap before the
     * leader and the number), the paragraph that ends the field */
    face h1;
    line_box lh;
    double before, after, indent;
    heading_metrics(&g, 1, &h1, &lh, &before, &after, &indent);
    put(&g, line_count(toc_heading, strlen(toc_heading), &h1, g.width, 0, NULL), lh, before,
        after, false);
    for (size_t i = 0; i < n; i++) {
        if (zhtidy_doc_block_type(doc, i) != ZHTIDY_HEADING)
            continue;
        size_t len;
        const char *t = zhtidy_doc_block_text(doc, i, &len);
        int level = zhtidy_doc_block_level(doc, i);
        double left = (level > 1 ? level - 1 : 0) * 2 * g.body.size, last;
        int lines = line_count(t, len, &g.body, g.width - left, 0, &last);
        if (last + 3 * g.body.size > g.width - left)
            lines++;
        put(&g, lines, body_lh, 0, 0, true);
    }
    /* the paragraph that ends the field and breaks the page: the body
     * starts on the next page, its first space before kept */
    new_page(&g);
    g.broken = true;
    int k = 0;
    zt_docx_lists lists = {0};
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *t = zhtidy_doc_block_text(doc, i, &len);
        unsigned num = 0;
        int ilvl = 0;
        zt_docx_list_item(&lists, doc, i, &num, &ilvl);
        switch (zhtidy_doc_block_type(doc, i)) {
        case ZHTIDY_HEADING:
            place_heading(&g, i);
            /* the heading's page: where its last line went */
            pages[k++] = g.page - (g.y == 0);
            break;
        case ZHTIDY_LIST_ITEM:
            put(&g,
                line_count(t, len, &g.body, g.width - (ilvl + 1) * 2 * g.body.size, 0, NULL),
                body_lh, 0, 0, true);
            break;
        case ZHTIDY_CODE:
            place_code(&g, t, len);
            break;
        case ZHTIDY_TABLE:
            place_table(&g, i);
            if (i + 1 == n || zhtidy_doc_block_type(doc, i + 1) == ZHTIDY_TABLE)
                put(&g, 1, body_lh, 0, 0, true);
            break;
        default:
            put(&g, line_count(t, len, &g.body, g.width, 2 * g.body.size, NULL), body_lh, 0, 0,
                true);
            break;
        }
    }
}
