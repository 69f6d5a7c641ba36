// Correct lock use spread over templates (dependent types, several
// instantiations, variadics), lambdas (captured locks, generic, immediately
// invoked, nested) and macros (lock helpers, a for-loop locking idiom):
// no crash, no diagnostic.
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify %s
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify -std=c++20 %s
// RUN: %if libcxx %{ %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify %libcxx %s %}
// expected-no-diagnostics

#include <functional>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <vector>

// --- templates --------------------------------------------------------------

template <class Mutex> class Guarded {
public:
  template <class F> auto with(F f) {
    std::lock_guard<Mutex> lock(mu_);
    return f(value_);
  }
  void set(int v) {
    mu_.lock();
    value_ = v;
    mu_.unlock();
  }
  bool try_set(int v) {
    if (!mu_.try_lock())
      return false;
    value_ = v;
    mu_.unlock();
    return true;
  }

private:
  Mutex mu_;
  int value_ = 0;
};

template class Guarded<std::mutex>;
template class Guarded<std::recursive_mutex>;
template class Guarded<std::timed_mutex>;
template class Guarded<std::shared_mutex>;

template <class Mutex> int read_shared(Mutex &m, const int &v) {
  std::shared_lock<Mutex> lock(m);
  return v;
}
template int read_shared(std::shared_mutex &, const int &);
template int read_shared(std::shared_timed_mutex &, const int &);

template <class... Mutexes> void lock_all_then(std::function<void()> f, Mutexes &...ms) {
  std::scoped_lock lock(ms...);
  f();
}

template <int N> int unrolled(std::mutex (&ms)[N]) {
  int r = 0;
  if constexpr (N > 0) {
    std::lock_guard<std::mutex> lock(ms[N - 1]);
    r = N;
  }
  return r;
}

void use_templates() {
  std::mutex a, b, c;
  std::mutex arr[3];
  lock_all_then([] {}, a, b, c);
  unrolled(arr);
  Guarded<std::mutex> g;
  g.with([](int &v) { return ++v; });
}

// --- lambdas ----------------------------------------------------------------

std::mutex gm;
int gcount;

void use_lambdas(std::vector<int> &v) {
  auto locked_add = [&](int x) {
    std::lock_guard<std::mutex> lock(gm);
    gcount += x;
  };
  for (int x : v)
    locked_add(x);

  auto manual = [](std::mutex &m, int &c) {
    m.lock();
    ++c;
    m.unlock();
  };
  manual(gm, gcount);

  auto generic = [](auto &m) {
    std::unique_lock lock(m, std::try_to_lock);
    return lock.owns_lock();
  };
  std::recursive_mutex rm;
  generic(gm);
  generic(rm);

  int r = [&] {
    std::lock_guard<std::mutex> lock(gm);
    return gcount;
  }();
  (void)r;

  auto outer = [&] {
    std::lock_guard<std::mutex> lock(gm);
    auto inner = [](std::mutex &other) {
      std::lock_guard<std::mutex> l2(other);
    };
    std::mutex local;
    inner(local);
  };
  outer();
}

// A lambda that is only defined while a lock is held runs later, unlocked.
std::function<void()> make_task() {
  std::lock_guard<std::mutex> lock(gm);
  return [] {
    gm.lock();
    ++gcount;
    gm.unlock();
  };
}

// --- macros -----------------------------------------------------------------

#define LOCK(m) pthread_mutex_lock(&(m))
#define UNLOCK(m) pthread_mutex_unlock(&(m))
#define WITH_LOCK(m, stmt)                                                   \
  do {                                                                       \
    std::lock_guard<std::mutex> with_lock_guard_(m);                         \
    stmt;                                                                    \
  } while (0)
// The "synchronized block" idiom: the body runs once with the lock held.
#define SYNCHRONIZED(m)                                                      \
  for (std::unique_lock<std::mutex> sync_lock_(m); sync_lock_.owns_lock();    \
       sync_lock_.unlock())

pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER;

void use_macros(int x) {
  LOCK(pm);
  gcount += x;
  UNLOCK(pm);

  WITH_LOCK(gm, gcount += x);

  SYNCHRONIZED(gm) {
    gcount -= x;
  }
}
