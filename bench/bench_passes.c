/* SPDX-License-Identifier: MIT */
/* bench_passes - MB/s of decoding and of each pass, and of OpenCC conversion.
 *
 * usage: bench_passes FILE [CONFIG]
 * FILE is read as one document, or, when it holds form feeds, as one
 * document per form-feed-separated part (the way a folder of scraped files
 * is processed).  Each pass is timed alone: the time with only that pass
 * on, less the time with every pass off (decoding, line splitting and
 * script detection).  Best of three runs.  With CONFIG (e.g. s2t),
 * conversion is timed as the script pass does it, block by block. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zhtidy.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *p = malloc((size_t)n + 1);
    if (!p || fread(p, 1, (size_t)n, f) != (size_t)n)
        exit(1);
    fclose(f);
    *len = (size_t)n;
    return p;
}

/* Read every document of TEXT (parts split at form feeds) with OPTS. */
static double read_all(const char *text, size_t len, const zhtidy_options *o)
{
    double t0 = now();
    for (size_t at = 0; at < len;) {
        const char *ff = memchr(text + at, '\f', len - at);
        size_t n = ff ? (size_t)(ff - text) - at : len - at;
        zhtidy_doc *d = NULL;
        zhtidy_status st = zhtidy_read(text + at, n, "bench", o, &d, NULL);
        if (st) {
            fprintf(stderr, "bench_passes: %s\n", zhtidy_strerror(st));
            exit(1);
        }
        zhtidy_doc_free(d);
        at += n + 1;
    }
    return now() - t0;
}

/* Best of three: seconds with only pass ONLY on (NULL: none; "all": all). */
static double run(const char *text, size_t len, const char *only, zhtidy_script script)
{
    double best = 1e30;
    for (int r = 0; r < 3; r++) {
        zhtidy_options *o = zhtidy_options_new();
        for (size_t i = 0; zhtidy_pass_name(i); i++)
            if (!only || (strcmp(only, "all") && strcmp(only, zhtidy_pass_name(i))))
                zhtidy_options_keep(o, zhtidy_pass_name(i));
        zhtidy_options_set_script(o, script);
        double t = read_all(text, len, o);
        zhtidy_options_free(o);
        if (t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_passes FILE [CONFIG]\n");
        return 2;
    }
    size_t len;
    char *text = slurp(argv[1], &len);
    double mb = (double)len / 1e6;
    size_t docs = 1;
    for (size_t i = 0; i < len; i++)
        docs += text[i] == '\f';
    double base = run(text, len, NULL, ZHTIDY_SCRIPT_KEEP);
    printf("%.1f MB in %zu document%s\n", mb, docs, docs == 1 ? "" : "s");
    printf("%-12s %8.1f MB/s  (%.3f s: decoding, lines, script detection)\n", "base", mb / base, base);
    for (size_t i = 0; zhtidy_pass_name(i); i++) {
        const char *p = zhtidy_pass_name(i);
        if (!strcmp(p, "script"))
            continue; /* detection is in the base; conversion below */
        double t = run(text, len, p, ZHTIDY_SCRIPT_KEEP) - base;
        if (t <= 1e-6)
            printf("%-12s %8s MB/s  (%.3f s)\n", p, "-", t);
        else
            printf("%-12s %8.1f MB/s  (%.3f s)\n", p, mb / t, t);
    }
    double all = run(text, len, "all", ZHTIDY_SCRIPT_KEEP);
    printf("%-12s %8.1f MB/s  (%.3f s, base included)\n", "all passes", mb / all, all);
    if (argc > 2) {
        zhtidy_script target = !strcmp(argv[2], "s2t") ? ZHTIDY_SCRIPT_HANT : ZHTIDY_SCRIPT_HANS;
        char *out = NULL;
        zhtidy_convert(argv[2], "x", 1, &out, NULL); /* load the dictionaries first */
        free(out);
        double t = run(text, len, "script", target) - base;
        printf("%-12s %8.1f MB/s  (%.3f s, the script pass converting to %s)\n", "convert",
               mb / t, t, target == ZHTIDY_SCRIPT_HANT ? "hant" : "hans");
    }
    free(text);
    zhtidy_cleanup();
    return 0;
}
