// What each libFuzzer target does with one input, shared by the fuzz targets (fuzz_*.cpp) and the
// regression test (tests/test_fuzz_regressions.cpp), so that an input found by fuzzing is replayed
// exactly. Each body returns normally for every input: the documented rejections (not an
// assessment, a limit exceeded) are outcomes; any other exception, crash, leak, sanitizer report,
// hang or memory blow-up is a finding.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hyoka/decode.h"
#include "hyoka/grammar.h"
#include "hyoka/html_cell.h"
#include "hyoka/limits.h"
#include "hyoka/normalize.h"
#include "hyoka/parse.h"
#include "hyoka/recognize.h"

namespace hyoka::fuzz {

// decode() with detection, then (the first byte choosing) with each forced encoding of --encoding.
inline void decode_one(std::string_view bytes) {
  (void)decode(bytes);
  if (bytes.empty()) return;
  static constexpr std::string_view kForced[] = {"utf-8",  "cp932",    "euc-jp",
                                                 "utf-16", "utf-16le", "utf-16be"};
  const std::string_view forced =
      kForced[static_cast<unsigned char>(bytes[0]) % std::size(kForced)];
  (void)decode(bytes.substr(1), forced);
}

// normalize() (rows, cells, markdown, HTML, width folding, marks) and its dump; odd sizes with
// small limits, so that inputs of fuzzing size reach the code past every limit.
inline void normalize_one(std::string_view text) {
  Limits small;
  small.max_line_bytes = 2048;
  small.max_cells_per_row = 16;
  small.max_html_depth = 8;
  const Limits& limits = text.size() % 2 == 0 ? Limits{} : small;
  (void)dump(normalize(text, limits));
}

// The HTML reader of one table cell: gumbo, and the linear tag stripper past the nesting limit.
inline void html_cell_one(std::string_view cell) {
  (void)looks_like_html(cell);
  (void)render_html_cell(cell);
  HtmlLimits shallow;
  shallow.max_depth = 4;  // reaches the tag stripper with small inputs
  (void)render_html_cell(cell, shallow);
}

// segment + recognize with one built-in grammar, the input's size choosing which, so that every
// grammar meets every kind of input at a third of the cost of recognizing each input three times.
inline void segment_one(std::string_view text) {
  static const GrammarSet grammars;
  Limits limits;
  limits.max_group_instances = 64;  // reachable with inputs of fuzzing size
  const Normalized n = normalize(text, limits);
  const auto& all = grammars.all();
  (void)recognize(n, *all[text.size() % all.size()], limits);
}

// The whole pipeline, Parser::parse with the validator's rules (on by default; every third input
// as a draft), and the output serialized as the CLI does.
inline void parse_one(std::string_view bytes) {
  static const Parser parser;
  ParseOptions options;
  options.spans = bytes.size() % 2 == 1;
  options.draft = bytes.size() % 3 == 0;
  options.limits.max_group_instances = 64;  // reachable with inputs of fuzzing size
  try {
    const nlohmann::json doc = parser.parse(bytes, options);
    (void)doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const NotAnAssessment&) {
  } catch (const LimitExceeded&) {
  }
}

}  // namespace hyoka::fuzz
