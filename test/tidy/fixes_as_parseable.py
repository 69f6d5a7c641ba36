#!/usr/bin/env python3
"""Prints a clang-tidy --export-fixes file the way clang prints diagnostics
with -fdiagnostics-parseable-fixits:

  <file>:<line>:<col>: warning: <message> [<check>]
  fix-it:"<file>":{<line>:<col>-<line>:<col>}:"<replacement>"
  <file>:<line>:<col>: note: <message>
  fix-it:...

so that a plugin test's fix-it CHECK lines can check clang-tidy's fixes too.
Only the subset of YAML that clang-tidy writes is read (block mappings and
sequences, plain, single- and double-quoted scalars), so the tests need no
YAML package.

Usage: fixes_as_parseable.py FIXES.yaml
"""
import sys

def scalar(text):
    text = text.strip()
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    if text.startswith('"'):
        return bytes(text[1:-1], "utf-8").decode("unicode_escape")
    return text


def _lines(stream):
    """(indent, content) of every line that carries YAML content."""
    out = []
    for raw in stream:
        line = raw.rstrip("\n")
        content = line.lstrip(" ")
        if not content or content in ("---", "...") or content.startswith("#"):
            continue
        out.append([len(line) - len(content), content])
    return out


def _node(toks, i):
    if toks[i][1].startswith("-"):
        return _sequence(toks, i, toks[i][0])
    return _mapping(toks, i, toks[i][0])


def _mapping(toks, i, indent):
    result = {}
    while i < len(toks) and toks[i][0] == indent and not toks[i][1].startswith("-"):
        key, _, rest = toks[i][1].partition(":")
        rest = rest.strip()
        i += 1
        nested = i < len(toks) and (toks[i][0] > indent or (
            toks[i][0] == indent and toks[i][1].startswith("-")))
        if rest:
            result[key] = [] if rest == "[]" else scalar(rest)
        elif nested:
            result[key], i = _node(toks, i)
        else:
            result[key] = None
    return result, i


def _sequence(toks, i, indent):
    items = []
    while i < len(toks) and toks[i][0] == indent and toks[i][1].startswith("-"):
        # "- key: v" is a mapping whose first key sits after the dash.
        body = toks[i][1][1:]
        toks[i] = [indent + 1 + len(body) - len(body.lstrip(" ")), body.lstrip(" ")]
        item, i = _node(toks, i)
        items.append(item)
    return items, i


def parse(stream):
    """The export-fixes document as nested dicts and lists."""
    toks = _lines(stream)
    return _mapping(toks, 0, toks[0][0])[0] if toks else {}


class Positions:
    def __init__(self):
        self.cache = {}

    def line_col(self, path, offset):
        if path not in self.cache:
            with open(path, "rb") as f:
                data = f.read()
            starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
            self.cache[path] = starts
        starts = self.cache[path]
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - starts[lo] + 1


def escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def render(doc):
    pos = Positions()
    out = []

    def fixits(message):
        for f in message.get("Replacements") or []:
            start = int(f["Offset"])
            l1, c1 = pos.line_col(f["FilePath"], start)
            l2, c2 = pos.line_col(f["FilePath"], start + int(f["Length"]))
            out.append('fix-it:"%s":{%d:%d-%d:%d}:"%s"' % (
                f["FilePath"], l1, c1, l2, c2, escape(f.get("ReplacementText") or "")))

    def location(message):
        line, col = pos.line_col(message["FilePath"], int(message["FileOffset"]))
        return "%s:%d:%d" % (message["FilePath"], line, col)

    for d in doc.get("Diagnostics") or []:
        msg = d["DiagnosticMessage"]
        out.append("%s: %s: %s [%s]" % (location(msg), (d.get("Level") or "Warning").lower(),
                                       msg["Message"], d["DiagnosticName"]))
        fixits(msg)
        for note in d.get("Notes") or []:
            out.append("%s: note: %s" % (location(note), note["Message"]))
            fixits(note)
    return out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write("\n".join(render(parse(f))) + "\n")
