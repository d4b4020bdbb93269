#include "hyoka/normalize.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "hyoka/html_cell.h"
#include "hyoka/marks.h"
#include "hyoka/text.h"

namespace hyoka {

std::string Row::joined(std::string_view sep) const {
  std::string out;
  for (const auto& c : cells) {
    if (c.empty()) continue;
    if (!out.empty()) out += sep;
    out += c;
  }
  return out;
}

namespace {

// The first character after the blanks collapse_spaces() drops is one a footer can begin with:
// a digit (also full-width) or a dash of the patterns below.
bool may_be_footer(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\f') {
      ++i;
    } else if (raw.substr(i, 3) == "\u3000") {
      i += 3;
    } else if (raw.substr(i, 2) == "\u00A0") {
      i += 2;
    } else {
      break;
    }
  }
  const std::string_view rest = raw.substr(i);
  if (rest.empty()) return false;
  if ((rest[0] >= '0' && rest[0] <= '9') || rest[0] == '-') return true;
  for (std::string_view start :
       {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９", "－", "‐", "―"}) {
    if (rest.starts_with(start)) return true;
  }
  return false;
}

bool is_footer(std::string_view raw) {
  static const re2::RE2 kDashed(R"(^[-－‐―]\s*[0-9]{1,4}\s*[-－‐―]$)");
  static const re2::RE2 kOf(R"(^[0-9]{1,4}\s*/\s*[0-9]{1,4}(?:\s+\S.*)?$)");
  if (!may_be_footer(raw)) return false;
  const std::string t = text::collapse_spaces(text::fold_width(raw));
  return re2::RE2::FullMatch(t, kDashed) || re2::RE2::FullMatch(t, kOf);
}

}  // namespace

std::vector<std::size_t> page_furniture(const std::vector<std::string>& lines) {
  std::vector<std::size_t> drop;
  std::vector<bool> page_start(lines.size() + 1, false);
  page_start[0] = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool ff = lines[i].find('\f') != std::string::npos;
    if (is_footer(lines[i])) {
      drop.push_back(i);
      page_start[i + 1] = true;
    } else if (ff) {
      page_start[i + 1] = true;
    }
  }
  // a running header: the first non-blank line of a page, the same on at least two pages
  std::map<std::string, std::vector<std::size_t>> firsts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!page_start[i]) continue;
    std::size_t j = i;
    while (j < lines.size() && text::trim(lines[j]).empty()) ++j;
    if (j < lines.size() && !is_footer(lines[j])) {
      firsts[text::collapse_spaces(lines[j])].push_back(j);
    }
  }
  for (const auto& [line, at] : firsts) {
    if (at.size() >= 2 && line.size() <= 120) drop.insert(drop.end(), at.begin(), at.end());
  }
  std::sort(drop.begin(), drop.end());
  return drop;
}

std::string collapse_doubled(std::string_view line) {
  // X Y Z with Y == X + Z, each of X and Z at least one kanji, X starting at the line's start or
  // after a blank, Z ending at a blank or the line's end. Blanks inside X are allowed (`7. 他の`).
  std::string s = text::collapse_spaces(line);
  bool changed = false;
  for (int round = 0; round < 8; ++round) {
    std::vector<std::size_t> sp;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == ' ') sp.push_back(i);
    }
    if (sp.size() < 2 || sp.size() > 24) break;
    bool found = false;
    std::vector<std::size_t> starts = {0};
    for (std::size_t p : sp) starts.push_back(p + 1);
    for (std::size_t a : starts) {
      for (std::size_t ii = 0; ii < sp.size() && !found; ++ii) {
        const std::size_t i = sp[ii];
        if (i <= a || i - a < 3) continue;
        const std::string_view x(s.data() + a, i - a);
        for (std::size_t jj = ii + 1; jj < sp.size() && !found; ++jj) {
          const std::size_t j = sp[jj];
          const std::string_view y(s.data() + i + 1, j - i - 1);
          if (y.size() < x.size() + 3 || y.substr(0, x.size()) != x) continue;
          const std::string_view z = y.substr(x.size());
          const std::size_t z_end = j + 1 + z.size();
          if (z_end > s.size() || std::string_view(s).substr(j + 1, z.size()) != z) continue;
          if (z_end != s.size() && s[z_end] != ' ') continue;
          s = s.substr(0, a) + std::string(y) + s.substr(z_end);
          found = true;
          changed = true;
        }
      }
      if (found) break;
    }
    if (!found) break;
  }
  return changed ? s : std::string(line);
}

