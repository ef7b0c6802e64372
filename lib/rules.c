/* SPDX-License-Identifier: MIT */
/* rules.c - the rule registry: names and help by id (rules.def), and the
 * names users may switch off: a rule, a pass (all its rules), or
 * "structure" (the title, toc and headings passes together). */
#include "internal.h"

#include <string.h>

static const struct {
    const char *name, *help;
} rules[ZT_RULE_COUNT] = {
#define ZT_RULE(id, name, help) {name, help},
#include "rules.def"
#undef ZT_RULE
};

const char *zt_rule_name(zt_rule rule)
{
    return (unsigned)rule < ZT_RULE_COUNT ? rules[rule].name : "";
}

const char *zhtidy_rule_name(size_t index)
{
    return index < ZT_RULE_COUNT ? rules[index].name : NULL;
}

const char *zhtidy_rule_help(const char *name)
{
    for (size_t i = 0; name && i < ZT_RULE_COUNT; i++)
        if (!strcmp(rules[i].name, name))
            return rules[i].help;
    return NULL;
}

/* Does NAME name rule I, or the pass that applies it? */
static bool names(const char *name, size_t i)
{
    const char *r = rules[i].name;
    size_t n = strlen(name);
    if (!strcmp(r, name) || (!strncmp(r, name, n) && r[n] == '.'))
        return true;
    return !strcmp(name, "structure") &&
           (!strncmp(r, "title.", 6) || !strncmp(r, "toc.", 4) || !strncmp(r, "headings.", 9));
}

zhtidy_status zhtidy_options_keep(zhtidy_options *opts, const char *name)
{
    if (!opts || !name || !*name)
        return ZHTIDY_ERR_ARG;
    bool found = false;
    for (size_t i = 0; i < ZT_RULE_COUNT; i++)
        if (names(name, i))
            opts->off[i] = found = true;
    return found ? ZHTIDY_OK : ZHTIDY_ERR_ARG;
}
