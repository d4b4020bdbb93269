// Helpers shared by the tests that parse small hand-made documents: lines written with ⇥ for
// TAB, parsed with the built-in grammars, and JSON expectations built compactly.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/parse.h"

namespace document_support {

using nlohmann::json;
using Lines = std::vector<std::string>;

inline const hyoka::Parser& parser() {
  static const hyoka::Parser p;
  return p;
}

// The document text: ⇥ becomes TAB, lines end with '\n'.
inline std::string text(const Lines& lines) {
  std::string out;
  for (const auto& l : lines) {
    std::string s = l;
    for (std::size_t p = s.find("⇥"); p != std::string::npos; p = s.find("⇥", p)) {
      s.replace(p, std::string_view("⇥").size(), "\t");
    }
    out += s;
    out += '\n';
  }
  return out;
}

inline json parse(const Lines& lines, const hyoka::ParseOptions& options = {}) {
  return parser().parse(text(lines), options);
}

// 1-based number of the first line that starts with `prefix`.
inline int line_of(const Lines& lines, std::string_view prefix) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (std::string_view(lines[i]).substr(0, prefix.size()) == prefix) {
      return static_cast<int>(i) + 1;
    }
  }
  FAIL("no line starts with " << prefix);
  return 0;
}

inline const json& at(const json& doc, const std::string& pointer) {
  return doc.at(json::json_pointer(pointer));
}

inline json check(const char* label, json checked, json detail = nullptr) {
  return {{"label", label}, {"checked", std::move(checked)}, {"detail", std::move(detail)}};
}

inline json control(const char* label, json value, json text) {
  return {{"label", label}, {"value", std::move(value)}, {"text", std::move(text)}};
}

inline std::vector<json> diagnostics_with_rule(const json& doc, const std::string& rule) {
  std::vector<json> out;
  for (const auto& d : doc.at("diagnostics")) {
    if (d.at("rule") == rule) out.push_back(d);
  }
  return out;
}

inline bool contains(const json& list, const std::string& s) {
  for (const auto& v : list) {
    if (v == s) return true;
  }
  return false;
}

}  // namespace document_support
