// One record as a JSON Lines line: byte for byte what nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes, without its per-character state machine
// (the serializer was a tenth of a batch's time). Strings that are not valid UTF-8 and numbers
// that are not integers are left to nlohmann.
#include <array>
#include <cstring>

#include "batch_internal.h"

namespace hyoka::batch {

using nlohmann::json;

namespace {

// The length of the valid UTF-8 sequence at p[i] (lead byte >= 0x80) as nlohmann's decoder
// accepts it (no overlongs, no surrogates, at most U+10FFFF), or 0.
std::size_t utf8_length(const unsigned char* p, std::size_t i, std::size_t n) {
  const unsigned char b = p[i];
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

// Bytes written as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// One pass: the string is checked as UTF-8 while it is escaped; an invalid one is left to
// nlohmann (its error handler replaces what it cannot decode).
void put_string(std::string& out, const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const std::size_t mark = out.size();
  out += '"';
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (kPlain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t len = utf8_length(p, i, n);
      if (len == 0) {
        out.resize(mark);
        out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    out.append(s, run, i - run);
    run = ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char buf[8];
        static constexpr char kHex[] = "0123456789abcdef";
        std::memcpy(buf, "\\u00", 4);
        buf[4] = kHex[c >> 4];
        buf[5] = kHex[c & 0xF];
        out.append(buf, 6);
      }
    }
  }
  out.append(s, run, n - run);
  out += '"';
}

void put(std::string& out, const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [k, v] : j.get_ref<const json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        put_string(out, k);
        out += ':';
        put(out, v);
      }
      out += '}';
      return;
    }
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& v : j.get_ref<const json::array_t&>()) {
        if (!first) out += ',';
        first = false;
        put(out, v);
      }
      out += ']';
      return;
    }
    case json::value_t::string:
      put_string(out, j.get_ref<const std::string&>());
      return;
    case json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::number_integer:
      out += std::to_string(j.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      out += std::to_string(j.get<std::uint64_t>());
      return;
    default:  // floating point, binary, discarded
      out += j.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace

std::string json_line(const json& j) {
  std::string out;
  out.reserve(64 * 1024);
  put(out, j);
  return out;
}

}  // namespace hyoka::batch
