// Labels not reachable from the stack: a page lost in extraction skipped the heading that would
// have opened their scope. The value goes to the one scope further on that has the label.
#include "engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hyoka/text.h"

namespace hyoka::engine {

std::optional<Match> Engine::next_unread(const Instance* inst, const Scope* after,
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

void Engine::transparent_preorder(const Scope& s, std::vector<const Scope*>& out) {
  out.push_back(&s);
  for (const auto& c : s.children) {
    if (c->owner == Owner::None && c->mode == ScopeMode::Normal && !c->pattern) {
      transparent_preorder(*c, out);
    }
  }
}

int Engine::current_part() const {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    if (it->scope->part_index >= 0) return it->scope->part_index;
  }
  return -1;
}

std::optional<Match> Engine::find_fallback(const std::string& lk) {
  if (open_ && text::trim(open_->region.first).empty() && open_->rows.empty() &&
      !open_->reads->empty() && open_->reads->front().type == ReadType::Text) {
    return std::nullopt;  // a label on its own line waits for its value
  }
  // (a) a field of another section of this scope or of an enclosing one (a lost heading); only
  // a key of the grammar can be one (most texts looked up here are values, not labels)
  const bool some_label = g_.labels.all.count(lk) > 0;
  for (auto it = stack_.rbegin(); some_label && it != stack_.rend(); ++it) {
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

bool Engine::needs_unseen_owner(const Scope& s) const {
  for (const Scope* p = s.parent; p != nullptr; p = p->parent) {
    if (p->owner == Owner::None) continue;
    const bool open =
        std::any_of(stack_.begin(), stack_.end(), [&](const Frame& f) { return f.scope == p; });
    if (!open) return true;
  }
  return false;
}

void Engine::collect_fields(const Scope& s, const std::string& lk,
                            std::vector<std::pair<const Scope*, const Field*>>& out,
                            const Scope* top) {
  for (const auto& f : s.fields) {
    if (!f.numbered && contains(f.keys, lk)) out.emplace_back(&s, &f);
  }
  for (const auto& c : s.children) {
    if (c->owner != Owner::None || c->mode != ScopeMode::Normal || c->pattern) continue;
    collect_fields(*c, lk, out, top);
  }
}

}  // namespace hyoka::engine
