// The rule registry and every rule's own examples: the example document is clean, each rule's
// `bad` patch makes it fire, its `good` patch silences it again.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "hyoka/validate.h"

namespace {

using nlohmann::json;
namespace v = hyoka::validate;

std::multiset<std::string> codes(const json& diagnostics) {
  std::multiset<std::string> out;
  for (const auto& d : diagnostics) out.insert(d["rule"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("rules: the registry has at least 30 validator rules with unique stable codes",
          "[rules]") {
  std::set<std::string> seen;
  int validators = 0;
  std::set<std::string> families;
  for (const auto& [k, name] : v::families()) families.insert(k);
  for (const auto& r : v::rules()) {
    INFO(r.code);
    CHECK(seen.insert(r.code).second);
    CHECK(r.code.size() == 6);
    CHECK(families.count(r.family) == 1);
    CHECK((r.severity == "error" || r.severity == "warning" || r.severity == "info"));
    CHECK_FALSE(r.summary.empty());
    CHECK(r.explanation.size() > r.summary.size());
    if (r.check != nullptr) {
      ++validators;
      CHECK_FALSE(r.bad.empty());
      CHECK_FALSE(r.good.empty());
    }
  }
  CHECK(validators >= 30);
  // every family of the issue has rules of its own
  for (const auto& f : families) {
    int n = 0;
    for (const auto& r : v::rules()) n += r.family == f && r.check != nullptr;
    INFO(f);
    CHECK(n >= 1);
  }
}

TEST_CASE("rules: the parser's reading codes are registered without a check", "[rules]") {
  for (const char* code : {"DEC001", "REC001", "REC002", "REC003", "REC004", "REC005", "REC006",
                           "REC007", "REC008", "REC009", "NAM001"}) {
    INFO(code);
    const v::Rule* r = v::find_rule(code);
    REQUIRE(r != nullptr);
    CHECK(r->check == nullptr);
  }
  CHECK(v::find_rule("XXX999") == nullptr);
}

TEST_CASE("rules: no rule fires on the example document", "[rules]") {
  const json doc = v::example_document();
  const json d = v::run(doc, nullptr, {});
  INFO(d.dump(2));
  CHECK(d.empty());
}

TEST_CASE("rules: each rule fires on its bad example and not on its fix", "[rules]") {
  for (const auto& r : v::rules()) {
    if (r.check == nullptr) continue;
    DYNAMIC_SECTION(r.code) {
      const json bad = v::patched(v::example_document(), r.bad);
      const json fired = v::run(bad, nullptr, {});
      INFO(fired.dump(2));
      CHECK(codes(fired).count(r.code) >= 1);
      for (const auto& d : fired) {
        if (d["rule"] != r.code) continue;
        CHECK(d["severity"] == r.severity);
        CHECK_FALSE(d["paths"].empty());
        CHECK_FALSE(d["message"].get<std::string>().empty());
        // every path names a value of the document
        for (const auto& p : d["paths"]) {
          INFO(p);
          CHECK(bad.contains(json::json_pointer(p.get<std::string>())));
        }
      }
      const json good = v::patched(bad, r.good);
      const json after = v::run(good, nullptr, {});
      INFO(after.dump(2));
      CHECK(codes(after).count(r.code) == 0);
    }
  }
}

TEST_CASE("rules: describe() shows the explanation and the examples", "[rules]") {
  const v::Rule* r = v::find_rule("CNT001");
  REQUIRE(r != nullptr);
  const std::string text = v::describe(*r);
  CHECK(text.find("CNT001") != std::string::npos);
  CHECK(text.find(r->explanation.substr(0, 30)) != std::string::npos);
  CHECK(text.find("/files/0/outsourcing/declared_count = 3") != std::string::npos);
  CHECK(v::describe_markdown(*r).rfind("### CNT001", 0) == 0);
}

TEST_CASE("rules: apply() keeps the parser's diagnostics and does not duplicate its own",
          "[rules]") {
  json doc = v::patched(v::example_document(), v::find_rule("CHO001")->bad);
  doc["diagnostics"].push_back({{"rule", "REC008"},
                                {"severity", "warning"},
                                {"message", "x"},
                                {"paths", json::array({"/systems"})},
                                {"line", 3}});
  v::apply(doc, nullptr, {});
  v::apply(doc, nullptr, {});
  const auto c = codes(doc["diagnostics"]);
  CHECK(c.count("REC008") == 1);
  CHECK(c.count("CHO001") == 1);
}

TEST_CASE("rules: a diagnostic's line is the first line of its first path with a span", "[rules]") {
  const json doc = v::patched(v::example_document(), v::find_rule("CNT001")->bad);
  const json spans = {{"/files/0/outsourcing/declared_count", {120, 120}},
                      {"/files/0/outsourcing/entrusts/0/title", {125, 125}},
                      {"/header/organization", {7, 7}}};
  const json d = v::run(doc, spans, {});
  REQUIRE(d.size() == 1);
  CHECK(d[0]["line"] == 120);
  // a blank value is placed at its part's first line
  const json blank = v::patched(v::example_document(), {{"/header/published_on", nullptr}});
  const json d2 = v::run(blank, spans, {});
  REQUIRE(d2.size() == 1);
  CHECK(d2[0]["rule"] == "REQ004");
  CHECK(d2[0]["line"] == 7);
  // no span at all: null
  CHECK(v::run(doc, nullptr, {})[0]["line"].is_null());
}

TEST_CASE("rules: docs/diagnostics.md lists every code with the registry's severity", "[rules]") {
  std::ifstream f(std::string(HYOKA_SOURCE_DIR) + "/docs/diagnostics.md", std::ios::binary);
  REQUIRE(f);
  const std::string doc((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  for (const auto& r : v::rules()) {
    INFO(r.code);
    const std::string row = "| `" + r.code + "` | " + r.severity + " | ";
    CHECK(doc.find(row) != std::string::npos);
    // validator rows carry the registry's summary itself (reading rows have their own wording)
    if (r.check != nullptr) CHECK(doc.find(row + r.summary + " |") != std::string::npos);
  }
}
