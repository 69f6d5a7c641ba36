// Input of fix.test: two temporary guards with a fix-it, one vexing parse
// without (the fix-it inserts a name only where that is safe).
#include <mutex>

std::mutex g_mutex;
int g_counter;

void bump() {
  std::lock_guard<std::mutex>{g_mutex};
  ++g_counter;
}

void bump_unique() {
  std::unique_lock<std::mutex>{g_mutex};
  ++g_counter;
}

void bump_vexing() {
  std::unique_lock<std::mutex>(g_mutex);
  ++g_counter;
}
