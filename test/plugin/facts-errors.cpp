// facts= that cannot be written is one error, not a crash (issue 17); two
// input files in one compile do not silently keep the last one's facts.
//
// A full disk: one error, no crash report, no half-written file.
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-facts=/dev/full %s 2>&1 | %FileCheck %s --check-prefix=FULL
// FULL: error: cannot write facts file '/dev/full': No space left on device
// FULL-NOT: PLEASE submit a bug report
// FULL-NOT: Stack dump
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-facts=%t/no/such/dir/f.json %s 2>&1 | %FileCheck %s --check-prefix=NODIR
// NODIR: error: cannot write facts file '{{.*}}f.json': No such file or directory
//
// Two inputs and one file: the second is an error naming both.
// RUN: not %clangxx -fsyntax-only -std=c++17 -fplugin=%plugin -fplugin-arg-lockcheck-facts=%t/one.json %s %S/Inputs/facts-second.cpp 2>&1 | %FileCheck %s --check-prefix=TWO
// TWO: error: facts={{.*}}one.json holds the facts of '{{.*}}facts-errors.cpp' already; a second input file ('{{.*}}facts-second.cpp') in one compile would overwrite them: pass a directory (facts=<dir>/) for one facts file per input
// RUN: %FileCheck %s --check-prefix=FIRST --input-file %t/one.json
// FIRST: "mainFile": "{{.*}}facts-errors.cpp"
//
// A directory: one facts file per input, each with its own TU's facts.
// RUN: %clangxx -fsyntax-only -std=c++17 -fplugin=%plugin -fplugin-arg-lockcheck-facts=%t/dir/ %s %S/Inputs/facts-second.cpp
// RUN: cat %t/dir/facts-errors.cpp-*.facts.json | %FileCheck %s --check-prefix=FIRST
// RUN: cat %t/dir/facts-second.cpp-*.facts.json | %FileCheck %s --check-prefix=SECOND
// SECOND: "mainFile": "{{.*}}facts-second.cpp"
// An existing directory needs no trailing slash.
// RUN: %clangxx -fsyntax-only -std=c++17 -fplugin=%plugin -fplugin-arg-lockcheck-facts=%t/dir %S/Inputs/facts-second.cpp
// RUN: ls %t/dir | count 2

#include <mutex>
std::mutex first_mutex;
void first() { std::lock_guard<std::mutex> g(first_mutex); }
