#!/usr/bin/env python3
"""Cost of call summaries and the lock-order graph: clang++ -fsyntax-only with
and without the lockcheck plugin on generated call-graph TUs
(gen_call_graph.py), alternating the two in one run; medians of CPU time and
peak memory (max RSS of the compiler process).

usage: python3 bench/call_graph_bench.py [--runs 5] [--sizes 500,1000,2000,4000]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(cmd):
    """(cpu seconds, max RSS in MiB) of one compiler process."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode(errors="replace")
    if status != 0:
        sys.exit("error: %s failed:\n%s" % (" ".join(cmd), err))
    if "warning:" in err:
        sys.exit("error: the generated TU must be clean, got:\n" + err[:2000])
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="500,1000,2000,4000")
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build", "lib", "lockcheck-plugin.so"))
    args = ap.parse_args()
    print("| functions | plain CPU s | lockcheck CPU s | CPU ratio | plain MiB | lockcheck MiB | us/function added |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            src = os.path.join(tmp, "cg%d.cpp" % n)
            with open(src, "w") as f:
                subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_call_graph.py"),
                                str(n)], stdout=f, check=True)
            base = [args.clang, "-std=c++17", "-fsyntax-only", src]
            plug = base[:1] + ["-fplugin=" + args.plugin] + base[1:]
            plain, lock = [], []
            for _ in range(args.runs):
                plain.append(measure(base))
                lock.append(measure(plug))
            pc = statistics.median(c for c, _ in plain)
            lc = statistics.median(c for c, _ in lock)
            pm = statistics.median(m for _, m in plain)
            lm = statistics.median(m for _, m in lock)
            print("| %d | %.3f | %.3f | %.2fx | %.0f | %.0f | %.0f |"
                  % (n, pc, lc, lc / pc, pm, lm, (lc - pc) / n * 1e6))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
