#!/usr/bin/env python3
"""Turns a Clang -verify annotated file into a FileCheck check file.

The plugin suite (test/checks) states its expectations as
`// expected-warning {{...}}` / `// expected-note@-2 {{...}}` comments. This
script turns them into FileCheck lines for clang-tidy's output after
normalize_diags.py has sorted it, so the clang-tidy module is held to exactly
the same expectations as the plugin.

Check file layout (input sorted by file, line, warning/error before note):
  - one group per (file, line, kind); a group of one is a CHECK line, a
    larger group is CHECK-DAG lines followed by a CHECK-NOT for any other
    diagnostic, so nothing unexpected can hide between groups;
  - a last line checks the total count that normalize_diags.py prints, which
    also catches an extra diagnostic inside a group of same-line ones.
Run FileCheck with --implicit-check-not='{{warning|error|note}}:' as well.

Supported -verify syntax: prefixes (-verify=a,b), error/warning/note/remark,
the -re suffix, @+N, @-N, @N, @file:N, @#marker (with `// #marker`), exact
counts (`expected-note 2 {{...}}`), several directives per comment, any
number of braces as delimiters, and expected-no-diagnostics. Anything else
(@*, N+ and N-M counts) is an error, so a test never passes by being skipped.

Usage: expectations.py FILE [--prefix expected[,other]] > FILE.check
"""
import argparse
import os
import re
import sys

KINDS = ("error", "warning", "note", "remark")


class VerifyError(Exception):
    pass


def comments(text):
    """Yields (line_number, comment_text) for every // and /* */ comment.

    String and character literals are skipped so that "//" inside them does
    not start a comment. A block comment is reported at its first line;
    directive offsets are computed from the line the directive is on.
    """
    i, line, n = 0, 1, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in "\"'":
            quote = c
            i += 1
            while i < n and text[i] != quote:
                if text[i] == "\\":
                    i += 1
                elif text[i] == "\n":
                    break  # unterminated; the compiler will complain
                i += 1
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            yield line, text[i + 2:end]
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end
            body = text[i + 2:end]
            # One entry per physical line, so @-N offsets stay right.
            for k, part in enumerate(body.split("\n")):
                yield line + k, part
            line += body.count("\n")
            i = end + 2
        else:
            i += 1


class Expectation:
    def __init__(self, kind, file, line, text, regex):
        self.kind, self.file, self.line = kind, file, line
        self.text, self.regex = text, regex

    def sort_key(self):
        return (self.file, self.line, 0 if self.kind != "note" else 1)


def _markers(text):
    found = {}
    for line, body in comments(text):
        for m in re.finditer(r"(?<![\w-])#([A-Za-z_][\w]*)", body):
            found.setdefault(m.group(1), line)
    return found


