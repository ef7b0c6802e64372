/* zhtidy-epub - repaired Chinese text as an EPUB 3 e-book. */
#include "cli.h"

int main(int argc, char **argv)
{
    static const tool t = {
        "zhtidy-epub", ".epub", write_epub, true, true,
        "      --vertical         vertical writing, pages turning right to left\n",
    };
    return cli_main(&t, argc, argv);
}
