#include "hyoka/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace hyoka::text {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_folded(std::string& out, std::string_view s) {
  std::size_t run = 0;  // start of the bytes kept as they are, up to pos
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
      ++pos;
      continue;
    }
    // kana and CJK ideographs stay as they are (U+3000 is E3 80 80)
    if (is_plain_three_byte(s, pos) &&
        (b0 != 0xE3 || s[pos + 1] != '\x80' || s[pos + 2] != '\x80')) {
      pos += 3;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = next_cp(s, pos);
    const bool letter_or_digit = (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
                                 (cp >= 0xFF41 && cp <= 0xFF5A);
    // (a U+FFFD read from an invalid byte is written as U+FFFD; a real one is kept as it is)
    if (!letter_or_digit && cp != 0x3000 && cp != 0xFFFD) continue;
    out.append(s, run, start - run);
    run = pos;
    if (letter_or_digit) {
      out += static_cast<char>(cp - 0xFEE0);
    } else if (cp == 0x3000) {
      out += ' ';
    } else {
      append_utf8(out, cp);
    }
  }
  out.append(s, run, pos - run);
}

std::string fold_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_folded(out, s);
  return out;
}

namespace {

// Code points that NFKC leaves as they are whatever surrounds them (generated with Python's
// unicodedata, Unicode 14: assigned, combining class 0, NFKC(c) == c), besides ASCII and CJK
// Unified Ideographs. A character that composes with a preceding one is a combining mark, so it
// is never in the list: a text made only of these is its own NFKC form.
constexpr std::pair<char32_t, char32_t> kNfkcInert[] = {
    {0x200B, 0x2010}, {0x2012, 0x2016}, {0x2018, 0x2023}, {0x2027, 0x202E}, {0x2030, 0x2032},
    {0x2035, 0x2035}, {0x2038, 0x203B}, {0x203D, 0x203D}, {0x203F, 0x2046}, {0x204A, 0x2056},
    {0x2058, 0x205E}, {0x2060, 0x2064}, {0x2066, 0x206F}, {0x20A0, 0x20A7}, {0x20A9, 0x20C0},
    {0x2190, 0x222B}, {0x222E, 0x222E}, {0x2231, 0x2328}, {0x232B, 0x2426}, {0x2440, 0x244A},
    {0x24EB, 0x2A0B}, {0x2A0D, 0x2A73}, {0x2A77, 0x2ADB}, {0x2ADD, 0x2B73}, {0x2B76, 0x2B95},
    {0x2B97, 0x2BFF}, {0x3001, 0x3029}, {0x3030, 0x3035}, {0x3037, 0x3037}, {0x303B, 0x303F},
    {0x3041, 0x3096}, {0x309D, 0x309E}, {0x30A0, 0x30FE}};

bool nfkc_inert(char32_t cp) {
  if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF)) return true;
  // kana and CJK punctuation, ranges of the table below, decided without searching it
  if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A0 && cp <= 0x30FE) ||
      (cp >= 0x3001 && cp <= 0x3029)) {
    return true;
  }
  // the last range starting at or below cp
  const auto* above =
      std::upper_bound(std::begin(kNfkcInert), std::end(kNfkcInert), cp,
                       [](char32_t c, const auto& range) { return c < range.first; });
  return above != std::begin(kNfkcInert) && cp <= std::prev(above)->second;
}

// NFKC maps the full-width forms of ASCII (U+FF01..U+FF5E) and U+3000 to ASCII characters, which
// are inert too: a text of inert characters and these is its NFKC form once they are replaced.
bool wide_ascii(char32_t cp) { return (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000; }

std::string nfkc(std::string_view s) {
  bool simple = true;
  bool wide = false;
  for (std::size_t pos = 0; pos < s.size() && simple;) {
    const char32_t cp = next_cp(s, pos);
    if (nfkc_inert(cp)) continue;
    wide = wide || wide_ascii(cp);
    simple = wide_ascii(cp);
  }
  // (an invalid byte reads as U+FFFD, which is not inert: ICU decides its replacement)
  if (simple && !wide) return std::string(s);
  if (simple) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
      const std::size_t start = pos;
      const char32_t cp = next_cp(s, pos);
      if (cp == 0x3000) {
        out += ' ';
      } else if (wide_ascii(cp)) {
        out += static_cast<char>(cp - 0xFEE0);
      } else {
        out.append(s, start, pos - start);
      }
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0 ||
         cp == 0x200B || cp == 0xFEFF;
}

}  // namespace

