// The renderings of `hyoka check`'s findings: compiler-style text, JSON, SARIF 2.1.0, GitHub
// workflow annotations and JUnit XML.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hyoka::cli {

struct CheckedFile {
  std::string path;            // as given on the command line ("-" for stdin)
  nlohmann::json diagnostics;  // v1 Diagnostic objects, already selected, with final severities
};

struct Totals {
  int error = 0;
  int warning = 0;
  int info = 0;
};
Totals totals(const std::vector<CheckedFile>& files);
// error 2 > warning 1 > info 0
int severity_rank(const std::string& severity);

std::string render_text(const std::vector<CheckedFile>& files, bool color);
std::string render_json(const std::vector<CheckedFile>& files, const std::string& version);
// rule_codes: the selected rules (their metadata goes to tool.driver.rules)
std::string render_sarif(const std::vector<CheckedFile>& files,
                         const std::vector<std::string>& rule_codes, const std::string& version);
std::string render_github(const std::vector<CheckedFile>& files);
std::string render_junit(const std::vector<CheckedFile>& files, const std::string& fail_on);

// RFC 3986 URI reference of a file name for SARIF (relative stays relative, '\' → '/').
std::string file_uri(const std::string& path);

}  // namespace hyoka::cli
