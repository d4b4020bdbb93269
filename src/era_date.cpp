#include "hyoka/era_date.h"

#include <cstdint>
#include <utility>
#include <vector>

#include "hyoka/text.h"

namespace hyoka {
namespace {

// One decoded code point, folded for matching, with its byte span in the input.
struct Ch {
  char32_t c;
  std::size_t begin;
  std::size_t end;
};
using Text = std::vector<Ch>;

// Decodes the code point starting at s[i]. Malformed input (bad lead byte, truncated or
// overlong sequence, surrogate, > U+10FFFF) yields U+FFFD spanning one byte.
std::pair<char32_t, std::size_t> decode_one(std::string_view s, std::size_t i) {
  std::size_t end = i;
  const char32_t cp = text::next_cp(s, end);
  return {cp, end - i};
}

// Folds full-width digits to ASCII, every horizontal space to ' ', and the separator variants
// to '/', '-' and '~'.
char32_t fold(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return U'0' + (c - 0xFF10);
  switch (c) {
    case U'\t':
    case 0x00A0:  // no-break space
    case 0x3000:  // ideographic space
      return U' ';
    case 0xFF0F:  // ／
      return U'/';
    case 0xFF0D:  // －
      return U'-';
    case 0xFF5E:  // ～
    case 0x301C:  // 〜
      return U'~';
    default:
      return c;
  }
}

Text decode_text(std::string_view s) {
  Text out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, len] = decode_one(s, i);
    out.push_back(Ch{fold(cp), i, i + len});
    i += len;
  }
  return out;
}

// The folded code point at i, or 0 past the end.
char32_t at(const Text& t, std::size_t i) { return i < t.size() ? t[i].c : 0; }

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::size_t skip_spaces(const Text& t, std::size_t i) {
  while (at(t, i) == U' ') ++i;
  return i;
}

// A maximal digit run. The value saturates at kSaturated, far above any valid year, month or
// day, so hostile input cannot overflow.
constexpr std::uint32_t kSaturated = 100000;
struct Number {
  std::uint32_t value = 0;
  std::size_t digits = 0;
  std::size_t end = 0;  // index past the last digit
};

Number read_number(const Text& t, std::size_t i) {
  Number n;
  for (; is_digit(at(t, i)); ++i, ++n.digits) {
    if (n.value < kSaturated) {
      n.value = n.value * 10 + static_cast<std::uint32_t>(at(t, i) - U'0');
      if (n.value > kSaturated) n.value = kSaturated;
    }
  }
  n.end = i;
  return n;
}

// Offset to add to an era year, or 0 when no era name starts at i.
int era_offset(const Text& t, std::size_t i) {
  const char32_t a = at(t, i);
  const char32_t b = at(t, i + 1);
  if (a == U'令' && b == U'和') return 2018;
  if (a == U'平' && b == U'成') return 1988;
  if (a == U'昭' && b == U'和') return 1925;
  return 0;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_day(int y, int m, int d) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last = (m == 2 && is_leap(y)) ? 29 : kDays[m - 1];
  return d >= 1 && d <= last;
}

bool valid_month(std::uint32_t m) { return m >= 1 && m <= 12; }

enum class Status { kNone, kInvalid, kValid };

struct Match {
  Status status = Status::kNone;
  int year = 0;
  int month = 0;
  int day = 0;          // 0 for a month-only date
  std::size_t end = 0;  // index past the last character of the date
};

Match none() { return Match{}; }
Match invalid() { return Match{Status::kInvalid, 0, 0, 0, 0}; }

// "M月" with an optional "D日" after it, starting at i (spaces allowed around every part).
// kNone when there is no "M月" (a year-only text such as "平成26年度").
Match match_month_day(const Text& t, std::size_t i, int year) {
  std::size_t k = skip_spaces(t, i);
  if (!is_digit(at(t, k))) return none();
  const Number m = read_number(t, k);
  k = skip_spaces(t, m.end);
  if (at(t, k) != U'月') return none();
  if (!valid_month(m.value)) return invalid();
  Match out{Status::kValid, year, static_cast<int>(m.value), 0, k + 1};
  std::size_t p = skip_spaces(t, k + 1);
  if (!is_digit(at(t, p))) return out;
  const Number d = read_number(t, p);
  p = skip_spaces(t, d.end);
  if (at(t, p) != U'日') return out;
  if (d.value > 31 || !valid_day(year, out.month, static_cast<int>(d.value))) return invalid();
  out.day = static_cast<int>(d.value);
  out.end = p + 1;
  return out;
}

// 令和6年5月31日, 令和元年5月, 平成 27 年 6 月.
Match match_era(const Text& t, std::size_t i, int offset) {
  std::size_t j = skip_spaces(t, i + 2);
  std::uint32_t year = 0;
  if (at(t, j) == U'元') {
    year = 1;
    ++j;
  } else if (is_digit(at(t, j))) {
    const Number n = read_number(t, j);
    year = n.value;
    j = n.end;
  } else {
    return none();
  }
  j = skip_spaces(t, j);
  if (at(t, j) != U'年') return none();
  if (year < 1 || year > 99) return invalid();
  return match_month_day(t, j + 1, offset + static_cast<int>(year));
}

