#!/usr/bin/env python3
"""Times clang-tidy with the lockcheck checks against clang-tidy without them
on the same inputs in one run, alternating the commands so machine load hits
all alike, and prints a markdown table of medians and ratios.

Commands (clang-tidy ones with --config='{}' so no .clang-tidy takes part):
  clang     clang++ -fsyntax-only                         (the compiler, for reference)
  nochecks  clang-tidy --checks='-*' --allow-no-checks    (exits without parsing: not a baseline)
  base      clang-tidy --checks='-*,readability-duplicate-include'
  loaded    base plus --load=lockcheck-tidy.so
  one       loaded, checks '-*,readability-duplicate-include,lockcheck-double-lock'
  all       loaded, checks '-*,readability-duplicate-include,lockcheck-*'
'base' is the baseline: clang-tidy parses the file and runs one check that
only watches #include directives (no AST matchers, never fires here), so it
is "clang-tidy with no checks" that still does the parsing. 'one' and 'all'
should cost the same: the analysis runs once per translation unit, for
whichever lockcheck checks are enabled.

Inputs: (a) generated TUs of N lock-using functions (gen_lock_functions.py),
(b) bench/inputs/all_std_headers.cpp. CPU time (user+sys of the measured
process) is the figure to compare on a busy machine; wall time is shown too.

usage: python3 bench/tidy_bench.py [--runs 5] [--sizes 1000,2000]
                                   [--clang-tidy clang-tidy-19] [--clang clang++-19]
                                   [--module build/lib/lockcheck-tidy.so]
"""
import argparse
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)
from run_bench import parse_sizes, run_once  # noqa: E402  (same timing rules)

VARIANTS = ["clang", "nochecks", "base", "loaded", "one", "all"]
BASE_CHECK = "readability-duplicate-include"


def commands(tidy, clang, module, path, std, extra):
    flags = ["-std=" + std] + extra
    common = ["--config={}", path, "--"] + flags
    load = ["--load=" + module]
    return {
        "clang": [clang, "-fsyntax-only"] + flags + [path],
        "nochecks": [tidy, "--checks=-*", "--allow-no-checks"] + common,
        "base": [tidy, "--checks=-*," + BASE_CHECK] + common,
        "loaded": [tidy] + load + ["--checks=-*," + BASE_CHECK] + common,
        "one": [tidy] + load + ["--checks=-*,%s,lockcheck-double-lock" % BASE_CHECK] + common,
        "all": [tidy] + load + ["--checks=-*,%s,lockcheck-*" % BASE_CHECK] + common,
    }


def measure(cmds, runs):
    """Medians (wall, cpu) per variant, alternating, after one warm-up each."""
    for v in VARIANTS:
        run_once(cmds[v])
    samples = {v: [] for v in VARIANTS}
    for _ in range(runs):
        for v in VARIANTS:
            samples[v].append(run_once(cmds[v]))
    return {v: (statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
            for v, s in samples.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (>= 5 recommended)")
    ap.add_argument("--sizes", type=parse_sizes, default=[1000, 2000])
    ap.add_argument("--clang-tidy", default="/usr/lib/llvm-19/bin/clang-tidy")
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--module", default=os.path.join(ROOT, "build", "lib", "lockcheck-tidy.so"))
    ap.add_argument("--std", default="c++17")
    ap.add_argument("--extra", default="", help="extra compiler flags for every command, e.g. -stdlib=libc++")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not os.path.isfile(args.module):
        sys.exit("error: module %s not found; build the lockcheck-tidy target first or pass --module"
                 % args.module)
    module = os.path.abspath(args.module)
    extra = shlex.split(args.extra)

    with tempfile.TemporaryDirectory(prefix="lockcheck-tidy-bench-") as tmp:
        inputs = []
        for n in args.sizes:
            path = os.path.join(tmp, "lock_functions_%d.cpp" % n)
            subprocess.run([sys.executable, os.path.join(BENCH_DIR, "gen_lock_functions.py"),
                            str(n), "-o", path], check=True)
            inputs.append(("(a) %d lock functions" % n, path))
        inputs.append(("(b) all_std_headers.cpp", os.path.join(BENCH_DIR, "inputs", "all_std_headers.cpp")))

        rows = []
        for label, path in inputs:
            print("measuring %s ..." % label, file=sys.stderr, flush=True)
            rows.append((label, measure(commands(args.clang_tidy, args.clang, module, path, args.std, extra),
                                        args.runs)))

    version = subprocess.run([args.clang_tidy, "--version"], stdout=subprocess.PIPE,
                             text=True).stdout.strip().splitlines()
    version = next((l.strip() for l in version if "version" in l), "?")
    print("clang-tidy: %s; machine: %s, %d cores; %d runs each, medians; std=%s %s"
          % (version, platform.machine(), os.cpu_count() or 0, args.runs, args.std, args.extra))
    print()
    print("CPU seconds (user+sys), medians:")
    print()
    print("| input | clang++ -fsyntax-only | tidy, no checks | tidy base | base + module loaded "
          "| base + lockcheck-double-lock | base + lockcheck-* | **lockcheck-* / base** "
          "| loaded / base | one / base | lockcheck-* / clang++ |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, med in rows:
        c = {v: med[v][1] for v in VARIANTS}
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | **%.3fx** | %.3fx | %.3fx | %.3fx |"
              % (label, c["clang"], c["nochecks"], c["base"], c["loaded"], c["one"], c["all"],
                 c["all"] / c["base"], c["loaded"] / c["base"], c["one"] / c["base"],
                 c["all"] / c["clang"]))
    print()
    print("Wall seconds, medians:")
    print()
    print("| input | clang++ | tidy base | base + lockcheck-* | lockcheck-* / base |")
    print("|---|---:|---:|---:|---:|")
    for label, med in rows:
        w = {v: med[v][0] for v in VARIANTS}
        print("| %s | %.3f | %.3f | %.3f | %.3fx |"
              % (label, w["clang"], w["base"], w["all"], w["all"] / w["base"]))

if __name__ == "__main__":
    main()
