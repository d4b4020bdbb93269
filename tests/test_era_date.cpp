#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "hyoka/era_date.h"

using hyoka::find_date;
using hyoka::looks_like_invalid_date;
using hyoka::parse_date;
using hyoka::parse_period;
using namespace std::string_literals;

namespace {
const std::optional<std::string> kNone = std::nullopt;
}  // namespace

TEST_CASE("era dates: 令和, 平成, 昭和 with day", "[era_date]") {
  CHECK(parse_date("令和7年8月12日") == "2025-08-12");
  CHECK(parse_date("平成28年1月1日") == "2016-01-01");
  CHECK(parse_date("昭和64年1月7日") == "1989-01-07");
  CHECK(parse_date("平成元年1月8日") == "1989-01-08");
  CHECK(parse_date("令和1年11月29日") == "2019-11-29");
  CHECK(parse_date("平成27年11月6日") == "2015-11-06");
}

TEST_CASE("元年 and 1年 are the same year", "[era_date]") {
  CHECK(parse_date("令和元年5月1日") == "2019-05-01");
  CHECK(parse_date("令和1年5月1日") == "2019-05-01");
  CHECK(parse_date("令和 元 年 5 月 1 日") == "2019-05-01");
  CHECK(parse_date("令和元年") == kNone);  // year only is not a date
}

TEST_CASE("month-only dates", "[era_date]") {
  CHECK(parse_date("平成27年6月") == "2015-06");
  CHECK(parse_date("令和4年10月 デジタル庁") == "2022-10");
  CHECK(parse_date("2015年6月") == "2015-06");
  CHECK(parse_date("平成27年6月 日") == "2015-06");  // blank day of a form
}

TEST_CASE("full-width digits and spaces", "[era_date]") {
  CHECK(parse_date("令和６年10月") == "2024-10");
  CHECK(parse_date("令和６年１０月３１日") == "2024-10-31");
  CHECK(parse_date("令和 6 年 5 月 31 日") == "2024-05-31");
  CHECK(parse_date("令和\u30006年\u30005月\u300031日") == "2024-05-31");
  CHECK(parse_date("\t令和\t6年5月31日") == "2024-05-31");
  CHECK(parse_date("２０１５／６／３０") == "2015-06-30");
}

TEST_CASE("trailing text is ignored, first date wins", "[era_date]") {
  CHECK(parse_date("令和2年3月1日 時点") == "2020-03-01");
  CHECK(parse_date("令和2年3月1日時点") == "2020-03-01");
  CHECK(parse_date("平成28年1月1日(令和10年1月1日システムリプレース)") == "2016-01-01");
  CHECK(parse_date("平成28年1月1日（令和10年1月1日システムリプレース予定）") == "2016-01-01");
  CHECK(parse_date("実施日：令和5年5月11日") == "2023-05-11");
  CHECK(parse_date("平成26年度は令和2年1月1日") == "2020-01-01");  // 年度 is not a date
}

TEST_CASE("Western dates", "[era_date]") {
  CHECK(parse_date("2015/6/30") == "2015-06-30");
  CHECK(parse_date("2015-06-30") == "2015-06-30");
  CHECK(parse_date("2015年6月30日") == "2015-06-30");
  CHECK(parse_date("2015 年 6 月 30 日") == "2015-06-30");
  CHECK(parse_date("2019/11/29\t2021/8/11") == "2019-11-29");
  CHECK(parse_date("2020/2/29") == "2020-02-29");
  CHECK(parse_date("2000/2/29") == "2000-02-29");
  CHECK(parse_date("1900/2/29") == kNone);
}

TEST_CASE("byte offsets of the match", "[era_date]") {
  const std::string text = "作成日：令和2年3月1日 時点";
  const auto d = find_date(text);
  REQUIRE(d.has_value());
  CHECK(d->iso == "2020-03-01");
  CHECK(d->begin == std::string("作成日：").size());
  CHECK(text.substr(d->begin, d->end - d->begin) == "令和2年3月1日");

  const auto w = find_date("at 2015/6/30.");
  REQUIRE(w.has_value());
  CHECK(w->begin == 3);
  CHECK(w->end == 12);

  const auto m = find_date("平成27年6月 頃");
  REQUIRE(m.has_value());
  CHECK(m->iso == "2015-06");
  CHECK(m->end == std::string("平成27年6月").size());
}

TEST_CASE("invalid dates are rejected", "[era_date]") {
  CHECK(parse_date("令和5年2月29日") == kNone);
  CHECK(parse_date("令和6年2月29日") == "2024-02-29");
  CHECK(parse_date("令和999年13月45日") == kNone);
  CHECK(parse_date("令和0年1月1日") == kNone);
  CHECK(parse_date("令和100年1月1日") == kNone);
  CHECK(parse_date("令和6年13月1日") == kNone);
  CHECK(parse_date("令和6年0月1日") == kNone);
  CHECK(parse_date("令和6年4月31日") == kNone);
  CHECK(parse_date("令和6年5月0日") == kNone);
  CHECK(parse_date("2015/13/1") == kNone);
  CHECK(parse_date("2015-06-31") == kNone);
  CHECK(parse_date("0000/1/1") == kNone);
  // The first date-shaped text decides, even if a valid date follows.
  CHECK(parse_date("令和6年13月1日 令和6年1月1日") == kNone);
}

TEST_CASE("overflowing digit runs are rejected", "[era_date]") {
  CHECK(parse_date("令和99999999999999999999年") == kNone);
  CHECK(parse_date("令和99999999999999999999年1月1日") == kNone);
  CHECK(parse_date("令和6年99999999999999999999月1日") == kNone);
  CHECK(parse_date("令和6年1月99999999999999999999日") == kNone);
  CHECK(parse_date("2015年4294967297月1日") == kNone);
  CHECK(parse_date("99999999999999999999/1/1") == kNone);
  CHECK(parse_date(std::string(100000, '9') + "年1月1日") == kNone);
}

