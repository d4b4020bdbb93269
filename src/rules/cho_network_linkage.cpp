// CHO013: Ⅰ 5 情報連携の実施の有無 against the use of 情報提供ネットワークシステム elsewhere.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

constexpr const char* kNetwork = "情報提供ネットワークシステム";

void check(const Context& c, Findings& out) {
  const auto implementation = c.str("/network_linkage/implementation");
  if (!implementation) return;
  const std::string ip = "/network_linkage/implementation";
  if (*implementation == "実施しない") {
    // a file that acquires or provides through the network
    for (std::size_t i = 0; i < c.file_count(); ++i) {
      const std::string f = Context::file(i);
      const json& acq = c.at(f + "/acquisition_methods");
      if (checked(acq, kNetwork) == true) {
        out.push_back({"Ⅰ 情報連携の実施の有無は「実施しない」ですが、" + file_label(c, i) +
                           " の入手方法は「情報提供ネットワークシステム」です。",
                       {ip, check_pointer(acq, f + "/acquisition_methods", kNetwork)}});
      }
      const json& rm = c.at(f + "/risk_measures/network/opt_outs");
      if (checked(rm, "接続しない（入手）") == false &&
          checked(rm, "接続しない（提供）") == false) {
        out.push_back(
            {"Ⅰ 情報連携の実施の有無は「実施しない」ですが、" + file_label(c, i) +
                 " の Ⅲ 6 "
                 "は「接続しない（入手）」「接続しない（提供）」のどちらにもチェックがありません。",
             {ip, f + "/risk_measures/network/opt_outs"}});
      }
    }
    const json& systems = c.at("/systems");
    for (std::size_t s = 0; systems.is_array() && s < systems.size(); ++s) {
      const std::string sp = "/systems/" + std::to_string(s) + "/connections";
      if (checked(c.at(sp), kNetwork) == true) {
        out.push_back({"Ⅰ 情報連携の実施の有無は「実施しない」ですが、システム" +
                           systems[s].value("number", json(s + 1)).dump() +
                           " は「情報提供ネットワークシステム」と接続しています。",
                       {ip, check_pointer(c.at(sp), sp, kNetwork)}});
      }
    }
  } else if (*implementation == "実施する" && c.file_count() > 0) {
    // every file says it connects to nothing
    bool all_out = true;
    for (std::size_t i = 0; i < c.file_count() && all_out; ++i) {
      const json& rm = c.at(Context::file(i) + "/risk_measures/network/opt_outs");
      all_out =
          checked(rm, "接続しない（入手）") == true && checked(rm, "接続しない（提供）") == true;
    }
    if (all_out) {
      out.push_back(
          {"Ⅰ 情報連携の実施の有無は「実施する」ですが、すべてのファイルの Ⅲ 6 "
           "で「接続しない（入手）」「接続しない（提供）」にチェックがあります。",
           {ip, "/files/0/risk_measures/network/opt_outs"}});
    }
  }
}

}  // namespace

Rule cho013() {
  return {"CHO013",
          "choices",
          "error",
          "Ⅰ の情報連携の実施の有無と情報提供ネットワークシステムの利用が食い違う",
          R"(Ⅰ 5（様式4 は Ⅰ 6）情報提供ネットワークシステムによる情報連携で「実施しない」を
選んだ場合、どのファイルも情報提供ネットワークシステムから入手せず、Ⅲ 6 では「接続しない（入手）」
「接続しない（提供）」にチェックし、システムも情報提供ネットワークシステムと接続しないはずです。
逆に「実施する」のに全ファイルが両方とも「接続しない」なのも食い違いです。
直し方: 情報連携の実施の有無を実態に合わせるか、入手方法・Ⅲ 6・システムの接続を直します。)",
          {{"/network_linkage/implementation", "実施しない"}},
          {{"/network_linkage/implementation", "実施する"}},
          check};
}

}  // namespace hyoka::validate::ruleset
