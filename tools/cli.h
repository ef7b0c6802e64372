/* SPDX-License-Identifier: MIT */
/* cli.h - what every zhtidy tool shares: arguments, input, atomic output. */
#ifndef ZHTIDY_CLI_H
#define ZHTIDY_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "zhtidy.h"

/* Exit statuses, the same for every tool. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

#define MAX_WORKERS 64

/* Bytes a writer produces; written to the target only when complete. */
typedef struct {
    char *data;
    size_t len, cap;
    bool failed;
} obuf;

/* Room for N more bytes (and a NUL); false when out of memory. */
bool ob_reserve(obuf *b, size_t n);
bool ob_add(obuf *b, const void *s, size_t n);
bool ob_puts(obuf *b, const char *s);
void ob_free(obuf *b);

/* Options that reach the writers. */
typedef struct {
    const char *format;    /* zhtidy-txt: "text" or "tree" */
    int toc;               /* -1 automatic, 0 off, 1 on */
    const char *style;     /* zhtidy-docx: "plain" or "gbt9704" */
    bool vertical;         /* zhtidy-epub */
    const char *date;      /* ISO 8601 UTC date for metadata */
    long long epoch;       /* SOURCE_DATE_EPOCH or a fixed value */
} writer_opts;

/* A writer turns a document into bytes; on failure it returns false and
 * puts a message in ERR. */
typedef bool (*writer_fn)(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
                          size_t errlen);

/* An output format: its name for --to, its extension, its writer. */
typedef struct {
    const char *name, *ext;
    writer_fn write;
    bool binary;       /* not text: standard input needs -o, no terminal output */
    void (*init)(void); /* once, in the main thread, before any writing */
} format;

typedef struct {
    const char *name;         /* program name, "zhtidy-txt" */
    const format *formats;    /* one for a small tool; several for the front command */
    size_t n_formats;
    bool out_beside;          /* with no -o, write NAME.ext beside the input */
    const char *extra_usage;  /* tool-specific options for --help */
} tool;

/* The whole of a tool's main(). */
int cli_main(const tool *t, int argc, char **argv);

/* The writers, one file each. */
bool write_txt(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
               size_t errlen);
bool write_docx(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
                size_t errlen);
bool write_epub(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
                size_t errlen);

/* output.c: atomic output through a temporary file in worker slot SLOT. */
void out_init(void);
void out_catch_signals(void);
void out_block_signals(sigset_t *old);
int out_write(const char *prog, const char *path, const obuf *b, int slot, const char *input);

/* diag.c: a line "PROG: MESSAGE" on stderr, clearing any progress line */
__attribute__((format(printf, 2, 3))) void diag(const char *prog, const char *fmt, ...);
/* Draw the progress line (a terminal's stderr only); end it. */
__attribute__((format(printf, 1, 2))) void diag_progress(const char *fmt, ...);
void diag_progress_end(void);

/* report_print.c */
void report_print(FILE *f, const char *input, const zhtidy_doc *doc);
size_t report_count_rule(const zhtidy_doc *doc, const char *rule);
size_t report_xml_forbidden(const zhtidy_doc *doc);

#endif
