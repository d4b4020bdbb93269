#include "rules/context.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "hyoka/text.h"

namespace hyoka::validate {

namespace {
const json& null_value() {
  static const json kNull = nullptr;
  return kNull;
}
}  // namespace

Context::Context(const json& doc, const json& spans, const Options& options)
    : doc_(doc), options_(options) {
  if (!spans.is_object()) return;
  // a JSON object iterates in the map's own order: each pointer goes at the end
  for (const auto& [pointer, lines] : spans.items()) {
    if (lines.is_array() && !lines.empty() && lines[0].is_number_integer())
      first_lines_.emplace_hint(first_lines_.end(), pointer, lines[0].get<int>());
  }
  has_spans_ = !first_lines_.empty();
}

namespace {

// The value at `pointer` in `v` as json_pointer resolves it (~0 and ~1 escapes, array indices
// in decimal without leading zeros), or nullptr; one walk, no pointer object, no exception on
// the common miss. An ill-formed pointer (no leading '/', a bad escape) resolves to nothing.
const json* resolve(const json& v, std::string_view pointer) {
  const json* cur = &v;
  std::string token;
  std::size_t pos = 0;
  if (!pointer.empty() && pointer[0] != '/') return nullptr;
  while (pos < pointer.size()) {
    const std::size_t end = std::min(pointer.find('/', pos + 1), pointer.size());
    const std::string_view raw = pointer.substr(pos + 1, end - pos - 1);
    pos = end;
    token.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        token += raw[i];
        continue;
      }
      if (i + 1 == raw.size() || (raw[i + 1] != '0' && raw[i + 1] != '1')) return nullptr;
      token += raw[++i] == '0' ? '~' : '/';
    }
    if (cur->is_object()) {
      const auto it = cur->find(token);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    } else if (cur->is_array()) {
      if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0') ||
          token.find_first_not_of("0123456789") != std::string::npos)
        return nullptr;
      const std::size_t i = std::stoull(token);
      if (i >= cur->size()) return nullptr;
      cur = &(*cur)[i];
    } else {
      return nullptr;
    }
  }
  return cur;
}

}  // namespace

const json& Context::at(const std::string& pointer) const {
  const json* v = resolve(doc_, pointer);
  return v != nullptr ? *v : null_value();
}

const json& member(const json& object, const std::string& key) {
  if (!object.is_object()) (void)object.value(key, json());  // throws its type_error
  const auto it = object.find(key);
  return it != object.end() ? *it : null_value();
}

std::optional<std::string> Context::str(const std::string& pointer) const {
  const json& v = at(pointer);
  if (!v.is_string()) return std::nullopt;
  return v.get<std::string>();
}

std::optional<long long> Context::integer(const std::string& pointer) const {
  const json& v = at(pointer);
  if (!v.is_number_integer()) return std::nullopt;
  return v.get<long long>();
}

std::string Context::form() const { return str("/form/kind").value_or(""); }
const Grammar* Context::grammar() const {
  const GrammarSet* set = options_.grammars;
  if (set == nullptr) {
    if (!own_grammars_) own_grammars_ = std::make_unique<GrammarSet>();
    set = own_grammars_.get();
  }
  return set->find(form());
}

std::string Context::layout() const { return str("/source/layout").value_or(""); }

bool Context::scrambled() const {
  if (layout() == "pdftotext") return true;
  const auto recovered = integer("/quality/values_recovered");
  const auto lines = integer("/quality/lines_total");
  return recovered && lines && *recovered * 2 > *lines;
}

bool Context::seen(const std::string& prefix) const {
  if (!has_spans_) return true;
  if (first_lines_.count(prefix) != 0) return true;
  const auto it = first_lines_.lower_bound(prefix + "/");
  return it != first_lines_.end() && it->first.rfind(prefix + "/", 0) == 0;
}

bool Context::blank_in_document(const std::string& pointer, const std::string& part) const {
  return at(pointer).is_null() && !scrambled() && seen(part);
}

int Context::line_of(const std::string& pointer) const {
  if (!has_spans_) return 0;
  // the value itself
  if (const auto it = first_lines_.find(pointer); it != first_lines_.end()) return it->second;
  // the first line of any value inside it
  const std::string inside = pointer + "/";
  int best = 0;
  for (auto j = first_lines_.lower_bound(inside);
       j != first_lines_.end() && j->first.rfind(inside, 0) == 0; ++j) {
    if (j->second > 0 && (best == 0 || j->second < best)) best = j->second;
  }
  if (best > 0) return best;
  // the nearest enclosing value, else the first line of the nearest enclosing part that has
  // values (a blank 公表日 is best seen at the cover)
  std::string p = pointer;
  while (p.size() > 1 && p.rfind('/') != std::string::npos) {
    p.erase(p.rfind('/'));
    if (p.empty()) break;
    if (const auto e = first_lines_.find(p); e != first_lines_.end()) return e->second;
    int first = 0;
    for (auto j = first_lines_.lower_bound(p + "/");
         j != first_lines_.end() && j->first.rfind(p + "/", 0) == 0; ++j) {
      if (j->second > 0 && (first == 0 || j->second < first)) first = j->second;
    }
    if (first > 0) return first;
  }
  return 0;
}

std::size_t Context::file_count() const {
  const json& f = at("/files");
  return f.is_array() ? f.size() : 0;
}

std::string file_label(const Context& c, std::size_t i) {
  std::string out = "ファイル" + std::to_string(i + 1);
  if (const auto name = c.str(Context::file(i) + "/name")) out += "（" + *name + "）";
  return out;
}

