/* SPDX-License-Identifier: MIT */
/*
 * zhtidy.h - repair Chinese text scraped from document-sharing sites.
 *
 * libzhtidy reads raw bytes, decodes them, runs an ordered list of repair
 * passes and returns a document tree: metadata plus an ordered list of
 * blocks (headings and paragraphs).  Writers for DOCX, EPUB and plain text
 * walk that tree; they live beside the library, not in it.
 *
 * Conventions
 *  - Every public name starts with zhtidy_ / ZHTIDY_.
 *  - Functions that can fail return a zhtidy_status; zhtidy_strerror() gives
 *    a message for it.  The library never prints and never aborts; an
 *    allocation failure comes back as ZHTIDY_ERR_NOMEM.
 *  - Text in and out is UTF-8.  Pointers returned by accessors of a
 *    zhtidy_doc are owned by the document and stay valid until the document
 *    is changed or freed; never free them yourself.
 *  - Every change a pass makes is recorded in the document's report, with the
 *    rule's name and the input line, so that nothing disappears unaccounted.
 */
#ifndef ZHTIDY_H
#define ZHTIDY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZHTIDY_VERSION_STRING "0.1.0"

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
    ZHTIDY_ERR_TOO_BIG = -7   /* input larger than the library handles     */
} zhtidy_status;

/* A static English message for a status; never NULL. */
ZHTIDY_API const char *zhtidy_strerror(zhtidy_status status);

/* The library's version, e.g. "0.1.0"; static, never NULL. */
ZHTIDY_API const char *zhtidy_version(void);

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

/* New options with every rule on, automatic encoding detection and no
 * conversion.  Returns NULL when out of memory.  Free with
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

/* Switch a rule off.  NAME is a rule name ("typography.comma") or a pass
 * name ("typography"), which switches off all of that pass's rules.
 * ZHTIDY_ERR_ARG when no rule has that name. */
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
    ZHTIDY_HEADING = 2 /* levels 1-4 */
} zhtidy_block_type;

typedef enum {
    ZHTIDY_META_TITLE = 0,
    ZHTIDY_META_LANG,     /* BCP 47 tag: zh-CN, zh-TW, zh-HK, zh-Hans, zh-Hant */
    ZHTIDY_META_KEYWORDS, /* comma-separated */
    ZHTIDY_META_SOURCE,   /* the input's name, as given to zhtidy_read()     */
    ZHTIDY_META_CATEGORY,
    ZHTIDY_META_ENCODING, /* the encoding the input was decoded from */
    ZHTIDY_META_COUNT
} zhtidy_meta;

/* The largest input the library reads: 1 GiB, far beyond any scraped
 * document, and small enough that every count and offset is safe.  A
 * larger input gives ZHTIDY_ERR_TOO_BIG. */
#define ZHTIDY_MAX_INPUT ((size_t)1 << 30)

/* Decode DATA (LEN bytes), run every pass that OPTS leaves on (NULL means
 * defaults) and store a new document in *DOC.  SOURCE names the input in the
 * metadata and may be NULL.  On failure *DOC is NULL.  The caller owns the
 * document and frees it with zhtidy_doc_free(). */
ZHTIDY_API zhtidy_status zhtidy_read(const void *data, size_t len, const char *source,
                          const zhtidy_options *opts, zhtidy_doc **doc);

/* As zhtidy_read(), reading the file at PATH.  On ZHTIDY_ERR_IO, errno says
 * why. */
ZHTIDY_API zhtidy_status zhtidy_read_file(const char *path, const zhtidy_options *opts,
                               zhtidy_doc **doc);

/* An empty document with no metadata, for building a tree by hand; NULL when
 * out of memory.  Free with zhtidy_doc_free(). */
ZHTIDY_API zhtidy_doc *zhtidy_doc_new(void);
ZHTIDY_API void zhtidy_doc_free(zhtidy_doc *doc);

/* Append a block.  TEXT (LEN bytes of UTF-8) is copied; a byte that starts
 * no valid sequence becomes U+FFFD.  LEVEL is 1-4
 * for headings and ignored for paragraphs; LINE is the input line the block
 * came from (1-based, 0 when unknown). */
