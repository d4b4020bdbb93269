#include "rules/change_items.h"

#include <re2/re2.h>

#include <map>
#include <optional>

#include "hyoka/grammar.h"
#include "hyoka/text.h"

namespace hyoka::validate::ruleset {

namespace {

std::vector<std::string> options_of(const Context& c, const char* list) {
  std::vector<std::string> out;
  const Grammar* g = c.grammar();
  if (g == nullptr) return out;
  const auto it = g->options.find(list);
  if (it == g->options.end()) return out;
  for (const auto& o : it->second) out.push_back(o.label);
  return out;
}

bool has(const std::string& k, const char* w) { return k.find(w) != std::string::npos; }

// The files a row names: by name, by "概要(2)", else every file.
std::vector<std::size_t> files_named(const Context& c, const std::string& k) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    if (const auto n = c.str(Context::file(i) + "/name"); n && has(k, name_key(*n).c_str()))
      out.push_back(i);
  }
  if (!out.empty()) return out;
  static const re2::RE2 kNumber(R"(概要\(([0-9]+)[\)\.])");
  int n = 0;
  if (re2::RE2::PartialMatch(k, kNumber, &n) && n >= 1 &&
      static_cast<std::size_t>(n) <= c.file_count())
    return {static_cast<std::size_t>(n - 1)};
  for (std::size_t i = 0; i < c.file_count(); ++i) out.push_back(i);
  return out;
}

std::vector<std::string> per_file(const Context& c, const std::string& k, const std::string& rel) {
  std::vector<std::string> out;
  for (std::size_t i : files_named(c, k)) out.push_back(Context::file(i) + rel);
  return out;
}

std::optional<ChangeTarget> resolve(const Context& c, const std::string& item,
                                    const std::string& after) {
  const std::string k = name_key(item);
  ChangeTarget t;
  if (has(k, "基礎項目評価") && has(k, "実施日")) {
    t = {ChangeKind::Date, "基礎項目評価の実施日", {"/procedures/basic_assessment/date"}, {}};
  } else if (has(k, "しきい値判断結果")) {
    t = {ChangeKind::Choice,
         "しきい値判断結果",
         {"/threshold/result"},
         options_of(c, c.form() == "basic" ? "BASIC_RESULT" : "THRESHOLD")};
  } else if (has(k, "第三者点検") && has(k, "実施日")) {
    t = {ChangeKind::Date, "第三者点検の実施日", {"/procedures/third_party_review/date"}, {}};
  } else if (has(k, "意見の聴取") && has(k, "実施日")) {
    t = {ChangeKind::Date, "意見の聴取の実施日・期間", {"/procedures/public_comment/period"}, {}};
  } else if (has(k, "実施の有無") && (has(k, "情報連携") || has(k, "ネットワークシステムによる"))) {
    t = {ChangeKind::Choice,
         "情報連携の実施の有無",
         {"/network_linkage/implementation"},
         options_of(c, "IMPLEMENT")};
  } else if (has(k, "委託の有無")) {
    static const re2::RE2 kCount(R"([0-9,]+件)");
    if (re2::RE2::PartialMatch(hyoka::text::key(after), kCount))
      t = {ChangeKind::Count, "委託の件数", per_file(c, k, "/outsourcing/declared_count"), {}};
    else
      t = {ChangeKind::Choice, "委託の有無", per_file(c, k, "/outsourcing/status"),
           options_of(c, "ENTRUST")};
  } else if (has(k, "対象人数")) {
    t = {ChangeKind::Choice,
         "対象人数",
         {"/threshold/target_population"},
         options_of(c, c.form() == "basic" ? "BASIC_TARGET" : "TARGET")};
  } else if (has(k, "使用者数")) {
    t = {ChangeKind::Choice, "使用者数", per_file(c, k, "/user_count"), options_of(c, "STAFF6")};
  } else if (has(k, "ファイルの種類")) {
    t = {ChangeKind::Choice, "ファイルの種類", per_file(c, k, "/kind"), options_of(c, "FILE_KIND")};
  } else if (has(k, "記録される項目") && !has(k, "主な") && !has(k, "妥当性") && !has(k, "別添")) {
    t = {ChangeKind::Choice, "記録される項目", per_file(c, k, "/item_count"),
         options_of(c, "ITEM_COUNT")};
  } else if (has(k, "保有開始日")) {
    t = {ChangeKind::Date, "保有開始日", per_file(c, k, "/retention_start"), {}};
  } else if (has(k, "使用開始日")) {
    t = {ChangeKind::Date, "使用開始日", per_file(c, k, "/use_start"), {}};
  } else if (has(k, "評価実施機関名")) {
    t = {ChangeKind::Text, "評価実施機関名", {"/header/organization"}, {}};
  } else if (has(k, "所属長")) {
    t = {ChangeKind::Text, "所属長の役職名", {"/department/head_title"}, {}};
  } else if (has(k, "事務担当部署") || has(k, "事務担当文書")) {
    t = {ChangeKind::Text, "事務担当部署", per_file(c, k, "/department"), {}};
  } else if (has(k, "評価実施機関における担当部署") && has(k, "部署") &&
             k.size() >= std::string("部署").size() &&
             k.compare(k.size() - std::string("部署").size(), std::string::npos, "部署") == 0) {
    t = {ChangeKind::Text, "担当部署", {"/department/name"}, {}};
  } else if (has(k, "使用部署") || (has(k, "使用の主体") && !has(k, "使用者数"))) {
    t = {ChangeKind::Text, "使用部署", per_file(c, k, "/user_departments"), {}};
  } else if (has(k, "事務の名称")) {
    t = {ChangeKind::Text, "事務の名称", {"/affair/name"}, {}};
  } else if (has(k, "システムの名称")) {
    static const re2::RE2 kSystem(R"(システム([0-9]+))");
    int n = 0;
    const json& systems = c.at("/systems");
    if (!systems.is_array()) return std::nullopt;
    std::vector<std::string> ptrs;
    for (std::size_t s = 0; s < systems.size(); ++s) {
      const bool named = re2::RE2::PartialMatch(k, kSystem, &n);
      if ((named && systems[s].value("number", -1) == n) || (!named && systems.size() == 1))
        ptrs.push_back("/systems/" + std::to_string(s) + "/name");
    }
    t = {ChangeKind::Text, "システムの名称", ptrs, {}};
  } else {
    return std::nullopt;
  }
  if (t.pointers.empty()) return std::nullopt;
  return t;
}

}  // namespace

