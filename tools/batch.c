/* SPDX-License-Identifier: MIT */
/* batch.c - convert one input, or many with worker threads.
 *
 * Each worker takes the next input, converts it and writes it atomically;
 * the documents are independent, so the bytes of every output are the same
 * whatever the number of workers.  A bad input gives its error and the
 * others are still written.  Memory holds one document per worker, however
 * many inputs there are.  On a terminal, stderr shows progress and a
 * summary; off a terminal only errors (and a count of failures). */
#include "batch.h"
#include "record.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    job *j;
    char **outputs;            /* per input; "-" for standard output */
    atomic_size_t next, done, failed;
    atomic_ullong bytes;
    pthread_mutex_t report_lock;
    pthread_mutex_t done_lock; /* with all_done: the last file wakes the main thread */
    pthread_cond_t all_done;
    FILE *report;
    FILE *log;                 /* --log */
    pthread_mutex_t log_lock;
} run;

static void warnings(const char *prog, const char *input, const zhtidy_doc *doc, bool xml)
{
    size_t invalid = report_count_rule(doc, "decode.invalid");
    if (invalid)
        diag(prog, "%s: warning: %zu invalid byte sequence%s replaced by U+FFFD",
                input, invalid, invalid == 1 ? "" : "s");
    size_t forbidden = xml ? report_xml_forbidden(doc) : 0;
    if (forbidden)
        diag(prog, "%s: warning: %zu control character%s that XML cannot hold left out", input, forbidden, forbidden == 1 ? "" : "s");
}

static zhtidy_status write_doc(const job *j, const zhtidy_doc *doc, output *o)
{
    switch (j->fmt->kind) {
    case FMT_TXT: return zhtidy_write_txt(doc, &j->wo.txt, out_sink, o);
    case FMT_JSON: return zhtidy_write_json(doc, &j->wo.json, out_sink, o);
    case FMT_DOCX: return zhtidy_write_docx(doc, &j->wo.docx, out_sink, o);
    case FMT_EPUB: return zhtidy_write_epub(doc, &j->wo.epub, out_sink, o);
    case FMT_JSONL: break; /* a stream of records: jsonl.c */
    }
    return ZHTIDY_ERR_ARG;
}

/* Read input I into a document; an error names the input and, for a tree,
 * the line and column. */
static zhtidy_doc *read_doc(run *r, size_t i)
{
    job *j = r->j;
    const char *prog = j->t->name, *input = j->inputs[i];
    obuf in = {0};
    zhtidy_doc *doc = NULL;
    if (!read_input(prog, input, &in))
        return NULL;
    atomic_fetch_add(&r->bytes, in.len);
    zhtidy_error err;
    zhtidy_status st = zhtidy_parse(in.data, in.len, strcmp(input, "-") ? input : "stdin", j->lib,
                                    &doc, &err);
    ob_free(&in); /* the document holds what it needs: repair it without the input */
    if (!st && zhtidy_doc_input(doc) != ZHTIDY_INPUT_JSON && (st = zhtidy_repair(doc, j->lib))) {
        snprintf(err.message, sizeof err.message, "%s", zhtidy_strerror(st));
        err.line = 0;
        zhtidy_doc_free(doc);
        doc = NULL;
    }
    if (st && err.line)
        diag(prog, "%s:%lu:%lu: %s", input, err.line, err.column, err.message);
    else if (st)
        diag(prog, "%s: %s", input, err.message[0] ? err.message : zhtidy_strerror(st));
    return doc;
}

/* The --log line of input I, as it ended (RC): its output, status and
 * error, and what DOC (when it was read) said of itself; RULES, counted
 * before the report was cleared, is taken over. */
static void log_input(run *r, size_t i, int rc, const zhtidy_doc *doc, json_object *rules)
{
    static const char *scripts[] = {"undetermined", "hans", "hant", "mixed"};
    json_object *o = json_object_new_object();
    if (!o) {
        json_object_put(rules);
        return;
    }
    json_object_object_add(o, "input", json_object_new_string(r->j->inputs[i]));
    json_object_object_add(o, "output", rc == EXIT_OK ? record_string(r->outputs[i]) : NULL);
    json_object_object_add(o, "status", json_object_new_string(rc == EXIT_OK ? "ok" : "error"));
    json_object_object_add(o, "error", rc == EXIT_OK ? NULL
                           : json_object_new_string(*diag_last() ? diag_last() : "failed"));
    json_object_object_add(o, "encoding", doc ? record_string(zhtidy_doc_meta(doc, ZHTIDY_META_ENCODING)) : NULL);
    json_object_object_add(o, "script", doc ? json_object_new_string(scripts[report_script(doc)]) : NULL);
    json_object_object_add(o, "rules", rules);
    size_t len;
    char *line = record_line(o, &len);
    pthread_mutex_lock(&r->log_lock);
    if (line)
        fwrite(line, 1, len, r->log);
    fflush(r->log);
    pthread_mutex_unlock(&r->log_lock);
    free(line);
    json_object_put(o);
}

