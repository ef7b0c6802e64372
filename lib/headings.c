/* SPDX-License-Identifier: MIT */
/* headings.c - numbered headings, split from the text they are glued to.
 *
 * A heading starts at the start of a block, after a sentence end, or right
 * after another heading.  Where it ends is decided by evidence, best first:
 *   1. a table-of-contents entry: the heading is the entry's text;
 *   2. the rest of the block is short and no sentence: a heading line;
 *   3. a sub-list starting at 1 follows within a heading's length;
 *   4. the body starts with a sentence opener (随着, 目前 …) or repeats the
 *      heading's first words, before any punctuation.
 * A line with no numbering is a heading only when it is short, holds no
 * punctuation and the next line opens a numbered list at 1 (背景意义 /
 * （一）…): that keeps the plain text form a faithful form of the tree.
 * Without such evidence the numbered text stays a paragraph: a wrong
 * heading is worse than a missing one.  Levels follow the order in which a
 * document first uses each numbering style (its TOC counts first). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_HEADING_CHARS 40
#define MAX_GLUED_CHARS 30
#define MIN_GLUED_CHARS 4
#define LINE_HEADING_CHARS 50

extern const char *const zt_openers[];
extern const char *const zt_body_verbs[];
extern const char zt_binding_chars[];
extern const char *const zt_sentence_words[];
extern const char *const zt_heading_verbs[];

#define MAX_REPEAT_CHARS 18
#define MAX_WEAK_REPEAT_CHARS 12 /* two characters again: after a short heading only */
#define MAX_COMMA_CHARS 12  /* the first half of a heading "A，B" */
#define MIN_REF_HEADING 6 /* a heading before a body that opens with a term */
#define REF_CHARS 8         /* a term the body opens with, at most */
#define MAX_LEVEL 6

/* The word lists (heading_rules.c) compiled, once for the process. */
typedef struct {
    zt_pattern *openers, *verbs, *words, *hverbs;
    size_t n_openers, n_verbs, n_words, n_hverbs;
    uint8_t opener_first[0x10000 / 8]; /* first characters of the openers */
} word_lists;

typedef struct {
    zhtidy_doc *doc;
    const zt_ctx *ctx;
    int rank[ZT_NUM_STYLES];
    int next_rank;
    long last[ZT_NUM_STYLES];
    size_t toc_next;
    bool last_block; /* a heading introduces something: the last block is none */
    struct zt_block *out;
    size_t n, cap;
    const word_lists *l;
    zhtidy_status err; /* an allocation failed inside a helper */
    size_t headings, numbered;
    /* the headings above the current place, by level: their words are the
     * words a body opens with (地方政府在… | 地方政府在推动…) */
    const char *anc[MAX_LEVEL + 1];
    size_t anc_len[MAX_LEVEL + 1];
    /* how often each pair of adjacent Han characters stands in the text:
     * a body does not start inside a phrase the document keeps using.  A
     * count-min sketch, two rows of PAIR_CAP counters: bounded memory
     * whatever the text, and a count is never less than the truth (so a
     * collision only ever keeps a numbered paragraph whole) */
    uint32_t *pair_n;
    size_t pair_cap; /* a power of two, or 0 */
} state;

#define MAX_PAIR_CAP ((size_t)1 << 20) /* 8 MB of counters at most */

static void set_ancestor(state *s, int level, const char *t, size_t len)
{
    if (level < 1 || level > MAX_LEVEL)
        return;
    s->anc[level] = t;
    s->anc_len[level] = len;
    for (int l = level + 1; l <= MAX_LEVEL; l++)
        s->anc[l] = NULL;
}

/* The pair's counter in ROW (0 or 1). */
static size_t pair_slot(const state *s, int32_t a, int32_t b, int row)
{
    uint64_t key = (uint64_t)(uint32_t)a << 32 | (uint32_t)b;
    uint64_t h = key * (row ? 0xC2B2AE3D27D4EB4Full : 0x9E3779B97F4A7C15ull);
    return (size_t)row * s->pair_cap + ((size_t)(h >> 29) & (s->pair_cap - 1));
}

static uint32_t pair_count(const state *s, int32_t a, int32_t b)
{
    if (!s->pair_cap || !zt_is_han(a) || !zt_is_han(b))
        return 0;
    uint32_t x = s->pair_n[pair_slot(s, a, b, 0)], y = s->pair_n[pair_slot(s, a, b, 1)];
    return x < y ? x : y;
}

