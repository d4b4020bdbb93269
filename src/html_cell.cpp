#include "hyoka/html_cell.h"

#include <gumbo.h>

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
void render(const GumboNode* root, std::string& out, const HtmlLimits& limits) {
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
    if (f.next_child < children.length && stack.size() < limits.max_depth) {
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

struct OutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

std::string render_html_cell(std::string_view cell, const HtmlLimits& limits) {
  if (!looks_like_html(cell)) return std::string(cell);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, cell.data(), cell.size()));
  if (!output || output->root == nullptr) return std::string(cell);
  std::string out;
  render(output->root, out, limits);
  return out;
}

}  // namespace hyoka
