// pdftotext prints a check box's parenthesised detail apart from its option (`（ 市民税課 ）` at
// the top of a page whose `[ ○ ] 評価実施機関内の他部署` has none): placing it by elimination.
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "hyoka/readers.h"
#include "hyoka/text.h"
#include "option_match.h"

namespace hyoka {

namespace {

using nlohmann::json;

constexpr std::string_view kBoxes[] = {text::kChecked, text::kUnchecked, text::kUnknown,
                                       text::kBracketedUnknown};

// The text of a detail printed alone on its line, `（ 市民税課 ）`; empty when the line is not one
// or the detail is blank.
std::string lone_detail(const std::string& line) {
  static const re2::RE2 kLone(R"(^\s*[（(]\s*([^（()）\[\]]*?)\s*[）)]\s*$)");
  std::string inner;
  if (text::first_token(line) != std::string::npos || !re2::RE2::FullMatch(line, kLone, &inner))
    return {};
  inner = text::render_free_text(inner);
  return text::is_placeholder(inner) ? std::string() : inner;
}

// A box printed on a line (a token, or a detached `]`) and the text up to the next box or bracket.
struct Printed {
  std::string_view mark;  // the token, or "]"
  std::string_view label;
};

std::vector<Printed> printed_boxes(std::string_view line) {
  std::vector<Printed> out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::string_view mark;
    for (std::string_view t : kBoxes) {
      if (line.substr(pos, t.size()) == t) mark = t;
    }
    if (mark.empty() && line[pos] == ']') mark = line.substr(pos, 1);
    if (mark.empty()) {
      text::next_cp(line, pos);
      continue;
    }
    pos += mark.size();
    std::size_t end = line.size();
    for (std::string_view stop : {std::string_view("["), std::string_view("]"), text::kChecked,
                                  text::kUnchecked, text::kUnknown, text::kBracketedUnknown})
      end = std::min(end, line.find(stop, pos));
    out.push_back({mark, line.substr(pos, end - pos)});
  }
  return out;
}

}  // namespace

bool place_detached_detail(const std::vector<std::string>& page_lines,
                           const std::vector<const OptionList*>& page_sets,
                           const OptionList& options, json& checks) {
  std::string detail;
  for (const auto& line : page_lines) {
    std::string d = lone_detail(line);
    if (d.empty()) continue;
    if (!detail.empty()) return false;  // two details: no telling whose each is
    detail = std::move(d);
  }
  if (detail.empty()) return false;
  // the boxes of the page whose option takes a detail and is printed without one
  int found = -1;
  for (const auto& line : page_lines) {
    for (const Printed& p : printed_boxes(line)) {
      const std::string k = text::key(p.label);
      int option = -1;
      int sets = 0;
      bool without_detail = false;
      for (const OptionList* set : page_sets) {
        std::size_t len = 0;
        const int i = prefix_option(*set, k, nullptr, &len);
        if (i < 0 || len == 0 || !(*set)[i].detail) continue;
        ++sets;
        without_detail = k.find('(', len) == std::string::npos;
        if (set == &options) option = i;
      }
      if (sets == 0 || !without_detail || p.mark == text::kUnchecked) continue;
      // a box whose state is unknown, or a shared label of several sets: it may be the one
      if (p.mark != text::kChecked || sets > 1 || option < 0 || found >= 0) return false;
      found = option;
    }
  }
  if (found < 0 || checks[found]["checked"] != true || !checks[found]["detail"].is_null())
    return false;
  checks[found]["detail"] = detail;
  return true;
}

}  // namespace hyoka