/* Count the pairs of adjacent Han characters of every text block, in
 * match form: one pass over the document. */
static zhtidy_status count_pairs(state *s)
{
    size_t chars = 0;
    for (size_t i = 0; i < s->doc->n; i++)
        if (zt_is_text(&s->doc->blocks[i]))
            chars += s->doc->blocks[i].len / 3 + 1;
    size_t cap = 64;
    while (cap < 2 * chars && cap < MAX_PAIR_CAP)
        cap *= 2;
    if (!(s->pair_n = calloc(2 * cap, sizeof *s->pair_n)))
        return ZHTIDY_ERR_NOMEM;
    s->pair_cap = cap;
    for (size_t i = 0; i < s->doc->n; i++) {
        const struct zt_block *b = &s->doc->blocks[i];
        zt_key k;
        if (!zt_is_text(b))
            continue;
        if (!zt_key_build(&k, b->text, b->len))
            return ZHTIDY_ERR_NOMEM;
        for (size_t j = 0; j + 1 < k.n; j++)
            if (zt_is_han(k.k[j]) && zt_is_han(k.k[j + 1])) {
                for (int row = 0; row < 2; row++) {
                    uint32_t *c = &s->pair_n[pair_slot(s, k.k[j], k.k[j + 1], row)];
                    *c += *c < UINT32_MAX;
                }
            }
        zt_key_free(&k);
    }
    return ZHTIDY_OK;
}

static int rank_of(state *s, zt_num_style style)
{
    if (!s->rank[style])
        s->rank[style] = s->next_rank++;
    return s->rank[style];
}

static zhtidy_status emit(state *s, zhtidy_block_type type, int level, const char *t, size_t len,
                          unsigned long line)
{
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\t'))
        len--;
    while (len && (*t == ' ' || *t == '\t'))
        t++, len--;
    if (!len)
        return ZHTIDY_OK;
    struct zt_block *out = zt_grow(s->out, &s->cap, s->n, sizeof *out, 32);
    if (!out)
        return ZHTIDY_ERR_NOMEM;
    s->out = out;
    char *copy = zt_strndup(t, len);
    if (!copy)
        return ZHTIDY_ERR_NOMEM;
    s->out[s->n++] = (struct zt_block){.type = type, .level = type == ZHTIDY_HEADING ? level : 0,
                                       .text = copy, .len = len, .line = line};
    if (type == ZHTIDY_HEADING)
        set_ancestor(s, level, copy, len);
    return ZHTIDY_OK;
}

/* The last piece of block B, from byte FROM to its end: a paragraph that
 * takes B's text over instead of copying it (most blocks are one piece),
 * as the document's arena borrowed, or moved to the front of B's own
 * buffer.  B is left without text. */
static zhtidy_status emit_rest(state *s, struct zt_block *b, size_t from)
{
    size_t len = b->len;
    while (len > from && (b->text[len - 1] == ' ' || b->text[len - 1] == '\t'))
        len--;
    while (from < len && (b->text[from] == ' ' || b->text[from] == '\t'))
        from++;
    if (from == len)
        return ZHTIDY_OK;
    struct zt_block *out = zt_grow(s->out, &s->cap, s->n, sizeof *out, 32);
    if (!out)
        return ZHTIDY_ERR_NOMEM;
    s->out = out;
    char *text = b->text + from;
    if (!b->borrowed && from) {
        memmove(b->text, text, len - from);
        text = b->text;
    }
    text[len - from] = '\0';
    s->out[s->n++] = (struct zt_block){.type = ZHTIDY_PARAGRAPH, .text = text, .len = len - from,
                                       .line = b->line, .borrowed = b->borrowed};
    b->text = (char *)""; /* the new block has it; B stays a valid, empty block */
    b->borrowed = true;
    b->len = 0;
    return ZHTIDY_OK;
}

static size_t skip_spaces(const char *t, size_t len, size_t p)
{
    while (p < len) {
        size_t q = p;
        if (!zt_is_space(zt_utf8_next(t, len, &q)))
            break;
        p = q;
    }
    return p;
}

