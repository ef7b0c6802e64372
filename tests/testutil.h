/* SPDX-License-Identifier: MIT */
/* testutil.h - small helpers the C tests share. */
#ifndef ZHTIDY_TESTUTIL_H
#define ZHTIDY_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>

/* The whole of file PATH, NUL-terminated, in malloc'd memory; its length in
 * *LEN.  NULL when it cannot be read. */
static inline char *slurp_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *p = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)n + 1)) &&
        fread(p, 1, (size_t)n, f) == (size_t)n) {
        p[n] = '\0';
        *len = (size_t)n;
    } else {
        free(p);
        p = NULL;
    }
    fclose(f);
    return p;
}

#endif
