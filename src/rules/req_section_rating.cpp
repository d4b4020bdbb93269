// REQ008: a section that applies (its opt-out box left empty) with risks left unrated.
#include <map>

#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    std::map<std::string, std::vector<std::string>> unrated;  // section → risk pointers
    std::map<std::string, std::string> titles;
    for_each_risk(c, i, [&](const std::string& section, const std::string& ptr, const json& risk) {
      if (!member(risk, "adequacy").is_null()) return;
      const std::string opt_out = opt_out_for(c, section, risk);
      if (opt_out.empty()) return;  // sections without a box: blank and lost pages look alike
      const std::string list = Context::file(i) + "/risk_measures/" + section + "/opt_outs";
      if (checked(c.at(list), opt_out) != false) return;  // opted out, or unreadable
      unrated[section + "|" + opt_out].push_back(ptr + "/adequacy");
      std::string& t = titles[section + "|" + opt_out];
      if (!t.empty()) t += "、";
      t += risk["number"].is_number_integer() ? "リスク" + risk["number"].dump() : "リスク";
    });
    for (const auto& [key, ptrs] : unrated) {
      const std::string section = key.substr(0, key.find('|'));
      const std::string opt_out = key.substr(key.find('|') + 1);
      const std::string list = Context::file(i) + "/risk_measures/" + section + "/opt_outs";
      std::vector<std::string> paths = ptrs;
      paths.push_back(check_pointer(c.at(list), list, opt_out));
      out.push_back({file_label(c, i) + " の Ⅲ は「" + opt_out + "」にチェックがないのに、" +
                         titles[key] + " のリスクへの対策は十分かが選ばれていません。",
                     paths});
    }
  }
}

}  // namespace

Rule req008() {
  return {"REQ008",
          "required",
          "error",
          "対象外としていない区分のリスクに評価がない",
          R"(Ⅲ の委託・提供移転・情報提供ネットワークシステムとの接続の区分は、「委託しない」
「提供・移転しない」「接続しない（入手）」「接続しない（提供）」にチェックしない限り、その区分の
リスクごとに措置を記載し「リスクへの対策は十分か」を選びます。チェックがないのに評価が空欄なのは、
評価の記載漏れか、チェックの付け忘れです。チェックの状態が読み取れない場合は報告しません。
直し方: 該当するなら措置と評価を記載し、該当しないなら対象外のチェックを付けます。)",
          {{"/files/0/risk_measures/network/risks/1/adequacy", nullptr},
           {"/files/0/risk_measures/network/risks/1/measures", nullptr}},
          {{"/files/0/risk_measures/network/opt_outs/1/checked", true},
           {"/files/0/provision/recipients/0/methods/0/checked", false},
           {"/files/0/provision/recipients/0/methods/5/checked", true}},
          check};
}

}  // namespace hyoka::validate::ruleset
