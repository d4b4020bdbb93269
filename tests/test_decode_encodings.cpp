// Unit tests for encoding detection and decoding (include/hyoka/decode.h): Shift_JIS (CP932),
// EUC-JP, UTF-16LE/BE with and without BOM, UTF-8 with BOM; forced encodings; invalid sequences
// replaced, counted and located; hostile inputs. Inputs are built from UTF-8 with ICU.
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hyoka/decode.h"
#include "hyoka/text.h"

using hyoka::decode;
using hyoka::Decoded;

namespace {

struct Closer {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// UTF-8 → `icu_name`, failing the test on any character the encoding cannot hold.
std::string encode(std::string_view utf8, const char* icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, Closer> cnv(ucnv_open(icu_name, &err));
  REQUIRE(U_SUCCESS(err));
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::unique_ptr<UConverter, Closer> utf8cnv(ucnv_open("UTF-8", &err));
  REQUIRE(U_SUCCESS(err));
  std::string out(utf8.size() * 4 + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(cnv.get(), utf8cnv.get(), &target, out.data() + out.size(), &source,
                 utf8.data() + utf8.size(), nullptr, nullptr, nullptr, nullptr, true, true, &err);
  INFO("ICU " << icu_name << ": " << u_errorName(err));
  REQUIRE(U_SUCCESS(err));
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

// True when `cp` survives a round trip through `icu_name` unchanged (no fallback mapping).
bool round_trips(char32_t cp, const char* icu_name) {
  static std::map<std::pair<std::string, char32_t>, bool> cache;
  const auto key = std::make_pair(std::string(icu_name), cp);
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  std::string one;
  hyoka::text::append_utf8(one, cp);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, Closer> cnv(ucnv_open(icu_name, &err));
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::unique_ptr<UConverter, Closer> utf8cnv(ucnv_open("UTF-8", &err));
  char buf[16];
  char* target = buf;
  const char* source = one.data();
  ucnv_convertEx(cnv.get(), utf8cnv.get(), &target, buf + sizeof buf, &source,
                 one.data() + one.size(), nullptr, nullptr, nullptr, nullptr, true, true, &err);
  bool ok = U_SUCCESS(err);
  if (ok) {
    char back[16];
    const int32_t m = ucnv_convert("UTF-8", icu_name, back, sizeof back, buf,
                                   static_cast<int32_t>(target - buf), &err);
    ok = U_SUCCESS(err) && std::string_view(back, static_cast<std::size_t>(m)) == one;
  }
  cache[key] = ok;
  return ok;
}

// `utf8` without the characters that do not round-trip through `icu_name`.
std::string keep_representable(std::string_view utf8, const char* icu_name) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const std::size_t start = pos;
    const char32_t cp = hyoka::text::next_cp(utf8, pos);
    if (cp < 0x80 || round_trips(cp, icu_name)) out.append(utf8.substr(start, pos - start));
  }
  return out;
}

std::string read_seed(const std::string& name) {
  const auto path = std::filesystem::path(HYOKA_SOURCE_DIR) / "fixtures" / "seeds" / name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The first `n` code points of `s`.
std::string first_code_points(std::string_view s, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos < s.size(); ++i) hyoka::text::next_cp(s, pos);
  return std::string(s.substr(0, pos));
}

// 200 characters from the start of seed 003 (title, 評価書番号, the declaration).
std::string excerpt() { return first_code_points(read_seed("003_6edb3ad0aa6a4351.txt"), 200); }

const std::string kBomUtf8 = "\xEF\xBB\xBF";
const std::string kBomLe = "\xFF\xFE";
const std::string kBomBe = "\xFE\xFF";

struct Case {
  std::string bytes;
  std::string encoding;
  bool had_bom;
};

std::vector<Case> all_encodings(const std::string& utf8) {
  return {
      {utf8, "UTF-8", false},
      {kBomUtf8 + utf8, "UTF-8 (BOM)", true},
      {encode(utf8, "windows-31j"), "Shift_JIS (CP932)", false},
      {encode(utf8, "EUC-JP"), "EUC-JP", false},
      {encode(utf8, "UTF-16LE"), "UTF-16LE", false},
      {encode(utf8, "UTF-16BE"), "UTF-16BE", false},
      {kBomLe + encode(utf8, "UTF-16LE"), "UTF-16LE (BOM)", true},
      {kBomBe + encode(utf8, "UTF-16BE"), "UTF-16BE (BOM)", true},
  };
}

// Deterministic bytes (xorshift).
std::string noise(std::size_t n, std::uint32_t seed) {
  std::string out(n, '\0');
  std::uint32_t x = seed;
  for (char& c : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x & 0xFF);
  }
  return out;
}

// True when `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    if (hyoka::text::next_cp(s, pos) == 0xFFFD && s.substr(start, pos - start) != "\uFFFD") {
      return false;
    }
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// detection and round trip

