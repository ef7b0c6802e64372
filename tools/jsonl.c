/* SPDX-License-Identifier: MIT */
/* jsonl.c - a stream of JSON records, one a line: zhtidy -t jsonl.
 *
 * Each input line is an object with a "text" member (and any others, such
 * as "id", which are passed through).  Its text is read and repaired as a
 * document, and the object is written out again, in input order, with the
 * cleaned "text" (what zhtidy-txt writes) and the document's "title",
 * "lang", "headings" and "rules" (the count of changes per rule).  A line
 * that is not a JSON object, or has no "text" string, or whose text cannot
 * be read, gets an "error" member instead, and the stream goes on.
 *
 * The main thread reads lines into a ring of slots and writes finished
 * records from its head, in order; worker threads clean the records in
 * between.  Memory holds the ring, however long the stream. */
#include "batch.h"
#include "record.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SLOT_FREE, SLOT_QUEUED, SLOT_TAKEN, SLOT_DONE };

typedef struct {
    char *line; /* the input line, NUL-terminated, without its newline */
    size_t len, cap;
    unsigned long lineno;
    bool too_long, no_memory;
    const char *input; /* its name in messages */
    char *out;         /* the record written out, with its newline */
    size_t out_len;
    bool failed;
    char message[320]; /* why it failed, for stderr in input order */
    int state;
} slot;

typedef struct {
    job *j;
    slot *ring;
    size_t cap;
    size_t head, next, tail; /* write from head, clean from next, fill at tail */
    bool eof;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
    size_t records, failed;
} stream;

/* ---- one record ------------------------------------------------------- */

/* A record that failed: OBJ (an object, passed through) or a new object
 * naming the input and line, with "error": WHY. */
static void failed(slot *r, json_object *obj, const char *why)
{
    snprintf(r->message, sizeof r->message, "%s:%lu: %s", r->input, r->lineno, why);
    if (!obj || !json_object_is_type(obj, json_type_object)) {
        json_object_put(obj);
        obj = json_object_new_object();
        if (obj) {
            json_object_object_add(obj, "input", json_object_new_string(r->input));
            json_object_object_add(obj, "line", json_object_new_int64((int64_t)r->lineno));
        }
    }
    if (obj)
        json_object_object_add(obj, "error", json_object_new_string(why));
    r->out = obj ? record_line(obj, &r->out_len) : NULL;
    r->failed = true;
    json_object_put(obj);
}

static json_object *headings(const zhtidy_doc *doc)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; a && i < zhtidy_doc_block_count(doc); i++) {
        if (zhtidy_doc_block_type(doc, i) != ZHTIDY_HEADING)
            continue;
        json_object *h = json_object_new_object();
        size_t len;
        const char *text = zhtidy_doc_block_text(doc, i, &len);
        if (!h)
            continue;
        json_object_object_add(h, "level", json_object_new_int(zhtidy_doc_block_level(doc, i)));
        json_object_object_add(h, "text", json_object_new_string_len(text, (int)len));
        json_object_array_add(a, h);
    }
    return a;
}

/* Parse the line; NULL with WHY (WHY_SIZE bytes) set when it is not one
 * JSON value. */
static json_object *parse_line(slot *r, char *why, size_t why_size)
{
    size_t len = r->len;
    while (len && isspace((unsigned char)r->line[len - 1]))
        len--; /* a line written on Windows ends in CR */
    json_tokener *tok = json_tokener_new();
    if (!tok) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *obj = json_tokener_parse_ex(tok, r->line, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tok);
    if (!obj && e == json_tokener_continue)
        snprintf(why, why_size, "not JSON: the line ends inside a value");
    else if (!obj)
        snprintf(why, why_size, "not JSON: %s at column %zu", json_tokener_error_desc(e),
                 json_tokener_get_parse_end(tok) + 1);
    else if (json_tokener_get_parse_end(tok) < len) {
        snprintf(why, why_size, "not JSON: more after the value at column %zu",
                 json_tokener_get_parse_end(tok) + 1);
        json_object_put(obj);
        obj = NULL;
    }
    json_tokener_free(tok);
    return obj;
}

