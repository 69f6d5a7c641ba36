// Nothing is reported inside a system header, not even in a template the
// user's code instantiates. A lock macro from a system header used wrongly in
// the user's code is the user's bug and is reported there. The same header
// included as a user header (-I) is analysed like any other code, and the
// findings come out in include order.
// DEFINE: %{cxx} = %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock %s
// RUN: %{cxx} -isystem %S/Inputs/sys 2>&1 | %FileCheck %s -DFILE=%s --check-prefixes=BOTH --implicit-check-not=warning:
// RUN: %{cxx} -I %S/Inputs/sys 2>&1 | %FileCheck %s -DFILE=%s -DHDR=%S/Inputs/sys/locky.h --check-prefixes=USER,BOTH --implicit-check-not=warning:

// USER: {{^}}[[HDR]]:7:{{[0-9]+}}: warning: acquiring mutex 'header_mutex' that is already held [lockcheck-double-lock]
// USER: {{^}}[[HDR]]:13:{{[0-9]+}}: warning: acquiring mutex 'mu' that is already held [lockcheck-double-lock]
// BOTH: {{^}}[[FILE]]:[[@LINE+8]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]

#include <locky.h>

std::mutex m;
void user() {
  header_template(m);
  HEADER_LOCK(m);
  HEADER_LOCK(m);
  m.unlock();
  m.unlock();
}
