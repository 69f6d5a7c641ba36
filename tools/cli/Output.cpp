//===- Output.cpp ---------------------------------------------------------===//
#include "Output.h"
#include "Baseline.h"
#include "CheckDocs.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <map>

namespace lockcheck::cli {

static const char *levelOf(const Report &R) { return R.IsError ? "error" : "warning"; }

void writeText(llvm::raw_ostream &OS, const std::vector<Report> &Reports) {
  for (const Report &R : Reports) {
    OS << R.Where.File << ":" << R.Where.Line << ":" << R.Where.Column << ": " << levelOf(R)
       << ": " << R.Message << " [" << checkName(R.CheckKind) << "]\n";
    for (const ReportNote &N : R.Notes)
      OS << N.Where.File << ":" << N.Where.Line << ":" << N.Where.Column
         << ": note: " << N.Message << "\n";
  }
}

static llvm::json::Array skippedJson(const std::vector<SkippedTU> &List) {
  llvm::json::Array A;
  for (const SkippedTU &T : List)
    A.push_back(llvm::json::Object{{"file", T.File}, {"reason", T.Why}});
  return A;
}

void writeJson(llvm::raw_ostream &OS, const std::vector<Report> &Reports,
               const RunSummary &S, llvm::StringRef BaseDir) {
  llvm::json::Array Findings;
  for (const Report &R : Reports) {
    llvm::json::Value V = toJSON(R);
    llvm::json::Object &O = *V.getAsObject();
    O["level"] = levelOf(R);
    O["fingerprint"] = fingerprint(R, BaseDir);
    Findings.push_back(std::move(V));
  }
  llvm::json::Object Top{
      {"tool", "lockcheck"},
      {"version", LOCKCHECK_VERSION},
      {"findings", std::move(Findings)},
      {"summary", llvm::json::Object{{"units", S.Unit},
                                     {"translationUnits", S.Total},
                                     {"analysed", S.Analysed},
                                     {"fromCache", S.FromCache},
                                     {"merged", skippedJson(S.Merged)},
                                     {"reanalysedWithOtherTUs", S.Reanalysed},
                                     {"baselined", S.Baselined},
                                     {"notAnalysed", skippedJson(S.Skipped)}}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Top))) << "\n";
}

namespace {

struct UriMaker {
  std::string Base; // absolute directory, no trailing slash
  llvm::json::Object artifact(llvm::StringRef File) const {
    llvm::StringRef F(File);
    if (!Base.empty() && F.starts_with(Base + "/"))
      return llvm::json::Object{{"uri", uriEscapePath(F.drop_front(Base.size() + 1))},
                                {"uriBaseId", "%SRCROOT%"}};
    return llvm::json::Object{{"uri", "file://" + uriEscapePath(F)}};
  }
};

llvm::json::Object region(const SourcePos &Begin, const SourcePos *End = nullptr) {
  llvm::json::Object R{{"startLine", std::max(1u, Begin.Line)}};
  if (Begin.Column)
    R["startColumn"] = Begin.Column;
  if (End) {
    R["endLine"] = std::max(1u, End->Line);
    R["endColumn"] = std::max(1u, End->Column);
  }
  return R;
}

llvm::json::Object physical(const UriMaker &U, const SourcePos &P) {
  return llvm::json::Object{{"artifactLocation", U.artifact(P.File)}, {"region", region(P)}};
}

/// Notes of the form "'f' calls 'g' here" / "'g' acquires 'm' here" trace a
/// call chain; SARIF viewers step through those as a code flow.
bool isChainNote(llvm::StringRef M) {
  return M.contains("' calls '") || M.contains("' acquires '") || M.contains("' releases '");
}

} // namespace

