/* SPDX-License-Identifier: MIT */
/* pkg.c - XML parts and zip packages for the DOCX and EPUB writers.
 *
 * XML goes through libxml2's text writer, which escapes < & > and quotes;
 * characters that XML 1.0 forbids never reach it.  Zip entries get a fixed
 * DOS time, the same in every time zone: libzip 1.7.3 turns a DOS time into
 * a time_t with mktime() and back with localtime(), which shifts it by an
 * hour in a daylight-saving gap, so the times are written into the finished
 * archive's headers here.  localtime() also shares one buffer between
 * threads, so zip_close() runs under a lock. */
#include "package.h"

#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

struct xmlw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    bool failed;
};

/* libxml2 initialises itself on first use; two threads doing that at once
 * race, so the first writer does it, once. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

void zt_xml_init(void)
{
    pthread_once(&xml_once, xml_init);
}

void zt_iso_date(long long epoch, char out[32])
{
    time_t tt = (time_t)epoch;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

bool zt_w3c_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    size_t n = s ? strlen(s) : 0;
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
            return false;
    int month = n > 4 ? (s[5] - '0') * 10 + s[6] - '0' : 1;
    int day = n > 7 ? (s[8] - '0') * 10 + s[9] - '0' : 1;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

long long zt_default_epoch(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = e && *e ? strtoll(e, &end, 10) : 0;
    if (!e || !*e || *end || v < 315532800LL || v > 253402300799LL)
        v = 315532800LL; /* 1980-01-01, the earliest a zip entry can say */
    return v;
}

xmlw *xw_new(void)
{
    pthread_once(&xml_once, xml_init);
    xmlw *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->buf = xmlBufferCreate();
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (!x->w || xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes") < 0) {
        xw_free(x);
        return NULL;
    }
    return x;
}

void xw_free(xmlw *x)
{
    if (!x)
        return;
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->buf)
        xmlBufferFree(x->buf);
    free(x);
}

static void check(xmlw *x, int rc)
{
    if (rc < 0)
        x->failed = true;
}

void xw_fail(xmlw *x)
{
    x->failed = true;
}

void xw_start(xmlw *x, const char *name)
{
    check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

/* Does CP belong in an XML 1.0 document? */
static bool xml_char_ok(unsigned long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* Length of the UTF-8 sequence at S and its code point; anything but a
 * valid shortest-form sequence gives length 1 and a code point XML
 * refuses. */
static size_t utf8_at(const unsigned char *s, size_t n, unsigned long *cp)
{
    size_t len = zt_utf8_valid_len(s, n), i = 0;
    *cp = len ? (unsigned long)zt_utf8_next((const char *)s, len, &i) : 0;
    return len ? len : 1;
}

/* The bytes of TEXT that may stand in XML, as a new string: invalid UTF-8
 * and characters XML 1.0 forbids are left out.  NULL when out of memory. */
static char *xml_clean(const char *text, size_t len, size_t *out_len)
{
    char *out = malloc(len + 1);
    size_t o = 0;
    for (size_t i = 0; out && i < len;) {
        unsigned long cp;
        size_t n = utf8_at((const unsigned char *)text + i, len - i, &cp);
        if (xml_char_ok(cp) && cp != 0xD) {
            memcpy(out + o, text + i, n);
            o += n;
        }
        i += n;
    }
    if (out)
        out[o] = '\0';
    *out_len = o;
    return out;
}

void xw_attr(xmlw *x, const char *name, const char *value)
{
    size_t len;
    char *clean = xml_clean(value, strlen(value), &len);
    check(x, clean ? xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST clean) : -1);
    free(clean);
}

void xw_attr_int(xmlw *x, const char *name, long value)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld", value);
    xw_attr(x, name, tmp);
}

/* Escape < & > (and " for safety in any context) ourselves and hand the
 * writer raw text: libxml2's own escaping allocates for every call. */
static void put_escaped(xmlw *x, const char *t, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = t[i] == '<' ? "&lt;" : t[i] == '>' ? "&gt;" : t[i] == '&' ? "&amp;"
                        : t[i] == '"' ? "&quot;" : NULL;
        if (!rep)
            continue;
        if (i > start)
            check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST t + start, (int)(i - start)));
        check(x, xmlTextWriterWriteRaw(x->w, BAD_CAST rep));
        start = i + 1;
    }
    if (n > start)
        check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST t + start, (int)(n - start)));
}

