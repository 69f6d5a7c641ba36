//===- StdThrowTable.cpp - what the standard library is documented to throw ===//
//
// The one place that says which standard library calls throw, and what.
// lockcheck does not read the library's bodies: in libstdc++ every growing
// container reaches __throw_length_error and __throw_bad_alloc, so "may
// throw" would hold for nearly every call and say nothing. Instead a call
// into the library may throw exactly what this table lists: exceptions the
// standard documents for ordinary use (a bad argument, a missing value, an
// empty std::function, an OS resource), never std::bad_alloc, and never
// std::length_error from growing past max_size(), which is allocation failure
// by another name. Allocation failure counts only with the
// `exception-leak: {allocation: true}` option (see ThrowModel.cpp).
//
// Left out on purpose:
// - std::mutex::lock() and the other lock primitives: the standard allows
//   std::system_error, but only for errors lockcheck reports itself (a
//   deadlock on a lock already held) or for a broken OS; counting it would
//   flag every nested acquisition.
// - std::thread::join() and detach() (and jthread's): std::system_error only
//   for a thread that is not joinable or that joins itself, a misuse like
//   locking a held mutex, which code rules out by owning the thread or by
//   testing joinable(). Counting it flagged every join under a lock (rocksdb's
//   recovery thread).
// - I/O streams: they throw std::ios_base::failure only after exceptions()
//   was set, which the analysis cannot follow.
// - std::format with a format string checked at compile time (its errors
//   are compile errors); std::vformat is listed.
// - std::condition_variable::wait (no throw since C++14, std::terminate).
//
//===----------------------------------------------------------------------===//
#include "lockcheck/StdThrowTable.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {
namespace {

/// When an entry applies to a call of a function with its name.
enum class When {
  Always,
  /// Argument Arg is a position (its parameter an integer): out of range
  /// unless it is the constant 0 (also as the default argument), which no
  /// string or bitset can be out of. Overloads taking an iterator there
  /// never throw.
  Position,
  /// No parameter is a std::error_code& (the filesystem's reporting
  /// overloads throw nothing but bad_alloc).
  NoErrorCode,
  /// The first argument is not a pointer (std::any_cast on a pointer
  /// returns null instead of throwing).
  NotPointer,
  /// The first argument is a std::variant (std::get on a tuple, pair or
  /// array is checked at compile time).
  Variant,
  /// A parameter is a string: std::locale by name, std::bitset from text.
  StringParam,
  /// Not a copy or move (a std::regex copied from a valid one is valid).
  NotCopyOrMove,
  /// The first parameter is a std::weak_ptr (shared_ptr from an expired one).
  FromWeakPtr,
};

struct Entry {
  const char *Name; // libraryName(); a trailing '*' matches any rest
  const char *Throws; // ','-separated; "" for none of its own
  When Cond = When::Always;
  unsigned Arg = 0;
  bool OpaqueTarget = false; // also runs code nobody can see
  bool Allocation = false;   // counted only when allocation failure is
};

// clang-format off
const Entry Table[] = {
    // Numeric conversions: bad text, or a value out of the type's range.
    {"std::stoi", "std::invalid_argument,std::out_of_range"},
    {"std::stol", "std::invalid_argument,std::out_of_range"},
    {"std::stoll", "std::invalid_argument,std::out_of_range"},
    {"std::stoul", "std::invalid_argument,std::out_of_range"},
    {"std::stoull", "std::invalid_argument,std::out_of_range"},
    {"std::stof", "std::invalid_argument,std::out_of_range"},
    {"std::stod", "std::invalid_argument,std::out_of_range"},
    {"std::stold", "std::invalid_argument,std::out_of_range"},
    // Checked element access.
    {"std::vector::at", "std::out_of_range"},
    {"std::deque::at", "std::out_of_range"},
    {"std::array::at", "std::out_of_range"},
    {"std::span::at", "std::out_of_range"},
    {"std::basic_string::at", "std::out_of_range"},
    {"std::basic_string_view::at", "std::out_of_range"},
    {"std::map::at", "std::out_of_range"},
    {"std::unordered_map::at", "std::out_of_range"},
    {"std::flat_map::at", "std::out_of_range"},
    // Positions into strings (pos > size()).
    {"std::basic_string::substr", "std::out_of_range", When::Position, 0},
    {"std::basic_string::insert", "std::out_of_range", When::Position, 0},
    {"std::basic_string::erase", "std::out_of_range", When::Position, 0},
    {"std::basic_string::replace", "std::out_of_range", When::Position, 0},
    {"std::basic_string::compare", "std::out_of_range", When::Position, 0},
    {"std::basic_string::copy", "std::out_of_range", When::Position, 2},
    {"std::basic_string_view::substr", "std::out_of_range", When::Position, 0},
    {"std::basic_string_view::compare", "std::out_of_range", When::Position, 0},
    {"std::basic_string_view::copy", "std::out_of_range", When::Position, 2},
    // Bit positions and conversions of std::bitset.
    {"std::bitset::test", "std::out_of_range", When::Position, 0},
    {"std::bitset::set", "std::out_of_range", When::Position, 0},
    {"std::bitset::reset", "std::out_of_range", When::Position, 0},
    {"std::bitset::flip", "std::out_of_range", When::Position, 0},
    {"std::bitset::to_ulong", "std::overflow_error"},
    {"std::bitset::to_ullong", "std::overflow_error"},
    {"std::bitset::bitset", "std::invalid_argument,std::out_of_range", When::StringParam},
    // A capacity request beyond max_size(): allocation failure by another
    // name (no real size gets there), so counted only with `allocation`.
    {"std::vector::reserve", "std::length_error", When::Always, 0, false, true},
    {"std::basic_string::reserve", "std::length_error", When::Always, 0, false, true},
    // Calling an empty std::function; its target is not known.
    {"std::function::operator()", "std::bad_function_call", When::Always, 0, true},
    // Futures and promises: no shared state, or a value set twice; get()
    // also rethrows whatever the task threw.
    {"std::future::get", "std::future_error", When::Always, 0, true},
    {"std::shared_future::get", "std::future_error", When::Always, 0, true},
    {"std::promise::get_future", "std::future_error"},
    {"std::promise::set_value", "std::future_error"},
    {"std::promise::set_exception", "std::future_error"},
    {"std::promise::set_value_at_thread_exit", "std::future_error"},
    {"std::promise::set_exception_at_thread_exit", "std::future_error"},
    {"std::packaged_task::get_future", "std::future_error"},
    {"std::packaged_task::operator()", "std::future_error"},
    {"std::packaged_task::make_ready_at_thread_exit", "std::future_error"},
    {"std::packaged_task::reset", "std::future_error"},
    // Threads: the OS cannot start one (out of threads or memory: resource
    // exhaustion, counted with `allocation` as std::bad_alloc is).
    {"std::thread::thread", "std::system_error", When::Always, 0, false, true},
    {"std::jthread::jthread", "std::system_error", When::Always, 0, false, true},
    // Vocabulary types: no value, wrong alternative, wrong type.
    {"std::optional::value", "std::bad_optional_access"},
    {"std::expected::value", "std::bad_expected_access"},
    {"std::any_cast", "std::bad_any_cast", When::NotPointer},
    {"std::get", "std::bad_variant_access", When::Variant},
    // Only a variant left valueless by an exception while it changed its
    // alternative (a failed allocation, in practice): counted with those.
    {"std::visit", "std::bad_variant_access", When::Always, 0, false, true},
    {"std::shared_ptr::shared_ptr", "std::bad_weak_ptr", When::FromWeakPtr},
    // Locales by name, and facets a locale does not have.
    {"std::locale::locale", "std::runtime_error", When::StringParam},
    {"std::locale::combine", "std::runtime_error"},
    {"std::use_facet", "std::bad_cast"},
    // Regular expressions: a malformed pattern, or matching too complex.
    {"std::basic_regex::basic_regex", "std::regex_error", When::NotCopyOrMove},
    {"std::basic_regex::assign", "std::regex_error", When::NotCopyOrMove},
    {"std::regex_match", "std::regex_error"},
    {"std::regex_search", "std::regex_error"},
    {"std::regex_replace", "std::regex_error"},
    // Filesystem operations without an std::error_code& to report to.
    {"std::filesystem::absolute", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::canonical", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::weakly_canonical", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::relative", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::proximate", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::copy", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::copy_file", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::copy_symlink", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::create_directory", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::create_directories", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::create_hard_link", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::create_symlink", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::create_directory_symlink", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::current_path", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::exists", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::equivalent", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::file_size", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::hard_link_count", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::last_write_time", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::permissions", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::read_symlink", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::remove", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::remove_all", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::rename", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::resize_file", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::space", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::status", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::symlink_status", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::temp_directory_path", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_block_file", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_character_file", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_directory", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_empty", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_fifo", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_other", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_regular_file", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_socket", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::is_symlink", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::directory_iterator::directory_iterator", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::directory_iterator::operator++", "std::filesystem::filesystem_error"},
    {"std::filesystem::recursive_directory_iterator::recursive_directory_iterator", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::recursive_directory_iterator::operator++", "std::filesystem::filesystem_error"},
    {"std::filesystem::recursive_directory_iterator::pop", "std::filesystem::filesystem_error", When::NoErrorCode},
    {"std::filesystem::directory_entry::*", "std::filesystem::filesystem_error", When::NoErrorCode},
    // Formatting with a format string known only at run time.
    {"std::vformat", "std::format_error"},
    {"std::vformat_to", "std::format_error"},
    // Time zones the database does not have.
    {"std::chrono::locate_zone", "std::runtime_error"},
    // Deprecated conversions that meet invalid input.
    {"std::wstring_convert::from_bytes", "std::range_error"},
    {"std::wstring_convert::to_bytes", "std::range_error"},
};

/// Functions that always throw an exception of a type nobody can name here.
const char *const Rethrowing[] = {
    "std::rethrow_exception", "std::rethrow_if_nested", "std::throw_with_nested",
};

/// Functions that call the callables they are given before they return, so
/// the callables' exceptions pass through them. Functions that only store a
/// callable (std::thread, std::async, std::function, std::bind) are not here:
/// its exceptions happen later, elsewhere.
const char *const Invoking[] = {
    "std::invoke", "std::invoke_r", "std::apply", "std::visit", "std::call_once",
    "std::erase_if",
    "std::for_each", "std::for_each_n", "std::transform", "std::generate", "std::generate_n",
    "std::sort", "std::stable_sort", "std::partial_sort", "std::partial_sort_copy",
    "std::nth_element", "std::is_sorted", "std::is_sorted_until",
    "std::find_if", "std::find_if_not", "std::count_if", "std::all_of", "std::any_of",
    "std::none_of", "std::adjacent_find", "std::mismatch", "std::equal", "std::search",
    "std::search_n", "std::find_end", "std::find_first_of", "std::is_permutation",
    "std::remove_if", "std::remove_copy_if", "std::replace_if", "std::replace_copy_if",
    "std::copy_if", "std::unique", "std::unique_copy",
    "std::partition", "std::stable_partition", "std::partition_copy", "std::partition_point",
    "std::is_partitioned",
    "std::min", "std::max", "std::minmax", "std::clamp", "std::min_element",
    "std::max_element", "std::minmax_element",
    "std::lower_bound", "std::upper_bound", "std::equal_range", "std::binary_search",
    "std::merge", "std::inplace_merge", "std::includes", "std::set_union",
    "std::set_intersection", "std::set_difference", "std::set_symmetric_difference",
    "std::lexicographical_compare", "std::next_permutation", "std::prev_permutation",
    "std::make_heap", "std::push_heap", "std::pop_heap", "std::sort_heap", "std::is_heap",
    "std::is_heap_until",
    "std::accumulate", "std::reduce", "std::transform_reduce", "std::inner_product",
    "std::partial_sum", "std::inclusive_scan", "std::exclusive_scan",
    "std::transform_inclusive_scan", "std::transform_exclusive_scan",
    "std::adjacent_difference",
    "std::optional::transform", "std::optional::and_then", "std::optional::or_else",
    "std::expected::transform", "std::expected::and_then", "std::expected::or_else",
    "std::expected::transform_error",
    "std::condition_variable::wait", "std::condition_variable::wait_for",
    "std::condition_variable::wait_until", "std::condition_variable_any::wait",
    "std::condition_variable_any::wait_for", "std::condition_variable_any::wait_until",
};

/// The standard exceptions and their bases, nearest first.
struct Hierarchy {
  const char *Name, *Bases;
};
const Hierarchy Exceptions[] = {
    {"std::exception", ""},
    {"std::logic_error", "std::exception"},
    {"std::invalid_argument", "std::logic_error,std::exception"},
    {"std::domain_error", "std::logic_error,std::exception"},
    {"std::length_error", "std::logic_error,std::exception"},
    {"std::out_of_range", "std::logic_error,std::exception"},
    {"std::future_error", "std::logic_error,std::exception"},
    {"std::runtime_error", "std::exception"},
    {"std::range_error", "std::runtime_error,std::exception"},
    {"std::overflow_error", "std::runtime_error,std::exception"},
    {"std::underflow_error", "std::runtime_error,std::exception"},
    {"std::regex_error", "std::runtime_error,std::exception"},
    {"std::format_error", "std::runtime_error,std::exception"},
    {"std::system_error", "std::runtime_error,std::exception"},
    {"std::ios_base::failure", "std::system_error,std::runtime_error,std::exception"},
    {"std::filesystem::filesystem_error", "std::system_error,std::runtime_error,std::exception"},
    {"std::chrono::nonexistent_local_time", "std::runtime_error,std::exception"},
    {"std::chrono::ambiguous_local_time", "std::runtime_error,std::exception"},
    {"std::bad_alloc", "std::exception"},
    {"std::bad_array_new_length", "std::bad_alloc,std::exception"},
    {"std::bad_cast", "std::exception"},
    {"std::bad_any_cast", "std::bad_cast,std::exception"},
    {"std::bad_typeid", "std::exception"},
    {"std::bad_function_call", "std::exception"},
    {"std::bad_optional_access", "std::exception"},
    {"std::bad_variant_access", "std::exception"},
    {"std::bad_weak_ptr", "std::exception"},
    {"std::bad_exception", "std::exception"},
    {"std::bad_expected_access", "std::exception"},
};
// clang-format on

bool nameMatchesEntry(llvm::StringRef Pattern, llvm::StringRef Name) {
  if (Pattern.ends_with("*"))
    return Name.starts_with(Pattern.drop_back());
  return Name == Pattern;
}

/// The class template (or class) \p T names, when it is in the library.
const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && isStdLibrary(RD) ? RD : nullptr;
}

bool isStringLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType()->isAnyCharacterType();
  const CXXRecordDecl *RD = recordOf(T);
  return RD && RD->getIdentifier() &&
         (RD->getName() == "basic_string" || RD->getName() == "basic_string_view");
}

/// A string position that comes from searching the string: `s.find(x)`,
/// `s.rfind(x) + 1`, `s.size() - n`, or a local initialised with one. The
/// idiom tests for npos before using it (and npos + 1 wraps to 0), so such a
/// position is taken to be in range: the analysis cannot tell otherwise.
bool positionFromSearch(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > 4)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub))
    return positionFromSearch(BO->getLHS(), Depth + 1) ||
           (BO->getOpcode() == BO_Add && positionFromSearch(BO->getRHS(), Depth + 1));
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && VD->isLocalVarDecl() && positionFromSearch(VD->getInit(), Depth + 1);
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || !isStringLike(MC->getImplicitObjectArgument()->getType()))
    return false;
  llvm::StringRef N = M->getName();
  return N.starts_with("find") || N == "rfind" || N == "size" || N == "length";
}

