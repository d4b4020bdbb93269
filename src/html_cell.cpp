#include "hyoka/html_cell.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "hyoka/text.h"

namespace hyoka {

bool looks_like_html(std::string_view cell) {
  for (std::size_t i = 0; i + 1 < cell.size(); ++i) {
    const char c = cell[i];
    const char n = cell[i + 1];
    if (c == '<' && ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' || n == '!')) {
      return true;
    }
    if (c == '&' && ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '#')) return true;
  }
  return false;
}

namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

void break_line(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

struct Frame {
  const GumboNode* node;
  std::size_t next_child;
};

// Iterative walk: hostile input may nest very deeply, and recursion must not follow it.
void render(const GumboNode* root, std::string& out) {
  std::vector<Frame> stack;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* node = f.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      out += node->v.text.text;
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (f.next_child == 0 && node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_INPUT) {
        const GumboAttribute* checked = gumbo_get_attribute(&node->v.element.attributes, "checked");
        const GumboAttribute* type = gumbo_get_attribute(&node->v.element.attributes, "type");
        const bool radio = type != nullptr && std::string_view(type->value) == "radio";
        out += ' ';
        out += (checked != nullptr || radio) ? text::kChecked : text::kUnknown;
        out += ' ';
        stack.pop_back();
        continue;
      }
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
        stack.pop_back();
        continue;
      }
      if (is_block(tag)) break_line(out);
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out += ' ';
    }
    if (f.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[f.next_child]);
      ++f.next_child;
      stack.push_back({child, 0});
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (is_block(tag)) break_line(out);
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out += ' ';
    }
    stack.pop_back();
  }
}

bool is_void_tag(std::string_view name) {
  for (std::string_view v :
       {"input", "br", "img", "hr", "meta", "link", "col", "wbr", "area", "base"}) {
    if (name.size() == v.size()) {
      bool same = true;
      for (std::size_t i = 0; i < v.size(); ++i) {
        same = same && (name[i] | 0x20) == v[i];
      }
      if (same) return true;
    }
  }
  return false;
}

// Deepest element nesting of the cell, counted without parsing: every `<name` opens, every
// `</` closes, void and self-closing tags do neither. Linear, and stops counting at `limit`.
std::size_t nesting_depth(std::string_view s, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    if (s[i + 1] == '/') {
      if (depth > 0) --depth;
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')) ++j;
    if (j == i + 1) continue;
    const std::size_t close = s.find('>', j);
    const bool self_closing = close != std::string_view::npos && close > 0 && s[close - 1] == '/';
    if (is_void_tag(s.substr(i + 1, j - i - 1)) || self_closing) continue;
    if (++depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
  }
  return deepest;
}

// Decodes one entity at the start of s into out; returns the bytes consumed, 0 if none.
std::size_t decode_entity(std::string_view s, std::string& out) {
  const std::size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi < 3 || semi > 10) return 0;
  const std::string_view body = s.substr(1, semi - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') v = (c | 0x20) - 'a' + 10;
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    text::append_utf8(out, cp);
    return semi + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"lt", "<"}, {"gt", ">"}, {"amp", "&"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [name, value] : kNamed) {
    if (body == name) {
      out += value;
      return semi + 1;
    }
  }
  return 0;
}

// is_block() for a tag given by name (the fallback stripper has no parse tree).
bool is_block_name(std::string_view name) {
  return !name.empty() &&
         is_block(gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size())));
}

