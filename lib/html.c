/* SPDX-License-Identifier: MIT */
/* html.c - saved web pages. */
#include "internal.h"

#include <string.h>
#include <strings.h>

bool zt_html_sniff(const unsigned char *data, size_t len)
{
    (void)data;
    (void)len;
    return false;
}

zhtidy_status zt_html_read(zhtidy_doc *doc, const unsigned char *data, size_t len,
                           const zhtidy_options *opts, zhtidy_error *err)
{
    (void)doc;
    (void)data;
    (void)len;
    (void)opts;
    zt_error_set(err, ZHTIDY_ERR_ARG, 0, 0, "HTML input is not read yet");
    return ZHTIDY_ERR_ARG;
}