bool applies(const Entry &E, const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) {
  switch (E.Cond) {
  case When::Always:
    return true;
  case When::Position: {
    if (E.Arg >= Callee->getNumParams() ||
        !Callee->getParamDecl(E.Arg)->getType()->isIntegerType())
      return false;
    if (E.Arg >= Args.size())
      return true;
    Expr::EvalResult R;
    const Expr *A = Args[E.Arg];
    if (!A->isValueDependent() &&
        A->EvaluateAsInt(R, Callee->getASTContext()) && R.Val.getInt().isZero())
      return false; // position 0 is never past the end
    return !positionFromSearch(A);
  }
  case When::NoErrorCode:
    for (const ParmVarDecl *P : Callee->parameters())
      if (const CXXRecordDecl *RD = recordOf(P->getType()))
        if (RD->getIdentifier() && RD->getName() == "error_code")
          return false;
    return true;
  case When::NotPointer:
    return !Args.empty() && !Args[0]->getType()->isPointerType();
  case When::Variant: {
    if (Args.empty())
      return false;
    const CXXRecordDecl *RD = recordOf(Args[0]->getType());
    return RD && RD->getIdentifier() && RD->getName() == "variant";
  }
  case When::StringParam:
    for (const ParmVarDecl *P : Callee->parameters())
      if (isStringLike(P->getType()))
        return true;
    return false;
  case When::NotCopyOrMove: {
    if (Callee->getNumParams() == 0)
      return false;
    const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
    const CXXRecordDecl *P = recordOf(Callee->getParamDecl(0)->getType());
    return !(MD && P && P->getCanonicalDecl() == MD->getParent()->getCanonicalDecl() &&
             Callee->getNumParams() == 1);
  }
  case When::FromWeakPtr: {
    if (Callee->getNumParams() == 0)
      return false;
    const CXXRecordDecl *RD = recordOf(Callee->getParamDecl(0)->getType());
    return RD && RD->getIdentifier() && RD->getName() == "weak_ptr";
  }
  }
  return false;
}

