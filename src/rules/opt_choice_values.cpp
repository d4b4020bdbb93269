// OPT001: a single-choice value that is not one of the field's options in this form.
#include <re2/re2.h>

#include <map>
#include <memory>
#include <set>

#include "hyoka/grammar.h"
#include "rules/context.h"
#include "rules/rules.h"

namespace hyoka::validate::ruleset {

namespace {

// Which option list of the form's grammar a choice key takes (FORMS.md).
struct Slot {
  const char* pattern;  // RE2 over the JSON Pointer
  const char* list;     // the grammar's option list; "" for a fixed list below
};
const Slot kSlots[] = {
    {R"(/affair/target_population)", "TARGET"},
    {R"(/threshold/target_population)", "BASIC_TARGET"},
    {R"(/threshold/handler_count)", "HANDLERS"},
    {R"(/threshold/serious_incident)", "INCIDENT"},
    {R"(/threshold/result)", "BASIC_RESULT"},
    {R"(/serious_incident)", "INCIDENT"},
    {R"(/network_linkage/implementation)", "IMPLEMENT"},
    {R"(/procedures/basic_assessment/threshold_result)", "THRESHOLD"},
    {R"(/files/\d+/kind)", "FILE_KIND"},
    {R"(/files/\d+/subject_count)", "PERSONS5"},
    {R"(/files/\d+/item_count)", "ITEM_COUNT"},
    {R"(/files/\d+/user_count)", "STAFF6"},
    {R"(/files/\d+/outsourcing/status)", "ENTRUST"},
    {R"(/files/\d+/outsourcing/entrusts/\d+/handler_count)", "STAFF6"},
    {R"(/files/\d+/outsourcing/entrusts/\d+/subcontract)", "SUBCONTRACT"},
    {R"(/files/\d+/outsourcing/entrusts/\d+/file_scope)", "FILE_SCOPE"},
    {R"(/files/\d+/outsourcing/entrusts/\d+/subject_count)", "PERSONS5"},
    {R"(/files/\d+/provision/(recipients|destinations)/\d+/subject_count)", "PERSONS5"},
    {R"(/files/\d+/storage/retention_period)", "RETENTION"},
    {R"(/files/\d+/risk_measures/\w+/risks/\d+/adequacy)", "ADEQ"},
    {R"(/files/\d+/risk_measures/training/level)", "DO3"},
    {R"(/other_risk_measures/training/level)", "DO3"},
    {R"(/risk_summary/\w+/risks/\d+/adequacy)", "ADEQ"},
    {R"(/risk_summary/training/level)", "DO3"},
    {R"(/risk_summary/report_kind)", "REPORT_KIND"},
    {R"(/disclosure/fee)", "FEE"},
    {R"(/disclosure/file_register)", "DOING"},
};

struct Catalog {
  GrammarSet grammars;
  std::vector<std::pair<std::unique_ptr<re2::RE2>, std::string>> slots;
  // control label → options of every choice row with that label, per form
  std::map<std::string, std::map<std::string, std::set<std::string>>> controls;
  Catalog() {
    for (const auto& s : kSlots) slots.emplace_back(std::make_unique<re2::RE2>(s.pattern), s.list);
    for (const auto& g : grammars.all()) {
      for (const Scope* scope : g->scopes) {
        for (const Field& field : scope->fields) {
          if (!field.control) continue;
          for (const Read& r : field.reads) {
            if (r.type != ReadType::Choice || r.options == nullptr) continue;
            auto& set = controls[g->form][field.control_label];
            for (const Option& o : *r.options) set.insert(o.label);
          }
        }
      }
    }
  }
};

const Catalog& catalog() {
  static const Catalog kCatalog;
  return kCatalog;
}

void report(Findings& out, const std::string& pointer, const std::string& value,
            const std::string& field, const std::set<std::string>& options) {
  std::string list;
  for (const auto& o : options) list += (list.empty() ? "" : " / ") + o;
  out.push_back(
      {field + "の値「" + value + "」はこの様式の選択肢（" + list + "）にありません。", {pointer}});
}

void walk(const Context& c, const Grammar& g, const json& v, const std::string& pointer,
          Findings& out) {
  const Catalog& cat = catalog();
  if (v.is_object()) {
    // a Control's choice row
    if (v.contains("label") && v.contains("value") && v["value"].is_string() &&
        v["label"].is_string()) {
      const auto form = cat.controls.find(g.form);
      if (form != cat.controls.end()) {
        const auto it = form->second.find(v["label"].get<std::string>());
        if (it != form->second.end() && it->second.count(v["value"].get<std::string>()) == 0)
          report(out, pointer + "/value", v["value"].get<std::string>(), "「" + it->first + "」",
                 it->second);
      }
    }
    for (const auto& [k, child] : v.items()) {
      if (k == "diagnostics" || k == "spans" || k == "quality" || k == "source") continue;
      walk(c, g, child, pointer + "/" + k, out);
    }
    return;
  }
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      walk(c, g, v[i], pointer + "/" + std::to_string(i), out);
    return;
  }
  if (!v.is_string()) return;
  for (const auto& [re, list] : cat.slots) {
    if (!re2::RE2::FullMatch(pointer, *re)) continue;
    const auto opts = g.options.find(list);
    if (opts == g.options.end()) return;  // this form has no such field
    std::set<std::string> labels;
    for (const Option& o : opts->second) labels.insert(o.label);
    if (labels.count(v.get<std::string>()) == 0)
      report(out, pointer, v.get<std::string>(), pointer, labels);
    return;
  }
}

void check(const Context& c, Findings& out) {
  const Grammar* g = catalog().grammars.find(c.form());
  if (g == nullptr) return;
  walk(c, *g, c.doc(), "", out);
}

}  // namespace

Rule opt001() {
  return {"OPT001",
          "options",
          "error",
          "選択式の項目の値が様式の選択肢にない",
          R"(選択式の項目（対象人数、ファイルの種類、リスクへの対策は十分か など）の値は、その様式の
＜選択肢＞のどれかです。選択肢にない値は、古い様式の選択肢（様式3 の対象人数に「30万人以上」は
ありません）、手で編集した JSON の誤り、別のツールの出力の誤りです。テキストから読み取る場合、
選択肢にない値は読み取り時に REC003 として報告され、値は null になります。
直し方: 様式の選択肢のどれかを選びます。様式が違う場合は正しい様式で作成します。)",
          {{"/affair/target_population", "30万人以上"}},
          {{"/affair/target_population", "10万人以上30万人未満"}},
          check};
}

}  // namespace hyoka::validate::ruleset
