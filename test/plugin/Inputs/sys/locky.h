// A header that system-header-suppression tests include either as a system
// header (-isystem) or as a user header (-I).
#include <mutex>
inline std::mutex header_mutex;
inline void header_bug() {
  header_mutex.lock();
  header_mutex.lock();
  header_mutex.unlock();
  header_mutex.unlock();
}
template <class M> void header_template(M &mu) {
  mu.lock();
  mu.lock();
  mu.unlock();
  mu.unlock();
}
#define HEADER_LOCK(mu) (mu).lock()
