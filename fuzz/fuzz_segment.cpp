// libFuzzer target: segment + recognize (the grammar-driven row loop) with every built-in
// grammar, on normalized rows of any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hyoka/grammar.h"
#include "hyoka/limits.h"
#include "hyoka/normalize.h"
#include "hyoka/recognize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const hyoka::GrammarSet grammars;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  hyoka::Limits limits;
  limits.max_group_instances = 64;  // reachable with inputs of fuzzing size
  const hyoka::Normalized n = hyoka::normalize(text, limits);
  for (const auto& g : grammars.all()) (void)hyoka::recognize(n, *g, limits);
  return 0;
}
