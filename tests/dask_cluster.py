# SPDX-License-Identifier: MIT
"""contrib/dask_convert.py on a real Dask cluster: a dask-scheduler and two
dask-worker processes on 127.0.0.1 (free ports), all killed at the end.

 - the samples plus a bad file: every good output byte-identical to one
   zhtidy-docx batch run on the same files, the bad file reported (stderr
   and --log) and exit 1;
 - JSONL shards: the same records as zhtidy -t jsonl;
 - a worker killed (SIGKILL) in the middle of a run: Dask runs its tasks
   again on the other, and every output is complete and identical, with no
   partial or temporary file left.

Skips (77) when python3-distributed, python3-cffi or the dask programs are
missing.  usage: dask_cluster.py BUILD_DIR SOURCE_DIR
"""
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

BUILD, SOURCE = (os.path.abspath(p) for p in sys.argv[1:3])
TOOLS = os.path.join(BUILD, "tools")
RECIPE = os.path.join(SOURCE, "contrib", "dask_convert.py")
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "samples", "*.txt")))

if os.environ.get("ZHTIDY_SANITIZED"):
    print("SKIP: the library is built with AddressSanitizer (ZHTIDY_SANITIZE), which python3 "
          "cannot load: the Dask recipe was not tested")
    sys.exit(77)
try:
    import cffi  # noqa: F401
    import distributed  # noqa: F401
except ImportError as e:
    print("SKIP: %s (apt-get install python3-cffi python3-distributed): the Dask recipe was not tested" % e)
    sys.exit(77)
bindir = os.path.dirname(os.path.realpath(sys.executable))
programs = {p: shutil.which(p, path=bindir + os.pathsep + os.environ.get("PATH", ""))
            for p in ("dask-scheduler", "dask-worker")}
if not all(programs.values()):
    print("SKIP: dask-scheduler or dask-worker not found (python3-distributed): the Dask recipe was not tested")
    sys.exit(77)

failures = []
procs = []


def check(cond, what):
    print("%s: %s" % ("ok" if cond else "FAIL", what), flush=True)
    if not cond:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args, log, env):
    p = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env,
                         start_new_session=True)
    procs.append(p)
    return p


