#include "hyoka/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

namespace hyoka::text {

char32_t next_cp(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr std::array<char32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

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

std::string fold_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_cp(s, pos);
    const bool letter_or_digit = (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
                                 (cp >= 0xFF41 && cp <= 0xFF5A);
    if (letter_or_digit) {
      out += static_cast<char>(cp - 0xFEE0);
    } else if (cp == 0x3000) {
      out += ' ';
    } else if (cp == 0xFFFD) {
      append_utf8(out, cp);
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

namespace {

std::string nfkc(std::string_view s) {
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

std::string key(std::string_view s) {
  const std::string n = nfkc(s);
  std::string out;
  out.reserve(n.size());
  std::size_t pos = 0;
  while (pos < n.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_cp(n, pos);
    if (is_space_cp(cp)) continue;
    if (cp == '*' || cp == '#' || cp == '\\') continue;
    if (cp == 0x301C || cp == 0x223C || cp == 0xFF5E) {  // 〜 ∼ ～ → ~
      out += '~';
      continue;
    }
    if (cp == 0x2010 || cp == 0x2011 || cp == 0x2212) {  // hyphens and minus → '-'
      out += '-';
      continue;
    }
    out.append(n, start, pos - start);
  }
  return out;
}

std::size_t first_token(std::string_view s) {
  std::size_t best = std::string_view::npos;
  for (std::string_view t : {kChecked, kUnchecked, kUnknown, kBracketedUnknown, kChoiceOpen}) {
    const std::size_t p = s.find(t);
    if (p < best) best = p;
  }
  return best;
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
  std::string collapsed = collapse_spaces(line);
  line.clear();
  if (starts_with(collapsed, "- ")) collapsed.erase(0, 2);  // markdown bullets at line start
  if (collapsed.empty()) return;
  if (!out.empty()) out += '\n';
  out += collapsed;
}

}  // namespace

std::string render_free_text(std::string_view s) {
  std::string out;
  std::string line;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_cp(s, pos);
    switch (cp) {
      case '\n':
        flush_line(out, line);
        break;
      case 0x2611:
        line += "[○]";
        break;
      case 0x2610:
        line += "[ ]";
        break;
      case 0x2B1A:
      case 0x22A1:
        line += "[?]";
        break;
      case 0x27E6:
        line += '[';
        break;
      case 0x27E7:
        line += ']';
        break;
      default:
        line.append(s.substr(start, pos - start));
    }
  }
  flush_line(out, line);
  return out;
}

std::string collapse_spaces(std::string_view s, bool newlines_too) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_cp(s, pos);
    const bool blank = cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0x3000 ||
                       cp == 0xA0 || (newlines_too && cp == '\n');
    if (blank) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

std::string tidy_lines(std::string_view s) {
  std::string out;
  for (const auto& line : split(s, '\n')) {
    const std::string collapsed = collapse_spaces(line);
    if (collapsed.empty()) continue;
    if (!out.empty()) out += '\n';
    out += collapsed;
  }
  return out;
}

bool is_placeholder(std::string_view s) {
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
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"片", "庁"}, {"口", "ロ"}, {"一", "ー"}, {"-", "ー"},  {"－", "ー"}, {"‐", "ー"},
      {"—", "ー"},  {"〇", "○"},  {"◯", "○"},   {"工", "エ"}, {"力", "カ"}, {"夕", "タ"},
      {"卜", "ト"}, {"二", "ニ"}, {"八", "ハ"}, {"嚴", "厳"}};
  std::string out(k);
  for (const auto& [from, to] : kMap) {
    for (std::size_t p = out.find(from); p != std::string::npos;
         p = out.find(from, p + to.size())) {
      out.replace(p, from.size(), to);
    }
  }
  return out;
}

std::size_t count_differences(std::string_view a, std::string_view b) {
  std::size_t pa = 0;
  std::size_t pb = 0;
  std::size_t diff = 0;
  while (pa < a.size() && pb < b.size()) diff += next_cp(a, pa) != next_cp(b, pb) ? 1 : 0;
  return diff;
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
    --e;
  // U+3000 at either end
  while (e - b >= 3 && s.substr(b, 3) == "\u3000") b += 3;
  while (e - b >= 3 && s.substr(e - 3, 3) == "\u3000") e -= 3;
  return std::string(s.substr(b, e - b));
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
