/* SPDX-License-Identifier: MIT */
/* zhtidy - the front command: one tool for every format, chosen by the
 * extension of -o or by --to. */
#include "cli.h"
#include "pkg.h"

int main(int argc, char **argv)
{
    static const format formats[] = {
        {"txt", ".txt", write_txt, false, NULL},
        {"docx", ".docx", write_docx, true, pkg_init},
        {"epub", ".epub", write_epub, true, pkg_init},
    };
    static const tool t = {
        "zhtidy", formats, 3, false,
        "      --format F         txt: text (default) or tree\n"
        "      --style S          docx: plain (default) or gbt9704 (GB/T 9704 layout)\n"
        "      --toc, --no-toc    docx: a table of contents after the title\n"
        "      --vertical         epub: vertical writing, pages turning right to left\n",
    };
    return cli_main(&t, argc, argv);
}
