// The recognizer's engine (internal): walks the normalized rows with a grammar's scope stack.
// Its member functions are defined in engine_*.cpp, one file per stage:
//   engine_rows.cpp      the row loop: feed, step, long-line splitting, wrapped labels, held rows
//   engine_match.cpp     matching a row's label: classify, find, OCR repair, child headings
//   engine_fallback.cpp  labels not reachable from the stack: jumps over lost headings
//   engine_apply.cpp     applying a match: entering scopes, opening a field
//   engine_read.cpp      reading a closed field into the model
//   engine_page.cpp      pdftotext: values found elsewhere on the label's page
//   engine_assemble.cpp  assembling the document, its spans and diagnostics
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"
#include "hyoka/limits.h"
#include "hyoka/normalize.h"
#include "hyoka/readers.h"
#include "hyoka/recognize.h"

namespace re2 {
class RE2;
}

namespace hyoka::engine {

using nlohmann::json;

struct Instance {
  const Scope* scope = nullptr;
  Instance* parent = nullptr;
  json obj;
  std::vector<std::unique_ptr<Instance>> children;
  std::optional<int> number;
  bool content = false;
  int line = 0;
  int bind_index = -1;    // BindFile: which file
  bool implicit = false;  // opened by one of its fields, its heading not yet seen
  bool skipped = false;   // past Limits::max_group_instances: read, then discarded (LIM005)
  std::string bound_name;
  std::vector<Span> spans;  // pointers relative to obj
};

struct Frame {
  const Scope* scope;
  Instance* inst;
};

enum class Kind { Heading, Field, Caption };

struct Match {
  Kind kind;
  const Scope* scope = nullptr;  // Heading: the scope to enter; Field/Caption: the owning scope
  const Field* field = nullptr;
  std::optional<int> number;
  bool fallback = false;
  std::string value;            // the rest of the row after the label
  bool implicit_group = false;  // opens an instance of the field's numbered group
};

struct Hit {
  const Scope* scope = nullptr;
  Instance* inst = nullptr;
  const std::vector<Read>* reads = nullptr;
  const Field* field = nullptr;
  Region region;
  std::vector<const Row*> rows;  // continuation rows
  int first_line = 0;
  int last_line = 0;
  bool append = false;  // the label printed again for the rest of its value: add, do not replace
};

struct PendingDiag {
  const Instance* inst;
  std::string path;
  std::string rule;
  std::string severity;
  std::string message;
  int line;
};

bool is_text_only(const std::vector<Read>& reads);
bool is_option_list_row(const Row& row);
bool contains(const std::vector<std::string>& keys, const std::string& k);

class Engine {
 public:
  Engine(const Normalized& n, const Grammar& g, const Limits& limits);
  Recognized run();

 private:
  // ---- row loop (engine_rows.cpp) --------------------------------------------------------
  // Rows go through step() one by one; a row that may be the first half of a label wrapped over
  // two lines (plain text: `権限のない者（…）によって不` + `正に使用されるリスクへの対策は十分か`)
  // waits for the next row.
  void feed(const Row& row);

  // Extractors that print a page as one line (`1 特定個人情報保護評価書 ( … ) 評価書番号 …`):
  // the line is cut before every token where a label of the form begins. The pieces keep the
  // line number of the original line.
  std::vector<const Row*> split_at_labels(const Row& row);
  static bool single_cell(const Row& row);

  // A one-cell row that is no label by itself but the beginning of one.
  bool starts_a_label(const Row& row);
  void step(const Row& row);

  // True when the row is a label of the form that is out of place here (scrambled or lost pages).
  bool is_stray_label(const Row& row) const;
  static bool is_template_stamp(const Row& row);
  // A caption of a repeated group (`システム2～5`), whatever scope is open.
  bool is_group_caption(const Row& row) const;

  // A row shaped like `③入手の時期・頻度⇥value`: a short first cell with a circled row marker and
  // a value cell. Its label is not in this grammar, so its value belongs to no field we know.
  static bool is_unknown_label_row(const Row& row);

