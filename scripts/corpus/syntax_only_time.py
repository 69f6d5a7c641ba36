#!/usr/bin/env python3
"""Times plain `clang -fsyntax-only` over the commands of a compile_commands.json,
N at a time: the baseline for lockcheck's cost on the same TUs.

  syntax_only_time.py [-j 2] [--extra ARG]... COMPDB_OR_BUILD_DIR...

Each command is run as given, with -c, -o <file> and dependency-file options
removed and -fsyntax-only added (the compiler is the one the command names).
Prints, per database, the TUs, wall time, CPU time (user+sys of the
compilers), the sum of per-TU wall times, the
slowest TUs, and every TU that did not parse (its first error line); exit 1 if
any did not parse. --extra adds arguments to every command (e.g.
--extra=-fplugin=build/lib/lockcheck-plugin.so to time the plugin the same way).
"""
import argparse
import concurrent.futures as cf
import json
import os
import resource
import shlex
import subprocess
import sys
import time

DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD", "-M", "-MM", "-MP"}


def syntax_only(entry, extra):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for x in args:
        if skip:
            skip = False
            continue
        if x in DROP_WITH_ARG:
            skip = True
            continue
        if x in DROP or (x.startswith("-o") and len(x) > 2 and not x.startswith("-ob")):
            continue
        out.append(x)
    return [out[0], "-fsyntax-only"] + extra + out[1:]


def run(entry, extra):
    cmd = syntax_only(entry, extra)
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=entry["directory"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, errors="replace")
    dt = time.monotonic() - t0
    err = ""
    if p.returncode != 0:
        lines = [l for l in p.stderr.splitlines() if "error" in l] or p.stderr.splitlines()
        err = lines[0] if lines else "exit %d" % p.returncode
    return entry["file"], dt, p.returncode, err


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("compdb", nargs="+")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--top", type=int, default=3, help="list this many slowest TUs")
    a = ap.parse_args()
    bad = 0
    for db in a.compdb:
        path = os.path.join(db, "compile_commands.json") if os.path.isdir(db) else db
        with open(path) as f:
            entries = json.load(f)
        seen, todo = set(), []
        for e in entries:  # first command of each file, as lockcheck does
            if e["file"] not in seen:
                seen.add(e["file"])
                todo.append(e)
        t0 = time.monotonic()
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        with cf.ThreadPoolExecutor(a.jobs) as ex:
            res = list(ex.map(lambda e: run(e, a.extra), todo))
        wall = time.monotonic() - t0
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        failed = [r for r in res if r[2] != 0]
        bad += len(failed)
        print("%s: %d TUs, -j%d: wall %.1f s, CPU %.1f s, sum of TU wall times %.1f s, "
              "%d did not parse" % (path, len(res), a.jobs, wall, cpu, sum(r[1] for r in res),
                                    len(failed)))
        for f_, dt, _, _ in sorted(res, key=lambda r: -r[1])[:a.top]:
            print("  slowest: %.2f s %s" % (dt, f_))
        for f_, _, rc, err in failed:
            print("  FAILED (exit %d) %s: %s" % (rc, f_, err))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
