/* SPDX-License-Identifier: MIT */
/* gen_convert_tables.c - build-time generator of convert_tables.c.
 *
 * Reads OpenCC's configurations (.json, with json-c) and the dictionaries
 * they name, and writes the tables that lib/convert.c converts with:
 *
 *   cc_top, cc_pages   a character's id: the characters that occur in
 *       keys are numbered 1, 2 ... in code point order; 0 is any other.
 *       cc_top gives the page of 256 code points, whose bitmap and ranks
 *       give the id.
 *   cc_label, cc_nodes   one trie per dictionary, over ids.  The tries
 *       form one forest laid out breadth first: the children of node i are
 *       the nodes cc_nodes[i].child .. cc_nodes[i + 1].child - 1, sorted by
 *       id (cc_label).  cc_nodes[i].value is the entry's first value (the
 *       one OpenCC's DictEntry::GetDefault gives) as offset << 8 | length in
 *       cc_values, or CC_NONE where no key ends.
 *   cc_dict_bits, cc_dict_rank, cc_dict_base   per dictionary, a bitmap of
 *       the ids that start a key, with the rank of each word: a first
 *       character's node is cc_dict_base plus the set bits before its own.
 *   cc_group_dicts, cc_groups   dictionary groups: OpenCC's DictGroup takes
 *       the longest match of the first dictionary that matches at all.
 *   cc_configs   per configuration: the segmentation group, the conversion
 *       chain, and the ASCII characters its keys contain.
 *
 * A dictionary of type "ocd2" is read from its text dump (opencc_dict -f
 * ocd2 -t text: "key<TAB>value value ...") in DUMP_DIR; one of type "text"
 * from CONFIG_DIR.  Nested groups are flattened: a group in a group tries
 * the same dictionaries in the same order.
 *
 * usage: gen_convert_tables OUT.c CONFIG_DIR DUMP_DIR NAME...
 */
#include <json.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CC_NONE UINT32_MAX
#define MAX_DICTS 64  /* distinct dictionaries over all configurations */
#define MAX_GROUP 16  /* dictionaries in one (flattened) group */
#define MAX_CHAIN 16  /* conversion steps in one configuration */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_convert_tables: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

