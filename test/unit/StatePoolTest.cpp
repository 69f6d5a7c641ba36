//===- StatePoolTest.cpp - frozen states keep every field ----------------===//
//
// Block states are frozen into words and thawed again (StatePool.h); a field
// the encoding forgets silently changes the analysis (a known constant, a
// scoped unlocker's owner). Each field gets a distinct non-default value here.
#include "lockcheck/StatePool.h"
#include "gtest/gtest.h"

using namespace lockcheck;

namespace {

template <typename T> const T *fakePointer(uintptr_t N) {
  return reinterpret_cast<const T *>(N * 16); // never dereferenced
}

State everyFieldSet() {
  Disjunct D;
  HeldLock H;
  H.Id = 3;
  H.Count = 2;
  H.Manual = 1;
  H.Shared = true;
  H.Guard = fakePointer<clang::VarDecl>(1);
  H.Site = fakePointer<clang::Stmt>(2);
  H.ManualSite = fakePointer<clang::Stmt>(3);
  D.Held.push_back(H);
  GuardEntry G;
  G.Var = fakePointer<clang::VarDecl>(4);
  G.Locks = {3, 5};
  G.Owns = true;
  G.Shared = true;
  G.Site = fakePointer<clang::Stmt>(5);
  G.ReleaseSite = fakePointer<clang::Stmt>(6);
  G.Unlocker = true;
  G.RestoreTo = fakePointer<clang::VarDecl>(7);
  D.Guards.push_back(G);
  Fact F;
  F.Key = fakePointer<void>(8);
  F.IsTry = false;
  F.Enc = SuccessValue::Zero;
  F.Value = true;
  F.HasExact = true;
  F.Exact = -42;
  static const clang::ValueDecl *Deps[1];
  Deps[0] = fakePointer<clang::ValueDecl>(9);
  F.Deps = Deps;
  D.Facts.push_back(F);
  D.Released.push_back({5, fakePointer<clang::Stmt>(10)});
  D.Mode = 2;
  State S;
  S.Ds.push_back(D);
  return S;
}

TEST(StatePool, ThawGivesBackEveryField) {
  StatePool Pool;
  State S = everyFieldSet();
  SharedState Frozen = Pool.intern(S);
  State Back = Frozen->thaw();
  ASSERT_EQ(Back.Ds.size(), 1u);
  const Disjunct &D = Back.Ds.front();
  EXPECT_TRUE(D.Held == S.Ds.front().Held);
  ASSERT_EQ(D.Guards.size(), 1u);
  EXPECT_TRUE(D.Guards.front().Unlocker);
  EXPECT_EQ(D.Guards.front().RestoreTo, S.Ds.front().Guards.front().RestoreTo);
  EXPECT_TRUE(D.Guards == S.Ds.front().Guards);
  ASSERT_EQ(D.Facts.size(), 1u);
  EXPECT_TRUE(D.Facts.front().HasExact);
  EXPECT_EQ(D.Facts.front().Exact, -42);
  EXPECT_EQ(D.Facts.front().Deps, S.Ds.front().Facts.front().Deps);
  EXPECT_EQ(D.Mode, 2);
  EXPECT_TRUE(D == S.Ds.front());
}

TEST(StatePool, EqualStatesShareOneFrozenCopy) {
  StatePool Pool;
  State S = everyFieldSet();
  EXPECT_EQ(Pool.intern(S), Pool.intern(everyFieldSet()));
  S.Ds.front().Facts.front().Exact = 7; // differs only in the constant
  EXPECT_NE(Pool.intern(S), Pool.intern(everyFieldSet()));
}

} // namespace
