/* SPDX-License-Identifier: MIT */
/* fuzz_options - (b) reading with options taken from the first bytes.
 *
 *   byte 0  encoding: an index into zhtidy_encoding_name(), past the end
 *           "auto"
 *   byte 1  bits 0-2 the target script (mod 5); bits 3-5 the flags
 *           ZHTIDY_SPACE_LATIN, _PHRASES, _DROP_TRUNCATED
 *   byte 2  bits 0-1 the input kind (auto, text, html, json); bits 2-4 how
 *           many rule bytes follow
 *   then    one byte per rule or pass switched off: an index into the pass
 *           names, the rule names and "structure", modulo their count
 *   rest    the input
 *
 * The input is parsed, its characters counted, then repaired in place with
 * zhtidy_repair() and counted again: a JSON tree is repaired too here, so
 * that the passes see headings, lists and tables that text never gives. */
#include "fuzz.h"

#include <string.h>

/* The names zhtidy_options_keep() takes: passes, rules, "structure". */
static const char *keep_name(uint8_t byte)
{
    size_t passes = 0, rules = 0;
    while (zhtidy_pass_name(passes))
        passes++;
    while (zhtidy_rule_name(rules))
        rules++;
    size_t k = byte % (passes + rules + 1);
    return k < passes ? zhtidy_pass_name(k) : k < passes + rules ? zhtidy_rule_name(k - passes)
                                                                 : "structure";
}

/* Options from the first bytes; *USED says how many they took. */
static zhtidy_options *options(const uint8_t *data, size_t size, size_t *used)
{
    zhtidy_options *o = zhtidy_options_new();
    if (!o)
        fz_fail("out of memory in the harness");
    uint8_t b[3] = {0, 0, 0};
    memcpy(b, data, size < 3 ? size : 3);
    size_t encodings = 0;
    while (zhtidy_encoding_name(encodings))
        encodings++;
    const char *enc = b[0] % (encodings + 1) < encodings ? zhtidy_encoding_name(b[0] % (encodings + 1))
                                                        : "auto";
    if (zhtidy_options_set_encoding(o, enc) != ZHTIDY_OK)
        fz_fail("the listed encoding \"%s\" is refused", enc);
    zhtidy_options_set_script(o, (zhtidy_script)(b[1] & 7) % 5);
    zhtidy_options_set_flags(o, (b[1] >> 3) & 7);
    zhtidy_options_set_input(o, (zhtidy_input)(b[2] & 3));
    size_t keeps = (b[2] >> 2) & 7, i = 3;
    for (size_t k = 0; k < keeps && i < size; k++, i++) {
        const char *name = keep_name(data[i]);
        if (zhtidy_options_keep(o, name) != ZHTIDY_OK)
            fz_fail("the listed rule or pass \"%s\" is refused", name);
    }
    *used = i < size ? i : size;
    return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t used;
    zhtidy_options *o = options(data, size, &used);
    zhtidy_doc *doc = NULL, *raw = NULL;
    zhtidy_error err;
    zhtidy_status st = zhtidy_parse(data + used, size - used, NULL, o, &doc, &err);
    if (st != ZHTIDY_OK) {
        fz_check_failure(st, doc, &err);
        zhtidy_options_free(o);
        return 0;
    }
    fz_check_tree(doc);
    fz_check_report(doc);
    /* the raw tree, kept for the accounting: the same input parsed again */
    if (zhtidy_parse(data + used, size - used, NULL, o, &raw, NULL) != ZHTIDY_OK)
        fz_fail("the same input parsed twice: the second parse fails");
    size_t first = zhtidy_report_count(zhtidy_doc_report(doc));
    if ((st = zhtidy_repair(doc, o)) != ZHTIDY_OK)
        fz_fail("zhtidy_repair: %s", zhtidy_strerror(st));
    fz_check_tree(doc);
    fz_check_report(doc);
    fz_check_accounting(raw, doc, first);
    zhtidy_doc_free(raw);
    zhtidy_doc_free(doc);
    zhtidy_options_free(o);
    return 0;
}
