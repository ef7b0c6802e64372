/* SPDX-License-Identifier: MIT */
/* test_lib - unit tests of the document tree, the reader and the report.
 * usage: test_lib SAMPLES_DIR */
#include <errno.h>
#include <stdbool.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "zhtidy.h"

static int failures, checks;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

static const char *samples;

static char *slurp(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", samples, name);
    char *p = slurp_file(path, len);
    if (!p) {
        fprintf(stderr, "cannot read %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return p;
}

static zhtidy_options *raw_options(void)
{
    /* only decoding: every pass off */
    zhtidy_options *o = zhtidy_options_new();
    for (size_t i = 0; zhtidy_pass_name(i); i++)
        CHECK(zhtidy_options_keep(o, zhtidy_pass_name(i)) == ZHTIDY_OK); /* a pass names its rules */
    return o;
}

static void test_tree(void)
{
    zhtidy_doc *d = zhtidy_doc_new();
    CHECK(d != NULL);
    CHECK(zhtidy_doc_block_count(d) == 0);
    CHECK(zhtidy_doc_append(d, ZHTIDY_HEADING, 1, 0, "一、总则", strlen("一、总则"), 3) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_PARAGRAPH, 0, 0, "正文", strlen("正文"), 4) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_HEADING, 5, 0, "x", 1, 0) == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_doc_append(d, ZHTIDY_HEADING, 0, 0, "x", 1, 0) == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_doc_append(d, (zhtidy_block_type)9, 0, 0, "x", 1, 0) == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_doc_append(NULL, ZHTIDY_PARAGRAPH, 0, 0, "x", 1, 0) == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_doc_block_count(d) == 2);
    CHECK(zhtidy_doc_block_type(d, 0) == ZHTIDY_HEADING);
    CHECK(zhtidy_doc_block_level(d, 0) == 1);
    CHECK(zhtidy_doc_block_level(d, 1) == 0);
    CHECK(zhtidy_doc_block_line(d, 1) == 4);
    size_t len = 0;
    CHECK(!strcmp(zhtidy_doc_block_text(d, 1, &len), "正文") && len == strlen("正文"));
    CHECK(zhtidy_doc_block_text(d, 2, &len) == NULL && len == 0);
    CHECK(zhtidy_doc_block_type(d, 2) == 0);
    CHECK(zhtidy_doc_meta(d, ZHTIDY_META_TITLE) == NULL);
    CHECK(zhtidy_doc_set_meta(d, ZHTIDY_META_TITLE, "标题") == ZHTIDY_OK);
    CHECK(!strcmp(zhtidy_doc_meta(d, ZHTIDY_META_TITLE), "标题"));
    CHECK(zhtidy_doc_set_meta(d, ZHTIDY_META_TITLE, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_doc_meta(d, ZHTIDY_META_TITLE) == NULL);
    CHECK(zhtidy_doc_set_meta(d, ZHTIDY_META_COUNT, "x") == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_report_count(zhtidy_doc_report(d)) == 0);
    zhtidy_doc_free(d);
    zhtidy_doc_free(NULL);
}

static void test_status(void)
{
    const zhtidy_status all[] = {ZHTIDY_OK, ZHTIDY_ERR_NOMEM, ZHTIDY_ERR_IO, ZHTIDY_ERR_BINARY,
                                 ZHTIDY_ERR_ENCODING, ZHTIDY_ERR_ARG, ZHTIDY_ERR_OPENCC,
                                 ZHTIDY_ERR_TOO_BIG, ZHTIDY_ERR_JSON, ZHTIDY_ERR_WRITE};
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        CHECK(zhtidy_strerror(all[i]) != NULL);
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(zhtidy_strerror(all[i]), zhtidy_strerror(all[j])) != 0);
    }
    CHECK(!strcmp(zhtidy_strerror((zhtidy_status)-99), "unknown error"));
    CHECK(!strcmp(zhtidy_version(), ZHTIDY_VERSION_STRING));
}

