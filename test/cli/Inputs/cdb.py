#!/usr/bin/env python3
"""Writes <dir>/compile_commands.json for every .c/.cpp file under <dir>/src.

usage: cdb.py <dir> [--skip NAME] [-- extra compiler flags]
Commands use the Clang driver under test (LOCKCHECK_TEST_CLANG/_CLANGXX, set
by lit.cfg.py) the way a CMake build would: one entry per
TU, relative file names, the directory of the source as working directory.
"""
import json
import os
import sys

args = sys.argv[1:]
root = os.path.abspath(args.pop(0))
extra, skip = [], set()
while args:
    a = args.pop(0)
    if a == "--skip":
        skip.add(args.pop(0))
    elif a == "--":
        extra = args
        break
entries = []
src = os.path.join(root, "src")
for dirpath, _, files in sorted(os.walk(src)):
    for f in sorted(files):
        if f in skip or not f.endswith((".c", ".cpp")):
            continue
        cxx = f.endswith(".cpp")
        compiler = os.environ["LOCKCHECK_TEST_CLANGXX" if cxx else "LOCKCHECK_TEST_CLANG"]
        std = "-std=c++17" if cxx else "-std=c11"
        cmd = [compiler, std] + extra + ["-c", f, "-o", f + ".o"]
        entries.append({"directory": dirpath, "file": f,
                        "command": " ".join(cmd)})
with open(os.path.join(root, "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=1)
