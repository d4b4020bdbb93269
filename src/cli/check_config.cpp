#include "cli/check_config.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "hyoka/validate.h"

namespace hyoka::cli {

namespace fs = std::filesystem;
using nlohmann::json;

std::string find_config(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return "";
  while (true) {
    const fs::path candidate = dir / kConfigName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

namespace {

std::vector<std::string> strings(const json& v, const std::string& key, const std::string& path) {
  std::vector<std::string> out;
  if (v.is_string()) return {v.get<std::string>()};
  if (!v.is_array()) throw ConfigError(path + ": 「" + key + "」は文字列の配列にしてください");
  for (const auto& e : v) {
    if (!e.is_string()) throw ConfigError(path + ": 「" + key + "」は文字列の配列にしてください");
    out.push_back(e.get<std::string>());
  }
  return out;
}

bool matches(const std::string& selector, const validate::Rule& r) {
  return selector == r.code || selector == r.family ||
         (selector.size() < r.code.size() && r.code.rfind(selector, 0) == 0);
}

}  // namespace

void load_config(const std::string& path, CheckSettings& s) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw ConfigError(path + ": 設定ファイルを開けません");
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw ConfigError(path + ": 設定ファイルが JSON として読めません（" + std::to_string(e.byte) +
                      " バイト目）");
  }
  if (!j.is_object()) throw ConfigError(path + ": 設定ファイルは JSON オブジェクトにしてください");
  for (const auto& [key, v] : j.items()) {
    if (key == "format" || key == "fail_on" || key == "encoding") {
      if (!v.is_string()) throw ConfigError(path + ": 「" + key + "」は文字列にしてください");
      (key == "format"    ? s.format
       : key == "fail_on" ? s.fail_on
                          : s.encoding) = v.get<std::string>();
    } else if (key == "select") {
      s.select = strings(v, key, path);
    } else if (key == "ignore") {
      s.ignore = strings(v, key, path);
    } else if (key == "draft") {
      if (!v.is_boolean()) throw ConfigError(path + ": 「draft」は true か false にしてください");
      s.draft = v.get<bool>();
    } else if (key == "severity") {
      if (!v.is_object())
        throw ConfigError(path + ": 「severity」は {\"コード\": \"warning\"} の形にしてください");
      for (const auto& [code, level] : v.items()) {
        if (!level.is_string())
          throw ConfigError(path + ": 「severity」の値は文字列にしてください");
        s.severity[code] = level.get<std::string>();
      }
    } else if (key != "$comment") {
      throw ConfigError(path + ": 不明な設定「" + key +
                        "」です（format, fail_on, select, ignore, draft, severity, encoding）");
    }
  }
  s.config_path = path;
}

void validate_settings(const CheckSettings& s) {
  const std::string where =
      s.config_path.empty() ? "" : "（設定ファイル " + s.config_path + " を含む）";
  if (s.format != "text" && s.format != "json" && s.format != "sarif" && s.format != "github" &&
      s.format != "junit")
    throw ConfigError("不明な出力形式です: " + s.format + "（text, json, sarif, github, junit）" +
                      where);
  if (s.fail_on != "error" && s.fail_on != "warning" && s.fail_on != "never")
    throw ConfigError("--fail-on は error, warning, never のどれかです: " + s.fail_on + where);
  for (const auto* list : {&s.select, &s.ignore}) {
    for (const auto& selector : *list) {
      bool any = false;
      for (const auto& r : validate::rules()) any = any || matches(selector, r);
      if (!any)
        throw ConfigError("規則のコードまたは分類ではありません: " + selector +
                          "（hyoka rules で一覧を表示します）" + where);
    }
  }
  for (const auto& [code, level] : s.severity) {
    if (validate::find_rule(code) == nullptr)
      throw ConfigError("severity の規則コードがありません: " + code + where);
    if (level != "error" && level != "warning" && level != "info")
      throw ConfigError("severity の値は error, warning, info のどれかです: " + code + " = " +
                        level + where);
  }
}

bool selected(const CheckSettings& s, const std::string& code) {
  const validate::Rule* r = validate::find_rule(code);
  if (r == nullptr) return s.select.empty();
  for (const auto& i : s.ignore) {
    if (matches(i, *r)) return false;
  }
  if (s.select.empty()) return true;
  for (const auto& sel : s.select) {
    if (matches(sel, *r)) return true;
  }
  return false;
}

}  // namespace hyoka::cli
