// DAT006: a change-log row without 変更日.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.options().draft || c.scrambled()) return;
  const json& changes = c.at("/changes");
  if (!changes.is_array()) return;
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const json& row = changes[k];
    if (!member(row, "date").is_null()) continue;
    if (!substantive(member(row, "item")) && !substantive(member(row, "after"))) continue;
    out.push_back({"変更箇所の " + std::to_string(k + 1) + " 行目に変更日がありません。",
                   {"/changes/" + std::to_string(k) + "/date"}});
  }
}

}  // namespace

Rule dat006() {
  return {"DAT006",
          "dates",
          "warning",
          "変更箇所の行に変更日がない",
          R"(変更箇所の各行には変更日を記載します。変更日がないと、変更の順序も公表日との関係も
確かめられません。下書き（--draft）では、公表時に記入する最後の行の変更日が空欄でもよいので
報告しません。
直し方: 変更日を記載します。)",
          {{"/changes/0/date", nullptr}},
          {{"/changes/0/date", "2020-04-01"}},
          check};
}

}  // namespace hyoka::validate::ruleset
