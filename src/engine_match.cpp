// Matching a row against the grammar: the label at the start of a cell, or a label and its value
// printed on one line, found among the scopes reachable from the stack (innermost first), with
// OCR-confused characters repaired and numbered group and risk headings recognized.
#include "engine.h"

#include <re2/re2.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hyoka/text.h"

namespace hyoka::engine {

const Engine::LabelKey& Engine::label_of(std::string_view text) const {
  if (const auto it = label_keys_.find(text); it != label_keys_.end()) return it->second;
  LabelKey k;
  k.key = g_.canonical(text::label_key(text, &k.had_number));
  return label_keys_.emplace(std::string(text), std::move(k)).first->second;
}

const std::string& Engine::skeleton_of(const std::string& grammar_key) {
  auto it = skeletons_.find(&grammar_key);
  if (it == skeletons_.end()) {
    it = skeletons_.emplace(&grammar_key, text::ocr_skeleton(grammar_key)).first;
  }
  return it->second;
}

const std::string& Engine::skeleton_of_text(const std::string& key) {
  auto it = text_skeletons_.find(key);
  if (it == text_skeletons_.end()) it = text_skeletons_.emplace(key, text::ocr_skeleton(key)).first;
  return it->second;
}

std::optional<Match> Engine::classify(const Row& row, bool parts_only) {
  std::optional<Match> caption;
  for (std::size_t ci = 0; ci < row.cells.size(); ++ci) {
    const std::string& cell = row.cells[ci];
    if (cell.empty()) continue;
    const std::size_t tok = text::first_token(cell);
    const std::string_view label = std::string_view(cell).substr(0, tok);
    const LabelKey& label_key = label_of(label);
    const std::string& lk = label_key.key;
    const bool had_number = label_key.had_number;
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
    for (std::size_t k = ci + 1; k < row.cells.size(); ++k) later = later || !row.cells[k].empty();
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

std::optional<Match> Engine::label_then_value(const std::string& cell) {
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
    // two labels on one line are a table's header row (`評価書番号  評価書名`): no value yet
    if (g_.labels.all.count(g_.canonical(text::label_key(m->value))) > 0) m->value.clear();
    ++inline_labels_;
    return m;
  }
  return std::nullopt;
}

std::optional<int> Engine::risk_number(const std::string& lk, bool* is_risk) {
  static const re2::RE2 kRisk(R"(^リスク([0-9]*):?(.*)$)");
  std::string num;
  std::string title;
  *is_risk = lk.starts_with("リスク") && re2::RE2::FullMatch(lk, kRisk, &num, &title) &&
             (!num.empty() || lk.find(':') != std::string::npos ||
              lk.size() > std::string("リスク").size());
  if (!*is_risk || num.empty() || num.size() > 3) return std::nullopt;
  return std::stoi(num);
}

std::optional<Match> Engine::find(const std::string& lk, bool had_number) {
  if (auto m = find_exact(lk, had_number)) return m;
  if (lk.size() < kMinLabelPrefix) return std::nullopt;
  const std::string& skel = skeleton_of_text(lk);
  if (skel == lk && lk.find("ー") == std::string::npos && lk.find("ロ") == std::string::npos) {
    return std::nullopt;  // no confusable character: nothing to repair
  }
  std::optional<std::string> unique;
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    for (const std::string* k : reachable_keys(*it->scope)) {
      if (*k != lk && skeleton_of(*k) == skel) {
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

std::vector<const std::string*> Engine::reachable_keys(const Scope& s) {
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

std::optional<Match> Engine::find_exact(const std::string& lk, bool had_number) {
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

bool Engine::already_read(const Instance* inst, const Scope* s, const Field* f) const {
  return read_.count({inst, s, f}) > 0;
}

std::optional<Match> Engine::find_child_heading(const Scope& s, const std::string& lk) {
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
    if (contains(c->heading_keys, lk)) return Match{Kind::Heading, c.get(), nullptr, {}, false, {}};
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

std::optional<Match> Engine::find_part(const std::string& lk) {
  for (const auto& c : g_.root->children) {
    if (contains(c->heading_keys, lk) && c.get() != stack_.back().scope) {
      return Match{Kind::Heading, c.get(), nullptr, {}, false, {}};
    }
  }
  return std::nullopt;
}

}  // namespace hyoka::engine
