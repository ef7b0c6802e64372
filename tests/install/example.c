/* SPDX-License-Identifier: MIT */
/* example.c - a program built against an installed libzhtidy: it reads the
 * text given as its argument and prints the first block. */
#include <stdio.h>
#include <string.h>
#include <zhtidy.h>

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "";
    zhtidy_doc *doc = NULL;
    zhtidy_status st = zhtidy_read(text, strlen(text), "example", NULL, &doc, NULL);
    if (st != ZHTIDY_OK) {
        fprintf(stderr, "example: %s\n", zhtidy_strerror(st));
        return 1;
    }
    printf("%s %s\n", zhtidy_version(), zhtidy_doc_block_count(doc) ? zhtidy_doc_block_text(doc, 0, NULL) : "");
    zhtidy_doc_free(doc);
    return 0;
}
