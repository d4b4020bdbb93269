#include "hyoka/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#include "hyoka/text.h"

namespace hyoka {

namespace {

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kUtf8Bom = "UTF-8 (BOM)";
constexpr std::string_view kCp932 = "Shift_JIS (CP932)";
constexpr std::string_view kEucJp = "EUC-JP";

// ICU converter names. "windows-31j" resolves to ibm-943_P15A-2003, which has the Windows CP932
// table: NEC row 13 (①, №, ∑), NEC-selected and IBM extensions (髙, ⅰ), 0x8160 → U+FF5E (～),
// 0x817C → U+FF0D (－), 0x5C → U+005C. "EUC-JP" resolves to euc-jp-2007.
constexpr const char* kIcuCp932 = "windows-31j";
constexpr const char* kIcuEucJp = "EUC-JP";

enum class Kind { kUtf8, kUtf16Le, kUtf16Be, kUtf16Any, kCp932, kEucJp };

// ---------------------------------------------------------------------------------------------
// UTF-8 (kept on the project's own decoder: one U+FFFD per byte that starts no valid sequence)

struct Utf8Stats {
  std::size_t invalid = 0;
  std::size_t multibyte = 0;  // valid sequences of 2 to 4 bytes
};

bool is_literal_replacement(std::string_view bytes, std::size_t start, std::size_t end) {
  return end - start == 3 && bytes.substr(start, 3) == "\xEF\xBF\xBD";
}

Utf8Stats utf8_stats(std::string_view bytes) {
  Utf8Stats s;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (text::is_plain_three_byte(bytes, pos)) {
      pos += 3;
      ++s.multibyte;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = text::next_cp(bytes, pos);
    if (cp == 0xFFFD && !is_literal_replacement(bytes, start, pos)) {
      ++s.invalid;
    } else {
      ++s.multibyte;
    }
  }
  return s;
}

void decode_utf8(std::string_view bytes, Decoded& d) {
  d.text.reserve(bytes.size());
  std::size_t run = 0;  // start of the bytes copied as they are, up to pos
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = text::next_cp(bytes, pos);
    if (cp != 0xFFFD || is_literal_replacement(bytes, start, pos)) continue;
    d.text.append(bytes, run, start - run);
    run = pos;
    ++d.invalid_sequences;
    if (d.first_invalid_line == 0) {
      d.first_invalid_line =
          1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + start, '\n'));
    }
    text::append_utf8(d.text, 0xFFFD);
  }
  d.text.append(bytes, run, pos - run);
}

// ---------------------------------------------------------------------------------------------
// ICU converters

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

constexpr std::size_t kChunkUnits = 8192;

// Shared with the conversion callback.
struct CallbackState {
  const UChar* chunk = nullptr;  // start of the target buffer of the current ucnv_toUnicode call
  std::size_t invalid = 0;
  bool first_pending = false;    // the first invalid sequence was seen in the current call
  std::size_t first_offset = 0;  // its position in the target buffer
};

// Every unassigned, illegal or irregular sequence becomes one U+FFFD and is counted. (ICU's own
// UCNV_TO_U_CALLBACK_SUBSTITUTE writes U+001A for a single illegal byte in the MBCS converters.)
void U_CALLCONV count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char* /*code_units*/, int32_t /*length*/,
                                     UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto* state = static_cast<CallbackState*>(const_cast<void*>(context));
  ++state->invalid;
  if (state->invalid == 1) {
    state->first_pending = true;
    state->first_offset = 0;
    if (state->chunk != nullptr && args->target >= state->chunk) {
      state->first_offset =
          std::min(static_cast<std::size_t>(args->target - state->chunk), kChunkUnits);
    }
  }
  *err = U_ZERO_ERROR;
  static const UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

ConverterPtr open_converter(const char* icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err) || !cnv) {
    throw EncodingError(std::string("文字コード変換器を開けません: ") + icu_name + " (" +
                        u_errorName(err) + ")");
  }
  return cnv;
}

// Appends UTF-16 code units as UTF-8, counting '\n'. A lead surrogate at the end of one chunk is
// kept in `pending_lead` for the next one.
struct Utf16ToUtf8 {
  std::string* out = nullptr;
  std::size_t newlines = 0;
  char16_t pending_lead = 0;

