//===- ForeignGlobal.cpp - a lock another file keeps to itself ------------===//
#include "lockcheck/ForeignGlobal.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace lockcheck {

// The origin rides in an implicit annotation: `<tag><usr>\n<file>`. USRs and
// file names hold no newline.
static constexpr llvm::StringLiteral Tag = "lockcheck.foreign:";

VarDecl *makeForeignGlobal(ASTContext &Ctx, llvm::StringRef Name, llvm::StringRef Usr,
                           llvm::StringRef File) {
  // Its type is not in the facts; the lock's identity is the declaration.
  QualType T = Ctx.IntTy;
  auto *VD = VarDecl::Create(Ctx, Ctx.getTranslationUnitDecl(), SourceLocation(),
                             SourceLocation(), &Ctx.Idents.get(Name), T,
                             Ctx.getTrivialTypeSourceInfo(T), File.empty() ? SC_None : SC_Static);
  VD->setImplicit();
  std::string Note = (Tag + Usr + "\n" + File).str();
  VD->addAttr(AnnotateAttr::CreateImplicit(Ctx, Note, nullptr, 0));
  return VD;
}

std::optional<ForeignOrigin> foreignOrigin(const Decl *D) {
  const auto *VD = llvm::dyn_cast_or_null<VarDecl>(D);
  if (!VD || !VD->isImplicit())
    return std::nullopt;
  for (const auto *A : VD->specific_attrs<AnnotateAttr>()) {
    llvm::StringRef Text = A->getAnnotation();
    if (!Text.consume_front(Tag))
      continue;
    auto [Usr, File] = Text.split('\n');
    return ForeignOrigin{Usr.str(), File.str()};
  }
  return std::nullopt;
}

std::string withOrigin(llvm::StringRef Name, llvm::StringRef File) {
  return File.empty() ? Name.str() : (Name + " (in " + File + ")").str();
}

} // namespace lockcheck
