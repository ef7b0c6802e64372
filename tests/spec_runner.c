/* SPDX-License-Identifier: MIT */
/* spec_runner - runs the cases of a spec file through a zhtidy tool.
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
 * "--- args:" may be left out.  Each case's input goes to the tool on
 * standard input; its standard output must equal the expected text exactly
 * (the final newline of each section belongs to it; blank lines at the end
 * of a section are dropped, so cases may be separated by blank lines).  Escapes in input and
 * expected text: \t, \r, \0xx (byte in hex), \\.
 *
 * usage: spec_runner TOOL FILE.spec
 */
#define _GNU_SOURCE
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

/* Run TOOL ARGS - with INPUT on stdin; return its stdout and exit status. */
static int run(const char *tool, const char *args, const str *input, str *out)
{
    char path[] = "/tmp/zhtidy-spec-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, input->data ? input->data : "", input->len) != (ssize_t)input->len) {
        perror("spec_runner: temp file");
        exit(2);
    }
    close(fd);
    str cmd = {0};
    add(&cmd, "'", 1);
    add(&cmd, tool, strlen(tool));
    add(&cmd, "' ", 2);
    add(&cmd, args, strlen(args));
    add(&cmd, " - < ", 5);
    add(&cmd, path, strlen(path));
    FILE *p = popen(cmd.data, "r");
    if (!p) {
        perror("spec_runner: popen");
        exit(2);
    }
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        add(out, buf, n);
    int status = pclose(p);
    unlink(path);
    free(cmd.data);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

typedef struct {
    char name[256];
    char args[512];
    str input, expect;
    int section; /* 0 input, 1 expect */
    unsigned long line;
} spec_case;

static int failures, passes;

static void finish(const char *tool, const char *file, spec_case *c)
{
    if (!c->name[0])
        return;
    /* Blank lines between cases belong to no case. */
    str *sec[] = {&c->input, &c->expect};
    for (int k = 0; k < 2; k++)
        while (sec[k]->len >= 2 && sec[k]->data[sec[k]->len - 1] == '\n' &&
               sec[k]->data[sec[k]->len - 2] == '\n')
            sec[k]->data[--sec[k]->len] = '\0';
    str out = {0};
    int rc = run(tool, c->args, &c->input, &out);
    bool ok = rc == 0 && out.len == c->expect.len &&
              (!out.len || !memcmp(out.data, c->expect.data, out.len));
    if (ok) {
        passes++;
    } else {
        failures++;
        printf("FAIL %s:%lu: %s (exit %d)\n--- expected\n%s--- got\n%s---\n", file, c->line,
               c->name, rc, c->expect.data ? c->expect.data : "", out.data ? out.data : "");
    }
    free(out.data);
    free(c->input.data);
    free(c->expect.data);
    memset(&c->input, 0, sizeof c->input);
    memset(&c->expect, 0, sizeof c->expect);
    c->name[0] = '\0';
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: spec_runner TOOL FILE.spec\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
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
            finish(argv[1], argv[2], &c);
            snprintf(c.name, sizeof c.name, "%.*s", (int)(n - 4 - (line[n - 1] == '\n')), line + 4);
            snprintf(c.args, sizeof c.args, "%s", defaults);
            c.section = 0;
            c.line = lineno;
        } else if (!strncmp(line, "--- args:", 9) && c.name[0]) {
            snprintf(c.args, sizeof c.args, "%.*s", (int)(n - 10 - (line[n - 1] == '\n')), line + 10);
        } else if (!strncmp(line, "--- expect", 10) && c.name[0]) {
            c.section = 1;
        } else if (c.name[0]) {
            add_unescaped(c.section ? &c.expect : &c.input, line, (size_t)n);
        }
    }
    finish(argv[1], argv[2], &c);
    free(line);
    fclose(f);
    printf("%s: %d passed, %d failed\n", argv[2], passes, failures);
    return failures || !passes ? 1 : 0;
}
