/* cli.c - the driver every tool shares.
 *
 * Reads the input (a path or - for stdin), runs libzhtidy, asks the tool's
 * writer for the bytes and only then writes them: to a temporary file beside
 * the target, renamed over it, so that a failure or a kill never leaves a
 * partial or empty target. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

bool ob_add(obuf *b, const void *s, size_t n)
{
    if (b->failed)
        return false;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = true;
            return false;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool ob_puts(obuf *b, const char *s)
{
    return ob_add(b, s, strlen(s));
}

void ob_free(obuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* ---- atomic output ---------------------------------------------------- */

static char pending_tmp[PATH_MAX]; /* removed if a signal ends the process */

static void on_signal(int sig)
{
    if (pending_tmp[0])
        unlink(pending_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_signal);
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static int write_output(const char *prog, const char *path, const obuf *b)
{
    if (!strcmp(path, "-")) {
        if (!write_all(STDOUT_FILENO, b->data ? b->data : "", b->len)) {
            fprintf(stderr, "%s: cannot write to standard output: %s\n", prog, strerror(errno));
            return EXIT_INPUT;
        }
        return EXIT_OK;
    }
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%.*s.%s.XXXXXX", dir_len, path, slash ? slash + 1 : path) >=
        (int)sizeof tmp) {
        fprintf(stderr, "%s: %s: path too long\n", prog, path);
        return EXIT_INPUT;
    }
    sigset_t block, old;
    sigfillset(&block);
    sigprocmask(SIG_BLOCK, &block, &old); /* name the temp file before a signal can see it */
    int fd = mkstemp(tmp);
    if (fd >= 0)
        memcpy(pending_tmp, tmp, sizeof tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: cannot create file: %s\n", prog, path, strerror(errno));
        return EXIT_INPUT;
    }
    mode_t mask = umask(0);
    umask(mask);
    /* No fsync: the rename is what keeps a killed run from leaving a partial
     * target, and ext4 and its kin flush the data of a file renamed over
     * another before the rename itself.  An fsync per file would double the
     * time of a folder of small files. */
    bool ok = fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, b->data ? b->data : "", b->len);
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp);
        fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(saved));
    }
    pending_tmp[0] = '\0';
    return ok ? EXIT_OK : EXIT_INPUT;
}

/* ---- input ------------------------------------------------------------ */

static bool read_input(const char *prog, const char *path, obuf *b)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "%s: %s: cannot open: %s\n", prog, path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: %s: is a directory\n", prog, path);
        fclose(f);
        return false;
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (!ob_add(b, chunk, n)) {
            fprintf(stderr, "%s: %s: out of memory\n", prog, path);
            break;
        }
    bool ok = !ferror(f) && !b->failed;
    if (ferror(f))
        fprintf(stderr, "%s: %s: cannot read: %s\n", prog, path, strerror(errno));
    if (f != stdin)
        fclose(f);
    return ok;
}

/* ---- report ----------------------------------------------------------- */

static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            fprintf(f, "\\x%02X", *p);
        else if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* Per rule, in the order rules first fire: a count, then each change. */
static void print_report(FILE *f, const char *input, const zhtidy_doc *doc)
{
    const zhtidy_report *r = zhtidy_doc_report(doc);
    size_t n = zhtidy_report_count(r);
    size_t hans, hant;
    zhtidy_doc_script_counts(doc, &hans, &hant);
    fprintf(f, "report for %s: %zu changes; encoding %s; script %zu Simplified-only, %zu "
               "Traditional-only characters; language %s\n",
            input, n, zhtidy_doc_meta(doc, ZHTIDY_META_ENCODING),
            hans, hant, zhtidy_doc_meta(doc, ZHTIDY_META_LANG) ? zhtidy_doc_meta(doc, ZHTIDY_META_LANG) : "-");
    for (size_t i = 0; zhtidy_rule_name(i); i++) {
        const char *rule = zhtidy_rule_name(i);
        size_t count = 0;
        zhtidy_change c;
        for (size_t k = 0; k < n; k++)
            if (!zhtidy_report_get(r, k, &c) && !strcmp(c.rule, rule))
                count++;
        if (!count)
            continue;
        fprintf(f, "%s: %zu\n", rule, count);
        for (size_t k = 0; k < n; k++) {
            if (zhtidy_report_get(r, k, &c) || strcmp(c.rule, rule))
                continue;
            static const char *verbs[] = {"", "removed", "replaced", "inserted", "flagged"};
            fprintf(f, "  line %lu: %s ", c.line, verbs[c.kind]);
            put_quoted(f, c.kind == ZHTIDY_CHANGE_INSERT ? c.new_text : c.text);
            if (c.kind == ZHTIDY_CHANGE_REPLACE || (c.kind == ZHTIDY_CHANGE_FLAG && *c.new_text)) {
                fputs(c.kind == ZHTIDY_CHANGE_FLAG ? " kept as " : " with ", f);
                put_quoted(f, c.new_text);
            }
            fputc('\n', f);
        }
    }
}

