// The validator's runner: every registered rule over a document, findings turned into v1
// Diagnostic objects with their input line; and the renderings of a rule's documentation.
#include "hyoka/validate.h"

#include <set>

#include "hyoka/model.h"
#include "rules/context.h"

namespace hyoka::validate {

using nlohmann::json;

json run(const json& doc, const json& spans, const Options& options) {
  const Context context(doc, spans, options);
  json out = json::array();
  for (const auto& rule : rules()) {
    if (rule.check == nullptr) continue;
    Findings findings;
    rule.check(context, findings);
    for (auto& f : findings) {
      json paths = json::array();
      int line = 0;
      for (const auto& p : f.paths) {
        paths.push_back(p);
        if (line == 0) line = context.line_of(p);
      }
      json d = model::diagnostic(rule.code, rule.severity, f.message, std::move(paths), line);
      if (line == 0) d["line"] = nullptr;
      out.push_back(std::move(d));
    }
  }
  return out;
}

void apply(json& doc, const json& spans, const Options& options) {
  std::set<std::string> validator_codes;
  for (const auto& r : rules()) {
    if (r.check != nullptr) validator_codes.insert(r.code);
  }
  json kept = json::array();
  if (doc.contains("diagnostics") && doc["diagnostics"].is_array()) {
    for (auto& d : doc["diagnostics"]) {
      if (!d.is_object() || validator_codes.count(d.value("rule", "")) == 0)
        kept.push_back(std::move(d));
    }
  }
  for (auto& d : run(doc, spans, options)) kept.push_back(std::move(d));
  doc["diagnostics"] = std::move(kept);
}

json patched(json doc, const Patch& patch) {
  for (const auto& [pointer, value] : patch) doc[json::json_pointer(pointer)] = value;
  return doc;
}

namespace {

std::string family_title(const std::string& family) {
  for (const auto& [k, v] : families()) {
    if (k == family) return v;
  }
  return family;
}

std::string render_patch(const Patch& patch, const std::string& indent) {
  std::string out;
  for (const auto& [pointer, value] : patch)
    out += indent + pointer + " = " + value.dump(-1, ' ', false, json::error_handler_t::replace) +
           "\n";
  return out;
}

}  // namespace

std::string describe(const Rule& rule) {
  std::string out = rule.code + "  " + rule.summary + "\n";
  out += "  分類: " + rule.family + "（" + family_title(rule.family) +
         "）  既定の重大度: " + rule.severity +
         (rule.check == nullptr ? "  （読み取り時に parse が出す診断）" : "") + "\n\n";
  out += rule.explanation;
  if (!out.empty() && out.back() != '\n') out += "\n";
  if (!rule.bad.empty()) {
    out += "\n違反の例（文書の JSON で）:\n" + render_patch(rule.bad, "  ");
    out += "修正の例:\n" + render_patch(rule.good, "  ");
  }
  return out;
}

std::string describe_markdown(const Rule& rule) {
  std::string out = "### " + rule.code + " — " + rule.summary + "\n\n";
  out += "分類 `" + rule.family + "`（" + family_title(rule.family) + "）、既定の重大度 `" +
         rule.severity + "`" + (rule.check == nullptr ? "、読み取り時に `parse` が出す診断" : "") +
         "\n\n";
  out += rule.explanation;
  if (!out.empty() && out.back() != '\n') out += "\n";
  if (!rule.bad.empty()) {
    out += "\n違反の例:\n\n```\n" + render_patch(rule.bad, "") + "```\n\n修正の例:\n\n```\n" +
           render_patch(rule.good, "") + "```\n";
  }
  return out + "\n";
}

}  // namespace hyoka::validate
