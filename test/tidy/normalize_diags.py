#!/usr/bin/env python3
"""Puts clang-tidy's diagnostics in the order expectations.py checks them.

Reads clang-tidy output on stdin and prints only its diagnostic lines as
`<file name>:<line>:<col>: <severity>: <message>`, sorted by file name, line,
warning/error before note, column and message, then `total: N diagnostics`.
Source snippets, carets and "expanded from macro" notes (a rendering detail
that -verify never sees) are dropped. clang-tidy prints a note right after
its warning, but a -verify file does not say which warning a note belongs to,
so both sides are compared in this location order instead.
"""
import os
import re
import sys

DIAG = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>error|warning|note|remark): (?P<msg>.*)$")


def normalize(lines):
    diags = []
    for raw in lines:
        m = DIAG.match(raw.rstrip("\n"))
        if not m:
            continue
        msg = m.group("msg")
        if m.group("kind") == "note" and msg.startswith("expanded from macro"):
            continue
        name = os.path.basename(m.group("file"))
        rank = 1 if m.group("kind") == "note" else 0
        diags.append(((name, int(m.group("line")), rank, int(m.group("col")), msg),
                      "%s:%s:%s: %s: %s" % (name, m.group("line"), m.group("col"),
                                            m.group("kind"), msg)))
    diags.sort(key=lambda d: d[0])
    out = [text for _, text in diags]
    out.append("total: %d diagnostics" % len(diags))
    return out


if __name__ == "__main__":
    sys.stdout.write("\n".join(normalize(sys.stdin)) + "\n")
