// CHO009: Ⅲ's 接続しない（提供） box against the 提供方法 情報提供ネットワークシステム of Ⅱ 5.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

constexpr const char* kNetwork = "情報提供ネットワークシステム";

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    const std::string list = f + "/risk_measures/network/opt_outs";
    const json& opt_outs = c.at(list);
    if (checked(opt_outs, "接続しない（提供）") != true) continue;
    const json& recipients = c.at(f + "/provision/recipients");
    if (!recipients.is_array()) continue;
    for (std::size_t k = 0; k < recipients.size(); ++k) {
      const std::string mp = f + "/provision/recipients/" + std::to_string(k) + "/methods";
      const json& methods = c.at(mp);
      if (checked(methods, kNetwork) != true) continue;
      out.push_back({file_label(c, i) +
                         " の Ⅲ 6 は「接続しない（提供）」にチェックがありますが、提供先" +
                         recipients[k].value("number", json(k + 1)).dump() +
                         " の提供方法は「情報提供ネットワークシステム」です。",
                     {check_pointer(opt_outs, list, "接続しない（提供）"),
                      check_pointer(methods, mp, kNetwork)}});
      break;
    }
  }
}

}  // namespace

Rule cho009() {
  return {"CHO009",
          "choices",
          "error",
          "Ⅲ の「接続しない（提供）」と提供先の提供方法（情報提供ネットワークシステム）が食い違う",
          R"(Ⅲ 6 の「接続しない（提供）」は、そのファイルの特定個人情報を情報提供ネットワーク
システムで提供しない場合にチェックします。Ⅱ 5 の提供先の⑥提供方法で「情報提供ネットワーク
システム」にチェックがあるのと両立しません。
直し方: どちらかを実態に合わせます（提供しているなら Ⅲ 6 のチェックを外してリスク2 を記載）。)",
          {{"/files/0/risk_measures/network/opt_outs/1/checked", true}},
          {{"/files/0/provision/recipients/0/methods/0/checked", false},
           {"/files/0/provision/recipients/0/methods/5/checked", true}},
          check};
}

}  // namespace hyoka::validate::ruleset
