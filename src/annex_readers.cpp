#include "annex_readers.h"

#include <algorithm>

#include <re2/re2.h>

#include "hyoka/era_date.h"
#include "hyoka/model.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka {

using nlohmann::json;

namespace {

std::string strip_brackets(std::string s) {
  s = text::trim(s);
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"【", "】"}, {"［", "］"}, {"[", "]"}}) {
    if (text::starts_with(s, open) && s.size() >= open.size() + close.size() &&
        s.compare(s.size() - close.size(), close.size(), close) == 0) {
      return text::trim(s.substr(open.size(), s.size() - open.size() - close.size()));
    }
  }
  return s;
}

bool bracketed_caption(const std::string& s) {
  return text::starts_with(s, "【") && s.size() >= 6 && s.compare(s.size() - 3, 3, "】") == 0 &&
         s.find("、") == std::string::npos;
}

std::vector<std::string> split_items(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t pos = 0;
  int depth = 0;
  auto flush = [&]() {
    std::string t = text::trim(cur);
    cur.clear();
    static const re2::RE2 kNum(R"(^[0-9]+\.\s*)");
    re2::RE2::Replace(&t, kNum, "");
    if (!t.empty() && !text::is_placeholder(t)) out.push_back(t);
  };
  while (pos < line.size()) {
    const std::size_t b = pos;
    const char32_t cp = text::next_cp(line, pos);
    if (cp == '(' || cp == 0xFF08) ++depth;
    if ((cp == ')' || cp == 0xFF09) && depth > 0) --depth;
    if (depth == 0 && (cp == 0x3001 || cp == ',' || cp == 0xFF0C)) {
      flush();
      continue;
    }
    cur.append(line, b, pos - b);
  }
  flush();
  return out;
}

int find_file(const json& files, const std::string& caption) {
  const NumberedName nn = split_numbered_name(caption);
  const std::string k = text::key(nn.name);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i]["name"].is_string() && text::key(files[i]["name"].get<std::string>()) == k) {
      return static_cast<int>(i);
    }
  }
  if (nn.number && k.size() >= 6 && k.find("ファイル") != std::string::npos) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i]["number"] == *nn.number) return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

void read_record_items(const std::vector<const Row*>& rows, json& doc, Recognized& out,
                       bool wrapped_lines) {
  json& files = doc["files"];
  if (files.empty()) return;
  int file = 0;
  int group = -1;       // index in files[file].record_items
  std::string pending;  // item text of the group, lines joined
  int first_line = 0;
  int last_line = 0;
  // A group's items are split when the group ends: an item may be wrapped over lines by pdftotext
  // (`5.納税義務者_宛名番` / `号`, joined with no separator); elsewhere every line is a list.
  auto flush = [&]() {
    if (pending.empty()) return;
    json& list = files[file]["record_items"];
    if (group < 0) {
      list.push_back({{"group", nullptr}, {"items", json::array()}});
      group = static_cast<int>(list.size()) - 1;
    }
    json& items = list[group]["items"];
    const std::string pointer =
        "/files/" + std::to_string(file) + "/record_items/" + std::to_string(group) + "/items/";
    for (auto& item : split_items(pending)) {
      out.spans.push_back({pointer + std::to_string(items.size()), first_line, last_line});
      items.push_back(item);
    }
    pending.clear();
  };
  for (const Row* row : rows) {
    const std::string t = text::render_free_text(row->joined(" "));
    if (t.empty()) continue;
    for (const auto& line : text::split(t, '\n')) {
      // a file's caption (`### 1. 住民基本台帳ファイル`, `⑴軽自動車税賦課情報ファイル`)
      if (line.find("、") == std::string::npos && line.find(',') == std::string::npos) {
        if (const int f = find_file(files, line); f >= 0) {
          flush();
          file = f;
          group = -1;
          continue;
        }
      }
      if (row->heading_level > 0 || bracketed_caption(line)) {
        flush();
        json& list = files[file]["record_items"];
        list.push_back({{"group", strip_brackets(line)}, {"items", json::array()}});
        group = static_cast<int>(list.size()) - 1;
        out.spans.push_back(
            {"/files/" + std::to_string(file) + "/record_items/" + std::to_string(group), row->line,
             row->line});
        continue;
      }
      // an introductory or explanatory sentence (`…記録項目は以下のとおり。`) is not an item list
      if (line.size() >= 3 && line.compare(line.size() - 3, 3, "。") == 0) continue;
      if (pending.empty()) first_line = row->line;
      last_line = row->line;
      if (!pending.empty()) pending += wrapped_lines ? "" : "、";
      pending += line;
    }
  }
  flush();
}

