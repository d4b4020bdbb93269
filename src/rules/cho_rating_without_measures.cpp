// CHO011: a risk rated (十分である …) without any text describing its measures.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

bool has_measure_text(const json& risk) {
  if (substantive(member(risk, "measures"))) return true;
  if (!risk.contains("controls") || !risk["controls"].is_array()) return false;
  for (const auto& ctl : risk["controls"]) {
    if (substantive(member(ctl, "text"))) return true;
    // a chosen measure (ユーザ認証の管理「行っている」, 事故発生時手順「十分に行っている」…); the
    // incident question reports a fact, not a measure
    const std::string label = ctl.value("label", "");
    if (member(ctl, "value").is_string() && label.find("重大事故") == std::string::npos)
      return true;
  }
  return false;
}

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    for_each_risk(c, i, [&](const std::string&, const std::string& ptr, const json& risk) {
      if (!member(risk, "adequacy").is_string() || has_measure_text(risk)) return;
      if (!c.seen(ptr)) return;
      out.push_back({file_label(c, i) + " の Ⅲ「" + risk.value("title", std::string()) + "」は「" +
                         risk["adequacy"].get<std::string>() +
                         "」と評価していますが、措置の内容が記載されていません。",
                     {ptr + "/adequacy", ptr + "/measures"}});
    });
  }
}

}  // namespace

Rule cho011() {
  return {
      "CHO011",
      "choices",
      "warning",
      "リスクへの対策を評価しているのに措置の内容がない",
      R"(Ⅲ の各リスクの「リスクへの対策は十分か」は、その上に記載した措置（リスクに対する措置の内容、
具体的な管理方法、規定の内容 などの記載、ユーザ認証の管理「行っている」などの選択）についての
評価です。措置の記載も選択も一つもないのに「十分である」などと評価しているのは、記載漏れです。
pdftotext の抽出では本文が読めないことがあるため報告しません。
直し方: 措置の内容を記載します。)",
      {{"/files/0/risk_measures/acquisition/risks/0/measures", nullptr}},
      {{"/files/0/risk_measures/acquisition/risks/0/measures",
        "本人確認書類により対象者を確認する。"}},
      check};
}

}  // namespace hyoka::validate::ruleset
