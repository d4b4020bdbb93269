// pdftotext: a risk's text printed right under its title, away from its label. The form prints a
// risk's title across the table, its 措置の内容 row right below; pdftotext may print the label
// box elsewhere on the page (002:1065-1082: two `リスクに対する措置の内容` printed together
// between the titles, each text right under its risk's title). The box right after a risk's title
// is the risk's text when the risk has one text field, that field has no value, and the page
// shows that field's label closed without a value: one such label for each box taken.
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "engine.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

namespace {

// The one text field of a risk scope, or null when it has none or several (様式3 Ⅲ 3's second
// risk has two control texts: no telling which the box is).
const Field* only_text_field(const Scope& s) {
  const Field* found = nullptr;
  for (const Field& f : s.fields) {
    if (!is_text_only(f.reads)) continue;
    if (found != nullptr) return nullptr;
    found = &f;
  }
  return found;
}

}  // namespace

std::optional<std::pair<std::size_t, std::size_t>> Engine::free_box_after(std::size_t i) const {
  const auto& rows = n_.rows;
  std::size_t blanks = 0;
  ++i;
  while (i < rows.size() && rows[i].blank()) {
    ++i;
    ++blanks;
  }
  if (blanks == 0 || blanks >= kPageBreakBlanks || i >= rows.size()) return std::nullopt;
  const std::size_t first = i;
  for (; i < rows.size() && !rows[i].blank(); ++i) {
    const Row& r = rows[i];
    bool is_risk = false;
    risk_number(text::label_key(r.joined(" ")), &is_risk);
    if (text_rows_.count(r.line) > 0 || is_stray_label(r) || shows_unread_label(r) || is_risk ||
        starts_with_bracket(r) || is_option_list_row(r) ||
        is_bracket_fragment(text::trim(r.joined(" "))))
      return std::nullopt;
  }
  return std::make_pair(first, i - 1);
}

std::vector<Engine::TitledRisk> Engine::titled_risks(const std::vector<Instance*>& blocks) {
  std::vector<TitledRisk> out;
  const auto& rows = n_.rows;
  // the risk titles of the text, `リスク1：目的を超えた紐付け…` or, for a section's only risk,
  // `リスク：…`: row index, number and title key
  struct Title {
    std::size_t row;
    std::optional<int> number;
    std::string key;
  };
  std::vector<Title> titles;
  static const re2::RE2 kTitle(R"(^リスク([0-9]{0,3}):(.+)$)");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].blank()) continue;
    const std::string& lk = page_row(i).label->key;
    if (!lk.starts_with("リスク")) continue;
    std::string num;
    std::string title;
    if (!re2::RE2::FullMatch(g_.canonical(text::label_key(page_row(i).text)), kTitle, &num, &title))
      continue;
    titles.push_back({i, num.empty() ? std::nullopt : std::optional<int>(std::stoi(num)), title});
  }
  if (titles.empty()) return out;
  std::vector<Instance*> ordered(blocks.begin(), blocks.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const Instance* a, const Instance* b) { return a->line < b->line; });
  for (std::size_t b = 0; b < ordered.size(); ++b) {
    Instance* block = ordered[b];
    if (block->skipped || block->line <= 0) continue;
    // the block's pages: from the page of its heading to the page of the next block's
    const std::size_t from = page_of(block->line).first;
    const std::size_t to =
        b + 1 < ordered.size() ? page_of(ordered[b + 1]->line).first : rows.size();
    std::vector<const Scope*> risks;  // form order
    for (const Scope* s : g_.scopes) {
      for (const Scope* p = s; p != nullptr; p = p->parent) {
        if (p == block->scope && s->risk) risks.push_back(s);
      }
    }
    std::set<const Scope*> seen;
    std::set<const Scope*> twice;
    for (const Title& t : titles) {
      if (t.row < from || t.row >= to) continue;
      // the one risk of the block with this number and title
      const Scope* risk = nullptr;
      int matches = 0;
      for (const Scope* s : risks) {
        if (s->risk->number == t.number &&
            std::find(s->risk->keys.begin(), s->risk->keys.end(), t.key) != s->risk->keys.end()) {
          risk = s;
          ++matches;
        }
      }
      if (matches != 1) continue;
      if (!seen.insert(risk).second) twice.insert(risk);
      out.push_back({block, risk, t.row});
    }
    // a title printed twice in one block: no telling which one its rows follow
    std::erase_if(out,
                  [&](const TitledRisk& r) { return r.block == block && twice.count(r.scope); });
  }
  return out;
}

