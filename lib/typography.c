/* SPDX-License-Identifier: MIT */
/* typography.c - Chinese punctuation after GB/T 15834.
 *
 * Each rule looks at the nearest non-space neighbours of a character and
 * changes it only in Chinese context, so numbers (3.14, 1,000, 10:30), URLs,
 * e-mail addresses, file names, English sentences and code (f(x), a.b())
 * pass through untouched.  A rule proposes replacements over code-point
 * ranges; one applier turns them into the new text and the report. */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int32_t *cp;
    size_t *off; /* byte offset of each code point; off[n] == byte length */
    bool *guard; /* inside a URL, an e-mail address or a file name */
    size_t n;
} cpv;

typedef struct {
    size_t from, to; /* code-point range replaced */
    zt_rule rule;
    char text[8];
    unsigned char len;
} repl;

typedef struct {
    repl *items;
    size_t n, cap;
    bool failed;
} repl_list;

static void propose(repl_list *l, size_t from, size_t to, zt_rule rule, const char *text)
{
    repl *items = zt_grow(l->items, &l->cap, l->n, sizeof *items, 16);
    if (!items) {
        l->failed = true;
        return;
    }
    l->items = items;
    repl *r = &l->items[l->n++];
    r->from = from;
    r->to = to;
    r->rule = rule;
    r->len = (unsigned char)strlen(text);
    memcpy(r->text, text, r->len);
}

static bool is_sp(int32_t c)
{
    return c == ' ' || c == 0x3000 || c == 0x00A0;
}

/* Nearest non-space code point before I / after I, or 0 at the edge. */
static int32_t before(const cpv *v, size_t i)
{
    while (i > 0)
        if (!is_sp(v->cp[--i]))
            return v->cp[i];
    return 0;
}