/* 1. A table-of-contents entry at T[P], with or without its numbering. */
static bool toc_heading(state *s, const char *t, size_t len, size_t p, size_t *end,
                        zt_num_style *style)
{
    const zt_ctx *ctx = s->ctx;
    for (size_t k = s->toc_next; k < ctx->toc_n && k < s->toc_next + 3; k++) {
        const struct zt_toc_entry *e = &ctx->toc[k];
        zt_num n;
        size_t q = p;
        if (zt_numbering(t, len, p, &n))
            q = skip_spaces(t, len, p + n.len);
        if (e->len && len - q >= e->len && !memcmp(t + q, e->text, e->len)) {
            *end = q + e->len;
            *style = e->style;
            s->toc_next = k + 1;
            return true;
        }
    }
    return false;
}

/* 3. A sub-list that starts at 1 right after the heading text. */
static size_t sublist_start(const char *t, size_t len, size_t from, zt_num_style style)
{
    size_t q = from, chars = 0;
    while (q < len && chars++ < MAX_HEADING_CHARS) {
        zt_num n;
        if (q > from && zt_numbering(t, len, q, &n) && n.value == 1 && n.style != style)
            return q;
        if (zt_sentence_end(zt_utf8_next(t, len, &q)))
            return 0;
    }
    return 0;
}

static bool binds_forward(int32_t c)
{
    const char *p = zt_binding_chars;
    size_t n = strlen(p);
    for (size_t i = 0; i < n;)
        if (zt_utf8_next(p, n, &i) == c)
            return true;
    return false;
}

/* Characters no sentence starts with: they bind to what stands before. */
static bool binds_back(int32_t c)
{
    static const int32_t chars[] = {0x7684, 0x5F97, 0x4E86, 0x7740, 0x8FC7, 0x4EEC,
                                    0x6027, 0x8005, 0x4E0E, 0x548C, 0x53CA, 0x7B49};
    for (size_t i = 0; i < sizeof chars / sizeof *chars; i++)
        if (c == chars[i]) /* 的 得 了 着 过 们 性 者 与 和 及 等 */
            return true;
    return false;
}

/* "透明决策的激励制度建立|透明的…": a verb before the repeated subject
 * belongs to the body.  Returns how many key characters to move back. */
static size_t verb_before(const state *s, const zt_key *k, size_t i)
{
    for (size_t v = 0; v < s->l->n_verbs; v++) {
        size_t end, n = s->l->verbs[v].n;
        if (i >= n + MIN_GLUED_CHARS && zt_key_match(k, i - n, &s->l->verbs[v], &end) && end == i)
            return n;
    }
    return 0;
}

/* Does key text [0, N) stand again in the sentence that follows it? */
static bool repeated_in_sentence(const zt_key *k, size_t n)
{
    for (size_t j = n; j + n <= k->n; j++) {
        int32_t c = k->k[j];
        if (c == '.' || c == '!' || c == '?')
            return false;
        if (!memcmp(k->k + j, k->k, n * sizeof *k->k))
            return true;
    }
    return false;
}

/* Does a sentence word end at key index I? */
static bool sentence_word_before(const state *s, const zt_key *k, size_t i)
{
    for (size_t w = 0; w < s->l->n_words; w++) {
        size_t end, n = s->l->words[w].n;
        if (i >= n && zt_key_match(k, i - n, &s->l->words[w], &end) && end == i)
            return true;
    }
    return false;
}

/* Does a heading verb start at key index I (…支持，促进…)? */
static bool heading_verb_at(const state *s, const zt_key *k, size_t i)
{
    size_t end;
    for (size_t v = 0; v < s->l->n_hverbs; v++)
        if (zt_key_match(k, i, &s->l->hverbs[v], &end))
            return true;
    return false;
}

/* "在全球化背景下，": a body sentence opening with a frame 在…下/中/时， */
static bool frame_at(const zt_key *k, size_t i)
{
    if (k->k[i] != 0x5728) /* 在 */
        return false;
    for (size_t j = i + 2; j + 1 < k->n && j <= i + 14; j++) {
        int32_t c = k->k[j];
        if (!zt_is_han(c))
            return false;
        if (k->k[j + 1] == ',' && (c == 0x4E0B || c == 0x4E2D || c == 0x65F6 || c == 0x540E ||
                                   c == 0x4E0A || c == 0x91CC || c == 0x5185))
            return true; /* 下 中 时 后 上 里 内 */
    }
    return false;
}

/* Does key index I cut a pair of characters the document uses again and
 * again (教育|高质量), more than the body's own first pair? */
