#include "hyoka/parse.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>

#include "embedded_grammars.h"
#include "hyoka/decode.h"
#include "hyoka/model.h"
#include "hyoka/recognize.h"
#include "hyoka/sha256.h"
#include "hyoka/text.h"
#include "hyoka/validate.h"

namespace hyoka {

using nlohmann::json;

namespace {

struct FormGuess {
  std::string kind;  // basic / focused / full, or empty
  std::string version;
  int evidence_line = 0;
};

FormGuess detect_form(std::string_view text) {
  FormGuess g;
  int line_no = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++line_no;
    if (line_no > 400 && !g.kind.empty()) break;
    if (!g.kind.empty() && !g.version.empty()) break;  // nothing left to find
    // the key only while the title is looked for (a stamp holds 様式: its key is never empty)
    const std::string k = g.kind.empty() ? text::key(line) : std::string();
    if (g.kind.empty() && k.empty()) continue;
    if (g.version.empty()) {
      if (const auto stamp = find_template_stamp(line)) {
        g.version = stamp->version;
        if (g.kind.empty()) {
          const int n = stamp->form_number;
          g.kind = n == 2 ? "basic" : n == 3 ? "focused" : n == 4 ? "full" : "";
          g.evidence_line = line_no;
        }
      }
    }
    if (g.kind.empty() && k.find("特定個人情報保護評価書") != std::string::npos) {
      if (k.find("重点項目評価書") != std::string::npos) g.kind = "focused";
      if (k.find("全項目評価書") != std::string::npos) g.kind = "full";
      if (k.find("基礎項目評価書") != std::string::npos) g.kind = "basic";
      if (!g.kind.empty()) g.evidence_line = line_no;
    }
  }
  return g;
}

std::size_t count_unknown_checks(const json& j) {
  std::size_t n = 0;
  if (j.is_object()) {
    const auto checked = j.find("checked");
    if (checked != j.end() && checked->is_null() && j.contains("label")) ++n;
    for (const auto& [k, v] : j.items()) n += count_unknown_checks(v);
  } else if (j.is_array()) {
    for (const auto& v : j) n += count_unknown_checks(v);
  }
  return n;
}

void infer_outsourcing(json& doc, const Recognized& r, std::vector<json>& diags) {
  for (std::size_t i = 0; i < doc["files"].size(); ++i) {
    json& o = doc["files"][i]["outsourcing"];
    if (!o["status"].is_null()) continue;
    const bool counted =
        o["declared_count"].is_number() && o["declared_count"].get<long long>() > 0;
    const bool listed = !o["entrusts"].empty();
    if (!counted && !listed) continue;
    o["status"] = "委託する";
    const std::string base = "/files/" + std::to_string(i) + "/outsourcing";
    int line = 0;
    for (const auto& s : r.spans) {
      if (s.pointer.rfind(base, 0) == 0) {
        line = s.first;
        break;
      }
    }
    diags.push_back(model::diagnostic(
        "REC001", "info",
        std::string("委託の有無の選択が読み取れなかったため、") +
            (counted ? "記載された委託件数" : "記載された委託事項") +
            "から「委託する」と推定しました。",
        json::array({base + "/status", counted ? base + "/declared_count" : base + "/entrusts"}),
        line));
  }
}

}  // namespace

Parser::Parser() = default;

std::string_view Parser::schema() { return embedded::schema(); }
std::string_view Parser::version() { return embedded::version(); }

Normalized Parser::normalize_text(std::string_view bytes, std::string_view encoding,
                                  const Limits& limits) const {
  check_input_size(bytes.size(), limits);
  return normalize(decode(bytes, encoding).text, limits);
}

