// pdftotext prints a check box's brackets apart (`☐ 情報提供ネットワークシステム [ ○` …
// `] 庁内連携システム`): placing the detached openers by the geometry of the printed rows.
#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hyoka/readers.h"
#include "hyoka/text.h"
#include "option_match.h"

namespace hyoka {

namespace {

using nlohmann::json;

// One piece of a printed line of a check set.
struct Piece {
  enum Kind { Box, Closer, Opener, Mark } kind;
  int option = -1;      // Box, Closer: the option whose label follows
  bool marked = false;  // Opener: a ○ follows it before the next bracket; Box: its state is lost
  std::size_t at = 0;   // byte offset in the line
};

bool is_mark(char32_t cp) { return cp == 0x25CB || cp == 0x3007 || cp == 0x25EF; }

// The option whose label begins s (up to the next bracket or box), or -1.
int label_at(std::string_view s, const OptionList& options) {
  if (options.empty()) return -1;  // no label to find: the key would be made for nothing
  std::size_t end = s.size();
  for (std::string_view stop : {std::string_view("["), std::string_view("]"), text::kChecked,
                                text::kUnchecked, text::kUnknown, text::kBracketedUnknown}) {
    end = std::min(end, s.find(stop));
  }
  const std::string k = text::key(s.substr(0, end));
  std::size_t len = 0;
  const int i = prefix_option(options, k, nullptr, &len);
  return len > 0 ? i : -1;
}

// A ○, or a box the normalizer read as checked or whose state it lost.
bool prints_a_mark(const std::string& line) {
  for (std::string_view t : {text::kChecked, text::kUnknown, text::kBracketedUnknown}) {
    if (line.find(t) != std::string::npos) return true;
  }
  for (std::size_t pos = 0; pos < line.size();) {
    if (is_mark(text::next_cp(line, pos))) return true;
  }
  return false;
}

std::vector<Piece> pieces(std::string_view line, const OptionList& options) {
  std::vector<Piece> out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const auto lead = static_cast<unsigned char>(line[pos]);
    // the bytes of most characters: no bracket, and a lead byte no token or mark has (every
    // token is E2 xx xx in UTF-8, the marks E2 xx xx or E3 xx xx, and an overlong form never
    // decodes to them)
    if (lead < 0x80 && lead != '[' && lead != ']') {
      ++pos;
      continue;
    }
    if (lead >= 0x80 && lead != 0xE2 && lead != 0xE3) {
      text::next_cp(line, pos);
      continue;
    }
    const std::string_view rest = line.substr(pos);
    bool token = false;
    for (std::string_view t :
         {text::kChecked, text::kUnchecked, text::kUnknown, text::kBracketedUnknown}) {
      if (lead == 0xE2 && rest.substr(0, t.size()) == t) {
        const bool lost = t == text::kUnknown || t == text::kBracketedUnknown;
        out.push_back({Piece::Box, label_at(rest.substr(t.size()), options), lost, pos});
        pos += t.size();
        token = true;
        break;
      }
    }
    if (token) continue;
    const std::size_t at = pos;
    const char32_t cp = text::next_cp(line, pos);
    if (cp == ']') {
      const int i = label_at(line.substr(pos), options);
      if (i >= 0) out.push_back({Piece::Closer, i, false, at});
    } else if (cp == '[') {
      // the opener's own mark: a ○ before any other text or bracket
      std::size_t p = pos;
      bool marked = false;
      while (p < line.size()) {
        const std::size_t b = p;
        const char32_t c = text::next_cp(line, p);
        if (c == ' ' || c == 0x3000) continue;
        marked = is_mark(c);
        if (marked) pos = p;
        (void)b;
        break;
      }
      out.push_back({Piece::Opener, -1, marked, at});
    } else if (is_mark(cp)) {
      out.push_back({Piece::Mark, -1, false, at});
    }
  }
  return out;
}

}  // namespace