static bool cuts_phrase(const state *s, const zt_key *k, size_t i)
{
    uint32_t across = pair_count(s, k->k[i - 1], k->k[i]);
    uint32_t after = i + 1 < k->n ? pair_count(s, k->k[i], k->k[i + 1]) : 0;
    return across >= 3 && (uint64_t)across * 8 > after;
}

/* The longest run of Han characters from key index I that stands in one of
 * REFS, in *LEN; whether it stands at the start of a phrase there (the
 * text's start or after punctuation or numbering), in *AT_START. */

static void ref_match(const state *s, const zt_key *refs, size_t n_refs, const zt_key *k,
                      size_t i, size_t *len, bool *at_start, bool *after_verb)
{
    *len = 0;
    *at_start = *after_verb = false;
    for (size_t r = 0; r < n_refs; r++)
        for (size_t p = 0; p < refs[r].n; p++) {
            size_t l = 0;
            while (l < REF_CHARS && i + l < k->n && p + l < refs[r].n &&
                   k->k[i + l] == refs[r].k[p + l] && zt_is_han(k->k[i + l]))
                l++;
            /* the start of the text or of its words after the numbering */
            bool start = p == 0 || (!zt_is_han(refs[r].k[p - 1]) && refs[r].k[p - 1] != ',');
            /* or the object of the verb the heading opens with (推动|职业教育…) */
            bool object = l && p >= 2 && heading_verb_at(s, &refs[r], p - 2) &&
                          (p == 2 || (!zt_is_han(refs[r].k[p - 3]) && refs[r].k[p - 3] != ','));
            if (l > *len || (l == *len && l && (start || object) && !*at_start && !*after_verb)) {
                *len = l;
                *at_start = start;
                *after_verb = object;
            }
        }
}

/* The longest run of Han characters from key index I that stands inside
 * the heading [1, I) (not at its start: that is the restatement below), a
 * run that starts at I and not before, and ends near the heading's end:
 * the body takes up the heading's last term (推动高等教育国际化|高等教育
 * 是…), not words of a sentence run on into it (打破教育資源瓶頸教育高質量
 * 發展要求|教育資源…). */
#define OWN_TERM_TAIL 6
static size_t own_term(const zt_key *k, size_t i)
{
    size_t best = 0;
    for (size_t p = 1; p < i; p++) {
        size_t l = 0;
        if (k->k[p - 1] == k->k[i - 1])
            continue; /* the run goes on before I: I is inside a repeated phrase */
        while (l < REF_CHARS && p + l < i && i + l < k->n && k->k[i + l] == k->k[p + l] &&
               zt_is_han(k->k[i + l]))
            l++;
        if (l > best && i - (p + l) <= OWN_TERM_TAIL)
            best = l;
    }
    return best;
}

/* Does a verb of either list start at key index I? */
static bool any_verb_at(const state *s, const zt_key *k, size_t i)
{
    size_t end;
    if (heading_verb_at(s, k, i))
        return true;
    for (size_t v = 0; v < s->l->n_verbs; v++)
        if (zt_key_match(k, i, &s->l->verbs[v], &end))
            return true;
    return false;
}

/* "加强政策引导|出台相应的政策…", "增强教育经费的透明度与监督|确保教育经费
 * …": a heading that is one verb and its object, glued to a body whose first
 * clause opens with a verb of its own and takes up two characters of that
 * object.  COMMA: where the heading's second half starts (A，B), or 0. */
static bool verb_parallel(const state *s, const zt_key *k, size_t i, size_t comma)
{
    if (!heading_verb_at(s, k, 0) || !any_verb_at(s, k, i))
        return false;
    for (size_t j = 2; j < i; j++)
        if (j != comma && any_verb_at(s, k, j))
            return false; /* a second verb: the heading may go on */
    for (size_t j = i + 2; j + 1 < k->n && k->k[j] != ',' && k->k[j] != '.'; j++)
        for (size_t h = comma ? comma + 2 : 2; h + 1 < i; h++)
            if (k->k[j] == k->k[h] && k->k[j + 1] == k->k[h + 1] && zt_is_han(k->k[h]) &&
                zt_is_han(k->k[h + 1]))
                return true;
    return false;
}

/* 4. Where the body starts, by the evidence of its first words: an opener
 * (随着, 目前 …) or a frame (在…下，); the words of the headings above or
 * of the title (二、地方政府在… 1、推动…整合|地方通过…); else the heading's
 * own first words again (教联体…的内涵|教联体…是指).  A heading "A，B"
 * goes on past its comma when B opens with a heading verb. */
