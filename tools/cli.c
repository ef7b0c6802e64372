/* SPDX-License-Identifier: MIT */
/* cli.c - arguments, usage and the main of every tool.
 *
 * One input goes to -o FILE (or standard output, or NAME.ext beside the
 * input); several go to -O DIR, converted by worker threads (batch.c). */
#include "batch.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- usage ------------------------------------------------------------ */

static bool front(const tool *t)
{
    return t->n_formats > 1;
}

static void usage(const tool *t, FILE *f)
{
    if (front(t))
        fprintf(f, "usage: %s [OPTION]... INPUT -o OUTPUT.{txt,json,docx,epub}\n"
                   "   or: %s [OPTION]... --to FORMAT INPUT... -O DIR\n"
                   "   or: %s [OPTION]... --to jsonl [INPUT.jsonl]... [-o OUTPUT.jsonl]\n"
                   "Repair Chinese text scraped from document-sharing sites and write it as\n"
                   "plain text, a Word document or an EPUB e-book; or clean a stream of JSON\n"
                   "records {\"id\": ..., \"text\": ...}, one a line, from standard input or files.\n",
                t->name, t->name, t->name);
    else
        fprintf(f, "usage: %s [OPTION]... INPUT\n"
                   "   or: %s [OPTION]... INPUT... -O DIR\n"
                   "Repair Chinese text scraped from document-sharing sites and write it as %s.\n",
                t->name, t->name, t->formats[0].ext + 1);
    fprintf(f,
            "INPUT may be - for standard input.\n\n"
            "  -o, --output FILE      write to FILE; - for standard output%s\n"
            "  -O, --output-dir DIR   write each INPUT to DIR as NAME.ext; DIR is created\n"
            "  -j, --jobs N           worker threads for several inputs (default: the cores)\n"
            "      --files-from FILE  also convert the inputs FILE names, one per line;\n"
            "                         - reads the list from standard input\n"
            "  -0, --null             names in the --files-from list end with NUL, not newline\n",
            front(t) ? ""
            : t->out_beside ? "; default: INPUT with its\n                         extension replaced"
                            : "; default: standard output");
    if (front(t))
        fprintf(f, "  -t, --to FORMAT        txt, json, docx, epub or jsonl; by default from the -o\n"
                   "                         extension\n");
    fprintf(f,
            "  -f, --from KIND        the input: auto (default: by its name or first bytes),\n"
            "                         text, html (a saved web page) or json (a tree that\n"
            "                         zhtidy -t json wrote, perhaps edited since)%s\n"
            "  -e, --encoding ENC     input encoding: auto (default), utf-8, gb18030 (also\n"
            "                         gbk, gb2312, cp936), big5 (big5-hkscs, cp950),\n"
            "                         utf-16 (utf-16le, utf-16be)\n"
            "      --to-script S      keep (default), hans, hant, tw or hk\n"
            "      --phrases          convert regional vocabulary too (s2twp, tw2sp)\n"
            "      --space-latin      put spaces between Chinese and Latin letters or digits\n"
            "      --drop-truncated   remove a fragment left by a preview cut\n"
            "      --keep RULE        leave RULE (or every rule of a pass) switched off;\n"
            "                         repeatable; --list-rules names them\n"
            "      --report[=FILE]    print every change, per rule, to stderr or FILE\n"
            "      --log FILE         one JSON line per input as it ends: its output, status,\n"
            "                         error, encoding, script and changes per rule; - stderr\n"
            "      --list-rules       list the rules and what each does\n"
            "      --title T, --author A, --date D, --lang L\n"
            "                         the document's metadata, over what was found; a date\n"
            "                         as CCYY[-MM[-DD]] is written into DOCX and EPUB too\n"
            "  -M, --metadata KEY=VALUE  any key of the JSON tree's meta (title, lang,\n"
            "                         keywords, category, author, date, description);\n"
            "                         an empty VALUE clears what was found\n",
            front(t) ? ";\n                         jsonl: JSON records, as --to jsonl" : "");
    if (t->extra_usage)
        fputs(t->extra_usage, f);
    fprintf(f, "  -h, --help             show this help\n"
               "  -V, --version          show the version\n\n"
               "Exit status: 0 success, 1 an input could not be read or an output written\n"
               "(the other inputs are still converted), 2 bad usage.\n");
}

__attribute__((format(printf, 2, 3))) static int bad_usage(const tool *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", t->name);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", t->name);
    return EXIT_USAGE;
}

/* ---- arguments ---------------------------------------------------------- */

