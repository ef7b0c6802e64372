/* SPDX-License-Identifier: MIT */
/* spec_runner - runs the cases of a spec file through the library, as
 * zhtidy-txt would with the same arguments.
 *
 * A spec file holds cases like this:
 *
 *     === comma between Chinese characters
 *     --- args: --format tree
 *     同志们,你好
 *     --- expect
 *     p 同志们，你好
 *
 * A line "%% args: ..." before the first case sets the default arguments.
 * "--- args:" may be left out.
 *
 * A case may end with a "--- report" section: lines RULE<TAB>LINE<TAB>KIND
 * <TAB>TEXT, and <TAB>NEW for a replacement (KIND remove, replace, insert or
 * flag).  For every rule it names, the report's entries of that rule must be
 * exactly these, in this order; other rules' entries are not looked at.  Each case's input is read, repaired and
 * written by the library as zhtidy-txt does with the same arguments; the
 * output must equal the expected text exactly
 * (the final newline of each section belongs to it; blank lines at the end
 * of a section are dropped, so cases may be separated by blank lines).  Escapes in input and
 * expected text: \t, \r, \0xx (byte in hex), \\.
 *
 * usage: spec_runner FILE.spec
 */
#define _GNU_SOURCE
#include "zhtidy.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    char *data;
    size_t len, cap;
} str;

static void add(str *s, const char *p, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        s->cap = (s->len + n + 1) * 2;
        s->data = realloc(s->data, s->cap);
        if (!s->data) {
            perror("spec_runner");
            exit(2);
        }
    }
    memcpy(s->data + s->len, p, n);
    s->len += n;
    s->data[s->len] = '\0';
}

/* Append LINE, decoding the escapes. */
static void add_unescaped(str *s, const char *line, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = line[i];
        if (c == '\\' && i + 1 < n) {
            char e = line[++i];
            if (e == 't') c = '\t';
            else if (e == 'r') c = '\r';
            else if (e == '0' && i + 2 < n) {
                char hex[3] = {line[i + 1], line[i + 2], 0};
                c = (char)strtol(hex, NULL, 16);
                i += 2;
            } else c = e;
        }
        add(s, &c, 1);
    }
}

/* Set one option of ARGS (as zhtidy-txt takes it) on O and W; false for an
 * option the runner does not know. */
static bool option(zhtidy_options *o, zhtidy_txt_options *w, unsigned *flags, const char *opt,
                   const char *val)
{
    static const char *scripts[] = {"keep", "hans", "hant", "tw", "hk"};
    static const char *inputs[] = {"auto", "text", "html", "json"};
    if (!strcmp(opt, "--format") && val)
        return w->tree = !strcmp(val, "tree"), true;
    if (!strcmp(opt, "--keep") && val)
        return zhtidy_options_keep(o, val) == ZHTIDY_OK;
    if ((!strcmp(opt, "--encoding") || !strcmp(opt, "-e")) && val)
        return zhtidy_options_set_encoding(o, val) == ZHTIDY_OK;
    for (int k = 0; val && k < 5 && !strcmp(opt, "--to-script"); k++)
        if (!strcmp(val, scripts[k]))
            return zhtidy_options_set_script(o, (zhtidy_script)k), true;
    for (int k = 0; val && k < 4 && (!strcmp(opt, "--from") || !strcmp(opt, "-f")); k++)
        if (!strcmp(val, inputs[k]))
            return zhtidy_options_set_input(o, (zhtidy_input)k), true;
    if (!strcmp(opt, "--phrases"))
        return *flags |= ZHTIDY_PHRASES, true;
    if (!strcmp(opt, "--space-latin"))
        return *flags |= ZHTIDY_SPACE_LATIN, true;
    if (!strcmp(opt, "--drop-truncated"))
        return *flags |= ZHTIDY_DROP_TRUNCATED, true;
    return false;
}

static bool takes_value(const char *opt)
{
    static const char *with[] = {"--format", "--keep", "--encoding", "-e", "--to-script",
                                 "--from", "-f"};
    for (size_t k = 0; k < sizeof with / sizeof with[0]; k++)
        if (!strcmp(opt, with[k]))
            return true;
    return false;
}

/* Does the report section EXPECT name RULE (at the start of one of its
 * lines)? */
static bool names_rule(const str *expect, const char *rule)
{
    size_t n = strlen(rule);
    for (const char *l = expect->data; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "")
        if (!strncmp(l, rule, n) && l[n] == '\t')
            return true;
    return false;
}

/* The entries of DOC's report whose rules EXPECT names, as its lines are
 * written, into OUT. */
static void report_lines(const zhtidy_doc *doc, const str *expect, str *out)
{
    static const char *kinds[] = {"", "remove", "replace", "insert", "flag"};
    const zhtidy_report *r = zhtidy_doc_report(doc);
    for (size_t i = 0; i < zhtidy_report_count(r); i++) {
        zhtidy_change c;
        if (zhtidy_report_get(r, i, &c) || !names_rule(expect, c.rule))
            continue;
        char head[128];
        int n = snprintf(head, sizeof head, "%s\t%lu\t%s\t", c.rule, c.line, kinds[c.kind]);
        add(out, head, (size_t)n);
        add(out, c.text, strlen(c.text));
        if (c.kind == ZHTIDY_CHANGE_REPLACE) {
            add(out, "\t", 1);
            add(out, c.new_text, strlen(c.new_text));
        }
        add(out, "\n", 1);
    }
}

