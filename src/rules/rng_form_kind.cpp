// RNG003: the kind of form submitted against what the threshold requires.
#include "rules/context.h"
#include "rules/rules.h"
#include "rules/thresholds.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const std::string form = c.form();
  std::optional<int> level;
  std::string from;
  if (const auto result = c.str("/threshold/result")) {
    level = required_level(*result);
    from = "しきい値判断結果「" + *result + "」";
  }
  if (!level) {
    if (const auto p = c.str("/threshold/target_population")) {
      const auto allowed = levels_for_population(*p);
      if (allowed.size() == 1) {
        level = *allowed.begin();
        from = "対象人数「" + *p + "」";
      }
    }
  }
  if (!level) return;
  if (form == "focused" && *level == 3) {
    out.push_back({from + "では全項目評価が義務付けられますが、この評価書は重点項目評価書です。",
                   {"/form/kind", "/threshold/result"}});
  }
  if (form == "basic") {
    const auto kind = c.str("/risk_summary/report_kind");
    if (!kind) return;
    const int submitted = kind->find("全項目") != std::string::npos     ? 3
                          : kind->find("重点項目") != std::string::npos ? 2
                                                                        : 1;
    if (*level >= 2 && submitted < *level) {
      out.push_back({from + "では" + level_name(*level) +
                         "が義務付けられますが、提出する評価書の種類は「" + *kind + "」です。",
                     {"/risk_summary/report_kind", "/threshold/result"}});
    }
  }
}

}  // namespace

Rule rng003() {
  return {"RNG003",
          "ranges",
          "error",
          "提出する評価書の種類がしきい値判断で義務付けられる評価に足りない",
          R"(しきい値判断で全項目評価が義務付けられる（対象人数30万人以上、または10万人以上で取扱者
500人以上か重大事故あり）場合、重点項目評価書では足りません。様式2 では、Ⅳ 1 提出する評価書の
種類がしきい値判断結果の求める評価（重点項目評価・全項目評価）を含んでいなければなりません。
直し方: 義務付けられる様式で評価を実施するか、しきい値判断（対象人数など）を確かめます。)",
          {{"/threshold/result", "基礎項目評価及び全項目評価の実施が義務付けられる"}},
          {{"/threshold/result", "基礎項目評価及び重点項目評価の実施が義務付けられる"}},
          check};
}

}  // namespace hyoka::validate::ruleset
