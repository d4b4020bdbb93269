// normalize: repairs extraction damage and produces rows of cells in one canonical internal form
// (see docs/architecture.md). Every row keeps the 1-based input line it came from: the source map.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

struct Row {
  int line = 0;                    // 1-based input line (source map)
  std::vector<std::string> cells;  // normalized cells; trailing empty cells dropped
  int heading_level = 0;           // markdown heading level (#, ##, …) of the line, 0 when none
  bool blank() const { return cells.empty(); }
  std::string joined(std::string_view sep = "\n") const;
};

struct Normalized {
  std::vector<Row> rows;        // one per input line, blank lines included
  std::string layout;           // "ocr-html", "pdftotext" or "plain"
  std::size_t lines_total = 0;  // non-blank input lines
};

// Guesses how the text was extracted.
std::string detect_layout(std::string_view text);

// One cell: markdown removed, HTML rendered, width folded, marks canonicalized, spaces collapsed.
std::string normalize_cell(std::string_view raw, int* heading_level = nullptr);

Normalized normalize(std::string_view text);

// Human-readable dump of the normalized rows (`hyoka normalize`).
std::string dump(const Normalized& n);

}  // namespace hyoka