enum {
    OPT_SCRIPT = 256, OPT_PHRASES, OPT_SPACE_LATIN, OPT_DROP, OPT_KEEP, OPT_REPORT,
    OPT_RULES, OPT_FORMAT, OPT_TOC, OPT_NO_TOC, OPT_STYLE, OPT_VERTICAL, OPT_FILES_FROM,
    OPT_TITLE, OPT_AUTHOR, OPT_DATE, OPT_LANG, OPT_COVER, OPT_LOG, OPT_REFERENCE
};

/* Is option OPT one this tool's formats take? */
static bool takes(const tool *t, const char *opt)
{
    return (t->extra_usage && strstr(t->extra_usage, opt)) || front(t);
}

static int set_script(job *j, const char *v)
{
    static const char *names[] = {"keep", "hans", "hant", "tw", "hk"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(v, names[i])) {
            zhtidy_options_set_script(j->lib, (zhtidy_script)i);
            return 0;
        }
    return -1;
}

static int set_input(job *j, const char *v)
{
    if (!strcmp(v, "jsonl")) {
        j->jsonl_in = true;
        return 0;
    }
    static const char *names[] = {"auto", "text", "html", "json"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(v, names[i])) {
            zhtidy_options_set_input(j->lib, (zhtidy_input)i);
            return 0;
        }
    return -1;
}

static const format *format_named(const tool *t, const char *name)
{
    for (size_t i = 0; i < t->n_formats; i++)
        if (!strcmp(name, t->formats[i].name))
            return &t->formats[i];
    return NULL;
}

static const format *format_of_path(const tool *t, const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && !strchr(dot, '/') ? format_named(t, dot + 1) : NULL;
}

static int parse_jobs(const char *v, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < 1 || n > MAX_WORKERS)
        return -1;
    *out = (int)n;
    return 0;
}

/* One option; returns -1 to go on, or an exit status. */
/* Is S a language tag: a 2- or 3-letter language, then subtags of 1 to 8
 * letters or digits (zh, zh-TW, zh-Hant-HK)? */
static bool lang_tag(const char *s)
{
    size_t first = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (first < 2 || first > 3)
        return false;
    for (s += first; *s == '-';) {
        size_t n = strspn(++s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        if (n < 1 || n > 8)
            return false;
        s += n;
    }
    return !*s;
}

/* --title, --author, --date, --lang, or -M KEY=VALUE.  -1 to go on. */
static int set_meta(const tool *t, job *j, int c, const char *arg)
{
    zhtidy_meta key = c == OPT_TITLE ? ZHTIDY_META_TITLE : c == OPT_AUTHOR ? ZHTIDY_META_AUTHOR
                      : c == OPT_DATE ? ZHTIDY_META_DATE : ZHTIDY_META_LANG;
    const char *value = arg;
    if (c == 'M') {
        const char *eq = strchr(arg, '=');
        char name[32];
        size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
        snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), arg);
        key = n < sizeof name ? zhtidy_meta_key(name) : ZHTIDY_META_COUNT;
        if (!eq || key == ZHTIDY_META_COUNT || key == ZHTIDY_META_SOURCE || key == ZHTIDY_META_ENCODING)
            return bad_usage(t, "-M takes KEY=VALUE with KEY one of title, lang, keywords, "
                                "category, author, date, description; not '%s'", arg);
        value = eq + 1;
    }
    if (key == ZHTIDY_META_LANG && *value && !lang_tag(value))
        return bad_usage(t, "the language '%s' is not a language tag like zh-CN or zh-TW", value);
    if (zhtidy_options_set_meta(j->lib, key, value) != ZHTIDY_OK) {
        diag(t->name, "out of memory");
        return EXIT_INPUT;
    }
    return -1;
}