static size_t opener_start(state *s, const char *t, size_t len, size_t from, int level)
{
    /* the heading, its body's first sentence: a few hundred bytes at most */
    size_t span = len - from < 360 ? len - from : 360;
    while (span < len - from && ((unsigned char)t[from + span] & 0xC0) == 0x80)
        span--; /* end on a character boundary */
    zt_key k, refs[MAX_LEVEL + 1];
    size_t n_refs = 0;
    if (!zt_key_build(&k, t + from, span)) {
        s->err = ZHTIDY_ERR_NOMEM;
        return 0;
    }
    const char *title = s->doc->meta[ZHTIDY_META_TITLE];
    for (int l = 0; l < level && l <= MAX_LEVEL; l++) {
        const char *r = l ? s->anc[l] : title;
        size_t rlen = l ? s->anc_len[l] : r ? strlen(r) : 0;
        if (!r || !rlen)
            continue;
        if (!zt_key_build(&refs[n_refs], r, rlen)) {
            s->err = ZHTIDY_ERR_NOMEM;
            break;
        }
        n_refs++;
    }
    size_t found = 0, restated = 0, restated_at = 0, comma = 0;
    for (size_t i = MIN_GLUED_CHARS; !s->err && i + 1 < k.n && i <= MAX_GLUED_CHARS && !found;
         i++) {
        if (restated && i > restated_at + 6)
            break; /* no stronger start right after the restated words */
        int32_t c = k.k[i - 1]; /* match form: punctuation is ASCII */
        if (c == ',') {
            if (comma || i - 1 > MAX_COMMA_CHARS || !heading_verb_at(s, &k, i))
                break;
            comma = i;
            continue;
        }
        if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?')
            break;
        if (binds_forward(c) || (comma && i - comma <= 2))
            continue; /* "…，推动" waits for its object */
        if (sentence_word_before(s, &k, i))
            break; /* the text so far reads as a sentence, not a heading */
        size_t end;
        int32_t f = k.k[i];
        bool candidate = f <= 0xFFFF && (s->l->opener_first[f >> 3] & (1u << (f & 7)));
        for (size_t o = 0; candidate && !restated && o < s->l->n_openers && !found; o++)
            if (zt_key_match(&k, i, &s->l->openers[o], &end))
                found = from + k.start[i];
        if (found || (!restated && (found = frame_at(&k, i) ? from + k.start[i] : 0)))
            break;
        if (cuts_phrase(s, &k, i))
            continue;
        size_t l;
        bool at_start, after_verb;
        ref_match(s, refs, n_refs, &k, i, &l, &at_start, &after_verb);
        /* the body's subject is the subject of a heading above or of the
         * title (or a longer term of theirs overrules the heading's first
         * two characters again: 提升劳动者的技能提升机会|职业教育); the heading before it is a phrase of its own (not 引进高层次
         * of 引进高层次教育科技人才), not ending on a verb waiting for it */
        if ((restated ? l >= 4 : (l >= 3 && at_start) || (l >= 4 && after_verb)) &&
            i >= MIN_REF_HEADING &&
            !binds_back(k.k[i]) && !heading_verb_at(s, &k, i - 2)) {
            found = from + k.start[i];
            break;
        }
        if (!restated && i >= MIN_REF_HEADING && !cuts_phrase(s, &k, i) &&
            verb_parallel(s, &k, i, comma)) {
            found = from + k.start[i];
            break;
        }
        /* the body's subject is a term of the heading itself, four
         * characters at least: 提升基础教育质量|基础教育是… */
        if (!restated && !comma && i >= MIN_REF_HEADING && own_term(&k, i) >= 4 &&
            !binds_back(k.k[i]) && !heading_verb_at(s, &k, i - 2)) {
            found = from + k.start[i];
            break;
        }
        /* the heading's first two characters again: 教育…的现状 | 教育… */
        if (!restated && !comma && i >= 6 && i <= MAX_REPEAT_CHARS && k.k[i] == k.k[0] &&
            k.k[i + 1] == k.k[1] && zt_is_han(k.k[0])) {
            /* "教育质量的全面提升|…体现为教育质量的全面提升": the whole heading
             * stands again in the first sentence, so 提升 is its own */
            size_t back = repeated_in_sentence(&k, i) ? 0 : verb_before(s, &k, i);
            size_t same = 2;
            while (i + same < k.n && same < i && k.k[i + same] == k.k[same])
                same++;
            int32_t next = i + same < k.n ? k.k[i + same] : 0;
            bool strong = back || same >= 3 || next == 0x7684 || next == 0x662F;
            if ((!back || !binds_forward(k.k[i - back - 1])) &&
                (strong || i <= MAX_WEAK_REPEAT_CHARS)) {
                restated = from + k.start[i - back];
                restated_at = i;
            }
            /* a subject (教师的…, 教联体…是指) or the verb's object: the body;
             * two characters alone may be the heading's own word again
             * (技能提升机会), which a later start can overrule */
            if (restated && strong)
                found = restated;
            /* the words repeated close a short clause of their own: they
             * are the whole heading, the object of the body's first verb
             * (班級書箱|各班設置班級書箱，由…) */
            if (found && !back && same >= MIN_GLUED_CHARS && same < i && i - same <= 6 &&
                (next == ',' || next == '.' || next == ';') && !binds_back(k.k[same]) &&
                !binds_forward(k.k[same - 1]))
                found = from + k.start[same];
        }
    }
    for (size_t r = 0; r < n_refs; r++)
        zt_key_free(&refs[r]);
    zt_key_free(&k);
    return found ? found : restated;
}

