/* SPDX-License-Identifier: MIT */
/* fuzz_write - (c) every writer on the tree read from the input.
 *
 *   byte 0  the input kind (auto, text, html, json), mod 4
 *   byte 1  the writers' options (fz_writers_from_byte); bit 7 also picks
 *           the package compared after the JSON round trip (EPUB or DOCX)
 *   rest    the input
 *
 * Text and JSON must be valid UTF-8; the JSON must read back to a tree that
 * writes the same JSON, the same text and the same DOCX or EPUB (as
 * zhtidy-json(5) promises: a tree gives what its input gives); every XML
 * part of the DOCX and the EPUB must be well-formed under libxml2. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    zhtidy_options *o = zhtidy_options_new();
    if (!o)
        fz_fail("out of memory in the harness");
    zhtidy_options_set_input(o, (zhtidy_input)(data[0] % 4));
    fz_writers w;
    fz_writers_from_byte(&w, data[1]);
    zhtidy_doc *doc = NULL;
    zhtidy_error err;
    zhtidy_status st = zhtidy_read(data + 2, size - 2, NULL, o, &doc, &err);
    if (st != ZHTIDY_OK) {
        fz_check_failure(st, doc, &err);
    } else {
        fz_check_tree(doc);
        fz_check_report(doc);
        zhtidy_doc *back = fz_write_json_round_trip(doc, &w);
        fz_write_packages(doc, &w, NULL, NULL);
        /* one package of the two, to keep the harness fast */
        fz_same_package(doc, back, &w, data[1] & 0x80);
        zhtidy_doc_free(back);
    }
    zhtidy_doc_free(doc);
    zhtidy_options_free(o);
    return 0;
}
