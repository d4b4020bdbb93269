// One record as a JSON Lines line: byte for byte what nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes, without its per-character state machine
// (the serializer was a tenth of a batch's time). Strings that are not valid UTF-8 and numbers
// that are not integers are left to nlohmann.
#include <cstring>

#include "batch_internal.h"

namespace hyoka::batch {

using nlohmann::json;

namespace {

// Valid UTF-8 as nlohmann's decoder accepts it (no overlongs, no surrogates, at most U+10FFFF).
bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
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
      return false;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

void put_string(std::string& out, const std::string& s) {
  if (!valid_utf8(s)) {
    out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
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
  out.append(s, run, s.size() - run);
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
