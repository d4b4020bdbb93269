// `hyoka check` and `hyoka rules` end to end: every output format, the exit codes, selection,
// the config file, draft mode, and JSON documents as input. (SARIF's schema validation is the
// CTest `sarif_validation`.)
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.h"

namespace {

using namespace hyoka_test;
using nlohmann::json;

std::string seed(const char* name) {
  return (fs::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds" / (std::string(name) + ".txt"))
      .string();
}
const std::string kClean = seed("basic_plain");              // no finding at all
const std::string kWarnings = seed("003_6edb3ad0aa6a4351");  // warnings, no error
const std::string kErrors = seed("002_a7915fa7576da2d4");    // CNT001, CHO007, CHO013 errors
const std::string kDraft = seed("004_93c291e82691a3a8");     // 公表日 blank

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '\n') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

RunResult check(const TempDir& tmp, std::vector<std::string> args) {
  args.insert(args.begin(), {"check", "--no-config"});
  return run_hyoka(tmp, args);
}

}  // namespace

TEST_CASE("check: exit codes follow --fail-on", "[cli][check]") {
  TempDir tmp;
  CHECK(check(tmp, {kClean}).code == 0);
  CHECK(check(tmp, {kWarnings}).code == 0);
  CHECK(check(tmp, {"--fail-on", "warning", kWarnings}).code == 1);
  CHECK(check(tmp, {kErrors}).code == 1);
  CHECK(check(tmp, {"--fail-on", "never", kErrors}).code == 0);
  CHECK(check(tmp, {"--fail-on", "sometimes", kErrors}).code == 2);
  CHECK(check(tmp, {"--format", "xml", kErrors}).code == 2);
  // the worst input decides; an unreadable one still lets the others be checked
  const RunResult r = check(tmp, {kClean, (tmp / "missing.txt").string(), kErrors});
  CHECK(r.code == 3);
  CHECK(r.out.find("CNT001") != std::string::npos);
  write_file(tmp / "prose.txt", "これは評価書ではない普通の文章です。\n");
  CHECK(check(tmp, {(tmp / "prose.txt").string()}).code == 4);
}

TEST_CASE("check: text output is one compiler-style line per finding, uncoloured off a terminal",
          "[cli][check]") {
  TempDir tmp;
  const RunResult r = check(tmp, {kDraft});
  REQUIRE(r.code == 1);
  const std::regex shape(R"(^.+\.txt:([0-9]+:)? (error|warning|info)\[[A-Z]{3}[0-9]{3}\] .+$)");
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 5);
  for (const auto& l : lines) {
    INFO(l);
    CHECK(std::regex_match(l, shape));
  }
  CHECK(r.out.find("\x1b[") == std::string::npos);
  CHECK(r.out.find(kDraft + ":538: error[CHG001]") != std::string::npos);
  CHECK(r.err.find("エラー") != std::string::npos);
  // sorted by line; findings without a line come last
  int last = 0;
  for (const auto& l : lines) {
    std::smatch m;
    const std::regex line_no(R"(\.txt:([0-9]+): )");
    if (!std::regex_search(l, m, line_no)) {
      last = 1 << 30;
      continue;
    }
    CHECK(std::stoi(m[1]) >= last);
    last = std::stoi(m[1]);
  }
}

TEST_CASE("check: json output carries every diagnostic and a summary", "[cli][check]") {
  TempDir tmp;
  const RunResult r = check(tmp, {"--format", "json", kDraft, kClean});
  REQUIRE(r.code == 1);
  const json j = json::parse(r.out);
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][0]["path"] == kDraft);
  CHECK(j["files"][1]["diagnostics"].empty());
  int errors = 0;
  for (const auto& d : j["files"][0]["diagnostics"]) {
    CHECK(d.contains("paths"));
    CHECK(d.contains("line"));
    errors += d["severity"] == "error";
  }
  CHECK(j["summary"]["error"] == errors);
  CHECK(r.err.empty());
}

TEST_CASE("check: github output is one workflow command per finding", "[cli][check]") {
  TempDir tmp;
  const RunResult r = check(tmp, {"--format", "github", kDraft});
  REQUIRE(r.code == 1);
  const std::regex shape(
      R"(^::(error|warning|notice) file=[^,]+(,line=[0-9]+)?,title=hyoka [A-Z]{3}[0-9]{3}::[A-Z]{3}[0-9]{3} .+$)");
  for (const auto& l : lines_of(r.out)) {
    INFO(l);
    CHECK(std::regex_match(l, shape));
  }
  CHECK(r.out.find("::error file=" + kDraft + ",line=538,title=hyoka CHG001::") !=
        std::string::npos);
}