static uint32_t decode(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    c &= n == 1 ? 0x7F : 0xFF >> (n + 1);
    for (int i = 1; i < n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p += n;
    return c;
}

/* ---- the value pool: each distinct value stored once ----------------- */

static char *pool;
static size_t pool_len, pool_cap;
static uint32_t *pool_hash; /* offset << 8 | length, + 1; 0 empty */
#define POOL_HASH_SIZE (1u << 20)

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The value word for S (N bytes). */
static uint32_t pool_add(const char *s, size_t n)
{
    if (n > 0xFF)
        die("a value of %zu bytes: the tables hold at most 255", n);
    if (!pool_hash)
        pool_hash = calloc(POOL_HASH_SIZE, sizeof *pool_hash);
    if (!pool_hash)
        die("out of memory");
    uint32_t i = fnv(s, n) & (POOL_HASH_SIZE - 1);
    for (; pool_hash[i]; i = (i + 1) & (POOL_HASH_SIZE - 1)) {
        uint32_t w = pool_hash[i] - 1;
        if ((w & 0xFF) == n && !memcmp(pool + (w >> 8), s, n))
            return w;
    }
    if (pool_len + n >= 0xFFFFFF)
        die("values exceed 16 MB: the tables address at most that");
    if (pool_len + n > pool_cap)
        pool = xrealloc(pool, pool_cap = (pool_cap + n) * 2);
    memcpy(pool + pool_len, s, n);
    uint32_t w = (uint32_t)(pool_len << 8 | n);
    pool_len += n;
    pool_hash[i] = w + 1;
    return w;
}

/* ---- tries ----------------------------------------------------------- */

typedef struct {
    uint32_t cp, value;
    uint32_t *kids; /* node indexes, in increasing code point order */
    uint32_t nkids, capkids;
} gnode;

static gnode *nodes;
static uint32_t nodes_n, nodes_cap;

static uint32_t new_node(uint32_t cp)
{
    if (nodes_n == nodes_cap)
        nodes = xrealloc(nodes, (nodes_cap = nodes_cap ? nodes_cap * 2 : 4096) * sizeof *nodes);
    nodes[nodes_n] = (gnode){cp, CC_NONE, NULL, 0, 0};
    return nodes_n++;
}

/* Keys arrive in byte order, which for UTF-8 is code point order, so a
 * key's character is either the last child so far or a new last child. */
static uint32_t child(uint32_t parent, uint32_t cp)
{
    gnode *p = &nodes[parent];
    if (p->nkids && nodes[p->kids[p->nkids - 1]].cp == cp)
        return p->kids[p->nkids - 1];
    uint32_t k = new_node(cp);
    p = &nodes[parent]; /* new_node may have moved the array */
    if (p->nkids == p->capkids)
        p->kids = xrealloc(p->kids, (p->capkids = p->capkids ? p->capkids * 2 : 4) * sizeof *p->kids);
    p->kids[p->nkids++] = k;
    return k;
}

typedef struct {
    char *key, *value;
} entry;

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

/* One dictionary line, parsed as OpenCC's TextDict does: the key runs to
 * the tab, the first value to the next space or the line's end. */
static int parse_line(char *line, entry *e)
{
    char *tab = strchr(line, '\t');
    if (line[0] == '\n' || line[0] == '\r' || !line[0])
        return 0;
    if (!tab)
        die("a dictionary line without a tab: %s", line);
    *tab = '\0';
    char *v = tab + 1;
    v[strcspn(v, " \r\n")] = '\0';
    e->key = xstrdup(line);
    e->value = xstrdup(v);
    return 1;
}

static entry *read_entries(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read %s", path);
    entry *es = NULL;
    size_t cap = 0;
    char line[4096];
    *n = 0;
    while (fgets(line, sizeof line, f)) {
        if (*n == cap)
            es = xrealloc(es, (cap = cap ? cap * 2 : 1024) * sizeof *es);
        *n += (size_t)parse_line(line, &es[*n]);
    }
    fclose(f);
    qsort(es, *n, sizeof *es, entry_cmp);
    for (size_t i = 1; i < *n; i++)
        if (!strcmp(es[i - 1].key, es[i].key))
            die("%s: the key %s twice", path, es[i].key);
    return es;
}

/* A trie of the dictionary at PATH; returns its root. */
static uint32_t load_trie(const char *path)
{
    size_t n;
    entry *es = read_entries(path, &n);
    uint32_t root = new_node(0);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)es[i].key;
        if (!*p)
            die("%s: an empty key", path);
        uint32_t at = root;
        while (*p)
            at = child(at, decode(&p));
        nodes[at].value = pool_add(es[i].value, strlen(es[i].value));
        free(es[i].key);
        free(es[i].value);
    }
    free(es);
    return root;
}

/* ---- configurations -------------------------------------------------- */

typedef struct {
    char *type, *file;
    uint32_t root;              /* in nodes[] */
    uint32_t base, nroot;       /* its first characters in the output order */
    uint32_t ascii[4];          /* ASCII characters in its keys */
} gdict;

typedef struct {
    int n, d[MAX_GROUP];
} ggroup;

typedef struct {
    const char *name;
    int seg, chain, steps; /* groups: seg, then chain .. chain + steps - 1 */
} gconfig;

static gdict dicts[MAX_DICTS];
static int ndicts;
static ggroup *groups;
static int ngroups;
static gconfig *configs;
static int nconfigs;
static const char *config_dir, *dump_dir;

static void mark_ascii(uint32_t at, uint32_t ascii[4])
{
    for (uint32_t i = 0; i < nodes[at].nkids; i++) {
        uint32_t k = nodes[at].kids[i];
        if (nodes[k].cp < 0x80)
            ascii[nodes[k].cp >> 5] |= 1u << (nodes[k].cp & 31);
        mark_ascii(k, ascii);
    }
}