TEST_CASE("empty, garbage and non-dates", "[era_date]") {
  CHECK(parse_date("") == kNone);
  CHECK(parse_date("   ") == kNone);
  CHECK(parse_date("—") == kNone);
  CHECK(parse_date("令和") == kNone);
  CHECK(parse_date("令和6") == kNone);
  CHECK(parse_date("令和  年  月  日") == kNone);
  CHECK(parse_date("記録は5年間保存している") == kNone);
  CHECK(parse_date("054-626-2151") == kNone);
  CHECK(parse_date("425-8502") == kNone);
  CHECK(parse_date("12015/6/30") == kNone);
  CHECK(parse_date("2015/6") == kNone);
  CHECK(parse_date("2015/6-30") == kNone);
  CHECK(parse_date("\xff\xfe\x80令和6年1月1日") == "2024-01-01");  // invalid UTF-8 skipped
  CHECK(parse_date("令和6年\0"s
                   "1月1日") == kNone);
  CHECK(parse_date("\xe4\xbb") == kNone);  // truncated UTF-8
}

TEST_CASE("abbreviated eras are not parsed", "[era_date]") {
  CHECK(parse_date("R5.1") == kNone);
  CHECK(parse_date("R5.1.1") == kNone);
  CHECK(parse_date("H27") == kNone);
  CHECK(parse_date("H27年6月") == kNone);
  CHECK(parse_date("令5年1月1日") == kNone);
}

TEST_CASE("periods", "[era_date]") {
  CHECK(parse_period("令和8年5月1日～令和8年5月31日") == "2026-05-01/2026-05-31");
  CHECK(parse_period("令和8年5月1日 〜 令和8年5月31日") == "2026-05-01/2026-05-31");
  CHECK(parse_period("令和8年5月1日~令和8年5月31日") == "2026-05-01/2026-05-31");
  CHECK(parse_period("令和8年5月1日から令和8年5月31日まで") == "2026-05-01/2026-05-31");
  CHECK(parse_period("2015/6/30-2016/6/30") == "2015-06-30/2016-06-30");
  CHECK(parse_period("2015-06-30 - 2016-06-30") == "2015-06-30/2016-06-30");
  CHECK(parse_period("令和元年12月1日－令和2年1月10日") == "2019-12-01/2020-01-10");
  CHECK(parse_period("平成27年6月～平成27年7月") == "2015-06/2015-07");
}

TEST_CASE("period end without a year takes it from the start", "[era_date]") {
  CHECK(parse_period("令和8年5月1日～5月31日") == "2026-05-01/2026-05-31");
  CHECK(parse_period("令和8年5月1日から同年6月30日まで") == "2026-05-01/2026-06-30");
  CHECK(parse_period("令和8年5月～6月") == "2026-05/2026-06");
  CHECK(parse_period("令和5年12月20日～1月10日") == "2023-12-20/2024-01-10");
  CHECK(parse_period("令和5年12月1日～2月29日") == "2023-12-01/2024-02-29");
  CHECK(parse_period("令和6年12月1日～2月29日") == kNone);  // 2025 is not a leap year
  CHECK(parse_period("令和8年5月1日から10日間") == "2026-05-01");
}

TEST_CASE("period: single date, no date, invalid end", "[era_date]") {
  CHECK(parse_period("令和5年5月11日") == "2023-05-11");
  CHECK(parse_period("令和5年5月11日 時点") == "2023-05-11");
  CHECK(parse_period("令和5年5月11日～") == "2023-05-11");
  CHECK(parse_period("令和5年5月11日から実施") == "2023-05-11");
  CHECK(parse_period("令和5年5月11日 - 変更") == "2023-05-11");
  CHECK(parse_period("") == kNone);
  CHECK(parse_period("未実施") == kNone);
  CHECK(parse_period("令和8年5月1日～令和8年13月1日") == kNone);
  CHECK(parse_period("令和8年5月1日～5月32日") == kNone);
  CHECK(parse_period("令和0年5月1日～令和8年5月31日") == kNone);
}

TEST_CASE("looks_like_invalid_date", "[era_date]") {
  CHECK(looks_like_invalid_date("令和5年2月29日"));
  CHECK(looks_like_invalid_date("令和999年13月45日"));
  CHECK(looks_like_invalid_date("令和0年1月1日"));
  CHECK(looks_like_invalid_date("令和99999999999999999999年"));
  CHECK(looks_like_invalid_date("2015年13月1日"));
  CHECK(looks_like_invalid_date("平成26年度"));
  CHECK(looks_like_invalid_date("令和元年"));
  CHECK(looks_like_invalid_date("令和 ６"));

  CHECK_FALSE(looks_like_invalid_date("令和6年2月29日"));
  CHECK_FALSE(looks_like_invalid_date("2015/6/30"));
  CHECK_FALSE(looks_like_invalid_date("令和2年3月1日 時点"));
  CHECK_FALSE(looks_like_invalid_date(""));
  CHECK_FALSE(looks_like_invalid_date("—"));
  CHECK_FALSE(looks_like_invalid_date("未実施"));
  CHECK_FALSE(looks_like_invalid_date("令和  年  月  日"));
  CHECK_FALSE(looks_like_invalid_date("R5.1"));
  CHECK(looks_like_invalid_date("2015/13/1"));
  CHECK(looks_like_invalid_date("令和6年13月1日 令和6年1月1日"));
  CHECK_FALSE(looks_like_invalid_date("記録は5年間保存している 令和6年1月1日"));
}
