// REQ004: 公表済みの評価書の公表日が空欄.
#include "rules/required_value.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.options().draft) return;
  report_blank(c, out, {"/header/published_on", "/header", "公表日"});
}

}  // namespace

Rule req004() {
  return {"REQ004",
          "required",
          "error",
          "公表済みの評価書の公表日が空欄",
          R"(公表した評価書には表紙に公表日を記載します。公表日が空欄の評価書は、下書きか、公表時の
記入漏れです。下書きを確かめるときは --draft を付けると報告しません。
直し方: 公表日を記載します（下書きなら --draft で確かめます）。)",
          {{"/header/published_on", nullptr}},
          {{"/header/published_on", "2024-06-01"}},
          check};
}

}  // namespace hyoka::validate::ruleset