/* The index of dictionary FILE of TYPE, loading it the first time. */
static int dict_id(const char *type, const char *file)
{
    for (int i = 0; i < ndicts; i++)
        if (!strcmp(dicts[i].type, type) && !strcmp(dicts[i].file, file))
            return i;
    if (ndicts == MAX_DICTS)
        die("more than %d dictionaries", MAX_DICTS);
    if (strchr(file, '/'))
        die("dictionary %s: only files beside the configurations are built in", file);
    char path[4096];
    size_t n = strlen(file);
    if (!strcmp(type, "ocd2") && n > 5 && !strcmp(file + n - 5, ".ocd2"))
        snprintf(path, sizeof path, "%s/%.*s.txt", dump_dir, (int)(n - 5), file);
    else if (!strcmp(type, "text"))
        snprintf(path, sizeof path, "%s/%s", config_dir, file);
    else
        die("dictionary %s of type %s cannot be built in", file, type);
    gdict *d = &dicts[ndicts];
    d->type = xstrdup(type);
    d->file = xstrdup(file);
    d->root = load_trie(path);
    mark_ascii(d->root, d->ascii);
    return ndicts++;
}

static const char *str_prop(json_object *o, const char *key, const char *where)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        die("%s: no \"%s\" string", where, key);
    return json_object_get_string(v);
}

static json_object *prop(json_object *o, const char *key, json_type type, const char *where)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, type))
        die("%s: no \"%s\" of the expected type", where, key);
    return v;
}

/* Append the dictionaries of DICT (a file, or a group of them) to G. */
static void parse_dict(json_object *dict, ggroup *g, const char *where)
{
    const char *type = str_prop(dict, "type", where);
    if (!strcmp(type, "group")) {
        json_object *list = prop(dict, "dicts", json_type_array, where);
        for (size_t i = 0; i < json_object_array_length(list); i++)
            parse_dict(json_object_array_get_idx(list, i), g, where);
        return;
    }
    if (g->n == MAX_GROUP)
        die("%s: more than %d dictionaries in a group", where, MAX_GROUP);
    g->d[g->n++] = dict_id(type, str_prop(dict, "file", where));
}

static int new_group(json_object *dict, const char *where)
{
    groups = xrealloc(groups, (size_t)(ngroups + 1) * sizeof *groups);
    groups[ngroups].n = 0;
    parse_dict(dict, &groups[ngroups], where);
    return ngroups++;
}

static void parse_config(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.json", config_dir, name);
    json_object *root = json_object_from_file(path);
    if (!root)
        die("cannot read %s: %s", path, json_util_get_last_err());
    json_object *seg = prop(root, "segmentation", json_type_object, path);
    if (strcmp(str_prop(seg, "type", path), "mmseg"))
        die("%s: segmentation other than mmseg", path);
    configs = xrealloc(configs, (size_t)(nconfigs + 1) * sizeof *configs);
    gconfig *c = &configs[nconfigs++];
    c->name = name;
    c->seg = new_group(prop(seg, "dict", json_type_object, path), path);
    json_object *chain = prop(root, "conversion_chain", json_type_array, path);
    c->chain = ngroups;
    c->steps = (int)json_object_array_length(chain);
    if (c->steps > MAX_CHAIN)
        die("%s: more than %d conversions", path, MAX_CHAIN);
    for (int i = 0; i < c->steps; i++)
        new_group(prop(json_object_array_get_idx(chain, (size_t)i), "dict", json_type_object, path),
                  path);
    json_object_put(root);
}

/* ---- layout ---------------------------------------------------------- */

static uint32_t *order, *first_kid; /* output index -> node; its first child */
static uint32_t order_n;

static void push_kids(uint32_t node)
{
    for (uint32_t i = 0; i < nodes[node].nkids; i++)
        order[order_n++] = nodes[node].kids[i];
}

/* Breadth first over the forest: every node's children follow those of
 * the node before it, so cc_nodes[i + 1].child ends node i's children. */
static void lay_out(void)
{
    order = xrealloc(NULL, nodes_n * sizeof *order);
    first_kid = xrealloc(NULL, (nodes_n + 1) * sizeof *first_kid);
    for (int d = 0; d < ndicts; d++) {
        dicts[d].base = order_n;
        push_kids(dicts[d].root);
        dicts[d].nroot = order_n - dicts[d].base;
    }
    for (uint32_t head = 0; head < order_n; head++) {
        first_kid[head] = order_n;
        push_kids(order[head]);
    }
    first_kid[order_n] = order_n;
}

/* ---- character ids --------------------------------------------------- */

#define NCP 0x110000
#define NPAGES (NCP >> 8)

static uint16_t *ids;   /* per code point */
static uint32_t nids;   /* the highest id */
static uint32_t words;  /* 64-bit words in a dictionary's bitmap of ids */

