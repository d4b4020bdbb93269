// CHO003: 再委託する, yet no 再委託事項.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;
  for_each_entrust(
      c, [&](std::size_t, const std::string& p, const json& e, const std::string& label) {
        if (member(e, "subcontract") != "再委託する" || substantive(member(e, "subcontract_items")))
          return;
        out.push_back({label + " は「再委託する」ですが、再委託事項が記載されていません。",
                       {p + "/subcontract_items", p + "/subcontract"}});
      });
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
