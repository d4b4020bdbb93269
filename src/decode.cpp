#include "hyoka/decode.h"

#include "hyoka/text.h"

namespace hyoka {

Decoded decode(std::string_view bytes) {
  Decoded d;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    d.had_bom = true;
    d.encoding = "UTF-8 (BOM)";
    bytes.remove_prefix(3);
  }
  d.text.reserve(bytes.size());
  std::size_t pos = 0;
  std::size_t line = 1;
  while (pos < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[pos]);
    if (b < 0x80) {
      if (b == '\n') ++line;
      d.text += static_cast<char>(b);
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = text::next_cp(bytes, pos);
    if (cp == 0xFFFD && !(pos - start == 3 && bytes.substr(start, 3) == "\xEF\xBF\xBD")) {
      ++d.invalid_sequences;
      if (d.first_invalid_line == 0) d.first_invalid_line = line;
      text::append_utf8(d.text, 0xFFFD);
    } else {
      d.text.append(bytes.substr(start, pos - start));
    }
  }
  return d;
}

}  // namespace hyoka