/* Read INPUT with the options ARGS names, through the library as zhtidy-txt
 * does, into OUT, and the report's entries that REPORT names into GOT;
 * 0, or 2 for bad arguments, 1 when reading failed. */
static int run(const char *args, const str *input, const str *report, str *out, str *got)
{
    zhtidy_options *o = zhtidy_options_new();
    zhtidy_txt_options w;
    zhtidy_txt_options_init(&w);
    unsigned flags = 0;
    char copy[512], *save = NULL;
    snprintf(copy, sizeof copy, "%s", args);
    int rc = 0;
    for (char *tok = strtok_r(copy, " ", &save); tok && !rc; tok = strtok_r(NULL, " ", &save)) {
        char *val = takes_value(tok) ? strtok_r(NULL, " ", &save) : NULL;
        if (!option(o, &w, &flags, tok, val)) {
            add(out, "bad argument: ", 14);
            add(out, tok, strlen(tok));
            rc = 2;
        }
    }
    zhtidy_options_set_flags(o, flags);
    zhtidy_doc *doc = NULL;
    zhtidy_error err;
    if (!rc && zhtidy_read(input->data ? input->data : "", input->len, "-", o, &doc, &err)) {
        add(out, err.message, strlen(err.message));
        rc = 1;
    }
    zhtidy_buffer b = {0};
    if (!rc && zhtidy_write_txt(doc, &w, zhtidy_buffer_sink, &b))
        rc = 1;
    if (b.len)
        add(out, b.data, b.len);
    if (!rc && report->len)
        report_lines(doc, report, got);
    zhtidy_free(b.data);
    zhtidy_doc_free(doc);
    zhtidy_options_free(o);
    return rc;
}

typedef struct {
    char name[256];
    char args[512];
    str input, expect, report;
    int section; /* 0 input, 1 expect, 2 report */
    unsigned long line;
} spec_case;

static int failures, passes;

static void finish(const char *file, spec_case *c)
{
    if (!c->name[0])
        return;
    /* Blank lines between cases belong to no case. */
    str *sec[] = {&c->input, &c->expect, &c->report};
    for (int k = 0; k < 3; k++)
        while (sec[k]->len >= 2 && sec[k]->data[sec[k]->len - 1] == '\n' &&
               sec[k]->data[sec[k]->len - 2] == '\n')
            sec[k]->data[--sec[k]->len] = '\0';
    str out = {0}, got = {0};
    int rc = run(c->args, &c->input, &c->report, &out, &got);
    bool ok = rc == 0 && out.len == c->expect.len &&
              (!out.len || !memcmp(out.data, c->expect.data, out.len)) &&
              got.len == c->report.len && (!got.len || !memcmp(got.data, c->report.data, got.len));
    if (ok) {
        passes++;
    } else {
        failures++;
        printf("FAIL %s:%lu: %s (exit %d)\n--- expected\n%s--- got\n%s---\n", file, c->line,
               c->name, rc, c->expect.data ? c->expect.data : "", out.data ? out.data : "");
        if (c->report.len)
            printf("--- expected report\n%s--- got report\n%s---\n", c->report.data,
                   got.data ? got.data : "");
    }
    free(out.data);
    free(got.data);
    free(c->input.data);
    free(c->expect.data);
    free(c->report.data);
    memset(&c->input, 0, sizeof c->input);
    memset(&c->expect, 0, sizeof c->expect);
    memset(&c->report, 0, sizeof c->report);
    c->name[0] = '\0';
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: spec_runner FILE.spec\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    char defaults[512] = "";
    spec_case c = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        if (!strncmp(line, "%% args:", 8)) {
            snprintf(defaults, sizeof defaults, "%.*s", (int)(n - 9 - (line[n - 1] == '\n')), line + 9);
        } else if (!strncmp(line, "=== ", 4)) {
            finish(argv[1], &c);
            snprintf(c.name, sizeof c.name, "%.*s", (int)(n - 4 - (line[n - 1] == '\n')), line + 4);
            snprintf(c.args, sizeof c.args, "%s", defaults);
            c.section = 0;
            c.line = lineno;
        } else if (!strncmp(line, "--- args:", 9) && c.name[0]) {
            snprintf(c.args, sizeof c.args, "%.*s", (int)(n - 10 - (line[n - 1] == '\n')), line + 10);
        } else if (!strncmp(line, "--- expect", 10) && c.name[0]) {
            c.section = 1;
        } else if (!strncmp(line, "--- report", 10) && c.name[0]) {
            c.section = 2;
        } else if (c.name[0]) {
            str *to[] = {&c.input, &c.expect, &c.report};
            add_unescaped(to[c.section], line, (size_t)n);
        }
    }
    finish(argv[1], &c);
    free(line);
    fclose(f);
    printf("%s: %d passed, %d failed\n", argv[1], passes, failures);
    return failures || !passes ? 1 : 0;
}
