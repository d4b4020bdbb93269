// decode: bytes to UTF-8. This stage accepts UTF-8 with or without BOM; invalid byte sequences
// are replaced by U+FFFD and counted, never fatal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hyoka {

struct Decoded {
  std::string text;  // UTF-8, BOM removed
  std::string encoding = "UTF-8";
  bool had_bom = false;
  std::size_t invalid_sequences = 0;
  std::size_t first_invalid_line = 0;  // 1-based, 0 when none
};

Decoded decode(std::string_view bytes);

}  // namespace hyoka