void writeSarif(llvm::raw_ostream &OS, const std::vector<Report> &Reports,
                const RunSummary &S, llvm::StringRef BaseDir) {
  UriMaker U{BaseDir.rtrim('/').str()};
  llvm::json::Array Rules;
  for (Check C : allChecks()) {
    llvm::json::Object Rule{
        {"id", checkName(C)},
        {"shortDescription", llvm::json::Object{{"text", checkSummary(C)}}},
        {"fullDescription", llvm::json::Object{{"text", checkDocIntro(C)}}},
        {"helpUri", checkDocUri(C)},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
        {"properties", llvm::json::Object{{"tags", llvm::json::Array{"concurrency"}}}}};
    if (!checkDocMarkdown(C).empty())
      Rule["help"] = llvm::json::Object{{"text", checkDocText(C)},
                                        {"markdown", checkDocMarkdown(C)}};
    Rules.push_back(std::move(Rule));
  }

  llvm::json::Array Results;
  for (const Report &R : Reports) {
    llvm::json::Object Res{
        {"ruleId", checkName(R.CheckKind)},
        {"ruleIndex", static_cast<unsigned>(R.CheckKind)},
        {"level", levelOf(R)},
        {"message", llvm::json::Object{{"text", R.Message}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{{"physicalLocation", physical(U, R.Where)}}}},
        {"partialFingerprints", llvm::json::Object{{"lockcheck/v1", fingerprint(R, BaseDir)}}}};
    if (!R.Notes.empty()) {
      llvm::json::Array Related;
      unsigned Id = 0;
      bool Chain = false;
      for (const ReportNote &N : R.Notes) {
        Related.push_back(llvm::json::Object{{"id", Id++},
                                             {"message", llvm::json::Object{{"text", N.Message}}},
                                             {"physicalLocation", physical(U, N.Where)}});
        Chain |= isChainNote(N.Message);
      }
      Res["relatedLocations"] = std::move(Related);
      if (Chain) {
        llvm::json::Array Steps;
        Steps.push_back(llvm::json::Object{
            {"location", llvm::json::Object{{"physicalLocation", physical(U, R.Where)},
                                            {"message", llvm::json::Object{{"text", R.Message}}}}}});
        for (const ReportNote &N : R.Notes)
          Steps.push_back(llvm::json::Object{
              {"location", llvm::json::Object{{"physicalLocation", physical(U, N.Where)},
                                              {"message", llvm::json::Object{{"text", N.Message}}}}}});
        Res["codeFlows"] = llvm::json::Array{llvm::json::Object{
            {"threadFlows", llvm::json::Array{llvm::json::Object{{"locations", std::move(Steps)}}}}}};
      }
    }
    // A fix-it, as the replacements a viewer can apply.
    if (!R.Fixes.empty()) {
      std::map<std::string, llvm::json::Array> ByFile;
      for (const ReportFix &F : R.Fixes)
        ByFile[F.Begin.File].push_back(llvm::json::Object{
            {"deletedRegion", region(F.Begin, &F.End)},
            {"insertedContent", llvm::json::Object{{"text", F.Text}}}});
      llvm::json::Array Changes;
      for (auto &[File, Replacements] : ByFile)
        Changes.push_back(llvm::json::Object{{"artifactLocation", U.artifact(File)},
                                             {"replacements", std::move(Replacements)}});
      const ReportFix &F = R.Fixes.front();
      std::string What = F.Begin == F.End ? "insert '" + F.Text + "'"
                                          : "replace with '" + F.Text + "'";
      Res["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", What}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Res));
  }

  llvm::json::Array Notifications;
  for (const SkippedTU &T : S.Skipped)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message", llvm::json::Object{{"text", "not analysed: " + T.Why}}},
        {"locations", llvm::json::Array{llvm::json::Object{
                          {"physicalLocation",
                           llvm::json::Object{{"artifactLocation", U.artifact(T.File)}}}}}}});
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver",
                                   llvm::json::Object{{"name", "lockcheck"},
                                                      {"version", LOCKCHECK_VERSION},
                                                      {"rules", std::move(Rules)}}}}},
      {"results", std::move(Results)},
      {"invocations", llvm::json::Array{llvm::json::Object{
                          {"executionSuccessful", S.Skipped.empty()},
                          {"toolExecutionNotifications", std::move(Notifications)}}}}};
  if (!U.Base.empty())
    Run["originalUriBaseIds"] = llvm::json::Object{
        {"%SRCROOT%", llvm::json::Object{{"uri", "file://" + uriEscapePath(U.Base) + "/"}}}};
  llvm::json::Object Top{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Top))) << "\n";
}

} // namespace lockcheck::cli
