/* SPDX-License-Identifier: MIT */
/* zhtidy - the front command: one tool for every format, chosen by the
 * extension of -o or by --to. */
#include "cli.h"

int main(int argc, char **argv)
{
    static const format formats[] = {
        {"txt", ".txt", FMT_TXT, false},
        {"json", ".json", FMT_JSON, false},
        {"docx", ".docx", FMT_DOCX, true},
        {"epub", ".epub", FMT_EPUB, true},
        {"jsonl", ".jsonl", FMT_JSONL, false},
    };
    static const tool t = {
        "zhtidy", formats, 5, false,
        "      --format F         txt: text (default) or tree\n"
        "      --style S          docx: plain (default) or gbt9704 (GB/T 9704 layout)\n"
        "      --toc, --no-toc    docx: a table of contents after the title\n"
        "      --reference-doc FILE  docx: the styles and page set-up of the Word\n"
        "                         document FILE, as pandoc takes them\n"
        "      --vertical         epub: vertical writing, pages turning right to left\n"
        "      --cover IMAGE      epub: a cover page with IMAGE (PNG, JPEG or GIF)\n",
    };
    return cli_main(&t, argc, argv);
}
