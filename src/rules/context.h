// The view of a document that rules share: typed access to the v1 model, and the few
// judgements every family needs (is a text substantive, is a value uncertain because of the
// extraction, which files, risks and checks there are).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"
#include "hyoka/validate.h"

namespace hyoka::validate {

using nlohmann::json;

class Context {
 public:
  Context(const json& doc, const json& spans, const Options& options);

  const json& doc() const { return doc_; }
  const Options& options() const { return options_; }

  // The value at `pointer`, or a null value when the pointer does not resolve.
  const json& at(const std::string& pointer) const;
  std::optional<std::string> str(const std::string& pointer) const;
  std::optional<long long> integer(const std::string& pointer) const;

  std::string form() const;  // basic / focused / full, or ""
  // The grammar of form() (from Options::grammars, or built-in grammars loaded on first use by
  // this Context), or nullptr for an unknown form.
  const Grammar* grammar() const;
  std::string layout() const;  // ocr-html / pdftotext / plain
  // The extraction's reading order cannot be trusted for blanks: pdftotext (scrambled pages), or
  // a text where most values were placed by layout reasoning (one page per line). A value
  // missing there is the tool's uncertainty, never evidence about the document.
  bool scrambled() const;
  // Some value under `prefix` was read from the input (it has a span). Without spans (a JSON
  // document without them) every part counts as seen.
  bool seen(const std::string& prefix) const;
  // A value at `pointer` that is null is the document's own blank (not the extraction's loss):
  // the layout is not scrambled and its part was seen.
  bool blank_in_document(const std::string& pointer, const std::string& part) const;

  // First input line of `pointer` (or of its nearest enclosing value with a span); 0 if none.
  int line_of(const std::string& pointer) const;

  std::size_t file_count() const;

  // A value several rules derive from the document (the change log's latest rows): `make()` on
  // the first call with this name, the same object afterwards, for this Context's life.
  template <class T, class Make>
  const T& shared(const std::string& name, Make make) const {
    auto it = shared_.find(name);
    if (it == shared_.end()) it = shared_.emplace(name, std::make_shared<const T>(make())).first;
    return *static_cast<const T*>(it->second.get());
  }
  static std::string file(std::size_t i) { return "/files/" + std::to_string(i); }

 private:
  const json& doc_;
  std::map<std::string, int> first_lines_;  // span pointer → first line
  bool has_spans_ = false;
  const Options& options_;
  mutable std::unique_ptr<GrammarSet> own_grammars_;  // only without Options::grammars
  mutable std::map<std::string, std::shared_ptr<const void>> shared_;
};

// object[key], or a null value when the key is absent: value(key, json()) without copying the
// member. Like value(), it throws json::type_error when `object` is not an object.
const json& member(const json& object, const std::string& key);

// 「ファイル2（送付先情報ファイル）」: how messages name file i.
std::string file_label(const Context& c, std::size_t i);

// The opt-out box of a risk's section that makes the risk not apply (委託しない for 委託,
// 接続しない（入手） for the network's acquisition risks, …), or "" when the section has none.
std::string opt_out_for(const Context& c, const std::string& section, const json& risk);

// A free text that says something: not null, not blank, not a "nothing" answer (なし, 該当なし,
// 特になし, 無し, －, …).
bool substantive(const json& text);

// Normalized for comparing names: NFKC-ish width folding, whitespace and the common punctuation
// variants removed (text::key).
std::string name_key(std::string_view s);

// The state of the check labelled `label` in a list of Checks: true / false / nullopt (unknown or
// absent).
std::optional<bool> checked(const json& checks, std::string_view label);
// Pointer of that check inside `list_pointer`, or list_pointer itself.
std::string check_pointer(const json& checks, const std::string& list_pointer,
                          std::string_view label);

// Index of the control labelled `label` in a Risk's controls, or -1.
int control_index(const json& risk, std::string_view label);

// A text that points to another part of the document for its list (別紙1, 別添, 一覧, …).
bool refers_elsewhere(const json& text);

// Calls f(pointer, risk) for every Risk of every Section of file i's risk_measures, with the
// section key ("acquisition", …).
void for_each_risk(const Context& c, std::size_t file,
                   const std::function<void(const std::string& section, const std::string& ptr,
                                            const json& risk)>& f);

// Calls f(file index, pointer, entrust, label) for every 委託事項 of every file; label is
// 「ファイル1（…） の委託事項2」.
void for_each_entrust(const Context& c,
                      const std::function<void(std::size_t file, const std::string& ptr,
                                               const json& entrust, const std::string& label)>& f);

// ISO date or month ("2024-05-31", "2024-05"), or the start of a period ("A/B"); comparable as
// strings at month precision through month_of().
std::optional<std::string> iso(const json& v);
std::string month_of(const std::string& iso_date);

}  // namespace hyoka::validate
