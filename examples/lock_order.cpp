// lockcheck-lock-order: two functions take the same two locks in opposite
// orders; two threads running them at once can deadlock.
#include <mutex>

std::mutex accounts_mu;
std::mutex audit_mu;
int balance, audit_entries;

// BAD: accounts_mu -> audit_mu here ...
void deposit(int amount) {
  std::lock_guard<std::mutex> a(accounts_mu);
  std::lock_guard<std::mutex> b(audit_mu);
  balance += amount;
  ++audit_entries;
}

// ... and audit_mu -> accounts_mu here.
void audit() {
  std::lock_guard<std::mutex> b(audit_mu);
  std::lock_guard<std::mutex> a(accounts_mu); // warning: acquiring mutex 'accounts_mu' while holding 'audit_mu' inverts the order ...
  audit_entries = balance;
}

// GOOD: std::scoped_lock takes both without a fixed order (deadlock-free).
void audit_fixed() {
  std::scoped_lock both(accounts_mu, audit_mu);
  audit_entries = balance;
}

int main() {
  deposit(1);
  audit_fixed();
}
