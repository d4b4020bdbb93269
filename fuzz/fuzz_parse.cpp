// libFuzzer target: the whole pipeline, Parser::parse (decode → normalize → segment → recognize →
// model), then the output serialized as the CLI does. The documented rejections (not an
// assessment, a limit exceeded) are outcomes, not findings; any other exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hyoka/limits.h"
#include "hyoka/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const hyoka::Parser parser;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hyoka::ParseOptions options;
  options.spans = size % 2 == 1;
  options.limits.max_group_instances = 64;  // reachable with inputs of fuzzing size
  try {
    const nlohmann::json doc = parser.parse(bytes, options);
    (void)doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // VALIDATE HERE (issue 5): run the validator on `doc` once it is merged.
  } catch (const hyoka::NotAnAssessment&) {
  } catch (const hyoka::LimitExceeded&) {
  }
  return 0;
}
