#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""cycles.py LIST...: no two source files call each other in a cycle.

Each LIST file names the object files of one component (the library, the
tools), one a line.  For the objects of a component, every undefined symbol that another object of the same component
defines is an edge from the file that uses it to the file that defines it.
A strongly connected set of two files or more is a cycle: it is printed, and
the exit status is 1."""
import os, subprocess, sys

def symbols(obj):
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            used.add(parts[1])
        elif len(parts) == 3 and parts[1] in "TDBRCVW":
            defined.add(parts[2])
    return defined, used

def cycles(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in graph:
        if v not in index:
            visit(v)
    return out

bad = 0
for d in sys.argv[1:]:
    objs = sorted(l.strip() for l in open(d) if l.strip())
    if not objs or not all(os.path.exists(o) for o in objs):
        print(f"SKIP: the object files {d} names are not built"); sys.exit(77)
    table = {o: symbols(o) for o in objs}
    owner = {s: o for o, (defs, _) in table.items() for s in defs}
    graph = {o: {owner[s] for s in used if s in owner and owner[s] != o} for o, (_, used) in table.items()}
    name = lambda o: os.path.basename(o)[:-2]
    for comp in cycles(graph):
        bad += 1
        print("FAIL: files that call each other:", " ".join(name(o) for o in comp))
        for o in comp:
            print("   ", name(o), "->", ", ".join(sorted(name(w) for w in graph[o] if w in comp)))
    print(f"{d}: {len(objs)} files, {sum(len(g) for g in graph.values())} edges")
sys.exit(1 if bad else 0)
