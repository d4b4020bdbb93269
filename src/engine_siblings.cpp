// pdftotext: a Ⅲ block's text value found through another file's block of the same document.
// Documents with several files often print the same measures for each; where a block's page was
// scrambled past placing a text under its label, the very text another block holds for that
// field, printed once inside this block's pages and read by no other field, is this block's.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

namespace {

// A text of at least ten characters: short values (choices, names) are too common to match.
constexpr std::size_t kMinTextKey = 30;
// The blocks whose texts one block looks for, the first ones in the document: real documents have
// a few dozen files at most, and a bound keeps a document of thousands of blocks linear.
constexpr std::size_t kMaxSiblings = 64;

}  // namespace

void Engine::fill_from_sibling_blocks(const std::vector<Instance*>& blocks) {
  if (n_.layout != "pdftotext" || blocks.size() < 2) return;
  const auto& rows = n_.rows;
  // the boxes of the text: runs of non-blank rows
  std::vector<std::pair<std::size_t, std::size_t>> boxes;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].blank()) continue;
    std::size_t j = i;
    while (j + 1 < rows.size() && !rows[j + 1].blank()) ++j;
    boxes.emplace_back(i, j);
    i = j;
  }
  // each box's text as keys, computed once, on first use (most boxes are never compared: only
  // free ones in a block's pages are, and only for a long enough text of another block)
  std::vector<std::optional<std::string>> box_keys(boxes.size());
  auto box_key = [&](std::size_t b) -> const std::string& {
    if (!box_keys[b]) {
      std::string k;
      for (std::size_t r = boxes[b].first; r <= boxes[b].second; ++r)
        k += text::key(rows[r].joined(" "));
      box_keys[b] = std::move(k);
    }
    return *box_keys[b];
  };
  std::vector<Instance*> ordered(blocks.begin(), blocks.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const Instance* a, const Instance* b) { return a->line < b->line; });
  // each block's string leaves long enough to match, as (pointer, key); computed once per block
  // and again only after the block took a value (a value it took serves the blocks after it)
  using Leaves = std::vector<std::pair<json::json_pointer, std::string>>;
  std::vector<std::optional<Leaves>> leaves(ordered.size());
  auto leaves_of = [&](std::size_t i) -> const Leaves& {
    if (!leaves[i]) {
      Leaves out;
      const json flat = ordered[i]->obj.flatten();
      for (const auto& [pointer, value] : flat.items()) {
        if (!value.is_string()) continue;
        std::string k = text::key(value.get<std::string>());
        if (k.size() >= kMinTextKey) out.emplace_back(json::json_pointer(pointer), std::move(k));
      }
      leaves[i] = std::move(out);
    }
    return *leaves[i];
  };
  for (std::size_t a = 0; a < ordered.size(); ++a) {
    Instance& block = *ordered[a];
    const int from = block.line;
    const int to = a + 1 < ordered.size() ? ordered[a + 1]->line : rows.back().line + 1;
    // the boxes inside the block's pages, [lo, hi) (boxes and rows are in line order): only
    // these are searched, so the work per block follows its own size, not the document's
    const auto lo = static_cast<std::size_t>(
        std::partition_point(boxes.begin(), boxes.end(),
                             [&](const auto& box) { return rows[box.first].line < from; }) -
        boxes.begin());
    std::size_t hi = lo;
    while (hi < boxes.size() && rows[boxes[hi].second].line < to) ++hi;
    // a box may serve when no text value or label took it; known again after each value taken
    std::vector<char> free(hi - lo);
    auto find_free = [&] {
      for (std::size_t b = lo; b < hi; ++b) {
        free[b - lo] = 1;
        for (std::size_t r = boxes[b].first; r <= boxes[b].second; ++r) {
          if (text_rows_.count(rows[r].line) > 0 || is_stray_label(rows[r])) free[b - lo] = 0;
        }
      }
    };
    find_free();
    std::size_t consulted = 0;
    for (std::size_t o = 0; o < ordered.size() && consulted < kMaxSiblings; ++o) {
      if (o == a) continue;
      ++consulted;
      const Leaves& other = leaves_of(o);
      for (const auto& [p, target] : other) {
        if (!block.obj.contains(p) || !block.obj[p].is_null()) continue;
        // consecutive free boxes whose text is exactly the target, once in the block's pages
        std::vector<std::pair<std::size_t, std::size_t>> found;
        for (std::size_t b = lo; b < hi; ++b) {
          std::string got;
          for (std::size_t e = b; e < hi && free[e - lo]; ++e) {
            got += box_key(e);
            if (target.compare(0, got.size(), got) != 0) break;
            if (got.size() == target.size()) {
              found.emplace_back(b, e);
              break;
            }
          }
        }
        if (found.size() != 1) continue;
        const auto [b, e] = found.front();
        Region region;
        for (std::size_t r = boxes[b].first; r <= boxes[e].second; ++r) {
          if (!rows[r].blank()) region.rows.push_back(rows[r].joined());
          text_rows_.insert(rows[r].line);
        }
        block.obj[p] = read_text(region);
        block.spans.push_back(
            {p.to_string(), rows[boxes[b].first].line, rows[boxes[e].second].line});
        ++values_recovered_;
        leaves[a].reset();
        find_free();
      }
    }
  }
}

}  // namespace hyoka::engine
