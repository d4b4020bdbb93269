// normalize: repairs extraction damage and produces rows of cells in one canonical internal form
// (see docs/architecture.md). Every row keeps the 1-based input line it came from: the source map.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hyoka/limits.h"

namespace hyoka {

struct Row {
  int line = 0;                    // 1-based input line (source map)
  std::vector<std::string> cells;  // normalized cells; trailing empty cells dropped
  int heading_level = 0;           // markdown heading level (#, ##, …) of the line, 0 when none
  bool blank() const { return cells.empty(); }
  std::string joined(std::string_view sep = "\n") const;
};

struct Normalized {
  std::vector<Row> rows;              // one per input line, blank lines included
  std::string layout;                 // "ocr-html", "pdftotext" or "plain"
  std::size_t lines_total = 0;        // non-blank input lines
  std::size_t furniture_lines = 0;    // page footers and running headers removed
  std::size_t doubled_collapsed = 0;  // doubled overlay texts collapsed
  std::vector<LimitNote> limits_hit;  // LIM002–LIM004: what was cut or flattened (limits.h)
};

// Page furniture of text extractions: footers (`- 12 -`, `1 / 38 宮崎市税務部市民税課`), form
// feeds, and running headers (the same line at the top of several pages). Returns the 0-based
// indexes of the lines to drop.
std::vector<std::size_t> page_furniture(const std::vector<std::string>& lines);

// Bold text that an extractor printed twice, interleaved: `A A+B B` → `A+B`
// (`特定個人情報保護評価書( 特定個人情報保護評価書(全項目評価書) 全項目評価書)`).
std::string collapse_doubled(std::string_view line);

// Guesses how the text was extracted.
std::string detect_layout(std::string_view text);

// One cell: markdown removed, HTML rendered, width folded, marks canonicalized, spaces collapsed.
// `flattened` is set when its markup was nested deeper than limits.max_html_depth (LIM003).
std::string normalize_cell(std::string_view raw, int* heading_level = nullptr,
                           const Limits& limits = {}, bool* flattened = nullptr);

// Lines past limits.max_line_bytes are cut, rows past limits.max_cells_per_row dropped, markup
// past limits.max_html_depth flattened; each reported once in `limits_hit`.
Normalized normalize(std::string_view text, const Limits& limits = {});

// Human-readable dump of the normalized rows (`hyoka normalize`).
std::string dump(const Normalized& n);

}  // namespace hyoka
