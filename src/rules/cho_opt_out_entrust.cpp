// CHO006: Ⅲ's 委託しない box against Ⅱ 4 委託の有無.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    const std::string list = f + "/risk_measures/outsourcing/opt_outs";
    const json& opt_outs = c.at(list);
    const auto box = checked(opt_outs, "委託しない");
    if (!box) continue;
    const std::string box_ptr = check_pointer(opt_outs, list, "委託しない");
    const auto status = c.str(f + "/outsourcing/status");
    const json& entrusts = c.at(f + "/outsourcing/entrusts");
    const bool entrusting = status == "委託する" || (entrusts.is_array() && !entrusts.empty());
    if (*box && entrusting) {
      out.push_back(
          {file_label(c, i) +
               " の Ⅲ 4 は「委託しない」にチェックがありますが、Ⅱ 4 では委託しています（" +
               (status ? *status : "委託事項の記載あり") + "）。",
           {box_ptr, f + "/outsourcing/status"}});
    } else if (!*box && status == "委託しない" && !entrusting) {
      out.push_back(
          {file_label(c, i) +
               " の Ⅱ 4 は「委託しない」ですが、Ⅲ 4 の「委託しない」にチェックがありません。",
           {box_ptr, f + "/outsourcing/status"}});
    }
  }
}

}  // namespace

Rule cho006() {
  return {"CHO006",
          "choices",
          "error",
          "Ⅲ の「委託しない」と Ⅱ の委託の有無が食い違う",
          R"(Ⅲ 4 特定個人情報ファイルの取扱いの委託の「委託しない」は、Ⅱ 4 で「委託しない」を
選んだファイルでだけチェックします。Ⅱ で委託しているのに Ⅲ で「委託しない」にチェックがある、
または Ⅱ で委託しないのに Ⅲ のチェックがない場合、どちらかが誤っています。
直し方: Ⅱ 4 の委託の有無に合わせて Ⅲ 4 のチェックを付ける（外す）か、Ⅱ を直します。)",
          {{"/files/0/risk_measures/outsourcing/opt_outs/0/checked", true}},
          {{"/files/0/risk_measures/outsourcing/opt_outs/0/checked", false}},
          check};
}

}  // namespace hyoka::validate::ruleset