std::size_t place_detached_boxes(const std::vector<std::string>& page_lines,
                                 const OptionList& options,
                                 const std::vector<std::string>& contested, json& checks) {
  const auto usable = [&](int i) {
    if (i < 0 || static_cast<std::size_t>(i) >= options.size()) return false;
    if (!checks[i]["checked"].is_null()) return false;
    if (!options[i].shared) return true;
    for (const auto& k : options[i].keys) {
      if (std::find(contested.begin(), contested.end(), k) != contested.end()) return false;
    }
    return true;
  };
  // the options printed only behind a detached `]`: their boxes' openers are elsewhere
  std::vector<bool> detached(options.size(), false);
  std::vector<std::vector<Piece>> lines;
  for (const auto& l : page_lines) {
    std::vector<Piece> ps = pieces(l, options);
    bool of_set = false;
    int previous = -1;
    for (const auto& p : ps) {
      // a mark outside any opener may be any box's, and labels out of form order on one line
      // mean pdftotext did not print the row left to right: the geometry cannot be trusted
      if (p.kind == Piece::Mark) return 0;
      if (p.kind == Piece::Box || p.kind == Piece::Closer) {
        if (p.option >= 0 && p.option <= previous) return 0;
        previous = std::max(previous, p.option);
      }
      if (p.kind == Piece::Closer && usable(p.option)) detached[p.option] = true;
      of_set = of_set || ((p.kind == Piece::Box || p.kind == Piece::Closer) && p.option >= 0);
    }
    if (of_set) lines.push_back(std::move(ps));
  }
  std::size_t placed = 0;
  std::vector<bool> done(options.size(), false);
  std::vector<const Piece*> spare;  // openers no label claimed
  for (const auto& ps : lines) {
    // the box right of an option's label on the same printed row is the next option's
    int last = -1;
    for (const auto& p : ps) {
      if (p.kind == Piece::Box || p.kind == Piece::Closer) {
        last = p.option;
      } else if (last >= 0 && static_cast<std::size_t>(last) + 1 < options.size() &&
                 detached[last + 1] && !done[last + 1]) {
        checks[last + 1]["checked"] = p.marked;
        done[last + 1] = true;
        ++placed;
        ++last;
      } else {
        spare.push_back(&p);
      }
    }
  }
  // the remaining detached labels take the remaining openers of their lines when these are as
  // many and agree
  std::vector<std::size_t> left;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (detached[i] && !done[i]) left.push_back(i);
  }
  if (left.empty()) return placed;
  // no mark anywhere on the page (002:1135-1217 `] 委託しない`): a checked box prints its ○
  // somewhere on its page, so none of the detached boxes is checked
  if (spare.empty() && std::none_of(page_lines.begin(), page_lines.end(), prints_a_mark)) {
    for (std::size_t i : left) checks[i]["checked"] = false;
    return placed + left.size();
  }
  if (spare.size() != left.size()) return placed;
  const bool marked = spare.front()->marked;
  for (const Piece* p : spare) {
    if (p->marked != marked) return placed;
  }
  for (std::size_t i : left) checks[i]["checked"] = marked;
  return placed + left.size();
}

std::size_t check_by_mark_count(const std::vector<std::string>& page_lines,
                                const std::vector<const OptionList*>& page_sets,
                                const OptionList& options,
                                const std::vector<std::string>& contested, json& checks) {
  // the page's boxes of lost state (a detached `]`, a lost token), once each whatever the sets
  // their labels match, and its marks outside any complete box
  std::set<std::pair<std::size_t, std::size_t>> lost;
  std::size_t marks = 0;
  std::vector<bool> own(options.size(), false);
  for (std::size_t l = 0; l < page_lines.size(); ++l) {
    for (const OptionList* set : page_sets) {
      const std::vector<Piece> ps = pieces(page_lines[l], *set);
      int last = -1;
      for (const Piece& p : ps) {
        if (p.kind == Piece::Opener && last >= 0) return 0;  // a box right of a label: its own
        if (p.kind == Piece::Box || p.kind == Piece::Closer) last = p.option;
        if (p.option < 0 || (p.kind == Piece::Box && !p.marked)) continue;
        if (p.kind == Piece::Box || p.kind == Piece::Closer) {
          lost.insert({l, p.at});
          if (set == &options) own[p.option] = true;
        }
      }
    }
    for (const Piece& p : pieces(page_lines[l], {})) {
      if (p.kind == Piece::Mark || (p.kind == Piece::Opener && p.marked)) ++marks;
    }
  }
  if (marks == 0 || marks != lost.size()) return 0;
  std::size_t placed = 0;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (!own[i] || !checks[i]["checked"].is_null()) continue;
    if (options[i].shared &&
        std::any_of(options[i].keys.begin(), options[i].keys.end(), [&](const std::string& k) {
          return std::find(contested.begin(), contested.end(), k) != contested.end();
        }))
      continue;
    checks[i]["checked"] = true;
    ++placed;
  }
  return placed;
}

}  // namespace hyoka
