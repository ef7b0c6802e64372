/* SPDX-License-Identifier: MIT */
/* match.c - the match form of a text, and patterns over it.
 *
 * Site furniture appears in Simplified and Traditional script, with
 * full-width or ASCII punctuation and with stray spaces.  Patterns are
 * written once, in Simplified with ASCII punctuation and no spaces, and
 * matched against the match form of a block: spaces dropped, Traditional
 * folded to Simplified, full-width punctuation to ASCII.  Each match-form
 * character remembers the bytes it came from, so a match removes exactly
 * the original text.
 *
 * Pattern syntax: a literal character matches itself; '#' one or more digits
 * or Chinese numerals; '~' an optional , . ; : ! or ?; '*' the shortest run
 * of up to 300 characters that lets the rest match (at the end of a pattern:
 * the rest of the block). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define STAR_LIMIT 300

static inline int32_t fold(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp; /* VIP, vip and Vip match alike */
    if (cp >= 0x4E00 && cp <= 0x9FFF)
        return zt_script_fold(cp);
    switch (cp) {
    case 0xFF0C: return ',';
    case 0xFF1A: return ':';
    case 0xFF1B: return ';';
    case 0xFF01: return '!';
    case 0xFF1F: return '?';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0x3002: case 0xFF0E: return '.';
    case 0xFF0F: return '/';
    case 0xFF3F: return '_';
    case 0xFF1E: return '>';
    }
    return zt_script_fold(cp);
}

/* Room for one more key character after the first USED. */
static bool key_room(zt_key *key, size_t used, size_t *cap)
{
    if (used < *cap)
        return true;
    size_t grown = *cap * 2 + 16;
    int32_t *k = realloc(key->k, grown * sizeof *k);
    if (k)
        key->k = k;
    uint32_t *start = k ? realloc(key->start, grown * sizeof *start) : NULL;
    if (!start)
        return false;
    key->start = start;
    *cap = grown;
    return true;
}

bool zt_key_build(zt_key *key, const char *text, size_t len)
{
    memset(key, 0, sizeof *key);
    key->text = text;
    /* a key is 8 bytes a character: sized by the characters, not the bytes
     * (block text is valid UTF-8; room grows should it not be) */
    size_t cap = zt_utf8_count(text, len) + 1;
    key->k = malloc(cap * sizeof *key->k);
    key->start = malloc(cap * sizeof *key->start);
    if (!key->k || !key->start) {
        zt_key_free(key);
        return false;
    }
    size_t i = 0, n = 0;
    while (i < len) {
        size_t at = i;
        int32_t cp = zt_utf8_next(text, len, &i);
        if (zt_is_space(cp))
            continue;
        if (!key_room(key, n, &cap)) {
            zt_key_free(key);
            return false;
        }
        key->k[n] = fold(cp);
        key->start[n++] = (uint32_t)at; /* inputs stay under 1 GiB */
    }
    key->n = n;
    return true;
}

void zt_key_free(zt_key *key)
{
    free(key->k);
    free(key->start);
    memset(key, 0, sizeof *key);
}

static bool optional_punct(int32_t c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

static bool match_at(const zt_key *k, size_t ki, const int32_t *p, size_t pi, size_t pn,
                     size_t *end)
{
    while (pi < pn) {
        int32_t c = p[pi];
        if (c == '*') {
            if (pi + 1 == pn) {
                ki = k->n;
                break;
            }
            /* try only where the literal after the star stands */
            int32_t next = p[pi + 1];
            bool literal = next != '#' && next != '~' && next != '*';
            for (size_t j = ki; j <= k->n && j - ki <= STAR_LIMIT; j++)
                if ((!literal || (j < k->n && k->k[j] == next)) &&
                    match_at(k, j, p, pi + 1, pn, end))
                    return true;
            return false;
        }
        if (c == '#') {
            size_t j = ki;
            while (j < k->n && zt_is_numeral(k->k[j]))
                j++;
            if (j == ki)
                return false;
            ki = j;
        } else if (c == '~') {
            if (ki < k->n && optional_punct(k->k[ki]))
                ki++;
        } else if (ki >= k->n || k->k[ki] != c) {
            return false;
        } else {
            ki++;
        }
        pi++;
    }
    *end = ki;
    return true;
}

bool zt_key_match(const zt_key *k, size_t at, const zt_pattern *p, size_t *end)
{
    return match_at(k, at, p->cp, 0, p->n, end);
}

bool zt_key_find(const zt_key *k, size_t from, const zt_pattern *p, size_t *at, size_t *end)
{
    int32_t first = p->n ? p->cp[0] : 0;
    bool literal = first != '*' && first != '#' && first != '~';
    for (size_t i = from; i < k->n; i++) {
        if (literal && k->k[i] != first)
            continue;
        if (match_at(k, i, p->cp, 0, p->n, end) && *end > i) {
            *at = i;
            return true;
        }
    }
    return false;
}

bool zt_pattern_compile(zt_pattern *p, const char *utf8)
{
    size_t len = strlen(utf8), i = 0;
    p->n = 0;
    p->cp = malloc((len + 1) * sizeof *p->cp);
    if (!p->cp)
        return false;
    while (i < len) {
        int32_t cp = zt_utf8_next(utf8, len, &i);
        p->cp[p->n++] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    }
    return true;
}

void zt_pattern_free(zt_pattern *p)
{
    free(p->cp);
    p->cp = NULL;
    p->n = 0;
}
