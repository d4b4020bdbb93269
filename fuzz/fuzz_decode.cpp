// libFuzzer target: decode() on any bytes, with detection and with each forced encoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hyoka/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)hyoka::decode(bytes);
  if (size == 0) return 0;
  // the first byte picks a forced encoding for the rest (the CLI's --encoding)
  static constexpr std::string_view kForced[] = {"utf-8",  "cp932",    "euc-jp",
                                                 "utf-16", "utf-16le", "utf-16be"};
  const std::string_view forced = kForced[data[0] % std::size(kForced)];
  (void)hyoka::decode(bytes.substr(1), forced);
  return 0;
}