static void test_options(void)
{
    zhtidy_options *o = zhtidy_options_new();
    CHECK(zhtidy_options_keep(o, "no.such.rule") == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_options_keep(o, "typo") == ZHTIDY_ERR_ARG); /* not a prefix match */
    CHECK(zhtidy_options_keep(o, "typography") == ZHTIDY_OK);
    CHECK(zhtidy_options_keep(o, "unicode.nfc") == ZHTIDY_OK);
    CHECK(zhtidy_options_set_encoding(o, "no-such-encoding") == ZHTIDY_ERR_ENCODING);
    CHECK(zhtidy_options_set_encoding(o, "GBK") == ZHTIDY_OK);
    CHECK(zhtidy_options_set_encoding(o, "auto") == ZHTIDY_OK);
    CHECK(zhtidy_rule_help("typography.punct") != NULL);
    CHECK(zhtidy_rule_help("nope") == NULL);
    /* the names users type are the passes': every pass, and structure */
    for (size_t i = 0; zhtidy_pass_name(i); i++)
        CHECK(zhtidy_options_keep(o, zhtidy_pass_name(i)) == ZHTIDY_OK);
    CHECK(zhtidy_options_keep(o, "title") == ZHTIDY_OK);
    CHECK(zhtidy_options_keep(o, "structure") == ZHTIDY_OK);
    CHECK(zhtidy_options_keep(o, "html") == ZHTIDY_OK);
    /* every rule belongs to a pass that exists, or to a reader */
    for (size_t i = 0; zhtidy_rule_name(i); i++) {
        const char *r = zhtidy_rule_name(i), *dot = strchr(r, '.');
        bool found = !strncmp(r, "decode.", 7) || !strncmp(r, "html.", 5);
        for (size_t k = 0; zhtidy_pass_name(k) && !found && dot; k++)
            found = strlen(zhtidy_pass_name(k)) == (size_t)(dot - r) &&
                    !strncmp(zhtidy_pass_name(k), r, (size_t)(dot - r));
        CHECK(found);
    }
    zhtidy_options_free(o);
}

/* Metadata given in the options stands over what the passes found, on a
 * repaired text and on a JSON tree (which is not repaired). */
static void test_options_meta(void)
{
    static const char text[] = "关于教育发展的报告\n一、总体要求随着社会经济的快速发展，人才需求上升。\n";
    static const char tree[] = "{\"zhtidy\": 1, \"meta\": {\"title\": \"旧\", \"keywords\": \"甲\"}, "
                               "\"blocks\": [{\"type\": \"paragraph\", \"text\": \"正文。\"}]}";
    zhtidy_options *o = zhtidy_options_new();
    zhtidy_doc *d = NULL;
    CHECK(zhtidy_options_set_meta(o, ZHTIDY_META_COUNT, "x") == ZHTIDY_ERR_ARG);
    CHECK(zhtidy_options_set_meta(o, ZHTIDY_META_AUTHOR, "张三") == ZHTIDY_OK);
    CHECK(zhtidy_read(text, sizeof text - 1, "a.txt", o, &d, NULL) == ZHTIDY_OK);
    CHECK(d && !strcmp(zhtidy_doc_meta(d, ZHTIDY_META_TITLE), "关于教育发展的报告"));
    CHECK(d && !strcmp(zhtidy_doc_meta(d, ZHTIDY_META_AUTHOR), "张三"));
    zhtidy_doc_free(d);
    CHECK(zhtidy_options_set_meta(o, ZHTIDY_META_TITLE, "新") == ZHTIDY_OK);
    CHECK(zhtidy_options_set_meta(o, ZHTIDY_META_KEYWORDS, "") == ZHTIDY_OK);
    CHECK(zhtidy_read(tree, sizeof tree - 1, "t.json", o, &d, NULL) == ZHTIDY_OK);
    CHECK(d && !strcmp(zhtidy_doc_meta(d, ZHTIDY_META_TITLE), "新"));
    CHECK(d && !zhtidy_doc_meta(d, ZHTIDY_META_KEYWORDS));
    zhtidy_doc_free(d);
    CHECK(zhtidy_options_set_meta(o, ZHTIDY_META_TITLE, NULL) == ZHTIDY_OK); /* the passes' again */
    CHECK(zhtidy_read(text, sizeof text - 1, "a.txt", o, &d, NULL) == ZHTIDY_OK);
    CHECK(d && !strcmp(zhtidy_doc_meta(d, ZHTIDY_META_TITLE), "关于教育发展的报告"));
    zhtidy_doc_free(d);
    zhtidy_options_free(o);
}

