/* SPDX-License-Identifier: MIT */
/* test_convert_diff - zhtidy_convert against libopencc, byte for byte.
 *
 * usage: test_convert_diff [--soup DUMP_DIR] DIR_OR_FILE...
 * Every built-in configuration converts every input (each *.txt and *.in
 * file of a directory, or the file named) through zhtidy_convert and
 * through libopencc, loaded with dlopen() here; the two must agree byte for
 * byte.  Besides the inputs as they are, each one in OpenCC's Traditional,
 * Taiwan and Hong Kong forms is converted too, so that the configurations
 * from Traditional see text of their kind.  A configuration that changed
 * nothing in any input proves nothing, and fails.
 *
 * With --soup, the dictionaries dumped to text in DUMP_DIR (*.txt,
 * "key<TAB>value value ...") make one more input: keys and values, whole
 * and cut, one after the other at random (a fixed seed), so that matches
 * overlap, run into each other and cross where segments end. */
#include <dirent.h>
#include <dlfcn.h>
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "zhtidy.h"

static const char *const configs[] = {"s2t",  "t2s",  "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk",
                                      "hk2s", "t2tw", "t2hk", "tw2t", "hk2t",  "jp2t",  "t2jp"};
#define NCONFIGS (sizeof configs / sizeof configs[0])

static struct {
    __typeof__(&opencc_open) open;
    __typeof__(&opencc_convert_utf8) convert;
    __typeof__(&opencc_convert_utf8_free) free_text;
    opencc_t handle[NCONFIGS];
} ref;

static int load_reference(void)
{
    void *lib = dlopen(ZHTIDY_OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return 0;
    *(void **)&ref.open = dlsym(lib, "opencc_open");
    *(void **)&ref.convert = dlsym(lib, "opencc_convert_utf8");
    *(void **)&ref.free_text = dlsym(lib, "opencc_convert_utf8_free");
    if (!ref.open || !ref.convert || !ref.free_text)
        return 0;
    for (size_t i = 0; i < NCONFIGS; i++) {
        char file[64];
        snprintf(file, sizeof file, "%s.json", configs[i]);
        ref.handle[i] = ref.open(file);
        if (ref.handle[i] == (opencc_t)-1)
            return 0;
    }
    return 1;
}

/* libopencc's conversion of TEXT with configuration I, malloc'd. */
static char *reference(size_t i, const char *text, size_t len)
{
    char *conv = ref.convert(ref.handle[i], text, len);
    char *copy = conv ? strdup(conv) : NULL;
    if (conv)
        ref.free_text(conv);
    return copy;
}

typedef struct {
    char *name, *text;
    size_t len;
} input;

static input *inputs;
static size_t ninputs;

static void add_input(const char *name, char *text, size_t len)
{
    inputs = realloc(inputs, (ninputs + 1) * sizeof *inputs);
    if (!inputs || !text) {
        printf("cannot read or convert %s\n", name);
        exit(1);
    }
    inputs[ninputs++] = (input){strdup(name), text, len};
}

static int wanted(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && !strcmp(name + n - 4, ".txt")) || (n > 3 && !strcmp(name + n - 3, ".in"));
}

static void read_file(const char *path)
{
    size_t len = 0;
    char *text = slurp_file(path, &len);
    add_input(path, text, len);
}

static void read_path(const char *path)
{
    DIR *d = opendir(path);
    if (!d && access(path, F_OK) != 0) {
        /* OpenCC's cases live in ../shared, which a clone alone lacks */
        printf("SKIP %s: not found; the samples and the soup are compared without "
               "OpenCC's test cases\n", path);
        return;
    }
    if (!d) {
        read_file(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        char file[4096];
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        if (wanted(e->d_name))
            read_file(file);
    }
    closedir(d);
}

/* ---- the soup of dictionary pieces ------------------------------------ */

static char **pieces;
static size_t npieces;

/* Each key and value of one dump's lines, as pieces. */
static void read_pieces(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    while (f && fgets(line, sizeof line, f))
        for (char *tok = strtok(line, "\t \n"); tok; tok = strtok(NULL, "\t \n")) {
            pieces = realloc(pieces, (npieces + 1) * sizeof *pieces);
            if (!pieces || !(pieces[npieces++] = strdup(tok)))
                exit(1);
        }
    if (f)
        fclose(f);
}

static unsigned long seed = 20240601;

static size_t rnd(size_t n)
{
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (size_t)(seed >> 33) % n;
}

/* Bytes [FROM, TO) of piece P in characters, as a byte range. */
static void cut(const char *p, size_t *from, size_t *to)
{
    size_t chars = 0, n = strlen(p);
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)p[i] & 0xC0) != 0x80;
    size_t a = rnd(chars), b = a + 1 + rnd(chars - a), c = 0;
    *from = *to = n;
    for (size_t i = 0; i <= n; i++)
        if (i == n || ((unsigned char)p[i] & 0xC0) != 0x80) {
            if (c == a && *from == n)
                *from = i;
            if (c++ == b)
                *to = i;
        }
}

