// Reading a closed field: its region is read by the reader of each of its value types and the
// values are written into the owning instance's object, with their spans and diagnostics.
#include "engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "hyoka/era_date.h"
#include "hyoka/model.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka::engine {

void Engine::close_hit() {
  release_held();
  if (!open_) return;
  Hit h = std::move(*open_);
  open_.reset();
  for (const Row* r : h.rows) h.region.rows.push_back(r->joined());
  last_rows_ = h.rows;
  const std::size_t before = values_put_;
  for (const Read& r : *h.reads) read_into(h, r);
  if (values_put_ > before && is_text_only(*h.reads)) {
    for (const Row* r : h.rows) text_rows_.insert(r->line);
  }
  if (values_put_ > before && n_.layout == "pdftotext") {
    valued_label_lines_.insert(h.first_line);
    // a choice's value may be found elsewhere on the page: its rows may be anything's
    const bool choice = std::any_of(h.reads->begin(), h.reads->end(), [](const Read& r) {
      return r.type == ReadType::Choice || r.type == ReadType::Checks || r.type == ReadType::Count;
    });
    // the value is in its first row (a file name, a date); the rows after it may be anything's
    if (!choice && !h.rows.empty()) value_rows_.insert(h.rows.front()->line);
  }
}

void Engine::put(Hit& h, const Read& r, json value, bool content) {
  const std::string path = h.scope->prefix + r.path;
  if (value.is_null()) return;
  ++values_put_;
  json& slot = h.inst->obj[json::json_pointer(path)];
  if (h.append && slot.is_string() && value.is_string()) {
    // in place: copying the whole value for every repeated label was quadratic
    std::string& text = slot.get_ref<std::string&>();
    text += '\n';
    text += value.get_ref<const std::string&>();
  } else {
    slot = std::move(value);
  }
  if (content) h.inst->content = true;
  h.inst->spans.push_back({path, h.first_line, h.last_line});
}

void Engine::read_into(Hit& h, const Read& r) {
  switch (r.type) {
    case ReadType::Text: {
      json value = read_text(h.region);
      // pdftotext: a text that is another box of the page (a choice's displaced value, the rest
      // of the label) is no value of this field
      if (n_.layout == "pdftotext" && value.is_string() &&
          is_displaced_box(h, value.get_ref<const std::string&>()))
        value = nullptr;
      // pdftotext: a label box followed by another field's bracket box has lost its value
      // to elsewhere on the page; the text box after the bracket is that field's neighbour's
      if (n_.layout == "pdftotext" && text::trim_view(h.region.first).empty() && !h.rows.empty() &&
          is_bracket_fragment(text::trim(h.rows.front()->joined(" "))))
        value = nullptr;
      if (value.is_null() && n_.layout == "pdftotext") {
        unread_text_lines_.push_back(h.first_line);
        std::set<int> rejected;
        for (const Row* row : h.rows) rejected.insert(row->line);
        unread_texts_.push_back({h.inst, h.scope, h.field, &r, h.first_line, std::move(rejected)});
      }
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
             "「" + c.unmatched + "」はこの項目の選択肢にありません。値は null としました。", h, r);
      }
      if (h.field != nullptr && !h.field->role.empty() && h.inst->bind_index == 0) {
        roles_[h.field->role] = c.value;
      }
      put(h, r, c.value, true);
      break;
    }
    case ReadType::Checks: {
      if (n_.layout == "pdftotext" && h.region.page.empty()) {
        h.region.page = page_rows(h);
        h.region.contested = contested_on_page(h);
      }
      ChecksResult c = read_checks(h.region, *r.options);
      if (n_.layout == "pdftotext") {
        const std::vector<std::string> lines = page_lines(h);
        const std::vector<std::string> contested =
            h.region.contested.value_or(std::vector<std::string>{});
        std::vector<const OptionList*> sets;
        for (const auto& [field, list] : check_sets_on_page(h)) sets.push_back(list);
        if (std::find(sets.begin(), sets.end(), r.options) == sets.end()) sets.push_back(r.options);
        c.from_page += place_detached_boxes(lines, *r.options, contested, c.checks);
        c.from_page += check_by_mark_count(lines, sets, *r.options, contested, c.checks);
        if (place_detached_detail(lines, sets, *r.options, c.checks)) ++c.from_page;
      }
      values_recovered_ += c.from_page;
      if (c.from_page > 0) widen_to_page(h);
      repaired_ += c.repaired;
      bool any = false;
      for (const auto& ch : c.checks) any = any || ch["checked"] == true || !ch["detail"].is_null();
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
      if (count.is_null() && count_too_large(h.region, r.after_key)) {
        diag("LIM006", "warning",
             "件数が大きすぎるため（" + std::to_string(kMaxCountDigits + 1) +
                 " 桁以上）、数として読めません（LIM006）。",
             h, r);
      }
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
      if (n_.layout == "pdftotext" && text::trim_view(text).empty()) {
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
      Read rn{ReadType::Text, "/header/number", nullptr, {}, {}};
      Read rt{ReadType::Text, "/header/title", nullptr, {}, {}};
      Hit one = h;
      one.last_line = values->line;
      one.first_line = values->line;
      if (!cells.empty()) put(one, rn, read_text(Region::of(cells[0])), true);
      if (cells.size() > 1) {
        std::string rest;
        for (std::size_t i = 1; i < cells.size(); ++i) rest += (i > 1 ? "\n" : "") + cells[i];
        put(one, rt, read_text(Region::of(rest)), true);
      }
      break;
    }
    case ReadType::FileName: {
      const NumberedName nn = split_numbered_name(h.region.all());
      if (nn.number) h.inst->number = nn.number;
      if (!nn.name.empty()) {
        Read rn{ReadType::Text, "/name", nullptr, {}, {}};
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

void Engine::spill(Hit& h, const Read& r) {
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

void Engine::diag(const std::string& rule, const std::string& severity, const std::string& message,
                  const Hit& h, const Read& r) {
  if (h.inst->skipped) return;  // LIM005: not in the document
  pending_diags_.push_back(
      {h.inst, h.scope->prefix + r.path, rule, severity, message, h.first_line});
}

}  // namespace hyoka::engine
