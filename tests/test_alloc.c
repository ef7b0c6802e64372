/* SPDX-License-Identifier: MIT */
/* test_alloc - the library under failing allocations.
 *
 * Linked with -Wl,--wrap=malloc,... around the library's own objects, so that
 * allocation number N made by the library fails.  For every N (every Nth in
 * a long run) zhtidy_read must return ZHTIDY_ERR_NOMEM, and once no
 * allocation is failed, ZHTIDY_OK; never crash, never leak (ASan checks).
 * usage: test_alloc SAMPLES_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "zhtidy.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static unsigned long count, fail_at; /* 0: never fail */
static int injected;

static int should_fail(void)
{
    if (fail_at && ++count == fail_at) {
        injected = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n) { return should_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) { return should_fail() ? NULL : __real_calloc(n, m); }
void *__wrap_realloc(void *p, size_t n) { return should_fail() ? NULL : __real_realloc(p, n); }

char *__wrap_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = __wrap_malloc(n);
    return p ? memcpy(p, s, n) : NULL;
}

static int failures;

/* Fail allocation 1, 1+STEP, 1+2*STEP ... until a run needs no more. */
static void sweep(const char *name, const char *text, size_t len, zhtidy_options *o,
                  unsigned long step)
{
    unsigned long runs = 0;
    for (unsigned long n = 1;; n += step) {
        count = 0;
        fail_at = n;
        injected = 0;
        zhtidy_doc *d = NULL;
        zhtidy_status st = zhtidy_read(text, len, "x", o, &d, NULL);
        runs++;
        if (injected && (st != ZHTIDY_ERR_NOMEM || d)) {
            printf("FAIL %s: allocation %lu failed but zhtidy_read returned %d\n", name, n, st);
            failures++;
        }
        zhtidy_doc_free(d);
        if (!injected) {
            if (st != ZHTIDY_OK) {
                printf("FAIL %s: no failure injected, status %d\n", name, st);
                failures++;
            }
            break;
        }
    }
    fail_at = 0;
    printf("%s: %lu runs\n", name, runs);
}

/* zhtidy_convert alone, each of its allocations failed in turn. */
static void sweep_convert(const char *config, const char *text)
{
    unsigned long n = 1;
    for (;; n++) {
        count = 0;
        fail_at = n;
        injected = 0;
        char *out = NULL;
        zhtidy_status st = zhtidy_convert(config, text, strlen(text), &out, NULL);
        if ((injected && (st != ZHTIDY_ERR_NOMEM || out)) || (!injected && st)) {
            printf("FAIL convert %s: allocation %lu, status %d\n", config, n, st);
            failures++;
        }
        free(out);
        if (!injected)
            break;
    }
    fail_at = 0;
    printf("convert %s: %lu runs\n", config, n);
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *p = slurp_file(path, len); /* fail_at is 0: nothing fails here */
    if (!p) {
        perror(path);
        exit(1);
    }
    return p;
}

typedef zhtidy_status (*writer)(const zhtidy_doc *, const void *, zhtidy_sink, void *);

/* The output goes where no allocation is failed: only the writers' own are. */
static int sink(void *ud, const void *data, size_t len)
{
    zhtidy_buffer *b = ud;
    char *p = __real_realloc(b->data, b->len + len + 1);
    if (!p)
        return -1;
    memcpy(p + b->len, data, len);
    b->data = p;
    b->len += len;
    return 0;
}

/* Every writer on DOC, failing allocation 1, 1+STEP ...: each run ends in
 * ZHTIDY_OK or ZHTIDY_ERR_NOMEM. */
