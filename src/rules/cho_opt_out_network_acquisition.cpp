// CHO008: Ⅲ's 接続しない（入手） box against Ⅱ 3 入手方法 情報提供ネットワークシステム.
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
    if (checked(opt_outs, "接続しない（入手）") != true) continue;
    const std::string mp = f + "/acquisition_methods";
    const json& methods = c.at(mp);
    if (checked(methods, kNetwork) != true) continue;
    out.push_back({file_label(c, i) +
                       " の Ⅲ 6 は「接続しない（入手）」にチェックがありますが、Ⅱ 3 "
                       "②入手方法では「情報提供ネットワークシステム」にチェックがあります。",
                   {check_pointer(opt_outs, list, "接続しない（入手）"),
                    check_pointer(methods, mp, kNetwork)}});
  }
}

}  // namespace

Rule cho008() {
  return {"CHO008",
          "choices",
          "error",
          "Ⅲ の「接続しない（入手）」と Ⅱ の入手方法（情報提供ネットワークシステム）が食い違う",
          R"(Ⅲ 6 情報提供ネットワークシステムとの接続の「接続しない（入手）」は、そのファイルの
特定個人情報を情報提供ネットワークシステムから入手しない場合にチェックします。Ⅱ 3 ②入手方法で
「情報提供ネットワークシステム」にチェックがあるのと両立しません。
直し方: どちらかを実態に合わせます（入手しているなら Ⅲ 6 のチェックを外してリスク1 を記載）。)",
          {{"/files/0/risk_measures/network/opt_outs/0/checked", true}},
          {{"/files/0/acquisition_methods/6/checked", false}},
          check};
}

}  // namespace hyoka::validate::ruleset