// 2015年6月30日, 2015年6月, 2015/6/30, 2015-06-30. `i` starts a digit run.
Match match_western(const Text& t, std::size_t i) {
  const Number y = read_number(t, i);
  if (y.digits != 4) return none();
  std::size_t k = skip_spaces(t, y.end);
  const char32_t sep = at(t, k);
  if (sep == U'年') {
    if (y.value < 1) return invalid();
    return match_month_day(t, k + 1, static_cast<int>(y.value));
  }
  if (sep != U'/' && sep != U'-') return none();
  k = skip_spaces(t, k + 1);
  if (!is_digit(at(t, k))) return none();
  const Number m = read_number(t, k);
  if (m.digits > 2) return none();
  k = skip_spaces(t, m.end);
  if (at(t, k) != sep) return none();
  k = skip_spaces(t, k + 1);
  if (!is_digit(at(t, k))) return none();
  const Number d = read_number(t, k);
  if (d.digits > 2) return none();
  const int year = static_cast<int>(y.value);
  if (year < 1 || !valid_month(m.value) ||
      !valid_day(year, static_cast<int>(m.value), static_cast<int>(d.value))) {
    return invalid();
  }
  return Match{Status::kValid, year, static_cast<int>(m.value), static_cast<int>(d.value), d.end};
}

// A date starting exactly at index i.
Match match_at(const Text& t, std::size_t i) {
  if (const int offset = era_offset(t, i); offset != 0) return match_era(t, i, offset);
  if (is_digit(at(t, i)) && (i == 0 || !is_digit(at(t, i - 1)))) return match_western(t, i);
  return none();
}

// The first date at or after `from`: kValid with `begin` set, or kInvalid / kNone.
struct Found {
  Match match;
  std::size_t begin = 0;
};

Found find_first(const Text& t, std::size_t from) {
  for (std::size_t i = from; i < t.size(); ++i) {
    const Match m = match_at(t, i);
    if (m.status != Status::kNone) return Found{m, i};
  }
  return Found{};
}

void append_padded(std::string& out, int value, int width) {
  char buf[8];
  for (int k = width - 1; k >= 0; --k) {
    buf[k] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}

std::string to_iso(int year, int month, int day) {
  std::string out;
  out.reserve(10);
  append_padded(out, year, 4);
  out.push_back('-');
  append_padded(out, month, 2);
  if (day != 0) {
    out.push_back('-');
    append_padded(out, day, 2);
  }
  return out;
}

std::string to_iso(const Match& m) { return to_iso(m.year, m.month, m.day); }

// The separator of a period at i (after optional spaces): index past it, or 0 when none.
std::size_t skip_period_separator(const Text& t, std::size_t i) {
  const std::size_t k = skip_spaces(t, i);
  const char32_t c = at(t, k);
  if (c == U'~' || c == U'-') return k + 1;
  if (c == U'か' && at(t, k + 1) == U'ら') return k + 2;
  return 0;
}

// The end of a period that leaves out the year: "[同年]M月D日" after a full date, "[同年]M月"
// after a month-only one. Year taken from `start`.
Match match_partial_end(const Text& t, std::size_t i, const Match& start) {
  std::size_t k = i;
  const bool same_year = at(t, k) == U'同' && at(t, k + 1) == U'年';
  if (same_year) k = skip_spaces(t, k + 2);
  if (!is_digit(at(t, k))) return none();
  // Shape and ranges first (2000 is a leap year, so 2月29日 passes); the year is decided after.
  Match m = match_month_day(t, k, 2000);
  if (m.status != Status::kValid) return m;
  if ((start.day == 0) != (m.day == 0)) return none();
  const bool before = m.month < start.month || (m.month == start.month && m.day < start.day);
  m.year = (before && !same_year) ? start.year + 1 : start.year;
  if (m.day != 0 && !valid_day(m.year, m.month, m.day)) return invalid();
  return m;
}

}  // namespace

std::optional<DateParse> find_date(std::string_view text) {
  const Text t = decode_text(text);
  const Found f = find_first(t, 0);
  if (f.match.status != Status::kValid) return std::nullopt;
  return DateParse{to_iso(f.match), t[f.begin].begin, t[f.match.end - 1].end};
}

std::optional<std::string> parse_date(std::string_view text) {
  auto found = find_date(text);
  if (!found) return std::nullopt;
  return std::move(found->iso);
}

std::optional<std::string> parse_period(std::string_view text) {
  const Text t = decode_text(text);
  const Found first = find_first(t, 0);
  if (first.match.status != Status::kValid) return std::nullopt;
  const std::string start = to_iso(first.match);
  const std::size_t after_sep = skip_period_separator(t, first.match.end);
  if (after_sep == 0) return start;
  const std::size_t k = skip_spaces(t, after_sep);
  Match end = match_at(t, k);
  if (end.status == Status::kNone) end = match_partial_end(t, k, first.match);
  switch (end.status) {
    case Status::kValid:
      return start + "/" + to_iso(end);
    case Status::kInvalid:
      return std::nullopt;
    case Status::kNone:
      break;
  }
  return start;
}

bool looks_like_invalid_date(std::string_view text) {
  const Text t = decode_text(text);
  const Status first = find_first(t, 0).match.status;
  if (first != Status::kNone) return first == Status::kInvalid;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (era_offset(t, i) != 0) {
      const char32_t c = at(t, skip_spaces(t, i + 2));
      if (c == U'元' || is_digit(c)) return true;
    } else if (is_digit(at(t, i)) && (i == 0 || !is_digit(at(t, i - 1)))) {
      const Number n = read_number(t, i);
      if (at(t, skip_spaces(t, n.end)) == U'年') return true;
    }
  }
  return false;
}

}  // namespace hyoka