TEST_CASE("check: junit output has one test case per input and fails those with findings",
          "[cli][check]") {
  TempDir tmp;
  const RunResult r = check(tmp, {"--format", "junit", kDraft, kClean});
  REQUIRE(r.code == 1);
  CHECK(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  CHECK(r.out.find("<testsuites name=\"hyoka check\" tests=\"2\" failures=\"1\"") !=
        std::string::npos);
  CHECK(r.out.find("<testcase classname=\"hyoka.check\" name=\"" + kClean + "\">") !=
        std::string::npos);
  CHECK(r.out.find("<failure message=\"") != std::string::npos);
  // with --fail-on never nothing fails
  const RunResult n = check(tmp, {"--format", "junit", "--fail-on", "never", kDraft});
  CHECK(n.code == 0);
  CHECK(n.out.find("<failure") == std::string::npos);
  CHECK(n.out.find("<system-out>") != std::string::npos);
}

TEST_CASE("check: sarif output names its rules and places results", "[cli][check]") {
  TempDir tmp;
  const RunResult r = check(tmp, {"--format", "sarif", kDraft});
  REQUIRE(r.code == 1);
  const json log = json::parse(r.out);
  CHECK(log["version"] == "2.1.0");
  const json& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "hyoka");
  CHECK(run["tool"]["driver"]["rules"].size() >= 45);
  bool found = false;
  for (const auto& res : run["results"]) {
    const int index = res["ruleIndex"].get<int>();
    CHECK(run["tool"]["driver"]["rules"][index]["id"] == res["ruleId"]);
    if (res["ruleId"] == "CHG001") {
      found = true;
      CHECK(res["level"] == "error");
      CHECK(res["locations"][0]["physicalLocation"]["region"]["startLine"] == 538);
      CHECK(res["properties"]["paths"][1] == "/network_linkage/implementation");
    }
  }
  CHECK(found);
}

TEST_CASE("check: --select and --ignore take codes, prefixes and families", "[cli][check]") {
  TempDir tmp;
  auto rules_in = [](const RunResult& r) {
    std::set<std::string> out;
    const json j = json::parse(r.out);
    for (const auto& f : j["files"])
      for (const auto& d : f["diagnostics"]) out.insert(d["rule"].get<std::string>());
    return out;
  };
  CHECK(rules_in(check(tmp, {"--format", "json", "--select", "REQ", kDraft})) ==
        std::set<std::string>{"REQ004", "REQ007", "REQ008"});
  CHECK(rules_in(check(tmp, {"--format", "json", "--select", "changes,dates", kDraft})) ==
        std::set<std::string>{"CHG001", "DAT006"});
  CHECK(rules_in(check(tmp, {"--format", "json", "--select", "CHG001", "--select", "REC008",
                             kDraft})) == std::set<std::string>{"CHG001", "REC008"});
  const auto ignored = rules_in(
      check(tmp, {"--format", "json", "--ignore", "required", "--ignore", "QUA001", kDraft}));
  CHECK(ignored.count("REQ004") == 0);
  CHECK(ignored.count("QUA001") == 0);
  CHECK(ignored.count("CHG001") == 1);
  // ignoring the errors passes the build; ignoring one of them does not
  CHECK(check(tmp, {"--ignore", "CNT001", kErrors}).code == 1);
  CHECK(check(tmp, {"--ignore", "CNT001,CHO007,CHO013", kErrors}).code == 0);
  const RunResult bad = check(tmp, {"--select", "NOPE", kErrors});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("NOPE") != std::string::npos);
}

TEST_CASE("check: --draft relaxes what a draft may leave empty", "[cli][check]") {
  TempDir tmp;
  const RunResult r = check(tmp, {"--draft", kDraft});
  CHECK(r.code == 1);  // the contradictions stay
  CHECK(r.out.find("REQ004") == std::string::npos);
  CHECK(r.out.find("REQ007") == std::string::npos);
  CHECK(r.out.find("DAT006") == std::string::npos);
  CHECK(r.out.find("CHG001") != std::string::npos);
}