/* Parse, then repair, a document; and repair one built by hand. */
static void test_parse_repair(void)
{
    static const char text[] = "一、总体要求随着社会经济的快速发展，人才需求上升。\n";
    zhtidy_doc *d = NULL;
    zhtidy_error err;
    CHECK(zhtidy_parse(text, sizeof text - 1, "x.txt", NULL, &d, &err) == ZHTIDY_OK);
    CHECK(zhtidy_doc_block_count(d) == 1 && zhtidy_doc_block_type(d, 0) == ZHTIDY_PARAGRAPH);
    CHECK(zhtidy_repair(d, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_doc_block_count(d) == 2 && zhtidy_doc_block_type(d, 0) == ZHTIDY_HEADING);
    zhtidy_doc_free(d);

    d = zhtidy_doc_new();
    CHECK(zhtidy_doc_append(d, ZHTIDY_PARAGRAPH, 0, 0, "已阅读5页,还剩17页未读", strlen("已阅读5页,还剩17页未读"), 1) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_PARAGRAPH, 0, 0, "同志们,你好", strlen("同志们,你好"), 2) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_CODE, 0, 0, "f(a,b);", 7, 3) == ZHTIDY_OK);
    CHECK(zhtidy_repair(d, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_doc_block_count(d) == 2);
    CHECK(!strcmp(zhtidy_doc_block_text(d, 0, NULL), "同志们，你好"));
    CHECK(!strcmp(zhtidy_doc_block_text(d, 1, NULL), "f(a,b);")); /* code stays verbatim */
    zhtidy_doc_free(d);
}

/* What a document was read from; a report dropped when it is not needed;
 * removed text stays in the report after the document was compacted; the
 * limits of a tree built by hand. */
static void test_input_and_report(void)
{
    static const char text[] = "上传人:张** 文档编号:3555983 页数:63 大小:2.11MB\n"
                               "各部门：为了进一步加强安全生产管理，落实安全生产责任制，现将有关事项通知如下。\n";
    zhtidy_doc *d = NULL;
    zhtidy_error err;
    CHECK(zhtidy_read(text, sizeof text - 1, "x.txt", NULL, &d, &err) == ZHTIDY_OK);
    CHECK(zhtidy_doc_input(d) == ZHTIDY_INPUT_TEXT);
    const zhtidy_report *r = zhtidy_doc_report(d);
    bool removed = false;
    for (size_t i = 0; i < zhtidy_report_count(r); i++) {
        zhtidy_change c;
        CHECK(zhtidy_report_get(r, i, &c) == ZHTIDY_OK);
        removed = removed || (c.kind == ZHTIDY_CHANGE_REMOVE && strstr(c.text, "文档编号:3555983"));
    }
    CHECK(removed); /* the metadata line, whole, in the report */
    zhtidy_buffer b = {0};
    CHECK(zhtidy_write_json(d, NULL, zhtidy_buffer_sink, &b) == ZHTIDY_OK);
    zhtidy_doc *back = NULL;
    CHECK(zhtidy_read(b.data, b.len, "x.json", NULL, &back, &err) == ZHTIDY_OK);
    CHECK(zhtidy_doc_input(back) == ZHTIDY_INPUT_JSON);
    CHECK(zhtidy_report_count(zhtidy_doc_report(back)) == zhtidy_report_count(r));
    zhtidy_doc_free(back);
    zhtidy_free(b.data);
    zhtidy_doc_clear_report(d);
    CHECK(zhtidy_report_count(zhtidy_doc_report(d)) == 0);
    CHECK(zhtidy_doc_block_count(d) == 1); /* the text is untouched */
    zhtidy_doc_free(d);

    d = zhtidy_doc_new();
    CHECK(zhtidy_doc_input(d) == ZHTIDY_INPUT_AUTO);
    CHECK(zhtidy_doc_append(d, ZHTIDY_PARAGRAPH, 0, 0, "x", 1, 4294967295UL) == ZHTIDY_OK);
    if (sizeof(unsigned long) > 4)
        CHECK(zhtidy_doc_append(d, ZHTIDY_PARAGRAPH, 0, 0, "x", 1, (unsigned long)UINT32_MAX + 1) ==
              ZHTIDY_ERR_ARG);
    CHECK(zhtidy_doc_append(d, ZHTIDY_PARAGRAPH, 0, 0, "x", ZHTIDY_MAX_INPUT + 1, 1) ==
          ZHTIDY_ERR_TOO_BIG);
    zhtidy_doc_free(d);
}

