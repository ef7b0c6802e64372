/* SPDX-License-Identifier: MIT */
/* diag.c - messages on standard error, and the progress line.
 *
 * Workers report errors while the main thread redraws a progress line on a
 * terminal; one lock orders them, and a message first clears the progress
 * line so that it never lands in the middle of it. */
#include "cli.h"

#include <pthread.h>
#include <stdarg.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool line_shown; /* a progress line is on the terminal */
/* each thread's last message, for the --log record of the input it converts */
static _Thread_local char last[512];

static void clear_line(void)
{
    if (line_shown) {
        fputs("\r\033[K", stderr);
        line_shown = false;
    }
}

void diag(const char *prog, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last, sizeof last, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&lock);
    clear_line();
    fprintf(stderr, "%s: %s\n", prog, last);
    fflush(stderr);
    pthread_mutex_unlock(&lock);
}

const char *diag_last(void)
{
    return last;
}

void diag_forget(void)
{
    last[0] = '\0';
}

void diag_progress(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&lock);
    fputc('\r', stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\033[K", stderr);
    fflush(stderr);
    line_shown = true;
    pthread_mutex_unlock(&lock);
    va_end(ap);
}

void diag_progress_end(void)
{
    pthread_mutex_lock(&lock);
    clear_line();
    pthread_mutex_unlock(&lock);
}
