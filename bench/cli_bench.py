#!/usr/bin/env python3
"""Times the whole-project command against the compiler on the same project.

Generates a project of N translation units (default 200) with a
compile_commands.json: each TU includes <mutex>, <vector>, <string> and a
shared header, defines lock-using functions (guards, manual lock/unlock,
nested locks in a consistent order) and calls functions of the next TU, so
phase 2 (re-checking TUs with other TUs' summaries) has real work. Then, in
one run, alternating the two commands so machine load hits both alike:

  clang     clang++ -fsyntax-only on every TU, J at a time (J = --jobs)
  lockcheck lockcheck -p <project> -j J --no-progress

and prints the median wall time of each and the ratio (target: at most 1.2).
The project's code is correct, so the run measures analysis, not printing.

usage: python3 bench/cli_bench.py [--tus 200] [--jobs 2] [--runs 3]
           [--lockcheck build/bin/lockcheck] [--clang /usr/lib/llvm-19/bin/clang++]
           [--keep DIR]
"""
import argparse
import concurrent.futures
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HEADER = """#pragma once
#include <mutex>
#include <string>
#include <vector>
struct Account {
  std::mutex m;
  long balance = 0;
  std::vector<std::string> log;
};
extern std::mutex registry_lock;
"""

TU = """#include "shared.h"
{decl_next}
static std::mutex local_{i};
static long table_{i}[8];

void deposit_{i}(Account &a, long v) {{
  std::lock_guard<std::mutex> g(a.m);
  a.balance += v;
  a.log.push_back("deposit " + std::to_string(v));
}}

long audit_{i}(Account &a) {{
  std::lock_guard<std::mutex> outer(registry_lock);
  std::lock_guard<std::mutex> inner(a.m);
  return a.balance;
}}

void manual_{i}(int k) {{
  local_{i}.lock();
  if (k > 3) {{
    table_{i}[k & 7] = k;
    local_{i}.unlock();
    return;
  }}
  for (int j = 0; j < k; ++j)
    table_{i}[j & 7] += j;
  local_{i}.unlock();
}}

bool try_{i}() {{
  std::unique_lock<std::mutex> l(local_{i}, std::try_to_lock);
  if (!l.owns_lock())
    return false;
  table_{i}[0] = 1;
  return true;
}}

void chain_{i}(Account &a) {{
  deposit_{i}(a, 1);
  {call_next}
}}
"""


def generate(root, n, clang, cross_calls=True):
    src = os.path.join(root, "src")
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, "shared.h"), "w") as f:
        f.write(HEADER)
    with open(os.path.join(src, "registry.cpp"), "w") as f:
        f.write('#include "shared.h"\nstd::mutex registry_lock;\n')
    entries = [{"directory": src, "file": "registry.cpp",
                "command": "%s -std=c++17 -c registry.cpp -o registry.o" % clang}]
    for i in range(n - 1):
        nxt = i + 1 if i + 1 < n - 1 and cross_calls else None
        decl = "void chain_%d(Account &a);" % nxt if nxt is not None else ""
        call = "chain_%d(a);" % nxt if nxt is not None else ""
        name = "tu%03d.cpp" % i
        with open(os.path.join(src, name), "w") as f:
            f.write(TU.format(i=i, decl_next=decl, call_next=call))
        entries.append({"directory": src, "file": name,
                        "command": "%s -std=c++17 -O2 -c %s -o %s.o" % (clang, name, name)})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return entries


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_clang(entries, jobs):
    def one(e):
        args = shlex.split(e["command"])
        args = [a for a in args if a not in ("-c",)]
        out = args.index("-o")
        del args[out:out + 2]
        subprocess.run(args + ["-fsyntax-only"], cwd=e["directory"], check=True)
    start, cpu = time.monotonic(), children_cpu()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, entries))
    return time.monotonic() - start, children_cpu() - cpu


def run_lockcheck(binary, root, jobs, extra=()):
    start, cpu = time.monotonic(), children_cpu()
    p = subprocess.run([binary, "-p", root, "-j", str(jobs), "--no-progress"] + list(extra),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall, cpu = time.monotonic() - start, children_cpu() - cpu
    if p.returncode != 0:
        sys.exit("lockcheck exited with %d:\n%s%s" % (p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
    return (wall, cpu), p.stderr.strip().splitlines()[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tus", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lockcheck", default=os.path.join(ROOT, "build", "bin", "lockcheck"))
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--keep", help="generate the project here and keep it")
    ap.add_argument("--no-cross-calls", action="store_true",
                    help="TUs do not call each other (phase 2 has nothing to re-check)")
    ap.add_argument("--cache", action="store_true",
                    help="also time a re-run with --cache-dir after a first filling run")
    a = ap.parse_args()
    root = a.keep or tempfile.mkdtemp(prefix="lockcheck-cli-bench-")
    entries = generate(root, a.tus, a.clang, not a.no_cross_calls)
    # Warm-up: file cache, and a first check that both commands work.
    run_clang(entries, a.jobs)
    _, summary = run_lockcheck(a.lockcheck, root, a.jobs)
    summary = summary.replace("lockcheck: ", "lockcheck said: ", 1)
    clang_t, lc_t = [], []
    for _ in range(a.runs):
        clang_t.append(run_clang(entries, a.jobs))
        lc_t.append(run_lockcheck(a.lockcheck, root, a.jobs)[0])

    def row(name, runs):
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print("| %s | %.2f | %.2f | %s |" % (name, wall, cpu,
              " ".join("%.1f/%.1f" % r for r in runs)))
        return wall, cpu

    print("project: %d TUs, -j %d, %d runs (median), load average after: %s" %
          (len(entries), a.jobs, a.runs, " ".join("%.1f" % x for x in os.getloadavg())))
    print(summary)
    print("| command | wall s | CPU s | all runs (wall/CPU) |")
    print("|---|---|---|---|")
    cw, cc = row("clang++ -fsyntax-only, %d jobs" % a.jobs, clang_t)
    lw, lcpu = row("lockcheck -p -j %d" % a.jobs, lc_t)
    print("| ratio | %.2f | %.2f | |" % (lw / cw, lcpu / cc))
    if a.cache:
        cache = os.path.join(root, "cache")
        run_lockcheck(a.lockcheck, root, a.jobs, ["--cache-dir", cache])
        warm = [run_lockcheck(a.lockcheck, root, a.jobs, ["--cache-dir", cache])[0]
                for _ in range(a.runs)]
        row("lockcheck -p -j %d --cache-dir, nothing changed" % a.jobs, warm)
    if not a.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
