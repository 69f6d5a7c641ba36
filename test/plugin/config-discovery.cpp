// Without config=, the nearest .lockcheck.yaml in the source file's directory
// or above applies (as clang-tidy finds .clang-tidy); config= overrides it.
// RUN: rm -rf %t && split-file %s %t
// DEFINE: %{debug} = %lockcheck_cxx -fplugin-arg-lockcheck-debug
// Nearest is the project's root.
// RUN: %{debug} %t/project/src/deep/main.cpp 2>&1 | %FileCheck %s -DT=%t --check-prefix=ROOT
// A closer one wins; found also for a relative path from another directory.
// RUN: cp %t/src.yaml %t/project/src/.lockcheck.yaml
// RUN: %{debug} %t/project/src/deep/main.cpp 2>&1 | %FileCheck %s -DT=%t --check-prefix=SRC
// RUN: cd %t/project && %{debug} src/deep/main.cpp 2>&1 | %FileCheck %s -DT=%t --check-prefix=SRC
// config= beats every discovered file.
// RUN: %{debug} -fplugin-arg-lockcheck-config=%t/explicit.yaml %t/project/src/deep/main.cpp 2>&1 \
// RUN:   | %FileCheck %s -DT=%t --check-prefix=EXPLICIT
// A broken discovered config fails the compile like an explicit one.
// RUN: cp %t/broken.yaml %t/project/src/deep/.lockcheck.yaml
// RUN: not %lockcheck_cxx %t/project/src/deep/main.cpp 2>&1 | %FileCheck %s -DT=%t --check-prefix=BROKEN

// ROOT: {{^}}lockcheck: configuration: [[T]]/project/.lockcheck.yaml{{$}}
// ROOT-NEXT: {{^}}lockcheck:   nothrow: ['from_root']{{$}}
// SRC: {{^}}lockcheck: configuration: [[T]]/project/src/.lockcheck.yaml{{$}}
// SRC-NEXT: {{^}}lockcheck:   nothrow: ['from_src']{{$}}
// EXPLICIT: {{^}}lockcheck: configuration: [[T]]/explicit.yaml{{$}}
// EXPLICIT-NEXT: {{^}}lockcheck:   nothrow: ['from_explicit']{{$}}
// BROKEN: {{^}}[[T]]/project/src/deep/.lockcheck.yaml:1:1: error: unknown key 'nothrows' (did you mean 'nothrow'?); valid keys are: {{.*}}{{$}}

//--- project/.lockcheck.yaml
nothrow: [from_root]
//--- project/src/deep/main.cpp
void f();
//--- src.yaml
nothrow: [from_src]
//--- explicit.yaml
nothrow: [from_explicit]
//--- broken.yaml
nothrows: [oops]