  void put(const UChar* begin, const UChar* end) {
    for (const UChar* p = begin; p != end; ++p) {
      const char16_t u = static_cast<char16_t>(*p);
      if (pending_lead != 0) {
        const char16_t lead = pending_lead;
        pending_lead = 0;
        if (u >= 0xDC00 && u <= 0xDFFF) {
          text::append_utf8(*out, 0x10000 + ((static_cast<char32_t>(lead) - 0xD800) << 10) +
                                      (static_cast<char32_t>(u) - 0xDC00));
          continue;
        }
        text::append_utf8(*out, 0xFFFD);  // not produced by ICU's converters; defensive
      }
      if (u >= 0xD800 && u <= 0xDBFF) {
        pending_lead = u;
      } else if (u >= 0xDC00 && u <= 0xDFFF) {
        text::append_utf8(*out, 0xFFFD);
      } else {
        if (u == u'\n') ++newlines;
        text::append_utf8(*out, u);
      }
    }
  }
  void finish() {
    if (pending_lead != 0) text::append_utf8(*out, 0xFFFD);
    pending_lead = 0;
  }
};

std::size_t count_newlines(const UChar* begin, const UChar* end) {
  return static_cast<std::size_t>(std::count(begin, end, static_cast<UChar>(u'\n')));
}

// Converts `bytes` with the ICU converter `icu_name` into d.text (UTF-8), counting invalid
// sequences. Memory: the output plus one fixed buffer.
void decode_icu(std::string_view bytes, const char* icu_name, Decoded& d) {
  ConverterPtr cnv = open_converter(icu_name);
  CallbackState state;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), count_and_substitute, &state, nullptr, nullptr, &err);
  if (U_FAILURE(err)) {
    throw EncodingError(std::string("文字コード変換器を設定できません: ") + icu_name);
  }

  d.text.reserve(bytes.size() + bytes.size() / 2);
  Utf16ToUtf8 sink;
  sink.out = &d.text;
  std::array<UChar, kChunkUnits> buffer{};
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  do {
    err = U_ZERO_ERROR;
    UChar* target = buffer.data();
    state.chunk = buffer.data();
    ucnv_toUnicode(cnv.get(), &target, buffer.data() + buffer.size(), &source, source_limit,
                   nullptr, /*flush=*/true, &err);
    if (state.first_pending) {
      state.first_pending = false;
      const std::size_t offset =
          std::min(state.first_offset, static_cast<std::size_t>(target - buffer.data()));
      d.first_invalid_line =
          sink.newlines + count_newlines(buffer.data(), buffer.data() + offset) + 1;
    }
    sink.put(buffer.data(), target);
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  sink.finish();
  // Any other failure (none is expected with the callback above) ends the text where it stopped;
  // the rest is one more invalid sequence rather than an exception.
  if (U_FAILURE(err) && source != source_limit) {
    if (d.first_invalid_line == 0) d.first_invalid_line = sink.newlines + 1;
    ++state.invalid;
    text::append_utf8(d.text, 0xFFFD);
  }
  d.invalid_sequences = state.invalid;
}

// ---------------------------------------------------------------------------------------------
// UTF-16 without a BOM

bool plausible_unit(char16_t u) {
  return u == 0x09 || u == 0x0A || u == 0x0C || u == 0x0D || (u >= 0x20 && u <= 0x7E) ||
         (u >= 0xA0 && u <= 0x17F) ||     // Latin-1, Latin Extended-A
         (u >= 0x370 && u <= 0x4FF) ||    // Greek, Cyrillic (both in JIS X 0208)
         (u >= 0x2000 && u <= 0x2BFF) ||  // punctuation, arrows, math, ①, box drawing, shapes
         (u >= 0x3000 && u <= 0x30FF) ||  // CJK symbols, kana
         (u >= 0x3200 && u <= 0x33FF) ||  // ㈱, ㍻
         (u >= 0x4E00 && u <= 0x9FFF) ||  // CJK unified ideographs
         (u >= 0xF900 && u <= 0xFAFF) ||  // CJK compatibility ideographs
         (u >= 0xFF00 && u <= 0xFFEF) ||  // full-width and half-width forms
         u == 0xFFFD;
}

// Share (0..1) of code units that look like Japanese document text when read in one byte order;
// a well-formed surrogate pair counts as plausible.
double utf16_plausibility(std::string_view bytes, bool little_endian) {
  const std::size_t units = bytes.size() / 2;
  if (units == 0) return 0.0;
  std::size_t good = 0;
  for (std::size_t i = 0; i < units; ++i) {
    const auto b0 = static_cast<unsigned char>(bytes[2 * i]);
    const auto b1 = static_cast<unsigned char>(bytes[2 * i + 1]);
    const auto u = static_cast<char16_t>(little_endian ? (b1 << 8 | b0) : (b0 << 8 | b1));
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
      const auto c0 = static_cast<unsigned char>(bytes[2 * i + 2]);
      const auto c1 = static_cast<unsigned char>(bytes[2 * i + 3]);
      const auto next = static_cast<char16_t>(little_endian ? (c1 << 8 | c0) : (c0 << 8 | c1));
      if (next >= 0xDC00 && next <= 0xDFFF) {
        good += 2;
        ++i;
      }
      continue;
    }
    if (plausible_unit(u)) ++good;
  }
  return static_cast<double>(good) / static_cast<double>(units);
}

