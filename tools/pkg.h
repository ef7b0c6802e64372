/* SPDX-License-Identifier: MIT */
/* pkg.h - XML parts and zip packages, for the DOCX and EPUB writers. */
#ifndef ZHTIDY_PKG_H
#define ZHTIDY_PKG_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Initialise libxml2 once, in the main thread, before worker threads use
 * it: left to the first call, two threads can both do it. */
void pkg_init(void);

/* ---- XML, through libxml2's text writer ------------------------------ */

typedef struct xmlw xmlw;

/* A new XML document in memory, with its declaration written. */
xmlw *xw_new(void);
void xw_free(xmlw *x);
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
bool xw_finish(xmlw *x, obuf *out);

/* ---- zip packages, through libzip ------------------------------------- */

typedef struct zipw zipw;

/* A new archive in memory; every entry gets the DOS time of EPOCH (UTC). */
zipw *zipw_new(long long epoch);
/* Add an entry (DATA is copied).  STORE keeps it uncompressed. */
bool zipw_add(zipw *z, const char *name, const void *data, size_t len, bool store);
/* Add an XML part made with xw_*, and free it. */
bool zipw_add_xml(zipw *z, const char *name, xmlw *x);
/* Close the archive and add its bytes to OUT; frees Z. */
bool zipw_finish(zipw *z, obuf *out, char *err, size_t errlen);
void zipw_free(zipw *z);

#endif
