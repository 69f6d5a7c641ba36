// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A function that takes two locks of one type, one after the other, is a
// self-deadlock at a call whose arguments make them one lock.
#include <mutex>
#include <shared_mutex>

struct Account {
  std::mutex m;
  long balance = 0;
};

void work() noexcept;

void move(Account &from, Account &to, long n) noexcept {
  std::lock_guard<std::mutex> a(from.m); // expected-note 2 {{'move' acquires 'from.m' here}} expected-note {{mutex 'from.m' acquired here}}
  std::lock_guard<std::mutex> b(to.m); // expected-note 2 {{'move' acquires 'to.m' here}} expected-warning {{acquiring 'to.m' while holding 'from.m', both 'Account::m' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}}
  from.balance -= n;
  to.balance += n;
}

// P1: one account on both sides.
void self_transfer(Account &a) noexcept {
  move(a, a, 1); // expected-warning {{calling 'move' acquires mutex 'a.m' again while the call already holds it [lockcheck-double-lock]}}
}

// P2: one level further up.
void pay(Account &payer, Account &payee) noexcept { move(payer, payee, 5); } // expected-note 2 {{'pay' calls 'move' here}}
void pay_self(Account &a) noexcept {
  pay(a, a); // expected-warning {{calling 'pay' acquires mutex 'a.m' again while the call already holds it [lockcheck-double-lock]}}
}

// P3: bare mutex parameters (nesting two unrelated locks of one class is a
// lock-order problem of its own).
void both(std::mutex &x, std::mutex &y) noexcept {
  x.lock(); // expected-note {{'both' acquires 'x' here}} expected-note {{mutex 'x' acquired here}}
  y.lock(); // expected-note {{'both' acquires 'y' here}} expected-warning {{acquiring 'y' while holding 'x', both 'std::mutex' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock}}
  work();
  y.unlock();
  x.unlock();
}
std::mutex g_m;
void both_same() noexcept {
  both(g_m, g_m); // expected-warning {{calling 'both' acquires mutex 'g_m' again while the call already holds it [lockcheck-double-lock]}}
}

// N1: two different accounts.
void two_accounts(Account &a, Account &b) noexcept { move(a, b, 1); }

// N2: both taken at once.
void move_together(Account &from, Account &to) noexcept {
  std::scoped_lock both(from.m, to.m);
  work();
}
void together_self(Account &a) noexcept { move_together(a, a); }

// P4: shared twice on one std::shared_mutex is undefined behaviour (it
// deadlocks when a writer queues in between).
void read_both(std::shared_mutex &x, std::shared_mutex &y) noexcept {
  std::shared_lock<std::shared_mutex> a(x); // expected-note {{'read_both' acquires 'x' here}} expected-note {{mutex 'x' acquired here}}
  std::shared_lock<std::shared_mutex> b(y); // expected-note {{'read_both' acquires 'y' here}} expected-warning {{acquiring 'y' while holding 'x', both 'std::shared_mutex' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock}}
  work();
}
std::shared_mutex g_sm;
void read_same() noexcept {
  read_both(g_sm, g_sm); // expected-warning {{calling 'read_both' acquires mutex 'g_sm' again while the call already holds it [lockcheck-double-lock]}}
}

// N4: the first lock is released before the second is taken.
void one_then_other(std::mutex &x, std::mutex &y) noexcept {
  { std::lock_guard<std::mutex> a(x); work(); }
  std::lock_guard<std::mutex> b(y);
}
void sequential_same() noexcept { one_then_other(g_m, g_m); }
