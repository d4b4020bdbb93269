// CHO001: 委託しない, yet 委託事項 or a count are filled.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i) + "/outsourcing";
    if (c.str(f + "/status") != "委託しない") continue;
    const json& entrusts = c.at(f + "/entrusts");
    const auto count = c.integer(f + "/declared_count");
    if (entrusts.is_array() && !entrusts.empty()) {
      out.push_back({file_label(c, i) + " は「委託しない」ですが、委託事項が " +
                         std::to_string(entrusts.size()) + " 件記載されています。",
                     {f + "/status", f + "/entrusts"}});
    } else if (count && *count > 0) {
      out.push_back({file_label(c, i) + " は「委託しない」ですが、委託の件数が（" +
                         std::to_string(*count) + "）件です。",
                     {f + "/status", f + "/declared_count"}});
    }
  }
}

}  // namespace

Rule cho001() {
  return {"CHO001",
          "choices",
          "error",
          "「委託しない」なのに委託事項や件数が記載されている",
          R"(Ⅱ 4 委託の有無で「委託しない」を選んだ場合、委託事項1… と件数は空欄のはずです。
両方があるのは、選択の誤りか、委託をやめたときの消し忘れです。
直し方: 委託しているなら「委託する」を選び、委託していないなら委託事項と件数を削除します。)",
          {{"/files/0/outsourcing/status", "委託しない"}},
          {{"/files/0/outsourcing/status", "委託する"}},
          check};
}

}  // namespace hyoka::validate::ruleset
