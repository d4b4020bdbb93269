// CHO007: Ⅲ's 提供・移転しない box against Ⅱ 5 提供・移転の有無.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    const std::string list = f + "/risk_measures/provision/opt_outs";
    const json& opt_outs = c.at(list);
    const auto box = checked(opt_outs, "提供・移転しない");
    if (!box) continue;
    const std::string box_ptr = check_pointer(opt_outs, list, "提供・移転しない");
    const std::string sp = f + "/provision/status";
    const json& status = c.at(sp);
    const json& recipients = c.at(f + "/provision/recipients");
    const json& destinations = c.at(f + "/provision/destinations");
    const bool providing = checked(status, "提供を行っている") == true ||
                           checked(status, "移転を行っている") == true ||
                           (recipients.is_array() && !recipients.empty()) ||
                           (destinations.is_array() && !destinations.empty());
    if (*box && providing) {
      out.push_back({file_label(c, i) + " の Ⅲ 5 は「提供・移転しない」にチェックがありますが、Ⅱ 5 "
                                        "では提供・移転を行っています。",
                     {box_ptr, sp}});
    } else if (!*box && !providing && checked(status, "行っていない") == true) {
      out.push_back({file_label(c, i) + " の Ⅱ 5 は「行っていない」ですが、Ⅲ 5 "
                                        "の「提供・移転しない」にチェックがありません。",
                     {box_ptr, check_pointer(status, sp, "行っていない")}});
    }
  }
}

}  // namespace

Rule cho007() {
  return {"CHO007",
          "choices",
          "error",
          "Ⅲ の「提供・移転しない」と Ⅱ の提供・移転の有無が食い違う",
          R"(Ⅲ 5 特定個人情報の提供・移転の「提供・移転しない」は、Ⅱ 5 で「行っていない」に
チェックしたファイルでだけチェックします。Ⅱ で提供・移転しているのに Ⅲ で「提供・移転しない」
にチェックがある、または Ⅱ で「行っていない」なのに Ⅲ のチェックがない場合、どちらかが
誤っています。
直し方: Ⅱ 5 に合わせて Ⅲ 5 のチェックを付ける（外す）か、Ⅱ を直します。)",
          {{"/files/0/risk_measures/provision/opt_outs/0/checked", true}},
          {{"/files/0/risk_measures/provision/opt_outs/0/checked", false}},
          check};
}

}  // namespace hyoka::validate::ruleset
