#!/usr/bin/env python3
"""Prints the findings of a `lockcheck --format=json` result for triage:

  file:line: [check] message   (in function, definite)
      file:line: note: ...

  list_findings.py RESULTS.json... [--root DIR] [--check NAME]...

--root strips that directory from paths (default: the longest directory common
to all finding locations); --check keeps only these checks (with or without the
'lockcheck-' prefix). TUs not analysed are listed at the end.
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", nargs="+")
    ap.add_argument("--root", help="print paths relative to this directory")
    ap.add_argument("--check", action="append", default=[], help="only this check (repeatable)")
    ap.add_argument("--no-notes", action="store_true")
    a = ap.parse_args()
    want = {c if c.startswith("lockcheck-") else "lockcheck-" + c for c in a.check}

    for path in a.results:
        with open(path) as f:
            data = json.load(f)
        findings = [x for x in data.get("findings", []) if not want or x.get("check") in want]
        root = a.root
        if root is None:
            files = [x["location"]["file"] for x in findings
                     if os.path.isabs(x["location"].get("file") or "")]
            root = os.path.commonpath([os.path.dirname(f) for f in files]) if files else ""
        rel = lambda p: os.path.relpath(p, root) if root and p.startswith(root + os.sep) else p
        if len(a.results) > 1:
            print("== %s (%d findings)" % (path, len(findings)))
        for x in sorted(findings, key=lambda x: (x["location"]["file"], x["location"]["line"],
                                                 x["location"]["column"])):
            loc = x["location"]
            check = x.get("check", "?")
            extra = []
            if x.get("function"):
                extra.append("in " + x["function"])
            if "definite" in x:
                extra.append("definite" if x["definite"] else "may")
            print("%s:%d: [%s] %s%s" % (rel(loc["file"]), loc["line"],
                                        check[len("lockcheck-"):] if check.startswith("lockcheck-")
                                        else check, x.get("message", ""),
                                        "   (%s)" % ", ".join(extra) if extra else ""))
            if not a.no_notes:
                for n in x.get("notes", []):
                    nl = n.get("location", {})
                    print("    %s:%s: note: %s" % (rel(nl.get("file", "?")), nl.get("line", "?"),
                                                   n.get("message", "")))
        for t in data.get("summary", {}).get("notAnalysed", []):
            print("NOT ANALYSED %s: %s" % (rel(t.get("file", "?")), t.get("reason", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
