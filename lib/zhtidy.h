/* SPDX-License-Identifier: MIT */
/*
 * zhtidy.h - repair Chinese text scraped from document-sharing sites, and
 * write it as plain text, JSON, DOCX or EPUB.
 *
 * libzhtidy reads raw bytes into a document tree (zhtidy_parse), repairs it
 * with an ordered list of passes (zhtidy_repair), and writes the tree out
 * (zhtidy_write_txt, _json, _docx, _epub).  zhtidy_read is parse and repair
 * in one call.  The tree is metadata plus an ordered list of blocks:
 * headings, paragraphs, list items, tables and code.
 *
 * Conventions
 *  - Every public name starts with zhtidy_ / ZHTIDY_.
 *  - Functions that can fail return a zhtidy_status; zhtidy_strerror() gives
 *    a message for it, and a zhtidy_error, where a function takes one, says
 *    where in the input and what is wrong.  The library never prints and
 *    never aborts; an allocation failure comes back as ZHTIDY_ERR_NOMEM.
 *  - Text in and out is UTF-8.  Text given to the library that is not valid
 *    UTF-8 has each bad byte replaced by U+FFFD.
 *  - Ownership: pointers returned by accessors of a zhtidy_doc belong to the
 *    document and stay valid until the document is changed or freed.  What
 *    a function hands to the caller (documents, options, converted text,
 *    written buffers) is freed with the function its comment names.
 *  - Every change a pass makes is recorded in the document's report, with the
 *    rule's name and the input line, so that nothing disappears unaccounted.
 *
 * Threads
 *  - Different documents may be parsed, repaired and written in different
 *    threads at the same time; one options object may be shared by them, as
 *    long as no thread changes it meanwhile.
 *  - One document is used by one thread at a time (several may read it).
 *  - zhtidy_convert() may be called from any thread.  zhtidy_cleanup() must
 *    not run while another thread uses the library.
 */
#ifndef ZHTIDY_H
#define ZHTIDY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZHTIDY_VERSION_STRING "0.2.0"

/* Marks the library's exported functions; everything else is hidden. */
#ifndef ZHTIDY_API
#if defined(__GNUC__) && defined(ZHTIDY_BUILDING)
#define ZHTIDY_API __attribute__((visibility("default")))
#else
#define ZHTIDY_API
#endif
#endif

/* ---- status ---------------------------------------------------------- */

typedef enum {
    ZHTIDY_OK = 0,
    ZHTIDY_ERR_NOMEM = -1,    /* an allocation failed                      */
    ZHTIDY_ERR_IO = -2,       /* a file could not be read; errno is kept   */
    ZHTIDY_ERR_BINARY = -3,   /* input holds NUL bytes: it is not text     */
    ZHTIDY_ERR_ENCODING = -4, /* unknown or unusable encoding name         */
    ZHTIDY_ERR_ARG = -5,      /* invalid argument (NULL, unknown rule ...) */
    ZHTIDY_ERR_OPENCC = -6,   /* OpenCC could not load or convert          */
    ZHTIDY_ERR_TOO_BIG = -7,  /* input larger than ZHTIDY_MAX_INPUT        */
    ZHTIDY_ERR_JSON = -8,     /* a JSON tree that cannot be read           */
    ZHTIDY_ERR_WRITE = -9     /* the sink refused the output               */
} zhtidy_status;

/* A static English message for a status; never NULL. */
ZHTIDY_API const char *zhtidy_strerror(zhtidy_status status);

/* Where and why reading failed: filled by functions that take one (a NULL
 * pointer is allowed).  LINE and COLUMN are 1-based, 0 when unknown;
 * MESSAGE is one line of English, never empty after a failure. */
typedef struct {
    zhtidy_status status;
    unsigned long line, column;
    char message[256];
} zhtidy_error;

/* The library's version, e.g. "0.2.0"; static, never NULL. */
ZHTIDY_API const char *zhtidy_version(void);

/* Free memory the library handed to the caller (converted text, a
 * zhtidy_buffer's data).  NULL is allowed. */
ZHTIDY_API void zhtidy_free(void *p);

/* ---- options --------------------------------------------------------- */

typedef struct zhtidy_options zhtidy_options;