static bool in_sequence(const state *s, const zt_num *n)
{
    return n->value == 1 || n->value == s->last[n->style] + 1;
}

static void heading_found(state *s, zt_num_style style, long value)
{
    int r = rank_of(s, style);
    s->last[style] = value;
    for (int st = 0; st < ZT_NUM_STYLES; st++)
        if (s->rank[st] > r)
            s->last[st] = 0; /* a new parent restarts its children's numbering */
}

/* Is there a heading at T[P]?  Its end in *END, its level in *LEVEL. */
static bool heading_at(state *s, const char *t, size_t len, size_t p, size_t *end, int *level)
{
    zt_num_style style;
    size_t toc_next = s->toc_next;
    if (toc_heading(s, t, len, p, end, &style)) {
        if ((s->rank[style] ? s->rank[style] : s->next_rank) <= 4) {
            zt_num n;
            heading_found(s, style, zt_numbering(t, len, p, &n) ? n.value : s->last[style] + 1);
            *level = rank_of(s, style);
            return true;
        }
        s->toc_next = toc_next; /* a fifth level: no heading style holds it */
    }
    zt_num n;
    if (!zt_numbering(t, len, p, &n) || !in_sequence(s, &n))
        return false;
    int r = s->rank[n.style] ? s->rank[n.style] : s->next_rank;
    if (r > 4)
        return false;
    size_t body = p + n.len, q;
    /* count the rest only when it can be short: a long block is no line */
    size_t rest = len - body <= LINE_HEADING_CHARS * 4 ? zt_utf8_count(t + body, len - body)
                                                      : LINE_HEADING_CHARS + 1;
    int32_t last = len > body ? zt_utf8_prev(t, len, NULL) : 0;
    if (rest <= LINE_HEADING_CHARS && rest >= 2 && !zt_sentence_end(last) && p == 0 &&
        !s->last_block)
        *end = len;
    else if ((q = sublist_start(t, len, body, n.style)))
        *end = q;
    else if ((q = opener_start(s, t, len, body, r)))
        *end = q;
    else
        return false;
    heading_found(s, n.style, n.value);
    *level = rank_of(s, n.style);
    return true;
}

static zhtidy_status report_flag(state *s, zt_rule rule, unsigned long line, const char *t,
                                 size_t n)
{
    size_t cut = 0;
    for (int k = 0; k < 30 && cut < n; k++)
        zt_utf8_next(t, n, &cut);
    return zt_report_add(&s->doc->report, rule, line, ZHTIDY_CHANGE_FLAG, t, cut, NULL, 0);
}

static bool no_punct(const char *t, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t c = zt_utf8_next(t, len, &i);
        if ((zt_is_cjk_punct(c) && c != 0x3001) || (c < 0x80 && !zt_is_ascii_alnum(c) && c != ' '))
            return false; /* 、 may join the parts of a heading */
    }
    return true;
}

/* A short line without numbering or punctuation, before a list that starts
 * at 1: a heading whose numbering the source never had. */