static void number_chars(void)
{
    ids = calloc(NCP, sizeof *ids);
    if (!ids)
        die("out of memory");
    for (uint32_t i = 0; i < order_n; i++)
        ids[nodes[order[i]].cp] = 1;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (!ids[cp])
            continue;
        if (++nids > UINT16_MAX)
            die("more than %u distinct characters in keys", UINT16_MAX);
        ids[cp] = (uint16_t)nids;
    }
    words = nids / 64 + 1;
}

/* Is there a character in page P (code points P << 8 ...)? */
static int page_used(uint32_t p)
{
    for (uint32_t cp = p << 8; cp < (p + 1) << 8; cp++)
        if (ids[cp])
            return 1;
    return 0;
}

static void write_page(FILE *f, uint32_t p)
{
    uint64_t bits[4] = {0};
    unsigned rank[4] = {0};
    uint16_t base = 0;
    for (uint32_t cp = (p + 1) << 8; cp-- > p << 8;)
        if (ids[cp]) {
            bits[(cp >> 6) & 3] |= 1ull << (cp & 63);
            base = ids[cp];
        }
    for (int w = 1; w < 4; w++)
        rank[w] = rank[w - 1] + (unsigned)__builtin_popcountll(bits[w - 1]);
    fprintf(f, "{{%#llx, %#llx, %#llx, %#llx}, %u, {%u, %u, %u, %u}},\n",
            (unsigned long long)bits[0], (unsigned long long)bits[1], (unsigned long long)bits[2],
            (unsigned long long)bits[3], base, rank[0], rank[1], rank[2], rank[3]);
}

static void write_pages(FILE *f)
{
    uint32_t top = NPAGES, n = 0;
    while (top && !page_used(top - 1))
        top--;
    fprintf(f, "static const uint16_t cc_top[%u] = {", top ? top : 1);
    for (uint32_t p = 0; p < top; p++)
        fprintf(f, "%s%u,", p % 16 ? "" : "\n", page_used(p) ? ++n : 0);
    fprintf(f, "%s\n};\n\nstatic const cc_page cc_pages[%u] = {\n", top ? "" : "0", n ? n : 1);
    for (uint32_t p = 0; p < top; p++)
        if (page_used(p))
            write_page(f, p);
    fputs(n ? "};\n\n" : "{{0}, 0, {0}}};\n\n", f);
}

/* ---- output ---------------------------------------------------------- */

typedef unsigned long long (*word_fn)(uint32_t i);
static unsigned long long label_at(uint32_t i) { return ids[nodes[order[i]].cp]; }

/* Each node's first child and value side by side: a lookup wants both,
 * and the next node's first child, from one cache line. */
static void write_nodes(FILE *f)
{
    fprintf(f, "static const cc_node cc_nodes[%u] = {", order_n + 1);
    for (uint32_t i = 0; i <= order_n; i++)
        fprintf(f, "%s{%u,%#x},", i % 6 ? "" : "\n", first_kid[i],
                i < order_n ? nodes[order[i]].value : CC_NONE);
    fputs("\n};\n\n", f);
}

static void write_words(FILE *f, const char *type, const char *name, word_fn at, uint32_t n)
{
    fprintf(f, "static const %s %s[%u] = {", type, name, n);
    for (uint32_t i = 0; i < n; i++)
        fprintf(f, "%s%#llx,", i % 8 ? "" : "\n", at(i));
    fputs("\n};\n\n", f);
}

static uint64_t *dict_bits;

static unsigned long long bits_at(uint32_t i) { return dict_bits[i]; }

static unsigned long long rank_at(uint32_t i)
{
    unsigned long long r = 0;
    for (uint32_t w = i - i % words; w < i; w++)
        r += (unsigned)__builtin_popcountll(dict_bits[w]);
    return r;
}

static unsigned long long base_at(uint32_t i) { return dicts[i].base; }

