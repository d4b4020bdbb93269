// Precision on the seeds: exactly these validator findings, each checked against the document's
// text (README「検査」 explains each one). A new finding on a seed is a bug until shown real.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "hyoka/parse.h"
#include "hyoka/validate.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json parse_fixture(const std::string& name, bool draft = false) {
  static const hyoka::Parser parser;
  const fs::path p = fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds" / (name + ".txt");
  std::ifstream f(p, std::ios::binary);
  REQUIRE(f);
  const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  hyoka::ParseOptions o;
  o.draft = draft;
  return parser.parse(bytes, o);
}

// "CODE@line" of every warning and error the validator (not the parser) reports
std::multiset<std::string> findings(const json& doc) {
  std::multiset<std::string> out;
  for (const auto& d : doc["diagnostics"]) {
    const auto* r = hyoka::validate::find_rule(d["rule"].get<std::string>());
    if (r == nullptr || r->check == nullptr || d["severity"] == "info") continue;
    out.insert(d["rule"].get<std::string>() + "@" + (d["line"].is_null() ? "-" : d["line"].dump()));
  }
  return out;
}

}  // namespace

TEST_CASE("seeds: the validator reports exactly the real problems of each seed", "[rules][seeds]") {
  const std::map<std::string, std::multiset<std::string>> expected = {
      // 000:122 提供を行っている ○ with （ ）件 blank
      {"000_db03bfbb73bab489", {"CNT005@122"}},
      // 001:123 提供を行っている with blank count; 001:60 既存住民基本台帳ファイル vs 001:74
      {"001_97e7286a07f87af4", {"CNT005@123", "NAM002@59"}},
      // 002:806 （ 75,424 ）件 (the number of people) with one 委託事項, and file (1)'s 76,386
      // (002:434-454, its box printed apart from `）　件`, spans from 304); 002:1666 file (2)'s
      // Ⅲ 5 box 提供・移転しない empty while its Ⅱ 5 (002:858) checks 行っていない; 002:276
      // file (1)'s 10項目以上50項目未満 while its 別添1 lists 130 items; 002:141 情報連携
      // 実施する while both files' Ⅲ 6 check 接続しない（入手） and （提供） (002:1239, 1721-1734)
      {"002_a7915fa7576da2d4",
       {"CHO007@1666", "CHO013@141", "CNT001@304", "CNT001@804", "RNG001@171"}},
      // 003:84 10項目以上50項目未満 while 別添1 lists 92 distinct items
      {"003_6edb3ad0aa6a4351", {"RNG001@84"}},
      // 004:538 変更箇所 実施する→実施しない vs 004:84 実施する; 004:540 no 変更日; 004:20 公表日
      // blank;
      // 004:473 実施日 blank; 004:380 [ ] 接続しない(提供) with リスク5–7 unrated (004:394-402)
      {"004_93c291e82691a3a8",
       {"CHG001@538", "DAT006@540", "REQ004@6", "REQ007@474", "REQ008@382"}},
  };
  for (const auto& [seed, want] : expected) {
    DYNAMIC_SECTION(seed) { CHECK(findings(parse_fixture(seed)) == want); }
  }
}

TEST_CASE("seeds: as a draft, seed 004 keeps only its contradictions", "[rules][seeds]") {
  CHECK(findings(parse_fixture("004_93c291e82691a3a8", true)) ==
        std::multiset<std::string>{"CHG001@538", "REQ008@382"});
}

TEST_CASE("seeds: every seed's validator diagnostics name existing fields", "[rules][seeds]") {
  for (const char* seed :
       {"000_db03bfbb73bab489", "001_97e7286a07f87af4", "002_a7915fa7576da2d4",
        "003_6edb3ad0aa6a4351", "004_93c291e82691a3a8", "basic_ocr_html", "basic_plain"}) {
    const json doc = parse_fixture(seed);
    for (const auto& d : doc["diagnostics"]) {
      for (const auto& p : d["paths"]) {
        INFO(seed << " " << d["rule"] << " " << p);
        CHECK(doc.contains(json::json_pointer(p.get<std::string>())));
      }
    }
  }
}
