// pdftotext: a text printed away from its label when the page leaves no choice. 002:171-300
// prints `その妥当性` among the labels of its page, its text (`個人番号：個人を正確に特定する…`)
// a box of its own above them; every other box of the page is read by a value, or is a label, a
// bracket, an option or a caption the form prints. One label without its value, one box without
// its label: the box is that label's value. Two labels, or two boxes: nothing is placed.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

namespace {

// Text that can be no text value: brackets, parentheses, marks (`○`, `）`, `）　件`) or a caption
// printed one character a line (`再` `委` `託`).
bool is_furniture(const std::vector<std::string>& lines) {
  bool wide = false;
  std::size_t letters = 0;
  for (const std::string& l : lines) {
    std::size_t chars = 0;
    for (std::size_t pos = 0; pos < l.size();) {
      const char32_t cp = text::next_cp(l, pos);
      if (cp == ' ' || cp == 0x3000) continue;
      ++chars;
      const bool letter = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                          (cp >= 'a' && cp <= 'z') || (cp >= 0x3041 && cp <= 0x30FF) ||
                          (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF10 && cp <= 0xFF5A);
      if (letter) ++letters;
    }
    if (chars > 1) wide = true;
  }
  return letters == 0 || !wide;
}

// A row that prints a bracket (`[ ] 個人番号対応符号 ○`, normalized `☐`): a choice's or a
// check set's box.
bool has_bracket(const std::string& line) {
  for (const char* b : {"[", "]", "⟦", "⟧", "☐", "☑"}) {
    if (line.find(b) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> Engine::free_boxes(std::size_t begin,
                                                                    std::size_t end) const {
  const auto& rows = n_.rows;
  // the captions the grammar says a field's box prints
  std::vector<const std::string*> captions;
  for (const Scope* s : g_.scopes) {
    for (const Field& f : s->fields) {
      for (const std::string& c : f.box_captions) captions.push_back(&c);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = begin; i <= end; ++i) {
    if (rows[i].blank()) continue;
    const std::size_t first = i;
    while (i + 1 <= end && !rows[i + 1].blank()) ++i;
    bool free = true;
    bool captioned = true;
    std::vector<std::string> lines;
    for (std::size_t r = first; r <= i && free; ++r) {
      const Row& row = rows[r];
      const std::string line = text::trim(page_row(r).text);
      bool is_risk = false;
      risk_number(text::label_key(row.joined(" ")), &is_risk);
      free = text_rows_.count(row.line) == 0 && value_rows_.count(row.line) == 0 &&
             valued_label_lines_.count(row.line) == 0 && !has_bracket(line) &&
             !is_stray_label(row) && !shows_unread_label(row) && !is_risk &&
             !starts_with_bracket(row) && !is_option_list_row(row) && !is_bracket_fragment(line);
      const std::string key = text::label_key(line);
      bool caption = false;
      for (const std::string* c : captions) caption = caption || *c == key;
      captioned = captioned && caption;
      lines.push_back(line);
    }
    if (!free || captioned || is_furniture(lines)) continue;
    Region region;
    for (std::size_t r = first; r <= i; ++r) region.rows.push_back(rows[r].joined());
    const json value = read_text(region);
    Hit h;
    if (value.is_string() && is_displaced_box(h, value.get_ref<const std::string&>())) continue;
    out.emplace_back(first, i);
  }
  return out;
}

void Engine::fill_lone_boxes() {
  const auto& rows = n_.rows;
  // the label keys of the grammar's text fields
  std::set<std::string> text_labels;
  for (const Scope* s : g_.scopes) {
    for (const Field& f : s->fields) {
      if (is_text_only(f.reads)) text_labels.insert(f.keys.begin(), f.keys.end());
    }
  }
  // the labels still without a value, by page
  std::map<std::size_t, std::vector<const UnreadText*>> by_page;
  std::set<int> filled;  // labels closed without a value that a page rule gave one since
  for (const UnreadText& u : unread_texts_) {
    if (u.field != nullptr && !u.field->control) {
      const json::json_pointer path(u.scope->prefix + u.read->path);
      if (!u.inst->obj.contains(path) || !u.inst->obj[path].is_null()) {
        filled.insert(u.line);
        continue;
      }
    }
    by_page[page_of(u.line).first].push_back(&u);
  }
  for (const auto& [begin, labels] : by_page) {
    if (labels.size() != 1) continue;
    const UnreadText& u = *labels.front();
    const auto [from, to] = page_of(u.line);
    // every other label of a text field on the page has its value (a label never closed, its
    // group not opened, is one more label without a value)
    bool others = false;
    for (std::size_t i = from; i <= to && !others; ++i) {
      if (rows[i].blank() || rows[i].line == u.line || valued_label_lines_.count(rows[i].line))
        continue;
      others = text_labels.count(page_row(i).label->key) > 0 && !filled.count(rows[i].line);
    }
    if (others) continue;
    // a control's text or a heading's title: where its value goes is not this field's path
    if (u.field == nullptr || u.field->control || !is_text_only(u.field->reads) ||
        u.field->reads.size() != 1)
      continue;
    auto boxes = free_boxes(from, to);
    // the rows under the label were judged no value of it (a bracket box between, 002:1154)
    std::erase_if(boxes, [&](const std::pair<std::size_t, std::size_t>& b) {
      for (std::size_t r = b.first; r <= b.second; ++r) {
        if (u.rejected.count(rows[r].line)) return true;
      }
      return false;
    });
    if (boxes.size() != 1) continue;
    const auto [first, last] = boxes.front();
    Hit h;
    h.scope = u.scope;
    h.inst = u.inst;
    h.field = u.field;
    for (std::size_t r = first; r <= last; ++r) h.region.rows.push_back(rows[r].joined());
    h.first_line = rows[first].line;
    h.last_line = rows[last].line;
    json value = read_text(h.region);
    if (!value.is_string() || is_displaced_box(h, value.get_ref<const std::string&>())) continue;
    put(h, *u.read, std::move(value), true);
    for (std::size_t r = first; r <= last; ++r) text_rows_.insert(rows[r].line);
    ++values_recovered_;
  }
}

}  // namespace hyoka::engine
