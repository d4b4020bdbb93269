#include "hyoka/model.h"

#include "hyoka/readers.h"

namespace hyoka::model {

using nlohmann::json;

namespace {

// The skeletons are built once from their literals and then copied: an nlohmann initializer list
// costs several times a copy (change() took 12k instructions, and read_changes calls it per row).
template <json (*Build)()>
json copy_of() {
  static const json kValue = Build();
  return kValue;
}

json build_document() {
  return {
      {"schema_version", "1"},
      {"source",
       {{"path", nullptr},
        {"sha256", nullptr},
        {"bytes", 0},
        {"encoding", "UTF-8"},
        {"layout", "plain"}}},
      {"form", {{"kind", nullptr}, {"version", nullptr}}},
      {"header",
       {{"number", nullptr},
        {"title", nullptr},
        {"declaration", nullptr},
        {"special_notes", nullptr},
        {"organization", nullptr},
        {"approved_on", nullptr},
        {"published_on", nullptr}}},
      {"affair",
       {{"name", nullptr},
        {"description", nullptr},
        {"target_population", nullptr},
        {"flow", nullptr}}},
      {"systems", json::array()},
      {"file_names", json::array()},
      {"file_reasons", nullptr},
      {"number_use", {{"legal_basis", nullptr}}},
      {"network_linkage", {{"implementation", nullptr}, {"legal_basis", nullptr}}},
      {"department", {{"name", nullptr}, {"head_title", nullptr}}},
      {"other_bodies", nullptr},
      {"emergency_exception", nullptr},
      {"threshold",
       {{"target_population", nullptr},
        {"handler_count", nullptr},
        {"serious_incident", nullptr},
        {"result", nullptr},
        {"target_population_as_of", nullptr},
        {"handler_count_as_of", nullptr}}},
      {"serious_incident", nullptr},
      {"files", json::array()},
      {"other_risk_measures", nullptr},
      {"risk_summary", nullptr},
      {"disclosure",
       {{"request_to", nullptr},
        {"request_method", nullptr},
        {"fee", nullptr},
        {"file_register", nullptr},
        {"special_procedures", nullptr},
        {"unlisted", nullptr},
        {"contact", nullptr},
        {"response", nullptr},
        {"request_notes", nullptr},
        {"fee_detail", nullptr},
        {"file_register_name", nullptr},
        {"file_register_place", nullptr}}},
      {"procedures",
       {{"basic_assessment", {{"date", nullptr}, {"threshold_result", nullptr}}},
        {"public_comment",
         {{"method", nullptr},
          {"period", nullptr},
          {"main_opinions", nullptr},
          {"reflection", nullptr},
          {"shortening_reason", nullptr}}},
        {"third_party_review", {{"date", nullptr}, {"method", nullptr}, {"result", nullptr}}},
        {"ppc_approval", {{"submitted_on", nullptr}, {"review", nullptr}}}}},
      {"changes", json::array()},
      {"diagnostics", json::array()},
      {"quality",
       {{"lines_total", 0},
        {"lines_recognized", 0},
        {"checks_unknown", 0},
        {"sections_missing", json::array()}}},
  };
}

json build_system() {
  return {{"number", nullptr},
          {"name", nullptr},
          {"functions", nullptr},
          {"connections", json::array()}};
}

json build_file() {
  return {
      {"number", nullptr},
      {"name", nullptr},
      {"kind", nullptr},
      {"subject_count", nullptr},
      {"subject_scope", nullptr},
      {"scope_necessity", nullptr},
      {"item_count", nullptr},
      {"main_items", json::array()},
      {"items_rationale", nullptr},
      {"all_items_ref", nullptr},
      {"retention_start", nullptr},
      {"department", nullptr},
      {"sources", json::array()},
      {"acquisition_methods", json::array()},
      {"purpose", nullptr},
      {"user_departments", nullptr},
      {"user_count", nullptr},
      {"usage", nullptr},
      {"matching", nullptr},
      {"use_start", nullptr},
      {"acquisition_timing", nullptr},
      {"acquisition_rationale", nullptr},
      {"notice_to_subject", nullptr},
      {"purpose_change_rationale", nullptr},
      {"statistical_analysis", nullptr},
      {"rights_decisions", nullptr},
      {"outsourcing",
       {{"status", nullptr}, {"declared_count", nullptr}, {"entrusts", json::array()}}},
      {"provision",
       {{"status", json::array()},
        {"provided_count", nullptr},
        {"transferred_count", nullptr},
        {"recipients", json::array()},
        {"destinations", json::array()}}},
      {"storage",
       {{"location", nullptr},
        {"retention_period", nullptr},
        {"retention_rationale", nullptr},
        {"erasure_method", nullptr}}},
      {"notes", nullptr},
      {"record_items", json::array()},
      {"risk_measures", risk_measures()},
  };
}

json build_entrust() {
  return {{"number", nullptr},
          {"title", nullptr},
          {"content", nullptr},
          {"handler_count", nullptr},
          {"contractor", nullptr},
          {"subcontract", nullptr},
          {"subcontract_approval", nullptr},
          {"subcontract_items", nullptr},
          {"file_scope", nullptr},
          {"subject_count", nullptr},
          {"subject_scope", nullptr},
          {"scope_rationale", nullptr},
          {"provision_methods", json::array()},
          {"contractor_disclosure", nullptr}};
}

json build_recipient() {
  return {{"number", nullptr},        {"name", nullptr},          {"legal_basis", nullptr},
          {"purpose", nullptr},       {"information", nullptr},   {"subject_count", nullptr},
          {"subject_scope", nullptr}, {"methods", json::array()}, {"timing", nullptr}};
}

}  // namespace

json document() { return copy_of<build_document>(); }
json system() { return copy_of<build_system>(); }
json file() { return copy_of<build_file>(); }
json entrust() { return copy_of<build_entrust>(); }
json recipient() { return copy_of<build_recipient>(); }

json risk_measures() {
  return {{"acquisition", nullptr}, {"use", nullptr},
          {"outsourcing", nullptr}, {"provision", nullptr},
          {"network", nullptr},     {"storage", nullptr},
          {"audit", json::array()}, {"training", {{"level", nullptr}, {"method", nullptr}}},
          {"other", nullptr}};
}

json risk_measures_full() {
  json rm = risk_measures();
  rm["training"] = nullptr;  // 様式4 keeps audit, training and the rest in Ⅳ
  return rm;
}

json other_risk_measures() {
  return {{"audit", json::array()},
          {"training", {{"level", nullptr}, {"method", nullptr}}},
          {"other", nullptr}};
}

json risk_summary() {
  return {{"report_kind", nullptr},
          {"acquisition", nullptr},
          {"use", nullptr},
          {"outsourcing", nullptr},
          {"provision", nullptr},
          {"network", nullptr},
          {"storage", nullptr},
          {"manual_work", nullptr},
          {"audit", json::array()},
          {"training", {{"level", nullptr}, {"method", nullptr}}},
          {"priority",
           {{"opt_outs", json::array()},
            {"measure", nullptr},
            {"adequacy", nullptr},
            {"rationale", nullptr}}}};
}

json emergency_exception() { return {{"applied", json::array()}, {"reason", nullptr}}; }

namespace {
json build_change() {
  return {{"date", nullptr},  {"item", nullptr},   {"before", nullptr},
          {"after", nullptr}, {"timing", nullptr}, {"reason", nullptr}};
}
}  // namespace

json change() { return copy_of<build_change>(); }

json diagnostic(std::string_view rule, std::string_view severity, std::string_view message,
                json paths, int line) {
  return {{"rule", rule},
          {"severity", severity},
          {"message", message},
          {"paths", std::move(paths)},
          {"line", line > 0 ? json(line) : json(nullptr)}};
}

json skeleton(std::string_view name) {
  if (name == "system") return system();
  if (name == "file") return file();
  if (name == "entrust") return entrust();
  if (name == "recipient") return recipient();
  if (name == "risk_measures") return risk_measures();
  if (name == "risk_measures_full") return risk_measures_full();
  if (name == "other_risk_measures") return other_risk_measures();
  if (name == "risk_summary") return risk_summary();
  if (name == "emergency_exception") return emergency_exception();
  if (name == "file_reasons") return {{"necessity", nullptr}, {"benefits", nullptr}};
  return json::object();
}

namespace {

void set_path(json& obj, const std::string& path, json value) {
  if (path.empty()) return;
  obj[json::json_pointer(path)] = std::move(value);
}

void defaults_for(const Scope& s, json& obj) {
  if (s.owner == Owner::None && !s.skeleton.empty() && s.skeleton != "section") {
    set_path(obj, s.prefix, skeleton(s.skeleton));  // an object that exists only in some forms
  }
  if (!s.risk && !s.controls_path.empty()) {
    json controls = json::array();
    for (const auto& f : s.fields) {
      if (f.control)
        controls.push_back({{"label", f.control_label}, {"value", nullptr}, {"text", nullptr}});
    }
    set_path(obj, s.prefix + s.controls_path, std::move(controls));
  }
  if (s.skeleton == "section") {
    json section = {
        {"opt_outs", json::array()}, {"risks", json::array()}, {"other_risks", nullptr}};
    for (const auto& c : s.children) {
      if (!c->risk) continue;
      json risk = {{"number", c->risk->number ? json(*c->risk->number) : json(nullptr)},
                   {"title", c->risk->title},
                   {"measures", nullptr},
                   {"controls", json::array()},
                   {"adequacy", nullptr}};
      for (const auto& f : c->fields) {
        if (f.control)
          risk["controls"].push_back(
              {{"label", f.control_label}, {"value", nullptr}, {"text", nullptr}});
      }
      section["risks"].push_back(std::move(risk));
    }
    set_path(obj, s.prefix, std::move(section));
  }
  auto check_defaults = [&](const Read& r) {
    if (r.type == ReadType::Checks) set_path(obj, s.prefix + r.path, default_checks(*r.options));
  };
  for (const auto& r : s.heading_reads) check_defaults(r);
  for (const auto& f : s.fields) {
    for (const auto& r : f.reads) check_defaults(r);
  }
  for (const auto& c : s.children) {
    if (c->owner == Owner::None) defaults_for(*c, obj);
  }
}

}  // namespace

void apply_grammar_defaults(const Scope& owner, json& obj) {
  // the owner's own heading reads and fields, then its transparent sub-scopes
  defaults_for(owner, obj);
}

}  // namespace hyoka::model
