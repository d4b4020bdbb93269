// Text utilities shared by every stage: UTF-8 iteration, width folding, match keys and
// free-text rendering. All functions are pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hyoka::text {

// Internal check-box and choice tokens produced by the normalizer (see marks.h).
inline constexpr std::string_view kChecked = "\u2611";           // ☑ box with a mark
inline constexpr std::string_view kUnchecked = "\u2610";         // ☐ explicit empty box
inline constexpr std::string_view kUnknown = "\u2B1A";           // ⬚ box whose state was lost
inline constexpr std::string_view kBracketedUnknown = "\u22A1";  // ⊡ `[ <input/> ]`
inline constexpr std::string_view kChoiceOpen = "\u27E6";        // ⟦ single-choice value
inline constexpr std::string_view kChoiceClose = "\u27E7";       // ⟧

// Whether a well-formed three-byte character of U+1000..U+CFFF starts at `pos` (lead byte E1..EC:
// never overlong, a surrogate or private use): most of Japanese text (kana, CJK ideographs,
// punctuation), which passes that only look for a few characters step over without decoding.
inline bool is_plain_three_byte(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  return b0 >= 0xE1 && b0 <= 0xEC && pos + 2 < s.size() &&
         (static_cast<unsigned char>(s[pos + 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(s[pos + 2]) & 0xC0) == 0x80;
}

// Decodes one code point at `pos` (advancing it); invalid bytes yield U+FFFD and advance by 1.
// Inline: every stage walks its text code point by code point.
inline char32_t next_cp(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;  // the smallest code point of that length (shorter forms are overlong)
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}
void append_utf8(std::string& out, char32_t cp);

// Full-width ASCII letters, digits and U+3000 to ASCII (the SCHEMA free-text rule).
std::string fold_width(std::string_view s);
// fold_width(s) appended to out.
void append_folded(std::string& out, std::string_view s);

// NFKC, whitespace removed, tildes unified, markdown emphasis removed: the form used to compare
// labels and options (FORMS.md §0 "matching").
std::string key(std::string_view s);

// key() of a label cell with its leading marker (①, 1., (1), #) and trailing ※/【任意】… removed.
// `had_number` reports whether a numeric section prefix such as `9.` was removed.
std::string label_key(std::string_view s, bool* had_number = nullptr);

// Position of the first internal token (☑ ☐ ⬚ ⊡ ⟦) in s, or npos.
std::size_t first_token(std::string_view s);

// Renders normalized cell text as free text: tokens back to `[○]`/`[ ]`/`[?]`/`[x]`, whitespace
// collapsed per line, empty lines dropped, lines joined with '\n'.
std::string render_free_text(std::string_view s);

// Runs of blanks (ASCII space, TAB, CR, U+3000, NBSP, and '\n' when `newlines_too`) become one
// ASCII space; leading and trailing blanks are dropped.
std::string collapse_spaces(std::string_view s, bool newlines_too = false);

// collapse_spaces(s) appended to out, without a string of its own.
void append_collapsed(std::string& out, std::string_view s, bool newlines_too = false);

// collapse_spaces() per line; empty lines dropped; lines joined with '\n'.
std::string tidy_lines(std::string_view s);
// tidy_lines(s) appended to out.
void append_tidy_lines(std::string& out, std::string_view s);
// tidy_lines(fold_width(s)) in one pass, without the folded copy.
std::string fold_and_tidy_lines(std::string_view s);

// True when the text is only a "nothing to declare" placeholder (—, ――, －, -, ー).
bool is_placeholder(std::string_view s);

// Characters OCR confuses in the forms' vocabulary (片/庁, 口/ロ, 一/ー/－, 〇/◯/○, 工/エ, 力/カ
// …), each mapped to one representative: two keys with the same skeleton differ only by such
// errors.
std::string ocr_skeleton(std::string_view key);
// Code points in which two strings of equal length differ (the repaired characters).
std::size_t count_differences(std::string_view a, std::string_view b);

std::string trim(std::string_view s);
std::string_view trim_view(std::string_view s);  // trim() without the copy
std::vector<std::string> split(std::string_view s, char sep);
bool starts_with(std::string_view s, std::string_view prefix);

}  // namespace hyoka::text
