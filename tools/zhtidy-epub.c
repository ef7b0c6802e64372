/* SPDX-License-Identifier: MIT */
/* zhtidy-epub - repaired Chinese text as an EPUB 3 e-book. */
#include "cli.h"

int main(int argc, char **argv)
{
    static const format epub = {"epub", ".epub", FMT_EPUB, true};
    static const tool t = {
        "zhtidy-epub", &epub, 1, true,
        "      --vertical         vertical writing, pages turning right to left\n"
        "      --cover IMAGE      a cover page with IMAGE (PNG, JPEG or GIF)\n",
    };
    return cli_main(&t, argc, argv);
}
