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
// method or class, `Base::f()`, a parameter bound to `&obj` or `obj` of a
// local or member object by the call being followed) counts the body's
// throws.
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

//===----------------------------------------------------------------------===//
// An argument of known dynamic type: the address of a local or member object,
// or such an object bound to a reference parameter. A virtual call through
// that parameter runs only its class's overrider, also where the parameter is
// passed on unchanged.
//===----------------------------------------------------------------------===//

struct Handler {
  virtual void Put(int) {}
  virtual ~Handler() = default;
};
struct Inserter : Handler {
  void Put(int) override {}
};
struct Updater : Handler {
  void Put(int) override { throw std::runtime_error("update failed"); }
};

void put_one(Handler *h) { h->Put(1); }
void put_ref(Handler &h) { h.Put(2); }
void put_deref(Handler *h) { put_ref(*h); }
struct Batch {
  void iterate(Handler *h) { put_one(h); }
};
void iterate_batch(Batch *b, Handler *h) { b->iterate(h); }

// Not known to throw: the object is an Inserter.
void insert_local() {
  Inserter ins;
  m.lock();
  put_one(&ins);
  m.unlock();
}
void insert_by_reference() {
  Inserter ins;
  m.lock();
  put_ref(ins);
  m.unlock();
}
void insert_deref() {
  Inserter ins;
  m.lock();
  put_deref(&ins);
  m.unlock();
}
struct Writer {
  Inserter ins_;
  void write() {
    m.lock();
    put_one(&ins_);
    m.unlock();
  }
};

// Passed on unchanged, two calls deep; the object is a local of the callee.
void insert_into(Batch *b) {
  Inserter ins;
  iterate_batch(b, &ins);
}
void write_batch(Batch *b) {
  m.lock();
  insert_into(b);
  m.unlock();
}

// Known to throw: the object is an Updater.
void update_local() {
  Updater up;
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  put_one(&up); // expected-warning {{mutex 'm' stays locked if 'put_one' throws 'std::runtime_error' (from 'Updater::Put') [lockcheck-exception-leak]}}
  m.unlock();
}
void update_into(Batch *b) {
  Updater up;
  iterate_batch(b, &up);
}
void write_update(Batch *b) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  update_into(b); // expected-warning {{mutex 'm' stays locked if 'update_into' throws 'std::runtime_error' (from 'Updater::Put') [lockcheck-exception-leak]}}
  m.unlock();
}

// The parameter is reassigned before the call: any overrider may run.
void put_other(Handler *h, Handler *other) {
  h = other;
  h->Put(3);
}
void insert_reassigned(Handler *other) {
  Inserter ins;
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  put_other(&ins, other); // expected-warning {{mutex 'm' stays locked if 'put_other' throws 'std::runtime_error' (from 'Updater::Put')}}
  m.unlock();
}

// A pointer of unknown dynamic type: any overrider may run.
void insert_unknown(Handler *h) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  put_one(h); // expected-warning {{mutex 'm' stays locked if 'put_one' throws 'std::runtime_error' (from 'Updater::Put')}}
  m.unlock();
}
