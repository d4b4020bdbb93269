// The analysis tables of a batch and the rows of one record (docs/batch.md §Tables).
#include <string_view>

#include "hyoka/export.h"
#include "hyoka/sha256.h"

namespace hyoka::exporter {

using nlohmann::json;

namespace {

constexpr ColumnType T = ColumnType::Text;
constexpr ColumnType I = ColumnType::Integer;

enum TableIndex {
  kDocuments,
  kSystems,
  kFiles,
  kEntrusts,
  kRecipients,
  kRisks,
  kControls,
  kChanges,
  kDiagnostics
};

std::vector<Table> make_tables() {
  auto keyed = [](std::string name, std::vector<Column> rest) {
    std::vector<Column> cols = {{"document_id", T, false}, {"pointer", T, false}};
    cols.insert(cols.end(), rest.begin(), rest.end());
    return Table{std::move(name), std::move(cols)};
  };
  std::vector<Table> t;
  t.push_back({"documents",
               {{"document_id", T, false},
                {"path", T, false},
                {"status", T, true},
                {"error_kind", T, false},
                {"error_message", T, false},
                {"bytes", I, false},
                {"encoding", T, false},
                {"layout", T, false},
                {"form_kind", T, true},
                {"form_version", T, false},
                {"number", T, false},
                {"title", T, false},
                {"organization", T, true},
                {"approved_on", T, false},
                {"published_on", T, false},
                {"affair_name", T, false},
                {"target_population", T, false},
                {"serious_incident", T, true},
                {"threshold_result", T, false},
                {"department", T, false},
                {"lines_total", I, false},
                {"lines_recognized", I, false},
                {"checks_unknown", I, false},
                {"diagnostics_error", I, false},
                {"diagnostics_warning", I, false},
                {"diagnostics_info", I, false}}});
  t.push_back(keyed("systems", {{"number", I, false},
                                {"name", T, false},
                                {"functions", T, false},
                                {"connections", T, false}}));
  t.push_back(keyed("files", {{"number", I, false},
                              {"name", T, false},
                              {"kind", T, false},
                              {"subject_count", T, false},
                              {"subject_scope", T, false},
                              {"item_count", T, false},
                              {"retention_start", T, false},
                              {"department", T, false},
                              {"purpose", T, false},
                              {"user_count", T, false},
                              {"outsourcing_status", T, false},
                              {"outsourcing_count", I, false},
                              {"provided_count", I, false},
                              {"transferred_count", I, false},
                              {"storage_location", T, false},
                              {"retention_period", T, false},
                              {"erasure_method", T, false}}));
  t.push_back(keyed("entrusts", {{"file_number", I, false},
                                 {"number", I, false},
                                 {"title", T, false},
                                 {"content", T, false},
                                 {"handler_count", T, false},
                                 {"contractor", T, true},
                                 {"subcontract", T, false},
                                 {"subcontract_approval", T, false},
                                 {"subcontract_items", T, false}}));
  t.push_back(keyed("recipients", {{"file_number", I, false},
                                   {"kind", T, true},
                                   {"number", I, false},
                                   {"name", T, true},
                                   {"legal_basis", T, false},
                                   {"purpose", T, false},
                                   {"information", T, false},
                                   {"subject_count", T, false},
                                   {"subject_scope", T, false},
                                   {"methods", T, false},
                                   {"timing", T, false}}));
  t.push_back(keyed("risks", {{"file_number", I, false},
                              {"section", T, true},
                              {"number", I, false},
                              {"title", T, false},
                              {"measures", T, false},
                              {"adequacy", T, true}}));
  t.push_back(keyed("controls", {{"risk_pointer", T, false},
                                 {"file_number", I, false},
                                 {"section", T, true},
                                 {"label", T, true},
                                 {"value", T, true},
                                 {"text", T, false}}));
  t.push_back(keyed("changes", {{"date", T, false},
                                {"item", T, false},
                                {"before", T, false},
                                {"after", T, false},
                                {"timing", T, false},
                                {"reason", T, false}}));
  t.push_back(keyed("diagnostics", {{"rule", T, true},
                                    {"severity", T, true},
                                    {"message", T, false},
                                    {"paths", T, false},
                                    {"line", I, false}}));
  return t;
}

const json& at(const json& j, std::string_view key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

Value text(const json& j) {
  if (j.is_null()) return std::monostate{};
  if (j.is_string()) return j.get<std::string>();
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Value integer(const json& j) {
  if (j.is_number_integer()) return j.get<long long>();
  if (j.is_number_unsigned()) return static_cast<long long>(j.get<unsigned long long>());
  return text(j);
}

// The checked labels of a check set, "; "-separated (a detail in parentheses).
Value checked(const json& checks) {
  if (!checks.is_array()) return std::monostate{};
  std::string out;
  for (const auto& c : checks) {
    if (at(c, "checked") != true) continue;
    if (!out.empty()) out += "; ";
    out += at(c, "label").is_string() ? at(c, "label").get<std::string>() : "";
    if (at(c, "detail").is_string()) out += "（" + at(c, "detail").get<std::string>() + "）";
  }
  return out;
}

Value joined(const json& list) {
  if (!list.is_array()) return text(list);
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += "\n";
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

class RowBuilder {
 public:
  RowBuilder(std::string id, std::vector<Row>& rows) : id_(std::move(id)), rows_(rows) {}
  std::vector<Value>& row(std::size_t table, const std::string& pointer) {
    Row r;
    r.table = table;
    r.values.emplace_back(id_);
    r.values.emplace_back(pointer);
    rows_.push_back(std::move(r));
    return rows_.back().values;
  }

 private:
  std::string id_;
  std::vector<Row>& rows_;
};

void add_risks(RowBuilder& b, const json& file, const std::string& file_ptr, const Value& file_no) {
  const json& rm = at(file, "risk_measures");
  if (!rm.is_object()) return;
  for (const auto& [section, content] : rm.items()) {
    const json& risks = at(content, "risks");
    if (!risks.is_array()) continue;
    for (std::size_t i = 0; i < risks.size(); ++i) {
      const json& risk = risks[i];
      const std::string ptr =
          file_ptr + "/risk_measures/" + section + "/risks/" + std::to_string(i);
      auto& r = b.row(kRisks, ptr);
      r.insert(r.end(), {file_no, section, integer(at(risk, "number")), text(at(risk, "title")),
                         text(at(risk, "measures")), text(at(risk, "adequacy"))});
      const json& controls = at(risk, "controls");
      for (std::size_t k = 0; controls.is_array() && k < controls.size(); ++k) {
        auto& c = b.row(kControls, ptr + "/controls/" + std::to_string(k));
        c.insert(c.end(), {ptr, file_no, section, text(at(controls[k], "label")),
                           text(at(controls[k], "value")), text(at(controls[k], "text"))});
      }
    }
  }
}

void add_file(RowBuilder& b, const json& file, std::size_t index) {
  const std::string ptr = "/files/" + std::to_string(index);
  const Value file_no = integer(at(file, "number"));
  const json& out = at(file, "outsourcing");
  const json& prov = at(file, "provision");
  const json& st = at(file, "storage");
  auto& r = b.row(kFiles, ptr);
  r.insert(
      r.end(),
      {file_no, text(at(file, "name")), text(at(file, "kind")), text(at(file, "subject_count")),
       text(at(file, "subject_scope")), text(at(file, "item_count")),
       text(at(file, "retention_start")), text(at(file, "department")), text(at(file, "purpose")),
       text(at(file, "user_count")), text(at(out, "status")), integer(at(out, "declared_count")),
       integer(at(prov, "provided_count")), integer(at(prov, "transferred_count")),
       text(at(st, "location")), text(at(st, "retention_period")), text(at(st, "erasure_method"))});
  const json& entrusts = at(out, "entrusts");
  for (std::size_t i = 0; entrusts.is_array() && i < entrusts.size(); ++i) {
    const json& e = entrusts[i];
    auto& row = b.row(kEntrusts, ptr + "/outsourcing/entrusts/" + std::to_string(i));
    row.insert(row.end(),
               {file_no, integer(at(e, "number")), text(at(e, "title")), text(at(e, "content")),
                text(at(e, "handler_count")), text(at(e, "contractor")), text(at(e, "subcontract")),
                text(at(e, "subcontract_approval")), text(at(e, "subcontract_items"))});
  }
  for (const auto& [key, kind] : {std::pair{"recipients", "提供先"}, {"destinations", "移転先"}}) {
    const json& list = at(prov, key);
    for (std::size_t i = 0; list.is_array() && i < list.size(); ++i) {
      const json& p = list[i];
      auto& row = b.row(kRecipients, ptr + "/provision/" + key + "/" + std::to_string(i));
      row.insert(row.end(),
                 {file_no, std::string(kind), integer(at(p, "number")), text(at(p, "name")),
                  text(at(p, "legal_basis")), text(at(p, "purpose")), text(at(p, "information")),
                  text(at(p, "subject_count")), text(at(p, "subject_scope")),
                  checked(at(p, "methods")), text(at(p, "timing"))});
    }
  }
  add_risks(b, file, ptr, file_no);
}

void add_document(RowBuilder& b, const json& d, std::vector<Value>& doc) {
  const json& src = at(d, "source");
  const json& header = at(d, "header");
  const json& quality = at(d, "quality");
  const json& diags = at(d, "diagnostics");
  long long sev[3] = {0, 0, 0};
  for (std::size_t i = 0; diags.is_array() && i < diags.size(); ++i) {
    const json& g = diags[i];
    const std::string s = at(g, "severity").is_string() ? at(g, "severity").get<std::string>() : "";
    sev[0] += s == "error";
    sev[1] += s == "warning";
    sev[2] += s == "info";
    auto& row = b.row(kDiagnostics, "/diagnostics/" + std::to_string(i));
    row.insert(row.end(), {text(at(g, "rule")), text(at(g, "severity")), text(at(g, "message")),
                           joined(at(g, "paths")), integer(at(g, "line"))});
  }
  doc.insert(doc.end(), {"ok",
                         std::monostate{},
                         std::monostate{},
                         integer(at(src, "bytes")),
                         text(at(src, "encoding")),
                         text(at(src, "layout")),
                         text(at(at(d, "form"), "kind")),
                         text(at(at(d, "form"), "version")),
                         text(at(header, "number")),
                         text(at(header, "title")),
                         text(at(header, "organization")),
                         text(at(header, "approved_on")),
                         text(at(header, "published_on")),
                         text(at(at(d, "affair"), "name")),
                         text(at(at(d, "affair"), "target_population")),
                         text(at(d, "serious_incident")),
                         text(at(at(d, "threshold"), "result")),
                         text(at(at(d, "department"), "name")),
                         integer(at(quality, "lines_total")),
                         integer(at(quality, "lines_recognized")),
                         integer(at(quality, "checks_unknown")),
                         sev[0],
                         sev[1],
                         sev[2]});
  const json& systems = at(d, "systems");
  for (std::size_t i = 0; systems.is_array() && i < systems.size(); ++i) {
    const json& s = systems[i];
    auto& row = b.row(kSystems, "/systems/" + std::to_string(i));
    row.insert(row.end(), {integer(at(s, "number")), text(at(s, "name")), text(at(s, "functions")),
                           checked(at(s, "connections"))});
  }
  const json& files = at(d, "files");
  for (std::size_t i = 0; files.is_array() && i < files.size(); ++i) add_file(b, files[i], i);
  const json& audit = at(at(d, "other_risk_measures"), "audit");
  for (std::size_t k = 0; audit.is_array() && k < audit.size(); ++k) {
    auto& c = b.row(kControls, "/other_risk_measures/audit/" + std::to_string(k));
    c.insert(c.end(), {std::monostate{}, std::monostate{}, "other_risk_measures",
                       text(at(audit[k], "label")), text(at(audit[k], "value")),
                       text(at(audit[k], "text"))});
  }
  const json& changes = at(d, "changes");
  for (std::size_t i = 0; changes.is_array() && i < changes.size(); ++i) {
    const json& c = changes[i];
    auto& row = b.row(kChanges, "/changes/" + std::to_string(i));
    row.insert(row.end(), {text(at(c, "date")), text(at(c, "item")), text(at(c, "before")),
                           text(at(c, "after")), text(at(c, "timing")), text(at(c, "reason"))});
  }
}

}  // namespace

const std::vector<Table>& tables() {
  static const std::vector<Table> kTables = make_tables();
  return kTables;
}

std::string document_id(const json& record) {
  const json& src = at(record, "source");
  if (at(src, "sha256").is_string()) return at(src, "sha256").get<std::string>();
  const json& path = at(src, "path");
  return "unread:" + sha256_hex(path.is_string() ? path.get<std::string>() : "");
}

std::vector<Row> rows_of(const json& record) {
  std::vector<Row> rows;
  rows.push_back(Row{kDocuments, {}});
  const json& src = at(record, "source");
  rows[0].values = {document_id(record), text(at(src, "path"))};
  RowBuilder b(std::get<std::string>(rows[0].values[0]), rows);
  const json& error = at(record, "error");
  if (error.is_object()) {
    rows[0].values.insert(
        rows[0].values.end(),
        {"error", text(at(error, "kind")), text(at(error, "message")), integer(at(src, "bytes"))});
    rows[0].values.resize(tables()[kDocuments].columns.size());
    return rows;
  }
  std::vector<Value> doc;
  add_document(b, record, doc);
  // rows may have grown: the documents row is still the first
  rows[0].values.insert(rows[0].values.end(), doc.begin(), doc.end());
  return rows;
}

std::string csv_field(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (const auto* n = std::get_if<long long>(&v)) return std::to_string(*n);
  const std::string& s = std::get<std::string>(v);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace hyoka::exporter
