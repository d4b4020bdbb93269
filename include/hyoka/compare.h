// Field-level comparison of two v1 documents: the golden tests and tools/accuracy use it.
// Free text is compared whitespace-insensitively (docs/output-conventions.md §2.9); every other
// value exactly. `diagnostics`, `quality`, `spans` and `source.path` are not compared.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hyoka {

struct Difference {
  std::string pointer;
  nlohmann::json expected;
  nlohmann::json actual;
};

struct SectionScore {
  std::size_t leaves = 0;
  std::size_t matched = 0;
};

struct Comparison {
  std::size_t leaves = 0;  // expected leaf values compared
  std::size_t matched = 0;
  std::vector<Difference> differences;
  std::map<std::string, SectionScore> sections;  // by section_of(pointer)
};

Comparison compare_documents(const nlohmann::json& expected, const nlohmann::json& actual);

// "files/risk_measures", "header", … : the section a pointer belongs to, for per-section figures.
std::string section_of(const std::string& pointer);

// A readable multi-line report of the differences.
std::string format_differences(const Comparison& c, std::size_t max = 50);

}  // namespace hyoka
