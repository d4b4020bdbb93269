// DAT003: change-log rows out of date order.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const json& changes = c.at("/changes");
  if (!changes.is_array()) return;
  std::optional<std::string> last;
  std::size_t last_k = 0;
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const auto date = iso(member(changes[k], "date"));
    if (!date) continue;
    if (last && *date < *last && month_of(*date) != month_of(*last)) {
      out.push_back({"変更箇所の " + std::to_string(k + 1) + " 行目の変更日（" + *date +
                         "）が、前の行の変更日（" + *last + "）より前です。",
                     {"/changes/" + std::to_string(k) + "/date",
                      "/changes/" + std::to_string(last_k) + "/date"}});
    }
    last = date;
    last_k = k;
  }
}

}  // namespace

Rule dat003() {
  return {"DAT003",
          "dates",
          "warning",
          "変更箇所の行が変更日の順に並んでいない",
          R"(変更箇所は変更日の古い順に記載します。順序が崩れていると、どの記載が最新かを読み手が
取り違えます。日付の書き誤り（年の誤り）のこともあります。
直し方: 行を変更日の順に並べ、日付を確かめます。)",
          {{"/changes/-",
            {{"date", "2019-04-01"},
             {"item", "評価実施機関名"},
             {"before", "A市長 山田太郎"},
             {"after", "A市長"},
             {"timing", "事後"},
             {"reason", nullptr}}}},
          {{"/changes/1/date", "2022-04-01"}},
          check};
}

}  // namespace hyoka::validate::ruleset
