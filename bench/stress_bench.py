#!/usr/bin/env python3
"""The issue 17 stress set: what lockcheck costs on inputs shaped to make an
analyzer explode (bench/gen_stress.py), as ratios to the compiler's own
`clang++ -fsyntax-only` on the same file. CPU time (user+sys) and peak
memory (max RSS) of the compiler process, medians of --runs runs, the two
commands alternating. The goal: no ratio above 2x.

Whole-project rows (`project`) compare `lockcheck -p <dir> -j 1` and the
plugin's facts= on every file followed by `lockcheck merge` with
`clang++ -fsyntax-only` on every file, one after the other.

usage: python3 bench/stress_bench.py [--runs 3] [--only locks,branches,...]
                                     [--quick] [--build build]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)

# kind -> (sizes, quick sizes, extra generator arguments, what N counts)
SETS = {
    "locks": ([100, 300, 1000], [100, 300], [], "mutexes held by one function"),
    "functions": ([250, 1000, 4000], [250, 1000], ["--locks", "10"],
                  "functions, each holding 10 mutexes"),
    "branches": ([2000, 5000, 20000], [2000, 5000], [], "branches in one function"),
    "correlated": ([5000, 20000], [5000], [], "branches between correlated lock/unlock"),
    "labels": ([1000, 2000, 8000], [1000, 2000], [], "goto labels in one function"),
    "switch": ([2000, 20000], [2000], [], "cases in one switch"),
    "calls": ([100, 1000, 4000], [100, 1000], [], "functions in one call chain"),
    "complete": ([20, 40], [20], [], "mutexes, every pair both ways"),
    "project": ([1, 2, 4, 8], [1, 8], ["--locks", "150"], "files, each holding 150 mutexes"),
}


def peak_rss(cmd, timeout):
    """(CPU s, max RSS MiB) of cmd and its children, measured by a Python
    child of its own so that the figures are this command's alone; None when
    it runs past timeout."""
    helper = ("import resource,subprocess,sys\n"
              "try:\n"
              "  p=subprocess.run(sys.argv[2:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL,"
              "timeout=float(sys.argv[1]))\n"
              "except subprocess.TimeoutExpired:\n"
              "  print('timeout'); sys.exit()\n"
              "r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              "print(p.returncode, r.ru_utime+r.ru_stime, r.ru_maxrss/1024.0)\n")
    out = subprocess.run([sys.executable, "-c", helper, str(timeout)] + cmd,
                         capture_output=True, text=True).stdout.split()
    if out[0] == "timeout":
        return None
    code, cpu, rss = int(out[0]), float(out[1]), float(out[2])
    if code not in (0, 1):
        sys.exit("error: %s failed with %d" % (" ".join(cmd), code))
    return cpu, rss


def script(lines):
    """A shell command list running lines one after another."""
    return ["sh", "-c", " && ".join(lines)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default=",".join(SETS))
    ap.add_argument("--quick", action="store_true", help="the small sizes only")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    plugin = os.path.join(args.build, "lib", "lockcheck-plugin.so")
    lockcheck = os.path.join(args.build, "bin", "lockcheck")
    gen = [sys.executable, os.path.join(BENCH, "gen_stress.py")]

    print("| input | N | plain CPU s | lockcheck CPU s | **CPU ratio** | plain MiB | "
          "lockcheck MiB | **memory ratio** |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    tmp = tempfile.mkdtemp()
    try:
        for kind in args.only.split(","):
            sizes, quick, extra, what = SETS[kind]
            for n in quick if args.quick else sizes:
                rows = []
                if kind == "project":
                    d = os.path.join(tmp, "p%d" % n)
                    shutil.rmtree(d, ignore_errors=True)
                    subprocess.run(gen + ["project", d, str(n)] + extra, check=True)
                    srcs = sorted(os.path.join(d, "src", f) for f in os.listdir(os.path.join(d, "src"))
                                  if f.endswith(".cpp"))
                    plain = script(["%s -std=c++17 -fsyntax-only %s" % (args.clang, s) for s in srcs])
                    facts = os.path.join(d, "facts")
                    viaplugin = script(["%s -std=c++17 -fsyntax-only -fplugin=%s "
                                        "-fplugin-arg-lockcheck-facts=%s/ %s"
                                        % (args.clang, plugin, facts, s) for s in srcs]
                                       + ["%s merge %s >/dev/null" % (lockcheck, facts)])
                    rows.append(("project, `-p -j 1`", plain,
                                 [lockcheck, "-p", d, "-j", "1", "--no-progress"]))
                    rows.append(("project, facts= + `merge`", plain, viaplugin))
                else:
                    src = os.path.join(tmp, "%s%d.cpp" % (kind, n))
                    subprocess.run(gen + [kind, str(n), "-o", src] + extra, check=True)
                    plain = [args.clang, "-std=c++17", "-fsyntax-only", src]
                    rows.append((kind, plain, plain[:1] + ["-fplugin=" + plugin] + plain[1:]))
                for label, base, lock in rows:
                    p, l = [], []
                    for _ in range(args.runs):
                        p.append(peak_rss(base, args.timeout))
                        l.append(peak_rss(lock, args.timeout))
                    if any(x is None for x in l):
                        print("| %s | %d | %.3f | timeout (%ds) | | | | |"
                              % (label, n, statistics.median(c for c, _ in p), args.timeout))
                        continue
                    pc = statistics.median(c for c, _ in p)
                    lc = statistics.median(c for c, _ in l)
                    pm = statistics.median(m for _, m in p)
                    lm = statistics.median(m for _, m in l)
                    print("| %s | %d | %.3f | %.3f | **%.2fx** | %.0f | %.0f | **%.2fx** |"
                          % (label, n, pc, lc, lc / pc, pm, lm, lm / pm))
                    sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\nN counts: " + "; ".join("%s: %s" % (k, SETS[k][3]) for k in args.only.split(",")))


if __name__ == "__main__":
    main()
