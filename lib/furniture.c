/* SPDX-License-Identifier: MIT */
/* furniture.c - remove the site's furniture from the text.
 *
 * The rule table (furniture_rules.c) says what to look for and where; this
 * file applies it.  Every removal is recorded with its rule, its input line
 * and the exact text.  Category and keyword lines move into the metadata;
 * a site summary goes only when its sentences repeat the body. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* No whole-block pattern covers more: a '*' spans 300 characters at most. */
#define WHOLE_BLOCK_MAX 400

typedef struct {
    zt_pattern pat;
    const zt_furniture *f;
} compiled;

/* The rule table compiled: built once for the process (every rule, on or
 * off; the options are looked at when matching). */
typedef struct {
    compiled *rules;
    size_t n_rules;
    uint8_t first[0x10000 / 8]; /* characters an ANYWHERE pattern can start with */
    bool first_digit;           /* one starts with a number */
    /* The prefilter: where a block must start, or three tokens it must hold
     * somewhere, for any rule to have a chance. */
    int32_t (*pairs)[3];        /* -1: a number, 0: anything; one per rule at most */
    size_t n_pairs;
    uint8_t pair_first[0x10000 / 8]; /* the first tokens of those, as a set */
    bool pair_number;
    uint8_t start_first[0x10000 / 8];
} table;

typedef struct {
    zhtidy_doc *doc;
    zt_ctx *ctx;
    const zhtidy_options *opts;
    const table *t;
    zt_rule last_rule; /* of the last cut */
    bool summary_next; /* the block after a 文档简介 marker */
    size_t summaries;  /* markers seen */
    bool list_open;    /* items after a 温馨提示 marker */
} state;

static bool is_punct_or_space(int32_t c)
{
    return zt_is_space(c) || zt_is_cjk_punct(c) || (c < 0x80 && strchr(",.;:!?()[]<>/_-|*", (int)c));
}

static bool only_punct(const char *t, size_t from, size_t len)
{
    for (size_t i = from; i < len;)
        if (!is_punct_or_space(zt_utf8_next(t, len, &i)))
            return false;
    return true;
}

static zhtidy_status remove_block(zhtidy_doc *doc, size_t i, zt_rule rule)
{
    return zt_block_drop(doc, i, rule, NULL, 0);
}

/* ---- summaries and lists --------------------------------------------- */

/* A site summary is a few hundred characters, its copy in the body comes
 * soon after it, and a sample of its sentences tells: bounds that keep the
 * search linear in the document whatever it holds. */
#define SUMMARY_MAX_BYTES (16 * 1024)
#define SUMMARY_SENTENCES 32
#define REPEAT_WINDOW (256 * 1024)

/* Do most of block I's sentences stand again later in the document? */
static bool repeats_body(const zhtidy_doc *doc, size_t i)
{
    const struct zt_block *b = &doc->blocks[i];
    size_t total = 0, found = 0, s = 0, tried = 0;
    if (b->len > SUMMARY_MAX_BYTES)
        return false;
    for (size_t p = 0; p < b->len && tried < SUMMARY_SENTENCES;) {
        bool end = zt_sentence_end(zt_utf8_next(b->text, b->len, &p)) || p == b->len;
        if (!end)
            continue;
        size_t n = p - s;
        if (n >= 18) { /* six characters or more */
            total += n;
            tried++;
            for (size_t j = i + 1, seen = 0; j < doc->n && seen < REPEAT_WINDOW; j++) {
                if (memmem(doc->blocks[j].text, doc->blocks[j].len, b->text + s, n)) {
                    found += n;
                    break;
                }
                seen += doc->blocks[j].len;
            }
        }
        s = p;
    }
    return total > 0 && found * 2 >= total;
}

/* A list item: a bullet, or a number followed by . 、 or ). */
static bool list_item(const struct zt_block *b)
{
    size_t i = 0;
    int32_t c = zt_utf8_next(b->text, b->len, &i);
    if (c == 0x2022 || c == 0x00B7 || c == 0x25CF || c == 0x25AA || c == 0x25A0 || c == '-' ||
        c == '*' || c == 0x2027)
        return true;
    if (!zt_is_numeral(c))
        return false;
    while (i < b->len && zt_is_numeral(c))
        c = zt_utf8_next(b->text, b->len, &i);
    return c == '.' || c == 0x3001 || c == ')' || c == 0xFF09 || c == 0xFF0E;
}