TEST_CASE("decode detects every supported encoding of a seed excerpt and round-trips it",
          "[decode]") {
  const std::string utf8 = excerpt();
  REQUIRE(utf8.find("特定個人情報保護評価書") != std::string::npos);
  for (const Case& c : all_encodings(utf8)) {
    INFO("expected " << c.encoding);
    const Decoded d = decode(c.bytes);
    CHECK(d.encoding == c.encoding);
    CHECK(d.had_bom == c.had_bom);
    CHECK(d.text == utf8);
    CHECK(d.invalid_sequences == 0);
    CHECK(d.first_invalid_line == 0);
  }
}

TEST_CASE("decode round-trips whole seeds in every encoding across chunk boundaries", "[decode]") {
  for (const char* name : {"003_6edb3ad0aa6a4351.txt", "001_97e7286a07f87af4.txt"}) {
    const std::string seed = read_seed(name);
    REQUIRE(seed.size() > 30000);  // more than one 8192-unit conversion buffer
    INFO(name);
    for (const auto& [icu, expected] :
         std::vector<std::pair<const char*, std::string>>{{"windows-31j", "Shift_JIS (CP932)"},
                                                          {"EUC-JP", "EUC-JP"},
                                                          {"UTF-16LE", "UTF-16LE"},
                                                          {"UTF-16BE", "UTF-16BE"}}) {
      INFO(expected);
      const std::string utf8 = keep_representable(seed, icu);
      const Decoded d = decode(encode(utf8, icu));
      CHECK(d.encoding == expected);
      CHECK(d.invalid_sequences == 0);
      CHECK(d.text == utf8);
    }
  }
}

TEST_CASE("decode keeps CRLF line ends in every encoding", "[decode]") {
  const std::string utf8 = "①事務の名称\t税\r\n②事務の内容\t賦課\r\n";
  for (const Case& c : all_encodings(utf8)) {
    INFO(c.encoding);
    const Decoded d = decode(c.bytes);
    CHECK(d.text == utf8);
  }
}

TEST_CASE("decode reads UTF-16 without BOM whose text is mostly full-width", "[decode]") {
  // U+3000 and U+xx00 kanji put NUL bytes at the other parity than ASCII does.
  const std::string utf8 = "\u3000\u3000一\u3000特定個人情報ファイル\u3000\u3000名称\u3000丁\n";
  for (const auto& [icu, expected] :
       {std::pair<const char*, const char*>{"UTF-16LE", "UTF-16LE"}, {"UTF-16BE", "UTF-16BE"}}) {
    INFO(expected);
    const Decoded d = decode(encode(utf8, icu));
    CHECK(d.encoding == expected);
    CHECK(d.text == utf8);
  }
}

TEST_CASE("decode reads ASCII-only UTF-16 without BOM", "[decode]") {
  const std::string utf8 = "abc\n36\tdef\n";
  CHECK(decode(encode(utf8, "UTF-16LE")).encoding == "UTF-16LE");
  CHECK(decode(encode(utf8, "UTF-16LE")).text == utf8);
  CHECK(decode(encode(utf8, "UTF-16BE")).encoding == "UTF-16BE");
  CHECK(decode(encode(utf8, "UTF-16BE")).text == utf8);
}

