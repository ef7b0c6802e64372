/* SPDX-License-Identifier: MIT */
/* convert.h - OpenCC's configurations on the library's own tables
 * (lib/convert.c); not installed. */
#ifndef ZHTIDY_CONVERT_H
#define ZHTIDY_CONVERT_H

#include "internal.h"

typedef struct zt_cc_config zt_cc_config;

/* The built-in configuration called NAME ("s2t" or "s2t.json"), or NULL
 * when NAME is none of them. */
const zt_cc_config *zt_cc_find(const char *name);

/* Convert TEXT (LEN bytes of valid UTF-8 without NUL bytes) as OpenCC does
 * with configuration C; *OUT is malloc'd and NUL-terminated, its length in
 * *OUT_LEN.  ZHTIDY_ERR_NOMEM, with *OUT NULL, when out of memory. */
zhtidy_status zt_cc_convert(const zt_cc_config *c, const char *text, size_t len, char **out,
                            size_t *out_len);

#endif