// Fallback for cells too deeply nested to hand to an HTML parser: tags are dropped, inputs
// become tokens, all text is kept, numeric and common named entities are decoded.
std::string strip_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '<' && i + 1 < s.size() &&
        (s[i + 1] == '/' || ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))) {
      const std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) break;
      const std::string_view tag = s.substr(i, close - i + 1);
      if (tag.size() > 6 && (tag.substr(1, 5) == "input" || tag.substr(1, 5) == "INPUT")) {
        const bool marked = tag.find("checked") != std::string_view::npos ||
                            tag.find("radio") != std::string_view::npos;
        out += ' ';
        out += marked ? text::kChecked : text::kUnknown;
        out += ' ';
      } else {
        std::size_t n = tag[1] == '/' ? 2 : 1;
        std::size_t e = n;
        while (e < tag.size() && ((tag[e] | 0x20) >= 'a' && (tag[e] | 0x20) <= 'z')) ++e;
        while (e < tag.size() && tag[e] >= '1' && tag[e] <= '6') ++e;
        out += is_block_name(tag.substr(n, e - n)) ? '\n' : ' ';
      }
      i = close + 1;
      continue;
    }
    if (s[i] == '&') {
      if (const std::size_t used = decode_entity(s.substr(i), out); used > 0) {
        i += used;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// ---- cells rendered without a tree ------------------------------------------------------------
// What OCR extractions put in a cell: paragraphs, lists, divisions, line breaks, bold and spans,
// check boxes, a few entities, well nested. For such a cell the tree gumbo builds holds the
// elements as written, so rendering the tokens in order gives the same text as render() gives
// for the tree. Anything the HTML5 tree construction would rearrange or decide otherwise
// (tables, implied end tags, unmatched end tags, comments, other tags, other entities, control
// characters, invalid UTF-8) is left to gumbo.

enum class Simple { P, Div, Li, Ul, Ol, B, Span, Small, Br, Input, Other };

Simple simple_tag(std::string_view name) {
  static constexpr std::pair<std::string_view, Simple> kTags[] = {
      {"p", Simple::P},   {"div", Simple::Div},    {"li", Simple::Li},     {"ul", Simple::Ul},
      {"ol", Simple::Ol}, {"b", Simple::B},        {"span", Simple::Span}, {"small", Simple::Small},
      {"br", Simple::Br}, {"input", Simple::Input}};
  for (const auto& [n, t] : kTags) {
    if (n == name) return t;
  }
  return Simple::Other;
}

bool simple_block(Simple t) {
  return t == Simple::P || t == Simple::Div || t == Simple::Li || t == Simple::Ul ||
         t == Simple::Ol || t == Simple::Br;
}

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// One start tag's attributes, from just after its name: `name`, `name="v"`, `name='v'`,
// `name=v`, separated by spaces, then `>` or `/>`. Advances i past the `>`; sets `checked` and
// `radio` (an input's state). False for anything else.
bool simple_attributes(std::string_view s, std::size_t& i, bool& checked, bool& radio) {
  bool seen_type = false;
  bool seen_checked = false;
  while (true) {
    const std::size_t spaces = i;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) return false;
    if (s[i] == '>' || (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>')) {
      i += s[i] == '>' ? 1 : 2;
      return true;
    }
    if (i == spaces || !is_lower(s[i])) return false;  // attributes are separated by blanks
    const std::size_t name_begin = i;
    while (i < s.size() && (is_lower(s[i]) || s[i] == '-')) ++i;
    const std::string_view name = s.substr(name_begin, i - name_begin);
    std::string_view value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      if (i >= s.size()) return false;
      const char q = s[i];
      const std::size_t value_begin = q == '"' || q == '\'' ? i + 1 : i;
      std::size_t e = value_begin;
      if (q == '"' || q == '\'') {
        e = s.find(q, value_begin);
        if (e == std::string_view::npos) return false;
      } else {
        while (e < s.size() && (is_lower(s[e]) || (s[e] >= '0' && s[e] <= '9') || s[e] == '-')) ++e;
        if (e == value_begin) return false;
      }
      value = s.substr(value_begin, e - value_begin);
      for (char c : value) {
        if (c == '&' || c == '<' || static_cast<unsigned char>(c) < 0x20) return false;
      }
      i = e + (value_begin == i ? 0 : 1);
    }
    // the first of repeated attributes counts (gumbo drops the others)
    if (name == "checked" && !seen_checked) {
      seen_checked = true;
      checked = true;
    }
    if (name == "type" && !seen_type) {
      seen_type = true;
      radio = value == "radio";
    }
  }
}

// An entity gumbo would decode as these do, at s[i] == '&'; 0 when it is another one.
std::size_t simple_entity(std::string_view s, std::size_t i, std::string& out) {
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}};
  for (const auto& [name, c] : kNamed) {
    if (s.substr(i, name.size()) == name) {
      out += c;
      return name.size();
    }
  }
  return 0;
}

}  // namespace

