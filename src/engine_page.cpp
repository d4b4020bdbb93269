// pdftotext page reasoning: pdftotext prints a value away from its label, so a value missing
// under its label is looked for elsewhere on the label's page (pages end at three blank rows).
#include "engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

Engine::PageRow& Engine::page_row(std::size_t i) const {
  if (page_rows_.empty()) page_rows_.resize(n_.rows.size());
  std::unique_ptr<PageRow>& slot = page_rows_[i];
  if (!slot) {
    slot = std::make_unique<PageRow>();
    slot->text = n_.rows[i].joined(" ");
    slot->label = &label_of(std::string_view(slot->text).substr(0, text::first_token(slot->text)));
  }
  return *slot;
}

const std::vector<std::string>& Engine::choice_values(std::size_t i) const {
  PageRow& pr = page_row(i);
  if (pr.values) return *pr.values;
  const Row& row = n_.rows[i];
  const std::string& j = pr.text;
  std::vector<std::string> values;
  for (std::size_t p = j.find(text::kChoiceOpen); p != std::string::npos;
       p = j.find(text::kChoiceOpen, p + 1)) {
    const std::size_t start = p + text::kChoiceOpen.size();
    const std::size_t close = j.find(text::kChoiceClose, start);
    if (close != std::string::npos) values.push_back(j.substr(start, close - start));
  }
  // `[ 1万人以上10万人未満`, also after another box's closer: `][ 基礎項目評価…` (002:1891)
  static const re2::RE2 kOpen(R"(^\]*\s*\[\s*([^\]\[]+?)\s*$)");
  std::string open;
  // (both patterns need their bracket: most rows have none)
  if (j.find('[') != std::string::npos && re2::RE2::FullMatch(j, kOpen, &open))
    values.push_back(open);
  // the bracket's second half: `再委託しない ] 1） 再委託する 2） 再委託しない` (002:825)
  static const re2::RE2 kClose(R"(^\s*([^\]\[]+?)\s*\].*$)");
  std::string closed;
  if (j.find(']') != std::string::npos && re2::RE2::FullMatch(j, kClose, &closed))
    values.push_back(closed);
  // the bracket's inside before another box's opener: `定めている[` (002:1150)
  static const re2::RE2 kBeforeOpen(R"(^\s*([^\]\[]+?)\s*\[\s*$)");
  std::string before;
  if (j.find('[') != std::string::npos && re2::RE2::FullMatch(j, kBeforeOpen, &before))
    values.push_back(before);
  // a value printed without its brackets, alone in its text box (002:167 `実施する`); an
  // option list's numbered rows are not values
  if (j.find(text::kChoiceOpen) == std::string::npos &&
      j.find(text::kChoiceClose) == std::string::npos && j.find('[') == std::string::npos &&
      j.find(']') == std::string::npos && !is_option_list_row(row) &&
      (i == 0 || n_.rows[i - 1].blank()) && (i + 1 >= n_.rows.size() || n_.rows[i + 1].blank()))
    values.push_back(text::trim(j));
  pr.values = std::move(values);
  return *pr.values;
}

