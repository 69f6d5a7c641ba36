#!/usr/bin/env python3
"""Runs the lockcheck plugin over real source files and fails only when the
run itself is broken: a compiler crash, or a file that does not compile with
the given flags (which would mean the files were never really analysed).
lockcheck warnings are expected; they are listed once each (headers are seen
by many files) for triage in docs/evaluation.md.

usage: run_plugin_over.py --compiler CMD --plugin SO --root DIR --glob PAT
                          [--glob PAT ...] [--jobs N] [--show-notes] -- FLAGS...
"""
import argparse
import concurrent.futures
import glob
import os
import re
import shlex
import subprocess
import sys

# Printed by LLVM's crash handler; with -fno-crash-diagnostics the driver
# also exits with the signal's code (e.g. 139), without it with 1.
CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:")
WARNING_RE = re.compile(r"^(?P<loc>[^:\s][^:]*:\d+:\d+): warning: (?P<msg>.*\[lockcheck-[a-z-]+\])$")
NOTE_RE = re.compile(r"^(?P<loc>[^:\s][^:]*:\d+:\d+): note: (?P<msg>.*)$")
ERROR_RE = re.compile(r"^[^:\s][^:]*:\d+:\d+: (?:fatal )?error: ")


def run_one(cmd, path):
    proc = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return path, proc.returncode, proc.stdout.decode("utf-8", errors="replace")


def classify(rc, out):
    if rc < 0 or rc > 1 or any(m in out for m in CRASH_MARKERS):
        return "crash"
    if rc == 1 or any(ERROR_RE.match(l) for l in out.splitlines()):
        return "compile-error"
    return "ok"


def findings(out, root, show_notes):
    """(location, message, notes) of each lockcheck warning, paths relative to root."""
    def rel(loc):
        path, _, rest = loc.partition(":")
        if os.path.isabs(path) and path.startswith(root + os.sep):
            path = os.path.relpath(path, root)
        return path + ":" + rest

    result, current = [], None
    for line in out.splitlines():
        w = WARNING_RE.match(line)
        if w:
            current = (rel(w["loc"]), w["msg"], [])
            result.append(current)
            continue
        n = NOTE_RE.match(line)
        if n and current and show_notes:
            current[2].append(rel(n["loc"]) + ": note: " + n["msg"])
        elif not line.startswith(" "):
            current = None
    return result


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        i = argv.index("--")
        argv, flags = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compiler", required=True, help="compiler command (split like a shell)")
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--glob", action="append", required=True, help="relative to --root")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--show-notes", action="store_true")
    args = ap.parse_args(argv)

    root = os.path.abspath(args.root)
    files = sorted({f for g in args.glob for f in glob.glob(os.path.join(root, g))})
    if not files:
        print("error: no files match %s under %s" % (args.glob, root))
        return 1
    cmd = shlex.split(args.compiler) + ["-fsyntax-only", "-fno-crash-diagnostics",
                                        "-fplugin=" + args.plugin] + flags

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for r in pool.map(lambda f: run_one(cmd, f), files):
            results.append(r)

    counts = {"ok": 0, "crash": 0, "compile-error": 0}
    unique = {}
    for path, rc, out in results:
        kind = classify(rc, out)
        counts[kind] += 1
        if kind != "ok":
            print("%s: %s (exit code %d); output:" % (kind.upper(), os.path.relpath(path, root), rc))
            print(out)
        for loc, msg, notes in findings(out, root, args.show_notes):
            unique.setdefault((loc, msg), (notes, set()))[1].add(os.path.relpath(path, root))

    for (loc, msg), (notes, tus) in sorted(unique.items()):
        print("finding: %s: %s (seen from %d file%s)" % (loc, msg, len(tus), "" if len(tus) == 1 else "s"))
        for n in notes:
            print("  " + n)
    print("checked %d files: %d crashes, %d compile errors, %d distinct lockcheck warnings"
          % (len(files), counts["crash"], counts["compile-error"], len(unique)))
    return 1 if counts["crash"] or counts["compile-error"] else 0


if __name__ == "__main__":
    sys.exit(main())
