// Reads one table cell of an OCR-HTML extraction with gumbo (a real HTML5 parser) and renders
// it as text: block elements become line breaks, table cells are separated by spaces, entities
// are decoded, and every <input> becomes a check-box token (☑ checked or radio, ⬚ unchecked).
// Pseudo-tags such as <選択肢> or <さいたま市における措置> are text for an HTML5 tokenizer and
// survive as written.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

struct HtmlLimits {
  // Cells nested deeper than this bypass the HTML parser (whose tree teardown recurses) and are
  // flattened to text by a linear tag stripper.
  std::size_t max_depth = 512;
  // Runs of plain text go to gumbo as one placeholder character each (same tree, same text, a
  // fraction of the tokens); off only to compare against the whole cell in tests.
  bool compact_text = true;
};

// True when the cell contains markup worth parsing (a tag or an entity).
bool looks_like_html(std::string_view cell);

// `flattened` (optional) is set when the cell was nested deeper than limits.max_depth and went
// through the tag stripper (diagnostic LIM003).
std::string render_html_cell(std::string_view cell, const HtmlLimits& limits = {},
                             bool* flattened = nullptr);

}  // namespace hyoka
