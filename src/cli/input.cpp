#include "cli/input.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace hyoka::cli {

namespace {

// Reads at most `max_bytes` + 1 bytes: an input past the limit is rejected by the library
// (LIM001) without holding the rest of it in memory.
bool read_bounded(std::istream& s, std::size_t max_bytes, std::string& out) {
  constexpr std::size_t kChunk = 1 << 16;
  const std::size_t want = max_bytes + 1;
  std::string buffer(kChunk, '\0');
  while (out.size() < want) {
    s.read(buffer.data(), static_cast<std::streamsize>(std::min(kChunk, want - out.size())));
    out.append(buffer.data(), static_cast<std::size_t>(s.gcount()));
    if (!s) break;
  }
  return !s.bad();
}

}  // namespace

Input read_input(const std::string& name, std::size_t max_bytes) {
  Input in;
  in.name = name;
  if (name == "-") {
    if (!read_bounded(std::cin, max_bytes, in.bytes)) {
      in.error = "標準入力の読み込み中にエラーが発生しました";
      return in;
    }
    in.ok = true;
    return in;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(name, ec)) {
    in.error = "ディレクトリです（ファイルを指定してください）";
    return in;
  }
  std::ifstream f(name, std::ios::binary);
  if (!f) {
    in.error = "ファイルを開けません";
    return in;
  }
  try {
    if (!read_bounded(f, max_bytes, in.bytes)) {
      in.error = "ファイルの読み込み中にエラーが発生しました";
      return in;
    }
  } catch (const std::exception&) {
    in.error = "ファイルの読み込み中にエラーが発生しました";
    return in;
  }
  in.ok = true;
  return in;
}

std::string display_name(const std::string& name) { return name == "-" ? "<標準入力>" : name; }

void report_limit(const std::string& name, const LimitExceeded& e) {
  std::cerr << "hyoka: " << display_name(name) << ": 制限を超えた入力です: " << e.what();
  if (e.limit() == "max_bytes") std::cerr << "上限は --max-bytes で変更できます。";
  std::cerr << "\n";
}

}  // namespace hyoka::cli
