/* SPDX-License-Identifier: MIT */
/* internal.h - shared by the library's source files; not installed. */
#ifndef ZHTIDY_INTERNAL_H
#define ZHTIDY_INTERNAL_H

#include "zhtidy.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- rules (rules.def, rules.c) -------------------------------------- */

typedef enum {
#define ZT_RULE(id, name, help) ZT_R_##id,
#include "rules.def"
#undef ZT_RULE
    ZT_RULE_COUNT
} zt_rule;

/* The rule's name ("typography.punct"); static. */
const char *zt_rule_name(zt_rule rule);

/* ---- growable byte buffer ------------------------------------------- */

typedef struct {
    char *data; /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
    bool failed; /* an allocation failed; later appends do nothing */
} zt_buf;

void zt_buf_init(zt_buf *b);
void zt_buf_free(zt_buf *b);
bool zt_buf_reserve(zt_buf *b, size_t extra);
bool zt_buf_add(zt_buf *b, const char *s, size_t n);
bool zt_buf_addc(zt_buf *b, char c);
bool zt_buf_add_cp(zt_buf *b, int32_t cp);
/* Hand the buffer's bytes to the caller (NUL-terminated, never NULL unless
 * the buffer failed); the buffer is left empty. */
char *zt_buf_take(zt_buf *b, size_t *len);

/* Room for one more element in a growable array: ITEMS holds N of *CAP
 * elements of SIZE bytes; the capacity doubles (from FIRST) when full.
 * Returns the array, perhaps moved, or NULL when out of memory (ITEMS is
 * then left as it was). */
void *zt_grow(void *items, size_t *cap, size_t n, size_t size, size_t first);
/* A value built once for the process by the first caller that succeeds
 * (compiled rule tables): later callers share it.  An allocation failure
 * while building is returned, and the next caller tries again. */
typedef struct {
    pthread_mutex_t lock;
    void *value;
} zt_once;
#define ZT_ONCE_INIT {PTHREAD_MUTEX_INITIALIZER, NULL}
zhtidy_status zt_once_get(zt_once *o, zhtidy_status (*build)(void **value), void **value);

/* N bytes of S as a new NUL-terminated string; NULL when out of memory. */
char *zt_strndup(const char *s, size_t n);

/* ---- UTF-8 ----------------------------------------------------------- */

/* Decode one code point of valid UTF-8 at S[*I], advance *I.  Inline: every
 * pass walks its text with it. */
