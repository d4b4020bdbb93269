// Japanese era (和暦) and Western date recognition for assessment documents.
//
// Dates are written as ISO 8601: "YYYY-MM-DD", or "YYYY-MM" for a month-only date
// (docs/output-conventions.md §5). Recognised forms, with full-width digits (０-９), full-width
// or ASCII spaces between the parts, and the first date in the text winning:
//
//   令和6年5月31日, 令和 6 年 5 月 31 日, 令和元年5月1日, 平成27年6月, 昭和64年1月7日
//   2015年6月30日, 2015年6月, 2015/6/30, 2015-06-30 (also ／ and －)
//
// 令和 = 2018+n, 平成 = 1988+n, 昭和 = 1925+n, 元年 = 1; era years are 1..99. Abbreviated eras
// ("R5.1", "H27") and year-only text ("平成26年度") are not dates. The scanner is hand-written,
// linear in the input, and keeps no state between calls.
#ifndef HYOKA_ERA_DATE_H_
#define HYOKA_ERA_DATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hyoka {

struct DateParse {
  std::string iso;        // "YYYY-MM-DD" or "YYYY-MM"
  std::size_t begin = 0;  // byte offset in the input where the date text starts
  std::size_t end = 0;    // byte offset one past its end (after 日, 月 or the last digit)
};

// Finds the first date in `text` (UTF-8) and returns it as ISO 8601 with its byte span.
// Text after the date ("時点", "(令和10年1月1日システムリプレース)") is ignored. Returns
// nullopt when there is no date, or when the first date-shaped text is invalid: era year 0 or
// above 99, month outside 1..12, day outside the month (Gregorian leap years), a digit run too
// long to be a number. Invalid UTF-8 bytes are skipped over, never an error.
std::optional<DateParse> find_date(std::string_view text);

// The iso string of find_date(text), or nullopt.
std::optional<std::string> parse_date(std::string_view text);

// A period "A～B" (also 〜, ~, -, －, から between the dates, spaces allowed) -> "A/B";
// otherwise the first date alone (e.g. "A～" or "Aから実施") -> "A"; no date -> nullopt.
// B may leave out the year when A gives it: "令和8年5月1日～5月31日", "～同年5月31日"
// (and "令和8年5月～6月" for month-only A). Such an end earlier than A, without 同年, is read as
// falling in the following year. A date-shaped but invalid B gives nullopt.
std::optional<std::string> parse_period(std::string_view text);

// True when find_date(text) finds nothing but the text contains something date-shaped: a
// date-shaped text find_date rejected ("令和0年1月1日", "2015年13月1日", "2015/13/1",
// "令和99999999999999999999年"), or, anywhere, an era name followed by a year (digits or 元)
// or a digit run followed by 年 ("平成26年度", "令和元年"). Blank form templates such as
// "令和  年  月  日" are not flagged. Meant for emitting a diagnostic.
bool looks_like_invalid_date(std::string_view text);

}  // namespace hyoka

#endif  // HYOKA_ERA_DATE_H_
