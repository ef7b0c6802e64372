/* SPDX-License-Identifier: MIT */
/* batch.h - one input, or many converted by worker threads. */
#ifndef ZHTIDY_BATCH_H
#define ZHTIDY_BATCH_H

#include "cli.h"

/* Everything a run needs, set from the arguments. */
typedef struct {
    const tool *t;
    const format *fmt;     /* the output format */
    char **inputs;         /* allocated; the names point into argv or NAMES */
    size_t n_inputs;
    const char *files_from; /* --files-from */
    bool null_names;       /* -0: that list is NUL-separated */
    char *names;           /* the list's bytes */
    const char *output;    /* -o */
    const char *outdir;    /* -O */
    int jobs;              /* -j; 0: the number of cores */
    const char *report;    /* --report: NULL none, "-" stderr, else a file */
    const char *log;       /* --log: NULL none, "-" stderr, else a file */
    const char *encoding;  /* -e, as given */
    bool jsonl_in;         /* -f jsonl: the inputs are JSONL records */
    zhtidy_options *lib;
    writer_opts wo;
    obuf cover;            /* --cover: the image's bytes */
    obuf reference;        /* --reference-doc: the template's bytes */
} job;

/* Convert every input; the exit status for the whole run. */
int batch_run(job *j);

/* DIR/NAME.ext for an input, or NAME.ext beside it when DIR is NULL;
 * malloc'ed, NULL when out of memory. */
char *output_name(const char *input, const char *dir, const char *ext);
/* Create DIR and its parents; false after an error message. */
bool make_dirs(const char *prog, const char *dir);

/* jsonl.c: clean a stream of JSON records (-t jsonl); the exit status. */
int jsonl_run(job *j);

#endif
