#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The Python binding and the Dask recipe, timed.  Figures go to standard
output; each floor is checked (exit 1 when one is missed):

  binding   the per-document cost of clean(data, source=NAME).to_docx() and
            an atomic write, in one Python thread, next to zhtidy-docx -j 1
            on the same files in one process: CPU time, which a loaded
            machine changes less than wall time (floor: at most 10% more);
            wall times are printed too
  dask      files a second through contrib/dask_convert.py's tasks on a
            local dask-scheduler with one, then two single-threaded
            dask-workers (floor: two give 1.8 times one)

The corpus is the samples copied N times (default 150: 600 files).  Each
figure is the best of several rounds, the contenders taking turns, so that
both see the same load on the machine.  Run it on a quiet machine: two
workers need two idle cores.

usage: bench/python_dask.py [BUILD_DIR] [--copies N] [--rounds R]
(Debian's python3, with python3-cffi and python3-distributed)
"""
import argparse
import glob
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("build", nargs="?", default=os.path.join(SOURCE, "build"))
ap.add_argument("--copies", type=int, default=150)
ap.add_argument("--rounds", type=int, default=5)
args = ap.parse_args()
BUILD = os.path.abspath(args.build)
sys.path.insert(0, os.path.join(BUILD, "python"))
sys.path.insert(0, os.path.join(SOURCE, "contrib"))
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
import zhtidy  # noqa: E402
import dask_convert  # noqa: E402

# a SIGTERM (timeout(1)) still stops the cluster: finally blocks run
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
work = tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
procs = []
missed = []


def floor(ok, what):
    print("  floor %s: %s" % ("met" if ok else "MISSED", what))
    if not ok:
        missed.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(argv, env):
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                         start_new_session=True)
    procs.append(p)
    return p


try:
    indir = os.path.join(work, "in")
    os.makedirs(indir)
    for i in range(args.copies):
        for f in sorted(glob.glob(os.path.join(SOURCE, "samples", "*.txt"))):
            shutil.copy(f, os.path.join(indir, "%03d-%s" % (i, os.path.basename(f))))
    files = sorted(glob.glob(os.path.join(indir, "*.txt")))
    n = len(files)
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    print("corpus: %d files, %.1f MB (the samples %d times)" % (n, mb, args.copies))

    # ---- the binding next to the tool's batch ------------------------------
    def children_cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    def cli():
        """(CPU, wall) seconds of one zhtidy-docx -j 1 run over the corpus."""
        out = os.path.join(work, "cli")
        shutil.rmtree(out, ignore_errors=True)
        cpu, t = children_cpu(), time.perf_counter()
        subprocess.run([os.path.join(BUILD, "tools", "zhtidy-docx"), "-j", "1", "-O", out] + files,
                       check=True)
        return children_cpu() - cpu, time.perf_counter() - t

    def binding():
        out = os.path.join(work, "py")
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        cpu, t = time.process_time(), time.perf_counter()
        for f in files:
            with open(f, "rb") as fh:
                doc = zhtidy.clean(fh.read(), source=f)
            dask_convert._atomic_write(dask_convert.output_of(f, out, "docx"), doc.to_docx())
        return time.process_time() - cpu, time.perf_counter() - t

    c = b = cw = bw = float("inf")
    for _ in range(args.rounds):
        x, y = cli()
        c, cw = min(c, x), min(cw, y)
        x, y = binding()
        b, bw = min(b, x), min(bw, y)
    same = all(open(os.path.join(work, "cli", os.path.basename(f)[:-4] + ".docx"), "rb").read() ==
               open(os.path.join(work, "py", os.path.basename(f)[:-4] + ".docx"), "rb").read()
               for f in files)
    print("== binding, DOCX, one thread (best of %d)" % args.rounds)
    print("  zhtidy-docx -j 1    %7.3f ms/doc CPU  (%.2f s; wall %.2f s)" % (c / n * 1e3, c, cw))
    print("  zhtidy.clean()      %7.3f ms/doc CPU  (%.2f s; wall %.2f s), %+.1f%% (wall %+.1f%%); "
          "same bytes: %s" % (b / n * 1e3, b, bw, (b / c - 1) * 100, (bw / cw - 1) * 100, same))
    floor(b <= c * 1.10, "the binding costs at most 10%% more a document than the CLI batch "
          "(%+.1f%%)" % ((b / c - 1) * 100))

    # ---- Dask: one worker, then two -----------------------------------------
    from distributed import Client, wait
    # the workers import the binding, and the recipe whose functions run
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.join(BUILD, "python"),
                                                       os.path.join(SOURCE, "contrib")]))
    port = free_port()
    addr = "tcp://127.0.0.1:%d" % port
    start(["dask-scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard", "--no-show"], env)
    worker = ["dask-worker", addr, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
              "--no-dashboard", "--memory-limit", "0", "--local-directory", os.path.join(work, "workers")]
    start(worker + ["--name", "w1"], env)
    client = Client(addr, timeout=60)
    client.wait_for_workers(1, timeout=60)
    chunk = 8

    def dask_run():
        out = os.path.join(work, "dask")
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        paths = [files[i:i + chunk] for i in range(0, n, chunk)]
        outs = [[dask_convert.output_of(f, out, "docx") for f in p] for p in paths]
        t = time.perf_counter()
        futures = client.map(dask_convert.convert_files, paths, outs, fmt="docx", clean_opts={},
                             write_opts={}, pure=False)
        wait(futures, timeout=600)
        recs = [r for rs in client.gather(futures) for r in rs]
        dt = time.perf_counter() - t
        assert all(r["status"] == "ok" for r in recs) and len(recs) == n
        return dt

    dask_run()  # the worker imports the binding
    one = min(dask_run() for _ in range(args.rounds))
    start(worker + ["--name", "w2"], env)
    client.wait_for_workers(2, timeout=60)
    dask_run()
    two = min(dask_run() for _ in range(args.rounds))
    same = all(open(os.path.join(work, "cli", os.path.basename(f)[:-4] + ".docx"), "rb").read() ==
               open(os.path.join(work, "dask", os.path.basename(f)[:-4] + ".docx"), "rb").read()
               for f in files)
    client.close()
    print("== Dask, DOCX, %d files a task, single-threaded workers (best of %d)" % (chunk, args.rounds))
    print("  1 worker            %7.1f files/s  (%.2f s)" % (n / one, one))
    print("  2 workers           %7.1f files/s  (%.2f s), %.2fx; same bytes as the CLI: %s"
          % (n / two, two, one / two, same))
    floor(one / two >= 1.8, "two workers convert 1.8 times as fast as one (%.2fx)" % (one / two))
    try:
        load = os.getloadavg()[0]
        print("load average while measuring: %.1f on %d cores" % (load, os.cpu_count()))
    except OSError:
        pass
finally:
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in procs:
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if missed else 0)
