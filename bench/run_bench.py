#!/usr/bin/env python3
"""Times `clang++ -fsyntax-only` with and without the lockcheck plugin on the
same inputs in one run, alternating the two so that machine load hits both
alike, and prints a markdown table of medians and ratios.

Inputs: (a) generated TUs of N lock-using functions (gen_lock_functions.py),
(b) bench/inputs/all_std_headers.cpp. CPU time (user+sys of the compiler
process) is the figure to compare on a busy machine; wall time is shown too.

usage: python3 bench/run_bench.py [--runs 5] [--sizes 500,1000,2000,4000]
                                  [--clang clang++-19] [--plugin build/lib/lockcheck-plugin.so]
"""
import argparse
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)


def run_once(cmd):
    """(wall seconds, cpu seconds) of one compiler run; exits on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit("error: %s failed (exit code %d):\n%s"
                 % (shlex.join(cmd), proc.returncode, proc.stdout.decode(errors="replace")))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(plain, plugin, runs):
    """Medians for both commands, alternating, after one warm-up run each."""
    run_once(plain)
    run_once(plugin)
    samples = {"plain": [], "plugin": []}
    for _ in range(runs):
        samples["plain"].append(run_once(plain))
        samples["plugin"].append(run_once(plugin))
    med = {}
    for k, v in samples.items():
        med[k] = (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
    return med


def parse_sizes(text):
    try:
        sizes = [int(s) for s in text.split(",") if s]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(
            "--sizes takes a comma-separated list of positive numbers, e.g. 500,1000")
    return sizes


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (>= 5 recommended)")
    ap.add_argument("--sizes", type=parse_sizes, default=[500, 1000, 2000, 4000])
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "lib", "lockcheck-plugin.so"))
    ap.add_argument("--std", default="c++17")
    ap.add_argument("--extra", default="", help="extra compiler flags for both commands, e.g. -stdlib=libc++")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not os.path.isfile(args.plugin):
        sys.exit("error: plugin %s not found; build it first (bash scripts/build.sh) or pass --plugin"
                 % args.plugin)

    base = [args.clang, "-fsyntax-only", "-std=" + args.std] + shlex.split(args.extra)
    with_plugin = ["-fplugin=" + os.path.abspath(args.plugin)]

    with tempfile.TemporaryDirectory(prefix="lockcheck-bench-") as tmp:
        inputs = []
        for n in args.sizes:
            path = os.path.join(tmp, "lock_functions_%d.cpp" % n)
            subprocess.run([sys.executable, os.path.join(BENCH_DIR, "gen_lock_functions.py"),
                            str(n), "-o", path], check=True)
            inputs.append(("(a) %d lock functions" % n, n, path))
        inputs.append(("(b) all_std_headers.cpp", None,
                       os.path.join(BENCH_DIR, "inputs", "all_std_headers.cpp")))

        rows = []
        for label, n, path in inputs:
            print("measuring %s ..." % label, file=sys.stderr, flush=True)
            med = measure(base + [path], base + with_plugin + [path], args.runs)
            rows.append((label, n, med))

    version = subprocess.run([args.clang, "--version"], stdout=subprocess.PIPE,
                             text=True).stdout.splitlines()[0]
    print("clang: %s; machine: %s, %d cores; %d runs each, medians; std=%s %s"
          % (version, platform.machine(), os.cpu_count() or 0, args.runs, args.std, args.extra))
    print()
    print("| input | plain CPU s | plugin CPU s | CPU ratio | plain wall s | plugin wall s | wall ratio | plugin extra CPU ms/function |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, n, med in rows:
        (pw, pc), (lw, lc) = med["plain"], med["plugin"]
        per_fn = "%.3f" % ((lc - pc) * 1000.0 / n) if n else "-"
        print("| %s | %.3f | %.3f | %.3fx | %.3f | %.3f | %.3fx | %s |"
              % (label, pc, lc, lc / pc, pw, lw, lw / pw, per_fn))


if __name__ == "__main__":
    main()