static bool plain_heading(const struct zt_block *b, const struct zt_block *next)
{
    zt_num n, m;
    size_t chars = zt_utf8_count(b->text, b->len);
    return next && chars >= 2 && chars <= MAX_GLUED_CHARS && no_punct(b->text, b->len) &&
           !zt_numbering(b->text, b->len, 0, &n) &&
           zt_numbering(next->text, next->len, 0, &m) && m.value == 1;
}

static zhtidy_status split_block(state *s, struct zt_block *b)
{
    const char *t = b->text;
    size_t len = b->len, seg = 0, p = 0;
    bool boundary = true;
    zhtidy_status st = ZHTIDY_OK;
    while (p < len && !st) {
        size_t end;
        int level;
        zt_num n;
        bool heading = boundary && heading_at(s, t, len, p, &end, &level);
        if (s->err)
            return s->err;
        if (heading) {
            st = emit(s, ZHTIDY_PARAGRAPH, 0, t + seg, p - seg, b->line);
            if (!st)
                st = emit(s, ZHTIDY_HEADING, level, t + p, end - p, b->line);
            if (!st)
                st = report_flag(s, ZT_R_HEADINGS_SPLIT, b->line, t + p, end - p);
            s->headings++;
            seg = p = end;
            continue;
        }
        if (boundary && zt_numbering(t, len, p, &n) && in_sequence(s, &n) &&
            rank_of(s, n.style) <= 4) {
            /* a numbered item whose heading could not be told from its
             * text: it starts a paragraph of its own */
            if (p > seg)
                st = emit(s, ZHTIDY_PARAGRAPH, 0, t + seg, p - seg, b->line);
            if (!st)
                st = report_flag(s, ZT_R_HEADINGS_NUMBERED, b->line, t + p, len - p);
            s->last[n.style] = n.value;
            s->numbered++;
            seg = p;
        }
        boundary = zt_sentence_end(zt_utf8_next(t, len, &p));
    }
    if (!st)
        st = emit_rest(s, b, seg);
    return st;
}

static zhtidy_status compile_list(const char *const *words, zt_pattern **out, size_t *n_out)
{
    size_t n = 0;
    while (words[n])
        n++;
    if (!(*out = calloc(n, sizeof **out)))
        return ZHTIDY_ERR_NOMEM;
    for (; *n_out < n; (*n_out)++)
        if (!zt_pattern_compile(&(*out)[*n_out], words[*n_out]))
            return ZHTIDY_ERR_NOMEM;
    return ZHTIDY_OK;
}

static void free_list(zt_pattern *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        zt_pattern_free(&p[i]);
    free(p);
}

static void free_lists(word_lists *l)
{
    if (!l)
        return;
    free_list(l->openers, l->n_openers);
    free_list(l->verbs, l->n_verbs);
    free_list(l->words, l->n_words);
    free_list(l->hverbs, l->n_hverbs);
    free(l);
}

static zhtidy_status compile_lists(void **out)
{
    word_lists *l = calloc(1, sizeof *l);
    zhtidy_status st = l ? compile_list(zt_openers, &l->openers, &l->n_openers) : ZHTIDY_ERR_NOMEM;
    if (!st)
        st = compile_list(zt_body_verbs, &l->verbs, &l->n_verbs);
    if (!st)
        st = compile_list(zt_sentence_words, &l->words, &l->n_words);
    if (!st)
        st = compile_list(zt_heading_verbs, &l->hverbs, &l->n_hverbs);
    for (size_t o = 0; !st && o < l->n_openers; o++) {
        int32_t f = l->openers[o].cp[0];
        if (f <= 0xFFFF)
            l->opener_first[f >> 3] |= (uint8_t)(1u << (f & 7));
    }
    if (st)
        free_lists(l);
    else
        *out = l;
    return st;
}

/* Block B as it is, moved into the new array: its text and table go with it. */
static zhtidy_status keep_block(state *s, struct zt_block *b)
{
    struct zt_block *out = zt_grow(s->out, &s->cap, s->n, sizeof *out, 32);
    if (!out)
        return ZHTIDY_ERR_NOMEM;
    s->out = out;
    s->out[s->n++] = *b;
    if (b->type == ZHTIDY_HEADING)
        set_ancestor(s, b->level, b->text, b->len);
    *b = (struct zt_block){.borrowed = true}; /* nothing left to free */
    return ZHTIDY_OK;
}

