#!/usr/bin/env python3
"""Narrows a compile_commands.json to the translation units an evaluation is about.

  filter_compdb.py IN OUT [--root DIR] [--dir PREFIX ...] [--exclude REGEX ...]

Keeps the entries whose source file, relative to --root (default: the directory
above IN's directory), starts with one of the --dir prefixes (all entries when
none is given) and matches no --exclude regex; keeps only the first entry of a
file compiled more than once (lockcheck analyses each file once anyway, with
its first command). IN and OUT may be the same file. Prints what it kept.
"""
import argparse
import json
import os
import re
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--root", help="source root the prefixes are relative to")
    ap.add_argument("--dir", action="append", default=[], help="keep files under this prefix")
    ap.add_argument("--exclude", action="append", default=[], help="drop files matching this regex")
    a = ap.parse_args()

    with open(a.input) as f:
        entries = json.load(f)
    root = os.path.realpath(a.root or os.path.join(os.path.dirname(os.path.abspath(a.input)), ".."))
    excludes = [re.compile(x) for x in a.exclude]
    prefixes = [p.rstrip("/") + "/" for p in a.dir]

    kept, seen = [], set()
    for e in entries:
        path = e["file"]
        if not os.path.isabs(path):
            path = os.path.join(e["directory"], path)
        path = os.path.realpath(path)
        rel = os.path.relpath(path, root)
        if prefixes and not any(rel.startswith(p) for p in prefixes):
            continue
        if any(x.search(rel) for x in excludes):
            continue
        if path in seen:
            continue
        seen.add(path)
        kept.append(e)

    with open(a.output, "w") as f:
        json.dump(kept, f, indent=2)
        f.write("\n")
    print(f"{a.output}: kept {len(kept)} of {len(entries)} entries", file=sys.stderr)
    return 0 if kept else 1


if __name__ == "__main__":
    sys.exit(main())