namespace {

// What key() writes for one code point of NFKC text: nullptr to keep it, else its replacement
// (empty: dropped).
const char* key_replacement(char32_t cp) {
  if (cp < 0x80) {
    const bool dropped =
        cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '*' || cp == '#' || cp == '\\';
    return dropped ? "" : nullptr;
  }
  if (is_space_cp(cp)) return "";
  if (cp == 0x301C || cp == 0x223C || cp == 0xFF5E) return "~";  // 〜 ∼ ～
  if (cp == 0x2010 || cp == 0x2011 || cp == 0x2212) return "-";  // hyphens and minus
  return nullptr;
}

// What rewrite_code_points() does with one code point: keep it, replace it, or give up.
struct CodePoint {
  enum class Do { Keep, Replace, GiveUp } what = Do::Keep;
  std::string_view with;  // Replace: the replacement
  static CodePoint keep() { return {}; }
  static CodePoint replace(std::string_view with) { return {Do::Replace, with}; }
  static CodePoint give_up() { return {Do::GiveUp, {}}; }
};

// s with its code points rewritten by `rewrite(cp)`, runs of kept ones copied at once; nullopt
// when rewrite() gives up. `kept(s, pos)` may tell, without decoding, how many bytes at pos
// rewrite() would keep (0: decode and ask it).
template <class Rewrite, class Kept>
std::optional<std::string> rewrite_code_points(std::string_view s, Rewrite rewrite, Kept kept) {
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;  // start of the bytes kept as they are, up to pos
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (const std::size_t n = kept(s, pos); n > 0) {
      pos += n;
      continue;
    }
    const std::size_t start = pos;
    const CodePoint r = rewrite(next_cp(s, pos));
    if (r.what == CodePoint::Do::Keep) continue;
    if (r.what == CodePoint::Do::GiveUp) return std::nullopt;
    out.append(s, run, start - run);
    out += r.with;
    run = pos;
  }
  out.append(s, run, pos - run);
  return out;
}

template <class Rewrite>
std::optional<std::string> rewrite_code_points(std::string_view s, Rewrite rewrite) {
  return rewrite_code_points(s, rewrite, [](std::string_view, std::size_t) { return 0; });
}

// The length of a CJK ideograph (U+4E00..U+9FFF) or kana (U+3041..U+3096, U+30A0..U+30FE) at
// pos, well-formed, else 0: NFKC keeps them (nfkc_inert) and key() neither drops nor replaces them.
std::size_t ideograph_or_kana(std::string_view s, std::size_t pos) {
  if (!is_plain_three_byte(s, pos)) return 0;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  const auto b1 = static_cast<unsigned char>(s[pos + 1]);
  const auto b2 = static_cast<unsigned char>(s[pos + 2]);
  if ((b0 >= 0xE5 && b0 <= 0xE9) || (b0 == 0xE4 && b1 >= 0xB8)) return 3;
  const bool kana =
      b0 == 0xE3 && ((b1 == 0x81 && b2 >= 0x81) || (b1 == 0x82 && (b2 <= 0x96 || b2 >= 0xA0)) ||
                     (b1 == 0x83 && b2 <= 0xBE));
  return kana ? 3 : 0;
}

// key()'s pass over s. Text not yet in NFKC (`in_nfkc` false) is normalized on the way while that
// needs no ICU: inert characters stay, full-width ASCII and U+3000 become ASCII (see nfkc()); at
// the first other character the pass gives up (nullopt).
std::optional<std::string> key_pass(std::string_view s, bool in_nfkc) {
  char ascii = 0;  // the NFKC form of a full-width character
  return rewrite_code_points(
      s,
      [&](char32_t cp) {
        bool rewritten = false;
        if (!in_nfkc && !nfkc_inert(cp)) {
          if (!wide_ascii(cp)) return CodePoint::give_up();
          cp = cp == 0x3000 ? U' ' : cp - 0xFEE0;
          rewritten = true;
        }
        if (const char* with = key_replacement(cp)) return CodePoint::replace(with);
        ascii = static_cast<char>(cp);
        return rewritten ? CodePoint::replace({&ascii, 1}) : CodePoint::keep();
      },
      ideograph_or_kana);
}

}  // namespace

std::string key(std::string_view s) {
  if (auto k = key_pass(s, false)) return std::move(*k);
  return *key_pass(nfkc(s), true);
}

std::size_t first_token(std::string_view s) {
  // every token is E2 xx xx in UTF-8: look at each E2 byte once
  for (std::size_t p = s.find('\xE2'); p != std::string_view::npos; p = s.find('\xE2', p + 1)) {
    const std::string_view c = s.substr(p, 3);
    if (c == kChecked || c == kUnchecked || c == kUnknown || c == kBracketedUnknown ||
        c == kChoiceOpen)
      return p;
  }
  return std::string_view::npos;
}

