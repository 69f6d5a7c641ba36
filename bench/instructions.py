#!/usr/bin/env python3
"""Instructions executed by the compiler's cc1 with -fsyntax-only, without and
with the lockcheck plugin, counted by valgrind's callgrind. Unlike timings on a
shared 2-core machine (which swing by 2x), the count is the same on every run.

usage: python3 bench/instructions.py [--plugin build/lib/lockcheck-plugin.so]
                                     [--before OTHER/lib/lockcheck-plugin.so] FILE...
(-std=c++17 for .cpp files; prints a Markdown table; --before adds the ratio of
another build's plugin, e.g. main's, measured in the same run)
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cc1_command(path):
    """The cc1 command the clang driver would run for an -fsyntax-only compile."""
    cxx = path.endswith((".cpp", ".cc"))
    driver = "/usr/lib/llvm-19/bin/clang++" if cxx else "/usr/lib/llvm-19/bin/clang"
    args = [driver, "-###", "-fsyntax-only", path] + (["-std=c++17"] if cxx else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stderr
    for line in out.splitlines():
        if '"-cc1"' in line:
            return shlex.split(line)
    sys.exit("error: no cc1 command in the output of " + " ".join(args))


def instructions(cmd):
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("error: %s failed:\n%s" % (" ".join(cmd), run.stderr[-2000:]))
    m = re.search(r"Collected : (\d+)", run.stderr)
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build/lib/lockcheck-plugin.so"))
    ap.add_argument("--before", help="another build's plugin to compare with")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    for p in [a.plugin] + ([a.before] if a.before else []):
        if not os.path.isfile(p):
            sys.exit("error: no plugin at %s" % p)
    extra = " before | ratio before |" if a.before else ""
    print("| input | plain instructions | with lockcheck | ratio |" + extra)
    print("|---|---:|---:|---:|" + ("---:|---:|" if a.before else ""))
    for f in a.files:
        cmd = cc1_command(f)
        plain = instructions(cmd)
        plugin = instructions(cmd + ["-load", a.plugin, "-add-plugin", "lockcheck"])
        row = "| %s | %d | %d | %.3fx |" % (os.path.basename(f), plain, plugin, plugin / plain)
        if a.before:
            old = instructions(cmd + ["-load", a.before, "-add-plugin", "lockcheck"])
            row += " %d | %.3fx |" % (old, old / plain)
        print(row)


if __name__ == "__main__":
    main()