json Engine::choice_from_page(const Hit& h, const OptionList& options,
                              bool label_among_rivals) const {
  const auto [begin, end] = page_of(h.first_line);
  auto overlaps = [&](const OptionList& l) {
    for (const auto& o : l) {
      for (const auto& mine : options) {
        if (o.keys == mine.keys) return true;
      }
    }
    return false;
  };
  // another label of the same value of the same scope (`9. 従業者に対する教育・啓発` and
  // `従業者に対する教育・啓発` both write /training/level)
  auto choice_path = [](const Field& f) {
    for (const Read& r : f.reads) {
      if (r.type == ReadType::Choice) return r.path;
    }
    return std::string();
  };
  auto same_value = [&](const Field* f) {
    if (f == h.field) return true;
    if (h.field == nullptr || h.scope == nullptr) return false;
    const bool in_scope = std::any_of(h.scope->fields.begin(), h.scope->fields.end(),
                                      [&](const Field& x) { return &x == f; });
    return in_scope && choice_path(*f) == choice_path(*h.field);
  };
  std::size_t contested = 0;  // other label rows of the page whose choice could own such a value
  std::vector<const std::string*> values;
  for (std::size_t i = begin; i <= end; ++i) {
    if (n_.rows[i].blank()) continue;
    // a label row counts once, however many fields of the grammar share its label (the eight
    // `リスクへの対策は十分か` of Ⅲ): it is one box on the page, with one value; a row that can
    // only be a label of this value (its section heading `９．従業者に対する教育・啓発`) is no
    // rival
    if (n_.rows[i].line != h.first_line) {
      if (const auto it = g_.labels.choices.find(page_row(i).label->key);
          it != g_.labels.choices.end()) {
        const bool rival = std::any_of(it->second.begin(), it->second.end(), [&](const auto& fl) {
          return !same_value(fl.first) && overlaps(*fl.second);
        });
        contested += rival ? 1 : 0;
      }
    }
    for (const std::string& v : choice_values(i)) values.push_back(&v);
  }
  json found = nullptr;
  std::size_t seen = 0;  // values on the page that are options of this field
  for (const std::string* v : values) {
    const std::string k = text::key(*v);
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
  // gets the same value: as many identical values as label boxes (two 十分である for two risks).
  if (label_among_rivals && contested == 0) return nullptr;
  if (contested > 0 && seen < contested + (label_among_rivals ? 0 : 1)) return nullptr;
  return found;
}

std::string Engine::names_from_page(const Hit& h) {
  static const re2::RE2 kName(R"(^(?:[(（][0-9]+[)）]|[0-9]+\.|[⑴-⒇])\s*\S.*ファイル$)");
  const auto [begin, end] = page_of(h.first_line);
  std::string out;
  for (std::size_t i = begin; i <= end; ++i) {
    if (n_.rows[i].blank()) continue;
    const std::string& j = page_row(i).text;
    if (!re2::RE2::FullMatch(text::trim(j), kName)) continue;
    out += (out.empty() ? "" : "\n") + j;
  }
  if (!out.empty()) ++values_recovered_;
  return out;
}

json Engine::count_from_page(const Hit& h) const {
  const auto [begin, end] = page_of(h.first_line);
  json found = nullptr;
  int closers = 0;
  for (std::size_t i = begin; i <= end; ++i) {
    if (n_.rows[i].blank()) continue;
    const std::string& j = page_row(i).text;
    if (j.find("件") == std::string::npos) continue;
    const std::string k = text::key(j);
    if (k.find("提供を行っている") != std::string::npos ||
        k.find("移転を行っている") != std::string::npos)
      continue;
    json c = read_count(Region::of(j));
    if (c.is_null()) {
      // the count's closer without its number: `）　件` (002:434)
      static const re2::RE2 kCloser(R"(^[\s　]*[）)]?[\s　]*件[\s　]*$)");
      if (RE2::FullMatch(j, kCloser)) ++closers;
      continue;
    }
    if (!found.is_null() && found != c) return nullptr;  // two different counts: ambiguous
    found = c;
  }
  if (!found.is_null() || closers != 1) return found;
  // the number printed as a box of its own, away from its closer (002:454 `76,386`): the
  // page's only row that is a bare number, alone between blank rows
  static const re2::RE2 kBare(R"(^[\s　]*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)[\s　]*$)");
  for (std::size_t i = begin; i <= end; ++i) {
    if (n_.rows[i].blank() || !RE2::FullMatch(page_row(i).text, kBare)) continue;
    const bool alone = i > begin && n_.rows[i - 1].blank() && (i == end || n_.rows[i + 1].blank());
    json c = read_count(Region::of("（" + page_row(i).text + "）件"));  // the box put together
    if (!alone || c.is_null() || !found.is_null()) return nullptr;      // two numbers: ambiguous
    found = c;
  }
  return found;
}

bool Engine::is_some_choice_option(const std::string& value) const {
  const std::string k = text::key(value);
  for (const auto& [label, fields] : g_.labels.choices) {
    for (const auto& [field, list] : fields) {
      for (const auto& o : *list) {
        if (std::find(o.keys.begin(), o.keys.end(), k) != o.keys.end()) return true;
      }
    }
  }
  return false;
}

bool Engine::is_displaced_box(const Hit& h, const std::string& value) const {
  if (is_some_choice_option(value)) return true;
  // the value without the brackets and parentheses of the boxes it was printed between
  std::string bare;
  for (std::size_t pos = 0; pos < value.size();) {
    const std::size_t start = pos;
    const char32_t cp = text::next_cp(value, pos);
    if (cp == '[' || cp == ']' || cp == '(' || cp == ')' || cp == 0xFF08 || cp == 0xFF09) continue;
    bare.append(value, start, pos - start);
  }
  const std::string k = text::key(bare);
  if (k.size() < kMinInlineLabel) return false;
  if (bare.size() != value.size()) {
    for (const auto& [label, fields] : g_.labels.checks) {
      for (const auto& [field, list] : fields) {
        for (const auto& o : *list) {
          if (std::find(o.keys.begin(), o.keys.end(), k) != o.keys.end()) return true;
        }
      }
    }
    if (is_some_choice_option(bare)) return true;
  }
  if (h.field == nullptr) return false;
  return std::any_of(h.field->keys.begin(), h.field->keys.end(), [&](const std::string& fk) {
    return fk.size() > k.size() && fk.compare(fk.size() - k.size(), k.size(), k) == 0;
  });
}

void Engine::widen_to_page(Hit& h) const {
  const auto [begin, end] = page_of(h.first_line);
  h.first_line = std::min(h.first_line, n_.rows[begin].line);
  h.last_line = std::max(h.last_line, n_.rows[end].line);
}

std::pair<std::size_t, std::size_t> Engine::page_of(int line) const {
  const auto& rows = n_.rows;
  if (rows.empty()) return {0, 0};
  // rows are in line order: find the line's row by binary search
  const auto found = std::lower_bound(rows.begin(), rows.end(), line,
                                      [](const Row& r, int l) { return r.line < l; });
  const std::size_t at =
      std::min<std::size_t>(static_cast<std::size_t>(found - rows.begin()), rows.size() - 1);
  auto page_break = [&](std::size_t i) {
    return i >= 2 && rows[i].blank() && rows[i - 1].blank() && rows[i - 2].blank();
  };
  // a printed page has a few hundred lines at most; a text without page breaks gets a window,
  // which keeps page reasoning linear in the input
  std::size_t begin = at;
  while (begin > 0 && at - begin < kMaxPageRows && !page_break(begin - 1)) --begin;
  std::size_t end = at;
  while (end + 1 < rows.size() && end - at < kMaxPageRows && !page_break(end + 1)) ++end;
  return {begin, end};
}

std::vector<std::string> Engine::page_rows(const Hit& h) const {
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

}  // namespace hyoka::engine

namespace hyoka::engine {

std::vector<std::string> Engine::page_lines(const Hit& h) const {
  const auto [begin, end] = page_of(h.first_line);
  std::vector<std::string> out;
  for (std::size_t i = begin; i <= end && i < n_.rows.size(); ++i) {
    if (!n_.rows[i].blank()) out.push_back(page_row(i).text);
  }
  return out;
}

std::vector<std::pair<const Field*, const OptionList*>> Engine::check_sets_on_page(
    const Hit& h) const {
  const auto [begin, end] = page_of(h.first_line);
  std::vector<std::pair<const Field*, const OptionList*>> out;
  for (std::size_t i = begin; i <= end && i < n_.rows.size(); ++i) {
    if (n_.rows[i].blank()) continue;
    const std::string& key = page_row(i).label->key;
    if (const auto it = g_.labels.checks.find(key); it != g_.labels.checks.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
    if (const auto it = g_.labels.heading_checks.find(key); it != g_.labels.heading_checks.end()) {
      for (const OptionList* list : it->second) out.emplace_back(nullptr, list);
    }
  }
  return out;
}

std::vector<std::string> Engine::contested_on_page(const Hit& h) const {
  std::vector<std::string> out;
  for (const auto& [field, list] : check_sets_on_page(h)) {
    // a heading's set (the opt-outs) shares no label with another set
    if (field == h.field || field == nullptr) continue;
    for (const auto& o : *list) out.insert(out.end(), o.keys.begin(), o.keys.end());
  }
  return out;
}

}  // namespace hyoka::engine
