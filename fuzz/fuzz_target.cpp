// The libFuzzer entry point of every target: compiled once per target with HYOKA_FUZZ_BODY set to
// one of the bodies of fuzz_bodies.h (decode_one, normalize_one, html_cell_one, segment_one,
// parse_one).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hyoka::fuzz::HYOKA_FUZZ_BODY(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