/* A tree written as JSON reads back to the same tree, tables and lists
 * included; the writers go through any sink. */
static void test_json_round_trip(void)
{
    zhtidy_doc *d = zhtidy_doc_new();
    CHECK(zhtidy_doc_set_meta(d, ZHTIDY_META_TITLE, "标题\"引号\"") == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_HEADING, 2, 0, "一、总则", strlen("一、总则"), 7) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_LIST_ITEM, 2, ZHTIDY_BLOCK_ORDERED, "第一项", strlen("第一项"), 0) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append(d, ZHTIDY_CODE, 0, 0, "a\n\tb", 4, 0) == ZHTIDY_OK);
    CHECK(zhtidy_doc_append_table(d, 1, 9) == ZHTIDY_OK);
    CHECK(zhtidy_doc_table_add_row(d) == ZHTIDY_OK);
    CHECK(zhtidy_doc_table_add_cell(d, "年份", strlen("年份"), 2, 1, 1) == ZHTIDY_OK);
    CHECK(zhtidy_doc_table_add_row(d) == ZHTIDY_OK);
    CHECK(zhtidy_doc_table_add_cell(d, "2024", 4, 1, 1, 0) == ZHTIDY_OK);
    CHECK(zhtidy_doc_table_add_cell(d, "", 0, 1, 1, 0) == ZHTIDY_OK);
    zhtidy_buffer a = {0}, b = {0};
    CHECK(zhtidy_write_json(d, NULL, zhtidy_buffer_sink, &a) == ZHTIDY_OK);
    zhtidy_doc *e = NULL;
    zhtidy_error err;
    CHECK(zhtidy_read(a.data, a.len, NULL, NULL, &e, &err) == ZHTIDY_OK);
    CHECK(zhtidy_write_json(e, NULL, zhtidy_buffer_sink, &b) == ZHTIDY_OK);
    CHECK(a.len == b.len && !memcmp(a.data, b.data, a.len));
    size_t header, n;
    CHECK(zhtidy_doc_table_rows(e, 3, &header) == 2 && header == 1);
    const zhtidy_cell *c = zhtidy_doc_table_row(e, 3, 0, &n);
    CHECK(n == 1 && c[0].colspan == 2 && c[0].header && !strcmp(c[0].text, "年份"));
    CHECK(zhtidy_doc_block_flags(e, 1) & ZHTIDY_BLOCK_ORDERED);
    CHECK(!strcmp(zhtidy_doc_block_text(e, 2, NULL), "a\n\tb"));
    zhtidy_free(a.data);
    zhtidy_free(b.data);
    zhtidy_doc_free(e);
    /* a syntax error has its line and column */
    static const char bad[] = "{\"zhtidy\": 1,\n \"blocks\": [}\n";
    CHECK(zhtidy_parse(bad, sizeof bad - 1, "t.json", NULL, &e, &err) == ZHTIDY_ERR_JSON && !e);
    CHECK(err.status == ZHTIDY_ERR_JSON && err.line == 2 && err.column > 1 && err.message[0]);
    zhtidy_doc_free(d);
}

static int refuse(void *ud, const void *data, size_t len)
{
    (void)data;
    (void)len;
    return ++*(int *)ud > 1; /* from 0: take one piece, refuse the next; from 1: refuse */
}

/* A sink that refuses makes the writer stop with ZHTIDY_ERR_WRITE. */
static void test_sink_refuses(void)
{
    size_t len;
    char *text = slurp("001_d1cd337ab5630d42.txt", &len);
    zhtidy_doc *d = NULL;
    CHECK(zhtidy_read(text, len, NULL, NULL, &d, NULL) == ZHTIDY_OK);
    int calls = 1;
    CHECK(zhtidy_write_docx(d, NULL, refuse, &calls) == ZHTIDY_ERR_WRITE);
    calls = 1;
    CHECK(zhtidy_write_txt(d, NULL, refuse, &calls) == ZHTIDY_ERR_WRITE);
    zhtidy_doc_free(d);
    free(text);
}

