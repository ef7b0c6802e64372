/* SPDX-License-Identifier: MIT */
/* gen_script_tables.c - build-time generator of lib/script_tables.c.
 *
 * Reads OpenCC's character dictionaries, dumped to text by opencc_dict
 * ("key<TAB>value value ...\n"), and writes sorted code-point tables:
 *   hans_only  characters that exist only in Simplified script
 *              (STCharacters keys none of whose values is the key itself)
 *   hant_only  likewise from TSCharacters
 *   tw_forms   Taiwan forms (TWVariants values that HKVariants lacks)
 *   hk_forms   Hong Kong forms (HKVariants values that TWVariants lacks)
 *   t2s_chars  each Traditional character's first Simplified form (BMP)
 *   rare       t2s results outside the BMP for a BMP character, with that
 *              character (OpenCC 1.1.6 maps 噁 to 𫫇, which fonts lack)
 *
 * usage: gen_script_tables ST.txt TS.txt TW.txt HK.txt OUT.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 20000

typedef struct {
    int32_t cp[MAXN];
    int32_t to[MAXN];
    size_t n;
} set;

static set hans, hant, tw, hk, tw_all, hk_all, rare, t2s;

static int32_t decode(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    int32_t c = s[0];
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n == 2) c &= 0x1F;
    if (n == 3) c &= 0x0F;
    if (n == 4) c &= 0x07;
    for (int i = 1; i < n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p += n;
    return c;
}

static void add(set *s, int32_t cp, int32_t to)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->cp[i] == cp)
            return;
    if (s->n == MAXN) {
        fprintf(stderr, "gen_script_tables: table full\n");
        exit(1);
    }
    s->cp[s->n] = cp;
    s->to[s->n++] = to;
}

static int has(const set *s, int32_t cp)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->cp[i] == cp)
            return 1;
    return 0;
}

/* For each single-character key: call back with the key and its values. */
static void read_dict(const char *path, void (*fn)(int32_t key, int32_t *vals, int n))
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        const char *p = line;
        int32_t key = decode(&p);
        if (*p != '\t')
            continue; /* a phrase, not a character */
        p++;
        int32_t vals[64];
        int n = 0;
        while (*p && *p != '\n' && n < 64) {
            int32_t v = decode(&p);
            if (*p == ' ' || *p == '\n' || !*p)
                vals[n++] = v;
            else
                while (*p && *p != ' ' && *p != '\n')
                    p++; /* multi-character value: skip */
            if (*p == ' ')
                p++;
        }
        fn(key, vals, n);
    }
    fclose(f);
}

static int self_mapped(int32_t key, const int32_t *vals, int n)
{
    for (int i = 0; i < n; i++)
        if (vals[i] == key)
            return 1;
    return 0;
}

static void on_st(int32_t key, int32_t *vals, int n)
{
    if (n && !self_mapped(key, vals, n))
        add(&hans, key, 0);
}

static void on_ts(int32_t key, int32_t *vals, int n)
{
    if (n && !self_mapped(key, vals, n))
        add(&hant, key, 0);
    if (n && key <= 0xFFFF && vals[0] <= 0xFFFF && vals[0] != key)
        add(&t2s, key, vals[0]);
    for (int i = 0; i < n && key <= 0xFFFF; i++)
        if (vals[i] > 0xFFFF)
            add(&rare, vals[i], key);
}

static void on_tw(int32_t key, int32_t *vals, int n)
{
    for (int i = 0; i < n; i++)
        if (vals[i] != key)
            add(&tw_all, vals[i], 0);
}

static void on_hk(int32_t key, int32_t *vals, int n)
{
    for (int i = 0; i < n; i++)
        if (vals[i] != key)
            add(&hk_all, vals[i], 0);
}

static int cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static void sort_pairs(set *s)
{
    /* sort cp and to together: pack into 64-bit keys */
    int64_t *k = malloc(s->n * sizeof *k);
    for (size_t i = 0; i < s->n; i++)
        k[i] = ((int64_t)s->cp[i] << 32) | (uint32_t)s->to[i];
    for (size_t i = 1; i < s->n; i++) /* insertion sort: tables are small */
        for (size_t j = i; j > 0 && k[j - 1] > k[j]; j--) {
            int64_t t = k[j];
            k[j] = k[j - 1];
            k[j - 1] = t;
        }
    for (size_t i = 0; i < s->n; i++) {
        s->cp[i] = (int32_t)(k[i] >> 32);
        s->to[i] = (int32_t)(k[i] & 0xFFFFFFFF);
    }
    free(k);
}

static void emit(FILE *o, const char *name, set *s, int pairs)
{
    if (pairs)
        sort_pairs(s);
    else
        qsort(s->cp, s->n, sizeof s->cp[0], cmp);
    fprintf(o, "static const int32_t %s[] = {", name);
    for (size_t i = 0; i < s->n; i++) {
        fprintf(o, "%s0x%04X", !i ? "\n    " : i % 8 ? ", " : ",\n    ", (unsigned)s->cp[i]);
        if (pairs)
            fprintf(o, ", 0x%04X", (unsigned)s->to[i]);
    }
    fprintf(o, "\n};\n\n");
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: %s ST.txt TS.txt TW.txt HK.txt OUT.c\n", argv[0]);
        return 2;
    }
    read_dict(argv[1], on_st);
    read_dict(argv[2], on_ts);
    read_dict(argv[3], on_tw);
    read_dict(argv[4], on_hk);
    /* A character listed both ways is evidence of neither. */
    static set both, h1, h2;
    for (size_t i = 0; i < hans.n; i++)
        if (has(&hant, hans.cp[i]))
            add(&both, hans.cp[i], 0);

    for (size_t i = 0; i < hans.n; i++)
        if (!has(&both, hans.cp[i]))
            add(&h1, hans.cp[i], 0);
    for (size_t i = 0; i < hant.n; i++)
        if (!has(&both, hant.cp[i]))
            add(&h2, hant.cp[i], 0);
    for (size_t i = 0; i < tw_all.n; i++)
        if (!has(&hk_all, tw_all.cp[i]))
            add(&tw, tw_all.cp[i], 0);
    for (size_t i = 0; i < hk_all.n; i++)
        if (!has(&tw_all, hk_all.cp[i]))
            add(&hk, hk_all.cp[i], 0);
    FILE *o = fopen(argv[5], "w");
    if (!o) {
        perror(argv[5]);
        return 1;
    }
    fprintf(o, "/* Generated by gen_script_tables from OpenCC's dictionaries. */\n"
               "#include <stdint.h>\n\n");
    emit(o, "hans_only", &h1, 0);
    emit(o, "hant_only", &h2, 0);
    emit(o, "tw_forms", &tw, 0);
    emit(o, "hk_forms", &hk, 0);
    emit(o, "rare_forms", &rare, 1);
    emit(o, "t2s_chars", &t2s, 1);
    return fclose(o) ? 1 : 0;
}