static int option(const tool *t, job *j, int c, char **argv, unsigned *flags)
{
    switch (c) {
    case 'o': j->output = optarg; return -1;
    case OPT_FILES_FROM: j->files_from = optarg; return -1;
    case '0': j->null_names = true; return -1;
    case 'O': j->outdir = optarg; return -1;
    case 'j':
        return parse_jobs(optarg, &j->jobs)
                   ? bad_usage(t, "--jobs takes a number from 1 to %d, not '%s'", MAX_WORKERS, optarg)
                   : -1;
    case 't':
        if (!front(t))
            return bad_usage(t, "option '%s' is not for this tool", "--to");
        if (!(j->fmt = format_named(t, optarg)))
            return bad_usage(t, "--to takes txt, json, docx, epub or jsonl, not '%s'", optarg);
        return -1;
    case 'e':
        j->encoding = optarg;
        if (zhtidy_options_set_encoding(j->lib, optarg) != ZHTIDY_OK) {
            char names[256] = "auto";
            for (size_t i = 0; zhtidy_encoding_name(i); i++)
                snprintf(names + strlen(names), sizeof names - strlen(names), ", %s",
                         zhtidy_encoding_name(i));
            return bad_usage(t, "unknown encoding '%s'; --encoding takes %s", optarg, names);
        }
        return -1;
    case OPT_SCRIPT:
        return set_script(j, optarg)
                   ? bad_usage(t, "--to-script takes keep, hans, hant, tw or hk, not '%s'", optarg)
                   : -1;
    case OPT_PHRASES: *flags |= ZHTIDY_PHRASES; return -1;
    case OPT_SPACE_LATIN: *flags |= ZHTIDY_SPACE_LATIN; return -1;
    case OPT_DROP: *flags |= ZHTIDY_DROP_TRUNCATED; return -1;
    case OPT_KEEP:
        return zhtidy_options_keep(j->lib, optarg) != ZHTIDY_OK
                   ? bad_usage(t, "no rule or pass is named '%s' (see --list-rules)", optarg) : -1;
    case OPT_REPORT: j->report = optarg ? optarg : "-"; return -1;
    case OPT_LOG: j->log = optarg; return -1;
    case OPT_RULES:
        for (size_t i = 0; zhtidy_rule_name(i); i++)
            printf("%-24s %s\n", zhtidy_rule_name(i), zhtidy_rule_help(zhtidy_rule_name(i)));
        return EXIT_OK;
    case OPT_FORMAT:
        if (!takes(t, "--format"))
            return bad_usage(t, "option '%s' is not for this tool", "--format");
        if (strcmp(optarg, "text") && strcmp(optarg, "tree"))
            return bad_usage(t, "--format takes text or tree, not '%s'", optarg);
        j->wo.txt.tree = !strcmp(optarg, "tree");
        return -1;
    case 'f':
        if (set_input(j, optarg))
            return bad_usage(t, "--from takes auto, text, html, json%s, not '%s'",
                             front(t) ? " or jsonl" : "", optarg);
        return -1;
    case OPT_TOC: case OPT_NO_TOC:
        if (!takes(t, "--toc"))
            return bad_usage(t, "option '%s' is not for this tool", argv[optind - 1]);
        j->wo.docx.toc = c == OPT_TOC;
        return -1;
    case OPT_STYLE:
        if (!takes(t, "--style"))
            return bad_usage(t, "option '%s' is not for this tool", "--style");
        if (strcmp(optarg, "plain") && strcmp(optarg, "gbt9704"))
            return bad_usage(t, "--style takes plain or gbt9704, not '%s'", optarg);
        j->wo.docx.style = strcmp(optarg, "gbt9704") ? ZHTIDY_DOCX_PLAIN : ZHTIDY_DOCX_GBT9704;
        return -1;
    case OPT_TITLE: case OPT_AUTHOR: case OPT_DATE: case OPT_LANG: case 'M':
        return set_meta(t, j, c, optarg);
    case OPT_COVER:
        if (!takes(t, "--cover"))
            return bad_usage(t, "option '%s' is not for this tool", "--cover");
        ob_free(&j->cover);
        if (!read_input(t->name, optarg, &j->cover))
            return EXIT_INPUT;
        if (!zhtidy_cover_type(j->cover.data, j->cover.len)) {
            diag(t->name, "%s: not a PNG, JPEG or GIF image; --cover takes one", optarg);
            return EXIT_INPUT;
        }
        j->wo.epub.cover = j->cover.data;
        j->wo.epub.cover_len = j->cover.len;
        return -1;
    case OPT_REFERENCE: {
        if (!takes(t, "--reference-doc"))
            return bad_usage(t, "option '%s' is not for this tool", "--reference-doc");
        ob_free(&j->reference);
        if (!read_input(t->name, optarg, &j->reference))
            return EXIT_INPUT;
        const char *why = zhtidy_docx_reference_error(j->reference.data, j->reference.len);
        if (why) {
            diag(t->name, "%s: %s; --reference-doc takes a Word document (.docx)", optarg, why);
            return EXIT_INPUT;
        }
        j->wo.docx.reference_doc = j->reference.data;
        j->wo.docx.reference_doc_len = j->reference.len;
        return -1;
    }
    case OPT_VERTICAL:
        if (!takes(t, "--vertical"))
            return bad_usage(t, "option '%s' is not for this tool", "--vertical");
        j->wo.epub.vertical = 1;
        return -1;
    case 'h': usage(t, stdout); return EXIT_OK;
    case 'V': printf("%s (zhtidy) %s\n", t->name, zhtidy_version()); return EXIT_OK;
    case ':':
        if (optopt && optopt < 256)
            return bad_usage(t, "option '-%c' needs an argument", optopt);
        return bad_usage(t, "option '%s' needs an argument", argv[optind - 1]);
    default:
        /* optind has moved past a cluster like -dash.txt only at its end:
         * name the character when there is one */
        if (optopt && optopt < 256)
            return bad_usage(t, "unknown option '-%c'", optopt);
        return bad_usage(t, "unknown option '%s'", argv[optind - 1]);
    }
}

