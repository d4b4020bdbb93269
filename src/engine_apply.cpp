// Applying a match: a heading enters its scope (creating the instance of a file, group or risk);
// a field label closes the open field and opens its own.
#include "engine.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "hyoka/model.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

void Engine::apply(const Match& m, const Row& row) {
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
  const bool next_instance = m.kind == Kind::Field && n_.layout != "ocr-html" && m.scope->pattern &&
                             stack_.back().scope == m.scope &&
                             already_read(stack_.back().inst, m.scope, m.field);
  if (m.implicit_group && !next_instance && reenter_last(m)) {
    // continues the group's last instance, which has not read this field yet; the group's labels
    // printed above on the page, before the section was entered again, are read in it now
    // (002:377 `④再委託の有無` after `①入手元` left the 委託 section)
    replay_deferred(row.line);
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

void Engine::pop_to(const Scope* s) {
  while (stack_.size() > 1 && stack_.back().scope != s) stack_.pop_back();
}

void Engine::move_to(const Scope* s) {
  std::vector<const Scope*> chain;
  for (const Scope* p = s; p != nullptr; p = p->parent) chain.push_back(p);
  std::reverse(chain.begin(), chain.end());
  std::size_t common = 0;
  while (common < chain.size() && common < stack_.size() && stack_[common].scope == chain[common])
    ++common;
  stack_.resize(std::max<std::size_t>(common, 1));
  for (std::size_t i = stack_.size(); i < chain.size(); ++i) push_scope(chain[i], std::nullopt, 0);
}

void Engine::enter(const Match& m, const Row& row) {
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

const json& Engine::fresh_object(const Scope* s) {
  std::call_once(s->fresh_once, [s] {
    json obj = model::skeleton(s->skeleton);
    model::apply_grammar_defaults(*s, obj);
    s->fresh = std::move(obj);
  });
  return s->fresh;
}

void Engine::push_scope(const Scope* s, std::optional<int> number, int line) {
  entered_.insert(s);
  Instance* owner = stack_.back().inst;
  if (s->owner == Owner::None) {
    stack_.push_back({s, owner});
    if (s->parent != g_.root.get()) replay_deferred(line);  // a section heading, not a part's
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
  if (instances_ >= limits_.max_group_instances) {
    push_skipped(s, owner, number, line);
    return;
  }
  ++instances_;
  auto inst = std::make_unique<Instance>();
  inst->scope = s;
  inst->parent = owner;
  inst->obj = fresh_object(s);
  inst->number = number;
  inst->line = line;
  if (s->owner == Owner::BindFile) inst->bind_index = bind_count_++;
  Instance* raw = inst.get();
  owner->children.push_back(std::move(inst));
  stack_.push_back({s, raw});
  replay_deferred(line);
}

void Engine::push_skipped(const Scope* s, Instance* owner, std::optional<int> number, int line) {
  groups_skipped_.hit(line > 0 ? line : last_line_);
  auto& slot = skipped_[s];
  if (!slot) slot = std::make_unique<Instance>();
  Instance* inst = slot.get();
  // the previous skipped instance of this scope is off the stack (push_scope's callers pop to
  // the scope's parent first); what it read is forgotten, so this one reads its labels afresh
  const auto first =
      std::make_tuple(static_cast<const Instance*>(inst), static_cast<const Scope*>(nullptr),
                      static_cast<const Field*>(nullptr));
  auto from = read_.lower_bound(first);
  auto to = from;
  while (to != read_.end() && std::get<0>(*to) == inst) read_order_.erase(*to++);
  read_.erase(from, to);
  *inst = Instance{};
  inst->scope = s;
  inst->parent = owner;
  inst->obj = fresh_object(s);
  inst->number = number;
  inst->line = line;
  inst->skipped = true;
  stack_.push_back({s, inst});
  replay_deferred(line);
}

bool Engine::reenter_last(const Match& m) {
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

void Engine::replay_deferred(int line) {
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
  const std::vector<Frame> outer = stack_;
  // the headings first (002:1337 `リスク：…` printed below its own ②過去３年以内…), then the
  // labels inside them
  // A label read as the heading of its section's only risk (`リスクへの対策は十分か` begins with
  // リスク) that is a field of that risk is that field too, read where its heading left the stack
  // (002:1059, the acquisition risk's rating printed above the file's heading).
  std::vector<std::pair<const Row*, std::optional<std::vector<Frame>>>> fields;
  for (const Row* r : rows) {
    const std::optional<Match> m = classify(*r, false);
    if (m && m->kind == Kind::Heading) {
      apply(*m, *r);
      ++recognized_;
      ++values_recovered_;
      if (risk_field_too(*m, *r)) fields.emplace_back(r, stack_);
    } else {
      fields.emplace_back(r, std::nullopt);
    }
  }
  close_hit();
  const std::vector<Frame> inner = stack_;
  for (const auto& [r, at] : fields) {
    if (at) stack_ = *at;
    if (auto m = classify(*r, false)) {
      apply(*m, *r);
      if (open_ && is_text_only(*open_->reads) && text::trim_view(open_->region.first).empty())
        claim_box_after(*r);
      const auto key =
          std::make_tuple(static_cast<const Instance*>(stack_.back().inst), m->scope, m->field);
      const std::size_t before = values_put_;
      close_hit();
      if (values_put_ == before) {
        // nothing found for it on the page: the label may still be this section's own when it
        // comes later, so it does not count as read (002:1899 ①実施日 of 第三者点検)
        read_.erase(key);
        read_order_.erase(key);
      } else {
        ++recognized_;
        ++values_recovered_;
      }
    }
    close_hit();
    stack_ = inner;
  }
  stack_ = outer;  // a sibling heading replayed may have replaced the scope that started this
  open_ = saved;
  replaying_ = false;
}

std::optional<Match> Engine::risk_field_too(const Match& heading, const Row& row) {
  if (heading.kind != Kind::Heading || !heading.scope->risk || stack_.back().scope != heading.scope)
    return std::nullopt;
  std::optional<Match> f = classify(row, false);
  if (!f || f->kind != Kind::Field || f->scope != heading.scope) return std::nullopt;
  return f;
}

void Engine::claim_box_after(const Row& label) {
  const auto& rows = n_.rows;
  auto at = std::upper_bound(rows.begin(), rows.end(), label.line,
                             [](int l, const Row& r) { return l < r.line; });
  std::size_t blanks = 0;
  for (; at != rows.end(); ++at) {
    if (at->blank()) {
      if (++blanks >= kPageBreakBlanks) break;
      continue;
    }
    blanks = 0;
    bool is_risk = false;
    risk_number(text::label_key(at->joined(" ")), &is_risk);
    if (text_rows_.count(at->line) > 0 || is_stray_label(*at) || shows_unread_label(*at) ||
        is_risk || starts_with_bracket(*at) || is_option_list_row(*at) ||
        is_bracket_fragment(text::trim(at->joined(" "))))
      break;
    open_->rows.push_back(&*at);
    open_->last_line = at->line;
  }
}

void Engine::open(const Scope* s, Instance* inst, const std::vector<Read>* reads, const Field* f,
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
    // collected backwards, then reversed: inserting each at the front was quadratic
    for (auto it = last_rows_.rbegin(); it != last_rows_.rend(); ++it) {
      if (!(*it)->cells.empty() && !(*it)->cells[0].empty()) break;
      h.region.behind.push_back((*it)->joined());
    }
    std::reverse(h.region.behind.begin(), h.region.behind.end());
  }
  open_ = std::move(h);
}

}  // namespace hyoka::engine