std::string label_key(std::string_view s, bool* had_number) {
  if (had_number) *had_number = false;
  // a leading circled marker (① … ⑳, ㉑ … ㊿) is the form's row marker, not part of the label
  std::string raw = trim(s);
  raw.erase(0, std::min(raw.find_first_not_of('#'), raw.size()));  // one erase: linear
  raw = trim(raw);
  if (!raw.empty()) {
    std::size_t p = 0;
    const char32_t cp = next_cp(raw, p);
    if ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x3251 && cp <= 0x325F) ||
        (cp >= 0x32B1 && cp <= 0x32BF)) {
      raw.erase(0, p);
    }
  }
  std::string k = key(raw);
  // Markdown and HTML leftovers at the start are gone through key(); strip numbering.
  std::size_t i = 0;
  if (i < k.size() && k[i] == '(') {
    std::size_t j = i + 1;
    while (j < k.size() && k[j] >= '0' && k[j] <= '9') ++j;
    if (j > i + 1 && j < k.size() && k[j] == ')') {
      i = j + 1;
      if (had_number) *had_number = true;
    }
  } else {
    std::size_t j = i;
    while (j < k.size() && k[j] >= '0' && k[j] <= '9') ++j;
    // `1.` / `1)` section numbers; digits without a delimiter belong to the label (5情報)
    if (j > i && j < k.size() && (k[j] == '.' || k[j] == ')')) {
      if (had_number) *had_number = true;
      i = j + 1;
    }
  }
  k.erase(0, i);
  // Trailing markers: ※ and everything after it, 【任意】, 【行政機関等のみ】.
  if (const std::size_t p = k.find("\u203B"); p != std::string::npos) k.erase(p);
  for (std::string_view suffix : {"【任意】", "【行政機関等のみ】"}) {
    if (const std::size_t p = k.find(suffix); p != std::string::npos) k.erase(p, suffix.size());
  }
  while (!k.empty() && (k.back() == ':' || k.back() == '-')) k.pop_back();
  return k;
}

namespace {

void flush_line(std::string& out, std::string& line) {
  const std::size_t mark = out.size();
  if (mark > 0) out += '\n';
  const std::size_t begin = out.size();
  append_collapsed(out, line, false);
  line.clear();
  // markdown bullets at line start (a collapsed line never ends with its blank)
  if (out.compare(begin, 2, "- ") == 0) out.erase(begin, 2);
  if (out.size() == begin) out.resize(mark);  // an empty line is dropped
}

}  // namespace

std::string render_free_text(std::string_view s) {
  std::string out;
  std::string line;
  std::size_t run = 0;  // start of the bytes kept as they are, up to pos
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const auto b = static_cast<unsigned char>(s[pos]);
    std::string_view with;
    if (b == '\n') {
      ++pos;
    } else if (b != 0xE2) {
      // every token is E2 xx xx in UTF-8, and neither E2 nor '\n' is ever a continuation byte
      ++pos;
      continue;
    } else {
      switch (next_cp(s, pos)) {
        case 0x2611:
          with = "[○]";
          break;
        case 0x2610:
          with = "[ ]";
          break;
        case 0x2B1A:
        case 0x22A1:
          with = "[?]";
          break;
        case 0x27E6:
          with = "[";
          break;
        case 0x27E7:
          with = "]";
          break;
        default:
          continue;
      }
    }
    line.append(s, run, start - run);
    run = pos;
    if (b == '\n') {
      flush_line(out, line);
    } else {
      line += with;
    }
  }
  line.append(s, run, pos - run);
  flush_line(out, line);
  return out;
}

namespace {

// Bytes a blank of collapse_spaces() may begin with: ASCII blanks and the lead bytes of U+3000
// (E3) and U+00A0 (C2). A lead byte is never a continuation byte: E3 80 80 and C2 A0 are always
// those characters.
constexpr std::array<bool, 256> kBlankStart = [] {
  std::array<bool, 256> t{};
  for (const unsigned char c : {' ', '\t', '\r', '\f', '\n', '\xE3', '\xC2'}) t[c] = true;
  return t;
}();

// Length of the blank at s[pos], 0 when there is none.
std::size_t blank_at(std::string_view s, std::size_t pos, bool newlines_too) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (!kBlankStart[b]) return 0;
  if (b == 0xE3) {
    return pos + 2 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0x80 &&
                   static_cast<unsigned char>(s[pos + 2]) == 0x80
               ? 3
               : 0;
  }
  if (b == 0xC2)
    return pos + 1 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0xA0 ? 2 : 0;
  return b != '\n' || newlines_too ? 1 : 0;
}

// collapse_spaces(s) appended to out, each run of non-blanks written by append_run(out, run).
template <class AppendRun>
void collapse_runs(std::string& out, std::string_view s, bool newlines_too, AppendRun append_run) {
  const std::size_t begin = out.size();
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t len = 0;
    const std::size_t start = pos;  // a run of non-blanks, written after one space if not first
    while (pos < s.size() && (len = blank_at(s, pos, newlines_too)) == 0) ++pos;
    if (pos > start) {
      if (out.size() > begin) out += ' ';
      append_run(out, s.substr(start, pos - start));
    }
    while (pos < s.size() && (len = blank_at(s, pos, newlines_too)) > 0) pos += len;
  }
}

