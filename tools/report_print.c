/* SPDX-License-Identifier: MIT */
/* report_print.c - the report of a document, as --report prints it. */
#include "cli.h"

#include <string.h>

static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            fprintf(f, "\\x%02X", *p);
        else if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

size_t report_count_rule(const zhtidy_doc *doc, const char *rule)
{
    const zhtidy_report *r = zhtidy_doc_report(doc);
    size_t count = 0;
    zhtidy_change c;
    for (size_t k = 0; !zhtidy_report_get(r, k, &c); k++)
        count += !strcmp(c.rule, rule);
    return count;
}

/* Mixed: the lesser script has a tenth of the evidence or more. */
script_kind report_script(const zhtidy_doc *doc)
{
    size_t hans, hant;
    zhtidy_doc_script_counts(doc, &hans, &hant);
    size_t most = hans > hant ? hans : hant, least = hans > hant ? hant : hans;
    return !most ? SCRIPT_NONE : least * 10 >= most ? SCRIPT_MIXED
           : hans > hant ? SCRIPT_HANS : SCRIPT_HANT;
}

/* Per rule, in the order of the rule table: a count, then each change with
 * its input line. */
void report_print(FILE *f, const char *input, const zhtidy_doc *doc)
{
    const zhtidy_report *r = zhtidy_doc_report(doc);
    size_t n = zhtidy_report_count(r), hans, hant;
    zhtidy_doc_script_counts(doc, &hans, &hant);
    const char *lang = zhtidy_doc_meta(doc, ZHTIDY_META_LANG);
    static const char *scripts[] = {"undetermined", "Simplified", "Traditional", "mixed"};
    const char *script = scripts[report_script(doc)];
    fprintf(f, "report for %s: %zu change%s; encoding %s; script %s (%zu Simplified-only, %zu "
               "Traditional-only characters); language %s\n",
            input, n, n == 1 ? "" : "s", zhtidy_doc_meta(doc, ZHTIDY_META_ENCODING), script, hans, hant,
            lang ? lang : "-");
    static const char *verbs[] = {"", "removed", "replaced", "inserted", "flagged"};
    for (size_t i = 0; zhtidy_rule_name(i); i++) {
        const char *rule = zhtidy_rule_name(i);
        size_t count = report_count_rule(doc, rule);
        if (!count)
            continue;
        fprintf(f, "%s: %zu\n", rule, count);
        zhtidy_change c;
        for (size_t k = 0; k < n; k++) {
            if (zhtidy_report_get(r, k, &c) || strcmp(c.rule, rule))
                continue;
            fprintf(f, "  line %lu: %s ", c.line, verbs[c.kind]);
            put_quoted(f, c.kind == ZHTIDY_CHANGE_INSERT ? c.new_text : c.text);
            if (c.kind == ZHTIDY_CHANGE_REPLACE || (c.kind == ZHTIDY_CHANGE_FLAG && *c.new_text)) {
                fputs(c.kind == ZHTIDY_CHANGE_FLAG ? " kept as " : " with ", f);
                put_quoted(f, c.new_text);
            }
            if (*c.why)
                fprintf(f, " (%s)", c.why);
            fputc('\n', f);
        }
    }
}

/* Characters XML 1.0 forbids: only there when unicode.control was kept. */
static size_t forbidden_in(const char *t)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)t; p && *p; p++)
        n += (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
             (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF));
    return n;
}

size_t report_xml_forbidden(const zhtidy_doc *doc)
{
    size_t n = forbidden_in(zhtidy_doc_meta(doc, ZHTIDY_META_TITLE));
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++)
        n += forbidden_in(zhtidy_doc_block_text(doc, i, NULL));
    return n;
}