std::string opt_out_for(const Context& c, const std::string& section, const json& risk) {
  if (section == "outsourcing") return "委託しない";
  if (section == "provision") return "提供・移転しない";
  if (section != "network") return "";
  const int n =
      risk.is_object() && risk["number"].is_number_integer() ? risk["number"].get<int>() : 0;
  // 様式3: リスク1 入手, リスク2 提供; 様式4: リスク1–4 入手, リスク5–7 提供
  const int last_acquisition = c.form() == "full" ? 4 : 1;
  if (n == 0) return "";
  return n <= last_acquisition ? "接続しない（入手）" : "接続しない（提供）";
}

namespace {

// A CJK unified ideograph that NFKC and key() keep as it is (no decomposition, no composition,
// combining class 0) and that no "nothing" answer below contains: its key says something.
bool keeps_a_telling_ideograph(std::string_view s) {
  static constexpr std::u32string_view kInNothing = U"無該当特非事項記載";
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = hyoka::text::next_cp(s, pos);
    if (cp >= 0x4E00 && cp <= 0x9FFF && kInNothing.find(cp) == std::u32string_view::npos)
      return true;
  }
  return false;
}

}  // namespace

bool substantive(const json& text) {
  if (!text.is_string()) return false;
  // most texts: decided without key() over a long value (the change log's rows, risks' texts)
  if (keeps_a_telling_ideograph(text.get_ref<const std::string&>())) return true;
  const std::string k = hyoka::text::key(text.get<std::string>());
  if (k.empty() || hyoka::text::is_placeholder(k)) return false;
  static const std::array<std::string_view, 14> kNothing = {
      "なし",   "無し",         "該当なし",   "該当無し", "特になし",   "特に無し",   "ない",
      "非該当", "該当事項なし", "該当しない", "なし。",   "該当なし。", "特になし。", "記載なし"};
  for (auto n : kNothing) {
    if (k == n) return false;
  }
  return true;
}

std::string name_key(std::string_view s) {
  std::string k = hyoka::text::key(s);
  // the punctuation that varies between sections of one document
  static const std::array<std::string_view, 6> kDrop = {"・", "･", "、", "。", "「", "」"};
  for (auto d : kDrop) {
    for (std::size_t p = k.find(d); p != std::string::npos; p = k.find(d)) k.erase(p, d.size());
  }
  return k;
}

std::optional<bool> checked(const json& checks, std::string_view label) {
  if (!checks.is_array()) return std::nullopt;
  for (const auto& c : checks) {
    if (c.is_object() && c.value("label", "") == label) {
      if (c["checked"].is_boolean()) return c["checked"].get<bool>();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string check_pointer(const json& checks, const std::string& list_pointer,
                          std::string_view label) {
  if (checks.is_array()) {
    for (std::size_t i = 0; i < checks.size(); ++i) {
      if (checks[i].is_object() && checks[i].value("label", "") == label)
        return list_pointer + "/" + std::to_string(i);
    }
  }
  return list_pointer;
}

int control_index(const json& risk, std::string_view label) {
  if (!risk.is_object() || !risk.contains("controls") || !risk["controls"].is_array()) return -1;
  const json& cs = risk["controls"];
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (cs[i].is_object() && cs[i].value("label", "") == label) return static_cast<int>(i);
  }
  return -1;
}

bool refers_elsewhere(const json& text) {
  if (!text.is_string()) return false;
  const std::string k = hyoka::text::key(text.get<std::string>());
  for (std::string_view w : {"別紙", "別添", "一覧", "別表", "のとおり", "の通り"}) {
    if (k.find(w) != std::string::npos) return true;
  }
  return false;
}

void for_each_risk(
    const Context& c, std::size_t file,
    const std::function<void(const std::string&, const std::string&, const json&)>& f) {
  const std::string base = Context::file(file) + "/risk_measures";
  const json& rm = c.at(base);
  if (!rm.is_object()) return;
  for (const char* section :
       {"acquisition", "use", "outsourcing", "provision", "network", "storage"}) {
    if (!rm.contains(section) || !rm[section].is_object()) continue;
    const json& risks = rm[section]["risks"];
    if (!risks.is_array()) continue;
    for (std::size_t i = 0; i < risks.size(); ++i)
      f(section, base + "/" + section + "/risks/" + std::to_string(i), risks[i]);
  }
}

void for_each_entrust(const Context& c,
                      const std::function<void(std::size_t, const std::string&, const json&,
                                               const std::string&)>& f) {
  for (std::size_t i = 0; i < c.file_count(); ++i) {
    const std::string list = Context::file(i) + "/outsourcing/entrusts";
    const json& entrusts = c.at(list);
    if (!entrusts.is_array()) continue;
    for (std::size_t k = 0; k < entrusts.size(); ++k) {
      const json& e = entrusts[k];
      f(i, list + "/" + std::to_string(k), e,
        file_label(c, i) + " の委託事項" + e.value("number", json(k + 1)).dump());
    }
  }
}

std::optional<std::string> iso(const json& v) {
  if (!v.is_string()) return std::nullopt;
  std::string s = v.get<std::string>();
  if (const auto slash = s.find('/'); slash != std::string::npos) s.erase(slash);
  if (s.size() < 7) return std::nullopt;
  return s;
}

std::string month_of(const std::string& iso_date) { return iso_date.substr(0, 7); }

}  // namespace hyoka::validate
