/* SPDX-License-Identifier: MIT */
/* bench_spawn - wall time of a whole process, start to exit.
 *
 * usage: bench_spawn RUNS COMMAND [ARG...]
 * Runs COMMAND RUNS times, one after another, with standard output and
 * error sent to /dev/null, and prints "MEDIAN BEST" in milliseconds.  The
 * time runs from posix_spawn() to waitpid(): loading, relocating, the
 * work and exit; no shell is counted.  Fails if any run fails. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = argc > 2 ? atoi(argv[1]) : 0;
    if (runs < 1) {
        fprintf(stderr, "usage: bench_spawn RUNS COMMAND [ARG...]\n");
        return 2;
    }
    double *t = malloc((size_t)runs * sizeof *t);
    posix_spawn_file_actions_t fa;
    if (!t || posix_spawn_file_actions_init(&fa) ||
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) ||
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0)) {
        perror("bench_spawn");
        return 1;
    }
    for (int i = 0; i < runs; i++) {
        double start = now_ms();
        pid_t pid;
        int err = posix_spawnp(&pid, argv[2], &fa, NULL, argv + 2, environ), status;
        if (err) {
            fprintf(stderr, "bench_spawn: cannot run %s\n", argv[2]);
            return 1;
        }
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
            fprintf(stderr, "bench_spawn: %s failed\n", argv[2]);
            return 1;
        }
        t[i] = now_ms() - start;
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    printf("%.2f %.2f\n", t[runs / 2], t[0]);
    posix_spawn_file_actions_destroy(&fa);
    free(t);
    return 0;
}
