// RNG004: a file's ②対象となる本人の数 against the affair's ③対象人数.
#include "rules/context.h"
#include "rules/rules.h"
#include "rules/thresholds.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  const auto population = c.str("/affair/target_population");
  if (!population) return;
  const auto affair = range_of(*population);
  if (!affair || affair->second < 0) return;
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string p = Context::file(i) + "/subject_count";
    const auto count = c.str(p);
    if (!count) continue;
    const auto file = range_of(*count);
    if (!file || file->first < affair->second) continue;
    out.push_back({file_label(c, i) + " の対象となる本人の数「" + *count +
                       "」は、事務の対象人数「" + *population + "」を超えています。",
                   {p, "/affair/target_population"}});
  }
}

}  // namespace

Rule rng004() {
  return {"RNG004",
          "ranges",
          "warning",
          "ファイルの対象となる本人の数が事務の対象人数を超えている",
          R"(Ⅰ 1 ③対象人数は、事務で取り扱う特定個人情報ファイルの本人の数です。Ⅱ 2 ②対象となる
本人の数が、その範囲を必ず超える（下限が対象人数の上限以上）ファイルがあるのは、どちらかの
選び誤りです。対象人数はしきい値判断に使うため、過小な記載は評価の種類を誤らせます。
直し方: 対象人数とファイルの本人の数を数え直し、どちらかを直します。)",
          {{"/files/0/subject_count", "100万人以上1,000万人未満"}},
          {{"/files/0/subject_count", "10万人以上100万人未満"}},
          check};
}

}  // namespace hyoka::validate::ruleset
