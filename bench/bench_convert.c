/* SPDX-License-Identifier: MIT */
/* bench_convert - zhtidy_convert's speed, start-up and memory, and a
 * differential run against libopencc on large files.
 *
 * usage: bench_convert speed CONFIG FILE [OUT]
 *          MB/s of zhtidy_convert on the whole of FILE, best of 3; the
 *          output goes to OUT when given.
 *        bench_convert startup CONFIG
 *          milliseconds of the first conversion of one line in this
 *          process: whatever loading the tables costs is in it.
 *        bench_convert memory CONFIG FILE
 *          how much the peak resident size grows while FILE is converted
 *          piece by piece (so that the text's own buffers stay small).
 *        bench_convert diff CONFIG FILE...
 *          each FILE through zhtidy_convert whole and through libopencc
 *          (loaded with dlopen), which must agree byte for byte.  libopencc
 *          gets about 1 MB at a time, cut after a newline: no key of any
 *          dictionary holds a newline, so no match crosses one, and the cut
 *          changes nothing (converting 100 MB at once takes it gigabytes).
 *          Prints "CONFIG: N MB compared, M mismatches" and fails on any. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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
    p[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return p;
}

static void check(zhtidy_status st, const char *what)
{
    if (st) {
        fprintf(stderr, "bench_convert: %s: %s\n", what, zhtidy_strerror(st));
        exit(1);
    }
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int speed(const char *config, const char *path, const char *out_path)
{
    size_t len, out_len = 0;
    char *text = slurp(path, &len), *out = NULL;
    double best = 1e30;
    for (int run = 0; run < 3; run++) {
        free(out);
        double t = now();
        check(zhtidy_convert(config, text, len, &out, &out_len), config);
        t = now() - t;
        best = t < best ? t : best;
    }
    printf("%.1f\n", len / 1e6 / best);
    FILE *f = out_path ? fopen(out_path, "wb") : NULL;
    if (out_path && (!f || fwrite(out, 1, out_len, f) != out_len || fclose(f))) {
        perror(out_path);
        return 1;
    }
    free(text);
    free(out);
    return 0;
}

static int startup(const char *config)
{
    static const char line[] = "这是一行简体中文，用来测量第一次转换的时间。這是一行繁體中文。\n";
    char *out;
    double t = now();
    check(zhtidy_convert(config, line, sizeof line - 1, &out, NULL), config);
    printf("%.3f\n", (now() - t) * 1e3);
    free(out);
    return 0;
}

/* Where the piece of TEXT that starts at FROM ends: after the first newline
 * past about WANT bytes, or at the end. */
static size_t piece_end(const char *text, size_t len, size_t from, size_t want)
{
    if (len - from <= want)
        return len;
    const char *nl = memchr(text + from + want, '\n', len - from - want);
    return nl ? (size_t)(nl - text) + 1 : len;
}

static int memory(const char *config, const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    long before = peak_kb();
    for (size_t at = 0, end; at < len; at = end) {
        end = piece_end(text, len, at, 64 * 1024);
        char *out;
        check(zhtidy_convert(config, text + at, end - at, &out, NULL), config);
        free(out);
    }
    printf("%ld\n", peak_kb() - before);
    free(text);
    return 0;
}

/* ---- the differential run -------------------------------------------- */

static struct {
    __typeof__(&opencc_open) open;
    __typeof__(&opencc_convert_utf8) convert;
    __typeof__(&opencc_convert_utf8_free) free_text;
} ref;

static opencc_t open_reference(const char *config)
{
    void *lib = dlopen(ZHTIDY_OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (lib) {
        *(void **)&ref.open = dlsym(lib, "opencc_open");
        *(void **)&ref.convert = dlsym(lib, "opencc_convert_utf8");
        *(void **)&ref.free_text = dlsym(lib, "opencc_convert_utf8_free");
    }
    char file[256];
    snprintf(file, sizeof file, "%s.json", config);
    opencc_t h = ref.open && ref.convert && ref.free_text ? ref.open(file) : (opencc_t)-1;
    if (h == (opencc_t)-1) {
        fprintf(stderr, "bench_convert: libopencc cannot open %s\n", file);
        exit(1);
    }
    return h;
}

/* Compare OURS (the whole of TEXT converted) with libopencc piece by
 * piece; returns the number of pieces that differ. */
static size_t diff_file(opencc_t h, const char *name, const char *text, size_t len,
                        const char *ours, size_t ours_len)
{
    size_t bad = 0, at = 0, pos = 0;
    for (size_t end; at < len; at = end) {
        end = piece_end(text, len, at, 1 << 20);
        char *want = ref.convert(h, text + at, end - at);
        size_t n = want ? strlen(want) : 0;
        if (!want || n > ours_len - pos || memcmp(want, ours + pos, n)) {
            fprintf(stderr, "MISMATCH %s: in the piece at byte %zu of the input\n", name, at);
            bad++;
        }
        pos += n <= ours_len - pos ? n : 0;
        if (want)
            ref.free_text(want);
    }
    if (pos != ours_len && !bad)
        fprintf(stderr, "MISMATCH %s: zhtidy's output is longer\n", name), bad++;
    return bad;
}

static int diff(const char *config, char **paths, int n)
{
    opencc_t h = open_reference(config);
    size_t bad = 0;
    double bytes = 0;
    for (int i = 0; i < n; i++) {
        size_t len, out_len;
        char *text = slurp(paths[i], &len), *out;
        check(zhtidy_convert(config, text, len, &out, &out_len), config);
        bad += diff_file(h, paths[i], text, len, out, out_len);
        bytes += (double)len;
        free(text);
        free(out);
    }
    printf("%s: %.1f MB compared, %zu mismatches\n", config, bytes / 1e6, bad);
    return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 2 ? argv[1] : "";
    int rc = 2;
    if (!strcmp(mode, "speed") && (argc == 4 || argc == 5))
        rc = speed(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
    else if (!strcmp(mode, "startup") && argc == 3)
        rc = startup(argv[2]);
    else if (!strcmp(mode, "memory") && argc == 4)
        rc = memory(argv[2], argv[3]);
    else if (!strcmp(mode, "diff") && argc >= 4)
        rc = diff(argv[2], argv + 3, argc - 3);
    else
        fprintf(stderr, "usage: bench_convert speed|startup|memory|diff CONFIG [FILE...]\n");
    zhtidy_cleanup();
    return rc;
}
