// libFuzzer target: the HTML fragment reader of one table cell (gumbo, and the linear tag
// stripper past the nesting limit).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hyoka/html_cell.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view cell(reinterpret_cast<const char*>(data), size);
  (void)hyoka::looks_like_html(cell);
  (void)hyoka::render_html_cell(cell);
  hyoka::HtmlLimits shallow;
  shallow.max_depth = 4;  // reaches the tag stripper with small inputs
  (void)hyoka::render_html_cell(cell, shallow);
  return 0;
}