void Engine::fill_after_risk_titles(const std::vector<TitledRisk>& risks) {
  const auto& rows = n_.rows;
  struct Candidate {
    Instance* inst;
    const Scope* scope;
    const Field* field;
    std::pair<std::size_t, std::size_t> box;
  };
  // by page (its first row) and label key: the boxes that may be taken
  std::map<std::pair<std::size_t, std::string>, std::vector<Candidate>> candidates;
  for (const TitledRisk& t : risks) {
    Instance* block = t.block;
    const Scope* risk = t.scope;
    const Field* f = only_text_field(*risk);
    if (f == nullptr || f->control || f->keys.empty()) continue;
    const json::json_pointer path(risk->prefix + f->reads.front().path);
    if (!block->obj.contains(path) || !block->obj[path].is_null()) continue;
    const auto box = free_box_after(t.row);
    if (!box) continue;
    candidates[{page_of(rows[t.row].line).first, f->keys.front()}].push_back(
        {block, risk, f, *box});
  }
  for (auto& [where, list] : candidates) {
    const auto& [begin, key] = where;
    // the labels of the field left without a value on the page
    std::set<int> unread;
    for (int l : unread_text_lines_) {
      if (page_of(l).first != begin) continue;
      const auto at = std::lower_bound(rows.begin(), rows.end(), l,
                                       [](const Row& r, int line) { return r.line < line; });
      if (at != rows.end() && at->line == l &&
          contains(list.front().field->keys,
                   page_row(static_cast<std::size_t>(at - rows.begin())).label->key))
        unread.insert(l);
    }
    // more boxes than labels left without a value, or one risk twice: some box is no risk's text
    std::set<std::pair<const Instance*, const Scope*>> distinct;
    for (const Candidate& c : list) distinct.insert({c.inst, c.scope});
    if (list.size() > unread.size() || distinct.size() != list.size()) continue;
    for (const Candidate& c : list) {
      Hit h;
      h.scope = c.scope;
      h.inst = c.inst;
      h.field = c.field;
      for (std::size_t r = c.box.first; r <= c.box.second; ++r)
        h.region.rows.push_back(rows[r].joined());
      h.first_line = rows[c.box.first].line;
      h.last_line = rows[c.box.second].line;
      json value = read_text(h.region);
      if (!value.is_string() || is_displaced_box(h, value.get_ref<const std::string&>())) continue;
      put(h, c.field->reads.front(), std::move(value), true);
      for (std::size_t r = c.box.first; r <= c.box.second; ++r) text_rows_.insert(rows[r].line);
      ++values_recovered_;
    }
  }
}

void Engine::fill_ratings_between_titles(const std::vector<TitledRisk>& risks) {
  std::map<const Scope*, std::size_t> form_order;
  for (std::size_t i = 0; i < g_.scopes.size(); ++i) form_order[g_.scopes[i]] = i;
  for (const TitledRisk& t : risks) {
    // a later risk of the block titled on the same page: every row of this risk, its rating
    // label's among them, lies between the two titles, on this page
    const std::size_t page = page_of(n_.rows[t.row].line).first;
    const bool closed = std::any_of(risks.begin(), risks.end(), [&](const TitledRisk& later) {
      return later.block == t.block && form_order[later.scope] > form_order[t.scope] &&
             page_of(n_.rows[later.row].line).first == page;
    });
    if (!closed) continue;
    for (const Field& f : t.scope->fields) {
      if (f.control || f.reads.size() != 1 || f.reads.front().type != ReadType::Choice) continue;
      const Read& r = f.reads.front();
      const json::json_pointer path(t.scope->prefix + r.path);
      if (!t.block->obj.contains(path) || !t.block->obj[path].is_null()) continue;
      Hit h;
      h.scope = t.scope;
      h.inst = t.block;
      h.field = &f;
      h.reads = &f.reads;
      h.first_line = h.last_line = n_.rows[t.row].line;
      json value = choice_from_page(h, *r.options, /*label_among_rivals=*/true);
      if (value.is_null()) continue;
      widen_to_page(h);
      put(h, r, std::move(value), true);
      ++values_recovered_;
    }
  }
}

}  // namespace hyoka::engine
