#include "hyoka/html_cell.h"

#include <gumbo.h>

#include <memory>
#include <vector>

#include "hyoka/text.h"

namespace hyoka {

namespace {

// Whether some `c` in s is followed by a byte `follows` accepts (memchr from one to the next).
template <class Follows>
bool any_followed(std::string_view s, char c, Follows follows) {
  for (std::size_t i = s.find(c); i != std::string_view::npos && i + 1 < s.size();
       i = s.find(c, i + 1)) {
    if (follows(s[i + 1])) return true;
  }
  return false;
}

bool is_letter(char n) { return (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z'); }

}  // namespace

bool looks_like_html(std::string_view cell) {
  return any_followed(cell, '<', [](char n) { return is_letter(n) || n == '/' || n == '!'; }) ||
         any_followed(cell, '&', [](char n) { return is_letter(n) || n == '#'; });
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

// Tags whose start or end changes nothing in how the tokenizer reads the text after it (no
// RAWTEXT/RCDATA/PLAINTEXT state, no foreign content, no frameset): the block tags and these.
bool is_plain_tag(std::string_view name) {
  const GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
  if (is_block(tag)) return true;
  switch (tag) {
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_B:
    case GUMBO_TAG_I:
    case GUMBO_TAG_U:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The end of the tag starting at `at` (one past its '>'), or npos when the tag is not a plain
// one of the simple shape `<name a="v" b='v' c>` / `</name>` (anything else keeps the cell whole).
std::size_t plain_tag_end(std::string_view s, std::size_t at) {
  std::size_t i = at + 1;
  const bool end_tag = i < s.size() && s[i] == '/';
  if (end_tag) ++i;
  const std::size_t name_start = i;
  while (i < s.size() && (is_letter(s[i]) || (s[i] >= '0' && s[i] <= '9'))) ++i;
  if (i == name_start || !is_letter(s[name_start]) ||
      !is_plain_tag(s.substr(name_start, i - name_start))) {
    return std::string_view::npos;
  }
  while (i < s.size()) {
    const std::size_t before_space = i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i == s.size()) break;
    if (s[i] == '>') return i + 1;
    if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') return i + 2;
    if (end_tag || i == before_space) break;  // attributes must be separated by a blank
    const std::size_t attr = i;
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '>' && s[i] != '/' && s[i] != '=' &&
           s[i] != '"' && s[i] != '\'' && s[i] != '<' && s[i] != '`') {
      ++i;
    }
    if (i == attr) break;
    if (i < s.size() && s[i] == '=') {
      ++i;
      if (i == s.size() || (s[i] != '"' && s[i] != '\'')) break;
      const std::size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) break;
      i = close + 1;
    }
  }
  return std::string_view::npos;
}

// A character gumbo passes through as one plain text token, whatever the state of the tree
// builder: neither HTML whitespace nor markup, no control, replacement or private-use character.
bool is_run_code_point(char32_t cp) {
  if (cp < 0x80) {
    return cp > 0x20 && cp != 0x7F && cp != '<' && cp != '>' && cp != '&';
  }
  return cp >= 0xA0 && !(cp >= 0xD800 && cp <= 0xF8FF) && cp != 0xFEFF && cp != 0xFFFD &&
         !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
}

constexpr char32_t kFirstPlaceholder = 0xE000;  // private use: never in a cell that is compacted
constexpr std::size_t kMaxPlaceholders = 0xF8FF - 0xE000 + 1;

// gumbo spends several hundred instructions on every character of text (one token each). A cell
// made only of plain tags, entities and text has each run of text characters replaced by one
// private-use character before parsing, and put back in the rendered text: the tree gumbo builds
// is the same, since it tells characters apart only as whitespace, NUL, markup or other. Returns
// false (and the cell goes to gumbo whole) for anything else: comments, other tags, numeric
// entities, private-use characters of its own.
bool compact_text(std::string_view s, std::string& out, std::vector<std::string_view>& runs) {
  out.reserve(s.size() / 2);
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<') {
      const char n = i + 1 < s.size() ? s[i + 1] : ' ';
      if (is_letter(n) || n == '/' || n == '!' || n == '?') {
        const std::size_t end = plain_tag_end(s, i);
        if (end == std::string_view::npos) return false;
        out.append(s, i, end - i);
        i = end;
        continue;
      }
      out += c;  // a '<' before anything else is text, and starts no run
      ++i;
      continue;
    }
    if (c == '&') {
      if (i + 1 < s.size() && s[i + 1] == '#') return false;
      // the entity's name stays as written: gumbo matches the longest name it knows
      std::size_t e = i + 1;
      while (e < s.size() && (is_letter(s[e]) || (s[e] >= '0' && s[e] <= '9') || s[e] == ';')) {
        ++e;
      }
      out.append(s, i, e - i);
      i = e;
      continue;
    }
    std::size_t pos = i;
    std::size_t count = 0;
    while (pos < s.size()) {
      if (text::is_plain_three_byte(s, pos)) {  // every such character is a run character
        pos += 3;
        ++count;
        continue;
      }
      std::size_t next = pos;
      const char32_t cp = text::next_cp(s, next);
      if (!is_run_code_point(cp)) break;
      pos = next;
      ++count;
    }
    if (count == 0) {
      std::size_t next = i;
      const char32_t cp = text::next_cp(s, next);
      if (cp >= 0xE000 && cp <= 0xF8FF) return false;
      out.append(s, i, next - i);
      i = next;
    } else if (count == 1) {
      out.append(s, i, pos - i);
      i = pos;
    } else {
      if (runs.size() == kMaxPlaceholders) return false;
      text::append_utf8(out, kFirstPlaceholder + static_cast<char32_t>(runs.size()));
      runs.push_back(s.substr(i, pos - i));
      i = pos;
    }
  }
  return true;
}

// Puts the runs compact_text() took out back in place of their placeholders.
std::string restore_text(std::string_view rendered, const std::vector<std::string_view>& runs) {
  std::string out;
  out.reserve(rendered.size() * 4);
  std::size_t pos = 0;
  while (pos < rendered.size()) {
    const std::size_t start = pos;
    const char32_t cp = text::next_cp(rendered, pos);
    if (cp >= kFirstPlaceholder && cp - kFirstPlaceholder < runs.size()) {
      out += runs[cp - kFirstPlaceholder];
    } else {
      out.append(rendered, start, pos - start);
    }
  }
  return out;
}

struct OutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

std::string render_html_cell(std::string_view cell, const HtmlLimits& limits, bool* flattened) {
  if (!looks_like_html(cell)) return std::string(cell);
  if (nesting_depth(cell, limits.max_depth) > limits.max_depth) {
    if (flattened != nullptr) *flattened = true;
    return strip_tags(cell);
  }
  std::string compacted;
  std::vector<std::string_view> runs;
  const bool compact = limits.compact_text && compact_text(cell, compacted, runs);
  const std::string_view html = compact ? std::string_view(compacted) : cell;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!output || output->root == nullptr) return std::string(cell);
  std::string out;
  render(output->root, out);
  return compact ? restore_text(out, runs) : out;
}

}  // namespace hyoka
