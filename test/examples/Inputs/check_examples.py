#!/usr/bin/env python3
"""Checks that each file in examples/ gets exactly the lockcheck warnings its
comments announce: a line carrying '// warning:' or '/* warning:' must get a
lockcheck warning, and no other line may.

usage: check_examples.py --clang CLANG --plugin SO EXAMPLES_DIR"""
import argparse
import glob
import os
import re
import subprocess
import sys

ANNOUNCED = re.compile(r"(//|/\*) warning:")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--clang", required=True, help="the C compiler; C++ uses <clang>++")
    ap.add_argument("--plugin", required=True)
    ap.add_argument("dir")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.dir, "*.c")) + glob.glob(os.path.join(args.dir, "*.cpp")))
    if not files:
        print("error: no examples in " + args.dir)
        return 1
    failures = 0
    for path in files:
        name = os.path.basename(path)
        cmd = ([args.clang] if path.endswith(".c") else [args.clang + "++", "-std=c++17"])
        cmd += ["-fsyntax-only", "-fno-color-diagnostics", "-fplugin=" + args.plugin, path]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            print("FAIL %s: exit code %d\n%s" % (name, proc.returncode, proc.stdout))
            failures += 1
            continue
        text = open(path).read()
        announced = {i + 1 for i, l in enumerate(text.splitlines()) if ANNOUNCED.search(l)}
        reported = {int(m.group(1)) for m in re.finditer(
            r"^%s:(\d+):\d+: warning: .*\[lockcheck-" % re.escape(path), proc.stdout, re.M)}
        if announced != reported:
            print("FAIL %s: announced on lines %s, reported on lines %s\n%s"
                  % (name, sorted(announced), sorted(reported), proc.stdout))
            failures += 1
        else:
            print("ok %s: %d warnings" % (name, len(reported)))
    print("checked %d examples, %d failures" % (len(files), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
