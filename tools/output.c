/* SPDX-License-Identifier: MIT */
/* output.c - atomic output: a temporary file beside the target, renamed over it.
 *
 * A failed, interrupted or killed run never leaves a partial or empty
 * target.  A run killed outright (SIGKILL) leaves its temporary file; the
 * next run for the same target takes it over.  Writing to a symbolic link
 * replaces the file it names and keeps the link; an existing target keeps
 * its mode.  Each worker thread has a slot naming its temporary file; a
 * SIGINT, SIGTERM, SIGHUP or SIGPIPE removes those files before the process
 * dies of the signal.  Signals are handled in the main thread only: the
 * workers block them. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static char pending[MAX_WORKERS][PATH_MAX];
static volatile sig_atomic_t pending_on[MAX_WORKERS];

static const int handled[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
static mode_t file_mode = 0644;

void out_init(void)
{
    /* umask can only be read by setting it: do it once, before any thread */
    mode_t mask = umask(0);
    umask(mask);
    file_mode = 0666 & ~mask;
}

static void on_signal(int sig)
{
    for (int i = 0; i < MAX_WORKERS; i++)
        if (pending_on[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A signal the process was started with ignored stays ignored, as make and
 * the shells do: a job a script started in the background (SIGINT ignored)
 * must not die of the ^C meant for the foreground. */
void out_catch_signals(void)
{
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) {
        struct sigaction now;
        if (sigaction(handled[i], NULL, &now) == 0 && now.sa_handler == SIG_IGN)
            continue;
        signal(handled[i], on_signal);
    }
}

void out_block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++)
        sigaddset(&set, handled[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
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

/* Is PATH the file INPUT?  Then writing would destroy the input. */
static bool same_file(const char *path, const char *input)
{
    struct stat a, b;
    return input && strcmp(input, "-") && stat(path, &a) == 0 && stat(input, &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* The real file behind PATH: PATH itself, or the file a symbolic link
 * names, so that writing through a link replaces the file and keeps the
 * link.  NULL (errno set) for a dangling link. */
static char *target_of(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        return realpath(path, NULL);
    return strdup(path);
}

/* Open and lock the temporary file for TARGET in TMP: .NAME.zhtidy-tmp
 * beside it.  A file of that name that a killed run left behind is
 * unlocked, its lock having died with it: it is taken over and emptied, so
 * stale temporary files never pile up.  While a live process writes the
 * same target, a unique name (.NAME.XXXXXX) is used instead.  -1 on error. */
static int open_temp(const char *target, char tmp[PATH_MAX])
{
    const char *slash = strrchr(target, '/');
    int dir_len = slash ? (int)(slash - target + 1) : 0;
    const char *base = slash ? slash + 1 : target;
    if (snprintf(tmp, PATH_MAX, "%.*s.%s.zhtidy-tmp", dir_len, target, base) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (int tries = 0; tries < 3; tries++) {
        int fd = open(tmp, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return -1;
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            close(fd);
            break; /* in use by a live process */
        }
        struct stat a, b;
        /* renamed over a target by the process that held it just now? */
        if (fstat(fd, &a) == 0 && stat(tmp, &b) == 0 && a.st_dev == b.st_dev &&
            a.st_ino == b.st_ino && ftruncate(fd, 0) == 0)
            return fd;
        close(fd);
    }
    snprintf(tmp, PATH_MAX, "%.*s.%s.XXXXXX", dir_len, target, base);
    return mkstemp(tmp);
}

int out_open(output *o, const char *prog, const char *path, int slot, const char *input)
{
    *o = (output){.fd = -1, .slot = slot};
    if (!strcmp(path, "-")) {
        o->fd = STDOUT_FILENO;
        o->to_stdout = true;
        return EXIT_OK;
    }
    if (same_file(path, input)) {
        diag(prog, "%s: the output would overwrite the input; choose another -O or -o", path);
        return EXIT_INPUT;
    }
    if (!(o->target = target_of(path))) {
        diag(prog, "%s: cannot write through the symbolic link: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    /* /dev/null, /dev/stdout, a named pipe: no temporary file can be renamed
     * over them (as root, a rename would replace /dev/null itself); they
     * are written in place, as a shell's > would */
    struct stat st;
    if (stat(o->target, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if ((o->fd = open(o->target, O_WRONLY | O_CLOEXEC)) < 0) {
            diag(prog, "%s: cannot open for writing: %s", path, strerror(errno));
            free(o->target);
            return EXIT_INPUT;
        }
        o->direct = true;
        return EXIT_OK;
    }
    /* The slot names the file before it exists: a signal at any moment
     * removes what there is to remove (at worst a name not yet created). */
    pending_on[slot] = 1;
    if ((o->fd = open_temp(o->target, pending[slot])) < 0) {
        pending_on[slot] = 0;
        diag(prog, "%s: cannot create file: %s", path, strerror(errno));
        free(o->target);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

int out_sink(void *output_, const void *data, size_t len)
{
    output *o = output_;
    if (!o->failed && !write_all(o->fd, data, len)) {
        o->failed = true;
        o->error = errno;
    }
    return o->failed ? -1 : 0;
}

int out_close(output *o, const char *prog, const char *path, bool keep)
{
    if (o->to_stdout) {
        if (o->failed)
            diag(prog, "cannot write to standard output: %s", strerror(o->error));
        return o->failed || !keep ? EXIT_INPUT : EXIT_OK;
    }
    if (o->direct) {
        bool ok = !o->failed;
        int saved = o->error;
        if (close(o->fd) != 0 && ok) {
            ok = false;
            saved = errno;
        }
        if (!ok && keep)
            diag(prog, "%s: cannot write: %s", path, strerror(saved));
        free(o->target);
        return ok && keep ? EXIT_OK : EXIT_INPUT;
    }
    /* an existing target keeps its mode; a new one gets 0666 less the umask */
    struct stat st;
    mode_t mode = stat(o->target, &st) == 0 ? st.st_mode & 07777 : file_mode;
    const char *tmp = pending[o->slot];
    /* No fsync: the rename is what keeps a killed run from leaving a partial
     * target, and ext4 and its kin flush the data of a file renamed over
     * another before the rename itself.  An fsync per file would double the
     * time of a folder of small files. */
    bool ok = keep && !o->failed && fchmod(o->fd, mode) == 0;
    int saved = o->failed ? o->error : errno;
    ok = close(o->fd) == 0 && ok;
    if (ok && rename(tmp, o->target) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp);
        if (keep)
            diag(prog, "%s: cannot write: %s", path, strerror(saved));
    }
    pending_on[o->slot] = 0;
    free(o->target);
    return ok ? EXIT_OK : EXIT_INPUT;
}