/* Option flags, combined with |. */
enum {
    ZHTIDY_SPACE_LATIN = 1u << 0,   /* spaces between Chinese and Latin/digits */
    ZHTIDY_PHRASES = 1u << 1,       /* regional vocabulary in conversion       */
    ZHTIDY_DROP_TRUNCATED = 1u << 2 /* remove a preview-truncated last fragment */
};

/* Target script of conversion. */
typedef enum {
    ZHTIDY_SCRIPT_KEEP = 0, /* no conversion (default)            */
    ZHTIDY_SCRIPT_HANS,     /* Simplified (mainland)              */
    ZHTIDY_SCRIPT_HANT,     /* Traditional, OpenCC standard forms */
    ZHTIDY_SCRIPT_TW,       /* Traditional, Taiwan forms          */
    ZHTIDY_SCRIPT_HK        /* Traditional, Hong Kong forms       */
} zhtidy_script;

/* What the input is. */
typedef enum {
    ZHTIDY_INPUT_AUTO = 0, /* a JSON tree or HTML by its name or its first bytes, else text */
    ZHTIDY_INPUT_TEXT,     /* scraped text, one block a line                            */
    ZHTIDY_INPUT_HTML,     /* a saved web page                                           */
    ZHTIDY_INPUT_JSON      /* a tree written by zhtidy_write_json()                      */
} zhtidy_input;

/* New options with every rule on, automatic detection of the input's kind
 * and encoding, and no conversion.  NULL when out of memory.  Free with
 * zhtidy_options_free(). */
ZHTIDY_API zhtidy_options *zhtidy_options_new(void);
ZHTIDY_API void zhtidy_options_free(zhtidy_options *opts);

/* Force an input encoding: NAME is one that zhtidy_encoding_name() lists
 * ("utf-8", "gb18030", "gbk", "gb2312", "cp936", "big5", "big5-hkscs",
 * "cp950", "utf-16", "utf-16le", "utf-16be"; any case), or NULL/"auto" for
 * detection.  "utf-16" takes the byte order from the BOM, else detects it.
 * ZHTIDY_ERR_ENCODING for any other name: a wrong forced encoding gives
 * mojibake, so only the encodings Chinese text comes in are accepted. */
ZHTIDY_API zhtidy_status zhtidy_options_set_encoding(zhtidy_options *opts, const char *name);

/* The encoding names zhtidy_options_set_encoding() accepts, besides
 * "auto"; static strings; an index past the end gives NULL. */
ZHTIDY_API const char *zhtidy_encoding_name(size_t index);

ZHTIDY_API void zhtidy_options_set_flags(zhtidy_options *opts, unsigned flags);
ZHTIDY_API unsigned zhtidy_options_flags(const zhtidy_options *opts);
ZHTIDY_API void zhtidy_options_set_script(zhtidy_options *opts, zhtidy_script target);
ZHTIDY_API void zhtidy_options_set_input(zhtidy_options *opts, zhtidy_input input);

/* Switch a rule off.  NAME is a rule name ("typography.punct"), a pass name
 * ("typography"), which switches off all of that pass's rules, or
 * "structure" (the title, toc and headings passes).  ZHTIDY_ERR_ARG when no
 * rule has that name. */
ZHTIDY_API zhtidy_status zhtidy_options_keep(zhtidy_options *opts, const char *name);

/* The passes, in the order they run, and the rules each can apply.  Names
 * are static strings; an index past the end gives NULL. */
ZHTIDY_API const char *zhtidy_pass_name(size_t index);
ZHTIDY_API const char *zhtidy_rule_name(size_t index);
/* A one-line English description of a rule, or NULL for an unknown name. */
ZHTIDY_API const char *zhtidy_rule_help(const char *rule);

/* ---- documents ------------------------------------------------------- */

typedef struct zhtidy_doc zhtidy_doc;
typedef struct zhtidy_report zhtidy_report;

typedef enum {
    ZHTIDY_PARAGRAPH = 1,
    ZHTIDY_HEADING = 2,   /* level 1-4 */
    ZHTIDY_LIST_ITEM = 3, /* level: nesting depth 1-8; see ZHTIDY_BLOCK_ORDERED */
    ZHTIDY_TABLE = 4,     /* rows of cells; text "" (see the table accessors) */
    ZHTIDY_CODE = 5       /* verbatim text, lines kept: no repair touches it  */
} zhtidy_block_type;

