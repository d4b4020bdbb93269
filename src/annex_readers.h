// Readers of the two annexes whose rows are not label/value pairs: 別添 記録項目 (groups of
// item lists per file) and 別添 変更箇所 (a six-column table).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/normalize.h"
#include "hyoka/recognize.h"

namespace hyoka {

// wrapped_lines: the layout wraps item lists at the page width (pdftotext), so lines are joined
// with no separator.
void read_record_items(const std::vector<const Row*>& rows, nlohmann::json& doc, Recognized& out,
                       bool wrapped_lines);
// （別添1） 事務の内容 of 様式4: lettered flow steps (A-①…) and the rest as text.
void read_flow(const std::vector<const Row*>& rows, nlohmann::json& doc, Recognized& out);
// reading_order: one-cell-per-line rows follow the table's reading order (plain text), so they
// can be regrouped six at a time; pdftotext's column-scrambled tables cannot.
void read_changes(const std::vector<const Row*>& rows, nlohmann::json& doc, Recognized& out,
                  bool reading_order);
// The 変更箇所 table of a pdftotext page, each cell a box of its own in no row order: its rows
// where every box finds its place (columns whose cells are all alike, 変更前 and 変更後 printed
// beside the timing, or a sublabel under the item followed by the text the document prints under
// that label); false, and nothing written, otherwise.
bool read_scrambled_changes(const std::vector<const Row*>& rows, nlohmann::json& doc,
                            Recognized& out);

}  // namespace hyoka
