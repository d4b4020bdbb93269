#include "hyoka/readers.h"

#include <re2/re2.h>

#include "hyoka/text.h"
#include "option_match.h"

namespace hyoka {

using nlohmann::json;

std::string Region::all() const {
  std::string out = first;
  for (const auto& r : rows) {
    if (r.empty()) continue;
    if (!out.empty()) out += '\n';
    out += r;
  }
  return out;
}

bool is_bracket_fragment(std::string_view line) {
  static const re2::RE2 kFragment(R"(^\]|\[$|^[\[\]]+$|^\[[^\]]{0,24}$)");
  // (every alternative needs a bracket: most lines have none)
  return (line.find('[') != std::string_view::npos || line.find(']') != std::string_view::npos) &&
         re2::RE2::PartialMatch(line, kFragment);
}

json read_text(const Region& r) {
  // lines that are only the pieces of a split choice bracket in pdftotext's scrambled order are
  // not free text
  std::string kept;
  std::size_t lines = 0;
  std::size_t single_characters = 0;  // a caption printed vertically: 再 / 委 / 託
  for (const auto& line : text::split(text::render_free_text(r.all()), '\n')) {
    if (is_bracket_fragment(line)) continue;
    std::size_t p = 0;
    text::next_cp(line, p);
    ++lines;
    if (p == line.size()) ++single_characters;
    kept += (kept.empty() ? "" : "\n") + line;
  }
  if (lines >= 2 && single_characters == lines) kept.clear();
  const std::string& t = kept;
  if (t.empty() || text::is_placeholder(t)) return nullptr;
  return t;
}

namespace {

// Offset of the `)` / `）` that closes a parenthesis opened just before s (nested pairs
// skipped), or s.size() when it never closes.
std::size_t closing_paren(std::string_view s) {
  int depth = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const char32_t cp = text::next_cp(s, pos);
    if (cp == '(' || cp == 0xFF08) ++depth;
    if (cp == ')' || cp == 0xFF09) {
      if (depth == 0) return at;
      --depth;
    }
  }
  return s.size();
}

// The option whose key differs from k only by OCR-confused characters, when exactly one does.
int repaired_option(const OptionList& options, std::string_view k, std::size_t* repaired) {
  const std::string skel = text::ocr_skeleton(k);
  int found = -1;
  for (std::size_t i = 0; i < options.size(); ++i) {
    for (const auto& ok : options[i].keys) {
      if (ok.size() == k.size() && ok != k && text::ocr_skeleton(ok) == skel) {
        if (found >= 0 && found != static_cast<int>(i)) return -1;  // ambiguous
        found = static_cast<int>(i);
        if (repaired) *repaired = text::count_differences(ok, k);
      }
    }
  }
  return found;
}

std::string strip_option_number(std::string_view k) {
  // "1)実施する" → "実施する"
  std::size_t i = 0;
  while (i < k.size() && k[i] >= '0' && k[i] <= '9') ++i;
  if (i > 0 && i < k.size() && k[i] == ')') return std::string(k.substr(i + 1));
  return std::string(k);
}

std::size_t find_options_caption(std::string_view s) {
  std::size_t best = std::string_view::npos;
  for (std::string_view c : kOptionsCaptions) {
    best = std::min(best, s.find(c));
  }
  return best;
}

}  // namespace

