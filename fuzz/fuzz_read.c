/* SPDX-License-Identifier: MIT */
/* fuzz_read - (a) the input read with default options, then every writer.
 *
 * Checks the tree, the report and the removed-character accounting against
 * the same input parsed without repair; a read that fails must fail the
 * same way parsing does, with a status that describes the input. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zhtidy_doc *raw = NULL, *doc = NULL;
    zhtidy_error err;
    zhtidy_status parsed = zhtidy_parse(data, size, NULL, NULL, &raw, NULL);
    zhtidy_status st = zhtidy_read(data, size, NULL, NULL, &doc, &err);
    if (st != parsed)
        fz_fail("zhtidy_parse gave status %d, zhtidy_read %d", (int)parsed, (int)st);
    if (st != ZHTIDY_OK) {
        fz_check_failure(st, doc, &err);
        return 0;
    }
    fz_check_tree(doc);
    fz_check_report(doc);
    /* The report of the parsed tree (decode.invalid, or the report a JSON
     * tree carries) comes first; the passes' entries follow it.  A JSON
     * tree is taken as it is, unrepaired: the two trees are then the same
     * and the accounting holds trivially. */
    fz_check_accounting(raw, doc, zhtidy_report_count(zhtidy_doc_report(raw)));
    fz_writers w;
    fz_writers_from_byte(&w, size ? data[size - 1] : 0);
    fz_write_text(doc, &w);
    fz_write_packages_quick(doc, &w);
    zhtidy_doc_free(raw);
    zhtidy_doc_free(doc);
    return 0;
}
