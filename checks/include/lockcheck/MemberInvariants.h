//===- MemberInvariants.h - what every object of a class carries -*- C++ -*-===//
//
// A `const std::function` member that every constructor sets holds a target
// for the object's whole life: it cannot be reassigned, and each way of
// making the object gives it one. Calling it cannot throw
// std::bad_function_call unless a caller hands the constructor an empty
// function, which is that caller's error, not a property of the call:
//
//   class Updater {
//     const std::function<size_t(uint32_t)> size_of_;
//   public:
//     explicit Updater(std::function<size_t(uint32_t)> f) : size_of_(std::move(f)) {}
//     size_t update(uint32_t cf) { return size_of_(cf); }   // not empty
//   };
//
// A member that can be reassigned (not const), that some constructor leaves
// to its default (or sets to `nullptr` / `{}`), or whose class has a
// constructor defined out of sight, is not known to be set.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_MEMBERINVARIANTS_H
#define LOCKCHECK_MEMBERINVARIANTS_H

namespace clang {
class Expr;
} // namespace clang

namespace lockcheck {

/// Whether \p Object (the callee of a std::function call) is a const member
/// that every constructor of its class sets to a target.
bool functionMemberAlwaysSet(const clang::Expr *Object);

} // namespace lockcheck

#endif