json Parser::parse(std::string_view bytes, const ParseOptions& options) const {
  const Limits& limits = options.limits;
  check_input_size(bytes.size(), limits);
  const Decoded decoded = decode(bytes, options.encoding);
  std::string cut_storage;
  std::vector<LimitNote> limit_notes;  // LIM002 here; normalize() finds no long line again
  const std::string_view text = cut_long_lines(decoded.text, limits, cut_storage, limit_notes);
  const Normalized norm = normalize(text, limits);
  if (norm.lines_total == 0 && text::collapse_spaces(text, true).empty()) {
    throw NotAnAssessment(bytes.empty() ? "入力が空です（0 バイト）。"
                                        : "入力に文字がありません（空白と改行だけです）。");
  }
  limit_notes.insert(limit_notes.end(), norm.limits_hit.begin(), norm.limits_hit.end());
  const FormGuess form = detect_form(text);

  std::vector<json> diags;
  const Grammar* grammar = form.kind.empty() ? nullptr : grammars_.find(form.kind);
  std::optional<Recognized> recognized;
  if (grammar == nullptr && !form.kind.empty()) {
    grammar = grammars_.find("focused");
    diags.push_back(model::diagnostic(
        "REC004", "info",
        "この様式（" + form.kind +
            "）専用の文法がないため、重点項目評価書（様式3）の文法で読み取りました。",
        json::array({"/form/kind"}), form.evidence_line));
  }
  if (grammar == nullptr) {
    // no title and no stamp: the grammar whose labels the text follows best
    for (const auto& g : grammars_.all()) {
      Recognized candidate = recognize(norm, *g, limits);
      if (!recognized || candidate.label_hits > recognized->label_hits) {
        recognized = std::move(candidate);
        grammar = g.get();
      }
    }
  } else {
    recognized = recognize(norm, *grammar, limits);
  }
  Recognized& r = *recognized;
  if (form.kind.empty()) {
    if (r.label_hits < 5) {
      throw NotAnAssessment(
          "特定個人情報保護評価書として認識できる見出しや項目がほとんどありません（" +
          std::to_string(r.label_hits) + " 件）。");
    }
    diags.push_back(model::diagnostic(
        "REC005", "warning",
        "表紙の題名や様式番号が見つからないため、評価書の種類を判定できません。もっとも近い " +
            grammar->name + " として読み取りました。",
        json::array({"/form/kind"}), 0));
  }
  json& doc = r.doc;
  doc["source"] = {{"path", options.path.empty() ? json(nullptr) : json(options.path)},
                   {"sha256", sha256_hex(bytes)},
                   {"bytes", bytes.size()},
                   {"encoding", decoded.encoding},
                   {"layout", norm.layout}};
  doc["form"] = {{"kind", form.kind.empty() ? json(grammar->form) : json(form.kind)},
                 {"version", form.version.empty() ? json(nullptr) : json(form.version)}};
  if (decoded.invalid_sequences > 0) {
    diags.push_back(model::diagnostic(
        "DEC001", "warning",
        "UTF-8 として不正なバイト列が " + std::to_string(decoded.invalid_sequences) +
            " か所あり、U+FFFD に置き換えました。",
        json::array({"/source/encoding"}), static_cast<int>(decoded.first_invalid_line)));
  }
  for (const LimitNote& note : limit_notes) {
    diags.push_back(
        model::diagnostic(note.code, "warning", note.message, json::array(), note.line));
  }
  infer_outsourcing(doc, r, diags);
  // 評価書番号 / 評価書名 printed as a two-row table, one cell per line (or one page per line):
  // both labels first, then both values, so the number arrives at the start of the title
  if (doc["header"]["number"].is_null() && doc["header"]["title"].is_string()) {
    const std::string title = doc["header"]["title"].get<std::string>();
    const std::size_t nl = title.find_first_of("\n ");
    static const re2::RE2 kNumber(R"([0-9]{1,6})");
    if (nl != std::string::npos && re2::RE2::FullMatch(title.substr(0, nl), kNumber)) {
      doc["header"]["number"] = title.substr(0, nl);
      doc["header"]["title"] = title.substr(nl + 1);
    }
  }
  if (grammar->form == "basic") {
    // 様式2 states its threshold items itself; the other keys repeat them (output-conventions §1c)
    doc["affair"]["target_population"] = doc["threshold"]["target_population"];
    doc["serious_incident"] = doc["threshold"]["serious_incident"];
    doc["procedures"]["basic_assessment"]["threshold_result"] = doc["threshold"]["result"];
    int number = 0;
    for (const auto& name : doc["file_names"]) {
      json file = model::file();
      ++number;
      const std::size_t i = static_cast<std::size_t>(number - 1);
      file["number"] = i < r.file_name_numbers.size() && r.file_name_numbers[i] > 0
                           ? r.file_name_numbers[i]
                           : number;
      file["name"] = name;
      file["risk_measures"] = nullptr;
      doc["files"].push_back(std::move(file));
    }
  } else {
    // the summary keys of SCHEMA.md
    doc["threshold"]["target_population"] = doc["affair"]["target_population"];
    doc["threshold"]["serious_incident"] = doc["serious_incident"];
    doc["threshold"]["result"] = doc["procedures"]["basic_assessment"]["threshold_result"];
  }

  for (auto& d : r.diagnostics) diags.push_back(std::move(d));
  doc["diagnostics"] = json::array();
  for (auto& d : diags) doc["diagnostics"].push_back(std::move(d));
  const std::size_t lines_total = norm.lines_total;
  doc["quality"] = {
      {"lines_total", lines_total},
      {"lines_recognized", std::min(r.lines_recognized, lines_total)},
      {"checks_unknown", count_unknown_checks(doc["files"]) + count_unknown_checks(doc["systems"])},
      {"sections_missing", r.sections_missing},
      {"values_recovered", r.values_recovered},
      {"characters_repaired", r.characters_repaired},
      {"invalid_sequences", decoded.invalid_sequences},
      {"furniture_removed", norm.furniture_lines},
      {"doubled_collapsed", norm.doubled_collapsed}};
  if (lines_total > 0 && r.lines_recognized * 2 < lines_total) {
    doc["diagnostics"].push_back(
        model::diagnostic("REC006", "warning",
                          "入力 " + std::to_string(lines_total) + " 行のうち認識できたのは " +
                              std::to_string(r.lines_recognized) +
                              " 行だけです。抽出結果の品質が低い可能性があります。",
                          json::array({"/quality/lines_recognized"}), 0));
  }
  // spans are computed even when not asked for: the validator takes its lines from them
  {
    json spans = json::object();
    for (const auto& s : r.spans) spans[s.pointer] = {s.first, s.last};
    // summary values point at the lines of the values they repeat
    const std::pair<const char*, const char*> derived[] = {
        {"/threshold/target_population", "/affair/target_population"},
        {"/threshold/result", "/procedures/basic_assessment/threshold_result"}};
    for (const auto& [to, from] : derived) {
      if (spans.contains(from)) spans[to] = spans[from];
    }
    if (!doc["serious_incident"].is_null()) {
      for (const auto& [pointer, lines] : spans.items()) {
        if (pointer.rfind("/files/0/risk_measures/storage/risks/", 0) == 0 &&
            doc[json::json_pointer(pointer)] == doc["serious_incident"] &&
            pointer.find("/controls/") != std::string::npos) {
          spans["/serious_incident"] = lines;
          spans["/threshold/serious_incident"] = lines;
          break;
        }
      }
    }
    if (options.validate) {
      validate::Options vo;
      vo.draft = options.draft;
      vo.grammars = &grammars_;
      validate::apply(doc, spans, vo);
    }
    if (options.spans) doc["spans"] = std::move(spans);
  }
  return std::move(doc);
}

}  // namespace hyoka