/// The precondition a caller can test to rule out \p E's exception, and
/// which argument it is about (\p Arg).
Precondition preconditionOf(const Entry &E, unsigned &Arg) {
  llvm::StringRef N(E.Name);
  Arg = E.Arg;
  if (E.Cond == When::Position) // a bitset position must name a bit
    return N.starts_with("std::bitset::") ? Precondition::Index : Precondition::Position;
  if (N == "std::optional::value" || N == "std::expected::value" ||
      N == "std::function::operator()")
    return Precondition::Engaged;
  if (N.ends_with("::at")) {
    Arg = 0;
    return N.ends_with("map::at") ? Precondition::Key : Precondition::Index;
  }
  return Precondition::None;
}

} // namespace

bool isStdLibrary(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (DC->isStdNamespace())
      return true;
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && NS->getIdentifier() &&
                                                         NS->getName() == "__gnu_cxx")
      return true;
  }
  return false;
}

std::string libraryName(const FunctionDecl *FD) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline() && NS->getIdentifier())
        Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Parts.push_back(RD->getName());
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Out += (*It + "::").str();
  if (isa<CXXConstructorDecl>(FD)) {
    Out += cast<CXXConstructorDecl>(FD)->getParent()->getName();
  } else if (FD->getIdentifier()) {
    Out += FD->getName();
  } else {
    Out += FD->getNameAsString(); // operator() and friends
  }
  return Out;
}