static void add_soup(const char *dump_dir)
{
    static const char *const extra[] = {"\n", " ", "a", "SQL", "U", "，", "\t", "𠮷"};
    DIR *d = opendir(dump_dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char file[4096];
        snprintf(file, sizeof file, "%s/%s", dump_dir, e->d_name);
        if (wanted(e->d_name))
            read_pieces(file);
    }
    if (d)
        closedir(d);
    size_t len = 0, cap = 1 << 18;
    char *text = malloc(cap);
    while (npieces && text && len < cap - 512) {
        const char *p = pieces[rnd(npieces)];
        size_t from = 0, to = strlen(p);
        if (rnd(5) == 0)
            cut(p, &from, &to);
        else if (rnd(20) == 0)
            p = extra[rnd(sizeof extra / sizeof extra[0])], to = strlen(p);
        memcpy(text + len, p + from, to - from);
        len += to - from;
    }
    for (size_t i = 0; i < npieces; i++)
        free(pieces[i]);
    free(pieces);
    if (text)
        text[len] = '\0';
    add_input("the soup of dictionary pieces", npieces ? text : NULL, len);
}

static size_t config_index(const char *name)
{
    size_t k = 0;
    while (strcmp(configs[k], name))
        k++;
    return k;
}

/* Each input also in the forms the configurations from Traditional read. */
static void add_traditional(void)
{
    static const char *const forms[] = {"s2t", "s2twp", "s2hk"};
    size_t n = ninputs;
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
        for (size_t i = 0; i < n; i++) {
            char name[4200];
            snprintf(name, sizeof name, "%s (%s)", inputs[i].name, forms[f]);
            char *t = reference(config_index(forms[f]), inputs[i].text, inputs[i].len);
            add_input(name, t, t ? strlen(t) : 0);
        }
}

static void show_difference(const char *want, const char *got, size_t got_len)
{
    size_t at = 0;
    while (want[at] && at < got_len && want[at] == got[at])
        at++;
    size_t from = at > 30 ? at - 30 : 0;
    while (from && ((unsigned char)want[from] & 0xC0) == 0x80)
        from--;
    printf("  first difference at byte %zu\n  libopencc: %.90s\n  zhtidy:    %.90s\n", at,
           want + from, got + from);
}

/* Compare configuration K on input I; 1 when they agree.  *CHANGED is set
 * when the conversion changed the text. */
static int compare(size_t k, const input *in, int *changed)
{
    char *want = reference(k, in->text, in->len), *got = NULL;
    size_t got_len = 0;
    zhtidy_status st = zhtidy_convert(configs[k], in->text, in->len, &got, &got_len);
    int same = want && !st && strlen(want) == got_len && !memcmp(want, got, got_len);
    if (want && (strlen(want) != in->len || memcmp(want, in->text, in->len)))
        *changed = 1;
    if (!same) {
        printf("FAIL %s on %s: %s\n", configs[k], in->name,
               !want ? "libopencc failed" : st ? zhtidy_strerror(st) : "outputs differ");
        if (want && !st)
            show_difference(want, got, got_len);
    }
    free(want);
    free(got);
    return same;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_convert_diff [--soup DUMP_DIR] DIR_OR_FILE...\n");
        return 2;
    }
    if (!load_reference()) {
        printf("FAIL: libopencc (%s) or its configurations could not be loaded\n",
               ZHTIDY_OPENCC_SONAME);
        return 1;
    }
    int first = 1;
    if (argc > 3 && !strcmp(argv[1], "--soup"))
        first = 3;
    for (int i = first; i < argc; i++)
        read_path(argv[i]);
    add_traditional();
    if (first == 3)
        add_soup(argv[2]);
    int passed = 0, failed = 0;
    size_t bytes = 0;
    for (size_t k = 0; k < NCONFIGS; k++) {
        int changed = 0;
        for (size_t i = 0; i < ninputs; i++, bytes += inputs[i - 1].len)
            compare(k, &inputs[i], &changed) ? passed++ : failed++;
        if (!changed)
            failed++, printf("FAIL %s changed nothing: the comparison proves nothing\n", configs[k]);
    }
    printf("%zu inputs, %zu configurations, %.1f MB compared\n", ninputs, NCONFIGS, bytes / 1e6);
    printf("convert_diff: %d passed, %d failed\n", passed, failed);
    for (size_t i = 0; i < ninputs; i++)
        free(inputs[i].name), free(inputs[i].text);
    free(inputs);
    zhtidy_cleanup();
    return failed ? 1 : 0;
}
