/* SPDX-License-Identifier: MIT */
/* package.h - XML parts and zip packages, for the DOCX and EPUB writers. */
#ifndef ZHTIDY_PACKAGE_H
#define ZHTIDY_PACKAGE_H

#include "internal.h"

/* The date of EPOCH as ISO 8601 UTC (CCYY-MM-DDThh:mm:ssZ) in OUT. */
void zt_iso_date(long long epoch, char out[32]);
/* Is S a date as W3CDTF writes one, CCYY, CCYY-MM or CCYY-MM-DD (what
 * dc:date and dcterms:created take)? */
bool zt_w3c_date(const char *s);
/* SOURCE_DATE_EPOCH when set and valid, else 1980-01-01, the earliest a
 * zip entry can say. */
long long zt_default_epoch(void);

/* ---- XML, through libxml2's text writer ------------------------------ */

typedef struct xmlw xmlw;

/* Initialise libxml2, once for the process, before it parses anything
 * (xw_new() does it for the writer). */
void zt_xml_init(void);

/* A new XML document in memory, with its declaration written. */
xmlw *xw_new(void);
void xw_free(xmlw *x);
/* Mark the part as failed: memory its maker needed ran out, and the part
 * must not be written without what it left out. */
void xw_fail(xmlw *x);
void xw_start(xmlw *x, const char *name);
void xw_attr(xmlw *x, const char *name, const char *value);
void xw_attr_int(xmlw *x, const char *name, long value);
/* Text content.  Characters XML 1.0 forbids are left out (the driver has
 * warned of them already). */
void xw_text(xmlw *x, const char *text, size_t len);
void xw_end(xmlw *x);
/* Raw markup (a doctype), written as is. */
void xw_raw(xmlw *x, const char *markup);
/* An element with only text content: <NAME>TEXT</NAME>. */
void xw_elem_text(xmlw *x, const char *name, const char *text);
/* An element with one attribute and no content: <NAME ATTR="VALUE"/>. */
void xw_elem_attr(xmlw *x, const char *name, const char *attr, const char *value);
/* Close every element and the document; the bytes are added to OUT. */
bool xw_finish(xmlw *x, zt_buf *out);

/* ---- zip packages, through libzip ------------------------------------- */

typedef struct zipw zipw;

/* A new archive in memory; every entry gets the DOS time of EPOCH (UTC).
 * Initialises libxml2 and libzip's users once, whatever the thread. */
zipw *zipw_new(long long epoch);
/* Add an entry (DATA is copied).  STORE keeps it uncompressed. */
bool zipw_add(zipw *z, const char *name, const void *data, size_t len, bool store);
/* Add an XML part made with xw_* (its bytes are handed over, not copied),
 * and free it. */
bool zipw_add_xml(zipw *z, const char *name, xmlw *x);
/* Add an XML part that MAKE (called with CTX) writes only when the archive
 * is closed, one such part at a time: the chapters of a long book are not
 * all in memory at once.  CTX must live until zipw_finish(). */
typedef xmlw *(*zipw_maker)(const void *ctx, size_t arg);
bool zipw_add_later(zipw *z, const char *name, zipw_maker make, const void *ctx, size_t arg);
/* Add an XML part written piece by piece while the archive is closed: STEP
 * (called with CTX) writes the next piece into the xmlw it is given and
 * returns false when the part is complete; RESTART sets CTX back to the
 * first piece.  The part is written twice (once to learn its size), and
 * never held whole in memory.  CTX must live until zipw_finish(). */
typedef bool (*zipw_step)(void *ctx, xmlw *x);
typedef void (*zipw_restart)(void *ctx);
bool zipw_add_stream(zipw *z, const char *name, zipw_step step, zipw_restart restart, void *ctx);
/* Close the archive and send its bytes to SINK; frees Z. */
zhtidy_status zipw_finish(zipw *z, zhtidy_sink sink, void *userdata);
void zipw_free(zipw *z);

#endif