static void test_read_basics(void)
{
    zhtidy_options *raw = raw_options();
    zhtidy_doc *d = (zhtidy_doc *)1;
    CHECK(zhtidy_read("a\0b", 3, NULL, raw, &d, NULL) == ZHTIDY_ERR_BINARY && d == NULL);
    CHECK(zhtidy_read(NULL, 1, NULL, raw, &d, NULL) == ZHTIDY_ERR_ARG);

    const char crlf[] = "\xEF\xBB\xBF甲\r\n\r\n乙\r丙";
    CHECK(zhtidy_read(crlf, sizeof crlf - 1, "x.txt", raw, &d, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_doc_block_count(d) == 3);
    CHECK(!strcmp(zhtidy_doc_block_text(d, 0, NULL), "甲"));
    CHECK(zhtidy_doc_block_line(d, 0) == 1 && zhtidy_doc_block_line(d, 1) == 3);
    CHECK(!strcmp(zhtidy_doc_meta(d, ZHTIDY_META_SOURCE), "x.txt"));
    CHECK(!strcmp(zhtidy_doc_meta(d, ZHTIDY_META_ENCODING), "UTF-8"));
    zhtidy_doc_free(d);

    const char le[] = "\xFF\xFE\x2D\x4E\x87\x65\x0A\x00"; /* UTF-16LE 中文\n */
    CHECK(zhtidy_read(le, sizeof le - 1, NULL, raw, &d, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_doc_block_count(d) == 1 && !strcmp(zhtidy_doc_block_text(d, 0, NULL), "中文"));
    CHECK(!strcmp(zhtidy_doc_meta(d, ZHTIDY_META_ENCODING), "UTF-16LE"));
    zhtidy_doc_free(d);

    const char be[] = "\xFE\xFF\x4E\x2D\x65\x87"; /* UTF-16BE 中文 */
    CHECK(zhtidy_read(be, sizeof be - 1, NULL, raw, &d, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_doc_block_count(d) == 1 && !strcmp(zhtidy_doc_block_text(d, 0, NULL), "中文"));
    zhtidy_doc_free(d);

    /* invalid UTF-8 in mostly-UTF-8 text: replaced, counted, rest kept */
    const char bad[] = "教育\xFF科技\xC3人才培养的现状和发展";
    CHECK(zhtidy_read(bad, sizeof bad - 1, NULL, raw, &d, NULL) == ZHTIDY_OK);
    CHECK(!strcmp(zhtidy_doc_meta(d, ZHTIDY_META_ENCODING), "UTF-8"));
    CHECK(!strcmp(zhtidy_doc_block_text(d, 0, NULL),
                  "教育\xEF\xBF\xBD科技\xEF\xBF\xBD人才培养的现状和发展"));
    const zhtidy_report *r = zhtidy_doc_report(d);
    size_t invalid = 0;
    zhtidy_change c;
    for (size_t i = 0; !zhtidy_report_get(r, i, &c); i++)
        if (!strcmp(c.rule, "decode.invalid")) {
            invalid++;
            CHECK(c.kind == ZHTIDY_CHANGE_REPLACE && c.line == 1);
        }
    CHECK(invalid == 2);
    CHECK(zhtidy_report_get(r, 99, &c) == ZHTIDY_ERR_ARG);
    zhtidy_doc_free(d);
    zhtidy_options_free(raw);
}

/* Encode UTF-8 text in ENC, skipping characters ENC lacks (iconv -c). */
static char *encode(const char *enc, const char *text, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    CHECK(cd != (iconv_t)-1);
    char *out = malloc(len * 2 + 16), *op = out, *ip = (char *)text;
    size_t left = len, room = len * 2 + 16;
    while (left > 0) {
        if (iconv(cd, &ip, &left, &op, &room) != (size_t)-1)
            break;
        do { /* skip one UTF-8 character */
            ip++, left--;
        } while (left > 0 && ((unsigned char)*ip & 0xC0) == 0x80);
    }
    iconv_close(cd);
    *out_len = (size_t)(op - out);
    return out;
}

/* The sample encoded as ENC must be detected as DETECTED and read to the
 * same blocks as the UTF-8 text it came from. */
static void check_detect(const char *sample, const char *enc, const char *detected)
{
    zhtidy_options *raw = raw_options();
    size_t len, elen;
    char *text = slurp(sample, &len);
    char *bytes = encode(enc, text, len, &elen);
    /* what survives the encoding, back in UTF-8 */
    zhtidy_doc *want = NULL, *got = NULL;
    zhtidy_options *forced = raw_options();
    zhtidy_options_set_encoding(forced, enc);
    CHECK(zhtidy_read(bytes, elen, NULL, forced, &want, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_read(bytes, elen, NULL, raw, &got, NULL) == ZHTIDY_OK);
    if (want && got) {
        CHECK(!strcmp(zhtidy_doc_meta(got, ZHTIDY_META_ENCODING), detected));
        CHECK(zhtidy_doc_block_count(got) == zhtidy_doc_block_count(want));
        CHECK(zhtidy_doc_block_count(got) > 0);
        for (size_t i = 0; i < zhtidy_doc_block_count(got); i++)
            CHECK(!strcmp(zhtidy_doc_block_text(got, i, NULL), zhtidy_doc_block_text(want, i, NULL)));
        CHECK(zhtidy_report_count(zhtidy_doc_report(got)) == 0);
    }
    zhtidy_doc_free(want);
    zhtidy_doc_free(got);
    zhtidy_options_free(raw);
    zhtidy_options_free(forced);
    free(text);
    free(bytes);
}

static void test_detection(void)
{
    check_detect("002_039fb7077e656bd7.txt", "GB18030", "GB18030");
    check_detect("000_5101e33908fe9746.txt", "GBK", "GB18030");
    check_detect("001_d1cd337ab5630d42.txt", "BIG5-HKSCS", "BIG5-HKSCS");
    check_detect("001_d1cd337ab5630d42.txt", "GB18030", "GB18030"); /* Traditional in GB */
    check_detect("003_d43a78f306061050.txt", "BIG5-HKSCS", "BIG5-HKSCS"); /* Simplified in Big5 */
}

static void test_report_invariant_small(void)
{
    /* every change is recorded with rule, line and text */
    zhtidy_options *o = zhtidy_options_new();
    zhtidy_options_keep(o, "script");
    const char in[] = "标题\n同志们:\n　　正文 内容";
    zhtidy_doc *d = NULL;
    CHECK(zhtidy_read(in, sizeof in - 1, NULL, o, &d, NULL) == ZHTIDY_OK);
    const zhtidy_report *r = zhtidy_doc_report(d);
    zhtidy_change c;
    int seen = 0;
    for (size_t i = 0; !zhtidy_report_get(r, i, &c); i++) {
        if (!strcmp(c.rule, "typography.punct"))
            {
            seen |= 1;
            CHECK(c.line == 2 && !strcmp(c.text, ":") && !strcmp(c.new_text, "："));
        }
        if (!strcmp(c.rule, "unicode.indent"))
            {
            seen |= 2;
            CHECK(c.line == 3 && c.kind == ZHTIDY_CHANGE_REMOVE);
        }
        if (!strcmp(c.rule, "typography.space"))
            {
            seen |= 4;
            CHECK(c.line == 3 && !strcmp(c.text, " "));
        }
    }
    CHECK(seen == 7);
    zhtidy_doc_free(d);
    zhtidy_options_free(o);
}

/* ---- the audit invariant ------------------------------------------- */

static int32_t next_cp(const unsigned char *s, size_t *i)
{
    int32_t c = s[*i];
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n > 1)
        c &= 0x3F >> (n - 1);
    for (int k = 1; k < n; k++)
        c = (c << 6) | (s[*i + k] & 0x3F);
    *i += n;
    return c;
}

static void tally(long *counts, const char *text, long sign)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; s[i];) {
        int32_t c = next_cp(s, &i);
        if (c != ' ' && c != '\t' && c != '\n' && c != 0x3000 && c != 0xA0 && c < 0x110000)
            counts[c] += sign;
    }
}

/* The characters of the input equal those of the output plus those the
 * report says were removed or replaced, less those it says were put in. */
static void check_invariant(const char *sample, zhtidy_script script, unsigned flags)
{
    size_t len;
    char *text = slurp(sample, &len);
    zhtidy_options *raw = raw_options(), *o = zhtidy_options_new();
    zhtidy_options_set_script(o, script);
    zhtidy_options_set_flags(o, flags);
    zhtidy_doc *in = NULL, *out = NULL;
    CHECK(zhtidy_read(text, len, NULL, raw, &in, NULL) == ZHTIDY_OK);
    CHECK(zhtidy_read(text, len, NULL, o, &out, NULL) == ZHTIDY_OK);
    long *counts = calloc(0x110000, sizeof *counts);
    if (in && out && counts) {
        for (size_t i = 0; i < zhtidy_doc_block_count(in); i++)
            tally(counts, zhtidy_doc_block_text(in, i, NULL), 1);
        for (size_t i = 0; i < zhtidy_doc_block_count(out); i++)
            tally(counts, zhtidy_doc_block_text(out, i, NULL), -1);
        zhtidy_change c;
        for (size_t i = 0; !zhtidy_report_get(zhtidy_doc_report(out), i, &c); i++) {
            if (c.kind == ZHTIDY_CHANGE_FLAG || !strcmp(c.rule, "decode.invalid"))
                continue;
            tally(counts, c.text, -1);
            tally(counts, c.new_text, 1);
        }
        int bad = 0;
        for (int32_t cp = 0; cp < 0x110000; cp++)
            if (counts[cp] && bad++ < 5)
                fprintf(stderr, "%s (script %d, flags %u): U+%04X: %ld unaccounted\n", sample,
                        (int)script, flags, (unsigned)cp, counts[cp]);
        CHECK(bad == 0);
        CHECK(zhtidy_report_count(zhtidy_doc_report(out)) > 0);
    }
    free(counts);
    zhtidy_doc_free(in);
    zhtidy_doc_free(out);
    zhtidy_options_free(raw);
    zhtidy_options_free(o);
    free(text);
}

/* 001 is Traditional, the others Simplified; the tag follows. */
static void test_sample_scripts(void)
{
    static const char *names[] = {"000_5101e33908fe9746.txt", "001_d1cd337ab5630d42.txt",
                                  "002_039fb7077e656bd7.txt", "003_d43a78f306061050.txt"};
    for (size_t i = 0; i < 4; i++) {
        size_t len, hans, hant;
        char *text = slurp(names[i], &len);
        zhtidy_doc *d = NULL;
        CHECK(zhtidy_read(text, len, NULL, NULL, &d, NULL) == ZHTIDY_OK);
        zhtidy_doc_script_counts(d, &hans, &hant);
        const char *lang = zhtidy_doc_meta(d, ZHTIDY_META_LANG);
        if (i == 1)
            CHECK(hant > 100 * hans && lang && !strncmp(lang, "zh-", 3) && strcmp(lang, "zh-CN"));
        else
            CHECK(hans > 100 * hant && lang && !strcmp(lang, "zh-CN"));
        zhtidy_doc_free(d);
        free(text);
    }
}

static void test_invariant(void)
{
    static const char *names[] = {"000_5101e33908fe9746.txt", "001_d1cd337ab5630d42.txt",
                                  "002_039fb7077e656bd7.txt", "003_d43a78f306061050.txt"};
    for (size_t i = 0; i < 4; i++) {
        check_invariant(names[i], ZHTIDY_SCRIPT_KEEP, 0);
        check_invariant(names[i], ZHTIDY_SCRIPT_HANS, ZHTIDY_DROP_TRUNCATED);
        check_invariant(names[i], ZHTIDY_SCRIPT_TW, ZHTIDY_SPACE_LATIN | ZHTIDY_PHRASES);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_lib SAMPLES_DIR\n");
        return 2;
    }
    samples = argv[1];
    test_tree();
    test_status();
    test_options();
    test_options_meta();
    test_parse_repair();
    test_input_and_report();
    test_json_round_trip();
    test_sink_refuses();
    test_read_basics();
    test_detection();
    test_report_invariant_small();
    test_invariant();
    test_sample_scripts();
    zhtidy_cleanup();
    printf("test_lib: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
