// decode: bytes to UTF-8. Accepts UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP and
// UTF-16LE/BE (with or without BOM); the encoding is detected unless the caller forces one.
// Invalid byte sequences are replaced by U+FFFD and counted, never fatal. CRLF is left as is.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

struct Decoded {
  std::string text;  // UTF-8, BOM removed
  // What was read: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "UTF-16LE (BOM)",
  // "UTF-16BE (BOM)", "Shift_JIS (CP932)" or "EUC-JP".
  std::string encoding = "UTF-8";
  bool had_bom = false;                // a UTF-8 or UTF-16 byte order mark was removed
  std::size_t invalid_sequences = 0;   // each one became one U+FFFD (a literal U+FFFD is not one)
  std::size_t first_invalid_line = 0;  // 1-based line of the decoded text, 0 when none
};

// A forced encoding name that decode() does not support. The message (Japanese) names the
// encoding and lists the supported ones.
class EncodingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Detects the encoding: a BOM; else UTF-16 without BOM (NUL bytes present and the text reads as
// plausible UTF-16 in one byte order); else UTF-8 (valid, or mostly valid with a few stray
// bytes); else Shift_JIS (CP932) or EUC-JP (ICU's charset detector, checked against the number
// of invalid sequences each decoding yields; a tie is Shift_JIS (CP932)).
Decoded decode(std::string_view bytes);

// As above, but a non-empty `forced_encoding` (any name accepted by is_supported_encoding())
// overrides detection. A BOM of the forced encoding is still removed ("UTF-16" without a BOM
// picks the byte order by the same heuristic, little endian when undecidable).
// Throws EncodingError when the name is not supported.
Decoded decode(std::string_view bytes, std::string_view forced_encoding);

// The encoding names to show users: UTF-8, Shift_JIS, CP932, EUC-JP, UTF-16, UTF-16LE, UTF-16BE.
std::vector<std::string> supported_encodings();

// Case-insensitive; '_' and '-' are interchangeable. Accepts utf-8, utf8, shift_jis, sjis, cp932,
// windows-31j, ms932, euc-jp, eucjp, utf-16, utf16, utf-16le, utf16le, utf-16be, utf16be.
bool is_supported_encoding(std::string_view name);

}  // namespace hyoka