TEST_CASE("decode keeps astral characters in UTF-16 across the conversion buffer", "[decode]") {
  // 𠮷 (U+20BB7) is a surrogate pair; put it on every position around the 8192-unit boundary.
  for (std::size_t lead = 8185; lead <= 8195; ++lead) {
    const std::string utf8 = std::string(lead, 'a') + "𠮷\n";
    for (const char* icu : {"UTF-16LE", "UTF-16BE"}) {
      INFO(icu << " after " << lead << " units");
      const Decoded d = decode(encode(utf8, icu), icu);
      CHECK(d.text == utf8);
      CHECK(d.invalid_sequences == 0);
    }
  }
}

TEST_CASE("decode tells UTF-8 with a few stray bytes from CP932", "[decode]") {
  const std::string utf8 = "①事務の名称\t税\n②事務の内容\t賦課\n";
  const Decoded stray = decode(utf8 + "\x81\n");
  CHECK(stray.encoding == "UTF-8");
  CHECK(stray.invalid_sequences == 1);
  CHECK(stray.first_invalid_line == 3);

  const Decoded sjis = decode(encode(utf8, "windows-31j"));
  CHECK(sjis.encoding == "Shift_JIS (CP932)");
  CHECK(sjis.text == utf8);
}

TEST_CASE("decode prefers EUC-JP over half-width katakana read as CP932", "[decode]") {
  // Every byte of these EUC-JP texts is also a CP932 half-width katakana or kanji byte.
  for (const std::string utf8 : {"事務の名称", "評価\n評価\n評価\n", "特定個人情報ファイル\n"}) {
    INFO(utf8);
    const Decoded d = decode(encode(utf8, "EUC-JP"));
    CHECK(d.encoding == "EUC-JP");
    CHECK(d.text == utf8);
  }
}

// ---------------------------------------------------------------------------------------------
// forced encodings

TEST_CASE("decode with a forced encoding overrides detection", "[decode]") {
  // Short EUC-JP text is also valid CP932 (as half-width katakana and kanji); forcing settles it.
  const std::string utf8 = "事務の名称";
  const std::string euc = encode(utf8, "EUC-JP");
  const Decoded forced = decode(euc, "euc-jp");
  CHECK(forced.encoding == "EUC-JP");
  CHECK(forced.text == utf8);
  CHECK(forced.invalid_sequences == 0);
  CHECK(decode(euc, "EUCJP").text == utf8);
  CHECK(decode(euc, " EUC_JP ").text == utf8);

  // The seed excerpt in EUC-JP, forced as EUC-JP
  const std::string seed = excerpt();
  const Decoded seed_euc = decode(encode(seed, "EUC-JP"), "EUC-JP");
  CHECK(seed_euc.encoding == "EUC-JP");
  CHECK(seed_euc.text == seed);

  // valid UTF-8 forced as CP932 is read as CP932
  const Decoded ascii = decode("abc\n", "Shift_JIS");
  CHECK(ascii.encoding == "Shift_JIS (CP932)");
  CHECK(ascii.text == "abc\n");
}

TEST_CASE("decode with the wrong forced encoding counts replacements", "[decode]") {
  const std::string seed = excerpt();
  const std::string sjis = encode(seed, "windows-31j");

  const Decoded as_euc = decode(sjis, "EUC-JP");
  CHECK(as_euc.encoding == "EUC-JP");
  CHECK(as_euc.invalid_sequences > 0);
  CHECK(as_euc.first_invalid_line == 3);  // the title, after two empty lines
  CHECK(as_euc.text != seed);
  CHECK(valid_utf8(as_euc.text));

  const Decoded as_utf8 = decode(sjis, "utf8");
  CHECK(as_utf8.encoding == "UTF-8");
  CHECK(as_utf8.invalid_sequences > 0);
  CHECK(as_utf8.first_invalid_line == 3);

  const Decoded as_sjis = decode(encode(seed, "EUC-JP"), "cp932");
  CHECK(as_sjis.encoding == "Shift_JIS (CP932)");
  CHECK(as_sjis.text != seed);
  CHECK(valid_utf8(as_sjis.text));
}