  // True when the row starts with a known label followed by more text: the label is visible but
  // the layout kept it from being read (pdftotext prints `①システムの名称 軽自動車税システム`).
  // Such a row is neither a value of the open field nor counted as recognized.
  bool shows_unread_label(const Row& row) const;

  // A row that begins with a choice bracket (`[ 50人以上100人未満 ] 1） …`, `] 紙`).
  static bool starts_with_bracket(const Row& row);

  // A label of another part of the form: ends the open value unless it is still waiting for it.
  void end_by_stray_label();

  // pdftotext: another text label of the page that holds `line` was closed without a value.
  bool other_unread_text_on_page(int line) const;

  // Held rows that no following text label claimed stay with the value before them.
  void release_held();

  // ---- matching (engine_match.cpp) -------------------------------------------------------
  // The canonical label key of a cell's text (g_.canonical(text::label_key(text))), computed
  // once per text: classify, starts_a_label, is_stray_label, shows_unread_label and the page
  // scans ask for the same cells again and again. The reference stays valid for the Engine's life.
  struct LabelKey {
    std::string key;
    bool had_number = false;
    // answered on first use (starts_a_label, shows_unread_label): key is the beginning of a
    // longer label of the form / a label of the form is the beginning of key
    mutable std::optional<bool> begins_label;
    mutable std::optional<bool> extends_label;
    // answered on first use (is_stray_label): key is a label of the form, a key of the grammar
    // or a match of a group heading or caption pattern
    mutable std::optional<bool> form_label;
  };
  const LabelKey& label_of(std::string_view text) const;
  // text::ocr_skeleton() of a grammar key, and of a label key looked for, computed once each
  const std::string& skeleton_of(const std::string& grammar_key);
  const std::string& skeleton_of_text(const std::string& key);
  // A new instance's object for scope `s`: its skeleton with the grammar's defaults, built once
  // per scope for all parses with the grammar (Scope::fresh) and copied.
  const json& fresh_object(const Scope* s);

  std::optional<Match> classify(const Row& row, bool parts_only);

  // Text layouts print a label and its value on one line, separated by blanks
  // (`①システムの名称 軽自動車税システム`, `特記事項 なし`). The longest prefix of the line that
  // ends at a blank or a box and is a label reachable here is the label; the rest is its value.
  std::optional<Match> label_then_value(const std::string& cell);
  static std::optional<int> risk_number(const std::string& lk, bool* is_risk);

  // Candidates reachable from the stack: innermost scope first.
  // find(), and when nothing matches, the one reachable label that differs from the text only by
  // characters OCR confuses (片内連携 for 庁内連携). Each repaired character is counted.
  std::optional<Match> find(const std::string& lk, bool had_number);
  static std::vector<const std::string*> reachable_keys(const Scope& s);
  std::optional<Match> find_exact(const std::string& lk, bool had_number);
  bool already_read(const Instance* inst, const Scope* s, const Field* f) const;
  std::optional<Match> find_child_heading(const Scope& s, const std::string& lk);
  std::optional<Match> find_part(const std::string& lk);

  // ---- labels not reachable from the stack (engine_fallback.cpp) -------------------------
  // The form never repeats a label inside one scope: a label read twice means the heading of a
  // later section was lost with its page. The value belongs to the next scope, in form order and
  // within the same owner, that has this label and has not read it yet.
  std::optional<Match> next_unread(const Instance* inst, const Scope* after, const std::string& lk);
  static void transparent_preorder(const Scope& s, std::vector<const Scope*>& out);
  int current_part() const;

  // A label not reachable from the stack: a lost page skipped its heading.
  std::optional<Match> find_fallback(const std::string& lk);

  // Jumping to `s` would create an owner (a file, an entrust, a Ⅲ file block) whose heading was
  // never seen: its values would belong to nothing real.
  bool needs_unseen_owner(const Scope& s) const;
  void collect_fields(const Scope& s, const std::string& lk,
                      std::vector<std::pair<const Scope*, const Field*>>& out, const Scope* top);

