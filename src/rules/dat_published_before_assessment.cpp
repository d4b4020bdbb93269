// DAT001: 公表日 earlier than the 基礎項目評価 実施日.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const auto published = iso(c.at("/header/published_on"));
  const auto assessed = iso(c.at("/procedures/basic_assessment/date"));
  if (!published || !assessed) return;
  const bool monthly = published->size() == 7 || assessed->size() == 7;
  const bool before = monthly ? month_of(*published) < month_of(*assessed) : *published < *assessed;
  if (!before) return;
  out.push_back(
      {"公表日（" + *published + "）が基礎項目評価の実施日（" + *assessed + "）より前です。",
       {"/header/published_on", "/procedures/basic_assessment/date"}});
}

}  // namespace

Rule dat001() {
  return {
      "DAT001",
      "dates",
      "error",
      "公表日が基礎項目評価の実施日より前",
      R"(重点項目評価書・全項目評価書は、しきい値判断（基礎項目評価）を行ったうえで作成し公表します。
公表日が Ⅴ（様式4 は Ⅵ）1 基礎項目評価の①実施日より前なのは、どちらかの日付の誤り（年の
書き誤り、和暦と西暦の換算誤り）です。
直し方: 二つの日付を確かめて直します。)",
      {{"/procedures/basic_assessment/date", "2024-07-01"}},
      {{"/procedures/basic_assessment/date", "2024-05-01"}},
      check};
}

}  // namespace hyoka::validate::ruleset