void xw_text(xmlw *x, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t start = 0, i = 0;
    while (i < len) {
        if (s[i] >= 0x20 && s[i] < 0x80) { /* the common case, ASCII */
            i++;
            continue;
        }
        unsigned long cp;
        size_t n = utf8_at(s + i, len - i, &cp);
        if (xml_char_ok(cp) && cp != 0xD) {
            i += n;
            continue;
        }
        put_escaped(x, text + start, i - start);
        i += n;
        start = i;
    }
    put_escaped(x, text + start, i - start);
}

void xw_end(xmlw *x)
{
    check(x, xmlTextWriterEndElement(x->w));
}

void xw_raw(xmlw *x, const char *markup)
{
    check(x, xmlTextWriterWriteRaw(x->w, BAD_CAST markup));
}

void xw_elem_text(xmlw *x, const char *name, const char *text)
{
    xw_start(x, name);
    xw_text(x, text, strlen(text));
    xw_end(x);
}

void xw_elem_attr(xmlw *x, const char *name, const char *attr, const char *value)
{
    xw_start(x, name);
    xw_attr(x, attr, value);
    xw_end(x);
}

/* Close the document and flush the writer into the buffer. */
static bool xw_close(xmlw *x)
{
    check(x, xmlTextWriterEndDocument(x->w));
    check(x, xmlTextWriterFlush(x->w));
    return !x->failed;
}

bool xw_finish(xmlw *x, zt_buf *out)
{
    return xw_close(x) && zt_buf_add(out, (const char *)xmlBufferContent(x->buf),
                                     (size_t)xmlBufferLength(x->buf));
}

/* ---- zip --------------------------------------------------------------- */

struct zipw {
    zip_source_t *src;
    zip_t *za;
    zip_uint16_t dostime, dosdate;
    bool failed;
};

zipw *zipw_new(long long epoch)
{
    zipw *z = calloc(1, sizeof *z);
    if (!z)
        return NULL;
    zip_error_t ze;
    zip_error_init(&ze);
    z->src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (z->src)
        z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze);
    zip_error_fini(&ze);
    if (!z->za) {
        if (z->src)
            zip_source_free(z->src);
        free(z);
        return NULL;
    }
    zip_source_keep(z->src); /* read back after zip_close */
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    z->dostime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    z->dosdate = (zip_uint16_t)(((tm.tm_year + 1900 - 1980) << 9) | ((tm.tm_mon + 1) << 5) |
                                tm.tm_mday);
    return z;
}

/* Add DATA, which the archive takes over (freed on failure too). */
static bool add_owned(zipw *z, const char *name, void *data, size_t len, bool store)
{
    if (z->failed || !data) {
        free(data);
        z->failed = true;
        return false;
    }
    zip_source_t *s = zip_source_buffer(z->za, data, len, 1);
    if (!s) {
        free(data);
        z->failed = true;
        return false;
    }
    zip_int64_t idx = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(s);
        z->failed = true;
        return false;
    }
    /* level 1: a tenth of the time of level 9 for a few percent in size;
     * small parts are stored, compressing them costs more than it saves */
    store = store || len < 1024;
    if (zip_set_file_compression(z->za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 store ? 0 : 1) < 0)
        z->failed = true;
    return !z->failed;
}

bool zipw_add(zipw *z, const char *name, const void *data, size_t len, bool store)
{
    void *copy = malloc(len ? len : 1);
    if (copy)
        memcpy(copy, data, len);
    return add_owned(z, name, copy, len, store);
}

bool zipw_add_xml(zipw *z, const char *name, xmlw *x)
{
    /* the part's bytes go to the archive as they are: a part as large as
     * the document is not copied */
    bool ok = x && xw_close(x);
    size_t len = ok ? (size_t)xmlBufferLength(x->buf) : 0;
    void *data = ok ? xmlBufferDetach(x->buf) : NULL;
    /* the buffer grew by doubling: all parts wait for zip_close, so each
     * gives back what it does not hold (kept as it is should that fail) */
    void *fit = data && len ? realloc(data, len) : NULL;
    ok = add_owned(z, name, fit ? fit : data, len, false);
    xw_free(x);
    return ok;
}

/* A part written when libzip first asks about it, freed once it is read;
 * its size is kept, as libzip asks for it again. */
typedef struct {
    zipw_maker make;
    const void *ctx;
    size_t arg;
    char *data;
    size_t len, pos;
    bool sized; /* LEN is known */
    zip_error_t error;
} later;

