// segment + recognize: walks the normalized rows with a grammar. Headings open scopes (parts,
// sections, repeated groups such as システムN or リスクN); labels open fields; every other row
// continues the open field. Each field's region is read by the reader of its value type and
// written into the v1 model.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"
#include "hyoka/limits.h"
#include "hyoka/normalize.h"

namespace hyoka {

struct Span {
  std::string pointer;  // JSON Pointer of the value in the document
  int first = 0;        // 1-based input lines
  int last = 0;
};

struct Recognized {
  nlohmann::json doc;  // the model, source/form/quality not yet filled
  std::vector<Span> spans;
  std::vector<nlohmann::json> diagnostics;
  std::size_t lines_recognized = 0;
  std::vector<std::string> sections_missing;
  std::size_t label_hits = 0;           // labels and headings matched (to reject non-assessments)
  std::size_t values_recovered = 0;     // values placed by layout reasoning
  std::size_t characters_repaired = 0;  // OCR confusions repaired inside labels
  std::vector<int> file_name_numbers;   // prefix numbers of I's file names (0: none)
};

// Past limits.max_group_instances each further file, group or risk is skipped, with its fields;
// the rest of the document is read (diagnostic LIM005).
Recognized recognize(const Normalized& text, const Grammar& grammar, const Limits& limits = {});

}  // namespace hyoka
