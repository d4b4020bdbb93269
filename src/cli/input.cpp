#include "cli/input.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace hyoka::cli {

Input read_input(const std::string& name) {
  Input in;
  in.name = name;
  if (name == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    in.bytes = ss.str();
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
    in.bytes.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  } catch (const std::exception&) {
    in.error = "ファイルの読み込み中にエラーが発生しました";
    return in;
  }
  if (f.bad()) {
    in.error = "ファイルの読み込み中にエラーが発生しました";
    return in;
  }
  in.ok = true;
  return in;
}

std::string display_name(const std::string& name) { return name == "-" ? "<標準入力>" : name; }

}  // namespace hyoka::cli
