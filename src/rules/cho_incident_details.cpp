// CHO010: 重大事故 発生あり without その内容 or 再発防止策の内容.
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

bool is_incident_question(const std::string& label) {
  return label.find("重大事故") != std::string::npos &&
         label.find("発生したか") != std::string::npos;
}

void check(const Context& c, Findings& out) {
  if (c.scrambled()) return;  // the texts of a scrambled page may be unread
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    for_each_risk(c, i, [&](const std::string& section, const std::string& ptr, const json& risk) {
      if (section != "storage" || !risk.contains("controls")) return;
      const json& cs = risk["controls"];
      for (std::size_t k = 0; k < cs.size(); ++k) {
        if (!is_incident_question(cs[k].value("label", "")) || cs[k]["value"] != "発生あり")
          continue;
        std::vector<std::string> missing;
        std::vector<std::string> paths = {ptr + "/controls/" + std::to_string(k) + "/value"};
        for (const char* label : {"その内容", "再発防止策の内容"}) {
          const int j = control_index(risk, label);
          if (j < 0 || substantive(cs[j]["text"])) continue;
          missing.push_back(label);
          paths.push_back(ptr + "/controls/" + std::to_string(j) + "/text");
        }
        if (missing.empty()) continue;
        std::string what = missing[0];
        if (missing.size() > 1) what += "と" + missing[1];
        out.push_back({file_label(c, i) + " の Ⅲ 7 は重大事故「発生あり」ですが、" + what +
                           "が記載されていません。",
                       paths});
      }
    });
  }
}

}  // namespace

Rule cho010() {
  return {
      "CHO010",
      "choices",
      "error",
      "重大事故「発生あり」なのにその内容や再発防止策が空欄",
      R"(Ⅲ 7（様式4 は Ⅲ 7 リスク1 ⑨）過去3年以内の重大事故で「発生あり」を選んだ場合、
その内容と再発防止策の内容を記載します。どちらかが空欄では、評価書として事故への対応が
説明されていません。
直し方: その内容と再発防止策の内容を記載します。事故がなければ「発生なし」を選びます。)",
      {{"/files/0/risk_measures/storage/risks/0/controls/1/value", "発生あり"}},
      {{"/files/0/risk_measures/storage/risks/0/controls/2/text", "委託先で書類を紛失した。"},
       {"/files/0/risk_measures/storage/risks/0/controls/3/text", "委託先への監査を強化した。"}},
      check};
}

}  // namespace hyoka::validate::ruleset
