// CHO002: 再委託しない, yet 再委託事項 is filled.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for_each_entrust(c, [&](std::size_t, const std::string& p, const json& e,
                          const std::string& label) {
    if (member(e, "subcontract") != "再委託しない" || !substantive(member(e, "subcontract_items")))
      return;
    out.push_back({label + " は「再委託しない」ですが、再委託事項が記載されています。",
                   {p + "/subcontract", p + "/subcontract_items"}});
  });
}

}  // namespace

Rule cho002() {
  return {"CHO002",
          "choices",
          "error",
          "「再委託しない」なのに再委託事項が記載されている",
          R"(委託事項の再委託の有無で「再委託しない」を選んだ場合、再委託事項は空欄（または
「－」「なし」）のはずです。再委託事項があるのは、選択の誤りか消し忘れです。
直し方: 再委託しているなら「再委託する」を選び許諾方法も記載します。していないなら再委託事項を
削除します。)",
          {{"/files/0/outsourcing/entrusts/0/subcontract_items", "システム運用の一部"}},
          {{"/files/0/outsourcing/entrusts/0/subcontract_items", nullptr}},
          check};
}

}  // namespace hyoka::validate::ruleset