/* ---- metadata from category and keyword lines ------------------------- */

static char *span_text(const char *t, size_t from, size_t to)
{
    while (from < to && (t[from] == ' ' || t[from] == '\t'))
        from++;
    while (to > from && (t[to - 1] == ' ' || t[to - 1] == '\t'))
        to--;
    return zt_strndup(t + from, to - from);
}

/* Where does LABEL (a match-form pattern) end in the block, in bytes?
 * *NOMEM is set when the pattern could not be compiled. */
static bool label_end(const zt_key *k, const char *label, size_t *at_byte, size_t *end_byte,
                      bool *nomem)
{
    zt_pattern p;
    if (!zt_pattern_compile(&p, label)) {
        *nomem = true;
        return false;
    }
    size_t at, end;
    bool ok = zt_key_find(k, 0, &p, &at, &end);
    zt_pattern_free(&p);
    if (ok) {
        *at_byte = k->start[at];
        *end_byte = zt_key_end(k, end - 1);
    }
    return ok;
}

static zhtidy_status set_meta_span(zhtidy_doc *doc, zhtidy_meta key, const char *t, size_t from,
                                   size_t to)
{
    char *v = span_text(t, from, to);
    if (!v)
        return ZHTIDY_ERR_NOMEM;
    zhtidy_status st = *v ? zhtidy_doc_set_meta(doc, key, v) : ZHTIDY_OK;
    free(v);
    return st;
}

/* A title the furniture names, for the title pass: the first one stands. */
static zhtidy_status hint_title(zt_ctx *ctx, const char *t, size_t from, size_t to)
{
    if (ctx->title_hint)
        return ZHTIDY_OK;
    char *v = span_text(t, from, to);
    if (!v)
        return ZHTIDY_ERR_NOMEM;
    if (*v)
        ctx->title_hint = v;
    else
        free(v);
    return ZHTIDY_OK;
}

static zhtidy_status take_meta(zt_ctx *ctx, const struct zt_block *b, const zt_key *k)
{
    zhtidy_doc *doc = ctx->doc;
    const char *t = b->text;
    size_t len = b->len, cat_at = len, cat_end = 0, kw_at = len, kw_end = 0;
    size_t open_at, open_end, close_at, close_end;
    zhtidy_status st = ZHTIDY_OK;
    bool nomem = false;
    if (!label_end(k, "关键词:", &kw_at, &kw_end, &nomem))
        label_end(k, "关键字:", &kw_at, &kw_end, &nomem);
    if (label_end(k, "所在栏目:", &cat_at, &cat_end, &nomem)) {
        size_t stop = kw_at < len && kw_at > cat_end ? kw_at : len;
        const char *gt = memchr(t + cat_end, '>', stop - cat_end);
        if (!gt)
            gt = strstr(t + cat_end, "\xEF\xBC\x9E"); /* full-width > */
        if (gt && (size_t)(gt - t) < stop)
            stop = (size_t)(gt - t);
        st = set_meta_span(doc, ZHTIDY_META_CATEGORY, t, cat_end, stop);
    }
    if (!st && kw_end)
        st = set_meta_span(doc, ZHTIDY_META_KEYWORDS, t, kw_end, len);
    /* 《title》 before the labels names the document */
    if (!st && label_end(k, "\xE3\x80\x8A", &open_at, &open_end, &nomem) &&
        label_end(k, "\xE3\x80\x8B", &close_at, &close_end, &nomem) && close_at > open_end)
        st = hint_title(ctx, t, open_end, close_at);
    return nomem ? ZHTIDY_ERR_NOMEM : st;
}

/* "标题_第3页": the text before the last _ is the document's title. */
static zhtidy_status title_hint(zt_ctx *ctx, const struct zt_block *b)
{
    const char *us = NULL;
    for (const char *p = b->text; (p = memchr(p, '_', b->len - (size_t)(p - b->text))); p++)
        us = p;
    if (!us)
        us = strstr(b->text, "\xEF\xBC\xBF"); /* full-width _ */
    return us && us > b->text ? hint_title(ctx, b->text, 0, (size_t)(us - b->text)) : ZHTIDY_OK;
}

/* ---- applying the table ----------------------------------------------- */