void read_flow(const std::vector<const Row*>& rows, json& doc, Recognized& out) {
  static const re2::RE2 kStep(R"(^[A-Z]\s*[-ー－‐]\s*(?:[0-9]+|[①-⑳㉑-㉟]).*$)");
  json steps = json::array();
  std::string rest;
  int first = 0;
  int last = 0;
  for (const Row* row : rows) {
    const std::string t = text::render_free_text(row->joined(" "));
    if (t.empty()) continue;
    if (first == 0) first = row->line;
    last = row->line;
    for (const auto& line : text::split(t, '\n')) {
      if (re2::RE2::FullMatch(line, kStep)) {
        out.spans.push_back(
            {"/affair/flow/steps/" + std::to_string(steps.size()), row->line, row->line});
        steps.push_back(line);
      } else {
        rest += (rest.empty() ? "" : "\n") + line;
      }
    }
  }
  if (first == 0) return;
  doc["affair"]["flow"] = {{"text", rest.empty() ? json(nullptr) : json(rest)}, {"steps", steps}};
  out.spans.push_back({"/affair/flow", first, last});
}

namespace {

// text::key(row.joined(" ")) starts with `prefix`, keying only as many cells as that takes:
// key(a + " " + b) == key(a) + key(b) (a blank never composes in NFKC and key() drops it).
bool key_starts_with(const Row& row, const std::string& first_cell_key, std::string_view prefix) {
  std::string k = first_cell_key;
  for (std::size_t i = 1; i < row.cells.size() && k.size() < prefix.size(); ++i)
    k += text::key(row.cells[i]);
  return k.starts_with(prefix);
}

}  // namespace

void read_changes(const std::vector<const Row*>& rows, json& doc, Recognized& out,
                  bool reading_order) {
  json& changes = doc["changes"];
  // one cell per line (plain text): regroup the lines into rows of six cells
  std::vector<Row> regrouped;
  const bool one_cell_lines = std::all_of(rows.begin(), rows.end(), [](const Row* r) {
    std::size_t filled = 0;
    for (const auto& c : r->cells) filled += c.empty() ? 0 : 1;
    return filled <= 1;
  });
  std::vector<const Row*> table = rows;
  if (one_cell_lines && !reading_order) {
    if (read_scrambled_changes(rows, doc, out)) return;
    // no row can be told from its neighbours: say so rather than invent rows
    int line = 0;
    for (const Row* r : rows) {
      if (!r->blank()) {
        line = r->line;
        break;
      }
    }
    if (line > 0) {
      out.diagnostics.push_back(model::diagnostic("REC009", "warning",
                                                  "変更箇所の表は列の読み順が崩れているため、行を組"
                                                  "み立てられませんでした（changes は空です）。",
                                                  json::array({"/changes"}), line));
    }
    return;
  }
  if (one_cell_lines) {
    std::vector<const Row*> lines;
    for (const Row* r : rows) {
      if (!r->blank()) lines.push_back(r);
    }
    std::size_t i = 0;
    while (i < lines.size()) {
      if (text::key(lines[i]->joined()) == "変更日") {
        i += 6;  // the header row, printed again on every page
        continue;
      }
      Row row;
      row.line = lines[i]->line;
      for (std::size_t k = 0; k < 6 && i < lines.size(); ++k, ++i)
        row.cells.push_back(lines[i]->joined());
      regrouped.push_back(std::move(row));
    }
    table.clear();
    for (const auto& r : regrouped) table.push_back(&r);
  }
  for (const Row* row : table) {
    if (row->cells.size() < 2) continue;
    const std::string first = text::key(row->cells[0]);
    if (first == "変更日" || key_starts_with(*row, first, "変更日項目")) continue;
    json c = model::change();
    auto cell = [&](std::size_t i) -> std::string {
      return i < row->cells.size() ? row->cells[i] : std::string();
    };
    if (auto d = parse_date(cell(0))) c["date"] = *d;
    c["item"] = read_text(Region::of(cell(1)));
    c["before"] = read_text(Region::of(cell(2)));
    c["after"] = read_text(Region::of(cell(3)));
    const std::string timing = text::key(cell(4));
    if (timing == "事前" || timing == "事後") c["timing"] = timing;
    c["reason"] = read_text(Region::of(cell(5)));
    const std::string pointer = "/changes/" + std::to_string(changes.size());
    out.spans.push_back({pointer, row->line, row->line});
    for (const auto& [key, value] : c.items()) {
      if (!value.is_null()) out.spans.push_back({pointer + "/" + key, row->line, row->line});
    }
    changes.push_back(std::move(c));
  }
}

}  // namespace hyoka
