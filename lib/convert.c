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
    uint32_t slots; /* its first characters' hash, in cc_slots */
    uint8_t shift;  /* 32 - log2(the hash's size) */
} cc_dict;

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

/* The node + 1 of D's first character CP, 0 when no key starts with it.
 * The hash is never full, so an empty slot ends every probe. */
static inline uint32_t root_of(const cc_dict *d, uint32_t cp)
{
    uint32_t mask = UINT32_MAX >> d->shift;
    for (uint32_t i = (cp * 0x9E3779B1u) >> d->shift;; i = (i + 1) & mask) {
        uint32_t n = cc_slots[d->slots + i];
        if (!n || cc_label[n - 1] == cp)
            return n;
    }
}

/* The child + 1 of NODE labelled CP, or 0. */
static inline uint32_t child_of(uint32_t node, uint32_t cp)
{
    uint32_t lo = cc_child[node], hi = cc_child[node + 1];
    while (hi - lo > 8) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cc_label[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    for (; lo < hi; lo++)
        if (cc_label[lo] >= cp)
            return cc_label[lo] == cp ? lo + 1 : 0;
    return 0;
}

/* Bytes of the longest key of D that starts S (N > 0 bytes), 0 for none;
 * its value in *VAL. */
static size_t dict_match(const cc_dict *d, const unsigned char *s, size_t n, uint32_t *val)
{
    size_t at, k;
    uint32_t node = root_of(d, decode(s, &at));
    if (!node--)
        return 0;
    size_t best = 0;
    if (cc_value[node] != CC_NONE)
        best = at, *val = cc_value[node];
    while (at < n && cc_child[node] != cc_child[node + 1]) {
        uint32_t next = child_of(node, decode(s + at, &k));
        if (!next)
            break;
        node = next - 1;
        at += k;
        if (cc_value[node] != CC_NONE)
            best = at, *val = cc_value[node];
    }
    return best;
}

/* As DictGroup::MatchPrefix: the longest match of the first dictionary of
 * G that matches, leaving out those whose bit is set in SKIP.  The
 * dictionary's index in *WHICH. */
static size_t group_match(const cc_group *g, unsigned skip, const unsigned char *s, size_t n,
                          uint32_t *val, unsigned *which)
{
    for (unsigned i = 0; i < g->n; i++) {
        if (skip >> i & 1)
            continue;
        *which = cc_group_dicts[g->first + i];
        size_t m = dict_match(&cc_dicts[*which], s, n, val);
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
    if (b->cap - b->len <= n && !buf_grow(b, n))
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
    for (size_t i = 0; i < n;) {
        uint32_t v;
        unsigned which;
        size_t m = s[i] < 0x80 && !in_keys(c, s[i]) ? 0 : group_match(g, skip, s + i, n - i, &v, &which);
        if (!m) {
            i += char_len(s[i]);
            continue;
        }
        put(out, s + copied, i - copied);
        put(out, cc_values + (v >> 8), v & 0xFF);
        i += m;
        copied = i;
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

/* Segmentation, as MaxMatchSegmentation::Segment, each segment converted
 * as soon as it is known. */
static void segment(cc_run *r, const unsigned char *s, size_t len)
{
    const cc_config *c = r->c;
    const cc_group *seg = &cc_groups[c->seg];
    size_t run = 0; /* where the text no key matched begins */
    for (size_t i = 0; i < len && !r->out.failed;) {
        if (s[i] < 0x80 && !in_keys(c, s[i])) {
            size_t j = i + 1;
            while (j < len && s[j] < 0x80 && !in_keys(c, s[j]))
                j++;
            chain(r, 0, s + run, i - run, c->known);
            put(&r->out, s + i, j - i);
            i = run = j;
            continue;
        }
        uint32_t v;
        unsigned which;
        size_t m = group_match(seg, 0, s + i, len - i, &v, &which);
        if (!m) {
            i += char_len(s[i]);
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