/* Convert input I in worker slot SLOT; an exit status. */
static int convert_one(run *r, size_t i, int slot)
{
    job *j = r->j;
    const char *prog = j->t->name, *input = j->inputs[i];
    diag_forget();
    zhtidy_doc *doc = read_doc(r, i);
    if (!doc) {
        if (r->log)
            log_input(r, i, EXIT_INPUT, NULL, NULL);
        return EXIT_INPUT;
    }
    warnings(prog, input, doc, j->fmt->binary);
    json_object *rules = r->log ? record_rule_counts(doc) : NULL;
    if (!r->report && j->fmt->kind != FMT_JSON)
        zhtidy_doc_clear_report(doc); /* nothing reads it now: give its memory back */
    output o;
    int rc = out_open(&o, prog, r->outputs[i], slot, input);
    if (rc == EXIT_OK) {
        zhtidy_status st = write_doc(j, doc, &o);
        if (st && st != ZHTIDY_ERR_WRITE)
            diag(prog, "%s: %s", input, zhtidy_strerror(st));
        rc = out_close(&o, prog, r->outputs[i], st == ZHTIDY_OK);
    }
    if (rc == EXIT_OK && r->report) {
        pthread_mutex_lock(&r->report_lock);
        report_print(r->report, input, doc);
        fflush(r->report);
        pthread_mutex_unlock(&r->report_lock);
    }
    if (r->log)
        log_input(r, i, rc, doc, rules);
    zhtidy_doc_free(doc);
    return rc;
}

char *output_name(const char *input, const char *dir, const char *ext)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    const char *prefix = dir ? dir : input;
    size_t plen = dir ? strlen(dir) : (size_t)(base - input);
    bool slash = dir && plen && dir[plen - 1] != '/';
    char *out = malloc(plen + 1 + stem + strlen(ext) + 1);
    if (out)
        sprintf(out, "%.*s%s%.*s%s", (int)plen, prefix, slash ? "/" : "", (int)stem, base, ext);
    return out;
}

bool make_dirs(const char *prog, const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return false;
    for (char *s = p + 1; ; s++) {
        bool end = !*s;
        if (*s == '/' || end) {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                diag(prog, "%s: cannot create directory: %s", p, strerror(errno));
                free(p);
                return false;
            }
            if (end)
                break;
            *s = '/';
        }
    }
    free(p);
    return true;
}

/* qsort has no context argument: the names being sorted, set just before */
static char **sorting;

static int by_output(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(sorting[x], sorting[y]);
    return c ? c : (x > y) - (x < y);
}

static int plan_outputs(run *r)
{
    job *j = r->j;
    if (!(r->outputs = calloc(j->n_inputs, sizeof *r->outputs)))
        return EXIT_INPUT;
    for (size_t i = 0; i < j->n_inputs; i++) {
        if (j->output)
            r->outputs[i] = strdup(j->output);
        else if (j->outdir || j->t->out_beside)
            r->outputs[i] = strcmp(j->inputs[i], "-") || !j->outdir
                                ? output_name(j->inputs[i], j->outdir, j->fmt->ext)
                                : output_name("stdin", j->outdir, j->fmt->ext);
        else
            r->outputs[i] = strdup("-");
        if (!r->outputs[i])
            return EXIT_INPUT;
    }
    /* two inputs with one name would overwrite each other's output: sort
     * the names, and neighbours tell (n log n, for any number of inputs) */
    size_t *order = malloc(j->n_inputs * sizeof *order);
    if (!order)
        return EXIT_INPUT;
    for (size_t i = 0; i < j->n_inputs; i++)
        order[i] = i;
    sorting = r->outputs;
    qsort(order, j->n_inputs, sizeof *order, by_output);
    for (size_t k = 1; k < j->n_inputs; k++) {
        size_t a = order[k - 1], b = order[k];
        if (strcmp(r->outputs[a], r->outputs[b]) || !strcmp(r->outputs[a], "-"))
            continue;
        diag(j->t->name, "%s and %s would both be written to %s", j->inputs[a < b ? a : b],
             j->inputs[a < b ? b : a], r->outputs[a]);
        free(order);
        return EXIT_USAGE;
    }
    free(order);
    return j->outdir && !make_dirs(j->t->name, j->outdir) ? EXIT_INPUT : EXIT_OK;
}

typedef struct {
    run *r;
    int slot;
} worker_arg;