TEST_CASE("decode with a forced encoding removes only that encoding's BOM", "[decode]") {
  const std::string utf8 = "評価書番号\n";
  const Decoded le = decode(kBomLe + encode(utf8, "UTF-16LE"), "UTF-16LE");
  CHECK(le.encoding == "UTF-16LE (BOM)");
  CHECK(le.had_bom);
  CHECK(le.text == utf8);

  const Decoded any_be = decode(kBomBe + encode(utf8, "UTF-16BE"), "utf-16");
  CHECK(any_be.encoding == "UTF-16BE (BOM)");
  CHECK(any_be.text == utf8);

  const Decoded any_le = decode(encode(utf8, "UTF-16LE"), "UTF16");
  CHECK(any_le.encoding == "UTF-16LE");
  CHECK(any_le.text == utf8);

  const Decoded u8 = decode(kBomUtf8 + utf8, "UTF-8");
  CHECK(u8.encoding == "UTF-8 (BOM)");
  CHECK(u8.had_bom);
  CHECK(u8.text == utf8);

  // a UTF-8 BOM is not a BOM of CP932: it stays (as whatever CP932 makes of it)
  const Decoded sjis = decode(kBomUtf8 + "abc", "sjis");
  CHECK_FALSE(sjis.had_bom);
  CHECK(sjis.text.size() > 3);
}

TEST_CASE("decode rejects an unsupported forced encoding", "[decode]") {
  CHECK_THROWS_AS(decode("abc", "latin1"), hyoka::EncodingError);
  try {
    decode("abc", "ISO-2022-JP");
    FAIL("no exception");
  } catch (const hyoka::EncodingError& e) {
    const std::string what = e.what();
    CHECK(what.find("ISO-2022-JP") != std::string::npos);
    CHECK(what.find("未対応") != std::string::npos);
    for (const std::string& name : hyoka::supported_encodings()) {
      CHECK(what.find(name) != std::string::npos);
    }
  }
  // EncodingError is a std::runtime_error
  CHECK_THROWS_AS(decode("", "UTF-32"), std::runtime_error);
  // an empty or blank name means "detect"
  CHECK(decode("abc", "").encoding == "UTF-8");
  CHECK(decode("abc", "  ").encoding == "UTF-8");
}

TEST_CASE("is_supported_encoding accepts the common aliases in any case", "[decode]") {
  for (const char* name :
       {"utf-8", "UTF8", "Shift_JIS", "shift-jis", "SJIS", "cp932", "CP932", "Windows-31J", "MS932",
        "euc-jp", "EUC-JP", "eucjp", "UTF-16", "utf-16le", "UTF-16BE", "utf16le"}) {
    INFO(name);
    CHECK(hyoka::is_supported_encoding(name));
  }
  for (const char* name : {"", "latin1", "ISO-2022-JP", "UTF-32", "utf-8-sig", "shift"}) {
    INFO(name);
    CHECK_FALSE(hyoka::is_supported_encoding(name));
  }
  const std::vector<std::string> names = hyoka::supported_encodings();
  CHECK(names.size() == 7);
  for (const std::string& name : names) CHECK(hyoka::is_supported_encoding(name));
}

// ---------------------------------------------------------------------------------------------
// invalid sequences