/* Are the inputs, outputs and format consistent?  -1 to go on. */
static int check_outputs(const tool *t, job *j)
{
    if (j->fmt && j->fmt->kind == FMT_JSONL)
        return j->output && j->outdir ? bad_usage(t, "%s", "-o and -O do not go together") : -1;
    if (j->n_inputs > 1 && !j->outdir)
        return bad_usage(t, "several inputs need -O DIR");
    if (j->output && j->outdir)
        return bad_usage(t, "%s", "-o and -O do not go together");
    if (!j->fmt && front(t))
        j->fmt = format_of_path(t, j->output);
    if (!j->fmt)
        return bad_usage(t, "%s", j->outdir ? "choose the format with --to txt, json, docx or epub"
                                            : "choose the format with --to, or an -o name "
                                              "ending in .txt, .json, .docx or .epub");
    if (j->fmt->binary && !j->output && !j->outdir) {
        for (size_t i = 0; i < j->n_inputs; i++)
            if (!strcmp(j->inputs[i], "-"))
                return bad_usage(t, "%s", "reading standard input needs -o FILE");
    }
    if (j->fmt->binary && j->output && !strcmp(j->output, "-") && isatty(STDOUT_FILENO))
        return bad_usage(t, "%s", "will not write a binary file to a terminal");
    return -1;
}

/* The inputs: the arguments, then the names listed in --files-from (one
 * per line, or NUL-separated with --null; empty lines are skipped).  -1 to
 * go on, or an exit status. */
static int collect_inputs(const tool *t, job *j, int argc, char **argv)
{
    obuf list = {0};
    if (j->files_from) {
        for (int i = 0; i < argc; i++)
            if (!strcmp(j->files_from, "-") && !strcmp(argv[i], "-"))
                return bad_usage(t, "%s", "standard input cannot be both an input and the list");
        if (!read_input(t->name, j->files_from, &list))
            return EXIT_INPUT;
    }
    char sep = j->null_names ? '\0' : '\n';
    size_t n = (size_t)argc;
    for (size_t i = 0; i < list.len; i++)
        n += list.data[i] == sep;
    n += list.len > 0; /* a last name without a separator */
    if (!(j->inputs = malloc((n ? n : 1) * sizeof *j->inputs))) {
        ob_free(&list);
        diag(t->name, "out of memory");
        return EXIT_INPUT;
    }
    for (int i = 0; i < argc; i++)
        j->inputs[j->n_inputs++] = argv[i];
    for (size_t s = 0, e; s < list.len; s = e + 1) {
        char *end = memchr(list.data + s, sep, list.len - s);
        e = end ? (size_t)(end - list.data) : list.len;
        list.data[e] = '\0'; /* obuf keeps a NUL past the end */
        if (!j->null_names && e > s && list.data[e - 1] == '\r')
            list.data[e - 1] = '\0'; /* a list written on Windows */
        if (list.data[s])
            j->inputs[j->n_inputs++] = list.data + s;
    }
    j->names = list.data; /* the inputs point into it */
    return -1;
}

/* A JSONL stream: -t jsonl, -f jsonl or -o NAME.jsonl, each implying the
 * others; the inputs are JSONL files, standard input by default, and -f
 * text or html says what the records' text is.  -1 to go on. */