TEST_CASE("check: settings come from .hyoka.json in the current directory or a parent",
          "[cli][check]") {
  TempDir tmp;
  fs::create_directories(tmp / "drafts/sub");
  write_file(
      tmp / "drafts/.hyoka.json",
      R"({"fail_on": "never", "ignore": ["QUA"], "format": "json", "severity": {"CNT001": "warning"}})");
  const std::string cmd = "cd " + shell_quote((tmp / "drafts/sub").string()) + " && " +
                          shell_quote(HYOKA_BINARY) + " check " + shell_quote(kErrors) +
                          " 2>/dev/null";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = ::pclose(pipe);
  CHECK(WEXITSTATUS(status) == 0);
  const json j = json::parse(out);
  bool saw = false;
  for (const auto& d : j["files"][0]["diagnostics"]) {
    CHECK(d["rule"].get<std::string>().rfind("QUA", 0) != 0);
    if (d["rule"] == "CNT001") {
      saw = true;
      CHECK(d["severity"] == "warning");
    }
  }
  CHECK(saw);
  // the command line wins over the file
  const RunResult r = run_hyoka(tmp, {"check", "--config", (tmp / "drafts/.hyoka.json").string(),
                                      "--fail-on", "warning", "--format", "text", kErrors});
  CHECK(r.code == 1);
  // a broken or unknown setting is a usage error naming the file
  write_file(tmp / "bad.json", R"({"fail_on": "error", "colour": true})");
  const RunResult bad = run_hyoka(tmp, {"check", "--config", (tmp / "bad.json").string(), kErrors});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("bad.json") != std::string::npos);
  write_file(tmp / "broken.json", "{ not json");
  CHECK(run_hyoka(tmp, {"check", "--config", (tmp / "broken.json").string(), kErrors}).code == 2);
}

TEST_CASE("check: a v1 JSON document is validated as it is", "[cli][check]") {
  TempDir tmp;
  const RunResult parsed = run_hyoka(tmp, {"parse", "--spans", kDraft});
  REQUIRE(parsed.code == 0);
  write_file(tmp / "doc.json", parsed.out);
  const RunResult from_text = check(tmp, {"--format", "json", kDraft});
  const RunResult from_json = check(tmp, {"--format", "json", (tmp / "doc.json").string()});
  CHECK(from_json.code == 1);
  CHECK(json::parse(from_json.out)["files"][0]["diagnostics"] ==
        json::parse(from_text.out)["files"][0]["diagnostics"]);
  // a value edited by hand into something the form does not offer
  json doc = json::parse(parsed.out);
  doc["files"][0]["kind"] = "紙ファイル";
  write_file(tmp / "edited.json", doc.dump());
  const RunResult edited = check(tmp, {(tmp / "edited.json").string()});
  CHECK(edited.out.find("error[OPT001]") != std::string::npos);
}

TEST_CASE("parse: the document carries the validator's diagnostics unless --no-validate",
          "[cli][check]") {
  TempDir tmp;
  auto rules_of = [](const RunResult& r) {
    std::set<std::string> out;
    const json j = json::parse(r.out);
    for (const auto& d : j["diagnostics"]) out.insert(d["rule"].get<std::string>());
    return out;
  };
  const auto all = rules_of(run_hyoka(tmp, {"parse", kDraft}));
  CHECK(all.count("CHG001") == 1);
  CHECK(all.count("REC008") == 1);
  const auto reading = rules_of(run_hyoka(tmp, {"parse", "--no-validate", kDraft}));
  CHECK(reading.count("CHG001") == 0);
  CHECK(reading.count("REC008") == 1);
  CHECK(rules_of(run_hyoka(tmp, {"parse", "--draft", kDraft})).count("REQ004") == 0);
  // spans stay out of the document unless asked for
  CHECK_FALSE(json::parse(run_hyoka(tmp, {"parse", kDraft}).out).contains("spans"));
}

TEST_CASE("rules: the list, one rule's explanation, and unknown codes", "[cli][check]") {
  TempDir tmp;
  const RunResult list = run_hyoka(tmp, {"rules"});
  CHECK(list.code == 0);
  CHECK(lines_of(list.out).size() >= 56);
  CHECK(list.out.find("CNT001  error    counts") != std::string::npos);
  const RunResult one = run_hyoka(tmp, {"rules", "CHO001"});
  CHECK(one.code == 0);
  CHECK(one.out.find("委託しない") != std::string::npos);
  CHECK(one.out.find("違反の例") != std::string::npos);
  CHECK(one.out.find("修正の例") != std::string::npos);
  const RunResult js = run_hyoka(tmp, {"rules", "--format", "json"});
  CHECK(json::parse(js.out).size() == lines_of(list.out).size());
  CHECK(run_hyoka(tmp, {"rules", "ZZZ999"}).code == 2);
}

TEST_CASE("rules: docs/rules.md is what `hyoka rules --format markdown` prints", "[cli][check]") {
  TempDir tmp;
  const RunResult md = run_hyoka(tmp, {"rules", "--format", "markdown"});
  REQUIRE(md.code == 0);
  const std::string doc = read_file(fs::path(HYOKA_SOURCE_DIR) / "docs" / "rules.md");
  const std::string marker = "<!-- generated: hyoka rules --format markdown -->\n\n";
  const auto at = doc.find(marker);
  REQUIRE(at != std::string::npos);
  CHECK(doc.substr(at + marker.size()) == md.out);
}