ChoiceResult read_choice(const Region& r, const OptionList& options) {
  ChoiceResult res;
  res.value = nullptr;
  std::string s = r.first;
  if (text::trim(s).empty()) {
    for (const auto& row : r.rows) {
      if (!text::trim(row).empty()) {
        s = row;
        break;
      }
    }
  }
  // 1. a bracketed value ⟦…⟧
  if (const std::size_t open = s.find(text::kChoiceOpen); open != std::string::npos) {
    const std::size_t start = open + text::kChoiceOpen.size();
    const std::size_t close = s.find(text::kChoiceClose, start);
    const std::string inner =
        s.substr(start, close == std::string::npos ? std::string::npos : close - start);
    const std::string k = strip_option_number(text::key(inner));
    if (k.empty()) return res;
    if (const int i = exact_option(options, k); i >= 0) {
      res.value = options[i].label;
      return res;
    }
    if (const int i = repaired_option(options, k, &res.repaired); i >= 0) {
      res.value = options[i].label;
      return res;
    }
    std::size_t len = 0;
    if (const int i = prefix_option(options, k, nullptr, &len); i >= 0 && len * 2 >= k.size()) {
      res.value = options[i].label;
      return res;
    }
    res.unmatched = text::trim(inner);
    return res;
  }
  // 1b. a bracket the layout split, its value on this line: `[ システム用ファイル` (pdftotext)
  if (const std::size_t open = s.rfind('[');
      open != std::string::npos && s.find(']', open) == std::string::npos) {
    const std::string k = strip_option_number(text::key(s.substr(open + 1)));
    if (const int i = exact_option(options, k); i >= 0) {
      res.value = options[i].label;
      return res;
    }
  }
  // 2. a checked box before an option
  for (std::size_t p = s.find(text::kChecked); p != std::string::npos;
       p = s.find(text::kChecked, p + 1)) {
    std::string after = s.substr(p + text::kChecked.size());
    const std::size_t stop = text::first_token(after);
    if (stop != std::string::npos) after.resize(stop);
    if (const std::size_t cap = find_options_caption(after); cap != std::string::npos) {
      after.resize(cap);
    }
    const std::string k = strip_option_number(text::key(after));
    std::size_t len = 0;
    if (const int i = prefix_option(options, k, nullptr, &len); i >= 0) {
      res.value = options[i].label;
      return res;
    }
  }
  // 3. a single boxed option and no other option printed: the value with its box (004:197
  //    `<input type="checkbox"/> 特定個人情報ファイルの全体`); several boxed options mean the mark
  //    was lost
  {
    std::string before = s;
    if (const std::size_t cap = find_options_caption(before); cap != std::string::npos)
      before.resize(cap);
    int found = -1;
    int boxed = 0;
    for (std::size_t p = before.find(text::kUnknown); p != std::string::npos;
         p = before.find(text::kUnknown, p + 1)) {
      std::string after = before.substr(p + text::kUnknown.size());
      if (const std::size_t stop = text::first_token(after); stop != std::string::npos)
        after.resize(stop);
      std::size_t len = 0;
      const int i = prefix_option(options, strip_option_number(text::key(after)), nullptr, &len);
      ++boxed;  // every box counts: mangled option texts are options too (000:310)
      if (i >= 0) found = i;
    }
    const std::size_t first_box = before.find(text::kUnknown);
    const bool nothing_before =
        first_box != std::string::npos && text::trim(before.substr(0, first_box)).empty();
    if (boxed == 1 && found >= 0 && nothing_before) {
      res.value = options[found].label;
      return res;
    }
  }
  // 4. a plain value echoed before the option boxes or the option list
  std::string head = s;
  if (const std::size_t t = text::first_token(head); t != std::string::npos) head.resize(t);
  if (const std::size_t cap = find_options_caption(head); cap != std::string::npos) {
    head.resize(cap);
  }
  const std::string first_line = text::split(text::trim(head), '\n').front();
  if (const int i = exact_option(options, text::key(first_line)); i >= 0) {
    res.value = options[i].label;
  }
  return res;
}

std::string choice_spill(const Region& r, const OptionList& options) {
  const std::string& s = r.first;
  const std::size_t cap = find_options_caption(s);
  if (cap == std::string::npos) return {};
  // the last numbered option of the list, then its label; what follows is the spill
  static const re2::RE2 kNumber(R"([0-9]+\)\s*)");
  re2::StringPiece input(s);
  input.remove_prefix(cap);
  std::size_t last = std::string::npos;
  re2::StringPiece m;
  std::size_t from = cap;
  while (kNumber.Match(s, from, s.size(), re2::RE2::UNANCHORED, &m, 1)) {
    last = static_cast<std::size_t>(m.data() - s.data()) + m.size();
    from = last;
  }
  if (last == std::string::npos) return {};
  // skip the option label: the shortest prefix whose key is an option key
  std::size_t pos = last;
  std::string k;
  while (pos < s.size()) {
    const std::size_t b = pos;
    text::next_cp(s, pos);
    k = text::key(s.substr(last, pos - last));
    if (exact_option(options, k) >= 0) {
      const std::string rest = text::render_free_text(s.substr(pos));
      return text::is_placeholder(rest) ? std::string() : rest;
    }
    (void)b;
    if (pos - last > 200) break;
  }
  return {};
}

