/* SPDX-License-Identifier: MIT */
/* record.c - what a document says about itself, as JSON members: the
 * count of changes per rule, and the detected script.  The JSONL stream
 * and the --log file share them. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* {"rule": count, ...} in the order of the rule table; rules that changed
 * nothing are left out.  Each change is looked up among the sorted rule
 * names: a long document records millions of changes. */
json_object *record_rule_counts(const zhtidy_doc *doc)
{
    size_t n = 0;
    while (zhtidy_rule_name(n))
        n++;
    const char **sorted = malloc((n ? n : 1) * sizeof *sorted);
    size_t *counts = calloc(n ? n : 1, sizeof *counts);
    json_object *out = json_object_new_object();
    if (!sorted || !counts || !out) {
        free(sorted);
        free(counts);
        json_object_put(out);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = zhtidy_rule_name(i);
    qsort(sorted, n, sizeof *sorted, by_name);
    const zhtidy_report *r = zhtidy_doc_report(doc);
    zhtidy_change c;
    for (size_t k = 0; !zhtidy_report_get(r, k, &c); k++) {
        const char **hit = bsearch(&c.rule, sorted, n, sizeof *sorted, by_name);
        if (hit)
            counts[hit - sorted]++;
    }
    for (size_t i = 0; i < n; i++) {
        const char *rule = zhtidy_rule_name(i);
        const char **hit = bsearch(&rule, sorted, n, sizeof *sorted, by_name);
        size_t count = hit ? counts[hit - sorted] : 0;
        if (count)
            json_object_object_add(out, rule, json_object_new_int64((int64_t)count));
    }
    free(sorted);
    free(counts);
    return out;
}

json_object *record_string(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

char *record_line(json_object *obj, size_t *len)
{
    size_t n;
    const char *s = json_object_to_json_string_length(
        obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
    char *line = s ? malloc(n + 2) : NULL;
    if (!line)
        return NULL;
    memcpy(line, s, n);
    line[n] = '\n';
    line[n + 1] = '\0';
    *len = n + 1;
    return line;
}
