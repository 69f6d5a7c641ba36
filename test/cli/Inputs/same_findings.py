#!/usr/bin/env python3
"""Exits 0 when every given `--format=json` output has the same findings as the
first (the run summary, which counts re-checked TUs, may differ); otherwise
prints the findings that differ and exits 1.

usage: same_findings.py FIRST.json OTHER.json...
"""
import json
import sys


def findings(path):
    with open(path) as f:
        return [json.dumps(x, sort_keys=True) for x in json.load(f)["findings"]]


first = findings(sys.argv[1])
status = 0
for other_path in sys.argv[2:]:
    other = findings(other_path)
    if other == first:
        continue
    status = 1
    print("%s and %s differ:" % (sys.argv[1], other_path))
    for x in sorted(set(first) - set(other)):
        print("  only in the first:", x)
    for x in sorted(set(other) - set(first)):
        print("  only in the other:", x)
    if set(first) == set(other):
        print("  (the same findings in another order)")
sys.exit(status)
