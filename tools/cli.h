/* SPDX-License-Identifier: MIT */
/* cli.h - what every zhtidy tool shares: arguments, input, atomic output.
 * The tools are drivers: the library reads, repairs and writes. */
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

/* An output format: its name for --to, its extension, whether it is text. */
typedef enum { FMT_TXT, FMT_JSON, FMT_DOCX, FMT_EPUB, FMT_JSONL } format_kind;

typedef struct {
    const char *name, *ext;
    format_kind kind;
    bool binary; /* not text: standard input needs -o, no terminal output */
} format;

/* The options of every writer, set from the arguments. */
typedef struct {
    zhtidy_txt_options txt;
    zhtidy_json_options json;
    zhtidy_docx_options docx;
    zhtidy_epub_options epub;
} writer_opts;

typedef struct {
    const char *name;         /* program name, "zhtidy-txt" */
    const format *formats;    /* one for a small tool; several for the front command */
    size_t n_formats;
    bool out_beside;          /* with no -o, write NAME.ext beside the input */
    const char *extra_usage;  /* tool-specific options for --help */
} tool;

/* The whole of a tool's main(). */
int cli_main(const tool *t, int argc, char **argv);

/* input.c: bytes read from a file or standard input */
typedef struct {
    char *data;
    size_t len, cap;
    bool failed;
} obuf;

void ob_free(obuf *b);
/* Read PATH ("-": standard input) into B, stopping past the library's
 * limit; false after an error message. */
bool read_input(const char *prog, const char *path, obuf *b);

/* output.c: atomic output, through a temporary file in worker slot SLOT */
typedef struct {
    int fd;
    int slot;
    bool to_stdout, failed;
    bool direct; /* a device or a pipe (/dev/null, a FIFO): written as it is */
    int error; /* errno of the first failed write */
    char *target;
} output;

void out_init(void);
void out_catch_signals(void);
void out_block_signals(sigset_t *old);
/* Open the output PATH ("-": standard output); an exit status. */
int out_open(output *o, const char *prog, const char *path, int slot, const char *input);
/* The sink writers write through. */
int out_sink(void *output, const void *data, size_t len);
/* Rename the temporary file over the target (KEEP), or remove it; an exit
 * status. */
int out_close(output *o, const char *prog, const char *path, bool keep);

/* diag.c: a line "PROG: MESSAGE" on stderr, clearing any progress line */
__attribute__((format(printf, 2, 3))) void diag(const char *prog, const char *fmt, ...);
/* The calling thread's last message (without "PROG: "), "" when none
 * since diag_forget(). */
const char *diag_last(void);
void diag_forget(void);
/* Draw the progress line (a terminal's stderr only); end it. */
__attribute__((format(printf, 1, 2))) void diag_progress(const char *fmt, ...);
void diag_progress_end(void);

/* report_print.c */
void report_print(FILE *f, const char *input, const zhtidy_doc *doc);
size_t report_count_rule(const zhtidy_doc *doc, const char *rule);
/* The script the document was written in, before any conversion. */
typedef enum { SCRIPT_NONE, SCRIPT_HANS, SCRIPT_HANT, SCRIPT_MIXED } script_kind;
script_kind report_script(const zhtidy_doc *doc);
size_t report_xml_forbidden(const zhtidy_doc *doc);

#endif
