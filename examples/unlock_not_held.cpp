// lockcheck-unlock-not-held: releasing a mutex that is not held (undefined
// behaviour for std::mutex), or a guard releasing a mutex that was unlocked
// by hand and not locked again.
#include <mutex>

class Stats {
public:
  // BAD: 'mu_' is only locked when 'verbose' is set, but always unlocked.
  void record(int v, bool verbose) {
    if (verbose)
      mu_.lock();
    total_ += v;
    mu_.unlock(); // warning: releasing mutex 'mu_' that may not be held
  }

  // GOOD: lock and unlock under the same unchanged condition are fine.
  void record_fixed(int v, bool verbose) {
    if (verbose)
      mu_.lock();
    total_ += v;
    if (verbose)
      mu_.unlock();
  }

  // BAD: the guard owns 'mu_' and releases it again in its destructor,
  // after the manual unlock.
  void reset() {
    std::lock_guard<std::mutex> lock(mu_);
    total_ = 0;
    mu_.unlock();
  } // warning: guard 'lock' releases mutex 'mu_' that was unlocked by hand and not locked again

  // GOOD: a unique_lock may be unlocked early; it then releases nothing.
  void reset_fixed() {
    std::unique_lock<std::mutex> lock(mu_);
    total_ = 0;
    lock.unlock();
  }

private:
  std::mutex mu_;
  long total_ = 0;
};

int main() {
  Stats s;
  s.record_fixed(1, true);
  s.reset_fixed();
}