static void clean_record(stream *s, slot *r)
{
    char why[200];
    json_object *obj = NULL, *text;
    if (r->no_memory) {
        failed(r, NULL, "out of memory");
        return;
    }
    if (r->too_long) {
        failed(r, NULL, zhtidy_strerror(ZHTIDY_ERR_TOO_BIG));
        return;
    }
    if (!(obj = parse_line(r, why, sizeof why))) {
        failed(r, NULL, why);
        return;
    }
    if (!json_object_is_type(obj, json_type_object)) {
        failed(r, obj, "not a JSON object");
        return;
    }
    if (!json_object_object_get_ex(obj, "text", &text) || !json_object_is_type(text, json_type_string)) {
        failed(r, obj, "no \"text\" string");
        return;
    }
    zhtidy_doc *doc = NULL;
    zhtidy_error err;
    zhtidy_status st = zhtidy_read(json_object_get_string(text), (size_t)json_object_get_string_len(text),
                                   NULL, s->j->lib, &doc, &err);
    zhtidy_buffer b = {0};
    if (!st)
        st = zhtidy_write_txt(doc, &s->j->wo.txt, zhtidy_buffer_sink, &b);
    if (st) {
        char msg[300];
        if (err.message[0] && err.line && !doc)
            snprintf(msg, sizeof msg, "text:%lu:%lu: %s", err.line, err.column, err.message);
        else
            snprintf(msg, sizeof msg, "%s", !doc && err.message[0] ? err.message : zhtidy_strerror(st));
        zhtidy_free(b.data);
        zhtidy_doc_free(doc);
        failed(r, obj, msg);
        return;
    }
    json_object_object_add(obj, "text", json_object_new_string_len(b.data ? b.data : "", (int)b.len));
    zhtidy_free(b.data);
    json_object_object_add(obj, "title", record_string(zhtidy_doc_meta(doc, ZHTIDY_META_TITLE)));
    json_object_object_add(obj, "lang", record_string(zhtidy_doc_meta(doc, ZHTIDY_META_LANG)));
    json_object_object_add(obj, "headings", headings(doc));
    json_object_object_add(obj, "rules", record_rule_counts(doc));
    zhtidy_doc_free(doc);
    r->out = record_line(obj, &r->out_len);
    if ((r->failed = !r->out))
        snprintf(r->message, sizeof r->message, "%s:%lu: out of memory", r->input, r->lineno);
    json_object_put(obj);
}

/* ---- workers, reading and writing ------------------------------------- */

static void *worker(void *arg)
{
    stream *s = arg;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        if (s->next < s->tail) {
            slot *r = &s->ring[s->next++ % s->cap];
            r->state = SLOT_TAKEN;
            pthread_mutex_unlock(&s->lock);
            clean_record(s, r);
            pthread_mutex_lock(&s->lock);
            r->state = SLOT_DONE;
            pthread_cond_signal(&s->done);
        } else if (s->eof) {
            break;
        } else {
            pthread_cond_wait(&s->work, &s->lock);
        }
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

/* Write the finished records at the head, in order; with ALL, wait for
 * every record read so far, else wait only while the ring is full.  Called
 * and returns with the lock held.  False once the output failed. */
static bool flush(stream *s, output *o, bool all)
{
    bool ok = o && !o->failed;
    for (;;) {
        while (s->head < s->tail && s->ring[s->head % s->cap].state == SLOT_DONE) {
            slot *r = &s->ring[s->head % s->cap];
            pthread_mutex_unlock(&s->lock);
            static const char oom[] = "{\"error\":\"out of memory\"}\n";
            if (ok)
                ok = (r->out ? out_sink(o, r->out, r->out_len) : out_sink(o, oom, sizeof oom - 1)) == 0;
            if (r->failed)
                diag(s->j->t->name, "%s", r->message);
            s->records++;
            s->failed += r->failed;
            free(r->out);
            r->out = NULL;
            pthread_mutex_lock(&s->lock);
            r->state = SLOT_FREE;
            s->head++;
        }
        if (all ? s->head == s->tail : s->tail - s->head < s->cap)
            return ok;
        pthread_cond_wait(&s->done, &s->lock);
    }
}

/* Read a line of F, without its newline, into R; false at the end.  A line
 * past the library's limit is not kept, only marked. */
static bool read_line(FILE *f, slot *r)
{
    int c;
    bool any = false;
    r->len = 0;
    r->too_long = r->no_memory = false;
    while ((c = getc_unlocked(f)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (r->too_long || r->no_memory)
            continue;
        if (r->len + 1 >= r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 4096;
            char *p = realloc(r->line, cap);
            if (!p) {
                r->no_memory = true;
                continue;
            }
            r->line = p;
            r->cap = cap;
        }
        r->line[r->len++] = (char)c;
        r->too_long = r->len > ZHTIDY_MAX_INPUT;
    }
    if (r->line)
        r->line[r->len] = '\0';
    return any;
}

static bool blank(const slot *r)
{
    for (size_t i = 0; i < r->len; i++)
        if (!isspace((unsigned char)r->line[i]))
            return false;
    return !r->too_long && !r->no_memory;
}

/* Stream input IN into the ring; false when it could not be read. */
static bool stream_input(stream *s, const char *in, output *o)
{
    const char *prog = s->j->t->name, *name = strcmp(in, "-") ? in : "stdin";
    FILE *f = strcmp(in, "-") ? fopen(in, "rb") : stdin;
    struct stat st;
    if (!f) {
        diag(prog, "%s: cannot open: %s", in, strerror(errno));
        return false;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        diag(prog, "%s: is a directory", in);
        fclose(f);
        return false;
    }
    unsigned long lineno = 0;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        if (!flush(s, o, false))
            break; /* the output failed: read no more */
        slot *r = &s->ring[s->tail % s->cap];
        pthread_mutex_unlock(&s->lock);
        bool more = read_line(f, r);
        r->lineno = ++lineno;
        r->input = name;
        pthread_mutex_lock(&s->lock);
        if (!more)
            break;
        if (blank(r))
            continue; /* empty lines separate nothing: skip them */
        r->state = SLOT_QUEUED;
        s->tail++;
        pthread_cond_signal(&s->work);
    }
    flush(s, o, true);
    pthread_mutex_unlock(&s->lock);
    bool ok = !ferror(f);
    if (!ok)
        diag(prog, "%s: cannot read: %s", in, strerror(errno));
    if (f != stdin)
        fclose(f);
    return ok;
}

static int stream_workers(const job *j)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int n = j->jobs ? j->jobs : cores > 0 ? (int)cores : 1;
    return n > MAX_WORKERS ? MAX_WORKERS : n;
}

