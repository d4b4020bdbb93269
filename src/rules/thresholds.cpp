#include "rules/thresholds.h"

#include <re2/re2.h>

namespace hyoka::validate::ruleset {

std::optional<int> required_level(const std::string& r) {
  auto has = [&](const char* s) { return r.find(s) != std::string::npos; };
  if (has("義務付けられない")) return 0;
  if (has("基礎項目評価及び全項目評価の実施が義務付けられる")) return 3;
  if (has("基礎項目評価及び重点項目評価の実施が義務付けられる")) return 2;
  if (has("基礎項目評価の実施が義務付けられる")) return 1;
  return std::nullopt;
}

std::set<int> levels_for_population(const std::string& p) {
  const auto range = range_of(p);
  if (!range) return {};
  switch (range->first) {
    case 0:
      return {0};
    case 1000:
      return {1};
    case 10000:
      return {1, 2};
    case 100000:
      return {2, 3};
    case 300000:
      return {3};
    default:
      return {};
  }
}

std::string level_name(int level) {
  switch (level) {
    case 0:
      return "評価の実施の義務なし";
    case 1:
      return "基礎項目評価";
    case 2:
      return "基礎項目評価及び重点項目評価";
    default:
      return "基礎項目評価及び全項目評価";
  }
}

namespace {
long long amount(const std::string& digits, const std::string& unit) {
  std::string d;
  for (char ch : digits) {
    if (ch != ',') d += ch;
  }
  long long n = std::stoll(d);
  if (unit == "万") n *= 10000;
  return n;
}
}  // namespace

std::optional<std::pair<long long, long long>> range_of(const std::string& option) {
  static const re2::RE2 kBoth(R"(([0-9,]+)(万)?(?:人|項目)以上([0-9,]+)(万)?(?:人|項目)未満)");
  static const re2::RE2 kBelow(R"(^([0-9,]+)(万)?(?:人|項目)未満)");
  static const re2::RE2 kAbove(R"(^([0-9,]+)(万)?(?:人|項目)以上$)");
  std::string a, ua, b, ub;
  if (re2::RE2::PartialMatch(option, kBoth, &a, &ua, &b, &ub))
    return std::make_pair(amount(a, ua), amount(b, ub));
  if (re2::RE2::PartialMatch(option, kBelow, &a, &ua)) return std::make_pair(0LL, amount(a, ua));
  if (re2::RE2::PartialMatch(option, kAbove, &a, &ua)) return std::make_pair(amount(a, ua), -1LL);
  return std::nullopt;
}

}  // namespace hyoka::validate::ruleset
