//===- Uri.cpp ------------------------------------------------------------===//
#include "Uri.h"
#include "llvm/ADT/StringExtras.h"

namespace lockcheck::lsp {

std::optional<std::string> fileUriToPath(llvm::StringRef Uri) {
  llvm::StringRef Rest = Uri;
  if (!Rest.consume_front_insensitive("file:"))
    return std::nullopt;
  if (Rest.consume_front("//")) {
    llvm::StringRef Authority = Rest.take_until([](char C) { return C == '/'; });
    if (!Authority.empty() && !Authority.equals_insensitive("localhost"))
      return std::nullopt;
    Rest = Rest.drop_front(Authority.size());
  }
  if (!Rest.starts_with("/"))
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] != '%') {
      Path += Rest[I];
      continue;
    }
    if (I + 2 >= Rest.size() || !llvm::isHexDigit(Rest[I + 1]) ||
        !llvm::isHexDigit(Rest[I + 2]))
      return std::nullopt;
    Path += static_cast<char>(llvm::hexFromNibbles(Rest[I + 1], Rest[I + 2]));
    I += 2;
  }
  return Path;
}

std::string pathToFileUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Uri += C;
      continue;
    }
    Uri += '%';
    Uri += llvm::hexdigit((static_cast<unsigned char>(C) >> 4) & 0xF);
    Uri += llvm::hexdigit(static_cast<unsigned char>(C) & 0xF);
  }
  return Uri;
}

} // namespace lockcheck::lsp