  // ---- applying a match (engine_apply.cpp) -----------------------------------------------
  void apply(const Match& m, const Row& row);
  void pop_to(const Scope* s);

  // Makes `s` the top of the stack, entering the scopes between (a jump over lost pages).
  void move_to(const Scope* s);
  void enter(const Match& m, const Row& row);
  void push_scope(const Scope* s, std::optional<int> number, int line);
  // LIM005: a file, group or risk past Limits::max_group_instances is read into skipped_[s] and
  // dropped; reading goes on with the rows after it.
  void push_skipped(const Scope* s, Instance* owner, std::optional<int> number, int line);

  // The last instance of m's group under the current owner, re-entered when it has not read m's
  // field yet (002: 委託先名 printed after 委託の有無 still belongs to 委託事項1).
  bool reenter_last(const Match& m);

  // pdftotext: labels of a file or group printed above the heading that opens it, on the same
  // page, are read once the heading has opened it.
  void replay_deferred(int line);
  // A replayed text label takes the text box printed right after it when no text value took
  // that box (002:59 法令上の根拠 above ４．個人番号の利用, its text below it): the rows up to a
  // label, a bracket, an option list or a page break.
  void claim_box_after(const Row& label);
  // A row read as the heading of its section's only risk that is a field of that risk
  // (`リスクへの対策は十分か` begins with リスク): that field's match, once the heading is entered.
  std::optional<Match> risk_field_too(const Match& heading, const Row& row);
  void open(const Scope* s, Instance* inst, const std::vector<Read>* reads, const Field* f,
            const std::string& value, const Row& row);

  // ---- reading a closed field (engine_read.cpp) ------------------------------------------
  void close_hit();
  void put(Hit& h, const Read& r, json value, bool content);
  void read_into(Hit& h, const Read& r);

  // Text fused after a choice's option list belongs to the text field named by spill_to.
  void spill(Hit& h, const Read& r);
  void diag(const std::string& rule, const std::string& severity, const std::string& message,
            const Hit& h, const Read& r);

  // ---- pdftotext: values elsewhere on the page (engine_page.cpp) -------------------------
  // pdftotext prints a choice's bracketed value away from its label. A value elsewhere on the page
  // (`[ システム用ファイル ]`, or a bracket split over lines `[ 1万人以上10万人未満` … `]`) belongs
  // to this field when it is one of its options and of no other choice labelled on the same page.
  // label_among_rivals: the field's own label is one of the page's rival label rows (which one is
  // not known), so as many identical values as those rows are enough.
  json choice_from_page(const Hit& h, const OptionList& options,
                        bool label_among_rivals = false) const;

  // pdftotext: I-3's numbered file names printed away from their label (`（1）…ファイル`)
  std::string names_from_page(const Hit& h);

  // pdftotext: the only complete `（ 75,424 ）　件` of the page that no 提供/移転 option precedes
  json count_from_page(const Hit& h) const;
  bool is_some_choice_option(const std::string& value) const;
  // pdftotext: a text value that is another box of the page, not free text: a choice's option
  // (`実施する`), a check set's option between bracket pieces (`（ ] 移転を行っている （`,
  // 002:514), or the second line of the field's own label wrapped under it (`本人の範囲`,
  // 002:483)
  bool is_displaced_box(const Hit& h, const std::string& value) const;

  // A value taken from elsewhere on its page: its span covers the page, so --spans traces it.
  void widen_to_page(Hit& h) const;

  // What the page scans read of a non-blank row, computed once per row: its cells joined by " ",
  // the label key of that text before its first token, and (on first use) the choice values it
  // prints (`[ … ]`, `⟦…⟧`, a bracket's halves, a bare value alone in its text box).
  struct PageRow {
    std::string text;
    const LabelKey* label = nullptr;
    std::optional<std::vector<std::string>> values;
  };
  PageRow& page_row(std::size_t i) const;  // page_rows_ is a cache: filled from const scans
  const std::vector<std::string>& choice_values(std::size_t i) const;

