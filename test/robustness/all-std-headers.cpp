// Every standard header of libstdc++ in C++17, C++20 and C++23 mode plus
// correct code using the standard locks: no crash, no diagnostic.
// -Wno-deprecated silences libstdc++'s own #warning in <strstream>.
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Wno-deprecated -Xclang -verify -I %S/Inputs %s
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Wno-deprecated -Xclang -verify -I %S/Inputs -std=c++20 %s
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Wno-deprecated -Xclang -verify -I %S/Inputs -std=c++23 %s
// expected-no-diagnostics
#include "all_std_headers.h"
#include "correct_std_locking.h"
