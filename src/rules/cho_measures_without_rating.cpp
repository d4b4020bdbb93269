// CHO012: a risk of a section that applies, with measures described, but no rating.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

bool has_content(const json& risk) {
  if (substantive(member(risk, "measures"))) return true;
  if (!risk.contains("controls") || !risk["controls"].is_array()) return false;
  for (const auto& ctl : risk["controls"]) {
    if (substantive(member(ctl, "text"))) return true;
  }
  return false;
}

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;  // a rating detached from its row is often unread in pdftotext
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    for_each_risk(c, i, [&](const std::string& section, const std::string& ptr, const json& risk) {
      if (!member(risk, "adequacy").is_null() || !has_content(risk)) return;
      const std::string opt_out = opt_out_for(c, section, risk);
      if (!opt_out.empty()) {
        const json& boxes = c.at(Context::file(i) + "/risk_measures/" + section + "/opt_outs");
        if (checked(boxes, opt_out) != false) return;  // opted out, or the box is unreadable
      }
      out.push_back({file_label(c, i) + " の Ⅲ「" + risk.value("title", std::string()) +
                         "」は措置を記載していますが、リスクへの対策は十分かが選ばれていません。",
                     {ptr + "/adequacy"}});
    });
  }
}

}  // namespace

Rule cho012() {
  return {"CHO012",
          "choices",
          "warning",
          "措置を記載したリスクに「リスクへの対策は十分か」の評価がない",
          R"(該当する（「委託しない」などで対象外としていない）区分のリスクには、措置の内容とともに
「リスクへの対策は十分か」（特に力を入れている / 十分である / 課題が残されている）を選びます。
措置を記載しているのに評価が空欄なのは記載漏れです。対象外のチェックが読み取れない場合は報告
しません。
直し方: 評価を選びます。)",
          {{"/files/0/risk_measures/use/risks/0/adequacy", nullptr}},
          {{"/files/0/risk_measures/use/risks/0/adequacy", "十分である"}},
          check};
}

}  // namespace hyoka::validate::ruleset