static void sweep_writers(const zhtidy_doc *doc, unsigned long step)
{
    static const struct {
        const char *name;
        writer write;
    } writers[] = {
        {"txt", (writer)zhtidy_write_txt},   {"json", (writer)zhtidy_write_json},
        {"docx", (writer)zhtidy_write_docx}, {"epub", (writer)zhtidy_write_epub},
    };
    for (size_t w = 0; w < sizeof writers / sizeof writers[0]; w++) {
        unsigned long n;
        for (n = 1;; n += step) {
            zhtidy_buffer b = {0};
            count = 0;
            fail_at = n;
            injected = 0;
            zhtidy_status st = writers[w].write(doc, NULL, sink, &b);
            fail_at = 0;
            free(b.data);
            if (injected && st != ZHTIDY_ERR_NOMEM && st != ZHTIDY_OK) {
                printf("FAIL write %s: allocation %lu failed, status %d\n", writers[w].name, n, st);
                failures++;
            }
            if (!injected) {
                if (st != ZHTIDY_OK) {
                    printf("FAIL write %s: no failure injected, status %d\n", writers[w].name, st);
                    failures++;
                }
                break;
            }
        }
        printf("write %s: %lu runs\n", writers[w].name, n);
    }
}

/* The DOCX writer with a reference document (its own output), failing
 * each allocation in turn: OK or NOMEM, never a wrong template. */
static void sweep_reference(const zhtidy_doc *doc)
{
    zhtidy_buffer ref = {0};
    if (zhtidy_write_docx(doc, NULL, sink, &ref) != ZHTIDY_OK) {
        printf("FAIL write docx for a reference document\n");
        failures++;
        return;
    }
    zhtidy_docx_options opts;
    zhtidy_docx_options_init(&opts);
    opts.reference_doc = ref.data;
    opts.reference_doc_len = ref.len;
    unsigned long n;
    for (n = 1;; n++) {
        zhtidy_buffer b = {0};
        count = 0;
        fail_at = n;
        injected = 0;
        zhtidy_status st = zhtidy_write_docx(doc, &opts, sink, &b);
        fail_at = 0;
        free(b.data);
        if (injected ? st != ZHTIDY_ERR_NOMEM && st != ZHTIDY_OK : st != ZHTIDY_OK) {
            printf("FAIL write docx with a reference: allocation %lu failed (%d), status %d\n", n,
                   injected, st);
            failures++;
        }
        if (!injected)
            break;
    }
    printf("write docx with a reference: %lu runs\n", n);
    free(ref.data);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_alloc SAMPLES_DIR\n");
        return 2;
    }
    zhtidy_options *o = zhtidy_options_new();
    zhtidy_options_set_script(o, ZHTIDY_SCRIPT_HANS);
    zhtidy_options_set_flags(o, ZHTIDY_SPACE_LATIN);
    /* OpenCC opens its dictionaries once, outside the sweep */
    char *warm = NULL;
    zhtidy_convert("t2s", "x", 1, &warm, NULL);
    free(warm);

    static const char small[] =
        "\xEF\xBB\xBF　　標題:教育\r\n同志们,你好!\x07 \xE2\x80\x8B(一)测试...\n"
        "ＡＢＣ１２３ 使用Python(一种语言)--\"引用\"\xFF\n\n二噁英 e\xCC\x81";
    sweep("small", small, sizeof small - 1, o, 1);

    /* three conversions in a chain, a repaired byte, a phrase with ASCII */
    sweep_convert("s2twp", "这个软件的内存\xFF不足，U盘里的SQL注入");
    sweep_convert("tw2sp", "這個軟體的記憶體不足，隨身碟裡的SQL隱碼攻擊");

    size_t len;
    char *text = slurp(argv[1], "001_d1cd337ab5630d42.txt", &len);
    sweep("sample 001", text, len, o, 5);
    zhtidy_doc *doc = NULL;
    if (zhtidy_read(text, len, "001.txt", o, &doc, NULL) == ZHTIDY_OK) {
        sweep_writers(doc, 1);
        sweep_reference(doc);
    }
    zhtidy_doc_free(doc);
    free(text);
    zhtidy_options_free(o);
    zhtidy_cleanup();
    printf("test_alloc: %s\n", failures ? "FAILED" : "all runs ended in OK or NOMEM");
    return failures ? 1 : 0;
}