/* Characters XML 1.0 forbids: only there when unicode.control was kept. */
static size_t forbidden_in(const char *t)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)t; p && *p; p++)
        n += (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
             (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF));
    return n;
}

static size_t xml_forbidden(const zhtidy_doc *doc)
{
    size_t n = forbidden_in(zhtidy_doc_meta(doc, ZHTIDY_META_TITLE));
    for (size_t i = 0; i < zhtidy_doc_block_count(doc); i++)
        n += forbidden_in(zhtidy_doc_block_text(doc, i, NULL));
    return n;
}

static size_t count_rule(const zhtidy_doc *doc, const char *rule)
{
    const zhtidy_report *r = zhtidy_doc_report(doc);
    size_t count = 0;
    zhtidy_change c;
    for (size_t k = 0; !zhtidy_report_get(r, k, &c); k++)
        count += !strcmp(c.rule, rule);
    return count;
}

/* ---- arguments -------------------------------------------------------- */

typedef struct {
    const char *output;
    const char *report; /* NULL: none; "-": stderr */
    bool want_report;
    zhtidy_options *lib;
    writer_opts wo;
} settings;

static void usage(const tool *t, FILE *f)
{
    fprintf(f,
            "usage: %s [OPTION]... INPUT\n"
            "Repair Chinese text scraped from document-sharing sites and write it as %s.\n"
            "INPUT may be - for standard input.\n\n"
            "  -o, --output FILE      write to FILE; - for standard output%s\n"
            "  -e, --encoding ENC     input encoding: auto (default), utf-8, gb18030, big5,\n"
            "                         utf-16le, utf-16be\n"
            "      --to-script S      keep (default), hans, hant, tw or hk\n"
            "      --phrases          convert regional vocabulary too (s2twp, tw2sp)\n"
            "      --space-latin      put spaces between Chinese and Latin letters or digits\n"
            "      --drop-truncated   remove a fragment left by a preview cut\n"
            "      --keep RULE        leave RULE (or every rule of a pass) switched off;\n"
            "                         repeatable; --list-rules names them\n"
            "      --report[=FILE]    print every change, per rule, to stderr or FILE\n"
            "      --list-rules       list the rules and what each does\n",
            t->name, t->ext + 1,
            t->out_beside ? "; default: INPUT with its\n                         extension replaced"
                          : "; default: standard output");
    if (t->extra_usage)
        fputs(t->extra_usage, f);
    fprintf(f, "  -h, --help             show this help\n"
               "  -V, --version          show the version\n\n"
               "Exit status: 0 success, 1 an input could not be read or written, 2 bad usage.\n");
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

static bool has_extra(const tool *t, const char *opt)
{
    return t->extra_usage && strstr(t->extra_usage, opt);
}

enum {
    OPT_SCRIPT = 256, OPT_PHRASES, OPT_SPACE_LATIN, OPT_DROP, OPT_KEEP, OPT_REPORT,
    OPT_RULES, OPT_FORMAT, OPT_TOC, OPT_NO_TOC, OPT_STYLE, OPT_VERTICAL
};

static int set_script(settings *s, const char *v)
{
    static const char *names[] = {"keep", "hans", "hant", "tw", "hk"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(v, names[i])) {
            zhtidy_options_set_script(s->lib, (zhtidy_script)i);
            return 0;
        }
    return -1;
}

/* Parse argv; returns -1 to go on, or an exit status. */
static int parse(const tool *t, settings *s, int argc, char **argv, const char **input)
{
    static const struct option longs[] = {
        {"output", required_argument, 0, 'o'},   {"encoding", required_argument, 0, 'e'},
        {"to-script", required_argument, 0, OPT_SCRIPT}, {"phrases", no_argument, 0, OPT_PHRASES},
        {"space-latin", no_argument, 0, OPT_SPACE_LATIN}, {"drop-truncated", no_argument, 0, OPT_DROP},
        {"keep", required_argument, 0, OPT_KEEP},   {"report", optional_argument, 0, OPT_REPORT},
        {"list-rules", no_argument, 0, OPT_RULES},  {"format", required_argument, 0, OPT_FORMAT},
        {"toc", no_argument, 0, OPT_TOC},           {"no-toc", no_argument, 0, OPT_NO_TOC},
        {"style", required_argument, 0, OPT_STYLE}, {"vertical", no_argument, 0, OPT_VERTICAL},
        {"help", no_argument, 0, 'h'},              {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0}};
    unsigned flags = 0;
    int c, idx;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:e:hV", longs, &idx)) != -1) {
        switch (c) {
        case 'o': s->output = optarg; break;
        case 'e':
            if (zhtidy_options_set_encoding(s->lib, optarg) != ZHTIDY_OK)
                return bad_usage(t, "unknown encoding '%s'", optarg);
            break;
        case OPT_SCRIPT:
            if (set_script(s, optarg))
                return bad_usage(t, "--to-script takes keep, hans, hant, tw or hk, not '%s'", optarg);
            break;
        case OPT_PHRASES: flags |= ZHTIDY_PHRASES; break;
        case OPT_SPACE_LATIN: flags |= ZHTIDY_SPACE_LATIN; break;
        case OPT_DROP: flags |= ZHTIDY_DROP_TRUNCATED; break;
        case OPT_KEEP:
            if (zhtidy_options_keep(s->lib, optarg) != ZHTIDY_OK)
                return bad_usage(t, "no rule or pass is named '%s' (see --list-rules)", optarg);
            break;
        case OPT_REPORT:
            s->want_report = true;
            s->report = optarg ? optarg : "-";
            break;
        case OPT_RULES:
            for (size_t i = 0; zhtidy_rule_name(i); i++)
                printf("%-24s %s\n", zhtidy_rule_name(i), zhtidy_rule_help(zhtidy_rule_name(i)));
            return EXIT_OK;
        case OPT_FORMAT:
            if (!has_extra(t, "--format"))
                return bad_usage(t, "option '%s' is not for this tool", "--format");
            if (strcmp(optarg, "text") && strcmp(optarg, "tree"))
                return bad_usage(t, "--format takes text or tree, not '%s'", optarg);
            s->wo.format = optarg;
            break;
        case OPT_TOC: case OPT_NO_TOC:
            if (!has_extra(t, "--toc"))
                return bad_usage(t, "option '%s' is not for this tool", argv[optind - 1]);
            s->wo.toc = c == OPT_TOC;
            break;
        case OPT_STYLE:
            if (!has_extra(t, "--style"))
                return bad_usage(t, "option '%s' is not for this tool", "--style");
            if (strcmp(optarg, "plain") && strcmp(optarg, "gbt9704"))
                return bad_usage(t, "--style takes plain or gbt9704, not '%s'", optarg);
            s->wo.style = optarg;
            break;
        case OPT_VERTICAL:
            if (!has_extra(t, "--vertical"))
                return bad_usage(t, "option '%s' is not for this tool", "--vertical");
            s->wo.vertical = true;
            break;
        case 'h': usage(t, stdout); return EXIT_OK;
        case 'V': printf("%s (zhtidy) %s\n", t->name, zhtidy_version()); return EXIT_OK;
        case ':': return bad_usage(t, "option '%s' needs an argument", argv[optind - 1]);
        default: return bad_usage(t, "unknown option '%s'", argv[optind - 1]);
        }
    }
    zhtidy_options_set_flags(s->lib, flags);
    if (optind == argc)
        return bad_usage(t, "%s", "no input given");
    if (optind + 1 < argc)
        return bad_usage(t, "one input at a time; '%s' is extra", argv[optind + 1]);
    *input = argv[optind];
    return -1;
}