/* Is the last block a numbered heading the preview cut (九、全), with no
 * body?  It continues the numbering of a heading that had a body, and is a
 * few characters with no sentence end.  A list of short items, whose
 * siblings follow each other, ends with no stub. */
static bool heading_stub(const zhtidy_doc *doc)
{
    const struct zt_block *b = &doc->blocks[doc->n - 1];
    zt_num num, prev;
    if (b->type != ZHTIDY_PARAGRAPH || !zt_numbering(b->text, b->len, 0, &num) || num.value < 2 ||
        zt_utf8_count(b->text + num.len, b->len - num.len) > 12)
        return false;
    for (size_t p = num.len; p < b->len;)
        if (zt_block_complete(zt_utf8_next(b->text, b->len, &p)))
            return false;
    for (size_t i = doc->n - 1; i-- > 0;) { /* the nearest sibling before it */
        const struct zt_block *a = &doc->blocks[i], *next = &doc->blocks[i + 1];
        if (a->type == ZHTIDY_HEADING && zt_numbering(a->text, a->len, 0, &prev) &&
            prev.style == num.style && prev.value == num.value - 1)
            return next != b && !(zt_numbering(next->text, next->len, 0, &prev) && prev.style == num.style);
    }
    return false;
}

/* Remove a heading stub at the very end, reported. */
static zhtidy_status drop_stub(zt_ctx *ctx)
{
    zhtidy_doc *doc = ctx->doc;
    if (!doc->n || !zt_rule_on(ctx->opts, ZT_R_HEADINGS_STUB) || !heading_stub(doc))
        return ZHTIDY_OK;
    struct zt_block *b = &doc->blocks[doc->n - 1];
    zhtidy_status st = zt_report_add(&doc->report, ZT_R_HEADINGS_STUB, b->line, ZHTIDY_CHANGE_REMOVE,
                                     b->text, b->len, NULL, 0);
    if (!st)
        zt_doc_remove(doc, doc->n - 1);
    return st;
}

zhtidy_status zt_pass_headings(zt_ctx *ctx)
{
    static zt_once compiled_lists = ZT_ONCE_INIT;
    zhtidy_doc *doc = ctx->doc;
    if (!zt_rule_on(ctx->opts, ZT_R_HEADINGS_SPLIT))
        return ZHTIDY_OK;
    static const state init = {.next_rank = 1};
    state s = init;
    s.doc = doc;
    s.ctx = ctx;
    for (size_t k = 0; k < ctx->toc_n; k++)
        rank_of(&s, ctx->toc[k].style);
    void *lists;
    zhtidy_status st = zt_once_get(&compiled_lists, compile_lists, &lists);
    s.l = lists;
    if (!st)
        st = count_pairs(&s);
    for (size_t i = 0; i < doc->n && !st; i++) {
        struct zt_block *b = &doc->blocks[i];
        s.last_block = i + 1 == doc->n;
        if (b->type != ZHTIDY_PARAGRAPH) { /* a heading, a list, a table or code already */
            st = keep_block(&s, b);
            continue;
        }
        const struct zt_block *next = i + 1 < doc->n && doc->blocks[i + 1].type == ZHTIDY_PARAGRAPH
                                          ? &doc->blocks[i + 1] : NULL;
        /* a fifth style has no heading level left: the line stays text */
        int rank = s.rank[ZT_NUM_PLAIN] ? s.rank[ZT_NUM_PLAIN] : s.next_rank;
        if (rank > 4 || !plain_heading(b, next)) {
            st = split_block(&s, b);
            continue;
        }
        heading_found(&s, ZT_NUM_PLAIN, 1);
        st = emit(&s, ZHTIDY_HEADING, rank_of(&s, ZT_NUM_PLAIN), b->text, b->len, b->line);
        if (!st)
            st = report_flag(&s, ZT_R_HEADINGS_SPLIT, b->line, b->text, b->len);
        s.headings++;
    }
    free(s.pair_n);
    if (st) {
        for (size_t i = 0; i < s.n; i++)
            zt_block_free(&s.out[i]);
        free(s.out);
        return st;
    }
    for (size_t i = 0; i < doc->n; i++)
        zt_block_free(&doc->blocks[i]);
    free(doc->blocks);
    doc->blocks = s.out;
    doc->n = s.n;
    doc->cap = s.cap;
    return drop_stub(ctx);
}
