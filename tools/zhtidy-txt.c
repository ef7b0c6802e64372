/* SPDX-License-Identifier: MIT */
/* zhtidy-txt - repaired Chinese text as plain UTF-8. */
#include "cli.h"

int main(int argc, char **argv)
{
    static const format txt = {"txt", ".txt", FMT_TXT, false};
    static const tool t = {
        "zhtidy-txt", &txt, 1, false,
        "      --format F         text (default) or tree: one line per block, with its\n"
        "                         type and level, for checking a conversion\n",
    };
    return cli_main(&t, argc, argv);
}