/* Block flags. */
enum {
    ZHTIDY_BLOCK_ORDERED = 1u << 0 /* a list item of a numbered list */
};

/* Metadata keys, and the names they have in JSON trees and for
 * zhtidy_meta_key(). */
typedef enum {
    ZHTIDY_META_TITLE = 0,  /* "title"                                          */
    ZHTIDY_META_LANG,       /* "lang": BCP 47, zh-CN zh-TW zh-HK zh-Hans zh-Hant */
    ZHTIDY_META_KEYWORDS,   /* "keywords": comma-separated                      */
    ZHTIDY_META_SOURCE,     /* "source": the input's name                       */
    ZHTIDY_META_CATEGORY,   /* "category"                                       */
    ZHTIDY_META_ENCODING,   /* "encoding": what the input was decoded from      */
    ZHTIDY_META_AUTHOR,     /* "author"                                         */
    ZHTIDY_META_DATE,       /* "date": as given, e.g. 2024-05-01                */
    ZHTIDY_META_DESCRIPTION,/* "description"                                    */
    ZHTIDY_META_COUNT
} zhtidy_meta;

/* The name of a key ("title"), or NULL; the key of a name, or
 * ZHTIDY_META_COUNT for a name that is none. */
ZHTIDY_API const char *zhtidy_meta_name(zhtidy_meta key);
ZHTIDY_API zhtidy_meta zhtidy_meta_key(const char *name);

/* Metadata the user gives (a title, an author, a date, a language ...):
 * zhtidy_repair() sets it on the document after the passes, over what they
 * found, and zhtidy_parse() on a JSON tree, which is not repaired.  VALUE
 * is copied; "" clears what was found; NULL gives the key back to the
 * passes. */
ZHTIDY_API zhtidy_status zhtidy_options_set_meta(zhtidy_options *opts, zhtidy_meta key,
                                                 const char *value);

/* The largest input the library reads: 1 GiB, far beyond any scraped
 * document, and small enough that every count and offset is safe.  A
 * larger input gives ZHTIDY_ERR_TOO_BIG. */
#define ZHTIDY_MAX_INPUT ((size_t)1 << 30)
/* The largest saved web page read as HTML: 64 MiB, ten times the largest
 * pages of real sites.  Its tree takes up to about 30 times its size; a
 * larger page gives ZHTIDY_ERR_TOO_BIG (it can still be read as text). */
#define ZHTIDY_MAX_HTML ((size_t)64 << 20)

/* Read DATA (LEN bytes) into a new document in *DOC, without repairing it:
 * text is decoded and split into one paragraph a line; a saved web page
 * gives its main content's blocks; a JSON tree gives the tree it holds.
 * SOURCE names the input in the metadata (and, by its extension .json,
 * .html or .htm, tells its kind when OPTS leaves it to be detected); it
 * may be NULL.  OPTS may be NULL for defaults.  On failure *DOC is NULL and
 * ERR (when not NULL) says where and why.  The caller frees the document
 * with zhtidy_doc_free(). */
ZHTIDY_API zhtidy_status zhtidy_parse(const void *data, size_t len, const char *source,
                                      const zhtidy_options *opts, zhtidy_doc **doc,
                                      zhtidy_error *err);

/* Run every pass that OPTS leaves on (NULL means defaults) over DOC, a
 * document from zhtidy_parse() or built by hand.  On failure the document
 * is left valid but partly repaired; free it. */
ZHTIDY_API zhtidy_status zhtidy_repair(zhtidy_doc *doc, const zhtidy_options *opts);

/* zhtidy_parse(), then zhtidy_repair() unless the input was a JSON tree: a
 * tree was repaired when it was written, and perhaps reviewed by hand since,
 * so it is taken as it is. */
ZHTIDY_API zhtidy_status zhtidy_read(const void *data, size_t len, const char *source,
                                     const zhtidy_options *opts, zhtidy_doc **doc,
                                     zhtidy_error *err);

/* As zhtidy_read(), reading the file at PATH.  On ZHTIDY_ERR_IO, errno says
 * why. */
