#!/usr/bin/env python3
"""Writes a function whose block states are large however they are merged:
it holds N mutexes throughout, four more each under its own condition (16
locksets), and K blocks each release and retake one of the N (so each block
ends in a state of its own: its last release differs). Forgetting conditions
cannot make it small, so both of the fixpoint's passes run out of budget.

usage: gen_wide_locksets.py N K OUTPUT"""
import sys

n, k, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
out = ["#include <mutex>", "void work(int) noexcept;",
       "std::mutex " + ", ".join("m%d" % i for i in range(n)) + ";",
       "std::mutex x0, x1, x2, x3;",
       "void wide(bool a, bool b, bool c, bool d, const int *v) noexcept {"]
out += ["  m%d.lock();" % i for i in range(n)]
out += ["  if (%s) x%d.lock();" % (c, i) for i, c in enumerate("abcd")]
out += ["  if (v[%d]) { m%d.unlock(); work(%d); m%d.lock(); }" % (i, i % n, i, i % n)
        for i in range(k)]
out += ["  if (%s) x%d.unlock();" % (c, i) for i, c in enumerate("abcd")]
out += ["  m%d.unlock();" % i for i in range(n)]
out.append("}")
open(path, "w").write("\n".join(out) + "\n")