/* The leftmost ANYWHERE match at or after FROM, in one scan: only where a
 * pattern can start are the patterns tried, in table order (longer ones
 * first). */
static size_t find_anywhere(const state *s, const zt_key *k, size_t from, size_t *at, size_t *end)
{
    for (size_t i = from; i < k->n; i++) {
        int32_t c = k->k[i];
        bool digit = zt_is_numeral(c);
        if (!(c <= 0xFFFF && (s->t->first[c >> 3] & (1u << (c & 7)))) && !(s->t->first_digit && digit))
            continue;
        for (size_t r = 0; r < s->t->n_rules; r++) {
            const zt_pattern *p = &s->t->rules[r].pat;
            if (s->t->rules[r].f->where != ZT_ANYWHERE || (p->cp[0] != c && !(p->cp[0] == '#' && digit)) ||
                !zt_rule_on(s->opts, s->t->rules[r].f->rule))
                continue;
            if (zt_key_match(k, i, p, end) && *end > i) {
                *at = i;
                return r;
            }
        }
    }
    return s->t->n_rules;
}

/* The next removal at or after key index FROM: a prefix rule when FROM is
 * the start of what is left of the block (START), or the leftmost ANYWHERE
 * match; at the same place the rule earlier in the table wins. */
static const zt_furniture *next_match(const state *s, const zt_key *k, size_t from, size_t start,
                                      size_t *at, size_t *end)
{
    size_t a = find_anywhere(s, k, from, at, end);
    for (size_t r = 0; r < s->t->n_rules && from == start && from < k->n; r++) {
        size_t e;
        if (s->t->rules[r].f->where != ZT_BLOCK_START || (a < s->t->n_rules && *at == start && a < r) ||
            !zt_rule_on(s->opts, s->t->rules[r].f->rule))
            continue;
        if (zt_key_match(k, start, &s->t->rules[r].pat, &e) && e > start) {
            *at = start;
            *end = e;
            return s->t->rules[r].f;
        }
    }
    return a < s->t->n_rules ? s->t->rules[a].f : NULL;
}

/* Apply the table to block I; *GONE says it was removed. */
/* A block that a whole-block rule covers: act on it and remove it. */
/* The first whole-block rule that matches the line from key index AT to
 * its end (punctuation may follow), or NULL; its match's end in *END. */
static const zt_furniture *whole_match(const state *s, const struct zt_block *b,
                                       const zt_key *k, size_t at, size_t *end)
{
    for (size_t r = 0; r < s->t->n_rules && at < k->n; r++) {
        const zt_furniture *f = s->t->rules[r].f;
        int32_t first = s->t->rules[r].pat.n ? s->t->rules[r].pat.cp[0] : 0;
        if (first != '#' && first != '~' && first != '*' && first != k->k[at])
            continue; /* a literal first character that is not the line's */
        if (f->where == ZT_WHOLE_BLOCK && zt_rule_on(s->opts, f->rule) &&
            zt_key_match(k, at, &s->t->rules[r].pat, end) && *end > at &&
            only_punct(b->text, zt_key_end(k, *end - 1), b->len))
            return f;
    }
    return NULL;
}

static zhtidy_status whole_block(state *s, size_t i, const zt_key *k, bool *gone)
{
    zhtidy_doc *doc = s->doc;
    struct zt_block *b = &doc->blocks[i];
    if (k->n > WHOLE_BLOCK_MAX)
        return ZHTIDY_OK; /* furniture lines are short; body paragraphs are not */
    size_t end, from = 0; /* a list mark before the line's words: "- 内容简介:" */
    while (from < k->n && from < 2 && (k->k[from] == '-' || k->k[from] == '*' ||
                                       k->k[from] == 0x2022 || k->k[from] == 0xB7 ||
                                       k->k[from] == 0x25CF))
        from++;
    const zt_furniture *f = whole_match(s, b, k, 0, &end);
    if (!f && from)
        f = whole_match(s, b, k, from, &end);
    if (!f)
        return ZHTIDY_OK;
    zhtidy_status st = ZHTIDY_OK;
    if (f->action == ZT_ACT_META_KEEP)
        return doc->meta[ZHTIDY_META_KEYWORDS] ? ZHTIDY_OK : take_meta(s->ctx, b, k);
    if (f->action == ZT_ACT_META)
        st = take_meta(s->ctx, b, k);
    if (f->action == ZT_ACT_TITLE)
        st = title_hint(s->ctx, b);
    s->summary_next = f->action == ZT_ACT_SUMMARY;
    s->list_open = f->action == ZT_ACT_LIST;
    *gone = true;
    return st ? st : remove_block(doc, i, f->rule);
}

