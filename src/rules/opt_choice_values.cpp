// OPT001: a single-choice value that is not one of the field's options in this form.
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

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

// The slots' patterns as one RE2::Set: a string value's pointer is matched once, not once per slot
// (this rule walks every value of the document).
struct Slots {
  re2::RE2::Set set{re2::RE2::DefaultOptions, re2::RE2::ANCHOR_BOTH};
  std::set<std::string, std::less<>> last_names;  // every pattern ends in a literal name
  Slots() {
    for (const auto& s : kSlots) {
      if (set.Add(s.pattern, nullptr) < 0) throw std::logic_error(s.pattern);
      const std::string_view p = s.pattern;
      const std::string_view last = p.substr(p.rfind('/') + 1);
      if (last.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos)
        throw std::logic_error(s.pattern);
      last_names.emplace(last);
    }
    if (!set.Compile()) throw std::logic_error("OPT001 slots");
  }
  // The first slot whose pattern matches the whole pointer, or nullptr.
  const Slot* find(const std::string& pointer) const {
    // most values' pointers end in a name no pattern ends in
    const std::string_view last = std::string_view(pointer).substr(pointer.rfind('/') + 1);
    if (last_names.count(last) == 0) return nullptr;
    std::vector<int> hits;
    if (!set.Match(pointer, &hits) || hits.empty()) return nullptr;
    return &kSlots[*std::min_element(hits.begin(), hits.end())];
  }
};

const Slots& slots() {
  static const Slots kSlotSet;
  return kSlotSet;
}

// control label → options of every choice row with that label in grammar g, built when the first
// Control row is met.
class Controls {
 public:
  explicit Controls(const Grammar& g) : g_(g) {}
  const std::map<std::string, std::set<std::string>>& get() {
    if (!built_) {
      built_ = true;
      for (const Scope* scope : g_.scopes) {
        for (const Field& field : scope->fields) {
          if (!field.control) continue;
          for (const Read& r : field.reads) {
            if (r.type != ReadType::Choice || r.options == nullptr) continue;
            auto& set = map_[field.control_label];
            for (const Option& o : *r.options) set.insert(o.label);
          }
        }
      }
    }
    return map_;
  }

 private:
  const Grammar& g_;
  bool built_ = false;
  std::map<std::string, std::set<std::string>> map_;
};

void report(Findings& out, const std::string& pointer, const std::string& value,
            const std::string& field, const std::set<std::string>& options) {
  std::string list;
  for (const auto& o : options) list += (list.empty() ? "" : " / ") + o;
  out.push_back(
      {field + "の値「" + value + "」はこの様式の選択肢（" + list + "）にありません。", {pointer}});
}

// `pointer` is v's JSON Pointer, extended and cut back in place on the way down (this rule visits
// every value of the document).
void walk(const Grammar& g, Controls& controls, const json& v, std::string& pointer,
          Findings& out) {
  if (v.is_object()) {
    // a Control's choice row
    if (v.contains("label") && v.contains("value") && v["value"].is_string() &&
        v["label"].is_string()) {
      const auto& form = controls.get();
      const auto it = form.find(v["label"].get<std::string>());
      if (it != form.end() && it->second.count(v["value"].get<std::string>()) == 0)
        report(out, pointer + "/value", v["value"].get<std::string>(), "「" + it->first + "」",
               it->second);
    }
    const std::size_t length = pointer.size();
    for (const auto& [k, child] : v.items()) {
      if (k == "diagnostics" || k == "spans" || k == "quality" || k == "source") continue;
      pointer.append("/").append(k);
      walk(g, controls, child, pointer, out);
      pointer.resize(length);
    }
    return;
  }
  if (v.is_array()) {
    const std::size_t length = pointer.size();
    for (std::size_t i = 0; i < v.size(); ++i) {
      pointer.append("/").append(std::to_string(i));
      walk(g, controls, v[i], pointer, out);
      pointer.resize(length);
    }
    return;
  }
  if (!v.is_string()) return;
  const Slot* slot = slots().find(pointer);
  if (slot == nullptr) return;
  const auto opts = g.options.find(slot->list);
  if (opts == g.options.end()) return;  // this form has no such field
  // a set of the labels only for the message: most values are one of the options
  const std::string& value = v.get_ref<const std::string&>();
  if (std::any_of(opts->second.begin(), opts->second.end(),
                  [&](const Option& o) { return o.label == value; }))
    return;
  std::set<std::string> labels;
  for (const Option& o : opts->second) labels.insert(o.label);
  report(out, pointer, value, pointer, labels);
}

void check(const Context& c, Findings& out) {
  const Grammar* g = c.grammar();
  if (g == nullptr) return;
  Controls controls(*g);
  std::string pointer;
  walk(*g, controls, c.doc(), pointer, out);
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
