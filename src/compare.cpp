#include "hyoka/compare.h"

#include "hyoka/text.h"

namespace hyoka {

using nlohmann::json;

namespace {

bool equal_leaf(const json& a, const json& b) {
  if (a.is_string() && b.is_string())
    return text::collapse_spaces(a.get<std::string>(), true) ==
           text::collapse_spaces(b.get<std::string>(), true);
  if (a.is_number() && b.is_number()) return a == b;
  return a == b;
}

bool skipped(const std::string& pointer) {
  return pointer == "/diagnostics" || pointer == "/quality" || pointer == "/spans" ||
         pointer == "/source/path";
}

std::size_t count_leaves(const json& j) {
  if (j.is_object()) {
    std::size_t n = 0;
    for (const auto& [k, v] : j.items()) n += count_leaves(v);
    return n == 0 ? 1 : n;
  }
  if (j.is_array()) {
    std::size_t n = 0;
    for (const auto& v : j) n += count_leaves(v);
    return n == 0 ? 1 : n;
  }
  return 1;
}

std::string escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void score(Comparison& c, const std::string& ptr, std::size_t leaves, std::size_t matched) {
  c.leaves += leaves;
  c.matched += matched;
  SectionScore& s = c.sections[section_of(ptr)];
  s.leaves += leaves;
  s.matched += matched;
}

void walk(const json& e, const json& a, const std::string& ptr, Comparison& c) {
  if (skipped(ptr)) return;
  const bool container = e.is_object() || e.is_array();
  if (container && (a.type() != e.type())) {
    score(c, ptr, count_leaves(e), 0);
    c.differences.push_back({ptr, e, a});
    return;
  }
  if (container && e.empty()) {
    score(c, ptr, 1, a.empty() ? 1 : 0);
    if (!a.empty()) c.differences.push_back({ptr, e, a});
    return;
  }
  if (e.is_object()) {
    for (const auto& [k, v] : e.items()) {
      walk(v, a.contains(k) ? a.at(k) : json(), ptr + "/" + escape(k), c);
    }
    return;
  }
  if (e.is_array()) {
    for (std::size_t i = 0; i < e.size(); ++i) {
      walk(e[i], i < a.size() ? a[i] : json(), ptr + "/" + std::to_string(i), c);
    }
    // items the parser invented count as one error each
    for (std::size_t i = e.size(); i < a.size(); ++i) {
      const std::string p = ptr + "/" + std::to_string(i);
      score(c, p, 1, 0);
      c.differences.push_back({p, json(), a[i]});
    }
    return;
  }
  const bool same = equal_leaf(e, a);
  score(c, ptr, 1, same ? 1 : 0);
  if (!same) c.differences.push_back({ptr, e, a});
}

}  // namespace

Comparison compare_documents(const json& expected, const json& actual) {
  Comparison c;
  walk(expected, actual, "", c);
  return c;
}

std::string section_of(const std::string& pointer) {
  const auto parts = text::split(pointer.substr(pointer.empty() ? 0 : 1), '/');
  if (parts.empty()) return "";
  if (parts[0] == "files" && parts.size() >= 3) {
    const std::string& k = parts[2];
    if (k == "risk_measures") return "files/risk_measures";
    if (k == "outsourcing") return "files/outsourcing";
    if (k == "provision") return "files/provision";
    if (k == "record_items") return "files/record_items";
    return "files/basic+use";
  }
  return parts[0];
}

std::string format_differences(const Comparison& c, std::size_t max) {
  std::string out;
  std::size_t n = 0;
  for (const auto& d : c.differences) {
    if (n++ == max) {
      out += "  … " + std::to_string(c.differences.size() - max) + " more\n";
      break;
    }
    auto shorten = [](const json& j) {
      std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
      if (s.size() > 160) s = s.substr(0, 150) + "…(" + std::to_string(s.size()) + " bytes)";
      return s;
    };
    out += "  " + d.pointer + "\n    expected: " + shorten(d.expected) +
           "\n    actual:   " + shorten(d.actual) + "\n";
  }
  return out;
}

}  // namespace hyoka
