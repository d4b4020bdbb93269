// RNG001: ④記録される項目 (a range) against the items listed for the file in 別添.
#include <set>

#include "rules/context.h"
#include "rules/rules.h"
#include "rules/thresholds.h"

namespace hyoka::validate::ruleset {

namespace {

void check(const Context& c, Findings& out) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string f = Context::file(i);
    const auto range_text = c.str(f + "/item_count");
    const json& groups = c.at(f + "/record_items");
    if (!range_text || !groups.is_array() || groups.empty()) continue;
    const auto range = range_of(*range_text);
    if (!range) continue;
    std::set<std::string> distinct;  // an item listed under two captions is one item
    for (const auto& g : groups) {
      if (!g.contains("items") || !g["items"].is_array()) continue;
      for (const auto& item : g["items"]) {
        if (item.is_string()) distinct.insert(name_key(item.get<std::string>()));
      }
    }
    const long long n = static_cast<long long>(distinct.size());
    if (n == 0) continue;
    if (n >= range->first && (range->second < 0 || n < range->second)) continue;
    out.push_back({file_label(c, i) + " の記録される項目は「" + *range_text +
                       "」ですが、別添の記録項目には " + std::to_string(n) +
                       " 項目（重複を除く）が記載されています。",
                   {f + "/item_count", f + "/record_items"}});
  }
}

}  // namespace

Rule rng001() {
  return {"RNG001",
          "ranges",
          "warning",
          "記録される項目の数の範囲と別添の記録項目の数が合わない",
          R"(Ⅱ 2 ④記録される項目（10項目未満 / 10項目以上50項目未満 / 50項目以上100項目未満 /
100項目以上）は、別添の特定個人情報ファイル記録項目に列挙した項目の数の範囲です。別添の項目数が
その範囲に入らない場合、どちらかが古いか誤っています。複数の見出しの下に同じ項目がある場合は
1 項目と数えます。
直し方: 別添の項目数に合う範囲を選ぶか、別添の記録項目を直します。)",
          {{"/files/0/item_count", "50項目以上100項目未満"}},
          {{"/files/0/item_count", "10項目以上50項目未満"}},
          check};
}

}  // namespace hyoka::validate::ruleset