ZHTIDY_API zhtidy_status zhtidy_doc_append(zhtidy_doc *doc, zhtidy_block_type type, int level,
                                const char *text, size_t len, unsigned long line);

/* Set metadata; VALUE (UTF-8) is copied, a byte that starts no valid
 * sequence becoming U+FFFD; NULL or "" clears it.  A file name in another
 * encoding, given as SOURCE, thus reaches no writer as invalid text. */
ZHTIDY_API zhtidy_status zhtidy_doc_set_meta(zhtidy_doc *doc, zhtidy_meta key, const char *value);

/* Metadata, or NULL when unset.  Owned by the document. */
ZHTIDY_API const char *zhtidy_doc_meta(const zhtidy_doc *doc, zhtidy_meta key);

ZHTIDY_API size_t zhtidy_doc_block_count(const zhtidy_doc *doc);
/* Accessors for block I (0-based).  An index past the end gives 0 / NULL. */
ZHTIDY_API zhtidy_block_type zhtidy_doc_block_type(const zhtidy_doc *doc, size_t i);
ZHTIDY_API int zhtidy_doc_block_level(const zhtidy_doc *doc, size_t i);
ZHTIDY_API unsigned long zhtidy_doc_block_line(const zhtidy_doc *doc, size_t i);
/* The block's UTF-8 text, NUL-terminated; its length in *LEN when LEN is not
 * NULL.  Owned by the document. */
ZHTIDY_API const char *zhtidy_doc_block_text(const zhtidy_doc *doc, size_t i, size_t *len);

/* Script detection: how many characters exist only in Simplified and only in
 * Traditional script, as counted before any conversion. */
ZHTIDY_API void zhtidy_doc_script_counts(const zhtidy_doc *doc, size_t *hans, size_t *hant);

/* ---- report ---------------------------------------------------------- */

typedef enum {
    ZHTIDY_CHANGE_REMOVE = 1, /* TEXT was removed                          */
    ZHTIDY_CHANGE_REPLACE,    /* TEXT was replaced by NEW_TEXT             */
    ZHTIDY_CHANGE_INSERT,     /* NEW_TEXT was inserted                     */
    ZHTIDY_CHANGE_FLAG        /* nothing changed; TEXT is worth a look     */
} zhtidy_change_kind;

/* One recorded change.  The strings belong to the report. */
typedef struct {
    const char *rule;    /* "typography.comma"                     */
    unsigned long line;  /* input line, 1-based; 0 for the document */
    zhtidy_change_kind kind;
    const char *text;    /* removed / replaced / flagged text, or "" */
    const char *new_text; /* replacement or insertion, or ""         */
} zhtidy_change;

/* The document's report; owned by the document, never NULL for a document
 * made by zhtidy_read(). */
ZHTIDY_API const zhtidy_report *zhtidy_doc_report(const zhtidy_doc *doc);
ZHTIDY_API size_t zhtidy_report_count(const zhtidy_report *report);
/* Fill *CHANGE with entry I; ZHTIDY_ERR_ARG when I is out of range. */
ZHTIDY_API zhtidy_status zhtidy_report_get(const zhtidy_report *report, size_t i,
                                zhtidy_change *change);

/* ---- conversion ------------------------------------------------------ */

/* Convert UTF-8 TEXT with an OpenCC configuration ("s2t", "tw2sp" ... or a
 * .json file name) and store a new NUL-terminated string in *OUT (length in
 * *OUT_LEN when not NULL).  Invalid UTF-8 and NUL bytes are replaced by
 * U+FFFD first.  The configurations OpenCC installs (s2t t2s s2tw tw2s
 * s2twp tw2sp s2hk hk2s t2tw t2hk tw2t hk2t jp2t t2jp, with or without
 * ".json") run on tables built from OpenCC's own files and give OpenCC's
 * output byte for byte; any other name or path is opened by libopencc,
 * loaded on first use (ZHTIDY_ERR_OPENCC when it cannot).
 * The caller frees *OUT with free(). */
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