TEST_CASE("decode replaces invalid bytes in CP932 text, counts them and reports the line",
          "[decode]") {
  const std::string bytes =
      encode("①事務の名称\t税\n②事務の内容\t賦課\n③対象", "windows-31j") +
      "\x85\x40" +                              // unassigned double-byte code → one U+FFFD
      encode("人数", "windows-31j") + "\xFF" +  // never a CP932 byte → one U+FFFD
      "\x81\n" +  // lead byte before a line feed → one U+FFFD, \n kept
      encode("④期間\n", "windows-31j") + "\x82";  // truncated at the end → one U+FFFD
  const std::string expected =
      "①事務の名称\t税\n②事務の内容\t賦課\n③対象\uFFFD人数\uFFFD\uFFFD\n④期間\n\uFFFD";
  for (const char* forced : {"", "CP932"}) {
    INFO("forced: " << forced);
    const Decoded d = decode(bytes, forced);
    CHECK(d.encoding == "Shift_JIS (CP932)");
    CHECK(d.text == expected);
    CHECK(d.invalid_sequences == 4);
    CHECK(d.first_invalid_line == 3);
  }
}

TEST_CASE("decode reports the line of the first invalid sequence far into the input", "[decode]") {
  std::string utf8;
  for (int i = 0; i < 20000; ++i) utf8 += "評価\n";
  for (const auto& [icu, forced] :
       {std::pair<const char*, const char*>{"windows-31j", "sjis"}, {"EUC-JP", "euc-jp"}}) {
    INFO(icu);
    const std::string bytes = encode(utf8, icu) + "\xFF\n" + encode("評価\n\xE3\x80\x80", icu);
    const Decoded d = decode(bytes, forced);
    CHECK(d.invalid_sequences == 1);
    CHECK(d.first_invalid_line == 20001);
    const Decoded detected = decode(bytes);
    CHECK(detected.first_invalid_line == 20001);
  }
  const std::string le = encode(utf8, "UTF-16LE") + std::string("\x00\xDC\x0A\x00", 4);
  const Decoded d16 = decode(le, "UTF-16LE");
  CHECK(d16.invalid_sequences == 1);
  CHECK(d16.first_invalid_line == 20001);
  CHECK(d16.text == utf8 + "\uFFFD\n");
}

TEST_CASE("decode replaces lone surrogates in UTF-16", "[decode]") {
  // lead surrogate followed by `A`; lone trail surrogate; lead surrogate at the end
  const std::string le = std::string(
      "a\x00\n\x00\x00\xD8"
      "A\x00\n\x00\x00\xDC\x00\xD8",
      14);
  const Decoded d = decode(le, "UTF-16LE");
  CHECK(d.text == "a\n\uFFFDA\n\uFFFD\uFFFD");
  CHECK(d.invalid_sequences == 3);
  CHECK(d.first_invalid_line == 2);

  const std::string be = std::string(
      "\x00"
      "a\x00\n\xD8\x00\x00"
      "A",
      8);
  const Decoded dbe = decode(be, "UTF-16BE");
  CHECK(dbe.text == "a\n\uFFFDA");
  CHECK(dbe.invalid_sequences == 1);
  CHECK(dbe.first_invalid_line == 2);
}

// ---------------------------------------------------------------------------------------------
// CP932 specifics

