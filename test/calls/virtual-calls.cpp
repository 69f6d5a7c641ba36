// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A virtual call runs the static target or any overrider the TU defines:
// what any of them acquires counts at the call site (self-deadlock, lock
// order). A qualified call, or a call on an object (not a pointer or
// reference), runs exactly the function it names.
#include <mutex>

class Shape {
public:
  virtual ~Shape() = default;
  virtual void draw() noexcept {}
  // P2: the static target is pure; the overriders are all there is.
  virtual void resize() noexcept = 0;
  // P1: Circle::draw takes the lock render() holds.
  void render() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{mutex 'm_' acquired here}}
    draw(); // expected-warning {{calling 'draw' acquires mutex 'm_' that is already held [lockcheck-double-lock]}}
  }
  void relayout() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{mutex 'm_' acquired here}}
    resize(); // expected-warning {{calling 'resize' acquires mutex 'm_' that is already held [lockcheck-double-lock]}}
  }
  // N1: a qualified call runs Shape::draw, which takes nothing.
  void render_base() noexcept {
    std::lock_guard<std::mutex> g(m_);
    Shape::draw();
  }

protected:
  std::mutex m_;
};

class Circle : public Shape {
public:
  void draw() noexcept override {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'draw' acquires 'm_' here}}
  }
  void resize() noexcept override {}
};

class Square final : public Shape {
public:
  void draw() noexcept override {}
  void resize() noexcept override {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'resize' acquires 'm_' here}}
  }
};

// N4: through a pointer, holding a lock that is not the shape's.
std::mutex g_list;
void paint(Shape *s, std::mutex &held) noexcept {
  std::lock_guard<std::mutex> g(held);
  s->draw(); // no report: 'held' is not the shape's lock
}

// P3: an overrider two levels down, defined in the TU (BufferedCanvas's is not).
struct Canvas {
  std::mutex m;
  virtual void flush() noexcept {}
  void repaint() noexcept {
    std::lock_guard<std::mutex> g(m); // expected-note {{mutex 'm' acquired here}}
    flush(); // expected-warning {{calling 'flush' acquires mutex 'm' that is already held [lockcheck-double-lock]}}
  }
};
struct BufferedCanvas : Canvas {
  void flush() noexcept override;
};
struct TripleBufferedCanvas : BufferedCanvas {
  void flush() noexcept override {
    std::lock_guard<std::mutex> g(m); // expected-note {{'flush' acquires 'm' here}}
  }
};

// P4: an overrider's acquisition is a lock-order edge.
std::mutex g_a;
struct Job {
  virtual void run() noexcept {}
};
struct LockingJob : Job {
  void run() noexcept override {
    std::lock_guard<std::mutex> g(g_list); // expected-note {{'run' acquires 'g_list' here}}
  }
};
void schedule(Job &j) noexcept {
  std::lock_guard<std::mutex> g(g_a);
  j.run(); // expected-note {{'g_list' acquired while holding 'g_a' here}} expected-note {{'schedule' calls 'run' here}}
}
void inverse() noexcept {
  std::lock_guard<std::mutex> g(g_list);
  std::lock_guard<std::mutex> h(g_a); // expected-warning {{acquiring mutex 'g_a' while holding 'g_list' inverts the order 'g_a' -> 'g_list' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// N2: a local object has exactly its own type: Canvas::flush takes nothing.
void local_canvas() noexcept {
  Canvas c;
  std::lock_guard<std::mutex> g(c.m);
  c.flush();
}

// N3: a final class's own method runs exactly.
void square(Square &s) noexcept {
  std::lock_guard<std::mutex> g(g_list);
  s.draw();
}
