/* SPDX-License-Identifier: MIT */
/* convert.c - OpenCC's conversion, on tables built from OpenCC's own files.
 *
 * convert_tables.c is generated at build time from the configurations and
 * dictionaries that OpenCC installs (see gen_convert_tables.c): one trie per
 * dictionary, compiled in as read-only data, so that nothing is loaded or
 * parsed at run time.
 *
 * The steps are OpenCC 1.1.6's:
 *  - MaxMatchSegmentation cuts the text into the longest keys of the
 *    segmentation dictionary, each a segment, and the runs of text between
 *    them, each one segment too.
 *  - Each conversion of the chain then rewrites every segment on its own:
 *    from left to right, the longest key of its dictionary group that
 *    starts there is replaced by the key's first value; where no key starts,
 *    one character is copied.  A group answers with the first of its
 *    dictionaries that has any match (DictGroup::MatchPrefix), which need
 *    not be the longest match of all.
 *  - The segments, converted, are joined.
 * So no match of a conversion ever crosses a segment's edge.
 *
 * Two shortcuts give the same result for less work:
 *  - A character that no key of the configuration contains (most ASCII)
 *    cannot be part of any match, so runs are cut there and it is copied.
 *  - Where segmentation found nothing, a dictionary it tried cannot match
 *    in the first conversion either; and a segment that is a key of the
 *    first conversion's first dictionary converts to that key's value. */
#include "convert.h"

#include <stdlib.h>
#include <string.h>

#define CC_NONE UINT32_MAX

typedef struct {
    uint64_t bits[4]; /* which of the page's 256 code points occur in keys */
    uint16_t base;    /* the id of the first of them */
    uint8_t rank[4];  /* how many occur before each word */
} cc_page;

typedef struct {
    uint32_t child; /* the first; the next node's first ends them */
    uint32_t value; /* offset << 8 | length in cc_values, or CC_NONE */
} cc_node;

typedef struct {
    uint16_t first, n; /* dictionaries, in cc_group_dicts */
} cc_group;

struct zt_cc_config {
    const char *name;
    uint16_t seg;          /* the segmentation's group */
    uint16_t chain, steps; /* the conversions' groups */
    uint16_t known;        /* bit i: the first conversion's dictionary i is in seg */
    uint32_t ascii[4];     /* ASCII characters that some key contains */
};

typedef zt_cc_config cc_config;

#include "convert_tables.c"

const zt_cc_config *zt_cc_find(const char *name)
{
    size_t n = strlen(name);
    if (n > 5 && !strcmp(name + n - 5, ".json"))
        n -= 5;
    for (size_t i = 0; i < sizeof cc_configs / sizeof cc_configs[0]; i++)
        if (!strncmp(cc_configs[i].name, name, n) && !cc_configs[i].name[n])
            return &cc_configs[i];
    return NULL;
}

/* ---- matching --------------------------------------------------------- */

static inline size_t char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