  // The rows [begin, end] of the page that holds the given input line (pages end at three blank
  // rows in pdftotext).
  std::pair<std::size_t, std::size_t> page_of(int line) const;

  // pdftotext scatters a check set's rows over its page: the other marked rows of the page
  // (pages are separated by three blank lines, FORMS §4.16).
  std::vector<std::string> page_rows(const Hit& h) const;

  // Every non-blank row of the page, joined.
  std::vector<std::string> page_lines(const Hit& h) const;

  // The option keys of the other check sets labelled on the page: a shared label (紙, その他)
  // elsewhere on the page is this set's only when no other set there has it.
  std::vector<std::string> contested_on_page(const Hit& h) const;
  // The check sets (field and options) labelled on the page, this one's included; a set read at
  // a section heading printed on the page has no field.
  std::vector<std::pair<const Field*, const OptionList*>> check_sets_on_page(const Hit& h) const;

  // ---- assembling the document (engine_assemble.cpp) -------------------------------------
  void materialize(Instance& inst, const std::string& pointer, Recognized& out,
                   std::map<const Instance*, std::string>& pointers);

  // システム3 without システム1 and 2, 提供先2 without 提供先1: the pages that held them were lost.
  // Reported, never invented.
  void report_gaps(const Scope& scope, const std::vector<const Instance*>& items,
                   const std::string& pointer, const Instance& owner, Recognized& out);
  Recognized finish();
  void collect_bound(Instance& inst, std::vector<Instance*>& out);

  // pdftotext (engine_siblings.cpp): a Ⅲ block's empty text field takes the text another block
  // holds for the same field when that text is printed once, read by nothing, in its pages.
  void fill_from_sibling_blocks(const std::vector<Instance*>& blocks);

  // pdftotext (engine_risk_titles.cpp): the rows that print a risk's title, `リスク1：…` (or
  // `リスク：…` for a section's only risk), in the pages of a Ⅲ block, with the one risk of the
  // block that number and title name; a title printed twice in a block is none.
  struct TitledRisk {
    Instance* block;
    const Scope* scope;
    std::size_t row;
  };
  std::vector<TitledRisk> titled_risks(const std::vector<Instance*>& blocks);
  // A risk's only text field, left without a value, takes the box printed right after the risk's
  // title when its label is printed unread on the page (one such label for each box taken).
  void fill_after_risk_titles(const std::vector<TitledRisk>& risks);
  // The run of non-blank rows after row i and its blank rows (same page), when no value or label
  // took any of them and none is a label, a risk's title, a bracket or an option list.
  std::optional<std::pair<std::size_t, std::size_t>> free_box_after(std::size_t i) const;
  // A risk's rating left without a value, when a later risk of its block is titled on the same
  // page: its label is one of the page's rating labels, and it takes the value every one of them
  // gets (as many identical values on the page as label boxes).
  void fill_ratings_between_titles(const std::vector<TitledRisk>& risks);

  // pdftotext (engine_shapes.cpp): a text field of a stated shape (grammar `shape`), left without
  // a value, takes the one box of that shape on its instance's page, when the page holds one
  // instance of its scope and one label of the field.
  void fill_shaped_texts();

  // pdftotext (engine_lone_box.cpp): a page whose only text label left without a value faces
  // exactly one box that nothing read and that is no label, bracket, option or printed caption:
  // the box is that label's value.
  void fill_lone_boxes();
  // The free boxes of the page [begin, end]: runs of non-blank rows, each [first, last] row.
  std::vector<std::pair<std::size_t, std::size_t>> free_boxes(std::size_t begin,
                                                              std::size_t end) const;

