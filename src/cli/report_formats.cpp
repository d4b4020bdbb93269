#include "cli/report_formats.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "hyoka/validate.h"

namespace hyoka::cli {

using nlohmann::json;

namespace {

std::string shown(const std::string& path) { return path == "-" ? "<標準入力>" : path; }

int line_of(const json& d) {
  return d.contains("line") && d["line"].is_number_integer() ? d["line"].get<int>() : 0;
}

}  // namespace

int severity_rank(const std::string& s) { return s == "error" ? 2 : s == "warning" ? 1 : 0; }

Totals totals(const std::vector<CheckedFile>& files) {
  Totals t;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      const std::string s = d.value("severity", "info");
      (s == "error" ? t.error : s == "warning" ? t.warning : t.info)++;
    }
  }
  return t;
}

std::string render_text(const std::vector<CheckedFile>& files, bool color) {
  auto paint = [&](const char* code, const std::string& s) {
    return color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  };
  std::string out;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      const std::string severity = d.value("severity", "info");
      const int line = line_of(d);
      std::string where = shown(f.path) + ":" + (line > 0 ? std::to_string(line) + ":" : "");
      const char* tint = severity == "error" ? "1;31" : severity == "warning" ? "1;35" : "1;36";
      out += paint("1", where) + " " + paint(tint, severity + "[" + d.value("rule", "") + "]") +
             " " + d.value("message", "") + "\n";
    }
  }
  return out;
}

std::string render_json(const std::vector<CheckedFile>& files, const std::string& version) {
  json out = {{"tool", "hyoka"}, {"version", version}, {"files", json::array()}};
  for (const auto& f : files) {
    out["files"].push_back(
        {{"path", f.path == "-" ? json(nullptr) : json(f.path)}, {"diagnostics", f.diagnostics}});
  }
  const Totals t = totals(files);
  out["summary"] = {{"error", t.error}, {"warning", t.warning}, {"info", t.info}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string file_uri(const std::string& path) {
  std::string p = path;
  for (auto& ch : p) {
    if (ch == '\\') ch = '/';
  }
  std::string out;
  if (!p.empty() && p[0] == '/') out = "file://";
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char ch : p) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

std::string render_sarif(const std::vector<CheckedFile>& files,
                         const std::vector<std::string>& rule_codes, const std::string& version) {
  json rules = json::array();
  std::map<std::string, int> index;
  for (const auto& code : rule_codes) {
    const validate::Rule* r = validate::find_rule(code);
    if (r == nullptr) continue;
    index[code] = static_cast<int>(rules.size());
    const std::string level = r->severity == "info" ? "note" : r->severity;
    rules.push_back(
        {{"id", r->code},
         {"name", r->code},
         {"shortDescription", {{"text", r->summary}}},
         {"fullDescription", {{"text", r->explanation}}},
         {"help",
          {{"text", validate::describe(*r)}, {"markdown", validate::describe_markdown(*r)}}},
         {"defaultConfiguration", {{"level", level}}},
         {"properties", {{"tags", json::array({r->family})}, {"family", r->family}}}});
  }
  json results = json::array();
  json artifacts = json::array();
  for (std::size_t fi = 0; fi < files.size(); ++fi) {
    const auto& f = files[fi];
    const std::string uri = f.path == "-" ? "stdin" : file_uri(f.path);
    json artifact = {{"uri", uri}};
    if (uri.rfind("file://", 0) != 0) artifact["uriBaseId"] = "%SRCROOT%";
    artifacts.push_back({{"location", artifact}});
    for (const auto& d : f.diagnostics) {
      const std::string code = d.value("rule", "");
      const std::string severity = d.value("severity", "info");
      json location = {{"artifactLocation", artifact}};
      location["artifactLocation"]["index"] = static_cast<int>(fi);
      // code scanning places every result on a line; an unknown line is the document's first
      location["region"] = {{"startLine", std::max(1, line_of(d))}};
      json result = {{"ruleId", code},
                     {"level", severity == "info" ? "note" : severity},
                     {"message", {{"text", d.value("message", "")}}},
                     {"locations", json::array({{{"physicalLocation", location}}})},
                     {"properties",
                      {{"paths", d.value("paths", json::array())}, {"lineKnown", line_of(d) > 0}}}};
      if (const auto it = index.find(code); it != index.end()) result["ruleIndex"] = it->second;
      json logical = json::array();
      for (const auto& p : d.value("paths", json::array())) {
        if (p.is_string()) logical.push_back({{"fullyQualifiedName", p}, {"kind", "member"}});
      }
      if (!logical.empty()) result["locations"][0]["logicalLocations"] = logical;
      results.push_back(std::move(result));
    }
  }
  json run = {
      {"tool",
       {{"driver",
         {{"name", "hyoka"},
          {"version", version},
          {"semanticVersion", version},
          {"rules", rules}}}}},
      {"originalUriBaseIds",
       {{"%SRCROOT%", {{"description", {{"text", "hyoka check を実行したディレクトリ"}}}}}}},
      {"artifacts", artifacts},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({run})}};
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

std::string escape_data(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%')
      out += "%25";
    else if (ch == '\r')
      out += "%0D";
    else if (ch == '\n')
      out += "%0A";
    else
      out += ch;
  }
  return out;
}

std::string escape_property(const std::string& s) {
  std::string out;
  for (char ch : escape_data(s)) {
    if (ch == ':')
      out += "%3A";
    else if (ch == ',')
      out += "%2C";
    else
      out += ch;
  }
  return out;
}

std::string escape_xml(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t' && ch != '\r')
          out += ' ';
        else
          out += ch;
    }
  }
  return out;
}

}  // namespace