namespace {

// A dated row that says the whole document was revised (「評価書の内容全部」→「本評価書のとおり」):
// every earlier row is superseded by the body.
std::string last_full_revision(const json& changes) {
  std::string last;
  for (const auto& row : changes) {
    const json& item = member(row, "item");
    const json& after = member(row, "after");
    const json& date = member(row, "date");
    if (!item.is_string() || !after.is_string() || !date.is_string()) continue;
    const std::string k = hyoka::text::key(item.get<std::string>());
    if (k.find("全部") == std::string::npos && k.find("全文") == std::string::npos) continue;
    const std::string a = hyoka::text::key(after.get<std::string>());  // long: only when needed
    if (a.find("本評価書のとおり") == std::string::npos &&
        a.find("本評価書の通り") == std::string::npos)
      continue;
    if (date.get<std::string>() > last) last = date.get<std::string>();
  }
  return last;
}

std::vector<LatestChange> compute_latest_changes(const Context& c) {
  std::vector<LatestChange> out;
  const json& changes = c.at("/changes");
  if (!changes.is_array()) return out;
  const std::string revised = last_full_revision(changes);
  std::map<std::string, std::size_t> by_field;  // first pointer + field → index in out
  std::map<std::string, std::string> dates;
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const json& row = changes[k];
    const json& item = member(row, "item");
    const json& after = member(row, "after");
    if (!item.is_string() || !substantive(after)) continue;
    const std::string after_text = after.get<std::string>();
    const auto target = resolve(c, item.get<std::string>(), after_text);
    if (!target) continue;
    std::string id = target->field;
    for (const auto& p : target->pointers) id += "|" + p;
    const std::string date =
        member(row, "date").is_string() ? row["date"].get<std::string>() : "9999";
    if (!revised.empty() && date < revised) continue;
    const auto it = by_field.find(id);
    if (it == by_field.end()) {
      by_field[id] = out.size();
      dates[id] = date;
      out.push_back({k, *target, after_text});
    } else if (date >= dates[id]) {
      dates[id] = date;
      out[it->second] = {k, *target, after_text};
    }
  }
  return out;
}

}  // namespace

const std::vector<LatestChange>& latest_changes(const Context& c) {
  return c.shared<std::vector<LatestChange>>("latest_changes",
                                             [&] { return compute_latest_changes(c); });
}

}  // namespace hyoka::validate::ruleset