def stop_all():
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    deadline = time.time() + 10
    for p in procs:
        try:
            p.wait(max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def recipe(*args, timeout=180):
    return subprocess.run([sys.executable, RECIPE, "--scheduler", scheduler] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=timeout, env=env)


def files(d):
    return {f: open(os.path.join(d, f), "rb").read() for f in os.listdir(d)}


tmp = tempfile.mkdtemp()
env = dict(os.environ, PYTHONPATH=os.path.join(BUILD, "python"), SOURCE_DATE_EPOCH="1700000000")
try:
    port = free_port()
    scheduler = "tcp://127.0.0.1:%d" % port
    logs = open(os.path.join(tmp, "cluster.log"), "w")
    start([programs["dask-scheduler"], "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
           "--no-show"], logs, env)
    workers = [start([programs["dask-worker"], scheduler, "--host", "127.0.0.1", "--nthreads", "1",
                      "--no-nanny", "--no-dashboard", "--name", "w%d" % i, "--death-timeout", "60",
                      "--memory-limit", "0", "--local-directory", os.path.join(tmp, "w%d" % i)],
                     logs, env) for i in (1, 2)]
    from distributed import Client
    with Client(scheduler, timeout=60) as c:
        c.wait_for_workers(2, timeout=60)
    check(True, "a scheduler and two workers on 127.0.0.1:%d" % port)

    # the samples and a bad file, against one zhtidy-docx batch run
    indir = os.path.join(tmp, "in")
    os.makedirs(indir)
    for f in SAMPLES:
        shutil.copy(f, indir)
    with open(os.path.join(indir, "bad.txt"), "wb") as f:
        f.write(b"abc\0def")
    names = sorted(glob.glob(os.path.join(indir, "*.txt")))
    cli = subprocess.run([os.path.join(TOOLS, "zhtidy-docx"), "-O", os.path.join(tmp, "cli")] + names,
                         stderr=subprocess.PIPE, env=env)
    check(cli.returncode == 1, "zhtidy-docx on the samples and a bad file exits 1")
    r = recipe("--to", "docx", "-O", os.path.join(tmp, "dask"), "--log", os.path.join(tmp, "dask.log"), indir)
    check(r.returncode == 1, "the recipe exits 1 with a bad file (%d: %s)" % (r.returncode, r.stderr[-500:]))
    check("bad.txt: input contains NUL bytes" in r.stderr, "the bad file is reported on stderr")
    log = [json.loads(l) for l in open(os.path.join(tmp, "dask.log"))]
    bad = [x for x in log if x["status"] != "ok"]
    check(len(log) == len(names) and len(bad) == 1 and bad[0]["input"].endswith("bad.txt")
          and "NUL bytes" in bad[0]["error"], "the log has every input and the bad one's error")
    want, got = files(os.path.join(tmp, "cli")), files(os.path.join(tmp, "dask"))
    check(len(want) == len(SAMPLES) and want == got,
          "the outputs are byte-identical to zhtidy-docx's (%d files)" % len(got))

    # JSONL shards
    shards = os.path.join(tmp, "shards")
    os.makedirs(shards)
    for k in range(2):
        with open(os.path.join(shards, "part-%d.jsonl" % k), "w") as f:
            for i, s in enumerate(SAMPLES):
                f.write(json.dumps({"id": "%d-%d" % (k, i), "text": open(s).read(), "x": [k]},
                                   ensure_ascii=False) + "\n")
            f.write('{"id": "no text"}\n')
    r = recipe("--to", "jsonl", "-O", os.path.join(tmp, "jsonl-dask"), shards)
    check(r.returncode == 1 and "1 of %d records failed" % (len(SAMPLES) + 1) in r.stderr,
          "JSONL: a record without text is reported (%s)" % r.stderr[-300:])
    subprocess.run([os.path.join(TOOLS, "zhtidy"), "-t", "jsonl", "-O", os.path.join(tmp, "jsonl-cli")]
                   + sorted(glob.glob(os.path.join(shards, "*.jsonl"))), stderr=subprocess.DEVNULL)
    for k in range(2):
        a = [json.loads(l) for l in open(os.path.join(tmp, "jsonl-cli", "part-%d.jsonl" % k))]
        b = [json.loads(l) for l in open(os.path.join(tmp, "jsonl-dask", "part-%d.jsonl" % k))]
        check(a == b and len(a) == len(SAMPLES) + 1, "JSONL shard %d: the records zhtidy -t jsonl writes" % k)

    # a worker killed mid-run
    many = os.path.join(tmp, "many")
    os.makedirs(many)
    for i in range(60):
        for f in SAMPLES:
            shutil.copy(f, os.path.join(many, "%02d-%s" % (i, os.path.basename(f))))
    names = sorted(glob.glob(os.path.join(many, "*.txt")))
    subprocess.run([os.path.join(TOOLS, "zhtidy-docx"), "-j", "2", "-O", os.path.join(tmp, "many-cli")] + names,
                   check=True, env=env)
    out = os.path.join(tmp, "many-dask")
    run = subprocess.Popen([sys.executable, RECIPE, "--scheduler", scheduler, "--to", "docx", "-O", out,
                            "--log", os.path.join(tmp, "many.log"), many],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    procs.append(run)
    deadline = time.time() + 120
    while time.time() < deadline and run.poll() is None and \
            (not os.path.isdir(out) or len(os.listdir(out)) < 20):
        time.sleep(0.02)
    done_at_kill = len(os.listdir(out)) if os.path.isdir(out) else 0
    alive = workers[0].poll() is None and run.poll() is None
    os.kill(workers[0].pid, signal.SIGKILL)
    workers[0].wait()
    check(alive and done_at_kill < len(names),
          "worker w1 killed mid-run (%d of %d outputs written)" % (done_at_kill, len(names)))
    try:
        so, se = run.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        run.kill()
        so, se = run.communicate()
    check(run.returncode == 0, "the run ends well without w1 (%s: %s)" % (run.returncode, se[-500:]))
    want, got = files(os.path.join(tmp, "many-cli")), files(out)
    check(len(got) == len(names) and want == got,
          "every output is complete and identical to zhtidy-docx's (%d of %d)" % (len(got), len(names)))
    check(not [f for f in os.listdir(out) if f.startswith(".")], "no temporary file is left")
    by = {}
    for x in (json.loads(l) for l in open(os.path.join(tmp, "many.log"))):
        by[x["worker"]] = by.get(x["worker"], 0) + 1
    # w1 may show no file: what it finished but had not handed back when it
    # was killed, Dask runs again on w2, and that is the run the log keeps
    check(by.get("w2", 0) > 0 and set(by) <= {"w1", "w2"} and sum(by.values()) == len(names),
          "every file logged once, w2 converted the rest (%s)" % by)
finally:
    stop_all()
    shutil.rmtree(tmp, ignore_errors=True)
print("dask: %d failed" % len(failures))
sys.exit(1 if failures else 0)