static inline uint32_t decode(const unsigned char *s, size_t *len)
{
    uint32_t c = s[0];
    *len = char_len((unsigned char)c);
    switch (*len) {
    case 1: return c;
    case 2: return (c & 0x1F) << 6 | (s[1] & 0x3F);
    case 3: return (c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    default: return (c & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    }
}

static inline bool in_keys(const cc_config *c, unsigned char ch)
{
    return c->ascii[ch >> 5] >> (ch & 31) & 1;
}

static inline unsigned popcount(uint64_t x)
{
#ifdef __POPCNT__
    return (unsigned)__builtin_popcountll(x);
#else
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* The id of code point CP, 0 when no key holds it. */
static inline uint32_t char_id(uint32_t cp)
{
    uint32_t page = cp >> 8 < sizeof cc_top / sizeof cc_top[0] ? cc_top[cp >> 8] : 0;
    if (!page)
        return 0;
    const cc_page *p = &cc_pages[page - 1];
    uint64_t word = p->bits[(cp >> 6) & 3], bit = 1ull << (cp & 63);
    if (!(word & bit))
        return 0;
    return p->base + p->rank[(cp >> 6) & 3] + popcount(word & (bit - 1));
}

/* The node + 1 of dictionary D for first character ID, 0 when no key of
 * D starts with it. */
static inline uint32_t root_of(unsigned d, uint32_t id)
{
    size_t w = (size_t)d * CC_WORDS + id / 64;
    uint64_t word = cc_dict_bits[w], bit = 1ull << (id % 64);
    if (!(word & bit))
        return 0;
    return cc_dict_base[d] + cc_dict_rank[w] + popcount(word & (bit - 1)) + 1;
}

/* The child + 1 of NODE for character ID, or 0. */
static inline uint32_t child_of(uint32_t node, uint32_t id)
{
    uint32_t lo = cc_nodes[node].child, hi = cc_nodes[node + 1].child;
    while (hi - lo > 8) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cc_label[mid] <= id)
            lo = mid;
        else
            hi = mid;
    }
    for (; lo < hi; lo++)
        if (cc_label[lo] >= id)
            return cc_label[lo] == id ? lo + 1 : 0;
    return 0;
}

/* Bytes of the longest key of dictionary D that starts S (N bytes, the
 * first character FIRST bytes long with id ID), 0 for none; its value in
 * *VAL. */
static size_t dict_match(unsigned d, uint32_t id, size_t first, const unsigned char *s, size_t n,
                         uint32_t *val)
{
    uint32_t node = root_of(d, id);
    if (!node--)
        return 0;
    size_t best = 0, at = first, k;
    if (cc_nodes[node].value != CC_NONE)
        best = at, *val = cc_nodes[node].value;
    while (at < n && cc_nodes[node].child != cc_nodes[node + 1].child) {
        uint32_t next = child_of(node, char_id(decode(s + at, &k)));
        if (!next)
            break;
        node = next - 1;
        at += k;
        if (cc_nodes[node].value != CC_NONE)
            best = at, *val = cc_nodes[node].value;
    }
    return best;
}

/* As DictGroup::MatchPrefix: the longest match of the first dictionary of
 * G that matches, leaving out those whose bit is set in SKIP.  ID is the
 * id of S's first character, FIRST its length; the dictionary that matched
 * in *WHICH. */
static size_t group_match(const cc_group *g, unsigned skip, uint32_t id, size_t first,
                          const unsigned char *s, size_t n, uint32_t *val, unsigned *which)
{
    for (unsigned i = 0; i < g->n; i++) {
        if (skip >> i & 1)
            continue;
        *which = cc_group_dicts[g->first + i];
        size_t m = dict_match(*which, id, first, s, n, val);
        if (m)
            return m;
    }
    return 0;
}

/* ---- output ----------------------------------------------------------- */

typedef struct {
    char *p;
    size_t len, cap; /* cap > len: room for the final NUL */
    bool failed;
} cc_buf;

static bool buf_grow(cc_buf *b, size_t n)
{
    if (b->failed)
        return false;
    size_t cap = b->cap > SIZE_MAX / 2 ? SIZE_MAX : b->cap * 2;
    if (cap - b->len <= n)
        cap = n < SIZE_MAX - b->len - 64 ? b->len + n + 64 : 0;
    char *p = cap ? realloc(b->p, cap) : NULL;
    if (!p) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

static inline void put(cc_buf *b, const void *s, size_t n)
{
    if (!n || (b->cap - b->len <= n && !buf_grow(b, n)))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* ---- conversion ------------------------------------------------------- */

typedef struct {
    const cc_config *c;
    cc_buf out, tmp[2];
} cc_run;

/* One conversion, as Conversion::Convert, of segment S (N bytes). */
static void convert_step(const cc_config *c, const cc_group *g, unsigned skip,
                         const unsigned char *s, size_t n, cc_buf *out)
{
    size_t copied = 0;
    for (size_t i = 0, k; i < n; i += k) {
        if (s[i] < 0x80 && !in_keys(c, s[i])) {
            k = 1;
            continue;
        }
        uint32_t v, id = char_id(decode(s + i, &k));
        unsigned which;
        size_t m = id ? group_match(g, skip, id, k, s + i, n - i, &v, &which) : 0;
        if (!m)
            continue;
        put(out, s + copied, i - copied);
        put(out, cc_values + (v >> 8), v & 0xFF);
        k = m;
        copied = i + m;
    }
    put(out, s + copied, n - copied);
}

/* Conversions FROM .. the last of segment S (N bytes), appended to the
 * output; SKIP as for group_match in the first conversion. */
static void chain(cc_run *r, unsigned from, const unsigned char *s, size_t n, unsigned skip)
{
    unsigned steps = r->c->steps;
    if (from == steps || !n) {
        put(&r->out, s, n);
        return;
    }
    for (unsigned k = from; k < steps; k++) {
        cc_buf *dst = k + 1 == steps ? &r->out : &r->tmp[k & 1];
        if (dst != &r->out)
            dst->len = 0;
        convert_step(r->c, &cc_groups[r->c->chain + k], k ? 0 : skip, s, n, dst);
        if (dst->failed) {
            r->out.failed = true;
            return;
        }
        s = (const unsigned char *)dst->p;
        n = dst->len;
    }
}

/* A segment that is a key of dictionary WHICH, whose value is V. */
static void key_segment(cc_run *r, const unsigned char *s, size_t n, unsigned which, uint32_t v)
{
    const cc_group *first = &cc_groups[r->c->chain];
    if (r->c->steps && cc_group_dicts[first->first] == which)
        chain(r, 1, (const unsigned char *)cc_values + (v >> 8), v & 0xFF, 0);
    else
        chain(r, 0, s, n, 0);
}

/* Copy the characters from S[I] on that no key of C holds, up to LEN;
 * returns where they end. */
static size_t copy_keyless(cc_run *r, const unsigned char *s, size_t i, size_t len)
{
    size_t j = i, k = 1;
    while (j < len) {
        if (s[j] < 0x80 ? in_keys(r->c, s[j]) : char_id(decode(s + j, &k)) != 0)
            break;
        j += s[j] < 0x80 ? 1 : k;
    }
    put(&r->out, s + i, j - i);
    return j;
}

/* Segmentation, as MaxMatchSegmentation::Segment, each segment converted
 * as soon as it is known.  A character that no key holds cannot be in a
 * match: the text is cut there and the character copied. */
static void segment(cc_run *r, const unsigned char *s, size_t len)
{
    const cc_config *c = r->c;
    const cc_group *seg = &cc_groups[c->seg];
    size_t run = 0; /* where the text no key matched begins */
    for (size_t i = 0, k; i < len && !r->out.failed;) {
        uint32_t v, id = s[i] < 0x80 && !in_keys(c, s[i]) ? 0 : char_id(decode(s + i, &k));
        if (!id) {
            chain(r, 0, s + run, i - run, c->known);
            i = run = copy_keyless(r, s, i, len);
            continue;
        }
        unsigned which;
        size_t m = group_match(seg, 0, id, k, s + i, len - i, &v, &which);
        if (!m) {
            i += k;
            continue;
        }
        chain(r, 0, s + run, i - run, c->known);
        key_segment(r, s + i, m, which, v);
        i = run = i + m;
    }
    chain(r, 0, s + run, len - run, c->known);
}

zhtidy_status zt_cc_convert(const zt_cc_config *c, const char *text, size_t len, char **out,
                            size_t *out_len)
{
    cc_run r = {c, {NULL, 0, 0, false}, {{NULL, 0, 0, false}, {NULL, 0, 0, false}}};
    *out = NULL;
    /* most conversions keep the length; a little room saves a copy */
    if (buf_grow(&r.out, len < SIZE_MAX / 2 ? len + len / 16 : len))
        segment(&r, (const unsigned char *)text, len);
    free(r.tmp[0].p);
    free(r.tmp[1].p);
    if (r.out.failed) {
        free(r.out.p);
        return ZHTIDY_ERR_NOMEM;
    }
    r.out.p[r.out.len] = '\0';
    *out = r.out.p;
    if (out_len)
        *out_len = r.out.len;
    return ZHTIDY_OK;
}