static inline int32_t zt_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t left = len - *i;
    int32_t cp = u[0];
    if (cp < 0x80) {
        *i += 1;
        return cp;
    }
    if (cp >= 0xF0 && left >= 4) {
        *i += 4;
        return ((cp & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    if (cp >= 0xE0 && left >= 3) {
        *i += 3;
        return ((cp & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    if (cp >= 0xC0 && left >= 2) {
        *i += 2;
        return ((cp & 0x1F) << 6) | (u[1] & 0x3F);
    }
    *i += 1;
    return cp;
}
/* Code point ending just before S[I]; its start in *START. */
int32_t zt_utf8_prev(const char *s, size_t i, size_t *start);
/* Encode CP into OUT (4 bytes room); returns the byte count. */
int zt_utf8_encode(int32_t cp, char *out);
/* Length of a valid sequence starting at S, or 0 when invalid there. */
size_t zt_utf8_valid_len(const unsigned char *s, size_t n);
size_t zt_utf8_count(const char *s, size_t len);
/* A copy of S[0..N) in valid UTF-8: every byte that starts no valid
 * sequence (overlong forms, surrogates and NUL included) becomes U+FFFD.
 * The one path by which text from outside the decoder enters a document.
 * NULL when out of memory. */
char *zt_utf8_sanitize(const char *s, size_t n, size_t *out_len);

static inline bool zt_is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}
bool zt_is_cjk_punct(int32_t cp);
static inline bool zt_is_cjk(int32_t cp) { return zt_is_han(cp) || zt_is_cjk_punct(cp); }
static inline bool zt_is_ascii_alnum(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}
static inline bool zt_is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F;
}

/* ---- report ---------------------------------------------------------- */

/* One change, in 32 bytes: a long document records millions. */
struct zt_change {
    const char *text;     /* in the report's arena, the document's, or the report's own */
    const char *new_text;
    const char *why;      /* in the arena, or a static "" */
    uint32_t line;        /* inputs stay under 1 GiB, so lines fit */
    uint16_t rule;        /* a zt_rule */
    uint8_t kind;         /* a zhtidy_change_kind */
};

struct zt_arena_chunk;

struct zhtidy_report {
    struct zt_change **items; /* in chunks of a few thousand: no copying as it grows */
    size_t n, item_chunks, chunks_cap;
    struct zt_arena_chunk *chunks; /* the entries' strings live here */
    size_t chunk_used, chunk_size;
    char **owned; /* or here: texts of removed blocks, handed over whole */
    size_t n_owned, cap_owned;
};

void zt_report_free(struct zhtidy_report *r);
zhtidy_status zt_report_add(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                            zhtidy_change_kind kind, const char *text, size_t text_len,
                            const char *new_text, size_t new_len);
/* Record the removal of TEXT (LEN bytes, NUL-terminated there) without a
 * copy: TEXT lasts as long as the report (the document's arena), or with
 * OWN it is the report's to free from now on, even when this fails. */
zhtidy_status zt_report_take(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                             char *text, size_t len, bool own);
/* Say what decided the last change recorded (the features a classifier
 * weighed); WHY is copied. */
zhtidy_status zt_report_why(struct zhtidy_report *r, const char *why, size_t len);
/* The same, WHY a string that lives as long as the program: not copied. */
zhtidy_status zt_report_why_static(struct zhtidy_report *r, const char *why);
/* Record the change from OLD to NEW as the smallest replaced span(s). */
zhtidy_status zt_report_diff(struct zhtidy_report *r, zt_rule rule, unsigned long line,
                             const char *old, size_t old_len, const char *new_text,
                             size_t new_len);

/* A pass that rewrites a block's text builds the new text in OUT, calling
 * zt_edit_change() for each change so that it lands in the report. */
typedef struct {
    zt_buf out;
    struct zhtidy_report *report;
    unsigned long line;
    zhtidy_status status;
    size_t changes;
} zt_edit;

void zt_edit_start(zt_edit *e, struct zhtidy_report *report, unsigned long line, size_t hint);
void zt_edit_change(zt_edit *e, zt_rule rule, const char *old, size_t old_len,
                    const char *new_text, size_t new_len);
struct zt_block;
/* Store the new text in B when anything changed; frees the buffer. */
zhtidy_status zt_edit_finish(zt_edit *e, struct zt_block *b);

/* ---- match form and patterns (match.c) ------------------------------ */

typedef struct {
    int32_t *k;       /* folded code points, spaces dropped */
    uint32_t *start;  /* where in the original each one starts */
    const char *text; /* the original */
    size_t n;
} zt_key;

/* One past the last byte of key character I in the original. */
static inline size_t zt_key_end(const zt_key *k, size_t i)
{
    unsigned c = (unsigned char)k->text[k->start[i]];
    return k->start[i] + (c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2);
}

typedef struct {
    int32_t *cp;
    size_t n;
} zt_pattern;

bool zt_key_build(zt_key *key, const char *text, size_t len);
void zt_key_free(zt_key *key);
bool zt_pattern_compile(zt_pattern *p, const char *utf8);
void zt_pattern_free(zt_pattern *p);
/* Does P match at key index AT?  *END is one past the match. */
bool zt_key_match(const zt_key *k, size_t at, const zt_pattern *p, size_t *end);
/* The first non-empty match at or after FROM. */
bool zt_key_find(const zt_key *k, size_t from, const zt_pattern *p, size_t *at, size_t *end);
/* ASCII digits and the Chinese numerals 零〇一二三四五六七八九十百千两. */
static inline bool zt_is_numeral(int32_t cp)
{
    if (cp < 0x3007)
        return cp >= '0' && cp <= '9';
    switch (cp) {
    case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB:
    case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
    case 0x767E: case 0x5343: case 0x4E24:
        return true;
    }
    return false;
}

/* ---- site furniture rule table (furniture_rules.c) -------------------- */

typedef enum {
    ZT_WHOLE_BLOCK, /* the pattern must cover the block (trailing , . etc. allowed) */
    ZT_BLOCK_START, /* a prefix of the block */
    ZT_ANYWHERE     /* wherever it occurs, also glued inside a sentence */
} zt_where;

typedef enum {
    ZT_ACT_REMOVE,  /* remove what matched */
    ZT_ACT_SUMMARY, /* a marker: the block after it is a site summary */
    ZT_ACT_LIST,    /* a marker: the list items after it belong to it */
    ZT_ACT_META,    /* category and keyword lines: into the metadata */
    ZT_ACT_META_KEEP, /* a keyword line: into the metadata, and kept */
    ZT_ACT_TITLE    /* a page-title line: its title is a title candidate */
} zt_action;

typedef struct {
    zt_rule rule;
    const char *pattern; /* match-form pattern, see match.c */
    zt_where where;
    zt_action action;
} zt_furniture;

extern const zt_furniture zt_furniture_table[];
extern const size_t zt_furniture_count;

/* ---- glyph fixes (glyph_rules.c) -------------------------------------- */

typedef struct {
    const char *from, *to;
} zt_glyph_fix;

extern const zt_glyph_fix zt_glyph_table[];
extern const size_t zt_glyph_count;
extern const char *const zt_html_tags[];

/* ---- text analysis (text.c) ----------------------------------------- */

/* Where a sentence ends: 。！？；!?; */
bool zt_sentence_end(int32_t c);
/* A block that ends with C is complete: a sentence end, a colon, an
 * ellipsis, a closing quotation mark or bracket. */
bool zt_block_complete(int32_t c);
/* A sentence end or a comma: text holding one reads as a sentence. */
bool zt_clause_punct(int32_t c);
bool zt_has_clause_punct(const char *t, size_t len);
/* A line that starts with C continues the one before: ，。、；：？！） */
bool zt_continues_line(int32_t c);
/* The first 目录 / 目錄 in T, or NULL. */
const char *zt_find_toc_marker(const char *t, size_t len);
/* T is the marker alone (spaces allowed); T starts with it. */
bool zt_toc_marker_line(const char *t, size_t len);
bool zt_starts_toc_marker(const char *t, size_t len);
/* Word field codes: TOC \o "1-4" \h \z \u.  Does T hold one; skip spaces
 * and field codes from T[P]. */
bool zt_has_field_code(const char *t, size_t len);
size_t zt_skip_field_codes(const char *t, size_t len, size_t p);
/* The bytes of a Word field code at T[P] (TOC \o "1-3" \h, PAGEREF _Toc12
 * \h, HYPERLINK \l "_Toc12", _Toc12 and the bookmark digits glued to
 * them), or 0. */
size_t zt_field_code_at(const char *t, size_t len, size_t p);
/* 零〇一二…十百千两, not digits. */
bool zt_is_cn_numeral(int32_t c);
/* The counter a site puts before each chunk of a mirrored document, "N、"
 * at the start of T: its bytes (0 when none), N in *N, the digits' bytes in
 * *DIGITS. */
size_t zt_chunk_counter(const char *t, size_t len, long *n, size_t *digits);

typedef enum {
    ZT_NUM_NONE = 0,
    ZT_NUM_CN_DUN,   /* 一、 */
    ZT_NUM_CN_PAREN, /* （一） (一) */
    ZT_NUM_AR_DUN,   /* 1、 1. 1． */
    ZT_NUM_AR_PAREN, /* （1） (1) */
    ZT_NUM_CIRCLED,  /* ① */
    ZT_NUM_CHAPTER,  /* 第一章 */
    ZT_NUM_SECTION,  /* 第一节 */
    ZT_NUM_PART,     /* 第一部分 */
    ZT_NUM_PLAIN,    /* no numbering: a heading line before a sub-list */
    ZT_NUM_STYLES
} zt_num_style;

typedef struct {
    zt_num_style style;
    long value;
    size_t len; /* bytes of the numbering itself */
} zt_num;

/* Heading numbering at T[POS]? */
bool zt_numbering(const char *t, size_t len, size_t pos, zt_num *out);

/* Heading or list numbering at the start of T, also in the looser forms
 * lists use: 一是 一. 1 (space) （1 (unclosed) 第一 (no unit). */
bool zt_starts_numbered(const char *t, size_t len);

/* ---- document -------------------------------------------------------- */

struct zt_table;

/* A block, in 32 bytes: a page of short lines has nearly as many blocks
 * as it has characters.  An input stays under 1 GiB, so lengths and line
 * numbers fit 32 bits. */
struct zt_block {
    char *text;             /* NUL-terminated; owned unless BORROWED */
    struct zt_table *table; /* ZHTIDY_TABLE only */
    uint32_t len;
    uint32_t line;
    uint8_t type;           /* a zhtidy_block_type */
    uint8_t level;
    uint8_t flags;          /* ZHTIDY_BLOCK_* */
    bool borrowed;          /* TEXT lies in the document's arena (the decoded input) */
    bool dead;              /* removed; swept by zt_doc_drop_empty() */
};

/* Text the repair passes work on: headings, paragraphs and list items.
 * Code stays verbatim; tables are handled cell by cell where a pass does. */
static inline bool zt_is_text(const struct zt_block *b)
{
    return !b->dead && (b->type == ZHTIDY_PARAGRAPH || b->type == ZHTIDY_HEADING ||
                        b->type == ZHTIDY_LIST_ITEM);
}

/* Free a block's text (unless it lies in the arena) and table. */
void zt_block_free(struct zt_block *b);

/* A table-of-contents entry: its text without numbering or page number. */
struct zt_toc_entry {
    char *text;
    size_t len;
    zt_num_style style;
    long value;
};

struct zhtidy_doc {
    struct zt_block *blocks;
    size_t n, cap;
    size_t table_at;       /* the table zhtidy_doc_table_add_* fill, + 1; 0: none */
    char *meta[ZHTIDY_META_COUNT];
    char *arena; /* the decoded input, split into lines in place: the first
                    blocks' texts lie here, and no block needs an allocation
                    of its own until a pass rewrites it */
    size_t arena_len;
    struct zhtidy_report report;
    zhtidy_input input; /* what the document was parsed from */
    size_t hans, hant; /* script evidence */
    size_t tw, hk;     /* regional-form evidence among Traditional text */
};

/* Replace block I's text with TEXT (ownership passes to the document). */
void zt_block_set_text(struct zt_block *b, char *text, size_t len);
/* Cell C of row R of table block B, for a pass to rewrite its text (owned
 * by the table); NULL past the end. */
zhtidy_cell *zt_table_cell(struct zt_block *b, size_t r, size_t c);
/* Remove bytes [FROM, TO) of block I, recording them under RULE. */
zhtidy_status zt_block_cut(zhtidy_doc *doc, size_t i, size_t from, size_t to, zt_rule rule);
/* Remove the blocks a pass left empty, in one sweep.  The pipeline sweeps
 * after every pass; a pass that looks at neighbours after removing blocks
 * sweeps itself first. */
void zt_doc_drop_empty(zhtidy_doc *doc);
/* Remove block I: it is emptied in place (constant time) and swept by the
 * next zt_doc_drop_empty(); until then it stands as an empty block. */
void zt_doc_remove(zhtidy_doc *doc, size_t i);
/* When most of the arena's text has been rewritten elsewhere, move what
 * still lies there to allocations of its own and free the arena. */
zhtidy_status zt_doc_compact(zhtidy_doc *doc);
/* Copy the report's texts that lie in [FROM, FROM + LEN) into its own
 * storage. */
zhtidy_status zt_report_rehome(struct zhtidy_report *r, const char *from, size_t len);
/* Remove block I and record its text under RULE, with WHY (WHY_LEN bytes)
 * when there is one; the report keeps the text without copying it. */
zhtidy_status zt_block_drop(zhtidy_doc *doc, size_t i, zt_rule rule, const char *why,
                            size_t why_len);
/* Insert a block at I, taking ownership of TEXT (freed on failure). */
zhtidy_status zt_doc_insert(zhtidy_doc *doc, size_t i, zhtidy_block_type type, int level,
                            char *text, size_t len, unsigned long line);
/* Append block B, taking ownership of what it holds (freed on failure). */
zhtidy_status zt_doc_push(zhtidy_doc *doc, struct zt_block *b);

/* ---- options and passes --------------------------------------------- */

struct zhtidy_options {
    unsigned flags;
    zhtidy_script script;
    zhtidy_input input;
    const char *encoding; /* iconv name, static; NULL: detect */
    bool off[ZT_RULE_COUNT];
    char *meta[ZHTIDY_META_COUNT]; /* what the user said, over what was found */
};

/* Everything a pass sees, and what passes hand on to later passes. */
typedef struct {
    zhtidy_doc *doc;
    const zhtidy_options *opts;
    char *title_hint;         /* a title the furniture named (标题_第N页, 《…》) */
    struct zt_toc_entry *toc; /* the table of contents, for the headings */
    size_t toc_n, toc_cap;
} zt_ctx;

/* Set on DOC the metadata OPTS were given (zhtidy_options_set_meta). */
zhtidy_status zt_apply_meta(zhtidy_doc *doc, const zhtidy_options *opts);

/* Free what the passes left in CTX (not the document or options). */
void zt_ctx_free(zt_ctx *ctx);

/* Is the rule on? */
static inline bool zt_rule_on(const zhtidy_options *opts, zt_rule rule)
{
    return !opts->off[rule];
}

/* Run every pass, in order. */
zhtidy_status zt_run_passes(zt_ctx *ctx);

/* The passes, one file each. */
zhtidy_status zt_pass_unicode(zt_ctx *ctx);
zhtidy_status zt_pass_lines(zt_ctx *ctx);
zhtidy_status zt_pass_furniture(zt_ctx *ctx);
/* Part of the furniture pass: scripts pasted into the text (scripts.c). */
zhtidy_status zt_cut_scripts(zhtidy_doc *doc);
zhtidy_status zt_pass_detector(zt_ctx *ctx);
zhtidy_status zt_pass_repeats(zt_ctx *ctx);
zhtidy_status zt_pass_fragments(zt_ctx *ctx);
zhtidy_status zt_pass_summary(zt_ctx *ctx);
zhtidy_status zt_pass_glyphs(zt_ctx *ctx);
zhtidy_status zt_pass_title(zt_ctx *ctx);
zhtidy_status zt_pass_toc(zt_ctx *ctx);
zhtidy_status zt_pass_headings(zt_ctx *ctx);
zhtidy_status zt_pass_typography(zt_ctx *ctx);
zhtidy_status zt_pass_script(zt_ctx *ctx);


/* ---- reading (parse.c, json_read.c, html.c) -------------------------- */

/* The version of the JSON tree format (zhtidy-json(5)). */
#define ZT_JSON_VERSION 1

/* Fill ERR (when not NULL) with STATUS, a place and a message. */
__attribute__((format(printf, 5, 6))) void zt_error_set(zhtidy_error *err, zhtidy_status st,
                                                        unsigned long line, unsigned long column,
                                                        const char *fmt, ...);
/* Make ERR's message the one line of UTF-8 the header promises, whatever
 * input text it quotes (zt_error_set does it). */
void zt_error_tidy(zhtidy_error *err);
zhtidy_status zt_json_read(zhtidy_doc *doc, const unsigned char *data, size_t len,
                           zhtidy_error *err);
/* Does DATA look like HTML: a doctype, <html>, <head> or <body> first? */
bool zt_html_sniff(const unsigned char *data, size_t len);
zhtidy_status zt_html_read(zhtidy_doc *doc, const unsigned char *data, size_t len,
                           const zhtidy_options *opts, zhtidy_error *err);

/* ---- the tree as the DOCX and EPUB writers lay it out (layout.c) -------- */

/* The kinds of block DOC holds: bit 1 << T for each zhtidy_block_type T. */
unsigned zt_block_kinds(const zhtidy_doc *doc);

/* List items nest as HTML nests lists: a run of consecutive items is a
 * list; an item one level deeper than the one before starts a list inside
 * it (a deeper jump nests one step only); an item of the other kind
 * (ordered or not) than its list starts a new list at its level. */
typedef struct {
    int depth;       /* the lists open, 0 outside a list */
    bool ordered[8]; /* the kind of each */
} zt_list_walk;
/* Walk block I, the blocks being walked in order from a zeroed state: the
 * depth (1-8) of a list item, with *START true when it starts a list at
 * that depth; 0 for any other block, which ends the lists. */
int zt_list_step(zt_list_walk *w, const zhtidy_doc *doc, size_t i, bool *start);

/* The rows cell C of row R of table block I spans: at most to the end of
 * its row group (the header rows, or the body) as HTML ends a row span. */
size_t zt_cell_rows(const zhtidy_doc *doc, size_t i, size_t r, const zhtidy_cell *c);

/* ---- writers' output (out.c) -------------------------------------------- */

/* A writer's bytes, buffered on their way to the caller's sink.  After a
 * failure (the sink refused, or STATUS set by the writer) nothing more is
 * sent. */
typedef struct {
    zhtidy_sink sink;
    void *userdata;
    zhtidy_status status;
    size_t n;
    char buf[65536];
} zt_out;

void zt_out_init(zt_out *o, zhtidy_sink sink, void *userdata);
void zt_out_add(zt_out *o, const void *data, size_t len);
void zt_out_puts(zt_out *o, const char *s);
/* Send what is buffered; the status of the whole output. */
zhtidy_status zt_out_finish(zt_out *o);

/* ---- decoding -------------------------------------------------------- */

/* Decode DATA into valid UTF-8 with LF line ends and no BOM.  *OUT is
 * malloc'd; *ENCODING names what was used (static string); *INVALID counts
 * the sequences replaced by U+FFFD, each also recorded in REPORT. */
zhtidy_status zt_decode(const unsigned char *data, size_t len, const char *forced,
                        struct zhtidy_report *report, char **out, size_t *out_len,
                        const char **encoding);

/* Is CP one of the most frequent Chinese characters (either script)? */
bool zt_common_char(int32_t cp);

/* Script tables, generated at build time from OpenCC's dictionaries. */
bool zt_script_is_hans_only(int32_t cp);
bool zt_script_is_hant_only(int32_t cp);
/* The Simplified form of a Traditional character, else CP.  Call
 * zt_script_init() once before the first use. */
extern uint16_t zt_fold_table[0x10000];
static inline int32_t zt_script_fold(int32_t cp)
{
    if (cp < 0x3400 || cp > 0xFFFF)
        return cp;
    return zt_fold_table[cp] ? zt_fold_table[cp] : cp;
}
void zt_script_init(void);
/* Script classes of a character, from OpenCC's tables. */
enum { ZT_HANS_ONLY = 1, ZT_HANT_ONLY = 2, ZT_TW_FORM = 4, ZT_HK_FORM = 8 };
unsigned zt_script_class(int32_t cp);
/* For a rare non-BMP form that t2s produces, the common character it came
 * from; 0 when CP is not such a form. */
int32_t zt_script_rare_source(int32_t cp);

#endif
