#!/usr/bin/env python3
"""Writes a C++ TU whose N functions form a call graph that uses locks:
deep call chains, wide fan-out, mutual recursion, member functions locking
`this->m` and parameters' locks, and a few consistent lock orders. All of it
is correct code (no finding expected), so the benchmark measures the cost of
summaries and the lock-order graph, not of reporting.

usage: gen_call_graph.py N > tu.cpp
"""
import sys


def main():
    n = int(sys.argv[1])
    out = ["#include <mutex>", "struct Node { std::mutex m; int v = 0; Node *next = nullptr; };",
           "std::mutex g_lock[32];", "int g_counter;"]
    for i in range(n):
        out.append("void f%d(Node &a, Node &b, int depth);" % i)
    for i in range(n):
        kind = i % 5
        body = []
        if kind == 0:  # a leaf that locks a parameter's mutex
            body.append("  std::lock_guard<std::mutex> g(a.m);")
            body.append("  a.v += depth;")
        elif kind == 1:  # deep chain: calls the next function without holding anything
            body.append("  if (depth > 0) f%d(a, b, depth - 1);" % ((i + 1) % n))
        elif kind == 2:  # fan-out under a global lock (consistent order: global then node)
            body.append("  std::lock_guard<std::mutex> g(g_lock[%d]);" % (i % 32))
            for k in range(1, 4):
                body.append("  f%d(a, b, 0);" % ((i + 3 * k) % n // 5 * 5))  # leaf (kind 0)
        elif kind == 3:  # mutual recursion with a manual lock region
            body.append("  if (depth <= 0) return;")
            body.append("  g_lock[%d].lock();" % ((i + 7) % 32))
            body.append("  g_counter++;")
            body.append("  g_lock[%d].unlock();" % ((i + 7) % 32))
            body.append("  f%d(b, a, depth - 1);" % ((i + 1) % n))
        else:  # a try-lock and a guard on the second node
            body.append("  if (b.m.try_lock()) { b.v++; b.m.unlock(); }")
            body.append("  std::unique_lock<std::mutex> l(a.m, std::defer_lock);")
            body.append("  if (depth) { l.lock(); a.v--; }")
        out.append("void f%d(Node &a, Node &b, int depth) {" % i)
        out.extend(body)
        out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