std::string paren_after(std::string_view s, std::string_view marker) {
  const std::size_t at = s.find(marker);
  if (at == std::string_view::npos) return {};
  std::size_t pos = at + marker.size();
  // skip a colon and blanks
  while (pos < s.size()) {
    std::size_t next = pos;
    const char32_t cp = text::next_cp(s, next);
    if (cp == ':' || cp == 0xFF1A || cp == ' ' || cp == 0x3000 || cp == '\n') {
      pos = next;
      continue;
    }
    break;
  }
  const std::size_t end = pos + closing_paren(s.substr(pos));
  std::string d = text::render_free_text(s.substr(pos, end - pos));
  return text::is_placeholder(d) ? std::string() : d;
}

json default_checks(const OptionList& options) {
  json out = json::array();
  for (const auto& o : options)
    out.push_back({{"label", o.label}, {"checked", nullptr}, {"detail", nullptr}});
  return out;
}

namespace {

struct Segment {
  std::string_view mark;  // token before the text
  std::string text;       // text up to the next token
};

std::vector<Segment> segments(std::string_view s) {
  static constexpr std::string_view kTokens[] = {text::kChecked, text::kUnchecked, text::kUnknown,
                                                 text::kBracketedUnknown};
  // the next occurrence of each token, searched again only once passed: searching all of the
  // rest for every token at every segment was quadratic in the number of boxes
  std::size_t found[std::size(kTokens)];
  for (std::size_t t = 0; t < std::size(kTokens); ++t) found[t] = s.find(kTokens[t]);
  std::vector<Segment> out;
  std::size_t pos = 0;
  std::string_view mark;
  while (pos <= s.size()) {
    std::size_t next = std::string_view::npos;
    std::string_view next_mark;
    for (std::size_t t = 0; t < std::size(kTokens); ++t) {
      if (found[t] != std::string_view::npos && found[t] < pos) found[t] = s.find(kTokens[t], pos);
      if (found[t] < next) {
        next = found[t];
        next_mark = kTokens[t];
      }
    }
    const std::string_view chunk =
        s.substr(pos, next == std::string_view::npos ? next : next - pos);
    if (!mark.empty()) out.push_back({mark, std::string(chunk)});
    if (next == std::string_view::npos) break;
    mark = next_mark;
    pos = next + next_mark.size();
  }
  return out;
}

std::string paren_detail(std::string_view t) {
  // first parenthesised group: ( … ) or （ … ）, unclosed runs to the end
  std::size_t open = std::string_view::npos;
  std::size_t open_len = 0;
  for (std::string_view o : {"(", "（"}) {
    const std::size_t p = t.find(o);
    if (p < open) {
      open = p;
      open_len = o.size();
    }
  }
  if (open == std::string_view::npos) return {};
  std::string_view inner = t.substr(open + open_len);
  std::string d = text::render_free_text(inner.substr(0, closing_paren(inner)));
  for (auto& c : d) {
    if (c == '\n') c = ' ';
  }
  d = text::trim(d);
  if (text::is_placeholder(d)) return {};
  return d;
}

}  // namespace

namespace {

// A bare ○ 〇 ◯ directly before an option's label is a printed mark without its box, and so are
// the ■ / □ a document-sharing site prints for checked / empty boxes. Elsewhere (bullets in
// prose such as ■新潟市における措置, ○○市) the character stays text.
std::string mark_bare_circles(const std::string& s, const OptionList& options) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t b = pos;
    const char32_t cp = text::next_cp(s, pos);
    const bool circle = cp == 0x25CB || cp == 0x3007 || cp == 0x25EF || cp == 0x25A0;
    const bool empty_box = cp == 0x25A1;
    if (circle || empty_box) {
      std::size_t after = pos;
      while (after < s.size() && s[after] == ' ') ++after;
      std::size_t len = 0;
      if (prefix_option(options, text::key(s.substr(after, 160)), nullptr, &len) >= 0 && len > 0) {
        out += circle ? text::kChecked : text::kUnchecked;
        out += ' ';
        continue;
      }
    }
    out.append(s, b, pos - b);
  }
  return out;
}

}  // namespace

