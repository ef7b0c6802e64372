/* SPDX-License-Identifier: MIT */
/* input.c - reading an input file or standard input into memory. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void ob_free(obuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

bool read_input(const char *prog, const char *path, obuf *b)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        diag(prog, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        diag(prog, "%s: is a directory", path);
        if (f != stdin)
            fclose(f);
        return false;
    }
    /* a file is read into a buffer of its size; a pipe grows one, and
     * reading stops past the library's limit: /dev/zero or an endless pipe
     * must not take all memory */
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size <= ZHTIDY_MAX_INPUT
                     ? (size_t)st.st_size + 2 : 65536;
    bool big = false;
    for (;;) {
        if (b->len + 1 >= b->cap) { /* a pipe: double, up to one byte past the limit */
            char *p = realloc(b->data, cap);
            if (!p) {
                b->failed = true;
                break;
            }
            b->data = p;
            b->cap = cap;
            cap = cap * 2 < ZHTIDY_MAX_INPUT + 2 ? cap * 2 : ZHTIDY_MAX_INPUT + 2;
        }
        size_t n = fread(b->data + b->len, 1, b->cap - b->len - 1, f);
        b->len += n;
        b->data[b->len] = '\0';
        if ((big = b->len > ZHTIDY_MAX_INPUT) || n == 0)
            break;
    }
    bool ok = !ferror(f) && !b->failed && !big;
    if (b->failed)
        diag(prog, "%s: out of memory", path);
    else if (big)
        diag(prog, "%s: %s", path, zhtidy_strerror(ZHTIDY_ERR_TOO_BIG));
    else if (ferror(f))
        diag(prog, "%s: cannot read: %s", path, strerror(errno));
    if (f != stdin)
        fclose(f);
    return ok;
}

