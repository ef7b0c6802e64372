/* cli.h - what every zhtidy tool shares: arguments, input, atomic output. */
#ifndef ZHTIDY_CLI_H
#define ZHTIDY_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "zhtidy.h"

/* Exit statuses, the same for every tool. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Bytes a writer produces; written to the target only when complete. */
typedef struct {
    char *data;
    size_t len, cap;
    bool failed;
} obuf;

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

typedef struct {
    const char *name;      /* program name, "zhtidy-txt" */
    const char *ext;       /* output extension, ".txt" */
    writer_fn write;
    bool binary;           /* output is not text: stdin needs -o */
    bool out_beside;       /* with no -o, write NAME.ext beside the input */
    const char *extra_usage; /* tool-specific options for --help */
} tool;

/* The whole of a tool's main(). */
int cli_main(const tool *t, int argc, char **argv);

/* The writers, one file each; the front command uses them all. */
bool write_txt(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
               size_t errlen);
bool write_docx(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
                size_t errlen);
bool write_epub(const zhtidy_doc *doc, const writer_opts *wo, obuf *out, char *err,
                size_t errlen);

#endif
