// The row loop: every normalized row goes through feed() and step(), which decide whether it is a
// label, a value row of the open field, or neither. Lines that hold a whole page are cut at their
// labels first; a label wrapped over several lines is joined; empty-label rows wait (held rows).
#include "engine.h"

#include <algorithm>

#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hyoka/model.h"
#include "hyoka/text.h"

namespace hyoka::engine {

namespace {

// Some string of `sorted` (sorted, none empty) is a prefix of s. The largest one not above s is
// looked at: when it is no prefix, every prefix of s in the list is a prefix of the part it has
// in common with s (a longer one would sort between them), so the search goes on with that part.
bool has_prefix_in(const std::vector<std::string>& sorted, std::string_view s) {
  while (!s.empty()) {
    const auto above = std::upper_bound(sorted.begin(), sorted.end(), s);
    if (above == sorted.begin()) return false;
    const std::string& k = *std::prev(above);
    if (s.starts_with(k)) return true;
    std::size_t common = 0;
    while (common < k.size() && common < s.size() && k[common] == s[common]) ++common;
    s = s.substr(0, common);
  }
  return false;
}

}  // namespace

Engine::Engine(const Normalized& n, const Grammar& g, const Limits& limits)
    : n_(n), g_(g), limits_(limits) {
  root_ = std::make_unique<Instance>();
  root_->scope = g.root.get();
  root_->obj = model::document();
  model::apply_grammar_defaults(*g.root, root_->obj);
  stack_.push_back({g.root.get(), root_.get()});
}

Recognized Engine::run() {
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

void Engine::feed(const Row& row) {
  last_line_ = row.line;
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
        end_by_stray_label();
        if (n_.layout == "pdftotext" && !replaying_) {
          split_rows_.push_back(std::move(joined));  // stable address for replay_deferred
          deferred_.push_back(&split_rows_.back());
        }
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

std::vector<const Row*> Engine::split_at_labels(const Row& row) {
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
    // the token ends after p, from the first one on (binary search keeps long lines linear)
    const auto first_end = std::upper_bound(ends.begin(), ends.end(), p);
    for (auto e_it = first_end; e_it != ends.end(); ++e_it) {
      const std::size_t e = *e_it;
      if (e - p > kMaxLabelBytes / 2 || e_it - first_end >= kMaxLabelTokens) break;
      const std::string k = g_.canonical(text::label_key(s.substr(p, e - p)));
      bool label = k.size() >= kMinInlineLabel && g_.labels.all.count(k) > 0;
      for (const re2::RE2* pat : g_.labels.patterns) label = label || re2::RE2::FullMatch(k, *pat);
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

bool Engine::single_cell(const Row& row) { return row.cells.size() == 1 && !row.cells[0].empty(); }

bool Engine::starts_a_label(const Row& row) {
  if (!single_cell(row) || stack_.back().scope->mode != ScopeMode::Normal) return false;
  if (text::first_token(row.cells[0]) != std::string::npos) return false;
  const LabelKey& label = label_of(row.cells[0]);
  const std::string& lk = label.key;
  if (lk.size() < kMinLabelPrefix || g_.labels.all.count(lk) > 0) return false;
  if (!label.begins_label) {
    // the labels that begin with lk follow it in sorted order; those equal to it are not longer
    auto it = std::lower_bound(g_.labels.prefixes.begin(), g_.labels.prefixes.end(), lk);
    while (it != g_.labels.prefixes.end() && *it == lk) ++it;
    label.begins_label = it != g_.labels.prefixes.end() && it->starts_with(lk);
  }
  return *label.begins_label;
}

void Engine::step(const Row& row) {
  if (row.blank()) {
    blank_since_row_ = true;
    ++blank_rows_;
    if (consuming_ && consumed_any_) consuming_ = false;
    return;
  }
  if (consuming_) {
    // The 項目一覧 ends at a blank line, or where the body begins: a part heading it already
    // listed, or a section heading, which it never lists (one-line-per-page text has no blanks).
    const std::string& k = label_of(row.cells.empty() ? std::string_view() : row.cells[0]).key;
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
  const std::size_t blanks_before = blank_rows_;
  blank_rows_ = 0;
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
  if (is_option_list_row(row) || is_template_stamp(row)) {
    ++recognized_;
    return;
  }
  if (auto m = classify(row, false)) {
    apply(*m, row);
    // the label of the section's only risk's rating, read as that risk's heading, is its field
    // too (002:1421 `リスクへの対策は十分か` after the storage section's other-risks text)
    if (auto f = risk_field_too(*m, row)) apply(*f, row);
    ++recognized_;
    ++label_hits_;
    return;
  }
  if (is_stray_label(row)) {
    end_by_stray_label();
    if (n_.layout == "pdftotext" && !replaying_) deferred_.push_back(&row);  // see replay_deferred
    if (is_group_caption(row)) ++recognized_;  // `システム2～5` of a section whose heading was lost
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
    if (is_text_only(*open_->reads) && !text::trim_view(open_->region.first).empty() &&
        open_->rows.empty() && !row.cells.empty() && row.cells[0].empty()) {
      held_.push_back(&row);
      if (n_.layout == "ocr-html") ++recognized_;
      return;
    }
    release_held();
    // pdftotext separates text boxes by blank lines: a value printed on its label's line is one
    // box and ends at the first blank line
    if (n_.layout == "pdftotext" && blank_since_row_ &&
        !text::trim_view(open_->region.first).empty()) {
      close_hit();
      return;
    }
    // pdftotext: a text box ends at a page break, and at a choice's bracket box (002:783)
    if (n_.layout == "pdftotext" && is_text_only(*open_->reads) && !open_->rows.empty() &&
        (blanks_before >= kPageBreakBlanks || starts_with_bracket(row))) {
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

bool Engine::starts_with_bracket(const Row& row) {
  const std::string t = text::trim(row.joined(" "));
  return !t.empty() && (t.front() == '[' || t.front() == ']' || t.starts_with(text::kChoiceOpen));
}

void Engine::end_by_stray_label() {
  // A label of another part of the form ends the open value — except in pdftotext's scrambled
  // order, where a label still waiting for its value keeps waiting (002:51-55). It waits only
  // while it is the one text label of its page without a value: with several, the text box
  // after the stray label may be any of theirs (002:1286-1299).
  const bool waiting = open_ && text::trim_view(open_->region.first).empty() &&
                       open_->rows.empty() && !other_unread_text_on_page(open_->first_line);
  if (!(n_.layout == "pdftotext" && waiting)) close_hit();
}

bool Engine::other_unread_text_on_page(int line) const {
  const std::size_t page = page_of(line).first;
  return std::any_of(unread_text_lines_.begin(), unread_text_lines_.end(),
                     [&](int l) { return l != line && page_of(l).first == page; });
}

// `[令和６年10月　様式２]`: read by form detection (form.version), no value of the model.
bool Engine::is_template_stamp(const Row& row) {
  return row.cells.size() == 1 && is_template_stamp_line(row.cells[0]);
}

bool Engine::is_group_caption(const Row& row) const {
  if (row.cells.empty() || row.cells[0].empty()) return false;
  const std::string& lk = label_of(row.cells[0]).key;
  for (const Scope* s : g_.scopes) {
    for (const auto& p : s->caption_patterns) {
      if (re2::RE2::FullMatch(lk, *p)) return true;
    }
  }
  return false;
}

bool Engine::is_stray_label(const Row& row) const {
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    const LabelKey& label = label_of(std::string_view(cell).substr(0, text::first_token(cell)));
    const std::string& lk = label.key;
    if (lk.empty()) return false;
    if (!label.form_label) {
      bool found = g_.labels.all.count(lk) > 0;
      for (const re2::RE2* p : g_.labels.patterns) found = found || re2::RE2::FullMatch(lk, *p);
      label.form_label = found;
    }
    return *label.form_label;
  }
  return false;
}

bool Engine::is_unknown_label_row(const Row& row) {
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

bool Engine::shows_unread_label(const Row& row) const {
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    const LabelKey& label = label_of(std::string_view(cell).substr(0, text::first_token(cell)));
    const std::string& lk = label.key;
    if (!label.extends_label) {
      label.extends_label =
          lk.size() > 1 &&
          has_prefix_in(g_.labels.prefixes, std::string_view(lk).substr(0, lk.size() - 1));
    }
    return *label.extends_label;
  }
  return false;
}

void Engine::release_held() {
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

}  // namespace hyoka::engine