namespace {

bool is_contested(const Option& o, const std::optional<std::vector<std::string>>& contested) {
  if (!contested) return true;
  for (const auto& k : o.keys) {
    if (std::find(contested->begin(), contested->end(), k) != contested->end()) return true;
  }
  return false;
}

}  // namespace

ChecksResult read_checks(const Region& r, const OptionList& options) {
  ChecksResult res;
  res.checks = default_checks(options);
  std::vector<bool> seen(options.size(), false);
  const std::string own = mark_bare_circles(r.all(), options);
  std::string behind;
  for (const auto& b : r.behind) behind += b + "\n";
  behind = mark_bare_circles(behind, options);
  std::string page;
  for (const auto& b : r.page) page += b + "\n";
  const bool explicit_empty = own.find(text::kUnchecked) != std::string::npos ||
                              behind.find(text::kUnchecked) != std::string::npos;
  for (const std::string* src : std::initializer_list<const std::string*>{&own, &behind, &page}) {
    const bool from_page = src == &page;
    for (const auto& seg : segments(*src)) {
      // elsewhere on the page only a complete box counts, and only for an option no other check
      // set has: a detached ○ or a shared label (紙, その他) cannot tell whose it is
      if (from_page && seg.mark != text::kChecked && seg.mark != text::kUnchecked) continue;
      std::string body = seg.text;
      if (const std::size_t cap = find_options_caption(body); cap != std::string::npos)
        body.resize(cap);
      const std::string k = text::key(body);
      std::size_t variant = 0;
      std::size_t len = 0;
      int i = prefix_option(options, k, &variant, &len);
      if (i < 0) {
        // an option label with OCR-confused characters (片内連携システム): compare skeletons
        std::size_t best = 0;
        const std::string skel = text::ocr_skeleton(k);
        for (std::size_t o = 0; o < options.size(); ++o) {
          for (std::size_t v = 0; v < options[o].keys.size(); ++v) {
            const std::string ok = text::ocr_skeleton(options[o].keys[v]);
            if (!ok.empty() && ok.size() > best && skel.compare(0, ok.size(), ok) == 0) {
              i = static_cast<int>(o);
              variant = v;
              best = ok.size();
            }
          }
        }
        if (i >= 0) {
          const std::string& ok = options[i].keys[variant];
          res.repaired += text::count_differences(ok, std::string_view(k).substr(0, ok.size()));
        }
      }
      if (i < 0 || seen[i]) continue;
      if (from_page && options[i].shared && is_contested(options[i], r.contested)) continue;
      seen[i] = true;
      if (from_page) ++res.from_page;
      json& c = res.checks[i];
      if (seg.mark == text::kChecked) {
        c["checked"] = true;
      } else if (seg.mark == text::kUnchecked) {
        c["checked"] = false;
      } else if (seg.mark == text::kBracketedUnknown && explicit_empty) {
        c["checked"] = true;
      }
      if (options[i].as_printed) c["label"] = options[i].printed[variant];
      if (options[i].detail) {
        const std::string d = paren_detail(body);
        if (!d.empty()) c["detail"] = d;
      }
    }
  }
  for (const auto& c : res.checks) {
    if (c["checked"].is_null()) ++res.unknown;
  }
  return res;
}

