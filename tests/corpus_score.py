#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""corpus_score.py ZHTIDY CORPUS_DIR [--split dev|blind|all] [--floor F] [--list]

Scores the cleaner on a corpus of real pages (tests/corpus): each page goes
through `zhtidy -t json`, and its checks, written by reading the page, are
matched against the tree.  Text corpus (text/*.txt): gone, kept, once, fix.
HTML corpus (html/*.html): gone, kept, title, tables, lists, code.

A fix must stand inside one block (a line rejoined is one paragraph); the
other checks are matched against the whole text.  Matching folds both sides: whitespace removed, full-width ASCII forms to
ASCII, 。 to ., “” to ", ‘’ to ', dashes to -, ellipses to ....  Prints the
share of checks passed, per split and kind; with --list, every failed check.
Exit 1 when the share is below the floor or a kept check fails."""
import argparse, glob, json, os, re, subprocess, sys

def fold(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch.isspace() or o in (0x3000, 0xA0, 0x200B, 0xFEFF):
            continue
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        ch = {"。": ".", "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "―": "-",
              "…": "...", "．": ".", "、": "、"}.get(ch, ch)
        out.append(ch)
    s = "".join(out)
    s = re.sub(r"-{2,}", "-", s)
    return s

def tree_of(tool, path):
    r = subprocess.run([tool, path, "-t", "json", "-o", "-"], capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace").strip()
    return json.loads(r.stdout.decode("utf-8")), None

def parts_of(tree):
    parts = [tree.get("meta", {}).get("title", "")]
    for b in tree["blocks"]:
        if b["type"] == "table":
            parts += [c if isinstance(c, str) else c.get("text", "") for row in b["rows"] for c in row]
        else:
            parts.append(b.get("text", ""))
    return parts

def text_of(tree):
    return fold("".join(parts_of(tree)))

def code_of(tree):
    return [b["text"] for b in tree["blocks"] if b["type"] == "code"]

def check(kind, value, tree, text):
    v = fold(value)
    if kind == "gone":
        return v not in text
    if kind == "kept":
        return v in text
    if kind == "fix":  # a repair joins its text into one block
        return any(v in fold(p) for p in parts_of(tree))
    if kind == "once":
        return text.count(v) == 1
    if kind == "title":
        return fold(tree.get("meta", {}).get("title", "")) == v
    if kind == "tables":
        return sum(b["type"] == "table" for b in tree["blocks"]) == int(value)
    if kind == "lists":
        runs, prev = 0, None
        for b in tree["blocks"]:
            if b["type"] == "list_item" and b.get("level", 1) == 1 and prev != "list_item":
                runs += 1
            prev = b["type"]
        return runs == int(value)
    if kind == "code":
        return any(value.strip() in c for c in code_of(tree))
    raise ValueError("unknown check kind " + kind)

def load_splits(corpus):
    splits = {}
    for name in ("SOURCES", "html/SOURCES"):
        path = os.path.join(corpus, name)
        if os.path.exists(path):
            for line in open(path, encoding="utf-8"):
                f = line.rstrip("\n").split("\t")
                if len(f) >= 5 and name == "SOURCES":
                    splits[f[0]] = f[4]
                elif len(f) >= 8 and name == "html/SOURCES":  # html pages: split in column 8
                    splits["html/" + f[0]] = f[7]
    return splits

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool"); ap.add_argument("corpus")
    ap.add_argument("--split", default="all"); ap.add_argument("--floor", type=float, default=0.0)
    ap.add_argument("--list", action="store_true"); ap.add_argument("--kind", default="all")
    a = ap.parse_args()
    splits = load_splits(a.corpus)
    pages = sorted(glob.glob(os.path.join(a.corpus, "text", "*.txt"))) + \
            sorted(glob.glob(os.path.join(a.corpus, "html", "*.html")))
    if not pages:
        print("SKIP: no pages under", a.corpus); return 77
    totals, failed_kept = {}, 0
    for page in pages:
        pid = os.path.splitext(os.path.basename(page))[0]
        kind_dir = os.path.basename(os.path.dirname(page))
        split = splits.get(pid if kind_dir == "text" else "html/" + pid.split("-")[0], "dev")
        if a.kind != "all" and a.kind != kind_dir:
            continue
        if a.split != "all" and split != a.split:
            continue
        checks = [l.rstrip("\n").split("\t", 1) for l in open(page.rsplit(".", 1)[0] + ".checks", encoding="utf-8")
                  if l.strip() and not l.startswith("#")]
        tree, err = tree_of(a.tool, page)
        for kind, value in checks:
            ok = tree is not None and check(kind, value, tree, text_of(tree))
            t = totals.setdefault((f"{kind_dir} {split}", kind), [0, 0])
            t[0] += ok; t[1] += 1
            if not ok and kind == "kept":
                failed_kept += 1
            if not ok and a.list:
                print(f"  {pid}: {kind}\t{value}" + (f"  ({err})" if err else ""))
    passed = sum(p for p, n in totals.values()); total = sum(n for p, n in totals.values())
    for split in sorted({s for s, k in totals}):  # per split, and per kind within it
        sp = sum(totals[k][0] for k in totals if k[0] == split); sn = sum(totals[k][1] for k in totals if k[0] == split)
        kinds = ", ".join(f"{k} {totals[(split, k)][0]}/{totals[(split, k)][1]}" for s, k in sorted(totals) if s == split)
        print(f"{split}: {sp}/{sn} checks ({100.0 * sp / sn:.1f}%): {kinds}")
    share = passed / total if total else 1.0
    print(f"all: {passed}/{total} checks ({100.0 * share:.1f}%), {failed_kept} kept checks failed")
    return 0 if share >= a.floor and failed_kept == 0 else 1

if __name__ == "__main__":
    sys.exit(main())