/* Every input through the workers: to one output (-o, or standard
 * output), or with -O to DIR/NAME.jsonl each. */
static int stream_all(stream *s)
{
    job *j = s->j;
    const char *prog = j->t->name;
    int rc = EXIT_OK;
    output o;
    bool open = false;
    for (size_t i = 0; i < j->n_inputs; i++) {
        char *path = NULL;
        if (j->outdir) {
            path = strcmp(j->inputs[i], "-") ? output_name(j->inputs[i], j->outdir, j->fmt->ext)
                                             : output_name("stdin", j->outdir, j->fmt->ext);
            if (!path) {
                diag(prog, "out of memory");
                return EXIT_INPUT;
            }
        }
        if (!open) {
            int orc = out_open(&o, prog, path ? path : j->output ? j->output : "-", 0, j->inputs[i]);
            if (orc != EXIT_OK) {
                free(path);
                rc = orc;
                if (j->outdir)
                    continue;
                break;
            }
            open = true;
        }
        bool ok = stream_input(s, j->inputs[i], &o);
        if (!ok)
            rc = EXIT_INPUT;
        if (j->outdir || i + 1 == j->n_inputs) {
            /* a shard that could not be read leaves no output of its own */
            if (out_close(&o, prog, path ? path : j->output ? j->output : "-", ok || !j->outdir) != EXIT_OK)
                rc = EXIT_INPUT;
            open = false;
        }
        free(path);
    }
    if (open && out_close(&o, prog, j->output ? j->output : "-", true) != EXIT_OK)
        rc = EXIT_INPUT;
    return rc;
}

int jsonl_run(job *j)
{
    /* the text of a JSON string is UTF-8 */
    zhtidy_options_set_encoding(j->lib, "utf-8");
    if (j->outdir && !make_dirs(j->t->name, j->outdir))
        return EXIT_INPUT;
    stream s = {.j = j};
    int n = stream_workers(j);
    s.cap = (size_t)n * 8;
    if (!(s.ring = calloc(s.cap, sizeof *s.ring))) {
        diag(j->t->name, "out of memory");
        return EXIT_INPUT;
    }
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.work, NULL);
    pthread_cond_init(&s.done, NULL);
    pthread_t tid[MAX_WORKERS];
    sigset_t old;
    out_block_signals(&old); /* the workers inherit the mask: signals come to main */
    int started = 0;
    while (started < n && pthread_create(&tid[started], NULL, worker, &s) == 0)
        started++;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    int rc = EXIT_INPUT;
    if (started) {
        rc = stream_all(&s);
        pthread_mutex_lock(&s.lock);
        s.eof = true;
        pthread_cond_broadcast(&s.work);
        pthread_mutex_unlock(&s.lock);
        for (int i = 0; i < started; i++)
            pthread_join(tid[i], NULL);
    } else {
        diag(j->t->name, "cannot start a worker thread");
    }
    if (s.failed) {
        diag(j->t->name, "%zu of %zu records failed", s.failed, s.records);
        rc = EXIT_INPUT;
    }
    for (size_t i = 0; i < s.cap; i++)
        free(s.ring[i].line);
    free(s.ring);
    pthread_mutex_destroy(&s.lock);
    pthread_cond_destroy(&s.work);
    pthread_cond_destroy(&s.done);
    return rc;
}