ZHTIDY_API zhtidy_status zhtidy_read_file(const char *path, const zhtidy_options *opts,
                                          zhtidy_doc **doc, zhtidy_error *err);

/* An empty document with no metadata, for building a tree by hand; NULL when
 * out of memory.  Free with zhtidy_doc_free(). */
ZHTIDY_API zhtidy_doc *zhtidy_doc_new(void);
ZHTIDY_API void zhtidy_doc_free(zhtidy_doc *doc);

/* What DOC was parsed from: ZHTIDY_INPUT_TEXT, _HTML or _JSON, or
 * ZHTIDY_INPUT_AUTO for a document built by hand.  A program that reads
 * large inputs can parse, free its input, and then repair what is not a
 * JSON tree, as zhtidy_read() does. */
ZHTIDY_API zhtidy_input zhtidy_doc_input(const zhtidy_doc *doc);

/* Append a block of TYPE (not ZHTIDY_TABLE: see zhtidy_doc_append_table).
 * TEXT (LEN bytes) is copied.  LEVEL is 1-4 for headings, 1-8 for list
 * items, ignored otherwise; FLAGS are ZHTIDY_BLOCK_* (list items); LINE is
 * the input line the block came from (1-based, 0 when unknown; at most
 * 4294967295).  TEXT is at most ZHTIDY_MAX_INPUT bytes. */
ZHTIDY_API zhtidy_status zhtidy_doc_append(zhtidy_doc *doc, zhtidy_block_type type, int level,
                                           unsigned flags, const char *text, size_t len,
                                           unsigned long line);

/* Set metadata; VALUE is copied; NULL or "" clears it.  A file name in
 * another encoding, given as SOURCE, thus reaches no writer as invalid
 * text. */
ZHTIDY_API zhtidy_status zhtidy_doc_set_meta(zhtidy_doc *doc, zhtidy_meta key, const char *value);

/* Metadata, or NULL when unset.  Owned by the document. */
ZHTIDY_API const char *zhtidy_doc_meta(const zhtidy_doc *doc, zhtidy_meta key);

ZHTIDY_API size_t zhtidy_doc_block_count(const zhtidy_doc *doc);
/* Accessors for block I (0-based).  An index past the end gives 0 / NULL. */
ZHTIDY_API zhtidy_block_type zhtidy_doc_block_type(const zhtidy_doc *doc, size_t i);
ZHTIDY_API int zhtidy_doc_block_level(const zhtidy_doc *doc, size_t i);
ZHTIDY_API unsigned zhtidy_doc_block_flags(const zhtidy_doc *doc, size_t i);
ZHTIDY_API unsigned long zhtidy_doc_block_line(const zhtidy_doc *doc, size_t i);
/* The block's UTF-8 text, NUL-terminated; its length in *LEN when LEN is not
 * NULL.  Owned by the document. */
ZHTIDY_API const char *zhtidy_doc_block_text(const zhtidy_doc *doc, size_t i, size_t *len);

/* Script detection: how many characters exist only in Simplified and only in
 * Traditional script, as counted before any conversion. */
ZHTIDY_API void zhtidy_doc_script_counts(const zhtidy_doc *doc, size_t *hans, size_t *hant);

/* ---- tables ---------------------------------------------------------- */

/* A table block is a grid of ROWS rows; a cell may span columns and rows.
 * The first HEADER_ROWS rows are header rows, repeated on each page. */
typedef struct {
    const char *text; /* the cell's text; "" for an empty cell */
    size_t len;
    unsigned colspan, rowspan; /* 1 and more */
    int header;                /* a header cell (<th>) */
} zhtidy_cell;

/* Block I's rows and header rows (0 for a block that is no table). */
ZHTIDY_API size_t zhtidy_doc_table_rows(const zhtidy_doc *doc, size_t i, size_t *header_rows);
/* The cells of row R of table block I, in order; their count in *N. */
ZHTIDY_API const zhtidy_cell *zhtidy_doc_table_row(const zhtidy_doc *doc, size_t i, size_t r,
                                                   size_t *n);

/* Building a table by hand: a new table block at the end (LINE as for
 * zhtidy_doc_append), then rows, then cells of the last row.  Cell text is
 * copied. */
