// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/opaque-calls.yaml -Xclang -verify=expected,opaque %s
//
// A virtual call through a pointer or a reference (not devirtualised: the
// method and its class are not `final`, the call is not qualified) may run
// any overrider, so what the named method's own body throws is a guess:
// typically a "not supported" stub that every real class overrides. It
// counts only with `exception-leak: {opaque-calls: true}`, like a call with
// no body, also through summaries of the functions that make such a call.
// An overrider in the TU that throws still counts (exception-leak-model.cpp).
// A call whose target is known (an object of the class itself, a `final`
// method or class, `Base::f()`) counts the body's throws.
#include <mutex>
#include <stdexcept>

std::mutex m;

struct MemTableRep {
  virtual void InsertConcurrently(int) {
    throw std::runtime_error("concurrent insert not supported");
  }
  virtual void Insert(int) = 0;
  virtual ~MemTableRep() = default;
};
struct SkipListRep : MemTableRep {
  void InsertConcurrently(int) override {}
  void Insert(int) override {}
};
struct VectorRep final : MemTableRep {
  void Insert(int) override {}
};
struct Codec {
  virtual void decode(int) {}
  virtual ~Codec() = default;
};
struct StrictCodec : Codec {
  void decode(int) final { throw std::logic_error("strict"); }
};

//===----------------------------------------------------------------------===//
// Not known to throw: the base's stub may never run.
//===----------------------------------------------------------------------===//

void through_pointer(MemTableRep *table) {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  table->InsertConcurrently(1); // opaque-warning {{mutex 'm' stays locked if 'InsertConcurrently' throws 'std::runtime_error' or others [lockcheck-exception-leak]}}
  m.unlock();
}

void through_reference(MemTableRep &table) {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  table.InsertConcurrently(2); // opaque-warning {{mutex 'm' stays locked if 'InsertConcurrently' throws 'std::runtime_error' or others}}
  m.unlock();
}

// Through the summary of a function that makes the call.
void insert_into(MemTableRep *table, int v) { table->InsertConcurrently(v); }
void recover(MemTableRep *table) {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  insert_into(table, 3); // opaque-warning {{mutex 'm' stays locked if 'insert_into' throws 'std::runtime_error' (from 'MemTableRep::InsertConcurrently') or others}}
  m.unlock();
}

// A member pointer to a base class, and `this` inside the class.
struct Owner {
  MemTableRep *mem;
  void add(int v) {
    m.lock(); // opaque-note {{mutex 'm' acquired here}}
    mem->InsertConcurrently(v); // opaque-warning {{mutex 'm' stays locked if 'InsertConcurrently' throws}}
    m.unlock();
  }
};
struct Stub {
  virtual void flush() { throw std::runtime_error("flush not supported"); }
  virtual ~Stub() = default;
  void flush_locked() {
    m.lock(); // opaque-note {{mutex 'm' acquired here}}
    flush(); // opaque-warning {{mutex 'm' stays locked if 'flush' throws}}
    m.unlock();
  }
};

//===----------------------------------------------------------------------===//
// Known targets: the body's throws count.
//===----------------------------------------------------------------------===//

// An object has the dynamic type it names.
void on_object() {
  Stub s;
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  s.flush(); // expected-warning {{mutex 'm' stays locked if 'flush' throws 'std::runtime_error' [lockcheck-exception-leak]}}
  m.unlock();
}

// A qualified call runs exactly that body.
void qualified(MemTableRep *table) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  table->MemTableRep::InsertConcurrently(4); // expected-warning {{mutex 'm' stays locked if 'InsertConcurrently' throws 'std::runtime_error' [lockcheck-exception-leak]}}
  m.unlock();
}

// A final class: its inherited method is the only target.
void final_class(VectorRep *table) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  table->InsertConcurrently(5); // expected-warning {{mutex 'm' stays locked if 'InsertConcurrently' throws 'std::runtime_error' [lockcheck-exception-leak]}}
  m.unlock();
}

// A final method.
void final_method(StrictCodec &codec) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  codec.decode(6); // expected-warning {{mutex 'm' stays locked if 'decode' throws 'std::logic_error' [lockcheck-exception-leak]}}
  m.unlock();
}

// Through a function that calls on a known target.
void insert_final(VectorRep *table) { table->InsertConcurrently(7); }
void recover_final(VectorRep *table) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  insert_final(table); // expected-warning {{mutex 'm' stays locked if 'insert_final' throws 'std::runtime_error' (from 'MemTableRep::InsertConcurrently') [lockcheck-exception-leak]}}
  m.unlock();
}

// No body that throws: nothing by default; with opaque calls, an overrider
// elsewhere may throw anything.
void pure(MemTableRep *table) {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  table->Insert(8); // opaque-warning {{mutex 'm' stays locked if 'Insert' throws [lockcheck-exception-leak]}}
  m.unlock();
}
