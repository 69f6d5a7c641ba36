#!/usr/bin/env python3
"""usage: check_facts_seeds.py <lockcheck> <corpus dir>: runs `lockcheck merge`
on each seed *.json of the facts fuzzer. bad-*.json must be refused (status
2), every other seed read (status 0 or 1, its translation unit analysed);
prints one line a seed and exits 1 if any is not."""
import glob
import os
import subprocess
import sys

lockcheck, corpus = sys.argv[1:3]
failed = False
for path in sorted(glob.glob(os.path.join(corpus, "*.json"))):
    name = os.path.basename(path)
    r = subprocess.run([lockcheck, "merge", path], capture_output=True, text=True)
    if name.startswith("bad-"):
        ok = r.returncode == 2
    else:
        ok = r.returncode in (0, 1) and "1 of 1 translation units analysed" in r.stderr
    print("%s %s" % ("ok" if ok else "FAIL", name))
    if not ok:
        failed = True
        sys.stdout.write(r.stderr)
sys.exit(1 if failed else 0)
