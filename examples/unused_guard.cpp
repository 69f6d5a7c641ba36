// lockcheck-unused-guard: a guard that is never named is a temporary; it
// locks and unlocks within one statement and protects nothing after it.
#include <mutex>

std::mutex g_mutex;
int g_counter;

// BAD: the lock_guard temporary is destroyed at the ';'.
void bump() {
  std::lock_guard<std::mutex>{g_mutex}; // warning: guard of mutex 'g_mutex' is a temporary destroyed at the end of this statement; ...
  ++g_counter;
}

// BAD: the parentheses make this a declaration of a new, empty unique_lock
// called 'g_mutex' (C++'s "most vexing parse"); nothing is locked.
void bump_twice() {
  std::unique_lock<std::mutex>(g_mutex); // warning: 'g_mutex' declares a new guard that locks nothing; did you mean to lock 'g_mutex'?
  g_counter += 2;
}

// GOOD: a named guard lives until the end of the scope.
void bump_fixed() {
  std::lock_guard<std::mutex> lock{g_mutex};
  ++g_counter;
}

int main() {
  bump_fixed();
  return g_counter == 1 ? 0 : 1;
}