  const Normalized& n_;
  const Grammar& g_;
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  mutable std::unordered_map<std::string, LabelKey, TextHash, std::equal_to<>> label_keys_;
  std::unordered_map<const std::string*, std::string> skeletons_;
  std::unordered_map<std::string, std::string> text_skeletons_;
  mutable std::vector<std::unique_ptr<PageRow>> page_rows_;  // by row index, filled on use
  const Limits& limits_;
  std::size_t instances_ = 0;  // files, groups, risks created (limits_.max_group_instances)
  // LIM005: past the limit, a file, group or risk is read into the scope's one skipped instance,
  // which belongs to no document and is cleared for the next one; the rest of the document is
  // read as usual
  std::unordered_map<const Scope*, std::unique_ptr<Instance>> skipped_;
  LimitCounter groups_skipped_{"LIM005"};
  int last_line_ = 0;  // the line of the row being fed
  std::unique_ptr<Instance> root_;
  std::vector<Frame> stack_;
  std::optional<Hit> open_;
  static constexpr std::size_t kMinLabelPrefix = Grammar::LabelIndex::kMinPrefix;
  static constexpr std::size_t kMaxPageRows = 300;    // page reasoning window on either side
  static constexpr std::size_t kMinInlineLabel = 6;   // bytes: two kanji (部署, 期間)
  static constexpr std::size_t kMaxLabelBytes = 400;  // the longest label of the forms, with slack
  std::size_t inline_labels_ = 0;                     // labels read off a line with their value
  static constexpr std::size_t kLongLine = 600;       // bytes: a whole page printed as one line
  // blank-separated tokens one label may span when a long line is cut at labels: bounds the work
  // per token on hostile lines of one-character tokens (`[ [ [ …`)
  static constexpr std::ptrdiff_t kMaxLabelTokens = 8;
  std::deque<Row> split_rows_;        // pieces of long lines (stable addresses)
  std::size_t values_recovered_ = 0;  // labels found by layout reasoning
  std::size_t fallbacks_ = 0;         // jumps over lost headings
  std::size_t repaired_ = 0;          // OCR characters repaired in labels
  std::vector<int> file_name_numbers_;
  std::vector<const Row*> last_rows_;
  std::set<const Scope*> entered_;
  std::set<std::tuple<const Instance*, const Scope*, const Field*>> read_;
  std::map<std::tuple<const Instance*, const Scope*, const Field*>, long> read_order_;
  long read_counter_ = 0;
  std::size_t blank_rows_ = 0;                        // blank rows since the last row
  static constexpr std::size_t kPageBreakBlanks = 3;  // pdftotext separates pages by three
  std::size_t values_put_ = 0;                        // values written into the model
  std::set<int> text_rows_;                           // input lines that a text value was read from
  std::set<int> value_rows_;          // pdftotext: the first row read by a value that is no choice
  std::set<int> valued_label_lines_;  // pdftotext: label rows whose field got a value there
  std::vector<int> unread_text_lines_;  // pdftotext: text labels closed without a value
  struct UnreadText {
    Instance* inst;
    const Scope* scope;
    const Field* field;  // null for a heading's read (委託事項1's title)
    const Read* read;
    int line;
    std::set<int> rejected;  // the rows under the label, judged no value of it
  };
  std::vector<UnreadText> unread_texts_;  // the same labels, with what they would have read
  std::vector<const Row*> held_;          // empty-label rows waiting for the next label
  std::vector<const Row*> deferred_;      // pdftotext: labels waiting for their file or group
  bool replaying_ = false;
  bool blank_since_row_ = false;     // a blank line since the open value's last row
  std::vector<const Row*> wrapped_;  // the first lines of a label wrapped over several lines
  static constexpr std::size_t kMaxWrappedLines = 4;
  std::set<std::string> toc_seen_;  // part headings listed in the 項目一覧
  std::map<const Scope*, std::vector<const Row*>> raw_rows_;
  std::map<std::string, json> roles_;
  std::vector<PendingDiag> pending_diags_;
  bool consuming_ = false;
  bool consumed_any_ = false;
  std::size_t recognized_ = 0;
  std::size_t label_hits_ = 0;
  int bind_count_ = 0;
};

}  // namespace hyoka::engine
