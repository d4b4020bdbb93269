// Reads one table cell of an OCR-HTML extraction with gumbo (a real HTML5 parser) and renders
// it as text: block elements become line breaks, table cells are separated by spaces, entities
// are decoded, and every <input> becomes a check-box token (☑ checked or radio, ⬚ unchecked).
// Pseudo-tags such as <選択肢> or <さいたま市における措置> are text for an HTML5 tokenizer and
// survive as written.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

struct HtmlLimits {
  // Cells nested deeper than this bypass the HTML parser (whose tree teardown recurses) and are
  // flattened to text by a linear tag stripper.
  std::size_t max_depth = 512;
};

// True when the cell contains markup worth parsing (a tag or an entity).
bool looks_like_html(std::string_view cell);

std::string render_html_cell(std::string_view cell, const HtmlLimits& limits = {});

// The cells OCR extractions mostly hold (paragraphs, lists, divisions, line breaks, bold, spans,
// check boxes, &lt; &gt; &amp; &quot;, well nested) rendered without building a tree, exactly as
// render_html_cell() renders gumbo's tree of them. False (out unspecified) for any other cell:
// tables, implied or unmatched end tags, other tags, comments, other entities, control
// characters, invalid UTF-8. render_html_cell() uses it first.
bool render_simple_html(std::string_view cell, std::string& out);

// render_html_cell() always through gumbo (no depth limit): what render_simple_html() must match.
std::string render_html_cell_parsed(std::string_view cell);

}  // namespace hyoka
