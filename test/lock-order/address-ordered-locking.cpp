// Taking two locks of one class in address order cannot deadlock. A
// built-in comparison (`&from < &to`, cycles.cpp N19) and the standard
// comparison objects (std::less, the portable way to compare unrelated
// pointers) are both recognised. A comparison of something else is not an
// order of the two objects.
// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx %libcxx -Xclang -verify %s
#include <functional>
#include <mutex>

struct Account {
  std::mutex m;
  int balance = 0;
};

void transfer(Account &from, Account &to, int n) noexcept {
  if (std::less<Account *>()(&from, &to)) {
    std::lock_guard<std::mutex> a(from.m);
    std::lock_guard<std::mutex> b(to.m);
    from.balance -= n;
    to.balance += n;
  } else {
    std::lock_guard<std::mutex> b(to.m);
    std::lock_guard<std::mutex> a(from.m);
    from.balance -= n;
    to.balance += n;
  }
}

void transfer_greater(Account &from, Account &to, int n) noexcept {
  if (std::greater<>()(&from, &to)) {
    std::lock_guard<std::mutex> a(from.m);
    std::lock_guard<std::mutex> b(to.m);
    from.balance -= n;
  } else {
    std::lock_guard<std::mutex> b(to.m);
    std::lock_guard<std::mutex> a(from.m);
    to.balance += n;
  }
}

// The comparison is about the amounts, not the accounts.
void transfer_by_amount(Account &from, Account &to, int n) noexcept {
  if (std::less<int>()(n, 0))
    return;
  std::lock_guard<std::mutex> a(from.m); // expected-note {{mutex 'from.m' acquired here}}
  std::lock_guard<std::mutex> b(to.m); // expected-warning {{acquiring 'to.m' while holding 'from.m', both 'Account::m' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock}}
  from.balance -= n;
}
