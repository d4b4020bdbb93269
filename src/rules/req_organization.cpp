// REQ002: 評価実施機関名が空欄.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  report_blank(c, out, {"/header/organization", "/header", "評価実施機関名"});
}

}  // namespace

Rule req002() {
  return {
      "REQ002",
      "required",
      "error",
      "評価実施機関名が空欄",
      R"(表紙の評価実施機関名（「○○市長」など）は必須の記載です。空欄では評価の責任者が分かりません。
pdftotext の抽出で読めなかった場合は報告しません（QUA003）。
直し方: 評価実施機関名を記載します。)",
      {{"/header/organization", nullptr}},
      {{"/header/organization", "A市長"}},
      check};
}

}  // namespace hyoka::validate::ruleset
