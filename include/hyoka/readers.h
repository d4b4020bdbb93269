// Field readers: one per value type of the grammar. Each reads a Region (the text a field's
// label row and its continuation rows hold) into a v1 JSON value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hyoka/grammar.h"
#include "hyoka/limits.h"

namespace hyoka {

struct Region {
  std::string first;                // the label row's cells after the label, joined by '\n'
  std::vector<std::string> rows;    // continuation rows, each joined by '\n'
  std::vector<std::string> behind;  // unlabelled rows before the label (merged-cell layouts)
  std::vector<std::string> page;    // pdftotext: marked rows elsewhere on the label's page
  std::string all() const;          // first + rows, joined by '\n'
  // A region holding one piece of text (a table cell, a line).
  static Region of(std::string text) { return Region{std::move(text), {}, {}, {}}; }
};

// The printed captions of an option list (`<選択肢>`, FORMS §4.6).
inline constexpr std::string_view kOptionsCaptions[] = {"<選択肢>", "＜選択肢＞", "〈選択肢〉"};

// Free text (SCHEMA rule), null when empty or a placeholder.
nlohmann::json read_text(const Region& r);

struct ChoiceResult {
  nlohmann::json value;      // canonical option or null
  std::string unmatched;     // a bracketed value that is not an option (OCR garbage, old template)
  std::size_t repaired = 0;  // OCR-confused characters corrected to match the option
};
ChoiceResult read_choice(const Region& r, const OptionList& options);

// The text that follows a choice's option list in the same cell (`… 3) 十分に行っていない ■新潟市
// における措置 …`): the OCR fused the next row's text into the choice. Empty when there is none.
std::string choice_spill(const Region& r, const OptionList& options);

// The parenthesised text after `marker` (`（手数料額、納付方法： … ）`), without the marker and its
// colon; empty when absent.
std::string paren_after(std::string_view text, std::string_view marker);

struct ChecksResult {
  nlohmann::json checks;      // [Check] in form order
  int unknown = 0;            // checked == null
  std::size_t repaired = 0;   // OCR-confused characters corrected to match an option
  std::size_t from_page = 0;  // options placed from elsewhere on the page (layout reasoning)
};
ChecksResult read_checks(const Region& r, const OptionList& options);
nlohmann::json default_checks(const OptionList& options);

// `( 1 ) 件` → 1; after_key selects the count that follows that option's label. A count of more
// than kMaxCountDigits digits (limits.h) is null.
nlohmann::json read_count(const Region& r, std::string_view after_key = {});
// The count read_count() rejected for having more than kMaxCountDigits digits (LIM006).
bool count_too_large(const Region& r, std::string_view after_key = {});

// File-name list of I-3: numbering prefixes removed.
std::vector<std::string> split_names(std::string_view text);
// `1. 住民基本台帳ファイル` → {1, "住民基本台帳ファイル"}.
struct NumberedName {
  std::optional<int> number;
  std::string name;
};
NumberedName split_numbered_name(std::string_view text);

// Names with the number printed before each (`(1) A` → {1, A}; no number → nullopt), one per
// line and several per numbered line.
std::vector<NumberedName> split_numbered_names(std::string_view text);
std::vector<NumberedName> numbered_pieces(std::string_view line);

}  // namespace hyoka