static int32_t fold_char(int32_t c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if (c == 0xFF0C || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == 0x3002)
        return ','; /* punctuation as the match form has it: none starts a pattern */
    return zt_script_fold(c);
}

static bool token_matches(int32_t want, int32_t t)
{
    return want == 0 || want == t;
}

/* Can any rule match block B?  It needs a rule's first character at its
 * start, or somewhere the first three tokens of a pattern that can stand
 * anywhere (a run of digits or Chinese numerals is one token): most
 * paragraphs have neither, and are passed over without building their
 * match form. */
static bool may_match(const state *s, const struct zt_block *b)
{
    size_t i = 0;
    int32_t c = ' ';
    while (i < b->len && zt_is_space(c))
        c = fold_char(zt_utf8_next(b->text, b->len, &i));
    if (c <= 0xFFFF && c >= 0 && (s->t->start_first[c >> 3] & (1u << (c & 7))))
        return true;
    int32_t t[3] = {0, 0, zt_is_numeral(c) ? -1 : c}; /* the last three tokens */
    bool more = true;
    while (more) {
        more = i < b->len;
        if (more) {
            c = zt_utf8_next(b->text, b->len, &i);
            if (zt_is_space(c))
                continue;
            c = fold_char(c);
            if (zt_is_numeral(c)) {
                if (t[2] == -1)
                    continue; /* the number goes on */
                c = -1;
            }
        } else {
            c = 0; /* one past the end: patterns shorter than three tokens */
        }
        t[0] = t[1];
        t[1] = t[2];
        t[2] = c;
        bool first = t[0] == -1 ? s->t->pair_number
                                : t[0] > 0 && t[0] <= 0xFFFF &&
                                      (s->t->pair_first[t[0] >> 3] & (1u << (t[0] & 7)));
        for (size_t p = 0; first && p < s->t->n_pairs; p++)
            if (s->t->pairs[p][0] == t[0] && token_matches(s->t->pairs[p][1], t[1]) &&
                token_matches(s->t->pairs[p][2], t[2]))
                return true;
    }
    return false;
}

/* Every ANYWHERE and prefix match of block B, left to right, cut in one
 * copy: the match form is built once, however many matches a long line
 * holds.  *CUTS counts them. */
static zhtidy_status cut_matches(state *s, struct zt_block *b, const zt_key *k, size_t *cuts)
{
    zt_edit e;
    zt_edit_start(&e, &s->doc->report, b->line, b->len);
    size_t from = 0, start = 0, kept = 0, at = 0, end = 0;
    const zt_furniture *f;
    while ((f = next_match(s, k, from, start, &at, &end))) {
        size_t a = k->start[at], z = zt_key_end(k, end - 1);
        zt_buf_add(&e.out, b->text + kept, a - kept);
        zt_edit_change(&e, f->rule, b->text + a, z - a, NULL, 0);
        kept = z;
        if (at == start)
            start = end; /* a prefix rule may match again after a prefix */
        from = end;
        s->last_rule = f->rule;
    }
    if (e.changes)
        zt_buf_add(&e.out, b->text + kept, b->len - kept);
    *cuts = e.changes;
    return zt_edit_finish(&e, b);
}

/* Apply the table to block I.  Whole-block rules are tried on the block as
 * it came, and once more on what is left after the cuts if that is short. */
static zhtidy_status apply_rules(state *s, size_t i)
{
    zhtidy_doc *doc = s->doc;
    if (!may_match(s, &doc->blocks[i]))
        return ZHTIDY_OK;
    for (int round = 0; round < 2; round++) {
        struct zt_block *b = &doc->blocks[i];
        zt_key k;
        if (!zt_key_build(&k, b->text, b->len))
            return ZHTIDY_ERR_NOMEM;
        bool gone = false;
        size_t cuts = 0;
        zhtidy_status st = whole_block(s, i, &k, &gone);
        if (!st && !gone)
            st = cut_matches(s, b, &k, &cuts);
        zt_key_free(&k);
        if (st || gone || !cuts)
            return st;
        if (only_punct(b->text, 0, b->len))
            return b->len ? remove_block(doc, i, s->last_rule) : (zt_doc_remove(doc, i), ZHTIDY_OK);
        if (b->len > WHOLE_BLOCK_MAX * 4)
            return ZHTIDY_OK; /* no whole-block rule covers it */
    }
    return ZHTIDY_OK;
}