std::string detect_layout(std::string_view text) {
  std::size_t lines = 0;
  std::size_t tabbed = 0;
  std::size_t html = 0;
  std::size_t blank_runs = 0;
  std::size_t blank = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++lines;
    if (text::trim_view(line).empty()) {
      if (++blank == 3) ++blank_runs;
      continue;
    }
    blank = 0;
    if (line.find('\t') != std::string_view::npos) ++tabbed;
    if (looks_like_html(line)) ++html;
  }
  if (lines == 0) return "plain";
  if (tabbed * 20 >= lines || html * 20 >= lines) return "ocr-html";
  if (blank_runs >= 3) return "pdftotext";
  return "plain";
}

namespace {

std::string strip_markdown(std::string_view in, int* heading_level) {
  if (heading_level) *heading_level = 0;
  std::string_view s = text::trim_view(in);
  int level = 0;
  while (level < static_cast<int>(s.size()) && s[level] == '#') ++level;
  if (level > 0 && level <= 6 &&
      (level == static_cast<int>(s.size()) || s[level] == ' ' ||
       s.compare(level, 3, "\u3000") == 0)) {
    s.remove_prefix(level);
    if (heading_level) *heading_level = level;
  }
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;  // start of the bytes kept as they are, up to i
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      out.append(s.substr(run, i - run));
      ++i;
      run = i + 1;
      continue;
    }
    if (s[i] == '\\' && i + 1 < s.size() &&
        (s[i + 1] == '_' || s[i + 1] == '*' || s[i + 1] == '#' || s[i + 1] == '-')) {
      out.append(s.substr(run, i - run));
      run = i + 1;
    }
  }
  out.append(s.substr(run));
  // a markdown table rule: only '-', ':', '|' and spaces, with at least three dashes
  std::size_t dashes = 0;
  bool rule = !out.empty();
  for (char c : out) {
    if (c == '-') {
      ++dashes;
    } else if (c != ':' && c != '|' && c != ' ') {
      rule = false;
      break;
    }
  }
  if (rule && dashes >= 3) return {};
  return out;
}

// A markdown table rule split over cells: every cell dashes only (`--------⇥--`, 004:361), at
// least one with three or more.
bool is_table_rule_row(const std::vector<std::string>& cells) {
  bool long_rule = false;
  bool any = false;
  for (const auto& c : cells) {
    const std::string_view t = text::trim_view(c);
    if (t.empty()) continue;
    any = true;
    std::size_t dashes = 0;
    for (char ch : t) {
      if (ch == '-') {
        ++dashes;
      } else if (ch != ':' && ch != '|' && ch != ' ') {
        return false;
      }
    }
    long_rule = long_rule || dashes >= 3;
  }
  return any && long_rule;
}

}  // namespace

std::string normalize_cell(std::string_view raw, int* heading_level, const Limits& limits,
                           bool* flattened) {
  std::string s = strip_markdown(raw, heading_level);
  if (s.empty()) return s;
  if (looks_like_html(s)) s = render_html_cell(s, HtmlLimits{limits.max_html_depth}, flattened);
  // most cells hold no mark: folded and tidied in one pass. (Folding neither makes nor unmakes
  // a mark: it writes ASCII letters, digits and spaces, and U+FFFD for a single invalid byte.)
  if (!has_marks(s)) return text::fold_and_tidy_lines(s);
  return text::tidy_lines(canonicalize_marks(text::fold_width(s)));
}

