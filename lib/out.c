/* SPDX-License-Identifier: MIT */
/* out.c - a writer's output: buffered pieces to the caller's sink. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void zt_out_init(zt_out *o, zhtidy_sink sink, void *userdata)
{
    o->sink = sink;
    o->userdata = userdata;
    o->n = 0;
    o->status = sink ? ZHTIDY_OK : ZHTIDY_ERR_ARG;
}

static void flush(zt_out *o)
{
    if (o->n && !o->status && o->sink(o->userdata, o->buf, o->n) != 0)
        o->status = ZHTIDY_ERR_WRITE;
    o->n = 0;
}

void zt_out_add(zt_out *o, const void *data, size_t len)
{
    if (o->status)
        return;
    if (len >= sizeof o->buf) { /* a big piece goes as it is */
        flush(o);
        if (!o->status && o->sink(o->userdata, data, len) != 0)
            o->status = ZHTIDY_ERR_WRITE;
        return;
    }
    if (o->n + len > sizeof o->buf)
        flush(o);
    memcpy(o->buf + o->n, data, len);
    o->n += len;
}

void zt_out_puts(zt_out *o, const char *s)
{
    zt_out_add(o, s, strlen(s));
}

zhtidy_status zt_out_finish(zt_out *o)
{
    flush(o);
    return o->status;
}

int zhtidy_buffer_sink(void *buffer, const void *data, size_t len)
{
    zhtidy_buffer *b = buffer;
    if (!b || len > SIZE_MAX - b->len - 1)
        return -1;
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + len + 1)
            cap = cap > SIZE_MAX / 2 ? b->len + len + 1 : cap * 2;
        char *p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}