bool render_simple_html(std::string_view s, std::string& out) {
  out.clear();
  std::vector<Simple> open;  // elements open, innermost last
  auto has = [&](Simple t) { return std::find(open.begin(), open.end(), t) != open.end(); };
  // HTML blanks first would be dropped before the body: left to gumbo
  if (s.empty() || s[0] == ' ' || s[0] == '\n' || s[0] == '\t') return false;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '<' && i + 1 < s.size() && (is_lower(s[i + 1]) || s[i + 1] == '/')) {
      const bool end_tag = s[i + 1] == '/';
      std::size_t j = i + (end_tag ? 2 : 1);
      const std::size_t name_begin = j;
      while (j < s.size() && is_lower(s[j])) ++j;
      const Simple tag = simple_tag(s.substr(name_begin, j - name_begin));
      if (tag == Simple::Other) return false;
      if (end_tag) {
        if (j >= s.size() || s[j] != '>' || open.empty() || open.back() != tag) return false;
        open.pop_back();
        if (simple_block(tag)) break_line(out);
        i = j + 1;
        continue;
      }
      bool checked = false;
      bool radio = false;
      if (!simple_attributes(s, j, checked, radio)) return false;
      i = j;
      if (tag == Simple::Input) {
        out += ' ';
        out += (checked || radio) ? text::kChecked : text::kUnknown;
        out += ' ';
        continue;
      }
      if (tag == Simple::Br) {
        break_line(out);
        continue;
      }
      // start tags that would first close an open p or li (implied end tags)
      if (simple_block(tag) && has(Simple::P)) return false;
      if (tag == Simple::Li) {
        for (auto it = open.rbegin(); it != open.rend(); ++it) {
          if (*it == Simple::Li) return false;
          if (*it == Simple::Ul || *it == Simple::Ol) break;
        }
      }
      open.push_back(tag);
      if (simple_block(tag)) break_line(out);
      continue;
    }
    if (c == '<' && i + 1 < s.size() &&
        (s[i + 1] == '!' || s[i + 1] == '?' || (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))) {
      return false;  // a comment, a declaration or an upper-case tag
    }
    if (c == '&' && i + 1 < s.size()) {
      const char n = s[i + 1];
      const bool reference =
          n == '#' || (n >= '0' && n <= '9') || is_lower(n) || (n >= 'A' && n <= 'Z');
      if (reference) {
        const std::size_t used = simple_entity(s, i, out);
        if (used == 0) return false;
        i += used;
        continue;
      }
    }
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
    if (c < 0x80) {
      out += static_cast<char>(c);  // also a `<` or `&` that starts no tag or reference
      ++i;
      continue;
    }
    std::size_t pos = i;
    const char32_t cp = text::next_cp(s, pos);
    // invalid bytes, C1 controls and noncharacters: gumbo's own handling
    if ((cp == 0xFFFD && s.substr(i, 3) != "\uFFFD") || (cp >= 0x80 && cp <= 0x9F) ||
        (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
      return false;
    }
    out.append(s, i, pos - i);
    i = pos;
  }
  if (std::any_of(open.begin(), open.end(), simple_block)) break_line(out);  // closed at the end
  return true;
}

namespace {

struct OutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

std::string render_html_cell(std::string_view cell, const HtmlLimits& limits) {
  if (!looks_like_html(cell)) return std::string(cell);
  if (nesting_depth(cell, limits.max_depth) > limits.max_depth) return strip_tags(cell);
  std::string out;
  if (render_simple_html(cell, out)) return out;
  return render_html_cell_parsed(cell);
}

std::string render_html_cell_parsed(std::string_view cell) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, cell.data(), cell.size()));
  if (!output || output->root == nullptr) return std::string(cell);
  std::string out;
  render(output->root, out);
  return out;
}

}  // namespace hyoka
