#!/usr/bin/env python3
"""Writes a C++ file with one function of about --lines lines of correct,
varied lock use (guards, manual lock/unlock, try-locks, loops, switches,
conditional locking). With --missing-unlock the function also leaks one
mutex at its end, so a test can check that the analysis did not give up."""
import argparse

CHUNKS = [
    # A guard in a block around a call that may throw.
    """  {{
    std::lock_guard<std::mutex> g{i}(m[{k}]);
    may_throw({i});
  }}""",
    # Manual lock/unlock around noexcept work and a branch.
    """  m[{k}].lock();
  if (c)
    counter += {i};
  else
    quiet({i});
  m[{k}].unlock();""",
    # A try-lock that holds the mutex only on success.
    """  if (m[{k}].try_lock()) {{
    counter -= {i};
    m[{k}].unlock();
  }}""",
    # A loop with a per-iteration guard and an early continue.
    """  for (int j{i} = 0; j{i} < n; ++j{i}) {{
    std::unique_lock<std::mutex> l{i}(m[{k}]);
    if (j{i} & 1)
      continue;
    counter += j{i};
  }}""",
    # A switch whose cases lock in their own scopes.
    """  switch (n + {i}) {{
  case 0: {{
    std::scoped_lock s{i}(m[{k}]);
    quiet({i});
    break;
  }}
  default:
    break;
  }}""",
    # Lock and unlock under the same unchanged condition.
    """  if (c)
    m[{k}].lock();
  counter ^= {i};
  if (c)
    m[{k}].unlock();""",
    # A deferred unique_lock that is locked and unlocked explicitly.
    """  {{
    std::unique_lock<std::mutex> d{i}(m[{k}], std::defer_lock);
    if (n > {i}) {{
      d{i}.lock();
      counter += 2;
      d{i}.unlock();
    }}
  }}""",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--missing-unlock", action="store_true")
    args = ap.parse_args()

    out = []
    if not args.missing_unlock:
        out.append("// expected-no-diagnostics")
    out += [
        "#include <mutex>",
        "void may_throw(int);",
        "void quiet(int) noexcept;",
        "int counter;",
        "std::mutex m[16];",
        "std::mutex leaked;",
        "void huge(int n, bool c) {",
    ]
    i = 0
    body_lines = 0
    while body_lines < args.lines:
        chunk = CHUNKS[i % len(CHUNKS)].format(i=i, k=i % 16)
        out.append(chunk)
        body_lines += chunk.count("\n") + 1
        i += 1
    if args.missing_unlock:
        out.append("  leaked.lock(); // expected-note {{mutex 'leaked' acquired here}}")
        out.append("} // expected-warning {{mutex 'leaked' is still held at the end of 'huge'}}")
    else:
        out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
