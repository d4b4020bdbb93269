// libFuzzer target: normalize() (rows, cells, markdown, HTML, width folding, marks) on any text,
// valid UTF-8 or not, and the `hyoka normalize` dump of its rows.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hyoka/limits.h"
#include "hyoka/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // small limits, so that inputs of fuzzing size reach the code past every limit
  hyoka::Limits small;
  small.max_line_bytes = 2048;
  small.max_cells_per_row = 16;
  small.max_html_depth = 8;
  const hyoka::Limits& limits = size % 2 == 0 ? hyoka::Limits{} : small;
  const hyoka::Normalized n = hyoka::normalize(text, limits);
  (void)hyoka::dump(n);
  return 0;
}
