// CHO003: 再委託する, yet no 再委託事項.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i) + "/outsourcing/entrusts";
    const json& entrusts = c.at(f);
    if (!entrusts.is_array()) continue;
    for (std::size_t k = 0; k < entrusts.size(); ++k) {
      const json& e = entrusts[k];
      if (e.value("subcontract", json()) != "再委託する") continue;
      if (substantive(e.value("subcontract_items", json()))) continue;
      const std::string p = f + "/" + std::to_string(k);
      out.push_back({file_label(c, i) + " の委託事項" + e.value("number", json(k + 1)).dump() +
                         " は「再委託する」ですが、再委託事項が記載されていません。",
                     {p + "/subcontract_items", p + "/subcontract"}});
    }
  }
}

}  // namespace

Rule cho003() {
  return {"CHO003",
          "choices",
          "warning",
          "「再委託する」なのに再委託事項が空欄",
          R"(委託事項の再委託の有無で「再委託する」を選んだ場合、何を再委託するか（再委託事項）を
記載します。空欄では再委託の範囲が読み手に伝わりません。
直し方: 再委託事項を記載するか、再委託しないなら「再委託しない」を選びます。)",
          {{"/files/0/outsourcing/entrusts/0/subcontract", "再委託する"}},
          {{"/files/0/outsourcing/entrusts/0/subcontract_items", "システム運用の一部"},
           {"/files/0/outsourcing/entrusts/0/subcontract_approval", "書面による事前承認"}},
          check};
}

}  // namespace hyoka::validate::ruleset
