// RUN: %lockcheck_cxx -Xclang -verify %s
//
// exclusive_trylock_function and shared_trylock_function are the older
// spellings of try_acquire_capability: the same lock primitive whichever
// Clang (up to 20 they are separate attribute classes, from 21 spellings of
// one). A function so declared returns holding the lock on success without
// a warning, and its callers hold what it acquired when it succeeds.

#define CAPABILITY(x) __attribute__((capability(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define EXCLUSIVE_TRYLOCK_FUNCTION(...) __attribute__((exclusive_trylock_function(__VA_ARGS__)))
#define SHARED_TRYLOCK_FUNCTION(...) __attribute__((shared_trylock_function(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  void ReaderLock() ACQUIRE_SHARED();
  void ReaderUnlock() RELEASE_SHARED();
  bool TryLock() EXCLUSIVE_TRYLOCK_FUNCTION(true);
  bool ReaderTryLock() SHARED_TRYLOCK_FUNCTION(true);
};

Mutex g_mu;
int g_value;

// Their own bodies: returning with the lock held is what they promise.
bool TryLockGlobal() EXCLUSIVE_TRYLOCK_FUNCTION(true, g_mu) {
  g_mu.Lock();
  return true;
}
bool TryReadGlobal() SHARED_TRYLOCK_FUNCTION(true, g_mu) {
  g_mu.ReaderLock();
  return true;
}

// The same body without the attribute is a leak.
bool NotDeclared() {
  g_mu.Lock();
  return true; // expected-warning{{mutex 'g_mu' is still held when 'NotDeclared' returns}}
               // expected-note@-2{{mutex 'g_mu' acquired here}}
}

void Callers() {
  if (TryLockGlobal()) {
    ++g_value;
    g_mu.Unlock();
  }
  if (TryReadGlobal()) {
    (void)g_value;
    g_mu.ReaderUnlock();
  }
  if (g_mu.TryLock()) {
    ++g_value;
    g_mu.Unlock();
  }
}

void CallerLeaks() {
  if (!TryLockGlobal())
    return;
  ++g_value;
} // expected-warning{{mutex 'g_mu' is still held at the end of 'CallerLeaks'}}
  // expected-note@-4{{mutex 'g_mu' acquired here}}

void CallerDoubleLocks() {
  if (g_mu.TryLock()) {
    g_mu.Lock(); // expected-warning{{acquiring mutex 'g_mu' that is already held}}
                 // expected-note@-2{{mutex 'g_mu' acquired here}}
    g_mu.Unlock();
  }
}
