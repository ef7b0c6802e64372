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
    zhtidy_options *lib;
    writer_opts wo;
    obuf cover;            /* --cover: the image's bytes */
} job;

/* Convert every input; the exit status for the whole run. */
int batch_run(job *j);

#endif
