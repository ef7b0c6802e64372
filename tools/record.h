/* SPDX-License-Identifier: MIT */
/* record.h - JSON records about documents, for the JSONL stream and --log. */
#ifndef ZHTIDY_RECORD_H
#define ZHTIDY_RECORD_H

#include <json-c/json.h>

#include "zhtidy.h"

/* {"rule": count, ...}: the changes of DOC's report per rule, in the order
 * of the rule table; NULL when out of memory. */
json_object *record_rule_counts(const zhtidy_doc *doc);
/* A JSON string of S, or NULL (JSON null) when S is NULL. */
json_object *record_string(const char *s);
/* OBJ as one line of compact JSON with its newline, malloc'ed; its length
 * in *LEN; NULL when out of memory. */
char *record_line(json_object *obj, size_t *len);

#endif
