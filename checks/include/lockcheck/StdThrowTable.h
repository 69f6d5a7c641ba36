//===- StdThrowTable.h - what the standard library is documented to throw -*- C++ -*-===//
//
// The standard library's bodies are not read: a call into it is judged by
// this table of functions documented to throw something other than
// std::bad_alloc (std::stoi, .at(), std::function::operator(), ...), plus
// the exceptions of user callables it invokes (algorithms, std::invoke,
// std::visit). Allocation failure is a separate, opt-in question.
// The table itself, with the reasons, is in StdThrowTable.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_STDTHROWTABLE_H
#define LOCKCHECK_STDTHROWTABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class CallExpr;
class CXXConstructExpr;
class Decl;
class Expr;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

/// Whether \p D belongs to the standard library: namespace std (and the
/// namespaces nested in it) or libstdc++'s __gnu_cxx.
bool isStdLibrary(const clang::Decl *D);

/// "std::basic_string::substr": the enclosing namespaces (inline ones such as
/// std::__1 and std::__cxx11 left out) and classes (without template
/// arguments), then the function's name; a constructor is "std::thread::thread".
std::string libraryName(const clang::FunctionDecl *FD);

/// What a caller must not break for a call not to throw the table's
/// exception, when code can test it first (ThrowGuards.h: whether it did).
enum class Precondition : unsigned char {
  None,
  Engaged,  // an optional or expected holds a value, a std::function a target
  Index,    // the argument is below size()
  Position, // the argument is at most size()
  Key,      // the map contains the argument
};

/// Whether the call site tested \p P (for the argument at index \p Arg).
using PreconditionTested = llvm::function_ref<bool(Precondition P, unsigned Arg)>;

/// What one standard library call may throw by the table.
struct StdThrows {
  llvm::SmallVector<llvm::StringRef, 2> Types; // "std::out_of_range", ...
  /// Thrown only where allocation failure counts (reserve()'s length_error).
  llvm::SmallVector<llvm::StringRef, 2> AllocationTypes;
  /// A rethrow of an exception nobody can name (std::rethrow_exception).
  bool Unknown = false;
  /// The call runs code the table cannot see (std::function's target, the
  /// task behind std::future::get): opaque, counted like an opaque call.
  bool OpaqueTarget = false;
  /// The call invokes the callables passed to it (algorithms, std::invoke).
  bool InvokesCallables = false;
};

/// The table's entries for one library function, found by its name once
/// (the arguments of each call decide which of them apply).
struct StdCallee {
  llvm::SmallVector<unsigned, 2> Entries;
  bool Unknown = false, InvokesCallables = false;
};
StdCallee stdLookup(const clang::FunctionDecl *Callee);

/// The table's verdict on a call (or construction) of \p Callee with
/// \p Args (for a member call, without the object). An entry whose
/// precondition \p Tested confirms adds no exception type.
StdThrows stdCallThrows(const StdCallee &Found, const clang::FunctionDecl *Callee,
                        llvm::ArrayRef<const clang::Expr *> Args,
                        PreconditionTested Tested = nullptr);

/// The standard exception classes the table knows, each with its bases, so
/// that handlers match by name even when <stdexcept> is not included
/// ("std::out_of_range" -> std::logic_error, std::exception). Empty for any
/// other name.
llvm::SmallVector<llvm::StringRef, 3> stdExceptionBases(llvm::StringRef Name);

} // namespace lockcheck

#endif
