// DAT002: a change-log date later than 公表日.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const auto published = iso(c.at("/header/published_on"));
  const json& changes = c.at("/changes");
  if (!published || !changes.is_array()) return;
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const auto date = iso(member(changes[k], "date"));
    if (!date || month_of(*date) < month_of(*published)) continue;
    if (date->size() == published->size() ? *date <= *published
                                          : month_of(*date) <= month_of(*published))
      continue;
    out.push_back({"変更箇所の変更日（" + *date + "）が公表日（" + *published + "）より後です。",
                   {"/changes/" + std::to_string(k) + "/date", "/header/published_on"}});
  }
}

}  // namespace

Rule dat002() {
  return {"DAT002",
          "dates",
          "error",
          "変更箇所の変更日が公表日より後",
          R"(変更箇所には、公表した評価書に至るまでの変更を記載します。公表日より後の変更日は、
日付の誤りか、公表日の更新漏れです（評価書を変更して再公表したなら公表日も変わります）。
直し方: 変更日と公表日を確かめて直します。)",
          {{"/changes/0/date", "2024-08-01"}},
          {{"/changes/0/date", "2024-04-01"}},
          check};
}

}  // namespace hyoka::validate::ruleset