/* The part's bytes in DATA (written again if they were freed). */
static bool make_part(later *l)
{
    if (l->data)
        return true;
    xmlw *x = l->make(l->ctx, l->arg);
    bool ok = x && xw_close(x);
    size_t len = ok ? (size_t)xmlBufferLength(x->buf) : 0;
    l->data = ok ? (char *)xmlBufferDetach(x->buf) : NULL;
    xw_free(x);
    if (!l->data) {
        zip_error_set(&l->error, ZIP_ER_MEMORY, 0);
        return false;
    }
    l->len = len;
    l->sized = true;
    return true;
}

static zip_int64_t later_source(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    later *l = userdata;
    switch (cmd) {
    case ZIP_SOURCE_STAT: { /* the size, as a buffer would give it: the same bytes */
        if (len < sizeof(zip_stat_t) || (!l->sized && !make_part(l)))
            return -1;
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = l->len;
        st->comp_method = ZIP_CM_STORE;
        st->encryption_method = ZIP_EM_NONE;
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_OPEN:
        l->pos = 0;
        return make_part(l) ? 0 : -1;
    case ZIP_SOURCE_READ: {
        size_t n = l->len - l->pos < len ? l->len - l->pos : (size_t)len;
        memcpy(data, l->data + l->pos, n);
        l->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE: /* read once: its memory goes now */
        free(l->data);
        l->data = NULL;
        return 0;
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&l->error, data, len);
    case ZIP_SOURCE_FREE:
        free(l->data);
        free(l);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        zip_error_set(&l->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

/* Add entry NAME, deflated, whose bytes CB makes from STATE (freed here
 * when the source cannot be made; after that, by CB on ZIP_SOURCE_FREE). */
static bool add_function_source(zipw *z, const char *name, zip_source_callback cb, void *state)
{
    zip_source_t *s = zip_source_function(z->za, cb, state);
    if (!s) {
        free(state);
        z->failed = true;
        return false;
    }
    zip_int64_t idx = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8);
    if (idx < 0 ||
        zip_set_file_compression(z->za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1) < 0) {
        if (idx < 0)
            zip_source_free(s);
        z->failed = true;
    }
    return !z->failed;
}

bool zipw_add_later(zipw *z, const char *name, zipw_maker make, const void *ctx, size_t arg)
{
    later *l = z->failed ? NULL : calloc(1, sizeof *l);
    if (!l) {
        z->failed = true;
        return false;
    }
    *l = (later){.make = make, .ctx = ctx, .arg = arg};
    zip_error_init(&l->error);
    return add_function_source(z, name, later_source, l);
}

/* A part written in pieces as libzip reads it. */
typedef struct {
    zipw_step step;
    zipw_restart restart;
    void *ctx;
    xmlw *x;           /* the writer of the current pass; its buffer, from OFF, holds what
                          is not read yet */
    size_t off;
    size_t size;       /* the part's size, from a first pass */
    bool sized, done;  /* the first pass ran; the current pass wrote its last piece */
    zip_error_t error;
} stream;

/* Start a pass: a new writer, the generator at its first piece. */
static bool stream_begin(stream *st)
{
    xw_free(st->x);
    st->restart(st->ctx);
    st->done = false;
    st->off = 0;
    if (!(st->x = xw_new())) {
        zip_error_set(&st->error, ZIP_ER_MEMORY, 0);
        return false;
    }
    return true;
}

/* Write pieces until the buffer holds WANT bytes or the part is complete. */
static bool stream_fill(stream *st, size_t want)
{
    while (!st->done && (size_t)xmlBufferLength(st->x->buf) - st->off < want) {
        st->done = !st->step(st->ctx, st->x);
        if (st->done)
            xw_close(st->x);
        else
            check(st->x, xmlTextWriterFlush(st->x->w));
        if (st->x->failed) {
            zip_error_set(&st->error, ZIP_ER_MEMORY, 0);
            return false;
        }
    }
    return true;
}

static zip_int64_t stream_source(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    stream *st = userdata;
    switch (cmd) {
    case ZIP_SOURCE_STAT: {
        if (len < sizeof(zip_stat_t))
            return -1;
        if (!st->sized) { /* a pass that only counts */
            if (!stream_begin(st))
                return -1;
            size_t size = 0;
            do {
                if (!stream_fill(st, 65536))
                    return -1;
                size_t n = (size_t)xmlBufferLength(st->x->buf);
                size += n;
                xmlBufferShrink(st->x->buf, (unsigned)n);
            } while (!st->done);
            xw_free(st->x);
            st->x = NULL;
            st->size = size;
            st->sized = true;
        }
        zip_stat_t *zs = data;
        zip_stat_init(zs);
        zs->size = st->size;
        zs->comp_method = ZIP_CM_STORE;
        zs->encryption_method = ZIP_EM_NONE;
        zs->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_OPEN:
        return stream_begin(st) ? 0 : -1;
    case ZIP_SOURCE_READ: {
        if (!st->x || !stream_fill(st, (size_t)len))
            return -1;
        size_t have = (size_t)xmlBufferLength(st->x->buf) - st->off;
        size_t n = have < len ? have : (size_t)len;
        memcpy(data, xmlBufferContent(st->x->buf) + st->off, n);
        st->off += n;
        /* what was read goes when it is most of the buffer: a large piece
         * (the table of contents) is not moved for every read */
        if (st->off == (size_t)xmlBufferLength(st->x->buf) || st->off * 2 > (size_t)xmlBufferLength(st->x->buf)) {
            xmlBufferShrink(st->x->buf, (unsigned)st->off);
            st->off = 0;
        }
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        xw_free(st->x);
        st->x = NULL;
        return 0;
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&st->error, data, len);
    case ZIP_SOURCE_FREE:
        xw_free(st->x);
        free(st);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        zip_error_set(&st->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

bool zipw_add_stream(zipw *z, const char *name, zipw_step step, zipw_restart restart, void *ctx)
{
    stream *st = z->failed ? NULL : calloc(1, sizeof *st);
    if (!st) {
        z->failed = true;
        return false;
    }
    *st = (stream){.step = step, .restart = restart, .ctx = ctx};
    zip_error_init(&st->error);
    return add_function_source(z, name, stream_source, st);
}

void zipw_free(zipw *z)
{
    if (!z)
        return;
    if (z->za)
        zip_discard(z->za);
    if (z->src)
        zip_source_free(z->src);
    free(z);
}

static unsigned get16(const unsigned char *p)
{
    return p[0] | (unsigned)p[1] << 8;
}

static unsigned long get32(const unsigned char *p)
{
    return get16(p) | (unsigned long)get16(p + 2) << 16;
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xFF);
    p[1] = (unsigned char)(v >> 8);
}

/* Write TIME and DATE into every local and central header of the archive
 * ZIP[0..LEN), walking it from its end record (never by searching for
 * signatures, which compressed data may hold).  False when the archive is
 * not as libzip writes it. */
static bool set_times(unsigned char *zip, size_t len, unsigned time, unsigned date)
{
    if (len < 22 || get32(zip + len - 22) != 0x06054b50) /* no comment: the end record ends it */
        return false;
    const unsigned char *end = zip + len - 22;
    size_t entries = get16(end + 10), p = get32(end + 16);
    for (size_t e = 0; e < entries; e++) {
        if (p + 46 > len || get32(zip + p) != 0x02014b50)
            return false;
        size_t local = get32(zip + p + 42);
        if (local + 30 > len || get32(zip + local) != 0x04034b50)
            return false;
        put16(zip + p + 12, time);
        put16(zip + p + 14, date);
        put16(zip + local + 10, time);
        put16(zip + local + 12, date);
        p += 46 + get16(zip + p + 28) + get16(zip + p + 30) + get16(zip + p + 32);
    }
    return true;
}

zhtidy_status zipw_finish(zipw *z, zhtidy_sink sink, void *userdata)
{
    unsigned time = z->dostime, date = z->dosdate;
    if (z->failed) {
        zipw_free(z);
        return ZHTIDY_ERR_NOMEM;
    }
    static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&close_lock);
    int closed = zip_close(z->za);
    pthread_mutex_unlock(&close_lock);
    if (closed < 0) { /* in memory, only memory can run out */
        zipw_free(z);
        return ZHTIDY_ERR_NOMEM;
    }
    z->za = NULL;
    zt_buf zip;
    zt_buf_init(&zip);
    bool opened = zip_source_open(z->src) == 0, ok = opened;
    zip_stat_t st;
    if (ok && zip_source_stat(z->src, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
        ok = zt_buf_reserve(&zip, (size_t)st.size);
    char chunk[65536];
    zip_int64_t n = 0;
    while (ok && (n = zip_source_read(z->src, chunk, sizeof chunk)) > 0)
        ok = zt_buf_add(&zip, chunk, (size_t)n);
    if (opened)
        zip_source_close(z->src);
    zipw_free(z);
    ok = ok && n == 0 && set_times((unsigned char *)zip.data, zip.len, time, date);
    zhtidy_status status = !ok ? ZHTIDY_ERR_NOMEM
                           : sink(userdata, zip.data, zip.len) != 0 ? ZHTIDY_ERR_WRITE : ZHTIDY_OK;
    zt_buf_free(&zip);
    return status;
}
