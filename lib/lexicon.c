/* SPDX-License-Identifier: MIT */
/* lexicon.c - the furniture detector's measures of a line: how much of it
 * the interface vocabulary covers, its labels, dates, separators and
 * counters, and the sentences in which a site speaks of itself.  Words are
 * matched in match form (match.c), so Traditional and full-width text
 * count alike; each line is scanned once. */
#include "detect.h"

#include <stdlib.h>
#include <string.h>

extern const char *const zt_ui_words[];
extern const char *const zt_status_words[];
extern const char *const zt_meta_keys[];
extern const char *const zt_site_keys[];
extern const char *const zt_narrator_words[];
extern const char zt_function_chars[];

#define N_COUNTERS 5
/* Distinct interface words a line's count tells apart. */
#define MAX_SEEN 16
/* No sentence of a site's is longer (in characters): text that runs on
 * without punctuation is not cut as one. */
#define MAX_SENTENCE 160

/* A word list, sorted by first character for lookup. */
typedef struct {
    zt_pattern *words;
    size_t n;
    unsigned char *weight;      /* narrator words: 2 strong, 1 weak */
    uint8_t pairs[0x10000 / 8]; /* the first two characters of words, hashed, as a set */
    uint8_t single[0x10000 / 8]; /* words of one character, as a set */
} word_list;

/* The slot of the character pair A B in a word list's set of pairs. */
static inline uint32_t pair_slot(int32_t a, int32_t b)
{
    return ((uint32_t)a * 0x9E3779B1u ^ (uint32_t)b * 0x85EBCA6Bu) >> 16;
}

struct zt_lexicon {
    word_list ui, status, meta, site, narrator;
    zt_pattern counters[N_COUNTERS];
    uint8_t func[0x10000 / 8]; /* function characters, as a set */
};

static int by_first(const void *a, const void *b)
{
    const zt_pattern *x = a, *y = b;
    return (x->cp[0] > y->cp[0]) - (x->cp[0] < y->cp[0]);
}

static bool compile_words(word_list *l, const char *const *words)
{
    while (words[l->n])
        l->n++;
    if (!(l->words = calloc(l->n, sizeof *l->words)))
        return false;
    for (size_t i = 0; i < l->n; i++) {
        if (!zt_pattern_compile(&l->words[i], words[i]))
            return false;
        const zt_pattern *p = &l->words[i];
        uint32_t slot = p->n > 1 ? pair_slot(p->cp[0], p->cp[1]) : (uint32_t)p->cp[0] & 0xFFFF;
        uint8_t *set = p->n > 1 ? l->pairs : l->single;
        set[slot >> 3] |= (uint8_t)(1u << (slot & 7));
    }
    qsort(l->words, l->n, sizeof *l->words, by_first);
    return true;
}

static void free_words(word_list *l)
{
    for (size_t i = 0; l->words && i < l->n; i++)
        zt_pattern_free(&l->words[i]);
    free(l->words);
    free(l->weight);
}

static void lexicon_free(struct zt_lexicon *x)
{
    if (!x)
        return;
    free_words(&x->ui);
    free_words(&x->status);
    free_words(&x->meta);
    free_words(&x->site);
    free_words(&x->narrator);
    for (int c = 0; c < N_COUNTERS; c++)
        zt_pattern_free(&x->counters[c]);
    free(x);
}

/* Strong narrator words weigh 2: the site naming itself, or its formulas. */
static const char *const strong[] = {"小编", "本站", "网友", "仅供参考", "欢迎阅读", "欢迎借鉴",
                                     "欢迎参考", "精心整理", "精心收集", "收集整理", "复制下载",
                                     "喜欢就", "供您", "一起来看看", "写作之用", "参考写作", "若您",
                                     "如您", "请输入", "由此去", "免费下载", "提供海量",
                                     "已被浏览", "被下载", "为您提供", "欢迎下载", "以免触法",
                                     "请勿用于", "如有侵权", "联系删除", "原作者所有",
                                     "仅供学习", NULL};
