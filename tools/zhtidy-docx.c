/* SPDX-License-Identifier: MIT */
/* zhtidy-docx - repaired Chinese text as a Word document. */
#include "cli.h"

int main(int argc, char **argv)
{
    static const format docx = {"docx", ".docx", FMT_DOCX, true};
    static const tool t = {
        "zhtidy-docx", &docx, 1, true,
        "      --style S          plain (default) or gbt9704: GB/T 9704 official document\n"
        "                         layout (仿宋 16 pt, 28.95 pt line pitch, — 1 — page numbers)\n"
        "      --toc, --no-toc    a table of contents after the title; by default when\n"
        "                         there are three headings or more\n"
        "      --reference-doc FILE  take the styles (fonts, sizes, spacing), theme\n"
        "                         and page set-up (size, margins) of the Word\n"
        "                         document FILE, as pandoc does; over --style\n",
    };
    return cli_main(&t, argc, argv);
}