Normalized normalize(std::string_view input, const Limits& limits) {
  Normalized n;
  std::string cut_storage;
  const std::string_view text = cut_long_lines(input, limits, cut_storage, n.limits_hit);
  LimitCounter flattened_cells("LIM003");
  LimitCounter cut_rows("LIM004");
  n.layout = detect_layout(text);
  const bool tabbed = n.layout == "ocr-html";
  std::vector<std::string> lines = text::split(text, '\n');
  std::vector<bool> furniture(lines.size(), false);
  if (!tabbed) {
    for (std::size_t i : page_furniture(lines)) furniture[i] = true;
  }
  int line_no = 0;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    std::string& line = lines[li];
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    for (auto& c : line) {
      if (c == '\f') c = ' ';
    }
    if (furniture[li]) {
      ++n.furniture_lines;
      Row blank;
      blank.line = line_no;
      n.rows.push_back(std::move(blank));
      continue;
    }
    if (!tabbed) {
      // `外部監査[] 内部監査` (002:1417): a `[]` glued to the text before it is the `]` of one box
      // and the `[` of the next, not an empty box
      static const re2::RE2 kGlued(R"(([^\s\[\]])\[\])");
      const bool has_box = line.find("[]") != std::string::npos;  // both patterns need one
      if (has_box) re2::RE2::GlobalReplace(&line, kGlued, "\\1] [");
      // `[ [] 電子メール` (002:340): the `]` before the label closes one of two openers; whether
      // a mark stood between it and its opener is lost, so the box's state is unknown
      static const re2::RE2 kOpenThenGlued(R"(\[(\s*)\[\])");
      if (has_box) re2::RE2::GlobalReplace(&line, kOpenThenGlued, std::string(text::kUnknown));
      std::string collapsed = collapse_doubled(line);
      if (collapsed != text::collapse_spaces(line) && collapsed != line) {
        ++n.doubled_collapsed;
        line = std::move(collapsed);
      }
    }
    Row row;
    row.line = line_no;
    std::vector<std::string> raw_cells;
    if (tabbed) {
      bool dropped = false;
      raw_cells = split_cells(line, limits, dropped);
      if (dropped) cut_rows.hit(line_no);
    } else {
      raw_cells.push_back(line);
    }
    for (std::size_t i = 0; i < raw_cells.size(); ++i) {
      int level = 0;
      bool flattened = false;
      row.cells.push_back(normalize_cell(raw_cells[i], &level, limits, &flattened));
      if (flattened) flattened_cells.hit(line_no);
      if (i == 0) row.heading_level = level;
    }
    if (is_table_rule_row(raw_cells)) row.cells.clear();
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    if (!row.blank()) ++n.lines_total;
    n.rows.push_back(std::move(row));
  }
  if (!n.rows.empty() && n.rows.back().blank() && text.size() > 0 && text.back() == '\n') {
    n.rows.pop_back();  // the empty string after the final newline is not a line
  }
  flattened_cells.report(n.limits_hit, [&](std::size_t count) {
    return std::to_string(count) + " 行のセルの HTML の入れ子が " +
           std::to_string(limits.max_html_depth) +
           " 段を超えたため、HTML として解析せずタグを取り除いて読みました（LIM003 "
           "max_html_depth）。";
  });
  cut_rows.report(n.limits_hit, [&](std::size_t count) {
    return std::to_string(count) + " 行のセルの数が " + std::to_string(limits.max_cells_per_row) +
           " を超えたため、それより後のセルを読みませんでした（LIM004 max_cells_per_row）。";
  });
  return n;
}

std::string dump(const Normalized& n) {
  std::string out;
  for (const auto& row : n.rows) {
    std::string num = std::to_string(row.line);
    out += std::string(num.size() < 6 ? 6 - num.size() : 0, ' ') + num + ": ";
    if (row.heading_level > 0) out += std::string(row.heading_level, '#') + ' ';
    bool first = true;
    for (const auto& c : row.cells) {
      if (!first) out += " \u2502 ";
      first = false;
      std::string shown = c;
      for (std::size_t p = shown.find('\n'); p != std::string::npos; p = shown.find('\n', p)) {
        shown.replace(p, 1, " \u23CE ");
      }
      out += shown;
    }
    out += '\n';
  }
  return out;
}

}  // namespace hyoka
