// RUN: %lockcheck_cxx -Xclang -verify %s
//
// C++: an enum class parameter whose switch picks lock or unlock
// (SwitchModes.cpp) is not reported; a function whose values balance or only
// unlock is reported as a whole.
#include <mutex>

enum class Step { Begin, End, Peek };

struct Journal {
  std::mutex mu;
  int entries = 0;

  void step(Step s) {
    switch (s) {
    case Step::Begin:
      mu.lock();
      break;
    case Step::End:
      mu.unlock();
      break;
    case Step::Peek:
      break;
    }
  }
  void record() {
    step(Step::Begin);
    ++entries;
    step(Step::End);
  }

  int checked(Step s, bool bad) {
    switch (s) {
    case Step::Begin:
      mu.lock(); // expected-note {{mutex 'mu' acquired here}}
      if (bad)
        return -1; // expected-warning {{mutex 'mu' is still held when 'checked' returns}}
      ++entries;
      mu.unlock();
      break;
    case Step::End: // no value locks for the caller: not a release wrapper
      mu.unlock(); // expected-warning {{releasing mutex 'mu' that is not held}}
      break;
    default:
      break;
    }
    return 0;
  }
};
