// validate: consistency rules over a v1 document (the stage after `model`, before `emit`).
//
// Every rule has a stable code (CNT001, CHO002, …), a family, a default severity, a one-line
// Japanese summary and a longer explanation; the registry (`rules()`) is the source of truth for
// `hyoka rules`, docs/rules.md and the SARIF rule metadata. Rules read only the document and,
// when given, its spans (JSON Pointer → input lines), from which each diagnostic's `line` comes.
//
// The reading diagnostics the parser emits itself (DEC001, REC001–REC009, NAM001) are in the
// registry too (without a check function), so that they can be listed, explained, selected and
// ignored like the others.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace hyoka {
class GrammarSet;
}

namespace hyoka::validate {

struct Options {
  // A draft may still leave empty what is filled at publication: 公表日, 承認日, 基礎項目評価の
  // 実施日, the 変更日 of the pending change-log row.
  bool draft = false;
  // The grammars whose option lists the rules compare values with (the Parser's, so that a
  // process loads them once). nullptr: run() loads the built-in grammars itself when a rule
  // needs them.
  const GrammarSet* grammars = nullptr;
};

class Context;

// What a rule reports; the runner adds the code, the severity and the input line.
struct Finding {
  std::string message;
  std::vector<std::string> paths;  // JSON Pointers of every field involved, most telling first
};
using Findings = std::vector<Finding>;

// A patch of the example document: JSON Pointer → new value (see example_document()).
using Patch = std::vector<std::pair<std::string, nlohmann::json>>;

struct Rule {
  std::string code;         // stable: never reused for another meaning
  std::string family;       // counts, choices, names, options, ranges, dates, changes, required,
                            // quality (families())
  std::string severity;     // default: error / warning / info
  std::string summary;      // one line, Japanese
  std::string explanation;  // several lines, Japanese: what, why, and how to fix
  Patch bad;   // applied to example_document(): the rule fires (its tests and `hyoka rules`)
  Patch good;  // applied after `bad`: the fix, the rule is silent again
  void (*check)(const Context&, Findings&) = nullptr;  // nullptr: emitted by the parser
};

// Every rule, sorted by code.
const std::vector<Rule>& rules();
const Rule* find_rule(std::string_view code);
// The families in display order, with their Japanese names.
const std::vector<std::pair<std::string, std::string>>& families();

// The rules' findings on `doc` as v1 Diagnostic objects, in rule order. `spans` is the object
// of `parse --spans` (or null): a diagnostic's line is the first line of its first path that has
// a span (or of the nearest enclosing value that has one).
nlohmann::json run(const nlohmann::json& doc, const nlohmann::json& spans, const Options& options);

// Appends run()'s diagnostics to doc["diagnostics"], after any the parser left there
// (a validator diagnostic already present is replaced, so validating twice changes nothing).
void apply(nlohmann::json& doc, const nlohmann::json& spans, const Options& options);

// A small, consistent 様式3 document (one system, one file with one 委託事項 and one 提供先, a
// short change log) on which no rule fires. Rule examples are patches of it.
nlohmann::json example_document();

// `doc` with `patch` applied (a pointer ending in "/-" appends to an array).
nlohmann::json patched(nlohmann::json doc, const Patch& patch);

// Renders a rule as `hyoka rules CODE` prints it (plain text) or as a Markdown section.
std::string describe(const Rule& rule);
std::string describe_markdown(const Rule& rule);

}  // namespace hyoka::validate