StdCallee stdLookup(const FunctionDecl *Callee) {
  StdCallee Out;
  std::string Name = libraryName(Callee);
  llvm::StringRef N(Name);
  for (unsigned I = 0; I < std::size(Table); ++I)
    if (nameMatchesEntry(Table[I].Name, N))
      Out.Entries.push_back(I);
  for (const char *R : Rethrowing)
    if (N == R)
      Out.Unknown = true;
  for (const char *I : Invoking)
    if (N == I)
      Out.InvokesCallables = true;
  // The std::ranges algorithms are function objects; their views (which
  // store the callable) are not algorithms.
  if (N.starts_with("std::ranges::") && N.ends_with("::operator()") &&
      !N.starts_with("std::ranges::views::"))
    Out.InvokesCallables = true;
  return Out;
}

StdThrows stdCallThrows(const StdCallee &Found, const FunctionDecl *Callee,
                        llvm::ArrayRef<const Expr *> Args, PreconditionTested Tested) {
  StdThrows Out;
  Out.Unknown = Found.Unknown;
  Out.InvokesCallables = Found.InvokesCallables;
  for (unsigned I : Found.Entries) {
    const Entry &E = Table[I];
    if (!applies(E, Callee, Args))
      continue;
    Out.OpaqueTarget |= E.OpaqueTarget;
    unsigned Arg;
    if (Precondition P = preconditionOf(E, Arg); Tested && P != Precondition::None && Tested(P, Arg))
      continue;
    llvm::SmallVector<llvm::StringRef, 2> Types;
    llvm::StringRef(E.Throws).split(Types, ',', -1, /*KeepEmpty=*/false);
    auto &Into = E.Allocation ? Out.AllocationTypes : Out.Types;
    for (llvm::StringRef T : Types)
      if (!llvm::is_contained(Into, T))
        Into.push_back(T);
  }
  return Out;
}

llvm::SmallVector<llvm::StringRef, 3> stdExceptionBases(llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 3> Out;
  for (const Hierarchy &H : Exceptions)
    if (Name == H.Name) {
      llvm::StringRef(H.Bases).split(Out, ',', -1, /*KeepEmpty=*/false);
      break;
    }
  return Out;
}

} // namespace lockcheck