/* ... and these three: a site's contact, or where its copy comes from. */
static const char *const strongest[] = {"邮件至", "本资料来自", "请输入", NULL};

static bool weigh_narrator(word_list *l)
{
    if (!(l->weight = malloc(l->n)))
        return false;
    for (size_t i = 0; i < l->n; i++) {
        l->weight[i] = 1;
        for (int level = 2; level <= 3; level++)
            for (const char *const *s = level == 2 ? strong : strongest; *s; s++) {
                zt_pattern p;
                if (!zt_pattern_compile(&p, *s))
                    return false;
                bool same = p.n == l->words[i].n && !memcmp(p.cp, l->words[i].cp, p.n * sizeof *p.cp);
                zt_pattern_free(&p);
                if (same)
                    l->weight[i] = (unsigned char)level;
            }
    }
    return true;
}

static zhtidy_status build(void **out)
{
    static const char *const counters[N_COUNTERS] = {"第#页~/~共#页", "共#页~第#页", "-#-",
                                                     "第#页~共#页", "第#页~"};
    struct zt_lexicon *x = calloc(1, sizeof *x);
    bool ok = x && compile_words(&x->ui, zt_ui_words) &&
              compile_words(&x->status, zt_status_words) && compile_words(&x->meta, zt_meta_keys) &&
              compile_words(&x->site, zt_site_keys) &&
              compile_words(&x->narrator, zt_narrator_words) && weigh_narrator(&x->narrator);
    for (int c = 0; ok && c < N_COUNTERS; c++)
        ok = zt_pattern_compile(&x->counters[c], counters[c]);
    for (size_t i = 0, n = strlen(zt_function_chars); ok && i < n;) {
        int32_t c = zt_utf8_next(zt_function_chars, n, &i);
        x->func[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
    if (!ok) {
        lexicon_free(x);
        return ZHTIDY_ERR_NOMEM;
    }
    *out = x;
    return ZHTIDY_OK;
}

zhtidy_status zt_lexicon_get(const zt_lexicon **lex)
{
    static zt_once once = ZT_ONCE_INIT;
    void *v;
    zhtidy_status st = zt_once_get(&once, build, &v);
    *lex = v;
    return st;
}

static size_t word_search(const word_list *l, const zt_key *k, size_t i, size_t *end)
{
    size_t lo = 0, hi = l->n, best = l->n, best_end = i;
    int32_t c = k->k[i];
    while (lo < hi) { /* the first word that starts with C */
        size_t mid = (lo + hi) / 2;
        if (l->words[mid].cp[0] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t w = lo; w < l->n && l->words[w].cp[0] == c; w++) {
        size_t e;
        if (zt_key_match(k, i, &l->words[w], &e) && e > best_end) {
            best = w;
            best_end = e;
        }
    }
    *end = best_end;
    return best;
}

/* A sentence of CHARS characters whose narrator words weigh WEIGHT: the
 * site's own when the words are many and dense (a sentence of the
 * document's that a watermark was glued into is long for its weight). */
static bool narrator_sentence(size_t weight, size_t chars)
{
    return weight >= 3 && weight * 12 >= chars && chars <= MAX_SENTENCE;
}

/* Where key index I stands in the lists' sets: its character, and its
 * pair with the next one. */
typedef struct {
    uint32_t one, two;
    bool pair;
} slots;

static inline slots slots_at(const zt_key *k, size_t i)
{
    slots s = {(uint32_t)k->k[i] & 0xFFFF, 0, i + 1 < k->n};
    if (s.pair)
        s.two = pair_slot(k->k[i], k->k[i + 1]);
    return s;
}

/* The longest word of L at key index I (whose slots are AT): its index
 * in L, or L->n; its end in *END. */
static inline size_t word_at(const word_list *l, const zt_key *k, size_t i, slots at,
                             size_t *end)
{
    *end = i;
    if (!(l->single[at.one >> 3] & (1u << (at.one & 7))) &&
        (!at.pair || !(l->pairs[at.two >> 3] & (1u << (at.two & 7)))))
        return l->n; /* no word starts with these two characters */
    return word_search(l, k, i, end);
}

/* ---- measuring a line ------------------------------------------------------ */

static bool is_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

/* Does key character I follow character I-1 with no space between?  The
 * key drops spaces, but "2018-02-17 10:43" holds two numbers. */
static bool glued(const zt_key *k, size_t i)
{
    return i > 0 && k->start[i] == zt_key_end(k, i - 1);
}

/* A digit right before key index I, with no space between. */
static bool digit_before(const zt_key *k, size_t i)
{
    return glued(k, i) && is_digit(k->k[i - 1]);
}

/* Digits from key index I, up to a space; how many. */
static size_t digits_at(const zt_key *k, size_t i)
{
    size_t j = i;
    while (j < k->n && is_digit(k->k[j]) && (j == i || glued(k, j)))
        j++;
    return j - i;
}

/* A time at I: 10:45, 18:20:10. */
static bool time_at(const zt_key *k, size_t i)
{
    size_t d = digits_at(k, i);
    return !digit_before(k, i) && (d == 1 || d == 2) && i + d + 2 < k->n + 1 &&
           i + d < k->n && k->k[i + d] == ':' && digits_at(k, i + d + 1) == 2;
}

/* A web address at I: HTTP, WWW. */
static bool url_at(const zt_key *k, size_t i)
{
    static const int32_t http[] = {'H', 'T', 'T', 'P'}, www[] = {'W', 'W', 'W', '.'};
    return i + 4 <= k->n && (!memcmp(k->k + i, http, sizeof http) || !memcmp(k->k + i, www, sizeof www));
}

size_t zt_date_at(const zt_key *k, size_t i)
{
    if (digit_before(k, i) || digits_at(k, i) != 4 || i + 5 >= k->n)
        return 0;
    int32_t s = k->k[i + 4];
    size_t m = s == '-' || s == '/' ? digits_at(k, i + 5) : 0;
    if (m < 1 || m > 2)
        return 0;
    size_t e = i + 5 + m, d = e < k->n && k->k[e] == s ? digits_at(k, e + 1) : 0;
    return d >= 1 && d <= 2 ? e + 1 + d - i : e - i;
}

static inline bool is_sep(int32_t c)
{
    return c == '>' || c == '|' || c == '/' || c == 0xBB || c == 0x203A || c == '-' ||
           c == 0xFF5C || c == 0x2022 || c == 0xB7;
}

static bool is_nav(int32_t a, int32_t b)
{
    return (a == 0x9996 && b == 0x9875) /* 首页 */ || (a == 0x4F4D && b == 0x7F6E) /* 位置 */ ||
           (a == 0x5BFC && b == 0x822A) /* 导航 */ || (a == 0x6B63 && b == 0x6587); /* 正文 */
}

/* The character the key holds at I, as the text has it (the key folds
 * punctuation: 。 and . are one there). */
static int32_t original(const zt_key *k, size_t i)
{
    size_t at = k->start[i];
    return zt_utf8_next(k->text, zt_key_end(k, i), &at);
}

/* Spaces on both sides of key character I in the text (a block's text,
 * which ends in a NUL). */
static bool spaced(const zt_key *k, size_t i)
{
    size_t at = k->start[i];
    return at > 0 && k->text[at - 1] == ' ' && k->text[zt_key_end(k, i)] == ' ';
}

static void count_char(const struct zt_lexicon *x, const zt_key *k, size_t i, zt_line_features *f)
{
    int32_t c = k->k[i];
    if (zt_is_han(c)) {
        f->han++;
        f->func += c <= 0xFFFF && (x->func[c >> 3] & (1u << (c & 7)));
        f->nav = f->nav || (i + 1 < k->n && is_nav(c, k->k[i + 1]));
        return;
    }
    if (is_digit(c)) {
        f->digits++;
        f->date = f->date || zt_date_at(k, i);
        f->time = f->time || time_at(k, i);
        return;
    }
    if (c >= 'A' && c <= 'Z') {
        f->latin++;
        f->url = f->url || ((c == 'H' || c == 'W') && url_at(k, i));
        return;
    }
    int32_t o = original(k, i);
    if ((o == '?' || o == 0xFF1F) && spaced(k, i)) {
        f->seps++; /* "来源:… ? 作者:…": a lost bullet between fields */
        return;
    }
    f->sent += zt_sentence_end(o);
    f->clause += o == 0xFF0C || o == 0x3001 || o == ',';
}

/* Is key character I a separator?  A hyphen only with spaces around it,
 * a slash not between digits: 2011-06-17, etd-0823 and 2019/9/26 have
 * none. */
static bool separator_at(const zt_key *k, size_t i)
{
    int32_t c = k->k[i];
    if (!is_sep(c))
        return false;
    size_t at = k->start[i], end = zt_key_end(k, i);
    if (c == '-')
        return at > 0 && k->text[at - 1] == ' ' && k->text[end] == ' ';
    if (c == '/')
        return !(i > 0 && is_digit(k->k[i - 1]) && i + 1 < k->n && is_digit(k->k[i + 1]));
    return true;
}

/* Separators between short segments: menus (首页 > 范文 > …) and bars. */
static void separators(const zt_key *k, zt_line_features *f)
{
    size_t seg = 0;
    for (size_t i = 0; i < k->n; i++) {
        if (!separator_at(k, i)) {
            seg++;
            continue;
        }
        f->seps += seg > 0 || i == 0;
        f->longest_seg = seg > f->longest_seg ? seg : f->longest_seg;
        seg = 0;
    }
    f->longest_inner = f->longest_seg; /* all but the last */
    f->longest_seg = seg > f->longest_seg ? seg : f->longest_seg;
}

/* Items of a menu stand apart with spaces: 网站首页 国小作文 国中作文 … */
static void menu_segments(const char *t, size_t len, zt_line_features *f)
{
    size_t seg = 0, longest = 0, segments = 0;
    for (size_t i = 0; i <= len;) {
        int32_t c = i < len ? zt_utf8_next(t, len, &i) : (i++, ' ');
        if (!zt_is_space(c)) {
            seg++;
            continue;
        }
        if (seg) {
            segments++;
            longest = seg > longest ? seg : longest;
        }
        seg = 0;
    }
    f->menu = segments >= 3 && longest <= 8 && !f->sent && !f->clause;
}

/* What rules across a page are drawn with.  Underscores are blanks to fill
 * in, and * * * breaks a story's scenes: those stay. */
static bool rule_char(int32_t c)
{
    return c == '-' || c == '=' || c == '~' || c == 0x2014 || c == 0x2013 || c == 0x2500 ||
           c == 0x2501 || c == 0x2550 || c == 0xFF0D || c == 0xFF1D || c == 0xFF5E;
}

static bool whole_counter(const struct zt_lexicon *x, const zt_key *k)
{
    for (int c = 0; c < N_COUNTERS; c++) {
        size_t end;
        if (k->n && zt_key_match(k, 0, &x->counters[c], &end) && end == k->n)
            return true;
    }
    /* 2/58 */
    size_t a = digits_at(k, 0);
    return a && a < k->n && k->k[a] == '/' && a + 1 + digits_at(k, a + 1) == k->n && a + 1 < k->n;
}

static bool bullet_char(int32_t c)
{
    return c == 0x2022 || c == 0xB7 || c == 0x25CF || c == 0x25CB || c == 0x25A0 || c == 0x25A1 ||
           c == 0x25C6 || c == 0x25C7 || c == 0x25AA || c == 0x2023 || c == 0x2043 || c == 0x30FB;
}

/* List numbering at T[P]: what zt_numbering knows (1、 1. 一、 （1）
 * 第一章), and the numbers of outlines, 1.2 and 10.4.1, before a space or
 * a Chinese character. */
static bool list_number(const char *t, size_t len, size_t p)
{
    zt_num n;
    if (zt_numbering(t, len, p, &n))
        return true;
    size_t q = p, levels = 0;
    while (q < len && q - p < 3 && is_digit(t[q]))
        q++;
    if (q == p)
        return false;
    while (q + 1 < len && t[q] == '.' && is_digit(t[q + 1])) {
        for (q++; q < len && is_digit(t[q]);)
            q++;
        levels++;
    }
    if (q < len && t[q] == '.')
        q++;
    return levels && q < len && (t[q] == ' ' || (unsigned char)t[q] >= 0x80);
}

/* The bullet and the list numbering a line starts with. */
static void list_start(const char *t, size_t len, zt_line_features *f)
{
    size_t p = 0, q;
    while (p < len && (t[p] == ' ' || t[p] == '\t'))
        p++;
    q = p;
    if (p < len && bullet_char(zt_utf8_next(t, len, &q))) {
        f->bullet = true;
        p = q;
        while (p < len && (t[p] == ' ' || t[p] == '\t'))
            p++;
    }
    f->list = list_number(t, len, p);
}

zhtidy_status zt_line_measure(const zt_lexicon *lex, const struct zt_block *b,
                              zt_line_features *f)
{
    const struct zt_lexicon *x = lex;
    memset(f, 0, sizeof *f);
    zt_key k;
    if (!zt_key_build(&k, b->text, b->len))
        return ZHTIDY_ERR_NOMEM;
    f->n = k.n;
    f->hash = 0xCBF29CE484222325ULL;
    for (size_t i = 0; i < k.n; i++)
        f->hash = (f->hash ^ (uint32_t)k.k[i]) * 0x100000001B3ULL;
    size_t covered = 0, status_to = 0, weight = 0, start = 0, ui_seen[MAX_SEEN], seen = 0;
    for (size_t i = 0; i < k.n; i++) {
        count_char(x, &k, i, f);
        size_t end;
        slots at = slots_at(&k, i);
        if (i >= status_to && word_at(&x->status, &k, i, at, &end) < x->status.n) {
            f->status += end - i;
            status_to = end;
        }
        size_t w;
        if (i >= covered && (w = word_at(&x->ui, &k, i, at, &end)) < x->ui.n) {
            f->ui += end - i;
            covered = end;
            bool again = false; /* a word said twice is one word */
            for (size_t s = 0; s < seen && !again; s++)
                again = ui_seen[s] == w;
            if (!again && seen < MAX_SEEN)
                ui_seen[seen++] = w;
            f->ui_words += !again;
        }
        if (word_at(&x->meta, &k, i, at, &end) < x->meta.n && end < k.n && k.k[end] == ':')
            f->meta_labels++;
        /* a key only sites print, opening the line or labelling a value */
        if (word_at(&x->site, &k, i, at, &end) < x->site.n && (i == 0 || (end < k.n && k.k[end] == ':')))
            f->site_key = true;
        w = word_at(&x->narrator, &k, i, at, &end);
        if (w < x->narrator.n)
            weight += x->narrator.weight[w];
        int32_t c = k.k[i];
        bool word = zt_is_han(c) || zt_is_ascii_alnum(c);
        if ((!word && zt_sentence_end(original(&k, i))) || i + 1 == k.n) {
            f->narrator = f->narrator || narrator_sentence(weight, i + 1 - start);
            weight = 0;
            start = i + 1;
        }
    }
    separators(&k, f);
    menu_segments(b->text, b->len, f);
    list_start(b->text, b->len, f);
    /* 首页 then a space or a separator: a path of the site's, 首页 理论教育 … */
    f->nav_start = k.n > 2 && k.k[0] == 0x9996 && k.k[1] == 0x9875 &&
                   (!glued(&k, 2) || is_sep(k.k[2]));
    f->bracketed = k.n > 2 && k.k[0] == 0x3010 && k.k[k.n - 1] == 0x3011;
    f->rule = k.n >= 3;
    for (size_t i = 0; i < k.n && f->rule; i++)
        f->rule = rule_char(original(&k, i));
    f->counter = whole_counter(x, &k);

    zt_key_free(&k);
    return ZHTIDY_OK;
}

/* ---- sentences of the site's own ------------------------------------------ */


/* How much the narrator words weigh in T[0..LEN). */
static zhtidy_status weigh(const struct zt_lexicon *x, const char *t, size_t len, size_t *weight)
{
    zt_key k;
    if (!zt_key_build(&k, t, len))
        return ZHTIDY_ERR_NOMEM;
    *weight = 0;
    for (size_t i = 0; i < k.n; i++) {
        size_t end, w = word_at(&x->narrator, &k, i, slots_at(&k, i), &end);
        if (w < x->narrator.n)
            *weight += x->narrator.weight[w];
    }
    zt_key_free(&k);
    return ZHTIDY_OK;
}

/* The bytes of block B that narrator sentences hold, and whether its last
 * sentence is one. */
static zhtidy_status narrator_bytes(const struct zt_lexicon *x, const struct zt_block *b,
                                    size_t *bytes, bool *last)
{
    *bytes = 0;
    *last = false;
    for (size_t s = 0, p = 0; p < b->len;) {
        bool end = zt_sentence_end(zt_utf8_next(b->text, b->len, &p)) || p == b->len;
        size_t weight;
        if (!end)
            continue;
        zhtidy_status st = weigh(x, b->text + s, p - s, &weight);
        if (st)
            return st;
        bool site = narrator_sentence(weight, zt_utf8_count(b->text + s, p - s));
        *bytes += site ? p - s : 0;
        *last = site;
        s = p;
    }
    return ZHTIDY_OK;
}

zhtidy_status zt_cut_narrator(const zt_lexicon *lex, zhtidy_doc *doc, size_t i, bool head)
{
    struct zt_block *b = &doc->blocks[i];
    size_t bytes;
    bool last;
    zhtidy_status st0 = narrator_bytes(lex, b, &bytes, &last);
    if (st0 || !bytes)
        return st0; /* nothing a sentence can be cut from */
    /* the site's introduction, whole: short, ending in the site's voice
     * ("…以下是小编为大家整理的…，希望对大家有所帮助。"), much of it the site's */
    if (head && last && zt_utf8_count(b->text, b->len) <= 400 && bytes * 10 >= b->len * 3) {
        static const char why[] = "an introduction in which the site speaks of itself";
        return zt_block_drop(doc, i, ZT_R_DETECTOR_SENTENCE, why, sizeof why - 1);
    }
    zt_edit e;
    zt_edit_start(&e, &doc->report, b->line, b->len);
    /* a chunk's counter ("1、") is the page's, not the sentence's */
    long n;
    size_t digits, s = zt_chunk_counter(b->text, b->len, &n, &digits), kept = 0;
    for (size_t p = s; p < b->len && !e.status;) {
        bool end = zt_sentence_end(zt_utf8_next(b->text, b->len, &p)) || p == b->len;
        size_t weight = 0;
        if (!end)
            continue;
        if ((e.status = weigh(lex, b->text + s, p - s, &weight)))
            break;
        if (narrator_sentence(weight, zt_utf8_count(b->text + s, p - s))) {
            zt_buf_add(&e.out, b->text + kept, s - kept);
            zt_edit_change(&e, ZT_R_DETECTOR_SENTENCE, b->text + s, p - s, NULL, 0);
            kept = p;
        }
        s = p;
    }
    if (e.changes)
        zt_buf_add(&e.out, b->text + kept, b->len - kept);
    return zt_edit_finish(&e, b);
}
