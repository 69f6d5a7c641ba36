#!/usr/bin/env python3
"""Inserts the lines of a file into a generated translation unit: the lines
starting with `//decl ` after its includes, the others before its last `}`
(the end of the generated function)."""
import sys

target, extra = sys.argv[1], sys.argv[2]
text = open(target).read()
decls, body = [], []
for line in open(extra).read().splitlines():
    (decls if line.startswith("//decl ") else body).append(line)
head, _, rest = text.partition("\n\n")
text = head + "\n" + "".join(l[len("//decl "):] + "\n" for l in decls) + "\n" + rest
end = text.rindex("}")
text = text[:end] + "".join(l + "\n" for l in body) + text[end:]
open(target, "w").write(text)