static void *worker(void *arg)
{
    worker_arg *w = arg;
    run *r = w->r;
    size_t i;
    while ((i = atomic_fetch_add(&r->next, 1)) < r->j->n_inputs) {
        if (convert_one(r, i, w->slot) != EXIT_OK)
            atomic_fetch_add(&r->failed, 1);
        pthread_mutex_lock(&r->done_lock);
        if (atomic_fetch_add(&r->done, 1) + 1 == r->j->n_inputs)
            pthread_cond_broadcast(&r->all_done);
        pthread_mutex_unlock(&r->done_lock);
    }
    return NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(run *r, double start, bool final)
{
    double t = now() - start;
    double mb = (double)atomic_load(&r->bytes) / 1e6;
    if (!final) {
        diag_progress("%s: %zu/%zu files, %.1f MB/s", r->j->t->name, atomic_load(&r->done),
                      r->j->n_inputs, t > 0 ? mb / t : 0.0);
        return;
    }
    diag_progress_end();
    fprintf(stderr, "%s: %zu files, %.1f MB in %.2f s (%.1f MB/s), %zu failed\n", r->j->t->name,
            r->j->n_inputs, mb, t, t > 0 ? mb / t : 0.0, atomic_load(&r->failed));
}

/* Redraw the progress line ten times a second until the last file is done;
 * the last worker wakes this at once. */
static void watch(run *r, double start)
{
    pthread_mutex_lock(&r->done_lock);
    while (atomic_load(&r->done) < r->j->n_inputs) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&r->all_done, &r->done_lock, &until);
        if (atomic_load(&r->done) < r->j->n_inputs) {
            pthread_mutex_unlock(&r->done_lock);
            progress(r, start, false);
            pthread_mutex_lock(&r->done_lock);
        }
    }
    pthread_mutex_unlock(&r->done_lock);
}

static int workers(job *j)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int n = j->jobs ? j->jobs : cores > 0 ? (int)cores : 1;
    if (n > MAX_WORKERS)
        n = MAX_WORKERS;
    return (size_t)n > j->n_inputs ? (int)j->n_inputs : n;
}

static int run_all(run *r)
{
    job *j = r->j;
    int n = workers(j);
    bool tty = isatty(STDERR_FILENO) && j->n_inputs > 1;
    double start = now();
    pthread_t tid[MAX_WORKERS];
    worker_arg args[MAX_WORKERS];
    sigset_t old;
    out_block_signals(&old); /* the workers inherit the mask: signals come to main */
    int started = 0;
    for (; started < n; started++) {
        args[started] = (worker_arg){r, started};
        if (pthread_create(&tid[started], NULL, worker, &args[started]) != 0)
            break;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (!started) { /* no thread: do the work here */
        args[0] = (worker_arg){r, 0};
        worker(&args[0]);
    }
    if (tty)
        watch(r, start);
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    size_t failed = atomic_load(&r->failed);
    if (tty)
        progress(r, start, true);
    else if (failed && j->n_inputs > 1)
        diag(j->t->name, "%zu of %zu files failed", failed, j->n_inputs);
    return failed ? EXIT_INPUT : EXIT_OK;
}

int batch_run(job *j)
{
    run r = {.j = j};
    pthread_mutex_init(&r.report_lock, NULL);
    pthread_mutex_init(&r.log_lock, NULL);
    pthread_mutex_init(&r.done_lock, NULL);
    pthread_cond_init(&r.all_done, NULL);
    int rc = plan_outputs(&r);
    if (rc == EXIT_OK && j->report) {
        r.report = strcmp(j->report, "-") ? fopen(j->report, "w") : stderr;
        if (!r.report) {
            diag(j->t->name, "%s: cannot write report: %s", j->report, strerror(errno));
            rc = EXIT_INPUT;
        }
    }
    if (rc == EXIT_OK && j->log) {
        r.log = strcmp(j->log, "-") ? fopen(j->log, "w") : stderr;
        if (!r.log) {
            diag(j->t->name, "%s: cannot write the log: %s", j->log, strerror(errno));
            rc = EXIT_INPUT;
        }
    }
    if (rc == EXIT_OK)
        rc = j->n_inputs == 1 ? convert_one(&r, 0, 0) : run_all(&r);
    if (r.report && r.report != stderr && fclose(r.report) != 0)
        rc = EXIT_INPUT;
    if (r.log && r.log != stderr && (ferror(r.log) | fclose(r.log)) != 0) {
        diag(j->t->name, "%s: cannot write the log", j->log);
        rc = EXIT_INPUT;
    }
    for (size_t i = 0; r.outputs && i < j->n_inputs; i++)
        free(r.outputs[i]);
    free(r.outputs);
    pthread_mutex_destroy(&r.report_lock);
    pthread_mutex_destroy(&r.log_lock);
    pthread_mutex_destroy(&r.done_lock);
    pthread_cond_destroy(&r.all_done);
    return rc;
}
