// The しきい値判断 of FORMS.md §1.2 as numbers: which assessment a population requires.
#pragma once

#include <optional>
#include <set>
#include <string>

namespace hyoka::validate::ruleset {

// 0 評価の義務なし, 1 基礎項目評価, 2 基礎＋重点項目評価, 3 基礎＋全項目評価
std::optional<int> required_level(const std::string& threshold_result);
// The levels a 対象人数 option allows, before 取扱者数 and 重大事故 are considered.
std::set<int> levels_for_population(const std::string& target_population);
std::string level_name(int level);

// [lower, upper) of a count option such as 「10万人以上100万人未満」 or 「50項目以上100項目未満」
// (upper -1: unbounded); nullopt for an option that is not a range.
std::optional<std::pair<long long, long long>> range_of(const std::string& option);

}  // namespace hyoka::validate::ruleset
