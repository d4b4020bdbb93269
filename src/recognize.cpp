// The engine (src/engine.h) does the work; this file holds its entry point and the small helpers
// its stages share.
#include "hyoka/recognize.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka {

namespace engine {

bool is_text_only(const std::vector<Read>& reads) {
  return !reads.empty() && std::all_of(reads.begin(), reads.end(),
                                       [](const Read& r) { return r.type == ReadType::Text; });
}

bool is_option_list_row(const Row& row) {
  static const re2::RE2 kItem(R"(^[0-9]+[)）]\s*\S.*$)");
  bool any = false;
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    std::string c = cell;
    for (std::string_view cap : kOptionsCaptions) {
      if (const std::size_t p = c.find(cap); p != std::string::npos) c.erase(p, cap.size());
    }
    c = text::trim(c);
    any = true;
    if (c.empty()) continue;
    for (std::size_t start = 0; start <= c.size();) {
      const std::size_t nl = std::min(c.find('\n', start), c.size());
      const std::string_view line = text::trim_view(std::string_view(c).substr(start, nl - start));
      start = nl + 1;
      // (an item starts with its number: most rows fail at once)
      if (line.empty() || line[0] < '0' || line[0] > '9') return false;
      if (!re2::RE2::FullMatch(line, kItem)) return false;
    }
  }
  return any;
}

bool contains(const std::vector<std::string>& keys, const std::string& k) {
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

}  // namespace engine

Recognized recognize(const Normalized& text, const Grammar& grammar, const Limits& limits) {
  engine::Engine e(text, grammar, limits);
  return e.run();
}

}  // namespace hyoka