ZHTIDY_API zhtidy_status zhtidy_doc_append_table(zhtidy_doc *doc, size_t header_rows,
                                                 unsigned long line);
ZHTIDY_API zhtidy_status zhtidy_doc_table_add_row(zhtidy_doc *doc);
ZHTIDY_API zhtidy_status zhtidy_doc_table_add_cell(zhtidy_doc *doc, const char *text, size_t len,
                                                   unsigned colspan, unsigned rowspan,
                                                   int header);

/* ---- report ---------------------------------------------------------- */

typedef enum {
    ZHTIDY_CHANGE_REMOVE = 1, /* TEXT was removed                          */
    ZHTIDY_CHANGE_REPLACE,    /* TEXT was replaced by NEW_TEXT             */
    ZHTIDY_CHANGE_INSERT,     /* NEW_TEXT was inserted                     */
    ZHTIDY_CHANGE_FLAG        /* nothing changed; TEXT is worth a look     */
} zhtidy_change_kind;

/* One recorded change.  The strings belong to the report. */
typedef struct {
    const char *rule;    /* "typography.punct"                     */
    unsigned long line;  /* input line, 1-based; 0 for the document */
    zhtidy_change_kind kind;
    const char *text;    /* removed / replaced / flagged text, or "" */
    const char *new_text; /* replacement or insertion, or ""         */
    const char *why;     /* for some rules, what decided it, or ""  */
} zhtidy_change;

/* The document's report; owned by the document, never NULL for a
 * document. */
ZHTIDY_API const zhtidy_report *zhtidy_doc_report(const zhtidy_doc *doc);
ZHTIDY_API size_t zhtidy_report_count(const zhtidy_report *report);
/* Free DOC's report once nothing needs it: a long document records
 * millions of changes.  The text, DOCX and EPUB writers do not read it;
 * zhtidy_write_json() writes what is left (nothing). */
ZHTIDY_API void zhtidy_doc_clear_report(zhtidy_doc *doc);
/* Fill *CHANGE with entry I; ZHTIDY_ERR_ARG when I is out of range. */
ZHTIDY_API zhtidy_status zhtidy_report_get(const zhtidy_report *report, size_t i,
                                           zhtidy_change *change);

/* ---- writers --------------------------------------------------------- */

/* Where a writer's bytes go: called with each piece in order; return 0 when
 * the piece was taken, anything else to stop the writer, which then returns
 * ZHTIDY_ERR_WRITE.  A writer that fails has sent a partial output. */
typedef int (*zhtidy_sink)(void *userdata, const void *data, size_t len);

/* A growing buffer, and the sink that fills it: pass zhtidy_buffer_sink and
 * a zeroed zhtidy_buffer, then free DATA with zhtidy_free(). */
typedef struct {
    char *data; /* NUL-terminated once anything was written */
    size_t len, cap;
} zhtidy_buffer;
ZHTIDY_API int zhtidy_buffer_sink(void *buffer, const void *data, size_t len);

/* Options of each writer.  Call the _init function first: it sets every
 * field to its default, and fields may be added in later versions.  EPOCH
 * is the time written into packages (zip entries, modification dates):
 * SOURCE_DATE_EPOCH from the environment when set and valid, else
 * 1980-01-01, so that the same input gives the same bytes. */
typedef struct {
    int tree; /* the tree dump (one line a block: "h1 …", "p …") instead of text */
} zhtidy_txt_options;

typedef struct {
    int report; /* include the report (default 1) */
} zhtidy_json_options;

typedef enum {
    ZHTIDY_DOCX_PLAIN = 0, /* 宋体 12 pt body, 黑体 headings, A4 */
    ZHTIDY_DOCX_GBT9704    /* GB/T 9704 official documents: 仿宋 16 pt, 28 × 22 grid */
} zhtidy_docx_style;

typedef struct {
    zhtidy_docx_style style;
    int toc;          /* -1 automatic (three headings or more), 0 none, 1 always */
    long long epoch;
    /* A reference document (a .docx file's bytes, a Word template), or
     * NULL: as pandoc's --reference-doc, its styles, theme, font table,
     * numbering definitions and the page of its last section (size,
     * margins, columns, grid) are taken instead of STYLE's; the writer's
     * styles are added for those it lacks (matched by id or by name,
     * "heading 1").  Not copied, it must last until the write returns.
     * One that is not a DOCX gives ZHTIDY_ERR_ARG (see
     * zhtidy_docx_reference_error()). */
    const void *reference_doc;
    size_t reference_doc_len;
} zhtidy_docx_options;

