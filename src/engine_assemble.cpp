// Assembling the document: instances become the v1 model's arrays and objects, Ⅲ blocks are bound
// to their files, lost pages are reported, and the annex readers read their raw rows.
#include "engine.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "annex_readers.h"
#include "hyoka/model.h"
#include "hyoka/text.h"

namespace hyoka::engine {

void Engine::materialize(Instance& inst, const std::string& pointer, Recognized& out,
                         std::map<const Instance*, std::string>& pointers) {
  pointers[&inst] = pointer;
  for (const auto& s : inst.spans) out.spans.push_back({pointer + s.pointer, s.first, s.last});
  std::map<std::string, int> order;
  std::map<const Scope*, std::vector<const Instance*>> numbered;  // groups with the form's N
  for (auto& child : inst.children) {
    if (child->scope->owner == Owner::BindFile) continue;
    if (child->scope->pattern && child->number) numbered[child->scope].push_back(child.get());
    const std::string& path = child->scope->path;
    const int position = ++order[path];
    if (child->scope->drop_if_blank && !child->content) continue;
    json& arr = inst.obj[json::json_pointer(path)];
    child->obj["number"] = child->number ? *child->number : position;
    const std::string child_pointer = pointer + path + "/" + std::to_string(arr.size());
    materialize(*child, child_pointer, out, pointers);
    arr.push_back(std::move(child->obj));
  }
  for (const auto& [scope, items] : numbered) report_gaps(*scope, items, pointer, inst, out);
}

void Engine::report_gaps(const Scope& scope, const std::vector<const Instance*>& items,
                         const std::string& pointer, const Instance& owner, Recognized& out) {
  std::set<int> seen;
  for (const Instance* i : items) seen.insert(*i->number);
  const int last = *seen.rbegin();
  if (last > 100) return;  // a number this large is no form's numbering
  std::vector<int> missing;
  for (int n = 1; n < last; ++n) {
    if (seen.count(n) == 0) missing.push_back(n);
  }
  if (missing.empty()) return;
  const std::string name = scope.title.substr(0, scope.title.size() - 1);  // "提供先N" → "提供先"
  std::string where;
  if (owner.scope->owner == Owner::Array && owner.obj.contains("number") &&
      owner.obj["number"].is_number_integer()) {
    where = "（" + owner.scope->title + " " + std::to_string(owner.obj["number"].get<int>()) + "）";
  }
  std::string list;
  for (int n : missing) {
    out.sections_missing.push_back(name + std::to_string(n) + where);
    list += (list.empty() ? "" : "、") + name + std::to_string(n);
  }
  int line = 0;
  for (const Instance* i : items) {
    if (*i->number > missing.front()) {
      line = i->line;
      break;
    }
  }
  out.diagnostics.push_back(
      model::diagnostic("REC008", "warning",
                        list + " がありません（" + name + std::to_string(last) +
                            " まではあります）。抽出の際にページが欠落した可能性があります。",
                        json::array({pointer + scope.path}), line));
}

Recognized Engine::finish() {
  Recognized out;
  std::map<const Instance*, std::string> pointers;
  // bound III blocks: merge into files by order
  std::vector<Instance*> bound;
  collect_bound(*root_, bound);
  if (n_.layout == "pdftotext") {
    const std::vector<TitledRisk> titled = titled_risks(bound);
    fill_after_risk_titles(titled);
    fill_ratings_between_titles(titled);
    fill_shaped_texts();
    fill_lone_boxes();
  }
  fill_from_sibling_blocks(bound);
  materialize(*root_, "", out, pointers);
  json& doc = root_->obj;
  for (Instance* b : bound) {
    const int k = b->bind_index;
    if (k < 0 || k >= static_cast<int>(doc["files"].size())) {
      out.diagnostics.push_back(model::diagnostic("REC007", "warning",
                                                  "Ⅲ リスク対策の " + std::to_string(k + 1) +
                                                      " 番目のファイル「" + b->bound_name +
                                                      "」に対応するⅡのファイルがありません。",
                                                  json::array(), b->line));
      continue;
    }
    const json& ii_name = doc["files"][k]["name"];
    if (!b->bound_name.empty() && ii_name.is_string() &&
        text::key(ii_name.get<std::string>()) != text::key(b->bound_name)) {
      out.diagnostics.push_back(model::diagnostic(
          "NAM001", "warning",
          "Ⅲ リスク対策の特定個人情報ファイル名「" + b->bound_name + "」が Ⅱ の「" +
              ii_name.get<std::string>() + "」と一致しません（順序で対応付けました）。",
          json::array({"/files/" + std::to_string(k) + "/name"}), b->line));
    }
    const std::string base = "/files/" + std::to_string(k) + b->scope->path;
    doc[json::json_pointer(base)] = std::move(b->obj);
    pointers[b] = base;
    for (const auto& s : b->spans) out.spans.push_back({base + s.pointer, s.first, s.last});
  }
  // a file whose Ⅲ block was lost still carries every Section of the form
  for (const Scope* s : g_.scopes) {
    if (s->owner != Owner::BindFile) continue;
    std::vector<bool> bound_files(doc["files"].size(), false);
    for (Instance* b : bound) {
      if (b->bind_index >= 0 && b->bind_index < static_cast<int>(bound_files.size()))
        bound_files[b->bind_index] = true;
    }
    for (std::size_t k = 0; k < bound_files.size(); ++k) {
      if (bound_files[k]) continue;
      json rm = fresh_object(s);
      doc[json::json_pointer("/files/" + std::to_string(k) + s->path)] = std::move(rm);
    }
  }
  for (const auto& d : pending_diags_) {
    const auto it = pointers.find(d.inst);
    json paths = json::array();
    if (it != pointers.end()) paths.push_back(it->second + d.path);
    out.diagnostics.push_back(model::diagnostic(d.rule, d.severity, d.message, paths, d.line));
  }
  // annex readers
  for (const auto& [scope, rows] : raw_rows_) {
    if (scope->reader == "record_items")
      read_record_items(rows, doc, out, n_.layout == "pdftotext");
    if (scope->reader == "changes") {
      if (n_.layout != "pdftotext" || rows.empty()) {
        read_changes(rows, doc, out, n_.layout != "pdftotext");
        continue;
      }
      // the annex is a sheet of its own: pdftotext may print its caption below boxes of its page
      std::vector<const Row*> page;
      for (std::size_t i = page_of(rows.front()->line).first;
           i < n_.rows.size() && n_.rows[i].line < rows.front()->line; ++i)
        page.push_back(&n_.rows[i]);
      page.insert(page.end(), rows.begin(), rows.end());
      read_changes(page, doc, out, false);
    }
    if (scope->reader == "flow") read_flow(rows, doc, out);
  }
  for (const auto& [role, value] : roles_) {
    if (role == "serious_incident") doc["serious_incident"] = value;
  }
  out.doc = std::move(doc);
  out.lines_recognized = recognized_;
  out.label_hits = label_hits_;
  out.values_recovered = values_recovered_ + inline_labels_ + fallbacks_;
  out.characters_repaired = repaired_;
  out.file_name_numbers = file_name_numbers_;
  std::vector<std::string> lost_groups = std::move(out.sections_missing);
  out.sections_missing.clear();
  for (const Scope* s : g_.scopes) {
    if (s->expect && entered_.count(s) == 0) out.sections_missing.push_back(s->title);
  }
  for (auto& g : lost_groups) out.sections_missing.push_back(std::move(g));
  std::vector<LimitNote> notes;
  groups_skipped_.report(notes, [&](std::size_t count) {
    return "ファイル・繰り返し項目・リスクが合わせて上限 " +
           std::to_string(limits_.max_group_instances) + " 個を超えたため、超えた " +
           std::to_string(count) +
           " 個を読み飛ばしました。それ以外の項目は読んでいます（LIM005 max_group_instances）。";
  });
  for (const auto& note : notes) {
    out.diagnostics.push_back(
        model::diagnostic(note.code, "warning", note.message, json::array(), note.line));
  }
  return out;
}

void Engine::collect_bound(Instance& inst, std::vector<Instance*>& out) {
  for (auto& c : inst.children) {
    if (c->scope->owner == Owner::BindFile) out.push_back(c.get());
    collect_bound(*c, out);
  }
}

}  // namespace hyoka::engine