// tidy_lines(s) appended to out, the runs of non-blanks written by append_run(out, run).
template <class AppendRun>
void tidy_runs(std::string& out, std::string_view s, AppendRun append_run) {
  const std::size_t begin = out.size();
  for (std::size_t start = 0; start <= s.size();) {
    const std::size_t nl = std::min(s.find('\n', start), s.size());
    const std::size_t mark = out.size();
    if (mark > begin) out += '\n';
    const std::size_t line = out.size();
    collapse_runs(out, s.substr(start, nl - start), false, append_run);
    if (out.size() == line) out.resize(mark);  // an empty line is dropped
    start = nl + 1;
  }
}

void append_as_is(std::string& out, std::string_view run) { out.append(run); }

}  // namespace

void append_collapsed(std::string& out, std::string_view s, bool newlines_too) {
  collapse_runs(out, s, newlines_too, append_as_is);
}

std::string collapse_spaces(std::string_view s, bool newlines_too) {
  std::string out;
  out.reserve(s.size());
  append_collapsed(out, s, newlines_too);
  return out;
}

void append_tidy_lines(std::string& out, std::string_view s) { tidy_runs(out, s, append_as_is); }

std::string fold_and_tidy_lines(std::string_view s) {
  // Folding keeps a blank a blank (U+3000 becomes a space) and any other character a non-blank,
  // reads no character across a blank (blanks begin with ASCII or a lead byte) and never touches
  // '\n': the runs of non-blanks of s, folded, are those of fold_width(s).
  std::string out;
  out.reserve(s.size());
  tidy_runs(out, s, append_folded);
  return out;
}

std::string tidy_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_tidy_lines(out, s);
  return out;
}

namespace {

// Code points a placeholder may hold: key() removes them or they are dashes.
bool placeholder_cp(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '*':
    case '#':
    case '\\':
    case '-':
    case 0xA0:
    case 0x200B:
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2500:
    case 0x3000:
    case 0x30FC:
    case 0xFEFF:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_placeholder(std::string_view s) {
  // a character NFKC keeps whatever surrounds it and key() keeps as it is decides at once
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = next_cp(s, pos);
    if (nfkc_inert(cp) && !placeholder_cp(cp)) return false;
  }
  const std::string k = key(s);
  if (k.empty()) return true;
  std::size_t pos = 0;
  while (pos < k.size()) {
    const char32_t cp = next_cp(k, pos);
    if (cp != '-' && cp != 0x2014 && cp != 0x2015 && cp != 0x30FC && cp != 0x2500 && cp != 0x2013) {
      return false;
    }
  }
  return true;
}

std::string ocr_skeleton(std::string_view k) {
  // one representative per confusable character; none is itself replaced, so one pass over the
  // code points gives what replacing each in turn gives. A switch: a scan of a table of pairs for
  // every code point was most of the pass (a sorted table's binary search, still 1.7 times this)
  return *rewrite_code_points(k, [](char32_t cp) {
    switch (cp) {
      case U'片':
        return CodePoint::replace("庁");
      case U'口':
        return CodePoint::replace("ロ");
      case U'一':
      case U'-':
      case U'－':
      case U'‐':
      case U'—':
        return CodePoint::replace("ー");
      case U'〇':
      case U'◯':
        return CodePoint::replace("○");
      case U'工':
        return CodePoint::replace("エ");
      case U'力':
        return CodePoint::replace("カ");
      case U'夕':
        return CodePoint::replace("タ");
      case U'卜':
        return CodePoint::replace("ト");
      case U'二':
        return CodePoint::replace("ニ");
      case U'八':
        return CodePoint::replace("ハ");
      case U'嚴':
        return CodePoint::replace("厳");
      default:
        return CodePoint::keep();
    }
  });
}

std::size_t count_differences(std::string_view a, std::string_view b) {
  std::size_t pa = 0;
  std::size_t pb = 0;
  std::size_t diff = 0;
  while (pa < a.size() && pb < b.size()) diff += next_cp(a, pa) != next_cp(b, pb) ? 1 : 0;
  return diff;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::string_view trim_view(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
    --e;
  // U+3000 at either end
  while (e - b >= 3 && s.substr(b, 3) == "\u3000") b += 3;
  while (e - b >= 3 && s.substr(e - 3, 3) == "\u3000") e -= 3;
  return s.substr(b, e - b);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      break;
    }
    out.emplace_back(s.substr(start, p - start));
    start = p + 1;
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace hyoka::text
