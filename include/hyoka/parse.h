// The pipeline: decode → normalize → segment → recognize → model → validate → emit.
// `Parser` owns the grammars; it is immutable after construction and safe to share.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"
#include "hyoka/limits.h"
#include "hyoka/normalize.h"

namespace hyoka {

struct ParseOptions {
  std::string path;      // reported as source.path; empty for stdin
  bool spans = false;    // add "spans": {pointer: [first_line, last_line]}
  std::string encoding;  // forced input encoding (--encoding); empty: detect
  bool validate = true;  // run the validator's rules (diagnostics of the CNT, CHO, … families)
  bool draft = false;    // validate as a draft (validate.h Options::draft)
  Limits limits;         // hostile input: past a limit, LimitExceeded or a LIM diagnostic
};

// An input that is not a PIA document at all (exit code 4 in the CLI).
struct NotAnAssessment : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Parser {
 public:
  Parser();
  // Throws NotAnAssessment, LimitExceeded (limits.h) and EncodingError (decode.h) for inputs that
  // give no document; any other exception is a bug.
  nlohmann::json parse(std::string_view bytes, const ParseOptions& options = {}) const;
  // Throws LimitExceeded when the input is larger than limits.max_bytes.
  Normalized normalize_text(std::string_view bytes, std::string_view encoding = {},
                            const Limits& limits = {}) const;
  // The built-in grammars, compiled once per Parser (the validator's option lists come from here).
  const GrammarSet& grammars() const { return grammars_; }
  static std::string_view schema();
  static std::string_view version();

 private:
  GrammarSet grammars_;
};

}  // namespace hyoka
