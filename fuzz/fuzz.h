/* SPDX-License-Identifier: MIT */
/* fuzz.h - the invariants the harnesses check, shared by all of them.
 *
 * Every check calls fz_fail(), which prints what failed and aborts: under
 * libFuzzer an abort is a finding, with the input saved; under the replay
 * driver it fails the regression test.  Only the public API (zhtidy.h) is
 * used, so that the harnesses keep compiling while the library changes. */
#ifndef ZHTIDY_FUZZ_H
#define ZHTIDY_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zhtidy.h"

/* The entry point libFuzzer calls, and the replay driver too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print WHAT (printf-style) to stderr and abort. */
__attribute__((noreturn, format(printf, 1, 2))) void fz_fail(const char *what, ...);

/* Is S[0..N) valid UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF) without a NUL byte? */
bool fz_utf8_ok(const char *s, size_t n);

/* Read-side invariants ------------------------------------------------- */

/* Every block: a known type, text that is valid UTF-8 without NUL and as
 * long as it says, heading levels 1-4, list levels 1-8, table cells with
 * valid text and spans of 1 and more; every metadata value valid UTF-8. */
void fz_check_tree(const zhtidy_doc *doc);

/* Every report entry: a known rule name and kind, non-NULL strings that are
 * valid UTF-8. */
void fz_check_report(const zhtidy_doc *doc);

/* The removed-character accounting: the characters of RAW (the tree as
 * parsed, no pass run) equal those of FIXED plus what FIXED's report, from
 * entry FIRST on, says was removed or replaced, less what it says was put
 * in.  Flags and decode.invalid do not count, nor do spaces. */
void fz_check_accounting(const zhtidy_doc *raw, const zhtidy_doc *fixed, size_t first);

/* A failed read: a status that describes the input, no document, and an
 * error with that status and a one-line message. */
void fz_check_failure(zhtidy_status st, const zhtidy_doc *doc, const zhtidy_error *err);

/* Writers -------------------------------------------------------------- */

/* The writers' options, drawn from one input byte. */
typedef struct {
    zhtidy_txt_options txt;
    zhtidy_json_options json;
    zhtidy_docx_options docx;
    zhtidy_epub_options epub;
} fz_writers;

void fz_writers_from_byte(fz_writers *w, uint8_t byte);

/* Run the text and JSON writers: each succeeds and writes valid UTF-8; the
 * text ends with a newline. */
void fz_write_text(const zhtidy_doc *doc, const fz_writers *w);

/* As fz_write_text(), and the JSON reads back (as ZHTIDY_INPUT_JSON) to a
 * tree that writes the same JSON and the same text.  Returns that tree;
 * the caller frees it. */
zhtidy_doc *fz_write_json_round_trip(const zhtidy_doc *doc, const fz_writers *w);

/* Called with each XML part of a package, parsed; NAME is its zip name and
 * XML a libxml2 xmlDocPtr. */
typedef void (*fz_part_fn)(const char *name, void *xml, void *userdata);

/* Write DOC as DOCX and as EPUB; each package opens with libzip, every entry
 * reads, and every XML part (.xml .xhtml .opf .ncx .rels) is well-formed
 * under libxml2; the EPUB's first entry is its stored mimetype.  PART (may
 * be NULL) sees each parsed part. */
void fz_write_packages(const zhtidy_doc *doc, const fz_writers *w, fz_part_fn part, void *userdata);

/* Write DOC as DOCX and EPUB and only check that the writers succeed. */
void fz_write_packages_quick(const zhtidy_doc *doc, const fz_writers *w);

/* A and B write the same DOCX (EPUB when EPUB is true), byte for byte. */
void fz_same_package(const zhtidy_doc *a, const zhtidy_doc *b, const fz_writers *w, bool epub);

#endif
