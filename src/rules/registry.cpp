// The registry: every rule, sorted by code. A new rule is one file under src/rules/ and one line
// here (and in rules.h).
#include <algorithm>

#include "rules/rules.h"

namespace hyoka::validate {

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = [] {
    using namespace ruleset;
    std::vector<Rule> all = reading();
    for (auto* make : {cnt001, cnt002, cnt003, cnt004, cnt005, cho001, cho002, cho003, cho004,
                       cho005, cho006, cho007, cho008, cho009, cho010, cho011, cho012, cho013,
                       nam002, nam003, opt001, rng001, rng002, rng003, rng004, dat001, dat002,
                       dat003, dat004, dat005, dat006, chg001, chg002, chg003, req001, req002,
                       req003, req004, req005, req006, req007, req008, qua001, qua002, qua003}) {
      all.push_back(make());
    }
    std::sort(all.begin(), all.end(), [](const Rule& a, const Rule& b) { return a.code < b.code; });
    return all;
  }();
  return kRules;
}

const Rule* find_rule(std::string_view code) {
  for (const auto& r : rules()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

const std::vector<std::pair<std::string, std::string>>& families() {
  static const std::vector<std::pair<std::string, std::string>> kFamilies = {
      {"counts", "件数と番号"},      {"choices", "選択と記載内容"}, {"names", "名称の一致"},
      {"options", "選択肢"},         {"ranges", "範囲と内容"},      {"dates", "日付"},
      {"changes", "変更箇所と本文"}, {"required", "必須項目"},      {"quality", "抽出の品質"}};
  return kFamilies;
}

}  // namespace hyoka::validate