typedef struct {
    int vertical;     /* vertical writing, pages turning right to left */
    long long epoch;
    /* A cover image (PNG, JPEG or GIF, told by its bytes), or NULL; not
     * copied, it must last until the write returns.  Another kind of
     * file gives ZHTIDY_ERR_ARG. */
    const void *cover;
    size_t cover_len;
} zhtidy_epub_options;

ZHTIDY_API void zhtidy_txt_options_init(zhtidy_txt_options *o);
ZHTIDY_API void zhtidy_json_options_init(zhtidy_json_options *o);
ZHTIDY_API void zhtidy_docx_options_init(zhtidy_docx_options *o);
ZHTIDY_API void zhtidy_epub_options_init(zhtidy_epub_options *o);
/* The media type of an image the EPUB writer takes as a cover
 * ("image/png", "image/jpeg", "image/gif"), told by its first bytes; NULL
 * for anything else. */
ZHTIDY_API const char *zhtidy_cover_type(const void *data, size_t len);
/* NULL when DATA (LEN bytes) is a DOCX the DOCX writer takes as its
 * reference_doc; else what is wrong with it, a static English phrase ("not
 * a zip archive, so not a DOCX", "no word/styles.xml in it: not a Word
 * document", "word/styles.xml is not well-formed WordprocessingML
 * styles", "out of memory" ...). */
ZHTIDY_API const char *zhtidy_docx_reference_error(const void *data, size_t len);

/* Write DOC through SINK.  OPTS may be NULL for defaults.
 * Plain text: the title, a blank line, one block a paragraph with a blank
 * line between blocks, LF, a final newline.
 * JSON: the tree, versioned (its format: zhtidy-json(5)); zhtidy_parse() reads
 * it back.
 * DOCX: a WordprocessingML package; EPUB: an EPUB 3 book with an EPUB 2
 * NCX.  Both are built in memory and then sent; they need the document's
 * text once more in memory, compressed. */
ZHTIDY_API zhtidy_status zhtidy_write_txt(const zhtidy_doc *doc, const zhtidy_txt_options *opts,
                                          zhtidy_sink sink, void *userdata);
ZHTIDY_API zhtidy_status zhtidy_write_json(const zhtidy_doc *doc, const zhtidy_json_options *opts,
                                           zhtidy_sink sink, void *userdata);
ZHTIDY_API zhtidy_status zhtidy_write_docx(const zhtidy_doc *doc, const zhtidy_docx_options *opts,
                                           zhtidy_sink sink, void *userdata);
ZHTIDY_API zhtidy_status zhtidy_write_epub(const zhtidy_doc *doc, const zhtidy_epub_options *opts,
                                           zhtidy_sink sink, void *userdata);

/* ---- conversion ------------------------------------------------------ */

/* Convert UTF-8 TEXT with an OpenCC configuration ("s2t", "tw2sp" ... or a
 * .json file name) and store a new NUL-terminated string in *OUT (length in
 * *OUT_LEN when not NULL).  Invalid UTF-8 and NUL bytes are replaced by
 * U+FFFD first.  The configurations OpenCC installs (s2t t2s s2tw tw2s
 * s2twp tw2sp s2hk hk2s t2tw t2hk tw2t hk2t jp2t t2jp, with or without
 * ".json") run on tables built from OpenCC's own files and give OpenCC's
 * output byte for byte; any other name or path is opened by libopencc,
 * loaded on first use (ZHTIDY_ERR_OPENCC when it cannot).
 * The caller frees *OUT with zhtidy_free() (or free()). */
ZHTIDY_API zhtidy_status zhtidy_convert(const char *config, const char *text, size_t len,
                                        char **out, size_t *out_len);

/* Release the libopencc converters the library caches (for configurations
 * that are not built in).  Optional; call once, when no other thread is
 * using the library. */
ZHTIDY_API void zhtidy_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif /* ZHTIDY_H */
