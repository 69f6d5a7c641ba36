// REQUIRES: tidy
// Findings in headers follow clang-tidy's --header-filter (and the
// HeaderFilterRegex option) like any other check's; the main file always
// reports. (Without any filter clang-tidy's own default decides: no headers
// up to clang-tidy 21, every non-system header from 22 on; not ours to test.)
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --header-filter='^$' %s \
// RUN:   -- -std=c++17 -I %S/Inputs -isystem %S/Inputs/system \
// RUN:   | %FileCheck --check-prefix=MAIN %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --header-filter='locked-header\.h' %s \
// RUN:   -- -std=c++17 -I %S/Inputs -isystem %S/Inputs/system \
// RUN:   | %FileCheck --check-prefixes=MAIN,HEADER %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --config='{HeaderFilterRegex: ".*"}' %s \
// RUN:   -- -std=c++17 -I %S/Inputs -isystem %S/Inputs/system \
// RUN:   | %FileCheck --check-prefixes=MAIN,HEADER %s --implicit-check-not='{{warning|error}}:'
// A header filter that matches other headers only.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --header-filter='nothing-matches' %s \
// RUN:   -- -std=c++17 -I %S/Inputs -isystem %S/Inputs/system \
// RUN:   | %FileCheck --check-prefix=MAIN %s --implicit-check-not='{{warning|error}}:'
// --system-headers shows no lockcheck findings in system headers: the core
// does not analyse functions defined there.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --header-filter='.*' --system-headers %s \
// RUN:   -- -std=c++17 -I %S/Inputs -isystem %S/Inputs/system \
// RUN:   | %FileCheck --check-prefixes=MAIN,HEADER %s --implicit-check-not='{{warning|error}}:'
#include "locked-header.h"
#include <sys-locked.h>

// HEADER: locked-header.h:5:{{[0-9]+}}: warning: acquiring mutex 'hm' that is already held [lockcheck-double-lock]
// HEADER: locked-header.h:4:{{[0-9]+}}: note: mutex 'hm' acquired here

void main_twice(std::mutex &mm) {
  mm.lock();
  mm.lock();
  // MAIN: header-filter.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'mm' that is already held [lockcheck-double-lock]
  mm.unlock();
}
