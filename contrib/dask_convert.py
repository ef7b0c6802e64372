#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Convert a folder of scraped files, or JSONL shards, across a Dask cluster
with zhtidy's Python binding.

    dask-scheduler --host 10.0.0.1 --port 8786 &
    PYTHONPATH=/opt/zhtidy/lib/python3/dist-packages dask-worker tcp://10.0.0.1:8786 --nthreads 1 &
    python3 contrib/dask_convert.py --scheduler tcp://10.0.0.1:8786 --to docx -O word/ raw/
    python3 contrib/dask_convert.py --scheduler tcp://10.0.0.1:8786 --to jsonl -O clean/ shards/

One task per --chunk files (default 8: a task costs the scheduler about a
millisecond, as much as a small document), or per shard.  Each worker reads its input, cleans it
with zhtidy and writes the output itself, atomically: to a temporary file
beside the target, renamed over it, so a worker killed mid-write leaves no
partial output; Dask runs the tasks of a lost worker again elsewhere, and
the temporary files killed workers left are removed at the end.  Inputs and
outputs must therefore be on a file system every worker and this client
see (NFS, or one machine).  The workers need the binding on their
PYTHONPATH (or installed); this client needs only python3-distributed.

A bad input is reported (stderr, and the --log line) and every other one is
still written; the exit status is then 1.  --log FILE writes one JSON line
per input, with the fields the tools' --log writes and the worker's name.  With no --scheduler, a
local cluster of one single-threaded worker per core runs the tasks.  The
outputs are byte-identical to the command-line tools' for the same inputs
and options (JSONL: the same records, as JSON values).
"""
import argparse
import glob
import json
import os
import sys
import uuid

FORMATS = ("txt", "json", "docx", "epub", "jsonl")
SCRIPTS = ("undetermined", "hans", "hant", "mixed")


# ---- on the workers --------------------------------------------------------

def _atomic_write(path, data):
    """Write DATA to PATH through a temporary file beside it, renamed over it:
    readers see the old file or the whole new one, never a part."""
    d, base = os.path.split(path)
    tmp = os.path.join(d, ".%s.%s.zhtidy-tmp" % (base, uuid.uuid4().hex))
    mask = os.umask(0)
    os.umask(mask)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _rule_counts(zhtidy, doc):
    counts = {}
    for c in doc.report:
        counts[c.rule] = counts.get(c.rule, 0) + 1
    return {rule: counts[rule] for rule in zhtidy.rules() if rule in counts}


def _script(doc):
    hans, hant = doc.script_counts
    most, least = max(hans, hant), min(hans, hant)
    return SCRIPTS[0 if not most else 3 if least * 10 >= most else 1 if hans > hant else 2]


def _write(doc, fmt, opts):
    if fmt == "txt":
        return doc.to_text().encode()
    if fmt == "json":
        return doc.to_json().encode()
    if fmt == "docx":
        return doc.to_docx(style=opts.get("style", "plain"))
    return doc.to_epub(vertical=opts.get("vertical", False))


def _worker():
    from distributed import get_worker
    try:
        return str(get_worker().name)
    except ValueError:  # not on a worker
        return None


def convert_file(path, out, fmt, clean_opts, write_opts):
    """Clean the file PATH and write it to OUT; a --log record (the tools'
    fields, and the worker's name)."""
    import zhtidy
    rec = {"input": path, "output": None, "status": "error", "error": None,
           "encoding": None, "script": None, "rules": None, "worker": _worker()}
    try:
        with open(path, "rb") as f:
            data = f.read()
        doc = zhtidy.clean(data, source=path, **clean_opts)
        rec.update(encoding=doc.meta.get("encoding"), script=_script(doc),
                   rules=_rule_counts(zhtidy, doc))
        _atomic_write(out, _write(doc, fmt, write_opts))
    except zhtidy.Error as e:
        rec["error"] = str(e)  # PATH: message, or PATH:LINE:COLUMN: message
        return rec
    except OSError as e:
        rec["error"] = "%s: %s" % (e.filename or path, e.strerror or e)
        return rec
    rec.update(status="ok", output=out)
    return rec


def convert_files(paths, outs, fmt, clean_opts, write_opts):
    """convert_file() for each of PATHS; their --log records."""
    return [convert_file(p, o, fmt, clean_opts, write_opts) for p, o in zip(paths, outs)]


def _clean_record(zhtidy, line, lineno, name, clean_opts):
    """One JSONL record, as zhtidy -t jsonl writes it; and whether it failed."""
    try:
        obj = json.loads(line)
    except ValueError as e:
        return {"input": name, "line": lineno, "error": "not JSON: %s" % e}, True
    if not isinstance(obj, dict):
        return {"input": name, "line": lineno, "error": "not a JSON object"}, True
    text = obj.get("text")
    if not isinstance(text, str):
        obj["error"] = 'no "text" string'
        return obj, True
    try:
        doc = zhtidy.clean(text.encode("utf-8", "replace"), encoding="utf-8", **clean_opts)
    except zhtidy.Error as e:
        obj["error"] = e.message
        return obj, True
    obj.update(text=doc.to_text(), title=doc.title, lang=doc.lang,
               headings=[{"level": b.level, "text": b.text} for b in doc.blocks if b.kind == "heading"],
               rules=_rule_counts(zhtidy, doc))
    return obj, False


def convert_shard(path, out, clean_opts):
    """Clean every record of the JSONL shard PATH into OUT; a --log record."""
    import zhtidy
    rec = {"input": path, "output": None, "status": "error", "error": None,
           "records": 0, "failed": 0, "worker": _worker()}
    lines = []
    try:
        with open(path, "rb") as f:
            for lineno, raw in enumerate(f, 1):
                line = raw.decode("utf-8", "replace").strip()
                if not line:
                    continue
                obj, bad = _clean_record(zhtidy, line, lineno, path, clean_opts)
                lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
                rec["records"] += 1
                rec["failed"] += bad
        _atomic_write(out, "".join(lines).encode())
    except OSError as e:
        rec["error"] = "%s: %s" % (e.filename or path, e.strerror or e)
        return rec
    if rec["failed"]:
        rec["error"] = "%s: %d of %d records failed" % (path, rec["failed"], rec["records"])
    else:
        rec["status"] = "ok"
    rec["output"] = out
    return rec


# ---- on the client ---------------------------------------------------------

def inputs_of(args):
    """The files to convert: those named, and those in the folders named
    (not hidden; *.jsonl for --to jsonl), in name order."""
    out = []
    for p in args.inputs:
        if os.path.isdir(p):
            pattern = "*.jsonl" if args.to == "jsonl" else "*"
            out += sorted(f for f in glob.glob(os.path.join(p, pattern)) if os.path.isfile(f))
        else:
            out.append(p)
    return out


def output_of(path, outdir, ext):
    base = os.path.basename(path)
    stem = base[:base.rfind(".")] if base.rfind(".") > 0 else base
    return os.path.join(outdir, stem + "." + ext)


def sweep(outputs):
    """Remove the temporary files that killed workers left beside OUTPUTS."""
    for out in outputs:
        d, base = os.path.split(out)
        for tmp in glob.glob(os.path.join(glob.escape(d), ".%s.*.zhtidy-tmp" % glob.escape(base))):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files, or folders of them")
    ap.add_argument("-O", "--output-dir", required=True, metavar="DIR")
    ap.add_argument("-t", "--to", choices=FORMATS, default="docx")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="the Dask scheduler (tcp://HOST:PORT); default: a local cluster")
    ap.add_argument("--log", metavar="FILE", help="one JSON line per input")
    ap.add_argument("--to-script", choices=("keep", "hans", "hant", "tw", "hk"))
    ap.add_argument("--keep", action="append", default=[], metavar="RULE")
    ap.add_argument("-e", "--encoding")
    ap.add_argument("--style", choices=("plain", "gbt9704"), default="plain")
    ap.add_argument("--vertical", action="store_true")
    ap.add_argument("--chunk", type=int, default=8, metavar="N", help="files per task (default 8)")
    ap.add_argument("--retries", type=int, default=1,
                    help="runs again of a task that raised (a lost worker's tasks are always run again)")
    args = ap.parse_args(argv)

    from distributed import Client, LocalCluster, as_completed

    paths = inputs_of(args)
    ext = args.to
    outputs = [output_of(p, args.output_dir, ext) for p in paths]
    seen = {}
    for p, o in zip(paths, outputs):
        if o in seen:
            print("dask_convert: %s and %s would both be written to %s" % (seen[o], p, o), file=sys.stderr)
            return 2
        seen[o] = p
    os.makedirs(args.output_dir, exist_ok=True)
    clean_opts = {"to_script": args.to_script, "keep": tuple(args.keep)}
    if args.encoding and args.to != "jsonl":
        clean_opts["encoding"] = args.encoding
    write_opts = {"style": args.style, "vertical": args.vertical}

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler, timeout=60)
    else:
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                               dashboard_address=None)
        client = Client(cluster)
    failed = 0
    log = open(args.log, "w", encoding="utf-8") if args.log else None
    try:
        if args.to == "jsonl":
            futures = client.map(convert_shard, paths, outputs, clean_opts=clean_opts,
                                 pure=False, retries=args.retries)
            which = [[p] for p in paths]
        else:
            n = max(1, args.chunk)
            which = [paths[i:i + n] for i in range(0, len(paths), n)]
            futures = client.map(convert_files, which, [outputs[i:i + n] for i in range(0, len(paths), n)],
                                 fmt=args.to, clean_opts=clean_opts, write_opts=write_opts,
                                 pure=False, retries=args.retries)
        chunk_of = {f.key: c for f, c in zip(futures, which)}
        for fut in as_completed(futures):
            try:
                recs = fut.result()
                recs = recs if isinstance(recs, list) else [recs]
            except Exception as e:  # the task failed on every try: a lost cause
                recs = [{"input": p, "output": None, "status": "error", "error": "%s: %s" % (p, e)}
                        for p in chunk_of[fut.key]]
            for rec in recs:
                if rec["status"] != "ok":
                    failed += 1
                    print("dask_convert: %s" % rec["error"], file=sys.stderr)
                if log:
                    log.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if log:
                log.flush()
    finally:
        if log:
            log.close()
        sweep(outputs)
        client.close()
        if cluster:
            cluster.close()
    if failed:
        print("dask_convert: %d of %d inputs failed" % (failed, len(paths)), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
