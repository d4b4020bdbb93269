#include "hyoka/recognize.h"

#include <re2/re2.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "annex_readers.h"
#include "hyoka/era_date.h"
#include "hyoka/model.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka {

namespace {

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

bool is_text_only(const std::vector<Read>& reads) {
  return !reads.empty() && std::all_of(reads.begin(), reads.end(),
                                       [](const Read& r) { return r.type == ReadType::Text; });
}

bool is_option_list_row(const Row& row) {
  static const re2::RE2 kItem(R"(^[0-9]+[)）]\s*\S.*$)");
  bool any = false;
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    std::string c = cell;
    for (std::string_view cap : {"<選択肢>", "＜選択肢＞"}) {
      if (const std::size_t p = c.find(cap); p != std::string::npos) c.erase(p, cap.size());
    }
    c = text::trim(c);
    any = true;
    if (c.empty()) continue;
    for (const auto& line : text::split(c, '\n')) {
      if (!re2::RE2::FullMatch(text::trim(line), kItem)) return false;
    }
  }
  return any;
}

bool contains(const std::vector<std::string>& keys, const std::string& k) {
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

class Engine {
 public:
  Engine(const Normalized& n, const Grammar& g) : n_(n), g_(g) {
    root_ = std::make_unique<Instance>();
    root_->scope = g.root.get();
    root_->obj = model::document();
    model::apply_grammar_defaults(*g.root, root_->obj);
    stack_.push_back({g.root.get(), root_.get()});
    for (const Scope* s : g.scopes) {
      auto add = [&](const std::vector<std::string>& keys) {
        for (const auto& k : keys) {
          if (k.size() >= kMinLabelPrefix) label_prefixes_.push_back(k);
        }
      };
      add(s->heading_keys);
      for (const auto& f : s->fields) add(f.keys);
      for (const auto& c : s->captions) add(c.keys);
      all_labels_.insert(s->heading_keys.begin(), s->heading_keys.end());
      for (const auto& f : s->fields) all_labels_.insert(f.keys.begin(), f.keys.end());
      for (const auto& c : s->captions) all_labels_.insert(c.keys.begin(), c.keys.end());
      if (s->pattern) all_patterns_.push_back(s->pattern.get());
      for (const auto& f : s->fields) {
        for (const auto& r : f.reads) {
          if (r.type != ReadType::Choice) continue;
          for (const auto& k : f.keys) choice_lists_[k].emplace_back(&f, r.options);
        }
      }
      for (const auto& p : s->caption_patterns) all_patterns_.push_back(p.get());
    }
  }

  Recognized run() {
    for (const Row& row : n_.rows) {
      if (n_.layout != "ocr-html" && row.cells.size() == 1 && row.cells[0].size() > kLongLine) {
        for (const Row* piece : split_at_labels(row)) feed(*piece);
      } else {
        feed(row);
      }
    }
    for (const Row* r : wrapped_) step(*r);
    wrapped_.clear();
    release_held();
    close_hit();
    return finish();
  }

 private:
  // ---- row loop ---------------------------------------------------------------------------
  // Rows go through step() one by one; a row that may be the first half of a label wrapped over
  // two lines (plain text: `権限のない者（…）によって不` + `正に使用されるリスクへの対策は十分か`)
  // waits for the next row.
  void feed(const Row& row) {
    if (!wrapped_.empty()) {
      if (!row.blank() && single_cell(row)) {
        std::string text;
        for (const Row* r : wrapped_) text += r->cells[0];
        text += row.cells[0];
        Row joined;
        joined.line = wrapped_.front()->line;
        joined.cells.push_back(text);
        if (auto m = classify(joined, false)) {
          apply(*m, joined);
          recognized_ += wrapped_.size() + 1;
          ++label_hits_;
          ++values_recovered_;  // a label wrapped over several lines
          wrapped_.clear();
          return;
        }
        if (wrapped_.size() < kMaxWrappedLines && starts_a_label(joined)) {
          wrapped_.push_back(&row);  // still only the beginning of a label
          return;
        }
        if (is_stray_label(joined)) {
          wrapped_.clear();  // a wrapped label of another part of the form: neither value nor label
          return;
        }
      }
      const std::vector<const Row*> held = std::move(wrapped_);
      wrapped_.clear();
      for (const Row* r : held) step(*r);
    }
    if (starts_a_label(row)) {
      wrapped_.push_back(&row);
      return;
    }
    step(row);
  }

  // Extractors that print a page as one line (`1 特定個人情報保護評価書 ( … ) 評価書番号 …`):
  // the line is cut before every token where a label of the form begins. The pieces keep the
  // line number of the original line.
  std::vector<const Row*> split_at_labels(const Row& row) {
    const std::string& s = row.cells[0];
    std::vector<std::size_t> starts;  // byte offsets where a token begins
    std::vector<std::size_t> ends;    // byte offsets where a token ends
    bool blank = true;
    std::size_t pos = 0;
    while (pos < s.size()) {
      const std::size_t b = pos;
      const char32_t cp = text::next_cp(s, pos);
      const bool is_blank = cp == ' ' || cp == 0x3000 || cp == '\n';
      if (blank && !is_blank) starts.push_back(b);
      if (!blank && is_blank) ends.push_back(b);
      blank = is_blank;
    }
    if (!blank) ends.push_back(s.size());
    // such an extractor starts each page with its number: page furniture, not text
    std::size_t first = 0;
    if (starts.size() > 1 && !ends.empty()) {
      static const re2::RE2 kPageNumber(R"([0-9]{1,4})");
      if (re2::RE2::FullMatch(s.substr(starts[0], ends[0] - starts[0]), kPageNumber)) {
        first = starts[1];
        starts.erase(starts.begin());
        ends.erase(ends.begin());
      }
    }
    std::vector<std::size_t> cuts = {first};
    std::size_t inside_label_until = 0;  // no cut inside a label just cut before
    for (std::size_t si = 1; si < starts.size(); ++si) {
      const std::size_t p = starts[si];
      if (p < inside_label_until) continue;
      for (std::size_t e : ends) {
        if (e <= p) continue;
        if (e - p > kMaxLabelBytes / 2) break;
        const std::string k = g_.canonical(text::label_key(s.substr(p, e - p)));
        bool label = k.size() >= kMinInlineLabel && all_labels_.count(k) > 0;
        for (const re2::RE2* pat : all_patterns_) label = label || re2::RE2::FullMatch(k, *pat);
        if (label) {
          cuts.push_back(p);
          inside_label_until = e;
          break;
        }
      }
    }
    std::vector<const Row*> pieces;
    for (std::size_t i = 0; i < cuts.size(); ++i) {
      const std::size_t end = i + 1 < cuts.size() ? cuts[i + 1] : s.size();
      Row piece;
      piece.line = row.line;
      piece.cells.push_back(text::trim(s.substr(cuts[i], end - cuts[i])));
      if (piece.cells[0].empty()) continue;
      split_rows_.push_back(std::move(piece));
      pieces.push_back(&split_rows_.back());
    }
    if (cuts.size() > 1) values_recovered_ += cuts.size() - 1;
    return pieces;
  }

  static bool single_cell(const Row& row) { return row.cells.size() == 1 && !row.cells[0].empty(); }

  // A one-cell row that is no label by itself but the beginning of one.
  bool starts_a_label(const Row& row) {
    if (!single_cell(row) || stack_.back().scope->mode != ScopeMode::Normal) return false;
    if (text::first_token(row.cells[0]) != std::string::npos) return false;
    const std::string lk = g_.canonical(text::label_key(row.cells[0]));
    if (lk.size() < kMinLabelPrefix || all_labels_.count(lk) > 0) return false;
    for (const auto& k : label_prefixes_) {
      if (k.size() > lk.size() && k.compare(0, lk.size(), lk) == 0) return true;
    }
    return false;
  }

  void step(const Row& row) {
    if (row.blank()) {
      blank_since_row_ = true;
      if (consuming_ && consumed_any_) consuming_ = false;
      return;
    }
    if (consuming_) {
      // The 項目一覧 ends at a blank line, or where the body begins: a part heading it already
      // listed, or a section heading, which it never lists (one-line-per-page text has no blanks).
      const std::string k =
          row.cells.empty() ? std::string() : g_.canonical(text::label_key(row.cells[0]));
      bool body = false;
      for (const auto& part : g_.root->children) {
        for (const auto& c : part->children) {
          body = body || (!c->pattern && contains(c->heading_keys, k));
        }
        if (contains(part->heading_keys, k) && !toc_seen_.insert(k).second) body = true;
      }
      if (!body) {
        consumed_any_ = true;
        ++recognized_;
        return;
      }
      consuming_ = false;
    }
    const Scope* top = stack_.back().scope;
    if (top->mode == ScopeMode::Raw) {
      if (auto m = classify(row, /*parts_only=*/true)) {
        apply(*m, row);
        ++recognized_;
        return;
      }
      raw_rows_[top].push_back(&row);
      ++recognized_;
      return;
    }
    if (is_option_list_row(row)) {
      ++recognized_;
      return;
    }
    if (auto m = classify(row, false)) {
      apply(*m, row);
      ++recognized_;
      ++label_hits_;
      return;
    }
    if (is_stray_label(row)) {
      // A label of another part of the form ends the open value — except in pdftotext's
      // scrambled order, where a label still waiting for its value keeps waiting (002:51-55).
      const bool waiting = open_ && text::trim(open_->region.first).empty() && open_->rows.empty();
      if (!(n_.layout == "pdftotext" && waiting)) close_hit();
      if (n_.layout == "pdftotext" && !replaying_)
        deferred_.push_back(&row);  // see replay_deferred
      return;
    }
    if (shows_unread_label(row)) {
      // a label with its value on the same line that cannot be placed yet: in pdftotext the
      // heading that opens its file or group may follow on the same page
      if (n_.layout == "pdftotext" && !replaying_) deferred_.push_back(&row);
      return;
    }
    if (is_unknown_label_row(row)) {
      close_hit();  // a labelled row this grammar does not know (another template or form)
      return;
    }
    if (open_) {
      // A row with an empty label cell after a text value that sits on its label row is the first
      // part of the next row's cell, split by a page break (FORMS §4.10, 004:59 → 61): hold it
      // until the next label decides.
      if (is_text_only(*open_->reads) && !text::trim(open_->region.first).empty() &&
          open_->rows.empty() && !row.cells.empty() && row.cells[0].empty()) {
        held_.push_back(&row);
        if (n_.layout == "ocr-html") ++recognized_;
        return;
      }
      release_held();
      // pdftotext separates text boxes by blank lines: a value printed on its label's line is one
      // box and ends at the first blank line
      if (n_.layout == "pdftotext" && blank_since_row_ &&
          !text::trim(open_->region.first).empty()) {
        close_hit();
        return;
      }
      blank_since_row_ = false;
      open_->rows.push_back(&row);
      open_->last_line = row.line;
      // Only a table layout keeps a value's rows under its label; in other layouts a following
      // row is a guess until layout recovery (issue 4) can place it, so it is not counted.
      if (n_.layout != "pdftotext") ++recognized_;
    }
  }

  // True when the row is a label of the form that is out of place here (scrambled or lost pages).
  bool is_stray_label(const Row& row) const {
    for (const auto& cell : row.cells) {
      if (cell.empty()) continue;
      const std::string lk = g_.canonical(text::label_key(cell.substr(0, text::first_token(cell))));
      if (lk.empty()) return false;
      if (all_labels_.count(lk) > 0) return true;
      for (const re2::RE2* p : all_patterns_) {
        if (re2::RE2::FullMatch(lk, *p)) return true;
      }
      return false;
    }
    return false;
  }

  // A row shaped like `③入手の時期・頻度⇥value`: a short first cell with a circled row marker and
  // a value cell. Its label is not in this grammar, so its value belongs to no field we know.
  static bool is_unknown_label_row(const Row& row) {
    std::size_t filled = 0;
    for (const auto& c : row.cells) filled += c.empty() ? 0 : 1;
    if (filled < 2 || row.cells.empty() || row.cells[0].empty()) return false;
    const std::string& first = row.cells[0];
    std::size_t pos = 0;
    const char32_t cp = text::next_cp(first, pos);
    if (cp < 0x2460 || cp > 0x2473) return false;
    std::size_t chars = 0;
    for (std::size_t p = 0; p < first.size(); ++chars) text::next_cp(first, p);
    return chars <= 40 && first.find('\n') == std::string::npos;
  }

  // True when the row starts with a known label followed by more text: the label is visible but
  // the layout kept it from being read (pdftotext prints `①システムの名称 軽自動車税システム`).
  // Such a row is neither a value of the open field nor counted as recognized.
  bool shows_unread_label(const Row& row) const {
    for (const auto& cell : row.cells) {
      if (cell.empty()) continue;
      const std::string lk = g_.canonical(text::label_key(cell.substr(0, text::first_token(cell))));
      for (const auto& k : label_prefixes_) {
        if (lk.size() > k.size() && lk.compare(0, k.size(), k) == 0) return true;
      }
      return false;
    }
    return false;
  }

  // ---- matching ---------------------------------------------------------------------------
  std::optional<Match> classify(const Row& row, bool parts_only) {
    std::optional<Match> caption;
    for (std::size_t ci = 0; ci < row.cells.size(); ++ci) {
      const std::string& cell = row.cells[ci];
      if (cell.empty()) continue;
      const std::size_t tok = text::first_token(cell);
      const std::string label = cell.substr(0, tok);
      bool had_number = false;
      const std::string lk = g_.canonical(text::label_key(label, &had_number));
      if (lk.empty()) return caption;
      std::optional<Match> m = parts_only ? find_part(lk) : find(lk, had_number);
      if (!m && !parts_only) m = find_fallback(lk);
      // text layouts print the value after the label's ※ (`①ファイルの種類 ※ [ システム用ファイル`)
      std::string after_mark;
      if (m && n_.layout != "ocr-html") {
        const std::size_t mark = label.find("\u203B");
        if (mark != std::string::npos) {
          after_mark = text::trim(label.substr(mark + std::string("\u203B").size()));
          if (text::starts_with(after_mark, "(") || text::starts_with(after_mark, "（"))
            after_mark.clear();
        }
      }
      if (!m && !parts_only && n_.layout != "ocr-html" && row.cells.size() == 1) {
        return label_then_value(cell);
      }
      if (!m) return caption;
      bool later = false;
      for (std::size_t k = ci + 1; k < row.cells.size(); ++k)
        later = later || !row.cells[k].empty();
      if (m->kind == Kind::Caption && later && tok == std::string::npos) {
        caption = m;
        continue;
      }
      std::string value = tok == std::string::npos ? std::string() : cell.substr(tok);
      if (!after_mark.empty()) value = after_mark + (value.empty() ? "" : " " + value);
      for (std::size_t k = ci + 1; k < row.cells.size(); ++k) {
        if (row.cells[k].empty()) continue;
        if (!value.empty()) value += '\n';
        value += row.cells[k];
      }
      m->value = std::move(value);
      return m;
    }
    return caption;
  }

  // Text layouts print a label and its value on one line, separated by blanks
  // (`①システムの名称 軽自動車税システム`, `特記事項 なし`). The longest prefix of the line that
  // ends at a blank or a box and is a label reachable here is the label; the rest is its value.
  std::optional<Match> label_then_value(const std::string& cell) {
    std::vector<std::size_t> boundaries;
    std::size_t pos = 0;
    bool in_blank = false;
    while (pos < cell.size() && pos < kMaxLabelBytes) {
      const std::size_t b = pos;
      const char32_t cp = text::next_cp(cell, pos);
      const bool blank = cp == ' ' || cp == 0x3000 || cp == '\n';
      const bool box = cp == 0x2611 || cp == 0x2610 || cp == 0x2B1A || cp == 0x22A1 || cp == 0x27E6;
      if ((blank && !in_blank) || box) boundaries.push_back(b);
      in_blank = blank;
    }
    for (auto it = boundaries.rbegin(); it != boundaries.rend(); ++it) {
      if (*it == 0) continue;
      bool had_number = false;
      const std::string lk = g_.canonical(text::label_key(cell.substr(0, *it), &had_number));
      if (lk.size() < kMinInlineLabel) continue;
      std::optional<Match> m = find(lk, had_number);
      if (!m) m = find_fallback(lk);
      if (!m || m->kind == Kind::Caption) continue;
      m->value = text::trim(cell.substr(*it));
      ++inline_labels_;
      return m;
    }
    return std::nullopt;
  }

  static std::optional<int> risk_number(const std::string& lk, bool* is_risk) {
    static const re2::RE2 kRisk(R"(^リスク([0-9]*):?(.*)$)");
    std::string num;
    std::string title;
    *is_risk = re2::RE2::FullMatch(lk, kRisk, &num, &title) &&
               (!num.empty() || lk.find(':') != std::string::npos ||
                lk.size() > std::string("リスク").size());
    if (!*is_risk || num.empty() || num.size() > 3) return std::nullopt;
    return std::stoi(num);
  }

  // Candidates reachable from the stack: innermost scope first.
  // find(), and when nothing matches, the one reachable label that differs from the text only by
  // characters OCR confuses (片内連携 for 庁内連携). Each repaired character is counted.
  std::optional<Match> find(const std::string& lk, bool had_number) {
    if (auto m = find_exact(lk, had_number)) return m;
    if (lk.size() < kMinLabelPrefix) return std::nullopt;
    const std::string skel = text::ocr_skeleton(lk);
    if (skel == lk && lk.find("ー") == std::string::npos && lk.find("ロ") == std::string::npos) {
      return std::nullopt;  // no confusable character: nothing to repair
    }
    std::optional<std::string> unique;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      for (const std::string* k : reachable_keys(*it->scope)) {
        if (*k != lk && text::ocr_skeleton(*k) == skel) {
          if (unique && *unique != *k) return std::nullopt;  // ambiguous: no repair
          unique = *k;
        }
      }
    }
    if (!unique) return std::nullopt;
    auto m = find_exact(*unique, had_number);
    if (m) repaired_ += text::count_differences(lk, *unique);
    return m;
  }

  static std::vector<const std::string*> reachable_keys(const Scope& s) {
    std::vector<const std::string*> keys;
    for (const auto& f : s.fields) {
      for (const auto& k : f.keys) keys.push_back(&k);
    }
    for (const auto& c : s.captions) {
      for (const auto& k : c.keys) keys.push_back(&k);
    }
    for (const auto& c : s.children) {
      for (const auto& k : c->heading_keys) keys.push_back(&k);
    }
    return keys;
  }

  std::optional<Match> find_exact(const std::string& lk, bool had_number) {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const Scope* s = it->scope;
      std::optional<Match> best;
      int best_rank = -1;
      auto offer = [&](Match m, int rank) {
        if (rank > best_rank) {
          best = std::move(m);
          best_rank = rank;
        }
      };
      const Field* first_match = nullptr;
      const Field* first_unread = nullptr;
      for (const auto& f : s->fields) {
        if (f.numbered && !had_number) continue;
        if (!contains(f.keys, lk)) continue;
        if (first_match == nullptr) first_match = &f;
        if (first_unread == nullptr && !already_read(it->inst, s, &f)) first_unread = &f;
      }
      // a label printed several times in one scope (具体的な管理方法 ×3) fills its rows in order;
      // once all are read, a repeated label continues the one read last
      if (first_unread == nullptr && first_match != nullptr) {
        const Field* latest = first_match;
        long best_order = -1;
        for (const auto& f : s->fields) {
          if (!contains(f.keys, lk)) continue;
          const auto o = read_order_.find({it->inst, s, &f});
          if (o != read_order_.end() && o->second > best_order) {
            best_order = o->second;
            latest = &f;
          }
        }
        first_match = latest;
      }
      if (const Field* f = first_unread != nullptr ? first_unread : first_match) {
        offer({Kind::Field, s, f, {}, false, {}}, f->numbered ? 4 : 3);
      }
      for (const auto& c : s->captions) {
        if (c.numbered && !had_number) continue;
        if (contains(c.keys, lk))
          offer({Kind::Caption, s, nullptr, {}, false, {}}, c.numbered ? 5 : 1);
      }
      for (const auto& p : s->caption_patterns) {
        if (re2::RE2::FullMatch(lk, *p)) offer({Kind::Caption, s, nullptr, {}, false, {}}, 1);
      }
      if (auto h = find_child_heading(*s, lk)) offer(*h, 2);
      if (!best && n_.layout != "ocr-html") {
        // a field of a numbered group whose heading comes later in scrambled text
        for (const auto& c : s->children) {
          if (!c->pattern) continue;
          for (const auto& f : c->fields) {
            if (contains(f.keys, lk)) offer({Kind::Field, c.get(), &f, {}, false, {}, true}, 1);
          }
        }
      }
      if (best && best->kind == Kind::Field && already_read(it->inst, best->scope, best->field)) {
        if (auto later = next_unread(it->inst, best->scope, lk)) return later;
      }
      if (best) return best;
    }
    return std::nullopt;
  }

  bool already_read(const Instance* inst, const Scope* s, const Field* f) const {
    return read_.count({inst, s, f}) > 0;
  }

  // The form never repeats a label inside one scope: a label read twice means the heading of a
  // later section was lost with its page. The value belongs to the next scope, in form order and
  // within the same owner, that has this label and has not read it yet.
  std::optional<Match> next_unread(const Instance* inst, const Scope* after,
                                   const std::string& lk) {
    const Scope* owner = after;
    while (owner->parent != nullptr && owner->owner == Owner::None) owner = owner->parent;
    std::vector<const Scope*> order;
    transparent_preorder(*owner, order);
    auto it = std::find(order.begin(), order.end(), after);
    if (it == order.end()) return std::nullopt;
    for (++it; it != order.end(); ++it) {
      for (const auto& f : (*it)->fields) {
        if (!f.numbered && contains(f.keys, lk) && !already_read(inst, *it, &f)) {
          return Match{Kind::Field, *it, &f, {}, true, {}};
        }
      }
    }
    return std::nullopt;
  }

  static void transparent_preorder(const Scope& s, std::vector<const Scope*>& out) {
    out.push_back(&s);
    for (const auto& c : s.children) {
      if (c->owner == Owner::None && c->mode == ScopeMode::Normal && !c->pattern) {
        transparent_preorder(*c, out);
      }
    }
  }

  std::optional<Match> find_child_heading(const Scope& s, const std::string& lk) {
    bool is_risk = false;
    const std::optional<int> rnum = risk_number(lk, &is_risk);
    const Scope* single_risk = nullptr;
    int risks = 0;
    for (const auto& c : s.children) {
      if (c->pattern) {
        std::string num;
        if (re2::RE2::FullMatch(lk, *c->pattern, &num) && !num.empty() && num.size() < 4) {
          return Match{Kind::Heading, c.get(), nullptr, std::stoi(num), false, {}};
        }
        continue;
      }
      if (c->risk) {
        ++risks;
        single_risk = c.get();
        if (is_risk && c->risk->number == rnum)
          return Match{Kind::Heading, c.get(), nullptr, rnum, false, {}};
        if (!is_risk && c->risk->by_title) {
          for (const auto& k : c->risk->keys) {
            if (!k.empty() && lk.rfind(k, 0) == 0) {
              return Match{Kind::Heading, c.get(), nullptr, std::nullopt, false, {}};
            }
          }
        }
        continue;
      }
      if (contains(c->heading_keys, lk))
        return Match{Kind::Heading, c.get(), nullptr, {}, false, {}};
    }
    if (is_risk && risks == 1) return Match{Kind::Heading, single_risk, nullptr, rnum, false, {}};
    if (is_risk && risks > 1) {
      // numbering lost: choose by title
      for (const auto& c : s.children) {
        if (!c->risk) continue;
        for (const auto& k : c->risk->keys) {
          if (lk.find(k) != std::string::npos)
            return Match{Kind::Heading, c.get(), nullptr, rnum, false, {}};
        }
      }
    }
    return std::nullopt;
  }

  std::optional<Match> find_part(const std::string& lk) {
    for (const auto& c : g_.root->children) {
      if (contains(c->heading_keys, lk) && c.get() != stack_.back().scope) {
        return Match{Kind::Heading, c.get(), nullptr, {}, false, {}};
      }
    }
    return std::nullopt;
  }

  int current_part() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->scope->part_index >= 0) return it->scope->part_index;
    }
    return -1;
  }

  // A label not reachable from the stack: a lost page skipped its heading.
  std::optional<Match> find_fallback(const std::string& lk) {
    if (open_ && text::trim(open_->region.first).empty() && open_->rows.empty() &&
        !open_->reads->empty() && open_->reads->front().type == ReadType::Text) {
      return std::nullopt;  // a label on its own line waits for its value
    }
    // (a) a field of another section of this scope or of an enclosing one (a lost heading)
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      std::vector<std::pair<const Scope*, const Field*>> found;
      collect_fields(*it->scope, lk, found, it->scope);
      if (found.size() == 1) {
        if (already_read(it->inst, found[0].first, found[0].second)) {
          if (auto later = next_unread(it->inst, found[0].first, lk)) return later;
        }
        return Match{Kind::Field, found[0].first, found[0].second, {}, true, {}};
      }
      if (!found.empty()) break;  // several candidates: ambiguous, no jump
    }
    // (b) a heading further on in the form
    const int part = current_part();
    for (const Scope* s : g_.scopes) {
      if (s->parent == nullptr || s->part_index < part) continue;
      if (s->risk) continue;
      if (needs_unseen_owner(*s)) continue;
      bool hit = false;
      std::optional<int> number;
      if (s->pattern) {
        std::string num;
        hit = re2::RE2::FullMatch(lk, *s->pattern, &num) && !num.empty() && num.size() < 4;
        if (hit) number = std::stoi(num);
      } else {
        hit = contains(s->heading_keys, lk);
      }
      if (hit) return Match{Kind::Heading, s, nullptr, number, true, {}};
    }
    return std::nullopt;
  }

  // Jumping to `s` would create an owner (a file, an entrust, a Ⅲ file block) whose heading was
  // never seen: its values would belong to nothing real.
  bool needs_unseen_owner(const Scope& s) const {
    for (const Scope* p = s.parent; p != nullptr; p = p->parent) {
      if (p->owner == Owner::None) continue;
      const bool open =
          std::any_of(stack_.begin(), stack_.end(), [&](const Frame& f) { return f.scope == p; });
      if (!open) return true;
    }
    return false;
  }

  void collect_fields(const Scope& s, const std::string& lk,
                      std::vector<std::pair<const Scope*, const Field*>>& out, const Scope* top) {
    for (const auto& f : s.fields) {
      if (!f.numbered && contains(f.keys, lk)) out.emplace_back(&s, &f);
    }
    for (const auto& c : s.children) {
      if (c->owner != Owner::None || c->mode != ScopeMode::Normal || c->pattern) continue;
      collect_fields(*c, lk, out, top);
    }
  }

  // ---- applying a match -------------------------------------------------------------------
  // Held rows that no following text label claimed stay with the value before them.
  void release_held() {
    if (!open_) {
      held_.clear();
      return;
    }
    for (const Row* r : held_) {
      open_->rows.push_back(r);
      open_->last_line = r->line;
    }
    held_.clear();
  }

  void apply(const Match& m, const Row& row) {
    std::vector<const Row*> claimed;
    if (m.kind == Kind::Field && is_text_only(m.field->reads)) {
      claimed.swap(held_);
    } else {
      release_held();
    }
    close_hit();
    if (m.kind == Kind::Heading) {
      enter(m, row);
      return;
    }
    // text layouts: a group's field read a second time starts the group's next instance, whose
    // heading follows (002 prints システムN below its fields)
    const bool next_instance = m.kind == Kind::Field && n_.layout != "ocr-html" &&
                               m.scope->pattern && stack_.back().scope == m.scope &&
                               already_read(stack_.back().inst, m.scope, m.field);
    if (m.implicit_group && !next_instance && reenter_last(m)) {
      // continues the group's last instance, which has not read this field yet
    } else if (m.implicit_group || next_instance) {
      pop_to(m.scope->parent);
      push_scope(m.scope, std::nullopt, row.line);
      stack_.back().inst->implicit = true;
      ++fallbacks_;
    } else if (m.fallback) {
      move_to(m.scope);
      ++fallbacks_;
    } else {
      pop_to(m.scope);
    }
    if (m.kind == Kind::Caption) return;
    const auto key =
        std::make_tuple(static_cast<const Instance*>(stack_.back().inst), m.scope, m.field);
    const bool again = read_.count(key) > 0;
    read_.insert(key);
    read_order_[key] = ++read_counter_;
    std::string value = m.value;
    int first_line = row.line;
    if (!claimed.empty()) {
      ++values_recovered_;  // the first part of a cell split by a page break
      std::string before;
      for (const Row* r : claimed) before += r->joined() + "\n";
      value = before + value;
      first_line = claimed.front()->line;
    }
    open(m.scope, stack_.back().inst, &m.field->reads, m.field, value, row);
    open_->first_line = first_line;
    open_->append = again && is_text_only(m.field->reads);
  }

  void pop_to(const Scope* s) {
    while (stack_.size() > 1 && stack_.back().scope != s) stack_.pop_back();
  }

  // Makes `s` the top of the stack, entering the scopes between (a jump over lost pages).
  void move_to(const Scope* s) {
    std::vector<const Scope*> chain;
    for (const Scope* p = s; p != nullptr; p = p->parent) chain.push_back(p);
    std::reverse(chain.begin(), chain.end());
    std::size_t common = 0;
    while (common < chain.size() && common < stack_.size() && stack_[common].scope == chain[common])
      ++common;
    stack_.resize(std::max<std::size_t>(common, 1));
    for (std::size_t i = stack_.size(); i < chain.size(); ++i)
      push_scope(chain[i], std::nullopt, 0);
  }

  void enter(const Match& m, const Row& row) {
    const Scope* s = m.scope;
    if (m.fallback) {
      move_to(s->parent);
    } else {
      pop_to(s->parent);
    }
    if (s->owner == Owner::None && s->parent == g_.root.get()) {
      // a part printed again (II heading per file): keep its instance state
    }
    push_scope(s, m.number, row.line);
    if (s->mode == ScopeMode::ConsumeBlock) {
      consuming_ = true;
      consumed_any_ = false;
      toc_seen_.clear();
    }
    if (!s->heading_reads.empty())
      open(s, stack_.back().inst, &s->heading_reads, nullptr, m.value, row);
  }

  void push_scope(const Scope* s, std::optional<int> number, int line) {
    entered_.insert(s);
    Instance* owner = stack_.back().inst;
    if (s->owner == Owner::None) {
      stack_.push_back({s, owner});
      return;
    }
    // a numbered group that text layouts printed after its fields: the instance the fields
    // opened implicitly is this one (002: `システム1` below its ①システムの名称)
    if (s->pattern && number) {
      for (auto& c : owner->children) {
        if (c->scope == s && c->implicit && !c->number) {
          c->number = number;
          c->implicit = false;
          stack_.push_back({s, c.get()});
          return;
        }
      }
    }
    auto inst = std::make_unique<Instance>();
    inst->scope = s;
    inst->parent = owner;
    inst->obj = model::skeleton(s->skeleton);
    model::apply_grammar_defaults(*s, inst->obj);
    inst->number = number;
    inst->line = line;
    if (s->owner == Owner::BindFile) inst->bind_index = bind_count_++;
    Instance* raw = inst.get();
    owner->children.push_back(std::move(inst));
    stack_.push_back({s, raw});
    replay_deferred(line);
  }

  // The last instance of m's group under the current owner, re-entered when it has not read m's
  // field yet (002: 委託先名 printed after 委託の有無 still belongs to 委託事項1).
  bool reenter_last(const Match& m) {
    pop_to(m.scope->parent);
    Instance* owner = stack_.back().inst;
    for (auto it = owner->children.rbegin(); it != owner->children.rend(); ++it) {
      if ((*it)->scope != m.scope) continue;
      if (already_read(it->get(), m.scope, m.field)) return false;
      stack_.push_back({m.scope, it->get()});
      return true;
    }
    return false;
  }

  // pdftotext: labels of a file or group printed above the heading that opens it, on the same
  // page, are read once the heading has opened it.
  void replay_deferred(int line) {
    if (deferred_.empty() || replaying_ || line <= 0) return;
    const auto [begin, end] = page_of(line);
    const int first = n_.rows[begin].line;
    std::vector<const Row*> rows;
    for (const Row* r : deferred_) {
      if (r->line >= first && r->line < line) rows.push_back(r);
    }
    deferred_.clear();
    if (rows.empty()) return;
    replaying_ = true;
    const std::optional<Hit> saved = std::move(open_);
    open_.reset();
    const std::size_t depth = stack_.size();
    for (const Row* r : rows) {
      if (auto m = classify(*r, false)) {
        apply(*m, *r);
        ++recognized_;
        ++values_recovered_;
      }
      close_hit();
      while (stack_.size() > depth) stack_.pop_back();
    }
    open_ = saved;
    replaying_ = false;
  }

  void open(const Scope* s, Instance* inst, const std::vector<Read>* reads, const Field* f,
            const std::string& value, const Row& row) {
    blank_since_row_ = false;
    Hit h;
    h.scope = s;
    h.inst = inst;
    h.reads = reads;
    h.field = f;
    h.region.first = value;
    h.first_line = row.line;
    h.last_line = row.line;
    const bool wants_behind = std::any_of(reads->begin(), reads->end(),
                                          [](const Read& r) { return r.type == ReadType::Checks; });
    if (wants_behind) {
      for (auto it = last_rows_.rbegin(); it != last_rows_.rend(); ++it) {
        if (!(*it)->cells.empty() && !(*it)->cells[0].empty()) break;
        h.region.behind.insert(h.region.behind.begin(), (*it)->joined());
      }
    }
    open_ = std::move(h);
  }

  // ---- reading a closed field -------------------------------------------------------------
  void close_hit() {
    release_held();
    if (!open_) return;
    Hit h = std::move(*open_);
    open_.reset();
    for (const Row* r : h.rows) h.region.rows.push_back(r->joined());
    last_rows_ = h.rows;
    for (const Read& r : *h.reads) read_into(h, r);
  }

  void put(Hit& h, const Read& r, json value, bool content) {
    const std::string path = h.scope->prefix + r.path;
    if (value.is_null()) return;
    json& slot = h.inst->obj[json::json_pointer(path)];
    if (h.append && slot.is_string() && value.is_string()) {
      slot = slot.get<std::string>() + "\n" + value.get<std::string>();
    } else {
      slot = std::move(value);
    }
    if (content) h.inst->content = true;
    h.inst->spans.push_back({path, h.first_line, h.last_line});
  }

  void read_into(Hit& h, const Read& r) {
    switch (r.type) {
      case ReadType::Text: {
        json value = read_text(h.region);
        // pdftotext: a text that is exactly a choice's option is that choice's displaced value
        if (n_.layout == "pdftotext" && value.is_string() && is_some_choice_option(value))
          value = nullptr;
        put(h, r, value, true);
        break;
      }
      case ReadType::Choice: {
        ChoiceResult c = read_choice(h.region, *r.options);
        repaired_ += c.repaired;
        if (c.value.is_null() && n_.layout == "pdftotext") {
          // the bracket under the label may be a neighbour's (scrambled order): no warning then
          if (!c.unmatched.empty() && is_some_choice_option(c.unmatched)) c.unmatched.clear();
          c.value = choice_from_page(h, *r.options);
          if (!c.value.is_null()) {
            ++values_recovered_;
            widen_to_page(h);
          }
        }
        if (!c.unmatched.empty()) {
          diag("REC003", "warning",
               "「" + c.unmatched + "」はこの項目の選択肢にありません。値は null としました。", h,
               r);
        }
        if (h.field != nullptr && !h.field->role.empty() && h.inst->bind_index == 0) {
          roles_[h.field->role] = c.value;
        }
        put(h, r, c.value, true);
        break;
      }
      case ReadType::Checks: {
        if (n_.layout == "pdftotext" && h.region.page.empty()) h.region.page = page_rows(h);
        ChecksResult c = read_checks(h.region, *r.options);
        values_recovered_ += c.from_page;
        if (c.from_page > 0) widen_to_page(h);
        repaired_ += c.repaired;
        bool any = false;
        for (const auto& ch : c.checks)
          any = any || ch["checked"] == true || !ch["detail"].is_null();
        put(h, r, c.checks, any);
        break;
      }
      case ReadType::Date:
      case ReadType::Period: {
        const std::string all = h.region.all();
        std::optional<std::string> iso =
            r.type == ReadType::Date ? parse_date(all) : parse_period(all);
        if (!iso && looks_like_invalid_date(all)) {
          diag("REC002", "warning", "日付「" + text::render_free_text(all) + "」を読めません。", h,
               r);
        }
        put(h, r, iso ? json(*iso) : json(nullptr), true);
        break;
      }
      case ReadType::Count: {
        json count = read_count(h.region, r.after_key);
        if (count.is_null() && r.after_key.empty() && n_.layout == "pdftotext") {
          count = count_from_page(h);
          if (!count.is_null()) {
            ++values_recovered_;
            widen_to_page(h);
          }
        }
        put(h, r, count, true);
        break;
      }
      case ReadType::Names: {
        json names = json::array();
        std::string text = h.region.all();
        if (n_.layout == "pdftotext" && text::trim(text).empty()) {
          text = names_from_page(h);
          if (!text.empty()) widen_to_page(h);
        }
        for (auto& n : split_names(text)) names.push_back(n);
        file_name_numbers_.clear();
        for (const auto& n : split_numbered_names(text)) {
          file_name_numbers_.push_back(n.number.value_or(0));
        }
        if (!names.empty()) put(h, r, names, true);
        break;
      }
      case ReadType::NumberTitle: {
        const Row* values = h.rows.empty() ? nullptr : h.rows.front();
        if (values == nullptr) break;
        std::vector<std::string> cells;
        for (const auto& c : values->cells) cells.push_back(c);
        // one cell in text layouts: `6 軽自動車税に関する事務 重点項目評価書` is number, then title
        static const re2::RE2 kNumberFirst(R"(^([0-9]{1,6})\s+(.+)$)");
        std::string number;
        std::string title;
        if (cells.size() == 1 && re2::RE2::FullMatch(cells[0], kNumberFirst, &number, &title)) {
          cells = {number, title};
        }
        Read rn{ReadType::Text, "/header/number", nullptr, {}};
        Read rt{ReadType::Text, "/header/title", nullptr, {}};
        Hit one = h;
        one.last_line = values->line;
        one.first_line = values->line;
        if (!cells.empty()) put(one, rn, read_text(Region{cells[0], {}, {}, {}}), true);
        if (cells.size() > 1) {
          std::string rest;
          for (std::size_t i = 1; i < cells.size(); ++i) rest += (i > 1 ? "\n" : "") + cells[i];
          put(one, rt, read_text(Region{rest, {}, {}, {}}), true);
        }
        break;
      }
      case ReadType::FileName: {
        const NumberedName nn = split_numbered_name(h.region.all());
        if (nn.number) h.inst->number = nn.number;
        if (!nn.name.empty()) {
          Read rn{ReadType::Text, "/name", nullptr, {}};
          put(h, rn, nn.name, true);
        }
        break;
      }
      case ReadType::BindName: {
        const NumberedName nn = split_numbered_name(h.region.all());
        h.inst->bound_name = nn.name;
        h.inst->line = h.last_line;
        break;
      }
      case ReadType::SystemList: {
        json systems = json::array();
        int n = 0;
        for (auto& name : split_names(h.region.all())) {
          json sys = model::system();
          sys["number"] = ++n;
          sys["name"] = name;
          systems.push_back(std::move(sys));
        }
        if (!systems.empty()) put(h, r, systems, true);
        break;
      }
      case ReadType::ParenAfter: {
        const std::string d = paren_after(h.region.all(), r.marker);
        if (!d.empty()) put(h, r, d, true);
        break;
      }
    }
    if (r.type == ReadType::Choice && h.field != nullptr && !h.field->spill_key.empty()) {
      spill(h, r);
    }
  }

  // pdftotext prints a choice's bracketed value away from its label. A value elsewhere on the page
  // (`[ システム用ファイル ]`, or a bracket split over lines `[ 1万人以上10万人未満` … `]`) belongs
  // to this field when it is one of its options and of no other choice labelled on the same page.
  json choice_from_page(const Hit& h, const OptionList& options) const {
    const auto [begin, end] = page_of(h.first_line);
    // the option lists of every choice labelled on this page
    std::vector<const OptionList*> others;
    std::vector<std::string> values;
    static const re2::RE2 kOpen(R"(^\[\s*([^\]\[]+?)\s*$)");
    for (std::size_t i = begin; i <= end; ++i) {
      const Row& row = n_.rows[i];
      if (row.blank()) continue;
      const std::string j = row.joined(" ");
      const std::string k = g_.canonical(text::label_key(j.substr(0, text::first_token(j))));
      if (const auto it = choice_lists_.find(k); it != choice_lists_.end()) {
        for (const auto& [field, list] : it->second) {
          if (field != h.field) others.push_back(list);
        }
      }
      for (std::size_t p = j.find(text::kChoiceOpen); p != std::string::npos;
           p = j.find(text::kChoiceOpen, p + 1)) {
        const std::size_t start = p + text::kChoiceOpen.size();
        const std::size_t close = j.find(text::kChoiceClose, start);
        if (close != std::string::npos) values.push_back(j.substr(start, close - start));
      }
      std::string open;
      if (re2::RE2::FullMatch(j, kOpen, &open)) values.push_back(open);
    }
    json found = nullptr;
    std::size_t seen = 0;       // values on the page that are options of this field
    std::size_t contested = 0;  // competing fields that could own such a value
    for (const OptionList* l : others) {
      bool overlaps = false;
      for (const auto& o : *l) {
        for (const auto& mine : options) overlaps = overlaps || o.keys == mine.keys;
      }
      contested += overlaps ? 1 : 0;
    }
    for (const auto& v : values) {
      const std::string k = text::key(v);
      const Option* match = nullptr;
      for (const auto& o : options) {
        if (std::find(o.keys.begin(), o.keys.end(), k) != o.keys.end()) match = &o;
      }
      if (match == nullptr) continue;
      if (!found.is_null() && found != match->label) return nullptr;  // two different values
      found = match->label;
      ++seen;
    }
    // A value other choices on the page could own is this field's only when every one of them
    // gets the same value: as many identical values as fields (two 十分である for two risks).
    if (contested > 0 && seen < contested + 1) return nullptr;
    return found;
  }

  // pdftotext: I-3's numbered file names printed away from their label (`（1）…ファイル`)
  std::string names_from_page(const Hit& h) {
    static const re2::RE2 kName(R"(^(?:[(（][0-9]+[)）]|[0-9]+\.|[⑴-⒇])\s*\S.*ファイル$)");
    const auto [begin, end] = page_of(h.first_line);
    std::string out;
    for (std::size_t i = begin; i <= end; ++i) {
      const std::string j = n_.rows[i].joined(" ");
      if (!re2::RE2::FullMatch(text::trim(j), kName)) continue;
      out += (out.empty() ? "" : "\n") + j;
    }
    if (!out.empty()) ++values_recovered_;
    return out;
  }

  // pdftotext: the only complete `（ 75,424 ）　件` of the page that no 提供/移転 option precedes
  json count_from_page(const Hit& h) const {
    const auto [begin, end] = page_of(h.first_line);
    json found = nullptr;
    for (std::size_t i = begin; i <= end; ++i) {
      const std::string j = n_.rows[i].joined(" ");
      if (j.find("件") == std::string::npos) continue;
      const std::string k = text::key(j);
      if (k.find("提供を行っている") != std::string::npos ||
          k.find("移転を行っている") != std::string::npos)
        continue;
      json c = read_count(Region{j, {}, {}, {}});
      if (c.is_null()) continue;
      if (!found.is_null() && found != c) return nullptr;  // two different counts: ambiguous
      found = c;
    }
    return found;
  }

  bool is_some_choice_option(const std::string& value) const {
    const std::string k = text::key(value);
    for (const auto& [label, fields] : choice_lists_) {
      for (const auto& [field, list] : fields) {
        for (const auto& o : *list) {
          if (std::find(o.keys.begin(), o.keys.end(), k) != o.keys.end()) return true;
        }
      }
    }
    return false;
  }

  // A value taken from elsewhere on its page: its span covers the page, so --spans traces it.
  void widen_to_page(Hit& h) const {
    const auto [begin, end] = page_of(h.first_line);
    h.first_line = std::min(h.first_line, n_.rows[begin].line);
    h.last_line = std::max(h.last_line, n_.rows[end].line);
  }

  // The rows [begin, end] of the page that holds the given input line (pages end at three blank
  // rows in pdftotext).
  std::pair<std::size_t, std::size_t> page_of(int line) const {
    const auto& rows = n_.rows;
    std::size_t at = 0;
    while (at + 1 < rows.size() && rows[at].line < line) ++at;
    auto page_break = [&](std::size_t i) {
      return i >= 2 && rows[i].blank() && rows[i - 1].blank() && rows[i - 2].blank();
    };
    std::size_t begin = at;
    while (begin > 0 && !page_break(begin - 1)) --begin;
    std::size_t end = at;
    while (end + 1 < rows.size() && !page_break(end + 1)) ++end;
    return {begin, end};
  }

  // pdftotext scatters a check set's rows over its page: the other marked rows of the page
  // (pages are separated by three blank lines, FORMS §4.16).
  std::vector<std::string> page_rows(const Hit& h) const {
    const auto& rows = n_.rows;
    if (rows.empty()) return {};
    const auto [begin, end] = page_of(h.first_line);
    std::vector<std::string> out;
    for (std::size_t i = begin; i <= end && i < rows.size(); ++i) {
      if (rows[i].line >= h.first_line && rows[i].line <= h.last_line) continue;  // its own rows
      const std::string j = rows[i].joined();
      if (j.find(text::kChecked) != std::string::npos ||
          j.find(text::kUnchecked) != std::string::npos) {
        out.push_back(j);
      }
    }
    return out;
  }

  // Text fused after a choice's option list belongs to the text field named by spill_to.
  void spill(Hit& h, const Read& r) {
    const std::string text = choice_spill(h.region, *r.options);
    if (text.empty()) return;
    ++values_recovered_;
    for (const auto& f : h.scope->fields) {
      if (!contains(f.keys, h.field->spill_key) || already_read(h.inst, h.scope, &f)) continue;
      read_.insert({h.inst, h.scope, &f});
      read_order_[{h.inst, h.scope, &f}] = ++read_counter_;
      for (const auto& target : f.reads) {
        if (target.type == ReadType::Text) put(h, target, text, true);
      }
      return;
    }
  }

  void diag(const std::string& rule, const std::string& severity, const std::string& message,
            const Hit& h, const Read& r) {
    pending_diags_.push_back(
        {h.inst, h.scope->prefix + r.path, rule, severity, message, h.first_line});
  }

  // ---- assembling the document -----------------------------------------------------------
  struct PendingDiag {
    const Instance* inst;
    std::string path;
    std::string rule;
    std::string severity;
    std::string message;
    int line;
  };

  void materialize(Instance& inst, const std::string& pointer, Recognized& out,
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

  // システム3 without システム1 and 2, 提供先2 without 提供先1: the pages that held them were lost.
  // Reported, never invented.
  void report_gaps(const Scope& scope, const std::vector<const Instance*>& items,
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
      where =
          "（" + owner.scope->title + " " + std::to_string(owner.obj["number"].get<int>()) + "）";
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

  Recognized finish() {
    Recognized out;
    std::map<const Instance*, std::string> pointers;
    // bound III blocks: merge into files by order
    std::vector<Instance*> bound;
    collect_bound(*root_, bound);
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
        json rm = model::skeleton(s->skeleton);
        model::apply_grammar_defaults(*s, rm);
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
      if (scope->reader == "changes") read_changes(rows, doc, out, n_.layout != "pdftotext");
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
    return out;
  }

  void collect_bound(Instance& inst, std::vector<Instance*>& out) {
    for (auto& c : inst.children) {
      if (c->scope->owner == Owner::BindFile) out.push_back(c.get());
      collect_bound(*c, out);
    }
  }

  const Normalized& n_;
  const Grammar& g_;
  std::unique_ptr<Instance> root_;
  std::vector<Frame> stack_;
  std::optional<Hit> open_;
  static constexpr std::size_t kMinLabelPrefix = 12;  // bytes: four kanji
  static constexpr std::size_t kMinInlineLabel = 6;   // bytes: two kanji (部署, 期間)
  static constexpr std::size_t kMaxLabelBytes = 400;  // the longest label of the forms, with slack
  std::size_t inline_labels_ = 0;                     // labels read off a line with their value
  static constexpr std::size_t kLongLine = 600;       // bytes: a whole page printed as one line
  std::deque<Row> split_rows_;                        // pieces of long lines (stable addresses)
  std::size_t values_recovered_ = 0;                  // labels found by layout reasoning
  std::size_t fallbacks_ = 0;                         // jumps over lost headings
  std::size_t repaired_ = 0;                          // OCR characters repaired in labels
  std::vector<int> file_name_numbers_;
  std::vector<std::string> label_prefixes_;
  std::set<std::string> all_labels_;
  // label key → the choice fields with that label and their options
  std::map<std::string, std::vector<std::pair<const Field*, const OptionList*>>> choice_lists_;
  std::vector<const re2::RE2*> all_patterns_;
  std::vector<const Row*> last_rows_;
  std::set<const Scope*> entered_;
  std::set<std::tuple<const Instance*, const Scope*, const Field*>> read_;
  std::map<std::tuple<const Instance*, const Scope*, const Field*>, long> read_order_;
  long read_counter_ = 0;
  std::vector<const Row*> held_;      // empty-label rows waiting for the next label
  std::vector<const Row*> deferred_;  // pdftotext: labels waiting for their file or group
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

}  // namespace

Recognized recognize(const Normalized& text, const Grammar& grammar) {
  Engine e(text, grammar);
  return e.run();
}

}  // namespace hyoka
