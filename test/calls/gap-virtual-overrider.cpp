// XFAIL: *
// Gap (issue 3, "virtual calls to the static target and, when the TU
// defines overriders, to those"): only the static target is summarised. Here
// the static target Shape::draw() takes no lock but the TU's overrider
// Circle::draw() takes the lock the caller holds.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>

class Shape {
public:
  virtual ~Shape() = default;
  virtual void draw() noexcept {}
  void render() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{mutex 'm_' acquired here}}
    draw(); // expected-warning {{calling 'draw' acquires mutex 'm_' that is already held [lockcheck-double-lock]}}
  }

protected:
  std::mutex m_;
};

class Circle : public Shape {
public:
  void draw() noexcept override {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'draw' acquires 'm_' here}}
  }
};