// UTF-16LE / UTF-16BE when the bytes read as plausible text in one byte order (at least 80 % of
// the units, and clearly better than the other order; when both orders score alike, the side
// holding more NUL bytes at odd offsets is little endian). Empty when it does not look like
// UTF-16.
std::optional<Kind> guess_utf16_order(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  std::size_t zero_even = 0;
  std::size_t zero_odd = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\0') ++((i % 2 == 0) ? zero_even : zero_odd);
  }
  const double le = utf16_plausibility(bytes, true);
  const double be = utf16_plausibility(bytes, false);
  constexpr double kMin = 0.8;
  constexpr double kMargin = 0.05;
  if (le >= kMin && le >= be + kMargin) return Kind::kUtf16Le;
  if (be >= kMin && be >= le + kMargin) return Kind::kUtf16Be;
  if (std::max(le, be) >= kMin && zero_odd != zero_even) {
    return zero_odd > zero_even ? Kind::kUtf16Le : Kind::kUtf16Be;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Shift_JIS (CP932) or EUC-JP

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's confidence (0..100) for Shift_JIS and EUC-JP; 0 when not reported. ICU's
// ucsdet_setDetectableCharset() does not restrict ucsdet_detectAll() (every recognizer still
// runs), so the other candidates are filtered out here.
std::pair<int, int> icu_japanese_confidence(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  if (U_FAILURE(err) || !det) return {0, 0};
  const auto length = static_cast<int32_t>(
      std::min<std::size_t>(bytes.size(), static_cast<std::size_t>(INT32_MAX)));
  ucsdet_setText(det.get(), bytes.data(), length, &err);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &err);
  if (U_FAILURE(err) || matches == nullptr) return {0, 0};
  int sjis = 0;
  int euc = 0;
  for (int32_t i = 0; i < found; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &e);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &e);
    if (U_FAILURE(e) || name == nullptr) continue;
    const std::string_view n(name);
    if (n == "Shift_JIS") sjis = std::max(sjis, static_cast<int>(confidence));
    if (n == "EUC-JP") euc = std::max(euc, static_cast<int>(confidence));
  }
  return {sjis, euc};
}

// Code points that a wrong guess between CP932 and EUC-JP produces and Japanese documents seldom
// hold: half-width katakana (EUC-JP lead and trail bytes read as CP932), private use (CP932
// user-defined rows), C1 controls.
std::size_t unlikely_code_points(std::string_view utf8) {
  std::size_t n = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const char32_t cp = text::next_cp(utf8, pos);
    if ((cp >= 0xFF61 && cp <= 0xFF9F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
        (cp >= 0x80 && cp <= 0x9F)) {
      ++n;
    }
  }
  return n;
}

Decoded decode_japanese(std::string_view bytes) {
  Decoded sjis;
  sjis.encoding = kCp932;
  decode_icu(bytes, kIcuCp932, sjis);
  Decoded euc;
  euc.encoding = kEucJp;
  decode_icu(bytes, kIcuEucJp, euc);
  // 1. fewer invalid sequences; 2. ICU's detector (higher confidence); 3. fewer unlikely code
  // points; 4. CP932.
  if (sjis.invalid_sequences != euc.invalid_sequences) {
    return sjis.invalid_sequences < euc.invalid_sequences ? std::move(sjis) : std::move(euc);
  }
  const auto [sjis_confidence, euc_confidence] = icu_japanese_confidence(bytes);
  if (sjis_confidence != euc_confidence) {
    return euc_confidence > sjis_confidence ? std::move(euc) : std::move(sjis);
  }
  return unlikely_code_points(euc.text) < unlikely_code_points(sjis.text) ? std::move(euc)
                                                                          : std::move(sjis);
}

// ---------------------------------------------------------------------------------------------
// Decoding one known kind

