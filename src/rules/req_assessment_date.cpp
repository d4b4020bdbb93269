// REQ007: 基礎項目評価の実施日が空欄.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.options().draft || c.form() == "basic") return;
  report_blank(c, out,
               {"/procedures/basic_assessment/date", "/procedures", "基礎項目評価の実施日"});
}

}  // namespace

Rule req007() {
  return {
      "REQ007",
      "required",
      "warning",
      "基礎項目評価の実施日が空欄",
      R"(重点項目評価書・全項目評価書の Ⅴ（様式4 は Ⅵ）1 ①実施日には、しきい値判断を行った基礎項目評価の
実施日を記載します。空欄では、判断がいつの対象人数等によるものか分かりません。
下書き（--draft）では、公表時に記入するものとして報告しません。
直し方: 基礎項目評価の実施日を記載します。)",
      {{"/procedures/basic_assessment/date", nullptr}},
      {{"/procedures/basic_assessment/date", "2024-05-01"}},
      check};
}

}  // namespace hyoka::validate::ruleset
