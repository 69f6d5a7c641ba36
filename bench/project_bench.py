#!/usr/bin/env python3
"""Measures `lockcheck -p` against the compiler on a real project, in one run.

Given a compile_commands.json (or the build directory holding it), optionally
narrowed to the files under some directories of the source tree, runs

  clang     <clang> -fsyntax-only for every compile command, J at a time
  lockcheck <lockcheck> -p <dir> -j J --format=json --no-progress, for each
            --lockcheck given (say, the binary before a change and after it)

one after the other, and prints for each the wall time, the CPU time (user +
system of the processes) and the peak resident memory (of one compiler
process; of the lockcheck process), and lockcheck's ratios to the compiler.
Not a test: a run on rocksdb takes half an hour of two cores.

usage: bench/project_bench.py COMPDB [--filter db/,util/] [--root DIR]
           [--lockcheck build/bin/lockcheck]... [--clang clang++-19] [--jobs 2]
           [--runs 1] [--checks GLOB] [--json-dir DIR]

--root: the source tree the --filter prefixes are relative to (default: the
directory above the database's). --json-dir keeps each lockcheck run's
findings as <dir>/<n>-<run>.json (n: the --lockcheck's position).
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time

DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD", "-M", "-MM", "-MP"}


def source_path(e):
    p = e["file"]
    return os.path.realpath(p if os.path.isabs(p) else os.path.join(e["directory"], p))


def syntax_only(e, clang):
    args = e.get("arguments") or shlex.split(e["command"])
    out, skip = [], False
    for x in args[1:]:
        if skip:
            skip = False
        elif x in DROP_WITH_ARG:
            skip = True
        elif x in DROP or (x.startswith("-o") and len(x) > 2):
            continue
        else:
            out.append(x)
    return [clang, "-fsyntax-only"] + out


def run_measured(cmd, cwd=None, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    """(exit status, user+sys seconds, peak RSS in MB) of one process."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=stderr)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0


def time_clang(entries, clang, jobs):
    todo = list(entries)
    lock = threading.Lock()
    cpu, peak, failed = [0.0], [0.0], []

    def worker():
        while True:
            with lock:
                if not todo:
                    return
                e = todo.pop(0)
            rc, c, rss = run_measured(syntax_only(e, clang), cwd=e["directory"])
            with lock:
                cpu[0] += c
                peak[0] = max(peak[0], rss)
                if rc != 0:
                    failed.append(e["file"])

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - t0, cpu[0], peak[0], failed


def time_lockcheck(binary, builddir, jobs, checks, out_json):
    cmd = [binary, "-p", builddir, "-j", str(jobs), "--format=json", "-o", out_json,
           "--no-progress"]
    if checks:
        cmd.append("--checks=" + checks)
    t0 = time.monotonic()
    with tempfile.TemporaryFile("w+") as err:
        rc, cpu, rss = run_measured(cmd, stderr=err)
        err.seek(0)
        summary = [l.strip() for l in err if l.startswith("lockcheck: ")]
    return time.monotonic() - t0, cpu, rss, rc, summary[-1] if summary else "", cmd


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("compdb")
    ap.add_argument("--filter", default="", help="comma-separated directory prefixes")
    ap.add_argument("--root")
    ap.add_argument("--lockcheck", action="append")
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--checks", default="lockcheck-*")
    ap.add_argument("--json-dir")
    a = ap.parse_args()
    binaries = a.lockcheck or [os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), "build", "bin", "lockcheck")]

    path = os.path.join(a.compdb, "compile_commands.json") if os.path.isdir(a.compdb) else a.compdb
    with open(path) as f:
        entries = json.load(f)
    root = os.path.realpath(a.root or os.path.join(os.path.dirname(os.path.abspath(path)), ".."))
    prefixes = [p.strip().rstrip("/") + "/" for p in a.filter.split(",") if p.strip()]
    if prefixes:
        entries = [e for e in entries
                   if any(os.path.relpath(source_path(e), root).startswith(p) for p in prefixes)]
    work = tempfile.mkdtemp(prefix="project-bench-")
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    json_dir = a.json_dir or work
    os.makedirs(json_dir, exist_ok=True)
    print("%d compile commands (%s), %d jobs, %d run(s); load average %.2f %.2f %.2f"
          % ((len(entries), path, a.jobs, a.runs) + os.getloadavg()), flush=True)

    rows = {"clang": []}
    for run in range(a.runs):
        order = ["clang"] + list(range(len(binaries)))
        if run % 2:
            order.reverse()  # alternate, so machine load hits all alike
        for what in order:
            if what == "clang":
                wall, cpu, rss, failed = time_clang(entries, a.clang, a.jobs)
                rows["clang"].append((wall, cpu, rss))
                print("clang run %d: wall %.1f s, CPU %.1f s, peak RSS %.0f MB, %d failed"
                      % (run + 1, wall, cpu, rss, len(failed)), flush=True)
                for x in failed:
                    print("  did not parse:", x)
            else:
                out = os.path.join(json_dir, "%d-%d.json" % (what, run + 1))
                wall, cpu, rss, rc, summary, cmd = time_lockcheck(
                    binaries[what], work, a.jobs, a.checks, out)
                rows.setdefault(what, []).append((wall, cpu, rss))
                print("lockcheck #%d run %d: wall %.1f s, CPU %.1f s, peak RSS %.0f MB, exit %d"
                      % (what, run + 1, wall, cpu, rss, rc), flush=True)
                print("  $ " + " ".join(shlex.quote(x) for x in cmd))
                print("  " + summary, flush=True)
    print("load average at the end: %.2f %.2f %.2f" % os.getloadavg())

    def med(key, i):
        return statistics.median(r[i] for r in rows[key])

    print("\n| command | wall s | CPU s | peak RSS MB | wall ratio | CPU ratio |")
    print("|---|---|---|---|---|---|")
    cw, cc = med("clang", 0), med("clang", 1)
    print("| %s -fsyntax-only -j%d | %.1f | %.1f | %.0f (one process) | | |"
          % (a.clang, a.jobs, cw, cc, med("clang", 2)))
    for i, b in enumerate(binaries):
        w, c = med(i, 0), med(i, 1)
        print("| %s -p -j%d | %.1f | %.1f | %.0f | **%.2f** | **%.2f** |"
              % (b, a.jobs, w, c, med(i, 2), w / cw, c / cc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
