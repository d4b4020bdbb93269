// REQ006: しきい値判断結果が空欄.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  report_blank(
      c, out,
      {c.form() == "basic" ? "/threshold/result" : "/procedures/basic_assessment/threshold_result",
       c.form() == "basic" ? "/threshold" : "/procedures", "しきい値判断結果"});
}

}  // namespace

Rule req006() {
  return {
      "REQ006",
      "required",
      "error",
      "しきい値判断結果が空欄",
      R"(Ⅴ（様式4 は Ⅵ）1 ②しきい値判断結果（様式2 は Ⅲ）は、どの評価が義務付けられるかを示す必須の
記載です。空欄ではこの評価書が義務によるものか任意のものか分かりません。
直し方: 基礎項目評価のしきい値判断結果を選びます。)",
      {{"/procedures/basic_assessment/threshold_result", nullptr}},
      {{"/procedures/basic_assessment/threshold_result",
        "基礎項目評価及び重点項目評価の実施が義務付けられる"}},
      check};
}

}  // namespace hyoka::validate::ruleset