std::string render_github(const std::vector<CheckedFile>& files) {
  std::string out;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      const std::string severity = d.value("severity", "info");
      const std::string command = severity == "error"     ? "error"
                                  : severity == "warning" ? "warning"
                                                          : "notice";
      std::string props = "file=" + escape_property(f.path == "-" ? "stdin" : f.path);
      if (line_of(d) > 0) props += ",line=" + std::to_string(line_of(d));
      props += ",title=" + escape_property("hyoka " + d.value("rule", ""));
      out += "::" + command + " " + props +
             "::" + escape_data(d.value("rule", "") + " " + d.value("message", "")) + "\n";
    }
  }
  return out;
}

std::string render_junit(const std::vector<CheckedFile>& files, const std::string& fail_on) {
  const int threshold = fail_on == "never" ? 3 : severity_rank(fail_on);
  int failures = 0;
  std::string cases;
  for (const auto& f : files) {
    std::string failing;
    std::string other;
    int count = 0;
    std::string first_code;
    for (const auto& d : f.diagnostics) {
      const std::string severity = d.value("severity", "info");
      const int line = line_of(d);
      const std::string text = shown(f.path) + ":" + (line > 0 ? std::to_string(line) + ":" : "") +
                               " " + severity + "[" + d.value("rule", "") + "] " +
                               d.value("message", "") + "\n";
      if (severity_rank(severity) >= threshold) {
        ++count;
        if (first_code.empty()) first_code = d.value("rule", "");
        failing += text;
      } else {
        other += text;
      }
    }
    cases +=
        "    <testcase classname=\"hyoka.check\" name=\"" + escape_xml(shown(f.path)) + "\">\n";
    if (count > 0) {
      ++failures;
      cases += "      <failure message=\"" + escape_xml(std::to_string(count) + " 件の問題") +
               "\" type=\"" + escape_xml(first_code) + "\">" + escape_xml(failing) + "</failure>\n";
    }
    if (!other.empty()) cases += "      <system-out>" + escape_xml(other) + "</system-out>\n";
    cases += "    </testcase>\n";
  }
  const std::string n = std::to_string(files.size());
  const std::string fl = std::to_string(failures);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"hyoka check\" tests=\"" +
         n + "\" failures=\"" + fl +
         "\" errors=\"0\">\n  <testsuite name=\"hyoka check\" tests=\"" + n + "\" failures=\"" +
         fl + "\" errors=\"0\" skipped=\"0\">\n" + cases + "  </testsuite>\n</testsuites>\n";
}

}  // namespace hyoka::cli
