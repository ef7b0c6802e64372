/* SPDX-License-Identifier: MIT */
/* replay - feed files to a harness without libFuzzer: the regression test.
 *
 * usage: fuzz_replay_NAME PATH...
 * Each PATH is a file, or a directory whose regular files are fed in name
 * order.  A harness that finds a broken invariant aborts; otherwise the
 * driver says how many inputs it fed and exits 0. */
#define _DEFAULT_SOURCE
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t fed;

static int feed_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    size_t len = 0, cap = 4096;
    uint8_t *data = malloc(cap);
    size_t n;
    while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
        if ((len += n) == cap) {
            uint8_t *more = realloc(data, cap *= 2);
            if (!more)
                free(data);
            data = more;
        }
    }
    int bad = !data || ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(data);
        return 1;
    }
    fprintf(stderr, "replay: %s\n", path);
    /* a copy of exactly LEN bytes, so that ASan sees a read past the end */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(data);
        return 1;
    }
    memcpy(exact, data, len);
    free(data);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    fed++;
    return 0;
}

static int feed(const char *path)
{
    struct stat st;
    if (stat(path, &st)) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return feed_file(path);
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort), bad = n < 0;
    for (int i = 0; i < n; i++) {
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", path, names[i]->d_name);
        if (names[i]->d_name[0] != '.' && !stat(full, &st) && S_ISREG(st.st_mode))
            bad |= feed_file(full);
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-DIR...\n", argv[0]);
        return 2;
    }
    int bad = 0;
    for (int i = 1; i < argc; i++)
        bad |= feed(argv[i]);
    printf("replay: %zu inputs, every invariant held\n", fed);
    return bad;
}
