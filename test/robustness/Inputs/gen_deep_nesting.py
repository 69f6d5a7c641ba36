#!/usr/bin/env python3
"""Writes a C++ function nested --depth levels deep (if, for, while, do,
switch, try and plain blocks in turn), with correct lock use at every level:
a guard on one level, a manual lock/unlock pair on the next. Deep nesting
stresses recursion in the CFG walk and the loop fixpoint."""
import argparse

OPENERS = [
    ("if (c[{d}]) {{", "}}"),
    ("for (int i{d} = 0; i{d} < n; ++i{d}) {{", "}}"),
    ("while (c[{d}]) {{", "}}"),
    ("do {{", "}} while (c[{d}]);"),
    ("switch (n) {{ case {d}: {{", "}} }}"),
    ("try {{", "}} catch (...) {{ quiet({d}); }}"),
    ("{{", "}}"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--depth", type=int, default=200)
    args = ap.parse_args()
    d_max = args.depth

    out = [
        "// expected-no-diagnostics",
        "#include <mutex>",
        "void may_throw(int);",
        "void quiet(int) noexcept;",
        "std::mutex m[%d];" % d_max,
        "void deep(int n, volatile bool *c) {",
    ]
    closers = []
    for d in range(d_max):
        opener, closer = OPENERS[d % len(OPENERS)]
        out.append(opener.format(d=d))
        if d % 2 == 0:
            out.append("std::lock_guard<std::mutex> g%d(m[%d]);" % (d, d))
            out.append("may_throw(%d);" % d)
            closers.append([closer.format(d=d)])
        else:
            # Manual pairs stay inside one level so no exception can escape
            # while the mutex is held: only noexcept calls in between.
            out.append("m[%d].lock(); quiet(%d); m[%d].unlock();" % (d, d, d))
            closers.append([closer.format(d=d)])
    for c in reversed(closers):
        out += c
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
