#include <mutex>

struct Conn {
  std::mutex m;
  int state = 0;
};
void conn_lock(std::mutex *m) noexcept;
void conn_unlock(std::mutex *m) noexcept;

void reset(Conn *c) {
  conn_lock(&c->m);
  c->state = 0;
  conn_lock(&c->m);
  conn_unlock(&c->m);
}
