/* SPDX-License-Identifier: MIT */
/* util.c - byte buffers, UTF-8 helpers and character classes. */
#include "internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void zt_buf_init(zt_buf *b)
{
    memset(b, 0, sizeof *b);
}

void zt_buf_free(zt_buf *b)
{
    free(b->data);
    zt_buf_init(b);
}

bool zt_buf_reserve(zt_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    /* a first reservation is taken as asked: the decoder knows its size */
    size_t cap = b->cap ? b->cap : need > 64 ? need : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

bool zt_buf_add(zt_buf *b, const char *s, size_t n)
{
    if (!zt_buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool zt_buf_addc(zt_buf *b, char c)
{
    return zt_buf_add(b, &c, 1);
}

bool zt_buf_add_cp(zt_buf *b, int32_t cp)
{
    char tmp[4];
    return zt_buf_add(b, tmp, (size_t)zt_utf8_encode(cp, tmp));
}

char *zt_buf_take(zt_buf *b, size_t *len)
{
    if (b->failed) {
        zt_buf_free(b);
        return NULL;
    }
    if (!b->data && !zt_buf_reserve(b, 0))
        return NULL;
    b->data[b->len] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    zt_buf_init(b);
    return p;
}

void *zt_grow(void *items, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return items;
    size_t c = *cap ? *cap * 2 : first;
    void *p = c <= SIZE_MAX / size ? realloc(items, c * size) : NULL;
    if (p)
        *cap = c;
    return p;
}

char *zt_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

int32_t zt_utf8_prev(const char *s, size_t i, size_t *start)
{
    size_t j = i;
    while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    if (j > 0)
        j--;
    if (start)
        *start = j;
    size_t k = j;
    return zt_utf8_next(s, i, &k);
}

int zt_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t zt_utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

char *zt_utf8_sanitize(const char *s, size_t n, size_t *out_len)
{
    zt_buf b;
    zt_buf_init(&b);
    zt_buf_reserve(&b, n);
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = u[i] ? zt_utf8_valid_len(u + i, n - i) : 0;
        if (k)
            zt_buf_add(&b, s + i, k), i += k;
        else
            zt_buf_add_cp(&b, 0xFFFD), i++;
    }
    return zt_buf_take(&b, out_len);
}

size_t zt_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

bool zt_is_cjk_punct(int32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007) ||
           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
           (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2014 || cp == 0x2026 ||
           cp == 0x2015 || (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           cp == 0x00B7 || cp == 0x2027 || (cp >= 0x2460 && cp <= 0x24FF);
}

void zt_error_set(zhtidy_error *err, zhtidy_status st, unsigned long line, unsigned long column,
                  const char *fmt, ...)
{
    if (!err)
        return;
    err->status = st;
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    zt_error_tidy(err);
}

/* A message may quote the input (a JSON key can hold a line break) and is
 * cut at the buffer's size, perhaps inside a character: control characters
 * become spaces, and the message ends before the first invalid byte. */
void zt_error_tidy(zhtidy_error *err)
{
    unsigned char *m = (unsigned char *)err->message;
    size_t n = strnlen(err->message, sizeof err->message - 1), i = 0, k;
    while (i < n && (k = zt_utf8_valid_len(m + i, n - i)) > 0) {
        if (m[i] < 0x20 || m[i] == 0x7F)
            m[i] = ' ';
        i += k;
    }
    m[i] = '\0';
}

zhtidy_status zt_once_get(zt_once *o, zhtidy_status (*build)(void **value), void **value)
{
    pthread_mutex_lock(&o->lock);
    zhtidy_status st = o->value ? ZHTIDY_OK : build(&o->value);
    *value = o->value;
    pthread_mutex_unlock(&o->lock);
    return st;
}