TEST_CASE("decode maps CP932 extensions the way Windows does", "[decode]") {
  const std::string bytes =
      "\x87\x40"  // ①  NEC row 13
      "\x87\x54"  // Ⅰ
      "\x87\x82"  // №
      "\x87\x8A"  // ㈱
      "\x87\x7E"  // ㍻
      "\x81\x60"  // ～ U+FF5E (JIS: 〜 U+301C)
      "\x81\x7C"  // － U+FF0D (JIS: − U+2212)
      "\x81\x5F"  // ＼ U+FF3C
      "\x81\x61"  // ∥ U+2225 (JIS: ‖ U+2016)
      "\x81\x91"  // ￠ U+FFE0
      "\x81\xCA"  // ￢ U+FFE2
      "\xFB\xFC"  // 髙 IBM extension
      "\xED\x40"  // 纊 NEC-selected IBM extension
      "\xFA\x40"  // ⅰ IBM extension
      "\\~\n";    // ASCII stays ASCII (no ¥ or ‾)
  const std::string expected = "①Ⅰ№㈱㍻\uFF5E\uFF0D\uFF3C\u2225\uFFE0\uFFE2髙纊ⅰ\\~\n";
  for (const char* forced : {"", "Shift_JIS", "windows-31j", "MS932"}) {
    INFO("forced: " << forced);
    const Decoded d = decode(bytes, forced);
    CHECK(d.encoding == "Shift_JIS (CP932)");
    CHECK(d.text == expected);
    CHECK(d.invalid_sequences == 0);
  }
  // ICU encodes them back as Windows does: the NEC-selected IBM extension row (ED/EE) goes to
  // the IBM extension row (FA-FC), so 纊 comes back as FA 5C
  std::string windows = bytes;
  windows.replace(windows.find("\xED\x40"), 2, "\xFA\x5C");
  CHECK(encode(expected, "windows-31j") == windows);
}

TEST_CASE("decode maps half-width katakana in CP932 and EUC-JP", "[decode]") {
  const std::string utf8 = "ｶﾀｶﾅ ﾃﾞｰﾀ\n";
  CHECK(decode(encode(utf8, "windows-31j"), "cp932").text == utf8);
  CHECK(decode(encode(utf8, "EUC-JP"), "euc-jp").text == utf8);
}

// ---------------------------------------------------------------------------------------------
// hostile inputs

TEST_CASE("decode never fails on empty or tiny inputs", "[decode]") {
  const std::vector<std::string> forced = {"",       "UTF-8",    "CP932",   "EUC-JP",
                                           "UTF-16", "UTF-16LE", "UTF-16BE"};
  for (const std::string& f : forced) {
    INFO("forced: " << f);
    const Decoded empty = decode("", f);
    CHECK(empty.text.empty());
    CHECK(empty.invalid_sequences == 0);
    CHECK(empty.first_invalid_line == 0);
  }
  CHECK(decode("").encoding == "UTF-8");

  // one odd byte for UTF-16
  for (const char* f : {"UTF-16LE", "UTF-16BE", "UTF-16"}) {
    INFO(f);
    const Decoded d = decode("A", f);
    CHECK(d.text == "\uFFFD");
    CHECK(d.invalid_sequences == 1);
    CHECK(d.first_invalid_line == 1);
  }
  // a BOM alone, and a BOM followed by one odd byte
  const Decoded bom = decode(kBomLe);
  CHECK(bom.encoding == "UTF-16LE (BOM)");
  CHECK(bom.text.empty());
  const Decoded bom_odd = decode(kBomBe + "x");
  CHECK(bom_odd.encoding == "UTF-16BE (BOM)");
  CHECK(bom_odd.text == "\uFFFD");
  CHECK(bom_odd.invalid_sequences == 1);

  // every single byte, detected and forced
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    for (const std::string& f : forced) {
      const Decoded d = decode(one, f);
      CHECK(valid_utf8(d.text));
      CHECK(d.invalid_sequences <= 1);
    }
  }
}

TEST_CASE("decode survives random bytes in every encoding", "[decode]") {
  const std::vector<std::string> forced = {"",       "UTF-8",    "CP932",   "EUC-JP",
                                           "UTF-16", "UTF-16LE", "UTF-16BE"};
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const std::string bytes = noise(seed * 997, seed * 2654435761u);
    for (const std::string& f : forced) {
      INFO("seed " << seed << " forced: " << f);
      const Decoded d = decode(bytes, f);
      CHECK(valid_utf8(d.text));
      CHECK(d.invalid_sequences > 0);
      CHECK(d.first_invalid_line >= 1);
      CHECK_FALSE(d.encoding.empty());
    }
  }
  // NUL bytes everywhere are not UTF-16 unless the text reads as such
  const std::string zeros(1000, '\0');
  const Decoded z = decode(zeros);
  CHECK(valid_utf8(z.text));
}
