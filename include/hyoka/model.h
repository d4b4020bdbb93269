// model: the v1 contract's objects with every key present (SCHEMA.md, docs/output-conventions.md).
// Skeletons hold nulls and empty lists; the recognizers fill them.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"

namespace hyoka::model {

nlohmann::json document();
nlohmann::json system();
nlohmann::json file();
nlohmann::json entrust();
nlohmann::json recipient();
nlohmann::json risk_measures();
nlohmann::json risk_measures_full();
nlohmann::json other_risk_measures();
nlohmann::json risk_summary();
nlohmann::json emergency_exception();
nlohmann::json change();
nlohmann::json diagnostic(std::string_view rule, std::string_view severity,
                          std::string_view message, nlohmann::json paths, int line);

// The skeleton named by a grammar scope ("system", "file", …), or an empty object.
nlohmann::json skeleton(std::string_view name);

// Fills what the grammar knows about an instance of `owner`: full option lists of check sets,
// every Section with its risks and controls, in form order.
void apply_grammar_defaults(const Scope& owner, nlohmann::json& obj);

}  // namespace hyoka::model
