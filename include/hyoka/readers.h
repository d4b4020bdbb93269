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
  // pdftotext: option keys of other check sets labelled on the page (a shared label found on the
  // page is this set's only when none of them has it); unknown (every shared label contested)
  // when not given
  std::optional<std::vector<std::string>> contested;
  std::string all() const;  // first + rows, joined by '\n'
  // A region holding one piece of text (a table cell, a line).
  static Region of(std::string text) { return Region{std::move(text), {}, {}, {}, {}}; }
};

// The printed captions of an option list (`<選択肢>`, FORMS §4.6).
inline constexpr std::string_view kOptionsCaptions[] = {"<選択肢>", "＜選択肢＞", "〈選択肢〉"};

// Free text (SCHEMA rule), null when empty or a placeholder.
nlohmann::json read_text(const Region& r);

// A line that is only a piece of a choice bracket split by pdftotext (`[`, `定めている[`,
// `] 紙`, `[ 再委託していない`): never free text.
bool is_bracket_fragment(std::string_view line);

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

// pdftotext prints a check box's brackets apart (`☐ 情報提供ネットワークシステム [ ○` …
// `] 庁内連携システム`). On each printed line of the page, an opener right after an option's label
// is the box of the next option in form order (the box to its right on the same printed row),
// and a ○ right after the opener is its mark. Options shown only behind a detached `]` that got
// no opener that way take the state of the other openers on the set's lines when those are as
// many and all agree. Nothing is placed when a mark on the page stands outside any opener (it
// may be any box's) or a line prints the set's labels out of form order. Shared labels listed in
// `contested` (other check sets labelled on the page) are left alone. Only null states are
// filled; returns how many were.
std::size_t place_detached_boxes(const std::vector<std::string>& page_lines,
                                 const OptionList& options,
                                 const std::vector<std::string>& contested, nlohmann::json& checks);

// A checked box prints its ○, so when a page's marks outside any complete box (a lone ○, `[ ○`)
// are exactly as many as its boxes of lost state (a detached `]` with an option's label, a lost
// token) over all check sets labelled there (`page_sets`), every one of those boxes is checked:
// the options of `options` among them take that state (only null states; shared labels listed in
// `contested` are left alone). Nothing is placed on a page with no such mark, or where an opener
// stands right of a label on its line (that opener is the next box's, whatever it holds).
// Returns how many states were filled.
std::size_t check_by_mark_count(const std::vector<std::string>& page_lines,
                                const std::vector<const OptionList*>& page_sets,
                                const OptionList& options,
                                const std::vector<std::string>& contested, nlohmann::json& checks);

// pdftotext prints a check box's parenthesised detail apart from its option (`（ 市民税課 ）`).
// When the page prints exactly one such detail alone on its line, and exactly one checked box of
// the check sets labelled there (`page_sets`) is an option taking a detail printed without one,
// that box is the detail's, if it is one of `options`. A box of unknown state or a shared label of
// several sets that could be the one leaves everything alone. Returns whether it was placed.
bool place_detached_detail(const std::vector<std::string>& page_lines,
                           const std::vector<const OptionList*>& page_sets,
                           const OptionList& options, nlohmann::json& checks);

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
