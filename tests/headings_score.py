#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Score the headings a conversion finds against tests/headings/*.headings.

usage: headings_score.py ZHTIDY_TXT HEADINGS_DIR SAMPLES_DIR [--floor F]
                         [--max-wrong N] [--list]

Each NAME.headings lists a document's headings in order, LEVEL<TAB>TEXT,
written by reading the raw text.  NNN.headings belongs to SAMPLES_DIR/NNN_*.txt,
any other NAME.headings to HEADINGS_DIR/NAME.txt.  The document goes through
`ZHTIDY_TXT --format tree`; its h1…h6 lines are the headings found.

Per document and in total it prints
  recall     expected headings found with the exact text and level, in order
             (the longest common subsequence of the two lists);
  precision  headings found that are expected ones;
  wrong      wrong splits: a heading found whose text is a proper prefix of an
             expected heading's, or runs on past it (part of its body taken).
It fails when the total recall is below F (default 0) or there are more than
N wrong splits (default: any number)."""
import glob, os, subprocess, sys


def read_expected(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        level, text = line.split("\t", 1)
        out.append((int(level), text))
    return out


def found_headings(tool, path):
    r = subprocess.run([tool, "--format", "tree", path], capture_output=True, check=True)
    out = []
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        if len(line) > 3 and line[0] == "h" and line[1].isdigit() and line[2] == " ":
            out.append((int(line[1]), line[3:]))
    return out


def lcs(a, b):
    """Pairs (i, j) of a longest common subsequence of A and B."""
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j)); i += 1; j += 1
        elif t[i + 1][j] >= t[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def main(argv):
    args, floor, max_wrong, show = [], 0.0, None, False
    i = 0
    while i < len(argv):
        if argv[i] == "--floor":
            floor = float(argv[i + 1]); i += 2
        elif argv[i] == "--max-wrong":
            max_wrong = int(argv[i + 1]); i += 2
        elif argv[i] == "--list":
            show = True; i += 1
        else:
            args.append(argv[i]); i += 1
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tool, hdir, samples = args
    tot_exp = tot_found = tot_hit = tot_wrong = 0
    for hpath in sorted(glob.glob(os.path.join(hdir, "*.headings"))):
        name = os.path.basename(hpath)[:-len(".headings")]
        inputs = glob.glob(os.path.join(samples, name + "_*.txt")) or \
            [os.path.join(hdir, name + ".txt")]
        expected = read_expected(hpath)
        found = found_headings(tool, inputs[0])
        pairs = lcs(expected, found)
        hit_e = {i for i, _ in pairs}
        hit_f = {j for _, j in pairs}
        wrong = []
        for j, (lv, text) in enumerate(found):
            if j in hit_f:
                continue
            for _, etext in expected:
                if text != etext and (etext.startswith(text) or text.startswith(etext)):
                    wrong.append(text)
                    break
        rec = len(pairs) / len(expected) if expected else 1.0
        prec = len(pairs) / len(found) if found else 1.0
        print(f"{name}: recall {len(pairs)}/{len(expected)} {100 * rec:.1f}%  "
              f"precision {len(pairs)}/{len(found)} {100 * prec:.1f}%  wrong splits {len(wrong)}")
        if show:
            for i, (lv, text) in enumerate(expected):
                if i not in hit_e:
                    print(f"  missed  h{lv} {text}")
            for j, (lv, text) in enumerate(found):
                if j not in hit_f:
                    print(f"  extra   h{lv} {text}" + ("   <- wrong split" if text in wrong else ""))
        tot_exp += len(expected); tot_found += len(found); tot_hit += len(pairs)
        tot_wrong += len(wrong)
    rec = tot_hit / tot_exp if tot_exp else 1.0
    prec = tot_hit / tot_found if tot_found else 1.0
    print(f"total: recall {tot_hit}/{tot_exp} {100 * rec:.1f}%  precision {tot_hit}/{tot_found} "
          f"{100 * prec:.1f}%  wrong splits {tot_wrong}")
    ok = True
    if rec < floor:
        print(f"FAIL: recall {100 * rec:.1f}% is below the floor {100 * floor:.1f}%")
        ok = False
    if max_wrong is not None and tot_wrong > max_wrong:
        print(f"FAIL: {tot_wrong} wrong splits, at most {max_wrong} allowed")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