/* The first three tokens of a pattern for the prefilter: a number is one
 * token (-1); after a '~' or '*' anything may come (0). */
static void add_pair(table *t, const int32_t *cp, size_t n)
{
    if (!n)
        return;
    bool open = false;
    for (size_t k = 0; k < 3; k++) {
        int32_t c = k < n && !open ? cp[k] : 0;
        if (c == '~' || c == '*') {
            open = true;
            c = 0;
        }
        t->pairs[t->n_pairs][k] = c == '#' ? -1 : c;
    }
    int32_t first = t->pairs[t->n_pairs++][0];
    if (first == -1)
        t->pair_number = true;
    else if (first > 0 && first <= 0xFFFF)
        t->pair_first[first >> 3] |= (uint8_t)(1u << (first & 7));
}

static void table_free(table *t)
{
    for (size_t r = 0; t && r < t->n_rules; r++)
        zt_pattern_free(&t->rules[r].pat);
    if (t) {
        free(t->rules);
        free(t->pairs);
    }
    free(t);
}

static zhtidy_status compile_table(void **out)
{
    table *t = calloc(1, sizeof *t);
    if (!t || !(t->rules = calloc(zt_furniture_count, sizeof *t->rules)) ||
        !(t->pairs = calloc(zt_furniture_count, sizeof *t->pairs))) {
        table_free(t);
        return ZHTIDY_ERR_NOMEM;
    }
    for (size_t r = 0; r < zt_furniture_count; r++) {
        const zt_furniture *f = &zt_furniture_table[r];
        zt_pattern *p = &t->rules[t->n_rules].pat;
        if (!zt_pattern_compile(p, f->pattern)) {
            table_free(t);
            return ZHTIDY_ERR_NOMEM;
        }
        t->rules[t->n_rules++].f = f;
        if (f->where == ZT_ANYWHERE && p->n) {
            int32_t c = p->cp[0];
            if (c == '#')
                t->first_digit = true;
            else if (c <= 0xFFFF)
                t->first[c >> 3] |= (uint8_t)(1u << (c & 7));
            add_pair(t, p->cp, p->n);
        } else if (p->n && p->cp[0] == '*') {
            add_pair(t, p->cp + 1, p->n - 1); /* "*由会员分享…": 由会员 somewhere */
        } else if (p->n && p->cp[0] <= 0xFFFF && p->cp[0] != '#') {
            t->start_first[p->cp[0] >> 3] |= (uint8_t)(1u << (p->cp[0] & 7));
        } else {
            add_pair(t, p->cp, p->n); /* "#/#": a number, then / */
        }
    }
    *out = t;
    return ZHTIDY_OK;
}

zhtidy_status zt_pass_furniture(zt_ctx *ctx)
{
    static zt_once compiled_table = ZT_ONCE_INIT;
    state s = {.doc = ctx->doc, .ctx = ctx, .opts = ctx->opts};
    void *t;
    zhtidy_status st = zt_once_get(&compiled_table, compile_table, &t);
    s.t = t;
    zhtidy_doc *doc = ctx->doc;
    if (!st && zt_rule_on(ctx->opts, ZT_R_FURNITURE_SCRIPT))
        st = zt_cut_scripts(doc);
    for (size_t i = 0; !st && i < doc->n; i++) {
        if (!zt_is_text(&doc->blocks[i]))
            continue;
        if (s.list_open && list_item(&doc->blocks[i])) {
            st = remove_block(doc, i, ZT_R_FURNITURE_FOOTER);
            continue;
        }
        s.list_open = false;
        if (s.summary_next) {
            s.summary_next = false;
            if (++s.summaries <= 8 && repeats_body(doc, i)) { /* a page copied a few times */
                st = remove_block(doc, i, ZT_R_FURNITURE_SUMMARY);
                continue;
            }
        }
        st = apply_rules(&s, i);
    }
    return st;
}