namespace {

// The digits of the first `( N ) 件` (after `after_key` when given), commas removed; empty when
// there is none or it is blank.
std::string count_digits(const Region& r, std::string_view after_key) {
  std::string s = text::key(r.all());  // NFKC: （ ） → ( ), whitespace removed
  if (!after_key.empty()) {
    const std::size_t p = s.find(after_key);
    if (p == std::string::npos) return {};
    s.erase(0, p + after_key.size());
  }
  static const re2::RE2 kCount(R"(\(([0-9][0-9,]*)?\)件)");
  std::string digits;
  re2::StringPiece input(s);
  if (!re2::RE2::FindAndConsume(&input, kCount, &digits)) return {};
  std::string clean;
  for (char c : digits) {
    if (c != ',') clean += c;
  }
  return clean;
}

}  // namespace

json read_count(const Region& r, std::string_view after_key) {
  const std::string digits = count_digits(r, after_key);
  if (digits.empty() || digits.size() > kMaxCountDigits) return nullptr;
  return std::stoll(digits);
}

bool count_too_large(const Region& r, std::string_view after_key) {
  return count_digits(r, after_key).size() > kMaxCountDigits;
}

std::vector<std::string> split_names(std::string_view in) {
  std::vector<std::string> names;
  for (auto& n : split_numbered_names(in)) names.push_back(std::move(n.name));
  return names;
}

std::vector<NumberedName> split_numbered_names(std::string_view in) {
  // one name per line (a <p> each), and several numbered names on one line
  std::vector<NumberedName> all;
  for (const auto& line : text::split(text::render_free_text(in), '\n')) {
    for (auto& n : numbered_pieces(line)) all.push_back(std::move(n));
  }
  return all;
}

std::vector<NumberedName> numbered_pieces(std::string_view in) {
  const std::string s = text::fold_width(in);
  // numbering: "1. ", "(1)", "（１）", "⑴"…
  static const re2::RE2 kNumber(R"((?:^|\s)([0-9]+\.|[(（][0-9]+[)）]|[⑴-⒇]))");
  std::vector<NumberedName> out;
  std::size_t last = 0;
  std::optional<int> number;  // the number that introduces the piece after `last`
  auto number_of = [](const std::string& marker) -> std::optional<int> {
    std::string digits;
    for (char c : marker) {
      if (c >= '0' && c <= '9') digits += c;
    }
    if (!digits.empty() && digits.size() < 6) return std::stoi(digits);
    std::size_t p = 0;
    const char32_t cp = text::next_cp(marker, p);
    if (cp >= 0x2474 && cp <= 0x2487) return static_cast<int>(cp - 0x2474 + 1);
    return std::nullopt;
  };
  auto emit = [&](std::string piece) {
    piece = text::trim(piece);
    if (!piece.empty() && !text::is_placeholder(piece)) out.push_back({number, piece});
  };
  re2::StringPiece match[2];
  while (kNumber.Match(s, last, s.size(), re2::RE2::UNANCHORED, match, 2)) {
    const std::size_t at = static_cast<std::size_t>(match[0].data() - s.data());
    emit(s.substr(last, at - last));
    number = number_of(std::string(match[1].data(), match[1].size()));
    last = at + match[0].size();
    if (match[0].size() == 0) break;
  }
  emit(s.substr(last));
  return out;
}

NumberedName split_numbered_name(std::string_view in) {
  NumberedName nn;
  std::string s = text::fold_width(text::render_free_text(in));
  s = text::split(s, '\n').front();
  s = text::trim(s);
  static const re2::RE2 kPrefix(R"(^(?:([0-9]+)\s*\.|[(（]([0-9]+)[)）])\s*(.*)$)");
  std::string a;
  std::string b;
  std::string rest;
  if (re2::RE2::FullMatch(s, kPrefix, &a, &b, &rest)) {
    const std::string& d = a.empty() ? b : a;
    if (d.size() < 6) nn.number = std::stoi(d);
    nn.name = text::trim(rest);
    return nn;
  }
  // ⑴ … ⒇ (U+2474..U+2487)
  std::size_t p = 0;
  if (!s.empty()) {
    const char32_t cp = text::next_cp(s, p);
    if (cp >= 0x2474 && cp <= 0x2487) {
      nn.number = static_cast<int>(cp - 0x2474 + 1);
      nn.name = text::trim(s.substr(p));
      return nn;
    }
  }
  nn.name = s;
  return nn;
}

}  // namespace hyoka
