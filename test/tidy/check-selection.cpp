// REQUIRES: tidy
// Each check reports only its own findings, and turning a check off removes
// them; the shared analysis runs with exactly the enabled checks.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=DL,MU,UG %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-double-lock' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=DL %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-missing-unlock' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=MU %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*,-lockcheck-double-lock,-lockcheck-missing-unlock' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=UG %s --implicit-check-not='{{warning|error}}:'
// The module sits next to other checks without disturbing them.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-unused-guard,readability-braces-around-statements' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=UG,BRACES %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

std::mutex m;
int counter;

void twice() {
  m.lock();
  m.lock();
  // DL: check-selection.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
  m.unlock();
}

void early_return(bool b) {
  m.lock();
  if (b)
    return;
  // BRACES: check-selection.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: statement should be inside braces [readability-braces-around-statements]
  // MU: check-selection.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: mutex 'm' is still held when 'early_return' returns [lockcheck-missing-unlock]
  m.unlock();
}

void temporary() {
  std::lock_guard<std::mutex>{m};
  // UG: check-selection.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: guard of mutex 'm' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]
  ++counter;
}
