// 別添 変更箇所 as pdftotext prints it: each cell a box of its own, the boxes in an order that is
// not the rows'. A row is rebuilt only where every box of the page can be given its place
// without choosing between boxes that differ; otherwise nothing is.
#include <algorithm>
#include <map>
#include <optional>

#include "annex_readers.h"
#include "hyoka/era_date.h"
#include "hyoka/model.h"
#include "hyoka/readers.h"
#include "hyoka/text.h"

namespace hyoka {

using nlohmann::json;

namespace {

struct Piece {
  enum Kind { Text, Date, Timing, Fragment } kind = Text;
  std::string text;  // Text: its lines joined by '\n'; Date: ISO; Timing: 事前/事後
  std::vector<std::string> cells;  // Fragment: 変更前 and 変更後 printed on the timing's line
  int first = 0;
  int last = 0;
  bool after_timing = false;  // Text: begins on the line right below a timing (its right column)
};

// A line made only of the table's column headers and the annex caption.
bool header_line(const std::string& line) {
  static const std::vector<std::string> kWords = [] {
    std::vector<std::string> w;
    for (const char* s :
         {"提出時期に係る説明", "変更前の記載", "変更後の記載", "提出時期", "変更日", "項目"})
      w.push_back(text::key(s));
    return w;
  }();
  std::string k = text::key(line);
  if (k.starts_with("(別添") && k.ends_with(text::key("変更箇所"))) return true;
  while (!k.empty()) {
    const auto w = std::find_if(kWords.begin(), kWords.end(),
                                [&](const std::string& word) { return k.starts_with(word); });
    if (w == kWords.end()) return false;
    k.erase(0, w->size());
  }
  return true;
}

bool timing_word(const std::string& s) {
  const std::string k = text::key(s);
  return k == "事前" || k == "事後";
}

// The page's lines as boxes: a line that is a whole date or a timing (alone, or last of a line
// whose other two cells are 変更前 and 変更後) is a box of its own; other lines run into text
// boxes up to a blank line or one of those.
std::optional<std::vector<Piece>> pieces_of(const std::vector<const Row*>& rows) {
  std::vector<Piece> out;
  bool open = false;
  bool below_timing = false;
  for (const Row* r : rows) {
    const std::string line = text::collapse_spaces(r->joined(" "));
    if (line.empty() || header_line(line)) {
      open = below_timing = false;
      continue;
    }
    if (const auto d = find_date(line); d && d->begin == 0 && d->end == line.size()) {
      out.push_back({Piece::Date, d->iso, {}, r->line, r->line, false});
      open = below_timing = false;
      continue;
    }
    const auto tokens = text::split(line, ' ');
    if (timing_word(tokens.back())) {
      if (tokens.size() == 2 || tokens.size() > 3) return std::nullopt;  // cells not told apart
      Piece p{tokens.size() == 1 ? Piece::Timing : Piece::Fragment,
              text::key(tokens.back()),
              {},
              r->line,
              r->line,
              false};
      if (tokens.size() == 3) p.cells = {tokens[0], tokens[1]};
      out.push_back(std::move(p));
      open = false;
      below_timing = true;
      continue;
    }
    if (!open) {
      out.push_back({Piece::Text, line, {}, r->line, r->line, below_timing});
      open = true;
    } else {
      out.back().text += "\n" + line;
      out.back().last = r->line;
    }
    below_timing = false;
  }
  return out;
}

// Label/text pairs the document holds (the controls of Ⅲ) whose label's key is `wanted`: key of
// the label and of the text to the pointer of the text. `pointer` is j's, extended and cut back
// in place on the way down, and a text's key is made only for a wanted label (texts are long).
void labelled_texts(const json& j, std::string& pointer,
                    const std::map<std::string, std::vector<std::size_t>>& wanted,
                    std::map<std::pair<std::string, std::string>, std::string>& out) {
  const std::size_t length = pointer.size();
  if (j.is_object()) {
    const auto l = j.find("label");
    const auto t = j.find("text");
    if (l != j.end() && t != j.end() && l->is_string() && t->is_string()) {
      std::string k = text::key(l->get_ref<const std::string&>());
      if (wanted.count(k) != 0)
        out.emplace(std::pair{std::move(k), text::key(t->get_ref<const std::string&>())},
                    pointer + "/text");
    }
    for (const auto& [k, v] : j.items()) {
      pointer.append("/").append(k);
      labelled_texts(v, pointer, wanted, out);
      pointer.resize(length);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      pointer.append("/").append(std::to_string(i));
      labelled_texts(j[i], pointer, wanted, out);
      pointer.resize(length);
    }
  }
}

int span_line(const Recognized& out, const std::string& pointer) {
  for (const Span& s : out.spans) {
    if (s.pointer == pointer) return s.first;
  }
  return 0;
}

struct Built {
  std::size_t item = 0;                 // index of the item box
  std::optional<std::size_t> sublabel;  // the item's second part (a label under it)
  std::size_t value = 0;                // the fragment, or the text box of 変更後
  int order = 0;                        // the document line the row's value stands at
};

}  // namespace

bool read_scrambled_changes(const std::vector<const Row*>& rows, json& doc, Recognized& out) {
  const auto parsed = pieces_of(rows);
  if (!parsed) return false;
  const std::vector<Piece>& p = *parsed;
  std::vector<std::size_t> dates, timings, fragments, texts;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i].kind == Piece::Date) dates.push_back(i);
    if (p[i].kind == Piece::Timing || p[i].kind == Piece::Fragment) timings.push_back(i);
    if (p[i].kind == Piece::Fragment) fragments.push_back(i);
    if (p[i].kind == Piece::Text) texts.push_back(i);
  }
  const std::size_t n = dates.size();
  auto same = [&](const std::vector<std::size_t>& v) {
    return std::all_of(v.begin(), v.end(),
                       [&](std::size_t i) { return p[i].text == p[v[0]].text; });
  };
  // columns whose cells differ cannot be told apart: dates and timings must be one value each
  if (n == 0 || timings.size() != n || !same(dates) || !same(timings)) return false;
  // the explanation: the box right below a timing, printed as many times as there are rows
  std::map<std::string, std::vector<std::size_t>> copies;
  for (std::size_t i : texts) copies[text::key(p[i].text)].push_back(i);
  std::string reason;
  for (std::size_t i : texts) {
    if (!p[i].after_timing) continue;
    if (!reason.empty() && reason != text::key(p[i].text)) return false;
    reason = text::key(p[i].text);
  }
  if (reason.empty() || copies[reason].size() != n) return false;
  // the item: the one other box printed as many times
  std::string item;
  for (const auto& [k, v] : copies) {
    if (k == reason || v.size() != n) continue;
    if (!item.empty()) return false;
    item = k;
  }
  if (item.empty()) return false;
  // every other box: a label under an item box, then its 変更後 text, which the document itself
  // prints under that label
  std::map<std::pair<std::string, std::string>, std::string> labelled;
  std::string pointer;
  labelled_texts(doc, pointer, copies, labelled);  // only the labels some box prints
  std::vector<Built> built;
  std::vector<bool> used(p.size(), false);
  for (std::size_t i : texts) {
    const std::string k = text::key(p[i].text);
    if (k == reason || k == item || used[i]) continue;
    if (i < 1 || i + 1 >= p.size() || p[i - 1].kind != Piece::Text ||
        text::key(p[i - 1].text) != item || p[i + 1].kind != Piece::Text ||
        p[i].text.find('\n') != std::string::npos)
      return false;
    const auto found = labelled.find({k, text::key(p[i + 1].text)});
    if (found == labelled.end()) return false;
    used[i - 1] = used[i] = used[i + 1] = true;
    built.push_back({i - 1, i, i + 1, span_line(out, found->second)});
  }
  // the rest of the item boxes go with the lines that print 変更前 and 変更後 beside the timing,
  // before the rows of its sublabels (which the document prints after the item)
  std::vector<std::size_t> free_items;
  for (std::size_t i : copies[item]) {
    if (!used[i]) free_items.push_back(i);
  }
  if (free_items.size() != fragments.size()) return false;
  std::stable_sort(built.begin(), built.end(),
                   [](const Built& a, const Built& b) { return a.order < b.order; });
  for (std::size_t k = fragments.size(); k-- > 0;)
    built.insert(built.begin(), Built{free_items[k], std::nullopt, fragments[k], 0});

  std::vector<std::size_t> lone_timings;
  for (std::size_t i : timings) {
    if (p[i].kind == Piece::Timing) lone_timings.push_back(i);
  }
  std::size_t next_timing = 0;
  json& changes = doc["changes"];
  for (std::size_t r = 0; r < built.size(); ++r) {
    const Built& b = built[r];
    const Piece& value = p[b.value];
    const Piece& item_box = p[b.item];
    const Piece& date = p[dates[r]];
    const Piece& reason_box = p[copies[reason][r]];
    json c = model::change();
    c["date"] = date.text;
    c["item"] = read_text(
        Region::of(item_box.text + (b.sublabel ? "\n" + p[*b.sublabel].text : std::string())));
    if (value.kind == Piece::Fragment) {
      c["before"] = read_text(Region::of(value.cells[0]));
      c["after"] = read_text(Region::of(value.cells[1]));
    } else {
      c["after"] = read_text(Region::of(value.text));
    }
    c["timing"] = p[timings[0]].text;
    c["reason"] = read_text(Region::of(reason_box.text));
    const std::string pointer = "/changes/" + std::to_string(changes.size());
    const Piece& timing = p[value.kind == Piece::Fragment ? b.value : lone_timings[next_timing++]];
    const int last = b.sublabel ? value.last : item_box.last;
    out.spans.push_back({pointer, std::min(item_box.first, value.first),
                         std::max({last, value.last, item_box.last})});
    out.spans.push_back({pointer + "/date", date.first, date.last});
    out.spans.push_back(
        {pointer + "/item", item_box.first, b.sublabel ? p[*b.sublabel].last : item_box.last});
    for (const char* key : {"before", "after"}) {
      if (!c[key].is_null()) out.spans.push_back({pointer + "/" + key, value.first, value.last});
    }
    out.spans.push_back({pointer + "/timing", timing.first, timing.last});
    out.spans.push_back({pointer + "/reason", reason_box.first, reason_box.last});
    changes.push_back(std::move(c));
  }
  return true;
}

}  // namespace hyoka