static int check_jsonl(const tool *t, job *j)
{
    const format *jsonl = front(t) ? format_named(t, "jsonl") : NULL;
    bool on = j->jsonl_in || (j->fmt && j->fmt->kind == FMT_JSONL) ||
              (!j->fmt && jsonl && format_of_path(t, j->output) == jsonl);
    if (!on)
        return -1;
    if (!jsonl)
        return bad_usage(t, "%s", "JSONL records go through zhtidy -t jsonl");
    if (j->fmt && j->fmt != jsonl)
        return bad_usage(t, "-f jsonl writes JSONL records, not %s: use -t jsonl", j->fmt->name);
    j->fmt = jsonl;
    if (j->encoding && strcmp(j->encoding, "auto"))
        return bad_usage(t, "%s", "JSON records are UTF-8: --encoding does not go with JSONL");
    if (j->report || j->log)
        return bad_usage(t, "%s does not go with JSONL: each record counts its changes and errors",
                         j->report ? "--report" : "--log");
    if (!j->n_inputs) {
        static char std_in[] = "-";
        j->inputs[j->n_inputs++] = std_in;
    }
    return -1;
}

static int parse(const tool *t, job *j, int argc, char **argv)
{
    static const struct option longs[] = {
        {"output", required_argument, 0, 'o'},   {"output-dir", required_argument, 0, 'O'},
        {"jobs", required_argument, 0, 'j'},     {"to", required_argument, 0, 't'},
        {"encoding", required_argument, 0, 'e'}, {"to-script", required_argument, 0, OPT_SCRIPT},
        {"phrases", no_argument, 0, OPT_PHRASES}, {"space-latin", no_argument, 0, OPT_SPACE_LATIN},
        {"drop-truncated", no_argument, 0, OPT_DROP}, {"keep", required_argument, 0, OPT_KEEP},
        {"report", optional_argument, 0, OPT_REPORT}, {"list-rules", no_argument, 0, OPT_RULES},
        {"format", required_argument, 0, OPT_FORMAT}, {"toc", no_argument, 0, OPT_TOC},
        {"no-toc", no_argument, 0, OPT_NO_TOC},   {"style", required_argument, 0, OPT_STYLE},
        {"vertical", no_argument, 0, OPT_VERTICAL}, {"help", no_argument, 0, 'h'},
        {"version", no_argument, 0, 'V'},         {"files-from", required_argument, 0, OPT_FILES_FROM},
        {"null", no_argument, 0, '0'},            {"from", required_argument, 0, 'f'},
        {"title", required_argument, 0, OPT_TITLE}, {"author", required_argument, 0, OPT_AUTHOR},
        {"date", required_argument, 0, OPT_DATE}, {"lang", required_argument, 0, OPT_LANG},
        {"metadata", required_argument, 0, 'M'}, {"cover", required_argument, 0, OPT_COVER},
        {"log", required_argument, 0, OPT_LOG},
        {"reference-doc", required_argument, 0, OPT_REFERENCE},
        {0, 0, 0, 0}};
    unsigned flags = 0;
    int c, idx, rc;
    opterr = 0;
    while ((optopt = 0, c = getopt_long(argc, argv, ":o:O:j:t:e:f:M:0hV", longs, &idx)) != -1)
        if ((rc = option(t, j, c, argv, &flags)) >= 0)
            return rc;
    zhtidy_options_set_flags(j->lib, flags);
    if (j->null_names && !j->files_from)
        return bad_usage(t, "%s", "--null goes with --files-from");
    if ((rc = collect_inputs(t, j, argc - optind, argv + optind)) >= 0)
        return rc;
    if ((rc = check_jsonl(t, j)) >= 0)
        return rc;
    if (!j->n_inputs)
        return bad_usage(t, "%s", j->files_from ? "no input given (the list is empty)"
                                                : "no input given");
    if (!front(t))
        j->fmt = &t->formats[0];
    return check_outputs(t, j);
}

int cli_main(const tool *t, int argc, char **argv)
{
    job j = {0};
    j.t = t;
    zhtidy_txt_options_init(&j.wo.txt);
    zhtidy_json_options_init(&j.wo.json);
    zhtidy_docx_options_init(&j.wo.docx); /* dates from SOURCE_DATE_EPOCH */
    zhtidy_epub_options_init(&j.wo.epub);
    if (!(j.lib = zhtidy_options_new())) {
        fprintf(stderr, "%s: out of memory\n", t->name);
        return EXIT_INPUT;
    }
    int rc = parse(t, &j, argc, argv);
    if (rc < 0) {
        out_init();
        out_catch_signals();
        rc = j.fmt->kind == FMT_JSONL ? jsonl_run(&j) : batch_run(&j);
    }
    zhtidy_options_free(j.lib);
    ob_free(&j.cover);
    ob_free(&j.reference);
    free(j.inputs);
    free(j.names);
    zhtidy_cleanup();
    return rc;
}
