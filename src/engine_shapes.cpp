// pdftotext: a text whose shape the grammar states (an organization's name, `株式会社…`; a
// reference to an annex, `別添１を参照。`) printed away from its label. 002:318-418 prints
// `③委託先名` at the top of its page and `株式会社ジーシーシー` as a box of its own among other
// boxes no label claimed; the form says the value is an organization's name, and it is the
// page's only box of that shape.
#include <cstddef>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

namespace {

void collect_instances(Instance& inst, std::vector<Instance*>& out) {
  for (auto& c : inst.children) {
    if (!c->skipped) out.push_back(c.get());
    collect_instances(*c, out);
  }
}

// A one-line name that begins or ends with a legal entity's designation.
bool is_organization(const std::string& line) {
  static const re2::RE2 kOrganization(
      R"(^(?:(?:株式会社|有限会社|合同会社|合名会社|合資会社|一般社団法人|一般財団法人|)"
      R"(公益社団法人|公益財団法人|独立行政法人|地方独立行政法人|社会福祉法人|)"
      R"(特定非営利活動法人|医療法人|学校法人|㈱|㈲)\S.*|)"
      R"(.*\S(?:株式会社|有限会社|合同会社|[（(]株[）)]|[（(]有[）)]|㈱|㈲))$)");
  constexpr std::size_t kMaxNameBytes = 300;
  return line.size() <= kMaxNameBytes && line.find("。") == std::string::npos &&
         re2::RE2::FullMatch(line, kOrganization);
}

// A one-line reference to an annex: `別添１を参照。`, `（別添2）参照`.
bool is_annex_reference(const std::string& line) {
  static const re2::RE2 kReference(
      R"(^[（(]?別添\s*[0-9０-９]+[）)]?\s*(?:を)?参照(?:。|のこと。?)?$)");
  return re2::RE2::FullMatch(line, kReference);
}

bool has_shape(const std::string& line, TextShape shape) {
  switch (shape) {
    case TextShape::Organization:
      return is_organization(line);
    case TextShape::AnnexReference:
      return is_annex_reference(line);
    case TextShape::Any:
      break;
  }
  return false;
}

// The scopes whose fields the instance reads: its own and those opened inside it without an
// instance of their own (a file's sections).
void read_scopes(const Scope& s, std::vector<const Scope*>& out) {
  out.push_back(&s);
  for (const auto& c : s.children) {
    if (c->owner == Owner::None && !c->risk) read_scopes(*c, out);
  }
}

}  // namespace

void Engine::fill_shaped_texts() {
  const auto& rows = n_.rows;
  std::vector<Instance*> instances;
  collect_instances(*root_, instances);
  for (Instance* inst : instances) {
    if (inst->line <= 0) continue;
    std::vector<const Scope*> scopes;
    read_scopes(*inst->scope, scopes);
    for (const Scope* s : scopes) {
      for (const Field& f : s->fields) {
        if (f.shape == TextShape::Any || !is_text_only(f.reads)) continue;
        const Read& r = f.reads.front();
        const json::json_pointer path(s->prefix + r.path);
        if (!inst->obj.contains(path) || !inst->obj[path].is_null()) continue;
        const auto [begin, end] = page_of(inst->line);
        // the page holds one instance of the scope and one label of the field: the label is
        // this instance's
        std::size_t same_scope = 0;
        for (const Instance* other : instances) {
          if (other->scope == inst->scope && other->line > 0 && page_of(other->line).first == begin)
            ++same_scope;
        }
        std::size_t labels = 0;
        std::size_t shaped = 0;
        std::size_t found = 0;
        for (std::size_t i = begin; i <= end; ++i) {
          if (rows[i].blank()) continue;
          if (contains(f.keys, page_row(i).label->key)) ++labels;
          // a box of one row, read by no value, that is no label and no bracket
          const bool alone =
              (i == begin || rows[i - 1].blank()) && (i == end || rows[i + 1].blank());
          const std::string line = text::trim(page_row(i).text);
          if (!alone || text_rows_.count(rows[i].line) > 0 || is_stray_label(rows[i]) ||
              shows_unread_label(rows[i]) || starts_with_bracket(rows[i]) ||
              !has_shape(line, f.shape))
            continue;
          ++shaped;
          found = i;
        }
        if (same_scope != 1 || labels != 1 || shaped != 1) continue;
        Hit h;
        h.scope = s;
        h.inst = inst;
        h.field = &f;
        h.region.rows.push_back(rows[found].joined());
        h.first_line = h.last_line = rows[found].line;
        put(h, r, read_text(h.region), true);
        text_rows_.insert(rows[found].line);
        ++values_recovered_;
      }
    }
  }
}

}  // namespace hyoka::engine
