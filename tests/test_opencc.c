/* SPDX-License-Identifier: MIT */
/* test_opencc - OpenCC 1.1.6's own conversion cases through zhtidy_convert.
 * usage: test_opencc DIR [DATA]   (DIR holds CONFIG.in and CONFIG.ans;
 * DATA is where OpenCC's .json files are, for configurations by path)
 * Exits 77 (skipped) when DIR is absent. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "zhtidy.h"

/* Configurations by path, which libopencc opens: paths longer than any
 * fixed buffer, and more of them than a fixed cache would hold. */
static void by_path(const char *data, int *passed, int *failed)
{
    for (int i = 0; i < 20; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/", data);
        for (int k = 0; k < 30 + i; k++)
            n += snprintf(path + n, sizeof path - (size_t)n, "./");
        snprintf(path + n, sizeof path - (size_t)n, "tw2t.json");
        char *out = NULL;
        zhtidy_status st = zhtidy_convert(path, "裡面", 6, &out, NULL);
        if (!st && !strcmp(out, "裏面"))
            (*passed)++;
        else
            (*failed)++, printf("FAIL: configuration %d by path: %s\n", i, zhtidy_strerror(st));
        free(out);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: test_opencc DIR [DATA]\n");
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        printf("SKIP: %s not found; OpenCC's cases come from ../shared\n", argv[1]);
        return 77;
    }
    int passed = 0, failed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".in"))
            continue;
        char config[256], in_path[4096], ans_path[4096];
        snprintf(config, sizeof config, "%.*s", (int)(n - 3), e->d_name);
        snprintf(in_path, sizeof in_path, "%s/%s.in", argv[1], config);
        snprintf(ans_path, sizeof ans_path, "%s/%s.ans", argv[1], config);
        size_t in_len = 0, ans_len = 0, out_len = 0;
        char *in = slurp_file(in_path, &in_len), *ans = slurp_file(ans_path, &ans_len), *out = NULL;
        zhtidy_status st = in && ans ? zhtidy_convert(config, in, in_len, &out, &out_len)
                                     : ZHTIDY_ERR_IO;
        if (!st && out_len == ans_len && !memcmp(out, ans, ans_len)) {
            passed++;
        } else {
            failed++;
            printf("FAIL %s: %s\n--- expected\n%s--- got\n%s---\n", config,
                   st ? zhtidy_strerror(st) : "output differs", ans ? ans : "", out ? out : "");
        }
        free(in);
        free(ans);
        free(out);
    }
    closedir(d);
    char *out = NULL;
    /* a configuration OpenCC cannot open is an error, not a crash */
    if (zhtidy_convert("no-such-config", "x", 1, &out, NULL) == ZHTIDY_ERR_OPENCC && !out)
        passed++;
    else
        failed++, printf("FAIL: unknown configuration not reported\n");
    /* invalid UTF-8 is replaced rather than failing the whole call */
    if (zhtidy_convert("s2t", "\xFF发展", 7, &out, NULL) == ZHTIDY_OK &&
        !strcmp(out, "\xEF\xBF\xBD發展"))
        passed++;
    else
        failed++, printf("FAIL: invalid UTF-8 in conversion\n");
    free(out);
    if (argc == 3)
        by_path(argv[2], &passed, &failed);
    zhtidy_cleanup();
    printf("opencc: %d passed, %d failed\n", passed, failed);
    return failed || passed < 14 ? 1 : 0;
}