bool starts_with_bytes(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

Decoded decode_as(std::string_view bytes, Kind kind) {
  Decoded d;
  switch (kind) {
    case Kind::kUtf8:
      d.encoding = kUtf8;
      if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) {
        d.had_bom = true;
        d.encoding = kUtf8Bom;
        bytes.remove_prefix(3);
      }
      decode_utf8(bytes, d);
      return d;
    case Kind::kUtf16Any:
      if (starts_with_bytes(bytes, "\xFF\xFE")) return decode_as(bytes, Kind::kUtf16Le);
      if (starts_with_bytes(bytes, "\xFE\xFF")) return decode_as(bytes, Kind::kUtf16Be);
      return decode_as(bytes, guess_utf16_order(bytes).value_or(Kind::kUtf16Le));
    case Kind::kUtf16Le:
    case Kind::kUtf16Be: {
      const bool le = kind == Kind::kUtf16Le;
      d.encoding = le ? "UTF-16LE" : "UTF-16BE";
      if (starts_with_bytes(bytes, le ? "\xFF\xFE" : "\xFE\xFF")) {
        d.had_bom = true;
        d.encoding += " (BOM)";
        bytes.remove_prefix(2);
      }
      decode_icu(bytes, le ? "UTF-16LE" : "UTF-16BE", d);
      return d;
    }
    case Kind::kCp932:
      d.encoding = kCp932;
      decode_icu(bytes, kIcuCp932, d);
      return d;
    case Kind::kEucJp:
      d.encoding = kEucJp;
      decode_icu(bytes, kIcuEucJp, d);
      return d;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Names

std::string fold_name(std::string_view name) {
  std::size_t b = 0;
  std::size_t e = name.size();
  while (b < e && (name[b] == ' ' || name[b] == '\t')) ++b;
  while (e > b && (name[e - 1] == ' ' || name[e - 1] == '\t')) --e;
  std::string out;
  for (char c : name.substr(b, e - b)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = '-';
    out += c;
  }
  return out;
}

std::optional<Kind> kind_of(std::string_view name) {
  const std::string n = fold_name(name);
  if (n == "utf-8" || n == "utf8") return Kind::kUtf8;
  if (n == "shift-jis" || n == "sjis" || n == "cp932" || n == "windows-31j" || n == "ms932") {
    return Kind::kCp932;
  }
  if (n == "euc-jp" || n == "eucjp") return Kind::kEucJp;
  if (n == "utf-16" || n == "utf16") return Kind::kUtf16Any;
  if (n == "utf-16le" || n == "utf16le") return Kind::kUtf16Le;
  if (n == "utf-16be" || n == "utf16be") return Kind::kUtf16Be;
  return std::nullopt;
}

// `valid_utf8`: set when the bytes are UTF-8 without a BOM and without an invalid sequence (the
// decoded text is then the bytes as they are).
Kind detect(std::string_view bytes, bool& valid_utf8) {
  if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) return Kind::kUtf8;
  if (starts_with_bytes(bytes, "\xFF\xFE")) return Kind::kUtf16Le;
  if (starts_with_bytes(bytes, "\xFE\xFF")) return Kind::kUtf16Be;
  // Text in UTF-8, CP932 or EUC-JP never holds a NUL byte; UTF-16 does for every ASCII
  // character (and U+xx00). Checked before UTF-8 since ASCII in UTF-16 is valid UTF-8.
  if (bytes.find('\0') != std::string_view::npos) {
    if (const auto order = guess_utf16_order(bytes)) return *order;
  }
  const Utf8Stats s = utf8_stats(bytes);
  valid_utf8 = s.invalid == 0;
  if (s.invalid == 0) return Kind::kUtf8;
  // UTF-8 with a few stray bytes stays UTF-8: CP932 or EUC-JP text seldom forms valid UTF-8
  // multibyte sequences at all.
  if (s.multibyte >= 4 * s.invalid) return Kind::kUtf8;
  return Kind::kCp932;  // stands for "Shift_JIS (CP932) or EUC-JP"
}

}  // namespace

Decoded decode(std::string_view bytes) { return decode(bytes, {}); }

Decoded decode(std::string_view bytes, std::string_view forced_encoding) {
  if (fold_name(forced_encoding).empty()) {
    bool valid_utf8 = false;
    const Kind kind = detect(bytes, valid_utf8);
    if (valid_utf8) {
      Decoded d;  // what decode_as(kUtf8) gives, without reading the bytes again
      d.encoding = kUtf8;
      d.text.assign(bytes);
      return d;
    }
    return kind == Kind::kCp932 ? decode_japanese(bytes) : decode_as(bytes, kind);
  }
  const std::optional<Kind> kind = kind_of(forced_encoding);
  if (!kind) {
    std::string list;
    for (const std::string& name : supported_encodings()) {
      if (!list.empty()) list += ", ";
      list += name;
    }
    throw EncodingError("未対応の文字コードです: " + std::string(forced_encoding) +
                        "（対応: " + list + "）");
  }
  return decode_as(bytes, *kind);
}

std::vector<std::string> supported_encodings() {
  return {"UTF-8", "Shift_JIS", "CP932", "EUC-JP", "UTF-16", "UTF-16LE", "UTF-16BE"};
}

bool is_supported_encoding(std::string_view name) { return kind_of(name).has_value(); }

}  // namespace hyoka
