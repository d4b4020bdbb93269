// RNG002: 対象人数 (and, in 様式2, 取扱者数 and 重大事故) against しきい値判断結果.
#include "rules/context.h"
#include "rules/rules.h"
#include "rules/thresholds.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const auto population = c.str("/threshold/target_population");
  const auto result = c.str("/threshold/result");
  if (!population || !result) return;
  const auto level = required_level(*result);
  std::set<int> allowed = levels_for_population(*population);
  if (!level || allowed.empty()) return;
  const std::string pp =
      c.form() == "basic" ? "/threshold/target_population" : "/affair/target_population";
  const std::string rp =
      c.form() == "basic" ? "/threshold/result" : "/procedures/basic_assessment/threshold_result";
  std::vector<std::string> paths = {rp, pp};
  std::string because;
  // 様式2 answers the two other questions of the threshold itself (1 year, 特定個人情報)
  if (c.form() == "basic" && allowed.size() == 2) {
    const auto handlers = c.str("/threshold/handler_count");
    const auto incident = c.str("/threshold/serious_incident");
    if (handlers && incident) {
      const bool heavy = *handlers == "500人以上" || *incident == "発生あり";
      allowed = {heavy ? *allowed.rbegin() : *allowed.begin()};
      because = "、取扱者数「" + *handlers + "」、重大事故「" + *incident + "」";
      paths.push_back("/threshold/handler_count");
      paths.push_back("/threshold/serious_incident");
    }
  }
  if (allowed.count(*level) != 0) return;
  std::string expected;
  for (int l : allowed) expected += (expected.empty() ? "" : "または") + level_name(l);
  out.push_back({"しきい値判断結果「" + *result + "」は、対象人数「" + *population + "」" +
                     because + "からの判断（" + expected +
                     "の実施が義務付けられる）と一致しません。",
                 paths});
}

}  // namespace

Rule rng002() {
  return {"RNG002",
          "ranges",
          "error",
          "しきい値判断結果が対象人数（と取扱者数・重大事故）からの判断と一致しない",
          R"(しきい値判断結果は、対象人数・取扱者数・重大事故の発生から決まります（FORMS.md §1.2）:
1,000人未満は義務なし、1,000人以上1万人未満は基礎項目評価、1万人以上10万人未満は基礎項目評価
（取扱者500人以上または重大事故ありなら重点項目評価も）、10万人以上30万人未満は基礎＋重点項目評価
（同じ条件で全項目評価）、30万人以上は基礎＋全項目評価です。
様式3・4 には取扱者数がなく、Ⅲ 7 の重大事故は期間と対象が違う問い（過去3年以内・個人情報）なので、
対象人数から許される範囲だけで確かめます。様式2 は取扱者数と重大事故も使います。
直し方: 対象人数と判断結果のどちらが正しいかを確かめ、もう一方を直します。)",
          {{"/affair/target_population", "1万人以上10万人未満"},
           {"/threshold/target_population", "1万人以上10万人未満"},
           {"/procedures/basic_assessment/threshold_result",
            "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）"},
           {"/threshold/result",
            "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）"}},
          {{"/procedures/basic_assessment/threshold_result",
            "基礎項目評価及び重点項目評価の実施が義務付けられる"},
           {"/threshold/result", "基礎項目評価及び重点項目評価の実施が義務付けられる"}},
          check};
}

}  // namespace hyoka::validate::ruleset