static int32_t after(const cpv *v, size_t i)
{
    while (++i < v->n)
        if (!is_sp(v->cp[i]))
            return v->cp[i];
    return 0;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_letter(int32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Mark runs of non-space ASCII that look like URLs, e-mail addresses or
 * file names; trailing sentence punctuation stays outside the mark. */
static void mark_guards(cpv *v)
{
    for (size_t i = 0; i < v->n;) {
        if (v->cp[i] >= 0x80 || v->cp[i] <= ' ') {
            i++;
            continue;
        }
        size_t s = i, at = 0, dot_alpha = 0;
        bool url = false;
        while (i < v->n && v->cp[i] > ' ' && v->cp[i] < 0x80) {
            int32_t c = v->cp[i];
            if (c == ':' && i + 2 < v->n && v->cp[i + 1] == '/' && v->cp[i + 2] == '/')
                url = true;
            if (c == '@' && i > s && i + 1 < v->n && zt_is_ascii_alnum(v->cp[i + 1]))
                at++;
            if (c == '.' && i > s && zt_is_ascii_alnum(v->cp[i - 1]) && i + 1 < v->n &&
                is_letter(v->cp[i + 1]))
                dot_alpha++;
            i++;
        }
        if (i - s >= 4 && (v->cp[s] | 0x20) == 'w' && (v->cp[s + 1] | 0x20) == 'w' &&
            (v->cp[s + 2] | 0x20) == 'w' && v->cp[s + 3] == '.')
            url = true;
        if (!(url || at || dot_alpha))
            continue;
        size_t e = i;
        while (e > s && strchr(",.;:!?)", (int)v->cp[e - 1]))
            e--;
        for (size_t k = s; k < e; k++)
            v->guard[k] = true;
    }
}

static void rule_ellipsis(const cpv *v, repl_list *l)
{
    for (size_t i = 0; i < v->n; i++) {
        int32_t c = v->cp[i];
        if (c != '.' && c != 0x3002 && c != 0x22EF && c != 0x2026)
            continue;
        size_t j = i;
        while (j < v->n && v->cp[j] == c)
            j++;
        size_t run = j - i;
        bool chinese = zt_is_cjk(before(v, i)) || zt_is_cjk(after(v, j - 1));
        bool fix = (c == '.' && run >= 3 && chinese && !v->guard[i]) ||
                   (c == 0x3002 && run >= 3) || (c == 0x22EF) ||
                   (c == 0x2026 && run == 1 && chinese);
        if (fix)
            propose(l, i, j, ZT_R_TYPOGRAPHY_ELLIPSIS, "\xE2\x80\xA6\xE2\x80\xA6");
        i = j - 1;
    }
}

static bool is_dash(int32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0xFF0D || c == 0x2500;
}

static void rule_dash(const cpv *v, repl_list *l)
{
    for (size_t i = 0; i < v->n; i++) {
        if (!is_dash(v->cp[i]))
            continue;
        size_t j = i;
        while (j < v->n && is_dash(v->cp[j]))
            j++;
        size_t run = j - i;
        bool proper = run == 2 && v->cp[i] == 0x2014 && v->cp[i + 1] == 0x2014;
        /* A single dash is a hyphen, a range or the connecting mark of
         * GB/T 15834 (北京—上海); only runs are dashes. */
        bool long_dash = run >= 2;
        int32_t p = before(v, i), n = after(v, j - 1);
        bool chinese = (zt_is_han(p) || zt_is_cjk_punct(p)) && (zt_is_cjk(n) || n == 0);
        chinese = chinese || (zt_is_han(n) && (zt_is_cjk(p) || p == 0));
        if (!proper && long_dash && chinese && !v->guard[i])
            propose(l, i, j, ZT_R_TYPOGRAPHY_DASH, "\xE2\x80\x94\xE2\x80\x94");
        i = j - 1;
    }
}

static bool has_han(const cpv *v, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (zt_is_han(v->cp[k]))
            return true;
    return false;
}

static void rule_quotes(const cpv *v, repl_list *l)
{
    size_t open = (size_t)-1;
    for (size_t i = 0; i < v->n; i++) {
        if (v->cp[i] != '"' || v->guard[i])
            continue;
        if (open == (size_t)-1) {
            open = i;
            continue;
        }
        if (has_han(v, open + 1, i)) {
            propose(l, open, open + 1, ZT_R_TYPOGRAPHY_QUOTES, "\xE2\x80\x9C");
            /* Single quotes nested inside, not apostrophes between letters. */
            size_t sq = (size_t)-1;
            for (size_t k = open + 1; k < i; k++) {
                if (v->cp[k] != '\'' || (is_letter(v->cp[k - 1]) && is_letter(v->cp[k + 1])))
                    continue;
                if (sq == (size_t)-1) {
                    sq = k;
                } else {
                    if (has_han(v, sq + 1, k)) {
                        propose(l, sq, sq + 1, ZT_R_TYPOGRAPHY_QUOTES, "\xE2\x80\x98");
                        propose(l, k, k + 1, ZT_R_TYPOGRAPHY_QUOTES, "\xE2\x80\x99");
                    }
                    sq = (size_t)-1;
                }
            }
            propose(l, i, i + 1, ZT_R_TYPOGRAPHY_QUOTES, "\xE2\x80\x9D");
        }
        open = (size_t)-1;
    }
}

static const char *fullwidth_of(int32_t c)
{
    switch (c) {
    case ',': return "\xEF\xBC\x8C";
    case ':': return "\xEF\xBC\x9A";
    case ';': return "\xEF\xBC\x9B";
    case '!': return "\xEF\xBC\x81";
    case '?': return "\xEF\xBC\x9F";
    case '(': return "\xEF\xBC\x88";
    case ')': return "\xEF\xBC\x89";
    }
    return NULL;
}

/* Is the ASCII mark at I in Chinese text?  After a Chinese character, or
 * before one when it does not close a Latin word (Hello, world! stays). */
static bool chinese_mark(const cpv *v, size_t i)
{
    int32_t p = before(v, i), n = after(v, i);
    int32_t c = v->cp[i];
    if ((c == ',' || c == ':') && is_digit(p) && is_digit(n))
        return false;
    if (zt_is_cjk(p))
        return true;
    return zt_is_cjk(n) && !is_letter(p) && !(c == ':' && is_digit(p));
}

/* Pair ASCII parentheses; a pair becomes full-width when it holds Chinese
 * text or touches it from outside, but not as a call like f(x). */
static void rule_parens(const cpv *v, repl_list *l, size_t *match)
{
    size_t *stack = match + v->n, depth = 0;
    for (size_t i = 0; i < v->n; i++) {
        match[i] = (size_t)-1;
        if (v->cp[i] == '(')
            stack[depth++] = i;
        else if (v->cp[i] == ')' && depth) {
            size_t o = stack[--depth];
            match[o] = i;
            match[i] = o;
        }
    }
    for (size_t i = 0; i < v->n; i++) {
        int32_t c = v->cp[i];
        if ((c != '(' && c != ')') || v->guard[i])
            continue;
        size_t m = match[i];
        bool convert;
        if (m == (size_t)-1)
            convert = chinese_mark(v, i);
        else if (v->guard[m])
            convert = false; /* half of a pair inside a URL or a name */
        else {
            size_t o = c == '(' ? i : m, e = c == '(' ? m : i;
            int32_t p = before(v, o);
            bool call = is_letter(p) || is_digit(p) || p == '_';
            convert = has_han(v, o + 1, e) || (!call && (zt_is_cjk(p) || zt_is_cjk(after(v, e))));
        }
        if (convert)
            propose(l, i, i + 1, ZT_R_TYPOGRAPHY_PUNCT, fullwidth_of(c));
    }
}

/* The . at I closes list numbering at a sentence's start (一.人员编制). */
static bool numbering_dot(const cpv *v, size_t i)
{
    size_t s = i;
    while (s > 0 && i - s < 4 && zt_is_cn_numeral(v->cp[s - 1]))
        s--;
    return s < i && (s == 0 || zt_sentence_end(v->cp[s - 1]) || is_sp(v->cp[s - 1]));
}

/* The first character after I that is no space, or 0. */
static int32_t next_visible(const cpv *v, size_t i)
{
    while (++i < v->n)
        if (!is_sp(v->cp[i]))
            return v->cp[i];
    return 0;
}

static void rule_punct(const cpv *v, repl_list *l, bool punct, bool period)
{
    for (size_t i = 0; i < v->n; i++) {
        int32_t c = v->cp[i];
        if (v->guard[i] || c == '(' || c == ')')
            continue;
        if (punct && fullwidth_of(c) && chinese_mark(v, i)) {
            /* a run like "?!" or "!!" is one mark in Latin text; leave it */
            propose(l, i, i + 1, ZT_R_TYPOGRAPHY_PUNCT, fullwidth_of(c));
        } else if (period && c == '.') {
            int32_t p = i ? v->cp[i - 1] : 0, n = i + 1 < v->n ? v->cp[i + 1] : 0;
            bool ends = n == 0 || n == ' ' || zt_is_cjk(n);
            bool after_han = zt_is_han(p) || p == 0x201D || p == 0x300D || p == 0xFF09;
            /* ". .." is a broken ellipsis, "一." numbering: no full stops */
            if (after_han && ends && (i == 0 || v->cp[i - 1] != '.') && next_visible(v, i) != '.' &&
                !numbering_dot(v, i))
                propose(l, i, i + 1, ZT_R_TYPOGRAPHY_PERIOD, "\xE3\x80\x82");
        }
    }
}

static bool is_fw_punct(int32_t c)
{
    return zt_is_cjk_punct(c) && c != 0x3000 && c != 0x00B7;
}

static void rule_space(const cpv *v, repl_list *l)
{
    for (size_t i = 0; i < v->n; i++) {
        if (!is_sp(v->cp[i]))
            continue;
        size_t j = i;
        while (j < v->n && is_sp(v->cp[j]))
            j++;
        int32_t p = i ? v->cp[i - 1] : 0, n = j < v->n ? v->cp[j] : 0;
        if (p && n && ((zt_is_han(p) && zt_is_han(n)) || is_fw_punct(p) || is_fw_punct(n)))
            propose(l, i, j, ZT_R_TYPOGRAPHY_SPACE, "");
        i = j - 1;
    }
}

static void rule_space_latin(const cpv *v, repl_list *l)
{
    for (size_t i = 1; i < v->n; i++) {
        int32_t p = v->cp[i - 1], c = v->cp[i];
        if ((zt_is_han(p) && zt_is_ascii_alnum(c) && !v->guard[i]) ||
            (zt_is_ascii_alnum(p) && zt_is_han(c) && !v->guard[i - 1]))
            propose(l, i, i, ZT_R_TYPOGRAPHY_SPACE_LATIN, " ");
    }
}

static int by_position(const void *a, const void *b)
{
    const repl *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return (x->to > y->to) - (x->to < y->to);
}

static zhtidy_status apply(struct zt_block *b, struct zhtidy_report *r, const cpv *v,
                           repl_list *l)
{
    if (l->failed)
        return ZHTIDY_ERR_NOMEM;
    if (!l->n)
        return ZHTIDY_OK;
    qsort(l->items, l->n, sizeof *l->items, by_position);
    zt_edit e;
    zt_edit_start(&e, r, b->line, b->len + l->n * 4);
    size_t at = 0; /* code point index copied up to */
    for (size_t k = 0; k < l->n; k++) {
        const repl *x = &l->items[k];
        if (x->from < at)
            continue; /* overlaps an earlier replacement */
        zt_buf_add(&e.out, b->text + v->off[at], v->off[x->from] - v->off[at]);
        zt_edit_change(&e, x->rule, b->text + v->off[x->from], v->off[x->to] - v->off[x->from],
                       x->text, x->len);
        at = x->to;
    }
    zt_buf_add(&e.out, b->text + v->off[at], v->off[v->n] - v->off[at]);
    return zt_edit_finish(&e, b);
}

typedef struct {
    bool space, punct, period, ellipsis, dash, quotes, latin;
} rules_on;

/* Buffers a pass reuses from block to block. */
typedef struct {
    cpv v;
    size_t cap;     /* code points the arrays hold */
    size_t *scratch; /* 2 * cap + 1 */
    repl_list l;
} bufs;

/* Decode block B into the buffers, growing them when B is the longest yet. */
static bool load(bufs *bf, const struct zt_block *b)
{
    size_t need = b->len + 1; /* a bound on the code points, with no count */
    if (need > bf->cap) { /* nothing to keep: free and allocate, no copy */
        free(bf->v.cp);
        free(bf->v.off);
        free(bf->v.guard);
        free(bf->scratch);
        bf->v.cp = malloc(need * sizeof *bf->v.cp);
        bf->v.off = malloc(need * sizeof *bf->v.off);
        bf->v.guard = malloc(need * sizeof *bf->v.guard);
        bf->scratch = malloc((2 * need + 1) * sizeof *bf->scratch);
        bf->cap = bf->v.cp && bf->v.off && bf->v.guard && bf->scratch ? need : 0;
        if (!bf->cap)
            return false;
    }
    cpv *v = &bf->v;
    size_t i = 0, k = 0;
    while (i < b->len) {
        v->off[k] = i;
        v->cp[k++] = zt_utf8_next(b->text, b->len, &i);
    }
    v->off[k] = b->len;
    v->n = k;
    memset(v->guard, 0, k + 1);
    mark_guards(v);
    return true;
}

static void bufs_free(bufs *bf)
{
    free(bf->v.cp);
    free(bf->v.off);
    free(bf->v.guard);
    free(bf->scratch);
    free(bf->l.items);
    memset(bf, 0, sizeof *bf);
}

typedef void (*rule_fn)(const cpv *v, repl_list *l, const rules_on *on, size_t *scratch);

static void step_marks(const cpv *v, repl_list *l, const rules_on *on, size_t *s)
{
    (void)s;
    if (on->ellipsis)
        rule_ellipsis(v, l);
    if (on->dash)
        rule_dash(v, l);
    if (on->quotes)
        rule_quotes(v, l);
}

static void step_punct(const cpv *v, repl_list *l, const rules_on *on, size_t *scratch)
{
    if (on->punct)
        rule_parens(v, l, scratch);
    rule_punct(v, l, on->punct, on->period);
}

static void step_space(const cpv *v, repl_list *l, const rules_on *on, size_t *s)
{
    (void)s;
    if (on->space)
        rule_space(v, l);
}

static void step_latin(const cpv *v, repl_list *l, const rules_on *on, size_t *s)
{
    (void)s;
    if (on->latin)
        rule_space_latin(v, l);
}

/* Steps run in order on the text the step before produced: spaces are
 * judged after the marks beside them became full-width.  The text is
 * decoded once, and again only after a step changed it. */
static zhtidy_status run_steps(bufs *bf, struct zt_block *b, struct zhtidy_report *r,
                               const rules_on *on, const rule_fn *steps, size_t n_steps,
                               unsigned mask)
{
    zhtidy_status st = ZHTIDY_OK;
    bool loaded = false;
    for (size_t k = 0; k < n_steps && !st; k++) {
        if (!(mask & (1u << k)))
            continue;
        if (!loaded && !load(bf, b))
            return ZHTIDY_ERR_NOMEM;
        loaded = true;
        bf->l.n = 0;
        steps[k](&bf->v, &bf->l, on, bf->scratch);
        if (bf->l.failed)
            return ZHTIDY_ERR_NOMEM;
        if (bf->l.n) {
            st = apply(b, r, &bf->v, &bf->l);
            loaded = false; /* the text changed */
        }
    }
    return st;
}

/* Per byte: the steps an ASCII byte can matter to; 16 marks a lead byte
 * worth a closer look (– — ― … ⋯ ─, 。。, U+3000, NBSP, －). */
static unsigned char byte_steps[256];
static pthread_once_t byte_steps_once = PTHREAD_ONCE_INIT;

static void fill_byte_steps(void)
{
    for (int c = '0'; c <= '9'; c++)
        byte_steps[c] = 8;
    for (int c = 'A'; c <= 'Z'; c++)
        byte_steps[c] = byte_steps[c + 32] = 8;
    byte_steps['.'] = 1 | 2;
    byte_steps['-'] = byte_steps['"'] = 1;
    byte_steps[','] = byte_steps[':'] = byte_steps[';'] = byte_steps['!'] = byte_steps['?'] = 2;
    byte_steps['('] = byte_steps[')'] = 2;
    byte_steps[' '] = 4;
    byte_steps[0xE2] = byte_steps[0xE3] = byte_steps[0xC2] = byte_steps[0xEF] = 16;
}

static unsigned step_mask(const struct zt_block *b)
{
    pthread_once(&byte_steps_once, fill_byte_steps);
    const unsigned char *table = byte_steps;
    unsigned m = 0;
    const unsigned char *t = (const unsigned char *)b->text;
    for (size_t i = 0; i < b->len; i++) {
        unsigned bits = table[t[i]];
        if (bits < 16) {
            m |= bits;
            continue;
        }
        unsigned c = t[i], c1 = i + 1 < b->len ? t[i + 1] : 0, c2 = i + 2 < b->len ? t[i + 2] : 0;
        if (c == 0xE2 && ((c1 == 0x80 && ((c2 >= 0x93 && c2 <= 0x95) || c2 == 0xA6)) ||
                          (c1 == 0x8B && c2 == 0xAF) || (c1 == 0x94 && c2 == 0x80)))
            m |= 1;
        else if (c == 0xE3 && c1 == 0x80 && c2 == 0x80)
            m |= 4; /* U+3000 */
        else if (c == 0xE3 && c1 == 0x80 && c2 == 0x82 && i + 5 < b->len && t[i + 3] == 0xE3 &&
                 t[i + 4] == 0x80 && t[i + 5] == 0x82)
            m |= 1; /* 。。 */
        else if (c == 0xC2 && c1 == 0xA0)
            m |= 4;
        else if (c == 0xEF && c1 == 0xBC && c2 == 0x8D)
            m |= 1;
    }
    return m;
}

/* The title gets the same punctuation as the text; it is metadata, so the
 * changes are not reported. */
static zhtidy_status title_typography(zhtidy_doc *doc, const rules_on *on, const rule_fn *steps,
                                      size_t n_steps)
{
    char *title = doc->meta[ZHTIDY_META_TITLE];
    if (!title)
        return ZHTIDY_OK;
    struct zt_block b = {.type = ZHTIDY_PARAGRAPH, .text = title, .len = strlen(title)};
    struct zhtidy_report scratch = {0};
    bufs bf = {0};
    zhtidy_status st = run_steps(&bf, &b, &scratch, on, steps, n_steps, ~0u);
    bufs_free(&bf);
    zt_report_free(&scratch);
    doc->meta[ZHTIDY_META_TITLE] = b.text;
    return st;
}

zhtidy_status zt_pass_typography(zt_ctx *ctx)
{
    const zhtidy_options *o = ctx->opts;
    rules_on on = {
        zt_rule_on(o, ZT_R_TYPOGRAPHY_SPACE),    zt_rule_on(o, ZT_R_TYPOGRAPHY_PUNCT),
        zt_rule_on(o, ZT_R_TYPOGRAPHY_PERIOD),   zt_rule_on(o, ZT_R_TYPOGRAPHY_ELLIPSIS),
        zt_rule_on(o, ZT_R_TYPOGRAPHY_DASH),     zt_rule_on(o, ZT_R_TYPOGRAPHY_QUOTES),
        (o->flags & ZHTIDY_SPACE_LATIN) && zt_rule_on(o, ZT_R_TYPOGRAPHY_SPACE_LATIN),
    };
    static const rule_fn steps[] = {step_marks, step_punct, step_space, step_latin};
    unsigned steps_on = ((on.ellipsis || on.dash || on.quotes) ? 1u : 0) |
                        ((on.punct || on.period) ? 2u : 0) | (on.space ? 4u : 0) |
                        (on.latin ? 8u : 0);
    if (!steps_on)
        return ZHTIDY_OK;
    zhtidy_doc *doc = ctx->doc;
    zhtidy_status tst = title_typography(doc, &on, steps, sizeof steps / sizeof steps[0]);
    if (tst)
        return tst;
    bufs bf = {0};
    zhtidy_status st = ZHTIDY_OK;
    for (size_t i = 0; i < doc->n && !st; i++) {
        if (!zt_is_text(&doc->blocks[i]))
            continue;
        unsigned mask = step_mask(&doc->blocks[i]) & steps_on;
        if (mask)
            st = run_steps(&bf, &doc->blocks[i], &doc->report, &on, steps,
                           sizeof steps / sizeof steps[0], mask);
    }
    bufs_free(&bf);
    return st;
}
