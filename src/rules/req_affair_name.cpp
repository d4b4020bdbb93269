// REQ001: 事務の名称が空欄.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  report_blank(c, out, {"/affair/name", "/affair", "事務の名称"});
}

}  // namespace

Rule req001() {
  return {
      "REQ001",
      "required",
      "error",
      "事務の名称が空欄",
      R"(Ⅰ 1 ①事務の名称は、評価の対象そのものを示す必須の記載です。空欄では何の評価書か分かりません。
Ⅰ 1 のページが抽出で欠けている場合（その部分の値が一つも読めない場合）や、pdftotext の抽出で
読めなかった場合は、文書の誤りとしては報告しません（QUA003 が info で伝えます）。
直し方: 事務の名称を記載します。)",
      {{"/affair/name", nullptr}},
      {{"/affair/name", "住民基本台帳に関する事務"}},
      check};
}

}  // namespace hyoka::validate::ruleset
