#!/usr/bin/env python3
"""Adds more compile commands for one file of a compile_commands.json.

usage: duplicate_commands.py <compile_commands.json> <file> <flags>...
Each <flags> (a string, may be empty) makes one more entry: a copy of the
file's command with those flags added before "-c" (a later "-o" wins).
"""
import json
import sys

path, name, variants = sys.argv[1], sys.argv[2], sys.argv[3:]
entries = json.load(open(path))
base = next(e for e in entries if e["file"] == name)
for flags in variants:
    e = dict(base)
    head, tail = base["command"].split(" -c ", 1)
    e["command"] = " ".join(x for x in (head, flags, "-c " + tail) if x)
    entries.append(e)
with open(path, "w") as out:
    json.dump(entries, out, indent=1)