/* NAME.txt -> NAME.ext beside the input. */
static char *output_beside(const char *input, const char *ext)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - input) : strlen(input);
    char *out = malloc(stem + strlen(ext) + 1);
    if (out) {
        memcpy(out, input, stem);
        strcpy(out + stem, ext);
    }
    return out;
}

static void dates_from_env(writer_opts *wo, char *date, size_t len)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = e && *e ? strtoll(e, &end, 10) : 0;
    if (!e || !*e || *end || v < 315532800LL || v > 253402300799LL)
        v = 315532800LL; /* 1980-01-01, the earliest a zip entry can say */
    time_t tt = (time_t)v;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(date, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
    wo->epoch = v;
    wo->date = date;
}

static int convert(const tool *t, settings *s, const char *input)
{
    obuf in = {0}, out = {0};
    int rc = EXIT_INPUT;
    zhtidy_doc *doc = NULL;
    char *target = NULL;
    if (!read_input(t->name, input, &in))
        goto done;
    zhtidy_status st = zhtidy_read(in.data, in.len, strcmp(input, "-") ? input : "stdin",
                                   s->lib, &doc);
    if (st) {
        fprintf(stderr, "%s: %s: %s\n", t->name, input, zhtidy_strerror(st));
        goto done;
    }
    size_t invalid = count_rule(doc, "decode.invalid");
    if (invalid)
        fprintf(stderr, "%s: %s: warning: %zu invalid byte sequence%s replaced by U+FFFD\n",
                t->name, input, invalid, invalid == 1 ? "" : "s");
    size_t forbidden = t->binary ? xml_forbidden(doc) : 0;
    if (forbidden)
        fprintf(stderr, "%s: %s: warning: %zu control character%s that XML cannot hold left out\n",
                t->name, input, forbidden, forbidden == 1 ? "" : "s");
    char err[256] = "";
    if (!t->write(doc, &s->wo, &out, err, sizeof err) || out.failed) {
        fprintf(stderr, "%s: %s: %s\n", t->name, input, err[0] ? err : "out of memory");
        goto done;
    }
    const char *path = s->output;
    if (!path && t->out_beside && (path = target = output_beside(input, t->ext)) == NULL) {
        fprintf(stderr, "%s: out of memory\n", t->name);
        goto done;
    }
    rc = write_output(t->name, path ? path : "-", &out);
    if (rc == EXIT_OK && s->want_report) {
        FILE *f = strcmp(s->report, "-") ? fopen(s->report, "w") : stderr;
        if (!f) {
            fprintf(stderr, "%s: %s: cannot write report: %s\n", t->name, s->report, strerror(errno));
            rc = EXIT_INPUT;
        } else {
            print_report(f, input, doc);
            if (f != stderr && fclose(f) != 0)
                rc = EXIT_INPUT;
        }
    }
done:
    free(target);
    zhtidy_doc_free(doc);
    ob_free(&in);
    ob_free(&out);
    return rc;
}

int cli_main(const tool *t, int argc, char **argv)
{
    settings s = {0};
    s.wo.format = "text";
    s.wo.toc = -1;
    s.wo.style = "plain";
    char date[32];
    dates_from_env(&s.wo, date, sizeof date);
    if (!(s.lib = zhtidy_options_new())) {
        fprintf(stderr, "%s: out of memory\n", t->name);
        return EXIT_INPUT;
    }
    const char *input = NULL;
    int rc = parse(t, &s, argc, argv, &input);
    if (rc < 0) {
        if (t->binary && !strcmp(input, "-") && !s.output)
            rc = bad_usage(t, "%s", "reading standard input needs -o FILE");
        else if (t->binary && s.output && !strcmp(s.output, "-") && isatty(STDOUT_FILENO))
            rc = bad_usage(t, "%s", "will not write a binary file to a terminal");
        else {
            catch_signals();
            rc = convert(t, &s, input);
        }
    }
    zhtidy_options_free(s.lib);
    zhtidy_cleanup();
    return rc;
}