def parse(path, prefixes):
    """Returns the list of Expectations of `path` for the given prefixes."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    main = os.path.basename(path)
    markers = None
    result = []
    no_diags = False
    alternatives = "|".join(re.escape(p) for p in prefixes)
    directive = re.compile(
        r"(?<![\w-])(%s)-(no-diagnostics|%s)(-re)?" % (alternatives, "|".join(KINDS)))
    for line, body in comments(text):
        pos = 0
        while True:
            m = directive.search(body, pos)
            if not m:
                break
            where = "%s:%d" % (path, line)
            if m.group(2) == "no-diagnostics":
                no_diags = True
                pos = m.end()
                continue
            kind, regex = m.group(2), bool(m.group(3))
            rest = body[m.end():]
            # Optional location.
            file, target = main, line
            lm = re.match(r"@([^\s{]+)", rest)
            if lm:
                loc = lm.group(1)
                rest = rest[lm.end():]
                if re.fullmatch(r"[+-]\d+", loc):
                    target = line + int(loc)
                elif re.fullmatch(r"\d+", loc):
                    target = int(loc)
                elif loc.startswith("#"):
                    if markers is None:
                        markers = _markers(text)
                    if loc[1:] not in markers:
                        raise VerifyError("%s: unknown marker '%s'" % (where, loc))
                    target = markers[loc[1:]]
                elif re.fullmatch(r"[^:]+:\d+", loc):
                    name, num = loc.rsplit(":", 1)
                    file, target = os.path.basename(name), int(num)
                else:
                    raise VerifyError("%s: unsupported location '@%s' (use @+N, "
                                      "@-N, @N, @file:N or @#marker)" % (where, loc))
            # Optional count.
            count = 1
            cm = re.match(r"\s*(\d+)([+-]\d*)?(?=\s*\{\{)", rest)
            if cm:
                if cm.group(2):
                    raise VerifyError("%s: unsupported count '%s%s'; only exact "
                                      "counts are supported" % (where, cm.group(1), cm.group(2)))
                count = int(cm.group(1))
                rest = rest[cm.end():]
            # The text between N opening and N closing braces (N >= 2).
            tm = re.match(r"\s*(\{\{+)", rest)
            if not tm:
                raise VerifyError("%s: expected '{{' after '%s'" % (where, m.group(0)))
            close = "}" * len(tm.group(1))
            end = _closing(rest, tm.end(), close, regex)
            if end < 0:
                raise VerifyError("%s: missing '%s'" % (where, close))
            content = rest[tm.end():end].strip()
            for _ in range(count):
                result.append(Expectation(kind, file, target, content, regex))
            consumed = len(body) - len(rest) + end + len(close)
            pos = consumed
    if no_diags and result:
        raise VerifyError("%s: expected-no-diagnostics together with expected "
                          "diagnostics" % path)
    return result


def _closing(text, start, close, regex):
    """Index of the delimiter that ends a directive's text; in -re text,
    {{regex}} parts nest inside it."""
    if not regex:
        return text.find(close, start)
    depth, i = 0, start
    while i < len(text):
        if text.startswith("{{", i):
            depth, i = depth + 1, i + 2
        elif depth and text.startswith("}}", i):
            depth, i = depth - 1, i + 2
        elif text.startswith(close, i):
            return i
        else:
            i += 1
    return -1


def escape_literal(s):
    """FileCheck treats '{{' and '[[' specially; everything else is literal."""
    out = []
    for i, c in enumerate(s):
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if c == "{" and nxt == "{":
            out.append("{{[{]}}")
        elif c == "[" and nxt == "[":
            out.append("{{[[]}}")
        else:
            out.append(c)
    return "".join(out)


def escape_verify_regex(s):
    """-verify-re text: literal parts plus {{regex}} parts, which FileCheck
    spells the same way; only '[[' in literal parts needs escaping."""
    out, i = [], 0
    while i < len(s):
        start = s.find("{{", i)
        if start < 0:
            out.append(escape_literal(s[i:]))
            break
        end = s.find("}}", start + 2)
        if end < 0:
            raise VerifyError("unterminated '{{' in -re text '%s'" % s)
        out.append(escape_literal(s[i:start]))
        out.append(s[start:end + 2])
        i = end + 2
    return "".join(out)


def pattern(e):
    text = escape_verify_regex(e.text) if e.regex else escape_literal(e.text)
    # -verify matches a substring of the message; FileCheck does too, after
    # the anchored location and severity.
    return "{{^}}%s:%d:{{[0-9]+}}: %s: {{.*}}%s" % (e.file, e.line, e.kind, text)


def check_lines(expectations, check_prefix="CHECK"):
    lines = []
    ordered = sorted(expectations, key=Expectation.sort_key)
    groups = []
    for e in ordered:
        if groups and groups[-1][0].sort_key() == e.sort_key():
            groups[-1].append(e)
        else:
            groups.append([e])
    for group in groups:
        if len(group) == 1:
            lines.append("%s: %s" % (check_prefix, pattern(group[0])))
            continue
        for e in group:
            lines.append("%s-DAG: %s" % (check_prefix, pattern(e)))
        lines.append("%s-NOT: {{(warning|error|note|remark)}}:" % check_prefix)
    lines.append("%s: {{^}}total: %d diagnostics{{$}}" % (check_prefix, len(ordered)))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--prefix", default="expected",
                    help="comma-separated -verify prefixes (default: expected)")
    ap.add_argument("--check-prefix", default="CHECK")
    args = ap.parse_args()
    try:
        exps = parse(args.file, [p for p in args.prefix.split(",") if p])
    except (VerifyError, OSError) as e:
        sys.stderr.write("expectations.py: error: %s\n" % e)
        return 1
    sys.stdout.write("\n".join(check_lines(exps, args.check_prefix)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
