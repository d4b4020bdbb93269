// Grammars: one data file per form template (grammars/*.json) naming every label, its spelling
// variants, its value type and its options. Code knows how to read a kind of field; the grammar
// knows which fields exist and where their values go in the v1 model.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace re2 {
class RE2;
}

namespace hyoka {

struct GrammarError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Option {
  std::string label;                 // canonical string (FORMS.md)
  std::vector<std::string> printed;  // canonical label and its variants, as printed
  std::vector<std::string> keys;     // match keys of `printed`, same order
  bool detail = false;               // takes a parenthesised detail (その他（…）)
  bool as_printed = false;           // emit the variant the document prints (4情報/5情報)
  bool shared = false;  // the label is also an option of another check set (紙, その他, 専用線)
};
using OptionList = std::vector<Option>;

enum class ReadType {
  Text,
  Choice,
  Checks,
  Date,
  Period,
  Count,
  Names,
  NumberTitle,
  FileName,
  BindName,
  SystemList,
  ParenAfter
};

struct Read {
  ReadType type = ReadType::Text;
  std::string path;                     // JSON Pointer from the owning instance object
  const OptionList* options = nullptr;  // Choice, Checks
  std::string after_key;                // Count: the option the count follows
  std::string marker;                   // ParenAfter: the caption inside the parentheses
};

// What a text field's value looks like, when the form fixes it (an organization's name, a
// reference to an annex: `別添１を参照。`): evidence for placing a box that pdftotext printed away
// from its label.
enum class TextShape { Any, Organization, AnnexReference };

struct Field {
  std::string label;                 // as printed in the grammar
  std::string control_label;         // canonical label for Control.label (markers removed)
  std::vector<std::string> keys;     // label_key of label and variants
  bool numbered = false;             // matches only a label printed with a section number
  bool control = false;              // a Control row of a Risk
  std::string role;                  // e.g. "serious_incident"
  std::string spill_key;             // label key of the text field that receives fused text
  TextShape shape = TextShape::Any;  // what a text value looks like (an organization's name)
  // label_key of text the form prints inside the field's box that is no value (主な記録項目's
  // `・識別情報`): in pdftotext, such a box is no other field's value either
  std::vector<std::string> box_captions;
  std::vector<Read> reads;
};

struct Caption {
  std::vector<std::string> keys;
  bool numbered = false;
};

enum class ScopeMode { Normal, ConsumeBlock, Raw };
enum class Owner { None, Array, BindFile };

struct RiskSpec {
  std::optional<int> number;
  std::string title;              // canonical; several titles of one risk joined by '\n'
  std::vector<std::string> keys;  // each title and variant
  bool by_title = false;          // entered by a row that starts with its title (no リスクN：)
};

struct Scope {
  std::string id;
  std::string title;
  std::vector<std::string> heading_keys;
  std::shared_ptr<re2::RE2> pattern;  // repeated group heading, capture 1 = number
  std::optional<RiskSpec> risk;
  int risk_index = -1;
  std::string path;    // this scope's path relative to its parent's object
  std::string prefix;  // JSON Pointer prefix from the owning instance (computed)
  Owner owner = Owner::None;
  std::string skeleton;  // "system", "file", "entrust", "recipient", "risk_measures", "section"
  bool drop_if_blank = false;
  bool expect = false;
  ScopeMode mode = ScopeMode::Normal;
  std::string reader;         // Raw scopes: "record_items", "changes"
  std::string controls_path;  // where control fields write ("/controls" in a risk)
  std::vector<Read> heading_reads;
  std::vector<Field> fields;
  std::vector<Caption> captions;
  std::vector<std::shared_ptr<re2::RE2>> caption_patterns;
  std::vector<std::unique_ptr<Scope>> children;
  const Scope* parent = nullptr;
  int part_index = -1;  // index of the top-level part this scope belongs to
  // The object a new instance of this scope starts from (its skeleton with the grammar's
  // defaults, engine_apply.cpp): made by the first parse that needs it, once for every parse
  // sharing the grammar (call_once), then only read.
  mutable std::once_flag fresh_once;
  mutable nlohmann::json fresh;
};

struct Grammar {
  std::string form;  // basic / focused / full
  std::string name;
  std::vector<std::string> title_keys;
  int stamp_form_number = 0;
  std::map<std::string, OptionList> options;
  std::unique_ptr<Scope> root;
  std::vector<const Scope*> scopes;  // pre-order, root first
  // Spellings that differ between template versions (番号利用法 → 番号法), as match keys:
  // every label key of the grammar and of the text is compared after canonical().
  std::vector<std::pair<std::string, std::string>> synonyms;
  std::string canonical(std::string label_key) const;

  // The recognizer's indexes of the grammar's labels (canonical keys), built once by
  // load_grammar() and shared by every parse.
  struct LabelIndex {
    static constexpr std::size_t kMinPrefix = 12;  // bytes: four kanji
    std::vector<std::string> prefixes;  // heading, field and caption keys of kMinPrefix bytes or
                                        // more, sorted (searched by prefix), repeats kept
    std::set<std::string> all;          // every heading, field and caption key
    // label key → the choice fields (check-set fields) with that label and their options
    std::map<std::string, std::vector<std::pair<const Field*, const OptionList*>>> choices;
    std::map<std::string, std::vector<std::pair<const Field*, const OptionList*>>> checks;
    // check sets read at a section's heading (the opt-outs of Ⅲ), by heading key
    std::map<std::string, std::vector<const OptionList*>> heading_checks;
    std::vector<const re2::RE2*> patterns;  // group heading and caption patterns, scope order
  };
  LabelIndex labels;
};

std::unique_ptr<Grammar> load_grammar(std::string_view json_text);

// The template stamp `[令和６年10月　様式３]` (FORMS §1.4).
struct TemplateStamp {
  std::string version;  // "令和6年10月 様式3"
  int form_number = 0;  // 2, 3 or 4
};
// A bracketed stamp anywhere in the line.
std::optional<TemplateStamp> find_template_stamp(std::string_view line);
// The line holds a stamp and nothing else (brackets optional: extractors drop them).
bool is_template_stamp_line(std::string_view line);

// The grammars compiled into the binary (grammars/*.json), by form kind.
class GrammarSet {
 public:
  GrammarSet();  // loads the built-in grammars; throws GrammarError on a broken file
  const Grammar* find(std::string_view form) const;
  const std::vector<std::unique_ptr<Grammar>>& all() const { return grammars_; }

 private:
  std::vector<std::unique_ptr<Grammar>> grammars_;
};

}  // namespace hyoka