/* Per dictionary, which ids start a key. */
static void write_dict_bits(FILE *f)
{
    dict_bits = calloc((size_t)ndicts * words, sizeof *dict_bits);
    if (!dict_bits)
        die("out of memory");
    for (int d = 0; d < ndicts; d++)
        for (uint32_t i = dicts[d].base; i < dicts[d].base + dicts[d].nroot; i++) {
            uint32_t id = ids[nodes[order[i]].cp];
            dict_bits[(size_t)d * words + id / 64] |= 1ull << (id % 64);
        }
    fprintf(f, "#define CC_WORDS %u\n\n", words);
    write_words(f, "uint64_t", "cc_dict_bits", bits_at, (uint32_t)ndicts * words);
    write_words(f, "uint16_t", "cc_dict_rank", rank_at, (uint32_t)ndicts * words);
    write_words(f, "uint32_t", "cc_dict_base", base_at, (uint32_t)ndicts);
}

/* Octal escapes keep the bytes exact whatever the compiler's charset. */
static void write_pool(FILE *f)
{
    fprintf(f, "static const char cc_values[%zu] =\n\"", pool_len + 1);
    for (size_t i = 0; i < pool_len; i++) {
        if (i && i % 32 == 0)
            fputs("\"\n\"", f);
        fprintf(f, "\\%03o", (unsigned char)pool[i]);
    }
    fputs("\";\n\n", f);
}

static void write_groups(FILE *f)
{
    fputs("static const uint8_t cc_group_dicts[] = {", f);
    int at = 0;
    for (int g = 0; g < ngroups; g++)
        for (int i = 0; i < groups[g].n; i++)
            fprintf(f, "%s%d,", at++ % 16 ? "" : "\n", groups[g].d[i]);
    fputs("\n};\n\n/* the dictionaries:", f);
    for (int d = 0; d < ndicts; d++)
        fprintf(f, "%s%d %s", d % 4 ? ", " : "\n * ", d, dicts[d].file);
    fputs(" */\nstatic const cc_group cc_groups[] = {\n", f);
    at = 0;
    for (int g = 0; g < ngroups; g++, at += groups[g - 1].n)
        fprintf(f, "{%d, %d},\n", at, groups[g].n);
    fputs("};\n\n", f);
}

static void or_ascii(const ggroup *g, uint32_t ascii[4])
{
    for (int i = 0; i < g->n; i++)
        for (int w = 0; w < 4; w++)
            ascii[w] |= dicts[g->d[i]].ascii[w];
}

/* Which dictionaries of the first conversion the segmentation also tried:
 * where it found nothing, they cannot match either. */
static unsigned seg_known(const gconfig *c)
{
    const ggroup *seg = &groups[c->seg], *first = &groups[c->chain];
    unsigned mask = 0;
    for (int i = 0; i < first->n && c->steps; i++)
        for (int j = 0; j < seg->n; j++)
            mask |= (unsigned)(first->d[i] == seg->d[j]) << i;
    return mask;
}

static void write_configs(FILE *f)
{
    fputs("static const cc_config cc_configs[] = {\n", f);
    for (int i = 0; i < nconfigs; i++) {
        const gconfig *c = &configs[i];
        uint32_t ascii[4] = {0};
        or_ascii(&groups[c->seg], ascii);
        for (int g = c->chain; g < c->chain + c->steps; g++)
            or_ascii(&groups[g], ascii);
        fprintf(f, "{\"%s\", %d, %d, %d, %#x, {%#x, %#x, %#x, %#x}},\n", c->name, c->seg, c->chain,
                c->steps, seg_known(c), ascii[0], ascii[1], ascii[2], ascii[3]);
    }
    fputs("};\n", f);
}

int main(int argc, char **argv)
{
    if (argc < 5)
        die("usage: gen_convert_tables OUT.c CONFIG_DIR DUMP_DIR NAME...");
    config_dir = argv[2];
    dump_dir = argv[3];
    for (int i = 4; i < argc; i++)
        parse_config(argv[i]);
    lay_out();
    number_chars();
    FILE *f = fopen(argv[1], "w");
    if (!f)
        die("cannot write %s", argv[1]);
    fprintf(f, "/* Generated by gen_convert_tables from OpenCC's configurations and\n"
               " * dictionaries in %s: do not edit.\n"
               " * %u trie nodes, %u characters, %zu bytes of values. */\n\n",
            config_dir, order_n, nids, pool_len);
    write_pool(f);
    write_pages(f);
    write_words(f, "uint16_t", "cc_label", label_at, order_n);
    write_nodes(f);
    write_dict_bits(f);
    write_groups(f);
    write_configs(f);
    if (fclose(f))
        die("cannot write %s", argv[1]);
    return 0;
}
