#include "hyoka/marks.h"

#include <vector>

#include "hyoka/text.h"

namespace hyoka {

namespace {

bool is_open(char32_t cp) { return cp == '[' || cp == 0xFF3B || cp == 0x3014; }
bool is_close(char32_t cp) { return cp == ']' || cp == 0xFF3D || cp == 0x3015; }
bool is_blank(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }
bool is_circle(char32_t cp) {
  return cp == 0x25CB || cp == 'O' || cp == 'o' || cp == 0x3007 || cp == 0x25EF || cp == 0x25CF ||
         cp == 0x2611 || cp == 0x25CE;
}

struct Cp {
  char32_t cp;
  std::size_t begin;
  std::size_t end;
};

std::vector<Cp> decode_all(std::string_view s) {
  std::vector<Cp> cps;
  cps.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t b = pos;
    const char32_t cp = text::next_cp(s, pos);
    cps.push_back({cp, b, pos});
  }
  return cps;
}

bool is_token(char32_t cp) {
  return cp == 0x2611 || cp == 0x2610 || cp == 0x2B1A || cp == 0x22A1 || cp == 0x27E6 ||
         cp == 0x27E7;
}

// First pass: bracketed boxes and values.
std::string brackets(std::string_view s) {
  const std::vector<Cp> cps = decode_all(s);
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t i = 0;
  while (i < cps.size()) {
    if (!is_open(cps[i].cp)) {
      out.append(s.substr(cps[i].begin, cps[i].end - cps[i].begin));
      ++i;
      continue;
    }
    // find the close on the same line, with no other opener in between
    std::size_t j = i + 1;
    bool closed = false;
    while (j < cps.size() && cps[j].cp != '\n' && !is_open(cps[j].cp)) {
      if (is_close(cps[j].cp)) {
        closed = true;
        break;
      }
      ++j;
    }
    if (!closed) {
      out.append(s.substr(cps[i].begin, cps[i].end - cps[i].begin));
      ++i;
      continue;
    }
    // classify the content (i, j)
    std::size_t a = i + 1;
    std::size_t b = j;
    while (a < b && is_blank(cps[a].cp)) ++a;
    while (b > a && is_blank(cps[b - 1].cp)) --b;
    if (a == b) {
      out += text::kUnchecked;
    } else if (b - a == 1 && is_circle(cps[a].cp)) {
      out += text::kChecked;
    } else if (b - a == 1 && cps[a].cp == 0x2B1A) {
      out += text::kBracketedUnknown;
    } else {
      bool has_token = false;
      for (std::size_t k = a; k < b; ++k) has_token = has_token || is_token(cps[k].cp);
      if (has_token) {
        // leave the brackets as text; the tokens inside keep their own meaning
        out.append(s.substr(cps[i].begin, cps[j].end - cps[i].begin));
      } else {
        out += text::kChoiceOpen;
        out.append(s.substr(cps[a].begin, cps[b - 1].end - cps[a].begin));
        out += text::kChoiceClose;
      }
    }
    i = j + 1;
  }
  return out;
}

// Second pass: `⬚ value ]` — the OCR turned the opening bracket into a box.
std::string mangled_open(std::string_view s) {
  const std::vector<Cp> cps = decode_all(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  bool inside_bracket = false;  // an unclosed `[` earlier on this line
  while (i < cps.size()) {
    if (cps[i].cp == '\n') inside_bracket = false;
    if (is_open(cps[i].cp)) inside_bracket = true;
    if (is_close(cps[i].cp)) inside_bracket = false;
    if (cps[i].cp == 0x2B1A && !inside_bracket) {
      std::size_t j = i + 1;
      bool closed = false;
      while (j < cps.size() && cps[j].cp != '\n' && !is_open(cps[j].cp) && !is_token(cps[j].cp) &&
             cps[j].cp != '<') {
        if (is_close(cps[j].cp)) {
          closed = true;
          break;
        }
        ++j;
      }
      if (closed) {
        std::size_t a = i + 1;
        std::size_t b = j;
        while (a < b && is_blank(cps[a].cp)) ++a;
        while (b > a && is_blank(cps[b - 1].cp)) --b;
        if (a < b) {
          out += text::kChoiceOpen;
          out.append(s.substr(cps[a].begin, cps[b - 1].end - cps[a].begin));
          out += text::kChoiceClose;
          i = j + 1;
          continue;
        }
      }
    }
    out.append(s.substr(cps[i].begin, cps[i].end - cps[i].begin));
    ++i;
  }
  return out;
}

}  // namespace

namespace {

// An opening bracket ([ ［ 〔): the first pass has work. (A lead byte is never a continuation
// byte, so the bytes of one of these characters are always read as that character.)
bool has_opener(std::string_view s) {
  return s.find('[') != std::string_view::npos || s.find("\uFF3B") != std::string_view::npos ||
         s.find("\u3014") != std::string_view::npos;
}

}  // namespace

bool has_marks(std::string_view s) {
  return has_opener(s) || s.find(text::kUnknown) != std::string_view::npos;
}

std::string canonicalize_marks(std::string_view s) {
  // Most cells hold neither an opening bracket nor a ⬚: both passes would copy them as they are.
  if (!has_marks(s)) return std::string(s);
  return mangled_open(has_opener(s) ? brackets(s) : std::string(s));
}

}  // namespace hyoka
